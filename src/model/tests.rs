//! Unit tests of loading and validation, and the shared `small_dataset()` fixture.

use super::*;
// The synthetic-data generator's random numbers keep the fuzz cases the same on every run.
use crate::synthetic::XorShift;

/// The fixture shared by unit and UI tests.
pub(crate) const SMALL_RON: &str = include_str!("../../tests/fixtures/small.ron");

/// The small test dataset, loaded.
pub(crate) fn small_dataset() -> Dataset {
    load_dataset(SMALL_RON, "small.ron").expect("the fixture is valid")
}

/// The small test dataset with `sources` (RON items) added after its own.
pub(crate) fn small_dataset_with_sources(sources: &[&str]) -> Dataset {
    let last = "note: Some(\"No URL known.\")),";
    assert!(SMALL_RON.contains(last), "the fixture's last source");
    let added = sources.iter().map(|source| format!("{source},")).collect::<Vec<_>>().join("\n");
    load_dataset(&SMALL_RON.replacen(last, &format!("{last}\n{added}"), 1), "small.ron").expect("valid")
}

/// The problems that loading `text` reports, as displayed, without the line and column a
/// broken rule's item begins at (checked on their own, in
/// `a_dangling_source_names_the_item_path`).
fn problems(text: &str) -> Vec<String> {
    let without_place = |shown: String| match shown.rsplit_once(" (line ") {
        Some((problem, place)) if place.ends_with(')') && place.contains(", column ") => problem.to_owned(),
        _ => shown,
    };
    match load_dataset(text, "bad.ron") {
        Ok(_) => Vec::new(),
        Err(errors) => errors.problems.iter().map(ToString::to_string).map(without_place).collect(),
    }
}

/// The problems that loading `text` reports, as displayed, each with its place.
fn problems_with_place(text: &str) -> Vec<String> {
    match load_dataset(text, "bad.ron") {
        Ok(_) => Vec::new(),
        Err(errors) => errors.problems.iter().map(ToString::to_string).collect(),
    }
}

/// The fixture with `from` replaced by `to` (which must occur).
fn edited(from: &str, to: &str) -> String {
    assert!(SMALL_RON.contains(from), "fixture lacks {from:?}");
    SMALL_RON.replacen(from, to, 1)
}

#[test]
fn the_small_fixture_loads_with_every_part() {
    let dataset = small_dataset();
    assert_eq!(dataset.parks.len(), 3);
    assert_eq!(dataset.figure_count(), 9);
    assert_eq!(dataset.zone_figure_count(), 1, "the zone's planned area");
    let alpha = dataset.park(&ParkId::new("alpha")).expect("alpha");
    let figures: Vec<_> = dataset.figures(alpha).collect();
    assert_eq!(figures.len(), 7);
    assert_eq!(figures[0].metric.unit.en, "km²");
    assert_eq!(figures[0].source.title, "First report");
    assert_eq!(figures[1].observation.qualifier, Qualifier::AtLeast);
    assert_eq!(figures[4].observation.period, Some(Period::H1));
    assert_eq!(dataset.district(&DistrictId::new("west")).map(|d| d.name.zh.as_str()), Some("西区"));
    assert!(dataset.zone.is_some());
}

#[test]
fn the_real_dataset_is_valid() {
    let text = include_str!("../../data/zgc.ron");
    if let Err(errors) = load_dataset(text, "data/zgc.ron") {
        panic!("data/zgc.ron does not load:\n{errors}");
    }
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let text = edited("value: 26.1,", "value: 26.1.5,");
    let errors = load_dataset(&text, "data/bad.ron").expect_err("broken number");
    assert_eq!(errors.problems.len(), 1);
    let Problem::Syntax { line, col, .. } = &errors.problems[0] else { panic!("{errors}") };
    let expected_line = text.lines().position(|l| l.contains("26.1.5")).expect("edited line") + 1;
    assert_eq!(*line, expected_line);
    assert!(*col > 1);
    assert!(errors.to_string().starts_with(&format!("data/bad.ron:{expected_line}:")), "{errors}");
}

/// RON stops at the next item, a line below the one missing its comma: the message points at
/// the end of the value the comma should follow, past a comment, and says where the next starts.
#[test]
fn a_missing_comma_at_the_end_of_a_line_is_reported_at_that_line_end() {
    let lines: Vec<&str> = SMALL_RON.lines().collect();
    let at = (0..lines.len() - 1)
        .find(|&i| lines[i].ends_with("),") && lines[i + 1].trim_start().starts_with('('))
        .expect("a list item followed by another");
    let value = lines[at].strip_suffix(',').expect("ends with a comma");
    let mut edited: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    edited[at] = format!("{value} // \"https://example.org\", a comment");
    let errors = load_dataset(&edited.join("\n"), "bad.ron").expect_err("a missing comma");
    let next_col = lines[at + 1].find('(').expect("the next item") + 1;
    let (place, said) = (
        format!("bad.ron:{}:{}: ", at + 1, value.chars().count() + 1),
        format!("expected a comma after this value (the next one starts at line {}, column {next_col})", at + 2),
    );
    let shown = errors.to_string();
    assert_eq!(item_line(&edited.join("\n"), &shown, &place, &said), Some(at + 1), "{shown}");
}

/// The line where the item a syntax error's message names (`place`, then its path, then `said`)
/// begins, when the message is so made.
fn item_line(text: &str, shown: &str, place: &str, said: &str) -> Option<usize> {
    let path = shown.strip_prefix(place)?.strip_suffix(said)?.strip_suffix(": ")?;
    super::locate::locate(text, path).map(|(line, _)| line)
}

/// A block comment after the value missing its comma, or one spanning lines, is passed over as
/// a `//` comment is: the message points at the end of the value, not into the comment.
#[test]
fn a_missing_comma_before_a_block_comment_is_reported_at_the_value() {
    let lines: Vec<&str> = SMALL_RON.lines().collect();
    let at = (0..lines.len() - 1)
        .find(|&i| lines[i].ends_with("),") && lines[i + 1].trim_start().starts_with('('))
        .expect("a list item followed by another");
    let value = lines[at].strip_suffix(',').expect("ends with a comma");
    let next_col = lines[at + 1].find('(').expect("the next item") + 1;
    for comment in [
        " /* a comment, (with \"quotes\" and a // inside) */",
        " /* a comment\n   over two lines, /* nested */ with a \"quote */",
        " // a line comment /* that opens nothing",
    ] {
        let mut edited: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        edited[at] = format!("{value}{comment}");
        let errors = load_dataset(&edited.join("\n"), "bad.ron").expect_err("a missing comma");
        let next_line = at + 2 + comment.matches('\n').count();
        let (place, said) = (
            format!("bad.ron:{}:{}: ", at + 1, value.chars().count() + 1),
            format!("expected a comma after this value (the next one starts at line {next_line}, column {next_col})"),
        );
        let shown = errors.to_string();
        let text = edited.join("\n");
        assert_eq!(item_line(&text, &shown, &place, &said), Some(at + 1), "after {comment:?}: {shown}");
    }
}

