//! The Compare view as a user drives it: plot kinds, metric picker, clicking a bar.

#[expect(dead_code, reason = "the plot tests walk no Tab: no `focused`")]
mod common;
mod long_metric;
mod painted;
mod stated_otherwise;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use zgc_atlas::app::ParkApp;
use zgc_atlas::i18n::{plot_kind_name, strings};
use zgc_atlas::model::{DataOrigin, EMBEDDED_DATASET, Language, ParkId, load_dataset};
use zgc_atlas::state::{PlotData, PlotKind};
use zgc_atlas::synthetic::synthetic_ron;

use common::{Window, crate_file, open_app, scroll_at};
use painted::painted_texts;
use stated_otherwise::{alpha_area_stated_otherwise, small_with_figure_stated_otherwise};

fn compare(origin: DataOrigin) -> Harness<'static, ParkApp> {
    let mut harness = open_app(origin, Window::default());
    harness.get_by_label("Compare").click();
    harness.run();
    harness
}

fn small() -> DataOrigin {
    DataOrigin::File(crate_file("tests/fixtures/small.ron"))
}

fn bar_parks(harness: &Harness<'_, ParkApp>) -> Vec<String> {
    match harness.state().plot_data() {
        Some(PlotData::Bars(series)) => series.bars.iter().map(|b| b.park.to_string()).collect(),
        other => panic!("expected bars, got {other:?}"),
    }
}

/// A pinned park without a figure comes first in the "no data" line, starred: one of the parks a
/// meeting compares, not drawn, must not pass unnoticed among the others.
#[test]
fn a_pinned_park_without_data_is_named_first_and_starred() {
    let mut harness = compare(small());
    harness.state_mut().state.pinned = vec![ParkId::new("gamma")];
    harness.run();
    harness.run();
    assert!(
        harness.query_by_label("no data: ★ Gamma Park, Beta Park (★ pinned park)").is_some(),
        "pinned first, starred"
    );
    // Every park left out pinned: nothing to tell apart, no star.
    harness.state_mut().state.pinned = vec![ParkId::new("beta"), ParkId::new("gamma")];
    harness.run();
    harness.run();
    assert!(harness.query_by_label("no data: Beta Park, Gamma Park").is_some(), "no star");
}

#[test]
fn switching_metric_and_plot_kind_changes_what_is_shown() {
    let mut harness = compare(small());
    assert!(harness.query_by_label("Total income by park").is_some());
    assert_eq!(bar_parks(&harness), ["alpha"], "only alpha has an income");
    assert!(harness.query_by_label("no data: Beta Park, Gamma Park").is_some(), "listed, not drawn as zero");

    // The metric picker shows the current metric; choose another.
    harness.get_by_role_and_label(egui::Role::ComboBox, "Metric").click();
    harness.run();
    harness.get_by_label("Planned area").click();
    harness.run();
    assert!(harness.query_by_label("Planned area by park").is_some());
    assert_eq!(bar_parks(&harness), ["alpha", "beta"], "largest first");

    harness.get_by_label("Time series").click();
    harness.run();
    assert!(harness.query_by_label("Planned area over time").is_some());
    assert!(matches!(harness.state().plot_data(), Some(PlotData::TimeSeries { .. })));

    harness.get_by_label("Scatter").click();
    harness.run();
    assert!(harness.query_by_label("Total income against planned area").is_some());
    assert!(matches!(harness.state().plot_data(), Some(PlotData::Scatter { .. })));

    harness.get_by_label("Industry matrix").click();
    harness.run();
    let Some(PlotData::Matrix(matrix)) = harness.state().plot_data() else { panic!("expected the matrix") };
    assert_eq!(matrix.industries.len(), 2);
    // A click on an industry's name filters the parks by it.
    harness.get_by_label("Artificial intelligence").click();
    harness.run();
    assert_eq!(harness.state().visible_parks(), [ParkId::new("alpha")]);
}

/// Benchmarks on, with too few bars for a median and no zone figure to draw, the chart says so:
/// the box was ticked and nothing showed.
#[test]
fn benchmarks_with_none_to_draw_say_why() {
    let harness = compare(small());
    assert_eq!(bar_parks(&harness), ["alpha"], "a fair test: one bar");
    let note = harness.query_by_label_contains("No median line: it is drawn for 3 bars or more");
    let note = note
        .and_then(|note| note.accesskit_node().label().or_else(|| note.accesskit_node().value()))
        .unwrap_or_default();
    assert!(note.contains("has no figure to set beside these bars"), "the zone's line too: {note:?}");
}

/// A metric picked from the list by Enter closes the list, as a click does: it stayed open over
/// the chart's title for a keyboard user.
#[test]
fn a_metric_picked_by_enter_closes_the_list() {
    let mut harness = compare(small());
    harness.get_by_role_and_label(egui::Role::ComboBox, "Metric").click();
    harness.run();
    harness.get_by_label("Planned area").focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    assert!(harness.query_by_label("Planned area by park").is_some(), "the metric is picked");
    assert!(
        harness.query_by_label("Total income").is_none(),
        "the list is closed: {:?}",
        harness.query_by_label("Total income").map(|n| n.rect())
    );
}

#[test]
fn clicking_a_bar_selects_its_park() {
    let mut harness = compare(small());
    harness.get_by_role_and_label(egui::Role::ComboBox, "Metric").click();
    harness.run();
    harness.get_by_label("Planned area").click();
    harness.run();
    // Sweep the pointer down the middle of the plot until it is over alpha's bar.
    let title = harness.get_by_label("Planned area by park").rect();
    let x = title.left() + 200.0;
    let mut found = None;
    for step in 0..120 {
        let at = egui::pos2(x, title.bottom() + 20.0 + step as f32 * 5.0);
        harness.hover_at(at);
        harness.run();
        if harness.state().state.hovered == Some(ParkId::new("alpha")) {
            found = Some(at);
            break;
        }
    }
    let at = found.expect("the pointer found alpha's bar");
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("alpha")));
    assert!(harness.query_by_label("26.1 km²").is_some(), "the profile shows the clicked park");
}

#[test]
fn the_real_dataset_warns_when_bars_mix_years_and_parts_of_years() {
    let harness = compare(DataOrigin::Embedded);
    // Fangshan's latest income covers January to November of 2014.
    let warning = "These bars mix years, and some cover only part of one: each bar states its own year and months";
    assert!(harness.query_by_label(warning).is_some());
}

#[test]
fn the_takeaway_sits_under_the_title() {
    let harness = compare(small());
    let title = harness.get_by_label("Total income by park").rect();
    let takeaway = harness.get_by_label(
        "Alpha Park is the only one of 3 parks shown with a figure for total income, 630 bn yuan (2018, preliminary).",
    );
    assert!(takeaway.rect().top() >= title.bottom(), "directly under the title");
    let scope = harness.get_by_label("Test parks · 3 parks · Latest available").rect();
    assert!(scope.top() >= takeaway.rect().bottom(), "above the scope line");
}

/// The scope line says "Filtered parks", and the filter, only when a filter is set: with none,
/// it told an audience that parks had been left out. So with pinned parks on a time series.
#[test]
fn the_scope_line_says_filtered_only_under_a_filter() {
    let mut harness = compare(small());
    assert!(harness.query_by_label_contains("Filtered parks ·").is_none(), "no filter, nothing filtered");
    harness.get_by_label("Time series").click();
    harness.state_mut().state.pinned = vec![ParkId::new("alpha")];
    harness.run();
    harness.run();
    assert!(harness.query_by_label_contains("1 park · Pinned parks").is_some(), "the pinned parks, said so");
    assert!(harness.query_by_label_contains("matching the filter").is_none(), "no filter to match");
    harness.get_by_label("Ranked bars").click();
    harness.run();
    harness.state_mut().state.filter.search = "beta".to_owned();
    harness.run();
    harness.run();
    assert!(harness.query_by_label_contains("1 park · Filtered parks · ").is_some(), "under a filter");
}

#[test]
fn a_line_label_highlights_and_selects_its_park() {
    let mut harness = compare(small());
    harness.get_by_label("Time series").click();
    harness.run();
    // Alpha is the only park with income: coloured and named at the end of its line.
    harness.get_by_label("Alpha Park").hover();
    harness.run();
    assert_eq!(harness.state().state.hovered, Some(ParkId::new("alpha")));
    harness.get_by_label("Alpha Park").click();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("alpha")));
}

#[test]
fn presenting_shows_the_chart_without_controls() {
    let mut harness = compare(small());
    harness.get_by_label("Scatter").click();
    harness.run();
    assert!(harness.query_by_label("Log scale").is_some());
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    for control in ["Ranked bars", "Scatter", "Filtered parks", "Log scale"] {
        assert!(harness.query_by_label(control).is_none(), "{control} is a control: hidden when presenting");
    }
    assert!(harness.query_by_role_and_label(egui::Role::ComboBox, "Horizontal").is_none());
    assert!(harness.query_by_label("Total income against planned area").is_some(), "the title stays");
    assert!(harness.query_by_label("Test parks · 3 parks").is_some(), "one scope line, naming the place");
    assert!(harness.query_by_label("no data: Beta Park, Gamma Park").is_some(), "the parks without data stay named");
    assert!(harness.query_by_label("Alpha Park").is_some(), "the point keeps its label");
    // Nothing for the presenter alone on the slide: without slides, no counter and no notice.
    assert!(harness.query_by_label_contains("No slides saved").is_none());
}

/// The ranked bars of 300 synthetic parks in a 1400×760 window: more than it has room for.
fn bars_of_300_parks() -> Harness<'static, ParkApp> {
    let real = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("the embedded dataset loads");
    let origin = DataOrigin::Memory { label: "300 parks".to_owned(), text: synthetic_ron(&real, 300).into() };
    let mut harness = open_app(origin, Window { size: [1400.0, 760.0], ..Window::default() });
    harness.get_by_label("Compare").click();
    harness.run();
    harness
}

/// A pinned park ranked below the bars there is room for is named in the notes with its place:
/// it went from the chart without a word, though the user had pinned it to compare.
#[test]
fn a_pinned_park_below_the_bars_drawn_is_named_with_its_rank() {
    let mut harness = bars_of_300_parks();
    let ranked = bar_parks(&harness);
    let last = ranked.last().expect("bars").clone();
    let name = harness.state().dataset().and_then(|d| d.park(&ParkId::new(&last))).map(|p| p.name.en.clone());
    let name = name.expect("the smallest bar's park");
    assert!(harness.query_by_label_contains("Pinned but ranked below them").is_none(), "nothing pinned");
    harness.state_mut().state.pinned = vec![ParkId::new(&last)];
    harness.run();
    let expected = format!("Pinned but ranked below them: {name} (ranked {})", ranked.len());
    assert!(harness.query_by_label_contains(&expected).is_some(), "{expected}");
}

#[test]
fn the_bars_are_only_as_many_as_the_chart_has_room_to_name() {
    let mut harness = bars_of_300_parks();
    let drawn = |harness: &Harness<'_, ParkApp>| -> usize {
        let note = harness.get_by_label_contains("Showing the ").accesskit_node().value().unwrap_or_default();
        note.split_whitespace().nth(2).and_then(|n| n.parse().ok()).expect("the note names how many bars")
    };
    let shown = drawn(&harness);
    assert!((5..40).contains(&shown), "a short chart draws fewer than 40 bars: {shown}");
    // Each bar drawn is named on the axis: egui_plot leaves out a name with too little room.
    let dataset = harness.state().dataset().expect("loaded");
    let names: Vec<String> = bar_parks(&harness)
        .iter()
        .take(shown)
        .map(|id| dataset.park(&ParkId::new(id)).expect("a listed park").name.en.clone())
        .collect();
    let painted = painted_texts(&harness);
    for name in &names {
        assert!(painted.iter().any(|painted| &painted.shown == name), "{name} is not named on the axis");
    }
    // And their names do not overlap.
    let mut name_rects: Vec<egui::Rect> =
        painted.iter().filter(|painted| names.contains(&painted.shown)).map(|painted| painted.rect).collect();
    name_rects.sort_by(|a, b| a.top().total_cmp(&b.top()));
    for pair in name_rects.windows(2) {
        assert!(pair[0].bottom() <= pair[1].top() + 0.5, "names overlap: {pair:?}");
    }
    // A taller window has room for more.
    harness.set_size(egui::vec2(1400.0, 1100.0));
    harness.run();
    assert!(drawn(&harness) > shown, "a taller chart draws more bars");
}

