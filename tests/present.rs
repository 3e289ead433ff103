//! Presenting in a meeting: saving views as slides, stepping through them, leaving, and the
//! CSV of what a view shows.

mod common;
mod painted;
mod stated_otherwise;

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use zgc_atlas::app::ParkApp;
use zgc_atlas::model::{DataOrigin, Qualifier, load_dataset_file};
use zgc_atlas::state::Tab;
use zgc_atlas::state::export::to_csv;
use zgc_atlas::state::slides::SlideDeck;

use common::{Window, copy_to_temp_dir, crate_file, focused, open_app, scroll_at};
use painted::painted_texts;

/// The real dataset and its outlines copied into a temporary folder, so the slides file is
/// written there.
fn dataset_in_temp_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = copy_to_temp_dir(&[crate_file("data/zgc.ron"), crate_file("data/beijing-districts.ron")]);
    let path = dir.path().join("zgc.ron");
    (dir, path)
}

fn harness(path: PathBuf) -> Harness<'static, ParkApp> {
    open_app(DataOrigin::File(path), Window::default())
}

fn save_slide(harness: &mut Harness<'_, ParkApp>, tab: &str, title: &str) {
    harness.get_by_label(tab).click();
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, "Title").focus();
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, "Title").type_text(title);
    harness.run();
    harness.get_by_label("Save view as slide").click();
    harness.run();
}

#[test]
fn slides_are_saved_beside_the_dataset_and_presented_with_page_down() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path.clone());
    save_slide(&mut harness, "Table", "All parks");
    save_slide(&mut harness, "Compare", "Income ranking");
    save_slide(&mut harness, "Map", "Where they are");

    let views = path.with_file_name("zgc.views.ron");
    let deck: SlideDeck = ron::from_str(&std::fs::read_to_string(&views).expect("written")).expect("valid RON");
    let titles: Vec<&str> = deck.slides.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["All parks", "Income ranking", "Where they are"]);

    // The slide chosen in the list at the desk, whose takeaway and notes its boxes edit.
    let chosen_at_desk = harness.state().current_slide();
    assert_eq!(chosen_at_desk, Some(2), "the slide saved last");
    // F5: presentation mode hides the toolbar and the side panels and shows the first slide.
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    // The keys and sources, in weak text, stay readable on a projector: at least 4.5:1 on white.
    let weak = harness.ctx.global_style().visuals.weak_text_color();
    // As painted on white: the colour is premultiplied, white shows through what it lacks of alpha.
    let on_white = u16::from(weak.r()) + 255 - u16::from(weak.a());
    assert!(on_white <= 0x76, "weak text {weak:?} reads lighter than #767676 (4.5:1) on white");
    assert!(harness.query_by_label("Filters").is_none(), "no toolbar");
    assert!(harness.query_by_label("Industries").is_none(), "no filter panel");
    assert!(harness.query_by_label("1 / 3").is_some());
    assert_eq!(harness.state().state.tab, Tab::Table);

    // PageDown, as presentation clickers send, steps through the slides and their views.
    harness.key_press(egui::Key::PageDown);
    harness.run();
    assert_eq!(harness.state().current_slide(), Some(1));
    assert_eq!(harness.state().state.tab, Tab::Compare);
    // The slide's own title heads it (and names it in the presenter's bar); the chart's own
    // title, which says what is plotted, leads the scope line under it.
    assert_eq!(harness.query_all_by_label("Income ranking").count(), 2, "the heading and the bar");
    assert!(harness.query_by_label_contains("Total income by park · ").is_some(), "what is plotted");
    harness.key_press(egui::Key::PageDown);
    harness.run();
    assert_eq!(harness.state().state.tab, Tab::Map);
    harness.key_press(egui::Key::PageUp);
    harness.run();
    assert_eq!(harness.state().state.tab, Tab::Compare);
    // Home and End go back to the start and on to the end.
    harness.key_press(egui::Key::Home);
    harness.run();
    assert_eq!(harness.state().current_slide(), Some(0));
    harness.key_press(egui::Key::End);
    harness.run();
    assert_eq!(harness.state().current_slide(), Some(2));

    // Esc leaves; the panels come back.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().is_presenting());
    assert!(harness.query_all_by_label("Filters").count() >= 1, "the toolbar and filter panel are back");
    assert_eq!(
        harness.state().current_slide(),
        chosen_at_desk,
        "the slide chosen before F5, not the one presented last"
    );
    assert_eq!(
        harness.ctx.style_of(egui::Theme::Light).visuals.weak_text_color,
        Some(zgc_atlas::theme::desk_weak_text(false)),
        "the desk's light theme has its own weak text back"
    );

    // A new window on the same dataset finds the slides again.
    let reopened = self::harness(path);
    assert_eq!(reopened.state().slides().slides.len(), 3);
}

/// What eframe hands `App::save`: here only a place the window state would go.
struct Discarded;

impl eframe::Storage for Discarded {
    fn get_string(&self, _key: &str) -> Option<String> {
        None
    }
    fn set_string(&mut self, _key: &str, _value: String) {}
    fn remove_string(&mut self, _key: &str) {}
    fn flush(&mut self) {}
}

/// Speaker notes typed into a slide are kept even when the field is never left: presenting
/// writes them, and so does closing the window (eframe saves the app as it closes).
#[test]
fn speaker_notes_still_being_typed_are_kept_when_presenting_or_closing() {
    let notes_in_file = |path: &std::path::Path| {
        let text = std::fs::read_to_string(path.with_file_name("zgc.views.ron")).expect("written");
        let deck: SlideDeck = ron::from_str(&text).expect("valid RON");
        deck.slides[0].notes.clone()
    };
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path.clone());
    save_slide(&mut harness, "Table", "All parks");
    harness.get_by_label("1.").click();
    harness.run();
    let notes = || egui::Role::MultilineTextInput;
    harness.get_by_role_and_label(notes(), "Speaker notes").focus();
    harness.run();
    harness.get_by_role_and_label(notes(), "Speaker notes").type_text("Open with the ranking.");
    harness.run();
    assert_eq!(notes_in_file(&path), "", "not written while typing");
    harness.key_press(egui::Key::F5);
    harness.run();
    assert_eq!(notes_in_file(&path), "Open with the ranking.", "presenting writes what was typed");
    harness.key_press(egui::Key::Escape);
    harness.run();

    harness.get_by_role_and_label(notes(), "Speaker notes").focus();
    harness.run();
    harness.get_by_role_and_label(notes(), "Speaker notes").type_text(" Then the map.");
    harness.run();
    eframe::App::save(harness.state_mut(), &mut Discarded);
    assert_eq!(notes_in_file(&path), "Open with the ranking. Then the map.", "closing writes it");
}

/// A slide saved without a title is presented under its view's own title, and named by it in
/// the presenter's bar, in the language of the moment: not "Slide 1", which changed as slides
/// moved and read as a title, nor a name fixed in the language it was saved in.
#[test]
fn an_untitled_slide_shows_its_views_title_and_is_named_by_it() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path);
    save_slide(&mut harness, "Table", "");
    assert_eq!(harness.state().slides().slides[0].title, "", "nothing made up is stored");
    harness.key_press(egui::Key::F5);
    harness.run();
    let title = "Zhongguancun: the parks and their latest figures";
    assert_eq!(harness.query_all_by_label(title).count(), 2, "the view's title, over it and in the presenter's bar");
    assert!(harness.query_by_label("Slide 1").is_none());
    // No header is a button on the slide; the sorted one keeps its arrow.
    assert!(harness.query_by_role_and_label(egui::Role::Button, "Park ▲").is_none());
    assert!(harness.query_all_by(|node| node.value().is_some_and(|text| text == "Park ▲")).count() > 0);
    harness.state_mut().state.language = zgc_atlas::model::Language::Zh;
    harness.run();
    let dataset = harness.state().dataset().expect("loaded").clone();
    let title = zgc_atlas::state::titles::table_title(&dataset, zgc_atlas::model::Language::Zh);
    assert_eq!(harness.query_all_by_label(&title).count(), 2, "named in the language of the moment: {title}");
}

/// Two titles alike in their first words read the same in the slide list's narrow fields: each
/// field says its slide's whole title on hover.
#[test]
fn a_slide_title_cut_in_the_list_is_whole_on_hover() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path);
    let title = "Biomedicine parks: total income over the years, pinned parks only";
    save_slide(&mut harness, "Table", title);
    harness.get_by_role_and_label(egui::Role::TextInput, "Rename the slide").hover();
    harness.run();
    assert!(harness.query_by_label(&format!("{title}\nRename the slide")).is_some(), "the whole title on hover");
    // In the field it is cut with "…", not in the middle of a letter; whole while edited.
    let shown = |harness: &Harness<'_, ParkApp>| {
        painted_texts(harness)
            .into_iter()
            .find(|painted| painted.text.starts_with("Biomedicine parks"))
            .map(|p| p.shown)
    };
    let cut = shown(&harness).expect("the title painted");
    assert!(cut.ends_with('…') && title.starts_with(cut.trim_end_matches('…')), "{cut}");
    harness.get_by_role_and_label(egui::Role::TextInput, "Rename the slide").click();
    harness.run();
    assert_eq!(shown(&harness).as_deref(), Some(title), "whole while edited");
}

