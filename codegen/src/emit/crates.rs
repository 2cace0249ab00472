//! Whole crates: which files each generated crate has, and what goes in them.

use super::{cargo, client, models, readme};
use crate::config::{ApiConfig, ClientConfig};
use crate::error::{Error, Result};
use crate::ir::{ContentKind, Model};
use crate::{render, GeneratedFile};
use proc_macro2::TokenStream;
use quote::quote;

/// Where each file goes as it is made, as `(path, text)` pieces: a file's pieces arrive one
/// after another, in order, and join into its text. A large API's files are never all in
/// memory at once, and its largest files never whole. It is `Send`: the pieces of a large
/// file are handed over from the rendering threads.
pub type Sink<'a> = dyn FnMut(&str, &str) + Send + 'a;

/// Hands a whole file to `write`.
fn put(write: &mut Sink<'_>, file: GeneratedFile) {
    write(&file.path, &file.contents);
}

/// The models crate: `Cargo.toml`, `README.md`, `src/lib.rs`, `src/types.rs`, `src/support.rs`.
pub fn models_crate(
    config: &ApiConfig,
    model: &Model,
    from: &render::Provenance,
    write: &mut Sink<'_>,
) -> Result<()> {
    let dir = &config.models.name;
    let header = render::header("//", from);
    let mut crate_doc = format!(
        "Typed models for the {} API (API version {}).\n",
        config.name, model.api_version
    );
    if let Some(description) = &model.description {
        crate_doc.push('\n');
        crate_doc.push_str(&crate::doc::sanitize(description));
        crate_doc.push('\n');
    }
    crate_doc.push_str(
        "\nEvery type is generated from the spec: objects are structs that keep wire names through \
         serde renames, string enums keep unknown values, and optional nullable properties use \
         [`Nullable`] so that absent and `null` stay distinct.",
    );
    let description = format!(
        "Typed models for the {} API, generated from its OpenAPI spec",
        config.name
    );
    let manifest = cargo::models_manifest(
        &render::header("#", from),
        &config.models,
        &config.package,
        &description,
        &group_feature_names(model),
    );
    write(&format!("{dir}/Cargo.toml"), &manifest);
    write(
        &format!("{dir}/README.md"),
        &readme::models_readme(config, model, from),
    );
    put(write, rustfmt_toml(dir, from));
    put(
        write,
        rust(
            dir,
            "src/lib.rs",
            &header,
            models::models_lib(&crate_doc, model),
        )?,
    );
    put(
        write,
        verbatim(
            dir,
            "src/support.rs",
            &header,
            include_str!("../../templates/support.rs"),
        ),
    );
    if models::has_builders(model) {
        put(
            write,
            rust(
                dir,
                "src/builder.rs",
                &header,
                models::models_builders(model),
            )?,
        );
    }
    rust_items(
        dir,
        "src/types.rs",
        &header,
        models::models_types(model),
        write,
    )
}

