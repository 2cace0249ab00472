//! Schemas to types: primitives map to Rust types, objects, enums and unions become named types.

use super::include::{pieces, Budget, Piece};
use super::shape::{
    annotated_part, annotations, matches_nothing, own_object, shape, Properties, Shape,
};
use super::{doc_text, Lowerer};
use crate::error::{Error, Result};
use crate::ir::{
    Enum, EnumValue, EnumWire, Field, Presence, Struct, TypeDef, TypeId, TypeKind, TypeRef, Union,
    UnionTag, UnionVariant, Warning,
};
use crate::names::{field_name, type_name, Scope};
use crate::pointer::join;
use crate::spec::SchemaOutline;
use openapiv3::{AdditionalProperties, ReferenceOr, Schema};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// A schema's type, and whether `null` is allowed where it stands.
pub(super) struct Lowered {
    pub ty: TypeRef,
    pub nullable: bool,
}

/// A schema or a reference, whichever box `openapiv3` put it in.
#[derive(Clone, Copy)]
pub(super) enum SchemaRef<'a> {
    Ref(&'a str),
    Item(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for SchemaRef<'a> {
    fn from(r: &'a ReferenceOr<Schema>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(s) => SchemaRef::Item(s),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for SchemaRef<'a> {
    fn from(r: &'a ReferenceOr<Box<Schema>>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(s) => SchemaRef::Item(s),
        }
    }
}

/// One property to become a field, with the pointer where it stands.
struct PropertySource<'a> {
    wire: &'a str,
    schema: SchemaRef<'a>,
    pointer: String,
    required: bool,
    /// The component an `allOf` includes by composition (its `wire` is the reference).
    include: Option<String>,
}

/// What an `allOf` tree merges into one struct.
#[derive(Default)]
struct Merged<'s> {
    sources: Vec<PropertySource<'s>>,
    /// Where each property (by wire name) and each composed include (by reference) is in
    /// `sources`: a struct may merge tens of thousands of them.
    index: HashMap<(&'s str, bool), usize>,
    additional: Option<&'s AdditionalProperties>,
}

impl<'s> Merged<'s> {
    /// Adds properties: a later definition replaces an earlier one, and `required`
    /// accumulates.
    fn add(&mut self, found: Vec<PropertySource<'s>>, required: &[String]) {
        for source in found {
            match self.index.get(&(source.wire, source.include.is_some())) {
                Some(&i) => {
                    let existing = &mut self.sources[i];
                    existing.required |= source.required;
                    existing.schema = source.schema;
                    existing.pointer = source.pointer;
                }
                None => {
                    self.index
                        .insert((source.wire, source.include.is_some()), self.sources.len());
                    self.sources.push(source);
                }
            }
        }
        for name in required {
            if let Some(&i) = self.index.get(&(name.as_str(), false)) {
                self.sources[i].required = true;
            }
        }
    }
}

/// Component schemas read and lowered at a time: enough to keep every core busy reading, few
/// enough that a batch's typed schemas are a few megabytes at most (a large schema types to
/// a megabyte, and two batches are held at once: 64 kept GitHub's spec 10 MB higher).
const SCHEMA_BATCH: usize = 16;

impl Lowerer<'_> {
    /// Builds every component schema's type, reading the schemas a batch at a time (on every
    /// core, the next batch while this one is lowered) so that only two batches are ever held
    /// typed.
    pub(super) fn lower_components(&mut self) -> Result<()> {
        let spec = self.spec;
        let mut sorted: Vec<&str> = spec.schemas.names().collect();
        sorted.sort_unstable();
        let mut batches: Vec<&[&str]> = sorted.chunks(SCHEMA_BATCH).collect();
        let read = |batch: &mut &[&str]| Ok(spec.schemas.read(batch));
        crate::parallel::pipeline(&mut batches, &read, &mut |batch, schemas| {
            for (name, schema) in batch.iter().zip(schemas) {
                // Every component was checked to read when the spec was loaded.
                let schema = schema.ok_or_else(|| Error::Internal {
                    file: spec.sources.locate("").file,
                    reason: format!("component schema `{name}` no longer reads"),
                })?;
                self.lower_component(name, &schema)?;
            }
            Ok(())
        })
    }

    /// Builds one component schema's type.
    fn lower_component(&mut self, name: &str, schema: &ReferenceOr<Schema>) -> Result<()> {
        let id = self.components[name];
        let pointer = join("/components/schemas", name);
        let hint = self.types[id.0].name.clone();
        let (kind, doc) = match schema {
            ReferenceOr::Reference { reference } => {
                let target = self.resolver.schema_name(reference, &pointer)?;
                (
                    TypeKind::Alias(TypeRef::Named(self.components[&target])),
                    None,
                )
            }
            ReferenceOr::Item(schema) => {
                let doc = doc_text(
                    schema.schema_data.title.as_deref(),
                    schema.schema_data.description.as_deref(),
                    name,
                );
                let kind = match self.named_kind(schema, &pointer, &hint) {
                    Ok(Some(kind)) => kind,
                    // References to a nullable component carry the nullability (see
                    // `lower`), so the alias itself names the plain type.
                    Ok(None) => {
                        TypeKind::Alias(self.lower(SchemaRef::Item(schema), &pointer, &hint)?.ty)
                    }
                    Err(error) => {
                        self.degrade(error, "generated as `serde_json::Value`")?;
                        TypeKind::Alias(TypeRef::Json)
                    }
                };
                (kind, doc)
            }
        };
        self.types[id.0].kind = kind;
        self.types[id.0].doc = doc;
        Ok(())
    }

    /// Lowers a schema or reference.
    pub(super) fn lower(
        &mut self,
        schema: SchemaRef<'_>,
        pointer: &str,
        hint: &str,
    ) -> Result<Lowered> {
        match self.lower_strict(schema, pointer, hint) {
            Ok(lowered) => Ok(lowered),
            Err(error) => {
                self.degrade(error, "generated as `serde_json::Value`")?;
                Ok(Lowered {
                    ty: TypeRef::Json,
                    nullable: false,
                })
            }
        }
    }

    /// Lowers a schema or reference, failing on what is not supported.
    fn lower_strict(
        &mut self,
        schema: SchemaRef<'_>,
        pointer: &str,
        hint: &str,
    ) -> Result<Lowered> {
        match schema {
            SchemaRef::Ref(reference) => {
                let name = self.resolver.schema_name(reference, pointer)?;
                let nullable = self.component_nullable(&name);
                Ok(Lowered {
                    ty: TypeRef::Named(self.components[&name]),
                    nullable,
                })
            }
            SchemaRef::Item(schema) => self.lower_schema(schema, pointer, hint),
        }
    }

    /// Whether a component allows `null`, following components that are only a reference.
    fn component_nullable(&self, name: &str) -> bool {
        let mut current = name.to_owned();
        // Reference cycles are reported elsewhere; the bound only guards the loop.
        for _ in 0..=self.components.len() {
            match self.resolver.schema_outline(&current) {
                Some(SchemaOutline::Item { nullable }) => return *nullable,
                Some(SchemaOutline::Reference(reference)) => {
                    match reference.strip_prefix("#/components/schemas/") {
                        Some(next) => current = crate::pointer::unescape(next),
                        None => return false,
                    }
                }
                None => return false,
            }
        }
        false
    }

    fn lower_schema(&mut self, schema: &Schema, pointer: &str, hint: &str) -> Result<Lowered> {
        let mut nullable = schema.schema_data.nullable;
        let wrapped = annotated_part(schema);
        let ty = match shape(schema) {
            Shape::Object {
                properties,
                additional,
                ..
            } if properties.is_none_or(|p| p.is_empty()) => match additional {
                Some(AdditionalProperties::Schema(value)) => {
                    let lowered = self.lower(
                        (&**value).into(),
                        &join(pointer, "additionalProperties"),
                        &format!("{hint}Value"),
                    )?;
                    TypeRef::Map(Box::new(wrap_nullable(lowered)))
                }
                _ => TypeRef::Map(Box::new(TypeRef::Json)),
            },
            Shape::Array { items } => match items {
                Some(items) => {
                    let lowered =
                        self.lower(items.into(), &join(pointer, "items"), &item_name(hint))?;
                    TypeRef::Array(Box::new(wrap_nullable(lowered)))
                }
                None => TypeRef::Array(Box::new(TypeRef::Json)),
            },
            Shape::String { format, values } => {
                if values.iter().any(Option::is_none) {
                    nullable = true;
                }
                if values.iter().any(Option::is_some) {
                    TypeRef::Named(self.inline_type(schema, pointer, hint)?)
                } else if format == "date-time" {
                    TypeRef::DateTime
                } else if format == "binary" {
                    TypeRef::Binary
                } else if format == "date" {
                    TypeRef::Date
                } else {
                    TypeRef::String
                }
            }
            Shape::Integer { values, .. } if values.iter().any(Option::is_some) => {
                nullable |= values.iter().any(Option::is_none);
                TypeRef::Named(self.inline_type(schema, pointer, hint)?)
            }
            Shape::Integer { format, .. } if format == "int32" => TypeRef::I32,
            Shape::Integer { .. } => TypeRef::I64,
            Shape::Number { format } if format == "float" => TypeRef::F32,
            Shape::Number { .. } => TypeRef::F64,
            Shape::Boolean => TypeRef::Bool,
            Shape::AllOf(parts) if wrapped.is_some() => {
                let only = wrapped.unwrap_or_default();
                let at = join(&join(pointer, "allOf"), &only.to_string());
                let inner = self.lower((&parts[only]).into(), &at, hint)?;
                nullable |= inner.nullable || annotations(schema).any(|a| a.nullable);
                inner.ty
            }
            Shape::AnyOf(_) if own_object(schema).is_some() => {
                let distributed = distribute_own_properties(schema);
                return self.lower_schema(&distributed, pointer, hint);
            }
            Shape::AnyOf(alternatives) => {
                let possible: Vec<usize> = (0..alternatives.len())
                    .filter(|i| !matches_nothing(&alternatives[*i]))
                    .collect();
                match possible.as_slice() {
                    [] => TypeRef::Json,
                    [only] => {
                        let key = any_of_key(schema);
                        let inner = self.lower(
                            (&alternatives[*only]).into(),
                            &join(&join(pointer, key), &only.to_string()),
                            hint,
                        )?;
                        nullable |= inner.nullable;
                        inner.ty
                    }
                    _ => TypeRef::Named(self.inline_type(schema, pointer, hint)?),
                }
            }
            Shape::Object { .. } | Shape::AllOf(_) => {
                TypeRef::Named(self.inline_type(schema, pointer, hint)?)
            }
            Shape::Not | Shape::Any => TypeRef::Json,
            // OpenAPI 3.1's `type: "null"` alone: a value that is always null, which any JSON
            // holds (Figma's spec has such a property).
            Shape::Unknown(typ) if typ == "null" => {
                nullable = true;
                TypeRef::Json
            }
            Shape::Unknown(typ) => {
                return Err(Error::Unsupported {
                    at: self.spec.sources.locate(&join(pointer, "type")),
                    reason: format!("schema type `{typ}`"),
                })
            }
        };
        Ok(Lowered { ty, nullable })
    }

    /// The named type for an inline schema, shared with any structurally identical one.
    fn inline_type(&mut self, schema: &Schema, pointer: &str, hint: &str) -> Result<TypeId> {
        let key = structural_key(schema);
        if let Some(id) = self.inline.get(&key) {
            return Ok(*id);
        }
        let name = primitive_union_name(schema).unwrap_or_else(|| hint.to_owned());
        let name = self.rename(name);
        let id = self.push(TypeDef {
            name: name.clone(),
            component: None,
            origin: pointer.to_owned(),
            doc: doc_text(
                schema.schema_data.title.as_deref(),
                schema.schema_data.description.as_deref(),
                "",
            ),
            kind: TypeKind::Alias(TypeRef::Json),
            derive_default: false,
            constructible: false,
        });
        self.inline.insert(key, id);
        let kind = self
            .named_kind(schema, pointer, &name)?
            .unwrap_or(TypeKind::Alias(TypeRef::Json));
        self.types[id.0].kind = kind;
        Ok(id)
    }

    /// The kind of type a schema needs a name for; `None` for schemas that are plain types.
    fn named_kind(
        &mut self,
        schema: &Schema,
        pointer: &str,
        hint: &str,
    ) -> Result<Option<TypeKind>> {
        // Its alternatives are read where the union part writes them.
        if let Some((distributed, union_at)) = self.distribute_union_part(schema, pointer) {
            return self.named_kind(&distributed, &union_at, hint);
        }
        Ok(Some(match shape(schema) {
            Shape::Object {
                properties: Some(properties),
                required,
                additional,
            } if !properties.is_empty() => {
                let sources = property_sources(properties, required, pointer);
                TypeKind::Struct(self.build_struct(sources, additional, pointer, hint)?)
            }
            Shape::String { values, .. } if values.iter().any(Option::is_some) => {
                TypeKind::Enum(build_enum(values.iter().flatten()))
            }
            Shape::Integer { values, .. } if values.iter().any(Option::is_some) => {
                TypeKind::Enum(build_integer_enum(schema, values.iter().flatten().copied()))
            }
            Shape::AllOf(_) if annotated_part(schema).is_some() => return Ok(None),
            Shape::AllOf(parts) if parts.len() > 1 || own_object(schema).is_some() => {
                TypeKind::Struct(self.merge_all_of(schema, pointer, hint)?)
            }
            Shape::AnyOf(_) if own_object(schema).is_some() => {
                let distributed = distribute_own_properties(schema);
                return self.named_kind(&distributed, pointer, hint);
            }
            Shape::AnyOf(alternatives) => {
                let key = any_of_key(schema);
                let possible: Vec<usize> = (0..alternatives.len())
                    .filter(|i| !matches_nothing(&alternatives[*i]))
                    .collect();
                if possible.len() < 2 {
                    return Ok(None);
                }
                let tagging = self.tagging(
                    schema,
                    &possible
                        .iter()
                        .map(|i| &alternatives[*i])
                        .collect::<Vec<_>>(),
                );
                let mut scope = Scope::default();
                let mut variants = Vec::new();
                for (n, i) in possible.into_iter().enumerate() {
                    let at = join(&join(pointer, key), &i.to_string());
                    let variant = match self.first_include(&alternatives[i]) {
                        Some(included) => format!("{hint}{included}"),
                        None => format!("{hint}Variant{}", i + 1),
                    };
                    let lowered = self.lower((&alternatives[i]).into(), &at, &variant)?;
                    let ty = wrap_nullable(lowered);
                    let name = scope.unique(self.variant_name(&ty), "");
                    let tags = tagging
                        .as_ref()
                        .map(|t| t.values[n].clone())
                        .unwrap_or_default();
                    variants.push(UnionVariant { name, ty, tags });
                }
                let tag = tagging.map(|t| UnionTag {
                    property: t.property,
                    other: other_variant(&mut scope),
                });
                TypeKind::Union(Union { variants, tag })
            }
            _ => return Ok(None),
        }))
    }

    fn build_struct(
        &mut self,
        sources: Vec<PropertySource<'_>>,
        additional: Option<&AdditionalProperties>,
        pointer: &str,
        hint: &str,
    ) -> Result<Struct> {
        let mut scope = Scope::default();
        let mut fields = Vec::with_capacity(sources.len());
        // Properties are lowered (and their names claimed) in sorted order, so that reordering
        // them in the spec renames nothing; the fields keep the spec's order.
        let mut sources: Vec<(usize, PropertySource<'_>)> =
            sources.into_iter().enumerate().collect();
        // Properties claim their names before composed includes do.
        sources.sort_by(|a, b| {
            (a.1.include.is_some(), a.1.wire).cmp(&(b.1.include.is_some(), b.1.wire))
        });
        for (index, source) in sources {
            if let Some(component) = &source.include {
                let lowered = self.lower(source.schema, &source.pointer, hint)?;
                fields.push((index, flattened_field(&mut scope, component, lowered.ty)));
                continue;
            }
            let owner = self
                .copied_from(&source.pointer, pointer)
                .unwrap_or_else(|| hint.to_owned());
            let lowered = self.lower(
                source.schema,
                &source.pointer,
                &format!("{owner}{}", type_name(source.wire)),
            )?;
            let (doc, default, deprecated, validation) = match source.schema {
                SchemaRef::Item(s) => (
                    // An `allOf` wrapper documents its `$ref` in an annotation part.
                    doc_text(
                        s.schema_data.title.as_deref(),
                        s.schema_data
                            .description
                            .as_deref()
                            .or_else(|| annotations(s).find_map(|a| a.description.as_deref())),
                        source.wire,
                    ),
                    s.schema_data.default.clone(),
                    s.schema_data.deprecated,
                    super::validation::of(s),
                ),
                SchemaRef::Ref(_) => (None, None, false, Default::default()),
            };
            // A `readOnly` property is never sent and a `writeOnly` one never received: required
            // in one direction only, so optional in a type shared by both.
            let one_way = match source.schema {
                SchemaRef::Item(s) => {
                    let data = std::iter::once(&s.schema_data).chain(annotations(s));
                    data.into_iter().any(|d| d.read_only || d.write_only)
                }
                SchemaRef::Ref(_) => false,
            };
            let presence = match (source.required && !one_way, lowered.nullable) {
                (true, false) => Presence::Required,
                (true, true) => Presence::RequiredNullable,
                (false, true) => Presence::OptionalNullable,
                (false, false)
                    if default
                        .as_ref()
                        .is_some_and(|d| is_zero_default(&lowered.ty, d)) =>
                {
                    Presence::Defaulted
                }
                (false, false) => Presence::Optional,
            };
            fields.push((
                index,
                Field {
                    name: scope.unique(field_name(source.wire), "_"),
                    wire_name: source.wire.to_owned(),
                    doc,
                    ty: lowered.ty,
                    presence,
                    default,
                    boxed: false,
                    deprecated,
                    validation,
                },
            ));
        }
        fields.sort_by_key(|(index, _)| *index);
        let fields = fields.into_iter().map(|(_, field)| field).collect();
        let additional = match additional {
            Some(AdditionalProperties::Any(true)) => Some(TypeRef::Json),
            Some(AdditionalProperties::Schema(value)) => {
                let at = join(pointer, "additionalProperties");
                Some(wrap_nullable(self.lower(
                    (&**value).into(),
                    &at,
                    &format!("{hint}Value"),
                )?))
            }
            Some(AdditionalProperties::Any(false)) | None => None,
        };
        Ok(Struct { fields, additional })
    }

    /// The type name of the first component an inline `allOf` alternative includes: the
    /// alternative's type is named after it, so a variant inserted before it renumbers nothing.
    fn first_include(&self, alternative: &ReferenceOr<Schema>) -> Option<String> {
        let ReferenceOr::Item(schema) = alternative else {
            return None;
        };
        let openapiv3::SchemaKind::AllOf { all_of } = &schema.schema_kind else {
            return None;
        };
        all_of.iter().find_map(|part| match part {
            ReferenceOr::Reference { reference } => {
                let name = reference.strip_prefix("#/components/schemas/")?;
                let id = self.components.get(&crate::pointer::unescape(name))?;
                Some(self.types[id.0].name.clone())
            }
            ReferenceOr::Item(_) => None,
        })
    }

    /// For a property an `allOf` copied from another component: that component's type name,
    /// so the property's inline types are named as in the component itself (`PathRuleParameters`,
    /// not after whichever includer came first).
    fn copied_from(&self, property: &str, including: &str) -> Option<String> {
        let component = schema_component(property)?;
        if schema_component(including) == Some(component) {
            return None;
        }
        let id = self.components.get(&crate::pointer::unescape(component))?;
        Some(self.types[id.0].name.clone())
    }

    /// `allOf` (with any properties of its own beside it): one struct with every property.
    /// Parts are merged in order, a part's own properties after its `allOf` parts; an included
    /// component is copied or composed as [`super::include`] decides.
    fn merge_all_of(&mut self, schema: &Schema, pointer: &str, hint: &str) -> Result<Struct> {
        let mut merged = Merged::default();
        self.merge_into(SchemaRef::Item(schema), pointer.to_owned(), &mut merged)?;
        let additional = match merged.additional {
            // The included structs read the properties their own struct does not know, so
            // a map of them here would hold the included properties too.
            Some(_) if merged.sources.iter().any(|s| s.include.is_some()) => {
                self.warnings.push(Warning {
                    at: self.spec.sources.locate(pointer),
                    message: "unsupported: `additionalProperties` beside an `allOf` include that is composed (a flattened field); they are not kept".into(),
                });
                None
            }
            other => other,
        };
        self.build_struct(merged.sources, additional, pointer, hint)
    }

    fn variant_name(&self, ty: &TypeRef) -> String {
        match ty {
            TypeRef::Bool => "Boolean".into(),
            TypeRef::I32 | TypeRef::I64 => "Integer".into(),
            TypeRef::F32 | TypeRef::F64 => "Number".into(),
            TypeRef::String => "String".into(),
            TypeRef::DateTime => "DateTime".into(),
            TypeRef::Date => "Date".into(),
            TypeRef::Json => "Value".into(),
            TypeRef::Bytes => "Bytes".into(),
            TypeRef::Binary => "Binary".into(),
            TypeRef::Array(inner) => format!("{}List", self.variant_name(inner)),
            TypeRef::Map(inner) => format!("{}Map", self.variant_name(inner)),
            TypeRef::Nullable(inner) => self.variant_name(inner),
            TypeRef::Named(id) => self.types[id.0].name.clone(),
        }
    }
}

impl<'a> Lowerer<'a> {
    /// Merges a schema's `allOf` tree into `merged`, deciding for each included component,
    /// with this schema's [`Budget`], whether to copy its properties or compose it.
    fn merge_into<'s>(
        &mut self,
        schema: SchemaRef<'s>,
        at: String,
        merged: &mut Merged<'s>,
    ) -> Result<()>
    where
        'a: 's,
    {
        let mut found = Vec::new();
        pieces(schema, at, &mut found);
        let mut budget = Budget::default();
        for piece in found {
            match piece {
                Piece::Properties {
                    properties,
                    required,
                    additional,
                    at,
                } => {
                    let found = properties
                        .map(|p| property_sources(p, required, &at))
                        .unwrap_or_default();
                    budget.own(found.len());
                    merged.add(found, required);
                    merged.additional = merged.additional.or(additional);
                }
                Piece::NotObject { at } => {
                    return Err(Error::Unsupported {
                        at: self.spec.sources.locate(&at),
                        reason: "`allOf` of schemas that are not all objects".into(),
                    })
                }
                Piece::Include { reference, at } => {
                    let name = self.resolver.schema_name(reference, &at)?;
                    // A union has no properties to copy: it is composed, a flattened field.
                    if !self.is_union_component(&name) && budget.copies(self.inclusion(&name)?) {
                        if let Some(target) = self.resolver.schema(&name) {
                            self.merge_into(
                                target.into(),
                                join("/components/schemas", &name),
                                merged,
                            )?;
                        }
                        continue;
                    }
                    let include = PropertySource {
                        wire: reference,
                        schema: SchemaRef::Ref(reference),
                        pointer: at,
                        required: true,
                        include: Some(name),
                    };
                    merged.add(vec![include], &[]);
                }
            }
        }
        Ok(())
    }
}

