//! Where a dataset and its district outlines come from: built into the program, or files.

use std::path::PathBuf;

use super::geo::{CityMap, load_city_map};
use super::{Dataset, LoadErrors, load_dataset, load_dataset_file};

/// The dataset built into the program.
pub const EMBEDDED_DATASET: &str = include_str!("../../data/zgc.ron");

/// Name under which the built-in dataset's problems are reported.
const EMBEDDED_NAME: &str = "embedded data/zgc.ron";

/// The district outlines built into the program, named by the built-in dataset's `meta.map`.
pub const EMBEDDED_MAP: &str = include_str!("../../data/beijing-districts.ron");

/// Where the dataset comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataOrigin {
    /// The dataset built into the program.
    Embedded,
    /// A file named on the command line.
    File(PathBuf),
    /// Text already in memory (benchmarks, generated data), named `label` in messages; its map,
    /// if it names one, is the built-in one.
    Memory {
        /// How messages name it.
        label: String,
        /// The RON text.
        text: std::sync::Arc<str>,
    },
}

/// A dataset and its outlines as loaded together, on whichever thread.
#[derive(Debug)]
pub struct Loaded {
    /// The dataset, or every problem with it.
    pub dataset: Result<Dataset, LoadErrors>,
    /// Its district outlines, when it names a map file.
    pub map: Option<Result<CityMap, LoadErrors>>,
}

impl DataOrigin {
    /// Loads the dataset and, if it loaded, the outlines it names.
    pub fn load_all(&self) -> Loaded {
        let dataset = self.load();
        let map = dataset.as_ref().ok().and_then(|d| self.load_map(d));
        Loaded { dataset, map }
    }

    /// Reads and validates the dataset.
    pub fn load(&self) -> Result<Dataset, LoadErrors> {
        match self {
            Self::Embedded => load_dataset(EMBEDDED_DATASET, EMBEDDED_NAME),
            Self::File(path) => load_dataset_file(path),
            Self::Memory { label, text } => load_dataset(text, label),
        }
    }

    /// Loads the district outlines the dataset names in `meta.map` (relative to the dataset's
    /// file) and checks them against its districts; `None` when it names none.
    pub fn load_map(&self, dataset: &Dataset) -> Option<Result<CityMap, LoadErrors>> {
        let name = dataset.meta.map.as_ref()?;
        let (loaded, file) = match self {
            Self::Embedded | Self::Memory { .. } => {
                (load_city_map(EMBEDDED_MAP, "embedded data/beijing-districts.ron"), name.clone())
            }
            Self::File(path) => {
                let map_path = path.parent().unwrap_or(std::path::Path::new(".")).join(name);
                let file = map_path.display().to_string();
                let loaded = match std::fs::read_to_string(&map_path) {
                    Ok(text) => load_city_map(&text, &file),
                    Err(err) => Err(LoadErrors {
                        file: file.clone(),
                        problems: vec![super::Problem::Unreadable { message: err.to_string() }],
                    }),
                };
                (loaded, file)
            }
        };
        Some(loaded.and_then(|map| {
            let problems = map.check_against(dataset);
            if problems.is_empty() { Ok(map) } else { Err(LoadErrors { file, problems }) }
        }))
    }

    /// The file's path for display; `None` for the built-in dataset.
    pub fn file_label(&self) -> Option<String> {
        match self {
            Self::Embedded => None,
            Self::File(path) => Some(path.display().to_string()),
            Self::Memory { label, .. } => Some(label.clone()),
        }
    }
}
