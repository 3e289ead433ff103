//! Saved views ("slides"): what a view showed, with a title and speaker notes, and the checks a
//! deck gets against the dataset when it is loaded. No file access here (see `app::slides_file`).

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, Language, MetricId, ParkId};
use crate::state::map::MapChoice;
use crate::state::{AppState, FilterState, PlotChoice, Tab, TableSort};

/// Everything a slide restores.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSnapshot {
    /// Which view.
    pub tab: Tab,
    /// The plot choice.
    pub plot: PlotChoice,
    /// The map choice, view included.
    pub map: MapChoice,
    /// The filter.
    pub filter: FilterState,
    /// The table's sort.
    pub sort: TableSort,
    /// The table's metric columns as the user chose them (`None`: the dataset's own); slides
    /// saved before there was a choice show the dataset's.
    pub table_metrics: Option<Vec<MetricId>>,
    /// Pinned parks.
    pub pinned: Vec<ParkId>,
    /// The selected park.
    pub selected: Option<ParkId>,
    /// The language the window was in when it was saved. Not restored: a deck is presented in
    /// the language the window is in now, so one deck serves an English and a Chinese room
    /// (the slides' own titles and notes are the user's words, as typed).
    pub language: Language,
}

impl ViewSnapshot {
    /// What the app shows now.
    pub fn capture(state: &AppState) -> Self {
        Self {
            tab: state.tab,
            plot: state.plot.clone(),
            map: state.map.clone(),
            filter: state.filter.clone(),
            sort: state.sort.clone(),
            table_metrics: state.table_metrics.clone(),
            pinned: state.pinned.clone(),
            selected: state.selected.clone(),
            language: state.language,
        }
    }

    /// Shows this view: everything it saved but the language replaces the app's current choice.
    pub fn restore(&self, state: &mut AppState) {
        state.tab = self.tab;
        state.plot.clone_from(&self.plot);
        state.map.clone_from(&self.map);
        state.filter.clone_from(&self.filter);
        state.sort = self.sort.clone();
        state.table_metrics.clone_from(&self.table_metrics);
        state.pinned.clone_from(&self.pinned);
        state.selected.clone_from(&self.selected);
        state.selection_hidden_by_filter = None;
    }
}

/// One saved view. Its title and takeaway are typed in the window's language, each language
/// its own (`title` in the English window, `title_zh` in the Chinese one), so that one deck
/// presents in either room; a slide with a title in one language only is presented under it in
/// both. Speaker notes are the presenter's own, one text in any language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Slide {
    /// The slide's title, shown large when presenting (typed in the English window).
    #[serde(default)]
    pub title: String,
    /// Its title typed in the Chinese window; empty: `title` serves.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title_zh: String,
    /// Speaker notes, shown on request.
    #[serde(default)]
    pub notes: String,
    /// The slide's own takeaway line, shown instead of the one written from the data; empty
    /// for the one written from the data (typed in the English window).
    #[serde(default)]
    pub takeaway: String,
    /// Its takeaway typed in the Chinese window; empty: `takeaway` serves.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub takeaway_zh: String,
    /// What it shows.
    pub view: ViewSnapshot,
}

/// `own` trimmed, else `other`'s, else `None`: a slide's text in one language, or in the
/// other where it has none in the first.
fn in_either<'a>(own: &'a str, other: &'a str) -> Option<&'a str> {
    [own, other].into_iter().map(str::trim).find(|text| !text.is_empty())
}

impl Slide {
    /// The title the user gave the slide, in `language` where it has one, else in the other;
    /// `None` when it has none.
    pub fn own_title(&self, language: Language) -> Option<&str> {
        match language {
            Language::En => in_either(&self.title, &self.title_zh),
            Language::Zh => in_either(&self.title_zh, &self.title),
        }
    }

    /// The title typed in `language`'s window, to edit.
    pub fn title_mut(&mut self, language: Language) -> &mut String {
        match language {
            Language::En => &mut self.title,
            Language::Zh => &mut self.title_zh,
        }
    }