#[test]
fn a_bar_another_source_states_otherwise_is_marked_and_the_mark_explained() {
    let harness = compare(small_with_figure_stated_otherwise(
        &crate_file("tests/fixtures/small.ron"),
        r#"(metric: "total_income", value: 630, year: 2018, qualifier: Preliminary, source: "s1"),"#,
        r#"(metric: "total_income", value: 600, year: 2018, source: "s2"),"#,
    ));
    let painted = painted_texts(&harness);
    assert!(
        painted.iter().any(|painted| painted.shown.trim() == "630 (2018, preliminary) ≠"),
        "the bar's label is marked"
    );
    assert!(harness.query_by_label("≠ another figure is stated for that year").is_some());
    assert!(harness.query_by_label_contains("测试办公室").is_some(), "the other value's source is in the sources line");
}

/// The zone may state two areas for one year from one source (before and after that year's
/// expansion): its benchmark is marked as a park's bar would be, and the key says what the mark
/// means, so the room learns the line is one of two figures, without claiming a second source.
#[test]
fn the_zone_figure_stated_otherwise_is_marked_and_the_mark_explained() {
    let zone_area = r#"observations: [(metric: "planned_area", value: 488, year: 2012, source: "s1")]"#;
    let two_areas = DataOrigin::Memory {
        label: "small.ron".to_owned(),
        text: std::fs::read_to_string(crate_file("tests/fixtures/small.ron"))
            .expect("the fixture reads")
            .replacen(
                zone_area,
                r#"observations: [(metric: "planned_area", value: 233, year: 2012, source: "s1"), (metric: "planned_area", value: 488, year: 2012, source: "s1")]"#,
                1,
            )
            .into(),
    };
    for (origin, marked) in [(two_areas, true), (small(), false)] {
        let mut harness = compare(origin);
        harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("planned_area");
        harness.run();
        let Some(PlotData::Bars(series)) = harness.state().plot_data() else { panic!("expected the bars") };
        assert!(series.bars.iter().all(|bar| bar.stated_otherwise.is_empty()), "a fair test: no park's bar is marked");
        assert_eq!(
            harness.query_by_label_contains("Test zone: 488 km² ≠ (2012)").is_some(),
            marked,
            "the zone's words"
        );
        // One source states both: the key must not say another source does.
        assert_eq!(
            harness.query_by_label("≠ another figure is stated for that year").is_some(),
            marked,
            "the key of the mark"
        );
        assert!(harness.query_by_label_contains("another source").is_none(), "one source states both figures");
        harness.state_mut().state.language = Language::Zh;
        harness.run();
        assert_eq!(harness.query_by_label_contains("测试区：488平方公里 ≠（2012年）").is_some(), marked, "in Chinese");
        assert_eq!(harness.query_by_label("≠ 表示同年另有不同数值").is_some(), marked, "the key in Chinese");
        assert!(harness.query_by_label_contains("另有来源").is_none(), "one source states both figures");
    }
}

#[test]
fn a_scatter_point_another_source_states_otherwise_is_marked_by_its_name_and_the_mark_explained() {
    let mut harness = compare(alpha_area_stated_otherwise());
    harness.get_by_label("Scatter").click();
    harness.run();
    assert!(harness.query_by_label("Alpha Park ≠").is_some(), "the point's name is marked");
    assert!(harness.query_by_label_contains("≠ another figure is stated for that year").is_some());
    assert!(harness.query_by_label_contains("测试办公室").is_some(), "the other value's source is in the sources line");
    // Without the other figure nothing is marked or explained.
    let mut plain = compare(small());
    plain.get_by_label("Scatter").click();
    plain.run();
    assert!(plain.query_by_label("Alpha Park").is_some());
    assert!(plain.query_by_label_contains("≠").is_none());
    assert!(plain.query_by_label_contains("测试办公室").is_none());
}

#[test]
fn counts_in_the_thousands_are_grouped_in_every_line_that_gives_them() {
    let real = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("the embedded dataset loads");
    let origin = DataOrigin::Memory { label: "2,000 parks".to_owned(), text: synthetic_ron(&real, 2_000).into() };
    let mut harness = open_app(origin, Window::default());
    assert!(harness.query_by_label_contains("2,000 parks · ").is_some(), "the status bar");
    harness.get_by_label("Compare").click();
    harness.run();
    let note = harness.get_by_label_contains("Showing the ").accesskit_node().value().unwrap_or_default();
    // Of the parks that have the figure: over a thousand of the 2,000.
    let total = note.split(" of ").nth(1).and_then(|rest| rest.split(' ').next()).unwrap_or_default();
    assert!(total.len() == 5 && total.starts_with("1,"), "the bars' note: {note}");
    assert!(harness.query_by_label_contains("2,000 parks · Latest available").is_some(), "the scope line");
    harness.get_by_label("Map").click();
    harness.run();
    let painted = painted_texts(&harness);
    assert!(painted.iter().any(|p| p.shown == "• 2,000 parks, drawn as dots (too many to size)"), "the map's legend");
}

/// The real dataset's plot named `kind` ("Scatter"), presented in a window of `size`.
fn presented_real_plot(size: [f32; 2], kind: &str) -> Harness<'static, ParkApp> {
    let mut harness = open_app(DataOrigin::Embedded, Window { size, ..Window::default() });
    harness.get_by_label("Compare").click();
    harness.run();
    harness.get_by_label(kind).click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    harness
}

/// The presented time series of the real dataset: its key (hollow markers, squares, diamonds)
/// stands clear of the value axis's labels, the top one included, at both projector sizes.
#[test]
fn the_presented_time_series_key_stands_clear_of_the_axis_labels() {
    for size in [[1920.0, 1080.0], [1280.0, 720.0]] {
        let harness = presented_real_plot(size, "Time series");
        let painted = painted_texts(&harness);
        let key = painted.iter().find(|p| p.shown.starts_with("Hollow marker")).expect("the key is shown");
        for other in painted.iter().filter(|p| !std::ptr::eq(*p, key)) {
            assert!(
                !key.rect.shrink(0.5).intersects(other.rect.shrink(0.5)),
                "at {size:?}, {:?} runs into the key {:?}",
                other.shown,
                key.rect
            );
        }
    }
}

/// With the real dataset's few points every park on the presented scatter is named, the grey
/// ones (beyond the seven colours) too: an unnamed point is a question an audience cannot ask.
#[test]
fn a_presented_scatter_of_few_parks_names_every_point() {
    for size in [[1920.0, 1080.0], [1280.0, 720.0]] {
        let harness = presented_real_plot(size, "Scatter");
        let Some(PlotData::Scatter { points, .. }) = harness.state().plot_data() else {
            panic!("expected the scatter")
        };
        let dataset = harness.state().dataset().expect("loaded");
        let names: Vec<String> =
            points.iter().map(|p| dataset.park(&p.park).expect("a plotted park").name.en.clone()).collect();
        assert!(names.len() > 7, "more points than colours: {names:?}");
        let painted = painted_texts(&harness);
        for name in &names {
            // The name as a label of its own (a takeaway also starts with a park's name).
            let labelled = |p: &&painted::PaintedText| p.shown == *name || p.shown == format!("{name} ≠");
            assert!(painted.iter().any(|p| labelled(&p)), "at {size:?}, {name} is not named");
        }
    }
}

/// In a narrow window (1280 points, a park's profile open) the row of controls wraps, but the
/// choices of what to show stay together, on one row with their label.
#[test]
fn the_choices_of_what_to_show_stay_on_one_row_when_the_controls_wrap() {
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [1280.0, 720.0], ..Window::default() });
    let first = harness.state().dataset().expect("loaded").parks[0].name.en.clone();
    harness.get_all_by_label(&first).next().expect("in the table").click();
    harness.get_by_label("Compare").click();
    harness.run();
    let row = |label: &str| harness.get_by_role_and_label(egui::accesskit::Role::RadioButton, label).rect().center().y;
    assert!((row("Filtered parks") - row("Pinned parks")).abs() < 1.0, "the two choices are split across rows");
    let show = harness.get_by_label("Show").rect().center().y;
    assert!((show - row("Filtered parks")).abs() < 4.0, "the label stays with its choices");
}

/// Divided by a figure of another year (an area of 2012 under an income of 2025), a bar says
/// both years on its label, and a note says what the two years are.
#[test]
fn bars_divided_by_a_figure_of_another_year_give_both_years() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    harness.get_by_label("Compare").click();
    harness.run();
    harness.state_mut().state.plot.divide_by = Some(zgc_atlas::model::MetricId::new("planned_area"));
    harness.run();
    let Some(PlotData::Bars(series)) = harness.state().plot_data() else { panic!("expected the bars") };
    let bar = series.bars.iter().find(|bar| bar.divisor_year.is_some()).expect("a divisor of another year");
    let both = format!("({} ÷ {}", bar.year, bar.divisor_year.unwrap_or_default());
    let painted = painted_texts(&harness);
    assert!(painted.iter().any(|text| text.shown.contains(&both)), "no label reads {both}");
    assert!(harness.query_by_label_contains("gives both years").is_some(), "the note says what they are");
}

/// Lakeshore's zone turnover of 2022 is preliminary; divided by its firms, the words on the
/// zone's dotted line still say so, as a bar's label does.
#[test]
fn the_zone_line_says_when_it_rests_on_a_preliminary_figure() {
    let mut harness = compare(DataOrigin::File(crate_file("tests/fixtures/lakeshore/lakeshore.ron")));
    harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("turnover");
    harness.state_mut().state.plot.divide_by = Some(zgc_atlas::model::MetricId::new("firms_total"));
    harness.run();
    let Some(PlotData::Bars(series)) = harness.state().plot_data() else { panic!("expected the bars") };
    let zone = series.zone.as_ref().expect("the zone's turnover per firm");
    assert_eq!(zone.year, 2022);
    let dataset = harness.state().dataset().expect("Lakeshore");
    let zone_name = dataset.zone.as_ref().expect("a zone").name.en.clone();
    let painted = painted_texts(&harness);
    let zone_words = painted
        .iter()
        .find(|text| text.shown.contains(&zone_name) && text.shown.contains("line"))
        .map(|text| text.shown.clone());
    let said = zone_words.as_deref().unwrap_or_default();
    assert!(
        said.contains("(2022, preliminary)"),
        "{zone_name}'s line names its preliminary figure: {said:?}, {zone:?}"
    );
}

