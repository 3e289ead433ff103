//! The Compare view's controls above the chart: which plot, which parks, and each plot's
//! metrics, year, divisor and scale.

use egui::{RichText, Ui};

use super::CompareContext;
use crate::i18n::{offered_year_label, plot_kind_name, strings, year_choice_label};
use crate::model::MetricId;
use crate::state::series::OfferedYear;
use crate::state::titles::metric_name;
use crate::state::{MatrixOrder, PlotChoice, PlotKind, PlotScope, YearChoice};
use crate::views::focus::choice_ui;
use crate::views::widgets::hover::hover_text;
use crate::views::widgets::{end_row_unless_choices_fit, end_row_unless_list_fits, labelled_list_ui};

/// The plot's choices, in two wrapping rows: the kind of plot and the parks it shows, then
/// what the kind plots (`years` are those the year picker offers).
pub(super) fn controls_ui(ui: &mut Ui, ctx: &CompareContext<'_>, choice: &mut PlotChoice, years: &[OfferedYear]) {
    let s = strings(ctx.language);
    ui.horizontal_wrapped(|ui| {
        for kind in [PlotKind::Bars, PlotKind::TimeSeries, PlotKind::Scatter, PlotKind::Matrix] {
            ui.selectable_value(&mut choice.kind, kind, plot_kind_name(ctx.language, kind));
        }
        if !end_row_unless_choices_fit(ui, s.show_label, &[s.scope_filtered, s.scope_pinned]) {
            ui.separator();
        }
        ui.label(s.show_label);
        ui.radio_value(&mut choice.scope, PlotScope::Filtered, s.scope_filtered);
        ui.radio_value(&mut choice.scope, PlotScope::Pinned, s.scope_pinned);
    });
    // Without metrics there is nothing to pick: the plot's place says so.
    if ctx.dataset.metrics.is_empty() && choice.kind != PlotKind::Matrix {
        return;
    }
    ui.horizontal_wrapped(|ui| match choice.kind {
        PlotKind::Bars | PlotKind::TimeSeries => {
            metric_picker_ui(ui, ctx, "plot_metric", s.metric, &mut choice.metric);
            if choice.kind == PlotKind::Bars {
                year_picker_ui(ui, ctx, choice, years);
                divisor_picker_ui(ui, ctx, choice);
                ui.checkbox(&mut choice.show_benchmark, s.benchmarks);
            } else {
                hover_text(ui.checkbox(&mut choice.show_projections, s.show_projections), || s.show_projections_hint);
            }
            hover_text(ui.checkbox(&mut choice.log_scale, s.log_scale), || s.log_hint);
        }
        PlotKind::Scatter => {
            metric_picker_ui(ui, ctx, "scatter_x", s.x_axis, &mut choice.x_metric);
            metric_picker_ui(ui, ctx, "scatter_y", s.y_axis, &mut choice.y_metric);
            optional_metric_picker_ui(ui, ctx, &mut choice.size_metric);
            hover_text(ui.checkbox(&mut choice.log_scale, s.log_scale), || s.log_hint);
        }
        PlotKind::Matrix => {
            ui.label(s.order);
            ui.radio_value(&mut choice.matrix_order, MatrixOrder::ByName, s.by_name);
            ui.radio_value(&mut choice.matrix_order, MatrixOrder::ByCount, s.by_count);
        }
    });
    if choice.log_scale && choice.kind != PlotKind::Matrix {
        ui.label(RichText::new(s.log_hint).small().weak());
    }
}

/// A metric's drop-down with its label, on the row's rest or the next (see
/// [`labelled_list_ui`]): a long name is cut with "…" rather than run under the profile panel.
fn metric_picker_ui(ui: &mut Ui, ctx: &CompareContext<'_>, salt: &str, label: &str, metric: &mut MetricId) {
    let selected = metric_name(ctx.dataset, metric, ctx.language);
    end_row_unless_list_fits(ui, label, &selected);
    labelled_list_ui(ui, label, selected, salt, |ui| {
        for m in &ctx.dataset.metrics {
            choice_ui(ui, metric, m.id.clone(), m.name.get(ctx.language));
        }
    });
}

fn optional_metric_picker_ui(ui: &mut Ui, ctx: &CompareContext<'_>, metric: &mut Option<MetricId>) {
    let s = strings(ctx.language);
    let selected = metric.as_ref().map_or_else(|| s.none.to_owned(), |m| metric_name(ctx.dataset, m, ctx.language));
    end_row_unless_list_fits(ui, s.bubble, &selected);
    labelled_list_ui(ui, s.bubble, selected, "scatter_size", |ui| {
        choice_ui(ui, metric, None, s.none);
        for m in &ctx.dataset.metrics {
            choice_ui(ui, metric, Some(m.id.clone()), m.name.get(ctx.language));
        }
    });
}

/// "Divide by": the values as stated, or divided by one of the dataset's divisors (never by
/// the plotted metric itself).
fn divisor_picker_ui(ui: &mut Ui, ctx: &CompareContext<'_>, choice: &mut PlotChoice) {
    let s = strings(ctx.language);
    // After the metric changed, a divisor it cannot take (itself) is dropped.
    choice.drop_unoffered_divisor(ctx.dataset);
    let divisors = ctx.dataset.divisors_of(&choice.metric);
    if divisors.is_empty() {
        return;
    }
    let selected = choice
        .divide_by
        .as_ref()
        .map_or_else(|| s.divide_none.to_owned(), |m| metric_name(ctx.dataset, m, ctx.language));
    end_row_unless_list_fits(ui, s.divide_by_label, &selected);
    labelled_list_ui(ui, s.divide_by_label, selected, "plot_divisor", |ui| {
        choice_ui(ui, &mut choice.divide_by, None, s.divide_none);
        for m in divisors {
            choice_ui(ui, &mut choice.divide_by, Some(m.id.clone()), m.name.get(ctx.language));
        }
    });
}

/// The year picker: each year with how many parks have a figure of it, so that a user can
/// choose a year most parks report before finding the chart half empty.
fn year_picker_ui(ui: &mut Ui, ctx: &CompareContext<'_>, choice: &mut PlotChoice, years: &[OfferedYear]) {
    let s = strings(ctx.language);
    let label = ui.label(s.year);
    egui::ComboBox::from_id_salt("plot_year")
        .selected_text(year_choice_label(ctx.language, choice.year))
        .show_ui(ui, |ui| {
            choice_ui(ui, &mut choice.year, YearChoice::Latest, s.latest);
            for offered in years {
                choice_ui(
                    ui,
                    &mut choice.year,
                    YearChoice::Year(offered.year),
                    offered_year_label(ctx.language, offered),
                );
            }
        })
        .response
        .labelled_by(label.id);
}
