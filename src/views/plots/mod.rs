//! The Compare view: plot controls, then the chosen plot with its title, scope line, "no data"
//! list and sources footer. The numbers come ready-made from [`PlotView`]; this module and its
//! parts only draw them and report clicks and hovers.
//!
//! This file holds the frame every plot shares: controls, title, takeaway, scope line, "no
//! data" line and sources. Each plot kind draws in its own file (`bars.rs`, `time_series.rs`,
//! `scatter.rs`, `matrix.rs`); `axes.rs` and `ticks.rs` make their axes and `labels.rs` places
//! their direct labels.
//!
//! When presenting, only the title, the takeaway, one scope line, the chart, the "no data"
//! line and the sources are drawn, and every text of the chart is sized from the ui's text
//! styles, so the app scales all of it by enlarging them.

mod axes;
mod bars;
mod controls;
mod density;
mod labels;
mod matrix;
mod scatter;
mod ticks;
mod time_series;

use egui::{Color32, FontId, RichText, TextStyle, Ui, Visuals};

use crate::format::source_entry;
use crate::i18n::{Strings, labelled, parks_in_words, qualifier_name, strings, year_choice_label};
use crate::model::{Dataset, DisplayUnit, Language, MetricId, ParkId, Qualifier, divided_display_unit};
use crate::state::filter_words::filters_in_words;
use crate::state::series::{ShownParks, TIME_SERIES_LARGEST};
use crate::state::takeaway::{in_sentence, join_names};
use crate::state::titles::{metric_name, plot_title};
use crate::state::{Action, FilterState, ParkColours, PlotChoice, PlotData, PlotKind, PlotScope, PlotView};
use crate::theme::{context_colour, qualifier_colour, series_colour, series_text_colour};
use crate::views::remembered::remembered;
use crate::views::widgets::hover::hover_ui;
use crate::views::widgets::{label_height, list_items_kept_whole, paragraph_ui};
use controls::controls_ui;

/// What the Compare view reads besides the plot choice.
pub struct CompareContext<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// The parks passing the filter, in table order.
    pub visible: &'a [ParkId],
    /// The pinned parks.
    pub pinned: &'a [ParkId],
    /// The park under the pointer last frame.
    pub hovered: Option<&'a ParkId>,
    /// The selected park.
    pub selected: Option<&'a ParkId>,
    /// The filter, for the scope line.
    pub filter: &'a FilterState,
    /// UI language.
    pub language: Language,
    /// Presentation mode: no controls or hints, only the chart and what it needs to be read.
    pub presenting: bool,
    /// On a slide, rows to scroll a matrix longer than the slide by (↓/↑), down when positive.
    pub scroll_rows: isize,
    /// A slide's own takeaway, shown instead of the one computed from the plot.
    pub takeaway: Option<&'a str>,
    /// A slide's own title, shown instead of the view's, which then leads the scope line.
    pub title: Option<&'a str>,
}

impl CompareContext<'_> {
    /// Whether `park`'s bar, line or point is drawn heavier than its colour alone: under the
    /// pointer, or selected at the desk. A slide has no key for a selection (its colour, and
    /// its name beside it, already single it out), so there it is not outlined.
    pub fn emphasised(&self, park: &ParkId) -> bool {
        self.hovered == Some(park) || (self.selected == Some(park) && !self.presenting)
    }
}

/// Draws the controls (editing `choice`) and the plot of `view`. Returns the scope line drawn
/// under the title, for an exported image's description to say what the image says; `None`
/// when the view drew none.
pub fn compare_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &mut PlotChoice,
    view: &PlotView,
    actions: &mut Vec<Action>,
) -> Option<String> {
    if ctx.presenting {
        return plot_ui(ui, ctx, choice, view, actions);
    }
    controls_ui(ui, ctx, choice, &view.years);
    ui.separator();
    // The chart keeps a least height: where the window (enlarged text, a small screen) leaves
    // less under the notes, the view scrolls rather than push the chart out of reach. The
    // scroll area's content is as tall as its view, so a chart that fits fills it as before.
    egui::ScrollArea::vertical()
        .id_salt("compare_scroll")
        .auto_shrink(false)
        .show(ui, |ui| plot_ui(ui, ctx, choice, view, actions))
        .inner
}

