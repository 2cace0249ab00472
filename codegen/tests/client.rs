//! Client emission on small specs: what `send()` returns for the response shapes that need
//! care, and names that must not collide with the client's own.

use codegen::{ApiConfig, ApiInput, SpecFile};

/// A config with both crates and the generator's defaults.
const CLIENT_CONFIG: &str = "name = \"T\"\nspecs = [\"spec.yaml\"]\n[models]\ncrate = \"t-models\"\nversion = \"0.1.0\"\n[client]\ncrate = \"t-client\"\nversion = \"0.1.0\"\n";

/// The operation whose client method is `name`.
fn operation<'g>(generated: &'g codegen::Generated, name: &str) -> &'g codegen::ir::Operation {
    generated
        .model
        .operations
        .iter()
        .find(|op| op.method_name == name)
        .unwrap_or_else(|| panic!("no operation `{name}`"))
}

/// Every warning, as printed.
fn warnings(generated: &codegen::Generated) -> Vec<String> {
    generated
        .model
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn builders(paths: &str) -> (String, String) {
    let spec = format!("openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n{paths}components:\n  schemas:\n    Pet: {{type: object, properties: {{id: {{type: string}}}}}}\n");
    let generated = generate_one(CLIENT_CONFIG, spec);
    let file = |suffix: &str| {
        generated
            .files
            .iter()
            .find(|f| f.path.ends_with(suffix))
            .unwrap()
            .contents
            .clone()
    };
    (file("src/builders.rs"), file("src/operations.rs"))
}

#[test]
fn a_success_without_body_beside_one_with_makes_the_body_optional() {
    let (builders, _) = builders(
        "  /pets/{id}:\n    get:\n      operationId: getPet\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n        '204': {description: none}\n",
    );
    assert!(
        builders.contains("ResponseValue<Option<crate::models::Pet>>"),
        "{builders}"
    );
    assert!(
        builders.contains("response.json_or_empty(&STATUSES)"),
        "{builders}"
    );
    assert!(
        builders.contains("success: &[200..=200, 204..=204]"),
        "{builders}"
    );
}

#[test]
fn a_default_only_response_is_the_success_response_for_2xx() {
    let (builders, _) = builders(
        "  /pets:\n    get:\n      operationId: listPets\n      responses:\n        default: {description: any, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n",
    );
    assert!(
        builders.contains("ResponseValue<crate::models::Pet>"),
        "{builders}"
    );
    assert!(builders.contains("success: &[200..=299]"), "{builders}");
    assert!(builders.contains("default_error: true"), "{builders}");
}

#[test]
fn untagged_operations_cannot_take_the_clients_own_method_names() {
    let (_, operations) = builders(
        "  /run:\n    post:\n      operationId: base_url\n      responses: {'204': {description: ok}}\n  /b:\n    get:\n      operationId: builder\n      responses: {'204': {description: ok}}\n",
    );
    assert!(
        operations.contains("pub fn base_url_2(") && operations.contains("pub fn builder_2("),
        "{operations}"
    );
}

/// Dropping a group's tag words can make two method names equal (GitHub's
/// `issues/check-user-can-be-assigned` and `…-to-issue`): the later keeps its full name
/// rather than taking a number.
#[test]
fn a_shortened_name_that_collides_keeps_its_full_name() {
    let op = |path: &str, id: &str| {
        format!("  {path}:\n    get:\n      operationId: {id}\n      tags: [issues]\n      responses: {{'204': {{description: ok}}}}\n")
    };
    let paths = [
        op("/a", "issues/check-user-can-be-assigned"),
        op("/b", "issues/check-user-can-be-assigned-to-issue"),
        op("/c", "issues/list"),
        op("/d", "issues/list-issues"),
    ]
    .concat();
    let (_, operations) = builders(&paths);
    for method in [
        "check_user_can_be_assigned(",
        "issues_check_user_can_be_assigned_to_issue(",
        "list(",
        "issues_list_issues(",
    ] {
        assert!(
            operations.contains(&format!("pub fn {method}")),
            "{method} missing:\n{operations}"
        );
    }
    assert!(!operations.contains("_2("), "{operations}");
}

#[test]
fn request_builders_cannot_take_the_names_builders_use_unqualified() {
    let (builders, operations) = builders(
        "  /o:\n    get:\n      operationId: option\n      parameters: [{name: q, in: query, schema: {type: string}}]\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}}\n    put:\n      operationId: Result\n      responses: {'204': {description: ok}}\n  /e:\n    get:\n      operationId: error\n      responses: {'204': {description: ok}}\n    post:\n      operationId: Statuses\n      responses: {'204': {description: ok}}\n",
    );
    for builder in ["Option2", "Result2", "Error2", "Statuses2"] {
        assert!(
            builders.contains(&format!("pub struct {builder}<'a>")),
            "{builders}"
        );
    }
    assert!(
        builders.contains("q: Option<String>,") && builders.contains("-> Result<"),
        "{builders}"
    );
    assert!(
        builders.contains("client: &'a Client,")
            && builders.contains("const STATUSES: Statuses = Statuses {"),
        "{builders}"
    );
    for method in ["option_2", "result_2", "error_2", "statuses_2"] {
        assert!(
            operations.contains(&format!("pub fn {method}(")),
            "{operations}"
        );
    }
}

#[test]
fn an_empty_description_adds_no_blank_lines_to_the_method_docs() {
    let (_, operations) = builders(
        "  /p:\n    get:\n      operationId: getP\n      summary: Get a p\n      description: ''\n      responses: {'204': {description: ok}}\n",
    );
    assert!(
        operations.contains("/// Get a p\n    ///\n    /// `GET /p`\n"),
        "{operations}"
    );
}

const INCLUDING: &str = "name = \"T\"\nspecs = [\"spec.yaml\"]\n[models]\ncrate = \"t-models\"\nversion = \"0.1.0\"\n[client]\ncrate = \"t-client\"\nversion = \"0.1.0\"\n[client.include]\nhooks = \"hooks.rs\"\n[client.dependencies]\nhmac = \"0.12\"\n";

fn including(config_text: &str, includes: Vec<SpecFile>) -> Result<codegen::Generated, String> {
    let config = ApiConfig::parse("specs/t/api.toml", config_text).map_err(|e| e.to_string())?;
    let input = ApiInput {
        config_path: "specs/t/api.toml".into(),
        command: codegen::REGEN.into(),
        specs: vec![SpecFile {
            path: "specs/t/spec.yaml".into(),
            text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n".into(),
        }],
        overlays: Vec::new(),
        includes,
    };
    codegen::generate(&config, &input).map_err(|e| e.to_string())
}

#[test]
fn included_files_are_copied_with_their_dependencies() {
    let hooks = SpecFile {
        path: "specs/t/hooks.rs".into(),
        text: "//! Hand-written.\npub fn verify() {}\n".into(),
    };
    let generated = including(INCLUDING, vec![hooks]).unwrap();
    let file = |path: &str| {
        generated
            .files
            .iter()
            .find(|f| f.path == path)
            .unwrap()
            .contents
            .clone()
    };
    assert_eq!(
        file("t-client/src/hooks.rs"),
        "// Copied by `cargo xtask regen` from specs/t/hooks.rs, which is written by hand: edit it there.\n\n//! Hand-written.\npub fn verify() {}\n"
    );
    assert!(file("t-client/src/lib.rs").contains("pub mod hooks;"));
    assert!(file("t-client/Cargo.toml").contains("\nhmac = \"0.12\"\n"));

    // Behind a feature, the module is compiled only with it, and its dependencies are optional.
    let gated = format!("{INCLUDING}[client.features]\nhooks = [\"hooks\", \"hmac\"]\n");
    let hooks = SpecFile {
        path: "specs/t/hooks.rs".into(),
        text: "pub fn verify() {}\n".into(),
    };
    let generated = including(&gated, vec![hooks]).unwrap();
    let file = |path: &str| {
        generated
            .files
            .iter()
            .find(|f| f.path == path)
            .unwrap()
            .contents
            .clone()
    };
    assert!(file("t-client/src/lib.rs").contains("#[cfg(feature = \"hooks\")]\npub mod hooks;"));
    let manifest = file("t-client/Cargo.toml");
    assert!(
        manifest.contains("\nhooks = [\"dep:hmac\"]\n"),
        "{manifest}"
    );
    assert!(
        manifest.contains("\nhmac = { version = \"0.12\", optional = true }\n"),
        "{manifest}"
    );
}

#[test]
fn included_modules_and_dependencies_cannot_take_the_crates_own_names() {
    let cases = [
        (INCLUDING.replace("hooks = ", "runtime = "), "specs/t/api.toml#/client/include/runtime: `runtime` is not a snake_case module name the client crate leaves free"),
        (INCLUDING.replace("hooks = ", "Hooks = "), "specs/t/api.toml#/client/include/Hooks: `Hooks` is not a snake_case module name the client crate leaves free"),
        (INCLUDING.replace("\"hooks.rs\"", "\"../x.rs\""), "specs/t/api.toml#/client/include/hooks: `../x.rs` is not a `.rs` file beside the config"),
        (INCLUDING.replace("hmac = ", "reqwest = "), "specs/t/api.toml#/client/dependencies/reqwest: `reqwest` is not a crate name the client crate leaves free"),
        (format!("{INCLUDING}[client.features]\nhooks = [\"nope\"]\n"), "specs/t/api.toml#/client/features/hooks: `nope` is not an included module or extra dependency that no other feature names"),
        (format!("{INCLUDING}[client.features]\nnative-tls = [\"hooks\"]\n"), "specs/t/api.toml#/client/features/native-tls: `native-tls` is not a feature name the client crate leaves free"),
    ];
    for (config, expected) in cases {
        assert_eq!(including(&config, Vec::new()).unwrap_err(), expected);
    }
    assert_eq!(
        including(INCLUDING, Vec::new()).unwrap_err(),
        "specs/t/api.toml#/client/include/hooks: `specs/t/hooks.rs` was not read"
    );
}

#[test]
fn client_defaults_come_from_the_config() {
    let config = INCLUDING.replace("[client.include]\nhooks = \"hooks.rs\"\n[client.dependencies]\nhmac = \"0.12\"\n", "[client.defaults]\ntimeout_secs = 5\nmax_retries = 4\nidempotency_header = \"Idempotency-Key\"\n");
    let generated = including(&config, Vec::new()).unwrap();
    let defaults = &generated
        .files
        .iter()
        .find(|f| f.path == "t-client/src/defaults.rs")
        .unwrap()
        .contents;
    for expected in [
        "pub const TIMEOUT: Duration = Duration::from_secs(5);",
        "pub const MAX_RETRIES: u32 = 4;",
        "pub const INITIAL_BACKOFF: Duration = Duration::from_millis(500);",
        "pub const IDEMPOTENCY_HEADER: ::std::option::Option<&str> = ::std::option::Option::Some(\n    \"idempotency-key\",\n);",
    ] {
        assert!(defaults.contains(expected), "missing {expected:?} in\n{defaults}");
    }
}

#[test]
fn thousands_of_operations_are_split_into_impl_blocks_that_keep_their_order() {
    let mut paths = String::new();
    for i in 0..450 {
        let tag = if i % 2 == 0 {
            ""
        } else {
            "      tags: [pets]\n"
        };
        paths.push_str(&format!(
            "  /p{i}:\n    get:\n      operationId: op{i}\n{tag}      responses: {{'204': {{description: ok}}}}\n"
        ));
    }
    let (builders, operations) = builders(&paths);
    // 225 untagged methods on `Client` and 225 on the `pets` group: two blocks each.
    assert_eq!(
        operations.matches("\nimpl Client {").count(),
        2,
        "{operations}"
    );
    assert_eq!(
        operations.matches("\nimpl<'a> PetsApi<'a> {").count(),
        2,
        "{operations}"
    );
    let positions: Vec<usize> = (0..450)
        .map(|i| {
            operations
                .find(&format!("pub fn op{i}("))
                .unwrap_or_else(|| panic!("op{i} is missing"))
        })
        .collect();
    let (untagged, tagged): (Vec<_>, Vec<_>) =
        positions.iter().enumerate().partition(|(i, _)| i % 2 == 0);
    assert!(
        untagged.windows(2).all(|w| w[0].1 < w[1].1),
        "untagged methods keep spec order"
    );
    assert!(
        tagged.windows(2).all(|w| w[0].1 < w[1].1),
        "tagged methods keep spec order"
    );
    assert_eq!(builders.matches("\npub struct Op").count(), 450);
}

#[test]
fn operations_named_like_the_runtimes_plumbing_keep_their_names() {
    let paths: String = ["execute", "read", "request", "prepare", "open_stream", "attempts", "start_request"]
        .iter()
        .map(|name| format!("  /{name}:\n    get:\n      operationId: {name}\n      responses:\n        '204': {{description: ok}}\n"))
        .collect();
    let (_, operations) = builders(&paths);
    for name in [
        "execute",
        "read",
        "request",
        "prepare",
        "open_stream",
        "attempts",
        "start_request",
    ] {
        assert!(
            operations.contains(&format!("pub fn {name}(&self)")),
            "`{name}` was renamed:\n{operations}"
        );
    }
}

/// Publishing metadata: `[package]` reaches both manifests as valid TOML, the documentation
/// link names each crate, and the models crate has a README pointing at the client.
#[test]
fn package_metadata_reaches_both_manifests() {
    let config = format!(
        "{INCLUDING}[package]\nrepository = \"https://example.com/t \\\"sdk\\\"\"\nhomepage = \"https://t.example\"\nkeywords = [\"t\", \"api\"]\ncategories = [\"api-bindings\"]\n"
    );
    let hooks = SpecFile {
        path: "specs/t/hooks.rs".into(),
        text: "pub fn verify() {}\n".into(),
    };
    let generated = including(&config, vec![hooks]).unwrap();
    let file = |path: &str| {
        generated
            .files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.contents.clone())
    };
    for krate in ["t-models", "t-client"] {
        let text = file(&format!("{krate}/Cargo.toml")).unwrap();
        let manifest: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let package = &manifest["package"];
        assert_eq!(
            package["repository"].as_str(),
            Some("https://example.com/t \"sdk\""),
            "{text}"
        );
        assert_eq!(package["homepage"].as_str(), Some("https://t.example"));
        assert_eq!(
            package["documentation"].as_str(),
            Some(format!("https://docs.rs/{krate}").as_str())
        );
        assert_eq!(package["license"].as_str(), Some("MIT OR Apache-2.0"));
        assert_eq!(package["readme"].as_str(), Some("README.md"));
        assert_eq!(package["keywords"].as_array().map(Vec::len), Some(2));
        assert_eq!(package["categories"][0].as_str(), Some("api-bindings"));
        assert!(
            file(&format!("{krate}/README.md")).is_some(),
            "{krate} has no README"
        );
    }
    let readme = file("t-models/README.md").unwrap();
    assert!(
        readme.contains("# t-models") && readme.contains("`t_client::models`"),
        "{readme}"
    );
    let six =
        format!("{INCLUDING}[package]\nkeywords = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]\n");
    let error = including(&six, Vec::new()).unwrap_err();
    assert!(
        error.contains("/package/keywords") && error.contains("at most 5"),
        "{error}"
    );
}