    /// The slide's own takeaway, as [`Self::own_title`].
    pub fn own_takeaway(&self, language: Language) -> Option<&str> {
        match language {
            Language::En => in_either(&self.takeaway, &self.takeaway_zh),
            Language::Zh => in_either(&self.takeaway_zh, &self.takeaway),
        }
    }

    /// The takeaway typed in `language`'s window, to edit.
    pub fn takeaway_mut(&mut self, language: Language) -> &mut String {
        match language {
            Language::En => &mut self.takeaway,
            Language::Zh => &mut self.takeaway_zh,
        }
    }

    /// What the slide is called in lists, file names and the presenter's bar: its title in
    /// `language` (else the other's), or, when it has none, `view_title` of the view it shows,
    /// made when asked, so that it reads in the language of the moment and stays with the slide
    /// when it moves.
    pub fn name(&self, language: Language, view_title: impl FnOnce(&ViewSnapshot) -> String) -> String {
        self.own_title(language).map_or_else(|| view_title(&self.view), str::to_owned)
    }
}

/// The saved views of one dataset, in presentation order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SlideDeck {
    /// The slides.
    pub slides: Vec<Slide>,
}

impl SlideDeck {
    /// Checks every slide against `dataset`: parks, industries, districts and metrics it names
    /// that the dataset lacks are dropped, and each slide changed is returned, so the user
    /// learns that a slide changed.
    pub fn check(&mut self, dataset: &Dataset) -> Vec<SlideChange> {
        let mut changes = Vec::new();
        for (i, slide) in self.slides.iter_mut().enumerate() {
            let mut state = AppState::default();
            slide.view.restore(&mut state);
            let dropped = state.forget_missing(dataset);
            slide.view = ViewSnapshot::capture(&state);
            if !dropped.is_empty() {
                let title = |language| slide.own_title(language).map(str::to_owned);
                let titles = [title(Language::En), title(Language::Zh)];
                changes.push(SlideChange { number: i + 1, titles, dropped });
            }
        }
        changes
    }
}

/// A slide [`SlideDeck::check`] changed to fit the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlideChange {
    /// Its place in the deck, from 1.
    pub number: usize,
    /// Its own title in English and in Chinese ([`Slide::own_title`]), if the user gave it one.
    pub titles: [Option<String>; 2],
    /// The ids it named that the dataset lacks (and so has no names for).
    pub dropped: Vec<String>,
}

impl SlideChange {
    /// The change in `language`: the slide by number and title, and the ids it dropped.
    pub fn describe(&self, language: Language) -> String {
        let title = match language {
            Language::En => &self.titles[0],
            Language::Zh => &self.titles[1],
        };
        let title = title.as_ref().map(|title| format!(" \"{title}\"")).unwrap_or_default();
        crate::i18n::strings(language)
            .slide_dropped
            .replace("{n}", &self.number.to_string())
            .replace("{title}", &title)
            .replace("{ids}", &self.dropped.join(crate::i18n::list_separator(language)))
    }
}

/// A deck and which of its slides is shown: the slide operations of the slide list and of
/// presentation mode, kept together so the shown slide follows every change of order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SlideShow {
    /// The slides.
    pub deck: SlideDeck,
    /// The slide shown last, if any.
    pub current: Option<usize>,
}

impl SlideShow {
    /// The slide shown last.
    pub fn current_slide(&self) -> Option<&Slide> {
        self.current.and_then(|i| self.deck.slides.get(i))
    }

    /// Adds a slide of `view` at the end, titled `title` in `language`, and makes it the current
    /// one. A blank title is kept empty: the slide is named by its place in the deck
    /// ([`Slide::name`]) in the language of the moment, and presented under its view's own title.
    pub fn add(&mut self, language: Language, title: &str, view: ViewSnapshot) {
        let mut slide = Slide { view, ..Slide::default() };
        title.trim().clone_into(slide.title_mut(language));
        self.deck.slides.push(slide);
        self.current = Some(self.deck.slides.len() - 1);
    }

