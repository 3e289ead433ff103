//! The views file ("slides") beside a dataset: where it lives, reading it, and writing it
//! atomically so a failed write never leaves a half-written file.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{LoadErrors, Problem, io_message, parse_ron};
use crate::state::slides::SlideDeck;
use crate::state::write_failure::WriteFailure;

use crate::model::DataOrigin;

/// Where the slides of a dataset are kept: `NAME.views.ron` beside a dataset file, or
/// `zgc.views.ron` in the app's data folder for the built-in dataset.
pub fn views_path(origin: &DataOrigin) -> Option<PathBuf> {
    match origin {
        DataOrigin::File(path) => {
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            Some(path.with_file_name(format!("{stem}.views.ron")))
        }
        DataOrigin::Embedded => eframe::storage_dir(super::APP_ID).map(|dir| dir.join("zgc.views.ron")),
        DataOrigin::Memory { .. } => None,
    }
}

/// Reads a views file. A missing file is an empty deck; a broken one is every problem with its
/// line and column, and the file is left as it is.
pub fn load_deck(path: &Path) -> Result<SlideDeck, LoadErrors> {
    let file = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(SlideDeck::default()),
        Err(err) => {
            return Err(LoadErrors { file, problems: vec![Problem::Unreadable { message: io_message(&err) }] });
        }
    };
    // A deck saved before the table's columns came from the dataset reads after migration; any
    // other problem is reported at its place in the file as written.
    parse_ron(&text, &file).or_else(|errors| parse_ron(&crate::state::migrate_saved(&text), &file).map_err(|_| errors))
}

/// The slides of a views file that does not read as a whole, each slide read on its own: one
/// slide broken by hand (a misspelt view, a bracket or comma lost) costs that slide, not the
/// deck. With how many slides the file lists; no slides when the file cannot be read or lists
/// none.
pub fn salvage_deck(path: &Path) -> (SlideDeck, usize) {
    let Ok(text) = std::fs::read_to_string(path) else { return (SlideDeck::default(), 0) };
    let items = slide_texts(&text);
    let slides = items.iter().filter_map(|item| read_slide(item)).collect();
    (SlideDeck { slides }, items.len())
}

/// A slide's text read as a slide: to the bracket closing its first, as written or as saved
/// before the table's columns came from the dataset (`migrate_saved`, which would also rewrite
/// a note quoting an old column); a slide that lost a closing bracket, to its end with the
/// brackets it lacks added, or the list's taken off.
fn read_slide(item: &str) -> Option<crate::state::slides::Slide> {
    let trimmed = |text: &str| text.trim_end().trim_end_matches(',').trim_end().to_owned();
    let item = trimmed(item);
    let without_closers = |n: usize| {
        let mut text = item.clone();
        for _ in 0..n {
            text = trimmed(text.strip_suffix([')', ']']).unwrap_or(&text));
        }
        text
    };
    let mut candidates: Vec<String> = balanced(&item).map(str::to_owned).into_iter().collect();
    candidates.extend([format!("{item})"), format!("{item}))"), without_closers(1), without_closers(2)]);
    let read = |text: &str| parse_ron(text, "").ok();
    (candidates.iter())
        .find_map(|candidate| read(candidate))
        .or_else(|| candidates.iter().find_map(|candidate| read(&crate::state::migrate_saved(candidate))))
}

/// `text` to the bracket closing its first one; `None` when it is not closed.
fn balanced(text: &str) -> Option<&str> {
    let mut depth = 0_usize;
    for (at, c) in code_chars(text) {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(&text[..=at]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The characters of RON `text` that are code, with their byte offsets: not inside quoted
/// text (escaped quotes included) or comments.
fn code_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (at, c) = chars.next()?;
            match c {
                '"' => {
                    // To the closing quote, past escaped ones.
                    while let Some((_, c)) = chars.next() {
                        match c {
                            '\\' => {
                                chars.next();
                            }
                            '"' => break,
                            _ => {}
                        }
                    }
                }
                '/' if chars.peek().is_some_and(|(_, next)| *next == '/') => {
                    chars.find(|(_, c)| *c == '\n');
                }
                '/' if chars.peek().is_some_and(|(_, next)| *next == '*') => {
                    chars.next();
                    let mut previous = ' ';
                    for (_, c) in chars.by_ref() {
                        if previous == '*' && c == '/' {
                            break;
                        }
                        previous = c;
                    }
                }
                _ => return Some((at, c)),
            }
        }
    })
}

