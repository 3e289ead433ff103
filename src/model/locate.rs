//! Where in a dataset's RON text the item a problem's path names begins, so that a rule broken
//! by a parsed file is reported at a line and column as a syntax error is: "parks[2]
//! "chaoyang" → observations[3]" alone makes a reader count from zero in a file of thousands
//! of lines.
//!
//! A path is the one [`validate`](super::validate) writes: fields and list items joined by
//! " → ", each `field`, `field[i]` (zero-based), `field[i] "id"` or `field.sub`. The scan
//! knows only what it needs of RON: brackets, commas, field names, strings, characters and
//! comments. Anything it does not find is `None`, never a panic: the path is still reported.

/// The 1-based line and column (in characters) where the item `path` names begins in `text`.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut at = top_level(bytes);
    for segment in path.split(" → ") {
        // `field[i] "id"`: the id only repeats what the index says.
        let segment = segment.split(" \"").next()?;
        let (fields, index) = match segment.split_once('[') {
            Some((fields, rest)) => (fields, Some(rest.strip_suffix(']')?.parse::<usize>().ok()?)),
            None => (segment, None),
        };
        for field in fields.split('.') {
            let value = children(bytes, at)?.into_iter().find(|child| child.name == Some(field))?.start;
            at = unwrap_some(bytes, value);
        }
        if let Some(index) = index {
            at = unwrap_some(bytes, children(bytes, at)?.get(index)?.start);
        }
    }
    let before = text.get(..at)?;
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    Some((line, col))
}

/// Where the file's top-level value opens: after an optional struct name, its parenthesis.
fn top_level(bytes: &[u8]) -> usize {
    let mut at = skip_trivia(bytes, 0);
    while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
        at += 1;
    }
    skip_trivia(bytes, at)
}

/// The path, written as a broken rule's is (and [`locate`] reads it, but for an item of a list
/// inside a list, `[0][3]`, which no app file has), of the innermost item of `text` that holds the
/// 1-based `line` and `col` (in characters): where a parse error lies ("parks[3] \"haidian\" →
/// observations[12]"), as a broken rule's path says it. `None` at the file's top level or when
/// the place is not found.
pub fn path_at(text: &str, line: usize, col: usize) -> Option<String> {
    let line_start = if line <= 1 { 0 } else { text.match_indices('\n').nth(line - 2)?.0 + 1 };
    let offset =
        line_start + text.get(line_start..)?.chars().take(col.saturating_sub(1)).map(char::len_utf8).sum::<usize>();
    let bytes = text.as_bytes();
    let mut at = top_level(bytes);
    let mut segments: Vec<String> = Vec::new();
    // Into the child holding `offset` while it is a bracket the place lies inside; a field that
    // is not one is named too ("… → observations[3] → year").
    while let Some(children) = children(bytes, at).filter(|_| offset > at) {
        let Some((index, child)) =
            children.iter().enumerate().find(|(_, child)| (child.start..child.end).contains(&offset))
        else {
            break;
        };
        let value = unwrap_some(bytes, child.start);
        match child.name {
            Some(field) => match segments.last_mut() {
                Some(last) if !last.ends_with(']') && !last.ends_with('"') => {
                    last.push('.');
                    last.push_str(field);
                }
                _ => segments.push(field.to_owned()),
            },
            // An unnamed child of a struct is a field name cut short or missing its colon.
            None if bytes.get(at) == Some(&b'(') => break,
            None => {
                let id = item_id(bytes, value).map(|id| format!(" \"{id}\"")).unwrap_or_default();
                let item = format!("[{index}]{id}");
                match segments.last_mut() {
                    Some(last) => last.push_str(&item),
                    None => segments.push(item),
                }
            }
        }
        if !matches!(bytes.get(value), Some(b'(' | b'[' | b'{')) {
            break;
        }
        at = value;
    }
    (!segments.is_empty()).then(|| segments.join(" → "))
}

