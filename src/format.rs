//! How numbers, figures and lists of names are written on screen and in exports. No egui here.

use std::collections::{BTreeMap, BTreeSet};

use crate::i18n::{clause_separator, comma, figure_when, list_separator, period_label, qualifier_name};
use crate::model::{
    Dataset, DisplayUnit, Figure, LABEL_PUBLISHER_CHARS, Language, Observation, Park, Period, Qualifier, Source,
    SourceId,
};

/// Longest publisher name a sources line writes: each publisher once (see [`source_list`]), so
/// the line has room for a government office's whole name (58 characters; cut at 48, the
/// line of a slide ended in "…" with half its width still empty). A longer one is cut, and the
/// list beside the line ([`source_entry`]) gives it whole.
const MAX_LISTED_PUBLISHER_CHARS: usize = 64;

/// Writes a value with thousands separators and at most two decimals, trailing zeros dropped:
/// `1382.0` → `1,382`, `26.10` → `26.1`, `0.09` → `0.09`. For what the app works out (axis
/// ticks, class bounds, shares); a figure as a source states it is [`format_stated`].
pub fn format_value(value: f64) -> String {
    with_decimals(value, 2)
}

/// Most significant digits [`format_stated`] writes: more than any source gives, fewer than
/// the digits of a float, so that 10.815 × 10 is 108.15, not 108.15000000000001.
const STATED_DIGITS: i32 = 9;

/// Most decimals [`format_stated`] writes.
const STATED_DECIMALS: i32 = 6;

/// Writes a figure with every digit its source gave, thousands separated, trailing zeros
/// dropped: `10.815` → `10.815` (not `10.82`), `0.315` → `0.315`, `1382.0` → `1,382`. The same
/// figure written in another language's unit keeps the same digits (108.15 亿元). A figure below
/// 0.0001, which six decimals would write as 0 or with a digit or two, is written in E notation
/// as a spreadsheet writes it: `1e-9`, `1.5e-6`.
pub fn format_stated(value: f64) -> String {
    if !value.is_finite() || value == 0.0 {
        return with_decimals(value, 0);
    }
    let magnitude = value.abs().log10().floor();
    #[expect(clippy::cast_possible_truncation, reason = "the magnitude of a finite f64 is within ±330")]
    let magnitude = magnitude as i32;
    if magnitude < -4 {
        let written = format!("{:.*e}", usize::try_from(STATED_DIGITS - 1).unwrap_or(0), value);
        // "1.00000000e-9" → "1e-9": the digits the source gave, as in the other notation.
        return match written.split_once('e') {
            Some((digits, exponent)) if digits.contains('.') => {
                format!("{}e{exponent}", digits.trim_end_matches('0').trim_end_matches('.'))
            }
            _ => written,
        };
    }
    with_decimals(value, (STATED_DIGITS - 1 - magnitude).clamp(0, STATED_DECIMALS))
}

/// `value` rounded to `digits` significant digits: `47.4766` → `47.48` for 4. Rounding to
/// significant digits gives the same digits in every unit a power of ten apart, so a computed
/// value reads alike in both languages (47.48 bn yuan, 474.8 亿元).
pub fn round_significant(value: f64, digits: i32) -> f64 {
    if !value.is_finite() || value == 0.0 {
        return value;
    }
    #[expect(clippy::cast_possible_truncation, reason = "the magnitude of a finite f64 is within ±330")]
    let magnitude = value.abs().log10().floor() as i32;
    let scale = 10_f64.powi(digits - 1 - magnitude);
    (value * scale).round() / scale
}

/// `value` with at most `decimals` decimals, trailing zeros dropped, thousands separated; a
/// value that rounds to zero has no sign.
fn with_decimals(value: f64, decimals: i32) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let decimals = usize::try_from(decimals).unwrap_or(0);
    let fixed = format!("{:.decimals$}", value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let grouped = grouped_in_thousands(whole);
    let sign = if value < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0') { "-" } else { "" };
    if fraction.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}.{fraction}") }
}

/// How a figure's note is written in Chinese (English has one way): as the sentences of a chart
/// write it, or in the fewest characters, for a table's narrow columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteForm {
    /// "（2018年，初步统计）", as the takeaway above a chart writes its figures.
    Full,
    /// "(2018, 初步统计)": ASCII brackets and comma, the year without 年. Seven columns of a
    /// Chinese table fit a 1280-point window this way; in full, figures lost their qualifier
    /// ("6,300（2018年，初步…").
    Compact,
}

/// What sets a figure apart from a whole year's final one, in words after its value: its year
/// with the part of it ("2014 Jan–Nov", "2014年1–11月") when `with_year` or when it covers a
/// part, and a qualifier no sign before the value carries ("preliminary", a target, a
/// forecast), joined by a comma, in `form`. Empty when there is nothing to say; [`after_value`]
/// puts it in brackets.
pub fn figure_note(
    (year, period, qualifier): (i32, Option<Period>, Qualifier),
    with_year: bool,
    language: Language,
    form: NoteForm,
) -> String {
    let full = form == NoteForm::Full;
    let mut notes = Vec::new();
    if with_year || period.is_some() {
        notes.push(if full { figure_when(language, year, period, None) } else { period_label(language, year, period) });
    }
    notes.extend(qualifier_in_words(qualifier, language));
    notes.join(if full { comma(language) } else { ", " })
}

/// A figure's note ([`figure_note`]) in brackets after its value: " (2018, preliminary)" after a
/// space; in Chinese in full "（2018年，初步统计）", in full-width brackets with none. Empty for
/// an empty note.
pub fn after_value(note: &str, language: Language, form: NoteForm) -> String {
    match (note.is_empty(), language, form) {
        (true, _, _) => String::new(),
        (false, Language::Zh, NoteForm::Full) => format!("（{note}）"),
        (false, _, _) => format!(" ({note})"),
    }
}

