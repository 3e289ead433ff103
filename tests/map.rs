//! The map as a user drives it: markers select parks in the map and in its inset, the
//! choropleth follows the chosen value, presenting hides the controls; and the map of another
//! city, drawn from a synthetic map file, gets an inset of its own small centre.

#[expect(dead_code, reason = "the map is not walked by Tab: no `focused`")]
mod common;
mod long_metric;
mod painted;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use zgc_atlas::app::ParkApp;
use zgc_atlas::model::geo::{CityMap, load_city_map};
use zgc_atlas::model::{DataOrigin, Dataset, Language, load_dataset};
use zgc_atlas::model::{DistrictId, ParkId};
use zgc_atlas::state::map::{DistrictValue, MapChoice, MapData};
use zgc_atlas::state::{Action, FilterState, ParkColours};
use zgc_atlas::views::map::{MapContext, MapGeometry, map_ui};

use common::{Window, open_app, scroll_at};
use egui::Color32;
use painted::painted_texts;
use zgc_atlas::theme::{class_colour, outside_filter_marker_colour, series_colour};

fn map() -> Harness<'static, ParkApp> {
    let mut harness = open_app(DataOrigin::Embedded, Window::default());
    harness.get_by_label("Map").click();
    harness.run();
    harness
}

#[test]
fn clicking_a_park_marker_selects_the_park_in_the_map_and_in_the_inset() {
    let mut harness = map();
    // Haidian Park lies near the centre: its marker is drawn on the main map and, enlarged, in
    // the inset, and both select it.
    assert_eq!(harness.query_all_by_role_and_label(egui::Role::Button, "Haidian Park").count(), 2);
    harness.query_all_by_role_and_label(egui::Role::Button, "Haidian Park").next().expect("main map").click();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("haidian")));
    assert!(harness.query_by_label("中关村海淀园").is_some(), "the profile shows it");
    harness.query_all_by_role_and_label(egui::Role::Button, "Xicheng Park").last().expect("inset").click();
    harness.run();
    assert_eq!(harness.state().state.selected, Some(ParkId::new("xicheng")));
    // A park far from the centre has one marker only.
    assert_eq!(harness.query_all_by_role_and_label(egui::Role::Button, "Miyun Park").count(), 1);
}

/// A pinned park the inset enlarges is named in the inset only, as its district is; one
/// outside it is named on the main map.
#[test]
fn a_pinned_park_in_the_inset_is_named_there_only() {
    let mut harness = map();
    for park in ["haidian", "miyun"] {
        harness.state_mut().state.pinned.push(ParkId::new(park));
    }
    harness.run();
    harness.run();
    let named = |name: &str| painted_texts(&harness).into_iter().filter(|painted| painted.shown == name).count();
    // Each once on the map, once more in the legend's list of coloured parks.
    assert_eq!(named("Haidian Park"), 2, "in the inset and the legend, not on the main map's crowded core");
    assert_eq!(named("Miyun Park"), 2, "on the main map and in the legend");
}

#[test]
fn the_map_says_what_it_shows_and_counts_one_park_in_the_singular() {
    let harness = map();
    assert!(
        harness
            .query_by_label("Tongzhou and Daxing have the most parks (2 each); every district has at least one.")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("16 parks (17 entries) · a park in two districts counts in both · Schematic — not to scale")
            .is_some()
    );
    assert!(harness.query_by_label_contains("Enlarged ×").is_some(), "the inset and its caption");
}

#[test]
fn presenting_shows_the_map_without_its_controls() {
    let mut harness = map();
    assert!(harness.query_by_label("Colour districts by").is_some());
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    for control in ["Colour districts by", "Marker size", "quantiles", "Reset view"] {
        assert!(harness.query_by_label(control).is_none(), "{control} is shown while presenting");
    }
    assert!(harness.query_by_label("Beijing — Parks matching the filter").is_some());
    assert!(harness.query_by_label_contains("have the most parks").is_some(), "the takeaway");
    assert!(harness.query_by_label_contains("Enlarged ×").is_some(), "the inset");
}

/// Zoomed in, or zoomed and panned, the map runs under its zoom buttons: no district's or
/// park's name is written there, where the buttons hid it ("Yanqing", three notches in).
#[test]
fn zoomed_in_the_maps_names_keep_clear_of_the_zoom_buttons() {
    let mut harness = map();
    let buttons = |harness: &Harness<'_, ParkApp>| {
        ["+", "−", "Reset view"]
            .map(|label| harness.get_by_role_and_label(egui::Role::Button, label).rect())
            .into_iter()
            .reduce(egui::Rect::union)
            .expect("three buttons")
    };
    let dataset = harness.state().dataset().expect("loaded").clone();
    let names: Vec<String> = dataset
        .districts
        .iter()
        .map(|district| district.name.en.clone())
        .chain(dataset.parks.iter().map(|park| park.name.en.clone()))
        .collect();
    let assert_clear = |harness: &Harness<'_, ParkApp>, how: &str| {
        let buttons = buttons(harness);
        let under: Vec<String> = painted_texts(harness)
            .into_iter()
            .filter(|painted| {
                // Whole, or shortened with "…".
                let shortened = painted.shown.strip_suffix('…');
                names
                    .iter()
                    .any(|name| painted.shown == *name || shortened.is_some_and(|start| name.starts_with(start)))
            })
            .filter(|painted| painted.rect.intersects(buttons))
            .map(|painted| painted.shown)
            .collect();
        assert!(under.is_empty(), "{how}: {under:?} under the zoom buttons {buttons:?}");
    };
    // As a user does: three notches of the wheel over the map, on the district name nearest
    // the buttons (the inset names districts too).
    let corner = buttons(&harness).center();
    let over = painted_texts(&harness)
        .into_iter()
        .filter(|painted| dataset.districts.iter().any(|district| painted.shown == district.name.en))
        .map(|painted| painted.rect.center())
        .min_by(|a, b| a.distance(corner).total_cmp(&b.distance(corner)))
        .expect("a district named on the map");
    for notch in 1..=3 {
        scroll_at(&mut harness, over, -50.0);
        harness.run();
        assert_clear(&harness, &format!("{notch} notches in"));
    }
    assert!(harness.state().state.map.zoom > 1.2, "the wheel zoomed in: {}", harness.state().state.map.zoom);
    // Then zoomed and panned every way.
    for zoom in [1.5, 2.0, 3.0] {
        for pan in [(0.0, 0.0), (200.0, 150.0), (-200.0, 150.0), (200.0, -150.0), (400.0, 300.0)] {
            harness.state_mut().state.map.zoom = zoom;
            harness.state_mut().state.map.pan = pan;
            harness.run();
            assert_clear(&harness, &format!("zoom {zoom}, pan {pan:?}"));
        }
    }
}

#[test]
fn the_zoom_buttons_on_the_map_zoom_and_reset_it() {
    let mut harness = map();
    let zoom = |harness: &Harness<'_, ParkApp>| harness.state().state.map.zoom;
    assert!((zoom(&harness) - 1.0).abs() < 1e-6);
    harness.get_by_label("+").click();
    harness.run();
    assert!(zoom(&harness) > 1.0, "+ zooms in");
    harness.get_by_label("Reset view").click();
    harness.run();
    harness.get_by_label("−").click();
    harness.run();
    assert!(zoom(&harness) < 1.0, "− zooms out");
    harness.get_by_label("Reset view").click();
    harness.run();
    assert!((zoom(&harness) - 1.0).abs() < 1e-6);
}