/// The `id` field's string of the item whose bracket is at `open`, if it has one on one line (a
/// string left open runs on to the next quote in the file, which names nothing).
fn item_id(bytes: &[u8], open: usize) -> Option<&str> {
    let value = children(bytes, open)?.into_iter().find(|child| child.name == Some("id"))?.start;
    if bytes.get(value) != Some(&b'"') {
        return None;
    }
    let end = after_string(bytes, value);
    std::str::from_utf8(bytes.get(value + 1..end.checked_sub(1)?)?).ok().filter(|id| !id.contains('\n'))
}

/// One child of a struct or list: the field's name (`None` for a list's item), where its value
/// starts, and where it ends (the comma or bracket after it).
struct Child<'a> {
    name: Option<&'a str>,
    start: usize,
    end: usize,
}

/// The children of the struct or list whose bracket is at `open`. `None` when `open` is not a
/// bracket.
fn children(bytes: &[u8], open: usize) -> Option<Vec<Child<'_>>> {
    if !matches!(bytes.get(open), Some(b'(' | b'[' | b'{')) {
        return None;
    }
    let mut found = Vec::new();
    let mut at = open + 1;
    loop {
        at = skip_trivia(bytes, at);
        match bytes.get(at) {
            None | Some(b')' | b']' | b'}') => return Some(found),
            Some(_) => {}
        }
        let (name, start) = named_value(bytes, at);
        found.push(Child { name, start, end: bytes.len() });
        // To the comma ending this child, or the closing bracket.
        let mut depth = 0_usize;
        loop {
            at = skip_trivia(bytes, at);
            if let Some(child) = found.last_mut() {
                child.end = at;
            }
            let Some(&byte) = bytes.get(at) else { return Some(found) };
            match byte {
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    at += 1;
                }
                b')' | b']' | b'}' if depth == 0 => return Some(found),
                b')' | b']' | b'}' => {
                    depth -= 1;
                    at += 1;
                }
                b',' if depth == 0 => {
                    at += 1;
                    break;
                }
                b'"' => at = after_string(bytes, at),
                b'r' if matches!(bytes.get(at + 1), Some(b'"' | b'#')) => at = after_raw_string(bytes, at),
                b'\'' => at = after_char(bytes, at),
                _ => at += 1,
            }
        }
    }
}

/// A child starting at `at`: `name: value` gives the name and the value's start; anything else
/// is a list item starting there.
fn named_value(bytes: &[u8], at: usize) -> (Option<&str>, usize) {
    let mut end = at;
    while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
        end += 1;
    }
    let colon = skip_trivia(bytes, end);
    if end > at && bytes.get(colon) == Some(&b':') {
        let name = std::str::from_utf8(&bytes[at..end]).ok();
        return (name, skip_trivia(bytes, colon + 1));
    }
    (None, at)
}

/// Inside `Some(…)` when the value at `at` is one; else `at`.
fn unwrap_some(bytes: &[u8], at: usize) -> usize {
    if bytes.get(at..at + 4) == Some(b"Some") {
        let open = skip_trivia(bytes, at + 4);
        if bytes.get(open) == Some(&b'(') {
            return skip_trivia(bytes, open + 1);
        }
    }
    at
}

/// The first byte from `at` that is neither white space nor part of a comment.
fn skip_trivia(bytes: &[u8], mut at: usize) -> usize {
    loop {
        match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b), _) if b.is_ascii_whitespace() => at += 1,
            (Some(b'/'), Some(b'/')) => {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
            }
            (Some(b'/'), Some(b'*')) => {
                // Block comments nest in RON.
                let mut depth = 0_usize;
                while at < bytes.len() {
                    if bytes[at..].starts_with(b"/*") {
                        depth += 1;
                        at += 2;
                    } else if bytes[at..].starts_with(b"*/") {
                        depth -= 1;
                        at += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        at += 1;
                    }
                }
            }
            _ => return at,
        }
    }
}

/// Just after the string whose opening quote is at `at`.
fn after_string(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    while let Some(&b) = bytes.get(at) {
        at += if b == b'\\' { 2 } else { 1 };
        if b == b'"' {
            return at;
        }
    }
    at
}