/// Properties written beside `anyOf`/`oneOf` (GitHub's spec does this) belong to every
/// alternative: each object alternative becomes `allOf: [alternative, those properties]`, so
/// each union variant is one struct with all of them. Primitive alternatives stay as they are.
pub(super) fn distribute_own_properties(schema: &Schema) -> Schema {
    use openapiv3::{ObjectType, SchemaKind, Type};
    let (SchemaKind::Any(any), Some((properties, required, additional))) =
        (&schema.schema_kind, own_object(schema))
    else {
        return schema.clone();
    };
    let own = ReferenceOr::Item(Schema {
        schema_data: Default::default(),
        schema_kind: SchemaKind::Type(Type::Object(ObjectType {
            properties: properties.clone(),
            required: required.to_vec(),
            additional_properties: additional.cloned(),
            ..Default::default()
        })),
    });
    let wrap = |alternative: &ReferenceOr<Schema>| match alternative {
        ReferenceOr::Item(s)
            if !matches!(
                shape(s),
                Shape::Object { .. } | Shape::AllOf(_) | Shape::Any
            ) =>
        {
            alternative.clone()
        }
        _ => ReferenceOr::Item(Schema {
            schema_data: Default::default(),
            schema_kind: SchemaKind::AllOf {
                all_of: vec![alternative.clone(), own.clone()],
            },
        }),
    };
    let schema_kind = if any.any_of.is_empty() {
        SchemaKind::OneOf {
            one_of: any.one_of.iter().map(wrap).collect(),
        }
    } else {
        SchemaKind::AnyOf {
            any_of: any.any_of.iter().map(wrap).collect(),
        }
    };
    Schema {
        schema_data: schema.schema_data.clone(),
        schema_kind,
    }
}