/// A qualifier no sign before a value carries, in words: "preliminary", a target, a forecast.
fn qualifier_in_words(qualifier: Qualifier, language: Language) -> Option<String> {
    match qualifier {
        Qualifier::Preliminary | Qualifier::Target | Qualifier::Forecast => {
            Some(qualifier_name(language, qualifier).to_owned())
        }
        Qualifier::Reported | Qualifier::Approximate | Qualifier::AtLeast | Qualifier::AtMost => None,
    }
}

/// A figure's `value` (with its unit) followed by its year, the part of the year it covers, a
/// qualifier in words and `then` (its source, say), in brackets as a key or tooltip line writes
/// it: "630 bn yuan (2018, preliminary)", "630亿元（2018年，初步）".
pub fn figure_in_brackets(
    value: &str,
    (year, period, qualifier): (i32, Option<Period>, Qualifier),
    then: Option<&str>,
    language: Language,
) -> String {
    let when = match language {
        Language::En => period_label(language, year, period),
        Language::Zh => figure_when(language, year, period, None),
    };
    let notes: Vec<String> =
        std::iter::once(when).chain(qualifier_in_words(qualifier, language)).chain(then.map(str::to_owned)).collect();
    match language {
        Language::En => format!("{value} ({})", notes.join(", ")),
        Language::Zh => format!("{value}（{}）", notes.join("，")),
    }
}

/// `value` with the sign of its qualifier, every digit stated: `>450`, `~600`, `1,382`.
pub fn qualified_value(value: f64, qualifier: Qualifier) -> String {
    format!("{}{}", qualifier_prefix(qualifier), format_stated(value))
}

/// The sign put before a value to carry its qualifier: `>450`, `~600`.
pub fn qualifier_prefix(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::AtLeast => ">",
        Qualifier::AtMost => "<",
        Qualifier::Approximate => "~",
        Qualifier::Reported | Qualifier::Preliminary | Qualifier::Target | Qualifier::Forecast => "",
    }
}

/// `name (unit)`, as axis titles and headers write a metric: the name alone when the unit is
/// empty or the name already says it ("High-tech enterprises", not "High-tech enterprises
/// (enterprises)"). A Chinese name takes its unit in Chinese brackets, without a space
/// ("总收入（亿元）"), as Chinese text writes them.
pub fn name_with_unit(name: &str, unit: &str) -> String {
    match shown_unit(name, unit) {
        Some(unit) => format!("{name}{}", unit_in_brackets(name, unit)),
        None => name.to_owned(),
    }
}

/// `unit` in brackets to follow `name`: " (bn yuan)", or "（亿元）" after a Chinese name.
pub fn unit_in_brackets(name: &str, unit: &str) -> String {
    if name.chars().next_back().is_some_and(is_cjk) { format!("（{unit}）") } else { format!(" ({unit})") }
}

/// `unit`, unless it is empty or `name` already says it (see [`name_with_unit`]): as whole
/// words ("ha" is not said by "Share of …"), or, for a unit without spaces or Latin letters
/// (Chinese), at the name's end (人 is not said by 人工智能企业).
pub fn shown_unit<'u>(name: &str, unit: &'u str) -> Option<&'u str> {
    let (name, wanted) = (name.to_lowercase(), unit.trim().to_lowercase());
    if wanted.is_empty() {
        return None;
    }
    let repeated = if wanted.chars().any(|c| c.is_ascii_alphabetic() || c == ' ') {
        let words = |text: &str| {
            text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect::<Vec<_>>()
        };
        let (name_words, unit_words) = (words(&name), words(&wanted));
        !unit_words.is_empty() && name_words.windows(unit_words.len()).any(|run| run == unit_words.as_slice())
    } else {
        name.ends_with(&wanted)
    };
    (!repeated).then_some(unit)
}

/// `stored` written in `unit` in full, for an export: "16.77" stored in 十亿元 is "167.7" in
/// 亿元. A shown unit's factor is a power of ten, so the digits are moved, not multiplied: a
/// product of floats would write 167.70000000000002.
pub fn value_in_unit(stored: f64, unit: &DisplayUnit) -> String {
    let written = stored.to_string();
    #[expect(clippy::cast_possible_truncation, reason = "a power of ten's exponent is small")]
    let shift = unit.factor.log10().round() as i32;
    // A unit the dataset checks is at most a few powers of ten away; anything else (no factor
    // at all) is written as stored rather than padded with zeros without end.
    if shift == 0 || shift.unsigned_abs() > 30 || !stored.is_finite() {
        return written;
    }
    let (sign, digits) = written.strip_prefix('-').map_or(("", written.as_str()), |rest| ("-", rest));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all: String = [whole, fraction].concat();
    // Where the decimal point goes among `all`'s digits, padded with zeros either side.
    let point = i32::try_from(whole.len()).unwrap_or(i32::MAX).saturating_add(shift);
    let (all, point) = if point < 0 {
        (format!("{}{all}", "0".repeat(point.unsigned_abs() as usize)), 0)
    } else {
        (all, point.unsigned_abs() as usize)
    };
    let all = if all.len() < point { format!("{all}{}", "0".repeat(point - all.len())) } else { all };
    let (whole, fraction) = all.split_at(point);
    let whole = whole.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let value = if fraction.is_empty() { whole.to_owned() } else { format!("{whole}.{fraction}") };
    if value == "0" { value } else { format!("{sign}{value}") }
}

/// A count grouped in thousands as figures are: `10,000`. Without going through a float: the
/// filter panel writes dozens of counts a frame.
pub fn format_count(count: usize) -> String {
    grouped_in_thousands(&count.to_string())
}

