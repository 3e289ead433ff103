//! The small fixture with one of Alpha Park's figures stated otherwise by another source, for the
//! tests of how views mark such figures (`plots`, `ui_flows`).

use zgc_atlas::model::DataOrigin;

/// The small fixture (read from `path`) with `other` inserted just before `figure`, one of its
/// observations, which the views then show (of two figures of one year, they show the one the
/// file gives last).
pub fn small_with_figure_stated_otherwise(path: &std::path::Path, figure: &str, other: &str) -> DataOrigin {
    let fixture = std::fs::read_to_string(path).expect("the fixture reads");
    assert!(fixture.contains(figure), "the fixture has {figure}");
    let text = fixture.replacen(figure, &format!("{other} {figure}"), 1);
    DataOrigin::Memory { label: "small.ron".to_owned(), text: text.into() }
}

/// The small fixture with Alpha Park's 2012 planned area, 26.1 km² from the first source, stated
/// as 25 km² by the second: the figure the table, the profile, the scatter and the presented
/// table mark.
pub fn alpha_area_stated_otherwise() -> DataOrigin {
    small_with_figure_stated_otherwise(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.ron"),
        r#"(metric: "planned_area", value: 26.1, year: 2012, source: "s1"),"#,
        r#"(metric: "planned_area", value: 25, year: 2012, source: "s2"),"#,
    )
}
