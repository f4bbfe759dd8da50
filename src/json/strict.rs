//! A deserializer wrapper under which a struct must be written as an object.
//!
//! serde's derived `Deserialize` accepts a struct as an array of its fields in declaration
//! order, so `"dates": ["2026-Q1"]` would load as `{"announced": "2026-Q1"}`: a wrong type
//! accepted with a changed meaning. [`Strict`] wraps a deserializer, and everything it hands
//! out (sequences, maps, enum variants, seeds), so that at every depth a struct or struct
//! variant read from a sequence is an `invalid type: sequence` error instead. Everything else
//! is forwarded unchanged, so errors, positions and `serde_path_to_error` paths are those of
//! the wrapped deserializer.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// Wraps a deserializer, or one of the accesses and seeds it hands out, keeping structs
/// object-only at every depth.
pub(crate) struct Strict<T>(pub(crate) T);

/// Wraps a visitor so that what it is handed is wrapped in turn; with `structs`, a sequence is
/// refused because the visitor is reading a struct. With `shape` (the struct's name and
/// fields), serde's "expected struct PhaseDates" is said in the crate's words.
struct Wrap<V> {
    visitor: V,
    structs: bool,
    shape: Option<(&'static str, &'static [&'static str])>,
}

impl<V> Wrap<V> {
    fn any(visitor: V) -> Self {
        Wrap {
            visitor,
            structs: false,
            shape: None,
        }
    }

    fn structs(visitor: V) -> Self {
        Wrap {
            visitor,
            structs: true,
            shape: None,
        }
    }

    fn shaped(visitor: V, name: &'static str, fields: &'static [&'static str]) -> Self {
        Wrap {
            visitor,
            structs: true,
            shape: Some((name, fields)),
        }
    }
}

impl<'de, V: Visitor<'de>> Wrap<V> {
    /// What the visitor expects; a derived struct's "struct PhaseDates" becomes "phase dates,
    /// written as an object with the fields \"announced\", \"start\", ...". `None` when the
    /// visitor says it in its own words (a custom `expecting`).
    fn shape(&self) -> Option<String> {
        let (name, fields) = self.shape?;
        let own = format!("{}", &self.visitor as &dyn de::Expected);
        if own != format!("struct {name}") {
            return None;
        }
        let listed = fields
            .iter()
            .map(|f| format!("\"{f}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let what = words(name);
        Some(match fields.len() {
            0 => format!("{what}, written as an object"),
            1 => format!("{what}, written as an object with the field {listed}"),
            _ => format!("{what}, written as an object with the fields {listed}"),
        })
    }
}

/// A struct's name in words: "PhaseDates" is "phase dates", "BlocRecord" is "a bloc".
fn words(name: &str) -> String {
    match name {
        "VersionedDocument" => return "a registry or catalog document".to_owned(),
        "FigureWire" => return "a compute figure".to_owned(),
        "Sourced" => return "a sourced value".to_owned(),
        _ => {}
    }
    let name = name
        .strip_suffix("Record")
        .or_else(|| name.strip_suffix("Wire"))
        .unwrap_or(name);
    // "a deployment", "an estimate"; a plural name ("PhaseDates") takes no article.
    let mut out = match name.chars().next() {
        _ if name.ends_with('s') => String::new(),
        Some('A' | 'E' | 'I' | 'O' | 'U') => "an ".to_owned(),
        _ => "a ".to_owned(),
    };
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push(' ');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method($($arg,)* Wrap::any(visitor))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
        deserialize_ignored_any();
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_struct(name, fields, Wrap::shaped(visitor, name, fields))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.visitor.$method(v)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.shape() {
            Some(shape) => f.write_str(&shape),
            None => self.visitor.expecting(f),
        }
    }

    forward_visit! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_u128(u128);
        visit_f32(f32);
        visit_f64(f64);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_some(Strict(d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_newtype_struct(Strict(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if self.structs {
            let expected = self.shape().unwrap_or_else(|| {
                format!(
                    "{} written as an object",
                    &self.visitor as &dyn de::Expected
                )
            });
            return Err(de::Error::invalid_type(
                de::Unexpected::Seq,
                &expected.as_str(),
            ));
        }
        self.visitor.visit_seq(Strict(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(Strict(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(Strict(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Strict<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(d))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Strict(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Strict(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Strict(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Strict<A> {
    type Error = A::Error;
    type Variant = Strict<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Strict<A::Variant>), A::Error> {
        self.0
            .variant_seed(Strict(seed))
            .map(|(value, variant)| (value, Strict(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Strict(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap::any(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Wrap::structs(visitor))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::Strict;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Point {
        x: u32,
        y: u32,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    enum Shape {
        Dot(Point),
        Pair(Point, Point),
        Box { low: Point, high: Point },
        Empty,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Doc {
        shapes: Vec<Shape>,
        origin: Option<Point>,
        tags: (String, u8),
    }

    fn strict<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        T::deserialize(Strict(&mut de)).map_err(|e| e.to_string())
    }

    #[test]
    fn objects_read_as_without_the_wrapper() {
        let json = r#"{"shapes": [{"Dot": {"x": 1, "y": 2}}, {"Pair": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]},
            {"Box": {"low": {"x": 0, "y": 0}, "high": {"x": 5, "y": 5}}}, "Empty"],
            "origin": {"x": 0, "y": 0}, "tags": ["a", 1]}"#;
        let plain: Doc = serde_json::from_str(json).unwrap();
        assert_eq!(strict::<Doc>(json).unwrap(), plain);
        assert_eq!(plain.shapes.len(), 4);
    }

    #[test]
    fn a_struct_written_as_an_array_is_refused_at_every_depth() {
        // Each of these is accepted, positionally, by serde_json on its own.
        let cases = [
            r#"[[], null, ["a", 1]]"#,
            r#"{"shapes": [{"Dot": [1, 2]}], "origin": null, "tags": ["a", 1]}"#,
            r#"{"shapes": [{"Pair": [[1, 2], {"x": 3, "y": 4}]}], "origin": null, "tags": ["a", 1]}"#,
            r#"{"shapes": [{"Box": [{"x": 0, "y": 0}, {"x": 5, "y": 5}]}], "origin": null, "tags": ["a", 1]}"#,
            r#"{"shapes": [{"Box": {"low": [0, 0], "high": {"x": 5, "y": 5}}}], "origin": null, "tags": ["a", 1]}"#,
            r#"{"shapes": [], "origin": [0, 0], "tags": ["a", 1]}"#,
        ];
        for json in cases {
            assert!(serde_json::from_str::<Doc>(json).is_ok(), "{json}");
            let e = strict::<Doc>(json).unwrap_err();
            assert!(
                e.starts_with("invalid type: sequence, expected "),
                "{json}: {e}"
            );
            assert!(e.contains(" written as an object"), "{json}: {e}");
        }
        // Tuples and tuple variants stay sequences.
        assert!(strict::<(u8, u8)>("[1, 2]").is_ok());
    }
}