/// `digits` (ASCII digits, no sign) with a comma before each group of three from the right.
fn grouped_in_thousands(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A figure's value with its qualifier sign, without unit, as `language` writes it (in the unit
/// of [`crate::model::Metric::display_unit`]): `>1,680`.
pub fn figure_value(figure: &Figure<'_>, language: Language) -> String {
    let obs = figure.observation;
    qualified_value(obs.value * figure.metric.display_factor(language), obs.qualifier)
}

/// A figure's value with its qualifier sign and unit, as `language` writes them: `>1,680 enterprises`.
pub fn figure_value_with_unit(figure: &Figure<'_>, language: Language) -> String {
    let obs = figure.observation;
    value_with_unit(obs.value, obs.qualifier, &figure.metric.display_unit(language))
}

/// A stored value with its qualifier's sign, written in `unit`: `>4,000亿元`, `>400 bn yuan`.
pub fn value_with_unit(stored: f64, qualifier: Qualifier, unit: &DisplayUnit) -> String {
    let shown = unit.value(stored);
    with_unit(qualified_value(shown, qualifier), unit.name_after(shown))
}

/// `value` followed by `unit`; the value alone when the unit has no name. A per cent sign
/// follows its number without a space, in either language ("5.9%"), as the takeaways' growth
/// rates write it: a slide read "41 %" and "about 22%" a line apart. So does a Chinese unit
/// ("6,300亿元"), as Chinese writes it and the takeaways beside a table or tooltip do.
pub fn with_unit(value: String, unit: &str) -> String {
    match unit {
        "" => value,
        _ if unit.starts_with(['%', '‰']) || unit.starts_with(is_cjk) => format!("{value}{unit}"),
        _ => format!("{value} {unit}"),
    }
}

/// Figures stated otherwise ([`crate::model::stated_otherwise`]) for tooltips, one
/// ">600 bn yuan · Test Office 2019, “Second report”" each: value with its qualifier's sign, unit and
/// source, cited by label and title as the figure's own source is.
pub fn other_values<'a>(
    dataset: &Dataset,
    others: impl IntoIterator<Item = &'a Observation>,
    language: Language,
) -> Vec<String> {
    others
        .into_iter()
        .filter_map(|other| dataset.figure(other))
        .map(|other| format!("{} · {}", figure_value_with_unit(&other, language), source_cited(other.source, language)))
        .collect()
}

/// The sources other than its own that state `figure`'s value for its year
/// ([`crate::model::stated_alike`]), cited as a tooltip cites its own, one a line.
pub fn alike_sources(
    dataset: &Dataset,
    observations: &[Observation],
    figure: &Observation,
    language: Language,
) -> Vec<String> {
    crate::model::stated_alike(observations, figure)
        .filter_map(|other| dataset.source(&other.source))
        .map(|source| source_cited(source, language))
        .collect()
}

/// A figure as stated, with its unit, year and how it was stated, for a tooltip naming what a
/// value was worked out from: "254 bn yuan (2018, preliminary)". `None` for an observation of
/// a metric the dataset lacks.
pub fn figure_stated(dataset: &Dataset, obs: &Observation, language: Language) -> Option<String> {
    let figure = dataset.figure(obs)?;
    let when = (obs.year, obs.period, obs.qualifier);
    Some(figure_in_brackets(&figure_value_with_unit(&figure, language), when, None, language))
}

/// The names of a park's districts in `language`, in the park's order, joined as the language
/// lists names: "West, East" / "西区、东区".
pub fn district_names(dataset: &Dataset, park: &Park, language: Language) -> String {
    let names: Vec<&str> =
        park.districts.iter().filter_map(|id| dataset.district(id)).map(|d| d.name.get(language)).collect();
    names.join(list_separator(language))
}

/// A short label for a source: its publisher's name and the year of its date, and a letter
/// where another source's label would read the same ("China Daily 2016a", "China Daily 2016b";
/// see [`Source::label_letter`]). A publisher is often written with what it is or how it was
/// reached: the label keeps the name before the first bracket, comma or semicolon, and cuts a
/// name still too long after a whole word (see [`Source::publisher_cut`]). In Chinese, the
/// publisher's Chinese name where the dataset gives one ("中国日报 2013").
pub fn source_label(source: &Source, language: Language) -> String {
    match source_label_parts(source, language) {
        (publisher, Some(year)) => with_year(&publisher, &year),
        (publisher, None) => publisher,
    }
}

/// A publisher's name and the year (or bracketed letter) after it: "Daily 2016b", "Wiki (b)",
/// "维基（b）", with no space before a full-width bracket, as Chinese text writes one.
pub fn with_year(publisher: &str, year: &str) -> String {
    if year.starts_with('（') { format!("{publisher}{year}") } else { format!("{publisher} {year}") }
}

/// A source cited in a tooltip: its label, which the sources line under a chart lists, and its
/// title, as a citation writes them: "Daily News 2020, “Riverside Park”", "每日新闻 2020，《…》".
/// A title alone (a page titled with a park's name) read as if the park were the source.
pub fn source_cited(source: &Source, language: Language) -> String {
    cited_as(&source_label(source, language), source, language)
}

/// `source` cited under `label`, with its title.
fn cited_as(label: &str, source: &Source, language: Language) -> String {
    match language {
        Language::En => format!("{label}, “{}”", source.title),
        Language::Zh => format!("{label}，《{}》", source.title),
    }
}

/// A source as a list beside a sources line writes it: cited by its publisher and year as the
/// line names them (the line's longer cut of a publisher: the tooltip cut a publisher of four
/// words to its first three and "…" under a line naming it whole) and its title, which says which of "China Daily 2016a, 2016b" it is, and the publisher's whole name
/// after it where the line cuts it too.
pub fn source_entry(source: &Source, language: Language) -> String {
    let cited = cited_as(&source_line_label(source, language), source, language);
    let listed = source.publisher_cut(language, MAX_LISTED_PUBLISHER_CHARS);
    let whole = source.publisher_in(language).trim();
    if listed == whole { cited } else { format!("{cited} — {whole}") }
}