/// A string over several lines with `//` in it is a string: the value it belongs to ends at
/// its closing quote, not at the `//`.
#[test]
fn a_missing_comma_after_a_string_over_lines_is_reported_at_its_end() {
    let figure = "qualifier: AtLeast, source: \"s2\"),";
    assert!(SMALL_RON.contains(figure), "the fixture's figure, followed by another");
    let long =
        "qualifier: AtLeast, source: \"s2\", note: Some(\"At least, /* not a comment,\nsee https://example.org\"))";
    let text = SMALL_RON.replacen(figure, long, 1);
    let errors = load_dataset(&text, "bad.ron").expect_err("a missing comma");
    let line = text.lines().position(|l| l.starts_with("see https://example.org")).expect("the string's last line") + 1;
    let shown = errors.to_string();
    let col = "see https://example.org\"))".chars().count() + 1;
    // The figure the comma should follow is named by its path, as a broken rule's item is.
    let place =
        format!("bad.ron:{line}:{col}: parks[0] \"alpha\" → observations[1]: expected a comma after this value");
    assert!(shown.starts_with(&place), "{shown}");
    // A raw string's end is not followed: the parser's own place is shown, never a guess.
    let raw = "qualifier: AtLeast, source: \"s2\", note: Some(r#\"At \"least\" // \"#))";
    let errors = load_dataset(&SMALL_RON.replacen(figure, raw, 1), "bad.ron").expect_err("a missing comma");
    let next = SMALL_RON.lines().position(|l| l.contains("value: 630")).expect("the next figure") + 1;
    assert!(errors.to_string().starts_with(&format!("bad.ron:{next}:")), "{errors}");
}

/// A text missing its closing quote runs on to the next text's opening one: the parser asked
/// for a comma, a line further down at times. It is reported where the text begins, for what it
/// is, with the field name it took in.
#[test]
fn a_text_missing_its_closing_quote_is_reported_where_it_begins() {
    for (written, open, field) in [
        ("name: (en: \"Beta Park, zh:", "name: (en: \"Beta Park", "zh"),
        ("value: 10, year: 2012, source: \"s2)", "source: \"s2)", "metric"),
    ] {
        let original = written.replace("Beta Park,", "Beta Park\",").replace("\"s2)", "\"s2\")");
        let text = edited(&original, written);
        let line = text.lines().position(|l| l.contains(open)).expect("the edited line");
        let col = text.lines().nth(line).and_then(|l| l.find(open)).map(|at| at + open.find('"').unwrap_or(0));
        let place = format!("bad.ron:{}:{}: ", line + 1, col.unwrap_or(0) + 1);
        let shown = load_dataset(&text, "bad.ron").expect_err("a text left open").to_string();
        assert!(shown.starts_with(&place), "{place}\n{shown}");
        assert!(shown.contains(&format!("this text has no closing \" (it runs on past `{field}:`")), "{shown}");
        assert!(!shown.contains("Expected comma"), "{shown}");
    }
    // A text that ends in a word and a colon, closed, before a missing comma: no text left open.
    let text = edited("name: (en: \"Beta Park\", zh:", "name: (en: \"Beta Park as:\" zh:");
    let shown = load_dataset(&text, "bad.ron").expect_err("a missing comma").to_string();
    assert!(shown.contains("expected a comma after this value"), "{shown}");
}

/// The line and column of the first problem of `errors`, a syntax error.
fn syntax_position(errors: &LoadErrors) -> (usize, usize) {
    match errors.problems.first() {
        Some(Problem::Syntax { line, col, .. }) => (*line, *col),
        other => panic!("not a syntax error: {other:?}"),
    }
}

/// The slips of a person used to writing figures in prose are answered with what to write: a
/// figure in quotes with its qualifier (`">450"`), a unit after the number, and a list whose
/// closing `]` was forgotten (the parser's "expected struct `Park` but found `zone`").
#[test]
fn a_figure_written_as_in_prose_or_an_unclosed_list_is_answered_with_what_to_write() {
    let figure = "value: 450, year: 2019";
    let first_line = |shown: &str| shown.lines().next().unwrap_or_default().to_owned();
    let quoted = load_dataset(&edited(figure, "value: \">450\", year: 2019"), "bad.ron").expect_err("quoted");
    let shown = first_line(&quoted.to_string());
    assert!(shown.contains("Expected float: a number is written alone, without quotes"), "{shown}");
    assert!(quoted.in_language(Language::Zh).contains("数字须单独书写，不加引号或单位"), "{quoted:?}");
    // The column is the value's, not the blank before it.
    let (line, col) = syntax_position(&quoted);
    let row = edited(figure, "value: \">450\", year: 2019").lines().nth(line - 1).unwrap_or_default().to_owned();
    assert_eq!(row.chars().nth(col - 1), Some('"'), "{row:?} at column {col}");
    let unit = load_dataset(&edited(figure, "value: 450 firms, year: 2019"), "bad.ron").expect_err("a unit");
    assert!(unit.to_string().contains("a number is written alone, its unit is the metric's"), "{unit}");
    // A field after the number is a missing comma, not a unit.
    let comma = load_dataset(&edited(figure, "value: 450 year: 2019"), "bad.ron").expect_err("no comma");
    assert!(!comma.to_string().contains("unit"), "{comma}");
    let unclosed = edited("    ],\n    zone: Some((", "    zone: Some((");
    let errors = load_dataset(&unclosed, "bad.ron").expect_err("an unclosed list");
    assert!(
        errors.to_string().contains("`zone:` begins a field, so the list before it is missing its closing ]"),
        "{errors}"
    );
    // A park's `observations` left without its `]`, after a comma or without one: the park's
    // own `)` is where the parser stops.
    let last_figure = "note_zh: Some(\"亏损。\")),\n            ],";
    for (unclosed, what) in [
        (edited(last_figure, "note_zh: Some(\"亏损。\")),"), "after a comma"),
        (edited(last_figure, "note_zh: Some(\"亏损。\"))"), "without one"),
    ] {
        let errors = load_dataset(&unclosed, "bad.ron").expect_err("an unclosed list").to_string();
        assert!(
            errors.contains("a list's closing ] is missing before this ), or this ) is one too many"),
            "{what}: {errors}"
        );
    }
    // A year in quotes is a whole number without them; nothing of values and qualifiers.
    let year = load_dataset(&edited(figure, "value: 450, year: \"2019\""), "bad.ron").expect_err("a quoted year");
    assert!(year.to_string().contains(": a whole number is written without quotes (year: 2019)"), "{year}");
    assert!(!year.to_string().contains("qualifier"), "{year}");
    // A year with a fraction: the parser stopped at its point and asked for a comma.
    let fraction = load_dataset(&edited(figure, "value: 450, year: 2019.5"), "bad.ron").expect_err("a fraction");
    assert!(fraction.to_string().contains(": this field takes a whole number (year: 2019)"), "{fraction}");
    assert!(fraction.in_language(Language::Zh).contains("此字段须为整数"), "{fraction:?}");
    // Two commas in a row: the parser looked for a field's name and said only that.
    let doubled = load_dataset(&edited(figure, "value: 450,, year: 2019"), "bad.ron").expect_err("two commas");
    assert!(doubled.to_string().contains(": two commas in a row: delete one"), "{doubled}");
    assert!(doubled.in_language(Language::Zh).contains("连续两个逗号"), "{doubled:?}");
    // A decimal comma (3,2) or a thousands separator (6,200), as many languages write numbers:
    // the parser took the digits after the comma for a field's name and offered `r#2`.
    for written in ["value: 4,5, year: 2019", "value: 4,500, year: 2019"] {
        let errors = load_dataset(&edited(figure, written), "bad.ron").expect_err("a comma in a number");
        let shown = errors.to_string();
        assert!(shown.contains("a number is written with a point before its decimals"), "{written}: {shown}");
        assert!(!shown.contains("r#"), "{shown}");
        assert!(errors.in_language(Language::Zh).contains("千位之间不加分隔符"), "{errors:?}");
    }
}

