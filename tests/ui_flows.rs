//! The window as a user drives it, headless through `egui_kittest`: the table, sorting, search,
//! selection and the language switch.

mod common;
mod painted;
mod stated_otherwise;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use zgc_atlas::app::ParkApp;
use zgc_atlas::model::DataOrigin;
use zgc_atlas::model::{Language, ParkId, load_dataset};

use common::{Focused, Window, copy_to_temp_dir, crate_file, focused, open_app, scroll_at};
use painted::painted_texts;
use stated_otherwise::alpha_area_stated_otherwise;

fn harness(origin: DataOrigin) -> Harness<'static, ParkApp> {
    open_app(origin, Window::default())
}

fn small() -> Harness<'static, ParkApp> {
    harness(DataOrigin::File(crate_file("tests/fixtures/small.ron")))
}

/// The small fixture with Alpha Park selected: its profile open.
fn alpha_selected() -> Harness<'static, ParkApp> {
    let mut harness = small();
    harness.get_by_label("Alpha Park").click();
    harness.run();
    harness
}

/// Types into the search box the way a user does: Ctrl+F, then the text.
fn type_search(harness: &mut Harness<'_, ParkApp>, text: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search").type_text(text);
    harness.run();
}

/// Park names in the order their rows appear on screen, top to bottom.
fn row_order(harness: &Harness<'_, ParkApp>, names: &[&str]) -> Vec<String> {
    let mut rows: Vec<(f32, String)> = names
        .iter()
        .filter_map(|name| harness.query_by_label(name).map(|node| (node.rect().top(), (*name).to_owned())))
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, name)| name).collect()
}

#[test]
fn the_table_lists_every_park_of_the_real_dataset() {
    let harness = harness(DataOrigin::Embedded);
    let dataset = load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    assert!(!dataset.parks.is_empty());
    for park in &dataset.parks {
        assert!(harness.query_by_label(&park.name.en).is_some(), "{} is not listed", park.name.en);
        assert!(harness.query_by_label(&park.name.zh).is_some(), "{} is not listed", park.name.zh);
    }
    // Its rows are entries: a joint park listed as its two parts is two rows, one park.
    let count = format!("{} of {} entries match", dataset.parks.len(), dataset.parks.len());
    assert!(harness.query_by_label(&count).is_some());
    // The status bar counts a park listed as its parts once, as the dataset's title does.
    let parks = zgc_atlas::model::ParkCount::of(&dataset.parks).parks;
    assert!(parks < dataset.parks.len(), "the real dataset lists a joint park as its parts");
    let status = format!("{parks} parks ({} entries) · ", dataset.parks.len());
    assert!(harness.query_by_label_contains(&status).is_some(), "{status}");
}

#[test]
fn clicking_the_area_header_sorts_largest_first_then_reverses() {
    let mut harness = small();
    let names = ["Alpha Park", "Beta Park", "Gamma Park"];
    header(&harness, "Planned area (km²)").expect("the area header").click();
    harness.run();
    assert_eq!(row_order(&harness, &names), ["Alpha Park", "Beta Park", "Gamma Park"]);
    header(&harness, "Planned area (km²) ▼").expect("the sorted area header").click();
    harness.run();
    // Gamma has no area: it stays last in both directions.
    assert_eq!(row_order(&harness, &names), ["Beta Park", "Alpha Park", "Gamma Park"]);
    // Gamma has none of the three figures and no industry, and Beta has no income: each
    // reads "no data".
    assert_eq!(harness.get_all_by_label("no data").count(), 5);
}

/// Whether the table has a column headed `text` (the columns menu's check boxes aside).
fn has_column(harness: &Harness<'_, ParkApp>, text: &str) -> bool {
    harness
        .query_all(By::new().predicate(move |node| {
            node.role() != Role::CheckBox
                && node.label().is_some_and(|label| label.split_whitespace().collect::<Vec<_>>().join(" ") == text)
        }))
        .next()
        .is_some()
}

/// Clicks the "Columns ▼" button above the table, opening its menu.
fn open_columns_menu(harness: &mut Harness<'_, ParkApp>) {
    harness.get_by_role_and_label(Role::Button, "Columns ▼").click();
    harness.run();
}

#[test]
fn ticking_a_metric_in_the_columns_menu_adds_its_column_and_unticking_the_sorted_one_sorts_by_name() {
    let mut harness = small();
    assert!(!has_column(&harness, "Total profit (bn yuan)"), "not one of the dataset's columns");
    open_columns_menu(&mut harness);
    assert!(harness.query_by_label("3 of 4 metrics shown").is_some());
    // Each metric says how many parks it would fill: only Alpha has a profit.
    harness.get_by_role_and_label(Role::CheckBox, "Total profit (bn yuan) · 1 park").click();
    harness.run();
    assert!(has_column(&harness, "Total profit (bn yuan)"), "the ticked metric's column is shown");
    assert!(harness.query_by_label("4 of 4 metrics shown").is_some(), "the menu stays open for another tick");
    // Alpha's loss is shown as it is, in its new column.
    assert!(harness.query_by_label_contains("−2.5").or_else(|| harness.query_by_label_contains("-2.5")).is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    // Sorted by area, then the area column is hidden: the rows are in name order again.
    let names = ["Alpha Park", "Beta Park", "Gamma Park"];
    header(&harness, "Planned area (km²)").expect("the area header").click();
    harness.run();
    header(&harness, "Planned area (km²) ▼").expect("the sorted area header").click();
    harness.run();
    assert_eq!(row_order(&harness, &names), ["Beta Park", "Alpha Park", "Gamma Park"]);
    open_columns_menu(&mut harness);
    harness.get_by_role_and_label(Role::CheckBox, "Planned area (km²) · 2 parks").click();
    harness.run();
    assert!(!has_column(&harness, "Planned area (km²) ▼") && !has_column(&harness, "Planned area (km²)"));
    assert_eq!(row_order(&harness, &names), names, "sorted by name once its column is hidden");
    // No figure column at all: the names, districts and leading industries stay.
    harness.get_by_role_and_label(Role::Button, "None").click();
    harness.run();
    assert!(harness.query_by_label("0 of 4 metrics shown").is_some());
    assert_eq!(row_order(&harness, &names), names);
    assert!(harness.query_by_label("Leading industries").is_some() && harness.query_by_label("District").is_some());
    harness.get_by_role_and_label(Role::Button, "Reset to the dataset's columns").click();
    harness.run();
    assert!(has_column(&harness, "Planned area (km²)") && !has_column(&harness, "Total profit (bn yuan)"));
}

#[test]
fn ctrl_f_then_typing_narrows_the_table() {
    let mut harness = small();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    let search = harness.get_by_role_and_label(Role::TextInput, "Search");
    assert!(search.is_focused(), "Ctrl+F focuses the search box");
    search.type_text("乙");
    harness.run();
    assert!(harness.query_by_label("Beta Park").is_some());
    assert!(harness.query_by_label("Alpha Park").is_none());
    assert!(harness.query_by_label("1 of 3 parks matches").is_some());
}

/// A search pasted from elsewhere (a figure copied with its source) makes a chip cut to a line,
/// clear of the Columns button beside it, rather than one running under it.
#[test]
fn a_long_search_chip_keeps_clear_of_the_columns_button() {
    let mut harness = small();
    let long = "Alpha Park total income 630 bn yuan 2018 preliminary source First report Test Office 2019 ";
    type_search(&mut harness, &long.repeat(3));
    let chip = harness
        .query_all_by_role(Role::Button)
        .find(|node| node.accesskit_node().label().is_some_and(|label| label.starts_with("Search: ")))
        .map(|node| node.rect())
        .expect("the search's chip");
    let columns = harness.get_by_role_and_label(Role::Button, "Columns ▼").rect();
    assert!(!chip.intersects(columns), "the chip {chip:?} runs under Columns ▼ {columns:?}");
    assert!(chip.height() < 2.0 * columns.height(), "one line: {chip:?}");

    // Many chips wrap before the button, not under it.
    let dataset = harness.state().dataset().expect("loaded").clone();
    let filter = &mut harness.state_mut().state.filter;
    filter.industries.extend(dataset.industries.iter().map(|industry| industry.id.clone()));
    filter.districts.extend(dataset.districts.iter().map(|district| district.id.clone()));
    harness.run();
    let columns = harness.get_by_role_and_label(Role::Button, "Columns ▼").rect();
    let under = harness
        .query_all_by_role(Role::Button)
        .filter(|node| node.accesskit_node().label().is_some_and(|label| label.ends_with(" ×")))
        .map(|node| node.rect())
        .find(|chip| chip.intersects(columns));
    assert_eq!(under, None, "a chip under Columns ▼ {columns:?}");
}

/// A sidebar section's header reached by Tab is outlined, as a focused button is: a keyboard
/// user otherwise loses track of the focus on the way to the filters.
#[test]
fn a_focused_section_header_is_outlined() {
    fn outlines(harness: &Harness<'_, ParkApp>, around: egui::Rect, stroke: egui::Stroke) -> bool {
        fn found(shape: &egui::Shape, around: egui::Rect, stroke: egui::Stroke) -> bool {
            match shape {
                egui::Shape::Rect(rect) => rect.stroke == stroke && rect.rect.expand(1.0).contains_rect(around),
                egui::Shape::Vec(shapes) => shapes.iter().any(|shape| found(shape, around, stroke)),
                _ => false,
            }
        }
        harness.output().shapes.iter().any(|clipped| found(&clipped.shape, around, stroke))
    }
    let mut harness = small();
    let stroke = harness.ctx.global_style().visuals.selection.stroke;
    let header = harness.get_by_label("Industries");
    let around = header.rect();
    assert!(!outlines(&harness, around, stroke), "not outlined before it has focus");
    header.focus();
    harness.run();
    assert!(outlines(&harness, around, stroke), "outlined with focus");
}

/// A keyboard user finds a park by typing, then ↓ selects the first match and leaves the box,
/// so that Space pins it rather than typing a space into the search.
#[test]
fn down_from_the_search_box_selects_the_first_match_and_space_pins_it() {
    let mut harness = small();
    type_search(&mut harness, "beta");
    assert!(harness.get_by_role_and_label(Role::TextInput, "Search").is_focused());
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let beta = zgc_atlas::model::ParkId::new("beta");
    assert_eq!(harness.state().state.selected.as_ref(), Some(&beta), "the first match is selected");
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(harness.state().state.is_pinned(&beta), "Space pins it");
    assert_eq!(harness.state().state.filter.search, "beta", "the search is as typed");
    // Ctrl+F again, for the next park: what is typed replaces the last search.
    type_search(&mut harness, "alpha");
    assert_eq!(harness.state().state.filter.search, "alpha", "not \"betaalpha\"");
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(harness.state().state.is_pinned(&zgc_atlas::model::ParkId::new("alpha")), "the second pinned");
}

#[test]
fn selecting_a_park_shows_its_figures_with_their_sources() {
    let mut harness = small();
    assert!(harness.query_by_label("Select a park in the table to see its profile").is_some());
    harness.get_by_label("Alpha Park").click();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("alpha")));
    assert!(harness.query_by_label("26.1 km²").is_some());
    assert!(harness.query_by_label(">420 bn yuan").is_some());
    // The sign says "at least"; the word beside it took the room the source needs.
    assert!(harness.query_by_label("at least").is_none(), "said once, by the sign");
    assert!(harness.query_by_label("target").is_some(), "the target is shown, marked as one");
    assert!(harness.query_by_label("reported").is_none(), "a plain figure's quality is left blank");
    assert!(harness.query_by_label("2019 H1").is_some());
    // Sources: one with a web address (a link), one without.
    assert!(harness.query_all_by_role_and_label(Role::Link, "Test Office 2019").count() >= 4);
    assert!(harness.query_all_by_label("测试办公室").count() >= 2, "a source without URL is plain text");
    // The figure lines' columns are as wide as their texts, leaving the sources room to show
    // whole in a 1400-point window: five figures, one milestone and one industry cite it.
    let whole = painted_texts(&harness).into_iter().filter(|painted| painted.shown == "Test Office 2019").count();
    assert_eq!(whole, 7, "every citation of Test Office 2019 shows whole");
    assert!(harness.query_all_by_label("Artificial intelligence").count() >= 1);
    assert!(harness.query_by_label("emerging").is_some(), "industries show their role");
    assert!(harness.query_by_label("Acme").is_some());
}

