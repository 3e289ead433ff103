//! Where a dataset and its district outlines come from: built into the program, or files.

use std::path::{Path, PathBuf};

use super::geo::{CityMap, load_city_map_of};
use super::tables::{FigureTable, MergeReport, read_table};
use super::{Dataset, LoadErrors, Problem, Text, load_dataset, load_dataset_file, message, read_data_file};

/// The dataset built into the program.
pub const EMBEDDED_DATASET: &str = include_str!("../../data/zgc.ron");

/// Name under which the built-in dataset's problems are reported.
const EMBEDDED_NAME: &str = "embedded data/zgc.ron";

/// The district outlines built into the program, named by the built-in dataset's `meta.map`.
pub const EMBEDDED_MAP: &str = include_str!("../../data/beijing-districts.ron");

/// Name under which the built-in map's problems are reported.
const EMBEDDED_MAP_NAME: &str = "embedded data/beijing-districts.ron";

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
    /// What the figure tables' rows did, when the dataset loaded.
    pub tables: MergeReport,
    /// What loaded but may show other than its author meant ([`DataOrigin::warnings`]).
    pub warnings: Vec<Text>,
}

impl DataOrigin {
    /// Loads the dataset (with the figure tables it names and `extra_tables`, added by the
    /// user) and, if it loaded, the outlines it names.
    pub fn load_all(&self, extra_tables: &[PathBuf]) -> Loaded {
        self.load_all_leaving_out(extra_tables, &[])
    }

    /// [`Self::load_all`] without the figure tables `left_out`, whether the dataset names them
    /// or the user added them: a broken table then keeps only its own figures out, not the
    /// whole dataset.
    pub fn load_all_leaving_out(&self, extra_tables: &[PathBuf], left_out: &[PathBuf]) -> Loaded {
        match self.load_tables_leaving_out(extra_tables, left_out) {
            Ok((dataset, tables)) => {
                let map = self.load_map(&dataset);
                let warnings = self.warnings(&dataset, map.as_ref().and_then(|map| map.as_ref().ok()));
                Loaded { dataset: Ok(dataset), map, tables, warnings }
            }
            Err(errors) => {
                Loaded { dataset: Err(errors), map: None, tables: MergeReport::default(), warnings: Vec::new() }
            }
        }
    }

    /// Reads and validates the dataset, with the figure tables it names.
    pub fn load(&self) -> Result<Dataset, LoadErrors> {
        self.load_with_tables(&[]).map(|(dataset, _)| dataset)
    }

    /// Reads and validates the dataset and adds the figures of the tables it names in
    /// `meta.figure_tables` (relative to its file), then of `extra_tables`, saying what each
    /// table's rows did.
    pub fn load_with_tables(&self, extra_tables: &[PathBuf]) -> Result<(Dataset, MergeReport), LoadErrors> {
        self.load_tables_leaving_out(extra_tables, &[])
    }

    fn load_tables_leaving_out(
        &self,
        extra_tables: &[PathBuf],
        left_out: &[PathBuf],
    ) -> Result<(Dataset, MergeReport), LoadErrors> {
        let dataset = match self {
            Self::Embedded => load_dataset(EMBEDDED_DATASET, EMBEDDED_NAME),
            Self::File(path) => load_dataset_file(path),
            Self::Memory { label, text } => load_dataset(text, label),
        }?;
        let tables: Vec<FigureTable> = (self.table_files(&dataset).iter().chain(extra_tables))
            .filter(|path| !left_out.contains(path))
            .map(|path| read_table(path))
            .collect();
        dataset.with_tables(&tables)
    }

    /// The figure tables `dataset` names in `meta.figure_tables`, beside its file.
    pub fn table_files(&self, dataset: &Dataset) -> Vec<PathBuf> {
        dataset.meta.figure_tables.iter().map(|name| self.beside_dataset(name)).collect()
    }

    /// The file `name` beside the dataset's file (for built-in or in-memory data, relative to
    /// the working folder).
    pub fn beside_dataset(&self, name: &str) -> PathBuf {
        match self {
            Self::File(path) => map_path(path, name),
            Self::Embedded | Self::Memory { .. } => PathBuf::from(name),
        }
    }

