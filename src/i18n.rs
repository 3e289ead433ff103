//! Every string the UI shows, in English and Chinese, plus the words for the model's enums.
//!
//! A new string is a new field of [`Strings`], so the compiler makes sure both languages have it.
//! Data labels (park, metric and industry names) come from the dataset, not from here.

use crate::model::{IndustryGroup, Language, ParkId, Period, Qualifier, Role};
use crate::state::classify::ClassMethod;
use crate::state::series::{CrossKey, PlotKind, YearChoice};
use crate::state::write_failure::{FailureKind, WriteFailure};
use crate::state::{NoParkListed, ThemeChoice};

/// Words that follow a count, in the two forms English needs: "1 park added", "2 parks added".
/// Chinese has no plural, so both of its forms are the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    /// After a count of exactly one.
    pub one: &'static str,
    /// After any other count, zero included.
    pub other: &'static str,
}

impl Counted {
    /// Words that read the same after any count.
    pub const fn same(words: &'static str) -> Self {
        Self { one: words, other: words }
    }

    /// The form that goes with `count`.
    pub fn for_count(self, count: usize) -> &'static str {
        if count == 1 { self.one } else { self.other }
    }

    /// `count` written with the words that go with it: "3 entries", "3个条目" (Chinese takes
    /// no space between a number and its measure word).
    pub fn after(self, count: usize) -> String {
        let words = self.for_count(count);
        let space = if words.starts_with(crate::format::is_cjk) { "" } else { " " };
        format!("{}{space}{words}", crate::format::format_count(count))
    }
}

/// A phrase with a part and its whole, "{shown} of {total} parks {verb}", in the forms English
/// needs: the noun agrees with the whole ("1 of 1 park"), the verb with the part ("1 of 8
/// parks matches", "2 of 8 parks match"). Chinese has neither, so its forms are the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartOf {
    /// The template when the whole is exactly one.
    pub of_one: &'static str,
    /// The template for any other whole, zero included.
    pub of_other: &'static str,
    /// What fills `{verb}`, agreeing with the part.
    pub verb: Counted,
}

impl PartOf {
    /// A phrase whose forms are the same for any counts.
    pub const fn same(template: &'static str) -> Self {
        Self::same_with_verb(template, "")
    }

    /// A phrase whose forms, and its verb's, are the same for any counts.
    pub const fn same_with_verb(template: &'static str, verb: &'static str) -> Self {
        Self { of_one: template, of_other: template, verb: Counted::same(verb) }
    }

    /// The phrase for `shown` of `total`, the counts grouped in thousands as the figures are.
    pub fn fill(self, shown: usize, total: usize) -> String {
        let template = if total == 1 { self.of_one } else { self.of_other };
        let count = crate::format::format_count;
        template
            .replace("{shown}", &count(shown))
            .replace("{total}", &count(total))
            .replace("{verb}", self.verb.for_count(shown))
    }
}

