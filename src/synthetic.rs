//! Deterministic synthetic datasets for benchmarks and load tests: any number of parks with a
//! realistic mix of figures, years, industries and districts, using the real dataset's
//! vocabulary (metrics, industries, districts, sources). Not facts: never shipped as data.

use std::fmt::Write as _;

use crate::model::{Dataset, Role, ShownUnit};

/// A small fast random-number generator: the same seed always gives the same numbers, so the
/// same size always gives the same dataset (and the fuzz test the same cases).
pub(crate) struct XorShift(pub(crate) u64);

impl XorShift {
    /// The next number.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// The RON text of a dataset with `parks` synthetic parks, built on `base`'s vocabulary.
pub fn synthetic_ron(base: &Dataset, parks: usize) -> String {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(parks * 1200);
    let quote = |s: &str| format!("{s:?}");
    out.push_str("(\n    meta: (title: (en: \"Synthetic parks\", zh: \"合成园区\"), version: \"0\", date: \"2026-01-01\", licence: \"test\", map: Some(\"beijing-districts.ron\")),\n");
    out.push_str("    sources: [\n");
    for source in &base.sources {
        let _ = writeln!(
            out,
            "        (id: {}, title: {}, publisher: {}, language: \"en\"),",
            quote(source.id.as_str()),
            quote(&source.title),
            quote(&source.publisher)
        );
    }
    out.push_str("    ],\n    industries: [\n");
    for industry in &base.industries {
        let _ = writeln!(
            out,
            "        (id: {}, name: (en: {}, zh: {}), group: {:?}),",
            quote(industry.id.as_str()),
            quote(&industry.name.en),
            quote(&industry.name.zh),
            industry.group
        );
    }
    out.push_str("    ],\n    districts: [\n");
    for district in &base.districts {
        let _ = writeln!(
            out,
            "        (id: {}, name: (en: {}, zh: {})),",
            quote(district.id.as_str()),
            quote(&district.name.en),
            quote(&district.name.zh)
        );
    }
    out.push_str("    ],\n    metrics: [\n");
    for metric in &base.metrics {
        // The units each language writes the figures in, as the base dataset gives them.
        let shown = |shown: Option<&ShownUnit>| {
            shown.map_or_else(
                || "None".to_owned(),
                |shown| format!("Some((unit: {}, factor: {:?}))", quote(&shown.unit), shown.factor),
            )
        };
        let _ = writeln!(
            out,
            "        (id: {}, name: (en: {}, zh: {}), unit: (en: {}, zh: {}), shown: (en: {}, zh: {}), kind: {:?}, description: (en: \"-\", zh: \"-\"), allows_negative: {}),",
            quote(metric.id.as_str()),
            quote(&metric.name.en),
            quote(&metric.name.zh),
            quote(&metric.unit.en),
            quote(&metric.unit.zh),
            shown(metric.shown.en.as_ref()),
            shown(metric.shown.zh.as_ref()),
            metric.kind,
            metric.allows_negative
        );
    }
    out.push_str("    ],\n    parks: [\n");
    let roles = [Role::Leading, Role::Key, Role::Pillar, Role::Focus, Role::Supporting, Role::Emerging];
    let qualifiers = ["Reported", "Reported", "Reported", "Preliminary", "Approximate", "AtLeast", "Target"];
    let syllables =
        ["hai", "dian", "chao", "yang", "feng", "tai", "shun", "yi", "da", "xing", "ping", "gu", "mi", "yun"];
    let hanzi = ['海', '淀', '朝', '阳', '丰', '台', '顺', '义', '大', '兴', '平', '谷', '密', '云'];
    for p in 0..parks {
        let (a, b) = (rng.below(syllables.len()), rng.below(syllables.len()));
        let en = format!("{}{} Park {p}", syllables[a].to_uppercase(), syllables[b]);
        let zh = format!("中关村{}{}园{p}", hanzi[a], hanzi[b]);
        let district = &base.districts[rng.below(base.districts.len())].id;
        let (lon, lat) = (116.0 + rng.below(1000) as f64 / 1000.0, 39.6 + rng.below(1000) as f64 / 1000.0);
        let _ = write!(
            out,
            "        (id: \"p{p}\", name: (en: {}, zh: {}), districts: [{}], location: Some((lon: {lon}, lat: {lat}, approximate: true, place: (en: \"x\", zh: \"x\"))),\n            industries: [",
            quote(&en),
            quote(&zh),
            quote(district.as_str())
        );
        let mut industries = Vec::new();
        for _ in 0..=rng.below(4) {
            let industry = &base.industries[rng.below(base.industries.len())].id;
            let source = &base.sources[rng.below(base.sources.len())].id;
            let role = roles[rng.below(roles.len())];
            // A park has each industry once; a repeat drawn is skipped, after its draws, so
            // that every other park stays as it was.
            if industries.contains(&industry) {
                continue;
            }
            industries.push(industry);
            let _ = write!(
                out,
                "(industry: {}, role: {:?}, source: {}), ",
                quote(industry.as_str()),
                role,
                quote(source.as_str())
            );
        }
        out.push_str("],\n            observations: [\n");
        for _ in 0..4 + rng.below(12) {
            let metric = &base.metrics[rng.below(base.metrics.len().min(8))].id;
            let source = &base.sources[rng.below(base.sources.len())].id;
            let value = rng.below(100_000) as f64 / 10.0;
            let year = 2000 + rng.below(25);
            let _ = writeln!(
                out,
                "                (metric: {}, value: {value}, year: {year}, qualifier: {}, source: {}),",
                quote(metric.as_str()),
                qualifiers[rng.below(qualifiers.len())],
                quote(source.as_str())
            );
        }
        out.push_str("            ]),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// The RON text of a made-up dataset with one park, `p0`, that has a figure of each of `figures`
/// metrics, each from its own source with a long title and address, a long description, many
/// approval dates and many industries: what a one-page summary of a park must cope with. Its
/// districts are placeless (no map). Not facts: for tests only.
pub fn crowded_park_ron(figures: usize) -> String {
    let mut out = String::with_capacity(figures * 600);
    out.push_str("(\n    meta: (title: (en: \"Crowded park\", zh: \"拥挤园区\"), version: \"0\", date: \"2026-01-01\", licence: \"test\"),\n    sources: [\n");
    for i in 0..figures {
        let _ = writeln!(
            out,
            "        (id: \"s{i}\", title: \"Statistical bulletin number {i} on the development of high-technology enterprises in the zone and its parks\", publisher: \"Zone statistics office {i}\", date: Some(\"2024-0{}\"), url: Some(\"https://example.org/bulletins/{i}/a-very-long-address-that-does-not-fit-on-one-line-of-the-page-at-all-{i}.html\"), language: \"en\"),",
            1 + i % 9
        );
    }
    out.push_str("    ],\n    industries: [\n");
    for i in 0..figures {
        let _ = writeln!(
            out,
            "        (id: \"i{i}\", name: (en: \"Industry number {i}\", zh: \"产业{i}\"), group: Services),"
        );
    }
    out.push_str("    ],\n    districts: [(id: \"d0\", name: (en: \"First district\", zh: \"第一区\")), (id: \"d1\", name: (en: \"Second district\", zh: \"第二区\"))],\n    metrics: [\n");
    for i in 0..figures + 3 {
        let _ = writeln!(
            out,
            "        (id: \"m{i}\", name: (en: \"Metric number {i} with a long descriptive name\", zh: \"第{i}项指标（名称较长）\"), unit: (en: \"units\", zh: \"个\"), kind: Stock, description: (en: \"-\", zh: \"-\")),"
        );
    }
    let description = "A very long description of the park that goes on and on. ".repeat(figures.max(1));
    let description_zh = "园区的描述非常长，一直写下去。".repeat(figures.max(1));
    let _ = write!(
        out,
        "    ],\n    parks: [\n        (id: \"p0\", name: (en: \"Crowded Park\", zh: \"拥挤园\"), districts: [\"d0\", \"d1\"], description: Some((en: \"{description}\", zh: \"{description_zh}\")),\n            milestones: ["
    );
    for i in 0..figures {
        let _ = write!(
            out,
            "(year: {}, event: (en: \"Approved again\", zh: \"再次批复\"), source: \"s{i}\"), ",
            1990 + i % 30
        );
    }
    out.push_str("],\n            industries: [");
    for i in 0..figures {
        let _ = write!(out, "(industry: \"i{i}\", role: Key, source: \"s{i}\"), ");
    }
    out.push_str("],\n            observations: [\n");
    for i in 0..figures {
        let qualifier = ["Reported", "AtLeast", "Approximate", "Preliminary", "Target"][i % 5];
        let _ = writeln!(
            out,
            "                (metric: \"m{i}\", value: {}.5, year: {}, qualifier: {qualifier}, source: \"s{i}\"),",
            1000 + i * 37,
            2000 + i % 25
        );
    }
    out.push_str("            ]),\n    ],\n)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_dataset;

    #[test]
    fn synthetic_datasets_are_valid_and_repeatable() {
        let base = load_dataset(crate::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
        let text = synthetic_ron(&base, 200);
        assert_eq!(text, synthetic_ron(&base, 200), "the same size gives the same text");
        let dataset = load_dataset(&text, "synthetic").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(dataset.parks.len(), 200);
        assert!(dataset.figure_count() >= 800);
    }
}