/// The README's `api.toml` example is a config the generator accepts.
#[test]
fn the_readme_config_example_parses() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let start = readme
        .find("- **Adding**")
        .expect("the README's adding section");
    let block = &readme[start..];
    let block = &block[block.find("```toml\n").expect("a toml block") + 8..];
    let block = &block[..block.find("```").unwrap()];
    let text: String = block
        .lines()
        .map(|l| l.strip_prefix("  ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let config = ApiConfig::parse("README.md", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(config.package.keywords.len(), 3);
    assert!(config.client.is_some());
}

/// The crates for one spec file under a config, which must generate.
fn generate_one(config_text: &str, spec: String) -> codegen::Generated {
    let config = ApiConfig::parse("api.toml", config_text).unwrap();
    let input = ApiInput {
        config_path: "api.toml".into(),
        command: codegen::REGEN.into(),
        specs: vec![SpecFile {
            path: "spec.yaml".into(),
            text: spec,
        }],
        overlays: Vec::new(),
        includes: Vec::new(),
    };
    codegen::generate(&config, &input).unwrap_or_else(|e| panic!("{e}"))
}

/// Pagination is inferred from the names large APIs use when the config has no table for an
/// operation, listed for the summary; a table with `style = "none"` turns it off for one.
#[test]
fn pagination_is_inferred_from_common_names_unless_the_config_says_none() {
    let page = |items: &str, extra: &str| {
        format!("      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                required: [{items}]\n                properties:\n                  {items}: {{type: array, items: {{$ref: '#/components/schemas/Pet'}}}}\n{extra}")
    };
    let op = |path: &str, id: &str, params: &str, body: String| {
        format!(
            "  {path}:\n    get:\n      operationId: {id}\n      parameters: [{params}]\n{body}"
        )
    };
    let paths = [
        op("/a", "cursorList", "{name: after, in: query, schema: {type: string}}", page("items", "                  nextCursor: {type: string}\n")),
        op("/b", "stripeList", "{name: starting_after, in: query, schema: {type: string}}", page("data", "                  has_more: {type: boolean}\n")),
        op("/c", "offsetList", "{name: offset, in: query, schema: {type: integer}}", page("data", "                  total_count: {type: integer}\n")),
        op("/d", "pageList", "{name: page, in: query, schema: {type: integer}}", page("results", "")),
        op("/e", "turnedOff", "{name: page, in: query, schema: {type: integer}}", page("results", "")),
        op("/f", "requiredPage", "{name: page, in: query, required: true, schema: {type: integer}}", page("results", "")),
        op("/g", "noPageParam", "{name: q, in: query, schema: {type: string}}", page("results", "")),
        op("/h", "linkList", "{name: page, in: query, schema: {type: integer}}", "      responses:\n        '200':\n          description: ok\n          headers: {Link: {schema: {type: string}}}\n          content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}\n".to_owned()),
    ]
    .concat();
    let spec = format!("openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n{paths}components:\n  schemas:\n    Pet: {{type: object, required: [id], properties: {{id: {{type: string}}}}}}\n");
    let config_text = "name = \"T\"\nspecs = [\"spec.yaml\"]\n[models]\ncrate = \"t-models\"\nversion = \"0.1.0\"\n[client]\ncrate = \"t-client\"\nversion = \"0.1.0\"\n[pagination.turnedOff]\nstyle = \"none\"\n";
    let generated = generate_one(config_text, spec);
    assert_eq!(
        generated.model.inferred_pagination,
        [
            "GET /a (cursorList): cursor `after`, items `items`, next cursor `nextCursor`",
            "GET /b (stripeList): cursor `starting_after`, items `data`, cursor from the last item's `id`, ends at `has_more`",
            "GET /c (offsetList): offset `offset`, items `data`, total `total_count`",
            "GET /d (pageList): page `page`, items `results`",
            "GET /h (linkList): `Link: rel=\"next\"` carrying `page`, items the response itself",
        ]
    );
    let paged: Vec<&str> = generated
        .model
        .operations
        .iter()
        .filter(|op| op.pagination.is_some())
        .map(|op| op.method_name.as_str())
        .collect();
    assert_eq!(
        paged,
        [
            "cursor_list",
            "stripe_list",
            "offset_list",
            "page_list",
            "link_list"
        ]
    );
}

/// Pagination declared for another SDK generator is read where the config has no table, even
/// when its names follow no convention; one that does not fit the operation is a warning.
#[test]
fn pagination_declared_in_fern_and_speakeasy_extensions_is_read() {
    let page = "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                required: [stuff]\n                properties:\n                  stuff: {type: array, items: {$ref: '#/components/schemas/Pet'}}\n                  more: {type: string}\n";
    let spec = format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /f:\n    get:\n      operationId: fern\n      parameters: [{{name: pg, in: query, schema: {{type: integer}}}}]\n      x-fern-pagination: {{offset: $request.pg, results: $response.stuff}}\n{page}  /s:\n    get:\n      operationId: speakeasy\n      parameters: [{{name: mark, in: query, schema: {{type: string}}}}]\n      x-speakeasy-pagination: {{type: cursor, inputs: [{{name: mark, in: parameters, type: cursor}}], outputs: {{nextCursor: $.more, results: $.stuff}}}}\n{page}  /w:\n    get:\n      operationId: wrong\n      parameters: [{{name: pg, in: query, schema: {{type: integer}}}}]\n      x-fern-pagination: {{offset: $request.page, results: $response.stuff}}\n{page}components:\n  schemas:\n    Pet: {{type: object, properties: {{id: {{type: string}}}}}}\n"
    );
    let generated = generate_one(CLIENT_CONFIG, spec);
    let style = |name: &str| {
        operation(&generated, name)
            .pagination
            .as_ref()
            .map(|p| format!("{:?} {}", p.style, p.items))
    };
    assert_eq!(style("fern").as_deref(), Some("Page stuff"));
    assert_eq!(
        style("speakeasy").as_deref(),
        Some("Cursor(Field(PageField { name: \"more\", optional: true })) stuff")
    );
    assert_eq!(style("wrong"), None);
    assert_eq!(
        warnings(&generated),
        ["spec.yaml#/paths/~1w/get/x-fern-pagination: `x-fern-pagination` does not fit the operation (param: the operation has no query parameter `page`); its pagination is inferred from its names instead"]
    );
    assert!(
        generated.model.inferred_pagination.is_empty(),
        "{:?}",
        generated.model.inferred_pagination
    );
}