/// With every chart colour taken by pins, the selected park is grey, and still drawn with the
/// heaviest ring and named in the legend: the map shows which park the profile is about.
#[test]
fn a_selected_park_without_a_colour_still_stands_out_on_the_map() {
    let mut harness = map();
    let pins = ["changping", "huairou", "mentougou", "miyun", "pinggu", "shijingshan", "shunyi"];
    harness.state_mut().state.pinned = pins.iter().map(|park| ParkId::new(*park)).collect();
    harness.state_mut().state.selected = Some(ParkId::new("haidian"));
    harness.run();
    harness.run();
    assert!(harness.state().map_data().marker(&ParkId::new("haidian")).is_some(), "Haidian has a marker");
    let haidian: Vec<egui::Rect> =
        harness.query_all_by_role_and_label(egui::Role::Button, "Haidian Park").map(|node| node.rect()).collect();
    assert!(!haidian.is_empty(), "Haidian's marker is drawn");
    let widest_ring = painted_shapes(&harness)
        .iter()
        .filter_map(|shape| match shape {
            egui::Shape::Circle(circle) if haidian.iter().any(|rect| rect.contains(circle.center)) => {
                Some(circle.stroke.width)
            }
            _ => None,
        })
        .fold(0.0, f32::max);
    assert!(widest_ring >= 4.0, "the selected marker's ring is {widest_ring} points wide");
    let painted: Vec<String> = painted_texts(&harness).into_iter().map(|painted| painted.text).collect();
    // The profile's heading names it once; the map and its legend name it too.
    let named = painted.iter().filter(|text| *text == "Haidian Park").count();
    assert!(named >= 3, "named {named} times: {painted:?}");
}

/// A park whose approximate position lies on its district's edge is drawn clear of it: the
/// window's markers stand where the map's outlines place them (`CityMap::marker_places`, which
/// the model's tests check against the edges), the others at their locations.
#[test]
fn a_marker_on_its_districts_edge_is_drawn_inside_it() {
    let harness = map();
    let dataset = harness.state().dataset().expect("loaded").clone();
    let city = DataOrigin::Embedded.load_map(&dataset).expect("a map ships").expect("the map loads");
    let places = city.marker_places(&dataset);
    let mut moved = 0;
    for (park, place) in dataset.parks.iter().zip(&places) {
        let Some(location) = &park.location else { continue };
        let marker = harness.state().map_data().marker(&park.id).expect("every located park has a marker");
        assert_eq!(marker.lon_lat, place.unwrap_or((location.lon, location.lat)), "{}", park.id);
        moved += usize::from(place.is_some());
    }
    assert!(moved >= 1, "a shipped park lies near its district's edge: a fair test");
}

#[test]
fn changing_the_choropleth_value_changes_the_legend() {
    let mut harness = map();
    // Parks per district: Daxing and Tongzhou hold two (E-Town spans both), the rest one.
    assert_eq!(harness.state().map_data().value_of(&DistrictId::new("daxing")), Some(2.0));
    assert!(harness.query_by_label("Beijing — Parks matching the filter").is_some());
    harness.get_by_role_and_label(egui::Role::ComboBox, "Colour districts by").click();
    harness.run();
    harness.get_by_label("Sum of planned area").click();
    harness.run();
    assert!(harness.query_by_label("Beijing — Sum of planned area (km²)").is_some());
    let data = harness.state().map_data();
    assert_eq!(data.value_of(&DistrictId::new("haidian")), None, "Haidian Park has no planned area: no data");
    assert!(data.value_of(&DistrictId::new("chaoyang")).is_some());
    assert!(data.classes.as_ref().is_some_and(|c| c.breaks.len() > 1));
}

#[test]
fn the_industry_filter_dims_markers_and_recounts_districts() {
    let mut harness = map();
    harness.get_by_label("Rail transit (1)").click();
    harness.run();
    let data = harness.state().map_data();
    assert_eq!(data.markers.iter().filter(|m| m.in_filter).count(), 1);
    assert_eq!(data.value_of(&DistrictId::new("fengtai")), Some(1.0));
    assert_eq!(data.value_of(&DistrictId::new("haidian")), Some(0.0));
}

/// Every shape the last frame painted, in the order painted, `Vec`s opened.
fn painted_shapes(harness: &Harness<'_, ParkApp>) -> Vec<egui::Shape> {
    fn collect(shape: &egui::Shape, shapes: &mut Vec<egui::Shape>) {
        match shape {
            egui::Shape::Vec(inner) => inner.iter().for_each(|s| collect(s, shapes)),
            other => shapes.push(other.clone()),
        }
    }
    let mut shapes = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut shapes);
    }
    shapes
}

/// A pinned park outside the filter is still drawn in its colour, as the legend shows it
/// (hollow: a band of the colour round a pale centre, never faded into the district's colour
/// or, for a cross, into its black outline), and the legend says it is outside the filter.
#[test]
fn a_pinned_park_outside_the_filter_keeps_its_colour_and_the_legend_says_so() {
    let mut harness = map();
    // Pinned in this order, the parks take the first palette slots: Haidian's disc, Miyun's
    // cross (it has no figure of the marker metric), Fengtai's disc.
    for park in ["haidian", "miyun", "fengtai"] {
        harness.state_mut().state.pinned.push(ParkId::new(park));
    }
    harness.run();
    harness.get_by_label("Rail transit (1)").click();
    harness.run();
    harness.run();
    let in_filter = |park: &str| harness.state().map_data().marker(&ParkId::new(park)).expect("a marker").in_filter;
    assert!(!in_filter("haidian") && !in_filter("miyun") && in_filter("fengtai"));
    let shapes = painted_shapes(&harness);
    // Where the park's buttons are: its markers (in the main map, and in the inset when it is
    // there), and any other button naming it.
    let at = |name: &str| -> Vec<egui::Rect> {
        harness.query_all_by_role_and_label(egui::Role::Button, name).map(|node| node.rect()).collect()
    };
    let within = |rects: &[egui::Rect], point: egui::Pos2| rects.iter().any(|rect| rect.contains(point));
    // Haidian's disc: a disc of its full colour under a pale one of the same hue, all opaque.
    let haidian = at("Haidian Park");
    let discs: Vec<Color32> = shapes
        .iter()
        .filter_map(|shape| match shape {
            egui::Shape::Circle(circle) if within(&haidian, circle.center) && circle.fill.a() > 0 => Some(circle.fill),
            _ => None,
        })
        .collect();
    assert!(discs.contains(&series_colour(0)), "Haidian's disc keeps its colour: {discs:?}");
    assert!(discs.contains(&outside_filter_marker_colour(series_colour(0))), "and is hollow: {discs:?}");
    assert!(discs.iter().all(Color32::is_opaque), "no district shows through: {discs:?}");
    // Miyun's cross: a line of its full colour, not one faded over its dark outline.
    let miyun = at("Miyun Park");
    let lines: Vec<Color32> = shapes
        .iter()
        .filter_map(|shape| match shape {
            egui::Shape::LineSegment { points, stroke } if within(&miyun, points[0].lerp(points[1], 0.5)) => {
                Some(stroke.color)
            }
            _ => None,
        })
        .collect();
    assert!(lines.contains(&series_colour(1)), "Miyun's cross keeps its colour: {lines:?}");
    assert!(lines.iter().all(Color32::is_opaque), "{lines:?}");
    // Fengtai, in the filter, is drawn in full.
    let fengtai = at("Fengtai Park");
    assert!(shapes.iter().any(|shape| matches!(shape, egui::Shape::Circle(circle)
        if within(&fengtai, circle.center) && circle.fill == series_colour(2))));
    // The legend names the parks outside the filter as such, in either language.
    let legend = |harness: &Harness<'_, ParkApp>| -> Vec<String> {
        painted_texts(harness).into_iter().map(|painted| painted.text).collect()
    };
    let texts = legend(&harness);
    for name in ["Haidian Park (not in filter)", "Miyun Park (not in filter)", "Fengtai Park"] {
        assert!(texts.iter().any(|text| text == name), "{name} in {texts:?}");
    }
    assert!(!texts.iter().any(|text| text == "Fengtai Park (not in filter)"));
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    harness.run();
    let texts = legend(&harness);
    assert!(texts.iter().any(|text| text.ends_with("（不符合筛选条件）") && text.contains("密云")), "{texts:?}");
}

