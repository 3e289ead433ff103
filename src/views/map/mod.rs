//! The schematic map: districts coloured by a chosen value, park markers sized by a metric,
//! district labels placed clear of markers and of each other, an inset enlarging the small
//! districts of the centre, a legend in room of its own, pan and zoom. Geometry is projected and
//! triangulated once per map file ([`MapGeometry`]); each frame only moves the cached points
//! onto the screen.
//!
//! Presenting, the view draws no controls: only the title, the takeaway, the scope line (and the
//! warning when sums mix years), the map with its inset, labels and legend, and the sources, all
//! in the ui's text styles, so the app enlarges every word by enlarging those.

use egui::{Color32, Id, Rect, RichText, Sense, TextStyle, Ui, Vec2, pos2, vec2};

use crate::format::{format_count, format_value, value_with_unit};
use crate::i18n::{labelled, listed_then_counted, parks_in_words, qualifier_name, strings};
use crate::model::geo::CityMap;
use crate::model::{Dataset, DisplayUnit, DistrictId, Language, MetricId, ParkId, Qualifier};
use crate::state::filter_words::filters_in_words;
use crate::state::map::{DistrictValue, MapChoice, MapData};
use crate::state::takeaway::map::sum_phrase;
use crate::state::titles::{self, map_title};
use crate::state::{Action, FilterState, ParkColours};
use crate::theme::{class_colour, no_data_colour, no_park_colour};
use crate::views::remembered::remembered;
use crate::views::widgets::{label_height, list_items_kept_whole, paragraph_ui};
use controls::{controls_ui, pan_and_zoom, zoom_controls_rect, zoom_controls_ui};
pub use geometry::MapGeometry;
use geometry::ScreenFromMap;
use layout::Layout;
use legend::Legend;
use pane::{Pane, PaneHover, PaneKind, inset_stroke, pane_ui};

mod controls;
mod dots;
mod geometry;
mod hatch;
mod labels;
mod layout;
mod legend;
mod markers;
mod pane;
mod park_names;

/// What the map view reads.
pub struct MapContext<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// The outlines.
    pub city: &'a CityMap,
    /// The cached projection.
    pub geometry: &'a MapGeometry,
    /// The map's numbers.
    pub data: &'a MapData,
    /// Pinned parks (ringed more heavily).
    pub pinned: &'a [ParkId],
    /// The markers drawn in colour (the pinned and selected parks), each with its chart colour's
    /// slot ([`Derived::map_colours`](crate::state::derived::Derived::map_colours)); every other
    /// marker is neutral.
    pub colours: &'a ParkColours,
    /// The park under the pointer last frame.
    pub hovered: Option<&'a ParkId>,
    /// The selected park.
    pub selected: Option<&'a ParkId>,
    /// UI language.
    pub language: Language,
    /// Whether the app is presenting: no controls, only what the audience reads.
    pub presenting: bool,
    /// A slide's own takeaway, shown instead of the one computed from the data.
    pub takeaway: Option<&'a str>,
    /// A slide's own title, shown instead of the view's, which then leads the scope line.
    pub title: Option<&'a str>,
    /// The filter that chose the parks, named on the scope line.
    pub filter: &'a FilterState,
}

impl<'a> MapContext<'a> {
    /// The parks the user picked, most important first: the coloured ones, then the selected
    /// park when every colour went to pins. Each is named on the map and in the legend.
    fn picked(&self) -> impl Iterator<Item = &'a ParkId> {
        let grey_selection = self.selected.filter(|park| self.colours.slot(park).is_none());
        self.colours.parks().chain(grey_selection)
    }

    /// Whether `park` is one of [`Self::picked`].
    fn is_picked(&self, park: &ParkId) -> bool {
        self.colours.slot(park).is_some() || self.selected == Some(park)
    }
}

/// The least enlargement worth an inset; below it the main map shows the small districts
/// about as large, and the room goes to the main map instead.
const MIN_MAGNIFICATION: f32 = 1.5;