/// Just after the raw string (`r"…"`, `r#"…"#`) starting at `at`.
fn after_raw_string(bytes: &[u8], at: usize) -> usize {
    let hashes = bytes[at + 1..].iter().take_while(|&&b| b == b'#').count();
    let body = at + 2 + hashes;
    let mut close = vec![b'"'];
    close.extend(std::iter::repeat_n(b'#', hashes));
    bytes
        .get(body..)
        .and_then(|rest| rest.windows(close.len()).position(|w| w == close.as_slice()))
        .map_or(bytes.len(), |i| body + i + close.len())
}

/// Just after the character literal starting at `at`.
fn after_char(bytes: &[u8], at: usize) -> usize {
    let mut end = at + 1;
    if bytes.get(end) == Some(&b'\\') {
        end += 1;
    }
    end += 1;
    while end < bytes.len() && bytes[end] != b'\'' {
        end += 1;
    }
    end + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"// A comment with a ( and a "quote
(
    meta: (title: (en: "T ) ] ,", zh: "标题"), notes: ["a, b", 'x']),
    /* a block /* nested */ comment [ */
    parks: [
        (id: "alpha", name: (en: "Alpha", zh: "甲"), observations: []),
        (
            id: "beta",
            location: Some((lon: 1.0, lat: 2.0)),
            observations: [
                (metric: "area", value: 1, note: Some(r#"raw ) "quote" ]"#)),
                (metric: "income", value: 2),
            ],
        ),
    ],
)"##;

    #[test]
    fn a_path_is_found_at_the_line_and_column_its_item_begins() {
        assert_eq!(locate(TEXT, r#"parks[0] "alpha""#), Some((6, 9)));
        assert_eq!(locate(TEXT, r#"parks[1] "beta" → observations[1]"#), Some((12, 17)));
        assert_eq!(locate(TEXT, r#"parks[1] "beta" → location"#), Some((9, 28)), "inside Some(…)");
        assert_eq!(locate(TEXT, r#"parks[0] "alpha" → name.zh"#), Some((6, 47)), "a field's field");
        assert_eq!(locate(TEXT, "meta → notes[1]"), Some((3, 62)), "after a string with a comma");
    }

    /// A place inside an item gives its path, which leads back to the item; a place at the top
    /// level gives none.
    #[test]
    fn a_place_in_the_text_gives_the_path_of_the_item_holding_it() {
        // Beta's second observation, `(metric: "income", value: 2),`: on its closing bracket, on
        // a field's name, on a field's value, and on the comma after it (in the list).
        assert_eq!(path_at(TEXT, 12, 44).as_deref(), Some(r#"parks[1] "beta" → observations[1]"#));
        assert_eq!(path_at(TEXT, 12, 37).as_deref(), Some(r#"parks[1] "beta" → observations[1]"#));
        assert_eq!(path_at(TEXT, 12, 43).as_deref(), Some(r#"parks[1] "beta" → observations[1] → value"#));
        assert_eq!(path_at(TEXT, 12, 45).as_deref(), Some(r#"parks[1] "beta" → observations"#));
        assert_eq!(path_at(TEXT, 3, 20).as_deref(), Some("meta.title"), "a struct's field inside a field");
        assert_eq!(path_at(TEXT, 6, 48).as_deref(), Some(r#"parks[0] "alpha" → name.zh"#), "a field's field");
        assert_eq!(path_at(TEXT, 6, 67).as_deref(), Some(r#"parks[0] "alpha" → observations"#), "after a Chinese text");
        assert_eq!(path_at(TEXT, 1, 5), None, "a comment before the dataset");
        let path = path_at(TEXT, 12, 44).expect("a path");
        assert_eq!(locate(TEXT, &path), Some((12, 17)), "the path leads back to the item");
    }

    #[test]
    fn what_is_not_there_is_none_never_a_panic() {
        for path in ["parks[9]", "nothing", "parks[1] → observations[x]", "parks[1] \"beta\" → observations[5]", ""]
        {
            assert_eq!(locate(TEXT, path), None, "{path}");
        }
        for text in ["", "(", "(parks: [(", "(parks: \"unterminated", "(a: r#\"x", "(a: 'x"] {
            let _ = locate(text, "parks[0] → observations[0]");
            for (line, col) in [(1, 1), (1, 3), (1, 40), (9, 1)] {
                let _ = path_at(text, line, col);
            }
        }
    }
}
