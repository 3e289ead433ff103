//! Deterministic synthetic datasets for benchmarks and load tests: any number of parks with a
//! realistic mix of figures, years, industries and districts, using the real dataset's
//! vocabulary (metrics, industries, districts, sources). Not facts: never shipped as data.

use std::fmt::Write as _;

use crate::model::{Dataset, Role};

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
        let _ = writeln!(
            out,
            "        (id: {}, name: (en: {}, zh: {}), unit: (en: {}, zh: {}), kind: {:?}, description: (en: \"-\", zh: \"-\"), allows_negative: {}),",
            quote(metric.id.as_str()),
            quote(&metric.name.en),
            quote(&metric.name.zh),
            quote(&metric.unit.en),
            quote(&metric.unit.zh),
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
        for _ in 0..=rng.below(4) {
            let industry = &base.industries[rng.below(base.industries.len())].id;
            let source = &base.sources[rng.below(base.sources.len())].id;
            let _ = write!(
                out,
                "(industry: {}, role: {:?}, source: {}), ",
                quote(industry.as_str()),
                roles[rng.below(roles.len())],
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
