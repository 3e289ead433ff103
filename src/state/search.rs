//! Matching a typed query against park names in English, Chinese and pinyin.
//!
//! The keys are computed once per dataset, so typing costs a few substring searches per park.

use std::collections::HashMap;

use pinyin::ToPinyin as _;

use crate::model::{Dataset, Park, ParkId};

/// What a query is matched against, for one park.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct SearchKeys {
    /// English name and id, lower-case.
    english: String,
    /// Chinese name as written.
    chinese: String,
    /// Pinyin of the Chinese name without tones or spaces: `zhongguancunhaidianyuan`.
    pinyin: String,
    /// First letters of that pinyin: `zgchdy`.
    initials: String,
}

impl SearchKeys {
    fn new(park: &Park) -> Self {
        let mut pinyin = String::new();
        let mut initials = String::new();
        for ch in park.name.zh.chars() {
            if let Some(syllable) = ch.to_pinyin() {
                pinyin.push_str(syllable.plain());
                initials.push_str(syllable.first_letter());
            } else if ch.is_ascii_alphanumeric() {
                pinyin.push(ch.to_ascii_lowercase());
                initials.push(ch.to_ascii_lowercase());
            }
        }
        Self {
            english: format!("{} {}", park.name.en.to_lowercase(), park.id.as_str().to_lowercase()),
            chinese: park.name.zh.clone(),
            pinyin,
            initials,
        }
    }

    fn matches(&self, query: &Query) -> bool {
        self.english.contains(&query.lower)
            || self.chinese.contains(&query.lower)
            || (!query.letters.is_empty()
                && (self.pinyin.contains(&query.letters) || self.initials.contains(&query.letters)))
    }
}

/// A query prepared once for matching many parks.
struct Query {
    /// Trimmed and lower-case.
    lower: String,
    /// Only its ASCII letters, for pinyin: "Hai Dian" → "haidian". Empty when the query has
    /// other characters too, so "园 a" does not turn into a pinyin search for "a".
    letters: String,
}

impl Query {
    fn new(text: &str) -> Self {
        let lower = text.trim().to_lowercase();
        let pinyin_like = lower.chars().all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '\'');
        let letters =
            if pinyin_like { lower.chars().filter(char::is_ascii_alphabetic).collect() } else { String::new() };
        Self { lower, letters }
    }
}

/// Search keys of every park of one dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    keys: HashMap<ParkId, SearchKeys>,
}

impl SearchIndex {
    /// Computes the keys of every park.
    pub fn new(dataset: &Dataset) -> Self {
        Self { keys: dataset.parks.iter().map(|park| (park.id.clone(), SearchKeys::new(park))).collect() }
    }

    /// The parks of `parks` whose name matches `query` (all of them for an empty query), in
    /// the same order.
    pub fn filter<'a>(&self, parks: impl Iterator<Item = &'a Park>, query: &str) -> Vec<&'a Park> {
        let query = Query::new(query);
        if query.lower.is_empty() {
            return parks.collect();
        }
        parks.filter(|park| self.keys.get(&park.id).is_some_and(|keys| keys.matches(&query))).collect()
    }

    /// Whether one park matches `query`.
    pub fn matches(&self, park: &Park, query: &str) -> bool {
        let query = Query::new(query);
        query.lower.is_empty() || self.keys.get(&park.id).is_some_and(|keys| keys.matches(&query))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Text, load_dataset};

    fn park(id: &str, en: &str, zh: &str) -> Park {
        let mut park = crate::model::tests::small_dataset().parks.remove(0);
        park.id = ParkId::new(id);
        park.name = Text { en: en.to_owned(), zh: zh.to_owned() };
        park
    }

    fn matching(query: &str) -> Vec<String> {
        let parks = [
            park("haidian", "Haidian Park", "中关村海淀园"),
            park("huairou", "Huairou Park", "中关村怀柔园"),
            park("daxing", "Daxing Park (Biomedicine Base)", "中关村大兴园（生物医药基地）"),
        ];
        let index = SearchIndex { keys: parks.iter().map(|p| (p.id.clone(), SearchKeys::new(p))).collect() };
        index.filter(parks.iter(), query).into_iter().map(|p| p.id.to_string()).collect()
    }

    #[test]
    fn pinyin_full_and_initials_find_chinese_names() {
        assert_eq!(matching("haidian"), ["haidian"]);
        assert_eq!(matching("Hai Dian"), ["haidian"]);
        assert_eq!(matching("hd"), ["haidian"]);
        assert_eq!(matching("hr"), ["huairou"]);
        assert_eq!(matching("shengwu"), ["daxing"], "pinyin of the base's name");
    }

    #[test]
    fn english_and_chinese_substrings_match() {
        assert_eq!(matching("BIOMED"), ["daxing"]);
        assert_eq!(matching("海淀"), ["haidian"]);
        assert_eq!(matching("中关村"), ["haidian", "huairou", "daxing"]);
        assert_eq!(matching("  "), ["haidian", "huairou", "daxing"], "blank matches all");
        assert!(matching("xyz").is_empty());
    }

    #[test]
    fn a_mixed_query_is_not_read_as_pinyin() {
        // "h园" is neither a name substring nor pinyin.
        assert!(matching("h园").is_empty());
    }

    #[test]
    fn the_index_covers_every_park_of_a_dataset() {
        let dataset = load_dataset(crate::model::tests::SMALL_RON, "small.ron").expect("valid");
        let index = SearchIndex::new(&dataset);
        let found: Vec<_> = index.filter(dataset.parks.iter(), "jia").into_iter().map(|p| p.id.as_str()).collect();
        assert_eq!(found, ["alpha"], "甲园 is jia yuan");
    }
}