fn any_of_key(schema: &Schema) -> &'static str {
    match &schema.schema_kind {
        openapiv3::SchemaKind::OneOf { .. } => "oneOf",
        openapiv3::SchemaKind::Any(any) if any.any_of.is_empty() && !any.one_of.is_empty() => {
            "oneOf"
        }
        _ => "anyOf",
    }
}

fn property_sources<'a>(
    properties: &'a Properties,
    required: &[String],
    pointer: &str,
) -> Vec<PropertySource<'a>> {
    let base = join(pointer, "properties");
    let required: HashSet<&str> = required.iter().map(String::as_str).collect();
    properties
        .iter()
        .map(|(wire, schema)| PropertySource {
            wire,
            schema: schema.into(),
            pointer: join(&base, wire),
            required: required.contains(wire.as_str()),
            include: None,
        })
        .collect()
}

/// The field that holds an `allOf` include composed instead of copied (see [`super::include`]).
fn flattened_field(scope: &mut Scope, component: &str, ty: TypeRef) -> Field {
    Field {
        name: scope.unique(field_name(component), "_"),
        wire_name: component.to_owned(),
        doc: Some(format!(
            "The properties of `{component}`, which this schema includes (`allOf`)."
        )),
        ty,
        presence: Presence::Flattened,
        default: None,
        boxed: false,
        deprecated: false,
        validation: None,
    }
}