/// The zone's dotted line beyond the longest bar lies inside the plot, clear of its frame:
/// the real zone's high-tech enterprises are twice Haidian's, and the axis stopped just short
/// of them, drawing the line on the frame, where a room told of a line saw none.
#[test]
fn the_zone_line_beyond_the_longest_bar_is_drawn_inside_the_plot() {
    for size in [[1400.0, 860.0], [1280.0, 720.0]] {
        let mut harness = open_app(DataOrigin::Embedded, Window { size, ..Window::default() });
        harness.get_by_label("Compare").click();
        harness.run();
        harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("high_tech_enterprises");
        harness.state_mut().state.plot.show_benchmark = true;
        harness.run();
        harness.run();
        let Some(PlotData::Bars(series)) = harness.state().plot_data() else { panic!("expected the bars") };
        let zone = series.zone.as_ref().expect("the zone's high-tech enterprises");
        let largest = series.bars.iter().map(|bar| bar.value).fold(0.0, f64::max);
        assert!(zone.value > largest && zone.value <= 2.0 * largest, "a fair test: drawn, beyond the bars");
        // A dotted line is painted as a column of dots, each clipped to the plot (the other
        // circles are radio buttons and the like, a few to a column).
        let dots: Vec<(egui::Pos2, egui::Rect)> = harness
            .output()
            .shapes
            .iter()
            .filter_map(|clipped| match &clipped.shape {
                egui::Shape::Circle(circle) => Some((circle.center, clipped.clip_rect)),
                _ => None,
            })
            .collect();
        let in_column = |x: f32| dots.iter().filter(|(dot, _)| (dot.x - x).abs() < 0.5).count();
        let (line, plot) = dots.iter().copied().max_by_key(|(dot, _)| in_column(dot.x)).expect("circles are drawn");
        assert!(in_column(line.x) >= 10, "the zone's dotted line is drawn: {dots:?}");
        assert!(
            line.x < plot.right() - 8.0,
            "at {size:?} the zone's line at x = {} is on the plot's frame (right edge {})",
            line.x,
            plot.right()
        );
    }
}

/// On a log scale the bars start at the power of ten below the shortest, not at 1, and the
/// zone's total, a few times the largest park's, is drawn as its dotted line inside the plot
/// rather than told as "beyond the axis": a decade more of axis costs a log scale little.
#[test]
fn log_bars_start_near_the_shortest_and_draw_the_zone_within_a_decade() {
    let mut harness = compare(DataOrigin::Embedded);
    harness.state_mut().state.plot.show_benchmark = true;
    harness.state_mut().state.plot.log_scale = true;
    harness.run();
    harness.run();
    let Some(PlotData::Bars(series)) = harness.state().plot_data() else { panic!("expected the bars") };
    let zone = series.zone.as_ref().expect("the real dataset's zone-wide total income");
    let largest = series.bars.iter().map(|bar| bar.value).fold(0.0, f64::max);
    let shortest = series.bars.iter().map(|bar| bar.value).fold(f64::INFINITY, f64::min);
    assert!(zone.value > 2.0 * largest && zone.value < 10.0 * largest, "a fair test: beyond a linear axis");
    // The power of ten the bars start at: a tenth of a decade or more below the shortest.
    let start = (0..10_i32).rev().find(|&power| 10_f64.powi(power) * 10_f64.powf(0.1) <= shortest);
    let start = start.expect("bars of 1 or more");
    assert!(start >= 1, "a fair test: every bar is of tens or more, {shortest}");
    let painted: Vec<String> = painted_texts(&harness).into_iter().map(|text| text.shown).collect();
    assert!(painted.iter().any(|text| text.contains("dotted line:")), "the zone's line is told: {painted:?}");
    assert!(!painted.iter().any(|text| text.contains("beyond the axis")), "{painted:?}");
    // The axis's ticks: the power of ten below the shortest bar, none below it.
    let tick = |power: i32| zgc_atlas::format::format_count(10_usize.pow(power.unsigned_abs()));
    assert!(painted.contains(&tick(start)), "{painted:?}");
    assert!(!painted.contains(&tick(start - 1)), "the axis runs below the bars' start: {painted:?}");
    let dots = harness
        .output()
        .shapes
        .iter()
        .filter(|clipped| matches!(clipped.shape, egui::Shape::Circle(_)))
        .map(|clipped| clipped.shape.visual_bounding_rect().center().x.round())
        .fold(std::collections::BTreeMap::<i64, usize>::new(), |mut columns, x| {
            *columns.entry(x as i64).or_default() += 1;
            columns
        });
    assert!(dots.values().any(|&count| count >= 10), "the zone's dotted line is drawn: {dots:?}");
}

/// The real zone's income per km² divides by its 2012 area, which the dataset states before
/// and after that year's expansion: its words are marked ≠ as the area's own are, and the key
/// says the mark may be the divisor's.
#[test]
fn a_benchmark_over_a_divisor_stated_otherwise_is_marked() {
    let mut harness = compare(DataOrigin::Embedded);
    harness.state_mut().state.plot.divide_by = Some(zgc_atlas::model::MetricId::new("planned_area"));
    harness.state_mut().state.plot.show_benchmark = true;
    harness.run();
    harness.run();
    let Some(PlotData::Bars(series)) = harness.state().plot_data() else { panic!("expected the bars") };
    let zone = series.zone.as_ref().expect("the zone's income per km²");
    assert!(!zone.stated_otherwise.is_empty(), "a fair test: the zone's 2012 area is stated twice");
    let dataset = harness.state().dataset().expect("the real dataset");
    let zone_name = dataset.zone.as_ref().expect("a zone").name.en.clone();
    let painted: Vec<String> = painted_texts(&harness).into_iter().map(|text| text.shown).collect();
    let words = painted.iter().find(|words| words.contains(&format!("dotted line: {zone_name}")));
    assert!(words.is_some_and(|words| words.contains("≠ (2020 ÷ 2012)")), "the zone's words: {painted:?}");
    assert!(
        painted.iter().any(|words| words == "≠ another figure, or another divisor, is stated for that year"),
        "the key of the mark"
    );
}

/// Bars all of zero start their axis at zero, at the plot's left, as any bars do: the axis
/// centred on zero, its left half empty and unlabelled.
#[test]
fn bars_all_of_zero_start_at_the_left() {
    let zeros = std::fs::read_to_string(crate_file("tests/fixtures/small.ron"))
        .expect("the fixture reads")
        .replacen("value: 26.1, year: 2012", "value: 0, year: 2012", 1)
        .replacen(r#"(metric: "planned_area", value: 10,"#, r#"(metric: "planned_area", value: 0,"#, 1);
    let mut harness = compare(DataOrigin::Memory { label: "zeros.ron".to_owned(), text: zeros.into() });
    harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("planned_area");
    harness.run();
    assert_eq!(bar_parks(&harness), ["alpha", "beta"], "a fair test: two bars of 0");
    let painted = painted_texts(&harness);
    let names_end = painted.iter().filter(|t| t.shown == "Alpha Park").map(|t| t.rect.right()).fold(0.0, f32::max);
    let zero = painted
        .iter()
        .filter(|t| t.shown == "0" && t.rect.left() > names_end)
        .map(|t| t.rect.center().x)
        .fold(f32::INFINITY, f32::min);
    let plot_width = harness.ctx.content_rect().right() - names_end;
    assert!(zero - names_end < 0.2 * plot_width, "the zero tick at x = {zero}, the plot from {names_end}");
}

/// A few bars are drawn as the bars of a longer chart are, not as blocks filling the window:
/// the chart is short, and the lines under it follow it.
#[test]
fn a_chart_of_two_bars_is_as_short_as_its_bars() {
    let mut harness = compare(small());
    harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("planned_area");
    harness.run();
    assert_eq!(bar_parks(&harness).len(), 2, "a fair test: two bars");
    let painted = painted_texts(&harness);
    let name = |name: &str| painted.iter().find(|t| t.shown == name).map(|t| t.rect).expect("named on the axis");
    let (alpha, beta) = (name("Alpha Park"), name("Beta Park"));
    let row = (beta.center().y - alpha.center().y).abs();
    assert!(row <= 6.0 * alpha.height(), "a bar's row is {row} points, its name {} tall", alpha.height());
    let sources = harness.get_by_label_contains("Sources: ").rect();
    let height = harness.ctx.content_rect().height();
    assert!(sources.top() < 0.5 * height, "the sources at {} of a window {height} tall", sources.top());
}

/// A log scale cannot draw a figure of zero: the scatter names the parks it leaves out, as the
/// bars do, under the chart (it dropped them without a word while the scope counted them).
#[test]
fn a_log_scale_scatter_names_the_parks_it_cannot_draw() {
    let zero = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture reads").replacen(
        r#"(metric: "planned_area", value: 10,"#,
        r#"(metric: "planned_area", value: 0,"#,
        1,
    );
    let mut harness = compare(DataOrigin::Memory { label: "zero.ron".to_owned(), text: zero.into() });
    harness.get_by_label("Scatter").click();
    // Beta's area of 0 against its enterprises: a point the linear scale draws.
    harness.state_mut().state.plot.y_metric = zgc_atlas::model::MetricId::new("high_tech_enterprises");
    harness.run();
    let left_out = "Not shown on the log scale (zero or negative): Beta Park";
    assert!(harness.query_by_label(left_out).is_none(), "a linear scale draws it");
    harness.get_by_label("Log scale").click();
    harness.run();
    assert!(harness.query_by_label(left_out).is_some(), "the log scale names it");
}

/// A log scale draws a time series' figures above zero only: a park with a figure of zero
/// among others is named with that figure's year, as its line is still drawn; in Chinese too.
#[test]
fn a_log_scale_time_series_names_the_years_it_cannot_draw() {
    let zero = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture reads").replacen(
        r#"(metric: "total_income", value: 630, year: 2018,"#,
        r#"(metric: "total_income", value: 0, year: 2018,"#,
        1,
    );
    let mut harness = compare(DataOrigin::Memory { label: "zero.ron".to_owned(), text: zero.into() });
    harness.get_by_label("Time series").click();
    harness.run();
    let left_out = "Not shown on the log scale (zero or negative): Alpha Park's figures of 2018";
    assert!(harness.query_by_label(left_out).is_none(), "a linear scale draws it");
    harness.get_by_label("Log scale").click();
    harness.run();
    assert!(harness.query_by_label(left_out).is_some(), "the log scale names the year it leaves out");
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    assert!(harness.query_by_label("对数刻度无法显示（零或负值）：甲园2018年的数据").is_some());
}

/// A line whose latest figure a log scale cannot draw is still named at its end, the latest
/// figure it draws: its name was left out with that figure.
#[test]
fn a_log_scale_time_series_names_a_line_whose_latest_figure_it_cannot_draw() {
    let zero = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture reads").replacen(
        r#"(metric: "total_income", value: 800, year: 2020,"#,
        r#"(metric: "total_income", value: 0, year: 2020,"#,
        1,
    );
    let mut harness = compare(DataOrigin::Memory { label: "zero.ron".to_owned(), text: zero.into() });
    harness.get_by_label("Time series").click();
    harness.run();
    let named = |harness: &Harness<'_, ParkApp>| painted_texts(harness).iter().any(|t| t.shown == "Alpha Park");
    assert!(named(&harness), "named on a linear scale");
    harness.get_by_label("Log scale").click();
    harness.run();
    assert!(harness.query_by_label_contains("Alpha Park's figures of 2020").is_some(), "the footer names the year");
    assert!(named(&harness), "and the line is still named");
    // Named level with its 2018 figure, past which the chart runs to 2020: the grey dots
    // leading it to its name are explained.
    assert!(harness.query_by_label_contains("grey dots: lead a line that ends early").is_some());
}

/// A park whose divisor is 0 has a figure: the "no data" line says why it has no bar.
#[test]
fn bars_over_a_divisor_of_zero_say_why_a_park_has_no_bar() {
    let zero = std::fs::read_to_string(crate_file("tests/fixtures/small.ron"))
        .expect("the fixture reads")
        .replacen("value: 26.1, year: 2012", "value: 0, year: 2012", 1)
        // Beta's income over its area of 10 is a bar, so the chart is drawn.
        .replacen(
            r#"(metric: "high_tech_enterprises", value: 450"#,
            r#"(metric: "total_income", value: 100, year: 2018, source: "s2"), (metric: "high_tech_enterprises", value: 450"#,
            1,
        );
    let mut harness = compare(DataOrigin::Memory { label: "zero.ron".to_owned(), text: zero.into() });
    harness.state_mut().state.plot.divide_by = Some(zgc_atlas::model::MetricId::new("planned_area"));
    harness.run();
    assert!(harness.query_by_label_contains("Alpha Park (its divisor is 0 or less: no quotient)").is_some());
}