/// Draws the controls (editing `choice`; not while presenting) and the map. Returns the scope
/// line drawn under the title, for an exported image's description to say what the image says.
pub fn map_ui(ui: &mut Ui, ctx: &MapContext<'_>, choice: &mut MapChoice, actions: &mut Vec<Action>) -> String {
    if ctx.presenting {
        return map_body_ui(ui, ctx, choice, actions);
    }
    controls_ui(ui, ctx, choice);
    // The map keeps a least height: where the window (enlarged text, a small screen) leaves
    // less, the view scrolls rather than lay the legend over the map. The scroll area's
    // content is as tall as its view, so a map that fits fills it as before; the wheel over
    // the map still zooms it.
    egui::ScrollArea::vertical()
        .id_salt("map_scroll")
        .auto_shrink(false)
        .show(ui, |ui| map_body_ui(ui, ctx, choice, actions))
        .inner
}

/// The map under its title, takeaway, scope and warnings, with its sources (see [`map_ui`]).
fn map_body_ui(ui: &mut Ui, ctx: &MapContext<'_>, choice: &mut MapChoice, actions: &mut Vec<Action>) -> String {
    let view_title = map_title(ctx.dataset, &ctx.city.name, choice, ctx.language);
    ui.label(RichText::new(ctx.title.unwrap_or(&view_title)).heading().strong());
    let takeaway = ctx.takeaway.unwrap_or(&ctx.data.takeaway);
    if !takeaway.is_empty() {
        paragraph_ui(ui, RichText::new(takeaway).text_style(TextStyle::Body).color(ui.visuals().strong_text_color()));
    }
    let scope = scope_line(ctx, choice);
    // Under a slide's own title, the map's says what colours the districts.
    let scope = if ctx.title.is_some() { format!("{view_title} · {scope}") } else { scope };
    paragraph_ui(ui, RichText::new(&scope).text_style(TextStyle::Body).weak());
    // Sums adding figures of different years are not like for like: said on the map itself, as
    // the bars say it, since a presented slide shows no tooltip until pointed at. One line, cut
    // short rather than wrapped, so the map keeps its height.
    let warning = |ui: &mut Ui, text: &str| {
        let text = RichText::new(text).text_style(TextStyle::Body).color(ui.visuals().warn_fg_color);
        ui.add(egui::Label::new(text).truncate());
    };
    // A slide has no tooltip to point to: there the warnings say what they can without one.
    let s = strings(ctx.language);
    if let Some((first, last)) = ctx.data.mixed_years {
        let template = if ctx.presenting { s.map_mixed_years_presented } else { s.map_mixed_years };
        warning(ui, &template.replace("{first}", &first.to_string()).replace("{last}", &last.to_string()));
    }
    if let Some(text) = ctx.data.part_year_warning(ctx.dataset, ctx.language) {
        warning(ui, &text);
    }
    // A park placed outside its districts would stand in another one, or vanish, without a
    // word; one without a location would vanish too, though its district counts it.
    let misplaced = misplaced_parks(ui, ctx);
    if let Some(parks) = named_parks(ctx, &misplaced.outside) {
        let off = strings(ctx.language).map_parks_off.for_count(misplaced.outside.len());
        warning(ui, &off.replace("{parks}", &parks));
    }
    if let Some(parks) = named_parks(ctx, &misplaced.without_location) {
        warning(ui, &strings(ctx.language).map_parks_no_location.replace("{parks}", &parks));
    }
    // A sum without a park that has no figure is not the district's total.
    if let Some(text) = ctx.data.sums_leave_out_warning(ctx.dataset, ctx.language) {
        warning(ui, &text);
    }
    // The sources line goes below the map: reserve the height it wraps to.
    let sources = sources_text(ui, ctx);
    let sources_height = label_height(ui, &sources, &TextStyle::Small);
    let least = if ctx.presenting { 240.0 } else { DESK_LEAST_MAP_HEIGHT };
    let size = vec2(ui.available_width(), (ui.available_height() - sources_height).max(least));
    let (area, _) = ui.allocate_exact_size(size, Sense::hover());
    map_area_ui(ui, ctx, choice, area, actions);
    paragraph_ui(ui, RichText::new(sources).small().weak());
    scope
}