/// A district whose count stays zero keeps its colour when the filter leaves one park or none:
/// a class of zero alone is always the lightest colour, not the middle one when it is the
/// only class.
#[test]
fn a_district_with_no_matching_park_keeps_its_colour_as_the_filter_changes() {
    let mut harness = map();
    let fill = |harness: &Harness<'_, ParkApp>, district: &str| {
        let data = harness.state().map_data();
        assert_eq!(data.value_of(&DistrictId::new(district)), Some(0.0), "{district} has no matching park");
        let classes = data.classes.as_ref().expect("classes");
        class_colour(classes, data.class_of(&DistrictId::new(district)).expect("a class"))
    };
    harness.get_by_label("Rail transit (1)").click();
    harness.run();
    let one_match = fill(&harness, "haidian");
    assert_eq!(harness.state().map_data().classes.as_ref().map(|c| c.breaks.len()), Some(2));
    harness.get_by_label("all").click();
    harness.get_by_label_contains("Data industry (").click();
    harness.run();
    assert_eq!(harness.state().map_data().classes.as_ref().map(|c| c.breaks.len()), Some(1), "nothing matches");
    assert_eq!(fill(&harness, "haidian"), one_match);
}

/// A made-up city far from Beijing, with its own ids: a 3×3 grid of districts 0.2° a side whose
/// middle cell holds only two small districts, "Old West" and "Old East", each a fifth as wide.
const OTHER_MAP: &str = r#"(
    name: (en: "Gridtown", zh: "网格市"),
    note: (en: "Squares.", zh: "方格。"),
    districts: [
        (id: "nw", outline: [(10.0, 50.4), (10.2, 50.4), (10.2, 50.6), (10.0, 50.6)]),
        (id: "n", outline: [(10.2, 50.4), (10.4, 50.4), (10.4, 50.6), (10.2, 50.6)]),
        (id: "ne", outline: [(10.4, 50.4), (10.6, 50.4), (10.6, 50.6), (10.4, 50.6)]),
        (id: "w", outline: [(10.0, 50.2), (10.2, 50.2), (10.2, 50.4), (10.0, 50.4)]),
        (id: "old_west", outline: [(10.26, 50.26), (10.3, 50.26), (10.3, 50.34), (10.26, 50.34)]),
        (id: "old_east", outline: [(10.3, 50.26), (10.34, 50.26), (10.34, 50.34), (10.3, 50.34)]),
        (id: "e", outline: [(10.4, 50.2), (10.6, 50.2), (10.6, 50.4), (10.4, 50.4)]),
        (id: "sw", outline: [(10.0, 50.0), (10.2, 50.0), (10.2, 50.2), (10.0, 50.2)]),
        (id: "s", outline: [(10.2, 50.0), (10.4, 50.0), (10.4, 50.2), (10.2, 50.2)]),
        (id: "se", outline: [(10.4, 50.0), (10.6, 50.0), (10.6, 50.2), (10.4, 50.2)]),
    ],
)"#;

/// The parks of the made-up city: one in the old town, one in the north.
fn other_dataset() -> Dataset {
    let district = |id: &str, en: &str| format!(r#"(id: "{id}", name: (en: "{en}", zh: "{en}区"))"#);
    let districts = [
        ("nw", "Northwest"),
        ("n", "North"),
        ("ne", "Northeast"),
        ("w", "West"),
        ("old_west", "Old West"),
        ("old_east", "Old East"),
        ("e", "East"),
        ("sw", "Southwest"),
        ("s", "South"),
        ("se", "Southeast"),
    ]
    .map(|(id, en)| district(id, en))
    .join(", ");
    let text = format!(
        r#"(
        meta: (title: (en: "Grid parks", zh: "网格园区"), version: "1", date: "2026-01-01", licence: "test"),
        sources: [(id: "s1", title: "Report", publisher: "Office", language: "en")],
        industries: [(id: "ai", name: (en: "AI", zh: "人工智能"), group: InformationTechnology)],
        districts: [{districts}],
        metrics: [(id: "area", name: (en: "Area", zh: "面积"), unit: (en: "km²", zh: "平方公里"), kind: Stock, description: (en: "Area.", zh: "面积。"))],
        parks: [
            (id: "old_town", name: (en: "Old Town Park", zh: "老城园"), districts: ["old_east"],
             location: Some((lon: 10.32, lat: 50.3, approximate: true, place: (en: "Centre", zh: "中心"))),
             observations: [(metric: "area", value: 3, year: 2020, source: "s1")]),
            (id: "hill", name: (en: "Hill Park", zh: "山园"), districts: ["n"],
             location: Some((lon: 10.3, lat: 50.5, approximate: true, place: (en: "Hill", zh: "山"))),
             observations: [(metric: "area", value: 9, year: 2021, source: "s1")]),
        ],
    )"#
    );
    load_dataset(&text, "gridtown.ron").unwrap_or_else(|e| panic!("{e}"))
}

/// What the map view needs, built once for a test.
struct Fixture {
    dataset: Dataset,
    city: CityMap,
    geometry: MapGeometry,
    data: MapData,
}

fn other_city() -> Fixture {
    let dataset = other_dataset();
    let city = load_city_map(OTHER_MAP, "gridtown-districts.ron").unwrap_or_else(|e| panic!("{e}"));
    assert!(city.check_against(&dataset).is_empty());
    let geometry = MapGeometry::new(&city);
    let visible: Vec<ParkId> = dataset.parks.iter().map(|p| p.id.clone()).collect();
    let data = MapData::new(&dataset, &visible, &MapChoice::default(), Language::En, &[]);
    Fixture { dataset, city, geometry, data }
}

/// The map view of `fixture` alone in a window, as presenting or not, with a slide's own
/// takeaway if given; the actions it asked for are the harness's state.
fn map_view<'a>(fixture: &'a Fixture, presenting: bool, takeaway: Option<&'a str>) -> Harness<'a, Vec<Action>> {
    let mut choice = MapChoice::default();
    let mut harness = Harness::builder().with_size([900.0, 700.0]).build_ui_state(
        move |ui, actions: &mut Vec<Action>| {
            zgc_atlas::theme::install(ui.ctx(), zgc_atlas::model::Language::En);
            let context = MapContext {
                dataset: &fixture.dataset,
                city: &fixture.city,
                geometry: &fixture.geometry,
                data: &fixture.data,
                pinned: &[],
                colours: &ParkColours::default(),
                hovered: None,
                selected: None,
                language: Language::En,
                presenting,
                takeaway,
                title: None,
                filter: &FilterState::default(),
            };
            map_ui(ui, &context, &mut choice, actions);
        },
        Vec::new(),
    );
    harness.run();
    harness
}