/// The UI strings of one language.
#[derive(Debug)]
pub struct Strings {
    /// Label of the search box.
    pub search: &'static str,
    /// Hint inside the empty search box.
    pub search_hint: &'static str,
    /// Tooltip of the button that clears the search box.
    pub clear_search: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// Label of the theme switch.
    pub theme: &'static str,
    /// Theme that follows the system.
    pub theme_system: &'static str,
    /// Light theme.
    pub theme_light: &'static str,
    /// Dark theme.
    pub theme_dark: &'static str,
    /// Park table: pin column.
    pub col_pin: &'static str,
    /// Park table: name column.
    pub col_name: &'static str,
    /// Park table: Chinese name column.
    pub col_name_zh: &'static str,
    /// Park table: district column.
    pub col_districts: &'static str,
    /// Park table: leading industries column.
    pub col_leading: &'static str,
    /// Tooltip on a sortable column header.
    pub sort_hint: &'static str,
    /// The park table's menu of figure columns, with its arrow.
    pub table_columns_menu: &'static str,
    /// Tooltip of the columns menu.
    pub table_columns_hint: &'static str,
    /// Columns menu: show the columns the dataset names.
    pub table_columns_default: &'static str,
    /// Columns menu: a column for every metric.
    pub table_columns_all: &'static str,
    /// Columns menu: no figure column.
    pub table_columns_none: &'static str,
    /// Columns menu of a dataset without metrics: nothing to choose.
    pub table_columns_no_metrics: &'static str,
    /// Under a presented table whose figure columns do not all fit the slide: "{shown} of
    /// {total} figure columns fit the slide".
    pub table_columns_shown: PartOf,
    /// Columns menu: how many figure columns are shown, of how many: "{shown} of {total} shown".
    pub table_columns_count: PartOf,
    /// Told instead of writing the table's CSV when it has no figure columns.
    pub export_no_figure_columns: &'static str,
    /// Shown where a figure is missing. Never a zero.
    pub no_data: &'static str,
    /// Shown when no park matches the search (no other filter is set).
    pub no_match: &'static str,
    /// Shown when the industry, district or range filters leave no park.
    pub no_match_filters: &'static str,
    /// Shown when the search and the other filters together leave no park.
    pub no_match_search_and_filters: &'static str,
    /// Shown instead of the views when the dataset lists no park at all.
    pub no_parks: &'static str,
    /// The table's leading-industries cell of a park whose industries the dataset lists, none
    /// of them as leading (the tooltip lists them by role).
    pub none_leading: &'static str,
    /// Profile shown with no park selected.
    pub no_selection: &'static str,
    /// Tooltip of the button that closes the profile.
    pub close_profile: &'static str,
    /// Profile: districts line.
    pub districts: &'static str,
    /// Profile: milestones heading.
    pub milestones: &'static str,
    /// Profile: figures heading.
    pub figures: &'static str,
    /// Profile: the heading of the figures that cover only one part of the park (a predecessor
    /// area, a site); `{part}` is its name.
    pub figures_of_part: &'static str,
    /// Profile: industries heading.
    pub industries: &'static str,
    /// Profile: sub-areas heading.
    pub sub_areas: &'static str,
    /// Profile: companies heading.
    pub companies: &'static str,
    /// Profile: location line.
    pub location: &'static str,
    /// Profile: marks an approximate location.
    pub approximate_location: &'static str,
    /// Figures table: metric column.
    pub metric: &'static str,
    /// Figures table: value column.
    pub value: &'static str,
    /// Figures table: year column.
    pub year: &'static str,
    /// A tooltip's source line: what comes before the source's title, its colon as the language
    /// writes it.
    pub source: &'static str,
    /// Source tooltip: publisher.
    pub publisher: &'static str,
    /// Source tooltip: date.
    pub date: &'static str,
    /// Source tooltip: no URL.
    pub no_url: &'static str,
    /// Source tooltip: click opens the page.
    pub click_to_open: &'static str,
    /// Profile: notes on a figure.
    pub note: &'static str,
    /// Status bar: where the data was loaded from.
    pub loaded_from: &'static str,
    /// Status bar: the data embedded in the program.
    pub embedded: &'static str,
    /// Status bar: count of parks.
    pub parks: Counted,
    /// Status bar: count of the dataset's entries, when parts of one park are entries of their own.
    pub entries: Counted,
    /// Status bar: why the parks and the entries are counted apart.
    pub entries_explained: &'static str,
    /// Status bar: count of figures.
    pub figures_count: Counted,
    /// Status bar: count of sources.
    pub sources: Counted,
    /// Heading of the error panel for a dataset that failed to load.
    pub load_failed: &'static str,
    /// The same, when what failed is a figure table of the dataset (named by it or added).
    pub table_load_failed: &'static str,
    /// Under `table_load_failed` when the dataset opened without the table.
    pub table_left_out: &'static str,
    /// Under `table_load_failed` when the dataset names the table: where, to be taken out.
    pub table_named_in: &'static str,
    /// A reload's notice, before a figure table's row that now gives another value than the
    /// dataset (both kept; the table's is listed last, so shown).
    pub table_now_conflicts: &'static str,
    /// Heading of the problems of another file the user tried to open.
    pub open_failed: &'static str,
    /// Under `open_failed`: the dataset on screen stays open.
    pub open_failed_kept: &'static str,
    /// Button that loads the dataset file again.
    pub reload: &'static str,
    /// Shown when no dataset could be loaded at all.
    pub no_dataset: &'static str,
    /// Heading of the filter panel and its toolbar toggle.
    pub filters: &'static str,
    /// Industries: any or all.
    pub match_label: &'static str,
    /// Any chosen industry.
    pub match_any: &'static str,
    /// All chosen industries.
    pub match_all: &'static str,
    /// Which roles count.
    pub roles_label: &'static str,
    /// Leading (and pillar) only.
    pub roles_leading: &'static str,
    /// Leading and key.
    pub roles_leading_key: &'static str,
    /// Any role.
    pub roles_any: &'static str,
    /// Heading of the ranges section.
    pub ranges: &'static str,
    /// Combo box that adds a range on a metric.
    pub add_range: &'static str,
    /// Under the ranges: how a figure stated as "more than" or "less than" is filtered.
    pub range_bounds_note: &'static str,
    /// Tooltip of a chip or range's remove button.
    pub remove_filter: &'static str,
    /// Lower bound.
    pub range_min: &'static str,
    /// Upper bound.
    pub range_max: &'static str,
    /// Keep parks with no figure for the metric.
    pub keep_missing: &'static str,
    /// Heading of the pinned parks.
    pub pinned: &'static str,
    /// Shown when nothing is pinned.
    pub no_pins: &'static str,
    /// Button that pins the selected park.
    pub pin: &'static str,
    /// Button or tooltip that unpins a park.
    pub unpin: &'static str,
    /// Button that unpins every park.
    pub clear_pins: &'static str,
    /// Button that removes every filter.
    pub reset_all: &'static str,
    /// Chip prefix.
    pub industry: &'static str,
    /// After an industry on a chip or a scope line, when only leading industries count.
    pub as_leading: &'static str,
    /// After an industry on a chip or a scope line, when leading and key industries count.
    pub as_leading_or_key: &'static str,
    /// Between industries a park must all have, on a scope line: "A and B".
    pub industries_all: &'static str,
    /// Between industries a park may have any of, on a scope line: "A or B".
    pub industries_any: &'static str,
    /// Chip prefix.
    pub district: &'static str,
    /// Notice when an eleventh park is pinned.
    pub pins_full: &'static str,
    /// Notice after "Compare with peers" replaced pins: `{park}` compared, `{parks}` unpinned.
    pub pins_replaced: &'static str,
    /// Beside `pins_replaced`: pin again the parks it names.
    pub restore_pins: &'static str,
    /// After "Unpin all": `{parks}` are the parks no longer pinned.
    pub pins_cleared: &'static str,
    /// After Esc or "Reset all" cleared the filters (offered back beside it).
    pub filters_cleared: &'static str,
    /// Larger text asked for where the window has no room for it; `{percent}` is the largest.
    pub zoom_at_largest: &'static str,
    /// Profile: heading of the park's peers.
    pub peers: &'static str,
    /// Profile: button that pins the park and its peers and opens Compare.
    pub compare_with_peers: &'static str,
    /// Tooltip of that button.
    pub compare_with_peers_hint: &'static str,
    /// Profile: prefix of what a peer shares with the park, with its separator.
    pub peer_shared: &'static str,
    /// Profile: prefix of what sets a peer apart, with its separator.
    pub peer_differs: &'static str,
    /// Profile: shown when no park is alike in anything that can be compared.
    pub no_peers: &'static str,
    /// Tooltip of a peer the filter hides, which cannot be selected.
    pub peer_hidden: &'static str,
    /// Tooltip of a peer's name: a click selects it.
    pub peer_select_hint: &'static str,
    /// Notice after loading: ids that no longer exist.
    pub dropped_ids: &'static str,
    /// Notice: the map's districts summed `{metric}`, which the dataset now gives as a share.
    pub map_share_not_summed: &'static str,
    /// Notice after loading: the map file the dataset names could not be read.
    pub map_unreadable: &'static str,
    /// After the dropped ids, when pins or the selection were among them.
    pub dropped_picks_kept: &'static str,
    /// A reload brought back parks whose pins or selection an earlier one dropped.
    pub picks_restored: &'static str,
    /// Button that closes a notice.
    pub dismiss: &'static str,
    /// "{shown} of {total} parks match".
    pub matching_of: PartOf,
    /// "{shown} of {total} entries match", where parts of one park are listed as entries.
    pub entries_matching_of: PartOf,
    /// A chart's, the map's or the table's footer: what comes before the list of the sources of
    /// the figures shown, its colon as the language writes it.
    pub footer_sources: &'static str,
    /// Note when a chart shows only its largest bars.
    pub only_largest: &'static str,
    /// Bars: the pinned parks ranked below the bars drawn; {parks} is the list.
    pub pinned_not_drawn: &'static str,
    /// Bars: one of those, with its place in the ranking.
    pub pinned_ranked: &'static str,
    /// Map legend when markers are too many to size; `{n}` is their number.
    pub map_dots: &'static str,
    /// Export size: the window's.
    pub size_window: &'static str,
    /// Menu: the meeting pack.
    pub meeting_pack: &'static str,
    /// Meeting pack: the scope line's label.
    pub pack_scope: &'static str,
    /// Heading of the slide list.
    pub slides: &'static str,
    /// Label of the new slide's title.
    pub slide_title: &'static str,
    /// Hint in the title field.
    pub slide_title_hint: &'static str,
    /// Button: save the view as a slide.
    pub save_view: &'static str,
    /// Tooltip: show this slide.
    pub show_slide: &'static str,
    /// Tooltip on a slide's title.
    pub rename_slide: &'static str,
    /// Tooltip.
    pub move_up: &'static str,
    /// Tooltip.
    pub move_down: &'static str,
    /// A slide's delete button: its tooltip and its name for screen readers; {n} is the
    /// slide's number.
    pub delete_slide: &'static str,
    /// Notice after a slide was deleted: {n} its number, {title} its name.
    pub slide_deleted: &'static str,
    /// Button beside `slide_deleted` and `filters_cleared`: give back what it tells was removed.
    pub restore: &'static str,
    /// Cheat sheet: Ctrl+Z, which gives back what the notice offers.
    pub key_restore_offered: &'static str,
    /// Cheat sheet: ↓ and ↑ while presenting, which scroll a table longer than the slide.
    pub key_scroll_rows: &'static str,
    /// Cheat sheet: Ctrl+Q.
    pub key_quit: &'static str,
    /// Hint in the notes field.
    pub notes_hint: &'static str,
    /// The speaker notes' window, for a slide without notes.
    pub notes_none: &'static str,
    /// The speaker notes' window: the next slide, `{title}`.
    pub notes_next: &'static str,
    /// The speaker notes' window, on the last slide.
    pub notes_last: &'static str,
    /// Hint in a slide's takeaway field.
    pub takeaway_hint: &'static str,
    /// Toolbar button.
    pub present: &'static str,
    /// Presentation bar.
    pub presenting_help: &'static str,
    /// In the presentation bar while a data file has a problem (the dataset failed to reload, or
    /// a figure table was left out): the slides show what did load; the problem waits for the
    /// desk.
    pub presenting_load_failed: &'static str,
    /// Presentation bar: the slide counter, "{i} / {n}".
    pub slide_of: &'static str,
    /// What a slide without a title is called; {n} is its number.
    pub untitled_slide: &'static str,
    /// Presenting without slides.
    pub no_slides: &'static str,
    /// Cheat sheet title.
    pub keys_title: &'static str,
    /// Cheat sheet: heading of the shortcuts that always work.
    pub keys_always: &'static str,
    /// Cheat sheet: heading of the shortcuts while exploring.
    pub keys_exploring: &'static str,
    /// Cheat sheet: heading of the shortcuts while presenting.
    pub keys_presenting: &'static str,
    /// Cheat sheet: Ctrl+F.
    pub key_search: &'static str,
    /// Cheat sheet: the shortcuts that show the table, the comparison and the map.
    pub key_show_table: &'static str,
    pub key_show_compare: &'static str,
    pub key_show_map: &'static str,
    /// Cheat sheet: the shortcut that saves the view as a slide.
    pub key_save_slide: &'static str,
    /// Cheat sheet: Ctrl+O.
    pub key_open: &'static str,
    /// Cheat sheet: Ctrl+R.
    pub key_reload: &'static str,
    /// Cheat sheet: Ctrl+E.
    pub key_export: &'static str,
    /// Cheat sheet: Ctrl+C on a figure's source in the profile.
    pub key_copy_figure: &'static str,
    /// Cheat sheet: F5.
    pub key_present: &'static str,
    /// Cheat sheet: F1.
    pub key_list: &'static str,
    /// Cheat sheet: Esc while exploring.
    pub key_clear: &'static str,
    /// Cheat sheet: ↑.
    pub key_previous_park: &'static str,
    /// Cheat sheet: ↓.
    pub key_next_park: &'static str,
    /// Cheat sheet: Space while exploring.
    pub key_pin: &'static str,
    /// Cheat sheet: Esc while presenting.
    pub key_leave: &'static str,
    /// Cheat sheet: next slide.
    pub key_next_slide: &'static str,
    /// Cheat sheet: previous slide.
    pub key_previous_slide: &'static str,
    /// Cheat sheet: 1–9.
    pub key_jump: &'static str,
    /// Cheat sheet: first slide.
    pub key_first_slide: &'static str,
    /// Cheat sheet: last slide.
    pub key_last_slide: &'static str,
    /// Cheat sheet: N.
    pub key_notes: &'static str,
    /// Cheat sheet: egui zoom keys.
    pub key_zoom: &'static str,
    /// Button.
    pub close: &'static str,
    /// Menu.
    pub export_csv: &'static str,
    /// Menu.
    pub export_png: &'static str,
    /// Notice after an export.
    pub exported: &'static str,
    /// Notice when an export fails.
    pub export_failed: &'static str,
    /// Why a file was not written: no permission.
    pub write_no_permission: &'static str,
    /// Why a file was not written: a file where a folder is needed.
    pub write_file_in_the_way: &'static str,
    /// Why a file was not written: a folder of its name.
    pub write_folder_in_the_way: &'static str,
    /// Why a file was not written: the disk is full.
    pub write_disk_full: &'static str,
    /// Why a file was not written: the user's disk quota is used up.
    pub write_quota_used_up: &'static str,
    /// Why a file was not written: read-only disk or folder.
    pub write_read_only: &'static str,
    /// Why a file was not written: a file name the system refuses.
    pub write_bad_name: &'static str,
    /// Why a file was not written: too large for the disk.
    pub write_too_large: &'static str,
    /// Why an image was not written: the window gave no picture.
    pub write_no_picture: &'static str,
    /// Why an export was not written: nothing to export.
    pub write_nothing: &'static str,
    /// Notice when the views file is broken.
    pub slides_file_failed: &'static str,
    /// Notice when the views file is broken but some of its slides could be read on their own:
    /// `{read}` of the `{found}` it lists.
    pub slides_salvaged: &'static str,
    /// Notice on opening a dataset whose slides are kept in the app's folder, `{path}`.
    pub slides_kept_in: &'static str,
    /// Notice: the slides file beside the dataset, `{beside}`, could not be written for
    /// `{why}`; they were written to `{path}` instead.
    pub slides_moved_to: &'static str,
    /// Notice: the slides file that could not be read was kept as `{path}` before the new one
    /// was written.
    pub slides_backup_kept: &'static str,
    /// Notice: slides that lost ids.
    pub slides_changed: &'static str,
    /// Within `slides_changed`: one slide ({n}, its own title in quotes as {title}, or
    /// nothing) and the ids it dropped ({ids}).
    pub slide_dropped: &'static str,
    /// The File menu.
    pub file_menu: &'static str,
    /// Menu: open a dataset file.
    pub open: &'static str,
    /// Menu: recent files.
    pub open_recent: &'static str,
    /// Menu: the built-in dataset.
    pub open_embedded: &'static str,
    /// File menu: close the window.
    pub quit: &'static str,
    /// Menu: reload.
    pub reload_file: &'static str,
    /// Button: copy load problems.
    pub copy_problems: &'static str,
    /// Status while a reload runs.
    pub reloading: &'static str,
    /// Under the error panel: what is shown.
    pub last_good: &'static str,
    /// Reload summary prefix.
    pub diff_reloaded: &'static str,
    /// A reload of a dataset that says the same as before.
    pub reloaded_unchanged: &'static str,
    /// A reload in which no park or figure was added, removed or changed, but something else
    /// was (a name, a note, a milestone).
    pub reloaded_details_changed: &'static str,
    /// Reload summary: what the count that precedes it (in English) counts.
    pub diff_parks_added: Counted,
    /// Reload summary: what the count that precedes it (in English) counts.
    pub diff_parks_removed: Counted,
    /// Reload summary: what the count that precedes it (in English) counts.
    pub diff_figures_added: Counted,
    /// Reload summary: what the count that precedes it (in English) counts.
    pub diff_figures_removed: Counted,
    /// Reload summary: what the count that precedes it (in English) counts.
    pub diff_figures_changed: Counted,
    /// Tab: the map.
    pub tab_map: &'static str,
    /// Map caption.
    pub map_schematic: &'static str,
    /// Choropleth value picker.
    pub map_colour_by: &'static str,
    /// Choropleth value.
    pub map_park_count: &'static str,
    /// A district of a map of sums with no park in it, and with none matching the filter.
    pub map_no_park: &'static str,
    pub map_no_matching_park: &'static str,
    /// Choropleth value: a metric summed over each district's parks; `{metric}` is its name as
    /// inside a sentence.
    pub map_sum_of: &'static str,
    /// Classing method label.
    pub map_classes: &'static str,
    /// Classing method.
    pub method_quantiles: &'static str,
    /// Classing method.
    pub method_equal: &'static str,
    /// Classing method.
    pub method_jenks: &'static str,
    /// Marker size picker.
    pub map_marker_size: &'static str,
    /// The legend's key to the markers' sizes: `{metric}` sizes them; then
    /// [`Self::map_marker_largest`], on the same line or the next.
    pub map_marker_key: &'static str,
    /// The largest marker's figure, `{value}`, after [`Self::map_marker_key`].
    pub map_marker_largest: &'static str,
    /// Map: the sums of `{districts}` (named, the rest counted as [`Self::map_more_districts`]
    /// says) add a figure of only part of a year; by how many districts that is.
    pub map_part_year: Counted,
    /// The end of a list of districts that names only some: `{n}` more, with the separator
    /// before it (in Chinese "及另外{n}个区": "等{n}个区" would count them all).
    pub map_more_districts: Counted,
    /// Warning under the map's scope line when the districts' sums add figures of different
    /// years, `{first}` to `{last}`.
    pub map_mixed_years: &'static str,
    /// [`Self::map_mixed_years`] on a slide, which has no tooltip to point to.
    pub map_mixed_years_presented: &'static str,
    /// Map warning: parks whose location lies outside their own districts (drawn in another
    /// district, or off the map); `{parks}` names them, and the form follows how many they are.
    pub map_parks_off: Counted,
    /// Map warning: parks with no location are not drawn; `{parks}` names them.
    pub map_parks_no_location: &'static str,
    /// Warning under the map's scope line when one district's sum leaves out parks without a
    /// figure: `{district}` names it, `{n}` counts the parks. Said on the map, not in a
    /// tooltip, since a presented slide shows none.
    pub map_sum_leaves_out: Counted,
    /// The same warning when several districts' sums do: `{districts}` lists them, each a
    /// [`Self::map_sums_leave_out_in`].
    pub map_sums_leave_out: &'static str,
    /// One district in [`Self::map_sums_leave_out`]: `{n}` parks left out of `{district}`'s sum.
    pub map_sums_leave_out_in: Counted,
    /// The end of [`Self::map_sums_leave_out`]'s list when more districts' sums leave out parks
    /// than it names: `{n}` of them, with the separator before it.
    pub map_sums_leave_out_more: Counted,
    /// A district's tooltip, after its sum: `{shown}` of its `{total}` parks have no figure.
    pub map_parks_no_data: PartOf,
    /// Legend heading over the classes, each row with the number of districts in it.
    /// `{method}` is the classing method.
    pub map_district_classes: &'static str,
    /// After a legend row's values, in brackets: how many districts it colours.
    pub districts_count: Counted,
    /// Caption of the inset; `{k}` is how many times it enlarges the main map.
    pub map_inset: &'static str,
    /// Scope line, when districts are coloured by how many parks they hold.
    pub map_scope_count: &'static str,
    /// Scope line, when districts are coloured by a sum of figures.
    pub map_scope_sum: &'static str,
    /// Scope line, when districts are coloured by a sum of figures and no park lies in two.
    pub map_scope_sum_one_district: &'static str,
    /// Zoom button tooltip.
    pub zoom_in: &'static str,
    /// Zoom button tooltip.
    pub zoom_out: &'static str,
    /// Reset button (also double-click).
    pub zoom_reset: &'static str,
    /// Map footer: park positions are approximate (the outlines' own note and source come from
    /// the map file).
    pub map_positions_approximate: &'static str,
    /// Shown when the dataset names no map file.
    pub no_map: &'static str,
    /// Heading when the map file fails to load.
    pub map_failed: &'static str,
    /// Tab: the park table.
    pub tab_table: &'static str,
    /// Tab: the comparison plots.
    pub tab_compare: &'static str,
    /// Plot kind.
    pub kind_bars: &'static str,
    /// Plot kind.
    pub kind_time: &'static str,
    /// Plot kind.
    pub kind_scatter: &'static str,
    /// Plot kind.
    pub kind_matrix: &'static str,
    /// Year picker: each park's latest figure.
    pub latest: &'static str,
    /// "Divide by": the values as stated.
    pub divide_none: &'static str,
    /// The scope line of divided bars; `{metric}` is the divisor's name.
    pub divided_by: &'static str,
    /// Label of the "Divide by" picker.
    pub divide_by_label: &'static str,
    /// Label of the scope picker.
    pub show_label: &'static str,
    /// Scope: the filtered parks.
    pub scope_filtered: &'static str,
    /// Scope: the pinned parks.
    pub scope_pinned: &'static str,
    /// On a slide, the key to the star before a pinned park's name (a table, a matrix).
    pub pinned_mark_key: &'static str,
    /// On a table's slide, the key to the highlighted row.
    pub selected_row_key: &'static str,
    /// Scope: the pinned parks among those passing the filter (a time series).
    pub scope_pinned_in_filter: &'static str,
    /// Time series: the check box drawing targets and forecasts.
    pub show_projections: &'static str,
    /// Its tooltip: what leaving them out does.
    pub show_projections_hint: &'static str,
    /// Time series scope line, when targets and forecasts are left out.
    pub projections_not_drawn: &'static str,
    /// Log-scale toggle.
    pub log_scale: &'static str,
    /// What a log scale means.
    pub log_hint: &'static str,
    /// Benchmark toggle.
    pub benchmarks: &'static str,
    /// The median's line, above the bars: `{parks}` is how many ("17 parks"), `{value}` the
    /// median with its unit.
    pub median_line: &'static str,
    /// The median's row in the bars' CSV, in the park column: `{parks}` as in `median_line`.
    pub median_row: &'static str,
    /// The median's row in the bars' CSV, its note: the years of the bars it is the median of
    /// (`{years}`, "2005–2025").
    pub median_row_note: &'static str,
    /// Bars note, benchmarks on but none to draw: too few bars for a median.
    pub no_median_line: &'static str,
    /// Bars note, benchmarks on but none to draw: the zone has no figure like the bars'.
    pub no_zone_line: &'static str,
    /// The zone's line, above the bars: `{zone}` its name, `{value}` its figure, `{year}`.
    pub zone_line: &'static str,
    /// The zone's figure, too large to draw as a line, above the bars; as `zone_line`.
    pub zone_figure: &'static str,
    /// Benchmark: whole zone.
    pub zone_benchmark: &'static str,
    /// Bars: warning when some bars are figures of a part of a year beside whole-year ones.
    pub mixed_periods: &'static str,
    /// Warning when bars mix years.
    pub mixed_years: &'static str,
    /// Warning when bars mix years and some cover only part of one.
    pub mixed_years_and_periods: &'static str,
    /// Bars divided by a figure of another year: what their two years are.
    pub divisor_years: &'static str,
    /// Bars that a log scale cannot show.
    pub not_on_log: &'static str,
    /// In the [`Self::not_on_log`] line, a park whose line the log scale draws but for some
    /// figures: `{park}` its name, `{years}` theirs.
    pub not_on_log_years: &'static str,
    /// A park without a bar because its divisor is stated only for its ground before or after
    /// a change of its boundaries, in the "no data" line: `{park}` its name.
    /// A bars CSV's note on a park without a bar for want of a divisor on the same ground.
    pub no_divisor_reason: &'static str,
    /// The same, for a park whose divisor is zero or below.
    pub divisor_not_above_zero_reason: &'static str,
    /// The same, in an export's note, for a park with only a target or forecast; {qualifier}
    /// is the qualifier's name.
    pub only_projected_reason: &'static str,
    pub no_divisor_within_boundaries: &'static str,
    /// "No data" line: a park whose divisor is zero or below.
    pub divisor_not_above_zero: &'static str,
    /// A park in the "no data" line that has only a target or forecast of the metric;
    /// {qualifier} is the qualifier's name.
    pub only_projected: &'static str,
    /// The zone's figure of a part of the year, not drawn against bars of other periods:
    /// `{zone}` its name, `{when}` the year and part ("2018 Jan–Mar").
    pub zone_part_of_year: &'static str,
    /// The bars' notes: the zone's figure is of the whole year, the bars all of one part of it:
    /// not drawn. `{zone}`, `{when}` (its year).
    pub zone_whole_year: &'static str,
    /// The zone's figure with no divisor within the same boundaries, so no benchmark: `{zone}`
    /// its name.
    pub zone_no_divisor: &'static str,
    /// Scatter: horizontal metric.
    pub x_axis: &'static str,
    /// Scatter: vertical metric.
    pub y_axis: &'static str,
    /// Scatter: size metric.
    pub bubble: &'static str,
    /// No metric.
    pub none: &'static str,
    /// Matrix order.
    pub order: &'static str,
    /// Matrix order.
    pub by_name: &'static str,
    /// Matrix order.
    pub by_count: &'static str,
    /// Matrix: what clicking a header does.
    pub matrix_hint: &'static str,
    /// Matrix note when presenting shows only the industries that fit.
    pub matrix_industries_shown: &'static str,
    /// The same, where pinned parks are in the matrix: their industries are kept first.
    pub matrix_industries_shown_pinned: &'static str,
    /// Bars title; {metric} is replaced.
    pub title_bars: &'static str,
    /// Time-series title.
    pub title_time: &'static str,
    /// Scatter title; {x} and {y} replaced.
    pub title_scatter: &'static str,
    /// Matrix title.
    pub title_matrix: &'static str,
    /// Subtitle part: number of parks.
    pub parks_count: Counted,
    /// Ends a list of parks cut short: "and {n} more parks".
    pub and_more_parks: Counted,
    /// The end of a list of parks that names only some: `{n}` more, with the separator before
    /// it, as [`Self::map_more_districts`] ends a list of districts.
    pub more_parks_after_list: Counted,
    /// Time series without pins.
    pub top_five: &'static str,
    /// Time series without pins, in place of `top_five` when fewer parks than it names have a
    /// figure: all of them are drawn.
    pub every_park_with_figure: &'static str,
    /// After `top_five` at the desk, in brackets: how to choose other parks (not on a slide).
    pub pin_to_choose: &'static str,
    /// How time-series markers read, each said when the chart draws one: hollow markers,
    /// squares and dashed lines, diamonds.
    pub time_key_hedged: &'static str,
    pub time_key_projected: &'static str,
    pub time_key_part_year: &'static str,
    /// Time-series key: a diamond is a total of all years up to its year.
    pub time_key_total: &'static str,
    /// Time-series key: a diamond is a part of a year or a total of all years to then.
    pub time_key_part_year_or_total: &'static str,
    /// Time series: what a dotted stretch of line means, added to the key when one is drawn.
    pub boundary_key: &'static str,
    /// Time series: what a whole-year point off its line means, added to the key when one is
    /// drawn.
    pub stated_otherwise_key: &'static str,
    /// The time series' key: what the grey dotted guides from early line ends are.
    pub guide_key: &'static str,
    /// How scatter bubbles read: `{metric}` sizes their area, `{value}` is the largest bubble's
    /// figure, with its qualifier, unit and year (as the map's [`Self::map_marker_key`]), so
    /// that the others can be read against it.
    pub scatter_legend: &'static str,
    /// Scatter: what a hollow marker means.
    pub hollow_marker_key: &'static str,
    /// Scatter: what a diamond means.
    pub part_year_marker_key: &'static str,
    /// Scatter: what a cross means, when bubbles are sized by `{metric}`.
    pub no_size_key: &'static str,
    /// Scatter and map: what a cross means for a park whose `{metric}` figure is below zero,
    /// which no bubble's area can show; `{parks}` names those parks, so that their crosses are
    /// told from those of parks without a figure.
    pub size_below_zero_key: &'static str,
    /// Scatter: the legend when bubbles would be sized by `{metric}` but no park's figure of it
    /// is above zero.
    pub scatter_no_size_above_zero: &'static str,
    /// The bubble legend when there are too many points for bubbles; {max} and {metric} are
    /// replaced.
    pub scatter_plain_dots: &'static str,
    /// Legend of a scatter plot with so many parks that the uncoloured ones are a density layer.
    pub scatter_density: &'static str,
    /// Added to [`Self::scatter_density`] when a bubble size is chosen.
    pub scatter_not_sized: &'static str,
    /// Scatter: before the names of coloured parks the plot had no room to write beside their
    /// bubbles, each in its park's colour.
    pub scatter_unnamed_key: &'static str,
    /// Pinned scope with no pins.
    pub no_pins_to_plot: &'static str,
    /// Title of a plot of metrics when the dataset has none.
    pub title_no_metrics: &'static str,
    /// Where a plot of metrics would be, when the dataset has none.
    pub plot_no_metrics: &'static str,
    /// Where a plot would be, when no park of the dataset has a figure of `{metric}` (or, in a
    /// scatter, of either metric) yet.
    pub plot_no_figures_yet: &'static str,
    /// Where a plot would be, when the parks it shows have nothing to draw and the plot has no
    /// sentence of its own saying what they lack.
    pub plot_nothing_to_draw: &'static str,
    /// In place of a scatter of a metric against itself, when the dataset has only that
    /// metric; `{metric}` names it.
    pub scatter_only_one_metric: &'static str,
    /// In place of a scatter of a metric against itself, when the dataset has others.
    pub scatter_same_metric: &'static str,
    /// Subtitle: filters in force.
    pub filtered_by: &'static str,
    /// Matrix legend.
    pub roles_legend: &'static str,
    /// File menu: add a figure table.
    pub add_table: &'static str,
    /// File menu: the tables the user added, each removable.
    pub added_tables: &'static str,
    /// Removes an added table.
    pub remove_table: &'static str,
    /// Heading of the preview of a dropped table; {file} replaced.
    pub table_preview: &'static str,
    /// Preview: rows that add a figure.
    /// Figure table preview and notice: sources the tables add.
    pub table_sources_added: Counted,
    pub rows_added: Counted,
    /// Preview: rows that repeat a figure the dataset has.
    pub rows_repeat: Counted,
    /// Preview: rows with another value for a figure the dataset has.
    pub rows_conflict: Counted,
    /// Preview: the table has errors and cannot be added.
    pub table_has_errors: &'static str,
    /// Preview: the file could not be read as a table at all.
    pub table_unreadable: &'static str,
    /// Preview: descriptive cells that disagree with the ids.
    pub table_warnings: &'static str,
    /// The presented table's title when no slide names it; `{place}` is the dataset's short
    /// title.
    pub table_presented_title: &'static str,
    /// The presented table's scope line says what its figures are: the rule of
    /// `Dataset::latest`.
    pub table_presented_figures: &'static str,
    /// Status bar: no file dialog could open (on Linux neither the desktop portal nor zenity);
    /// `{reason}` is the dialog library's own message.
    pub dialog_failed: &'static str,
    /// Under a presented table whose rows do not all fit: which show.
    pub table_rows_shown: &'static str,
    /// Said in a table's preview when its text was read as GB18030, not being UTF-8.
    pub table_read_as_gb18030: &'static str,
    /// Preview: what adding does.
    pub table_add_hint: &'static str,
    /// Preview: add the table.
    pub add_to_dataset: &'static str,
    /// Preview: do not add it.
    pub cancel: &'static str,
    /// Notice after adding; {file} and {n} replaced.
    pub table_added: &'static str,
    /// Notice when a dropped file is neither a dataset nor a table.
    pub not_a_table: &'static str,
    /// The file dialog's filter for datasets.
    pub dataset_files: &'static str,
    /// The file dialog's filter for figure tables.
    pub table_files: &'static str,
    /// Notice when a table is dropped before any dataset has loaded.
    pub no_dataset_for_table: &'static str,
    /// Said when a slide, presentation or export is asked for with no dataset loaded.
    pub no_dataset_for_command: &'static str,
    /// Profile: a figure another row contradicts.
    pub conflicting_figure: &'static str,
    /// Profile: what a screen reader calls the ≠ mark beside such a figure.
    pub conflict_mark: &'static str,
    /// Profile: a figure's context menu item that copies the figure as one line of text.
    pub copy_figure: &'static str,
    /// Profile: an overview row's context menu item that copies the row (a milestone, the
    /// districts) as one line of text with its source.
    pub copy_line: &'static str,
    /// The same for a row without a source (the districts, the map position).
    pub copy_line_alone: &'static str,
    /// Beside a figure's line just copied.
    pub copied: &'static str,
    /// Every view: the mark after a figure for whose year another figure is stated, by another
    /// source or for another scope by the same one
    /// (the table, bars, profile, scatter names and the map's legend).
    pub differs_mark: &'static str,
    /// Table and bar tooltips: heading of the other values stated for the same year.
    pub also_stated: &'static str,
    /// Time series and bar tooltips: heading of the other sources that state the same figure.
    pub same_figure_from: &'static str,
    /// A divided bar's tooltip, over the other values of its divisor: `{metric}` the divisor's
    /// name, `{year}` its year.
    pub also_stated_divisor: &'static str,
    /// Bars, scatter, the presented table and the map's legend: the note that explains the
    /// mark of a figure stated otherwise.
    pub differs_note: &'static str,
    /// Key of the ranked bars: the coloured ones are the pinned parks'.
    pub coloured_bars_pinned: &'static str,
    /// Key of the ranked bars: the coloured one is the selected park's.
    pub coloured_bar_selected: &'static str,
    /// Key of the ranked bars: the coloured ones are the pinned parks' and the selected one's.
    pub coloured_bars_pinned_and_selected: &'static str,
    /// The ≠ mark's key under divided bars: the divisor may be the figure stated otherwise.
    pub differs_note_divided: &'static str,
    /// The map's legend: the same, short enough not to widen the legend.
    pub differs_note_short: &'static str,
    /// The map's legend: a coloured (pinned or selected) park outside the filter, whose marker
    /// is drawn hollow; `{park}` is its name.
    pub map_park_outside_filter: &'static str,
    /// The profile's figures: what the asterisk after a value means.
    pub note_mark_key: &'static str,
}