/// The least height of the map's area at the desk, in points, legend and inset included: room
/// for them beside or below a map still worth reading.
const DESK_LEAST_MAP_HEIGHT: f32 = 420.0;

/// The map view of a dataset without district outlines: the view's title (or a slide's own,
/// which then leads the scope line), a slide's own takeaway, and a scope line of the parks and
/// filter, as every map has, over the message saying there is no map, so that a slide of it still says what it is
/// and which parks it is about. Returns the scope line.
pub fn no_map_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    data: &MapData,
    filter: &FilterState,
    (view_title, own_title, own_takeaway): (&str, Option<&str>, Option<&str>),
    language: Language,
) -> String {
    ui.label(RichText::new(own_title.unwrap_or(view_title)).heading().strong());
    // A takeaway the user wrote for the slide, under the title as on any map slide.
    if let Some(takeaway) = own_takeaway {
        paragraph_ui(ui, RichText::new(takeaway).text_style(TextStyle::Body).color(ui.visuals().strong_text_color()));
    }
    let parks = parks_in_words(language, data.park_count);
    let scope = match filters_in_words(dataset, filter, language) {
        Some(filter) => format!("{parks} · {filter}"),
        None => parks,
    };
    let scope = if own_title.is_some() { format!("{view_title} · {scope}") } else { scope };
    paragraph_ui(ui, RichText::new(&scope).text_style(TextStyle::Body).weak());
    ui.add_space(ui.spacing().item_spacing.y * 2.0);
    ui.label(RichText::new(strings(language).no_map).text_style(TextStyle::Body));
    scope
}

/// The map, its inset and its legend in `area`.
fn map_area_ui(ui: &mut Ui, ctx: &MapContext<'_>, choice: &mut MapChoice, area: Rect, actions: &mut Vec<Action>) {
    let s = strings(ctx.language);
    let bounds = ctx.geometry.bounds;
    let mut legend = Legend::new(ui, ctx, choice);
    let caption_height = ui.text_style_height(&TextStyle::Body) + 4.0;
    let inset_shape = ctx.geometry.inset.as_ref();
    let inset_size =
        inset_shape.map(|inset| layout::inset_size(area.size(), bounds.size(), inset.extent.size(), caption_height));
    let legend_sizes = (legend.size(), legend.size_in_two_columns());
    let (mut parts, two_columns) =
        layout::layout_with_legend(area, bounds.size(), legend_sizes, inset_size, caption_height);
    legend.set_two_columns(two_columns);
    // The inset's frame below its caption, and how much it enlarges the fitted main map.
    let inset = inset_shape.zip(parts.inset).and_then(|(shape, slot)| {
        let frame = Rect::from_min_max(pos2(slot.min.x, slot.min.y + caption_height), slot.max);
        let to_inset = ScreenFromMap::new(shape.extent, frame, 1.0, Vec2::ZERO);
        let magnification = to_inset.scale / ScreenFromMap::new(bounds, parts.map_fit, 1.0, Vec2::ZERO).scale;
        (magnification >= MIN_MAGNIFICATION).then_some((shape, slot, frame, to_inset, magnification))
    });
    if inset.is_none() && parts.inset.is_some() {
        legend.set_two_columns(false);
        parts = layout::layout(area, bounds.size(), legend.size(), None);
    }
    let Layout { map: map_rect, map_fit, legend: legend_rect, .. } = parts;

    let response = ui.interact(map_rect, Id::unique("map_main"), Sense::click_and_drag());
    pan_and_zoom(ui, &response, choice);
    let to_screen = ScreenFromMap::new(bounds, map_fit, choice.zoom, vec2(choice.pan.0, choice.pan.1));
    let enlarged: &[DistrictId] = inset.map_or(&[], |(shape, ..)| &shape.districts);
    let controls = (!ctx.presenting).then(|| zoom_controls_rect(ui, ctx.language, (map_rect, map_fit)));
    let main = Pane {
        kind: PaneKind::Main,
        rect: map_rect,
        to_screen,
        enlarged,
        controls,
        // What the inset shows: its frame in map units.
        inset_extent: inset
            .map(|(.., frame, to_inset, _)| Rect::from_two_pos(to_inset.invert(frame.min), to_inset.invert(frame.max))),
    };
    let main_hover = pane_ui(ui, ctx, choice, &main, response.hover_pos(), actions);
    district_tooltip(ctx, choice, &response, &main_hover);
    if let Some(controls) = controls {
        zoom_controls_ui(ui, ctx.language, controls, choice);
    }
    if response.double_clicked() {
        choice.zoom = 1.0;
        choice.pan = (0.0, 0.0);
    }

    if let Some((_, slot, frame, to_inset, magnification)) = inset {
        let caption = s.map_inset.replace("{k}", &format!("{magnification:.1}"));
        ui.painter().text(
            slot.min,
            egui::Align2::LEFT_TOP,
            caption.clone(),
            TextStyle::Body.resolve(ui.style()),
            ui.visuals().text_color(),
        );
        let response = ui.interact(frame, Id::unique("map_inset"), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &caption));
        let pane = Pane {
            kind: PaneKind::Inset,
            rect: frame,
            to_screen: to_inset,
            enlarged,
            inset_extent: None,
            controls: None,
        };
        let hover = pane_ui(ui, ctx, choice, &pane, response.hover_pos(), actions);
        ui.painter().rect_stroke(frame, 0.0, inset_stroke(ui), egui::StrokeKind::Inside);
        district_tooltip(ctx, choice, &response, &hover);
    }
    legend.paint(ui, ui.painter(), legend_rect.min);
}