/// A sign written where the qualifier's name goes (`qualifier: ">"`) is answered with the
/// names a qualifier takes and which one the sign is (the parser said only "Expected identifier").
#[test]
fn a_sign_for_a_qualifier_is_answered_with_the_qualifiers_names() {
    let errors = load_dataset(&edited("qualifier: AtLeast", "qualifier: \">\""), "bad.ron").expect_err("a sign");
    let shown = errors.to_string();
    assert!(shown.contains("`qualifier` is one of Reported,"), "{shown}");
    assert!(shown.contains("\">\" is AtLeast"), "{shown}");
    assert!(errors.in_language(Language::Zh).contains("“>”即 AtLeast"), "{errors:?}");
}

/// A file cut off inside a text says it was cut short, in English as in Chinese, not only that
/// the text lacks its closing quote; an empty file says it is empty, not that an opening
/// bracket is missing.
#[test]
fn a_file_cut_in_a_text_and_an_empty_file_say_so() {
    let cut = SMALL_RON.find("First report").expect("a title") + "First rep".len();
    let errors = load_dataset(&SMALL_RON[..cut], "cut.ron").expect_err("cut in a text");
    assert!(errors.to_string().contains("it looks cut short"), "{errors}");
    assert!(errors.in_language(Language::Zh).contains("看来不完整"), "{errors:?}");
    for empty in ["", "  \n\n"] {
        let errors = load_dataset(empty, "empty.ron").expect_err("empty");
        assert_eq!(errors.to_string(), "empty.ron:1:1: the file is empty", "{empty:?}");
        assert!(errors.in_language(Language::Zh).contains("文件为空"), "{errors:?}");
    }
}

/// A text without its Chinese says in plain words that both languages are needed, and what to
/// write without a translation.
#[test]
fn a_text_without_zh_says_both_languages_are_required() {
    let text = edited("name: (en: \"Gamma Park\", zh: \"丙园\")", "name: (en: \"Gamma Park\")");
    let errors = load_dataset(&text, "bad.ron").expect_err("no zh");
    let shown = errors.to_string();
    assert!(shown.contains("this text has no `zh`"), "{shown}");
    assert!(shown.contains("needs both `en` (English) and `zh` (Chinese)"), "{shown}");
    assert!(!shown.contains("Unexpected missing field"), "{shown}");
    assert!(errors.in_language(Language::Zh).contains("都须同时有 `en`（英文）和 `zh`（中文）"));
}

#[test]
fn an_unknown_field_is_an_error_not_ignored() {
    let found = problems(&edited("kind: Stock,", "kind: Stock, colour: \"red\","));
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("colour"), "{found:?}");
}

/// A note shows in the window's language where the dataset gives it so, and in the other
/// language where it does not: a caveat is never dropped for want of a translation.
#[test]
fn a_note_is_read_in_the_windows_language_or_else_in_the_other() {
    let dataset = small_dataset();
    let alpha = dataset.park(&ParkId::new("alpha")).expect("alpha");
    let loss = alpha.observations.iter().find(|o| o.metric.as_str() == "total_profit").expect("a loss");
    assert_eq!((loss.note_in(Language::En), loss.note_in(Language::Zh)), (Some("A loss."), Some("亏损。")));
    let s2 = dataset.source(&SourceId::new("s2")).expect("s2");
    assert_eq!(s2.note_in(Language::Zh), Some("No URL known."), "English only: shown in Chinese too");
    let blank = Observation { note_zh: Some(" ".to_owned()), ..loss.clone() };
    assert_eq!(blank.note_in(Language::Zh), Some("A loss."), "a blank translation hides nothing");
    let chinese_only = Observation { note: None, ..loss.clone() };
    assert_eq!(chinese_only.note_in(Language::En), Some("亏损。"));
    let plain = alpha.observations.iter().find(|o| o.note.is_none()).expect("a figure without a note");
    assert_eq!(plain.note_in(Language::Zh), None);
}