/// English UI strings.
pub const EN: Strings = Strings {
    search: "Search",
    search_hint: "Name, 中文 or pinyin (Ctrl+F)",
    clear_search: "Clear the search",
    language: "Language",
    theme: "Theme",
    theme_system: "Follow system",
    theme_light: "Light",
    theme_dark: "Dark",
    col_pin: "",
    col_name: "Park",
    col_name_zh: "Chinese name",
    col_districts: "District",
    col_leading: "Leading industries",
    sort_hint: "Click to sort; click again to reverse. Parks with no data come last.",
    table_columns_menu: "Columns ▼",
    table_columns_hint: "Choose which figures the table shows a column of; a slide shows the first ones that fit its width",
    table_columns_default: "Reset to the dataset's columns",
    table_columns_all: "All",
    table_columns_none: "None",
    table_columns_no_metrics: "This dataset has no metrics yet, so the table has no figure columns",
    table_columns_count: PartOf {
        of_one: "{shown} of {total} metric shown",
        of_other: "{shown} of {total} metrics shown",
        verb: Counted::same(""),
    },
    export_no_figure_columns: "Nothing exported: the table shows no figure columns. Choose some with Columns ▼",
    table_columns_shown: PartOf {
        of_one: "{shown} of the {total} figure column chosen {verb} the slide",
        of_other: "{shown} of the {total} figure columns chosen {verb} the slide",
        verb: Counted { one: "fits", other: "fit" },
    },
    no_data: "no data",
    no_match: "No park matches the search",
    no_match_filters: "No park matches the filters",
    no_match_search_and_filters: "No park matches the search and the filters",
    no_parks: "This dataset has no parks, so there is nothing to list, compare or map. Add parks to its file, or open another dataset (File → Open dataset…)",
    none_leading: "none named leading",
    no_selection: "Select a park in the table to see its profile",
    close_profile: "Close the profile",
    districts: "Districts",
    milestones: "Milestones",
    figures: "Figures",
    figures_of_part: "{part} only, a part of the park:",
    industries: "Industries",
    sub_areas: "Sub-areas",
    companies: "Notable companies",
    location: "Map position",
    approximate_location: "approximate",
    metric: "Metric",
    value: "Value",
    year: "Year",
    source: "Source: ",
    publisher: "Publisher",
    date: "Date",
    no_url: "No web address known",
    click_to_open: "Click to open the page",
    note: "Note",
    loaded_from: "Loaded from",
    embedded: "built-in dataset",
    parks: Counted { one: "park", other: "parks" },
    entries: Counted { one: "entry", other: "entries" },
    entries_explained: "Parts of one park are listed as entries of their own and counted here as one park.",
    figures_count: Counted { one: "figure", other: "figures" },
    sources: Counted { one: "source", other: "sources" },
    load_failed: "The dataset could not be loaded",
    table_load_failed: "A figure table of the dataset could not be read",
    table_left_out: "The dataset is shown without this table's figures until the table reads",
    table_named_in: "The dataset names this table in meta.figure_tables: mend the table, or take it out of that list",
    table_now_conflicts: "A figure table now gives another value, shown as the latest stated (both kept)",
    open_failed: "The file could not be opened",
    open_failed_kept: "The dataset on screen stays open",
    reload: "Reload",
    no_dataset: "No dataset is loaded",
    filters: "Filters",
    match_label: "Match",
    match_any: "any",
    match_all: "all",
    roles_label: "Roles",
    roles_leading: "leading",
    roles_leading_key: "leading and key",
    roles_any: "any role",
    ranges: "Ranges",
    add_range: "Add a range on",
    range_bounds_note: "Each park's latest figure, whatever its year. One stated as \u{201c}more than\u{201d} or \u{201c}less than\u{201d} is kept only if it surely lies in the range.",
    remove_filter: "Remove this filter",
    range_min: "at least",
    range_max: "at most",
    keep_missing: "Show parks with no data",
    pinned: "Pinned",
    no_pins: "Pin parks with the pin buttons or Space",
    pin: "Pin for comparison",
    unpin: "Unpin",
    clear_pins: "Unpin all",
    reset_all: "Reset all",
    industry: "Industry",
    as_leading: " (leading industry)",
    as_leading_or_key: " (leading or key industry)",
    industries_all: " and ",
    industries_any: " or ",
    district: "District",
    pins_full: "At most 7 parks can be pinned, one per chart colour; unpin one first",
    pins_replaced: "{park} and its peers are pinned in place of {parks}",
    restore_pins: "Pin those again",
    pins_cleared: "Unpinned {parks}",
    filters_cleared: "Filters cleared: every park is shown",
    zoom_at_largest: "The text is as large as this window has room for ({percent}): make the window larger for larger text",
    peers: "Peers",
    compare_with_peers: "Compare with peers",
    compare_with_peers_hint: "Pin this park and its peers instead of the parks pinned now, and compare them",
    peer_shared: "In common: ",
    peer_differs: "Differs: ",
    no_peers: "No park shares an industry with this park or is of a similar size in a common year",
    peer_hidden: "Hidden by the filters: clear them to select it",
    peer_select_hint: "Show its profile",
    dropped_ids: "No longer in the dataset, so left out of the view",
    map_share_not_summed: "The map counts parks instead of summing {metric}, which is now a share or ratio and does not add up",
    map_unreadable: "The map file the dataset names could not be read: the Map tab says why",
    dropped_picks_kept: "a pin or selection comes back when its park does",
    picks_restored: "Back in the dataset, pinned or selected again",
    dismiss: "Dismiss",
    matching_of: PartOf {
        of_one: "{shown} of {total} park {verb}",
        of_other: "{shown} of {total} parks {verb}",
        verb: Counted { one: "matches", other: "match" },
    },
    entries_matching_of: PartOf {
        of_one: "{shown} of {total} entry {verb}",
        of_other: "{shown} of {total} entries {verb}",
        verb: Counted { one: "matches", other: "match" },
    },
    footer_sources: "Sources: ",
    only_largest: "Showing the {shown} largest of {total} parks; the CSV export has them all",
    pinned_not_drawn: "Pinned but ranked below them: {parks}",
    pinned_ranked: "{park} (ranked {rank})",
    map_dots: "{n} parks, drawn as dots (too many to size)",
    size_window: "At the window's size",
    meeting_pack: "Export meeting pack (every slide + Markdown)…",
    pack_scope: "Scope",
    slides: "Slides",
    slide_title: "Title",
    slide_title_hint: "Title of the new slide",
    save_view: "Save view as slide",
    show_slide: "Show this slide",
    rename_slide: "Rename the slide",
    move_up: "Move up",
    move_down: "Move down",
    delete_slide: "Delete slide {n}",
    slide_deleted: "Slide {n} “{title}” deleted",
    restore: "Restore",
    key_restore_offered: "Give back what the notice says was just removed (a slide, the pins, the filters)",
    key_scroll_rows: "Scroll a table or matrix longer than the slide by a row",
    key_quit: "Quit (settings and slides are kept)",
    notes_hint: "Speaker notes",
    notes_none: "No notes for this slide",
    notes_next: "Next: {title}",
    notes_last: "Last slide",
    takeaway_hint: "Takeaway line (empty: written from the data)",
    present: "Present (F5)",
    presenting_load_failed: "A data file has a problem: the slides show the data that loaded (Esc to see it)",
    presenting_help: "PageDown / → / Space: next · PageUp / ←: previous · ↓ / ↑: scroll a long table · 1–9: jump · N: notes · F1: keys · Esc: leave",
    slide_of: "{i} / {n}",
    untitled_slide: "Slide {n}",
    no_slides: "No slides saved: presenting the current view",
    keys_title: "Keyboard shortcuts",
    keys_always: "Always",
    keys_exploring: "While exploring",
    keys_presenting: "While presenting",
    key_search: "Search parks",
    key_show_table: "Show the table",
    key_show_compare: "Show the comparison",
    key_show_map: "Show the map",
    key_save_slide: "Save the view as a slide",
    key_open: "Open a dataset file",
    key_reload: "Reload the dataset file",
    key_export: "Export the current view as PNG",
    key_copy_figure: "Copy the figure or milestone whose source has focus (Tab to it in the profile)",
    key_present: "Start or stop presenting",
    key_list: "This list",
    key_clear: "Clear the search, then the filters, then close the profile",
    key_previous_park: "Select the previous park",
    key_next_park: "Select the next park",
    key_pin: "Pin or unpin the selected park",
    key_leave: "Leave presentation mode",
    key_next_slide: "Next slide",
    key_previous_slide: "Previous slide",
    key_jump: "Jump to a slide",
    key_first_slide: "First slide",
    key_last_slide: "Last slide",
    key_notes: "Show or hide speaker notes",
    key_zoom: "Larger / smaller / normal text",
    close: "Close",
    export_csv: "Export CSV of this view…",
    export_png: "Export PNG of this view (Ctrl+E)",
    exported: "Saved",
    export_failed: "Could not save",
    write_no_permission: "no permission to write in that folder",
    write_file_in_the_way: "a file stands where the path needs a folder",
    write_folder_in_the_way: "a folder of that name is in the way",
    write_disk_full: "the disk is full",
    write_quota_used_up: "your disk quota is used up",
    write_read_only: "the disk or folder is read-only",
    write_bad_name: "the system does not allow that file name",
    write_too_large: "the file is too large for that disk",
    write_no_picture: "the window gave back no picture",
    write_nothing: "this view has nothing to export",
    slides_file_failed: "The slides file could not be read; it is kept as it is and backed up before any save",
    slides_salvaged: "The slides file could not be read whole: {read} of its {found} slides are shown; the file is kept as it is and backed up before any save",
    slides_kept_in: "This dataset's slides are kept in {path}, as its own folder could not be written",
    slides_moved_to: "Could not save {beside}: {why}. The slides are kept in {path} instead, and open from there with this dataset",
    slides_backup_kept: "Slides saved; the file that could not be read is kept as {path}",
    slides_changed: "Slides naming what this dataset lacks now leave it out, or use the dataset's own choice",
    slide_dropped: "slide {n}{title} named {ids}",
    file_menu: "File",
    open: "Open dataset… (Ctrl+O)",
    open_recent: "Open recent",
    open_embedded: "Open the built-in dataset",
    quit: "Quit (Ctrl+Q)",
    reload_file: "Reload (Ctrl+R)",
    copy_problems: "Copy the problems",
    reloading: "Reloading…",
    last_good: "The last dataset that loaded stays on screen until the file is fixed",
    diff_reloaded: "Reloaded",
    reloaded_unchanged: "Reloaded: the dataset is unchanged",
    reloaded_details_changed: "Reloaded: names, notes or other details changed; no park or figure did",
    diff_parks_added: Counted { one: "park added", other: "parks added" },
    diff_parks_removed: Counted { one: "park removed", other: "parks removed" },
    diff_figures_added: Counted { one: "figure added", other: "figures added" },
    diff_figures_removed: Counted { one: "figure removed", other: "figures removed" },
    diff_figures_changed: Counted { one: "figure changed", other: "figures changed" },
    tab_map: "Map",
    map_schematic: "Schematic — not to scale",
    map_colour_by: "Colour districts by",
    map_park_count: "Parks matching the filter",
    map_no_park: "no park",
    map_no_matching_park: "no park matching the filter",
    map_sum_of: "Sum of {metric}",
    map_classes: "Classes",
    method_quantiles: "quantiles",
    method_equal: "equal intervals",
    method_jenks: "natural breaks (Jenks)",
    map_marker_size: "Marker size",
    map_marker_key: "○ Marker size ({metric}):",
    map_marker_largest: "largest {value}",
    map_mixed_years: "These sums mix years from {first} to {last}: each district's tooltip gives its years",
    map_mixed_years_presented: "These sums mix figures of years from {first} to {last}",
    map_parks_off: Counted {
        one: "Located outside its own districts: {parks}",
        other: "Located outside their own districts: {parks}",
    },
    map_parks_no_location: "No location given, so not on the map: {parks}",
    map_part_year: Counted {
        one: "The sum of {districts} includes a figure of only part of a year",
        other: "The sums of {districts} include figures of only part of a year",
    },
    map_more_districts: Counted { one: " and {n} more district", other: " and {n} more districts" },
    map_sum_leaves_out: Counted {
        one: "{district}'s sum leaves out {n} park without a figure",
        other: "{district}'s sum leaves out {n} parks without a figure",
    },
    map_sums_leave_out: "Sums leave out parks without a figure: {districts}",
    map_sums_leave_out_in: Counted::same("{n} in {district}"),
    map_sums_leave_out_more: Counted {
        one: ", and parks in {n} more district",
        other: ", and parks in {n} more districts",
    },
    map_parks_no_data: PartOf {
        of_one: "{shown} of {total} park: no data",
        of_other: "{shown} of {total} parks: no data",
        verb: Counted::same(""),
    },
    map_district_classes: "District colours ({method})",
    districts_count: Counted { one: "district", other: "districts" },
    map_inset: "Enlarged ×{k}",
    map_scope_count: "a park in two districts counts in both",
    map_scope_sum: "latest figure of each park, summed in its first district",
    map_scope_sum_one_district: "latest figure of each park, summed by district",
    zoom_in: "Zoom in (or scroll)",
    zoom_out: "Zoom out (or scroll)",
    zoom_reset: "Reset view",
    map_positions_approximate: "Parks whose location the dataset gives only roughly are placed approximately.",
    no_map: "This dataset has no district outlines",
    map_failed: "The district outlines could not be loaded",
    tab_table: "Table",
    tab_compare: "Compare",
    kind_bars: "Ranked bars",
    kind_time: "Time series",
    kind_scatter: "Scatter",
    kind_matrix: "Industry matrix",
    latest: "Latest available",
    divide_none: "Absolute",
    divided_by: "divided by {metric}",
    divide_by_label: "Divide by",
    show_label: "Show",
    scope_filtered: "Filtered parks",
    scope_pinned: "Pinned parks",
    pinned_mark_key: "★ pinned park",
    selected_row_key: "highlighted row: the selected park",
    scope_pinned_in_filter: "pinned parks matching the filter",
    show_projections: "Targets and forecasts",
    show_projections_hint: "Draw targets and forecasts, dashed after the figures reported; without them the years run only as far as the figures reported",
    projections_not_drawn: "targets and forecasts not drawn",
    log_scale: "Log scale",
    log_hint: "Log scale: equal distances are equal ratios (1 to 10 is as far as 10 to 100), so small and large parks fit on one chart",
    benchmarks: "Benchmarks",
    median_line: "Dashed line: median of the {parks}, {value}",
    median_row: "Median of the {parks}",
    median_row_note: "The median of the bars above (figures of {years})",
    no_median_line: "No median line: it is drawn for {n} bars or more",
    no_zone_line: "{zone} has no figure to set beside these bars",
    zone_line: "dotted line: {zone}, {value} ({when})",
    zone_figure: "{zone}: {value} ({when}), beyond the axis, not drawn",
    zone_benchmark: "Whole zone",
    mixed_years: "These bars mix years: each bar states its own year",
    mixed_years_and_periods: "These bars mix years, and some cover only part of one: each bar states its own year and months",
    mixed_periods: "Some bars cover only part of a year (months given beside them): not comparable with whole-year figures",
    divisor_years: "A bar divided by a figure for {divisor} of another year gives both years: its own ÷ the divisor's",
    not_on_log: "Not shown on the log scale (zero or negative)",
    not_on_log_years: "{park}'s figures of {years}",
    no_divisor_within_boundaries: "{park} (no divisor known to be within the same boundaries)",
    divisor_not_above_zero: "{park} (its divisor is 0 or less: no quotient)",
    only_projected: "{park} (only a {qualifier})",
    no_divisor_reason: "no divisor known to be within the same boundaries",
    divisor_not_above_zero_reason: "its divisor is 0 or less: no quotient",
    only_projected_reason: "only a {qualifier}",
    zone_part_of_year: "{zone}: only a figure for {when}, not drawn",
    zone_whole_year: "{zone}: a figure for the whole of {when}, not drawn beside figures for part of it",
    zone_no_divisor: "{zone}: no divisor known to be within the same boundaries, not drawn",
    x_axis: "Horizontal",
    y_axis: "Vertical",
    bubble: "Bubble size",
    none: "None",
    order: "Order",
    by_name: "By name",
    by_count: "By count",
    matrix_hint: "Click an industry's name to filter the parks by it; click a park to select it",
    matrix_industries_shown: "{industries} of {all_industries} industries shown, as many as fit: those the most parks have",
    matrix_industries_shown_pinned: "{industries} of {all_industries} industries shown, as many as fit: the pinned parks' (★), then those the most parks have",
    title_bars: "{metric} by park",
    title_time: "{metric} over time",
    title_scatter: "{y} against {x}",
    title_matrix: "Industries of the parks and their roles",
    parks_count: Counted { one: "{n} park", other: "{n} parks" },
    and_more_parks: Counted { one: "and {n} more park", other: "and {n} more parks" },
    more_parks_after_list: Counted { one: " and {n} more park", other: " and {n} more parks" },
    top_five: "the five largest by latest figure",
    every_park_with_figure: "every park with a figure",
    pin_to_choose: "pin parks to choose others",
    time_key_hedged: "hollow marker: approximate, preliminary or a bound",
    time_key_projected: "square and dashed line: target or forecast",
    time_key_part_year: "diamond: part of a year",
    time_key_total: "diamond: a total of all years to then",
    time_key_part_year_or_total: "diamond: part of a year, or a total of all years to then",
    boundary_key: "dotted line: the park's area changed",
    stated_otherwise_key: "circle off its line: another figure stated for that year",
    guide_key: "grey dots: lead a line that ends early to its name (no figures there)",
    scatter_legend: "Bubble area ∝ {metric}: largest {value}",
    hollow_marker_key: "hollow marker: approximate, preliminary or a bound",
    part_year_marker_key: "diamond: part of a year",
    no_size_key: "×: no figure of {metric}",
    size_below_zero_key: "×: {metric} below zero ({parks})",
    scatter_no_size_above_zero: "Not sized by {metric}: no park's figure is above zero",
    scatter_plain_dots: "More than {max} parks: every park is a plain dot, not sized by {metric}",
    scatter_unnamed_key: "No room to name on the chart:",
    scatter_density: "Many parks: grey shows where the other parks lie, darker where more of them are",
    scatter_not_sized: "; not sized by {metric}",
    no_pins_to_plot: "No park is pinned: pin parks with ☆ or Space",
    title_no_metrics: "No metrics to compare",
    plot_no_metrics: "This dataset has no metrics yet, so there are no figures to compare; the industry matrix shows the parks' industries",
    plot_no_figures_yet: "No park has a figure for {metric} yet",
    plot_nothing_to_draw: "Nothing to draw for the parks shown",
    scatter_only_one_metric: "A scatter plots one metric against another, and this dataset has only one metric, {metric}: see it in Ranked bars or Time series",
    scatter_same_metric: "A scatter plots one metric against another: choose a different metric for the horizontal or the vertical axis",
    filtered_by: "filtered by",
    roles_legend: "L leading · P pillar · K key · F focus · S supporting · E emerging",
    add_table: "Add figure table…",
    added_tables: "Figure tables added",
    remove_table: "Remove",
    table_preview: "Figure table {file}",
    rows_added: Counted { one: "{n} row adds a figure", other: "{n} rows add a figure" },
    table_sources_added: Counted { one: "{n} source added", other: "{n} sources added" },
    rows_repeat: Counted {
        one: "{n} row repeats a figure already there",
        other: "{n} rows repeat a figure already there",
    },
    rows_conflict: Counted {
        one: "{n} row gives another value for a figure already there: both are kept, each with its source",
        other: "{n} rows give another value for a figure already there: both are kept, each with its source",
    },
    table_has_errors: "This table cannot be added until these cells are fixed; nothing on screen changes.",
    table_unreadable: "This file cannot be read as a table; nothing on screen changes.",
    table_warnings: "Worth checking before adding (the table's ids and values are read as written):",
    table_presented_title: "{place}: the parks and their latest figures",
    dialog_failed: "No file dialog could open: on Linux it needs xdg-desktop-portal or zenity ({reason})",
    table_presented_figures: "each figure is the latest for a whole year, with its year; part of a year only where there is none, a target or forecast (so marked) only where there is no actual figure",
    table_rows_shown: "Rows {first}–{last} of {total} shown; scroll for the others",
    table_read_as_gb18030: "Read as GB18030 text, the encoding spreadsheets on Chinese Windows save CSV in, as it is not UTF-8: check that its notes read right once added.",
    table_add_hint: "The table is added to this dataset now and whenever it opens, and read again when the file changes. The dataset file itself is never written.",
    add_to_dataset: "Add to this dataset",
    cancel: "Cancel",
    table_added: "Added {file}: {n}",
    not_a_table: "Only .ron datasets and .csv, .tsv, .txt, .xlsx, .xlsm, .xls, .xlsb or .ods figure tables can be opened",
    dataset_files: "RON dataset",
    table_files: "Figure table",
    no_dataset_for_table: "A figure table is added to a dataset: open a dataset that loads first",
    no_dataset_for_command: "No dataset is loaded: slides, presenting and exports wait until one loads",
    conflicting_figure: "Another figure for the same year and period has a different value: another source, or another scope (see the notes)",
    conflict_mark: "differs",
    copy_figure: "Copy this figure with its source",
    copy_line: "Copy this line with its source",
    copy_line_alone: "Copy this line",
    copied: "Copied",
    differs_mark: "≠",
    also_stated: "Also stated for the same year",
    same_figure_from: "The same figure is also stated by",
    also_stated_divisor: "Also stated for {metric} in {year}",
    differs_note: "≠ another figure is stated for that year",
    coloured_bars_pinned: "Coloured bars: the pinned parks",
    coloured_bar_selected: "Coloured bar: the selected park",
    coloured_bars_pinned_and_selected: "Coloured bars: the pinned parks and the selected one",
    differs_note_short: "≠ stated otherwise for that year",
    differs_note_divided: "≠ another figure, or another divisor, is stated for that year",
    map_park_outside_filter: "{park} (not in filter)",
    note_mark_key: "* a note: point at the value to read it",
};

