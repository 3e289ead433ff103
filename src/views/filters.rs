//! The filter panel: industries by group with counts, districts with counts, ranges on metrics,
//! and the pinned parks. Values are edited in place (match mode, roles, a range's bounds);
//! adding and removing a filter is an action, the same one the chips above the table use.

use std::sync::Arc;

use egui::{CollapsingHeader, DragValue, RichText, TextStyle, Ui};

use crate::format::{format_count, format_value, name_with_unit};
use crate::i18n::{group_name, strings};
use crate::model::{Dataset, DisplayUnit, IndustryGroup, Language, MetricId, ParkId};
use crate::state::{Action, Chip, FacetCounts, FilterState, IndustryMatch, MAX_PINS, MetricRange, RoleScope};
use crate::views::blocks::Blocks;
use crate::views::focus::{follow_focus, outline_if_focused};
use crate::views::remembered::remembered;
use crate::views::widgets::hover::hover_text;
use crate::views::widgets::{check_box_text, check_box_ui, keep_clear_of_scroll_bar};

/// Draws the filter panel.
pub fn filters_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    filter: &mut FilterState,
    counts: &FacetCounts,
    pinned: &[ParkId],
    language: Language,
    actions: &mut Vec<Action>,
) {
    let s = strings(language);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        keep_clear_of_scroll_bar(ui);
        // The industries fill a screen or more; what lies below them is drawn only when
        // scrolled to. Nothing but these inputs changes a part's height (a count's digits
        // may wrap a name; a section opened or closed is in view, so drawn and measured).
        let text_size = TextStyle::Body.resolve(ui.style()).size;
        let ranged: Vec<&MetricId> = filter.ranges.iter().map(|range| &range.metric).collect();
        let measured_for = ("filters", dataset.revision(), language, text_size.to_bits(), counts, ranged, pinned);
        let blocks = Blocks::new(ui, measured_for);
        ui.heading(s.filters);
        industries_ui(ui, (dataset, &blocks), filter, counts, language, actions);
        blocks.show(ui, "districts", |ui| districts_ui(ui, (dataset, blocks.id()), filter, counts, language, actions));
        blocks.show(ui, "ranges", |ui| ranges_ui(ui, dataset, filter, language, actions));
        blocks.show(ui, "pinned", |ui| pinned_ui(ui, dataset, pinned, language, actions));
        follow_focus(ui);
    });
}

/// The industries, by group, each group a block of `blocks` (see [`Blocks`]).
fn industries_ui(
    ui: &mut Ui,
    (dataset, blocks): (&Dataset, &Blocks),
    filter: &mut FilterState,
    counts: &FacetCounts,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let s = strings(language);
    let section = CollapsingHeader::new(RichText::new(s.industries).strong())
        .id_salt("filter_industries")
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(s.match_label);
                ui.radio_value(&mut filter.industry_match, IndustryMatch::Any, s.match_any);
                ui.radio_value(&mut filter.industry_match, IndustryMatch::All, s.match_all);
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(s.roles_label);
                ui.radio_value(&mut filter.roles, RoleScope::Leading, s.roles_leading);
                ui.radio_value(&mut filter.roles, RoleScope::LeadingAndKey, s.roles_leading_key);
                ui.radio_value(&mut filter.roles, RoleScope::Any, s.roles_any);
            });
            // As laid out the frame before while the dataset, language, counts and room stay.
            let texts = check_box_texts(ui, ("industries", blocks.id()), || {
                dataset
                    .industries
                    .iter()
                    .map(|industry| {
                        let count = counts.industries.get(&industry.id).copied().unwrap_or(0);
                        format!("{} ({})", industry.name.get(language), format_count(count))
                    })
                    .collect()
            });
            for group in [
                IndustryGroup::InformationTechnology,
                IndustryGroup::AdvancedManufacturing,
                IndustryGroup::LifeSciences,
                IndustryGroup::EnergyAndMaterials,
                IndustryGroup::Services,
            ] {
                let members: Vec<_> =
                    dataset.industries.iter().zip(texts.iter()).filter(|(i, _)| i.group == group).collect();
                if members.is_empty() {
                    continue;
                }
                blocks.show(ui, group, |ui| {
                    ui.add_space(2.0);
                    ui.label(RichText::new(group_name(language, group)).weak());
                    for (industry, text) in members {
                        let checked = filter.industries.contains(&industry.id);
                        if check_box_ui(ui, checked, Arc::clone(text)).clicked() {
                            actions.push(Action::ToggleIndustry(industry.id.clone()));
                        }
                    }
                });
            }
        });
    outline_if_focused(ui, &section.header_response);
}

fn districts_ui(
    ui: &mut Ui,
    (dataset, blocks_id): (&Dataset, egui::Id),
    filter: &FilterState,
    counts: &FacetCounts,
    language: Language,
    actions: &mut Vec<Action>,
) {
    let s = strings(language);
    let section = CollapsingHeader::new(RichText::new(s.districts).strong())
        .id_salt("filter_districts")
        .default_open(true)
        .show(ui, |ui| {
            let texts = check_box_texts(ui, ("districts", blocks_id), || {
                dataset
                    .districts
                    .iter()
                    .map(|district| {
                        let count = counts.districts.get(&district.id).copied().unwrap_or(0);
                        format!("{} ({})", district.name.get(language), format_count(count))
                    })
                    .collect()
            });
            for (district, text) in dataset.districts.iter().zip(texts.iter()) {
                let checked = filter.districts.contains(&district.id);
                if check_box_ui(ui, checked, Arc::clone(text)).clicked() {
                    actions.push(Action::ToggleDistrict(district.id.clone()));
                }
            }
        });
    outline_if_focused(ui, &section.header_response);
}