/// In a 1280-point window the profile's column of sources is too narrow for the longer labels:
/// a label cut short keeps its year ("Zhonggua… 2005"), which tells two releases of one
/// publisher apart, and cuts the publisher instead. Every park's profile of the real dataset.
#[test]
fn a_source_cut_to_fit_the_profile_keeps_its_year() {
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [1280.0, 720.0], ..Window::default() });
    let dataset = load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let mut cut = 0;
    for park in &dataset.parks {
        harness.state_mut().state.selected = Some(park.id.clone());
        harness.run();
        let painted = painted_texts(&harness);
        for link in harness.get_all_by_role(Role::Link) {
            let label = link.accesskit_node().label().unwrap_or_default();
            let Some(year) = label.rsplit(' ').next().filter(|y| y.len() == 4 && y.parse::<u16>().is_ok()) else {
                continue;
            };
            // What is seen inside the link: a table cell scrolled sideways under the profile is
            // painted there too, but clipped away.
            let seen =
                |text: &&painted::PaintedText| link.rect().contains_rect(text.rect) && text.clip.intersects(text.rect);
            let mut shown: Vec<_> = painted.iter().filter(seen).collect();
            if shown.is_empty() {
                continue; // scrolled out of view: a Tab stop, not painted
            }
            shown.sort_by(|a, b| a.rect.left().total_cmp(&b.rect.left()));
            let shown: String = shown.iter().map(|text| text.shown.as_str()).collect();
            assert!(shown.ends_with(year), "{}: {label:?} reads {shown:?}", park.id);
            if shown != label {
                assert!(shown.contains('…'), "{}: {label:?} reads {shown:?}", park.id);
                cut += 1;
            }
        }
    }
    assert!(cut > 0, "some sources are cut at this width, or the test says nothing");
}

/// A profile scrolled down to its figures: selecting another park shows that park's profile
/// from its top, not at the place the last one was scrolled to. (Its name, pin and close
/// button stay above what scrolls; the first line that scrolls is its name in the other
/// language.)
#[test]
fn another_parks_profile_opens_at_its_top() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    let (names, other_names): (Vec<String>, Vec<String>) = {
        let dataset = harness.state().dataset().expect("loaded");
        dataset.parks.iter().take(2).map(|park| (park.name.en.clone(), park.name.zh.clone())).unzip()
    };
    harness.get_by_label(&names[0]).click();
    harness.run();
    // The profile's first line that scrolls: the park's other name, right of the table.
    let first_line = |harness: &Harness<'_, ParkApp>, name: &str| {
        let table_right =
            harness.get_all_by_label(&names[0]).map(|node| node.rect().left()).fold(f32::INFINITY, f32::min);
        harness.get_all_by_label(name).map(|node| node.rect()).find(|rect| rect.left() > table_right + 100.0)
    };
    let top = first_line(&harness, &other_names[0]).expect("the profile's other name");
    scroll_at(&mut harness, top.center() + egui::vec2(0.0, 300.0), 600.0);
    assert!(first_line(&harness, &other_names[0]).is_none_or(|rect| rect.top() < top.top() - 100.0), "scrolled down");
    harness.get_all_by_label(&names[1]).next().expect("in the table").click();
    harness.run();
    let shown = first_line(&harness, &other_names[1]).expect("the new profile's other name");
    assert!((shown.top() - top.top()).abs() < 1.0, "{shown:?} against {top:?}");
}

/// The source link on the profile's line of Alpha Park's 26.1 km² area.
fn alpha_area_source<'h>(harness: &'h Harness<'_, ParkApp>) -> egui_kittest::Node<'h> {
    let line = harness.get_by_label("26.1 km²").rect();
    harness
        .get_all_by_role_and_label(Role::Link, "Test Office 2019")
        .find(|link| (link.rect().center().y - line.center().y).abs() < 1.0)
        .expect("the figure's source")
}

/// The texts the last frame put on the clipboard.
fn copied_texts(harness: &Harness<'_, ParkApp>) -> Vec<String> {
    let commands = &harness.output().platform_output.commands;
    commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// A figure as the profile copies it: pasted into notes, it cites itself (park, source as
/// every view labels it, title, date and address).
const ALPHA_AREA_COPIED: &str = "Alpha Park: Planned area: 26.1 km² · 2012 · reported · Source: Test Office 2019, \
                                 “First report”, 2019-05-01, https://example.org/first";

#[test]
fn a_figure_in_the_profile_copies_with_its_source_from_its_context_menu() {
    let mut harness = alpha_selected();
    harness.get_by_label("26.1 km²").click_secondary();
    harness.run();
    harness.get_by_label("Copy this figure with its source").click();
    // One frame: the copy is in the output of the frame that saw the click.
    harness.step();
    let copied = copied_texts(&harness);
    assert_eq!(copied, [ALPHA_AREA_COPIED]);
    harness.run();
    assert!(harness.query_by_label("Copy this figure with its source").is_none(), "the menu closes");
    // The source link, where it lies on the line, offers the same menu.
    alpha_area_source(&harness).click_secondary();
    harness.run();
    assert!(harness.query_by_label("Copy this figure with its source").is_some(), "the link's right click");
}

/// A milestone of the profile's overview, painted rather than a label whose text could be
/// selected, copies from its context menu as a figure does, citing its source.
#[test]
fn a_milestone_in_the_profile_copies_with_its_source_from_its_context_menu() {
    let mut harness = alpha_selected();
    harness.get_by_label("2012-10  Approved").click_secondary();
    harness.run();
    harness.get_by_label("Copy this line with its source").click();
    harness.step();
    let copied = copied_texts(&harness);
    let cited = "Source: Test Office 2019, “First report”, 2019-05-01, https://example.org/first";
    assert_eq!(copied, [format!("Milestones: 2012-10  Approved · {cited}")]);
    harness.run();
    assert!(harness.query_by_label("Copy this line with its source").is_none(), "the menu closes");
    // Ctrl+C on the milestone's source copies it too, as on a figure's.
    let milestone = harness.get_by_label("2012-10  Approved").rect();
    harness
        .get_all_by_role_and_label(Role::Link, "Test Office 2019")
        .find(|link| (link.rect().center().y - milestone.center().y).abs() < 1.0)
        .expect("the milestone's source, after it")
        .focus();
    harness.run();
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(copied_texts(&harness), [format!("Milestones: 2012-10  Approved · {cited}")]);
    // A row without a source offers to copy the line alone.
    harness.run();
    // The profile's "East", right of the table's.
    let districts = harness.get_all_by_label("East").max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()));
    districts.expect("the profile's districts").click_secondary();
    harness.run();
    harness.get_by_label("Copy this line").click();
    harness.step();
    assert_eq!(copied_texts(&harness), ["Districts: East"]);
    harness.run();
    // The map position, in Chinese, brackets and labels as Chinese text does.
    harness.get_by_label("中文").click();
    harness.run();
    assert!(harness.query_by_label("老城（近似）：116.400°E, 39.900°N").is_some(), "the map position in Chinese");
}

