//! The filter in words, as scope lines, chips and exported files write it: "filtered by:
//! Industry: Fintech or AI (leading industry); District: Haidian". No egui here.

use crate::i18n::{clause_separator, labelled, strings};
use crate::model::{Dataset, IndustryId, Language};
use crate::state::{Chip, FilterState, IndustryMatch, RoleScope};

/// The active filters in words for a scope line, "filtered by: Industry: Fintech or AI
/// (leading industry); District: Haidian", or `None` when no filter is set. The industries are
/// one clause, joined as the filter joins them (any: "or", all: "and"), with the roles that
/// count: a slide that said "Biomedicine" alone would let a room think only the parks it shows
/// have it.
pub fn filters_in_words(dataset: &Dataset, filter: &FilterState, language: Language) -> Option<String> {
    filter_clauses(dataset, filter, language).map(|clauses| labelled(language, strings(language).filtered_by, clauses))
}

/// The active filters in words without "filtered by" ("Industry: Fintech or AI (leading
/// industry); District: Haidian"), as a CSV's `filter` column writes them; `None` when no
/// filter is set.
pub fn filter_clauses(dataset: &Dataset, filter: &FilterState, language: Language) -> Option<String> {
    let s = strings(language);
    let mut labels = Vec::new();
    let mut industries_said = false;
    for chip in filter.chips() {
        match chip {
            Chip::Industry(_) if industries_said => {}
            Chip::Industry(_) => {
                industries_said = true;
                let names: Vec<&str> =
                    filter.industries.iter().map(|id| industry_name(dataset, id, language)).collect();
                let joiner = match filter.industry_match {
                    IndustryMatch::Any => s.industries_any,
                    IndustryMatch::All => s.industries_all,
                };
                let names = format!("{}{}", names.join(joiner), roles_in_words(filter.roles, language));
                labels.push(labelled(language, s.industry, names));
            }
            other => labels.push(chip_label(dataset, filter, &other, language)),
        }
    }
    (!labels.is_empty()).then(|| labels.join(clause_separator(language)))
}

/// An industry's name in `language`, or its id when the dataset lacks it.
fn industry_name<'d>(dataset: &'d Dataset, id: &'d IndustryId, language: Language) -> &'d str {
    dataset.industry(id).map_or(id.as_str(), |industry| industry.name.get(language))
}

/// Which roles make an industry count, after its name: " (leading industry)"; nothing when
/// any role does.
fn roles_in_words(roles: RoleScope, language: Language) -> &'static str {
    let s = strings(language);
    match roles {
        RoleScope::Leading => s.as_leading,
        RoleScope::LeadingAndKey => s.as_leading_or_key,
        RoleScope::Any => "",
    }
}

/// The words on a chip, e.g. "Industry: Fintech (leading industry)" or "Planned area: 5–30 km²".
pub fn chip_label(dataset: &Dataset, filter: &FilterState, chip: &Chip, language: Language) -> String {
    let s = strings(language);
    match chip {
        Chip::Search(text) => labelled(language, s.search, text),
        Chip::Industry(id) => {
            let name = industry_name(dataset, id, language);
            labelled(language, s.industry, format!("{name}{}", roles_in_words(filter.roles, language)))
        }
        Chip::District(id) => {
            let name = dataset.district(id).map_or(id.as_str(), |d| d.name.get(language));
            labelled(language, s.district, name)
        }
        Chip::Range(i) => {
            let Some(range) = filter.ranges.get(*i) else { return String::new() };
            let name = dataset.metric(&range.metric).map_or(range.metric.as_str(), |m| m.name.get(language));
            let unit = dataset.display_unit(&range.metric, language);
            let bound =
                |b: Option<f64>| b.map_or_else(|| "…".to_owned(), |b| crate::format::format_value(unit.value(b)));
            // Bracketed and labelled as the chip's other clauses are, full-width in Chinese.
            let missing = if range.keep_missing { format!("+{}", s.no_data) } else { String::new() };
            let missing = crate::format::after_value(&missing, language, crate::format::NoteForm::Full);
            let span = crate::format::with_unit(format!("{}–{}", bound(range.min), bound(range.max)), &unit.name);
            labelled(language, name, format!("{span}{missing}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;
    use crate::model::{DistrictId, MetricId};
    use crate::state::MetricRange;

    /// Two industries, a district and a range, as a user sets them in the filter panel.
    fn filter() -> FilterState {
        FilterState {
            industries: [IndustryId::new("ai"), IndustryId::new("biomed")].into(),
            industry_match: IndustryMatch::All,
            roles: RoleScope::Leading,
            districts: [DistrictId::new("east")].into(),
            ranges: vec![MetricRange {
                metric: MetricId::new("planned_area"),
                min: Some(5.0),
                max: None,
                keep_missing: true,
            }],
            ..FilterState::default()
        }
    }

    /// A scope line says every filter once, the industries as one clause joined as the filter
    /// joins them and with the roles that count, in either language, a Chinese line with
    /// Chinese punctuation throughout (a range's clause had ": " and "(…)").
    #[test]
    fn the_filter_reads_as_one_clause_per_kind_with_its_roles() {
        let dataset = small_dataset();
        assert_eq!(
            filters_in_words(&dataset, &filter(), Language::En).as_deref(),
            Some(
                "filtered by: Industry: Artificial intelligence and Biomedicine (leading industry); \
                 District: East; Planned area: 5–… km² (+no data)"
            )
        );
        assert_eq!(
            filter_clauses(&dataset, &filter(), Language::Zh).as_deref(),
            Some("产业：人工智能和生物医药（主导产业）；区：东区；规划面积：5–…平方公里（+无数据）")
        );
        let any = FilterState { industry_match: IndustryMatch::Any, roles: RoleScope::Any, ..filter() };
        let line = filter_clauses(&dataset, &any, Language::En).unwrap_or_default();
        assert!(line.starts_with("Industry: Artificial intelligence or Biomedicine; District"), "{line}");
    }

    /// No filter, no clause: a scope line then says nothing of filters.
    #[test]
    fn no_filter_is_said_as_none() {
        let dataset = small_dataset();
        assert_eq!(filters_in_words(&dataset, &FilterState::default(), Language::En), None);
        let only_spaces = FilterState { search: "  ".to_owned(), ..FilterState::default() };
        assert_eq!(filter_clauses(&dataset, &only_spaces, Language::Zh), None);
    }

    /// A chip names what it removes; an id the dataset lacks (a filter kept from another
    /// dataset) is shown as the id rather than dropped.
    #[test]
    fn a_chip_names_its_filter_or_the_id_it_cannot_find() {
        let dataset = small_dataset();
        let filter = filter();
        let chip = Chip::Industry(IndustryId::new("ai"));
        assert_eq!(
            chip_label(&dataset, &filter, &chip, Language::En),
            "Industry: Artificial intelligence (leading industry)"
        );
        let unknown = Chip::District(DistrictId::new("north"));
        assert_eq!(chip_label(&dataset, &filter, &unknown, Language::Zh), "区：north");
        assert_eq!(chip_label(&dataset, &filter, &Chip::Range(7), Language::En), "", "a range no longer there");
    }
}