    /// What loads but may show other than its author meant, each starting with its file and
    /// the item's path, in both languages: a figure saying which side of a change of ground it
    /// covers in a year without one, and an outline of `map` lying far from the others. The
    /// window shows them when the data loads, and `check` prints them among its warnings.
    pub fn warnings(&self, dataset: &Dataset, map: Option<&CityMap>) -> Vec<Text> {
        let in_file = |file: &str, (path, warning): (String, Text)| {
            message(format!("{file}:{path}: {}", warning.en), format!("{file}:{path}：{}", warning.zh))
        };
        let file = self.file_label().unwrap_or_else(|| EMBEDDED_NAME.to_owned());
        let mut warnings: Vec<Text> = dataset.ground_warnings().into_iter().map(|w| in_file(&file, w)).collect();
        if let Some(map) = map {
            let map_file = self.map_label(dataset).unwrap_or_default();
            warnings.extend(map.far_outline_warnings().into_iter().map(|w| in_file(&map_file, w)));
        }
        warnings
    }

    /// How messages name the map file the dataset names in `meta.map`: its path relative to
    /// the dataset's file, or the built-in map's label; `None` when it names none.
    pub fn map_label(&self, dataset: &Dataset) -> Option<String> {
        let name = dataset.meta.map.as_ref()?;
        Some(match self {
            Self::Embedded | Self::Memory { .. } => EMBEDDED_MAP_NAME.to_owned(),
            Self::File(path) => map_path(path, name).display().to_string(),
        })
    }

    /// The map file on disk the dataset names in `meta.map`, to watch for changes as the
    /// dataset's own file is; `None` for built-in and in-memory data, or when it names none.
    pub fn map_file(&self, dataset: &Dataset) -> Option<PathBuf> {
        let name = dataset.meta.map.as_ref()?;
        match self {
            Self::File(path) => Some(map_path(path, name)),
            Self::Embedded | Self::Memory { .. } => None,
        }
    }

    /// Loads the district outlines the dataset names in `meta.map` (relative to the dataset's
    /// file) and checks them against its districts; `None` when it names none.
    ///
    /// A map file that cannot be read is reported at the dataset's `meta.map`, where the name
    /// is to be fixed; problems inside the map file are reported in the map file.
    pub fn load_map(&self, dataset: &Dataset) -> Option<Result<CityMap, LoadErrors>> {
        let name = dataset.meta.map.as_ref()?;
        Some(match self {
            Self::Embedded | Self::Memory { .. } => load_city_map_of(EMBEDDED_MAP, EMBEDDED_MAP_NAME, Some(dataset)),
            Self::File(path) => {
                let map_path = map_path(path, name);
                let file = map_path.display().to_string();
                let text = read_data_file(&map_path).and_then(|bytes| {
                    String::from_utf8(bytes).map_err(|_| {
                        message(
                            "it is not UTF-8 text: save it again as UTF-8",
                            "它不是 UTF-8 文本：请另存为 UTF-8 编码",
                        )
                    })
                });
                match text {
                    Ok(text) => load_city_map_of(&text, &file, Some(dataset)),
                    Err(why) => Err(LoadErrors {
                        file: path.display().to_string(),
                        problems: vec![Problem::Invalid {
                            path: "meta.map".to_owned(),
                            message: message(
                                format!("the map file {file} cannot be read: {}", why.en),
                                format!("无法读取地图文件 {file}：{}", why.zh),
                            ),
                        }],
                    }),
                }
            }
        })
    }

    /// What names this dataset across runs, e.g. for the figure tables the user added to it:
    /// the file's full path, or a label for built-in and in-memory data.
    pub fn key(&self) -> String {
        match self {
            Self::Embedded => "built-in".to_owned(),
            Self::File(path) => std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()).display().to_string(),
            Self::Memory { label, .. } => format!("memory:{label}"),
        }
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

/// The file `name` (a map or a table) of the dataset at `dataset`: relative to its folder.
fn map_path(dataset: &Path, name: &str) -> PathBuf {
    dataset.parent().unwrap_or(Path::new(".")).join(name)
}