/// The name and value of the district under the pointer, unless a marker is under it.
fn district_tooltip(ctx: &MapContext<'_>, choice: &MapChoice, response: &egui::Response, hover: &PaneHover) {
    if hover.marker.is_some() {
        return;
    }
    let Some(id) = &hover.district else { return };
    let s = strings(ctx.language);
    let name = ctx.dataset.district(id).map_or_else(|| id.to_string(), |d| d.name.get(ctx.language).to_owned());
    let reading = ctx.data.reading(id);
    let value = match (reading.and_then(|r| r.value), reading.and_then(|r| r.basis), &choice.value) {
        (None, ..) if reading.is_some_and(|r| !r.has_parks()) => without_value(ctx).to_owned(),
        // "Only a target", as the bars' "no data" line and the table have it.
        (None, ..) => {
            let projected = reading.map(|r| r.only_projected.as_slice()).unwrap_or_default();
            let named: Vec<String> = (projected.iter().take(MAX_SUMMED_NAMED))
                .map(|(park, qualifier)| {
                    let name = park_name(ctx, park);
                    s.only_projected
                        .replace("{park}", &name)
                        .replace("{qualifier}", qualifier_name(ctx.language, *qualifier))
                })
                .collect();
            let unnamed = projected.len().saturating_sub(named.len());
            if named.is_empty() {
                s.no_data.to_owned()
            } else {
                labelled(
                    ctx.language,
                    s.no_data,
                    listed_then_counted(&named, unnamed, s.more_parks_after_list, ctx.language),
                )
            }
        }
        (Some(count), _, DistrictValue::ParkCount) => {
            let template = if (count - 1.0).abs() < f64::EPSILON { s.parks_count.one } else { s.parks_count.other };
            template.replace("{n}", &format_value(count))
        }
        // Stated as the sum can be, with its figures' years: ">400 bn yuan (2017)".
        (Some(value), Some(basis), DistrictValue::MetricSum(metric)) => {
            let unit = metric_unit(ctx, metric);
            let shown = unit.value(value);
            sum_phrase(shown, basis, unit.name_after(shown), ctx.language)
        }
        (Some(value), None, DistrictValue::MetricSum(metric)) => {
            value_with_unit(value, Qualifier::Reported, &metric_unit(ctx, metric))
        }
    };
    let left_out = reading
        .filter(|r| r.leaves_out_parks())
        .map(|r| format!("\n{}", s.map_parks_no_data.fill(r.parks_without_figure, r.parks_summed_over)));
    let parts = match (&choice.value, reading) {
        (DistrictValue::MetricSum(metric), Some(reading)) => summed_figures(ctx, metric, &reading.summed),
        _ => String::new(),
    };
    response.clone().on_hover_text_at_pointer(format!("{name}: {value}{parts}{}", left_out.unwrap_or_default()));
}