fn build_enum<'a>(values: impl Iterator<Item = &'a String>) -> Enum {
    let mut scope = Scope::default();
    let mut seen = Vec::new();
    let values: Vec<EnumValue> = values
        .filter(|v| {
            let new = !seen.contains(v);
            seen.push(*v);
            new
        })
        .map(|wire| EnumValue {
            name: scope.unique(type_name(wire), ""),
            wire: EnumWire::Text(wire.clone()),
        })
        .collect();
    let other = other_variant(&mut scope);
    Enum {
        values,
        other,
        integer: false,
    }
}

/// An integer enum: variants named by `x-enum-varnames` (or `x-enumNames`) when the spec gives
/// one name per value, else by the value (`V1`, `VMinus1`).
fn build_integer_enum(schema: &Schema, values: impl Iterator<Item = i64>) -> Enum {
    let mut distinct: Vec<i64> = Vec::new();
    for value in values {
        if !distinct.contains(&value) {
            distinct.push(value);
        }
    }
    let extensions = &schema.schema_data.extensions;
    let given: Option<Vec<String>> = ["x-enum-varnames", "x-enumNames"]
        .iter()
        .find_map(|key| extensions.get(*key)?.as_array().cloned())
        .and_then(|names| {
            names
                .iter()
                .map(|n| n.as_str().map(str::to_owned))
                .collect()
        })
        .filter(|names: &Vec<String>| names.len() == distinct.len());
    let mut scope = Scope::default();
    let values = distinct
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let name = match &given {
                Some(names) => type_name(&names[i]),
                None if *value < 0 => format!("VMinus{}", value.unsigned_abs()),
                None => format!("V{value}"),
            };
            EnumValue {
                name: scope.unique(name, ""),
                wire: EnumWire::Integer(*value),
            }
        })
        .collect();
    let other = other_variant(&mut scope);
    Enum {
        values,
        other,
        integer: true,
    }
}