/// `x-fern-streaming` is read as Fern documents it; a value that does not fit is left out with
/// a warning at its exact pointer, and the operation is generated from its responses alone.
/// Without a `stream-condition`, a boolean `stream` body property asks for the stream.
#[test]
fn fern_streaming_is_read_and_a_value_that_does_not_fit_is_a_warning_at_its_place() {
    let op = |path: &str, id: &str, extension: &str| {
        format!("  {path}:\n    post:\n      operationId: {id}\n{extension}      requestBody: {{content: {{application/json: {{schema: {{$ref: '#/components/schemas/Ask'}}}}}}}}\n      responses:\n        '200': {{description: ok, content: {{application/json: {{schema: {{$ref: '#/components/schemas/Pet'}}}}}}}}\n")
    };
    let paths = [
        op("/a", "conditioned", "      x-fern-streaming: {format: sse, stream-condition: $request.live, response-stream: {$ref: '#/components/schemas/Pet'}}\n"),
        op("/b", "badFormat", "      x-fern-streaming: {format: xml}\n"),
        op("/c", "badCondition", "      x-fern-streaming: {stream-condition: stream, response-stream: {$ref: '#/components/schemas/Pet'}}\n"),
        op("/d", "notAnObject", "      x-fern-streaming: 5\n"),
        op("/e", "whole", "      x-fern-streaming: true\n"),
    ]
    .concat();
    // No extension: a response that offers events beside JSON, and a `stream` body property.
    let by_convention = op("/f", "byConvention", "").replace(
        "{application/json: {schema: {$ref: '#/components/schemas/Pet'}}}",
        "{application/json: {schema: {$ref: '#/components/schemas/Pet'}}, text/event-stream: {schema: {$ref: '#/components/schemas/Pet'}}}",
    );
    let paths = paths + &by_convention;
    let spec = format!("openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n{paths}components:\n  schemas:\n    Pet: {{type: object, properties: {{id: {{type: string}}}}}}\n    Ask: {{type: object, properties: {{live: {{type: boolean}}, stream: {{type: boolean}}}}}}\n");
    let generated = generate_one(CLIENT_CONFIG, spec);
    let forms = |name: &str| {
        let op = operation(&generated, name);
        let methods: Vec<&str> = op
            .outcome
            .alternatives
            .iter()
            .map(|a| a.method.as_str())
            .collect();
        format!(
            "{:?} {methods:?} {:?}",
            op.outcome.success_kind, op.streaming.flag
        )
    };
    assert_eq!(
        forms("conditioned"),
        "Json [\"send_stream\"] Some(\"live\")"
    );
    assert_eq!(forms("bad_format"), "Json [] None");
    assert_eq!(forms("bad_condition"), "Json [] None");
    assert_eq!(forms("not_an_object"), "Json [] None");
    assert_eq!(forms("whole"), "JsonLines [] None");
    assert_eq!(
        forms("by_convention"),
        "Json [\"send_stream\"] Some(\"stream\")"
    );
    assert_eq!(
        warnings(&generated),
        [
            "spec.yaml#/paths/~1b/post/x-fern-streaming/format: unsupported: `x-fern-streaming` has the unknown format `xml`; it is left out",
            "spec.yaml#/paths/~1c/post/x-fern-streaming/stream-condition: unsupported: `x-fern-streaming` is not `$request.<property>`; it is left out",
            "spec.yaml#/paths/~1d/post/x-fern-streaming: unsupported: `x-fern-streaming` is neither `true` nor an object; it is left out",
        ]
    );
    let builders = &generated
        .files
        .iter()
        .find(|f| f.path.ends_with("builders.rs"))
        .unwrap()
        .contents;
    assert!(
        builders.contains("with_flag(&body, \"live\", true)"),
        "{builders}"
    );
}

