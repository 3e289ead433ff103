//! How a source's short label reads ("China Daily 2016b"), and the letters that tell two sources
//! apart whose labels would otherwise read alike. The letters are worked out once per load (see
//! [`letter_sources`]), never per frame. No egui here.

use std::collections::BTreeMap;

use super::{Language, Source};

/// Longest publisher name shown in a source's short label before it is cut with "…"; the
/// tooltip has it whole.
pub const LABEL_PUBLISHER_CHARS: usize = 24;

/// The letters after a source's short label, in each language: empty where its label is the
/// only one of its publisher and year. Worked out by the dataset when it is loaded; a source
/// built by hand has none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelLetters {
    en: String,
    zh: String,
}

impl Source {
    /// The publisher's name as `language` writes it: the Chinese name in Chinese where there is one.
    pub fn publisher_in(&self, language: Language) -> &str {
        match (&self.publisher_zh, language) {
            (Some(chinese), Language::Zh) => chinese,
            _ => &self.publisher,
        }
    }

    /// The publisher as a label writes it, at most `max_chars`. A publisher is often written with
    /// what it is or how it was reached ("China Daily (Europe edition)", "Beijing Evening News,
    /// re-posted on …"): the name before the first bracket, comma or semicolon, cut after a
    /// whole word when still too long, so that a label reads "China Daily 2013", not
    /// "China Daily (Europe ed… 2013" with a bracket left open.
    pub fn publisher_cut(&self, language: Language, max_chars: usize) -> String {
        let whole = self.publisher_in(language).trim();
        let name = whole.split(['(', '（', ',', '，', ';', '；']).next().map(str::trim).filter(|name| !name.is_empty());
        let name = name.unwrap_or(whole);
        if name.chars().count() <= max_chars {
            return name.to_owned();
        }
        let cut: String = name.chars().take(max_chars - 1).collect();
        // After the last whole word, when the cut leaves one; names without spaces (Chinese) are
        // cut where they reach the limit.
        let ends_a_word = name[cut.len()..].starts_with(' ');
        // A cut after a word that keeps less than half the room ("X…" of "X Supercalifragilistic")
        // says less than one in the middle of the long word.
        let words = match cut.rfind(' ') {
            Some(space) if !ends_a_word && cut[..space].chars().count() >= max_chars / 2 => &cut[..space],
            _ => cut.as_str(),
        };
        format!("{}…", words.trim_end())
    }

    /// The year of the source's date, as its label writes it.
    pub fn year(&self) -> Option<&str> {
        self.date.as_deref().and_then(|date| date.get(..4))
    }

    /// The letter that tells this source's label in `language` from another source's that reads
    /// alike ("a" of "China Daily 2016a"); empty when no other does.
    pub fn label_letter(&self, language: Language) -> &str {
        match language {
            Language::En => &self.label_letters.en,
            Language::Zh => &self.label_letters.zh,
        }
    }
}

/// Gives every source whose short label (publisher as the label cuts it, and year) reads like
/// another's in a language a letter in that language, as citations do ("China Daily 2016a",
/// "China Daily 2016b"), in the order of the sources' dates, then of their ids; a label no other
/// source shares keeps no letter. The languages are lettered apart: two publishers may share a
/// Chinese name and not an English one.
pub(super) fn letter_sources(sources: &mut [Source]) {
    for language in [Language::En, Language::Zh] {
        let mut alike: BTreeMap<(String, Option<&str>), Vec<usize>> = BTreeMap::new();
        for (i, source) in sources.iter().enumerate() {
            let label = (source.publisher_cut(language, LABEL_PUBLISHER_CHARS), source.year());
            alike.entry(label).or_default().push(i);
        }
        let mut letters = vec![String::new(); sources.len()];
        for mut group in alike.into_values().filter(|group| group.len() > 1) {
            group.sort_by(|&a, &b| (&sources[a].date, &sources[a].id).cmp(&(&sources[b].date, &sources[b].id)));
            for (nth, i) in group.into_iter().enumerate() {
                letters[i] = nth_letters(nth);
            }
        }
        for (source, letter) in sources.iter_mut().zip(letters) {
            match language {
                Language::En => source.label_letters.en = letter,
                Language::Zh => source.label_letters.zh = letter,
            }
        }
    }
}

/// The letters of the `nth` (from 0) of sources whose labels read alike: "a" to "z", then "aa",
/// "ab", … as a spreadsheet names its columns.
fn nth_letters(nth: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = nth + 1;
    while rest > 0 {
        rest -= 1;
        letters.push(char::from(b'a' + (rest % 26) as u8));
        rest /= 26;
    }
    letters.into_iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceId;
    use crate::model::tests::small_dataset_with_sources as with_sources;

    fn letters(dataset: &crate::model::Dataset, id: &str, language: Language) -> String {
        dataset.source(&SourceId::new(id)).expect("source").label_letter(language).to_owned()
    }

    #[test]
    fn sources_whose_labels_read_alike_are_lettered_by_date_then_id() {
        let dataset = with_sources(&[
            r#"(id: "late", title: "B", publisher: "Daily (Europe edition)", publisher_zh: Some("日报"), date: Some("2016-12-27"), language: "en")"#,
            r#"(id: "early", title: "A", publisher: "Daily", publisher_zh: Some("日报"), date: Some("2016-09-06"), language: "en")"#,
            r#"(id: "same_day_b", title: "C", publisher: "Daily", date: Some("2016-09-06"), language: "en")"#,
            r#"(id: "other_year", title: "D", publisher: "Daily", publisher_zh: Some("日报"), date: Some("2018"), language: "en")"#,
            r#"(id: "wiki1", title: "E", publisher: "Wiki", language: "en")"#,
            r#"(id: "wiki0", title: "F", publisher: "Wiki", language: "en")"#,
        ]);
        let en = |id| letters(&dataset, id, Language::En);
        assert_eq!([en("early"), en("same_day_b"), en("late")], ["a", "b", "c"], "by date, then by id");
        assert_eq!(en("other_year"), "", "the only Daily of 2018 keeps its plain label");
        assert_eq!([en("wiki0"), en("wiki1")], ["a", "b"], "undated sources of one publisher, by id");
        assert_eq!(en("s1"), "");
        // In Chinese, "same_day_b" has no Chinese name: "Daily 2016" reads unlike "日报 2016".
        let zh = |id| letters(&dataset, id, Language::Zh);
        assert_eq!([zh("early"), zh("late"), zh("same_day_b")], ["a", "b", ""]);
    }

    #[test]
    fn letters_run_past_z_as_spreadsheet_columns() {
        assert_eq!([nth_letters(0), nth_letters(25), nth_letters(26), nth_letters(27)], ["a", "z", "aa", "ab"]);
    }
}