#[test]
fn a_figure_whose_source_has_keyboard_focus_copies_with_ctrl_c() {
    let mut harness = alpha_selected();
    alpha_area_source(&harness).focus();
    harness.run();
    // What the platform sends for Ctrl+C.
    harness.event(egui::Event::Copy);
    harness.step();
    let copied = copied_texts(&harness);
    assert_eq!(copied, [ALPHA_AREA_COPIED]);
    // The line says it was copied, for a moment: the keyboard's copy gave no sign otherwise.
    let says_copied = |harness: &Harness<'_, ParkApp>| painted_texts(harness).iter().any(|p| p.shown == "✓ Copied");
    assert!(says_copied(&harness), "the line says it was copied");
    // The harness's clock moves a quarter second a step.
    harness.run_steps(8);
    assert!(!says_copied(&harness), "and no longer a moment later");
}

#[test]
fn a_figure_with_a_note_is_starred_and_pointing_at_its_value_shows_the_note() {
    let mut harness = alpha_selected();
    assert!(painted_texts(&harness).iter().any(|painted| painted.shown == "*"), "the noted figure is starred");
    assert!(harness.query_by_label_contains("A loss.").is_none());
    harness.get_by_label("-2.5 bn yuan").hover();
    harness.run();
    assert!(harness.query_by_label("Note: A loss.").is_some(), "the note shows on the value");
    // The Chinese window shows the note in Chinese, where the dataset gives it so.
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("-2.5十亿元").hover();
    harness.run();
    assert!(harness.query_by_label("注：亏损。").is_some(), "the Chinese note");
    assert!(harness.query_by_label_contains("A loss.").is_none(), "not the English one");
}

#[test]
fn a_table_figure_another_source_states_otherwise_is_marked_and_its_tooltip_names_both() {
    let harness = harness(alpha_area_stated_otherwise());
    let cell = harness.get_by_label("26.1 (2012) ≠");
    let tooltip = cell.accesskit_node().description().unwrap_or_default();
    assert!(tooltip.contains("Also stated for the same year:\n25 km² · 测试办公室, “第二份报告”"), "{tooltip}");
    assert!(harness.query_by_label("10 (2012)").is_some(), "a figure no source contradicts is not marked");
}

/// A table figure's caveat, marked in the profile with a *, is in its cell's tooltip too: a
/// figure quoted from the table read as plain fact.
#[test]
fn a_table_figures_tooltip_gives_its_note() {
    let mut harness = small();
    let profit = zgc_atlas::model::MetricId::new("total_profit");
    harness.state_mut().state.table_metrics = Some(vec![profit]);
    harness.run();
    let cell = harness.query_all_by_label_contains("-2.5").find(|node| node.accesskit_node().description().is_some());
    let tooltip = cell.expect("alpha's loss in the table").accesskit_node().description().unwrap_or_default();
    assert!(tooltip.lines().any(|line| line == "Note: A loss."), "{tooltip}");
}

/// A screen reader moving through the table reads each row's cells in that row, not in one
/// flat list after all the rows.
#[test]
fn a_screen_reader_finds_each_cell_inside_its_row() {
    let harness = harness(alpha_area_stated_otherwise());
    let row_of = |cell: &str| {
        let cell = harness.get_by_label(cell);
        // Screen readers pass over unnamed generic containers, as AccessKit's own filter does.
        let mut parent = cell.accesskit_node().parent();
        while let Some(node) = parent.filter(|node| node.role() == Role::GenericContainer) {
            parent = node.parent();
        }
        let row = parent.unwrap_or_else(|| panic!("{cell:?} has a parent"));
        assert_eq!(row.role(), Role::Row, "the cell {cell:?} is in a row");
        row.id()
    };
    assert_eq!(row_of("26.1 (2012) ≠"), row_of("Alpha Park"), "a park's figure is in its name's row");
    assert_ne!(row_of("Beta Park"), row_of("Alpha Park"), "each park has its own row");
}

#[test]
fn the_profile_marks_both_figures_of_a_year_that_differ_with_the_sign_the_other_views_use() {
    let mut harness = harness(alpha_area_stated_otherwise());
    harness.get_by_label("Alpha Park").click();
    harness.run();
    let marks = painted_texts(&harness).into_iter().filter(|painted| painted.shown == "≠").count();
    assert_eq!(marks, 2, "25 and 26.1 km² for 2012 are each marked");
    assert_eq!(harness.query_all_by_label("differs").count(), 2, "a screen reader says the word");
    // The marks are explained under the heading (Alpha's loss of 2018 has a note).
    let key = "* a note: point at the value to read it · ≠ another figure is stated for that year";
    assert!(harness.query_by_label(key).is_some(), "{key}");
    // Copied, the figure says what else is stated for its year.
    harness.get_by_label("26.1 km²").click_secondary();
    harness.run();
    harness.get_by_label("Copy this figure with its source").click();
    harness.step();
    let copied = copied_texts(&harness).concat();
    assert!(copied.ends_with(" · Also stated for the same year: 25 km² (测试办公室, “第二份报告”)"), "{copied}");
    // In Chinese, as a Chinese citation is written.
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("26.1平方公里").click_secondary();
    harness.run();
    harness.get_by_label("复制此数值及其来源").click();
    harness.step();
    let copied = copied_texts(&harness).concat();
    assert!(copied.starts_with("甲园：规划面积：26.1平方公里 · 2012 · "), "{copied}");
    assert!(copied.contains("来源：测试局 2019，《First report》，2019-05-01，https://example.org/first"), "{copied}");
    assert!(copied.ends_with("同年另有数值：25平方公里（测试办公室，《第二份报告》）"), "{copied}");
}

#[test]
fn switching_to_chinese_changes_ui_and_data_labels() {
    let mut harness = alpha_selected();
    harness.get_by_label("中文").click();
    harness.run();
    assert_eq!(harness.state().state.language, Language::Zh);
    // A header too wide for one line breaks before its unit, not inside it.
    assert!(harness.query_by_label("规划面积\n（平方公里）").is_some());
    assert!(harness.query_by_label("26.1平方公里").is_some());
    assert!(harness.query_by_label(">4,200亿元").is_some(), "the profile's bound, in 亿元");
    assert!(harness.query_by_label("3个园区中3个符合").is_some());
    assert!(header(&harness, "Planned area (km²)").is_none());
    harness.get_by_label("English").click();
    harness.run();
    assert!(header(&harness, "Planned area (km²)").is_some());
}

/// The Chinese window labels a source by its publisher's Chinese name where the dataset gives
/// one (s1: Test Office, 测试局), and by the name as given where it does not (s2: 测试办公室).
#[test]
fn chinese_names_a_publisher_in_chinese_where_the_dataset_does() {
    let mut harness = alpha_selected();
    assert!(harness.query_all_by_role_and_label(Role::Link, "Test Office 2019").count() >= 4);
    harness.get_by_label("中文").click();
    harness.run();
    assert_eq!(harness.query_all_by_role_and_label(Role::Link, "Test Office 2019").count(), 0);
    assert!(harness.query_all_by_role_and_label(Role::Link, "测试局 2019").count() >= 4, "every citation of s1");
    assert!(harness.query_all_by_label("测试办公室").count() >= 2, "s2 has no Chinese name of its own to give");
}

/// Chinese writes money in the unit the dataset gives it for Chinese (亿元, ten to the stored
/// 十亿元): the table's header and cell and the profile's figure alike, while English keeps the
/// stored billions.
#[test]
fn chinese_writes_money_in_the_unit_the_dataset_gives_it_in_table_and_profile() {
    let mut harness = alpha_selected();
    assert!(header(&harness, "Total income (bn yuan)").is_some());
    assert!(harness.query_by_label("630 bn yuan").is_some(), "the profile's line in English");
    assert!(harness.query_by_label_contains("630 (2018").is_some(), "the table's cell in English");
    harness.get_by_label("中文").click();
    harness.run();
    assert!(header(&harness, "总收入（亿元）").is_some(), "the header names the Chinese unit");
    assert!(harness.query_by_label("6,300亿元").is_some(), "the profile's line: 630 bn yuan is 6,300 亿元");
    assert!(harness.query_by_label_contains("6,300 (2018").is_some(), "the table's cell");
    assert!(harness.query_by_label("630十亿元").is_none(), "nor the stored figure in the stored unit");
}

#[test]
fn a_broken_file_shows_every_problem_with_its_place() {
    let harness = harness(DataOrigin::File(crate_file("tests/fixtures/bad/dangling_source.ron")));
    assert!(harness.query_by_label("The dataset could not be loaded").is_some());
    assert!(
        harness.query_by_label_contains(r#"parks[0] "solo" → observations[0]: unknown source "nowhere""#).is_some()
    );
    assert!(harness.query_by_label("No dataset is loaded").is_some());
}

/// With no dataset loaded, a slide, a presentation or an export would be of the error shown:
/// Ctrl+M must not write a slide of nothing into the broken file's deck, nor F5 put the error
/// on the projector. The user is told why nothing happened.
#[test]
fn with_no_dataset_loaded_slides_presenting_and_exports_wait() {
    let dir = copy_to_temp_dir(&[crate_file("tests/fixtures/bad/dangling_source.ron")]);
    let mut harness = harness(DataOrigin::File(dir.path().join("dangling_source.ron")));
    assert!(harness.query_by_label("The dataset could not be loaded").is_some());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(!harness.state().is_presenting(), "no error on the projector");
    let files: Vec<_> = std::fs::read_dir(dir.path()).expect("the folder").flatten().map(|e| e.file_name()).collect();
    assert_eq!(files.len(), 1, "no slides file written beside the broken dataset: {files:?}");
    assert!(harness.state().notice().is_some_and(|notice| notice.starts_with("No dataset is loaded")));
}

#[test]
fn a_missing_file_is_reported_not_a_crash() {
    let harness = harness(DataOrigin::File(crate_file("tests/fixtures/does-not-exist.ron")));
    assert!(harness.query_by_label_contains("does-not-exist.ron cannot be read").is_some());
}

#[test]
fn choosing_an_industry_narrows_the_table_and_updates_the_counts() {
    let mut harness = small();
    assert!(harness.query_by_label("East (2)").is_some(), "alpha and beta are in the east");
    harness.get_by_label("Artificial intelligence (1)").click();
    harness.run();
    assert!(harness.query_by_label("1 of 3 parks matches").is_some());
    assert_eq!(row_order(&harness, &["Alpha Park", "Beta Park", "Gamma Park"]), ["Alpha Park"]);
    // District counts now follow the industry filter; industry counts do not follow themselves.
    assert!(harness.query_by_label("East (1)").is_some());
    assert!(harness.query_by_label("West (0)").is_some());
    assert!(harness.query_by_label("Biomedicine (2)").is_some());

    // Requiring both industries, then counting only leading roles.
    harness.get_by_label("Biomedicine (2)").click();
    harness.run();
    assert!(harness.query_by_label("2 of 3 parks match").is_some(), "any of the two");
    harness.get_by_label("all").click();
    harness.run();
    assert!(harness.query_by_label("1 of 3 parks matches").is_some(), "all of the two");
    harness.get_by_label("leading").click();
    harness.run();
    assert!(harness.query_by_label("0 of 3 parks match").is_some(), "alpha's biomedicine is only emerging");
}

#[test]
fn a_filter_check_box_tells_its_state_and_space_toggles_it() {
    let mut harness = small();
    let toggled = |harness: &Harness<'_, ParkApp>| {
        harness.get_by_role_and_label(Role::CheckBox, "West (2)").accesskit_node().toggled()
    };
    assert_eq!(toggled(&harness), Some(egui::accesskit::Toggled::False));
    harness.get_by_role_and_label(Role::CheckBox, "West (2)").focus();
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(harness.query_by_label("2 of 3 parks match").is_some(), "Space on the focused box filters");
    assert_eq!(toggled(&harness), Some(egui::accesskit::Toggled::True));
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(harness.query_by_label("3 of 3 parks match").is_some(), "and again clears the filter");
}