    /// Makes slide `i` the current one and returns the view it saved; `None` (and no change)
    /// when there is no such slide.
    pub fn show(&mut self, i: usize) -> Option<&ViewSnapshot> {
        let slide = self.deck.slides.get(i)?;
        self.current = Some(i);
        Some(&slide.view)
    }

    /// The slide `step` places from the current one, stopping at either end; the first slide
    /// when none is current. `None` for an empty deck.
    pub fn stepped(&self, step: isize) -> Option<usize> {
        let last = self.deck.slides.len().checked_sub(1)?;
        Some(self.current.map_or(0, |c| c.saturating_add_signed(step).min(last)))
    }

    /// Moves slide `from` one place up (`-1`) or down (`1`), if it can. The current slide stays
    /// the same slide, wherever it moves to.
    pub fn move_slide(&mut self, from: usize, step: isize) {
        let Some(to) = from.checked_add_signed(step) else { return };
        if from >= self.deck.slides.len() || to >= self.deck.slides.len() {
            return;
        }
        self.deck.slides.swap(from, to);
        self.current = self.current.map(|c| match c {
            c if c == from => to,
            c if c == to => from,
            c => c,
        });
    }

    /// Deletes slide `i` and returns it with its place, to be put back by [`Self::restore`];
    /// `None` (and no change) when there is no such slide. The current slide stays the same
    /// slide; deleting it leaves none current.
    pub fn delete(&mut self, i: usize) -> Option<DeletedSlide> {
        if i >= self.deck.slides.len() {
            return None;
        }
        let slide = self.deck.slides.remove(i);
        let was_current = self.current == Some(i);
        self.current = match self.current {
            Some(c) if c == i => None,
            Some(c) if c > i => Some(c - 1),
            other => other,
        };
        Some(DeletedSlide { place: i, slide, was_current })
    }

    /// Puts a deleted slide back at its place (the end, if the deck has since become shorter),
    /// with everything it had; it is the current slide again if it was when deleted. Returns
    /// its place. The current slide stays the same slide.
    pub fn restore(&mut self, deleted: DeletedSlide) -> usize {
        let DeletedSlide { place, slide, was_current } = deleted;
        let place = place.min(self.deck.slides.len());
        self.deck.slides.insert(place, slide);
        self.current = match self.current {
            _ if was_current => Some(place),
            Some(c) if c >= place => Some(c + 1),
            other => other,
        };
        place
    }
}