/// A source's label as a sources line names it, with the line's longer cut of its publisher:
/// "The People's Government of Beijing Municipality 2021a", as the dataset's notes cite it,
/// where [`source_label`] writes "The People's Government… 2021a" for a tooltip's room.
pub fn source_line_label(source: &Source, language: Language) -> String {
    let listed = source.publisher_cut(language, MAX_LISTED_PUBLISHER_CHARS);
    match year_lettered(source, language) {
        Some(year) => with_year(&listed, &year),
        None => listed,
    }
}

/// The ways a note can name a source by its [line label](source_line_label): as the label
/// writes it ("Beiqing 2021"), and with its year in brackets ("Beiqing (2021)", "北青网（2021）"),
/// as the dataset's notes also cite one another's sources.
pub fn source_line_label_forms(source: &Source, language: Language) -> Vec<String> {
    let listed = source.publisher_cut(language, MAX_LISTED_PUBLISHER_CHARS);
    match year_lettered(source, language) {
        // An undated source's letter is bracketed already: "(a)", "（a）".
        Some(year) if year.starts_with(['(', '（']) => vec![with_year(&listed, &year)],
        Some(year) => vec![
            format!("{listed} {year}"),
            format!("{listed} ({year})"),
            format!("{listed}({year})"),
            format!("{listed}（{year}）"),
        ],
        None => vec![listed],
    }
}

/// Whether `c` is a Chinese (or Japanese or Korean) character or full-width sign: text in these
/// scripts has no spaces between words, so a line may break, and a name may end, at any of them.
pub fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// The two parts of [`source_label`]: the publisher, and the year with its letter ("2016a", or
/// the letter alone, bracketed, for an undated source), for a view that cuts a label too long for its room
/// in the publisher and keeps the year, which tells a first publication from a later
/// restatement, and the letter, which tells two sources of one year apart.
pub fn source_label_parts(source: &Source, language: Language) -> (String, Option<String>) {
    (source.publisher_cut(language, LABEL_PUBLISHER_CHARS), year_lettered(source, language))
}

/// The year of a source's date and its letter, as its label writes them after the publisher:
/// "2016", "2016a", "(a)" (undated: a bare letter after a name would read as part of it, and
/// in a list of years as a year's; in Chinese in full-width brackets, "（a）", as the text
/// round it has them), or nothing.
fn year_lettered(source: &Source, language: Language) -> Option<String> {
    let letter = source.label_letter(language);
    match source.year() {
        Some(year) => Some(format!("{year}{letter}")),
        None if letter.is_empty() => None,
        None => Some(match language {
            Language::En => format!("({letter})"),
            Language::Zh => format!("（{letter}）"),
        }),
    }
}

/// The sources line of a chart, the map or a slide: each publisher once, in alphabetical order,
/// with the years of its sources, lettered as their labels are ("China Daily 2014, 2016a,
/// 2016b, 2018"), joined by "; ". A line that names each publisher once has room for its whole
/// name: the four "The People's Government…" of a line could not be told apart. Empty when
/// there are none.
pub fn source_list(dataset: &Dataset, sources: &BTreeSet<SourceId>, language: Language) -> String {
    sources_line(sources.iter().filter_map(|id| dataset.source(id)), language)
}

/// The sources of `sources` in the order [`source_list`] names them: by publisher, then year,
/// so that a list of them under a slide (the meeting pack's) reads as its sources line does.
pub fn sources_in_line_order<'d>(
    dataset: &'d Dataset,
    sources: &BTreeSet<SourceId>,
    language: Language,
) -> Vec<&'d Source> {
    let mut ordered: Vec<&Source> = sources.iter().filter_map(|id| dataset.source(id)).collect();
    ordered.sort_by_cached_key(|source| {
        (source.publisher_cut(language, MAX_LISTED_PUBLISHER_CHARS), year_lettered(source, language))
    });
    ordered
}

/// [`source_list`] of `sources`.
fn sources_line<'a>(sources: impl Iterator<Item = &'a Source>, language: Language) -> String {
    let mut years_by_publisher: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in sources {
        let publisher = source.publisher_cut(language, MAX_LISTED_PUBLISHER_CHARS);
        let years = years_by_publisher.entry(publisher).or_default();
        years.extend(year_lettered(source, language));
    }
    // Chinese lists with its own marks: "；" between publishers, "、" between years.
    let (between_publishers, between_years) = (clause_separator(language), list_separator(language));
    let labels: Vec<String> = years_by_publisher
        .into_iter()
        .map(|(publisher, years)| {
            if years.is_empty() {
                publisher
            } else {
                with_year(&publisher, &years.into_iter().collect::<Vec<_>>().join(between_years))
            }
        })
        .collect();
    labels.join(between_publishers)
}

/// `name` cut to about `columns` columns of text (a Chinese character counts as two, as it is
/// about twice as wide as a Latin letter) with "…", between words where it has spaces: for a
/// label beside a chart, where a name of a hundred characters would take the plot's room. The
/// tooltip and the exports keep the whole name.
pub fn shortened_name(name: &str, columns: usize) -> String {
    let width = |c: char| if c.is_ascii() || c.len_utf8() < 3 { 1 } else { 2 };
    if name.chars().map(width).sum::<usize>() <= columns {
        return name.to_owned();
    }
    let room = columns.saturating_sub(1);
    let (mut taken, mut end, mut last_space) = (0, 0, None);
    for (at, c) in name.char_indices() {
        taken += width(c);
        if taken > room {
            break;
        }
        if c == ' ' {
            last_space = Some(at);
        }
        end = at + c.len_utf8();
    }
    // Between words, unless that loses more than half of what fits.
    let cut = last_space.filter(|&space| space * 2 >= end).unwrap_or(end);
    format!("{}…", name.get(..cut).unwrap_or(name).trim_end_matches([' ', ',', '(']))
}