/// Chinese UI strings.
pub const ZH: Strings = Strings {
    search: "搜索",
    search_hint: "名称、中文或拼音 (Ctrl+F)",
    clear_search: "清除搜索",
    language: "语言",
    theme: "主题",
    theme_system: "跟随系统",
    theme_light: "浅色",
    theme_dark: "深色",
    col_pin: "",
    col_name: "园区",
    col_name_zh: "英文名称",
    col_districts: "所在区",
    col_leading: "主导产业",
    sort_hint: "点击排序，再次点击反向排序。无数据的园区排在最后。",
    table_columns_menu: "显示列 ▼",
    table_columns_hint: "选择表格显示哪些指标列；幻灯片只显示本页宽度容纳得下的前几列",
    table_columns_default: "恢复数据集默认列",
    table_columns_all: "全选",
    table_columns_none: "全不选",
    table_columns_no_metrics: "此数据集尚无指标，表格没有指标列",
    table_columns_count: PartOf::same("显示{shown}/{total}项指标"),
    export_no_figure_columns: "未导出：表格未显示任何指标列。请通过“显示列 ▼”选择",
    table_columns_shown: PartOf::same_with_verb("所选{total}个指标列中有{shown}个{verb}本页", "可容纳于"),
    no_data: "无数据",
    no_match: "没有符合搜索条件的园区",
    no_match_filters: "没有符合筛选条件的园区",
    no_match_search_and_filters: "没有同时符合搜索与筛选条件的园区",
    no_parks: "此数据集没有园区，无可列出、比较或在地图上显示的内容。请在数据文件中添加园区，或打开其他数据集（文件 → 打开数据集…）",
    none_leading: "未列主导产业",
    no_selection: "在表格中选择一个园区以查看概况",
    close_profile: "关闭概况",
    districts: "所在区",
    milestones: "大事记",
    figures: "数据",
    figures_of_part: "仅{part}（园区的一部分）：",
    industries: "产业",
    sub_areas: "片区",
    companies: "代表企业",
    location: "地图位置",
    approximate_location: "近似",
    metric: "指标",
    value: "数值",
    year: "年份",
    source: "来源：",
    publisher: "发布者",
    date: "日期",
    no_url: "无网址",
    click_to_open: "点击打开网页",
    note: "注",
    loaded_from: "数据来源文件",
    embedded: "内置数据集",
    parks: Counted::same("个园区"),
    entries: Counted::same("个条目"),
    entries_explained: "同一园区的各组成部分分列为单独条目，此处计为一个园区。",
    figures_count: Counted::same("条数据"),
    sources: Counted::same("个来源"),
    load_failed: "数据集无法加载",
    table_load_failed: "数据集的数字表格无法读取",
    table_left_out: "在该表格可以读取之前，数据集显示时不含该表格的数字",
    table_named_in: "数据集在 meta.figure_tables 中列出了该表格：请修正表格，或将其从该列表中删除",
    table_now_conflicts: "数字表格现给出不同数值，作为最后列出的数值显示（两者均保留）",
    open_failed: "文件无法打开",
    open_failed_kept: "界面上的数据集保持打开",
    reload: "重新加载",
    no_dataset: "未加载数据集",
    filters: "筛选",
    match_label: "匹配",
    match_any: "任一",
    match_all: "全部",
    roles_label: "产业定位",
    roles_leading: "仅主导",
    roles_leading_key: "主导与重点",
    roles_any: "任意",
    ranges: "数值范围",
    add_range: "添加范围：",
    range_bounds_note: "按各园区最新数据（不论年份）。表述为“超过”或“不足”的数据，仅在确定落入范围时保留。",
    remove_filter: "移除此筛选条件",
    range_min: "不少于",
    range_max: "不超过",
    keep_missing: "显示无数据的园区",
    pinned: "已固定",
    no_pins: "用固定按钮或空格键固定园区",
    pin: "固定以便比较",
    unpin: "取消固定",
    clear_pins: "全部取消固定",
    reset_all: "全部重置",
    industry: "产业",
    as_leading: "（主导产业）",
    as_leading_or_key: "（主导或重点产业）",
    industries_all: "和",
    industries_any: "或",
    district: "区",
    pins_full: "最多可固定7个园区（每种图表颜色一个），请先取消一个",
    pins_replaced: "已固定{park}及其相近园区，取代了原先固定的{parks}",
    restore_pins: "恢复原先的固定",
    pins_cleared: "已取消固定{parks}",
    filters_cleared: "已清除筛选条件：显示全部园区",
    zoom_at_largest: "文字已是此窗口能容纳的最大尺寸（{percent}）：放大窗口后可继续放大文字",
    peers: "同类园区",
    compare_with_peers: "与同类园区比较",
    compare_with_peers_hint: "以本园及其同类园区替换当前固定的园区，并进行比较",
    peer_shared: "共同点：",
    peer_differs: "不同点：",
    no_peers: "没有园区与本园有共同产业，或在同一年份规模相近",
    peer_hidden: "已被筛选条件隐藏：清除筛选后可选择",
    peer_select_hint: "查看其概况",
    dropped_ids: "以下项目已不在数据集中，已从视图中移除",
    map_share_not_summed: "{metric}现为比率或占比，不能相加，地图改为统计园区数",
    map_unreadable: "无法读取数据集指定的地图文件：原因见“地图”页",
    dropped_picks_kept: "园区恢复后，其固定或选中状态随之恢复",
    picks_restored: "已重新出现在数据集中，恢复固定或选中",
    dismiss: "关闭",
    matching_of: PartOf::same_with_verb("{total}个园区中{shown}个{verb}", "符合"),
    entries_matching_of: PartOf::same_with_verb("{total}个条目中{shown}个{verb}", "符合"),
    footer_sources: "数据来源：",
    only_largest: "仅显示{total}个园区中最大的{shown}个；CSV 导出包含全部",
    pinned_not_drawn: "已固定但排名在其后：{parks}",
    pinned_ranked: "{park}（第{rank}位）",
    map_dots: "{n}个园区，以圆点表示（数量过多，不按大小绘制）",
    size_window: "按窗口大小",
    meeting_pack: "导出会议材料（全部幻灯片 + Markdown）…",
    pack_scope: "范围",
    slides: "幻灯片",
    slide_title: "标题",
    slide_title_hint: "新幻灯片标题",
    save_view: "保存当前视图为幻灯片",
    show_slide: "显示此幻灯片",
    rename_slide: "重命名幻灯片",
    move_up: "上移",
    move_down: "下移",
    delete_slide: "删除幻灯片 {n}",
    slide_deleted: "已删除幻灯片 {n}“{title}”",
    restore: "恢复",
    key_restore_offered: "恢复提示中刚被移除的内容（幻灯片、固定的园区、筛选条件）",
    key_scroll_rows: "超出幻灯片的表格或矩阵逐行滚动",
    key_quit: "退出程序（设置和幻灯片会保留）",
    notes_hint: "演讲备注",
    notes_none: "本张幻灯片没有备注",
    notes_next: "下一张：{title}",
    notes_last: "最后一张",
    takeaway_hint: "要点（留空则根据数据生成）",
    present: "演示 (F5)",
    presenting_load_failed: "有数据文件存在问题：幻灯片显示已加载的数据（按 Esc 查看）",
    presenting_help: "PageDown / → / 空格：下一张 · PageUp / ←：上一张 · ↓ / ↑：长表格滚动 · 1–9：跳转 · N：备注 · F1：快捷键 · Esc：退出",
    slide_of: "{i} / {n}",
    untitled_slide: "幻灯片 {n}",
    no_slides: "尚未保存幻灯片：演示当前视图",
    keys_title: "键盘快捷键",
    keys_always: "任何时候",
    keys_exploring: "非演示时",
    keys_presenting: "演示时",
    key_search: "搜索园区",
    key_show_table: "显示表格",
    key_show_compare: "显示对比",
    key_show_map: "显示地图",
    key_save_slide: "将当前视图保存为幻灯片",
    key_open: "打开数据集文件",
    key_reload: "重新加载数据集文件",
    key_export: "将当前视图导出为 PNG",
    key_copy_figure: "复制焦点所在来源对应的数据或大事记（在园区概况中按 Tab 移至来源）",
    key_present: "开始或结束演示",
    key_list: "本列表",
    key_clear: "先清除搜索，再清除筛选，最后关闭概况",
    key_previous_park: "选择上一个园区",
    key_next_park: "选择下一个园区",
    key_pin: "固定或取消固定所选园区",
    key_leave: "退出演示",
    key_next_slide: "下一张幻灯片",
    key_previous_slide: "上一张幻灯片",
    key_jump: "跳到某张幻灯片",
    key_first_slide: "第一张幻灯片",
    key_last_slide: "最后一张幻灯片",
    key_notes: "显示或隐藏演讲备注",
    key_zoom: "放大 / 缩小 / 恢复文字",
    close: "关闭",
    export_csv: "导出当前视图的 CSV…",
    export_png: "导出当前视图的 PNG (Ctrl+E)",
    exported: "已保存",
    export_failed: "无法保存",
    write_no_permission: "没有在该文件夹中写入的权限",
    write_file_in_the_way: "路径中应为文件夹的位置是一个文件",
    write_folder_in_the_way: "已有同名文件夹",
    write_disk_full: "磁盘已满",
    write_quota_used_up: "磁盘配额已用完",
    write_read_only: "磁盘或文件夹为只读",
    write_bad_name: "系统不允许该文件名",
    write_too_large: "文件过大，该磁盘无法存放",
    write_no_picture: "窗口未返回图像",
    write_nothing: "此视图没有可导出的内容",
    slides_file_failed: "幻灯片文件无法读取；文件保持原样，保存前会先备份",
    slides_salvaged: "幻灯片文件无法完整读取：已显示其中可读取的{read}张（共{found}张）；文件保持原样，保存前会先备份",
    slides_kept_in: "数据集所在文件夹无法写入，其幻灯片保存在 {path}",
    slides_moved_to: "无法保存 {beside}：{why}。幻灯片改存于 {path}，今后打开此数据集时从那里读取",
    slides_backup_kept: "已保存幻灯片；无法读取的原幻灯片文件已另存为 {path}",
    slides_changed: "部分幻灯片引用了本数据集没有的项目，现已略去或改用数据集默认设置",
    slide_dropped: "幻灯片 {n}{title} 引用了 {ids}",
    file_menu: "文件",
    open: "打开数据集… (Ctrl+O)",
    open_recent: "最近打开",
    open_embedded: "打开内置数据集",
    quit: "退出 (Ctrl+Q)",
    reload_file: "重新加载 (Ctrl+R)",
    copy_problems: "复制问题列表",
    reloading: "正在重新加载…",
    last_good: "在文件修复之前，界面保留上次成功加载的数据",
    diff_reloaded: "已重新加载",
    reloaded_unchanged: "已重新加载：数据集没有变化",
    reloaded_details_changed: "已重新加载：名称、注释或其他细节有变化；园区和数据均无变化",
    diff_parks_added: Counted::same("新增园区"),
    diff_parks_removed: Counted::same("删除园区"),
    diff_figures_added: Counted::same("新增数据"),
    diff_figures_removed: Counted::same("删除数据"),
    diff_figures_changed: Counted::same("修改数据"),
    tab_map: "地图",
    map_schematic: "示意图，非按比例",
    map_colour_by: "区着色依据",
    map_park_count: "符合筛选条件的园区数",
    map_no_park: "无园区",
    map_no_matching_park: "无符合筛选条件的园区",
    map_sum_of: "{metric}合计",
    map_classes: "分级",
    method_quantiles: "分位数",
    method_equal: "等间距",
    method_jenks: "自然断点（Jenks）",
    map_marker_size: "标记大小",
    map_marker_key: "○ 标记大小（{metric}）：",
    map_marker_largest: "最大 {value}",
    map_mixed_years: "各区合计混合了{first}年至{last}年的数据：各区的提示注明其年份",
    map_mixed_years_presented: "各区合计混合了{first}年至{last}年的数据",
    map_parks_off: Counted::same("位置不在所属区范围内的园区：{parks}"),
    map_parks_no_location: "未给出位置、未画在地图上的园区：{parks}",
    map_part_year: Counted::same("{districts}的合计含非全年数据"),
    map_more_districts: Counted::same("及另外{n}个区"),
    map_sum_leaves_out: Counted::same("{district}的合计不含{n}个无数据的园区"),
    map_sums_leave_out: "合计不含无数据的园区：{districts}",
    map_sums_leave_out_in: Counted::same("{district}{n}个"),
    map_sums_leave_out_more: Counted::same("，另有{n}个区亦然"),
    map_parks_no_data: PartOf::same("{total}个园区中{shown}个无数据"),
    map_district_classes: "区域着色（{method}）",
    districts_count: Counted::same("个区"),
    map_inset: "放大{k}倍",
    map_scope_count: "跨区园区在所涉各区均计入",
    map_scope_sum: "各园区最新数据，计入其首个所在区",
    map_scope_sum_one_district: "各园区最新数据，按所在区合计",
    zoom_in: "放大（或滚动）",
    zoom_out: "缩小（或滚动）",
    zoom_reset: "重置视图",
    map_positions_approximate: "数据集仅给出大致位置的园区，其标记位置为近似位置。",
    no_map: "此数据集没有区界轮廓",
    map_failed: "区界轮廓无法加载",
    tab_table: "表格",
    tab_compare: "对比",
    kind_bars: "排名柱状图",
    kind_time: "时间序列",
    kind_scatter: "散点图",
    kind_matrix: "产业矩阵",
    latest: "最新数据",
    divide_none: "不除（原始数值）",
    divided_by: "除以{metric}",
    divide_by_label: "除以",
    show_label: "显示",
    scope_filtered: "筛选结果",
    scope_pinned: "已固定园区",
    pinned_mark_key: "★ 已固定园区",
    selected_row_key: "高亮行：选中的园区",
    scope_pinned_in_filter: "符合筛选条件的已固定园区",
    show_projections: "目标与预测",
    show_projections_hint: "以虚线在已公布数据之后绘出目标值与预测值；不绘出时，横轴只覆盖已公布数据的年份",
    projections_not_drawn: "未绘出目标值与预测值",
    log_scale: "对数刻度",
    log_hint: "对数刻度：等距即等比（1到10与10到100一样远），大小园区可在同一图中比较",
    benchmarks: "基准线",
    median_line: "虚线：{parks}的中位数，{value}",
    median_row: "{parks}的中位数",
    median_row_note: "上列各柱数据（{years}年）的中位数",
    no_median_line: "无中位数线：柱数不少于{n}根时才绘制",
    no_zone_line: "{zone}没有可与这些柱对比的数据",
    zone_line: "点线：{zone}，{value}（{when}）",
    zone_figure: "{zone}：{value}（{when}），超出坐标轴范围，未绘出",
    zone_benchmark: "全区",
    mixed_years: "各柱年份不同：每根柱标注其年份",
    mixed_years_and_periods: "各柱年份不同，部分柱仅为一年中部分月份的数据：每根柱标注其年份与月份",
    mixed_periods: "部分柱仅为一年中部分月份的数据（已标注月份），不能与全年数据直接比较",
    divisor_years: "{divisor}与数值年份不同的柱标注两个年份：数值年份 ÷ 除数年份",
    not_on_log: "对数刻度无法显示（零或负值）",
    not_on_log_years: "{park}{years}年的数据",
    no_divisor_within_boundaries: "{park}（无可确认为同一园区范围的除数数据）",
    divisor_not_above_zero: "{park}（除数为零或负数，无法相除）",
    only_projected: "{park}（仅有{qualifier}数据）",
    no_divisor_reason: "无可确认为同一园区范围的除数数据",
    divisor_not_above_zero_reason: "除数为零或负数，无法相除",
    only_projected_reason: "仅有{qualifier}数据",
    zone_part_of_year: "{zone}：仅有{when}的数据，未绘出",
    zone_whole_year: "{zone}：为{when}年全年数据，未与部分月份数据并列绘出",
    zone_no_divisor: "{zone}：无可确认为同一范围的除数数据，未绘出",
    x_axis: "横轴",
    y_axis: "纵轴",
    bubble: "气泡大小",
    none: "无",
    order: "排序",
    by_name: "按名称",
    by_count: "按数量",
    matrix_hint: "点击产业名称按其筛选园区；点击园区名称选中该园区",
    matrix_industries_shown: "显示{all_industries}个产业中涉及园区最多的{industries}个（以能容纳为限）",
    matrix_industries_shown_pinned: "显示{all_industries}个产业中的{industries}个（以能容纳为限）：先列已固定园区（★）的产业，再列涉及园区最多的",
    title_bars: "各园区{metric}",
    title_time: "{metric}历年变化",
    title_scatter: "{y}与{x}",
    title_matrix: "各园区产业及其定位",
    parks_count: Counted::same("{n}个园区"),
    and_more_parks: Counted::same("及另外{n}个园区"),
    more_parks_after_list: Counted::same("及另外{n}个园区"),
    top_five: "按最新值排名前五",
    every_park_with_figure: "全部有数据的园区",
    pin_to_choose: "固定园区可自选",
    time_key_hedged: "空心点：约数、初步统计或上下限",
    time_key_projected: "方块与虚线：目标或预测",
    time_key_part_year: "菱形：非全年数据",
    time_key_total: "菱形：截至当年的累计数",
    time_key_part_year_or_total: "菱形：非全年数据或截至当年的累计数",
    boundary_key: "点线：园区范围调整",
    stated_otherwise_key: "线外圆点：同年另有的数值",
    guide_key: "灰色虚点：将提前结束的折线引至其名称（该段无数据）",
    scatter_legend: "气泡面积 ∝ {metric}：最大 {value}",
    hollow_marker_key: "空心点：约数、初步统计或上下限",
    part_year_marker_key: "菱形：非全年数据",
    no_size_key: "×：无{metric}数据",
    size_below_zero_key: "×：{metric}低于零（{parks}）",
    scatter_no_size_above_zero: "未按{metric}调整大小：没有园区的数据大于零",
    scatter_plain_dots: "园区超过{max}个：每个园区均为小圆点，不按{metric}调整大小",
    scatter_unnamed_key: "图中无处标注：",
    scatter_density: "园区众多：灰色表示其他园区所在位置，颜色越深园区越多",
    scatter_not_sized: "；不按{metric}调整大小",
    no_pins_to_plot: "尚未固定园区：用 ☆ 或空格键固定",
    title_no_metrics: "没有可比较的指标",
    plot_no_metrics: "此数据集尚无指标，没有可比较的数据；产业矩阵可显示各园区的产业",
    plot_no_figures_yet: "尚无园区有{metric}数据",
    plot_nothing_to_draw: "所显示的园区没有可绘制的数据",
    scatter_only_one_metric: "散点图以一项指标对照另一项指标，而此数据集只有一项指标（{metric}）：请在“排名柱状图”或“时间序列”中查看",
    scatter_same_metric: "散点图以一项指标对照另一项指标：请为横轴或纵轴选择另一项指标",
    filtered_by: "筛选条件",
    roles_legend: "主 主导 · 支 支柱 · 重 重点 · 聚 聚焦 · 配 配套 · 培 培育",
    add_table: "添加数据表…",
    added_tables: "已添加的数据表",
    remove_table: "移除",
    table_preview: "数据表 {file}",
    rows_added: Counted::same("{n}行新增数据"),
    table_sources_added: Counted::same("新增{n}个来源"),
    rows_repeat: Counted::same("{n}行与已有数据相同"),
    rows_conflict: Counted::same("{n}行与已有数据数值不同：两者均保留，各注来源"),
    table_has_errors: "修正以下单元格之前无法添加此表；当前显示的数据不变。",
    table_unreadable: "无法将此文件读取为表格；当前显示的数据不变。",
    table_warnings: "添加前请核对（按表格中的编号与数值读取）：",
    table_presented_title: "{place}：各园区及其最新数据",
    dialog_failed: "无法打开文件对话框：Linux 上需安装 xdg-desktop-portal 或 zenity（{reason}）",
    table_presented_figures: "每项数据为最新全年数值，并注明年份；无全年数值时才用部分年份数据，无实际数值时才用目标或预测值（已标明）",
    table_rows_shown: "显示第{first}–{last}行，共{total}行；滚动可查看其余",
    table_read_as_gb18030: "此文件不是 UTF-8 文本，已按 GB18030 编码（中文版 Windows 表格软件保存 CSV 所用编码）读取：添加后请核对备注是否显示正确。",
    table_add_hint: "此表将立即并在每次打开该数据集时载入，文件修改后自动重新读取。数据集文件本身不会被改写。",
    add_to_dataset: "添加到此数据集",
    cancel: "取消",
    table_added: "已添加 {file}：{n}",
    not_a_table: "只能打开 .ron 数据集以及 .csv、.tsv、.txt、.xlsx、.xlsm、.xls、.xlsb 或 .ods 数据表",
    dataset_files: "RON 数据集",
    table_files: "数据表",
    no_dataset_for_table: "数据表需添加到数据集：请先打开一个能正常载入的数据集",
    no_dataset_for_command: "未加载数据集：幻灯片、演示和导出需在数据集载入后使用",
    conflicting_figure: "同一年份与期间的另一数值不同：来源或统计范围不同（见注释）",
    conflict_mark: "数值不一",
    copy_figure: "复制此数值及其来源",
    copy_line: "复制此行及其来源",
    copy_line_alone: "复制此行",
    copied: "已复制",
    differs_mark: "≠",
    also_stated: "同年另有数值",
    same_figure_from: "同一数值另见",
    also_stated_divisor: "{year}年{metric}另有数值",
    differs_note: "≠ 表示同年另有不同数值",
    coloured_bars_pinned: "彩色柱：已固定的园区",
    coloured_bar_selected: "彩色柱：选中的园区",
    coloured_bars_pinned_and_selected: "彩色柱：已固定的园区及选中的园区",
    differs_note_short: "≠ 同年另有不同数值",
    differs_note_divided: "≠ 表示同年另有不同数值或不同除数",
    map_park_outside_filter: "{park}（不符合筛选条件）",
    note_mark_key: "* 有注释：指向数值即可查看",
};