/// Most parks a district's tooltip names with the figures its sum adds.
const MAX_SUMMED_NAMED: usize = 8;

/// The figures a district's sum adds, a line each under it ("  West Park: ~96.5 bn yuan
/// (2005)"), where it adds more than one: a sum of figures of different years, or of one
/// stated "about", is a number no source states, and the reader must be able to trace it.
fn summed_figures(ctx: &MapContext<'_>, metric: &MetricId, summed: &[ParkId]) -> String {
    if summed.len() < 2 {
        return String::new();
    }
    let mut lines: Vec<String> = (summed.iter().take(MAX_SUMMED_NAMED))
        .filter_map(|park| {
            let figure = ctx.dataset.latest(ctx.dataset.park(park)?, metric)?;
            let stated = crate::format::figure_stated(ctx.dataset, figure.observation, ctx.language)?;
            Some(format!("  {}", crate::i18n::labelled(ctx.language, &park_name(ctx, park), stated)))
        })
        .collect();
    let more = summed.len().saturating_sub(MAX_SUMMED_NAMED);
    if more > 0 {
        let s = strings(ctx.language);
        lines.push(format!("  {}", s.and_more_parks.for_count(more).replace("{n}", &format_count(more))));
    }
    format!("\n{}", lines.join("\n"))
}

fn park_name(ctx: &MapContext<'_>, id: &ParkId) -> String {
    ctx.dataset.park(id).map_or_else(|| id.to_string(), |p| p.name.get(ctx.language).to_owned())
}

fn metric_name(ctx: &MapContext<'_>, id: &MetricId) -> String {
    titles::metric_name(ctx.dataset, id, ctx.language)
}

/// The unit the metric's values are written in.
fn metric_unit(ctx: &MapContext<'_>, id: &MetricId) -> DisplayUnit {
    ctx.dataset.display_unit(id, ctx.language)
}

fn district_fill(ctx: &MapContext<'_>, id: &DistrictId) -> Color32 {
    match (ctx.data.class_of(id), &ctx.data.classes) {
        (Some(class), Some(classes)) => class_colour(classes, class),
        _ if ctx.data.reading(id).is_some_and(|reading| !reading.has_parks()) => no_park_colour(),
        _ => no_data_colour(),
    }
}