#[test]
fn another_citys_map_gets_an_inset_of_its_own_small_centre() {
    let fixture = other_city();
    let mut harness = map_view(&fixture, false, None);
    assert!(harness.query_by_label("Gridtown — Parks matching the filter").is_some());
    assert!(harness.query_by_label_contains("Enlarged ×").is_some(), "the old town is small: an inset");
    // The old town's park is in the inset as well as on the map, the hill park only on the map.
    assert_eq!(harness.query_all_by_role_and_label(egui::Role::Button, "Old Town Park").count(), 2);
    assert_eq!(harness.query_all_by_role_and_label(egui::Role::Button, "Hill Park").count(), 1);
    harness.query_all_by_role_and_label(egui::Role::Button, "Old Town Park").last().expect("inset").click();
    harness.run();
    assert!(harness.state().contains(&Action::Select(ParkId::new("old_town"))), "{:?}", harness.state());
    // One park in each of two districts: "1 park", never "1 parks".
    assert!(harness.query_by_label("2 parks · Schematic — not to scale").is_some());
    assert!(harness.query_by_label_contains("1 parks").is_none());
    assert!(harness.query_by_label_contains("have 1 park each; 8 of 10 districts have none.").is_some());
}

/// A map file whose outlines are surveyed boundaries says so, and the scope line then does not
/// call the map a schematic.
#[test]
fn a_map_of_surveyed_outlines_is_not_called_a_schematic() {
    let mut fixture = other_city();
    assert!(fixture.city.schematic, "a map file says nothing: schematic, as Beijing's");
    let surveyed = OTHER_MAP.replacen("districts:", "schematic: false,\n    districts:", 1);
    fixture.city = load_city_map(&surveyed, "gridtown-districts.ron").unwrap_or_else(|e| panic!("{e}"));
    let harness = map_view(&fixture, false, None);
    assert!(harness.query_by_label("2 parks").is_some());
    assert!(harness.query_by_label_contains("Schematic").is_none());
}

#[test]
fn a_presented_map_has_no_controls_and_a_slide_can_say_its_own_takeaway() {
    let fixture = other_city();
    let harness = map_view(&fixture, true, Some("The old town holds the newest park."));
    assert!(harness.query_by_label("The old town holds the newest park.").is_some());
    assert!(
        harness.query_by_label_contains("have the most parks").is_none(),
        "the slide's words replace the computed ones"
    );
    assert!(harness.query_by_label("Colour districts by").is_none());
    assert!(harness.query_by_role(egui::Role::ComboBox).is_none());
    assert!(harness.query_by_label("Gridtown — Parks matching the filter").is_some());
    assert!(harness.query_by_label_contains("Enlarged ×").is_some());
}

#[test]
fn a_markers_tooltip_lists_what_other_sources_state_for_its_figures_year() {
    let mut harness = map();
    // Daxing's latest count of enterprises (2021) is stated otherwise by another source.
    harness.state_mut().state.map.marker_metric = Some(zgc_atlas::model::MetricId::new("enterprises"));
    harness.run();
    harness
        .query_all_by_role_and_label(egui::Role::Button, "Daxing Park (Biomedicine Base)")
        .next()
        .expect("marker")
        .hover();
    harness.run();
    let tooltip = harness
        .query_by_label_contains("Also stated for the same year: ")
        .and_then(|node| node.accesskit_node().value());
    assert!(tooltip.as_deref().is_some_and(|text| text.contains(">4,000 enterprises")), "{tooltip:?}");
    // The sources line names the source of that other value too.
    let dataset = harness.state().dataset().expect("loaded");
    let daxing = dataset.park(&ParkId::new("daxing")).expect("Daxing");
    // The tooltip names its own figure's source, as every other view's does, and cites the other
    // value's by the same label as the sources line.
    let own = dataset.latest(&daxing.observations, &zgc_atlas::model::MetricId::new("enterprises")).expect("a figure");
    let cited = |source| zgc_atlas::format::source_cited(source, zgc_atlas::model::Language::En);
    let tooltip = tooltip.unwrap_or_default();
    assert!(tooltip.contains(&format!("Source: {}", cited(own.source))), "{tooltip}");
    let other = daxing.observations.iter().find(|o| {
        o.metric.as_str() == "enterprises" && o.qualifier == zgc_atlas::model::Qualifier::AtLeast && o.year == 2021
    });
    let label = other
        .and_then(|o| dataset.source(&o.source))
        .map(|source| zgc_atlas::format::source_label(source, zgc_atlas::model::Language::En))
        .expect("its source");
    let naming = harness
        .query_all_by_label_contains(&label)
        .filter(|node| !node.value().is_some_and(|v| v.contains("Also stated")));
    assert!(naming.count() > 0, "the sources line names {label}");
    assert!(tooltip.contains(&format!(">4,000 enterprises · {label}")), "{tooltip}");
    // Selected, Daxing is listed in the legend with its marker: marked, and the mark explained;
    // a park whose figure no source contradicts is listed plain.
    harness.state_mut().state.selected = Some(ParkId::new("daxing"));
    harness.state_mut().state.pinned = vec![ParkId::new("haidian")];
    harness.run();
    let legend: Vec<String> = painted_texts(&harness).into_iter().map(|painted| painted.shown).collect();
    assert!(legend.iter().any(|text| text == "Daxing Park (Biomedicine Base) ≠"), "{legend:?}");
    assert!(legend.iter().any(|text| text == "Haidian Park"), "{legend:?}");
    assert!(legend.iter().any(|text| text == "≠ stated otherwise for that year"), "{legend:?}");
}

/// Where the row of map controls wraps, a label goes to the next line with its control, never
/// ending one line with its drop-down on the next.
#[test]
fn each_map_control_stays_on_the_line_of_its_label() {
    // In both languages, and with no marker metric (the shortest text a drop-down shows).
    let cases = [(Language::En, true), (Language::Zh, true), (Language::En, false)];
    for ((language, sized), width) in
        cases.into_iter().flat_map(|case| (0..11u8).map(move |i| (case, 960.0 + 60.0 * f32::from(i))))
    {
        let mut harness = open_app(DataOrigin::Embedded, Window { size: [width, 800.0], ..Window::default() });
        harness.state_mut().state.language = language;
        if !sized {
            harness.state_mut().state.map.marker_metric = None;
        }
        harness.state_mut().state.tab = zgc_atlas::state::Tab::Map;
        harness.run();
        let lists: Vec<egui::Rect> =
            harness.get_all_by_role(egui::accesskit::Role::ComboBox).map(|n| n.rect()).collect();
        let s = zgc_atlas::i18n::strings(language);
        for label in [s.map_colour_by, s.map_marker_size] {
            let label = harness.get_by_role_and_label(egui::accesskit::Role::Label, label).rect();
            // Its drop-down starts just after it, on the same line.
            let beside = |list: &&egui::Rect| {
                (list.center().y - label.center().y).abs() < 3.0 && (0.0..30.0).contains(&(list.left() - label.right()))
            };
            assert!(
                lists.iter().any(|list| beside(&list)),
                "{language:?} at {width}, {label:?} has no drop-down beside it: {lists:?}"
            );
        }
    }
}

/// With parks drawn as dots (too many to keep labels clear of), a district named inside sits
/// on a plate of its colour, so the dots under it do not make it unreadable.
#[test]
fn district_names_over_a_crowd_of_dots_sit_on_plates() {
    let real = load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("the embedded dataset loads");
    let text = zgc_atlas::synthetic::synthetic_ron(&real, 2_000);
    let origin = DataOrigin::Memory { label: "2,000 parks".to_owned(), text: text.into() };
    let mut harness = open_app(origin, Window { size: [1400.0, 860.0], ..Window::default() });
    harness.get_by_label("Map").click();
    harness.run();
    let mut plates = Vec::new();
    collect_filled_rects(&harness, &mut plates);
    let dataset = harness.state().dataset().expect("loaded");
    let names: Vec<&str> = dataset.districts.iter().map(|d| d.name.en.as_str()).collect();
    let painted = painted_texts(&harness);
    let labels: Vec<_> = painted.iter().filter(|p| names.contains(&p.shown.as_str())).collect();
    assert!(labels.len() >= 10, "the districts are named: {}", labels.len());
    for label in labels {
        // A plate: a little larger than the name, not the map's background.
        let fits_it = |plate: &&egui::Rect| plate.contains_rect(label.rect) && plate.area() < 3.0 * label.rect.area();
        assert!(plates.iter().any(|plate| fits_it(&plate)), "{} has no plate", label.shown);
    }
}