/// The text of each slide in `text`, from one `(title:` to the next (the app writes a slide's
/// title first), outside quoted text and comments: a slide's lost bracket or comma does not
/// merge it with the next. What follows the last slide (the list's and the deck's closing
/// brackets) stays with it, for [`read_slide`] to read without.
fn slide_texts(text: &str) -> Vec<&str> {
    let starts: Vec<usize> = code_chars(text)
        .filter(|&(at, c)| {
            let field = text[at + c.len_utf8()..].trim_start().strip_prefix("title").map(str::trim_start);
            c == '(' && field.is_some_and(|rest| rest.starts_with(':'))
        })
        .map(|(at, _)| at)
        .collect();
    let ends = starts.iter().skip(1).copied().chain(std::iter::once(text.len()));
    starts.iter().zip(ends).map(|(&start, end)| &text[start..end]).collect()
}

/// Where the slides of a dataset file are kept when its own folder cannot be written (a
/// read-only share, a CD): in the app's data folder, by the dataset's name and a [`key_hash`]
/// of its [key](DataOrigin::key) (its full path), so that two datasets of one name in
/// different folders keep theirs apart, and one opened by another path finds its own.
pub fn fallback_views_path(origin: &DataOrigin) -> Option<PathBuf> {
    let DataOrigin::File(path) = origin else { return None };
    eframe::storage_dir(super::APP_ID).map(|dir| fallback_in(&dir, path, &origin.key()))
}

/// [`fallback_views_path`] in the data folder `dir`, of the dataset at `dataset` keyed `key`.
fn fallback_in(dir: &Path, dataset: &Path, key: &str) -> PathBuf {
    let stem = dataset.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
    dir.join("slides").join(format!("{stem}-{:016x}.views.ron", key_hash(key)))
}

/// A hash of `key` that stays the same from one run (and build) of the app to the next, as the
/// standard library's hashers do not promise: FNV-1a over its bytes.
fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// What saving a deck did besides writing it where it was asked to.
#[derive(Debug, Default, PartialEq)]
pub struct Saved {
    /// Where the deck was written instead, and why it could not be written where asked.
    pub elsewhere: Option<(PathBuf, WriteFailure)>,
    /// Where the views file that could not be read was kept before it was written over.
    pub backup: Option<PathBuf>,
}

/// Writes the deck to `path`, or, if that cannot be written, to `fallback` (see
/// [`fallback_views_path`]): slides made beside a dataset in a read-only folder are kept, not
/// lost when the window closes. A views file that could not be read is first kept as
/// `NAME.bak` (or `NAME.2.bak`, … when there is one already), so saving a new slide never
/// destroys slides the user could still repair.
pub fn save_deck(
    path: &Path,
    fallback: Option<&Path>,
    deck: &SlideDeck,
    existing_was_broken: bool,
) -> Result<Saved, WriteFailure> {
    let text = ron::ser::to_string_pretty(deck, ron::ser::PrettyConfig::default()).map_err(WriteFailure::other)?;
    let beside = (|| {
        let backup = if existing_was_broken && path.exists() {
            let backup = free_backup_path(path);
            std::fs::copy(path, &backup)?;
            Some(backup)
        } else {
            None
        };
        write_atomically(path, text.as_bytes())?;
        Ok::<_, std::io::Error>(backup)
    })();
    match (beside, fallback) {
        (Ok(backup), _) => Ok(Saved { elsewhere: None, backup }),
        (Err(err), Some(fallback)) if fallback != path => {
            let why = WriteFailure::from(err);
            // Told as the first failure: the place the user chose is the one to mend.
            write_atomically(fallback, text.as_bytes()).map_err(|_| why.clone())?;
            Ok(Saved { elsewhere: Some((fallback.to_owned(), why)), backup: None })
        }
        (Err(err), _) => Err(err.into()),
    }
}