/// The plot of `view` under its title, takeaway and scope, with its notes and sources (see
/// [`compare_ui`]).
fn plot_ui(
    ui: &mut Ui,
    ctx: &CompareContext<'_>,
    choice: &PlotChoice,
    view: &PlotView,
    actions: &mut Vec<Action>,
) -> Option<String> {
    let s = strings(ctx.language);
    let data = &view.data;
    let view_title = plot_title(ctx.dataset, choice, ctx.language);
    ui.label(RichText::new(ctx.title.unwrap_or(&view_title)).heading().strong());
    // A metric against itself is a diagonal that says nothing: ask for two metrics instead,
    // where the chart would be, under the slide's title as any chart is.
    if choice.scatters_one_metric() {
        let text = if ctx.dataset.metrics.len() < 2 {
            s.scatter_only_one_metric.replace("{metric}", &metric_name(ctx.dataset, &choice.x_metric, ctx.language))
        } else {
            s.scatter_same_metric.to_owned()
        };
        nothing_drawn_ui(ui, &text, 0.0);
        return None;
    }
    let takeaway = ctx.takeaway.unwrap_or(&view.takeaway);
    if !takeaway.is_empty() {
        paragraph_ui(ui, RichText::new(takeaway).text_style(TextStyle::Body).strong());
    }
    let bars_with_room = bars::bars_with_room(ui.ctx());
    let scope = scope_line(ctx, choice, view, bars_with_room);
    // Under a slide's own title, the plot's says what is plotted.
    let scope = if ctx.title.is_some() { format!("{view_title} · {scope}") } else { scope };
    paragraph_ui(ui, RichText::new(&scope).weak());
    if choice.scope == PlotScope::Pinned && ctx.pinned.is_empty() {
        ui.add_space(8.0);
        ui.label(s.no_pins_to_plot);
        return Some(scope);
    }
    // Each plot takes what is left above the footer once its own notes are drawn. The log
    // scale's line is made once a frame, the "no data" line kept while the plot, the language
    // and the pins stay the same: both name parks from thousands at 10,000.
    let not_on_log = not_on_log_text(ctx, choice, data);
    let missing_for = (view.revision, ctx.language, ctx.pinned.to_vec());
    let missing = remembered(ui.ctx(), ui.scope_id().with("missing_line"), missing_for, |_| missing_text(ctx, data));
    let footer = footer_height(ui, ctx, (not_on_log.as_deref(), missing.as_deref()), view);
    let colours = &view.colours;
    if let Some(note) = &view.nothing_drawn {
        // Empty axes would read as figures of zero, or as a chart failing to draw.
        // No "no data" line: with nothing drawn, it would name every park shown.
        nothing_drawn_ui(ui, note, footer);
        sources_ui(ui, ctx, view, s);
        return Some(scope);
    }
    match data {
        PlotData::Bars(series) => bars::bars_ui(ui, ctx, choice, series, colours, footer, actions),
        PlotData::TimeSeries { series, .. } => {
            time_series::time_series_ui(ui, ctx, choice, series, colours, footer, actions);
        }
        PlotData::Scatter { points, .. } => {
            scatter::scatter_ui(ui, ctx, choice, (points, view.revision), colours, footer, actions);
        }
        PlotData::Matrix(matrix) => matrix::matrix_ui(ui, ctx, matrix, footer, actions),
    }
    if let Some(text) = not_on_log {
        paragraph_ui(ui, RichText::new(text).weak());
    }
    if let Some(text) = missing {
        paragraph_ui(ui, RichText::new(text).color(qualifier_colour(ui.visuals(), Qualifier::Approximate)));
    }
    sources_ui(ui, ctx, view, s);
    Some(scope)
}

/// The chart's place when there is nothing to draw: `note` says why, large enough to read from
/// the back of a room, where the chart would be.
fn nothing_drawn_ui(ui: &mut Ui, note: &str, footer: f32) {
    let size = egui::vec2(ui.available_width(), chart_height(ui, footer));
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    // Centred, with a margin either side so a long note wraps to a readable measure.
    let room = rect.shrink2(egui::vec2(rect.width() * 0.1, 0.0));
    let text = RichText::new(note).text_style(TextStyle::Heading);
    ui.put(room, egui::Label::new(text).wrap());
}

/// The unit the metric's values are written in, in `language`.
fn metric_unit(dataset: &Dataset, id: &MetricId, language: Language) -> DisplayUnit {
    dataset.display_unit(id, language)
}