/// The views and saving a slide are a key away, without Tab through every filter: Ctrl+1–3
/// show the table, the comparison and the map, Ctrl+M saves the view as a slide.
#[test]
fn the_views_and_saving_a_slide_have_shortcuts() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path);
    for (key, tab) in [(egui::Key::Num2, Tab::Compare), (egui::Key::Num3, Tab::Map), (egui::Key::Num1, Tab::Table)] {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
        harness.run();
        assert_eq!(harness.state().state.tab, tab);
    }
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num3);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    harness.run();
    let slides = &harness.state().slides().slides;
    assert_eq!(slides.len(), 1, "a slide saved");
    assert_eq!(slides[0].view.tab, Tab::Map, "of the view shown");
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.query_by_label("Ctrl+M").is_some(), "the cheat sheet lists it");
}

/// Saved at once with Ctrl+M, a slide's title field takes the keyboard: what is typed next
/// names the slide, and its spaces no longer pin and unpin the selected park. Enter in the new
/// slide's title field saves the slide.
#[test]
fn a_slide_saved_with_ctrl_m_is_named_by_what_is_typed_next_and_enter_saves_one() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();
    let pinned = harness.state().state.pinned.clone();
    assert_eq!(pinned.len(), 1, "a fair test: the selected park pinned");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    harness.run();
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, "Rename the slide").type_text("Top parks in view");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().state.pinned, pinned, "the title's spaces pinned nothing");
    assert_eq!(harness.state().slides().slides[0].title, "Top parks in view");

    harness.get_by_role_and_label(egui::Role::TextInput, "Title").focus();
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, "Title").type_text("Second");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let titles: Vec<&str> = harness.state().slides().slides.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Top parks in view", "Second"]);
}

/// Tab from a new slide's title goes on to its takeaway: the ↑, ↓ and × beside the title took
/// it, and a space typed next deleted the slide.
#[test]
fn tab_from_a_slides_title_goes_to_its_takeaway() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    harness.run();
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, "Rename the slide").type_text("Who leads");
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.run();
    let takeaway = focused(&harness).and_then(|node| node.label);
    assert_eq!(takeaway.as_deref(), Some("Takeaway line (empty: written from the data)"), "the focus");
    harness.key_press(egui::Key::Space);
    harness.run();
    harness.event(egui::Event::Text("Two leaders".to_owned()));
    harness.run();
    let slides = &harness.state().slides().slides;
    assert_eq!(slides.len(), 1, "the slide is still there");
    assert_eq!(slides[0].takeaway, "Two leaders", "and what is typed goes to its takeaway");
}

/// A presented table without figure columns does not state the rule for choosing its figures.
#[test]
fn a_presented_table_without_figure_columns_states_no_rule_for_figures() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    let rule = "each figure is the latest for a whole year";
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.query_by_label_contains(rule).is_some(), "with the dataset's columns");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_role_and_label(egui::Role::Button, "Columns ▼").click();
    harness.run();
    harness.get_by_role_and_label(egui::Role::Button, "None").click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.query_by_label_contains("16 parks (17 entries)").is_some(), "the scope line");
    assert!(harness.query_by_label_contains(rule).is_none(), "no figures, no rule");
    // Nor is there a CSV of figures to write: said before a file is asked for.
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export CSV of this view…").click();
    harness.run();
    let notice = harness.state().notice().unwrap_or_default().to_owned();
    assert!(notice.starts_with("Nothing exported: the table shows no figure columns"), "{notice}");
}

#[test]
fn a_slide_naming_a_park_that_is_gone_loads_with_a_notice() {
    let (_dir, path) = dataset_in_temp_dir();
    std::fs::write(
        path.with_file_name("zgc.views.ron"),
        r#"(slides: [(title: "Old", view: (pinned: ["haidian", "atlantis"]))])"#,
    )
    .expect("write");
    let harness = harness(path);
    assert_eq!(harness.state().slides().slides[0].view.pinned.len(), 1);
    let notice = harness.state().notice().expect("a notice");
    assert!(notice.contains("slide 1 \"Old\" named atlantis"), "{notice}");
}

#[test]
fn the_cheat_sheet_opens_with_f1_and_closes_with_escape() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path);
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.query_by_label("Keyboard shortcuts").is_some());
    // Listed from the table the key handler reads: the presenting keys under their heading.
    assert!(harness.query_by_label("While presenting").is_some());
    assert!(harness.query_by_label("PageDown / → / Space").is_some());
    assert!(harness.query_by_label("Next slide").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
}

/// Every CSV says what its view was of, on every row: which parks are pinned, and the filter
/// set (nine parks of one industry do not pass for the whole zone); with no filter, nothing.
#[test]
fn every_csv_says_which_parks_are_pinned_and_what_filter_was_set() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path);
    let dataset = harness.state().dataset().expect("loaded").clone();
    let industry = dataset.industries.first().expect("an industry").clone();
    let of_industry = |park: &&zgc_atlas::model::Park| park.industries.iter().any(|l| l.industry == industry.id);
    let pinned = dataset.parks.iter().find(of_industry).expect("a park of the industry").id.clone();
    harness.state_mut().state.filter.industries.insert(industry.id.clone());
    harness.state_mut().state.pinned.push(pinned.clone());
    for (tab, filtered) in [(Tab::Table, true), (Tab::Compare, true), (Tab::Map, true), (Tab::Table, false)] {
        harness.state_mut().state.tab = tab;
        if !filtered {
            harness.state_mut().state.filter.industries.clear();
        }
        harness.run();
        let table = harness.state().view_table().expect("a table");
        let column =
            |name: &str| table.headers.iter().position(|h| *h == name).unwrap_or_else(|| panic!("{tab:?}: no {name}"));
        let (park, is_pinned, filter) = (column("park_id"), column("pinned"), column("filter"));
        assert!(table.rows.iter().any(|row| row[park] == pinned.as_str()), "{tab:?}: a fair test, the pin has a row");
        for row in &table.rows {
            let expected = match row[park].as_str() {
                "" => "",
                id if id == pinned.as_str() => "true",
                _ => "false",
            };
            assert_eq!(row[is_pinned], expected, "{tab:?}: {row:?}");
            if filtered {
                assert!(
                    row[filter].starts_with("Industry: ") && row[filter].contains(industry.name.en.as_str()),
                    "{tab:?}: {row:?}"
                );
            } else {
                assert_eq!(row[filter], "", "no filter: {row:?}");
            }
        }
    }
    // The pinned parks charted whatever the filter: no filter is claimed.
    harness.state_mut().state.filter.industries.insert(industry.id.clone());
    harness.state_mut().state.tab = Tab::Compare;
    harness.state_mut().state.plot.scope = zgc_atlas::state::PlotScope::Pinned;
    harness.run();
    let table = harness.state().view_table().expect("a table");
    let filter = table.headers.iter().position(|h| *h == "filter").expect("a filter column");
    assert!(table.rows.iter().all(|row| row[filter].is_empty()), "{:?}", table.rows);
}

/// The CSV of the income bars holds, for every park, the figure the chart should show, looked up
/// here straight from the dataset file: the park's latest actual income, or "no data".
#[test]
fn the_csv_of_the_bars_matches_the_chart() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path.clone());
    harness.get_by_label("Compare").click();
    harness.run();
    assert!(harness.query_by_label("Total income by park").is_some(), "the chart shows income bars");
    let table = harness.state().view_table().expect("a table");
    let csv_bytes = to_csv(&table).expect("CSV");

    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let headers = reader.headers().expect("a header line").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name} column"));
    let (park_id, value, year, qualifier) = (column("park_id"), column("value"), column("year"), column("qualifier"));
    let all: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("valid CSV");
    // The benchmarks the chart draws (the median, the zone's figure) end the file, as rows of
    // no park named in the park column.
    let (rows, benchmarks): (Vec<_>, Vec<_>) = all.into_iter().partition(|row| !row[park_id].is_empty());
    let park = column("park");
    let named: Vec<&str> = benchmarks.iter().map(|row| &row[park]).collect();
    assert!(named.iter().any(|name| name.starts_with("Median of the")), "{named:?}");

    let dataset = load_dataset_file(&path).expect("valid");
    assert_eq!(rows.len(), dataset.parks.len(), "one row per park: a bar or \"no data\"");
    for park in &dataset.parks {
        let row =
            rows.iter().find(|r| &r[park_id] == park.id.as_str()).unwrap_or_else(|| panic!("{} has no row", park.id));
        // Actual figures only (a target or forecast is not income earned), whole years before
        // part-years (half a year's income is not a fall), then the latest year.
        let actual: Vec<_> = park
            .observations
            .iter()
            .filter(|o| o.metric.as_str() == "total_income")
            .filter(|o| !matches!(o.qualifier, Qualifier::Target | Qualifier::Forecast))
            .collect();
        let Some(latest) = actual.iter().map(|o| (o.period.is_none(), o.year)).max() else {
            assert_eq!(&row[qualifier], "no data", "{}: {row:?}", park.id);
            continue;
        };
        let shown: f64 = row[value].parse().unwrap_or_else(|e| panic!("{}: value {:?}: {e}", park.id, &row[value]));
        assert!(
            actual.iter().any(|o| (o.period.is_none(), o.year) == latest
                && (o.value - shown).abs() < 1e-9
                && o.year.to_string() == row[year]
                && o.qualifier.code() == &row[qualifier]),
            "{}: the CSV has {row:?}, not its latest actual income",
            park.id
        );
    }

    // The bars come first, largest first, as the chart ranks them; the "no data" rows last.
    let bars: Vec<f64> =
        rows.iter().take_while(|r| &r[qualifier] != "no data").map(|r| r[value].parse().expect("a number")).collect();
    assert!(bars.windows(2).all(|pair| pair[0] >= pair[1]), "ranked: {bars:?}");
    assert!(rows.iter().skip(bars.len()).all(|r| &r[qualifier] == "no data"));
}