/// The first of `NAME.bak`, `NAME.2.bak`, … `NAME.999.bak` that is not there: a second broken
/// file does not write over the first one's backup. With all of them there, the last is
/// written over.
fn free_backup_path(path: &Path) -> PathBuf {
    let mut candidates = std::iter::once(path.with_extension("ron.bak"))
        .chain((2..=MAX_BACKUPS).map(|n| path.with_extension(format!("ron.{n}.bak"))));
    let last = path.with_extension(format!("ron.{MAX_BACKUPS}.bak"));
    candidates.find(|candidate| !candidate.exists()).unwrap_or(last)
}

/// How many backups of unreadable slides files are kept beside a dataset.
const MAX_BACKUPS: u32 = 999;

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed over the
/// target only once complete: readers see the old file or the new one, never a mix, and a
/// failure leaves the old file untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = folder.join(format!(".{name}.tmp"));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::slides::{Slide, ViewSnapshot};

    fn deck() -> SlideDeck {
        SlideDeck {
            slides: vec![Slide {
                title: "Income".to_owned(),
                notes: "Say it".to_owned(),
                takeaway: "Income doubled".to_owned(),
                view: ViewSnapshot::default(),
                ..Slide::default()
            }],
        }
    }

    #[test]
    fn a_views_file_round_trips() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("parks.views.ron");
        save_deck(&path, None, &deck(), false).expect("saved");
        assert_eq!(load_deck(&path).expect("loads"), deck());
        assert_eq!(load_deck(&dir.path().join("none.views.ron")).expect("missing is empty"), SlideDeck::default());
    }

    #[test]
    fn a_broken_views_file_names_its_place_and_is_backed_up_before_saving_without_losing_an_older_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("parks.views.ron");
        std::fs::write(&path, "(slides: [(title: \"x\", view: (tab: Nowhere))])").expect("write");
        let errors = load_deck(&path).expect_err("broken");
        assert!(errors.to_string().starts_with(&format!("{}:1:", path.display())), "{errors}");
        let saved = save_deck(&path, None, &deck(), true).expect("saved");
        let first_backup = path.with_extension("ron.bak");
        assert_eq!(saved.backup.as_ref(), Some(&first_backup), "the backup is named");
        let backup = std::fs::read_to_string(&first_backup).expect("backup kept");
        assert!(backup.contains("Nowhere"), "the broken slides survive in the backup");
        // Broken again, and saved again: the first backup stays as it was.
        std::fs::write(&path, "(slides: [(title: \"y\", view: (tab: Elsewhere))])").expect("write");
        let saved = save_deck(&path, None, &deck(), true).expect("saved");
        assert_eq!(saved.backup, Some(path.with_extension("ron.2.bak")));
        assert!(std::fs::read_to_string(&first_backup).expect("kept").contains("Nowhere"), "the first backup");
        let second = std::fs::read_to_string(path.with_extension("ron.2.bak")).expect("second backup");
        assert!(second.contains("Elsewhere"), "the second broken file");
    }

    /// A views file broken in one slide gives up that slide only, however it broke: a misspelt
    /// view, a slide's closing bracket or the comma after it lost, a bracket too many, the file
    /// cut short. Brackets and quotes in titles and comments do not count.
    #[test]
    fn the_readable_slides_of_a_broken_file_are_salvaged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("parks.views.ron");
        let salvaged = |text: &str| {
            std::fs::write(&path, text).expect("write");
            assert!(load_deck(&path).is_err(), "the file as a whole does not read: {text}");
            let (deck, found) = salvage_deck(&path);
            let titles: Vec<String> = deck.slides.iter().map(|slide| slide.title.clone()).collect();
            (titles, found)
        };
        let slide = |title: &str, tab: &str| format!("    (title: \"{title}\", view: (tab: {tab})),\n");
        let deck =
            |slides: &[String]| format!("// slides, (with brackets] in a comment\n(slides: [\n{}])", slides.concat());
        let (first, third) =
            (slide("First, [with] (title: brackets)", "Compare"), slide("Third \\\"quoted\\\"", "Map"));
        let broken = [
            slide("Broken", "Nowhere"),
            "    (title: \"No bracket\", view: (tab: Map),\n".to_owned(),
            "    (title: \"No comma\", view: (tab: Map))\n".to_owned(),
            "    (title: \"Too many\", view: (tab: Map))),\n".to_owned(),
            "    /* a slide left out ) */ (title: \"Commented\", view: (tab: Nowhere)),\n".to_owned(),
        ];
        for middle in &broken {
            let (titles, found) = salvaged(&deck(&[first.clone(), middle.clone(), third.clone()]));
            assert_eq!(found, 3, "{middle}");
            assert_eq!(titles.first().map(String::as_str), Some("First, [with] (title: brackets)"), "{middle}");
            assert_eq!(titles.last().map(String::as_str), Some("Third \"quoted\""), "{middle}");
        }
        // A slide that lost its bracket or comma is read all the same.
        assert_eq!(salvaged(&deck(&[first.clone(), broken[2].clone(), third.clone()])).0.len(), 3);
        // Cut short in the middle of the second slide: the first is kept.
        let whole = deck(&[first.clone(), broken[0].clone(), third]);
        assert_eq!(salvaged(&whole[..whole.find("Broken").expect("there")]), (vec![first_title()], 2));
        // A note quoting an old column name is kept as written.
        let quoting =
            "(slides: [(title: \"Q\", notes: \"column: Area\", view: (tab: Map)), (title: \"B\", view: (tab: X))])";
        std::fs::write(&path, quoting).expect("write");
        assert_eq!(salvage_deck(&path).0.slides[0].notes, "column: Area");
        // Not a views file at all: nothing, and no panic.
        assert_eq!(salvaged("not ron at all ] ) , (title"), (Vec::new(), 0));
    }

    fn first_title() -> String {
        "First, [with] (title: brackets)".to_owned()
    }

    /// Where the views file cannot be written, the deck goes to the app's own folder, with why.
    #[test]
    fn a_deck_that_cannot_be_written_beside_its_dataset_is_kept_in_the_fallback() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("parks.views.ron");
        // A folder where the temporary file must go makes the write fail, as a read-only
        // folder does (which root, running the tests, could write anyway).
        std::fs::create_dir(dir.path().join(".parks.views.ron.tmp")).expect("blocker");
        let data = tempfile::tempdir().expect("data dir");
        let dataset = dir.path().join("parks.ron");
        let fallback = fallback_in(data.path(), &dataset, &dataset.display().to_string());
        let saved = save_deck(&path, Some(&fallback), &deck(), false).expect("kept elsewhere");
        let (written, why) = saved.elsewhere.expect("written elsewhere");
        assert_eq!(written, fallback);
        assert_eq!(why.kind, crate::state::write_failure::FailureKind::FolderInTheWay, "{why:?}");
        assert_eq!(load_deck(&fallback).expect("loads"), deck());
        assert!(!path.exists(), "nothing beside the dataset");
        // Without a fallback, the failure is told.
        assert!(save_deck(&path, None, &deck(), false).is_err());
    }

    /// Two datasets of one name in different folders keep their slides apart, under the
    /// same name from one run to the next.
    #[test]
    fn fallback_views_files_are_named_by_the_datasets_path() {
        let data = Path::new("/home/user/.local/share/zgc");
        let of = |path: &str| fallback_in(data, Path::new(path), path);
        let (a, b) = (of("/mnt/share/parks.ron"), of("/mnt/other/parks.ron"));
        assert_ne!(a, b);
        assert_eq!(a, of("/mnt/share/parks.ron"));
        assert!(a.starts_with(data.join("slides")), "{}", a.display());
        let name = a.file_name().expect("a name").to_string_lossy().into_owned();
        assert!(name.starts_with("parks-") && name.ends_with(".views.ron"), "{name}");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("parks.views.ron");
        save_deck(&path, None, &deck(), false).expect("saved");
        let before = std::fs::read(&path).expect("read");
        // A folder where the temporary file must go makes the write fail.
        std::fs::create_dir(dir.path().join(".parks.views.ron.tmp")).expect("blocker");
        let mut bigger = deck();
        bigger.slides.push(bigger.slides[0].clone());
        assert!(save_deck(&path, None, &bigger, false).is_err());
        assert_eq!(std::fs::read(&path).expect("read"), before, "the old file is untouched");
    }

    #[test]
    fn views_files_sit_beside_their_dataset() {
        let origin = DataOrigin::File(PathBuf::from("/data/parks.ron"));
        assert_eq!(views_path(&origin), Some(PathBuf::from("/data/parks.views.ron")));
    }
}
