//! Bad input gets an error that names the file, the JSON pointer and the problem; a construct
//! the generator cannot express yet is degraded where it stands, with a warning that names it.

use codegen::{ApiConfig, ApiInput, SpecFile};

const CONFIG: &str = "name = \"Errors\"\nspecs = [\"spec.yaml\"]\n[models]\ncrate = \"errors-models\"\nversion = \"0.1.0\"\n";

fn generate_with(config: &str, files: &[(&str, &str)]) -> Result<codegen::Generated, String> {
    let input = ApiInput {
        config_path: "api.toml".into(),
        command: codegen::REGEN.into(),
        specs: files
            .iter()
            .map(|(path, text)| SpecFile {
                path: (*path).into(),
                text: (*text).into(),
            })
            .collect(),
        overlays: Vec::new(),
        includes: Vec::new(),
    };
    let config = ApiConfig::parse("api.toml", config).map_err(|e| e.to_string())?;
    codegen::generate(&config, &input).map_err(|e| e.to_string())
}

fn error_for(schemas: &str) -> String {
    let spec = format!("openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}");
    match generate_with(CONFIG, &[("spec.yaml", &spec)]) {
        Ok(_) => panic!("expected an error for:\n{spec}"),
        Err(e) => e,
    }
}

#[test]
fn dangling_reference() {
    let err = error_for("    A:\n      type: object\n      properties:\n        b: {$ref: '#/components/schemas/Nope'}\n");
    assert_eq!(err, "spec.yaml#/components/schemas/A/properties/b: dangling reference `#/components/schemas/Nope`: no such component");
}

#[test]
fn reference_cycle_that_is_no_type() {
    let err = error_for(
        "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
    );
    assert_eq!(err, "spec.yaml#/components/schemas/A: reference cycle: this schema is only a reference back to itself");
    let err = error_for("    A:\n      allOf: [{$ref: '#/components/schemas/A'}]\n");
    assert_eq!(err, "spec.yaml#/components/schemas/A: reference cycle: this schema is only a reference back to itself");
}

#[test]
fn reference_into_a_parameter_section_from_a_schema() {
    let err = error_for("    A: {$ref: '#/components/parameters/P'}\n");
    assert!(
        err.starts_with(
            "spec.yaml#/components/schemas/A: unsupported: reference `#/components/parameters/P`"
        ),
        "{err}"
    );
}

#[test]
fn errors_in_a_later_fragment_name_that_fragment() {
    let a = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n";
    let b = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /b:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Gone'}\n";
    let config = CONFIG.replace("[\"spec.yaml\"]", "[\"a.yaml\", \"b.yaml\"]");
    let err = generate_with(&config, &[("a.yaml", a), ("b.yaml", b)])
        .err()
        .unwrap();
    assert_eq!(
        err,
        "b.yaml#/paths/~1b/get/responses/200/content/application~1json/schema: dangling reference `#/components/schemas/Gone`: no such component"
    );
}

#[test]
fn unused_type_rename_names_the_config_key() {
    let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";
    let config = format!("{CONFIG}[types.rename]\nGhost = \"Spirit\"\n");
    let err = generate_with(&config, &[("spec.yaml", spec)])
        .err()
        .unwrap();
    assert_eq!(
        err,
        "api.toml#/types/rename/Ghost: no generated type is named `Ghost`"
    );
}

#[test]
fn rename_to_a_taken_name() {
    let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {x: {type: string}}}\n    B: {type: object, properties: {y: {type: string}}}\n";
    let config = format!("{CONFIG}[types.rename]\nA = \"B\"\n");
    let err = generate_with(&config, &[("spec.yaml", spec)])
        .err()
        .unwrap();
    assert_eq!(err, "api.toml#/types/rename/A: `B` is already taken");
}

#[test]
fn all_of_cycle_is_an_error_not_a_hang() {
    let err = error_for(
        "    Node:\n      allOf:\n        - $ref: '#/components/schemas/Node'\n        - {type: object, properties: {x: {type: string}}}\n",
    );
    assert_eq!(
        err,
        "spec.yaml#/components/schemas/Node/allOf/0: `allOf` cycle: `#/components/schemas/Node` includes itself"
    );
}

#[test]
fn a_web_of_all_of_under_a_one_of_is_an_error_not_a_hang() {
    // Operations are lowered before components, and looking for a tag property walks every
    // alternative's `allOf` parts before the cycle check has run: eight references to itself,
    // sixteen levels deep, were 8^16 paths.
    let a = format!(
        "    A:\n      allOf:\n{}",
        "        - $ref: '#/components/schemas/A'\n".repeat(8)
    );
    let spec = format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /u:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                oneOf:\n                  - $ref: '#/components/schemas/A'\n                  - $ref: '#/components/schemas/B'\ncomponents:\n  schemas:\n{a}    B: {{type: object, properties: {{kind: {{type: string, enum: [b]}}}}}}\n"
    );
    let err = generate_with(CONFIG, &[("spec.yaml", &spec)])
        .map(|_| ())
        .unwrap_err();
    assert!(err.contains("`allOf` cycle"), "{err}");
}