/// The bars' benchmark lines are told in words above the chart, with the median's value and
/// how many parks it is of (a legend box inside the plot covered value labels).
#[test]
fn the_bars_say_what_their_benchmark_lines_are() {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    harness.get_by_label("Compare").click();
    harness.run();
    let Some(PlotData::Bars(series)) = harness.state().plot_data() else { panic!("expected the bars") };
    let median = series.median.expect("a median of the real parks");
    // Stated as surely as the figures it is of allow: the real parks' ">100" and ">300" may be
    // larger than written, so the median may be too.
    assert_eq!(series.median_qualifier, zgc_atlas::model::Qualifier::AtLeast);
    let key = format!(
        "Dashed line: median of the {} parks, {} bn yuan",
        series.bars.len(),
        zgc_atlas::format::qualified_value(median, series.median_qualifier)
    );
    assert!(harness.query_by_label_contains(&key).is_some(), "{key}");
    // The zone's total dwarfs every park's: it is not drawn, and the words say so rather than
    // leave the room looking for its line.
    let zone = series.zone.as_ref().expect("the real dataset's zone-wide total income");
    let largest = series.bars.iter().map(|bar| bar.value).fold(0.0, f64::max);
    assert!(zone.value > 2.0 * largest, "a fair test: the zone's figure is off the bars' scale");
    assert!(harness.query_by_label_contains("beyond the axis, not drawn").is_some(), "the zone's figure");
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.query_by_label_contains(&key).is_some(), "presented too: {key}");
}

/// The lines of a name set upright (rows across its columns, a thin space between the columns,
/// an ideographic space where a column has ended), in reading order: right column first.
fn upright_lines(shown: &str) -> Vec<String> {
    let rows: Vec<Vec<&str>> = shown.split('\n').map(|row| row.split('\u{2009}').collect()).collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width)
        .rev()
        .map(|column| rows.iter().filter_map(|row| row.get(column)).filter(|c| **c != "\u{3000}").copied().collect())
        .collect()
}

/// A Chinese industry name too long for one line of the matrix's header breaks near its middle,
/// not after all but its last character ("文化科技与数字创 / 意"), and where a word ends when it
/// can ("高端汽车与 / 新能源智能汽车", not "高端汽车与新能 / 源智能汽车").
#[test]
fn the_matrix_breaks_a_long_chinese_industry_name_near_its_middle() {
    let mut harness = compare(DataOrigin::Embedded);
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("产业矩阵").click();
    harness.run();
    let dataset = harness.state().dataset().expect("loaded");
    let names: Vec<String> = dataset.industries.iter().map(|industry| industry.name.zh.clone()).collect();
    let painted = painted_texts(&harness);
    // Chinese headers are set upright: each line of the name a column read downwards, the first
    // at the right, as vertical Chinese is read.
    let headers: Vec<Vec<String>> =
        painted.iter().map(|p| upright_lines(&p.shown)).filter(|lines| names.contains(&lines.concat())).collect();
    assert!(headers.len() > 10, "the headers are painted: {}", headers.len());
    let broken: Vec<&Vec<String>> = headers.iter().filter(|lines| lines.len() == 2).collect();
    assert!(!broken.is_empty(), "some names take two lines");
    for lines in &broken {
        let (first, second) = (lines[0].chars().count(), lines[1].chars().count());
        assert!(3 * first.min(second) >= first + second, "unevenly broken: {lines:?}");
    }
    let words = ["高端汽车与", "新能源智能汽车"].map(str::to_owned);
    assert!(broken.iter().any(|lines| lines.as_slice() == words), "{broken:?}");
}

/// The matrix's headers, kept between frames, follow the language and the filter: switched to
/// Chinese they are written in Chinese, and an industry no park passing the filter has leaves
/// them.
#[test]
fn the_matrix_headers_follow_the_language_and_the_filter() {
    let mut harness = compare(small());
    harness.get_by_label("Industry matrix").click();
    harness.run();
    let painted = |harness: &Harness<'_, ParkApp>| -> Vec<String> {
        painted_texts(harness).into_iter().map(|p| p.shown.replace('\n', " ")).collect()
    };
    let before = painted(&harness);
    assert!(before.iter().any(|t| t == "Biomedicine") && before.iter().any(|t| t == "Artificial intelligence"));
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    let chinese = painted(&harness);
    // Set upright, a character under another.
    assert!(chinese.iter().any(|t| t == "生 物 医 药") && !chinese.iter().any(|t| t == "Biomedicine"), "{chinese:?}");
    harness.state_mut().state.language = Language::En;
    // Beta has biomedicine only.
    harness.state_mut().state.filter.search = "beta".to_owned();
    harness.run();
    harness.run();
    let beta = painted(&harness);
    assert!(beta.iter().any(|t| t == "Biomedicine"), "{beta:?}");
    assert!(!beta.iter().any(|t| t == "Artificial intelligence"), "{beta:?}");
}

/// Scrolling down the matrix's parks keeps its industries named at the top, or the cells below
/// could not be read.
#[test]
fn the_matrix_keeps_its_industries_in_view_while_its_parks_scroll() {
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [1400.0, 640.0], ..Window::default() });
    harness.get_by_label("Compare").click();
    harness.run();
    harness.get_by_label("Industry matrix").click();
    harness.run();
    let dataset = harness.state().dataset().expect("loaded");
    let industry = dataset.industries[0].name.en.clone();
    let mut names: Vec<String> = dataset.parks.iter().map(|p| p.name.en.clone()).collect();
    names.sort();
    // The lowest park drawn before scrolling (the matrix draws only the rows in view), still
    // drawn once scrolled.
    let first_park = names.iter().rev().find(|name| harness.query_by_label(name).is_some()).expect("a row").clone();
    let header_before = harness.get_by_role_and_label(egui::accesskit::Role::Button, &industry).rect();
    let park = harness.get_by_label(&first_park).rect();
    // Over the matrix's cells, just under the headers.
    scroll_at(&mut harness, egui::pos2(park.center().x, header_before.bottom() + 20.0), 400.0);
    assert!(harness.get_by_label(&first_park).rect().top() < park.top() - 50.0, "the parks scrolled");
    let header_after = harness.get_by_role_and_label(egui::accesskit::Role::Button, &industry).rect();
    assert!((header_after.top() - header_before.top()).abs() < 0.5, "{industry} stays where it was: {header_after:?}");
}

/// A Chinese chart writes money in the unit the dataset gives Chinese (亿元, ten to the stored
/// 十亿元) throughout: the axis's title, its ticks and the bars' labels. Ticks in the stored unit
/// under a title naming 亿元 would understate every bar tenfold.
#[test]
fn a_chinese_chart_writes_its_ticks_and_labels_in_the_unit_its_axis_names() {
    let mut harness = compare(small());
    let largest_tick = |painted: &[painted::PaintedText]| {
        painted.iter().filter_map(|p| p.shown.replace(',', "").parse::<f64>().ok()).fold(f64::NAN, f64::max)
    };
    let english = painted_texts(&harness);
    assert!(english.iter().any(|p| p.shown == "Total income (bn yuan)"), "the axis's title");
    assert!(english.iter().any(|p| p.shown == "630 (2018, preliminary)"), "Alpha's bar, preliminary");
    let english_top = largest_tick(&english);
    assert!((630.0..1_000.0).contains(&english_top), "the axis reaches past 630 bn yuan: {english_top}");
    harness.get_by_label("中文").click();
    harness.run();
    let chinese = painted_texts(&harness);
    assert!(chinese.iter().any(|p| p.shown == "总收入（亿元）"), "the axis's title");
    assert!(chinese.iter().any(|p| p.shown == "6,300（2018年，初步统计）"), "Alpha's bar, in 亿元");
    let chinese_top = largest_tick(&chinese);
    assert!((6_300.0..10_000.0).contains(&chinese_top), "the axis reaches past 6,300 亿元: {chinese_top}");
}

/// Nothing a presented chart writes touches the window's edges: a tick label centred on the
/// axis's last tick (the scatter's "29") ran into its right edge.
#[test]
fn presented_charts_write_nothing_against_the_window_edges() {
    for kind in ["Ranked bars", "Time series", "Scatter"] {
        for size in [[1920.0, 1080.0], [1280.0, 720.0]] {
            let harness = presented_real_plot(size, kind);
            let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1])).shrink(2.0);
            for painted in painted_texts(&harness) {
                assert!(
                    window.contains_rect(painted.rect),
                    "{kind} at {size:?}: {:?} at {:?} reaches the edge",
                    painted.shown,
                    painted.rect
                );
            }
        }
    }
}

/// The time series's scope line tells the desk how to choose other parks, and leaves that out on
/// a slide, where the audience cannot pin anything.
#[test]
fn the_time_series_says_how_to_choose_parks_at_the_desk_only() {
    let mut harness = compare(DataOrigin::Embedded);
    harness.get_by_label("Time series").click();
    harness.run();
    assert!(harness.query_by_label_contains("the five largest by latest figure (pin parks").is_some());
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.query_by_label_contains("the five largest by latest figure").is_some());
    assert!(harness.query_by_label_contains("pin parks").is_none());
}

/// A time series of fewer parks with figures than the five it draws at most says it shows them
/// all, not "the five largest"; and every chart's scope line names the dataset's place, at the
/// desk and presented.
#[test]
fn the_time_series_scope_line_is_true_with_fewer_parks_than_five() {
    let mut harness = compare(DataOrigin::File(crate_file("tests/fixtures/lakeshore/lakeshore.ron")));
    harness.get_by_label("Time series").click();
    harness.run();
    let Some(PlotData::TimeSeries { series, .. }) = harness.state().plot_data() else { panic!("a time series") };
    let shown = series.len();
    harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("net_income");
    harness.run();
    let Some(PlotData::TimeSeries { series, .. }) = harness.state().plot_data() else { panic!("a time series") };
    assert!(series.len() < 5, "fewer than five parks have a net income: {}", series.len());
    let scope = format!("Lakeshore · {} parks · every park with a figure", series.len());
    assert!(harness.query_by_label_contains(&scope).is_some(), "{scope}");
    assert!(harness.query_by_label_contains("five largest").is_none());
    assert_eq!(shown, 5, "turnover: five of more parks with figures");
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.query_by_label_contains(&scope).is_some(), "presented: {scope}");
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    assert!(harness.query_by_label_contains("淼湖 · ").is_some(), "the place in Chinese");
}

/// The scatter explains each mark it draws: hollow markers, diamonds for parts of a year, and the
/// crosses of parks without a figure to size their bubble by (as small bubbles they would pass
/// for small values).
#[test]
fn the_scatter_explains_its_hollow_markers_and_its_crosses() {
    let mut harness = compare(DataOrigin::Embedded);
    harness.get_by_label("Scatter").click();
    harness.run();
    let Some(PlotData::Scatter { points, .. }) = harness.state().plot_data() else { panic!("expected the scatter") };
    assert!(points.iter().any(|p| p.size.is_none()), "some real parks lack the bubbles' figure");
    let legend = harness.get_by_label_contains("Bubble area ∝").value().unwrap_or_default();
    assert!(legend.contains("hollow marker: approximate, preliminary or a bound"), "{legend}");
    assert!(legend.contains("×: no figure of high-tech enterprises"), "{legend}");
    // Fangshan's income covers January to November 2014: a diamond, as on the time series.
    assert!(legend.contains("diamond: part of a year"), "{legend}");
}