#[test]
fn removing_a_chip_restores_the_table() {
    let mut harness = small();
    harness.get_by_label("West (2)").click();
    harness.run();
    assert!(harness.query_by_label("2 of 3 parks match").is_some());
    harness.get_by_label("District: West ×").click();
    harness.run();
    assert!(harness.query_by_label("3 of 3 parks match").is_some());
    assert!(harness.query_by_label("District: West ×").is_none());
    assert!(harness.state().state.filter.districts.is_empty());
}

#[test]
fn reset_all_clears_search_and_filters() {
    let mut harness = small();
    harness.get_by_label("West (2)").click();
    harness.run();
    type_search(&mut harness, "beta");
    assert!(harness.query_by_label("1 of 3 parks matches").is_some());
    harness.get_by_label("Reset all").click();
    harness.run();
    assert!(harness.query_by_label("3 of 3 parks match").is_some());
    assert!(!harness.state().state.filter.is_active());
}

#[test]
fn pinning_from_the_table_shows_the_pin_in_the_profile() {
    let mut harness = small();
    // The first row is Alpha (sorted by name); its star pins it.
    let mut stars: Vec<_> =
        harness.get_all_by_label("Pin for comparison").map(|n| (n.rect().top(), n.rect().center())).collect();
    stars.sort_by(|a, b| a.0.total_cmp(&b.0));
    harness.hover_at(stars[0].1);
    harness.drag_at(stars[0].1);
    harness.drop_at(stars[0].1);
    harness.run();
    assert_eq!(harness.state().state.pinned, [ParkId::new("alpha")]);
    // Alpha is now named twice: in its row and in the pinned list; either selects it.
    harness.get_all_by_label("Alpha Park").next().expect("alpha's row").click();
    harness.run();
    assert!(harness.query_by_label("★ Pinned").is_some(), "the profile shows the pin");
    assert!(
        harness.query_by_label("Pinned (1/3)").is_some(),
        "the filter panel lists it, out of the fixture's 3 parks"
    );
    harness.get_by_label("★ Pinned").click();
    harness.run();
    assert!(harness.state().state.pinned.is_empty(), "the profile unpins too");
    assert!(harness.query_by_label("☆ Pin for comparison").is_some());
}

/// With Alpha selected in the small fixture: ↓ selects Beta (and `on_beta` holds then), Space
/// pins it, ↑ selects Alpha again.
fn down_pin_and_up(harness: &mut Harness<'_, ParkApp>, on_beta: impl Fn(&Harness<'_, ParkApp>) -> bool) {
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("beta")));
    assert!(on_beta(harness), "on Beta");
    harness.key_press(egui::Key::Space);
    harness.run();
    assert_eq!(harness.state().state.pinned, [ParkId::new("beta")]);
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("alpha")));
}

#[test]
fn keyboard_moves_the_selection_pins_and_clears() {
    let mut harness = small();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("alpha")));
    down_pin_and_up(&mut harness, |_| true);

    // Esc clears the search first, then the filters.
    harness.get_by_label("West (2)").click();
    harness.run();
    type_search(&mut harness, "beta");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().state.filter.search, "");
    assert!(!harness.state().state.filter.districts.is_empty(), "the district filter stays");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().state.filter.is_active());
}

/// With the keyboard in the table (a row reached by Tab), ↑/↓ move the selection and Space
/// pins, as with nothing focused: the focus follows the selected row, and egui does not move it
/// to the widget above or below instead. A button with focus keeps Space for itself.
#[test]
fn in_the_table_the_arrows_and_space_act_on_the_selection() {
    let mut harness = small();
    // The focused row holds the named park's name cell.
    let focused_row_holds = |harness: &Harness<'_, ParkApp>, name: &str| {
        let row = harness.query_all_by_role(egui::accesskit::Role::Row).find(egui_kittest::Node::is_focused);
        row.is_some_and(|row| harness.query_all_by_label(name).any(|cell| row.rect().contains(cell.rect().center())))
    };
    harness.query_all_by_role(egui::accesskit::Role::Row).next().expect("a row").focus();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("alpha")), "a row reached is selected");
    down_pin_and_up(&mut harness, |harness| focused_row_holds(harness, "Beta Park"));

    // A button with focus: Space presses it, and pins nothing.
    harness.get_by_label("Map").focus();
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();
    assert_eq!(harness.state().state.tab, zgc_atlas::state::Tab::Map);
    assert_eq!(harness.state().state.pinned, [ParkId::new("beta")], "no pin from the button's Space");
}

#[test]
fn pinyin_initials_find_a_park() {
    let mut harness = harness(DataOrigin::Embedded);
    type_search(&mut harness, "hd");
    assert!(harness.query_by_label("Haidian Park").is_some());
    assert!(harness.query_by_label("Chaoyang Park").is_none());
}

#[test]
fn awkward_datasets_open_in_every_view_without_a_panic() {
    for name in ["zero_parks.ron", "park_without_figures.ron", "forty_industries.ron", "long_names.ron"] {
        let path = crate_file(&format!("tests/data/bad/awkward/{name}"));
        let mut harness = harness(DataOrigin::File(path));
        assert!(harness.state().dataset().is_some(), "{name} loads");
        assert!(harness.state().load_error().is_none(), "{name}");
        // A dataset of no park shows no view, only a word saying so.
        if harness.state().dataset().is_some_and(|d| d.parks.is_empty()) {
            assert!(harness.query_by_label_contains("This dataset has no parks").is_some(), "{name}");
            assert!(harness.query_by_label("Compare").is_none(), "{name}: no views of nothing");
            continue;
        }
        // Select the first park, then visit every view and plot kind.
        harness.key_press(egui::Key::ArrowDown);
        harness.run();
        for tab in ["Compare", "Map", "Table"] {
            harness.get_by_label(tab).click();
            harness.run();
            if tab == "Compare" {
                for kind in ["Time series", "Scatter", "Industry matrix", "Ranked bars"] {
                    harness.get_by_label(kind).click();
                    harness.run();
                }
            }
        }
        let shown = harness.state().visible_parks().len();
        assert_eq!(shown, harness.state().dataset().map_or(0, |d| d.parks.len()), "{name}");
    }
}

#[test]
fn the_toolbar_names_the_dataset_not_the_program() {
    // The fixture has no short title: its title heads the toolbar.
    let fixture = small();
    assert!(fixture.query_by_label("Test parks").is_some());
    assert!(fixture.query_by_label("ZGC Atlas").is_none(), "the program's name is not the dataset's");
    // The shipped dataset declares a short one.
    let shipped = harness(DataOrigin::Embedded);
    let dataset = load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let short = dataset.meta.short_title.expect("the shipped dataset has a short title");
    assert!(shipped.query_by_label(&short.en).is_some());
}

/// In the narrowest window the app allows (800 points) the top bar drops its captions and the
/// dataset's name, and the search box shrinks, rather than running under the switches; at the
/// default size it has them all.
#[test]
fn the_top_bar_fits_a_narrow_window_without_overlapping() {
    for (width, captions) in [(800.0, false), (1400.0, true)] {
        let mut harness = open_app(DataOrigin::Embedded, Window { size: [width, 600.0], ..Window::default() });
        for (language, search) in [("中文", "搜索"), ("English", "Search")] {
            harness.get_by_label(language).click();
            harness.run();
            let search = harness.get_by_role_and_label(Role::TextInput, search).rect();
            let bar: Vec<(String, egui::Rect)> = ["File", "文件", "English", "中文", "Dark", "深色", "Light", "浅色"]
                .into_iter()
                .filter_map(|label| harness.query_by_label(label).map(|node| (label.to_owned(), node.rect())))
                .chain([("search box".to_owned(), search)])
                .collect();
            assert_eq!(bar.len(), 6, "{bar:?}");
            for (i, (a, a_rect)) in bar.iter().enumerate() {
                assert!(a_rect.right() <= width + 0.5, "{a} runs past the window's edge at {width}");
                for (b, b_rect) in &bar[i + 1..] {
                    assert!(!a_rect.shrink(0.5).intersects(b_rect.shrink(0.5)), "{a} overlaps {b} at {width}");
                }
            }
            let caption = ["Language", "语言"].iter().any(|label| harness.query_by_label(label).is_some());
            assert_eq!(caption, captions, "captions at {width}");
        }
    }
}

