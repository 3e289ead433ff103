//! The park brief: one A4 page per park to hand out, as PDF, in English or Chinese.
//!
//! Three steps, each testable alone: [`content`] gathers what the dataset says about the park
//! as plain text, [`layout`] places it on one page (shrinking, then cutting with an honest note,
//! so it always fits), and [`pdf`] writes the page with krilla. Like `state`, it knows nothing
//! of egui or the window; the command line (`zgc-atlas brief`) and the window (File › Export
//! brief) both call [`brief_pdf`].

pub mod content;
pub mod font;
pub mod layout;
pub mod pdf;

use crate::i18n::clause_separator;
use crate::model::geo::CityMap;
use crate::model::{Dataset, Language, Park, ParkId, SourceId};
use crate::state::peers::{PROFILE_PEERS, peers_of};

pub use content::BriefContent;
pub use font::BriefFont;
pub use layout::{Page, lay_out};

/// A comparable park, as the caller found it: the brief prints it as given and invents none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefPeer {
    /// The park's name in the brief's language.
    pub name: String,
    /// Why it is comparable, in the brief's language ("both lead in biomedicine; no comparable size figure of a common year").
    pub reasons: String,
}

/// The comparable parks a brief of `park` lists, in `language`: the one place the command line
/// and the window get them from. The same peers as the profile's ([`peers_of`]), each with what
/// it shares with the park, what could not be compared, then what sets it apart.
pub fn peers_for(dataset: &Dataset, park: &ParkId, language: Language) -> Vec<BriefPeer> {
    let separator = clause_separator(language);
    peers_of(dataset, park, PROFILE_PEERS)
        .into_iter()
        .filter_map(|peer| {
            let name = dataset.park(&peer.park)?.name.get(language).to_owned();
            let text = peer.describe(dataset, language, None);
            let parts = [text.shared, text.caveats, text.differences];
            let reasons = parts.into_iter().filter(|part| !part.is_empty()).collect::<Vec<_>>().join(separator);
            Some(BriefPeer { name, reasons })
        })
        .collect()
}

/// Why a brief could not be made.
#[derive(Debug)]
pub enum BriefError {
    /// The dataset has no park with this id.
    UnknownPark(ParkId),
    /// The PDF could not be written.
    Pdf(pdf::PdfError),
}

impl std::fmt::Display for BriefError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownPark(id) => write!(f, "the dataset has no park \"{id}\""),
            Self::Pdf(err) => err.fmt(f),
        }
    }
}

// No `source()`: the message already says all of the PDF error, so a caller printing the
// chain would say it twice.
impl std::error::Error for BriefError {}

/// The brief of park `id` as the bytes of a one-page PDF. `map` is the dataset's city map, when
/// it has one; `peers` the comparable parks to list (none: the section is left out).
pub fn brief_pdf(
    dataset: &Dataset,
    map: Option<&CityMap>,
    id: &ParkId,
    peers: &[BriefPeer],
    language: Language,
) -> Result<Vec<u8>, BriefError> {
    let park = dataset.park(id).ok_or_else(|| BriefError::UnknownPark(id.clone()))?;
    let font = BriefFont::bundled(language).map_err(|_| BriefError::Pdf(pdf::PdfError::Font))?;
    let (content, page) = numbered_page(dataset, map, park, peers, language, &font);
    let tag = match language {
        Language::En => "en",
        Language::Zh => "zh-CN",
    };
    let title = format!("{} — {}", content.title, content.kicker);
    pdf::write_pdf(&page, &font, &title, tag).map_err(BriefError::Pdf)
}

/// The brief of `park` laid out, its sources numbered 1, 2, 3… as the page cites them.
/// Numbered as first used, a source cited only by a line the page cut left a gap in the numbers
/// ("\[1\]–\[7\], \[11\]"): the brief is gathered again with the cited ones numbered first. The
/// shorter numbers can let a line cut before fit, citing another source: so again, a few times
/// at most.
pub fn numbered_page(
    dataset: &Dataset,
    map: Option<&CityMap>,
    park: &Park,
    peers: &[BriefPeer],
    language: Language,
    font: &BriefFont,
) -> (BriefContent, Page) {
    const MOST_LAYOUTS: usize = 4;
    let mut content = BriefContent::of(dataset, map, park, peers.to_vec(), language);
    let mut page = lay_out(&content, font);
    for _ in 1..MOST_LAYOUTS {
        if page.cited.iter().enumerate().all(|(i, &number)| number == i + 1) {
            break;
        }
        let first: Vec<SourceId> =
            page.cited.iter().filter_map(|&number| content.source_ids.get(number.checked_sub(1)?).cloned()).collect();
        content = BriefContent::numbered(dataset, map, park, peers.to_vec(), language, &first);
        page = lay_out(&content, font);
    }
    (content, page)
}

/// The file name of a park's brief: its id, with anything a file system may refuse replaced,
/// and `.pdf`.
pub fn file_name(id: &ParkId) -> String {
    let stem: String = id
        .as_str()
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' })
        .collect();
    let stem = stem.trim_start_matches('.');
    format!("{}.pdf", if stem.is_empty() { "park" } else { stem })
}

#[cfg(test)]
mod tests;