/// The industry matrix of `origin`, presented at 1280×720.
fn presented_matrix(origin: DataOrigin) -> Harness<'static, ParkApp> {
    let mut harness = open_app(origin, Window { size: [1280.0, 720.0], ..Window::default() });
    harness.get_by_label("Compare").click();
    harness.run();
    harness.get_by_label("Industry matrix").click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    harness
}

#[test]
fn the_presented_matrix_shows_the_industries_the_most_parks_have_when_not_all_fit() {
    let harness = presented_matrix(DataOrigin::Embedded);
    let dataset = harness.state().dataset().expect("loaded").clone();
    // Not every industry fits: those the most parks have are the ones shown, whatever their
    // names (the matrix is ordered by name).
    assert!(harness.query_by_label_contains("industries shown, as many as fit").is_some());
    let parks_having = |industry: &zgc_atlas::model::IndustryId| {
        dataset.parks.iter().filter(|park| park.industries.iter().any(|link| &link.industry == industry)).count()
    };
    let (shown, left_out): (Vec<_>, Vec<_>) =
        dataset.industries.iter().filter(|industry| parks_having(&industry.id) > 0).partition(|industry| {
            harness.query_by_role_and_label(egui::accesskit::Role::Button, &industry.name.en).is_some()
        });
    let fewest_shown = shown.iter().map(|industry| parks_having(&industry.id)).min().expect("columns");
    let most_left_out = left_out.iter().map(|industry| parks_having(&industry.id)).max().expect("a cut");
    assert!(fewest_shown >= most_left_out, "a column of {fewest_shown} parks, and one of {most_left_out} left out");
}

/// With more parks than a slide can hold, the presented matrix says which rows it shows:
/// exactly the rows whole between the headers and the note, before and after the presenter
/// scrolls to the others.
#[test]
fn a_presented_matrix_of_more_parks_than_fit_says_which_rows_it_shows() {
    let (mut harness, rows) = presented_synthetic_matrix(200);
    assert_eq!(rows.len(), 200);
    // "Rows 1–9 of 200 shown; scroll for the others · 25 of 35 industries shown, …"
    let (note, first, last, note_top) = matrix_rows_note(&harness);
    assert!(note.contains(" of 200 shown"), "{note}");
    assert_eq!(first, 1);
    assert!((5..200).contains(&last), "the headers leave room for rows: {last}");
    let sources_top = harness.get_by_label_contains("Sources:").rect().top();
    assert!(note_top < sources_top, "the note is above the sources");
    assert_eq!(
        matrix_rows_drawn(&harness, &rows, note_top),
        (first..=last).collect::<Vec<_>>(),
        "the note names the rows shown"
    );
    // The presenter scrolls down to the other parks, and the note follows.
    let cells = harness.get_by_label(&rows[0]).rect();
    for (down, at_end) in [(1000.0, false), (100_000.0, true)] {
        scroll_at(&mut harness, cells.right_center() + egui::vec2(100.0, 0.0), down);
        let (note, first, last, note_top) = matrix_rows_note(&harness);
        assert!(note.contains(" of 200 shown"), "{note}");
        assert!(first > 1 && (last == 200) == at_end, "scrolled: rows {first}–{last}");
        let drawn = matrix_rows_drawn(&harness, &rows, note_top);
        assert_eq!(drawn, (first..=last).collect::<Vec<_>>(), "scrolled to {first}–{last}");
    }
}

/// The presented industry matrix of `parks` parks made from the real ones (1280×720), with its
/// rows' names in the matrix's order.
fn presented_synthetic_matrix(parks: usize) -> (Harness<'static, ParkApp>, Vec<String>) {
    let real = zgc_atlas::model::load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let text = zgc_atlas::synthetic::synthetic_ron(&real, parks);
    let harness = presented_matrix(DataOrigin::Memory { label: format!("{parks} parks"), text: text.into() });
    let dataset = harness.state().dataset().expect("loaded").clone();
    let Some(zgc_atlas::state::PlotData::Matrix(matrix)) = harness.state().plot_data() else {
        panic!("expected the matrix")
    };
    let names = matrix.parks.iter().map(|id| dataset.park(id).expect("a park").name.en.clone()).collect();
    (harness, names)
}

/// The presented matrix's note under its rows: its text, the rows it names ("Rows N–M of …",
/// from 1) and where it begins.
fn matrix_rows_note(harness: &Harness<'_, ParkApp>) -> (String, usize, usize, f32) {
    let note = harness.get_by_label_contains("scroll for the others");
    let text = note.value().unwrap_or_default();
    let range = text.split_whitespace().nth(1).expect("Rows N–M").to_owned();
    let (first, last) = range.split_once('–').expect("N–M");
    (text.clone(), first.parse().expect("N"), last.parse().expect("M"), note.rect().top())
}

/// The rows (from 1, of `names`) drawn whole between the matrix's headers and `note_top`.
fn matrix_rows_drawn(harness: &Harness<'_, ParkApp>, names: &[String], note_top: f32) -> Vec<usize> {
    let dataset = harness.state().dataset().expect("loaded");
    let headers_bottom = (dataset.industries.iter())
        .filter_map(|industry| harness.query_by_role_and_label(egui::Role::Button, &industry.name.en))
        .map(|header| header.rect().bottom())
        .fold(f32::NEG_INFINITY, f32::max);
    (1..=names.len())
        .filter(|i| {
            harness
                .query_all_by_role_and_label(egui::Role::Button, names[i - 1].as_str())
                .any(|node| node.rect().top() >= headers_bottom - 0.5 && node.rect().bottom() <= note_top + 0.5)
        })
        .collect()
}

#[test]
fn the_presented_table_has_a_title_a_scope_and_its_sources() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path);
    harness.key_press(egui::Key::F5);
    harness.run();
    // Without a slide, the title names the dataset's place.
    let dataset = harness.state().dataset().expect("loaded").clone();
    let place = dataset.meta.short_title.as_ref().unwrap_or(&dataset.meta.title).en.clone();
    assert!(harness.query_by_label(&format!("{place}: the parks and their latest figures")).is_some());
    // All the parks, counted as the official list counts them (a joint park listed as its two
    // parts is one), then the entries where they differ.
    let count = zgc_atlas::model::ParkCount::of(&dataset.parks);
    let all_parks = if count.lists_parts() {
        format!("{} parks ({} entries)", count.parks, count.entries)
    } else {
        format!("{} parks", count.parks)
    };
    assert!(harness.query_by_label_contains(&format!("{all_parks} · ")).is_some(), "{all_parks} in the scope line");
    // The pin stars are a control, left off the slide.
    assert!(harness.query_by_label("Pin for comparison").is_none(), "no pin stars on the slide");
    // The sources line names the source of a figure the table shows.
    let metric = &dataset.view_metrics().table[0];
    let cited = dataset
        .parks
        .iter()
        .find_map(|park| dataset.latest(park, metric))
        .map(|figure| figure.source)
        .expect("a figure in the first column");
    // The line names each publisher once, with the years of its sources: "China Daily 2014, 2018".
    let alone = zgc_atlas::format::source_list(
        &dataset,
        &std::collections::BTreeSet::from([cited.id.clone()]),
        zgc_atlas::model::Language::En,
    );
    // Its year as its label writes it, with the letter that tells it from another source of
    // that publisher and year ("2021a").
    let (_, year) = zgc_atlas::format::source_label_parts(cited, zgc_atlas::model::Language::En);
    let year = year.unwrap_or_default();
    let publisher = alone.strip_suffix(year.as_str()).unwrap_or(&alone).trim_end();
    // The line may break between two publishers; the break takes the place of the space.
    let sources = harness.get_by_label_contains("Sources: ").value().unwrap_or_default();
    let named =
        sources.split(';').map(str::trim_start).any(|entry| entry.starts_with(publisher) && entry.contains(&year));
    assert!(named, "{publisher} {year} in {sources}");
    // Filtered, the scope says by what.
    harness.state_mut().state.filter.search = dataset.parks[0].name.en.clone();
    harness.run();
    // The rows are entries, and are counted so where they are not all parks.
    let rows = if count.lists_parts() { "entries" } else { "parks" };
    let one_of_all = format!("1 of {} {rows} matches · filtered by: ", count.entries);
    assert!(harness.query_by_label_contains(&one_of_all).is_some(), "{one_of_all}");
    // A saved slide's title heads the table instead.
    harness.state_mut().state.filter.search.clear();
    harness.key_press(egui::Key::F5);
    harness.run();
    save_slide(&mut harness, "Table", "The parks at a glance");
    harness.key_press(egui::Key::F5);
    harness.run();
    // The heading, and the bar under the slide that names it.
    assert_eq!(harness.query_all_by_label("The parks at a glance").count(), 2);
    // The table's own title, which names the place, leads the scope line, as a chart's does.
    let scope = harness.get_by_label_contains("the parks and their latest figures · ").value().unwrap_or_default();
    assert!(scope.starts_with("Zhongguancun: the parks and their latest figures · "), "{scope}");
}