/// A test window draws with the fonts built into the program only, so it looks the same on every
/// machine: a character none of them has (Hangul, which the system's Chinese fonts usually have)
/// shows as a box and is not looked up among the system's fonts, as the real window's is
/// (`ParkApp::for_window`).
#[test]
fn a_test_window_never_takes_a_system_font() {
    assert_eq!(zgc_atlas::glyphs::undrawable_chars("한"), ['한'], "Hangul is in no built-in font");
    let origin = DataOrigin::File(crate_file("tests/fixtures/small.ron"));
    let window = Window::default();
    let mut harness = Harness::builder()
        .with_size(window.size)
        .with_theme(window.theme)
        .allow_missing_glyphs()
        .build_eframe(move |cc| ParkApp::new(cc, origin.clone()));
    harness.run();
    type_search(&mut harness, "한");
    assert!(harness.state().visible_parks().is_empty(), "the search box holds the text");
    let discovered: Vec<String> = harness.ctx.fonts(|f| f.discovered_fonts().iter().map(|f| f.name.clone()).collect());
    assert!(discovered.is_empty(), "system fonts in a test window: {discovered:?}");
}

#[test]
fn the_profile_lists_peers_and_compares_them_in_one_click() {
    let mut harness = alpha_selected();
    assert!(harness.query_by_label("Peers").is_some());
    // Beta shares biomedicine with Alpha; Gamma shares nothing that can be compared.
    assert!(harness.query_by_label("In common: both have biomedicine, in other roles").is_some());
    // Beta's high-tech enterprises are ">450": a bound, so no ratio is claimed for them.
    assert!(harness.query_by_label("Differs: planned area 38% of Alpha Park's (2012)").is_some());
    assert!(harness.query_by_role_and_label(Role::Link, "Gamma Park").is_none(), "no peer");

    harness.get_by_label("Compare with peers").click();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.pinned, [ParkId::new("alpha"), ParkId::new("beta")]);
    assert_eq!(state.tab, zgc_atlas::state::Tab::Compare);
    assert!(harness.query_by_label("Pinned (2/3)").is_some(), "the filter panel lists both pins");

    // A peer's name selects it, and its own peers follow.
    harness.get_by_role_and_label(Role::Link, "Beta Park").click();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("beta")));
    assert!(harness.query_by_role_and_label(Role::Link, "Alpha Park").is_some());
}

/// "Compare with peers" pins the park and its peers in place of the pins the user set one by
/// one: it says which it replaced, and gives them back in one click.
#[test]
fn comparing_with_peers_names_the_pins_it_replaced_and_gives_them_back() {
    let mut harness = alpha_selected();
    harness.state_mut().state.pinned = vec![ParkId::new("gamma")];
    harness.run();
    harness.get_by_label("Compare with peers").click();
    harness.run();
    assert_eq!(harness.state().state.pinned, [ParkId::new("alpha"), ParkId::new("beta")]);
    assert!(harness.query_by_label("Alpha Park and its peers are pinned in place of Gamma Park").is_some());
    harness.get_by_label("Pin those again").click();
    harness.run();
    assert_eq!(harness.state().state.pinned, [ParkId::new("gamma")], "the user's own pins are back");
    assert_eq!(harness.state().state.tab, zgc_atlas::state::Tab::Compare, "the comparison stays open");
    assert!(harness.query_by_label("Pin those again").is_none(), "the notice is done with");
}

/// A notice told in English reads in Chinese once the user switches to 中文, and in English
/// again after switching back; the pins it offers back come back in either language.
#[test]
fn a_notice_follows_the_interface_language() {
    let mut harness = alpha_selected();
    harness.state_mut().state.pinned = vec![ParkId::new("gamma")];
    harness.run();
    harness.get_by_label("Compare with peers").click();
    harness.run();
    let english = "Alpha Park and its peers are pinned in place of Gamma Park";
    let chinese = "已固定甲园及其相近园区，取代了原先固定的丙园";
    assert!(harness.query_by_label(english).is_some());

    harness.get_by_label("中文").click();
    harness.run();
    assert_eq!(harness.state().notice(), Some(chinese));
    assert!(harness.query_by_label(chinese).is_some(), "the notice is drawn in Chinese");
    assert!(harness.query_by_label(english).is_none(), "no English left over");

    harness.get_by_label("English").click();
    harness.run();
    assert!(harness.query_by_label(english).is_some(), "back in English");
    assert!(harness.query_by_label(chinese).is_none());

    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("恢复原先的固定").click();
    harness.run();
    assert_eq!(harness.state().state.pinned, [ParkId::new("gamma")], "the pins it names are given back");
}

#[test]
fn peers_read_in_chinese_and_a_park_alike_in_nothing_says_so() {
    let mut harness = small();
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("甲园").click();
    harness.run();
    assert!(harness.query_by_label("同类园区").is_some());
    assert!(harness.query_by_label("共同点：均有生物医药，但角色不同").is_some());
    assert!(harness.query_by_label("与同类园区比较").is_some());
    harness.get_by_label("丙园").click();
    harness.run();
    assert!(harness.query_by_label("丙园未列出产业，同类园区仅按规模查找").is_some());
    assert!(harness.query_by_label("没有园区与本园有共同产业，或在同一年份规模相近").is_some());
    assert!(harness.query_by_label("与同类园区比较").is_none(), "nothing to compare");
}

/// Presses the primary button at `from`, moves to `to` and releases, a frame for each step.
fn drag(harness: &mut Harness<'_, ParkApp>, from: egui::Pos2, to: egui::Pos2) {
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::default(),
    };
    for event in [egui::Event::PointerMoved(from), button(from, true), egui::Event::PointerMoved(to), button(to, false)]
    {
        harness.event(event);
        harness.step();
    }
    harness.run();
}

/// Where the right edge of the park name column is: just right of a name's cell.
fn name_column_edge(harness: &Harness<'_, ParkApp>) -> egui::Pos2 {
    let cell = harness.get_by_label("Alpha Park").rect();
    egui::pos2(cell.right() + 4.0, cell.center().y)
}

#[test]
fn dragging_a_column_edge_resizes_it_and_a_double_click_fits_it_again() {
    // Frames a sixtieth of a second apart, as on screen: the harness's default quarter second
    // would make the two clicks of a double click too far apart.
    let window = Window::default();
    let origin = DataOrigin::File(crate_file("tests/fixtures/small.ron"));
    let mut harness = Harness::builder()
        .with_size(window.size)
        .with_theme(window.theme)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| ParkApp::new(cc, origin.clone()));
    harness.run();
    let fitted = harness.get_by_label("District").rect().left();
    let edge = name_column_edge(&harness);
    drag(&mut harness, edge, edge + egui::vec2(80.0, 0.0));
    let widened = harness.get_by_label("District").rect().left();
    assert!((widened - fitted - 80.0).abs() < 1.0, "the next column moved from {fitted} to {widened}");

    let edge = name_column_edge(&harness);
    for _ in 0..60 {
        harness.step();
    }
    harness.event(egui::Event::PointerMoved(edge));
    for pressed in [true, false, true, false] {
        harness.event(egui::Event::PointerButton {
            pos: edge,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
        harness.step();
    }
    harness.run();
    let refitted = harness.get_by_label("District").rect().left();
    assert!((refitted - fitted).abs() < 1.0, "a double click gives back the fitted width: {fitted} → {refitted}");
}

#[test]
fn a_name_cut_short_by_a_narrow_column_shows_whole_on_hover() {
    let mut harness = small();
    let whole = harness.get_by_label("Alpha Park").rect();
    harness.event(egui::Event::PointerMoved(whole.center()));
    for _ in 0..60 {
        harness.step();
    }
    assert_eq!(harness.query_all_by_label("Alpha Park").count(), 1, "a name shown whole has no tooltip");
    let edge = name_column_edge(&harness);
    let cell_left = whole.left();
    // Narrower than the name: the cell shows it cut with "…", and still reads it whole.
    drag(&mut harness, edge, egui::pos2(cell_left + 35.0, edge.y));
    harness.event(egui::Event::PointerMoved(egui::pos2(5.0, 5.0)));
    harness.run();
    let cell = harness.get_by_label("Alpha Park").rect();
    assert!(cell.width() < 40.0, "the column was narrowed to {}", cell.width());
    harness.event(egui::Event::PointerMoved(cell.center()));
    for _ in 0..60 {
        harness.step();
    }
    assert_eq!(harness.query_all_by_label("Alpha Park").count(), 2, "the cell, and a tooltip with the whole name");
}

/// The real dataset in a window too short for all its parks.
fn short_window() -> Harness<'static, ParkApp> {
    open_app(DataOrigin::Embedded, Window { size: [1400.0, 480.0], ..Window::default() })
}

fn header_lefts(harness: &Harness<'_, ParkApp>) -> Vec<f32> {
    ["Chinese name", "District", "Leading industries"].iter().map(|h| harness.get_by_label(h).rect().left()).collect()
}

#[test]
fn a_short_window_scrolls_the_table_down_and_keeps_its_columns_in_place() {
    let mut harness = short_window();
    let dataset = load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let mut names: Vec<&str> = dataset.parks.iter().map(|p| p.name.en.as_str()).collect();
    names.sort_unstable();
    let last = *names.last().expect("parks");
    assert!(harness.query_by_label(last).is_none(), "{last} is below the window at first");
    let row = harness.get_by_label(names[0]).rect().center();

    scroll_at(&mut harness, row, 2000.0);
    assert!(harness.query_by_label(last).is_some(), "scrolling down reaches {last}");
    let scrolled = header_lefts(&harness);
    scroll_at(&mut harness, row, -2000.0);
    assert!(harness.query_by_label(names[0]).is_some(), "and back up to {}", names[0]);
    assert_eq!(header_lefts(&harness), scrolled, "columns do not move back as other rows scroll in");
}