/// A slide taken out of the deck, kept so that it can be put back where it was.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedSlide {
    /// Where it was in the deck, from 0.
    pub place: usize,
    /// The slide, its title, takeaway, notes and view.
    pub slide: Slide,
    /// Whether it was the current slide.
    pub was_current: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MetricId;
    use crate::model::tests::small_dataset;
    use crate::state::series::PlotKind;

    #[test]
    fn a_snapshot_restores_what_was_captured() {
        let mut state = AppState { tab: Tab::Compare, ..AppState::default() };
        state.plot.kind = PlotKind::Scatter;
        state.pinned.push(ParkId::new("alpha"));
        state.filter.search = "beta".to_owned();
        let snapshot = ViewSnapshot::capture(&state);
        let mut other = AppState::default();
        snapshot.restore(&mut other);
        assert_eq!(ViewSnapshot::capture(&other), snapshot);
        assert_eq!(other.plot.kind, PlotKind::Scatter);
    }

    #[test]
    fn checking_a_deck_drops_ids_the_dataset_lacks_and_says_where() {
        let mut view =
            ViewSnapshot { pinned: vec![ParkId::new("alpha"), ParkId::new("omega")], ..ViewSnapshot::default() };
        view.plot.metric = MetricId::new("gdp");
        let mut deck = SlideDeck {
            slides: vec![
                Slide { title: "Fine".to_owned(), ..Slide::default() },
                Slide { title: "Old".to_owned(), view, ..Slide::default() },
            ],
        };
        let changes = deck.check(&small_dataset());
        let described: Vec<String> = changes.iter().map(|change| change.describe(Language::En)).collect();
        assert_eq!(described, ["slide 2 \"Old\" named omega, gdp"]);
        assert_eq!(changes[0].describe(Language::Zh), "幻灯片 2 \"Old\" 引用了 omega、gdp");
        assert_eq!(deck.slides[1].view.pinned, [ParkId::new("alpha")]);
        assert_eq!(deck.slides[1].view.plot.metric, MetricId::new("total_income"), "the dataset's own choice");
    }

    #[test]
    fn a_table_slide_keeps_its_columns_and_one_saved_before_there_was_a_choice_still_reads() {
        let dataset = small_dataset();
        let chosen = vec![MetricId::new("total_profit"), MetricId::new("exports")];
        let state = AppState { table_metrics: Some(chosen), ..AppState::default() };
        let mut deck = SlideDeck {
            slides: vec![Slide { title: "Profit".to_owned(), view: ViewSnapshot::capture(&state), ..Slide::default() }],
        };
        let changes = deck.check(&dataset);
        assert_eq!(
            changes.iter().map(|change| change.describe(Language::En)).collect::<Vec<_>>(),
            ["slide 1 \"Profit\" named exports"]
        );
        // The window moved on to other columns; showing the slide brings its own back.
        let mut window = AppState { table_metrics: None, ..AppState::default() };
        deck.slides[0].view.restore(&mut window);
        assert_eq!(window.table_metrics(&dataset), [MetricId::new("total_profit")]);
        let old = r#"(slides: [(title: "Before", view: (tab: Table, pinned: ["alpha"]))])"#;
        let old: SlideDeck = ron::from_str(old).expect("a deck saved before reads");
        assert_eq!(old.slides[0].view.table_metrics, None, "the dataset's own columns");
    }

    /// Each language shows its own title and takeaway, and the other's where it has none; a
    /// slide added in the Chinese window is titled in Chinese; a file of one title reads as
    /// before, and one without a Chinese title writes none.
    #[test]
    fn a_slide_has_a_title_and_takeaway_in_each_language_and_falls_back_to_the_other() {
        let mut show = SlideShow::default();
        show.add(Language::Zh, " 三个园区 ", ViewSnapshot::default());
        let slide = &mut show.deck.slides[0];
        assert_eq!((slide.title.as_str(), slide.title_zh.as_str()), ("", "三个园区"));
        assert_eq!(slide.own_title(Language::En), Some("三个园区"), "the only title, in both windows");
        "Three parks".clone_into(slide.title_mut(Language::En));
        assert_eq!(slide.own_title(Language::En), Some("Three parks"));
        assert_eq!(slide.own_title(Language::Zh), Some("三个园区"));
        "Alpha leads".clone_into(slide.takeaway_mut(Language::En));
        assert_eq!(slide.own_takeaway(Language::Zh), Some("Alpha leads"), "until one is typed in Chinese");
        "甲园领先".clone_into(slide.takeaway_mut(Language::Zh));
        assert_eq!(slide.own_takeaway(Language::Zh), Some("甲园领先"));
        assert_eq!(slide.name(Language::Zh, |_| "view".to_owned()), "三个园区");
        let old: SlideDeck = ron::from_str("(slides: [(title: \"Income\", view: ())])").expect("an older file");
        assert_eq!(old.slides[0].own_title(Language::Zh), Some("Income"));
        let written = ron::to_string(&old).expect("RON");
        assert!(!written.contains("title_zh") && !written.contains("takeaway_zh"), "{written}");
    }

    fn show_of(titles: &[&str]) -> SlideShow {
        let mut show = SlideShow::default();
        for title in titles {
            show.add(Language::En, title, ViewSnapshot::default());
        }
        show.current = None;
        show
    }

    fn titles(show: &SlideShow) -> Vec<&str> {
        show.deck.slides.iter().map(|s| s.title.as_str()).collect()
    }

    fn current_title(show: &SlideShow) -> Option<&str> {
        show.current_slide().map(|s| s.title.as_str())
    }

    #[test]
    fn slides_move_up_and_down_within_the_deck() {
        let mut show = show_of(&["a", "b", "c"]);
        show.move_slide(0, 1);
        show.move_slide(2, 1);
        show.move_slide(0, -1);
        assert_eq!(titles(&show), ["b", "a", "c"]);
    }

    #[test]
    fn the_current_slide_follows_a_move_of_itself_or_of_its_neighbour() {
        let mut show = show_of(&["a", "b", "c"]);
        show.show(1);
        show.move_slide(1, 1);
        assert_eq!((titles(&show), current_title(&show)), (vec!["a", "c", "b"], Some("b")), "moved itself");
        // Moving the neighbour down swaps it with the current slide: "b" is still shown.
        show.move_slide(1, 1);
        assert_eq!((titles(&show), current_title(&show)), (vec!["a", "b", "c"], Some("b")));
        show.move_slide(0, 1);
        assert_eq!((titles(&show), current_title(&show)), (vec!["b", "a", "c"], Some("b")));
        show.move_slide(2, -1);
        assert_eq!((titles(&show), current_title(&show)), (vec!["b", "c", "a"], Some("b")), "a slide elsewhere");
    }

    #[test]
    fn deleting_keeps_the_current_slide_or_leaves_none() {
        let mut show = show_of(&["a", "b", "c"]);
        show.show(2);
        show.delete(0);
        assert_eq!(current_title(&show), Some("c"), "a slide before it went");
        show.delete(1);
        assert_eq!((titles(&show), show.current), (vec!["b"], None), "the current slide went");
        show.delete(5);
        assert_eq!(titles(&show), ["b"], "no such slide: nothing happens");
    }

    #[test]
    fn a_deleted_slide_comes_back_at_its_place_with_everything_it_had() {
        let mut show = show_of(&["a", "b", "c"]);
        show.deck.slides[1].notes = "say this".to_owned();
        show.deck.slides[1].takeaway = "b leads".to_owned();
        show.deck.slides[1].view.tab = Tab::Map;
        let before = show.clone();
        show.show(2);
        let deleted = show.delete(1).expect("a slide");
        assert_eq!((titles(&show), current_title(&show)), (vec!["a", "c"], Some("c")));
        assert_eq!(show.restore(deleted), 1);
        assert_eq!(show.deck, before.deck, "title, notes, takeaway and view, at its place");
        assert_eq!(current_title(&show), Some("c"), "the slide shown stays shown");

        // The current slide deleted and restored is current again.
        show.show(1);
        let deleted = show.delete(1).expect("a slide");
        assert_eq!(show.current, None);
        show.restore(deleted);
        assert_eq!(current_title(&show), Some("b"));

        // The deck grew shorter since: the slide goes at the end.
        let deleted = show.delete(2).expect("a slide");
        show.delete(0);
        assert_eq!(show.restore(deleted), 1);
        assert_eq!(titles(&show), ["b", "c"]);
        assert!(show.delete(9).is_none(), "no such slide");
    }

    #[test]
    fn untitled_slides_are_named_by_their_view_and_new_slides_become_current() {
        let mut show = show_of(&["a"]);
        show.add(Language::En, "  ", ViewSnapshot::default());
        assert_eq!((titles(&show), show.current), (vec!["a", ""], Some(1)));
        let names = |show: &SlideShow| -> Vec<String> {
            show.deck
                .slides
                .iter()
                .map(|slide| slide.name(Language::En, |view| format!("{:?} view", view.tab)))
                .collect()
        };
        assert!(show.show(7).is_none());
        assert_eq!(show.current, Some(1), "showing a slide that is not there changes nothing");
        assert_eq!(names(&show), ["a", "Table view"]);
        show.move_slide(1, -1);
        assert_eq!(names(&show), ["Table view", "a"], "the name stays with the slide when it moves");
    }

    #[test]
    fn stepping_stops_at_either_end_and_starts_at_the_first_slide() {
        let mut show = show_of(&["a", "b"]);
        assert_eq!(show.stepped(1), Some(0), "nothing shown yet: the first slide");
        show.show(1);
        assert_eq!((show.stepped(1), show.stepped(-1), show.stepped(-5)), (Some(1), Some(0), Some(0)));
        assert_eq!(SlideShow::default().stepped(1), None);
    }
}