/// The scatter's key says what its largest bubble stands for, as the map's says of its largest
/// marker: value with its qualifier, unit (the language's display unit) and year, at the desk
/// and on a slide, in English and Chinese; the other bubbles are read against it.
#[test]
fn the_scatter_key_says_what_the_largest_bubble_stands_for() {
    let mut harness = compare(small());
    harness.get_by_label("Scatter").click();
    harness.run();
    let key =
        |harness: &Harness<'_, ParkApp>, start: &str| harness.get_by_label_contains(start).value().unwrap_or_default();
    // Alpha's 1,382 firms (2019) against Beta's ">450" of the same year.
    harness.state_mut().state.plot.y_metric = zgc_atlas::model::MetricId::new("high_tech_enterprises");
    harness.run();
    let legend = key(&harness, "Bubble area ∝");
    assert!(legend.starts_with("Bubble area ∝ High-tech enterprises: largest 1,382 count (2019)"), "{legend}");
    // Sized by income, which Beta lacks: Alpha's preliminary 630 bn yuan of 2018, written in
    // 亿元 in Chinese, its note written as the map writes its largest marker's.
    harness.state_mut().state.plot.size_metric = Some(zgc_atlas::model::MetricId::new("total_income"));
    harness.run();
    let legend = key(&harness, "Bubble area ∝");
    assert!(legend.starts_with("Bubble area ∝ Total income: largest 630 bn yuan (2018, preliminary)"), "{legend}");
    for (language, expected) in [
        (Language::Zh, "气泡面积 ∝ 总收入：最大 6,300亿元（2018年，初步统计）"),
        (Language::En, "Bubble area ∝ Total income: largest 630 bn yuan (2018, preliminary)"),
    ] {
        harness.state_mut().state.language = language;
        harness.run();
        harness.key_press(egui::Key::F5);
        harness.run();
        let start = &expected[..expected.find('∝').unwrap_or_default()];
        assert!(key(&harness, start).starts_with(expected), "presented: {}", key(&harness, start));
        harness.key_press(egui::Key::Escape);
        harness.run();
        assert!(key(&harness, start).starts_with(expected), "at the desk: {}", key(&harness, start));
    }
}

/// Bubbles sized by a figure below zero (a loss) would pass it off as a small value: the point
/// is a cross, explained in the legend; when no figure is above zero, nothing is sized and the
/// legend says so rather than naming a bubble area.
#[test]
fn a_scatter_sized_by_a_figure_below_zero_crosses_it_and_says_why() {
    let legend_with_size = |ron: String| {
        let mut harness = compare(DataOrigin::Memory { label: "profit.ron".to_owned(), text: ron.into() });
        harness.get_by_label("Scatter").click();
        harness.state_mut().state.plot.size_metric = Some(zgc_atlas::model::MetricId::new("total_profit"));
        harness.run();
        ["Bubble area ∝", "Not sized by"]
            .into_iter()
            .find_map(|start| harness.query_by_label_contains(start).and_then(|node| node.value()))
    };
    let small = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture");
    // Alpha's 2018 profit is a loss of 2.5; Beta gains an income and a profit of 3.
    let beta_profits = small.replacen(
        r#"(metric: "high_tech_enterprises", value: 450,"#,
        r#"(metric: "total_income", value: 100, year: 2018, source: "s2"),
                (metric: "total_profit", value: 3, year: 2018, source: "s2"),
                (metric: "high_tech_enterprises", value: 450,"#,
        1,
    );
    assert_ne!(beta_profits, small, "the fixture has Beta's firms to add before");
    let legend = legend_with_size(beta_profits).expect("the legend names the size");
    assert!(legend.starts_with("Bubble area ∝ Total profit"), "{legend}");
    assert!(legend.contains("×: total profit below zero (Alpha Park)"), "{legend}");
    let legend = legend_with_size(small).expect("the legend names the size");
    assert!(legend.starts_with("Not sized by Total profit (bn yuan): no park's figure is above zero"), "{legend}");
    assert!(!legend.contains("Bubble area"), "{legend}");
}

/// A bar says what sets its figure apart from a whole year's final one, as the table does:
/// Fangshan's income covers January to November, Chaoyang's is preliminary.
#[test]
fn a_bar_label_says_when_its_figure_is_part_of_a_year_or_preliminary() {
    let harness = presented_real_plot([1920.0, 1080.0], "Ranked bars");
    let painted = painted_texts(&harness);
    for label in ["16.77 (2014 Jan–Nov)", "630 (2018, preliminary)"] {
        assert!(painted.iter().any(|p| p.shown == label), "{label}");
    }
}

/// A line that crosses a change of its park's area is dotted there, and the key says what the
/// dots mean; without such a crossing the key does not carry the words.
#[test]
fn the_time_series_key_explains_a_dotted_change_of_area_only_when_one_is_drawn() {
    let key_of = |ron: String| {
        let origin = DataOrigin::Memory { label: "changed.ron".to_owned(), text: ron.into() };
        let mut harness = compare(origin);
        harness.get_by_label("Time series").click();
        harness.run();
        let painted = painted_texts(&harness);
        painted.iter().find(|p| p.shown.starts_with("Hollow marker")).expect("the key is shown").shown.clone()
    };
    let small = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture");
    let with_2017 = small.replace(
        r#"(metric: "total_income", value: 630, year: 2018,"#,
        r#"(metric: "total_income", value: 500, year: 2017, source: "s1"),
                (metric: "total_income", value: 630, year: 2018,"#,
    );
    assert!(!key_of(with_2017.clone()).contains("dotted line"), "2016–2018 is one line");
    let changed = with_2017.replace(
        r#"milestones: [(year: 2012, month: Some(10), event: (en: "Approved", zh: "获批"), source: "s1")],"#,
        r#"milestones: [(year: 2017, event: (en: "Extended", zh: "扩区"), boundary_change: true, source: "s1")],"#,
    );
    assert_ne!(changed, with_2017, "the fixture has the milestone to change");
    assert!(key_of(changed).ends_with("dotted line: the park's area changed"));
}

/// A preliminary figure divided by a "more than" count is "less than" per unit, and its bar
/// still says it is preliminary (the qualifier can say only one of the two).
#[test]
fn a_preliminary_figure_divided_by_a_bound_still_says_preliminary() {
    let small = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture");
    let preliminary = small.replacen(
        r#"(metric: "planned_area", value: 10, year: 2012, source: "s2"),"#,
        r#"(metric: "planned_area", value: 10, year: 2012, qualifier: Preliminary, source: "s2"),"#,
        1,
    );
    assert_ne!(preliminary, small, "the fixture has Beta's area");
    let mut harness = compare(DataOrigin::Memory { label: "small.ron".to_owned(), text: preliminary.into() });
    harness.get_by_label("Metric").click();
    harness.run();
    harness.get_by_label("Planned area").click();
    harness.run();
    harness.get_by_label("Divide by").click();
    harness.run();
    harness.get_by_label("High-tech enterprises").click();
    harness.run();
    let texts: Vec<String> = painted_texts(&harness).into_iter().map(|p| p.shown).collect();
    assert!(texts.iter().any(|t| t.starts_with('<') && t.contains("preliminary")), "{texts:?}");
}

/// The real dataset's industry matrix presented in a window of `size`, its texts in `language`.
fn presented_real_matrix(size: [f32; 2], language: Language) -> Harness<'static, ParkApp> {
    let mut harness = open_app(DataOrigin::Embedded, Window { size, ..Window::default() });
    if language == Language::Zh {
        harness.get_by_label("中文").click();
        harness.run();
    }
    let s = strings(language);
    harness.get_by_label(s.tab_compare).click();
    harness.run();
    harness.get_by_label(plot_kind_name(language, PlotKind::Matrix)).click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    harness
}

/// A slide cannot be scrolled by its audience: with the real dataset's parks the presented matrix
/// names every one of them, at both projector sizes and in both languages, in text no smaller
/// than the slide's body text, and nothing it writes runs into another text, is cut short by its
/// clip or leaves the screen. Its rows and headers took the room of half the parks.
#[test]
fn a_presented_matrix_of_the_real_parks_shows_every_park() {
    for language in [Language::En, Language::Zh] {
        for size in [[1920.0, 1080.0], [1280.0, 720.0]] {
            let harness = presented_real_matrix(size, language);
            let dataset = harness.state().dataset().expect("loaded");
            let body = egui::TextStyle::Body.resolve(&harness.ctx.global_style()).size;
            // In points: the presentation layout zooms the 720-point canvas to the screen.
            let screen = harness.ctx.content_rect().shrink(2.0);
            let painted = painted_texts(&harness);
            let shown: Vec<&painted::PaintedText> =
                painted.iter().filter(|p| p.rect.intersects(p.clip) && !p.shown.trim().is_empty()).collect();
            for text in &shown {
                assert!(
                    text.clip.expand(0.5).contains_rect(text.rect) && screen.contains_rect(text.rect),
                    "{language:?} at {size:?}: {:?} at {:?} is cut short (clip {:?}, screen {screen:?})",
                    text.shown,
                    text.rect,
                    text.clip
                );
            }
            for park in &dataset.parks {
                let name = park.name.get(language);
                let row = shown.iter().find(|p| p.shown == name);
                let row = row.unwrap_or_else(|| panic!("{language:?} at {size:?}: {name} has no row on the slide"));
                assert!(row.font_size >= body, "{language:?} at {size:?}: {name} in {} points", row.font_size);
            }
            let rows_note = strings(language).table_rows_shown.split(['{', '；', ';']).next().unwrap_or_default();
            assert!(
                !shown.iter().any(|p| p.shown.starts_with(rows_note)),
                "{language:?} at {size:?}: a note says rows are left out"
            );
            for (i, a) in shown.iter().enumerate() {
                for b in shown.iter().skip(i + 1) {
                    assert!(
                        !a.rect.shrink(0.5).intersects(b.rect.shrink(0.5)),
                        "{language:?} at {size:?}: {:?} at {:?} runs into {:?} at {:?}",
                        a.shown,
                        a.rect,
                        b.shown,
                        b.rect
                    );
                }
            }
        }
    }
}

/// A dataset with metrics but no figure yet opens its plots on its first metric, and the chart's
/// place says no park has a figure of it yet rather than drawing empty axes.
#[test]
fn plots_of_a_dataset_without_figures_name_its_first_metric_and_say_it_has_none_yet() {
    let mut harness = compare(DataOrigin::File(crate_file("tests/fixtures/no_figures.ron")));
    assert!(harness.query_by_label("Site area by park").is_some(), "titled by the first metric");
    assert!(harness.query_by_label("No park has a figure for site area yet").is_some());
    harness.get_by_label("Time series").click();
    harness.run();
    assert!(harness.query_by_label("Site area over time").is_some());
    assert!(harness.query_by_label("No park has a figure for site area yet").is_some());
    harness.get_by_label("Scatter").click();
    harness.run();
    assert!(harness.query_by_label("Site area against staff").is_some());
    assert!(harness.query_by_label("No park has a figure for staff or site area yet").is_some());
    // No axis is drawn: no tick reads "0".
    let texts: Vec<String> = painted_texts(&harness).into_iter().map(|painted| painted.shown).collect();
    assert!(!texts.iter().any(|text| text == "0"), "{texts:?}");
    harness.get_by_label("中文").click();
    harness.run();
    assert!(harness.query_by_label("尚无园区有员工或用地面积数据").is_some());
}

/// A dataset without metrics says so where the plots of metrics would be, in either language;
/// its industry matrix still draws, and the table's columns menu offers no empty choice.
#[test]
fn a_dataset_without_metrics_says_it_has_none_to_compare() {
    let mut harness = compare(DataOrigin::File(crate_file("tests/fixtures/no_metrics.ron")));
    for language in [Language::En, Language::Zh] {
        let s = strings(language);
        harness.get_by_label(plot_kind_name(language, PlotKind::Bars)).click();
        harness.run();
        assert!(harness.query_by_label(s.title_no_metrics).is_some(), "{language:?}");
        assert!(harness.query_by_label(s.plot_no_metrics).is_some(), "{language:?}");
        assert!(harness.query_by_label(s.metric).is_none(), "no metric picker");
        harness.get_by_label("中文").click();
        harness.run();
    }
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Industry matrix").click();
    harness.run();
    assert!(harness.query_by_label("Industries of the parks and their roles").is_some());
    assert!(harness.query_by_label("Optics").is_some(), "the matrix names the industry");
    harness.get_by_label("Table").click();
    harness.run();
    harness.get_by_role_and_label(egui::Role::Button, "Columns ▼").click();
    harness.run();
    assert!(harness.query_by_label(strings(Language::En).table_columns_no_metrics).is_some());
    assert!(harness.query_by_label("None").is_none(), "no choice of nothing");
}

/// A scatter of a metric against itself is a diagonal that says nothing: the view asks for two
/// different metrics, and says so plainly when the dataset has only one.
#[test]
fn a_scatter_of_one_metric_against_itself_asks_for_two_metrics() {
    let mut harness = compare(small());
    harness.get_by_label("Scatter").click();
    harness.run();
    harness.get_by_role_and_label(egui::Role::ComboBox, "Vertical").click();
    harness.run();
    harness.get_by_label("Planned area").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("choose a different metric for the horizontal or the vertical axis").is_some()
    );
    assert!(harness.query_by_label("Planned area against planned area").is_none(), "no such chart");

    // The small fixture with only its area metric: the scatter opens on it twice, and says why.
    let small = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("fixture");
    let others = ["\"total_income\"", "\"high_tech_enterprises\"", "\"total_profit\""];
    let one_metric: String =
        small.lines().filter(|line| !others.iter().any(|id| line.contains(id))).flat_map(|line| [line, "\n"]).collect();
    let origin = DataOrigin::Memory { label: "one metric".to_owned(), text: one_metric.into() };
    let mut harness = compare(origin);
    assert_eq!(harness.state().dataset().map(|d| d.metrics.len()), Some(1));
    harness.get_by_label("Scatter").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("this dataset has only one metric, Planned area: see it in Ranked bars")
            .is_some()
    );
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    assert!(harness.query_by_label_contains("此数据集只有一项指标（规划面积）").is_some());
}