/// The comma between the parts of a note or a list of clauses: ", " / "，".
pub fn comma(language: Language) -> &'static str {
    match language {
        Language::En => ", ",
        Language::Zh => "，",
    }
}

/// What goes after a sentence, or a label's colon, before the next words: a space in English,
/// nothing after Chinese full-width punctuation.
pub fn sentence_gap(language: Language) -> &'static str {
    match language {
        Language::En => " ",
        Language::Zh => "",
    }
}

/// What separates two clauses or reasons in a line of text: "; " / "；".
pub fn clause_separator(language: Language) -> &'static str {
    match language {
        Language::En => "; ",
        Language::Zh => "；",
    }
}

/// `label` and `value` as a line of a tooltip or a status bar writes them: "Note: …" / "注：…".
pub fn labelled(language: Language, label: &str, value: impl std::fmt::Display) -> String {
    match language {
        Language::En => format!("{label}: {value}"),
        Language::Zh => format!("{label}：{value}"),
    }
}

/// What separates the items of a list in running text: ", " / "、".
pub fn list_separator(language: Language) -> &'static str {
    match language {
        Language::En => ", ",
        Language::Zh => "、",
    }
}

/// The key's lines on the crosses of a view sized by `metric` (named as in a sentence): one if
/// some park lacks a figure, one naming the parks below zero; `names` names parks.
pub fn cross_key_lines<'p>(
    key: &CrossKey<'p>,
    metric: &str,
    names: impl Fn(&[&'p ParkId]) -> Vec<String>,
    language: Language,
) -> Vec<String> {
    let s = strings(language);
    let mut lines = Vec::new();
    if key.no_figure {
        lines.push(s.no_size_key.replace("{metric}", metric));
    }
    if !key.below_zero.is_empty() {
        // A few named, the rest counted: every park of a dataset of losses made a key longer
        // than the map.
        let shown = key.below_zero.len().min(MAX_NAMED_BELOW_ZERO);
        let (listed, unnamed) = (names(&key.below_zero[..shown]), key.below_zero.len() - shown);
        let parks = listed_then_counted(&listed, unnamed, s.more_parks_after_list, language);
        lines.push(s.size_below_zero_key.replace("{metric}", metric).replace("{parks}", &parks));
    }
    lines
}

/// `names` listed as the language lists them, then, when `unnamed` are left out, how many, as
/// `more` says it with the separator before it: "A, B and 3 more parks", "甲、乙及另外3个园区",
/// "3 in A, 2 in B, and parks in 4 more districts".
pub fn listed_then_counted(names: &[String], unnamed: usize, more: Counted, language: Language) -> String {
    let mut list = names.join(list_separator(language));
    if unnamed > 0 {
        list.push_str(&more.for_count(unnamed).replace("{n}", &crate::format::format_count(unnamed)));
    }
    list
}

/// How many parks below zero a key names before counting the rest.
const MAX_NAMED_BELOW_ZERO: usize = 5;

/// The UI strings of `language`.
pub fn strings(language: Language) -> &'static Strings {
    match language {
        Language::En => &EN,
        Language::Zh => &ZH,
    }
}