#[test]
fn pointing_at_a_rows_pin_star_keeps_the_row_hovered() {
    let mut harness = small();
    let mut stars: Vec<_> = harness.get_all_by_label("Pin for comparison").map(|n| n.rect()).collect();
    stars.sort_by(|a, b| a.top().total_cmp(&b.top()));
    harness.event(egui::Event::PointerMoved(stars[0].center()));
    harness.run();
    assert_eq!(harness.state().state.hovered, Some(ParkId::new("alpha")), "the star's row (Alpha) stays hovered");
}

/// The park of the real dataset with the most milestones, selected, at `width` × 900.
fn most_milestones_selected(width: f32) -> (Harness<'static, ParkApp>, zgc_atlas::model::Park) {
    let dataset = load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let park = dataset.parks.iter().max_by_key(|park| park.milestones.len()).expect("parks").clone();
    assert!(park.milestones.len() >= 3, "a park with several milestones");
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [width, 900.0], ..Window::default() });
    harness.get_by_label(&park.name.en).click();
    harness.run();
    (harness, park)
}

#[test]
fn a_parks_milestones_stand_one_under_the_other_evenly_spaced() {
    for width in [1400.0, 1920.0] {
        let (harness, park) = most_milestones_selected(width);
        let texts = painted_texts(&harness);
        // Each milestone's lines: its date and event, and its source after them.
        let rows: Vec<egui::Rect> = park
            .milestones
            .iter()
            .map(|milestone| {
                let index = texts
                    .iter()
                    .position(|painted| painted.shown.contains(&milestone.event.en))
                    .unwrap_or_else(|| panic!("{} is shown", milestone.event.en));
                // By their lines' room, not their ink: a source without descenders on a line of
                // its own would otherwise seem to leave a wider gap under it.
                let label = texts[index].line_box;
                // The source painted after it, unless the milestone has none and that is the next.
                let is_milestone = |text: &str| park.milestones.iter().any(|m| text.contains(&m.event.en));
                texts
                    .get(index + 1)
                    .filter(|source| !is_milestone(&source.shown))
                    .map_or(label, |source| label.union(source.line_box))
            })
            .collect();
        let gaps: Vec<f32> = rows.windows(2).map(|pair| pair[1].top() - pair[0].bottom()).collect();
        let (least, most) = gaps.iter().fold((f32::MAX, f32::MIN), |(lo, hi), gap| (lo.min(*gap), hi.max(*gap)));
        assert!(least >= 0.0, "at {width}: milestones overlap: gaps {gaps:?}");
        assert!(most - least < 2.0, "at {width}: milestones unevenly spaced: gaps {gaps:?}");
    }
}

#[test]
fn pointing_at_a_table_figure_shows_its_unit_year_and_source() {
    let mut harness = small();
    let cell = harness.get_by_label("26.1 (2012)").rect();
    harness.event(egui::Event::PointerMoved(cell.center()));
    harness.run();
    assert_eq!(harness.state().state.hovered, Some(ParkId::new("alpha")), "the row is hovered");
    assert!(
        harness.query_by_label_contains("26.1 km² · 2012").is_some(),
        "the figure's tooltip shows: {:?}",
        harness.query_all_by(|_| true).filter_map(|n| n.accesskit_node().label()).collect::<Vec<_>>()
    );
}

/// The widget labelled `text` once line breaks read as spaces: a table header puts its unit on a
/// line of its own or not depending on its column's width, which these tests are not about.
fn header<'h>(harness: &'h Harness<'_, ParkApp>, text: &'h str) -> Option<egui_kittest::Node<'h>> {
    harness.query_by(move |node| {
        node.label().is_some_and(|label| label.split_whitespace().collect::<Vec<_>>().join(" ") == text)
    })
}

/// A filter on an industry's leading role is named whole wherever the parks it chose are
/// shown: the chip, the table's scope, the chart's scope and the map's, so that a slide of the
/// parks where Biomedicine leads is not taken for all the parks that have it.
#[test]
fn a_filter_on_leading_industries_is_named_with_its_role_on_every_scope_line() {
    // The real dataset: the small fixture has no map.
    let mut harness = harness(DataOrigin::Embedded);
    harness.get_by_label_contains("Biomedicine (").click();
    harness.run();
    harness.get_by_label("leading").click();
    harness.run();
    let named = "Industry: Biomedicine (leading industry)";
    assert!(harness.query_by_label_contains(named).is_some(), "the chip or the table's scope");
    for tab in ["Compare", "Map"] {
        harness.get_by_label(tab).click();
        harness.run();
        assert!(
            harness.query_by_label_contains(&format!("filtered by: {named}")).is_some(),
            "the {tab} scope line names the filter with its role"
        );
    }
}

/// In the default window with the filter panel open, a park's figures leave their sources room
/// to be read: most source labels of the real dataset's park with the most figures show whole
/// (they read "C… 2016" when each line repeated its unit and the word for its qualifier's sign).
#[test]
fn the_profiles_sources_are_readable_in_the_default_window() {
    let mut harness = harness(DataOrigin::Embedded);
    let dataset = load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let park = dataset.parks.iter().max_by_key(|p| p.observations.len()).expect("parks");
    harness.get_by_label(&park.name.en).click();
    harness.run();
    let labels: Vec<String> = park
        .observations
        .iter()
        .filter_map(|o| dataset.source(&o.source))
        .map(|source| zgc_atlas::format::source_label(source, Language::En))
        .collect();
    let painted = painted_texts(&harness);
    let sources: Vec<_> = painted.iter().filter(|p| labels.contains(&p.text)).collect();
    assert!(sources.len() >= 5, "the source links are painted: {}", sources.len());
    let whole = sources.iter().filter(|p| p.shown == p.text).count();
    assert!(2 * whole >= sources.len(), "only {whole} of {} source labels show whole", sources.len());
}

/// A dataset without parks (which `check` calls an error) opens to a plain word about the
/// dataset, in either language, not to empty views blaming a search the user never typed.
#[test]
fn a_dataset_without_parks_says_so_instead_of_blaming_the_search() {
    let small = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("fixture");
    let (start, end) = (small.find("    parks: [").expect("parks"), small.find("    zone: ").expect("zone"));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("no-parks.ron");
    std::fs::write(&path, format!("{}    parks: [],\n{}", &small[..start], &small[end..])).expect("written");
    let mut harness = harness(DataOrigin::File(path));
    assert!(harness.query_by_label_contains("This dataset has no parks").is_some());
    assert!(harness.query_by_label_contains("No park matches").is_none());
    assert!(harness.query_by_label("0 of 0 parks match").is_none(), "no count of nothing");
    harness.get_by_label("中文").click();
    harness.run();
    assert!(harness.query_by_label_contains("此数据集没有园区").is_some());
}

/// The problems of a broken dataset are shown in the interface's language, and switching the
/// language shows them again in the other.
#[test]
fn a_broken_datasets_problems_follow_the_interfaces_language() {
    let small = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture");
    let broken = small.replacen(r#"version: "1.0.0","#, r#"version: "1.0.0""#, 1);
    let origin = DataOrigin::Memory { label: "bad.ron".to_owned(), text: broken.into() };
    let mut harness = harness(origin);
    let shown =
        |harness: &Harness<'_, ParkApp>, words: &str| harness.query_all_by_label_contains(words).next().is_some();
    assert!(shown(&harness, "expected a comma"), "English first");
    harness.get_by_label("中文").click();
    harness.run();
    assert!(
        shown(&harness, "bad.ron：第 6 行第 25 列：meta.version：此值之后缺少逗号"),
        "the place and the words in Chinese"
    );
    assert!(!shown(&harness, "expected a comma"));
    harness.get_by_label("English").click();
    harness.run();
    assert!(shown(&harness, "bad.ron:6:25: meta.version: expected a comma after this value"));
}

/// A table of every figure column is scrolled sideways to read its last columns: the park's
/// name stays in view at its left, as a spreadsheet's frozen column, so the figures still say
/// whose they are.
#[test]
fn the_park_names_stay_in_view_while_a_wide_table_scrolls_sideways() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    let every_metric = harness.state().dataset().map(zgc_atlas::state::TableMetricsChoice::all).expect("loaded");
    harness.state_mut().state.apply(&zgc_atlas::state::Action::ChooseTableMetrics(every_metric), &[]);
    harness.run();
    let name = |harness: &Harness<'_, ParkApp>| {
        painted_texts(harness).into_iter().find(|text| text.text == "Changping Park").expect("the first row's name")
    };
    let before = name(&harness);
    let at = egui::pos2(before.rect.right() + 300.0, before.rect.center().y);
    harness.event(egui::Event::PointerMoved(at));
    for _ in 0..20 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-400.0, 0.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::default(),
        });
        harness.run_steps(2);
    }
    harness.run_steps(12);
    let after = name(&harness);
    let figures_moved = painted_texts(&harness).iter().all(|text| text.text != "Chinese name");
    assert!(figures_moved, "the table scrolled sideways past its first columns");
    assert!(after.clip.contains_rect(after.rect), "the name is in view: {:?} in {:?}", after.rect, after.clip);
    assert!((after.rect.left() - before.rect.left()).abs() < 1.0, "at the table's left, where it was");
}

/// A pinned park with a long name is listed cut with "…" in the filter panel: it widened the
/// panel, and squeezed the table or chart beside it, as soon as it was pinned.
#[test]
fn pinning_a_long_named_park_does_not_widen_the_filter_panel() {
    let long = "Alpha Park of the Very Long Official Designation for Advanced Research and Industrial Cooperation";
    let text = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("fixture");
    let text = text.replacen("(en: \"Alpha Park\"", &format!("(en: \"{long}\""), 1);
    let mut harness = open_app(DataOrigin::Memory { label: "long".to_owned(), text: text.into() }, Window::default());
    let table_left = |harness: &Harness<'_, ParkApp>| harness.get_by_label("Table").rect().left();
    let before = table_left(&harness);
    harness.state_mut().state.pinned = vec![ParkId::new("alpha")];
    harness.run();
    assert!(harness.query_by_label("Pinned (1/3)").is_some());
    assert!(
        (table_left(&harness) - before).abs() < 1.0,
        "the table starts at {} after, {before} before",
        table_left(&harness)
    );
}

