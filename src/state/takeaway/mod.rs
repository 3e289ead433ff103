//! The takeaway line: one sentence under a chart's or the map's title that says what it shows,
//! written from its data in either language and honest about years and qualifiers ("about",
//! "more than", preliminary, a mix of years, parks without data). Pure functions: the sentence
//! is computed with the plot's or map's data and tested without a window. A slide can replace
//! it with its own words.
//!
//! `plot` writes the sentences of the Compare view's plots, `map` the map's; the phrases both
//! need are here.

pub mod map;
pub mod plot;

use crate::format::{format_count, format_stated, with_unit};
use crate::model::{Language, Qualifier};

/// A value as a sentence states it, with its qualifier in words, its unit and its year:
/// "about 630 bn yuan (2018, preliminary)" / "约6,300亿元（2018年，初步统计）".
pub fn figure_phrase(value: f64, qualifier: Qualifier, unit: &str, when: &str, language: Language) -> String {
    let number = format_stated(value);
    match language {
        Language::En => {
            let hedge = match qualifier {
                Qualifier::Approximate => "about ",
                Qualifier::AtLeast => "more than ",
                Qualifier::AtMost => "less than ",
                Qualifier::Reported | Qualifier::Preliminary | Qualifier::Target | Qualifier::Forecast => "",
            };
            let note = match qualifier {
                Qualifier::Preliminary => ", preliminary",
                Qualifier::Target => ", target",
                Qualifier::Forecast => ", forecast",
                Qualifier::Reported | Qualifier::Approximate | Qualifier::AtLeast | Qualifier::AtMost => "",
            };
            format!("{} ({when}{note})", with_unit(format!("{hedge}{number}"), unit))
        }
        Language::Zh => {
            let (before, after) = match qualifier {
                Qualifier::Approximate => ("约", ""),
                Qualifier::AtLeast => ("超过", ""),
                Qualifier::AtMost => ("不足", ""),
                Qualifier::Reported | Qualifier::Preliminary | Qualifier::Target | Qualifier::Forecast => ("", ""),
            };
            let note = match qualifier {
                Qualifier::Preliminary => "，初步统计",
                Qualifier::Target => "，目标",
                Qualifier::Forecast => "，预测",
                Qualifier::Reported | Qualifier::Approximate | Qualifier::AtLeast | Qualifier::AtMost => "",
            };
            format!("{before}{number}{after}{unit}（{when}{note}）")
        }
    }
}

/// Names joined as a sentence lists them: "A", "A and B", "A, B and C" / "甲、乙和丙".
pub fn join_names(names: &[String], language: Language) -> String {
    let (comma, and) = match language {
        Language::En => (", ", " and "),
        Language::Zh => ("、", "和"),
    };
    match names {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(comma)),
    }
}

/// A count with the English noun that goes with it: "1 park", "3 parks".
pub fn count_phrase(count: usize, one: &str, other: &str) -> String {
    format!("{} {}", format_count(count), if count == 1 { one } else { other })
}

/// A name as it reads inside an English sentence: a leading capital is lowered when the first
/// word has no other capital ("total income", "new-generation IT"), not in an acronym or a
/// mixed word ("GDP", "AI", "R&D spending", "`IoT`"); Chinese is unchanged. Takeaways and the
/// reasons of peers name metrics and industries this way.
pub fn in_sentence(name: &str, language: Language) -> String {
    let first_word = name.split_whitespace().next().unwrap_or_default();
    let mut chars = first_word.chars();
    let plain_capitalised = chars.next().is_some_and(char::is_uppercase)
        && first_word.chars().count() > 1
        && chars.all(|c| c.is_lowercase() || !c.is_alphabetic());
    match language {
        Language::En if plain_capitalised => {
            name.chars().take(1).flat_map(char::to_lowercase).chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_capitalised_names_are_lowered_inside_a_sentence() {
        assert_eq!(in_sentence("Total income", Language::En), "total income");
        assert_eq!(in_sentence("New-generation IT", Language::En), "new-generation IT");
        for kept in ["GDP", "AI chips", "R&D spending", "IoT firms", "X"] {
            assert_eq!(in_sentence(kept, Language::En), kept);
        }
        assert_eq!(in_sentence("Total income", Language::Zh), "Total income");
    }

    #[test]
    fn names_and_counts_read_as_in_a_sentence() {
        let names = |list: &[&str]| list.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
        assert_eq!(join_names(&names(&[]), Language::En), "");
        assert_eq!(join_names(&names(&["A"]), Language::En), "A");
        assert_eq!(join_names(&names(&["A", "B", "C"]), Language::En), "A, B and C");
        assert_eq!(join_names(&names(&["甲", "乙", "丙"]), Language::Zh), "甲、乙和丙");
        assert_eq!(count_phrase(1, "park", "parks"), "1 park");
        assert_eq!(count_phrase(0, "park", "parks"), "0 parks");
    }

    #[test]
    fn a_figure_phrase_carries_its_qualifier_unit_and_year_in_either_language() {
        assert_eq!(figure_phrase(1240.0, Qualifier::Reported, "bn yuan", "2013", Language::En), "1,240 bn yuan (2013)");
        assert_eq!(
            figure_phrase(630.0, Qualifier::Preliminary, "bn yuan", "2018", Language::En),
            "630 bn yuan (2018, preliminary)"
        );
        assert_eq!(figure_phrase(450.0, Qualifier::AtLeast, "", "2019", Language::En), "more than 450 (2019)");
        assert_eq!(
            figure_phrase(1240.0, Qualifier::Approximate, "亿元", "2013年", Language::Zh),
            "约1,240亿元（2013年）"
        );
        assert_eq!(figure_phrase(100.0, Qualifier::Target, "亿元", "2025年", Language::Zh), "100亿元（2025年，目标）");
    }
}