/// The name of a language in itself, for the language switch.
pub fn language_name(language: Language) -> &'static str {
    match language {
        Language::En => "English",
        Language::Zh => "中文",
    }
}

/// The name of a theme choice.
pub fn theme_name(language: Language, theme: ThemeChoice) -> &'static str {
    let s = strings(language);
    match theme {
        ThemeChoice::System => s.theme_system,
        ThemeChoice::Light => s.theme_light,
        ThemeChoice::Dark => s.theme_dark,
    }
}

/// The name of a map classing method, for its picker and the legend.
pub fn class_method_name(language: Language, method: ClassMethod) -> &'static str {
    let s = strings(language);
    match method {
        ClassMethod::Quantiles => s.method_quantiles,
        ClassMethod::EqualIntervals => s.method_equal,
        ClassMethod::NaturalBreaks => s.method_jenks,
    }
}

/// Why no park is listed, in words: the dataset's own lack of parks, or what filters them out.
pub fn no_park_listed(language: Language, why: NoParkListed) -> &'static str {
    let s = strings(language);
    match why {
        NoParkListed::DatasetHasNone => s.no_parks,
        NoParkListed::Search => s.no_match,
        NoParkListed::Filters => s.no_match_filters,
        NoParkListed::SearchAndFilters => s.no_match_search_and_filters,
    }
}

