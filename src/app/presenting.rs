//! Slides kept beside the dataset, and presentation mode: full screen, panels and controls
//! hidden, a light theme, and a layout that scales with the screen. The slide operations
//! themselves are pure ([`SlideShow`]); this module reads and writes the slides file and
//! changes the window.
//!
//! PNG exports use the same presentation layout at the chosen size, so an exported slide reads
//! as it would on the projector.

use super::{ParkApp, slides_file};
use crate::i18n::strings;
use crate::model::{Language, Text};
use crate::state::slides::{SlideShow, ViewSnapshot};
use crate::state::write_failure::WriteFailure;
use crate::theme;

/// The slides of the open dataset.
#[derive(Debug, Default)]
pub(super) struct Slides {
    /// The deck and the slide shown.
    pub show: SlideShow,
    /// Where they are kept; `None` when there is nowhere to keep them.
    pub path: Option<std::path::PathBuf>,
    /// Where they are kept when `path` cannot be written (see
    /// [`slides_file::fallback_views_path`]).
    pub fallback: Option<std::path::PathBuf>,
    /// The file existed but could not be read: back it up before writing over it.
    pub broken: bool,
    /// The title typed for the next slide.
    pub new_title: String,
    /// A slide just saved without a title, whose title field takes the keyboard next frame.
    pub name_slide: Option<usize>,
    /// A slide's title, takeaway or notes was typed into and not yet written: the file is
    /// written when the field is left, and before anything could lose the typing (closing
    /// the window, presenting, another dataset).
    pub unsaved_typing: bool,
}

/// Presentation mode.
#[derive(Debug, Default)]
pub(super) struct Presentation {
    /// Presenting now (full screen, slide by slide).
    pub active: bool,
    /// Whether the speaker notes' window is open (`notes`).
    pub show_notes: bool,
    /// Rows to scroll a slide's long table by on the next frame (↓/↑), down when positive.
    pub scroll_rows: isize,
    /// What the presentation layout replaced, to put back when it ends; `Some` while it is on
    /// (presenting or exporting).
    saved: Option<SavedLook>,
    /// The view at the desk when presenting began (tab, filters, pins, selection), put back
    /// when it ends: the slides' views replace it only while they are shown.
    pub desk_view: Option<ViewSnapshot>,
    /// The slide chosen in the desk's list when presenting began, chosen again when it ends:
    /// the takeaway and notes typed next go to it, not to the slide presented last.
    pub desk_slide: Option<usize>,
}

/// The window's look before the presentation layout.
#[derive(Debug)]
struct SavedLook {
    zoom: f32,
    text_styles: std::collections::BTreeMap<egui::TextStyle, egui::FontId>,
    /// The light theme's weak text colour (its own default when `None`).
    weak_text: Option<egui::Color32>,
}

/// The presentation layout is drawn on a canvas this many points tall, whatever the screen:
/// 1080 pixels make a zoom of 1.5, 720 pixels a zoom of 1, so the layout scales and nothing
/// moves between sizes.
const PRESENTATION_HEIGHT: f32 = 720.0;

/// Text sizes in points of the 720-point canvas. At 1920×1080 (×1.5) the smallest text is
/// 18.75 px and headings 39 px, above the floor of 18 px and 36 px for titles.
const PRESENTATION_TEXT: [(egui::TextStyle, f32); 5] = [
    (egui::TextStyle::Small, 12.5),
    (egui::TextStyle::Body, 15.0),
    (egui::TextStyle::Button, 15.0),
    (egui::TextStyle::Monospace, 13.0),
    (egui::TextStyle::Heading, 26.0),
];

/// How long after the mouse last moved the presenter is taken to be using it, in seconds: the
/// close button shows, and the slide answers the pointer with tooltips and outlines.
pub(super) const POINTER_IN_USE_SECS: f32 = 3.0;

impl ParkApp {
    /// What the pointer does this frame, before egui reads its input
    /// (`eframe::App::raw_input_hook`, where the real window calls it).
    ///
    /// While images are being exported, nothing: the pointer is taken off the window, so the
    /// row, bar or district under the mouse (under the menu item that asked for the export)
    /// is not drawn hovered in the image handed out. While presenting, nothing once it rests
    /// (`rest_pointer_while_presenting`).
    pub fn steer_pointer(&self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.capture.is_busy() {
            raw_input.events.retain(|event| !is_pointer_event(event));
            raw_input.events.push(egui::Event::PointerGone);
            return;
        }
        self.rest_pointer_while_presenting(ctx, raw_input);
    }

