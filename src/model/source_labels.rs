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
/// "China Daily 2016b"); a label no other source shares keeps no letter. The languages are
/// lettered apart: two publishers may share a Chinese name and not an English one.
///
/// Letters are only ever added, never moved, because the dataset's notes cite them: the
/// dataset file's own sources are lettered among themselves, in the order of their dates, then
/// of their ids; sources a figure table added ([`Source::added_by_table`]) then take the next
/// letters of their group in the order they were added, whatever their dates. A file's source
/// alone in its group keeps its plain label, and one added beside it starts at "b".
pub(super) fn letter_sources(sources: &mut [Source]) {
    for language in [Language::En, Language::Zh] {
        let mut alike: BTreeMap<(String, Option<&str>), Vec<usize>> = BTreeMap::new();
        for (i, source) in sources.iter().enumerate() {
            let label = (source.publisher_cut(language, LABEL_PUBLISHER_CHARS), source.year());
            alike.entry(label).or_default().push(i);
        }
        let mut letters = vec![String::new(); sources.len()];
        for group in alike.into_values().filter(|group| group.len() > 1) {
            let (mut own, added): (Vec<usize>, Vec<usize>) =
                group.into_iter().partition(|&i| sources[i].added_by_table.is_none());
            own.sort_by(|&a, &b| (&sources[a].date, &sources[a].id).cmp(&(&sources[b].date, &sources[b].id)));
            let own_lettered = own.len() > 1;
            for (nth, i) in own.iter().enumerate() {
                if own_lettered {
                    letters[*i] = nth_letters(nth);
                }
            }
            // `added` keeps the list's order, which is the order the tables added them in.
            for (nth, i) in added.into_iter().enumerate() {
                letters[i] = nth_letters(own.len() + nth);
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

    /// Merging a table whose source reads like the dataset's own and is dated earlier must not
    /// re-letter the dataset's sources: its notes cite them by their letters.
    #[test]
    fn a_merged_tables_source_takes_the_next_letter_and_the_datasets_keep_theirs() {
        let dataset = with_sources(&[
            r#"(id: "spring", title: "A", publisher: "Daily", date: Some("2016-04-01"), language: "en")"#,
            r#"(id: "autumn", title: "B", publisher: "Daily", date: Some("2016-10-01"), language: "en")"#,
            r#"(id: "alone", title: "C", publisher: "Weekly", date: Some("2016-05-01"), language: "en")"#,
        ]);
        let table = "id,title,publisher,date,language\n\
            winter,D,Daily,2016-01-05,en\n\
            new_year,E,Weekly,2016-01-01,en\n\
            another,F,Weekly,2016-02-01,en\n";
        let table = crate::model::tables::read_table_bytes(table.as_bytes(), "added.csv", Some("csv"));
        assert!(table.problems.is_empty(), "{:?}", table.problems);
        let (merged, _) = dataset.with_tables(&[table]).expect("the table merges");
        let en = |id| letters(&merged, id, Language::En);
        assert_eq!([en("spring"), en("autumn")], ["a", "b"], "the dataset's own keep their letters");
        assert_eq!(en("winter"), "c", "the earlier added source takes the next free letter");
        assert_eq!(en("alone"), "", "the dataset's only Weekly of 2016 keeps its plain label");
        assert_eq!([en("new_year"), en("another")], ["b", "c"], "added beside it, in the order added");
        let source = merged.source(&SourceId::new("winter")).expect("added");
        assert_eq!(source.added_by_table.as_deref(), Some("added.csv"));
    }

    /// Every lettered label a note of the shipped dataset writes ("China Daily 2016b",
    /// "中国日报（2016b）", "Wikipedia (b)") names a source whose label reads so, in English
    /// and in Chinese: a data edit that moves a letter would make its notes cite another article.
    #[test]
    fn every_lettered_label_in_the_shipped_notes_names_a_source() {
        let dataset = crate::model::DataOrigin::Embedded.load().expect("the shipped dataset loads");
        let mut checked = 0;
        for language in [Language::En, Language::Zh] {
            // A note may write the publisher whole where the label cuts it.
            let publishers = |source: &Source| {
                [source.publisher_cut(language, LABEL_PUBLISHER_CHARS), source.publisher_cut(language, usize::MAX)]
            };
            let notes = shipped_notes(&dataset, language);
            assert!(notes.len() > 100, "the shipped dataset's notes are read");
            for note in notes {
                for (end, letter, year) in lettered_citations(note) {
                    let before = note[..end].trim_end();
                    let cited = |source: &&Source| publishers(source).iter().any(|p| before.ends_with(p.as_str()));
                    let candidates: Vec<&Source> = dataset.sources.iter().filter(cited).collect();
                    assert!(!candidates.is_empty(), "{language:?}: no publisher before \"{letter}\" in: {note}");
                    let named = candidates.iter().any(|s| s.year() == year && s.label_letter(language) == letter);
                    assert!(named, "{language:?}: no source is {year:?}{letter} of the publisher in: {note}");
                    checked += 1;
                }
            }
        }
        assert!(checked >= 10, "the shipped notes cite lettered labels ({checked} found)");
    }

    /// Every note of `dataset` in `language` (only those written in it: a note shown for want of
    /// a translation cites the other language's labels): its own, its sources' and its figures'.
    fn shipped_notes(dataset: &crate::model::Dataset, language: Language) -> Vec<&str> {
        let figures =
            dataset.parks.iter().flat_map(|p| &p.observations).chain(dataset.zone.iter().flat_map(|z| &z.observations));
        let (source_notes, figure_notes): (Vec<_>, Vec<_>) = match language {
            Language::En => (
                dataset.sources.iter().filter_map(|s| s.note.as_deref()).collect(),
                figures.filter_map(|o| o.note.as_deref()).collect(),
            ),
            Language::Zh => (
                dataset.sources.iter().filter_map(|s| s.note_zh.as_deref()).collect(),
                figures.filter_map(|o| o.note_zh.as_deref()).collect(),
            ),
        };
        let meta = dataset.meta.notes.iter().map(|note| note.get(language));
        meta.chain(source_notes).chain(figure_notes).collect()
    }

    /// Where a lettered label is cited in `text`: the byte where its publisher ends, its
    /// letters, and its year (`None` for "(b)" after an undated publisher). Read are
    /// "Publisher 2016b", "发布者（2016b）" and "Publisher (b)".
    fn lettered_citations(text: &str) -> Vec<(usize, &str, Option<&str>)> {
        let mut found = Vec::new();
        for (at, _) in text.char_indices() {
            let rest = &text[at..];
            let (opening, closing) = if rest.starts_with(' ') && !rest.starts_with(" (") {
                (" ", None)
            } else if rest.starts_with(" (") {
                (" (", Some(')'))
            } else if rest.starts_with('（') {
                ("（", Some('）'))
            } else {
                continue;
            };
            let inner = &rest[opening.len()..];
            let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
            let year = match digits {
                4 => Some(&inner[..4]),
                0 if closing.is_some() => None,
                _ => continue,
            };
            let after_year = &inner[digits..];
            let count = after_year.bytes().take_while(u8::is_ascii_lowercase).count();
            let after = after_year[count..].chars().next();
            let ends = match closing {
                Some(closing) => after == Some(closing),
                None => after.is_none_or(|c| !c.is_alphanumeric()),
            };
            // "1990s" is a decade, not a letter; two letters at most ("aa") in a real dataset.
            if (1..=2).contains(&count) && ends && !(year.is_some() && &after_year[..count] == "s") {
                found.push((at, &after_year[..count], year));
            }
        }
        found
    }

    #[test]
    fn letters_run_past_z_as_spreadsheet_columns() {
        assert_eq!([nth_letters(0), nth_letters(25), nth_letters(26), nth_letters(27)], ["a", "z", "aa", "ab"]);
    }
}