/// Every filled rectangle the last frame painted.
fn collect_filled_rects(harness: &Harness<'_, ParkApp>, rects: &mut Vec<egui::Rect>) {
    fn collect(shape: &egui::Shape, rects: &mut Vec<egui::Rect>) {
        match shape {
            egui::Shape::Rect(rect) if rect.fill.a() > 0 => rects.push(rect.rect),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, rects)),
            _ => {}
        }
    }
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, rects);
    }
}

/// The tooltip of `park`'s marker on the main map of `harness`.
fn marker_tooltip(harness: &mut Harness<'_, ParkApp>, park: &str) -> String {
    harness.query_all_by_role_and_label(egui::Role::Button, park).next().expect("a marker").hover();
    harness.run();
    let first_line = format!("{park}\n");
    let tooltip = harness.query_by_label_contains(&first_line).expect("a tooltip naming the park");
    let node = tooltip.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

/// A marker's figure says which year it is of, and which part of it when not the whole, in
/// both languages; so does the legend's largest marker.
#[test]
fn a_markers_tooltip_and_the_legends_largest_give_the_figures_year() {
    let mut harness = map();
    // The markers are sized by high-tech enterprises; Haidian's count is from 2012.
    let haidian = marker_tooltip(&mut harness, "Haidian Park");
    assert!(haidian.starts_with("Haidian Park\nHigh-tech enterprises: >10,000 enterprises (2012)\n"), "{haidian}");
    // The key on one line or, where the legend is narrow, with the figure on a line of its own.
    let legend: Vec<String> =
        painted_texts(&harness).into_iter().map(|painted| painted.shown.replace('\n', " ")).collect();
    assert!(
        legend.iter().any(|text| text == "○ Marker size (High-tech enterprises): largest >10,000 enterprises (2012)"),
        "{legend:?}"
    );
    // Fangshan's latest income covers January to November 2014.
    harness.state_mut().state.map.marker_metric = Some(zgc_atlas::model::MetricId::new("total_income"));
    harness.run();
    let fangshan = marker_tooltip(&mut harness, "Fangshan Park");
    assert_eq!(fangshan.lines().nth(1), Some("Total income: 16.77 bn yuan (2014 Jan–Nov)"), "{fangshan:?}");
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    let fangshan = marker_tooltip(&mut harness, "中关村房山园");
    assert!(fangshan.lines().nth(1).is_some_and(|line| line.ends_with("167.7亿元（2014年1–11月）")), "{fangshan:?}");
}

/// The map of `language` on a 1280×720 screen coloured by the sum of total income, presented.
fn presented_sums(language: Language) -> Harness<'static, ParkApp> {
    let mut harness = open_app(DataOrigin::Embedded, Window { size: [1280.0, 720.0], ..Window::default() });
    let state = &mut harness.state_mut().state;
    state.language = language;
    state.tab = zgc_atlas::state::Tab::Map;
    state.map.value = DistrictValue::MetricSum(zgc_atlas::model::MetricId::new("total_income"));
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    harness
}

/// Summing over the parks a filter leaves, a district with none of them has no park to sum: it
/// is not hatched as "no data", and neither the legend nor the takeaway says its data is
/// missing (the parks there have figures; they only do not match).
#[test]
fn a_sum_under_a_filter_tells_districts_without_a_matching_park_from_missing_data() {
    let mut harness = map();
    let dataset = harness.state().dataset().expect("loaded").clone();
    // The industry led by the fewest parks, so that most districts have none of them.
    let industry = dataset
        .industries
        .iter()
        .min_by_key(|industry| {
            dataset.parks.iter().filter(|p| p.industries.iter().any(|l| l.industry == industry.id)).count()
        })
        .expect("industries")
        .id
        .clone();
    let state = &mut harness.state_mut().state;
    state.map.value = DistrictValue::MetricSum(zgc_atlas::model::MetricId::new("total_income"));
    state.filter.industries.insert(industry);
    harness.run();
    let data = harness.state().map_data().clone();
    assert!(data.no_park_count() > 1, "a fair test: districts (more than one) without a matching park");
    let painted = painted_texts(&harness);
    let legend_entry = format!("no park matching the filter ({} districts)", data.no_park_count());
    assert!(painted.iter().any(|text| text.shown == legend_entry), "the legend's entry, {legend_entry}");
    assert!(harness.query_by_label_contains("no park matching the filter.").is_some(), "the takeaway");
    assert!(harness.query_by_label_contains("have no data").is_none(), "no district's data is missing");
}

/// Summing figures of different years, the map says so under its scope line, as the bars do,
/// in the window and on the presented slide in both languages: on one line clear of every
/// other text, with the map, its legend and its sources still whole on a 1280×720 screen. On
/// the slide no warning points to a tooltip, which the room cannot see.
#[test]
fn sums_of_figures_of_different_years_are_flagged_on_the_map_and_its_slide() {
    let mut harness = map();
    harness.state_mut().state.map.value = DistrictValue::MetricSum(zgc_atlas::model::MetricId::new("total_income"));
    harness.run();
    let (first, last) = harness.state().map_data().mixed_years.expect("the latest incomes are of different years");
    assert!(first < last);
    let warning = format!("These sums mix years from {first} to {last}: each district's tooltip gives its years");
    assert!(harness.query_by_label(&warning).is_some(), "the window warns");
    harness.state_mut().state.map.value = DistrictValue::ParkCount;
    harness.run();
    assert!(harness.query_by_label_contains("mix years").is_none(), "counting parks mixes no years");

    for language in [Language::En, Language::Zh] {
        let harness = presented_sums(language);
        let template = zgc_atlas::i18n::strings(language).map_mixed_years_presented;
        let warning = template.replace("{first}", &first.to_string()).replace("{last}", &last.to_string());
        let painted = painted_texts(&harness);
        // The room sees no tooltip: no warning on the slide sends anyone to one.
        for text in &painted {
            assert!(!text.shown.contains("tooltip") && !text.shown.contains("提示"), "{language:?}: {:?}", text.shown);
        }
        // Shown whole (not cut short with "…") and on one line.
        let shown =
            painted.iter().find(|p| p.shown == warning).unwrap_or_else(|| panic!("{language:?}: no whole warning"));
        assert_eq!(shown.lines.len(), 1, "{language:?}: one line");
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0));
        for text in &painted {
            assert!(screen.contains_rect(text.rect), "{language:?}: {:?} is cut off at {:?}", text.shown, text.rect);
            if !std::ptr::eq(text, shown) {
                assert!(
                    !shown.rect.shrink(0.5).intersects(text.rect.shrink(0.5)),
                    "{language:?}: {:?} runs into the warning",
                    text.shown
                );
            }
        }
        let s = zgc_atlas::i18n::strings(language);
        let legend_prefix = s.map_marker_key.split('{').next().unwrap_or_default();
        assert!(painted.iter().any(|p| p.shown.starts_with(legend_prefix)), "{language:?}: the legend is drawn");
        assert!(painted.iter().any(|p| p.shown.contains(s.footer_sources)), "{language:?}: the sources are drawn");
    }
}