    /// While presenting, a mouse left at rest on the slide (the presenter holds a clicker) stops
    /// pointing: the pointer is taken off the window, so no tooltip covers the chart and no bar,
    /// row or district is outlined as hovered. Moving the mouse brings it back at once, so a
    /// presenter who points at something still gets its tooltip.
    ///
    /// Called with each frame's input before egui reads it (`eframe::App::raw_input_hook`).
    /// Taking the pointer away here, in one place, holds for every view and every widget, where
    /// a flag for the views would have to be obeyed at each place that reads hover, egui's own
    /// tooltips included.
    fn rest_pointer_while_presenting(&self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if !self.presentation.active {
            return;
        }
        let pointer_used = raw_input.events.iter().any(is_pointer_event);
        let (last_frame, moved_before_it, held) =
            ctx.input(|input| (input.time, input.pointer.time_since_last_movement(), input.pointer.any_down()));
        let now = raw_input.time.unwrap_or(last_frame + f64::from(raw_input.predicted_dt));
        let at_rest_secs = now - last_frame + f64::from(moved_before_it);
        if !pointer_used && !held && at_rest_secs >= f64::from(POINTER_IN_USE_SECS) {
            raw_input.events.push(egui::Event::PointerGone);
        }
    }

    /// Reads the slides kept beside the dataset and checks them against it.
    pub(super) fn load_slides(&mut self) {
        self.save_slides_typed_into();
        // A slide deleted from the previous deck is not offered into this one.
        self.earlier_offers.retain(|notice| !matches!(notice.offer, Some(super::Offer::Slide(_))));
        if matches!(&self.notice, Some(super::Notice { offer: Some(super::Offer::Slide(_)), .. })) {
            self.close_notice();
        }
        let fallback = slides_file::fallback_views_path(&self.origin);
        // Slides kept in the app's folder, as the dataset's could not be written, are the
        // newer: they were the file beside the dataset, and what was made since.
        let kept_elsewhere = fallback.as_ref().filter(|fallback| fallback.is_file());
        let path = kept_elsewhere.cloned().or_else(|| slides_file::views_path(&self.origin));
        self.slides = Slides { path: path.clone(), fallback: fallback.clone(), ..Slides::default() };
        let Some(path) = path else { return };
        if kept_elsewhere.is_some() {
            self.tell(|language| strings(language).slides_kept_in.replace("{path}", &path.display().to_string()));
        }
        match slides_file::load_deck(&path) {
            Ok(deck) => self.show_deck(deck),
            Err(errors) => {
                log::warn!("{errors}");
                // The file stays as it is, and is backed up before the deck is next saved.
                self.slides.broken = true;
                let (salvaged, found) = slides_file::salvage_deck(&path);
                let read = salvaged.slides.len();
                self.tell(move |language| {
                    let s = strings(language);
                    let what = if read == 0 {
                        s.slides_file_failed.to_owned()
                    } else {
                        s.slides_salvaged.replace("{read}", &read.to_string()).replace("{found}", &found.to_string())
                    };
                    format!("{what} ({})", errors.in_language(language))
                });
                self.show_deck(salvaged);
            }
        }
    }

    /// Shows `deck` as the slides, each checked against the dataset: a slide that lost parks
    /// or metrics the dataset lacks is told.
    fn show_deck(&mut self, mut deck: crate::state::slides::SlideDeck) {
        if let Some(dataset) = &self.dataset {
            let changed = deck.check(dataset);
            if !changed.is_empty() {
                self.tell(|language| {
                    let each: Vec<String> = changed.iter().map(|change| change.describe(language)).collect();
                    format!("{}: {}", strings(language).slides_changed, each.join("; "))
                });
            }
        }
        self.slides.show.deck = deck;
    }

    /// Writes the slides file if a slide's text was typed into since it was last written.
    pub(super) fn save_slides_typed_into(&mut self) {
        if self.slides.unsaved_typing {
            self.save_slides();
        }
    }

    /// Writes the slides file; a failure, or the slides written elsewhere, is told in the notice.
    pub(super) fn save_slides(&mut self) {
        let written = self.write_slides();
        if let Some(told) = self.told_of_slides_written(&written) {
            self.tell(|language| told.get(language).to_owned());
        }
    }