/// The unit the plotted values are written in: divided by the divisor's, when divided.
fn value_unit(ctx: &CompareContext<'_>, choice: &PlotChoice) -> DisplayUnit {
    match choice.divided(ctx.dataset) {
        Some((metric, divisor)) => divided_display_unit(metric, divisor, ctx.language),
        None => metric_unit(ctx.dataset, &choice.metric, ctx.language),
    }
}

/// The scope line under the title: the dataset's place, which parks (as the plot's data resolved
/// them), which year, which normalisation, which filters.
/// `bars_with_room`: how many bars the bar chart has room for, for its note when presenting.
fn scope_line(ctx: &CompareContext<'_>, choice: &PlotChoice, view: &PlotView, bars_with_room: usize) -> String {
    let s = strings(ctx.language);
    let which_parks = match view.shown_parks {
        // Unsaid with no filter set: "filtered" would tell an audience that parks were left out.
        ShownParks::Filtered if !ctx.filter.is_active() => String::new(),
        ShownParks::Filtered => s.scope_filtered.to_owned(),
        ShownParks::Pinned => s.scope_pinned.to_owned(),
        // As "Filtered": "matching the filter" with none set would say parks were left out.
        ShownParks::PinnedInFilter if !ctx.filter.is_active() => s.scope_pinned.to_owned(),
        ShownParks::PinnedInFilter => s.scope_pinned_in_filter.to_owned(),
        // Fewer parks than the largest drawn have a figure: all of them are drawn.
        ShownParks::Largest if view.park_count.entries < TIME_SERIES_LARGEST => s.every_park_with_figure.to_owned(),
        // How to choose others is for the desk, not for the audience.
        ShownParks::Largest if ctx.presenting => s.top_five.to_owned(),
        ShownParks::Largest => match ctx.language {
            Language::En => format!("{} ({})", s.top_five, s.pin_to_choose),
            Language::Zh => format!("{}（{}）", s.top_five, s.pin_to_choose),
        },
    };
    // The place first: an exported or presented chart is seen away from the app that names it.
    let mut parts =
        vec![ctx.dataset.meta.short_name().get(ctx.language).to_owned(), parks_in_words(ctx.language, view.park_count)];
    parts.extend(Some(which_parks).filter(|which| !which.is_empty()));
    if choice.kind == PlotKind::Bars {
        parts.push(year_choice_label(ctx.language, choice.year));
        if let Some(divisor) = &choice.divide_by {
            parts.push(
                s.divided_by
                    .replace("{metric}", &in_sentence(&metric_name(ctx.dataset, divisor, ctx.language), ctx.language)),
            );
        }
    }
    if choice.log_scale && choice.kind != PlotKind::Matrix {
        parts.push(s.log_scale.to_owned());
    }
    // Said only where a target or forecast was left out: the audience is not told of none.
    if let PlotData::TimeSeries { hidden_projections, .. } = &view.data
        && *hidden_projections > 0
    {
        parts.push(s.projections_not_drawn.to_owned());
    }
    // When presenting, the bars' notes join this line instead of taking lines of their own.
    if ctx.presenting
        && let PlotData::Bars(series) = &view.data
    {
        parts.extend(bars::notes(ctx, choice, series, &value_unit(ctx, choice), bars_with_room));
    }
    // The filters are named when the plot's parks are chosen among those they let through.
    if view.shown_parks.within_filter() {
        parts.extend(filters_in_words(ctx.dataset, ctx.filter, ctx.language));
    }
    parts.join(" · ")
}

fn park_name(dataset: &Dataset, id: &ParkId, language: Language) -> String {
    dataset.park(id).map_or_else(|| id.to_string(), |p| p.name.get(language).to_owned())
}

/// The height left for a chart above a footer of `footer` points, and never below a usable
/// minimum.
fn chart_height(ui: &Ui, footer: f32) -> f32 {
    (ui.available_height() - footer).max(200.0)
}

/// The colour a park is drawn in: its palette colour when the plot colours it, else the
/// context grey.
fn park_colour(colours: &ParkColours, visuals: &Visuals, id: &ParkId) -> Color32 {
    colours.slot(id).map_or_else(|| context_colour(visuals), series_colour)
}