/// A presented map of Lakeshore's turnover, whose Ridge sums two parks of which one has no
/// figure: the slide names the district and how many parks its sum leaves out, whole, in both
/// languages, and points no one to a tooltip.
#[test]
fn a_presented_sum_names_the_districts_whose_sums_leave_out_parks() {
    for (language, expected) in [
        (Language::En, "Ridge's sum leaves out 1 park without a figure"),
        (Language::Zh, "崂岭区的合计不含1个无数据的园区"),
    ] {
        let (_dir, mut harness) = lakeshore_edited_in(&[], Window { size: [1280.0, 720.0], ..Window::default() });
        let state = &mut harness.state_mut().state;
        state.language = language;
        state.map.value = DistrictValue::MetricSum(zgc_atlas::model::MetricId::new("turnover"));
        harness.run();
        harness.key_press(egui::Key::F5);
        harness.run();
        assert!(harness.state().is_presenting());
        let painted = painted_texts(&harness);
        assert!(painted.iter().any(|p| p.shown == expected), "{language:?}: {expected:?} not drawn whole");
        for text in &painted {
            assert!(!text.shown.contains("tooltip") && !text.shown.contains("提示"), "{language:?}: {:?}", text.shown);
        }
    }
}

/// A dataset without district outlines, its map presented: the slide is titled and scoped as
/// every map slide is, above the word that there is no map, in both languages.
#[test]
fn a_map_slide_without_outlines_still_has_its_title_and_scope() {
    for (language, title, scope, message) in [
        (
            Language::En,
            "Lakeshore High-Tech Zone: eight parks (made-up test data)",
            "8 parks",
            "This dataset has no district outlines",
        ),
        (Language::Zh, "淼湖高新区：八园（虚构测试数据）", "8个园区", "此数据集没有区界轮廓"),
    ] {
        let (_dir, mut harness) = lakeshore_edited_in(
            &[("map: Some(\"districts.ron\"),", "map: None,")],
            Window { size: [1280.0, 720.0], ..Window::default() },
        );
        harness.state_mut().state.language = language;
        harness.run();
        harness.key_press(egui::Key::F5);
        harness.run();
        assert!(harness.state().is_presenting());
        let top = |label: &str| harness.get_by_label(label).rect().top();
        assert!(top(title) < top(scope) && top(scope) < top(message), "{language:?}: title, scope, then the message");
    }
}

/// A map slide of a dataset without district outlines shows the takeaway its author wrote, as
/// every map slide does, under its title.
#[test]
fn a_map_slide_without_outlines_shows_its_own_takeaway() {
    use zgc_atlas::state::Tab;
    use zgc_atlas::state::slides::{Slide, SlideDeck, ViewSnapshot};
    let dir = common::copy_to_temp_dir(&[common::crate_file("tests/fixtures/lakeshore/lakeshore.ron")]);
    let path = dir.path().join("lakeshore.ron");
    let text =
        std::fs::read_to_string(&path).expect("fixture").replacen("map: Some(\"districts.ron\"),", "map: None,", 1);
    std::fs::write(&path, text).expect("write");
    let slide = Slide {
        title: "Where the parks are".to_owned(),
        notes: String::new(),
        takeaway: "Every district has a park".to_owned(),
        view: ViewSnapshot { tab: Tab::Map, ..ViewSnapshot::default() },
        ..Slide::default()
    };
    let deck = ron::ser::to_string_pretty(&SlideDeck { slides: vec![slide] }, ron::ser::PrettyConfig::default());
    std::fs::write(path.with_file_name("lakeshore.views.ron"), deck.expect("RON")).expect("written");
    let mut harness = open_app(DataOrigin::File(path), Window { size: [1280.0, 720.0], ..Window::default() });
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    let top = |label: &str| harness.get_by_label(label).rect().top();
    assert!(top("Every district has a park") < top("This dataset has no district outlines"), "under the title");
}

/// The Lakeshore fixture with `edits` (each a text and its replacement) made to its dataset,
/// in a temporary folder beside its map, opened on the map.
fn lakeshore_edited(edits: &[(&str, &str)]) -> (tempfile::TempDir, Harness<'static, ParkApp>) {
    lakeshore_edited_in(edits, Window::default())
}

/// [`lakeshore_edited`] in a window of its own size.
fn lakeshore_edited_in(edits: &[(&str, &str)], window: Window) -> (tempfile::TempDir, Harness<'static, ParkApp>) {
    let dir = common::copy_to_temp_dir(&[
        common::crate_file("tests/fixtures/lakeshore/lakeshore.ron"),
        common::crate_file("tests/fixtures/lakeshore/districts.ron"),
    ]);
    let path = dir.path().join("lakeshore.ron");
    let mut text = std::fs::read_to_string(&path).expect("fixture");
    for (from, to) in edits {
        assert!(text.contains(from), "{from} in the fixture");
        text = text.replacen(from, to, 1);
    }
    std::fs::write(&path, text).expect("write");
    let mut harness = open_app(DataOrigin::File(path), window);
    harness.get_by_label("Map").click();
    harness.run();
    (dir, harness)
}

/// Kunhua's location in the fixture, Hundong's, and Zhesi's whole line.
const KUNHUA: &str = "location: Some((lon: -62.40, lat: -46.805,";
const HUNDONG: &str = "location: Some((lon: -62.25, lat: -46.92,";
const ZHESI: &str = "            location: Some((lon: -62.455, lat: -46.785, approximate: true, place: (en: \"West arm\", zh: \"西翼\"))),\n";

/// A park placed outside its districts, whether off the map or on a spot of no district (the
/// lake), is named in a warning on screen, in either language: every park `check` flags, from
/// the same model function, and no other.
#[test]
fn every_park_outside_its_districts_is_named_in_a_warning() {
    let (dir, mut harness) = lakeshore_edited(&[
        (KUNHUA, "location: Some((lon: -10.0, lat: -46.805,"),
        // In the lake, which belongs to no district: drawn, but not in Eastmarch.
        (HUNDONG, "location: Some((lon: -62.36, lat: -46.92,"),
    ]);
    let path = dir.path().join("lakeshore.ron");
    let dataset = load_dataset(&std::fs::read_to_string(&path).expect("dataset"), "lakeshore.ron").expect("valid");
    let map_text = std::fs::read_to_string(dir.path().join("districts.ron")).expect("map");
    let city = load_city_map(&map_text, "districts.ron").expect("valid map");
    let flagged: Vec<&str> =
        city.parks_outside_their_districts(&dataset).iter().map(|(park, _)| park.name.en.as_str()).collect();
    // In the dataset's order.
    assert_eq!(flagged, ["Kunhua Science Park", "Hundong Hydrogen Park"]);
    let warning = format!("Located outside their own districts: {}", flagged.join(", "));
    assert!(harness.query_by_label(&warning).is_some(), "{warning}");
    // `check` warns of the same two.
    let check =
        std::process::Command::new(env!("CARGO_BIN_EXE_zgc-atlas")).arg("check").arg(&path).output().expect("check");
    let report = String::from_utf8_lossy(&check.stdout).into_owned() + &String::from_utf8_lossy(&check.stderr);
    assert_eq!(report.matches("lies outside its district").count(), 2, "{report}");
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    assert!(harness.query_by_label("位置不在所属区范围内的园区：堃华科学园、珲东氢能园").is_some());

    // On the fixture as it is, every park is in its district and no such line is shown.
    let mut harness =
        open_app(DataOrigin::File(common::crate_file("tests/fixtures/lakeshore/lakeshore.ron")), Window::default());
    harness.get_by_label("Map").click();
    harness.run();
    assert!(harness.query_by_label_contains("outside their own districts").is_none());
    assert!(harness.query_by_label_contains("No location given").is_none());
}