/// A longitude and latitude with their hemispheres: "116.310°E, 39.980°N", "62.400°W, 46.805°S".
pub fn lon_lat(lon: f64, lat: f64) -> String {
    let east_west = if lon < 0.0 { 'W' } else { 'E' };
    let north_south = if lat < 0.0 { 'S' } else { 'N' };
    format!("{:.3}°{east_west}, {:.3}°{north_south}", lon.abs(), lat.abs())
}

#[cfg(test)]
mod tests {

    /// An export in a language's own unit moves the digits: no float noise, nothing lost.
    #[test]
    fn a_value_is_written_in_a_power_of_ten_unit_digit_for_digit() {
        let unit = |factor: f64| DisplayUnit { name: String::new(), factor, singular: None };
        assert_eq!(value_in_unit(16.77, &unit(10.0)), "167.7");
        assert_eq!(value_in_unit(1240.0, &unit(10.0)), "12400");
        assert_eq!(value_in_unit(0.05, &unit(10.0)), "0.5");
        assert_eq!(value_in_unit(-2.5, &unit(1000.0)), "-2500");
        assert_eq!(value_in_unit(96.5, &unit(0.01)), "0.965");
        assert_eq!(value_in_unit(3.0, &unit(0.001)), "0.003");
        assert_eq!(value_in_unit(0.0, &unit(10.0)), "0");
        assert_eq!(value_in_unit(630.0, &unit(1.0)), "630");
        assert_eq!(value_in_unit(630.0, &unit(0.0)), "630", "no factor: as stored, never endless zeros");
    }
    use super::*;
    use crate::model::stated_otherwise;

    #[test]
    fn a_long_name_is_shortened_between_words_and_a_short_one_kept() {
        assert_eq!(shortened_name("Yizhuang Park (Beijing E-Town)", 40), "Yizhuang Park (Beijing E-Town)");
        let long = "Kunhua International Science, Technology and Advanced Materials Innovation Park";
        let short = shortened_name(long, 40);
        assert_eq!(short, "Kunhua International Science…", "cut after a word, its comma dropped");
        assert!(short.chars().count() <= 40, "{short}");
        // Chinese characters count twice: 20 of them fill 40 columns.
        let chinese = "中关村亦庄园北京经济技术开发区高端汽车与新能源智能汽车产业园";
        let short = shortened_name(chinese, 40);
        assert_eq!(short.chars().count(), 20, "{short}");
        assert!(short.ends_with('…') && chinese.starts_with(short.trim_end_matches('…')));
    }

    fn source(publisher: &str, date: Option<&str>) -> Source {
        Source {
            id: SourceId::new(publisher),
            title: String::new(),
            publisher: publisher.to_owned(),
            publisher_zh: None,
            date: date.map(str::to_owned),
            url: None,
            language: "en".to_owned(),
            note: None,
            note_zh: None,
            label_letters: crate::model::LabelLetters::default(),
            added_by_table: None,
        }
    }

    #[test]
    fn a_source_label_is_its_publisher_cut_when_long_and_the_year_of_its_date() {
        assert_eq!(source_label(&source("China Daily", Some("2019-05-02")), Language::En), "China Daily 2019");
        assert_eq!(source_label(&source("China Daily", None), Language::En), "China Daily");
        let long = source_label(&source("The People's Government of Beijing Municipality", Some("2021")), Language::En);
        assert_eq!(long, "The People's Government… 2021", "cut after a whole word");
        let label = |publisher: &str| source_label(&source(publisher, Some("2013-01-01")), Language::En);
        assert_eq!(label("China Daily (Europe edition)"), "China Daily 2013", "no bracket left open");
        assert_eq!(label("Beijing Evening News, re-posted on an unrelated host"), "Beijing Evening News 2013");
        assert_eq!(label("Beijing Business Today (北京商报), via a ZGC community site"), "Beijing Business Today 2013");
        assert_eq!(label("大运通州 (Tongzhou district newspaper, e-paper)"), "大运通州 2013");
        assert_eq!(label("北京市人民政府（首都之窗）"), "北京市人民政府 2013");
        assert_eq!(label("(an unnamed site)"), "(an unnamed site) 2013", "nothing before the bracket: kept whole");
        assert_eq!(label("X Supercalifragilisticexpialidocious"), "X Supercalifragilistice… 2013", "not 'X…'");
        assert_eq!(
            label("中关村科技园区管理委员会数据由某个转载网站发布的长名称"),
            "中关村科技园区管理委员会数据由某个转载网站发布… 2013"
        );
    }

    #[test]
    fn a_source_is_cited_by_its_label_and_its_title() {
        let cited = Source { title: "Dongcheng Park".to_owned(), ..source("China Daily (site)", Some("2020-03-10")) };
        assert_eq!(source_cited(&cited, Language::En), "China Daily 2020, “Dongcheng Park”");
        let cited = Source { publisher_zh: Some("中国日报".to_owned()), ..cited };
        assert_eq!(source_cited(&cited, Language::Zh), "中国日报 2020，《Dongcheng Park》");
    }