/// The colour of a label naming a park: readable on the plot, in its series colour when it
/// has one.
fn park_text_colour(colours: &ParkColours, visuals: &Visuals, id: &ParkId) -> Color32 {
    colours.slot(id).map_or_else(|| visuals.strong_text_color(), |slot| series_text_colour(slot, visuals))
}

/// The font of a chart's own text (tick labels, value and direct labels): the ui's body text
/// style, so it grows with the app's text size.
fn chart_font(ui: &Ui) -> FontId {
    TextStyle::Body.resolve(ui.style())
}

/// Whether a qualifier is drawn as a hollow marker.
fn is_hedged(qualifier: Qualifier) -> bool {
    matches!(qualifier, Qualifier::Approximate | Qualifier::AtLeast | Qualifier::AtMost | Qualifier::Preliminary)
}

/// Plot position of a value: itself, or its base-10 logarithm on a log scale (`None` when a
/// log scale cannot show it).
fn scaled(value: f64, log_scale: bool) -> Option<f64> {
    if !log_scale {
        Some(value)
    } else if value > 0.0 {
        Some(value.log10())
    } else {
        None
    }
}

/// Most parks the "no data" line names; the rest are counted. More would not be read, and
/// would push the chart off the screen.
const MAX_NAMED_MISSING: usize = 20;

/// The line naming the parks the plot could not draw for lack of data.
/// A park's name says why it has no bar when the bars are divided and its divisor is known only
/// for other boundaries ("West Park (no divisor known to be within the same boundaries)"), and
/// when it has only a target or forecast ("West Park (only a target)").
fn missing_text(ctx: &CompareContext<'_>, data: &PlotData) -> Option<String> {
    let missing = data.missing();
    if missing.is_empty() {
        return None;
    }
    let s = strings(ctx.language);
    // A pinned park first, starred as the presented table stars it.
    let (in_order, starred) = crate::state::pinned_first(missing, ctx.pinned);
    let names = in_order.into_iter().take(MAX_NAMED_MISSING).map(|id| {
        let name = park_name(ctx.dataset, id, ctx.language);
        let name = if starred && ctx.pinned.contains(id) { format!("★ {name}") } else { name };
        let projected = data.only_projected(id);
        if data.divisor_across_boundary().contains(id) {
            s.no_divisor_within_boundaries.replace("{park}", &name)
        } else if data.divisor_not_above_zero().contains(id) {
            s.divisor_not_above_zero.replace("{park}", &name)
        } else if let Some(qualifier) = projected {
            // As the table shows its target: "no data" alone read as if the file had none.
            (s.only_projected.replace("{park}", &name)).replace("{qualifier}", qualifier_name(ctx.language, qualifier))
        } else {
            name
        }
    });
    let line = labelled(ctx.language, s.no_data, named_then_counted(ctx, names, missing.len()));
    // The star's key, as the presented table gives it.
    Some(match (starred, ctx.language) {
        (false, _) => line,
        (true, Language::En) => format!("{line} ({})", s.pinned_mark_key),
        (true, Language::Zh) => format!("{line}（{}）", s.pinned_mark_key),
    })
}

/// The footer line naming every source behind what is drawn, as it wraps at the ui's width.
fn sources_text(ui: &Ui, view: &PlotView, s: &Strings) -> Option<String> {
    let text = || list_items_kept_whole(ui, s.footer_sources, &view.source_list, &TextStyle::Small);
    (!view.source_list.is_empty()).then(text)
}

/// The height the footer under the chart takes: its lines laid out at the ui's width, in the
/// ui's text styles (so Chinese line heights and enlarged text are counted), with spacing.
/// `lines` are the log scale's line ([`not_on_log_text`]) and the "no data" line
/// ([`missing_text`]), if any, as `plot_ui` made them.
fn footer_height(ui: &Ui, ctx: &CompareContext<'_>, lines: (Option<&str>, Option<&str>), view: &PlotView) -> f32 {
    let (not_on_log, missing) = lines;
    let height = |text: Option<String>, style: TextStyle| text.map_or(0.0, |text| label_height(ui, &text, &style));
    let s = strings(ctx.language);
    let its_spacing = if not_on_log.is_some() { ui.spacing().item_spacing.y } else { 0.0 };
    height(not_on_log.map(str::to_owned), TextStyle::Body)
        + its_spacing
        + height(missing.map(str::to_owned), TextStyle::Body)
        + height(sources_text(ui, view, s), TextStyle::Small)
        + ui.spacing().item_spacing.y * 2.0
}