#[test]
fn a_presented_table_longer_than_the_screen_says_which_rows_it_shows() {
    let real = zgc_atlas::model::load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let text = zgc_atlas::synthetic::synthetic_ron(&real, 100);
    let origin = DataOrigin::Memory { label: "100 parks".to_owned(), text: text.into() };
    let mut harness = open_app(origin, Window { size: [1280.0, 720.0], ..Window::default() });
    harness.key_press(egui::Key::F5);
    harness.run();
    let note = harness.get_by_label_contains("scroll for the others").value().unwrap_or_default();
    let last: usize = note
        .trim_start_matches("Rows 1–")
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("Rows 1–N of 100 shown: {note}"));
    assert!(note.ends_with("of 100 shown; scroll for the others") && (5..100).contains(&last), "{note}");
    // Those rows are drawn, and no row cut short under them.
    let drawn = harness
        .state()
        .visible_parks()
        .iter()
        .filter_map(|id| harness.state().dataset().and_then(|d| d.park(id)))
        .filter(|park| harness.query_by_label(&park.name.en).is_some())
        .count();
    assert_eq!(drawn, last, "{note}");
    // The sources stay under the table, in view.
    let sources = harness.get_by_label_contains("Sources: ").rect();
    assert!(sources.bottom() <= 720.0, "{sources:?}");
    // The 17 real parks all fit: no such note.
    let mut real_parks = open_app(DataOrigin::Embedded, Window { size: [1280.0, 720.0], ..Window::default() });
    real_parks.key_press(egui::Key::F5);
    real_parks.run();
    assert!(real_parks.query_by_label_contains("scroll for the others").is_none());
}

#[test]
fn a_presented_table_explains_its_marks_and_names_the_other_values_sources() {
    let origin = stated_otherwise::alpha_area_stated_otherwise();
    let mut harness = open_app(origin, Window::default());
    // Alpha alone, whose own figures all cite the first source.
    harness.state_mut().state.filter.search = "Alpha".to_owned();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.query_by_label("26.1 (2012) ≠").is_some());
    let footer = harness.get_by_label_contains("Sources: ").value().unwrap_or_default();
    assert!(footer.starts_with("≠ another figure is stated for that year · Sources: "), "{footer}");
    assert!(footer.contains("测试办公室"), "the other value's source is named: {footer}");
}

/// A slide saved with the window in English is presented in Chinese once the window is: the
/// presenter switched for a Chinese room, and the slide must not switch back.
#[test]
fn a_slide_is_presented_in_the_language_the_window_is_in() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path);
    save_slide(&mut harness, "Compare", "Income ranking");
    harness.get_by_label("中文").click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    assert_eq!(harness.state().state.language, zgc_atlas::model::Language::Zh);
    assert!(harness.query_by_label_contains("各园区总收入 · ").is_some(), "the chart's title in Chinese");
    assert!(harness.query_by_label_contains("Total income by park").is_none(), "not in English");
    assert_eq!(harness.query_all_by_label("Income ranking").count(), 2, "the slide's own title as typed");

    // A title typed in the Chinese window is the slide's in Chinese; the English one stays.
    harness.key_press(egui::Key::Escape);
    harness.run();
    let zh = zgc_atlas::i18n::strings(zgc_atlas::model::Language::Zh);
    let field = harness.get_by_role_and_label(egui::Role::TextInput, zh.rename_slide);
    field.focus();
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, zh.rename_slide).type_text("总收入排名");
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert_eq!(harness.query_all_by_label("总收入排名").count(), 2, "the Chinese title");
    assert!(harness.query_by_label("Income ranking").is_none(), "not the English one");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert_eq!(harness.query_all_by_label("Income ranking").count(), 2, "the English title, kept");
    assert!(harness.query_by_label("总收入排名").is_none());
}

/// A slide cannot be scrolled sideways by the room: with every metric chosen, the presented
/// table shows the first figure columns that fit whole, the leading industries after them, and
/// says how many of the chosen columns it shows.
#[test]
fn a_presented_table_of_more_columns_than_fit_shows_the_first_ones_whole_and_says_so() {
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [1280.0, 720.0], ..Window::default() });
    harness.get_by_role_and_label(egui::Role::Button, "Columns ▼").click();
    harness.run();
    harness.get_by_role_and_label(egui::Role::Button, "All").click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    let dataset = harness.state().dataset().expect("loaded").clone();
    let note = harness.get_by_label_contains("figure columns chosen fit the slide").value().unwrap_or_default();
    let shown: usize = note.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{note}"));
    let total = dataset.metrics.len();
    assert!(note.starts_with(&format!("{shown} of the {total} figure columns")) && shown >= 2, "{note}");
    // The room is told what fits, not which control to use: that is for the desk.
    assert_eq!(note, format!("{shown} of the {total} figure columns chosen fit the slide"));
    for (i, metric) in dataset.metrics.iter().enumerate() {
        let name = metric.name.en.clone();
        let header = harness.query_by(move |node| {
            // A button's text is its label, a plain text's (as on a slide) its value.
            let text = if node.role() == egui::accesskit::Role::TextRun {
                None
            } else {
                node.label().or_else(|| node.value())
            };
            text.is_some_and(|label| {
                let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
                label == name || label.starts_with(&format!("{name} ("))
            })
        });
        match header {
            Some(header) => {
                assert!(i < shown, "{} is shown past the first {shown}", metric.name.en);
                assert!(header.rect().right() <= 1280.0, "{} is cut: {:?}", metric.name.en, header.rect());
            }
            None => assert!(i >= shown, "{} is one of the first {shown} but not shown", metric.name.en),
        }
    }
    let leading = harness.get_by_label("Leading industries").rect();
    assert!(leading.right() <= 1280.0, "{leading:?}");
    // The sources line cites what the slide shows: the figures of the columns that fit.
    harness.run();
    let first: Vec<_> = dataset.metrics.iter().take(shown).map(|m| m.id.clone()).collect();
    let cited = zgc_atlas::state::table_citations(&dataset, harness.state().visible_parks(), &first).sources;
    let line = zgc_atlas::format::source_list(&dataset, &cited, zgc_atlas::model::Language::En);
    let footer = harness.get_by_label_contains("Sources: ").value().unwrap_or_default();
    let footer = footer.replace(";\n", "; ");
    assert!(footer.ends_with(&format!("Sources: {line}")), "{footer}\n{line}");
    let all: Vec<_> = dataset.metrics.iter().map(|m| m.id.clone()).collect();
    let every = zgc_atlas::state::table_citations(&dataset, harness.state().visible_parks(), &all).sources;
    assert!(cited.len() < every.len(), "the columns left out cite sources of their own: a fair test");
}

/// One frame of `harness` at `time` seconds, with `events`, its input passed through the hook
/// eframe calls before each frame, as in the real window.
fn frame_at(harness: &mut Harness<'_, ParkApp>, time: f64, events: &[egui::Event]) {
    let mut input = harness.input().clone();
    input.time = Some(time);
    input.events.extend_from_slice(events);
    harness.state().steer_pointer(&harness.ctx, &mut input);
    *harness.input_mut() = input;
    harness.step();
}