/// A long industry name is broken into its most even two lines in its header, whole: the
/// first line of "Autonomous shipbuilding and marine drones" is a little over half the name,
/// and breaking at half cut it to "Autonomous / shipbuilding and mari…".
#[test]
fn a_long_industry_name_is_whole_in_two_lines_of_its_header() {
    let name = "Autonomous shipbuilding and marine drones";
    let text = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("fixture");
    let text = text.replacen("(en: \"Artificial intelligence\"", &format!("(en: \"{name}\""), 1);
    let mut harness = compare(DataOrigin::Memory { label: "long industry".to_owned(), text: text.into() });
    harness.get_by_label("Industry matrix").click();
    harness.run();
    let painted = painted_texts(&harness);
    let header = painted.iter().find(|text| text.text == name).expect("the industry's header");
    assert_eq!(header.shown, name, "cut");
}

/// A park's name longer than the matrix's names column is cut with "…", so its cells stay under
/// their industries' headers: a longer name pushed its row's cells to the right, where its
/// roles read as other industries'.
#[test]
fn a_long_park_name_keeps_its_matrix_row_under_the_headers() {
    let long = "Alpha Park of the Very Long Official Designation for Advanced Research and Industrial Cooperation";
    let text = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("fixture");
    let text = text.replacen("(en: \"Alpha Park\"", &format!("(en: \"{long}\""), 1);
    let mut harness = compare(DataOrigin::Memory { label: "long name".to_owned(), text: text.into() });
    harness.get_by_label("Industry matrix").click();
    harness.run();
    let name_right = |prefix: &str| {
        harness
            .query_all_by_role(egui::accesskit::Role::Button)
            .find(|node| node.accesskit_node().label().is_some_and(|label| label.starts_with(prefix)))
            .map_or_else(|| panic!("no row named {prefix}…"), |node| node.rect().right())
    };
    let (alpha, beta) = (name_right("Alpha Park"), name_right("Beta Park"));
    assert!((alpha - beta).abs() < 0.5, "the rows' cells start at {alpha} and {beta}");
}

/// On a slide with room beside its columns, a long park name is shown whole, a pinned one with
/// its star: cut with "…" beside an empty half of the slide, the room could not read which
/// park is compared.
#[test]
fn a_presented_matrix_shows_a_long_pinned_name_whole_where_the_slide_has_room() {
    let long = "Alpha Park of the Very Long Official Designation for Advanced Research";
    let text = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("fixture");
    let text = text.replacen("(en: \"Alpha Park\"", &format!("(en: \"{long}\""), 1);
    let mut harness = compare(DataOrigin::Memory { label: "long name".to_owned(), text: text.into() });
    harness.get_by_label("Industry matrix").click();
    harness.run();
    harness.state_mut().state.pinned.push(ParkId::new("alpha"));
    harness.key_press(egui::Key::F5);
    harness.run();
    let shown: Vec<String> = painted_texts(&harness).into_iter().map(|text| text.shown).collect();
    let pinned = format!("★ {long}");
    assert!(shown.contains(&pinned), "{pinned} whole on the slide, among {shown:?}");
}

/// Another source's figure for a year the line already has is a whole-year point off the line,
/// and the key says so; it is not called a part of a year.
#[test]
fn a_time_series_point_another_source_states_otherwise_is_explained_in_the_key() {
    let key = "circle off its line: another figure stated for that year";
    let mut plain = compare(small());
    plain.get_by_label("Time series").click();
    plain.run();
    assert!(plain.query_by_label_contains(key).is_none(), "no such point, no such key");
    let mut harness = compare(small_with_figure_stated_otherwise(
        &crate_file("tests/fixtures/small.ron"),
        r#"(metric: "total_income", value: 630, year: 2018, qualifier: Preliminary, source: "s1"),"#,
        r#"(metric: "total_income", value: 600, year: 2018, source: "s2"),"#,
    ));
    harness.get_by_label("Time series").click();
    harness.run();
    assert!(harness.query_by_label_contains(key).is_some(), "the key explains the point off the line");
}

/// The years a painted time series writes on its axis, and the dots of the guides leading a
/// line that ends early to its name.
fn year_ticks_and_guide_dots(harness: &Harness<'_, ParkApp>) -> (Vec<i32>, usize) {
    fn dots(shape: &egui::Shape) -> usize {
        match shape {
            // A guide's dots are one point across and see-through; markers are larger, and a
            // line of one point is an opaque dot.
            egui::Shape::Circle(circle) if circle.radius < 1.5 && circle.fill.a() < 255 => 1,
            egui::Shape::Vec(shapes) => shapes.iter().map(dots).sum(),
            _ => 0,
        }
    }
    let years = painted_texts(harness)
        .iter()
        .filter_map(|p| p.shown.parse::<i32>().ok())
        .filter(|year| (1800..2300).contains(year))
        .collect();
    (years, harness.output().shapes.iter().map(|clipped| dots(&clipped.shape)).sum())
}

/// A time series whose figures are all of one year (or two) shows a few years around them, with
/// every year ticked, not 1880–2140; and no guide runs across the empty years to a name when
/// every line ends in the last year. A line ending years before the others still gets its guide.
#[test]
fn a_time_series_of_one_or_two_years_shows_a_few_years_around_them() {
    let mut harness = compare(DataOrigin::File(crate_file("tests/fixtures/lakeshore/lakeshore.ron")));
    harness.get_by_label("Time series").click();
    harness.run();
    // "Grey" when it leads the key, "grey" after another kind.
    let guide_key = "rey dots: lead a line that ends early to its name";
    let mut show = |pinned: &[&str]| {
        harness.state_mut().state.pinned = pinned.iter().map(|id| ParkId::new(*id)).collect();
        harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("site_hectares");
        harness.run();
        let Some(PlotData::TimeSeries { series, .. }) = harness.state().plot_data() else { panic!("a time series") };
        assert_eq!(series.len(), pinned.len(), "a line per pinned park");
        let (years, guides) = year_ticks_and_guide_dots(&harness);
        (years, guides, harness.query_by_label_contains(guide_key).is_some())
    };
    let (years, guides, keyed) = show(&["kunhua", "zhesi", "port_logistics"]);
    assert_eq!(years, [2017, 2018, 2019, 2020, 2021], "all figures of 2019");
    assert_eq!(guides, 0, "every line ends at the last year with figures");
    assert!(!keyed, "no guide, no key to one");
    let (years, ..) = show(&["kunhua", "lakeside_digital"]);
    assert_eq!(years, [2018, 2019, 2020, 2021], "figures of 2019 and 2020, on 2017.5–2021.5");
    let (years, guides, keyed) = show(&["kunhua", "ridge_materials"]);
    assert_eq!((years.first(), years.last()), (Some(&2019), Some(&2024)), "{years:?}");
    assert!(guides > 0, "the line ending in 2019 is led to its name");
    // Keyed, so that the guide does not read as the figure of 2019 holding steady to 2024.
    assert!(keyed, "the key says what the guide is");
}

/// Where the presented matrix cannot show every industry, it keeps the same ones in English and
/// in Chinese, and an industry a park leads before one a single park only names as a focus,
/// supporting or emerging: ties were settled by name in the display language, so English
/// dropped Rail transit (Fengtai's leading industry) and Chinese 文化旅游 (Mentougou's).
#[test]
fn a_cut_matrix_keeps_the_same_industries_in_both_languages_and_those_parks_lead() {
    let kept = |language: Language, count: usize| {
        let harness = presented_real_matrix([1920.0, 1080.0], language);
        let Some(PlotData::Matrix(matrix)) = harness.state().plot_data() else { panic!("the matrix") };
        let mut kept: Vec<String> =
            matrix.most_shared_columns(count, &[]).iter().map(|&c| matrix.industries[c].to_string()).collect();
        kept.sort();
        (kept, matrix.clone())
    };
    for count in [10, 20, 25, 30] {
        let (english, matrix) = kept(Language::En, count);
        let (chinese, _) = kept(Language::Zh, count);
        assert_eq!(english, chinese, "the {count} industries kept");
        // Every industry a park leads is kept before any that no park leads and only one park has.
        let column = |id: &str| matrix.industries.iter().position(|i| i.as_str() == id).expect("an industry");
        let roles = |c: usize| matrix.cells.iter().filter_map(move |row| row[c]).collect::<Vec<_>>();
        let led = |c: usize| roles(c).contains(&zgc_atlas::model::Role::Leading);
        let weakest_kept_is_minor = english.iter().any(|id| roles(column(id)).len() == 1 && !led(column(id)));
        if weakest_kept_is_minor {
            for c in (0..matrix.industries.len()).filter(|&c| led(c)) {
                assert!(
                    english.contains(&matrix.industries[c].to_string()),
                    "{count}: {} is led",
                    matrix.industries[c]
                );
            }
        }
    }
    let (kept, _) = kept(Language::En, 25);
    assert!(kept.iter().any(|id| id == "rail_transit") && kept.iter().any(|id| id == "culture_tourism"), "{kept:?}");
}