/// The texts of check boxes laid out for the room `ui` leaves them, kept (as the `section`'s)
/// while that room and `measured_for` stay: formatting and laying them out again each frame was
/// half of what the filter panel's check boxes cost. `measured_for` is the filter panel's
/// blocks' id, which names what the texts are made from (the dataset, language, text size and
/// counts) by their hash.
fn check_box_texts(
    ui: &Ui,
    (section, measured_for): (&'static str, egui::Id),
    texts: impl FnOnce() -> Vec<String>,
) -> Arc<Vec<Arc<egui::Galley>>> {
    let room = ui.available_width().to_bits();
    remembered(ui.ctx(), egui::Id::unique(("check_box_texts", section)), (measured_for, room), |_| {
        Arc::new(texts().iter().map(|text| check_box_text(ui, text)).collect())
    })
}

fn ranges_ui(ui: &mut Ui, dataset: &Dataset, filter: &mut FilterState, language: Language, actions: &mut Vec<Action>) {
    let s = strings(language);
    let section = CollapsingHeader::new(RichText::new(s.ranges).strong())
        .id_salt("filter_ranges")
        .default_open(true)
        .show(ui, |ui| {
            for (i, range) in filter.ranges.iter_mut().enumerate() {
                ui.push_id(("range", i), |ui| {
                    if range_ui(ui, dataset, range, language) {
                        actions.push(Action::RemoveChip(Chip::Range(i)));
                    }
                });
            }
            if !filter.ranges.is_empty() {
                ui.label(RichText::new(s.range_bounds_note).small().weak());
            }
            // The caption before the drop-down, as every other control names itself.
            ui.horizontal(|ui| {
                let label = ui.label(s.add_range);
                egui::ComboBox::from_id_salt("add_range")
                    .selected_text("…")
                    .show_ui(ui, |ui| {
                        for metric in &dataset.metrics {
                            if ui.selectable_label(false, metric.name.get(language)).clicked() {
                                // Closed as a click closes it, also when picked by Enter.
                                ui.close();
                                actions.push(Action::AddRange(MetricRange::spanning(dataset, metric.id.clone())));
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        });
    outline_if_focused(ui, &section.header_response);
}

/// One range's controls; returns whether the user removed it.
fn range_ui(ui: &mut Ui, dataset: &Dataset, range: &mut MetricRange, language: Language) -> bool {
    let s = strings(language);
    let (name, unit) = dataset.metric(&range.metric).map_or_else(
        || (range.metric.to_string(), DisplayUnit::default()),
        |m| (m.name.get(language).to_owned(), m.display_unit(language)),
    );
    let mut removed = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(name_with_unit(&name, &unit.name)).strong());
            if hover_text(ui.small_button("×"), || s.remove_filter).clicked() {
                removed = true;
            }
        });
        let span = || MetricRange::latest_span(dataset, &range.metric);
        let (lowest, highest) = (|| span().map_or(0.0, |(lo, _)| lo), || span().map_or(0.0, |(_, hi)| hi));
        bound_ui(ui, s.range_min, &mut range.min, &unit, lowest);
        bound_ui(ui, s.range_max, &mut range.max, &unit, highest);
        ui.checkbox(&mut range.keep_missing, s.keep_missing);
    });
    removed
}

/// A checkbox that turns a bound on or off, and the bound's value, a stored value edited as
/// `unit` shows it. A bound switched on starts at `start` (the lowest or highest latest figure),
/// so it hides no park until moved.
fn bound_ui(ui: &mut Ui, label: &str, bound: &mut Option<f64>, unit: &DisplayUnit, start: impl Fn() -> f64) {
    ui.horizontal(|ui| {
        let mut on = bound.is_some();
        if ui.checkbox(&mut on, label).changed() {
            *bound = on.then(|| bound.unwrap_or_else(&start));
        }
        if let Some(value) = bound {
            let mut shown = unit.value(*value);
            let speed = (shown.abs() * 0.01).max(0.1);
            if ui.add(DragValue::new(&mut shown).speed(speed).custom_formatter(|v, _| format_value(v))).changed() {
                *value = unit.stored(shown);
            }
        }
    });
}

fn pinned_ui(ui: &mut Ui, dataset: &Dataset, pinned: &[ParkId], language: Language, actions: &mut Vec<Action>) {
    let s = strings(language);
    // Out of as many as can be pinned: the palette's colours, or every park of a small dataset.
    let most = MAX_PINS.min(dataset.parks.len());
    let title = format!("{} ({}/{most})", s.pinned, pinned.len());
    let section =
        CollapsingHeader::new(RichText::new(title).strong()).id_salt("filter_pins").default_open(true).show(ui, |ui| {
            if pinned.is_empty() {
                ui.weak(s.no_pins);
                return;
            }
            for id in pinned {
                let Some(park) = dataset.park(id) else { continue };
                ui.horizontal(|ui| {
                    if hover_text(ui.small_button("×"), || s.unpin).clicked() {
                        actions.push(Action::TogglePin(id.clone()));
                    }
                    // Cut with "…" at the panel's edge, whole on hover: a long name widened the
                    // panel by a third of a small window, and squeezed the chart beside it.
                    let name = park.name.get(language);
                    let response = hover_text(ui.add(egui::Button::selectable(false, name).truncate()), || name);
                    if response.clicked() {
                        actions.push(Action::Select(id.clone()));
                    }
                    if response.hovered() {
                        actions.push(Action::Hover(id.clone()));
                    }
                });
            }
            if ui.button(s.clear_pins).clicked() {
                actions.push(Action::ClearPins);
            }
        });
    outline_if_focused(ui, &section.header_response);
}
