//! Text set in lines: breaking into lines that fit a width (between words, between Chinese
//! characters, inside an address only when it must), shortening with "…" or, for lists, with a
//! count of what is left out.

use crate::format::is_cjk;
use crate::i18n::{brief_more, brief_words};

use super::super::font::BriefFont;

/// Breaks `text` into lines no wider than `width` at `size`: between words, between Chinese
/// characters, and inside a word (an address) only when it is wider than a line.
pub fn wrap(font: &BriefFont, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph_start = lines.len();
        let mut line = String::new();
        let mut line_width = 0.0;
        for token in tokens(paragraph) {
            let token_width = font.width(token, size);
            if line_width + token_width <= width || line.is_empty() && token_width <= width {
                line.push_str(token);
                line_width += token_width;
                continue;
            }
            if token.chars().all(char::is_whitespace) {
                // A break replaces the space.
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                line_width = 0.0;
                continue;
            }
            if !line.trim().is_empty() {
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
            }
            line.clear();
            line_width = 0.0;
            // A token wider than a line (an address) is broken between characters.
            for c in token.chars() {
                let w = font.advance_em(c) * size;
                if line_width + w > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
        lines.push(line.trim_end().to_owned());
        keep_off_a_last_character_alone(font, &mut lines[paragraph_start..], size, width);
    }
    lines
}

/// A paragraph of Chinese whose last line would be one character (and its punctuation, "算。")
/// takes the character before it down too: a word cut to its last character, alone on a line,
/// reads as a stray.
fn keep_off_a_last_character_alone(font: &BriefFont, lines: &mut [String], size: f32, width: f32) {
    let [.., before, last] = lines else { return };
    let mut chars = last.chars();
    let alone = chars.next().is_some_and(is_cjk) && chars.all(is_closing);
    let Some(moved) = before.chars().last().filter(|&c| is_cjk(c) && !is_closing(c)) else { return };
    if !alone || before.chars().count() < 3 {
        return;
    }
    let joined = format!("{moved}{last}");
    if font.width(&joined, size) <= width {
        before.pop();
        *last = joined;
    }
}

/// [`wrap`], keeping at most `max_lines`; when more were needed, the last kept line ends in "…".
pub fn wrap_at_most(font: &BriefFont, text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines = wrap(font, text, size, width);
    if lines.len() > max_lines {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && font.width(&format!("{last}…"), size) > width {
                last.pop();
            }
            let trimmed = last.trim_end().to_owned();
            *last = format!("{trimmed}…");
        }
    }
    lines
}

/// Words, runs of spaces, and single Chinese characters (each of which may start a line). A
/// source's number ("[3]") stays with the word or character before it, across a space: alone
/// at the start of a line it reads as a stray mark.
fn tokens(text: &str) -> Vec<&str> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    // Inside a list of sources' numbers ("[1–3, 5]"), which breaks nowhere.
    let mut in_numbers = false;
    for (i, c) in text.char_indices() {
        if let Some(p) = previous {
            let boundary = is_cjk(c) || is_cjk(p) || c.is_whitespace() != p.is_whitespace();
            // Closing punctuation stays with what it closes.
            if boundary && !is_closing(c) && !in_numbers {
                push_token(text, &mut spans, (start, i));
                start = i;
            }
        }
        match c {
            '[' => in_numbers = text[i + 1..].starts_with(|next: char| next.is_ascii_digit()),
            ']' => in_numbers = false,
            _ => {}
        }
        previous = Some(c);
    }
    if start < text.len() {
        push_token(text, &mut spans, (start, text.len()));
    }
    spans.into_iter().map(|(start, end)| &text[start..end]).collect()
}

/// Adds the token `span` of `text` to `spans`, joining a source's number to what precedes it
/// (with the space between).
fn push_token(text: &str, spans: &mut Vec<(usize, usize)>, span: (usize, usize)) {
    let token = &text[span.0..span.1];
    if is_citation(token) {
        let before_space = spans.len().checked_sub(2).map(|i| &text[spans[i].0..spans[i].1]);
        let space = spans.last().is_some_and(|&(start, end)| text[start..end].chars().all(char::is_whitespace));
        if space && before_space.is_some_and(|word| !word.trim().is_empty()) {
            spans.pop();
        }
        if let Some(last) = spans.last_mut() {
            last.1 = span.1;
            return;
        }
    }
    spans.push(span);
}

/// Whether `token` is a source's number, "[12]", or a list of them, "[1–3, 5]", with any
/// closing punctuation after it.
fn is_citation(token: &str) -> bool {
    let Some(rest) = token.strip_prefix('[') else { return false };
    let Some((numbers, after)) = rest.split_once(']') else { return false };
    numbers.starts_with(|c: char| c.is_ascii_digit())
        && numbers.chars().all(|c| c.is_ascii_digit() || matches!(c, '–' | '-' | ',' | ' '))
        && after.chars().all(is_closing)
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '；' | '：' | '）' | '」' | '』' | '》' | '！' | '？' | ',' | '.' | ';' | ':' | ')'
    )
}

/// ": " in English, "：" in Chinese.
pub fn colon(language: crate::model::Language) -> &'static str {
    match language {
        crate::model::Language::En => ": ",
        crate::model::Language::Zh => "：",
    }
}

/// `prefix`, then as many of `names` as fit on `max_lines` lines of `width`, then "… and N
/// more" for the rest (and `suffix`), wrapped: a list is shortened by counting, never by an
/// ellipsis that hides how much is missing.
#[expect(clippy::too_many_arguments, reason = "one text, its font and its box")]
pub fn names_in_lines(
    font: &BriefFont,
    language: crate::model::Language,
    prefix: &str,
    names: &[String],
    suffix: &str,
    size: f32,
    width: f32,
    max_lines: usize,
) -> Vec<String> {
    let separator = if language == crate::model::Language::Zh { "、" } else { ", " };
    let more = brief_words(language).more_no_data;
    let mut shown = names.len();
    loop {
        let mut text = format!("{prefix}{}", names[..shown].join(separator));
        if shown < names.len() {
            text.push(' ');
            text.push_str(&brief_more(more, names.len() - shown));
        }
        text.push_str(suffix);
        let lines = wrap(font, &text, size, width);
        if shown == 0 || lines.len() <= max_lines {
            return lines;
        }
        shown -= 1;
    }
}

/// Sorted numbers with runs shortened: `[1, 2, 3, 5]` → "1–3, 5".
pub fn number_ranges(numbers: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    let flush = |run: (usize, usize), parts: &mut Vec<String>| {
        parts.push(match run.1 - run.0 {
            0 => run.0.to_string(),
            1 => format!("{}, {}", run.0, run.1),
            _ => format!("{}–{}", run.0, run.1),
        });
    };
    for &n in numbers {
        run = match run {
            Some((first, last)) if n == last + 1 => Some((first, n)),
            Some(done) => {
                flush(done, &mut parts);
                Some((n, n))
            }
            None => Some((n, n)),
        };
    }
    if let Some(done) = run {
        flush(done, &mut parts);
    }
    parts.join(", ")
}