/// A presented matrix that cannot show every industry keeps the pinned parks' industries, the
/// parks the slide is about: a slide with three pinned parks dropped the two industries only
/// they had, and kept others only one unpinned park has.
#[test]
fn a_cut_presented_matrix_keeps_the_pinned_parks_industries() {
    let mut harness = presented_real_matrix([1280.0, 720.0], Language::En);
    let Some(PlotData::Matrix(matrix)) = harness.state().plot_data().cloned() else { panic!("the matrix") };
    let dataset = harness.state().dataset().expect("loaded").clone();
    let name = |id: &zgc_atlas::model::IndustryId| {
        dataset.industries.iter().find(|i| &i.id == id).map(|i| i.name.en.clone()).expect("a named industry")
    };
    let drawn = |harness: &Harness<'_, ParkApp>| -> Vec<bool> {
        matrix.industries.iter().map(|id| harness.query_by_label(&name(id)).is_some()).collect()
    };
    let before = drawn(&harness);
    let dropped = before.iter().position(|shown| !shown).expect("more industries than a 1280×720 slide holds");
    // The park that has the dropped industry and the fewest others, pinned with two more.
    let has = |row: usize, column: usize| matrix.cells[row][column].is_some();
    let row = (0..matrix.parks.len())
        .filter(|&row| has(row, dropped))
        .min_by_key(|&row| (0..matrix.industries.len()).filter(|&c| has(row, c)).count())
        .expect("a park has it");
    let others = (0..matrix.parks.len()).filter(|&r| r != row).take(2);
    let pinned: Vec<usize> = std::iter::once(row).chain(others).collect();
    harness.state_mut().state.pinned = pinned.iter().map(|&r| matrix.parks[r].clone()).collect();
    harness.run();
    let after = drawn(&harness);
    let pinned_industries = (0..matrix.industries.len()).filter(|&c| pinned.iter().any(|&r| has(r, c)));
    for column in pinned_industries {
        assert!(after[column], "{} of a pinned park is drawn", matrix.industries[column]);
    }
    assert_eq!(after.iter().filter(|&&d| d).count(), before.iter().filter(|&&d| d).count(), "as many columns");
    assert!(
        harness
            .query_by_label_contains("as many as fit: the pinned parks' (★), then those the most parks have")
            .is_some(),
        "the note says which are kept"
    );
}

/// A park with only a target for the year has no bar, and the "no data" line says it has a
/// target, in both languages: "no data" alone contradicted the table, which shows the target.
#[test]
fn the_no_data_line_says_which_parks_have_only_a_target() {
    let beta_income = (
        "(metric: \"planned_area\", value: 10, year: 2012, source: \"s2\"),",
        "(metric: \"planned_area\", value: 10, year: 2012, source: \"s2\"),\n(metric: \"total_income\", value: 50, year: 2020, source: \"s2\"),",
    );
    let mut harness = small_bars_with(&[beta_income], "total_income", 2020, None);
    assert!(harness.query_by_label("no data: Alpha Park (only a target), Gamma Park").is_some());
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    assert!(harness.query_by_label_contains("甲园（仅有目标数据）").is_some());
}

/// The small fixture with `from` replaced by `to` (once), opened on the Compare tab's bars of
/// `metric` for `year`, divided by `divide_by`.
fn small_bars_with(
    edits: &[(&str, &str)],
    metric: &str,
    year: i32,
    divide_by: Option<&str>,
) -> Harness<'static, ParkApp> {
    small_bars_in(Window::default(), edits, metric, year, divide_by)
}

/// [`small_bars_with`] in a window of its own.
fn small_bars_in(
    window: Window,
    edits: &[(&str, &str)],
    metric: &str,
    year: i32,
    divide_by: Option<&str>,
) -> Harness<'static, ParkApp> {
    let mut text = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture");
    for (from, to) in edits {
        assert!(text.contains(from), "the fixture has {from}");
        text = text.replacen(from, to, 1);
    }
    let mut harness = open_app(DataOrigin::Memory { label: "small.ron".to_owned(), text: text.into() }, window);
    harness.get_by_label("Compare").click();
    harness.run();
    let plot = &mut harness.state_mut().state.plot;
    plot.metric = zgc_atlas::model::MetricId::new(metric);
    plot.year = zgc_atlas::state::YearChoice::Year(year);
    plot.divide_by = divide_by.map(zgc_atlas::model::MetricId::new);
    harness.run();
    harness
}

/// Beta's ground changed in 2012 and its area is stated only for 2012: its income of 2008 per
/// km² has no bar, and the "no data" line says why, in both languages. So has the zone's, whose
/// ground changed in 2012 as well: the notes say why it draws no benchmark.
#[test]
fn a_bar_without_a_divisor_within_its_boundaries_says_why_it_has_none() {
    let mut harness = small_bars_with(
        &[
            (
                r#"industries: [(industry: "biomed", role: Leading, source: "s2")],"#,
                r#"industries: [(industry: "biomed", role: Leading, source: "s2")],
            milestones: [(year: 2012, event: (en: "Extended", zh: "扩区"), boundary_change: true, source: "s2")],"#,
            ),
            (
                r#"(metric: "planned_area", value: 10, year: 2012, source: "s2"),"#,
                r#"(metric: "planned_area", value: 10, year: 2012, source: "s2"),
                (metric: "total_income", value: 50, year: 2008, source: "s2"),"#,
            ),
            // The zone's ground changed in 2012 too, and its area is of 2012.
            (
                r#"observations: [(metric: "planned_area", value: 488, year: 2012, source: "s1")],"#,
                r#"milestones: [(year: 2012, event: (en: "Extended", zh: "扩区"), boundary_change: true, source: "s1")],
        observations: [(metric: "planned_area", value: 488, year: 2012, source: "s1"), (metric: "total_income", value: 900, year: 2008, source: "s1")],"#,
            ),
            // Alpha's ground did not change: its 2008 income is divided by its 2012 area.
            (
                r#"(metric: "planned_area", value: 26.1, year: 2012, source: "s1"),"#,
                r#"(metric: "planned_area", value: 26.1, year: 2012, source: "s1"),
                (metric: "total_income", value: 261, year: 2008, source: "s1"),"#,
            ),
        ],
        "total_income",
        2008,
        Some("planned_area"),
    );
    let Some(PlotData::Bars(series)) = harness.state().plot_data() else { panic!("expected the bars") };
    assert_eq!(bar_parks(&harness), ["alpha"], "no bar divides Beta's 2008 by its 2012 ground: {series:?}");
    assert!(painted_texts(&harness).iter().any(|text| text.shown == "10 (2008 ÷ 2012)"), "Alpha's 261 ÷ 26.1 km²");
    assert!(harness.query_by_label_contains("Beta Park (no divisor known to be within the same boundaries)").is_some());
    assert!(harness.query_by_label_contains("Gamma Park (").is_none(), "Gamma has no figures: no reason to give");
    assert!(
        harness
            .query_by_label_contains("Test zone: no divisor known to be within the same boundaries, not drawn")
            .is_some()
    );
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    assert!(harness.query_by_label_contains("乙园（无可确认为同一园区范围的除数数据）").is_some(), "in Chinese");
    assert!(
        harness.query_by_label_contains("测试区：无可确认为同一范围的除数数据，未绘出").is_some(),
        "the zone, in Chinese"
    );
}

/// A first quarter of the zone is not drawn as the benchmark of whole years of the parks: the
/// notes say the zone has only that part of the year.
#[test]
fn a_part_of_the_zones_year_is_not_drawn_against_whole_years() {
    let mut harness = small_bars_with(
        &[(
            r#"observations: [(metric: "planned_area", value: 488, year: 2012, source: "s1")],"#,
            r#"observations: [(metric: "planned_area", value: 488, year: 2012, source: "s1"), (metric: "total_income", value: 1120, year: 2018, period: Some(JanTo(3)), source: "s1")],"#,
        )],
        "total_income",
        2018,
        None,
    );
    assert!(harness.query_by_label_contains("Test zone: only a figure for 2018 Jan–Mar, not drawn").is_some());
    assert!(harness.query_by_label_contains("dotted line").is_none(), "no line is drawn for the zone");
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    assert!(harness.query_by_label_contains("测试区：仅有2018年1–3月的数据，未绘出").is_some(), "in Chinese");
    assert!(harness.query_by_label_contains("点线").is_none(), "no line is drawn for the zone, in Chinese");
}

/// Where the window leaves the chart too little room (enlarged text, a small screen), the
/// Compare view scrolls to the chart's axis, the "no data" line and the sources: pushed below
/// the window, they were out of reach.
#[test]
fn a_chart_too_tall_for_its_window_is_scrolled_to() {
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [1000.0, 430.0], ..Window::default() });
    harness.get_by_label("Compare").click();
    harness.run();
    let sources = |harness: &Harness<'_, ParkApp>| {
        painted_texts(harness).into_iter().find(|p| p.text.starts_with("Sources:")).map(|p| p.rect)
    };
    let bottom = 430.0;
    // Below the window, it is not drawn at all.
    assert!(sources(&harness).is_none_or(|rect| rect.top() > bottom), "a fair test: the sources are out of view");
    let takeaway = harness.get_by_label_contains("ranks first").rect().center();
    scroll_at(&mut harness, takeaway, 600.0);
    let after = sources(&harness).expect("a sources line");
    assert!(after.bottom() <= bottom, "scrolled into the window: {after:?}");
}

/// A total of all years to date is drawn as a diamond, as a part of a year is, but its key says
/// what it is: not "part of a year".
#[test]
fn a_total_to_date_is_keyed_as_what_it_is() {
    let mut text = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture");
    let beta_area = r#"(metric: "planned_area", value: 10, year: 2012, source: "s2"),"#;
    assert!(text.contains(beta_area), "the fixture has beta's area");
    text = text.replacen(
        beta_area,
        r#"(metric: "planned_area", value: 10, year: 2012, source: "s2"),
                (metric: "total_income", value: 5000, year: 2018, period: Some(Cumulative), source: "s2"),"#,
        1,
    );
    let mut harness = compare(DataOrigin::Memory { label: "small.ron".to_owned(), text: text.into() });
    harness.get_by_label("Time series").click();
    harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("total_income");
    harness.run();
    assert!(
        harness.query_by_label_contains("iamond: part of a year, or a total of all years to then").is_some(),
        "alpha's first half of 2019 and beta's total to 2018"
    );
    harness.state_mut().state.pinned = vec![zgc_atlas::model::ParkId::new("beta")];
    harness.state_mut().state.plot.scope = zgc_atlas::state::PlotScope::Pinned;
    harness.run();
    // The key's first word is capitalised where it leads the key.
    assert!(harness.query_by_label_contains("iamond: a total of all years to then").is_some(), "beta's alone");
    assert!(harness.query_by_label_contains("iamond: part of a year").is_none(), "no part of a year is drawn");
}

/// Coloured bars are explained, at the desk and on a slide: the pinned parks' and the
/// selected one's; nothing is said where no bar is coloured, or where every bar is pinned.
#[test]
fn coloured_bars_are_explained() {
    let mut harness = compare(small());
    let key = |harness: &Harness<'_, ParkApp>| {
        // The longest first: the pinned parks' key begins the key of both.
        ["Coloured bars: the pinned parks and", "Coloured bars: the pinned parks", "Coloured bar: the selected park"]
            .into_iter()
            .find(|key| harness.query_by_label_contains(key).is_some())
    };
    harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("planned_area");
    harness.run();
    assert!(bar_parks(&harness).len() >= 2, "a fair test: two bars or more");
    assert_eq!(key(&harness), None, "no bar coloured");
    let parks = bar_parks(&harness);
    harness.state_mut().state.pinned.push(zgc_atlas::model::ParkId::new(parks[0].as_str()));
    harness.run();
    assert_eq!(key(&harness), Some("Coloured bars: the pinned parks"));
    harness.state_mut().state.selected = Some(zgc_atlas::model::ParkId::new(parks[1].as_str()));
    harness.run();
    assert_eq!(key(&harness), Some("Coloured bars: the pinned parks and"));
    harness.key_press(egui::Key::F5);
    harness.run();
    assert_eq!(key(&harness), Some("Coloured bars: the pinned parks and"), "on the slide too");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.state_mut().state.pinned.clear();
    harness.run();
    assert_eq!(key(&harness), Some("Coloured bar: the selected park"));
    harness.state_mut().state.pinned.push(zgc_atlas::model::ParkId::new(parks[1].as_str()));
    harness.state_mut().state.plot.scope = zgc_atlas::state::PlotScope::Pinned;
    harness.run();
    assert_eq!(key(&harness), None, "every bar is a pinned park's: the scope says so");
}