/// Why a file was not written, in words: the app's own for a failure a user can act on, with
/// the system's words after them in brackets (English, but what whoever helps can search for).
pub fn write_failure(language: Language, failure: &WriteFailure) -> String {
    let s = strings(language);
    let reason = match failure.kind {
        FailureKind::NoPermission => s.write_no_permission,
        FailureKind::FileInTheWay => s.write_file_in_the_way,
        FailureKind::FolderInTheWay => s.write_folder_in_the_way,
        FailureKind::DiskFull => s.write_disk_full,
        FailureKind::QuotaUsedUp => s.write_quota_used_up,
        FailureKind::ReadOnly => s.write_read_only,
        FailureKind::BadName => s.write_bad_name,
        FailureKind::TooLarge => s.write_too_large,
        FailureKind::NoPicture => s.write_no_picture,
        FailureKind::NothingToExport => s.write_nothing,
        FailureKind::Other => return failure.detail.clone(),
    };
    match (failure.detail.is_empty(), language) {
        (true, _) => reason.to_owned(),
        (false, Language::En) => format!("{reason} ({})", failure.detail),
        (false, Language::Zh) => format!("{reason}（{}）", failure.detail),
    }
}

/// The name of a plot kind, for the plot switch and the meeting pack.
pub fn plot_kind_name(language: Language, kind: PlotKind) -> &'static str {
    let s = strings(language);
    match kind {
        PlotKind::Bars => s.kind_bars,
        PlotKind::TimeSeries => s.kind_time,
        PlotKind::Scatter => s.kind_scatter,
        PlotKind::Matrix => s.kind_matrix,
    }
}

/// The year the bars show, for the year picker and the scope line: "Latest available" or the
/// year itself.
pub fn year_choice_label(language: Language, year: YearChoice) -> String {
    match year {
        YearChoice::Latest => strings(language).latest.to_owned(),
        YearChoice::Year(year) => year.to_string(),
    }
}

/// A year as the year picker offers it: with how many parks have a figure of it, and whether
/// none of those figures is a whole year's ("2024 — 3 parks, no whole-year figure").
pub fn offered_year_label(language: Language, offered: &crate::state::series::OfferedYear) -> String {
    let parks = parks_in_words(language, offered.parks);
    match (language, offered.whole_year) {
        (_, true) => format!("{} — {parks}", offered.year),
        (Language::En, false) => format!("{} — {parks}, no whole-year figure", offered.year),
        (Language::Zh, false) => format!("{} — {parks}，无全年数据", offered.year),
    }
}

/// The name of an industry's role.
pub fn role_name(language: Language, role: Role) -> &'static str {
    match (language, role) {
        (Language::En, Role::Leading) => "leading",
        (Language::En, Role::Key) => "key",
        (Language::En, Role::Pillar) => "pillar",
        (Language::En, Role::Focus) => "focus",
        (Language::En, Role::Supporting) => "supporting",
        (Language::En, Role::Emerging) => "emerging",
        (Language::Zh, Role::Leading) => "主导",
        (Language::Zh, Role::Key) => "重点",
        (Language::Zh, Role::Pillar) => "支柱",
        (Language::Zh, Role::Focus) => "聚焦",
        (Language::Zh, Role::Supporting) => "配套",
        (Language::Zh, Role::Emerging) => "培育",
    }
}

/// The name of an industry group.
pub fn group_name(language: Language, group: IndustryGroup) -> &'static str {
    match (language, group) {
        (Language::En, IndustryGroup::InformationTechnology) => "Information technology",
        (Language::En, IndustryGroup::AdvancedManufacturing) => "Advanced manufacturing",
        (Language::En, IndustryGroup::LifeSciences) => "Life sciences",
        (Language::En, IndustryGroup::EnergyAndMaterials) => "Energy and materials",
        (Language::En, IndustryGroup::Services) => "Services",
        (Language::Zh, IndustryGroup::InformationTechnology) => "信息技术",
        (Language::Zh, IndustryGroup::AdvancedManufacturing) => "先进制造",
        (Language::Zh, IndustryGroup::LifeSciences) => "生命科学",
        (Language::Zh, IndustryGroup::EnergyAndMaterials) => "能源与材料",
        (Language::Zh, IndustryGroup::Services) => "服务业",
    }
}

/// `text` ("2018 ÷ 2020", "at most") followed by "preliminary" as the language adds a clause:
/// for a figure whose qualifier is a bound or a year, which cannot say it as well.
pub fn and_preliminary(language: Language, text: &str) -> String {
    format!("{text}{}{}", comma(language), qualifier_name(language, Qualifier::Preliminary))
}

/// The quality mark of a figure, as shown in the profile.
pub fn qualifier_name(language: Language, qualifier: Qualifier) -> &'static str {
    match (language, qualifier) {
        (Language::En, Qualifier::Reported) => "reported",
        (Language::En, Qualifier::Preliminary) => "preliminary",
        (Language::En, Qualifier::Approximate) => "approximate",
        (Language::En, Qualifier::AtLeast) => "at least",
        (Language::En, Qualifier::AtMost) => "at most",
        (Language::En, Qualifier::Target) => "target",
        (Language::En, Qualifier::Forecast) => "forecast",
        (Language::Zh, Qualifier::Reported) => "公布值",
        (Language::Zh, Qualifier::Preliminary) => "初步统计",
        (Language::Zh, Qualifier::Approximate) => "约数",
        (Language::Zh, Qualifier::AtLeast) => "下限（超过）",
        (Language::Zh, Qualifier::AtMost) => "上限（不足）",
        (Language::Zh, Qualifier::Target) => "目标",
        (Language::Zh, Qualifier::Forecast) => "预测",
    }
}

/// The year of a figure with its period, e.g. "2016 H1" or "2016 Jan–Oct".
pub fn period_label(language: Language, year: i32, period: Option<Period>) -> String {
    match (language, period) {
        (_, None) => year.to_string(),
        (Language::En, Some(Period::Cumulative)) => format!("to {year}"),
        (Language::Zh, Some(Period::Cumulative)) => format!("截至{year}年累计"),
        (Language::En, Some(part)) => format!("{year} {}", period_short(language, part)),
        (Language::Zh, Some(part)) => format!("{year}年{}", period_short(language, part)),
    }
}

/// The part of a year a figure covers, without the year, as the charts write it after the year
/// ([`period_label`]): "Jan–Nov" / "1–11月", "H1" / "上半年"; for a column beside the year
/// (`period_label` in a CSV export). A cumulative figure, which the charts write around the
/// year ("to 2018"), is "cumulative" / "累计".
pub fn period_short(language: Language, period: Period) -> String {
    match (language, period) {
        (Language::En, Period::H1) => "H1".to_owned(),
        (Language::En, Period::H2) => "H2".to_owned(),
        (Language::En, Period::JanTo(1)) => "Jan".to_owned(),
        (Language::En, Period::JanTo(month)) => format!("Jan–{}", month_abbrev(month)),
        (Language::En, Period::Cumulative) => "cumulative".to_owned(),
        (Language::Zh, Period::H1) => "上半年".to_owned(),
        (Language::Zh, Period::H2) => "下半年".to_owned(),
        (Language::Zh, Period::JanTo(1)) => "1月".to_owned(),
        (Language::Zh, Period::JanTo(month)) => format!("1–{month}月"),
        (Language::Zh, Period::Cumulative) => "累计".to_owned(),
    }
}

/// When a figure a sentence states is from, as it reads inside the sentence's brackets: its year
/// with the part of it ("2018 Jan–Mar" / "2018年1–3月"), and the year of the figure it is
/// divided by when another ("2018 ÷ 2020" / "2018年 ÷ 2020年").
pub fn figure_when(language: Language, year: i32, period: Option<Period>, divisor_year: Option<i32>) -> String {
    let when = match (language, period) {
        (Language::Zh, None) => format!("{year}年"),
        _ => period_label(language, year, period),
    };
    match (language, divisor_year) {
        (_, None) => when,
        (Language::En, Some(divisor)) => format!("{when} ÷ {divisor}"),
        (Language::Zh, Some(divisor)) => format!("{when} ÷ {divisor}年"),
    }
}

/// A period in words without its year, for the template's list of period codes:
/// "first half (January–June)" / "上半年（1–6月）".
pub fn period_name(language: Language, period: Period) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month_name = |month: u8| MONTHS.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("?");
    match (language, period) {
        (Language::En, Period::H1) => "first half (January–June)".to_owned(),
        (Language::En, Period::H2) => "second half (July–December)".to_owned(),
        (Language::En, Period::JanTo(1)) => "January".to_owned(),
        (Language::En, Period::JanTo(month)) => format!("January–{}", month_name(month)),
        (Language::En, Period::Cumulative) => "cumulative, up to the end of the year".to_owned(),
        (Language::Zh, Period::H1) => "上半年（1–6月）".to_owned(),
        (Language::Zh, Period::H2) => "下半年（7–12月）".to_owned(),
        (Language::Zh, Period::JanTo(1)) => "1月".to_owned(),
        (Language::Zh, Period::JanTo(month)) => format!("1–{month}月"),
        (Language::Zh, Period::Cumulative) => "截至该年累计".to_owned(),
    }
}

fn month_abbrev(month: u8) -> &'static str {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    MONTHS.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("?")
}

/// "{shown} of {total} parks match" filled in, `all` being the dataset's parks. Where it lists
/// parts of one park as entries of their own, the rows are entries and are counted as such:
/// "12 of 17 entries match", as the status bar explains, not "of 17 parks" in a zone of sixteen.
pub fn matching_of(language: Language, shown: usize, all: crate::model::ParkCount) -> String {
    let s = strings(language);
    if all.lists_parts() {
        s.entries_matching_of.fill(shown, all.entries)
    } else {
        s.matching_of.fill(shown, all.entries)
    }
}

/// A number of parks in words, "17 parks", or "16 parks (17 entries)" where parts of one
/// park are listed as entries of their own: a scope line saying 17 beside a title that says
/// sixteen would read as an error.
pub fn parks_in_words(language: Language, count: crate::model::ParkCount) -> String {
    let s = strings(language);
    let parks = s.parks_count.for_count(count.parks).replace("{n}", &crate::format::format_count(count.parks));
    if !count.lists_parts() {
        return parks;
    }
    let entries = s.entries.after(count.entries);
    match language {
        Language::En => format!("{parks} ({entries})"),
        Language::Zh => format!("{parks}（{entries}）"),
    }
}

/// What a reload changed, in words: "Reloaded: 1 park added, 3 figures changed".
pub fn describe_diff(language: Language, changes: &crate::model::DatasetDiff) -> String {
    let s = strings(language);
    let parts: Vec<String> = [
        (changes.parks_added.len(), s.diff_parks_added),
        (changes.parks_removed.len(), s.diff_parks_removed),
        (changes.figures_added, s.diff_figures_added),
        (changes.figures_removed, s.diff_figures_removed),
        (changes.figures_changed, s.diff_figures_changed),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| {
        let (what, n) = (what.for_count(n), crate::format::format_count(n));
        match language {
            Language::En => format!("{n} {what}"),
            Language::Zh => format!("{what} {n}"),
        }
    })
    .collect();
    labelled(language, s.diff_reloaded, parts.join(list_separator(language)))
}

/// A one-character mark for a role, for the industry matrix's cells.
pub fn role_mark(language: Language, role: Role) -> &'static str {
    match (language, role) {
        (Language::En, Role::Leading) => "L",
        (Language::En, Role::Pillar) => "P",
        (Language::En, Role::Key) => "K",
        (Language::En, Role::Focus) => "F",
        (Language::En, Role::Supporting) => "S",
        (Language::En, Role::Emerging) => "E",
        (Language::Zh, Role::Leading) => "主",
        (Language::Zh, Role::Pillar) => "支",
        (Language::Zh, Role::Key) => "重",
        (Language::Zh, Role::Focus) => "聚",
        (Language::Zh, Role::Supporting) => "配",
        (Language::Zh, Role::Emerging) => "培",
    }
}

/// The words of the one-page park brief (`crate::brief`) and of its menu entries and notices.
#[derive(Debug)]
pub struct BriefWords {
    /// Above the park's name: what the page is.
    pub kicker: &'static str,
    /// Fact label: the districts.
    pub districts: &'static str,
    /// Fact label: how the park relates to the official list.
    pub part_of: &'static str,
    /// Fact label: the approval and founding dates (as the profile calls them).
    pub milestones: &'static str,
    /// Section heading: the description.
    pub about: &'static str,
    /// Section heading: the latest figure of each metric.
    pub figures: &'static str,
    /// Figures table column: the metric.
    pub col_metric: &'static str,
    /// Figures table column: the value with its unit.
    pub col_value: &'static str,
    /// Figures table column: the year (and part of the year).
    pub col_year: &'static str,
    /// Figures table column: how the source stated the value.
    pub col_qualifier: &'static str,
    /// Figures table column: the number of the source in the list of sources.
    pub col_source: &'static str,
    /// Before the metrics the park has no figure for.
    pub no_data: &'static str,
    /// Shown when the park has no figure at all.
    pub no_figures: &'static str,
    /// Under a figure: the other values stated for the same year, "Also stated: 700 bn yuan \[5\]".
    pub also_stated: &'static str,
    /// Section heading: industries with their roles.
    pub industries: &'static str,
    /// Section heading: comparable parks.
    pub peers: &'static str,
    /// Section heading: the sources.
    pub sources: &'static str,
    /// Map caption: the highlighted districts.
    pub map_districts: &'static str,
    /// Map caption: the park's marker.
    pub map_marker: &'static str,
    /// Map caption: the marker only approximates the park's place.
    pub map_approximate: &'static str,
    /// Map caption: the park's place lies beyond the map's outlines, so no marker is drawn.
    pub map_marker_off: &'static str,
    /// In place of the map when the dataset has none.
    pub no_map: &'static str,
    /// The description was cut to fit the page.
    pub description_shortened: &'static str,
    /// "… {n} more figures, see the dataset": what was cut to fit the page.
    pub more_figures: Counted,
    /// "… {n} more sources, see the dataset".
    pub more_sources: Counted,
    /// "… {n} more industries, see the dataset".
    pub more_industries: Counted,
    /// "… {n} more peers".
    pub more_peers: Counted,
    /// "… {n} more milestones, see the dataset".
    pub more_milestones: Counted,
    /// "… {n} more metrics without a figure".
    pub more_no_data: Counted,
    /// Footer: how the figures are chosen and what the signs mean.
    pub footer_rule: &'static str,
    /// Footer: the dataset, its version and date, filled in.
    pub footer_dataset: &'static str,
    /// File menu: the brief of the selected park.
    pub export_brief: &'static str,
    /// File menu: the briefs of every pinned park, into a folder.
    pub export_briefs: &'static str,
    /// Notice: the brief needs a selected park.
    pub no_selection: &'static str,
    /// Notice: the briefs need pinned parks.
    pub no_pins: &'static str,
    /// Notice: "{n} briefs written to {folder}".
    pub written: Counted,
    /// Notice: some briefs could not be written.
    pub failed: &'static str,
}

