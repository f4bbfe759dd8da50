//! Tagged note lines: where a table's columns that the model has no field for are kept, so
//! that an export writes them back.
//!
//! A note is free text followed by lines `<table> <column>: <value>`, e.g.
//! `Epoch AI Certainty: Likely` or `TOP500 Rank: 4`. Values are escaped so that each stays on
//! one line (`\n` for a line break, `\\` for a backslash).

/// The prefixes that mark a tagged line.
const PREFIXES: [&str; 2] = ["Epoch AI ", "TOP500 "];

fn is_tagged(line: &str) -> bool {
    PREFIXES.iter().any(|p| line.starts_with(p)) && line.contains(": ")
}

fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('\r', "\\r")
        .replace('\n', "\\n")
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The key a table's column is kept under: `Epoch AI Certainty`, `TOP500 Rank`.
pub(super) fn key(table: &str, column: &str) -> String {
    format!("{table} {column}")
}

/// The value of the tagged line `key` (e.g. `"TOP500 Rank"`), unescaped.
pub(super) fn tag(note: Option<&str>, key: &str) -> Option<String> {
    note?.lines().find_map(|line| {
        line.strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(": "))
            .map(unescape)
    })
}

/// The note without its tagged lines; `None` when nothing is left.
pub(super) fn free_text(note: Option<&str>) -> Option<String> {
    let free: Vec<&str> = note?.lines().filter(|l| !is_tagged(l)).collect();
    let text = free.join("\n").trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// Free text (each part trimmed, empty parts dropped) followed by one line per tag.
pub(super) fn compose<'a>(
    free: impl IntoIterator<Item = &'a str>,
    tags: &[(String, String)],
) -> Option<String> {
    let lines: Vec<String> = free
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .chain(tags.iter().map(|(k, v)| format!("{k}: {}", escape(v))))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// `note` with the tagged line `key: value` added, or replacing a line of that key.
pub(super) fn with_tag(note: Option<&str>, key: &str, value: &str) -> Option<String> {
    let prefix = format!("{key}: ");
    let lines: Vec<String> = note
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with(&prefix))
        .map(str::to_owned)
        .chain([format!("{prefix}{}", escape(value))])
        .collect();
    Some(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let tags = vec![
            (
                "Epoch AI Users".to_owned(),
                "OpenAI\nMicrosoft \\ co".to_owned(),
            ),
            ("TOP500 Rank".to_owned(), "4".to_owned()),
        ];
        let note = compose(["Built in two halls.\nSecond line.", ""], &tags).unwrap();
        assert_eq!(
            tag(Some(&note), "Epoch AI Users").as_deref(),
            Some("OpenAI\nMicrosoft \\ co")
        );
        assert_eq!(tag(Some(&note), "TOP500 Rank").as_deref(), Some("4"));
        assert_eq!(tag(Some(&note), "TOP500 Ran"), None);
        assert_eq!(
            free_text(Some(&note)).as_deref(),
            Some("Built in two halls.\nSecond line.")
        );
        assert_eq!(compose([], &[]), None);
    }
}