    /// What to tell of the slides file just written: why it was not, or where it went when
    /// not where it was asked to, or where the unreadable file it replaced was kept; `None`
    /// when it was simply written.
    fn told_of_slides_written(&self, written: &Result<slides_file::Saved, WriteFailure>) -> Option<Text> {
        let path = self.slides.path.clone().unwrap_or_default();
        let text = |told: &dyn Fn(Language) -> String| Some(Text { en: told(Language::En), zh: told(Language::Zh) });
        match written {
            Err(why) => {
                let failed = Err(why.clone());
                text(&|language| super::exports::saved_or_not(language, &path, &failed))
            }
            // `path` is the fallback by now: the place asked for is the dataset's.
            Ok(slides_file::Saved { elsewhere: Some((_, why)), .. }) => {
                let beside = slides_file::views_path(&self.origin).unwrap_or_default();
                text(&|language| {
                    strings(language)
                        .slides_moved_to
                        .replace("{beside}", &beside.display().to_string())
                        .replace("{why}", &crate::i18n::write_failure(language, why))
                        .replace("{path}", &path.display().to_string())
                })
            }
            Ok(slides_file::Saved { backup: Some(backup), .. }) => {
                text(&|language| strings(language).slides_backup_kept.replace("{path}", &backup.display().to_string()))
            }
            Ok(_) => None,
        }
    }

    /// Writes the slides file, if there is one (or its fallback, which is where they are kept
    /// from then on); returns what the write did, or why it could not be done.
    fn write_slides(&mut self) -> Result<slides_file::Saved, WriteFailure> {
        self.slides.unsaved_typing = false;
        let Some(path) = &self.slides.path else { return Ok(slides_file::Saved::default()) };
        let saved =
            slides_file::save_deck(path, self.slides.fallback.as_deref(), &self.slides.show.deck, self.slides.broken)?;
        if let Some((elsewhere, _)) = &saved.elsewhere {
            self.slides.path = Some(elsewhere.clone());
        }
        self.slides.broken = false;
        Ok(saved)
    }

    /// Saves what the window shows as a new slide, titled as the user typed.
    /// Saved without a title (Ctrl+M at once), its title field takes the keyboard, so what is
    /// typed next names it.
    pub(super) fn add_slide(&mut self) {
        let title = std::mem::take(&mut self.slides.new_title);
        self.slides.show.add(self.state.language, &title, ViewSnapshot::capture(&self.state));
        if title.trim().is_empty() {
            self.slides.name_slide = self.slides.show.current;
        }
        self.save_slides();
    }

    /// Deletes slide `i`, and tells so in a notice that offers it back: one click took the
    /// slide's title, takeaway and notes out of the file with it.
    pub(super) fn delete_slide(&mut self, i: usize) {
        let (Some(en), Some(zh)) = (self.slide_name_in(i, Language::En), self.slide_name_in(i, Language::Zh)) else {
            return;
        };
        let names = Text { en, zh };
        let Some(deleted) = self.slides.show.delete(i) else { return };
        // A failure to write the file is told with it, the slide still offered back.
        let written = self.write_slides();
        let told = self.told_of_slides_written(&written);
        let notice = super::Notice::new(|language| {
            let deleted = strings(language)
                .slide_deleted
                .replace("{n}", &(i + 1).to_string())
                .replace("{title}", names.get(language));
            match &told {
                None => deleted,
                Some(told) => format!("{deleted} · {}", told.get(language)),
            }
        });
        self.offer(notice, super::Offer::Slide(Box::new(deleted)));
    }

    /// Puts back what the notice tells was taken away: a deleted slide where it was (and writes
    /// the file), the pins, or the filters; nothing when no notice offers anything (it was
    /// dismissed, or another offer took its place). A plain notice over an offer (a reload's)
    /// stays: what it covers is given back beneath it.
    pub(super) fn restore_offered(&mut self) {
        let shown = self.notice.take_if(|notice| notice.offer.is_some());
        let from_shown = shown.is_some();
        let Some(offer) = shown.or_else(|| self.take_covered_offer()).and_then(|notice| notice.offer) else {
            return;
        };
        match offer {
            super::Offer::Slide(deleted) => {
                self.slides.show.restore(*deleted);
                self.save_slides();
            }
            // What the user did since (an outdated offer) is not undone.
            offer if offer.outdated(&self.state) => {}
            super::Offer::Pins { before, .. } => {
                self.state.apply(&crate::state::Action::PinParks(before), &[]);
            }
            super::Offer::Filters { before, .. } => self.state.filter = *before,
        }
        // The offer it covered, if any, shows again.
        if from_shown {
            self.close_notice();
        }
    }

    /// Shows slide `i`: its saved view replaces the current one.
    pub(super) fn show_slide(&mut self, i: usize) {
        if let Some(view) = self.slides.show.show(i) {
            view.restore(&mut self.state);
        }
    }