/// One bar has no median line, and no key of one; the note says why there is none.
#[test]
fn one_bar_has_no_median_line() {
    let mut harness = small_bars_with(&[], "total_income", 2018, None);
    assert_eq!(bar_parks(&harness), ["alpha"], "a fair test: one bar");
    assert!(harness.query_by_label_contains("Dashed line").is_none(), "no median of one park");
    assert!(harness.query_by_label_contains("No median line").is_some(), "and why");
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    assert!(harness.query_by_label_contains("虚线").is_none(), "no median of one park, in Chinese");
    assert!(harness.query_by_label_contains("无中位数线").is_some(), "and why, in Chinese");
}

/// A loss beside a small profit, both divided by an area of another year: each bar's label is
/// whole inside the plot, the small profit's long label too, at the desk's sizes and presented,
/// and the loss's label is written beyond its end, left of zero.
#[test]
fn every_bar_label_is_whole_beside_a_loss() {
    for (size, present) in
        [([1400.0, 860.0], false), ([1280.0, 720.0], false), ([1280.0, 720.0], true), ([1920.0, 1080.0], true)]
    {
        let mut harness = small_bars_in(
            Window { size, ..Window::default() },
            &[(
                r#"(metric: "planned_area", value: 10, year: 2012, source: "s2"),"#,
                r#"(metric: "planned_area", value: 10, year: 2012, source: "s2"),
                (metric: "total_profit", value: 0.2, year: 2018, source: "s2"),"#,
            )],
            "total_profit",
            2018,
            Some("planned_area"),
        );
        if present {
            harness.key_press(egui::Key::F5);
            harness.run();
        }
        assert_eq!(bar_parks(&harness), ["beta", "alpha"], "a profit above a loss");
        let painted = painted_texts(&harness);
        let labels: Vec<&painted::PaintedText> = painted.iter().filter(|p| p.text.ends_with("(2018 ÷ 2012)")).collect();
        assert_eq!(labels.len(), 2, "at {size:?}: one label a bar");
        let (profit, loss) = (labels[0], labels[1]);
        assert!(profit.text.starts_with("0.02") && loss.text.starts_with('-'), "{} and {}", profit.text, loss.text);
        assert!(
            loss.rect.right() < profit.rect.left(),
            "at {size:?}, the loss's label {:?} lies left of its bar, which ends left of the profit's label {:?}",
            loss.rect,
            profit.rect
        );
        for label in labels {
            assert!(
                label.clip.contains_rect(label.rect),
                "at {size:?}, {:?} at {:?} is cut by the plot's edge {:?}",
                label.text,
                label.rect,
                label.clip
            );
        }
    }
}

/// A hedged figure's hollow ring is drawn over every park's filled markers: where a ring and
/// another park's filled marker share a year at about the same height, the ring stays seen.
#[test]
fn hollow_markers_are_drawn_over_filled_ones() {
    // Each park with a filled marker and a hollow one, so that whichever park is drawn first has
    // a ring that the other park's filled marker could cover.
    let mut text = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("the fixture");
    for (from, to) in [
        (
            r#"(metric: "high_tech_enterprises", value: 1382, year: 2019, source: "s1"),"#,
            r#"(metric: "high_tech_enterprises", value: 1382, year: 2019, source: "s1"),
                (metric: "high_tech_enterprises", value: 1500, year: 2020, qualifier: AtLeast, source: "s1"),"#,
        ),
        (
            r#"(metric: "high_tech_enterprises", value: 450, year: 2019, qualifier: AtLeast, source: "s2"),"#,
            r#"(metric: "high_tech_enterprises", value: 450, year: 2019, qualifier: AtLeast, source: "s2"),
                (metric: "high_tech_enterprises", value: 1450, year: 2020, source: "s2"),"#,
        ),
    ] {
        assert!(text.contains(from), "the fixture has {from}");
        text = text.replacen(from, to, 1);
    }
    let mut harness = compare(DataOrigin::Memory { label: "small.ron".to_owned(), text: text.into() });
    harness.get_by_label("Time series").click();
    harness.state_mut().state.plot.metric = zgc_atlas::model::MetricId::new("high_tech_enterprises");
    harness.run();
    let circles: Vec<(egui::Rect, bool)> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Circle(circle) => Some((clipped.clip_rect, circle.fill != egui::Color32::TRANSPARENT)),
            _ => None,
        })
        .collect();
    // The plot's markers: the circles clipped to the plot, as the hollow ones are.
    let plot = circles.iter().find(|(_, filled)| !filled).expect("a hollow marker").0;
    let markers: Vec<bool> = circles.iter().filter(|(clip, _)| *clip == plot).map(|(_, filled)| *filled).collect();
    assert_eq!(markers.iter().filter(|filled| !**filled).count(), 2, "two hollow markers: {markers:?}");
    let first_hollow = markers.iter().position(|filled| !filled).unwrap_or_default();
    assert!(!markers[first_hollow..].contains(&true), "a filled marker is drawn over a hollow one: {markers:?}");
}

/// At the desk, with room to the right of the matrix's columns, a long park name is shown
/// whole: cut with "…" beside an empty half of the window, the row could not be read.
#[test]
fn the_matrix_shows_a_long_park_name_whole_where_the_window_has_room() {
    let long = "Alpha Park of the Long Official Designation";
    let text = std::fs::read_to_string(crate_file("tests/fixtures/small.ron")).expect("fixture");
    let text = text.replacen("(en: \"Alpha Park\"", &format!("(en: \"{long}\""), 1);
    let mut harness = compare(DataOrigin::Memory { label: "long name".to_owned(), text: text.into() });
    harness.get_by_label("Industry matrix").click();
    harness.run();
    let shown: Vec<String> = painted_texts(&harness).into_iter().map(|text| text.shown).collect();
    assert!(shown.iter().any(|text| text == long), "{long} whole at the desk, among {shown:?}");
}

/// With targets and forecasts left out, the time series says so in its scope line, its key
/// explains no square it does not draw, and a click on the box brings them back.
#[test]
fn a_time_series_without_targets_says_so_and_keys_only_what_it_draws() {
    let mut harness = compare(small());
    harness.get_by_label("Time series").click();
    harness.run();
    // Alpha's 2020 target is drawn: its square is keyed.
    assert!(harness.query_by_label_contains("square and dashed line: target or forecast").is_some());
    harness.get_by_label("Targets and forecasts").click();
    harness.run();
    assert!(!harness.state().state.plot.show_projections);
    assert!(harness.query_by_label_contains("targets and forecasts not drawn").is_some());
    assert!(harness.query_by_label_contains("square and dashed line").is_none(), "no square is drawn");
    assert!(harness.query_by_label_contains("Hollow marker: approximate").is_some(), "the key starts capitalised");
}

/// On a scatter of hundreds of points (plain dots) and of thousands (a density layer), a park
/// pinned while the scatter is shown is named on it at once, and no longer once unpinned: what
/// the scatter works out of its points once per plot follows the pins.
#[test]
fn a_park_pinned_on_a_scatter_of_many_points_is_named_at_once_and_unnamed_when_unpinned() {
    let real = load_dataset(EMBEDDED_DATASET, "zgc.ron").expect("the embedded dataset loads");
    for parks in [300, 5_000] {
        let origin = DataOrigin::Memory { label: format!("{parks} parks"), text: synthetic_ron(&real, parks).into() };
        let mut harness = compare(origin);
        harness.get_by_label("Scatter").click();
        harness.run();
        // A name beside its point (cut with "…" near the plot's edge, whole to a screen reader).
        let named = |harness: &Harness<'_, ParkApp>, name: &str| {
            harness.query_all_by_role_and_label(egui::accesskit::Role::Label, name).next().is_some()
        };
        let Some(PlotData::Scatter { points, .. }) = harness.state().plot_data() else {
            panic!("expected the scatter")
        };
        assert!(points.len() > 100, "{parks} parks: {} points", points.len());
        let dataset = harness.state().dataset().expect("loaded");
        let (park, name) = points
            .iter()
            .map(|p| (p.park.clone(), dataset.park(&p.park).expect("a plotted park").name.en.clone()))
            .find(|(_, name)| !named(&harness, name))
            .expect("a point not named");
        harness.state_mut().state.pinned = vec![park];
        harness.run();
        assert!(named(&harness, &name), "{parks} parks: {name}, pinned, is named");
        harness.state_mut().state.pinned.clear();
        harness.run();
        assert!(!named(&harness, &name), "{parks} parks: {name}, unpinned, is no longer named");
    }
}

/// A metric with a long name on the scatter's axes and bubbles, then on the bars, a park's
/// profile open: each drop-down stays beside its label and short of the profile, its text cut
/// to the row's room, and so does each value axis's title.
#[test]
fn a_long_metric_name_keeps_drop_downs_beside_their_labels_and_axis_titles_within_the_plot() {
    let (_dir, path) = long_metric::lakeshore_with_a_long_metric_name();
    for width in [1280.0, 1400.0] {
        let mut harness =
            open_app(DataOrigin::File(path.clone()), Window { size: [width, 720.0], ..Window::default() });
        let first = harness.state().dataset().expect("loaded").parks[0].id.clone();
        let state = &mut harness.state_mut().state;
        state.selected = Some(first);
        state.tab = zgc_atlas::state::Tab::Compare;
        state.plot.kind = PlotKind::Scatter;
        state.plot.x_metric = zgc_atlas::model::MetricId::new("turnover");
        state.plot.size_metric = Some(zgc_atlas::model::MetricId::new("turnover"));
        harness.run();
        let profile_left = harness.get_by_label("Figures").rect().left();
        let s = strings(Language::En);
        for label in [s.x_axis, s.y_axis, s.bubble] {
            let list = long_metric::list_beside(&harness, label);
            assert!(list.right() < profile_left, "at {width}, the drop-down {list:?} runs under the profile");
        }
        // The horizontal axis's title is cut in the metric's name, keeping its unit, short of
        // the profile (it ran past the plot's edge, its unit cut off).
        let painted = painted_texts(&harness);
        // Below the chart's title, left of the profile (which names the metric too).
        let chart_top = harness.get_by_label_contains("Site area against").rect().bottom();
        let title = painted
            .iter()
            .find(|t| t.shown.starts_with("Net operating") && t.rect.top() > chart_top && t.rect.left() < profile_left)
            .expect("the axis's title");
        assert!(title.shown.ends_with(" (100m yuan)"), "at {width}: {:?}", title.shown);
        assert!(title.rect.right() < profile_left, "at {width}, the title {:?} runs under the profile", title.rect);
        // So does the ranked bars' value axis's title, beside the parks' names.
        let state = &mut harness.state_mut().state;
        state.plot.kind = PlotKind::Bars;
        state.plot.metric = zgc_atlas::model::MetricId::new("turnover");
        harness.run();
        harness.run();
        let painted = painted_texts(&harness);
        let titles: Vec<_> = painted
            .iter()
            .filter(|t| t.shown.starts_with("Net operating") && t.shown.ends_with("(100m yuan)"))
            .filter(|t| t.rect.left() < profile_left)
            .collect();
        assert!(!titles.is_empty(), "at {width}, the bars' axis has a title");
        for title in titles {
            assert!(title.rect.right() < profile_left, "at {width}, {:?} runs under the profile", title.shown);
        }
    }
}