/// What a district without a value has: no data, or, on a map of sums, no park to sum.
fn without_value(ctx: &MapContext<'_>) -> &'static str {
    let s = strings(ctx.language);
    if ctx.data.filtered { s.map_no_matching_park } else { s.map_no_park }
}

/// The scope line under the takeaway: how many parks, how the districts' values count them,
/// and whether the map is a schematic (as its map file says).
fn scope_line(ctx: &MapContext<'_>, choice: &MapChoice) -> String {
    let s = strings(ctx.language);
    // How a park in two districts counts, where one does.
    let how = match (&choice.value, ctx.data.spans_districts) {
        (DistrictValue::ParkCount, true) => Some(s.map_scope_count),
        (DistrictValue::ParkCount, false) => None,
        (DistrictValue::MetricSum(_), true) => Some(s.map_scope_sum),
        (DistrictValue::MetricSum(_), false) => Some(s.map_scope_sum_one_district),
    };
    let parks = parks_in_words(ctx.language, ctx.data.park_count);
    // The filter by name: "Parks matching the filter" alone leaves the room to guess which.
    let filter = filters_in_words(ctx.dataset, ctx.filter, ctx.language);
    let schematic = ctx.city.schematic.then_some(s.map_schematic);
    [Some(parks), how.map(str::to_owned), filter, schematic.map(str::to_owned)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The parks the map cannot draw where they belong, each list in the dataset's order.
#[derive(Default)]
struct MisplacedParks {
    /// Located outside their own districts ([`CityMap::parks_outside_their_districts`], as
    /// `check` finds them), or off the map altogether.
    outside: Vec<ParkId>,
    /// With no location: not drawn at all.
    without_location: Vec<ParkId>,
}

/// The parks the map cannot draw where they belong, found once per dataset and outlines.
fn misplaced_parks(ui: &Ui, ctx: &MapContext<'_>) -> std::sync::Arc<MisplacedParks> {
    // Every park with a location has a marker, filtered or not: which lie outside their
    // districts changes only with the dataset or the outlines, and measuring 10,000 of them
    // each frame would cost more than the frame.
    let made_from = (ctx.dataset.revision(), ctx.geometry.bounds, ctx.data.markers.len(), ctx.city.districts.len());
    remembered(ui.ctx(), Id::unique("misplaced parks"), made_from, |_| {
        let outside: std::collections::HashSet<&ParkId> =
            ctx.city.parks_outside_their_districts(ctx.dataset).into_iter().map(|(park, _)| &park.id).collect();
        let off_the_map = |park: &crate::model::Park| {
            park.location.as_ref().is_some_and(|l| ctx.geometry.is_off_the_map((l.lon, l.lat)))
        };
        std::sync::Arc::new(MisplacedParks {
            outside: ctx
                .dataset
                .parks
                .iter()
                .filter(|park| outside.contains(&park.id) || off_the_map(park))
                .map(|park| park.id.clone())
                .collect(),
            without_location: ctx
                .dataset
                .parks
                .iter()
                .filter(|park| park.location.is_none())
                .map(|park| park.id.clone())
                .collect(),
        })
    })
}

/// `parks` named (the first few, then how many more), or `None` when there are none.
fn named_parks(ctx: &MapContext<'_>, parks: &[ParkId]) -> Option<String> {
    const NAMED: usize = 3;
    if parks.is_empty() {
        return None;
    }
    let names: Vec<String> = parks
        .iter()
        .take(NAMED)
        .map(|id| ctx.dataset.park(id).map_or_else(|| id.to_string(), |p| p.name.get(ctx.language).to_owned()))
        .collect();
    let more = strings(ctx.language).more_parks_after_list;
    Some(crate::i18n::listed_then_counted(&names, parks.len().saturating_sub(NAMED), more, ctx.language))
}

/// The sources line: what the outlines are, then where the figures come from, as it wraps at
/// the ui's width.
fn sources_text(ui: &Ui, ctx: &MapContext<'_>) -> String {
    let s = strings(ctx.language);
    // Chinese sentences follow each other without a space.
    let gap = crate::i18n::sentence_gap(ctx.language);
    let mut text = ctx.city.note.get(ctx.language).to_owned();
    if let Some(source) = &ctx.city.source {
        text = format!("{text}{gap}{}", source.get(ctx.language));
    }
    if ctx.data.approximately_placed {
        text = format!("{text}{gap}{}", s.map_positions_approximate);
    }
    if !ctx.data.source_list.is_empty() {
        // After a full stop a new sentence; a dot between would stand alone.
        let separator = match text.chars().last() {
            Some('。') => "",
            Some('.') => " ",
            _ => " · ",
        };
        let lead = format!("{text}{separator}{}", s.footer_sources);
        return list_items_kept_whole(ui, &lead, &ctx.data.source_list, &TextStyle::Small);
    }
    text
}