/// The parks a log scale leaves out, wholly or in part (a figure of zero or below), named as
/// the "no data" line names its parks; `None` on a linear scale or when it leaves none out.
fn not_on_log_text(ctx: &CompareContext<'_>, choice: &PlotChoice, data: &PlotData) -> Option<String> {
    if !choice.log_scale {
        return None;
    }
    let left_out = data.not_on_log_scale();
    if left_out.is_empty() {
        return None;
    }
    // A line partly drawn is named with the years left out of it.
    let park_and_years = |id: &&ParkId| {
        let name = park_name(ctx.dataset, id, ctx.language);
        let years = data.years_not_on_log_scale(id);
        if years.is_empty() {
            return name;
        }
        // "2016 and 2018": with the list's commas, "…of 2016, 2018, Beta Park" read as three items.
        let years = join_names(&years.iter().map(i32::to_string).collect::<Vec<_>>(), ctx.language);
        strings(ctx.language).not_on_log_years.replace("{park}", &name).replace("{years}", &years)
    };
    let names = left_out.iter().take(MAX_NAMED_MISSING).map(park_and_years);
    Some(labelled(ctx.language, strings(ctx.language).not_on_log, named_then_counted(ctx, names, left_out.len())))
}

/// The first [`MAX_NAMED_MISSING`] of a footer line's `total` parks by `names`, the rest
/// counted ("and 12 more parks"), joined as the language lists names.
fn named_then_counted(ctx: &CompareContext<'_>, names: impl Iterator<Item = String>, total: usize) -> String {
    let names: Vec<String> = names.take(MAX_NAMED_MISSING).collect();
    let more = strings(ctx.language).more_parks_after_list;
    crate::i18n::listed_then_counted(&names, total.saturating_sub(MAX_NAMED_MISSING), more, ctx.language)
}

/// The footer naming every source behind what is drawn; hovering gives each one's label and
/// title (written only when it shows: at 10,000 parks that is thousands of lines).
fn sources_ui(ui: &mut Ui, ctx: &CompareContext<'_>, view: &PlotView, s: &Strings) {
    let Some(text) = sources_text(ui, view, s) else { return };
    // Each source by its label as the line above writes it ("China Daily 2016a"), so that a
    // reader can tell which title is which of two sources of one publisher and year.
    let titles = || {
        let titles = view.sources.iter().filter_map(|id| ctx.dataset.source(id));
        titles.map(|src| source_entry(src, ctx.language)).collect::<Vec<_>>().join("\n")
    };
    let response = paragraph_ui(ui, RichText::new(text).small().weak());
    // What the tooltip says is also the label's description for screen readers, written only
    // when one listens (`on_hover_text` would write it every frame).
    ui.ctx().accesskit_node_builder(response.id, |node| node.set_description(titles()));
    hover_ui(response, |ui| {
        ui.label(titles());
    });
}

/// A context at the desk with nothing pinned, hovered or selected, for tests of what a view
/// writes (tooltips, lines).
#[cfg(test)]
fn desk_context<'a>(dataset: &'a Dataset, filter: &'a FilterState, language: Language) -> CompareContext<'a> {
    CompareContext {
        dataset,
        visible: &[],
        pinned: &[],
        hovered: None,
        selected: None,
        filter,
        language,
        presenting: false,
        scroll_rows: 0,
        takeaway: None,
        title: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::small_dataset;

    #[test]
    fn a_selected_park_is_outlined_at_the_desk_but_not_on_a_slide_where_nothing_keys_it() {
        let dataset = small_dataset();
        let filter = FilterState::default();
        let (selected, hovered) = (&dataset.parks[0].id, &dataset.parks[1].id);
        let ctx = |presenting| CompareContext {
            dataset: &dataset,
            visible: &[],
            pinned: &[],
            hovered: Some(hovered),
            selected: Some(selected),
            filter: &filter,
            language: Language::En,
            presenting,
            scroll_rows: 0,
            takeaway: None,
            title: None,
        };
        assert!(ctx(false).emphasised(selected), "at the desk");
        assert!(!ctx(true).emphasised(selected), "on a slide");
        // The presenter pointing at a bar still outlines it.
        assert!(ctx(true).emphasised(hovered) && ctx(false).emphasised(hovered));
        assert!(!ctx(false).emphasised(&dataset.parks[2].id), "another park");
    }
}