/// The client crate: `Cargo.toml`, `README.md`, and the runtime, servers, operations and builders.
pub fn client_crate(
    config: &ApiConfig,
    client_config: &ClientConfig,
    model: &Model,
    from: &render::Provenance,
    write: &mut Sink<'_>,
) -> Result<()> {
    let dir = &client_config.name;
    let header = render::header("//", from);
    let models_crate = proc_macro2::Ident::new(
        &config.models.name.replace('-', "_"),
        proc_macro2::Span::call_site(),
    );
    let groups = group_exports(model);
    let included = client_config.include.keys().map(|module| {
        let gate = client_config
            .feature_of(module)
            .map(|feature| quote!(#[cfg(feature = #feature)]));
        let module = super::ident(module);
        quote!(#gate pub mod #module;)
    });
    let root_types = crate::vocabulary::CRATE_ROOT_TYPES
        .iter()
        .map(|name| super::ident(name));
    let lib = quote! {
        #![doc = include_str!("../README.md")]

        #[doc(hidden)]
        pub mod runtime;
        pub mod defaults;
        pub mod servers;
        mod operations;
        pub mod builders;
        #( #included )*

        /// The models crate, re-exported so that one dependency is enough.
        pub use #models_crate as models;
        /// The `reqwest` this client is built on, for callers who bring their own `reqwest::Client`.
        pub use reqwest;
        #groups
        pub use runtime::{ #( #root_types ),* };
    };
    let description = format!(
        "Typed async client for the {} API, generated from its OpenAPI spec",
        config.name
    );
    let manifest = cargo::client_manifest(
        &render::header("#", from),
        client_config,
        &config.models,
        &config.package,
        &description,
        &reqwest_features(model),
        &group_feature_names(model),
    );
    write(&format!("{dir}/Cargo.toml"), &manifest);
    write(
        &format!("{dir}/README.md"),
        &readme::client_readme(config, client_config, model, from),
    );
    put(write, rustfmt_toml(dir, from));
    put(write, rust(dir, "src/lib.rs", &header, lib)?);
    put(
        write,
        rust(
            dir,
            "src/defaults.rs",
            &header,
            client::defaults(model, client_config),
        )?,
    );
    put(
        write,
        rust(dir, "src/servers.rs", &header, client::servers(model))?,
    );
    rust_items(
        dir,
        "src/operations.rs",
        &header,
        client::operations(model),
        write,
    )?;
    rust_items(
        dir,
        "src/builders.rs",
        &header,
        client::builders(model),
        write,
    )?;
    let multipart = uses_body(model, ContentKind::Multipart);
    for (file, text) in RUNTIME {
        let path = format!("src/runtime/{file}");
        let mut text = (*text).to_owned();
        if file == "mod.rs" && multipart {
            text.push_str("\nmod multipart;\n#[doc(hidden)]\npub use multipart::{file_parts, multipart, FileParts};\n");
        }
        put(write, verbatim(dir, &path, &header, &text));
    }
    if multipart {
        let path = "src/runtime/multipart.rs";
        put(write, verbatim(dir, path, &header, MULTIPART));
    }
    Ok(())
}

/// The `reqwest` features the client needs: forms and multipart bodies only where the API
/// sends them.
fn reqwest_features(model: &Model) -> Vec<&'static str> {
    let mut features = vec!["gzip", "json", "query", "stream"];
    if uses_body(model, ContentKind::Form) {
        features.push("form");
    }
    if uses_body(model, ContentKind::Multipart) {
        features.push("multipart");
    }
    features
}

/// Whether some operation sends a body of this kind.
pub(super) fn uses_body(model: &Model, kind: ContentKind) -> bool {
    model
        .operations
        .iter()
        .any(|op| op.body.as_ref().is_some_and(|b| b.kind == kind))
}

/// The runtime's `multipart/form-data` support, for APIs that send such bodies.
const MULTIPART: &str = include_str!("../../templates/runtime/multipart.rs");

/// The client runtime's files, the same for every API.
const RUNTIME: [(&str, &str); 15] = [
    ("mod.rs", include_str!("../../templates/runtime/mod.rs")),
    (
        "client.rs",
        include_str!("../../templates/runtime/client.rs"),
    ),
    (
        "credentials.rs",
        include_str!("../../templates/runtime/credentials.rs"),
    ),
    (
        "decode.rs",
        include_str!("../../templates/runtime/decode.rs"),
    ),
    (
        "encode.rs",
        include_str!("../../templates/runtime/encode.rs"),
    ),
    ("error.rs", include_str!("../../templates/runtime/error.rs")),
    (
        "events.rs",
        include_str!("../../templates/runtime/events.rs"),
    ),
    (
        "options.rs",
        include_str!("../../templates/runtime/options.rs"),
    ),
    (
        "paging.rs",
        include_str!("../../templates/runtime/paging.rs"),
    ),
    ("query.rs", include_str!("../../templates/runtime/query.rs")),
    (
        "redact.rs",
        include_str!("../../templates/runtime/redact.rs"),
    ),
    (
        "response.rs",
        include_str!("../../templates/runtime/response.rs"),
    ),
    ("retry.rs", include_str!("../../templates/runtime/retry.rs")),
    ("send.rs", include_str!("../../templates/runtime/send.rs")),
    ("sse.rs", include_str!("../../templates/runtime/sse.rs")),
];

/// The client's hand-written modules (`[client.include]`), copied verbatim from beside the
/// config behind a header that says where to edit them.
pub fn included_files(
    input: &crate::ApiInput,
    client: &ClientConfig,
) -> Result<Vec<GeneratedFile>> {
    let dir = input
        .config_path
        .rsplit_once('/')
        .map_or(String::new(), |(dir, _)| format!("{dir}/"));
    client
        .include
        .iter()
        .map(|(module, file)| {
            let source = format!("{dir}{file}");
            let text = input
                .includes
                .iter()
                .find(|f| f.path == source)
                .ok_or_else(|| Error::Config {
                    at: crate::Location {
                        file: input.config_path.clone(),
                        pointer: format!("/client/include/{module}"),
                    },
                    reason: format!("`{source}` was not read"),
                })?;
            Ok(GeneratedFile {
                path: format!("{}/src/{module}.rs", client.name),
                contents: format!(
                    "// Copied by `cargo xtask regen` from {source}, which is written by hand: edit it there.\n\n{}",
                    text.text
                ),
            })
        })
        .collect()
}

/// Keeps `cargo fmt` away from generated code: its layout is prettyplease's, and the golden
/// test holds it byte for byte.
fn rustfmt_toml(dir: &str, from: &render::Provenance) -> GeneratedFile {
    let header = render::header("#", from);
    GeneratedFile {
        path: format!("{dir}/rustfmt.toml"),
        contents: format!("{header}\ndisable_all_formatting = true\n"),
    }
}

fn rust(dir: &str, file: &str, header: &str, tokens: TokenStream) -> Result<GeneratedFile> {
    let path = format!("{dir}/{file}");
    let contents = render::rust_file(&path, header, tokens)?;
    Ok(GeneratedFile { path, contents })
}

fn rust_items(
    dir: &str,
    file: &str,
    header: &str,
    items: super::Items,
    write: &mut Sink<'_>,
) -> Result<()> {
    let path = format!("{dir}/{file}");
    render::rust_items(
        &path,
        header,
        items.prelude,
        &items.weights,
        &*items.item,
        &mut |piece| write(&path, piece),
    )
}

/// A file of Rust kept as real code in `codegen/templates/` (the runtime, the models'
/// support), written as it is under the header: its comments reach the generated crate.
fn verbatim(dir: &str, file: &str, header: &str, text: &str) -> GeneratedFile {
    GeneratedFile {
        path: format!("{dir}/{file}"),
        contents: format!("{header}\n{text}"),
    }
}

/// The tag groups' cargo features, in the order the groups appear; none unless the API has them.
fn group_feature_names(model: &Model) -> Vec<&str> {
    model
        .group_features
        .iter()
        .flat_map(|features| features.groups.iter().map(|(_, feature)| feature.as_str()))
        .collect()
}

/// `lib.rs`'s re-exports of the tag groups' types, all `operations.rs` exports; none without
/// tags. Groups behind features are re-exported one by one, each with its feature.
fn group_exports(model: &Model) -> Option<TokenStream> {
    match &model.group_features {
        Some(features) => {
            let groups = features
                .groups
                .iter()
                .filter(|(group, _)| !group.is_empty());
            let exports = groups.map(|(group, feature)| {
                let ty = client::group_type(model, group);
                quote!(#[cfg(feature = #feature)] pub use operations::#ty;)
            });
            Some(quote!(#( #exports )*))
        }
        None => model
            .operations
            .iter()
            .any(|op| op.group.is_some())
            .then(|| {
                quote!(
                    pub use operations::*;
                )
            }),
    }
}