    #[test]
    fn a_sources_line_names_each_publisher_once_whole_with_the_years_of_its_sources() {
        let government = "The People's Government of Beijing Municipality";
        let sources = [
            source(&format!("{government} (French site)"), Some("2021-03-01")),
            source("China Daily", Some("2014")),
            source(&format!("{government} (Spanish site)"), Some("2020")),
            source("China Daily, re-posted", Some("2014")),
            source("Scholarmate", None),
        ];
        assert_eq!(
            sources_line(sources.iter(), Language::En),
            format!("China Daily 2014; Scholarmate; {government} 2020, 2021"),
            "the name whole, each publisher and year once"
        );
        assert_eq!(sources_line(std::iter::empty(), Language::En), "");
        let dataset = crate::model::tests::small_dataset();
        let both: BTreeSet<SourceId> = ["s1", "s2"].into_iter().map(SourceId::new).collect();
        assert_eq!(source_list(&dataset, &both, Language::En), "Test Office 2019; 测试办公室");
    }

    /// A list of sources under a slide (the meeting pack's) follows its sources line: by
    /// publisher, then year, whatever the order of their ids.
    #[test]
    fn sources_listed_one_a_line_follow_the_sources_line() {
        let dataset = crate::model::tests::small_dataset_with_sources(&[
            r#"(id: "a1", title: "Later article", publisher: "Daily", publisher_zh: Some("日报"), date: Some("2020"), language: "en")"#,
            r#"(id: "b1", title: "A page", publisher: "Almanac", language: "en")"#,
            r#"(id: "c1", title: "Earlier article", publisher: "Daily", publisher_zh: Some("日报"), date: Some("2014"), language: "en")"#,
        ]);
        let ids: BTreeSet<SourceId> = ["a1", "b1", "c1"].into_iter().map(SourceId::new).collect();
        let ordered: Vec<&str> =
            sources_in_line_order(&dataset, &ids, Language::En).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ordered, ["b1", "c1", "a1"]);
        assert_eq!(source_list(&dataset, &ids, Language::En), "Almanac; Daily 2014, 2020");
    }

    /// Two sources of one publisher and year are told apart by a letter wherever their labels
    /// show: the label, the citation of a tooltip, the label cut to its room and the sources
    /// line, which lists the lettered years; a label no other source shares stays plain.
    #[test]
    fn sources_whose_labels_read_alike_are_lettered_wherever_they_show() {
        let dataset = crate::model::tests::small_dataset_with_sources(&[
            r#"(id: "d2", title: "Second article", publisher: "Daily (web edition)", publisher_zh: Some("日报"), date: Some("2016-12-27"), language: "en")"#,
            r#"(id: "d1", title: "First article", publisher: "Daily", publisher_zh: Some("日报"), date: Some("2016-09-06"), language: "en")"#,
            r#"(id: "d0", title: "Older article", publisher: "Daily", publisher_zh: Some("日报"), date: Some("2014"), language: "en")"#,
            r#"(id: "w1", title: "Wiki page", publisher: "Wiki", language: "en")"#,
            r#"(id: "w2", title: "Other wiki page", publisher: "Wiki", language: "en")"#,
        ]);
        let source = |id: &str| dataset.source(&SourceId::new(id)).expect(id);
        assert_eq!(source_label(source("d1"), Language::En), "Daily 2016a");
        assert_eq!(source_label(source("d2"), Language::En), "Daily 2016b");
        assert_eq!(source_label(source("d2"), Language::Zh), "日报 2016b");
        assert_eq!(source_label(source("d0"), Language::En), "Daily 2014", "the only one of its year");
        assert_eq!(source_label(source("s1"), Language::En), "Test Office 2019");
        assert_eq!(source_label(source("w2"), Language::En), "Wiki (b)", "undated: the letter after the publisher");
        assert_eq!(source_label(source("w2"), Language::Zh), "Wiki（b）", "in Chinese, in its full-width brackets");
        assert_eq!(source_label_parts(source("d2"), Language::En), ("Daily".to_owned(), Some("2016b".to_owned())));
        assert_eq!(source_label_parts(source("w1"), Language::En), ("Wiki".to_owned(), Some("(a)".to_owned())));
        assert_eq!(source_cited(source("d2"), Language::En), "Daily 2016b, “Second article”");
        assert_eq!(source_entry(source("d2"), Language::En), "Daily 2016b, “Second article” — Daily (web edition)");
        assert_eq!(source_entry(source("d1"), Language::Zh), "日报 2016a，《First article》");
        // A publisher the label cuts but the sources line names whole is named whole, as there.
        let long = crate::model::tests::small_dataset_with_sources(&[
            r#"(id: "st", title: "Report", publisher: "Science and Technology Daily", date: Some("2025"), language: "en")"#,
        ]);
        let report = long.source(&SourceId::new("st")).expect("st");
        let line = source_list(&long, &[SourceId::new("st")].into(), Language::En);
        assert_eq!(
            (line.as_str(), source_label(report, Language::En).as_str()),
            ("Science and Technology Daily 2025", "Science and Technology… 2025")
        );
        assert_eq!(source_entry(report, Language::En), "Science and Technology Daily 2025, “Report”");
        let all: BTreeSet<SourceId> = ["d0", "d1", "d2", "w1", "w2"].into_iter().map(SourceId::new).collect();
        assert_eq!(source_list(&dataset, &all, Language::En), "Daily 2014, 2016a, 2016b; Wiki (a), (b)");
        assert_eq!(source_list(&dataset, &all, Language::Zh), "Wiki（a）、（b）；日报 2014、2016a、2016b");
        let one: BTreeSet<SourceId> = [SourceId::new("d2")].into();
        assert_eq!(source_list(&dataset, &one, Language::En), "Daily 2016b", "lettered as its label, alone too");
    }

    /// The Chinese window writes a publisher's Chinese name where the dataset gives one, and
    /// lists two sources of one publisher once; without one, the name as given.
    #[test]
    fn in_chinese_a_source_is_labelled_by_its_publishers_chinese_name() {
        let chinese = |publisher: &str, zh: Option<&str>, date: &str| Source {
            publisher_zh: zh.map(str::to_owned),
            ..source(publisher, Some(date))
        };
        let daily = chinese("China Daily (Europe edition)", Some("中国日报"), "2014-05-01");
        assert_eq!(source_label(&daily, Language::Zh), "中国日报 2014");
        assert_eq!(source_label(&daily, Language::En), "China Daily 2014");
        let sources =
            [daily, chinese("China Daily, re-posted", Some("中国日报"), "2016"), chinese("Scholarmate", None, "2020")];
        assert_eq!(sources_line(sources.iter(), Language::Zh), "Scholarmate 2020；中国日报 2014、2016");
        assert_eq!(sources_line(sources.iter(), Language::En), "China Daily 2014, 2016; Scholarmate 2020");
    }

    #[test]
    fn a_unit_the_name_already_says_is_left_out() {
        assert_eq!(name_with_unit("Total income", "bn yuan"), "Total income (bn yuan)");
        assert_eq!(name_with_unit("High-tech enterprises", "enterprises"), "High-tech enterprises");
        assert_eq!(name_with_unit("Enterprises", "enterprises"), "Enterprises", "whatever the case");
        assert_eq!(name_with_unit("高新技术企业", "家"), "高新技术企业（家）");
        assert_eq!(name_with_unit("Share", ""), "Share");
        // Said only as whole words, or at the end of a Chinese name.
        assert_eq!(name_with_unit("Share of sales", "ha"), "Share of sales (ha)");
        assert_eq!(name_with_unit("Total output", "t"), "Total output (t)");
        assert_eq!(name_with_unit("人工智能企业", "人"), "人工智能企业（人）");
        assert_eq!(name_with_unit("从业人员数", "人"), "从业人员数（人）");
        assert_eq!(name_with_unit("企业数/家", "家"), "企业数/家");
    }

    #[test]
    fn a_figure_note_says_a_part_of_a_year_and_a_qualifier_no_sign_carries() {
        let note = |period, qualifier, with_year| {
            figure_note((2014, period, qualifier), with_year, Language::En, NoteForm::Full)
        };
        assert_eq!(note(None, Qualifier::Reported, false), "");
        assert_eq!(note(None, Qualifier::Reported, true), "2014");
        assert_eq!(note(Some(Period::JanTo(11)), Qualifier::Reported, false), "2014 Jan–Nov", "a part, always");
        assert_eq!(note(None, Qualifier::Preliminary, true), "2014, preliminary");
        assert_eq!(note(None, Qualifier::AtLeast, false), "", "the sign before the value says it");
        assert_eq!(after_value("2014, preliminary", Language::En, NoteForm::Full), " (2014, preliminary)");
        assert_eq!(after_value("", Language::Zh, NoteForm::Full), "");
    }

    /// Chinese writes a chart's notes as its sentences do, with 年, "，" and full-width brackets,
    /// and a table's in the fewest characters.
    #[test]
    fn a_chinese_figure_note_is_full_on_charts_and_compact_in_tables() {
        let target = (2018, None, Qualifier::Target);
        let full = figure_note(target, true, Language::Zh, NoteForm::Full);
        assert_eq!(after_value(&full, Language::Zh, NoteForm::Full), "（2018年，目标）");
        let compact = figure_note(target, true, Language::Zh, NoteForm::Compact);
        assert_eq!(after_value(&compact, Language::Zh, NoteForm::Compact), " (2018, 目标)");
        let part = (2014, Some(Period::JanTo(11)), Qualifier::Preliminary);
        assert_eq!(figure_note(part, false, Language::Zh, NoteForm::Full), "2014年1–11月，初步统计");
    }

    /// A Chinese unit and a per cent sign follow their number without a space, as Chinese and
    /// the takeaways write them; other units after a space.
    #[test]
    fn a_unit_follows_its_number_as_its_language_writes_it() {
        assert_eq!(with_unit("6,300".to_owned(), "亿元"), "6,300亿元");
        assert_eq!(with_unit("5.9".to_owned(), "%"), "5.9%");
        assert_eq!(with_unit("630".to_owned(), "bn yuan"), "630 bn yuan");
        assert_eq!(with_unit("26.1".to_owned(), "km²"), "26.1 km²");
        assert_eq!(with_unit("7".to_owned(), ""), "7");
    }

    /// A value of one takes the singular a unit has: "1 firm", also stated as a bound.
    #[test]
    fn a_value_of_one_takes_its_units_singular() {
        let firms = DisplayUnit { name: "firms".to_owned(), factor: 1.0, singular: Some("firm".to_owned()) };
        assert_eq!(value_with_unit(1.0, Qualifier::Reported, &firms), "1 firm");
        assert_eq!(value_with_unit(1.0, Qualifier::AtLeast, &firms), ">1 firm");
        assert_eq!(value_with_unit(2.0, Qualifier::Reported, &firms), "2 firms");
        assert_eq!(value_with_unit(1.5, Qualifier::Reported, &firms), "1.5 firms");
    }

    /// A key or tooltip writes a figure's note as its language does: in Chinese with its own
    /// brackets and comma, and the year with 年, as the takeaway beside it.
    #[test]
    fn a_figure_in_brackets_is_written_as_its_language_writes_it() {
        let written =
            |period, qualifier, language| figure_in_brackets("630", (2018, period, qualifier), None, language);
        assert_eq!(written(None, Qualifier::Preliminary, Language::En), "630 (2018, preliminary)");
        assert_eq!(written(Some(Period::JanTo(11)), Qualifier::Reported, Language::En), "630 (2018 Jan–Nov)");
        assert_eq!(written(None, Qualifier::Reported, Language::Zh), "630（2018年）");
        assert_eq!(written(Some(Period::H1), Qualifier::Preliminary, Language::Zh), "630（2018年上半年，初步统计）");
        assert_eq!(written(Some(Period::Cumulative), Qualifier::AtLeast, Language::Zh), "630（截至2018年累计）");
        let cited =
            |language| figure_in_brackets("630", (2018, None, Qualifier::Preliminary), Some("S 2019"), language);
        assert_eq!(cited(Language::En), "630 (2018, preliminary, S 2019)");
        assert_eq!(cited(Language::Zh), "630（2018年，初步统计，S 2019）");
    }

    #[test]
    fn counts_are_grouped_in_thousands() {
        let counts = [0, 7, 999, 1_000, 10_000, 123_456, 1_234_567].map(format_count);
        assert_eq!(counts, ["0", "7", "999", "1,000", "10,000", "123,456", "1,234,567"]);
    }

    #[test]
    fn values_get_separators_and_no_needless_decimals() {
        assert_eq!(format_value(1382.0), "1,382");
        assert_eq!(format_value(349_200.0), "349,200");
        assert_eq!(format_value(26.1), "26.1");
        assert_eq!(format_value(0.09), "0.09");
        assert_eq!(format_value(1_240_000.5), "1,240,000.5");
        assert_eq!(format_value(-2.5), "-2.5");
        assert_eq!(format_value(-0.001), "0");
        assert_eq!(format_value(999.999), "1,000");
    }

    /// A source's 10.815 bn yuan reads 10.815, not 10.82, and 108.15 in 亿元: the same digits
    /// in both languages, without the float's noise.
    #[test]
    fn a_stated_figure_keeps_every_digit_its_source_gave() {
        assert_eq!(format_stated(10.815), "10.815");
        assert_eq!(format_stated(10.815 * 10.0), "108.15");
        assert_eq!(format_stated(0.315), "0.315");
        assert_eq!(format_stated(0.0315), "0.0315");
        assert_eq!(format_stated(1835.15), "1,835.15");
        assert_eq!(format_stated(349_200.0), "349,200");
        assert_eq!(format_stated(-2.5), "-2.5");
        assert_eq!(format_stated(0.0), "0");
        // Too small for six decimals: not "0", which a figure stated as non-zero never reads.
        assert_eq!(format_stated(-0.000_000_1), "-1e-7");
        assert_eq!(format_stated(1e-9), "1e-9");
        assert_eq!(format_stated(2.5e-8), "2.5e-8");
        assert_eq!(qualified_value(1e-9, Qualifier::AtLeast), ">1e-9");
        assert_eq!(format_stated(0.000_001_5), "1.5e-6", "not 0.000002");
        assert_eq!(format_stated(0.000_03), "3e-5");
        assert_eq!(format_stated(0.000_315), "0.000315", "from 0.0001 on, in decimals");
        assert_eq!(format_stated(12.345_678_9), "12.345679", "an ordinary figure is never in E notation");
        assert_eq!(format_stated(0.123_456_7), "0.123457");
        assert_eq!(format_stated(1_234_567_890_123.0), "1,234,567,890,123", "large values in full");
        assert_eq!(qualified_value(36.275, Qualifier::AtLeast), ">36.275");
    }

    #[test]
    fn rounding_to_significant_digits_reads_alike_a_power_of_ten_apart() {
        assert_eq!(format_stated(round_significant(47.476_6, 4)), "47.48");
        assert_eq!(format_stated(round_significant(474.766, 4)), "474.8");
        assert_eq!(format_stated(round_significant(0.012_345, 4)), "0.01235");
        assert_eq!(format_stated(round_significant(123_456.0, 4)), "123,500");
        assert_eq!(format_stated(round_significant(0.0, 4)), "0");
    }

    #[test]
    fn district_names_keep_the_park_order_in_either_language() {
        let dataset = crate::model::tests::small_dataset();
        let Some(beta) = dataset.park(&crate::model::ParkId::new("beta")) else { panic!("beta") };
        assert_eq!(district_names(&dataset, beta, Language::En), "West, East");
        assert_eq!(district_names(&dataset, beta, Language::Zh), "西区、东区");
    }

    #[test]
    fn a_figure_stated_otherwise_lists_the_other_values_with_unit_and_source_but_not_plans() {
        let mut dataset = crate::model::tests::small_dataset();
        let alpha = dataset.parks.iter_mut().find(|p| p.id.as_str() == "alpha").expect("alpha");
        let own = alpha.observations.iter().find(|o| o.metric.as_str() == "total_income" && o.year == 2018).cloned();
        let Some(own) = own else { panic!("alpha's 2018 income") };
        let other = |value, qualifier| Observation { value, qualifier, source: SourceId::new("s2"), ..own.clone() };
        // Another value, the same value, and a target for the year: only the first differs.
        alpha.observations.extend([
            other(600.0, Qualifier::AtLeast),
            other(own.value, Qualifier::Reported),
            other(900.0, Qualifier::Target),
        ]);
        let Some(alpha) = dataset.park(&crate::model::ParkId::new("alpha")) else { panic!("alpha") };
        let others = |figure| other_values(&dataset, stated_otherwise(&alpha.observations, figure), Language::En);
        // Its source cited as the figure's own is (label and title), not by its title alone.
        assert_eq!(others(&own), [">600 bn yuan · 测试办公室, “第二份报告”"]);
        assert!(others(&alpha.observations[0]).is_empty(), "its area is uncontested");
    }

    #[test]
    fn qualifiers_show_as_signs() {
        assert_eq!(qualifier_prefix(Qualifier::AtLeast), ">");
        assert_eq!(qualifier_prefix(Qualifier::Approximate), "~");
        assert_eq!(qualifier_prefix(Qualifier::Reported), "");
    }

    #[test]
    fn coordinates_name_their_hemispheres_without_signs() {
        assert_eq!(lon_lat(116.31, 39.98), "116.310°E, 39.980°N");
        assert_eq!(lon_lat(-62.4, -46.805), "62.400°W, 46.805°S");
    }
}