/// The park of the table's first row hovered: the mouse moved onto its name, one frame later.
/// Returns the park, its name, where the mouse is and the time of the first frame.
fn point_at_the_first_row(harness: &mut Harness<'_, ParkApp>) -> (zgc_atlas::model::ParkId, String, egui::Pos2, f64) {
    let dataset = harness.state().dataset().expect("loaded").clone();
    let park = harness.state().visible_parks()[0].clone();
    let name = dataset.park(&park).expect("visible").name.get(harness.state().state.language).to_owned();
    let row = harness.get_by_label(&name).rect().center();
    let start = harness.ctx.input(|input| input.time) + 1.0;
    frame_at(harness, start, &[egui::Event::PointerMoved(row)]);
    frame_at(harness, start + 0.1, &[]);
    assert_eq!(harness.state().state.hovered, Some(park.clone()), "pointing at a row outlines it");
    (park, name, row, start)
}

/// A presenter holding a clicker leaves the mouse where it was: after a few seconds at rest
/// the slide shows no tooltip and no row, bar or district outlined, until the mouse moves.
#[test]
fn a_mouse_at_rest_on_a_slide_points_at_nothing_until_it_moves() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    let (park, name, row, start) = point_at_the_first_row(&mut harness);
    let hovered = |harness: &Harness<'_, ParkApp>| harness.state().state.hovered.clone();
    frame_at(&mut harness, start + 2.0, &[]);
    assert_eq!(hovered(&harness), Some(park.clone()), "still pointing, two seconds on");
    frame_at(&mut harness, start + 3.5, &[]);
    frame_at(&mut harness, start + 3.6, &[]);
    assert_eq!(hovered(&harness), None, "at rest: nothing outlined");
    frame_at(&mut harness, start + 10.0, &[]);
    assert_eq!(hovered(&harness), None, "still at rest");
    frame_at(&mut harness, start + 11.0, &[egui::Event::PointerMoved(row + egui::vec2(4.0, 0.0))]);
    frame_at(&mut harness, start + 11.1, &[]);
    assert_eq!(hovered(&harness), Some(park.clone()), "moved again: pointing again");

    // At the desk a mouse at rest keeps pointing: the table's rows stay outlined under it.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().is_presenting());
    let row = harness.get_by_label(&name).rect().center();
    frame_at(&mut harness, start + 20.0, &[egui::Event::PointerMoved(row)]);
    frame_at(&mut harness, start + 20.1, &[]);
    frame_at(&mut harness, start + 30.0, &[]);
    frame_at(&mut harness, start + 30.1, &[]);
    assert_eq!(hovered(&harness), Some(park), "at the desk");
}

/// An exported image never shows what the mouse happened to be over (the menu item that asked
/// for it lies over the view): while it is made, no row is hovered.
#[test]
fn an_export_shows_no_row_hovered_under_the_mouse() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    let (_, _, row, start) = point_at_the_first_row(&mut harness);
    let hovered = |harness: &Harness<'_, ParkApp>| harness.state().state.hovered.clone();

    let dir = tempfile::tempdir().expect("temp dir");
    harness.state_mut().request_png(dir.path().join("view.png"), zgc_atlas::state::ImageSize::Window);
    frame_at(&mut harness, start + 0.2, &[]);
    frame_at(&mut harness, start + 0.3, &[egui::Event::PointerMoved(row + egui::vec2(2.0, 0.0))]);
    assert!(harness.state().is_capturing(), "still making the image");
    assert_eq!(hovered(&harness), None, "the image shows no row hovered, the mouse moved or not");
    assert!(harness.ctx.input(|input| input.pointer.hover_pos()).is_none(), "egui sees no pointer over the window");
}

/// A slide has no column of pin stars (a control): the pinned parks' names carry the star
/// instead, in the presented table and in the presented matrix, with its key, so the parks
/// being compared stand out from the others.
#[test]
fn a_slide_marks_the_pinned_parks_in_its_table_and_its_matrix() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    let dataset = harness.state().dataset().expect("loaded").clone();
    let language = harness.state().state.language;
    let s = zgc_atlas::i18n::strings(language);
    let visible = harness.state().visible_parks().to_vec();
    let pinned = vec![visible[1].clone(), visible[3].clone()];
    harness.state_mut().state.pinned.clone_from(&pinned);
    harness.run();
    let name = |id: &zgc_atlas::model::ParkId| dataset.park(id).expect("listed").name.get(language).to_owned();
    // At the desk the star column tells, and the names are as they are.
    assert!(harness.query_by_label_contains("★ ").is_none());

    harness.key_press(egui::Key::F5);
    harness.run();
    for id in &visible {
        let starred = harness.query_by_label(&format!("★ {}", name(id))).is_some();
        assert_eq!(starred, pinned.contains(id), "{id:?} in the table");
        if !pinned.contains(id) {
            assert!(harness.query_by_label(&name(id)).is_some(), "{id:?} named plainly");
        }
    }
    assert!(harness.query_by_label_contains(s.pinned_mark_key).is_some(), "the star's key");
    // The highlighted row is keyed only while a park is selected.
    assert!(harness.query_by_label_contains(s.selected_row_key).is_none(), "no park selected");
    harness.state_mut().state.selected = Some(visible[2].clone());
    harness.run();
    assert!(harness.query_by_label_contains(s.selected_row_key).is_some(), "the highlight's key");

    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label(s.tab_compare).click();
    harness.run();
    harness.state_mut().state.plot.kind = zgc_atlas::state::PlotKind::Matrix;
    harness.run();
    // At the desk as on the slide: every other chart sets the pinned parks apart too.
    for place in ["at the desk", "on the slide"] {
        if place == "on the slide" {
            harness.key_press(egui::Key::F5);
            harness.run();
        }
        for id in &visible {
            let starred = harness.query_by_label(&format!("★ {}", name(id))).is_some();
            assert_eq!(starred, pinned.contains(id), "{id:?} in the matrix {place}");
        }
    }
    assert!(harness.query_by_label_contains(s.pinned_mark_key).is_some(), "the star's key");
}

/// A slides file broken in one slide (edited by hand) opens with its other slides, says so,
/// and is backed up whole before the deck is saved again.
#[test]
fn a_slides_file_broken_in_one_slide_opens_with_the_others() {
    let (_dir, path) = dataset_in_temp_dir();
    let views = path.with_file_name("zgc.views.ron");
    let text =
        "(slides: [\n    (title: \"Kept\", view: (tab: Compare)),\n    (title: \"Broken\", view: (tab: Nowhere)),\n])";
    std::fs::write(&views, text).expect("write");
    let mut harness = harness(path);
    let titles: Vec<String> = harness.state().slides().slides.iter().map(|slide| slide.title.clone()).collect();
    assert_eq!(titles, ["Kept"]);
    let notice = harness.state().notice().expect("a notice").to_owned();
    assert!(notice.contains("1 of its 2 slides are shown"), "{notice}");
    assert!(notice.contains("zgc.views.ron:3:"), "where it is broken: {notice}");
    save_slide(&mut harness, "Map", "New");
    let backup = std::fs::read_to_string(views.with_extension("ron.bak")).expect("the broken file, backed up");
    assert_eq!(backup, text, "kept as it was");
    let written = std::fs::read_to_string(&views).expect("written");
    assert!(written.contains("\"Kept\"") && written.contains("\"New\""), "{written}");
}

/// A long notice (a slides file that could not be read, with its path and the parser's
/// message) is never cut at the window's edge: it wraps, whole, inside the window.
#[test]
fn a_long_notice_wraps_inside_the_window() {
    let (_dir, path) = dataset_in_temp_dir();
    std::fs::write(
        path.with_file_name("zgc.views.ron"),
        r#"(slides: [(title: "Where", view: (tab: Map, map: (value: Metric("total_income"))))])"#,
    )
    .expect("write");
    let width = 1000.0;
    let mut harness = open_app(DataOrigin::File(path), Window { size: [width, 700.0], ..Window::default() });
    harness.run();
    let notice = harness.state().notice().expect("a notice").to_owned();
    assert!(notice.contains("zgc.views.ron:1:"), "{notice}");
    let shown = harness.get_by_label(&notice);
    assert!(shown.rect().right() <= width, "cut at the window's edge: {:?}", shown.rect());
    let line = harness.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
    assert!(shown.rect().height() > 1.5 * line, "on more than one line: {:?}", shown.rect());
    // Its dismiss button is in the window too.
    let dismiss = harness.get_by_label(zgc_atlas::i18n::strings(harness.state().state.language).dismiss).rect();
    assert!(dismiss.right() <= width, "{dismiss:?}");
}