/// A park without a location is counted in its district but has no marker: the map names it, in
/// either language, and when presenting.
#[test]
fn a_park_without_a_location_is_named_under_the_map() {
    let (_dir, mut harness) = lakeshore_edited(&[(ZHESI, "")]);
    let warning = "No location given, so not on the map: Zhesi Innovation Park";
    assert!(harness.query_by_label(warning).is_some());
    assert!(harness.query_by_label_contains("outside their own districts").is_none(), "it is nowhere, not outside");
    harness.state_mut().state.language = Language::Zh;
    harness.run();
    assert!(harness.query_by_label("未给出位置、未画在地图上的园区：喆思创新园").is_some());
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(
        painted_texts(&harness).iter().any(|p| p.shown == "未给出位置、未画在地图上的园区：喆思创新园"),
        "presented"
    );
}

/// A pinned park with a very long name, presented on a 1280×720 screen: its line in the legend
/// wraps rather than taking the width of the map, which shrank to a third of the slide, and the
/// park is still named on the map, whole or shortened with "…".
#[test]
fn a_long_pinned_name_wraps_in_the_legend_and_is_named_on_the_presented_map() {
    let long = "Kunhua Advanced Materials and Clean Energy Innovation Campus (Phase II Extension)";
    let (_dir, mut harness) = lakeshore_edited_in(
        &[("name: (en: \"Kunhua Science Park\"", &format!("name: (en: \"{long}\""))],
        Window { size: [1280.0, 720.0], ..Window::default() },
    );
    for park in ["kunhua", "hundong"] {
        harness.state_mut().state.pinned.push(ParkId::new(park));
    }
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.run();
    assert!(harness.state().is_presenting());
    let painted = painted_texts(&harness);
    let in_legend: Vec<_> = painted.iter().filter(|p| p.shown == long && p.lines.len() > 1).collect();
    assert_eq!(in_legend.len(), 1, "the legend names the park whole, wrapped");
    assert!(in_legend[0].rect.width() < 0.4 * 1280.0, "the legend stays narrow: {:?}", in_legend[0].rect);
    let legend_left = in_legend[0].rect.left();
    let on_map = painted.iter().find(|p| {
        p.lines.len() == 1 && p.rect.right() < legend_left && long.starts_with(p.shown.trim_end_matches('…'))
    });
    let on_map = on_map.unwrap_or_else(|| panic!("the pinned park is named on the map"));
    assert!(on_map.shown.chars().count() > 10, "{:?}", on_map.shown);
}

/// The review's slide: four pinned parks on the map coloured by a sum of total income,
/// presented on a 1280×720 and a 1920×1080 screen. Each is named on the map (in the inset, or
/// on the main map where the inset has no room), and no name covers another park's marker:
/// "Dongcheng Park" lay over Haidian Park's marker, "Chaoyang Park" too on the smaller screen.
#[test]
fn presented_names_of_pinned_parks_cover_no_other_park_marker() {
    let pinned = ["chaoyang", "haidian", "fengtai", "dongcheng"];
    for size in [[1280.0, 720.0], [1920.0, 1080.0]] {
        let harness = income_map_presented(&pinned, size, Language::En);
        let dataset = harness.state().dataset().expect("dataset").clone();
        let name_of = |id: &str| dataset.park(&ParkId::new(id)).expect("park").name.en.clone();
        // Each marker is a button named after its park: the main map's and the inset's.
        let markers: Vec<(String, egui::Rect)> = dataset
            .parks
            .iter()
            .flat_map(|park| {
                let name = &park.name.en;
                harness
                    .query_all_by_role_and_label(egui::Role::Button, name)
                    .map(|node| (name.clone(), node.rect()))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(markers.len() > pinned.len(), "{size:?}: the markers are found");
        let painted = painted_texts(&harness);
        for id in pinned {
            let name = name_of(id);
            // On the map: a plate, not the legend's row, which has a marker key to its left.
            let on_map: Vec<_> = painted
                .iter()
                .filter(|p| !p.shown.is_empty() && name.starts_with(p.shown.trim_end_matches('…')))
                .filter(|p| markers.iter().any(|(_, m)| m.center().distance(p.rect.center()) < 200.0))
                .collect();
            assert!(!on_map.is_empty(), "{size:?}: {name} is named on the map");
            for text in on_map {
                for (other, marker) in markers.iter().filter(|(other, _)| *other != name) {
                    assert!(
                        !text.rect.shrink(1.0).intersects(marker.shrink(1.0)),
                        "{size:?}: {name}'s name at {:?} covers {other}'s marker at {marker:?}",
                        text.rect
                    );
                }
            }
        }
    }
}

/// The review's slide of seven pinned parks, presented on a `size` screen in `language`.
fn seven_pins_presented(size: [f32; 2], language: Language) -> Harness<'static, ParkApp> {
    let pinned = ["chaoyang", "dongcheng", "fengtai", "haidian", "xicheng", "yizhuang", "miyun"];
    income_map_presented(&pinned, size, language)
}

/// The real dataset's map of summed total income with `pinned` parks, presented on a `size`
/// screen in `language`.
fn income_map_presented(pinned: &[&str], size: [f32; 2], language: Language) -> Harness<'static, ParkApp> {
    let mut harness = open_app(DataOrigin::Embedded, Window { size, ..Window::default() });
    let state = &mut harness.state_mut().state;
    state.language = language;
    state.tab = zgc_atlas::state::Tab::Map;
    state.map.value = DistrictValue::MetricSum(zgc_atlas::model::MetricId::new("total_income"));
    state.pinned = pinned.iter().map(|id| ParkId::new(*id)).collect();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.run();
    assert!(harness.state().is_presenting());
    harness
}

/// The review's slide: pinned Xicheng Park, a park without a figure to size its marker by
/// (a cross), lies on pinned Haidian Park's large disc, and was painted under it. Its cross is
/// painted over the disc, so it can be seen.
#[test]
fn a_pinned_parks_marker_is_never_hidden_under_a_larger_one() {
    let harness = seven_pins_presented([1920.0, 1080.0], Language::En);
    let markers = |name: &str| -> Vec<egui::Rect> {
        harness.query_all_by_role_and_label(egui::Role::Button, name).map(|node| node.rect()).collect()
    };
    let (haidian, xicheng) = (markers("Haidian Park"), markers("Xicheng Park"));
    assert_eq!(haidian.len(), 2, "on the main map and in the inset");
    assert_eq!(xicheng.len(), 2, "on the main map and in the inset");
    let shapes = painted_shapes(&harness);
    // Where the two meet: on the main map (the inset enlarges them apart).
    let meeting: Vec<_> =
        haidian.iter().zip(&xicheng).filter(|(large, small)| large.expand(6.0).intersects(**small)).collect();
    assert!(!meeting.is_empty(), "the cross meets the disc and its ring (else this test tests nothing)");
    for (large, small) in meeting {
        let disc = shapes
            .iter()
            .rposition(|shape| {
                matches!(shape, egui::Shape::Circle(c) if c.fill.a() > 0 && c.center.distance(large.center()) < 1.0
                    && c.radius > 10.0)
            })
            .expect("Haidian Park's disc");
        let cross = shapes
            .iter()
            .rposition(|shape| {
                matches!(shape, egui::Shape::LineSegment { points, .. }
                    if points[0].lerp(points[1], 0.5).distance(small.center()) < 1.0)
            })
            .expect("Xicheng Park's cross");
        assert!(cross > disc, "Xicheng Park's cross is painted over Haidian Park's disc");
    }
}