/// A source's date gives its label's year and the order of its letters: one that is no day,
/// month or year of the calendar is an error at the source, as a milestone's month 13 is.
#[test]
fn a_source_date_that_is_no_date_is_refused() {
    for bad in ["2019-13-45", "2019-02-30", "2019-001", "19-05-01", "May 2019", "5/1/2019", "2019-05-01T10:00"] {
        let found = problems(&edited("date: Some(\"2019-05-01\")", &format!("date: Some(\"{bad}\")")));
        assert_eq!(found.len(), 1, "{bad}: {found:?}");
        assert!(found[0].contains(r#"sources[0] "s1""#) && found[0].contains("is not a date"), "{found:?}");
    }
    for good in ["2019-05-01", "2020-02-29", "2019-05", "2019", "2019-5-1"] {
        let found = problems(&edited("date: Some(\"2019-05-01\")", &format!("date: Some(\"{good}\")")));
        assert!(found.is_empty(), "{good}: {found:?}");
    }
    // The dataset's own date, on every slide's and brief's footer: "01/03/2025" is January in
    // one country and March in another.
    let found = problems(&edited("date: \"2026-01-01\"", "date: \"01/03/2025\""));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("meta → date: date \"01/03/2025\" is not a date"), "{found:?}");
}

#[test]
fn an_empty_chinese_publisher_name_is_refused_and_a_missing_one_is_fine() {
    let found = problems(&edited("publisher_zh: Some(\"测试局\")", "publisher_zh: Some(\" \")"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains(r#"sources[0] "s1""#) && found[0].contains("publisher_zh is empty"), "{found:?}");
    assert!(problems(&edited("publisher_zh: Some(\"测试局\"), ", "")).is_empty(), "the field is optional");
}

/// A unit a language shows figures in must be a power of ten away from the stored one (a
/// currency's rate of the day is not a unit), and named: the problem names the metric.
#[test]
fn a_shown_unit_with_a_factor_other_than_a_power_of_ten_or_without_a_name_is_refused() {
    let income = "shown: (zh: Some((unit: \"亿元\", factor: 10.0)))";
    // A power of ten, but so large every number shown has hundreds of digits.
    let found = problems(&edited(income, "shown: (zh: Some((unit: \"亿元\", factor: 1e300)))"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("shown.zh.factor 1e300 is outside 1/10⁹ to 10⁹"), "{found:?}");
    assert!(problems(&edited(income, "shown: (zh: Some((unit: \"元\", factor: 1e9)))")).is_empty(), "yuan for bn yuan");
    let found = problems(&edited(income, "shown: (zh: Some((unit: \"亿元\", factor: 6.45)))"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains(r#"metrics[1] "total_income""#) && found[0].contains("shown.zh.factor 6.45"),
        "{found:?}"
    );
    let found = problems(&edited(income, "shown: (en: Some((unit: \" \", factor: 1000.0)))"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("shown.en.unit is empty"), "{found:?}");
}

#[test]
fn a_missing_source_field_is_an_error() {
    let found = problems(&edited(
        "(metric: \"planned_area\", value: 10, year: 2012, source: \"s2\")",
        "(metric: \"planned_area\", value: 10, year: 2012)",
    ));
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("source"), "{found:?}");
}

#[test]
fn a_dangling_source_names_the_item_path() {
    let ron = edited("value: 10, year: 2012, source: \"s2\"", "value: 10, year: 2012, source: \"s99\"");
    let found = problems_with_place(&ron);
    // With the line and column the figure begins at, as a syntax error gives them.
    let line = ron.lines().position(|l| l.contains("source: \"s99\"")).expect("the edited line") + 1;
    let col = ron.lines().nth(line - 1).and_then(|l| l.find('(')).expect("the figure's bracket") + 1;
    assert_eq!(
        found,
        [format!(
            r#"parks[1] "beta" → observations[0]: unknown source "s99"; the dataset has "s1", "s2" (line {line}, column {col})"#
        )]
    );
}

#[test]
fn dangling_district_industry_and_metric_are_reported() {
    let text = edited("districts: [\"west\"],", "districts: [\"north\"],")
        .replacen("(industry: \"biomed\", role: Leading", "(industry: \"robots\", role: Leading", 1)
        .replacen("(metric: \"high_tech_enterprises\", value: 450", "(metric: \"staff\", value: 450", 1);
    let found = problems(&text);
    assert!(
        found.contains(
            &r#"parks[2] "gamma" → districts[0]: unknown district "north"; the dataset has "east", "west""#.to_owned()
        ),
        "{found:?}"
    );
    assert!(
        found.contains(
            &r#"parks[1] "beta" → industries[0]: unknown industry "robots"; the dataset has "ai", "biomed""#.to_owned()
        ),
        "{found:?}"
    );
    assert!(found.contains(&r#"parks[1] "beta" → observations[1]: unknown metric "staff"; the dataset has "planned_area", "total_income", "high_tech_enterprises", "total_profit""#.to_owned()), "{found:?}");
}

/// A misspelt id is answered with the dataset's nearest one, as `brief` lists the valid park
/// ids; an id close to none (or equally close to two) gets no guess.
#[test]
fn a_misspelt_id_is_answered_with_the_nearest_known_one() {
    let text = edited("districts: [\"west\"],", "districts: [\"wst\"],")
        .replacen("(industry: \"biomed\", role: Leading", "(industry: \"biomedd\", role: Leading", 1)
        .replacen("(metric: \"high_tech_enterprises\", value: 450", "(metric: \"high_tech_enterprise\", value: 450", 1)
        .replacen("value: 10, year: 2012, source: \"s2\"", "value: 10, year: 2012, source: \"s3\"", 1);
    let found = problems(&text);
    for expected in [
        r#"parks[2] "gamma" → districts[0]: unknown district "wst"; did you mean "west"?"#,
        r#"parks[1] "beta" → industries[0]: unknown industry "biomedd"; did you mean "biomed"?"#,
        r#"parks[1] "beta" → observations[1]: unknown metric "high_tech_enterprise"; did you mean "high_tech_enterprises"?"#,
        // Too short to guess among s1 and s2: the few there are, listed.
        r#"parks[1] "beta" → observations[0]: unknown source "s3"; the dataset has "s1", "s2""#,
    ] {
        assert!(found.contains(&expected.to_owned()), "{expected}\n{found:#?}");
    }
    assert_eq!(validate::nearest_ids("tecmia", ["uptec", "tecmaia", "ine23"].into_iter()), ["tecmaia"]);
    assert!(validate::nearest_ids("nowhere", ["s1", "s2"].into_iter()).is_empty(), "nothing close");
}

/// Ids made of a stem and a year ("stat2020", "stat2023") are one letter from the same slip,
/// and two swapped letters are the commonest slip of all: both are answered.
#[test]
fn equally_near_ids_and_swapped_letters_are_answered_too() {
    let sources = ["stat2020", "stat2023", "city_atlas"];
    assert_eq!(validate::nearest_ids("stat202", sources.into_iter()), ["stat2020", "stat2023"]);
    assert_eq!(validate::nearest_ids("hafne", ["hafen", "nordfeld"].into_iter()), ["hafen"]);
    assert_eq!(validate::nearest_ids("hafne", ["hafen", "hafne2"].into_iter()), ["hafen", "hafne2"]);
    let text = edited("districts: [\"west\"],", "districts: [\"wset\"],");
    let expected = r#"parks[2] "gamma" → districts[0]: unknown district "wset"; did you mean "west"?"#;
    assert!(problems(&text).contains(&expected.to_owned()), "{:#?}", problems(&text));
}

/// A metric id given twice is not taken for its second metric: the second (which allows
/// negative values) made the views' divisor an error about a field the first does not have.
#[test]
fn a_repeated_metric_id_is_one_error_not_the_second_metrics_fields_blamed_on_the_first() {
    let text = edited("(id: \"total_profit\"", "(id: \"planned_area\"");
    let found = problems(&text);
    assert!(found.iter().any(|p| p.contains("duplicate id \"planned_area\" (metrics[0] has it first)")), "{found:?}");
    assert!(!found.iter().any(|p| p.contains("allows negative values")), "{found:?}");
}

/// A source copied and renamed to the id it was copied from: its figures' unknown id is near
/// that one, but pointing them at it would send them to the wrong one of the two.
#[test]
fn an_unknown_id_beside_a_repeated_one_asks_which_of_the_two_it_was() {
    let text = edited("(id: \"s2\"", "(id: \"s1\"");
    let found = problems(&text);
    let unknown = found.iter().find(|p| p.contains("unknown source \"s2\"")).expect("an unknown s2");
    assert!(unknown.contains("the id \"s1\" is given twice: should one of the two be \"s2\"?"), "{unknown}");
    assert!(!unknown.contains("did you mean"), "{unknown}");
    let duplicate =
        problems_with_place(&text).into_iter().find(|p| p.contains("duplicate id \"s1\"")).expect("a duplicate");
    assert!(duplicate.contains("(sources[0] has it first): give this one its own id (line "), "{duplicate}");
}

#[test]
fn all_problems_are_reported_at_once() {
    let text = edited("id: \"beta\"", "id: \"alpha\"")
        .replacen("value: 26.1, year: 2012", "value: 26.1, year: 1800", 1)
        .replacen("name: (en: \"Gamma Park\", zh: \"丙园\")", "name: (en: \"Gamma Park\", zh: \"\")", 1);
    let found = problems(&text);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found.iter().any(|p| p.starts_with("parks[1] \"alpha\"")
            && p.contains("duplicate id \"alpha\" (parks[0] has it first): give this one its own id")),
        "{found:?}"
    );
    assert!(found.iter().any(|p| p.contains("year 1800 is outside 1949–2100")));
    assert!(found.iter().any(|p| p.starts_with("parks[2] \"gamma\"") && p.contains("Chinese text is empty")));
    // In the order of the file, to be mended from the top: the second park's repeated id after
    // the first park's year, though repeated ids are found first.
    let paths: Vec<&str> = found.iter().map(|p| p.split(':').next().unwrap_or_default()).collect();
    let year = paths.iter().position(|p| p.starts_with("parks[0]")).expect("alpha's year");
    let repeated = paths.iter().position(|p| p.starts_with("parks[1]")).expect("the repeated id");
    assert!(year < repeated, "{found:?}");
}

#[test]
fn non_finite_and_forbidden_negative_values_are_rejected() {
    let found = problems(&edited("value: 26.1,", "value: NaN,"));
    assert_eq!(found, [r#"parks[0] "alpha" → observations[0]: value NaN is not a finite number"#]);
    let found = problems(&edited("value: 26.1,", "value: inf,"));
    assert!(found[0].contains("not a finite number"), "{found:?}");
    let found = problems(&edited("value: 26.1,", "value: -3,"));
    assert!(found[0].contains("negative"), "{found:?}");
    // Finite, but beyond any figure of a park: a slip that would overflow sums and axes.
    let found = problems(&edited("value: 26.1,", "value: 1e308,"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("is beyond ±10¹⁵") && found[0].contains("check its unit"), "{found:?}");
    assert!(found[0].contains("value 1e308 is beyond"), "quoted short, not in 309 digits: {found:?}");
    assert!(problems(&edited("value: 26.1,", "value: 8.4e12,")).is_empty(), "trillions of yuan are a figure");
    // A loss is a legitimate profit figure.
    assert!(problems(SMALL_RON).is_empty());
}

#[test]
fn a_park_without_district_is_rejected() {
    let found = problems(&edited("districts: [\"west\"],", "districts: [],"));
    assert_eq!(found, [r#"parks[2] "gamma": the park has no district"#]);
}

#[test]
fn deep_nesting_is_rejected_without_overflowing_the_stack() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(!problems(&text).is_empty());
}

/// How many cases each part of the fuzz test runs: 1,000 by default, more with
/// `ZGC_FUZZ_CASES=100000 cargo test --release --lib fuzz` (and another `ZGC_FUZZ_SEED`).
fn fuzz_cases() -> (usize, u64) {
    let cases = std::env::var("ZGC_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let seed = std::env::var("ZGC_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x2545_f491_4f6c_dd1d);
    (cases, seed.max(1))
}

#[test]
fn fuzz_random_bytes_truncations_and_mutations_never_panic() {
    let real = include_str!("../../data/zgc.ron");
    let (cases, seed) = fuzz_cases();
    let mut rng = XorShift(seed);
    for _ in 0..cases {
        let len = (rng.next() % 400) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        assert!(load_dataset(&text, "random").is_err());
    }
    // Every truncation at a char boundary, sampled, fails cleanly (none is a complete dataset).
    let boundaries: Vec<usize> = real.char_indices().map(|(i, _)| i).collect();
    for _ in 0..cases {
        let cut = boundaries[(rng.next() as usize) % boundaries.len()];
        let _ = load_dataset(&real[..cut], "truncated");
    }
    // Mutations of the real file: a byte flipped to a character RON cares about.
    let specials = [b'(', b')', b'[', b']', b',', b':', b'"', b'-', b'9', b'e', b'.'];
    for _ in 0..cases / 2 {
        let mut bytes = real.as_bytes().to_vec();
        let at = (rng.next() as usize) % bytes.len();
        bytes[at] = specials[(rng.next() as usize) % specials.len()];
        let _ = load_dataset(&String::from_utf8_lossy(&bytes), "mutated");
    }
}

#[test]
fn a_missing_file_and_non_utf8_bytes_are_clear_problems() {
    let errors = load_dataset_file(std::path::Path::new("no/such/file.ron")).expect_err("missing");
    assert_eq!(errors.to_string(), "no/such/file.ron cannot be read: there is no such file", "no system words twice");
    // A folder given for a file is said to be one, not only in the system's words.
    let folder = std::env::temp_dir();
    let errors = load_dataset_file(&folder).expect_err("a folder");
    assert!(errors.to_string().ends_with("cannot be read: it is a folder, not a file"), "{errors}");
    let errors = load_dataset_bytes(b"(\n  meta: \xff", "latin1.ron").expect_err("not UTF-8");
    let message = errors.to_string();
    assert!(message.starts_with("latin1.ron:2:9: the file is not valid UTF-8 text"), "{message}");
    assert!(message.ends_with("Latin-1 or Windows-1252): save it again as UTF-8"), "{message}");
    // Saved by a Chinese Windows editor in GBK: the message says so and how to mend it.
    let gbk = b"(\n  meta: (title: (en: \"Parks\", zh: \"\xba\xa3\xb5\xed\xd4\xb0\"";
    let errors = load_dataset_bytes(gbk, "gbk.ron").expect_err("not UTF-8");
    let message = errors.to_string();
    assert!(
        message.starts_with("gbk.ron:2:36: the file is not valid UTF-8 text; it reads as Chinese text in GB18030"),
        "{message}"
    );
    assert!(message.ends_with("save it again as UTF-8"), "{message}");
}

/// A file cut short (an interrupted copy) is said to be, wherever the cut falls: in a text, a
/// number, a field's name or a character's bytes, where the parser's own words sent the user
/// looking for a quote, a comma or an encoding. A bracket forgotten at the end is not a cut.
#[test]
fn a_file_cut_short_is_said_to_be_wherever_the_cut_falls() {
    let real = include_str!("../../data/zgc.ron");
    let mut cut_at = Vec::new();
    for share in [0.13, 0.29, 0.41, 0.58, 0.77, 0.93] {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a share of a length")]
        let mut at = (real.len() as f64 * share) as usize;
        while !real.is_char_boundary(at) {
            at += 1;
        }
        let message = load_dataset(&real[..at], "cut.ron").expect_err("cut short").to_string();
        // Cut just after a bracket, it may as well be missing one: both are said.
        assert!(
            message.contains("it looks cut short") || message.contains("the file was cut short"),
            "{at}: {message}"
        );
        cut_at.push(at);
    }
    // Cut through a Chinese character's bytes.
    let inside = real.char_indices().find(|&(i, c)| i > real.len() / 2 && c.len_utf8() == 3).expect("Chinese text").0;
    let message = load_dataset_bytes(&real.as_bytes()[..=inside], "cut.ron").expect_err("cut").to_string();
    assert!(message.contains("ends in the middle of a character: it looks cut short"), "{message}");
    // The last bracket forgotten: a bracket may be missing, said before a cut.
    let without_last = real.trim_end().strip_suffix(')').expect("the dataset ends with its bracket");
    let message = load_dataset(without_last, "unclosed.ron").expect_err("unclosed").to_string();
    assert!(!message.contains("it looks cut short") && message.contains("a closing bracket"), "{message}");
}

/// Another kind of file opened as a dataset (notes, JSON, a table) is said not to be one,
/// rather than in the parser's words about what it expected.
#[test]
fn another_kind_of_file_is_said_not_to_be_a_dataset() {
    for (file, text) in [
        ("notes.ron", "# Meeting notes\n\nThe parks to compare.\n"),
        ("data.ron", "{\"parks\": []}\n"),
        ("figures.ron", "park_id,metric_id,year,value\nalpha,area,2020,5\n"),
    ] {
        let errors = load_dataset(text, file).expect_err("not a dataset");
        assert!(errors.to_string().contains("this is not a data file of this program"), "{file}: {errors}");
        assert!(errors.in_language(Language::Zh).contains("这不是本程序的数据文件"), "{file}");
    }
    // A dataset broken on its first line is still told by what is wrong there.
    let errors = load_dataset("(meta: (title: 5))", "one_line.ron").expect_err("broken");
    assert!(!errors.to_string().contains("not a data file"), "{errors}");
}

#[test]
fn two_figures_of_one_year_differ_only_with_different_values_of_the_same_kind() {
    let dataset = small_dataset();
    let alpha = dataset.park(&ParkId::new("alpha")).expect("alpha");
    let mut observations = alpha.observations.clone();
    let area = observations[0].clone();
    assert!(differing(&observations).iter().all(|d| !d), "the fixture has no differing figures");
    let mut same_value = area.clone();
    same_value.source = SourceId::new("s2");
    let mut other_value = area.clone();
    other_value.value = 27.0;
    let mut plan = area.clone();
    plan.value = 30.0;
    plan.qualifier = Qualifier::Target;
    assert!(!area.differs_from(&same_value), "the same value from another source agrees");
    assert!(!area.differs_from(&plan), "a plan never contradicts an actual figure");
    assert!(area.differs_from(&other_value));
    observations.extend([same_value, plan, other_value]);
    let marks = differing(&observations);
    let n = observations.len();
    assert_eq!((marks[0], marks[n - 3], marks[n - 2], marks[n - 1]), (true, true, false, true));
}

#[test]
fn every_load_and_every_merged_table_gives_the_dataset_a_new_revision() {
    let first = small_dataset();
    let again = small_dataset();
    assert_ne!(first.revision(), again.revision(), "the same file loaded twice is told apart");
    let merged_revision = first.clone().with_tables(&[]).map(|(merged, _)| merged.revision());
    assert!(merged_revision.is_ok_and(|revision| revision != first.revision()), "a merge changes the revision");
    assert_eq!(first.clone().revision(), first.revision(), "a copy is the same dataset");
}

/// A part is named in both languages, and only a park's figure covers a part.
#[test]
fn a_part_needs_both_names_and_belongs_to_a_park() {
    let half_named = edited(
        r#"(metric: "planned_area", value: 10, year: 2012, source: "s2")"#,
        r#"(metric: "planned_area", value: 10, year: 2012, source: "s2", part: Some((en: "Old Town", zh: " ")))"#,
    );
    let found = problems(&half_named);
    assert!(found.iter().any(|p| p.contains("part: the Chinese text is empty")), "{found:?}");
    let zone_part = edited(
        r#"observations: [(metric: "planned_area", value: 488, year: 2012, source: "s1")]"#,
        r#"observations: [(metric: "planned_area", value: 488, year: 2012, source: "s1", part: Some((en: "North", zh: "北")))]"#,
    );
    let found = problems(&zone_part);
    assert!(found.iter().any(|p| p.contains("zone → observations[0]") && p.contains("part")), "{found:?}");
}

/// A milestone that moved the park's edge keeps the figures either side of it apart; the
/// others (an approval) do not, and a fixture without the field reads as no change.
#[test]
fn a_boundary_change_counts_from_its_own_year_on() {
    let dataset = small_dataset();
    assert_eq!(dataset.parks[0].boundary_changes(), Vec::<i32>::new(), "an approval moves no edge");
    let ron = edited(
        r#"event: (en: "Approved", zh: "获批"), source: "s1")"#,
        r#"event: (en: "Approved", zh: "获批"), boundary_change: true, source: "s1")"#,
    );
    let dataset = load_dataset(&ron, "small.ron").expect("the field loads");
    let years = dataset.parks[0].boundary_changes();
    assert_eq!(years, [2012]);
    assert!(same_ground(&years, 2010, 2011), "both before");
    assert!(same_ground(&years, 2012, 2018), "the change's own year is of the new ground");
    assert!(!same_ground(&years, 2011, 2012), "across the change");
    assert!(!same_ground(&years, 2018, 2005), "either way round");
}

/// A joint park listed as its two parts counts once, as the official list (and the dataset's
/// title) counts it; parks without `part_of` count one each.
#[test]
fn parts_of_one_park_count_as_one_official_park() {
    let mut dataset = small_dataset();
    assert_eq!(ParkCount::of(&dataset.parks).parks, dataset.parks.len());
    let joint = Some(Text { en: "Part of Alpha-Beta Park".to_owned(), zh: "甲乙园的组成部分".to_owned() });
    dataset.parks[0].part_of.clone_from(&joint);
    assert_eq!(ParkCount::of(&dataset.parks).parks, dataset.parks.len(), "one part alone is still one park");
    dataset.parks[1].part_of = joint;
    assert_eq!(ParkCount::of(&dataset.parks).parks, dataset.parks.len() - 1);
}

/// A chart's scope counts the parks it shows the same way: both parts shown are one park and
/// two entries, one part alone is one of each, and an unknown id is neither.
#[test]
fn a_set_of_entries_counts_the_parts_of_one_park_once() {
    let mut dataset = small_dataset();
    let joint = Some(Text { en: "Part of Alpha-Beta Park".to_owned(), zh: "甲乙园的组成部分".to_owned() });
    dataset.parks[0].part_of.clone_from(&joint);
    dataset.parks[1].part_of = joint;
    let ids: Vec<ParkId> = dataset.parks.iter().map(|p| p.id.clone()).collect();
    let both = dataset.count_parks(&ids[..2]);
    assert_eq!((both.parks, both.entries), (1, 2));
    assert!(both.lists_parts());
    let one = dataset.count_parks(&ids[1..2]);
    assert_eq!((one.parks, one.entries), (1, 1));
    assert!(!one.lists_parts());
    let with_unknown = dataset.count_parks([&ids[0], &ParkId::new("nowhere")]);
    assert_eq!((with_unknown.parks, with_unknown.entries), (1, 1));
}

#[test]
fn a_district_or_industry_listed_twice_in_a_park_is_refused_with_its_path() {
    let found = problems(&edited("districts: [\"west\", \"east\"],", "districts: [\"west\", \"west\"],"));
    assert_eq!(found, [r#"parks[1] "beta" → districts[1]: district "west" is listed twice, first as districts[0]"#]);
    // Also with another role: a park has each industry once.
    let found = problems(&edited(
        "(industry: \"biomed\", role: Emerging, source: \"s2\"),",
        "(industry: \"biomed\", role: Emerging, source: \"s2\"),\n(industry: \"ai\", role: Key, source: \"s2\"),",
    ));
    assert_eq!(
        found,
        [
            r#"parks[0] "alpha" → industries[2]: industry "ai" is listed twice, first as industries[0]: give it once, with one role"#
        ]
    );
}

#[test]
fn a_figure_repeated_exactly_is_refused_but_one_differing_in_anything_is_its_own_figure() {
    let area = "(metric: \"planned_area\", value: 26.1, year: 2012, source: \"s1\"),";
    let with_second = |second: &str| problems(&edited(area, &format!("{area}\n{second}")));
    let found = with_second(area);
    assert_eq!(
        found,
        [
            r#"parks[0] "alpha" → observations[1]: the figure "planned_area" 2012 = 26.1 from "s1" is listed twice, first as observations[0]"#
        ]
    );
    // A note only comments on the figure; the figure is still listed twice.
    let noted = "(metric: \"planned_area\", value: 26.1, year: 2012, source: \"s1\", note: Some(\"Again.\")),";
    assert_eq!(with_second(noted).len(), 1);
    // The zone's figures follow the same rule.
    let zone = "observations: [(metric: \"planned_area\", value: 488, year: 2012, source: \"s1\")],";
    let zone_twice = "observations: [(metric: \"planned_area\", value: 488, year: 2012, source: \"s1\"), (metric: \"planned_area\", value: 488, year: 2012, source: \"s1\")],";
    let found = problems(&edited(zone, zone_twice));
    assert!(found.iter().any(|p| p.starts_with("zone → observations[1]: the figure")), "{found:?}");
    // Another source, value, period, qualifier or part makes another figure.
    for differing in [
        "(metric: \"planned_area\", value: 26.1, year: 2012, source: \"s2\"),",
        "(metric: \"planned_area\", value: 27, year: 2012, source: \"s1\"),",
        "(metric: \"planned_area\", value: 26.1, year: 2012, period: Some(H1), source: \"s1\"),",
        "(metric: \"planned_area\", value: 26.1, year: 2012, qualifier: Approximate, source: \"s1\"),",
        "(metric: \"planned_area\", value: 26.1, year: 2012, source: \"s1\", part: Some((en: \"North block\", zh: \"北区\"))),",
    ] {
        assert_eq!(with_second(differing), Vec::<String>::new(), "{differing}");
    }
}

#[test]
fn an_id_is_named_by_the_park_metric_industry_or_district_it_stands_for() {
    let dataset = small_dataset();
    let english = |id: &str| dataset.name_of_id(id).map(|name| name.en.clone());
    assert_eq!(english("biomed").as_deref(), Some("Biomedicine"));
    assert_eq!(english("total_income").as_deref(), Some("Total income"));
    assert_eq!(english("east").as_deref(), Some("East"));
    assert_eq!(english("alpha").as_deref(), Some("Alpha Park"));
    assert_eq!(dataset.name_of_id("alpha").map(|name| name.zh.as_str()), Some("甲园"));
    assert_eq!(english("no_such_id"), None);
}

/// Every problem loading `text` reports, as the window shows them in `language`.
fn shown_in(text: &str, language: Language) -> String {
    load_dataset(text, "bad.ron").expect_err("a broken dataset").in_language(language)
}

#[test]
fn a_missing_comma_is_said_in_the_interfaces_language_at_its_line_and_column() {
    let text = edited(r#"version: "1.0.0","#, r#"version: "1.0.0""#);
    // The parser stops at the next field; the message points at the end of the value before it.
    let line = text.lines().position(|l| l.contains("version: \"1.0.0\"")).expect("the edited line") + 1;
    let chinese = shown_in(&text, Language::Zh);
    assert!(chinese.starts_with(&format!("bad.ron：第 {line} 行第 ")), "{chinese}");
    assert!(chinese.contains("缺少逗号"), "{chinese}");
    assert!(!chinese.contains("Expected"), "no English left: {chinese}");
    let english = shown_in(&text, Language::En);
    assert!(english.starts_with(&format!("bad.ron:{line}:")) && english.contains("expected a comma"), "{english}");
    assert!(!english.contains('行'), "{english}");
    // The command line (and Display) stays English.
    assert_eq!(load_dataset(&text, "bad.ron").expect_err("broken").to_string(), english);
}

#[test]
fn an_unknown_field_is_said_in_chinese_with_its_name_and_the_fields_allowed() {
    let text = edited(r#"licence: "test","#, r#"licence: "test", licensee: "x","#);
    let chinese = shown_in(&text, Language::Zh);
    assert!(chinese.contains("未知的字段“licensee”"), "{chinese}");
    assert!(chinese.contains("version") && chinese.contains("licence"), "the fields allowed: {chinese}");
    assert!(chinese.contains("第 8 行第 "), "{chinese}");
    let english = shown_in(&text, Language::En);
    assert!(english.contains("Unexpected field named `licensee`"), "{english}");
}

/// A field or a value a letter off is answered with the one meant, as an unknown id is.
#[test]
fn a_misspelt_field_or_value_is_answered_with_the_one_meant() {
    let field = shown_in(&edited(r#"licence: "test","#, r#"licnece: "test","#), Language::En);
    assert!(
        field.contains("Unexpected field named `licnece`") && field.contains("; did you mean \"licence\"?"),
        "{field}"
    );
    let value = shown_in(&edited("qualifier: AtLeast", "qualifier: Atleast"), Language::Zh);
    assert!(value.contains("未知的取值“Atleast”") && value.contains("；是否应为“AtLeast”？"), "{value}");
    let far = shown_in(&edited("qualifier: AtLeast", "qualifier: Guess"), Language::En);
    assert!(!far.contains("did you mean"), "nothing near: {far}");
}

#[test]
fn a_missing_field_and_an_unknown_variant_are_said_in_chinese() {
    let missing = shown_in(&edited(r#"version: "1.0.0","#, ""), Language::Zh);
    assert!(missing.contains("缺少字段“version”"), "{missing}");
    let variant = shown_in(&edited("role: Leading", "role: Leader"), Language::Zh);
    assert!(variant.contains("未知的取值“Leader”") && variant.contains("Emerging"), "{variant}");
}

#[test]
fn an_unknown_source_and_a_year_out_of_range_are_said_in_the_interfaces_language() {
    let text = edited(
        r#"event: (en: "Approved", zh: "获批"), source: "s1""#,
        r#"event: (en: "Approved", zh: "获批"), source: "s9""#,
    )
    .replacen("milestones: [(year: 2012,", "milestones: [(year: 2212,", 1);
    let chinese = shown_in(&text, Language::Zh);
    let lines: Vec<&str> = chinese.lines().collect();
    assert_eq!(lines.len(), 2, "{chinese}");
    // The item's path names the file's fields, in either language.
    assert!(lines.iter().all(|l| l.starts_with("bad.ron：parks[0] \"alpha\" → milestones[0]：")), "{chinese}");
    assert!(chinese.contains("未知的来源“s9”"), "{chinese}");
    assert!(chinese.contains("年份 2212 超出 1949–2100 的范围"), "{chinese}");
    assert!(chinese.contains("（第 42 行第 "), "where the milestone begins: {chinese}");
    let english = shown_in(&text, Language::En);
    assert!(
        english.contains("unknown source \"s9\"") && english.contains("year 2212 is outside 1949–2100"),
        "{english}"
    );
    assert!(english.contains("(line 42, column "), "{english}");
    assert!(!english.contains('第'), "{english}");
}

#[test]
fn a_map_files_problems_are_said_in_the_interfaces_language() {
    let text = r#"(name: (en: "X", zh: "X"), note: (en: "n", zh: "n"), districts: [
        (id: "east", outline: [(116.0, 40.0), (116.1, 40.0)]),
        (id: "north", outline: [(116.0, 40.0), (116.1, 40.0), (116.1, 40.1)]),
    ])"#;
    let errors = geo::load_city_map_of(text, "map.ron", Some(&small_dataset())).expect_err("broken map");
    let chinese = errors.in_language(Language::Zh);
    assert!(chinese.contains("map.ron：districts[0] \"east\"：轮廓至少需要3个点，这里只有2个"), "{chinese}");
    assert!(chinese.contains("数据集中没有区“north”"), "{chinese}");
    assert!(chinese.contains("“west”没有轮廓"), "{chinese}");
    let english = errors.in_language(Language::En);
    assert!(english.contains("an outline needs at least 3 points, not 2"), "{english}");
    assert!(english.contains("the dataset has no district \"north\""), "{english}");
    assert!(!english.contains("did you mean"), "nothing near north: {english}");
    // A slip of the keyboard in the map's id is answered with the dataset's, as in the dataset.
    let slip = text.replace(r#"(id: "north""#, r#"(id: "wset""#);
    let errors = geo::load_city_map_of(&slip, "map.ron", Some(&small_dataset())).expect_err("broken map");
    let english = errors.in_language(Language::En);
    assert!(english.contains("the dataset has no district \"wset\"; did you mean \"west\"?"), "{english}");
    // Not also told to add an outline for west: the misspelt one is it.
    assert!(!english.contains("\"west\": add one to this list"), "{english}");
    assert!(errors.in_language(Language::Zh).contains("是否应为“west”？"), "{errors:?}");
    let unreadable = load_dataset_file(std::path::Path::new("/no/such/dataset.ron")).expect_err("no file");
    assert_eq!(unreadable.in_language(Language::Zh), "/no/such/dataset.ron 无法读取：找不到该文件");
}

/// The zone's milestones are checked as a park's are: a year out of range and an unknown source
/// are each named with the milestone's path.
#[test]
fn a_zones_milestone_is_checked_as_a_parks_is() {
    let ron = edited(
        "name: (en: \"Test zone\", zh: \"测试区\"),",
        "name: (en: \"Test zone\", zh: \"测试区\"),\n        milestones: [(year: 2212, event: (en: \"Extended\", zh: \"扩区\"), boundary_change: true, source: \"s9\")],",
    );
    assert_eq!(
        problems(&ron),
        [
            "zone → milestones[0]: year 2212 is outside 1949–2100",
            "zone → milestones[0]: unknown source \"s9\"; the dataset has \"s1\", \"s2\"",
        ]
    );
}

/// `ground` says which side of its year's change of ground a figure covers; in a year without a
/// change there is no side, and the milestone it was written for is missing or misdated.
#[test]
fn ground_in_a_year_without_a_change_of_ground_is_warned_of() {
    let with_ground = SMALL_RON
        .replacen(
            "(metric: \"planned_area\", value: 26.1, year: 2012, source: \"s1\")",
            "(metric: \"planned_area\", value: 26.1, year: 2012, source: \"s1\", ground: Some(AfterChange))",
            1,
        )
        .replacen(
            "observations: [(metric: \"planned_area\", value: 488, year: 2012, source: \"s1\")]",
            "observations: [(metric: \"planned_area\", value: 488, year: 2012, source: \"s1\", ground: Some(BeforeChange))]",
            1,
        );
    assert_ne!(with_ground, SMALL_RON);
    let dataset = load_dataset(&with_ground, "small.ron").expect("a warning, not an error");
    let warnings = dataset.ground_warnings();
    let places: Vec<&str> = warnings.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(places, ["parks[0] \"alpha\" → observations[0]", "zone → observations[0]"]);
    let (_, warning) = &warnings[0];
    assert!(warning.en.contains("no milestone of 2012 has boundary_change: true"), "{warning:?}");
    assert!(warning.zh.contains("2012 年没有 boundary_change: true 的里程碑"), "{warning:?}");
    // With the change the figure was written for, alpha's `ground` says something.
    let changed = with_ground.replacen(
        "event: (en: \"Approved\", zh: \"获批\"), source: \"s1\")",
        "event: (en: \"Approved\", zh: \"获批\"), source: \"s1\", boundary_change: true)",
        1,
    );
    let dataset = load_dataset(&changed, "small.ron").expect("valid");
    let places: Vec<String> = dataset.ground_warnings().into_iter().map(|(path, _)| path).collect();
    assert_eq!(places, ["zone → observations[0]"]);
    assert!(small_dataset().ground_warnings().is_empty());
    let shipped = DataOrigin::Embedded.load().expect("the shipped dataset loads");
    assert!(shipped.ground_warnings().is_empty(), "{:?}", shipped.ground_warnings());
}

/// A figure table's cell is placed in Chinese as a syntax error is; a RON item's path and a
/// sheet's cell name the file's own fields and stay as written.
#[test]
fn a_csv_cells_place_is_said_in_chinese() {
    let at =
        |path: &str| Problem::Invalid { path: path.to_owned(), message: message("x", "错") }.in_language(Language::Zh);
    assert_eq!(at("line 4, column 10 (value)"), "第 4 行第 10 列（value）：错");
    assert_eq!(at("line 2, column 1"), "第 2 行第 1 列：错");
    assert_eq!(at("figures!J12 (value)"), "figures!J12 (value)：错");
    assert_eq!(at("parks[0] \"alpha\""), "parks[0] \"alpha\"：错");
    let english = Problem::Invalid { path: "line 4, column 10 (value)".to_owned(), message: message("x", "错") };
    assert_eq!(english.to_string(), "line 4, column 10 (value): x");
}

/// A file whose lines end in carriage returns alone (the old Mac way) loads, and a problem in
/// it is placed on its line as in the same file with line feeds: read as one line, its first
/// comment ran to the end and nothing loaded.
#[test]
fn a_file_with_carriage_returns_alone_loads_and_places_problems_on_their_lines() {
    let old_mac = |text: &str| text.replace("\r\n", "\n").replace('\n', "\r");
    assert!(SMALL_RON.lines().next().is_some_and(|line| line.starts_with("//")), "a fair test: a first comment");
    assert!(load_dataset(&old_mac(SMALL_RON), "mac.ron").is_ok());
    for broken in [edited("value: 26.1,", "value: NaN,"), edited("value: 26.1,", "value: 26.1")] {
        assert_eq!(problems_with_place(&old_mac(&broken)), problems_with_place(&broken));
        assert!(!problems_with_place(&broken).is_empty(), "a fair test: {broken:.40}");
    }
}