const BRIEF_EN: BriefWords = BriefWords {
    kicker: "Park brief",
    districts: "Districts",
    part_of: "Part of",
    milestones: "Milestones",
    about: "About",
    figures: "Latest figures",
    col_metric: "Metric",
    col_value: "Value",
    col_year: "Year",
    col_qualifier: "Stated as",
    col_source: "Source",
    no_data: "No data",
    no_figures: "No data: the dataset has no figure for this park",
    also_stated: "Also stated for the same year",
    industries: "Industries",
    peers: "Peers",
    sources: "Sources",
    map_districts: "Shaded",
    map_marker: "park location",
    map_approximate: "approximate",
    map_marker_off: "the park's location lies beyond the map, so it is not marked",
    no_map: "No map of the city is available",
    description_shortened: "… shortened to fit the page; the full text is in the dataset",
    more_figures: Counted {
        one: "… {n} more figure, see the dataset", other: "… {n} more figures, see the dataset"
    },
    more_sources: Counted {
        one: "… {n} more source, see the dataset", other: "… {n} more sources, see the dataset"
    },
    more_industries: Counted {
        one: "… {n} more industry, see the dataset",
        other: "… {n} more industries, see the dataset",
    },
    more_peers: Counted::same("… and {n} more"),
    more_milestones: Counted {
        one: "… {n} more milestone, see the dataset",
        other: "… {n} more milestones, see the dataset",
    },
    more_no_data: Counted::same("… and {n} more"),
    footer_rule: "Latest figure of each metric as its source states it (> at least, < at most, ~ about), for the \
                  whole year where there is one, else for the part of the year named; targets and forecasts only \
                  where the park has no actual figure. Nothing is estimated.",
    footer_dataset: "Dataset: {title}, version {version} ({date}). Made with ZGC Atlas.",
    export_brief: "Export brief (PDF)…",
    export_briefs: "Export briefs of pinned parks (PDF)…",
    no_selection: "Select a park first: the brief is of the selected park",
    no_pins: "No park is pinned: pin parks with ☆ or Space",
    written: Counted { one: "{n} brief written to {folder}", other: "{n} briefs written to {folder}" },
    failed: "could not write",
};

const BRIEF_ZH: BriefWords = BriefWords {
    kicker: "园区简报",
    districts: "所在区",
    part_of: "隶属",
    milestones: "大事记",
    about: "概况",
    figures: "最新数据",
    col_metric: "指标",
    col_value: "数值",
    col_year: "年份",
    col_qualifier: "数据性质",
    col_source: "来源",
    no_data: "暂无数据",
    no_figures: "暂无数据：数据集中没有该园区的数据",
    also_stated: "同年另有数值",
    industries: "产业",
    peers: "同类园区",
    sources: "来源",
    map_districts: "阴影",
    map_marker: "园区位置",
    map_approximate: "大致位置",
    map_marker_off: "园区位置在地图范围之外，未标出",
    no_map: "暂无城市地图",
    description_shortened: "……为排版已缩略，全文见数据集",
    more_figures: Counted::same("……另有{n}项数据，见数据集"),
    more_sources: Counted::same("……另有{n}个来源，见数据集"),
    more_industries: Counted::same("……另有{n}个产业，见数据集"),
    more_peers: Counted::same("……另有{n}个同类园区"),
    more_milestones: Counted::same("……另有{n}条大事记，见数据集"),
    more_no_data: Counted::same("……另有{n}项"),
    footer_rule: "各指标取来源所述的最新数据（> 超过，< 不足，~ 约），有全年数据时取全年，否则注明所属时段；仅在园区没有实际数据时列出目标或预测值。所有数据均未经估算。",
    footer_dataset: "数据集：{title}，版本 {version}（{date}）。由 ZGC Atlas 生成。",
    export_brief: "导出园区简报（PDF）…",
    export_briefs: "导出已固定园区的简报（PDF）…",
    no_selection: "请先选择园区：简报针对所选园区",
    no_pins: "尚未固定园区：用 ☆ 或空格键固定园区",
    written: Counted::same("已写入{n}份简报到 {folder}"),
    failed: "无法写入",
};

/// The words of the park brief in `language`.
pub fn brief_words(language: Language) -> &'static BriefWords {
    match language {
        Language::En => &BRIEF_EN,
        Language::Zh => &BRIEF_ZH,
    }
}

/// Fills `{n}` of one of the brief's "… {n} more" templates, in the form that goes with `n`.
pub fn brief_more(words: Counted, n: usize) -> String {
    words.for_count(n).replace("{n}", &n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key of parks below zero names five and counts the rest.
    #[test]
    fn the_key_of_parks_below_zero_names_five_and_counts_the_rest() {
        let parks: Vec<crate::model::ParkId> = (1..=8).map(|i| crate::model::ParkId::new(format!("p{i}"))).collect();
        let key = CrossKey { no_figure: false, below_zero: parks.iter().collect() };
        let names = |parks: &[&crate::model::ParkId]| parks.iter().map(ToString::to_string).collect::<Vec<_>>();
        let lines = cross_key_lines(&key, "profit", names, Language::En);
        assert_eq!(lines, ["×: profit below zero (p1, p2, p3, p4, p5 and 3 more parks)"]);
        let lines = cross_key_lines(&key, "利润", names, Language::Zh);
        assert_eq!(lines, ["×：利润低于零（p1、p2、p3、p4、p5及另外3个园区）"]);
    }

    #[test]
    fn periods_read_naturally_in_both_languages() {
        assert_eq!(period_label(Language::En, 2016, Some(Period::JanTo(10))), "2016 Jan–Oct");
        assert_eq!(period_label(Language::Zh, 2006, Some(Period::H1)), "2006年上半年");
        assert_eq!(period_label(Language::En, 2018, None), "2018");
        // Without the year, for a column beside it: the words the charts write after the year.
        assert_eq!(period_short(Language::En, Period::JanTo(11)), "Jan–Nov");
        assert_eq!(period_short(Language::Zh, Period::JanTo(11)), "1–11月");
        // January alone is one month, not a span from it to itself.
        assert_eq!(period_label(Language::En, 2014, Some(Period::JanTo(1))), "2014 Jan");
        assert_eq!(period_label(Language::Zh, 2014, Some(Period::JanTo(1))), "2014年1月");
        assert_eq!(period_short(Language::Zh, Period::JanTo(1)), "1月");
        // A cumulative figure is written around its year, and "cumulative" beside it.
        assert_eq!(period_label(Language::En, 2014, Some(Period::Cumulative)), "to 2014");
        assert_eq!(period_short(Language::En, Period::Cumulative), "cumulative");
    }

    #[test]
    fn the_count_line_fills_both_numbers() {
        let all = |n: usize| crate::model::ParkCount { parks: n, entries: n };
        assert_eq!(matching_of(Language::En, 12, all(17)), "12 of 17 parks match");
        assert_eq!(matching_of(Language::Zh, 3, all(17)), "17个园区中3个符合");
        assert_eq!(matching_of(Language::En, 0, all(1)), "0 of 1 park match", "a one-park dataset");
        assert_eq!(matching_of(Language::En, 1, all(1)), "1 of 1 park matches");
        assert_eq!(matching_of(Language::En, 1, all(8)), "1 of 8 parks matches", "the verb agrees with the one");
        assert_eq!(matching_of(Language::Zh, 1, all(1)), "1个园区中1个符合");
        assert_eq!(matching_of(Language::En, 9_999, all(10_000)), "9,999 of 10,000 parks match");
        let joint = crate::model::ParkCount { parks: 16, entries: 17 };
        assert_eq!(matching_of(Language::En, 12, joint), "12 of 17 entries match", "rows are entries");
        assert_eq!(matching_of(Language::Zh, 12, joint), "17个条目中12个符合");
    }

    #[test]
    fn a_count_of_parks_names_the_entries_only_when_parts_of_one_park_are_listed() {
        use crate::model::ParkCount;
        assert_eq!(parks_in_words(Language::En, ParkCount { parks: 17, entries: 17 }), "17 parks");
        assert_eq!(parks_in_words(Language::En, ParkCount { parks: 1, entries: 1 }), "1 park");
        assert_eq!(parks_in_words(Language::En, ParkCount { parks: 16, entries: 17 }), "16 parks (17 entries)");
        assert_eq!(parks_in_words(Language::En, ParkCount { parks: 1, entries: 2 }), "1 park (2 entries)");
        assert_eq!(parks_in_words(Language::Zh, ParkCount { parks: 16, entries: 17 }), "16个园区（17个条目）");
    }

    #[test]
    fn every_count_phrase_agrees_with_its_counts_in_english() {
        let s = strings(Language::En);
        assert_eq!(s.table_columns_count.fill(1, 1), "1 of 1 metric shown");
        assert_eq!(s.table_columns_count.fill(0, 4), "0 of 4 metrics shown");
        assert_eq!(s.table_columns_shown.fill(1, 3), "1 of the 3 figure columns chosen fits the slide");
        assert_eq!(s.table_columns_shown.fill(2, 3), "2 of the 3 figure columns chosen fit the slide");
        assert_eq!(s.table_columns_shown.fill(0, 1), "0 of the 1 figure column chosen fit the slide");
        assert_eq!(s.map_parks_no_data.fill(1, 1), "1 of 1 park: no data");
        assert_eq!(s.map_parks_no_data.fill(1, 3), "1 of 3 parks: no data");
        assert!(s.map_parks_off.for_count(1).starts_with("Located outside its own districts"));
        assert!(s.map_parks_off.for_count(2).starts_with("Located outside their own districts"));
        let w = brief_words(Language::En);
        assert_eq!(brief_more(w.more_figures, 1), "… 1 more figure, see the dataset");
        assert_eq!(brief_more(w.more_sources, 12), "… 12 more sources, see the dataset");
        assert_eq!(brief_more(w.more_industries, 1), "… 1 more industry, see the dataset");
        assert_eq!(brief_more(w.more_milestones, 1), "… 1 more milestone, see the dataset");
        // Chinese has no plural: one form, whatever the counts.
        let zh = strings(Language::Zh);
        assert_eq!(zh.table_columns_shown.fill(1, 3), zh.table_columns_shown.fill(1, 1).replacen('1', "3", 1));
        assert_eq!(zh.map_parks_no_data.fill(1, 1), "1个园区中1个无数据");
    }

    /// The room cannot use the window's controls: a slide says what fits, not what to click.
    #[test]
    fn a_slide_names_no_control_to_use() {
        for language in [Language::En, Language::Zh] {
            let s = strings(language);
            let control = s.table_columns_menu.trim_end_matches('▼').trim();
            let note = s.table_columns_shown.fill(4, 12);
            assert!(!note.contains(control) && !note.contains('▼'), "{note}");
            assert!(note.contains('4') && note.contains("12"), "{note}");
        }
    }

    #[test]
    fn a_reload_summary_counts_one_in_the_singular_and_more_in_the_plural() {
        let one_each = crate::model::DatasetDiff {
            parks_added: vec![crate::model::ParkId::new("delta")],
            parks_removed: vec![crate::model::ParkId::new("gamma")],
            figures_added: 1,
            figures_removed: 1,
            figures_changed: 1,
        };
        assert_eq!(
            describe_diff(Language::En, &one_each),
            "Reloaded: 1 park added, 1 park removed, 1 figure added, 1 figure removed, 1 figure changed"
        );
        let more = crate::model::DatasetDiff {
            parks_added: vec![crate::model::ParkId::new("delta"), crate::model::ParkId::new("epsilon")],
            figures_changed: 3,
            ..crate::model::DatasetDiff::default()
        };
        assert_eq!(describe_diff(Language::En, &more), "Reloaded: 2 parks added, 3 figures changed");
        // Chinese has no plural: the words stay, the count follows them.
        assert_eq!(
            describe_diff(Language::Zh, &one_each),
            "已重新加载：新增园区 1、删除园区 1、新增数据 1、删除数据 1、修改数据 1"
        );
        assert_eq!(describe_diff(Language::Zh, &more), "已重新加载：新增园区 2、修改数据 3");
    }

    /// The text of every string literal in `debug`, a struct's `{:?}`, in order.
    fn quoted(debug: &str) -> Vec<String> {
        let mut strings = Vec::new();
        let mut chars = debug.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut text = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => text.extend(chars.next()),
                    _ => text.push(c),
                }
            }
            strings.push(text);
        }
        strings
    }

    /// The `{name}` placeholders of a template, sorted.
    fn placeholders(template: &str) -> Vec<&str> {
        let mut found: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_template_has_the_same_placeholders_in_both_languages() {
        for (en, zh) in [(format!("{EN:?}"), format!("{ZH:?}")), (format!("{BRIEF_EN:?}"), format!("{BRIEF_ZH:?}"))] {
            let (en, zh) = (quoted(&en), quoted(&zh));
            assert_eq!(en.len(), zh.len(), "the same fields");
            assert!(en.len() > 10, "strings were found: {}", en.len());
            for (en, zh) in en.iter().zip(&zh) {
                assert_eq!(placeholders(en), placeholders(zh), "{en:?} and {zh:?}");
            }
        }
        // What the check reads: a placeholder missing from one language is caught.
        assert_ne!(placeholders("Sum of {metric}"), placeholders("合计"));
        assert_eq!(placeholders("○ {metric}: largest {value}"), ["metric", "value"]);
    }
}