/// A list operation to declare pagination on: `GET /things` with `offset`, `cursor` and a
/// page of `items` with `more` and `next`.
const LIST: &str = "openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: cursor, in: query, schema: {type: string}}
        - {name: id, in: query, required: true, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [items, more]
                properties:
                  items: {type: array, items: {type: object, required: [at], properties: {at: {type: string}}}}
                  more: {type: boolean}
                  next: {type: string}
                  count: {type: string}
";

fn pagination_error(table: &str) -> String {
    let config = format!("{CONFIG}[pagination.listThings]\n{table}");
    match generate_with(&config, &[("spec.yaml", LIST)]) {
        Ok(_) => panic!("expected an error for:\n{table}"),
        Err(e) => e,
    }
}

#[test]
fn pagination_is_checked_against_the_spec() {
    let ok = format!("{CONFIG}[pagination.listThings]\nstyle = \"offset\"\nparam = \"offset\"\nitems = \"items\"\nhas_more = \"more\"\n");
    assert!(generate_with(&ok, &[("spec.yaml", LIST)]).is_ok());
    let cursor = format!("{CONFIG}[pagination.listThings]\nstyle = \"cursor\"\nparam = \"cursor\"\nitems = \"items\"\ncursor_from_last_item = \"at\"\n");
    assert!(generate_with(&cursor, &[("spec.yaml", LIST)]).is_ok());

    let cases = [
        ("style = \"offset\"\nparam = \"page\"\nitems = \"items\"\n", "api.toml#/pagination/listThings/param: the operation has no query parameter `page`"),
        ("style = \"offset\"\nparam = \"id\"\nitems = \"items\"\n", "api.toml#/pagination/listThings/param: `id` is required, so no page can be asked for"),
        ("style = \"page\"\nparam = \"cursor\"\nitems = \"items\"\n", "api.toml#/pagination/listThings/param: `cursor` must be a number for page pagination"),
        ("style = \"offset\"\nparam = \"offset\"\nitems = \"more\"\n", "api.toml#/pagination/listThings/items: `more` must be a required array"),
        ("style = \"offset\"\nparam = \"offset\"\nitems = \"things\"\n", "api.toml#/pagination/listThings/items: the response has no property `things`"),
        ("style = \"offset\"\nparam = \"offset\"\nitems = \"items\"\nhas_more = \"next\"\n", "api.toml#/pagination/listThings/has_more: `next` must be a boolean"),
        ("style = \"offset\"\nparam = \"offset\"\nitems = \"items\"\ntotal = \"count\"\n", "api.toml#/pagination/listThings/total: `count` must be an integer"),
        ("style = \"cursor\"\nparam = \"cursor\"\nitems = \"items\"\n", "api.toml#/pagination/listThings/style: cursor pagination needs exactly one of `next_cursor` and `cursor_from_last_item`"),
        ("style = \"cursor\"\nparam = \"cursor\"\nitems = \"items\"\ncursor_from_last_item = \"nope\"\n", "api.toml#/pagination/listThings/cursor_from_last_item: the response has no property `nope`"),
    ];
    for (table, expected) in cases {
        assert_eq!(pagination_error(table), expected, "for\n{table}");
    }
    let config = format!(
        "{CONFIG}[pagination.nope]\nstyle = \"offset\"\nparam = \"offset\"\nitems = \"items\"\n"
    );
    assert_eq!(
        generate_with(&config, &[("spec.yaml", LIST)]).unwrap_err(),
        "api.toml#/pagination/nope: no operation has the operationId (or `METHOD /path`) `nope`"
    );
}

fn warnings_for(schemas: &str) -> (Vec<String>, String) {
    let spec = format!("openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}");
    let generated =
        generate_with(CONFIG, &[("spec.yaml", &spec)]).unwrap_or_else(|e| panic!("{e}"));
    let warnings = generated
        .model
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    let types = generated
        .files
        .iter()
        .find(|f| f.path.ends_with("src/types.rs"))
        .expect("types.rs");
    (warnings, types.contents.clone())
}

#[test]
fn an_unknown_schema_type_becomes_a_json_value_with_a_warning() {
    let (warnings, types) = warnings_for("    A: {type: file}\n    B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}, n: {type: string}}}\n");
    assert_eq!(
        warnings,
        ["spec.yaml#/components/schemas/A/type: unsupported: schema type `file`; generated as `serde_json::Value`"]
    );
    assert!(
        types.contains("pub type A = ::serde_json::Value;"),
        "{types}"
    );
    // The rest of the API is generated as usual.
    assert!(types.contains("pub struct B {"), "{types}");
}

#[test]
fn an_external_reference_becomes_a_json_value_with_a_warning() {
    let (warnings, types) = warnings_for(
        "    A: {type: object, properties: {b: {$ref: 'other.yaml#/components/schemas/B'}}}\n",
    );
    assert_eq!(
        warnings,
        ["spec.yaml#/components/schemas/A/properties/b: unsupported: external reference `other.yaml#/components/schemas/B` (only references within the document are supported); generated as `serde_json::Value`"]
    );
    assert!(
        types.contains("pub b: Option<::serde_json::Value>"),
        "{types}"
    );
}

fn spec_with_security(requirements: &str) -> String {
    format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /a:\n    get:\n      security: {requirements}\n      responses:\n        '204': {{description: ok}}\ncomponents:\n  securitySchemes:\n    digest: {{type: http, scheme: digest}}\n    key: {{type: apiKey, in: header, name: X-Key}}\n"
    )
}