/// The pinned list counts out of what can be pinned: the palette's seven colours for the shipped
/// dataset, every park for a dataset of fewer (the small fixture's three, above).
#[test]
fn the_pinned_count_is_out_of_the_palette_for_a_large_dataset() {
    let mut harness = harness(DataOrigin::Embedded);
    let first = harness.state().dataset().expect("the shipped dataset").parks[0].id.clone();
    harness.state_mut().state.pinned = vec![first];
    harness.run();
    let most = zgc_atlas::state::MAX_PINS;
    assert!(harness.query_by_label(&format!("Pinned (1/{most})")).is_some());
}

/// Reached by Tab from the start, as a keyboard user reaches it, the table's first row is
/// selected (its profile opens), ↓ selects the next park with the focus following it, and Space
/// pins the focused park: what the cheat sheet (F1) promises.
#[test]
fn a_row_reached_by_tab_is_selected_and_takes_the_arrows_and_space() {
    let mut harness = small();
    let focused_row = |harness: &Harness<'_, ParkApp>| {
        harness.query_all_by_role(Role::Row).find(egui_kittest::Node::is_focused).map(|row| row.rect())
    };
    let row_holds = |harness: &Harness<'_, ParkApp>, name: &str| {
        focused_row(harness)
            .is_some_and(|row| harness.query_all_by_label(name).any(|cell| row.contains(cell.rect().center())))
    };
    let mut tabs = 0;
    while focused_row(&harness).is_none() {
        tabs += 1;
        assert!(tabs < 60, "Tab never reached a table row");
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    harness.run();
    assert!(row_holds(&harness, "Alpha Park"), "the first row is reached first");
    assert_eq!(harness.state().state.selected, Some(ParkId::new("alpha")), "a row reached by Tab is selected");
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("beta")), "↓ selects the next park");
    assert!(row_holds(&harness, "Beta Park"), "the focus follows the selection");
    harness.key_press(egui::Key::Space);
    harness.run();
    assert_eq!(harness.state().state.pinned, [ParkId::new("beta")], "Space pins the focused park");
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("alpha")), "↑ selects the previous park");
    assert!(row_holds(&harness, "Alpha Park"), "the focus follows it back");

    // From the toolbar, ↓ moves the focus down into the rows (egui's arrow navigation between
    // widgets): the row it lands on is selected, Space pins it, and ↑/↓ move on from it.
    let mut harness = small();
    for _ in 0..3 {
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    let mut downs = 0;
    while focused_row(&harness).is_none() {
        downs += 1;
        assert!(downs < 10, "↓ never reached a table row");
        harness.key_press(egui::Key::ArrowDown);
        harness.run();
    }
    harness.run();
    let parks = [("alpha", "Alpha Park"), ("beta", "Beta Park"), ("gamma", "Gamma Park")];
    let landed = parks.iter().position(|(_, name)| row_holds(&harness, name)).expect("a park's row has focus");
    let (id, name) = parks[landed];
    assert_eq!(harness.state().state.selected, Some(ParkId::new(id)), "the row ↓ reached, {name}, is selected");
    harness.key_press(egui::Key::Space);
    harness.run();
    assert_eq!(harness.state().state.pinned, [ParkId::new(id)], "Space pins the focused park");
    let (key, next) = if landed > 0 { (egui::Key::ArrowUp, landed - 1) } else { (egui::Key::ArrowDown, 1) };
    harness.key_press(key);
    harness.run();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new(parks[next].0)), "{key:?} moves on from it");
    assert!(row_holds(&harness, parks[next].1), "the focus follows the selection");
}

/// Chaoyang Park's profile cites two articles of China Daily of 2016, each stating a target of
/// 500 bn yuan for 2020: their links read apart ("China Daily 2016b", "…2016c"), in English and
/// in Chinese, where "China Daily 2016" twice left a reader to hover to tell them apart.
#[test]
fn two_sources_of_one_publisher_and_year_read_apart_in_the_profile() {
    let mut harness = harness(DataOrigin::Embedded);
    let dataset = load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let park = dataset.park(&ParkId::new("chaoyang")).expect("Chaoyang");
    let targets: Vec<_> = park
        .observations
        .iter()
        .filter(|o| o.year == 2020 && o.qualifier == zgc_atlas::model::Qualifier::Target)
        .filter_map(|o| dataset.source(&o.source))
        .collect();
    assert_eq!(targets.len(), 2, "the fixture of this test: two targets of 2020");
    harness.get_by_label(&park.name.en).click();
    harness.run();
    for language in [Language::En, Language::Zh] {
        if language == Language::Zh {
            harness.get_by_label("中文").click();
            harness.run();
        }
        let labels: Vec<String> =
            targets.iter().map(|source| zgc_atlas::format::source_label(source, language)).collect();
        assert_ne!(labels[0], labels[1], "{language:?}");
        for label in &labels {
            assert!(harness.query_all_by_role_and_label(Role::Link, label).count() >= 1, "{label} is a link");
        }
    }
}

/// In a narrow window (half a screen, a laptop) the filter panel and a park's profile leave the
/// table room to read: at 900 points the two at their usual widths left it 240, the count
/// above it a column of letters and its park names cut to a few letters. The names give way to
/// the figures down to their least width, where each still shows its first words.
#[test]
fn a_narrow_window_keeps_room_for_the_table_beside_the_filters_and_a_profile() {
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [900.0, 600.0], ..Window::default() });
    harness.state_mut().state.selected = Some(ParkId::new("haidian"));
    harness.run();
    let dataset = load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let texts = painted_texts(&harness);
    let names: Vec<_> = texts.iter().filter(|t| dataset.parks.iter().any(|p| p.name.en == t.text)).collect();
    assert!(names.len() >= 10, "a fair test: the table's rows are drawn ({})", names.len());
    for name in names {
        let kept = name.shown.trim_end_matches('…');
        assert!(name.text.starts_with(kept), "{} shown as {}", name.text, name.shown);
        assert!(kept.chars().count() >= 12.min(name.text.chars().count()), "cut to a few letters: {}", name.shown);
    }
}

/// On the ranked bars, ↓ steps down the bars as drawn, largest first, not through the table's
/// (alphabetical) order, which jumped up and down the chart.
#[test]
fn arrow_keys_step_down_the_ranked_bars_as_drawn() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    harness.state_mut().state.tab = zgc_atlas::state::Tab::Compare;
    harness.run();
    let Some(zgc_atlas::state::PlotData::Bars(series)) = harness.state().plot_data() else {
        panic!("the comparison opens on the ranked bars");
    };
    let drawn: Vec<ParkId> = series.bars.iter().take(3).map(|bar| bar.park.clone()).collect();
    assert_ne!(drawn.as_slice(), &harness.state().visible_parks()[..3], "a fair test: the orders differ");
    let mut stepped = Vec::new();
    for _ in 0..3 {
        harness.key_press(egui::Key::ArrowDown);
        harness.run();
        stepped.extend(harness.state().state.selected.clone());
    }
    assert_eq!(stepped, drawn);
}

/// Filters built up one by one and cleared at a keystroke (Esc) or a click ("Reset all") are
/// told of and given back by the notice's button or by Ctrl+Z; so are the pins "Unpin all"
/// took. A search alone, Esc's first step, is not: it is typed again as quickly.
#[test]
fn cleared_filters_and_pins_are_offered_back() {
    let mut harness = small();
    harness.get_by_label("Artificial intelligence (1)").click();
    harness.run();
    harness.get_by_label("East (1)").click();
    harness.run();
    let chosen = harness.state().state.filter.clone();
    assert_eq!((chosen.industries.len(), chosen.districts.len()), (1, 1), "a fair test: two filters on");
    type_search(&mut harness, "alp");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().state.filter, chosen, "the search went first");
    assert!(harness.query_by_label_contains("Filters cleared").is_none(), "a search alone is not offered back");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().state.filter.is_active(), "Esc cleared the filters");
    assert!(harness.query_by_label_contains("Filters cleared").is_some(), "and says so");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state.filter, chosen, "Ctrl+Z gave them back");
    assert!(harness.query_by_label_contains("Filters cleared").is_none(), "the notice went with them");
    harness.get_by_label("Reset all").click();
    harness.run();
    assert!(!harness.state().state.filter.is_active());
    harness.get_by_role_and_label(Role::Button, "Restore").click();
    harness.run();
    assert_eq!(harness.state().state.filter, chosen, "the notice's button gave them back");
    // Given back later, they would undo what the user chose since: the offer goes once the
    // filters change, and Ctrl+Z then changes nothing.
    harness.get_by_label("Reset all").click();
    harness.run();
    harness.get_by_label("West (2)").click();
    harness.run();
    let since = harness.state().state.filter.clone();
    assert!(harness.query_by_label_contains("Filters cleared").is_none(), "the notice went when the filters changed");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state.filter, since, "nothing the user chose since is undone");

    let pins = [ParkId::new("alpha"), ParkId::new("beta")];
    harness.state_mut().state.pinned = pins.to_vec();
    harness.run();
    harness.get_by_label("Unpin all").click();
    harness.run();
    assert!(harness.state().state.pinned.is_empty());
    assert!(harness.query_by_label_contains("Unpinned Alpha Park, Beta Park").is_some(), "says which");
    harness.get_by_label("Pin those again").click();
    harness.run();
    assert_eq!(harness.state().state.pinned, pins);
    harness.get_by_label("Unpin all").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state.pinned, pins, "Ctrl+Z too");
    // Another dataset opened: the offer of this one's pins goes, not to pin its ids there.
    harness.get_by_label("Unpin all").click();
    harness.run();
    assert!(harness.state().notice().is_some());
    harness.state_mut().open(DataOrigin::File(crate_file("tests/fixtures/lakeshore/lakeshore.ron")));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().state.pinned.is_empty(), "no pin of the other dataset");
}