/// The name of the variant that keeps what the spec does not list, free in `scope`.
fn other_variant(scope: &mut Scope) -> String {
    ["Other", "OtherValue", "Unrecognized"]
        .into_iter()
        .find(|candidate| scope.reserve(candidate))
        .map_or_else(|| scope.unique("Other".into(), ""), str::to_owned)
}

/// Wraps a type in [`TypeRef::Nullable`] when `null` is allowed where it stands.
pub(super) fn wrap_nullable(lowered: Lowered) -> TypeRef {
    if lowered.nullable {
        TypeRef::Nullable(Box::new(lowered.ty))
    } else {
        lowered.ty
    }
}

/// The component schema a pointer lies in, as written in the pointer (escaped).
fn schema_component(pointer: &str) -> Option<&str> {
    let rest = pointer.strip_prefix("/components/schemas/")?;
    Some(rest.split('/').next().unwrap_or(rest))
}

/// What makes two inline schemas "the same type": everything but what belongs to the place a
/// schema stands (nullability, default, example) or only documents it (title, description);
/// a shared type takes its documentation from its first occurrence.
fn structural_key(schema: &Schema) -> String {
    let mut schema = schema.clone();
    let data = &mut schema.schema_data;
    data.nullable = false;
    data.title = None;
    data.description = None;
    data.default = None;
    data.example = None;
    data.deprecated = false;
    data.read_only = false;
    data.write_only = false;
    serde_json::to_string(&schema).unwrap_or_default()
}