    /// Enters or leaves presentation mode. Leaving it puts back the view the desk had. Not
    /// while images are being made: a meeting pack shows each slide in turn and puts back the
    /// view it began from, which a presentation begun or ended halfway would mix up.
    pub(super) fn toggle_presentation(&mut self, ctx: &egui::Context) {
        if self.capture.has_shots_left() {
            return;
        }
        self.save_slides_typed_into();
        self.presentation.active = !self.presentation.active;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.presentation.active));
        if self.presentation.active {
            self.presentation.desk_view = Some(ViewSnapshot::capture(&self.state));
            self.presentation.desk_slide = self.slides.show.current;
            // Like a slide show, presenting starts from the first slide.
            self.show_slide(0);
        } else if let Some(desk_view) = self.presentation.desk_view.take() {
            desk_view.restore(&mut self.state);
            let desk_slide = self.presentation.desk_slide.take();
            self.choose_desk_slide(desk_slide);
        }
    }

    /// Whether what is drawn is the current slide, not only a view: while presenting and while
    /// the meeting pack draws each slide. A view changed after its slide was saved or shown is
    /// no longer that slide, and a PNG of it must not carry the slide's title or takeaway.
    pub(super) fn showing_a_slide(&self) -> bool {
        self.presentation.active || self.pack.is_some()
    }

    /// The desk's view while slides replace it (presenting, or a meeting pack being written):
    /// what the next session opens on, and what pins and selections belong to; `None` at the
    /// desk.
    pub(super) fn desk_view_aside(&self) -> Option<&ViewSnapshot> {
        self.presentation.desk_view.as_ref().or(self.pack.as_ref().map(super::exports::MeetingPack::desk_view))
    }

    /// Chooses `slide` in the desk's list again, if the deck still has it.
    pub(super) fn choose_desk_slide(&mut self, slide: Option<usize>) {
        self.slides.show.current = slide.filter(|&i| i < self.slides.show.deck.slides.len());
    }

    /// The current slide's own title while a slide is what is drawn: the heading of a presented
    /// view, in place of the view's own.
    pub(super) fn slide_title(&self) -> Option<&str> {
        let language = self.state.language;
        self.slides.show.current_slide().and_then(|slide| slide.own_title(language)).filter(|_| self.showing_a_slide())
    }

    /// Whether this frame is drawn in the presentation layout: while presenting, and while a
    /// PNG export is under way.
    pub(super) fn presentation_layout(&self) -> bool {
        self.presentation.active || self.capture.is_busy()
    }

    /// Switches the presentation look (light theme, larger text, a zoom that fits the 720-point
    /// canvas to the window) on or off as [`Self::presentation_layout`] says; called at the start
    /// of every frame.
    pub(super) fn update_presentation_look(&mut self, ctx: &egui::Context) {
        let wanted = self.presentation_layout();
        match (wanted, &self.presentation.saved) {
            (true, None) => {
                self.presentation.saved = Some(SavedLook {
                    zoom: ctx.zoom_factor(),
                    text_styles: ctx.global_style().text_styles.clone(),
                    weak_text: ctx.style_of(egui::Theme::Light).visuals.weak_text_color,
                });
                ctx.set_theme(egui::ThemePreference::Light);
                ctx.style_mut_of(egui::Theme::Light, |style| {
                    style.visuals.weak_text_color = Some(theme::presentation_weak_text());
                });
                ctx.all_styles_mut(|style| {
                    for (text_style, size) in PRESENTATION_TEXT {
                        if let Some(font) = style.text_styles.get_mut(&text_style) {
                            font.size = size;
                        }
                    }
                });
            }
            (false, Some(_)) => {
                if let Some(saved) = self.presentation.saved.take() {
                    ctx.set_zoom_factor(saved.zoom);
                    ctx.all_styles_mut(|style| style.text_styles.clone_from(&saved.text_styles));
                    ctx.style_mut_of(egui::Theme::Light, |style| style.visuals.weak_text_color = saved.weak_text);
                    theme::apply(ctx, self.state.theme);
                }
                return;
            }
            _ => {}
        }
        if wanted {
            let height = ctx.content_rect().height();
            let zoom = ctx.zoom_factor();
            let fitted = (zoom * height / PRESENTATION_HEIGHT).clamp(0.5, 4.0);
            // Only a real change: resetting the zoom every frame would never let it settle.
            if height > 0.0 && (fitted - zoom).abs() > 0.01 * zoom {
                ctx.set_zoom_factor(fitted);
            }
        }
    }
}

/// Whether `event` is the pointer moving, pressing or touching.
fn is_pointer_event(event: &egui::Event) -> bool {
    matches!(event, egui::Event::PointerMoved(_) | egui::Event::PointerButton { .. } | egui::Event::Touch { .. })
}