/// A File menu item chosen by keyboard (focused, then Enter) closes the menu, as a click does:
/// left open, the next Enter ran it again.
#[test]
fn a_menu_item_chosen_by_enter_closes_the_menu() {
    let mut harness = small();
    harness.get_by_label("File").click();
    harness.run();
    let reload = "Reload (Ctrl+R)";
    harness.get_by_label(reload).focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label_contains("Reloaded").is_some(), "the item ran");
    assert!(harness.query_by_label(reload).is_none(), "and the menu closed");
}

/// Whether the app asked in its last frame for the window to close.
fn asked_to_close(harness: &Harness<'_, ParkApp>) -> bool {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|viewport| viewport.commands.iter().any(|command| matches!(command, egui::ViewportCommand::Close)))
}

/// Ctrl+Q and File › Quit close the window (saving as closing it does), and the cheat sheet
/// lists the keys: a desktop tool is quit from the keyboard, as any other.
#[test]
fn ctrl_q_and_the_file_menu_quit() {
    let mut harness = small();
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.query_by_label("Ctrl+Q").is_some(), "the cheat sheet lists Ctrl+Q");
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(!asked_to_close(&harness));
    // One event, so one frame: the frame that asks to close is the last one's output.
    harness.event(egui::Event::Key {
        key: egui::Key::Q,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::COMMAND,
    });
    harness.step();
    assert!(asked_to_close(&harness), "Ctrl+Q closes the window");

    let mut harness = small();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Quit (Ctrl+Q)").click();
    harness.step();
    assert!(asked_to_close(&harness), "File › Quit closes the window");
}

/// A file that fails to open (deleted since it was last opened) is told as such: the dataset on
/// screen stays, and the panel offers to close it, not to reload (which would read the dataset
/// on screen) nor to wait for the file to be fixed. A broken save of the open file still offers
/// Reload.
#[test]
fn a_file_that_fails_to_open_is_told_apart_from_a_broken_open_file() {
    let mut opening = small();
    opening.state_mut().open(DataOrigin::File(crate_file("tests/fixtures/does-not-exist.ron")));
    opening.run();
    assert!(opening.query_by_label("The file could not be opened").is_some());
    assert!(opening.query_by_label("The dataset on screen stays open").is_some());
    assert!(opening.query_by_label("Reload").is_none(), "Reload would read the dataset on screen");
    opening.get_by_label("Dismiss").click();
    opening.run();
    assert!(opening.state().load_error().is_none(), "closed");
    assert_eq!(opening.state().dataset().map(|d| d.parks.len()), Some(3), "the dataset stays");

    let dir = copy_to_temp_dir(&[crate_file("tests/fixtures/small.ron")]);
    let path = dir.path().join("small.ron");
    let mut broken = harness(DataOrigin::File(path.clone()));
    std::fs::write(&path, "(meta: ").expect("a broken save");
    broken.state_mut().reload();
    broken.run();
    assert!(broken.query_by_label("The dataset could not be loaded").is_some());
    assert!(broken.query_by_label("Reload").is_some(), "a broken save of the open file is reloaded once mended");
}

/// Filters cleared, then pins: the pins' notice covers the filters', and each Ctrl+Z gives one
/// back, the latest first, so neither is lost to the other.
#[test]
fn two_offers_in_turn_are_each_given_back() {
    let mut harness = small();
    harness.get_by_label("East (2)").click();
    harness.run();
    let chosen = harness.state().state.filter.clone();
    let pins = [ParkId::new("alpha")];
    harness.state_mut().state.pinned = pins.to_vec();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("Unpin all").click();
    harness.run();
    assert!(harness.state().notice().is_some_and(|notice| notice.starts_with("Unpinned")));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state.pinned, pins);
    assert!(harness.state().notice().is_some_and(|notice| notice.starts_with("Filters cleared")), "shown again");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state.filter, chosen);
    assert_eq!(harness.state().notice(), None);
}

/// A plain notice (a reload's "Reloaded") over an offer still lets it be taken: the notice keeps
/// the offer's button, which says on hover what it gives back, and Ctrl+Z gives it back beneath
/// the notice, which stays.
#[test]
fn an_offer_under_a_plain_notice_is_still_within_reach() {
    let mut harness = small();
    let pins = [ParkId::new("alpha"), ParkId::new("beta")];
    harness.state_mut().state.pinned = pins.to_vec();
    harness.run();
    harness.get_by_label("Unpin all").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::R);
    harness.run();
    assert!(harness.state().notice().is_some_and(|notice| notice.starts_with("Reloaded")), "a plain notice on top");
    assert!(harness.query_by_label("Pin those again").is_some(), "the covered offer keeps its button");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state.pinned, pins, "Ctrl+Z reached it");
    assert!(harness.state().notice().is_some_and(|notice| notice.starts_with("Reloaded")), "the notice stays");
    assert!(harness.query_by_label("Pin those again").is_none(), "the offer is spent");

    harness.get_by_label("Unpin all").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::R);
    harness.run();
    harness.get_by_label("Pin those again").click();
    harness.run();
    assert_eq!(harness.state().state.pinned, pins, "the button reached it too");
}

/// Tab moves on from a focused row, to its pin and then to the next row, as from any widget:
/// the row took the focus back, and Tab did nothing once the table had it.
#[test]
fn tab_moves_on_from_a_focused_row() {
    let mut harness = small();
    let focused = |harness: &Harness<'_, ParkApp>| focused(harness).map(|node| (node.role, node.rect.top()));
    let mut tabs = 0;
    while focused(&harness).is_none_or(|(role, _)| role != Role::Row) {
        tabs += 1;
        assert!(tabs < 60, "Tab never reached a table row");
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    let (_, first_row) = focused(&harness).expect("a row has the focus");
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(focused(&harness), Some((Role::Button, first_row)), "the row's pin");
    harness.key_press(egui::Key::Tab);
    harness.run();
    let (role, top) = focused(&harness).expect("something has the focus");
    assert!(role == Role::Row && top > first_row, "the next row: {role:?} at {top}, the first row at {first_row}");
    assert_eq!(harness.state().state.selected, Some(ParkId::new("beta")), "and it is selected");
}

/// Tab through the filter panel keeps the focused check box in view: the panel scrolls after
/// it, so Space ticks a box the user can see.
#[test]
fn the_filter_panel_scrolls_to_the_check_box_tab_reaches() {
    // The status bar under the panel, at least.
    const STATUS_BAR_ROOM: f32 = 20.0;
    let window = Window { size: [1280.0, 720.0], ..Window::default() };
    let mut harness = open_app(DataOrigin::Embedded, window);
    // The panel scrolls under the slide list, whose button is its last widget.
    let panel_top = harness.get_by_label("Save view as slide").rect().bottom();
    let mut boxes_reached = 0;
    for _ in 0..70 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        harness.run();
        let Some(Focused { role: Role::CheckBox, label, rect }) = focused(&harness) else { continue };
        boxes_reached += 1;
        assert!(
            rect.top() >= panel_top && rect.bottom() <= window.size[1] - STATUS_BAR_ROOM,
            "check box {boxes_reached}, {label:?}, is out of view at {rect:?}"
        );
    }
    assert!(boxes_reached > 30, "Tab went through the panel's boxes, past its bottom: {boxes_reached}");
}

/// With the filter panel closed, Tab goes from the toolbar's last button straight to the view's
/// tabs: the closed panel left an unseen grab handle that took a Tab and showed nothing.
#[test]
fn a_closed_filter_panel_takes_no_tab() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    harness.get_by_role_and_label(Role::Button, "Filters").click();
    harness.run();
    let focused = |harness: &Harness<'_, ParkApp>| focused(harness).and_then(|node| node.label);
    harness.get_by_role_and_label(Role::Button, "Dark").focus();
    harness.run();
    assert_eq!(focused(&harness).as_deref(), Some("Dark"), "a fair test: the toolbar's last button");
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(focused(&harness).as_deref(), Some("Table"), "the next stop is the first tab");
}

/// The zoom keys enlarge the desk's text only as far as the window has room for the layout;
/// past that, the status bar says so and how to get larger text, and Ctrl+0 brings the normal
/// size back. (The harness keeps its size in points whatever the zoom, where a real window's
/// shrinks; the steps up to the largest are unit-tested in `state::zoom`.)
#[test]
fn the_zoom_keys_stop_where_the_window_has_no_more_room() {
    let zoom = |harness: &Harness<'_, ParkApp>| harness.ctx.zoom_factor();
    let mut harness = small();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    harness.run();
    assert!((zoom(&harness) - 1.1).abs() < 1e-4, "Ctrl+= enlarges: {}", zoom(&harness));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    harness.run();
    assert!((zoom(&harness) - 0.9).abs() < 1e-4, "Ctrl+- makes smaller: {}", zoom(&harness));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.run();
    assert!((zoom(&harness) - 1.0).abs() < 1e-4, "Ctrl+0 restores: {}", zoom(&harness));
    assert_eq!(harness.state().notice(), None);

    // A window with room for the layout at its normal size only.
    let window = Window { size: [960.0, 540.0], ..Window::default() };
    let mut harness = open_app(DataOrigin::File(crate_file("tests/fixtures/small.ron")), window);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    harness.run();
    assert!((zoom(&harness) - 1.0).abs() < 1e-4, "no room to enlarge: {}", zoom(&harness));
    assert_eq!(
        harness.state().notice(),
        Some("The text is as large as this window has room for (100%): make the window larger for larger text")
    );
}
