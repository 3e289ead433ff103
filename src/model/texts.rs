//! Every text a dataset or map file gives the window to show, each with its place in the file,
//! so a check can go through them all (`check` looks for characters no built-in font draws).

use super::geo::CityMap;
use super::{Dataset, Observation, Text};

/// One text of a file and where it is, e.g. `parks[3] "haidian" → name.zh`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedText<'a> {
    /// The place, written as validation problems write it.
    pub path: String,
    /// The text.
    pub text: &'a str,
}

/// Collects texts under the path of the item being read.
#[derive(Default)]
struct Texts<'a> {
    texts: Vec<PlacedText<'a>>,
}

impl<'a> Texts<'a> {
    fn plain(&mut self, path: String, text: &'a str) {
        self.texts.push(PlacedText { path, text });
    }

    fn optional(&mut self, path: String, text: Option<&'a String>) {
        if let Some(text) = text {
            self.plain(path, text);
        }
    }

    /// Both languages of `text`, as `FIELD.en` and `FIELD.zh`.
    fn both(&mut self, path: &str, text: &'a Text) {
        self.plain(format!("{path}.en"), &text.en);
        self.plain(format!("{path}.zh"), &text.zh);
    }

    fn notes(&mut self, path: &str, observations: &'a [Observation]) {
        for (i, obs) in observations.iter().enumerate() {
            self.optional(format!("{path} → observations[{i}] → note"), obs.note.as_ref());
            self.optional(format!("{path} → observations[{i}] → note_zh"), obs.note_zh.as_ref());
            if let Some(part) = &obs.part {
                self.both(&format!("{path} → observations[{i}] → part"), part);
            }
        }
    }
}

impl Dataset {
    /// Every text the window may show, in file order: titles, names, units, descriptions,
    /// notes, places, events and the sources' titles, publishers, dates and addresses. Ids and
    /// language codes are left out.
    pub fn texts(&self) -> Vec<PlacedText<'_>> {
        let mut texts = Texts::default();
        let meta = &self.meta;
        texts.both("meta → title", &meta.title);
        if let Some(short_title) = &meta.short_title {
            texts.both("meta → short_title", short_title);
        }
        texts.plain("meta → version".to_owned(), &meta.version);
        texts.plain("meta → date".to_owned(), &meta.date);
        texts.plain("meta → licence".to_owned(), &meta.licence);
        for (i, note) in meta.notes.iter().enumerate() {
            texts.both(&format!("meta → notes[{i}]"), note);
        }
        for (i, source) in self.sources.iter().enumerate() {
            let path = format!("sources[{i}] \"{}\"", source.id);
            texts.plain(format!("{path} → title"), &source.title);
            texts.plain(format!("{path} → publisher"), &source.publisher);
            texts.optional(format!("{path} → publisher_zh"), source.publisher_zh.as_ref());
            texts.optional(format!("{path} → date"), source.date.as_ref());
            texts.optional(format!("{path} → url"), source.url.as_ref());
            texts.optional(format!("{path} → note"), source.note.as_ref());
            texts.optional(format!("{path} → note_zh"), source.note_zh.as_ref());
        }
        for (i, industry) in self.industries.iter().enumerate() {
            texts.both(&format!("industries[{i}] \"{}\" → name", industry.id), &industry.name);
        }
        for (i, district) in self.districts.iter().enumerate() {
            texts.both(&format!("districts[{i}] \"{}\" → name", district.id), &district.name);
        }
        for (i, metric) in self.metrics.iter().enumerate() {
            let path = format!("metrics[{i}] \"{}\"", metric.id);
            texts.both(&format!("{path} → name"), &metric.name);
            texts.both(&format!("{path} → unit"), &metric.unit);
            for (language, shown) in metric.shown.iter() {
                texts.plain(format!("{path} → shown.{language}.unit"), &shown.unit);
            }
            texts.both(&format!("{path} → description"), &metric.description);
        }
        for (p, park) in self.parks.iter().enumerate() {
            let path = format!("parks[{p}] \"{}\"", park.id);
            texts.both(&format!("{path} → name"), &park.name);
            if let Some(part_of) = &park.part_of {
                texts.both(&format!("{path} → part_of"), part_of);
            }
            for (i, milestone) in park.milestones.iter().enumerate() {
                texts.both(&format!("{path} → milestones[{i}] → event"), &milestone.event);
            }
            if let Some(location) = &park.location {
                texts.both(&format!("{path} → location → place"), &location.place);
            }
            for (field, items) in [("sub_areas", &park.sub_areas), ("companies", &park.companies)] {
                for (i, item) in items.iter().enumerate() {
                    texts.both(&format!("{path} → {field}[{i}] → name"), &item.name);
                }
            }
            if let Some(description) = &park.description {
                texts.both(&format!("{path} → description"), description);
            }
            texts.notes(&path, &park.observations);
        }
        if let Some(zone) = &self.zone {
            texts.both("zone → name", &zone.name);
            texts.notes("zone", &zone.observations);
            for (i, milestone) in zone.milestones.iter().enumerate() {
                texts.both(&format!("zone → milestones[{i}] → event"), &milestone.event);
            }
        }
        texts.texts
    }
}

impl CityMap {
    /// Every text of the map file the window may show: the city's name, the note on the
    /// outlines and their source.
    pub fn texts(&self) -> Vec<PlacedText<'_>> {
        let mut texts = Texts::default();
        texts.both("name", &self.name);
        texts.both("note", &self.note);
        if let Some(source) = &self.source {
            texts.both("source", source);
        }
        texts.texts
    }
}

#[cfg(test)]
mod tests {
    use crate::model::DataOrigin;

    #[test]
    fn every_text_of_the_dataset_is_placed_where_validation_would_name_it() {
        let dataset = DataOrigin::Embedded.load().expect("the built-in dataset loads");
        let texts = dataset.texts();
        let path_of = |wanted: &str| texts.iter().find(|t| t.text == wanted).map(|t| t.path.as_str());
        let park = &dataset.parks[0];
        assert_eq!(path_of(&park.name.zh), Some(format!("parks[0] \"{}\" → name.zh", park.id).as_str()));
        assert_eq!(path_of(&dataset.meta.title.en), Some("meta → title.en"));
        let source = &dataset.sources[0];
        assert_eq!(path_of(&source.publisher), Some(format!("sources[0] \"{}\" → publisher", source.id).as_str()));
        // Every park's names in both languages and every metric's unit are among them.
        let count = |suffix: &str| texts.iter().filter(|t| t.path.ends_with(suffix)).count();
        assert!(count(" → name.zh") >= dataset.parks.len() + dataset.metrics.len() + dataset.districts.len());
        assert_eq!(count(" → unit.en"), dataset.metrics.len());
    }

    #[test]
    fn the_map_gives_its_name_note_and_source() {
        let dataset = DataOrigin::Embedded.load().expect("the built-in dataset loads");
        let map = DataOrigin::Embedded.load_map(&dataset).expect("a map").expect("it loads");
        let paths: Vec<String> = map.texts().into_iter().map(|t| t.path).collect();
        assert!(paths.starts_with(&["name.en".to_owned(), "name.zh".to_owned(), "note.en".to_owned()]), "{paths:?}");
    }
}