/// A figure column's header keeps its unit whole on a line of its own, at the desk and on a
/// slide, in Chinese too, whose lines break between any characters: over a column of short
/// figures "（平方公里）" broke as "（平方公 / 里）".
#[test]
fn a_table_headers_unit_is_never_broken() {
    for (size, present) in [([1400.0, 860.0], false), ([1400.0, 860.0], true), ([1280.0, 720.0], true)] {
        let mut harness = open_app(DataOrigin::Embedded, Window { size, ..Window::default() });
        harness.get_by_label("中文").click();
        harness.run();
        if present {
            harness.key_press(egui::Key::F5);
            harness.run();
        }
        let dataset = harness.state().dataset().expect("loaded").clone();
        let units: Vec<String> = harness
            .state()
            .state
            .table_metrics(&dataset)
            .iter()
            .filter_map(|id| dataset.metric(id))
            .map(|metric| dataset.display_unit(&metric.id, zgc_atlas::model::Language::Zh).name)
            .filter(|unit| !unit.is_empty() && unit.chars().count() > 1)
            .collect();
        assert!(!units.is_empty(), "a fair test: units of more than one character");
        let painted = painted_texts(&harness);
        let mut found = 0;
        for unit in &units {
            let bracketed = format!("（{unit}）");
            let header = painted.iter().find(|p| p.text.contains(&bracketed));
            let Some(header) = header else { continue };
            found += 1;
            assert!(
                header.lines.iter().any(|line| line.contains(&bracketed)),
                "at {size:?}, presented {present}: {:?} breaks {bracketed}",
                header.lines
            );
        }
        assert!(found >= 2, "at {size:?}: a fair test, headers with units painted");
    }
}

/// On a slide, a row whose text is cut takes more lines where the slide has room, row by row,
/// and a table a little too tall for the slide shrinks its text a little to show whole: the
/// real parks presented on a 1920×1080 screen, where two lines for every row would not fit,
/// show every park and each leading industries text whole, some on more than one line.
#[test]
fn a_presented_tables_texts_show_whole_on_the_lines_the_slide_has_room_for() {
    for chinese in [false, true] {
        let mut harness = open_app(DataOrigin::Embedded, Window { size: [1920.0, 1080.0], ..Window::default() });
        if chinese {
            harness.get_by_label("中文").click();
            harness.run();
        }
        harness.key_press(egui::Key::F5);
        harness.run();
        let dataset = harness.state().dataset().expect("loaded").clone();
        let language = harness.state().state.language;
        let s = zgc_atlas::i18n::strings(language);
        let painted = painted_texts(&harness);
        let mut whole_on_more_lines = 0;
        let mut rows_bottom = 0.0_f32;
        for park in &dataset.parks {
            let name = harness.get_by_label(park.name.get(language)).rect();
            rows_bottom = rows_bottom.max(name.bottom());
            let leading: Vec<&str> = (park.industries.iter())
                .filter(|link| zgc_atlas::state::RoleScope::Leading.includes(link.role))
                .filter_map(|link| dataset.industry(&link.industry))
                .map(|industry| industry.name.get(language))
                .collect();
            let leading = leading.join(zgc_atlas::i18n::list_separator(language));
            let Some(text) = painted.iter().find(|text| !leading.is_empty() && text.text == leading) else {
                continue;
            };
            rows_bottom = rows_bottom.max(text.rect.bottom());
            assert!(!text.shown.ends_with('…'), "{language:?}: cut: {:?}", text.lines);
            whole_on_more_lines += usize::from(text.lines.len() > 1);
        }
        assert!(whole_on_more_lines >= 1, "{language:?}: no text is whole on more lines: a fair test");
        let rows_note = s.table_rows_shown.split('{').next().unwrap_or_default();
        assert!(harness.query_by_label_contains(rows_note).is_none(), "{language:?}: every row is shown");
        // The rows, however tall, end above the sources line.
        let sources = harness.get_by_label_contains(s.footer_sources).rect();
        assert!(rows_bottom <= sources.top(), "rows end at {rows_bottom}, the sources begin at {}", sources.top());
    }
}

/// A table slide with a title of its own, which moves the view's title into the scope line and
/// makes it two lines, still shows every text whole: it cut three industries and a district.
#[test]
fn a_table_slide_with_its_own_title_shows_its_texts_whole() {
    for size in [[1920.0, 1080.0], [1280.0, 720.0]] {
        let (_dir, path) = dataset_in_temp_dir();
        std::fs::write(
            path.with_file_name("zgc.views.ron"),
            r#"(slides: [(title: "All parks at a glance", view: (tab: Table))])"#,
        )
        .expect("a slides file");
        let mut harness = open_app(DataOrigin::File(path), Window { size, ..Window::default() });
        harness.key_press(egui::Key::F5);
        harness.run();
        assert!(harness.query_all_by_label("All parks at a glance").next().is_some(), "the slide's title");
        let painted = painted_texts(&harness);
        let cut: Vec<&str> =
            painted.iter().filter(|text| text.shown.ends_with('…')).map(|text| text.shown.as_str()).collect();
        assert!(cut.is_empty(), "{size:?}: cut {cut:?}");
    }
}

/// A presented table of a few parks grows its text into the slide's empty room, though one
/// of its texts already takes several lines: the real parks of one industry filter at
/// 1920×1080, where the longest leading industries wrap onto three lines at the body size.
#[test]
fn a_presented_table_of_a_few_parks_grows_into_the_slide() {
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [1920.0, 1080.0], ..Window::default() });
    harness.get_by_label_contains("Aerospace and aviation (").click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    let dataset = harness.state().dataset().expect("loaded").clone();
    let shown = harness.state().visible_parks().len();
    assert!((2..=6).contains(&shown), "a few parks: {shown}");
    let body = harness.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
    let painted = painted_texts(&harness);
    let names: Vec<_> =
        (dataset.parks.iter()).filter_map(|park| painted.iter().find(|text| text.text == park.name.en)).collect();
    assert_eq!(names.len(), shown, "every listed park's name is painted");
    let name_size = names[0].font_size;
    assert!(name_size > 1.2 * body, "grown from {body} to {name_size}");
    let longest = (painted.iter())
        .filter(|text| text.font_size.to_bits() == name_size.to_bits())
        .max_by_key(|text| text.lines.len())
        .expect("a text of the table");
    assert!(longest.lines.len() > 2, "a text on several lines: {:?}", longest.lines);
    assert!(painted.iter().all(|text| !text.shown.ends_with('…')), "nothing cut");
    let sources = harness.get_by_label_contains("Sources: ").rect();
    assert!(longest.rect.bottom() <= sources.top(), "the rows end above the sources line");
}

/// A deck of three slides with their own words written beside the real dataset, opened.
fn three_slides() -> (tempfile::TempDir, PathBuf, Harness<'static, ParkApp>, SlideDeck) {
    use zgc_atlas::state::slides::{Slide, ViewSnapshot};
    let (dir, path) = dataset_in_temp_dir();
    let slide = |title: &str, tab: Tab| Slide {
        title: title.to_owned(),
        notes: format!("Notes of {title}"),
        takeaway: format!("Takeaway of {title}"),
        view: ViewSnapshot { tab, ..ViewSnapshot::default() },
        ..Slide::default()
    };
    let deck = SlideDeck {
        slides: vec![slide("All parks", Tab::Table), slide("Income ranking", Tab::Compare), slide("Where", Tab::Map)],
    };
    let text = ron::ser::to_string_pretty(&deck, ron::ser::PrettyConfig::default()).expect("RON");
    std::fs::write(path.with_file_name("zgc.views.ron"), text).expect("written");
    let harness = harness(path.clone());
    // As the dataset fills it in (its own choice of metrics where the slide names none).
    let deck = harness.state().slides().clone();
    assert_eq!(deck.slides.iter().map(|slide| slide.notes.as_str()).collect::<Vec<_>>()[1], "Notes of Income ranking");
    (dir, path, harness, deck)
}

fn deck_on_disk(path: &std::path::Path) -> SlideDeck {
    ron::from_str(&std::fs::read_to_string(path.with_file_name("zgc.views.ron")).expect("written")).expect("RON")
}

/// A table slide shows the takeaway its author wrote under its title, as a chart's slide does.
#[test]
fn a_table_slide_shows_its_own_takeaway() {
    let (_dir, _path, mut harness, deck) = three_slides();
    assert_eq!(deck.slides[0].view.tab, Tab::Table, "the first slide is a table: a fair test");
    harness.key_press(egui::Key::F5);
    harness.run();
    // The heading, not the presenter's bar, which names the slide too.
    let title = (harness.query_all_by_label("All parks").map(|node| node.rect()))
        .max_by(|a, b| a.height().total_cmp(&b.height()))
        .expect("the slide's title");
    let takeaway = harness.get_by_label("Takeaway of All parks").rect();
    assert!(takeaway.top() >= title.bottom(), "under the title: {title:?}, {takeaway:?}");
}

/// Presenting shows each slide's view only while it is presented: Escape puts back the tab,
/// pins and selection the desk had, so presenting never costs the work at hand.
#[test]
fn leaving_a_presentation_puts_back_the_desks_view() {
    let (_dir, _path, mut harness, deck) = three_slides();
    let dataset = harness.state().dataset().expect("loaded").clone();
    let park = dataset.parks.last().expect("a park").id.clone();
    harness.get_by_label("Map").click();
    harness.run();
    harness.state_mut().state.pinned = vec![park.clone()];
    harness.state_mut().state.selected = Some(park.clone());
    harness.run();
    assert!(deck.slides.iter().all(|slide| !slide.view.pinned.contains(&park)), "no slide pins it: a fair test");
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.key_press(egui::Key::PageDown);
    harness.run();
    assert_eq!(harness.state().state.tab, Tab::Compare, "the second slide's view is shown");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().is_presenting());
    let state = &harness.state().state;
    assert_eq!((state.tab, &state.pinned, &state.selected), (Tab::Map, &vec![park.clone()], &Some(park)));
}

