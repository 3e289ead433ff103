//! Reads back a PDF the app wrote, as a reader would see it: its pages, each with its size and
//! its text (decoded through the fonts' `ToUnicode` maps, as copy-paste and search do).

use std::path::Path;

/// One page of a PDF.
pub struct Page {
    /// Width and height in PDF points (1/72 inch): A4 is 595.28 × 841.89.
    pub size_pt: (f32, f32),
    /// The page's text, line by line as laid out.
    pub text: String,
}

/// The pages of the PDF at `path`; a file that does not read as PDF fails the test, saying why.
pub fn pages(path: &Path) -> Vec<Page> {
    let document = lopdf::Document::load(path).unwrap_or_else(|err| panic!("{} is not a PDF: {err}", path.display()));
    document
        .get_pages()
        .into_iter()
        .map(|(number, id)| {
            let page = document.get_dictionary(id).unwrap_or_else(|err| panic!("page {number}: {err}"));
            let media_box = page
                .get(b"MediaBox")
                .and_then(lopdf::Object::as_array)
                .unwrap_or_else(|err| panic!("page {number} has no MediaBox of its own: {err}"));
            let corner = |i: usize| media_box[i].as_float().unwrap_or_else(|err| panic!("MediaBox[{i}]: {err}"));
            let text = document.extract_text(&[number]).unwrap_or_else(|err| panic!("page {number}'s text: {err}"));
            Page { size_pt: (corner(2) - corner(0), corner(3) - corner(1)), text }
        })
        .collect()
}

/// The text of the PDF at `path`, all pages.
pub fn text(path: &Path) -> String {
    pages(path).into_iter().map(|page| page.text).collect::<Vec<_>>().join("\n")
}