/// The name for an array's item type: the singular of the array's name when it has an
/// obvious one (`crmActivities` → `CrmActivity`, `issues` → `Issue`), else `…Item`.
fn item_name(array: &str) -> String {
    if let Some(stem) = array.strip_suffix("ies") {
        format!("{stem}y")
    } else if ["sses", "xes", "ches", "shes"]
        .iter()
        .any(|s| array.ends_with(s))
    {
        array[..array.len() - 2].to_owned()
    } else if array.ends_with('s') && !["ss", "us", "is"].iter().any(|s| array.ends_with(s)) {
        array[..array.len() - 1].to_owned()
    } else {
        format!("{array}Item")
    }
}

/// A name for a union of primitives from its alternatives: `anyOf [number, string]` is `NumberOrString`.
fn primitive_union_name(schema: &Schema) -> Option<String> {
    let Shape::AnyOf(alternatives) = shape(schema) else {
        return None;
    };
    let names: Option<Vec<&str>> = alternatives
        .iter()
        .filter(|a| !matches_nothing(a))
        .map(|alternative| match alternative {
            ReferenceOr::Item(s) => match shape(s) {
                Shape::String { values, format } if values.is_empty() && format != "date-time" => {
                    Some("String")
                }
                Shape::Integer { .. } => Some("Integer"),
                Shape::Number { .. } => Some("Number"),
                Shape::Boolean => Some("Boolean"),
                _ => None,
            },
            ReferenceOr::Reference { .. } => None,
        })
        .collect();
    names.filter(|n| n.len() > 1).map(|n| n.join("Or"))
}

/// Whether a spec default equals what `Default::default()` gives for the Rust type, so that
/// `#[serde(default)]` applies it exactly.
fn is_zero_default(ty: &TypeRef, default: &Value) -> bool {
    match (ty, default) {
        (TypeRef::Bool, Value::Bool(false)) => true,
        (TypeRef::I32 | TypeRef::I64 | TypeRef::F32 | TypeRef::F64, Value::Number(n)) => {
            n.as_f64() == Some(0.0)
        }
        (TypeRef::String, Value::String(s)) => s.is_empty(),
        (TypeRef::Array(_), Value::Array(a)) => a.is_empty(),
        (TypeRef::Map(_), Value::Object(o)) => o.is_empty(),
        _ => false,
    }
}