/// A park taken out of the file while presenting is not pinned again when the presentation
/// ends: the desk's view, put back then, forgets what the reload forgot.
#[test]
fn a_park_removed_while_presenting_is_not_pinned_again_at_the_desk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.ron");
    let small = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture");
    let gamma = "        (\n            id: \"gamma\",";
    assert!(small.contains(gamma), "the fixture lists gamma");
    let delta = "        (id: \"delta\", name: (en: \"Delta Park\", zh: \"德尔塔园\"), districts: [\"east\"]),\n";
    std::fs::write(&path, small.replacen(gamma, &format!("{delta}{gamma}"), 1)).expect("written");
    let mut harness = harness(path.clone());
    let (delta, alpha) = (zgc_atlas::model::ParkId::new("delta"), zgc_atlas::model::ParkId::new("alpha"));
    harness.state_mut().state.pinned = vec![delta.clone(), alpha.clone()];
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    std::fs::write(&path, &small).expect("written");
    harness.state_mut().reload();
    // The file watcher may see the write too and reload once more, the slide fitting its
    // table again each time: a few frames, not a settled window, are what this is about.
    harness.run_steps(10);
    assert!(harness.state().dataset().expect("loaded").park(&delta).is_none(), "reloaded without it");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(10);
    assert_eq!(harness.state().state.pinned, vec![alpha]);
}

/// The speaker notes are never on the slide: N opens them in a window of their own (over the
/// slide only where there is no second window, as in this harness), with the slide's number and
/// the next one's title; the real parks' table, whole on a 1280×720 slide, keeps its room.
#[test]
fn the_speaker_notes_open_in_their_own_window_and_leave_the_slide_its_room() {
    use zgc_atlas::state::slides::{Slide, ViewSnapshot};
    let (_dir, path) = dataset_in_temp_dir();
    let notes: Vec<String> = (1..=6).map(|n| format!("Point {n} to make about this table.")).collect();
    let view = ViewSnapshot { tab: Tab::Table, ..ViewSnapshot::default() };
    let table = Slide { title: "Parks".to_owned(), notes: notes.join("\n"), view, ..Slide::default() };
    let text = ron::ser::to_string_pretty(&SlideDeck { slides: vec![table] }, ron::ser::PrettyConfig::default());
    std::fs::write(path.with_file_name("zgc.views.ron"), text.expect("RON")).expect("written");
    let mut harness = open_app(DataOrigin::File(path), Window { size: [1280.0, 720.0], ..Window::default() });
    let rows_note = zgc_atlas::i18n::strings(harness.state().state.language).table_rows_shown;
    let rows_note = rows_note.split('{').next().unwrap_or_default().to_owned();
    let cut_short = |harness: &Harness<'_, ParkApp>| harness.query_by_label_contains(&rows_note).is_some();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(!cut_short(&harness), "every park's row shows");
    assert!(harness.query_by_label_contains("Point 6 to make").is_none(), "no notes until asked for");
    harness.key_press(egui::Key::N);
    harness.run();
    assert!(harness.query_by_label_contains("Point 6 to make").is_some(), "the notes are shown");
    assert!(harness.query_by_label("1 / 1 · Parks").is_some(), "which slide they are of");
    assert!(harness.query_by_label("Last slide").is_some(), "and what comes next");
    assert!(!cut_short(&harness), "every park's row still shows: the notes take no room of the slide");
    harness.key_press(egui::Key::N);
    harness.run();
    assert!(harness.query_by_label_contains("Point 6 to make").is_none(), "the notes are hidden");
}

/// One click on a slide's × deletes it, and the file with it; the notice says which slide
/// went and puts it back, with its title, takeaway, notes and view, by its button or Ctrl+Z.
#[test]
fn a_deleted_slide_is_told_and_can_be_restored_by_button_or_ctrl_z() {
    let (_dir, path, mut harness, deck) = three_slides();
    let titles = |harness: &Harness<'_, ParkApp>| -> Vec<String> {
        harness.state().slides().slides.iter().map(|slide| slide.title.clone()).collect()
    };
    // Screen readers hear which slide each × deletes.
    harness.get_by_role_and_label(egui::Role::Button, "Delete slide 2").click();
    harness.run();
    assert_eq!(titles(&harness), ["All parks", "Where"]);
    assert_eq!(deck_on_disk(&path).slides.len(), 2, "the file too");
    assert_eq!(harness.state().notice(), Some("Slide 2 “Income ranking” deleted"));
    harness.state_mut().state.language = zgc_atlas::model::Language::Zh;
    harness.run();
    assert_eq!(harness.state().notice(), Some("已删除幻灯片 2“Income ranking”"));
    harness.get_by_role_and_label(egui::Role::Button, "恢复").click();
    harness.run();
    assert_eq!(harness.state().slides(), &deck, "back at its place, with everything it had");
    assert_eq!(deck_on_disk(&path), deck, "and in the file");
    assert_eq!(harness.state().notice(), None);
    harness.state_mut().state.language = zgc_atlas::model::Language::En;
    harness.run();

    // Ctrl+Z puts it back while the notice shows; with no such notice it does nothing.
    harness.get_by_role_and_label(egui::Role::Button, "Delete slide 1").click();
    harness.run();
    assert_eq!(titles(&harness), ["Income ranking", "Where"]);
    assert!(harness.query_by_role_and_label(egui::Role::Button, "Restore").is_some());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().slides(), &deck);
    assert_eq!(deck_on_disk(&path), deck);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().slides(), &deck, "nothing more to restore");
    // Filters cleared while a deleted slide is offered back lose neither: the filters' notice
    // covers the slide's, and each Ctrl+Z gives back one, the latest first.
    harness.get_by_role_and_label(egui::Role::Button, "Delete slide 1").click();
    harness.run();
    let east = [zgc_atlas::model::DistrictId::new("east")];
    harness.state_mut().state.filter.search.clear();
    harness.state_mut().state.filter.districts = east.clone().into();
    harness.run();
    harness.get_by_label("Reset all").click();
    harness.run();
    assert!(harness.state().notice().is_some_and(|notice| notice.starts_with("Filters cleared")));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state.filter.districts, east.into(), "the filters come back");
    let notice = harness.state().notice().map(str::to_owned);
    assert!(notice.as_deref().is_some_and(|notice| notice.contains("deleted")), "{notice:?}");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().slides(), &deck, "then the slide");
    // The cheat sheet lists it.
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.query_by_label_contains("Give back what the notice says was just removed").is_some());
}

/// A press and release of the mouse at `at`, at `time`.
fn click_at(harness: &mut Harness<'_, ParkApp>, at: egui::Pos2, time: f64) {
    let button = |pressed| egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    frame_at(harness, time, &[egui::Event::PointerMoved(at), button(true)]);
    frame_at(harness, time + 0.05, &[button(false)]);
    frame_at(harness, time + 0.06, &[]);
}

/// After one delete the next slide's × is under the pointer: a double click deletes one slide,
/// and only a click after the double-click time deletes the next.
#[test]
fn a_double_click_on_a_slides_delete_button_deletes_one_slide() {
    let (_dir, _path, mut harness, _deck) = three_slides();
    let count = |harness: &Harness<'_, ParkApp>| harness.state().slides().slides.len();
    let cross = harness.get_by_label("Delete slide 1").rect().center();
    let start = harness.ctx.input(|input| input.time) + 1.0;
    click_at(&mut harness, cross, start);
    assert_eq!(count(&harness), 2, "the first click deletes");
    assert_eq!(harness.get_by_label("Delete slide 1").rect().center(), cross, "the next × is under the pointer");
    click_at(&mut harness, cross, start + 0.15);
    assert_eq!(count(&harness), 2, "the second click of the double click does not");
    click_at(&mut harness, cross, start + 2.0);
    assert_eq!(count(&harness), 1, "a click of its own does");
}