#[test]
fn a_security_scheme_the_client_cannot_send_degrades_the_operation_with_a_warning() {
    let generated = generate_with(
        CONFIG,
        &[("spec.yaml", &spec_with_security("[{digest: []}]"))],
    )
    .unwrap();
    let warnings: Vec<String> = generated
        .model
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        ["spec.yaml#/paths/~1a/get/security: unsupported: security scheme `digest` (http digest): the client sends bearer tokens (also for OAuth 2 and OpenID Connect), basic credentials and API keys only, and the operation at /paths/~1a/get accepts nothing else; it is generated to send no credential, for the caller to add per call (`RequestOptions::header`)"]
    );
    let accepted = generate_with(
        CONFIG,
        &[(
            "spec.yaml",
            &spec_with_security("[{digest: []}, {key: []}]"),
        )],
    )
    .unwrap();
    assert!(
        accepted.model.warnings.is_empty(),
        "{:?}",
        accepted.model.warnings
    );
    let err = generate_with(
        CONFIG,
        &[("spec.yaml", &spec_with_security("[{nope: []}]"))],
    )
    .err()
    .unwrap();
    assert_eq!(
        err,
        "spec.yaml#/paths/~1a/get/security/0: security requirement names `nope`, which `components.securitySchemes` does not define"
    );
}

#[test]
fn the_config_sets_the_limits() {
    let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";
    let config = format!("{CONFIG}[limits]\nmax_bytes = 20\n");
    let err = generate_with(&config, &[("spec.yaml", spec)])
        .err()
        .unwrap();
    assert_eq!(err, "spec.yaml: cannot parse: the file is 56 bytes, over the 20-byte limit (`[limits] max_bytes` in api.toml)");
    let config = format!("{CONFIG}[limits]\nmax_bytes = 1000\nmax_expansion = 1\n");
    assert!(generate_with(&config, &[("spec.yaml", spec)]).is_ok());
}

/// An error `openapiv3` reports at a whole component is narrowed to the member that breaks it.
#[test]
fn an_unreadable_schema_is_named_at_its_deepest_part() {
    let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S:\n      type: object\n      properties:\n        a: {type: array, items: [1, 2]}\n        b: {type: string}\n";
    let err = generate_with(CONFIG, &[("spec.yaml", spec)]).err().unwrap();
    assert!(
        err.starts_with(
            "spec.yaml#/components/schemas/S/properties/a/items: not a valid OpenAPI document"
        ),
        "{err}"
    );
}

/// What vendors publish: a `type` that is an object, a callback given by `$ref` (valid OpenAPI
/// that `openapiv3` cannot read), and a `$ref` inside an extension pointing at another
/// extension value. The spec generates; only the first is a warning.
#[test]
fn vendor_defects_outside_what_is_generated_do_not_refuse_the_spec() {
    let spec = r##"openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    post:
      operationId: createA
      x-code-samples:
        - {lang: js, source: "fetch('/a')"}
        - {lang: ts, source: {$ref: '#/paths/~1a/post/x-code-samples/0/source'}}
      callbacks:
        onDone: {$ref: '#/components/callbacks/done'}
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/A'}
      responses: {'204': {description: ok}}
components:
  callbacks:
    done:
      '{$request.body#/url}':
        post:
          responses: {'200': {description: ok}}
  schemas:
    A:
      type: object
      properties:
        kind: {type: {description: Kind, type: string}}
        x-id: {$ref: '#/components/schemas/A/properties/kind'}
"##;
    let generated = generate_with(CONFIG, &[("spec.yaml", spec)]).unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<String> = generated
        .model
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        ["spec.yaml#/components/schemas/A/properties/kind/type: `type` is an object ({\"description\":\"Kind\",\"type\":\"string\"}), which means nothing here; dropped"]
    );
    let types = generated
        .files
        .iter()
        .find(|f| f.path.ends_with("src/types.rs"))
        .unwrap();
    // `kind` is a component now (`x-id`, a property, refers to it); it holds any value.
    assert!(
        types.contents.contains("pub kind: Option<crate::AKind>"),
        "{}",
        types.contents
    );
    assert!(
        types
            .contents
            .contains("pub type AKind = ::serde_json::Value;"),
        "{}",
        types.contents
    );
}