/// The review's slide presented at 1920×1080: beside a legend naming seven pinned parks the
/// inset shrank to "Enlarged ×1.9", too small to name its districts. The legend goes in two
/// columns and the inset keeps its size.
#[test]
fn a_legend_naming_many_pinned_parks_leaves_the_inset_its_size() {
    let harness = seven_pins_presented([1920.0, 1080.0], Language::En);
    let caption = painted_texts(&harness)
        .into_iter()
        .find_map(|painted| painted.shown.strip_prefix("Enlarged ×").map(str::to_owned))
        .expect("an inset");
    let magnification: f32 = caption.parse().expect("a number");
    assert!(magnification >= 3.5, "Enlarged ×{magnification}");
}

/// The review's zoom: "+" twice, then three notches of the wheel over the centre. Daxing and
/// Fangshan, off the bottom, were named over the districts in view with leaders running off
/// the map, and Xicheng and Dongcheng, large on screen, went unnamed. Only districts in view
/// are named, and those large on screen are.
#[test]
fn zoomed_in_only_districts_in_view_are_named_and_large_ones_are() {
    let mut harness = map();
    let view = |harness: &mut Harness<'_, ParkApp>, pan: (f32, f32)| {
        harness.state_mut().state.map.zoom = 2.8;
        harness.state_mut().state.map.pan = pan;
        harness.run();
        harness.run();
    };
    // The north in view, the south out of it.
    view(&mut harness, (20.0, 400.0));
    let inset_left = harness
        .query_all_by_role_and_label(egui::Role::Button, "Haidian Park")
        .map(|node| node.rect().left())
        .fold(f32::MIN, f32::max);
    let on_main_map = |name: &str| {
        painted_texts(&harness).into_iter().filter(|p| p.shown == name && p.rect.right() < inset_left).count()
    };
    for off in ["Daxing", "Fangshan"] {
        assert_eq!(on_main_map(off), 0, "{off}, out of view, is named on the districts in view");
    }
    // The centre in view.
    view(&mut harness, (20.0, -200.0));
    let on_main_map = |name: &str| {
        painted_texts(&harness).into_iter().filter(|p| p.shown == name && p.rect.right() < inset_left).count()
    };
    for large in ["Xicheng", "Dongcheng"] {
        assert_eq!(on_main_map(large), 1, "{large}, large on screen, is named");
    }
}

/// A marker's figure carries its caveat in the tooltip, as the profile marks it with a *: the
/// real dataset's noted figures (an area including another, a year the source does not state)
/// read as plain facts on the map.
#[test]
fn a_markers_tooltip_gives_its_figures_note() {
    let mut harness = map();
    let noted: Vec<(String, String)> = {
        let dataset = harness.state().dataset().expect("loaded");
        (harness.state().map_data().markers.iter())
            .filter(|marker| marker.in_filter)
            .filter_map(|marker| {
                let note = marker.note.as_ref()?.en.clone();
                let name = dataset.park(&marker.park)?.name.en.clone();
                Some((name, note))
            })
            .collect()
    };
    let (park, note) = noted.first().expect("a real park's marker figure has a note");
    let tooltip = marker_tooltip(&mut harness, park);
    assert!(tooltip.contains(&format!("Note: {note}")), "{tooltip}");
}

/// A metric with a long name sizing the markers, a park's profile open: the legend's marker key
/// wraps rather than widen the legend past the room beside or below the map (it was drawn over
/// the map), and each drop-down stays beside its label, its text cut to the row's room.
#[test]
fn a_long_metric_name_neither_puts_the_legend_over_the_map_nor_a_list_off_its_row() {
    let (_dir, path) = long_metric::lakeshore_with_a_long_metric_name();
    for (width, height) in [(1280.0, 720.0), (1400.0, 860.0), (1920.0, 1080.0)] {
        let mut harness =
            open_app(DataOrigin::File(path.clone()), Window { size: [width, height], ..Window::default() });
        let first = harness.state().dataset().expect("loaded").parks[0].id.clone();
        let state = &mut harness.state_mut().state;
        state.selected = Some(first);
        state.tab = zgc_atlas::state::Tab::Map;
        state.map.marker_metric = Some(zgc_atlas::model::MetricId::new("turnover"));
        state.map.value = DistrictValue::MetricSum(zgc_atlas::model::MetricId::new("turnover"));
        harness.run();
        // The map's ground: the largest filled rectangle below the panels' tops (the panels'
        // own grounds start under the toolbar) and taller than the status bar.
        let mut rects = Vec::new();
        collect_filled_rects(&harness, &mut rects);
        let map = rects
            .into_iter()
            .filter(|rect| rect.top() > 40.0 && rect.height() > 100.0)
            .max_by(|a, b| a.area().total_cmp(&b.area()))
            .expect("the map's ground");
        let key: Vec<_> =
            painted_texts(&harness).into_iter().filter(|t| t.shown.starts_with("○ Marker size")).collect();
        assert!(!key.is_empty(), "at {width}, the legend has a marker key");
        for line in key {
            assert!(
                !line.rect.intersects(map),
                "at {width}, {:?} at {:?} is over the map {map:?}",
                line.shown,
                line.rect
            );
        }
        let profile_left = harness.get_by_label("Figures").rect().left();
        let s = zgc_atlas::i18n::strings(Language::En);
        for label in [s.map_colour_by, s.map_marker_size] {
            let list = long_metric::list_beside(&harness, label);
            assert!(list.right() < profile_left, "at {width}, the drop-down {list:?} runs under the profile");
        }
    }
}

/// On a map of thousands of parks (plain dots), the park found under the pointer is the one
/// whose dot is there, after a zoom as before it: what the map works out of its thousands of
/// dots once is worked out again when the map moves. The found park is drawn in full at its
/// own place, which must be under the pointer.
#[test]
fn on_a_map_of_dots_the_park_under_the_pointer_is_the_one_drawn_there_after_a_zoom() {
    let real = load_dataset(zgc_atlas::model::EMBEDDED_DATASET, "zgc.ron").expect("the embedded dataset loads");
    let text = zgc_atlas::synthetic::synthetic_ron(&real, 2_000);
    let origin = DataOrigin::Memory { label: "2,000 parks".to_owned(), text: text.into() };
    let mut harness = open_app(origin, Window { size: [1400.0, 860.0], ..Window::default() });
    // Markers of one size, so the one drawn in full is a disc (a park without a figure to size
    // it by is a cross).
    harness.state_mut().state.tab = zgc_atlas::state::Tab::Map;
    harness.state_mut().state.map.marker_metric = None;
    harness.run();
    for zoom in [1.0, 2.5] {
        harness.state_mut().state.map.zoom = zoom;
        harness.run();
        // Points across the central panel until one is over a dot.
        let points =
            (0..12).flat_map(|i| (0..10).map(move |j| egui::pos2(320.0 + 50.0 * i as f32, 220.0 + 55.0 * j as f32)));
        let mut found = None;
        for at in points {
            harness.hover_at(at);
            harness.run();
            if let Some(park) = harness.state().state.hovered.clone() {
                found = Some((at, park));
                break;
            }
        }
        let (at, park) = found.unwrap_or_else(|| panic!("at zoom {zoom}, no dot under any of the points"));
        harness.run();
        // Nothing is pinned or selected: the one marker drawn in full is the hovered one.
        let full: Vec<egui::Pos2> = painted_shapes(&harness)
            .iter()
            .filter_map(|shape| match shape {
                egui::Shape::Circle(circle) if circle.radius >= 6.0 && circle.fill.a() > 0 => Some(circle.center),
                _ => None,
            })
            .filter(|centre| centre.x > 300.0)
            .collect();
        assert!(
            full.iter().any(|centre| centre.distance(at) <= 8.0),
            "at zoom {zoom}, {park} was found under the pointer at {at:?} but is drawn at {full:?}"
        );
    }
}