/// ↓ and ↑ scroll a presented table longer than the slide by a row, its note saying which rows
/// show; the clicker's keys still change slides.
#[test]
fn arrow_keys_scroll_a_presented_table_longer_than_the_slide() {
    let real = zgc_atlas::model::load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let text = zgc_atlas::synthetic::synthetic_ron(&real, 40);
    let origin = DataOrigin::Memory { label: "40 parks".to_owned(), text: text.into() };
    let mut harness = open_app(origin, Window { size: [1280.0, 720.0], ..Window::default() });
    save_slide(&mut harness, "Table", "Long table");
    save_slide(&mut harness, "Compare", "Chart");
    harness.key_press(egui::Key::F5);
    // The table's text settles to the slide over a few frames.
    harness.run_steps(10);
    assert_eq!(harness.state().current_slide(), Some(0));
    let names: Vec<String> = {
        let dataset = harness.state().dataset().expect("loaded");
        harness.state().visible_parks().iter().map(|id| dataset.park(id).expect("a park").name.en.clone()).collect()
    };
    // "Rows 1–N of 40 shown; scroll for the others", and the rows drawn.
    let rows_shown = |harness: &Harness<'_, ParkApp>| {
        let note = harness.get_by_label_contains("scroll for the others").value().unwrap_or_default();
        let range = note.split_whitespace().nth(1).expect("Rows N–M").to_owned();
        let (first, last) = range.split_once('–').expect("N–M");
        let (first, last) = (first.parse::<usize>().expect("N"), last.parse::<usize>().expect("M"));
        let drawn: Vec<usize> = (1..=names.len()).filter(|i| harness.query_by_label(&names[i - 1]).is_some()).collect();
        assert_eq!(drawn, (first..=last).collect::<Vec<_>>(), "the note names the rows drawn: {note}");
        (first, last)
    };
    let (first, fitting) = rows_shown(&harness);
    assert!(first == 1 && (5..40).contains(&fitting), "rows 1–{fitting}");
    let press = |harness: &mut Harness<'_, ParkApp>, key: egui::Key, times: usize| {
        for _ in 0..times {
            harness.key_press(key);
            harness.run();
        }
    };
    press(&mut harness, egui::Key::ArrowDown, 1);
    assert_eq!(rows_shown(&harness), (2, fitting + 1), "a row down");
    press(&mut harness, egui::Key::ArrowDown, 3);
    assert_eq!(rows_shown(&harness), (5, fitting + 4));
    press(&mut harness, egui::Key::ArrowUp, 1);
    assert_eq!(rows_shown(&harness), (4, fitting + 3), "a row up");
    press(&mut harness, egui::Key::ArrowDown, 40);
    assert_eq!(rows_shown(&harness), (40 - fitting + 1, 40), "down to the last row, no further");
    assert_eq!(harness.state().current_slide(), Some(0), "the arrows keep to the slide");
    press(&mut harness, egui::Key::PageDown, 1);
    assert_eq!(harness.state().current_slide(), Some(1), "PageDown, as a clicker sends, changes slide");
    press(&mut harness, egui::Key::ArrowRight, 1);
    press(&mut harness, egui::Key::ArrowLeft, 1);
    assert_eq!(harness.state().current_slide(), Some(0));
    // The cheat sheet lists the keys.
    press(&mut harness, egui::Key::F1, 1);
    // The cheat sheet, taller with them than a 720-pixel screen, scrolls: its heading, the
    // presenting keys first, and its close button are on the screen.
    let on_screen = |harness: &Harness<'_, ParkApp>, label: &str| {
        let rect = harness.get_by_label(label).rect();
        rect.top() >= 0.0 && rect.bottom() <= 720.0
    };
    for label in ["Keyboard shortcuts", "↓ / ↑", "Scroll a table or matrix longer than the slide by a row", "Close"]
    {
        assert!(on_screen(&harness, label), "{label}");
    }
}

/// ↓ and ↑ scroll a presented industry matrix of more parks than fit by a row too, the rows
/// drawn being those the note names.
#[test]
fn arrow_keys_scroll_a_presented_matrix_longer_than_the_slide() {
    let (mut harness, names) = presented_synthetic_matrix(60);
    let rows_shown = |harness: &Harness<'_, ParkApp>| {
        let (note, first, last, note_top) = matrix_rows_note(harness);
        let drawn = matrix_rows_drawn(harness, &names, note_top);
        assert_eq!(drawn, (first..=last).collect::<Vec<_>>(), "the note names the rows drawn: {note}");
        (first, last)
    };
    let (first, fitting) = rows_shown(&harness);
    assert!(first == 1 && (5..60).contains(&fitting), "rows 1–{fitting}");
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(rows_shown(&harness), (3, fitting + 2), "two rows down");
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(rows_shown(&harness), (2, fitting + 1), "a row up");
}

/// Leaving a presentation draws the desk's chart as it was before, without the pointer moving:
/// the frame after Esc is drawn in several passes, and in a pass egui discards a chart measures
/// its axes as empty, so the shown one drew them at their least (tick labels cut at the panel's
/// edge, the axis titles over the ticks), and no frame followed to mend it.
#[test]
fn after_a_presentation_the_desks_chart_is_drawn_as_before() {
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [1280.0, 720.0], ..Window::default() });
    harness.state_mut().state.tab = Tab::Compare;
    harness.state_mut().state.plot.kind = zgc_atlas::state::PlotKind::TimeSeries;
    harness.run();
    let where_drawn = |harness: &Harness<'_, ParkApp>| -> Vec<(String, egui::Rect)> {
        let texts = painted_texts(harness);
        let ticks =
            texts.iter().filter(|t| !t.text.is_empty() && t.text.chars().all(|c| c.is_ascii_digit() || c == ','));
        ticks.map(|t| (t.text.clone(), t.rect)).collect()
    };
    let before = where_drawn(&harness);
    assert!(before.iter().any(|(text, _)| text == "1,200"), "a fair test: the value axis is drawn {before:?}");
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.key_press(egui::Key::Escape);
    // As the window does: a frame for the key, then as many as the app asks for by itself
    // (`Harness::run` also steps for egui's own reasons, which hid this). The harness has no
    // storage, so the app asks for no frame to save its settings in.
    harness.step();
    for _ in 0..10 {
        if !harness.ctx.has_requested_repaint() {
            break;
        }
        harness.step();
    }
    assert_eq!(where_drawn(&harness), before);
}

/// A save that breaks the file while presenting leaves the slide as it was: the room sees no
/// error panel and no buttons, and the presenter a line in the bar below; the problem itself
/// waits for the desk.
#[test]
fn a_broken_save_while_presenting_stays_off_the_slide() {
    let (_dir, path) = dataset_in_temp_dir();
    let mut harness = harness(path.clone());
    harness.key_press(egui::Key::F5);
    harness.run();
    let good = std::fs::read_to_string(&path).expect("the dataset");
    std::fs::write(&path, good.replacen("year:", "yaer:", 1)).expect("a broken save");
    harness.state_mut().reload();
    // The file watcher may reload the broken save again meanwhile: frames that settle on their
    // own time, not `run`'s four.
    harness.run_steps(8);
    assert!(harness.state().load_error().is_some(), "a fair test: the reload failed");
    assert!(harness.query_by_label_contains("could not be loaded").is_none(), "not on the slide");
    assert!(harness.query_by_label_contains("A data file has a problem").is_some(), "in the bar");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(8);
    assert!(harness.query_by_label_contains("could not be loaded").is_some(), "at the desk");
    assert!(harness.query_by_label_contains("A data file has a problem").is_none());
}

/// Esc closes the key list over a slide and the slide stays up: it left the presentation with
/// the list still open over the desk.
#[test]
fn escape_over_the_key_list_while_presenting_closes_only_the_list() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.query_by_label("Keyboard shortcuts").is_some(), "a fair test: the list is open");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Keyboard shortcuts").is_none(), "the list is closed");
    assert!(harness.state().is_presenting(), "the slide stays up");
}

/// Esc in a slide's title box leaves the box and nothing else: it cleared the filters behind
/// it, and the slides saved next showed every park.
#[test]
fn escape_in_a_slides_title_box_keeps_the_filters() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    let dataset = zgc_atlas::model::load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("valid");
    let industry = dataset.industries[0].id.clone();
    harness.state_mut().state.filter.industries.insert(industry);
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, "Title").click();
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, "Title").type_text("abc");
    harness.run();
    assert!(harness.get_by_role_and_label(egui::Role::TextInput, "Title").is_focused(), "a fair test: typing there");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().state.filter.industries.len(), 1, "the filter stays");
}

/// A part-year point of a named park carries its year and months on the chart, at the desk and
/// on a slide: drawn before its year's tick, a diamond alone read as the year before's figure.
#[test]
fn a_part_year_point_is_labelled_with_its_year_and_months() {
    use zgc_atlas::model::{Language, MetricId, ParkId};
    let origin = DataOrigin::File(common::crate_file("tests/fixtures/small.ron"));
    let mut harness = open_app(origin, Window::default());
    let state = &mut harness.state_mut().state;
    state.pinned = vec![ParkId::new("alpha")];
    state.tab = Tab::Compare;
    state.plot.kind = zgc_atlas::state::PlotKind::TimeSeries;
    state.plot.metric = MetricId::new("total_income");
    harness.run();
    assert!(harness.query_by_label("2019 H1").is_some(), "alpha's first half of 2019, named");
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.query_by_label("2019 H1").is_some(), "on the slide too");
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    assert!(harness.query_by_label("2019年上半年").is_some(), "in Chinese");
}
