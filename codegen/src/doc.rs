//! Spec prose to rustdoc-safe Markdown.
//!
//! Descriptions are written for a docs site, not for rustdoc, which compiles unlabelled code
//! blocks as doctests and warns on `[brackets]`, `<tags>` and bare URLs. This module keeps the
//! prose readable while making sure `cargo doc -D warnings` and `cargo test --doc` stay clean:
//! - fenced blocks without a language (or marked `rust`) become `text` blocks;
//! - indentation is capped at three spaces, so no indented code block can appear;
//! - `[` and `]` are escaped unless they form a `[text](target)` link;
//! - `<` becomes `&lt;` unless it opens an autolink such as `<https://…>`;
//! - bare `http(s)://` URLs are wrapped in `<…>`;
//! - inline code spans are left exactly as written.

/// Makes spec text safe to use as rustdoc Markdown.
pub fn sanitize(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    let mut fence: Option<String> = None;
    for line in text.trim().lines() {
        let trimmed = line.trim_start();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str()) && trimmed.trim_end() == open {
                fence = None;
            }
            out.push(line.to_owned());
            continue;
        }
        if let Some(marker) = fence_marker(trimmed) {
            let info = trimmed[marker.len()..].trim();
            let runs_as_doctest = info.is_empty()
                || info.split([',', ' ']).any(|a| {
                    matches!(
                        a,
                        "rust"
                            | "ignore"
                            | "should_panic"
                            | "no_run"
                            | "compile_fail"
                            | "edition2018"
                            | "edition2021"
                            | "edition2024"
                    )
                });
            let info = if runs_as_doctest { "text" } else { info };
            out.push(format!("{marker}{info}"));
            fence = Some(marker);
            continue;
        }
        out.push(sanitize_line(&cap_indent(line)));
    }
    if let Some(open) = fence {
        // An unclosed fence would swallow the rest of the item's docs.
        out.push(open);
    }
    out.join("\n")
}

fn fence_marker(line: &str) -> Option<String> {
    for c in ['`', '~'] {
        let count = line.chars().take_while(|x| *x == c).count();
        if count >= 3 {
            return Some(std::iter::repeat_n(c, count).collect());
        }
    }
    None
}

fn cap_indent(line: &str) -> String {
    let width: usize = line
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    format!("{}{}", " ".repeat(width.min(3)), line.trim_start())
}

fn sanitize_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '`' => {
                let run = chars[i..].iter().take_while(|x| **x == '`').count();
                let close = find_run(&chars, i + run, run);
                let end = close.map_or(i + run, |close| close + run);
                out.extend(&chars[i..end]);
                i = end;
                continue;
            }
            '[' => {
                if let Some(end) = link_end(&chars, i) {
                    out.extend(&chars[i..end]);
                    i = end;
                    continue;
                }
                out.push_str("\\[");
            }
            ']' => out.push_str("\\]"),
            '<' => match autolink_end(&chars, i) {
                Some(end) => {
                    out.extend(&chars[i..end]);
                    i = end;
                    continue;
                }
                None => out.push_str("&lt;"),
            },
            'h' if starts_url(&chars[i..]) => {
                let end = url_end(&chars, i);
                out.push('<');
                out.extend(&chars[i..end]);
                out.push('>');
                i = end;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// The start of the next run of exactly `len` backticks at or after `from`.
fn find_run(chars: &[char], from: usize, len: usize) -> Option<usize> {
    let mut i = from;
    while i < chars.len() {
        if chars[i] == '`' {
            let run = chars[i..].iter().take_while(|x| **x == '`').count();
            if run == len {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// The end of a `[text](target)` link starting at `start`, if one does.
fn link_end(chars: &[char], start: usize) -> Option<usize> {
    let close = start + chars[start..].iter().position(|c| *c == ']')?;
    if chars[start + 1..close].contains(&'[') || chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let paren = close + 1 + chars[close + 1..].iter().position(|c| *c == ')')?;
    let target: String = chars[close + 2..paren].iter().collect();
    (!target.is_empty() && !target.contains(char::is_whitespace)).then_some(paren + 1)
}

fn autolink_end(chars: &[char], start: usize) -> Option<usize> {
    if !starts_url(&chars[start + 1..]) {
        return None;
    }
    let close = start + chars[start..].iter().position(|c| *c == '>')?;
    (!chars[start..close].iter().any(|c| c.is_whitespace())).then_some(close + 1)
}

fn starts_url(chars: &[char]) -> bool {
    let s: String = chars.iter().take(8).collect();
    s.starts_with("http://") || s.starts_with("https://")
}

fn url_end(chars: &[char], start: usize) -> usize {
    let mut end = start;
    while end < chars.len()
        && !chars[end].is_whitespace()
        && !matches!(chars[end], '<' | '>' | '"' | '`' | ')' | ']')
    {
        end += 1;
    }
    // Sentence punctuation right after a URL is not part of it.
    while end > start && matches!(chars[end - 1], '.' | ',' | ';' | ':' | '!' | '?' | '\'') {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn brackets_tags_and_urls() {
        assert_eq!(
            sanitize("Array of [ids] for <T>"),
            "Array of \\[ids\\] for &lt;T>"
        );
        assert_eq!(
            sanitize("See [the docs](https://x.io/a)."),
            "See [the docs](https://x.io/a)."
        );
        assert_eq!(
            sanitize("Go to https://x.io/a, then <https://y.io>."),
            "Go to <https://x.io/a>, then <https://y.io>."
        );
        assert_eq!(sanitize("Use `a[0] <b>` here"), "Use `a[0] <b>` here");
    }

    #[test]
    fn code_blocks_never_become_doctests() {
        assert_eq!(
            sanitize("x\n```\nlet a = 1;\n```"),
            "x\n```text\nlet a = 1;\n```"
        );
        assert_eq!(
            sanitize("```json\n{\"a\": [1]}\n```"),
            "```json\n{\"a\": [1]}\n```"
        );
        assert_eq!(
            sanitize("```rust,no_run\nfn f() {}"),
            "```text\nfn f() {}\n```"
        );
        assert_eq!(
            sanitize("para\n\n        indented code"),
            "para\n\n   indented code"
        );
    }

    #[test]
    fn line_endings_and_whitespace() {
        assert_eq!(sanitize("  a\r\nb\r\n\n"), "a\nb");
    }
}