/// Header parameters named `Accept` or `Content-Type`, and `Authorization` where the operation
/// has security requirements, are ignored, as OpenAPI says (LangGraph's spec requires an
/// `Accept` parameter, Blockfrost's a `Content-Type`): the media types and the credentials
/// decide those headers, and a second one would contradict them. An `Authorization` parameter
/// of an open operation is its only way to authenticate and stays. One warning a name, at the
/// first.
#[test]
fn header_parameters_openapi_ignores_are_ignored_with_one_warning_a_name() {
    let headers = "      parameters:\n        - {name: Accept, in: header, required: true, schema: {type: string}}\n        - {name: content-type, in: header, schema: {type: string}}\n        - {name: AUTHORIZATION, in: header, schema: {type: string}}\n        - {name: X-Trace, in: header, schema: {type: string}}\n        - {name: accept, in: query, schema: {type: string}}\n";
    let spec = format!("openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\nsecurity: [{{token: []}}]\npaths:\n  /a:\n    post:\n      operationId: run\n{headers}      responses: {{'204': {{description: ok}}}}\n  /b:\n    post:\n      operationId: open\n      security: []\n{headers}      responses: {{'204': {{description: ok}}}}\ncomponents:\n  securitySchemes:\n    token: {{type: http, scheme: bearer}}\n");
    let generated = generate_one(CLIENT_CONFIG, spec);
    let params = |name: &str| -> Vec<String> {
        operation(&generated, name)
            .params
            .iter()
            .map(|p| p.api_name.clone())
            .collect()
    };
    assert_eq!(
        params("run"),
        ["X-Trace", "accept"],
        "a query parameter named accept stays"
    );
    assert_eq!(params("open"), ["AUTHORIZATION", "X-Trace", "accept"]);
    assert_eq!(
        warnings(&generated),
        [
            "spec.yaml#/paths/~1a/post/parameters/0: the header parameter `accept` (in 2 places, the first here) is ignored, as OpenAPI says: the client sets `Accept` and `Content-Type` from the media types, and `Authorization` from the credentials",
            "spec.yaml#/paths/~1a/post/parameters/1: the header parameter `content-type` (in 2 places, the first here) is ignored, as OpenAPI says: the client sets `Accept` and `Content-Type` from the media types, and `Authorization` from the credentials",
            "spec.yaml#/paths/~1a/post/parameters/2: the header parameter `authorization` (once) is ignored, as OpenAPI says: the client sets `Accept` and `Content-Type` from the media types, and `Authorization` from the credentials",
        ]
    );
}
