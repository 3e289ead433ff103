//! The views file ("slides") beside a dataset: where it lives, reading it, and writing it
//! atomically so a failed write never leaves a half-written file.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{LoadErrors, Problem, io_message, parse_ron};
use crate::state::slides::SlideDeck;

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

/// Writes the deck. A views file that could not be read is kept as `NAME.bak` first, so
/// saving a new slide never destroys slides the user could still repair.
pub fn save_deck(path: &Path, deck: &SlideDeck, existing_was_broken: bool) -> std::io::Result<()> {
    if existing_was_broken && path.exists() {
        let backup = path.with_extension("ron.bak");
        std::fs::copy(path, backup)?;
    }
    let text = ron::ser::to_string_pretty(deck, ron::ser::PrettyConfig::default())
        .map_err(|err| std::io::Error::other(err.to_string()))?;
    write_atomically(path, text.as_bytes())
}

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
            }],
        }
    }

    #[test]
    fn a_views_file_round_trips() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("parks.views.ron");
        save_deck(&path, &deck(), false).expect("saved");
        assert_eq!(load_deck(&path).expect("loads"), deck());
        assert_eq!(load_deck(&dir.path().join("none.views.ron")).expect("missing is empty"), SlideDeck::default());
    }

    #[test]
    fn a_broken_views_file_names_its_place_and_is_backed_up_before_saving() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("parks.views.ron");
        std::fs::write(&path, "(slides: [(title: \"x\", view: (tab: Nowhere))])").expect("write");
        let errors = load_deck(&path).expect_err("broken");
        assert!(errors.to_string().starts_with(&format!("{}:1:", path.display())), "{errors}");
        save_deck(&path, &deck(), true).expect("saved");
        let backup = std::fs::read_to_string(path.with_extension("ron.bak")).expect("backup kept");
        assert!(backup.contains("Nowhere"), "the broken slides survive in the backup");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("parks.views.ron");
        save_deck(&path, &deck(), false).expect("saved");
        let before = std::fs::read(&path).expect("read");
        // A folder where the temporary file must go makes the write fail.
        std::fs::create_dir(dir.path().join(".parks.views.ron.tmp")).expect("blocker");
        let mut bigger = deck();
        bigger.slides.push(bigger.slides[0].clone());
        assert!(save_deck(&path, &bigger, false).is_err());
        assert_eq!(std::fs::read(&path).expect("read"), before, "the old file is untouched");
    }

    #[test]
    fn views_files_sit_beside_their_dataset() {
        let origin = DataOrigin::File(PathBuf::from("/data/parks.ron"));
        assert_eq!(views_path(&origin), Some(PathBuf::from("/data/parks.views.ron")));
    }
}
