//! The profile and the filter panel draw their parts only while in view when no screen reader
//! listens (`views/blocks.rs`, whose own tests check that parts are left out): checked here
//! frame by frame on a bare context, as a test harness always builds a screen reader's tree.

use std::sync::Arc;

use egui::epaint::ClippedShape;
use egui::{Context, Event, Pos2, RawInput, Rect, Shape, Vec2, pos2, vec2};

use zgc_atlas::app::ParkApp;
use zgc_atlas::model::{EMBEDDED_DATASET, Language};

/// A window of the app, driven frame by frame without a test harness, which always has
/// a screen reader's tree built.
struct Window {
    ctx: Context,
    app: ParkApp,
    time: f64,
}

impl Window {
    const SIZE: Vec2 = vec2(1280.0, 720.0);

    fn frame(&mut self, events: Vec<Event>) -> Vec<ClippedShape> {
        self.time += 0.25;
        let input = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, Self::SIZE)),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        let mut output = self.ctx.run_ui(input, |ui| self.app.show(ui));
        output.textures_delta.clear();
        output.shapes
    }
}

/// The texts `shapes` paint in view right of and below `corner`, each with where it shows;
/// only those painted under the clip rectangle `clip` when one is given (a scroll area's).
fn shown_from(shapes: &[ClippedShape], corner: Pos2, clip: Option<Rect>) -> Vec<(String, [i32; 2])> {
    fn collect(shape: &Shape, clip: Rect, corner: Pos2, texts: &mut Vec<(String, [i32; 2])>) {
        match shape {
            Shape::Text(text) => {
                let rect = text.visual_bounding_rect();
                if rect.left() >= corner.x && rect.top() >= corner.y && rect.intersects(clip) {
                    #[expect(clippy::cast_possible_truncation, reason = "points on a screen")]
                    texts.push((text.galley.text().to_owned(), [rect.left() as i32, rect.top() as i32]));
                }
            }
            Shape::Vec(shapes) => shapes.iter().for_each(|shape| collect(shape, clip, corner, texts)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    for clipped in shapes.iter().filter(|clipped| clip.is_none_or(|clip| clipped.clip_rect == clip)) {
        collect(&clipped.shape, clipped.clip_rect, corner, &mut texts);
    }
    texts
}

/// Where `text` is painted lowest on the screen, and the clip rectangle it is painted under.
fn painted_lowest(shapes: &[ClippedShape], text: &str) -> Option<(Rect, Rect)> {
    fn find(shape: &Shape, text: &str, found: &mut Vec<Rect>) {
        match shape {
            Shape::Text(shown) if shown.galley.text() == text => found.push(shown.visual_bounding_rect()),
            Shape::Vec(shapes) => shapes.iter().for_each(|shape| find(shape, text, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for clipped in shapes {
        let mut rects = Vec::new();
        find(&clipped.shape, text, &mut rects);
        found.extend(rects.into_iter().map(|rect| (rect, clipped.clip_rect)));
    }
    found.into_iter().max_by(|(a, _), (b, _)| a.top().total_cmp(&b.top()))
}

/// A mouse wheel turned down by `points`.
fn wheel_down(points: f32) -> Event {
    Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, -points),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::default(),
    }
}

/// A window of the app on the embedded dataset, with a screen reader listening or not.
fn window(listening: bool) -> Window {
    let text: Arc<str> = Arc::from(EMBEDDED_DATASET);
    let mut window = Window { ctx: Context::default(), app: zgc_atlas::perf::app_for_view(&text, "table"), time: 0.0 };
    zgc_atlas::theme::install(&window.ctx, Language::En);
    if listening {
        window.ctx.enable_accesskit();
    }
    window.frame(Vec::new());
    window
}

/// The screens shown by turning the wheel over `pointer` twenty times, the first before it
/// is turned, each the texts `shown` finds in the frame.
fn scrolled_screens(window: &mut Window, pointer: Pos2, shown: impl Fn(&[ClippedShape]) -> Screen) -> Vec<Screen> {
    let mut screens = vec![shown(&window.frame(Vec::new()))];
    for _ in 0..20 {
        window.frame(vec![Event::PointerMoved(pointer), wheel_down(250.0)]);
        for _ in 0..8 {
            window.frame(Vec::new());
        }
        screens.push(shown(&window.frame(Vec::new())));
    }
    screens
}

/// The texts a screen shows in the profile's column, each with where.
type Screen = Vec<(String, [i32; 2])>;

/// What the profile of the park with the most figures shows, screen by screen, scrolled from
/// its top to its end, with a screen reader listening or not.
fn longest_profile_scrolled_through(listening: bool) -> Vec<Screen> {
    let mut window = window(listening);
    let (park, name) = {
        let dataset = window.app.dataset().expect("the embedded dataset loads");
        let park = dataset.parks.iter().max_by_key(|park| park.observations.len()).expect("parks");
        (park.id.clone(), park.name.en.clone())
    };
    window.app.state.selected = Some(park);
    // Laid out once whole (the parts' heights unknown), then as a user sees it.
    for _ in 0..3 {
        window.frame(Vec::new());
    }
    // The profile's column starts at its heading, the park's name right of the table's.
    let shapes = window.frame(Vec::new());
    let column = shown_from(&shapes, pos2(Window::SIZE.x / 2.0, 0.0), None)
        .iter()
        .find(|(text, _)| *text == name)
        .map(|(_, [left, top])| pos2(*left as f32 - 1.0, *top as f32 - 1.0))
        .expect("the profile's heading");
    let pointer = pos2(column.x + 150.0, Window::SIZE.y / 2.0);
    scrolled_screens(&mut window, pointer, |shapes| shown_from(shapes, column, None))
}

/// What the filter panel shows, screen by screen, scrolled from its top to its end, with a
/// screen reader listening or not: the texts painted in its scroll area.
fn filter_panel_scrolled_through(listening: bool) -> Vec<Screen> {
    let mut window = window(listening);
    for _ in 0..3 {
        window.frame(Vec::new());
    }
    // The panel's heading, under the toolbar's button of the same name.
    let heading = zgc_atlas::i18n::strings(Language::En).filters;
    let (heading_rect, scrolled) =
        painted_lowest(&window.frame(Vec::new()), heading).expect("the filter panel's heading");
    let pointer = pos2(heading_rect.center().x, Window::SIZE.y / 2.0);
    scrolled_screens(&mut window, pointer, |shapes| shown_from(shapes, scrolled.min, Some(scrolled)))
}

/// Without a screen reader, the profile draws only what is in view: scrolled from its top
/// to its end, it shows exactly what it shows with every part drawn, and ends at the same
/// place.
#[test]
fn a_long_profile_scrolls_the_same_whether_or_not_a_screen_reader_listens() {
    let in_view = longest_profile_scrolled_through(false);
    // The profile's last part: the companies.
    let last_part = zgc_atlas::i18n::strings(Language::En).companies;
    let shows_last_part = |screen: &Screen| screen.iter().any(|(text, _)| text == last_part);
    assert!(in_view.first().is_some_and(|top| !shows_last_part(top)), "a profile longer than the window");
    assert!(in_view.last().is_some_and(shows_last_part), "scrolled to its end");
    assert_eq!(in_view, longest_profile_scrolled_through(true));
}

/// The filter panel too: its districts, ranges and pins, below the industries, are drawn only
/// once scrolled to, and show exactly as they do with every part drawn.
#[test]
fn the_filter_panel_scrolls_the_same_whether_or_not_a_screen_reader_listens() {
    let in_view = filter_panel_scrolled_through(false);
    let last_part = zgc_atlas::i18n::strings(Language::En).no_pins;
    let shows_last_part = |screen: &Screen| screen.iter().any(|(text, _)| text == last_part);
    assert!(in_view.first().is_some_and(|top| !shows_last_part(top)), "a panel longer than the window");
    assert!(in_view.last().is_some_and(shows_last_part), "scrolled to its end: {:?}", in_view.last());
    assert_eq!(in_view, filter_panel_scrolled_through(true));
}
