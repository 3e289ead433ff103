//! Reading figure tables: headers, cells and merging, on the small fixture.

use super::*;
use crate::model::tests::small_dataset;
use crate::model::{Language, MetricId, Period, Qualifier};

fn csv(text: &str) -> FigureTable {
    read_table_bytes(text.as_bytes(), "figures.csv", Some("csv"))
}

/// The English of each of `texts`, as `check` prints them.
fn english(texts: &[crate::model::Text]) -> Vec<&str> {
    texts.iter().map(|text| text.en.as_str()).collect()
}

fn messages(table: &FigureTable) -> Vec<String> {
    table.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn a_table_in_the_export_layout_adds_its_figures() {
    let table = csv("park_id,metric_id,year,period,value,qualifier,source_id,note\n\
         beta,total_income,2019,,\"1,240\",at_least,s1,Whole park\n\
         gamma,planned_area,2018,jan_to_9,12.5,,s2,\n");
    assert!(table.problems.is_empty(), "{:?}", messages(&table));
    let (dataset, report) = small_dataset().with_tables(&[table]).expect("valid rows");
    assert_eq!(report.count(RowOutcome::Added), 2);
    let beta = dataset.park(&ParkId::new("beta")).expect("beta");
    let income = dataset.latest(beta, &MetricId::new("total_income")).expect("added");
    assert_eq!((income.observation.value, income.observation.qualifier), (1240.0, Qualifier::AtLeast));
    assert_eq!(income.observation.note.as_deref(), Some("Whole park"));
    let gamma = dataset.park(&ParkId::new("gamma")).expect("gamma");
    assert_eq!(gamma.observations[0].period, Some(Period::JanTo(9)));
}

/// A figure of one part of a park (a predecessor area) is read with its part, named in both
/// languages; it conflicts with no figure of the park's own or of another part, and never
/// becomes the park's latest figure.
#[test]
fn a_figure_of_a_part_is_read_with_its_part_and_is_not_the_parks_own() {
    let table = csv("park_id,metric_id,year,value,source_id,part_en,part_zh\n\
         alpha,planned_area,2012,3,s2,Old Town,老城\n\
         alpha,planned_area,2012,4,s2,New Town,新城\n\
         beta,planned_area,2012,5,s2,Old Town,\n");
    assert_eq!(
        messages(&table),
        ["line 4, column 7 (part_zh): a part of a park is named in both languages: fill part_en and part_zh"]
    );
    let table = csv("park_id,metric_id,year,value,source_id,part_en,part_zh\n\
         alpha,planned_area,2012,3,s2,Old Town,老城\n\
         alpha,planned_area,2012,4,s2,New Town,新城\n");
    let (dataset, report) = small_dataset().with_tables(&[table]).expect("valid rows");
    // Alpha's own 26.1 km² of 2012 (s1) stands: the parts' 3 and 4 conflict with nothing.
    assert_eq!(report.rows[0].1, [RowOutcome::Added, RowOutcome::Added]);
    let alpha = dataset.park(&ParkId::new("alpha")).expect("alpha");
    let parts: Vec<(f64, Option<&str>)> = alpha
        .observations
        .iter()
        .filter(|o| o.metric.as_str() == "planned_area")
        .map(|o| (o.value, o.part.as_ref().map(|part| part.zh.as_str())))
        .collect();
    assert_eq!(parts, [(26.1, None), (3.0, Some("老城")), (4.0, Some("新城"))]);
    assert!(crate::model::differing(&alpha.observations).iter().all(|marked| !marked), "no ≠ between parts");
    let latest = dataset.latest(alpha, &MetricId::new("planned_area")).expect("alpha's own");
    assert!(latest.observation.covers_the_park() && (latest.observation.value - 26.1).abs() < 1e-9);
}

#[test]
fn the_same_value_from_another_source_is_added_beside_it() {
    // Alpha has 26.1 km² in 2012 from s1; s2 states it too.
    let table = csv("park_id,metric_id,year,value,source_id\nalpha,planned_area,2012,26.1,s2\n");
    let (dataset, report) = small_dataset().with_tables(&[table]).expect("valid");
    assert_eq!(report.rows[0].1, [RowOutcome::Added]);
    let alpha = dataset.park(&ParkId::new("alpha")).expect("alpha");
    let sources: Vec<&str> = alpha
        .observations
        .iter()
        .filter(|o| o.metric.as_str() == "planned_area" && o.year == 2012)
        .map(|o| o.source.as_str())
        .collect();
    assert_eq!(sources, ["s1", "s2"]);
}

#[test]
fn chinese_headers_in_any_order_are_read() {
    let table = csv("来源,数值,年份,指标,园区\ns1,7,2020,planned_area,gamma\n");
    assert!(table.problems.is_empty(), "{:?}", messages(&table));
    assert!((table.figures[0].observation.value - 7.0).abs() < f64::EPSILON);
}

/// A value read off the Chinese window (630 bn yuan shows as 6,300 亿元) into a table, which
/// takes the stored 十亿元, would count ten times; where the dataset has the figure, a warning
/// says so and how to mend it. Another value that conflicts gets no such guess.
#[test]
fn a_conflict_ten_times_the_datasets_figure_warns_it_may_be_in_the_windows_unit() {
    let table = csv("park_id,metric_id,year,value,qualifier,source_id\n\
         alpha,total_income,2018,6300,preliminary,s2\n\
         alpha,total_income,2018,640,preliminary,s2\n");
    let (_, report) = small_dataset().with_tables(&[table]).expect("valid");
    assert_eq!(report.count(RowOutcome::Conflicts), 2);
    assert_eq!(
        english(&report.warnings),
        ["figures.csv: line 2, column 4 (value): Alpha Park, Total income 2018: 6300 is 10 times the dataset's 630, \
         as the Chinese window writes it in 亿元; the table takes bn yuan (十亿元): if it was read off the \
         window, divide it by 10"]
    );
}

#[test]
fn repeats_are_not_added_twice_and_conflicts_keep_both_figures() {
    // Alpha has 26.1 km² in 2012 from s1.
    let table =
        csv("park_id,metric_id,year,value,source_id\nalpha,planned_area,2012,26.1,s1\nalpha,planned_area,2012,27,s2\n");
    let (dataset, report) = small_dataset().with_tables(&[table]).expect("valid");
    assert_eq!((report.count(RowOutcome::Repeats), report.count(RowOutcome::Conflicts)), (1, 1));
    assert_eq!(
        english(&report.conflicts),
        ["figures.csv: line 3, column 4 (value): Alpha Park, Planned area 2012: 27 in the table, 26.1 in the dataset"]
    );
    // In Chinese, the place as the Chinese window writes a cell's.
    let chinese: Vec<&str> = report.conflicts.iter().map(|c| c.zh.as_str()).collect();
    assert!(chinese[0].starts_with("figures.csv：第 3 行第 4 列（value）：甲园"), "{chinese:?}");
    let alpha = dataset.park(&ParkId::new("alpha")).expect("alpha");
    let areas: Vec<f64> =
        alpha.observations.iter().filter(|o| o.metric.as_str() == "planned_area").map(|o| o.value).collect();
    assert_eq!(areas, [26.1, 27.0]);
}

#[test]
fn every_broken_cell_is_named_with_its_line_and_column() {
    let table = csv("park_id,metric_id,year,value,source_id\n\
         alpha,planned_area,2019年,1240亿,s1\n\
         alpha,planned_area,2019,about 50,s1\n\
         alpha,planned_area,2019,,s1\n");
    assert_eq!(
        messages(&table),
        [
            "line 2, column 3 (year): \"2019年\" is not a year: write the year alone, e.g. 2019",
            "line 2, column 4 (value): \"1240亿\" is not a number: write the number alone, in the metric's unit (a \
             unit or words in the cell, like 亿 or \"bn\", are not read; convert to the unit the metric names)",
            "line 3, column 4 (value): \"about 50\" is not a number: write the number alone and \"approximate\" in \
             the qualifier column",
            "line 4, column 4 (value): no value: leave out a row whose figure is unknown, never write 0",
        ]
    );
}

#[test]
fn unknown_missing_and_duplicate_columns_are_errors() {
    let table = csv("park_id,metric_id,year,value,value,colour,remark\n");
    assert_eq!(
        messages(&table),
        [
            "line 1, column 5: the column \"value\" appears twice",
            "line 1, column 6: unknown column \"colour\"; a figure table has the columns scope, park_id, \
             park_name_en, park_name_zh, metric_id, metric_name, unit, year, period, value, qualifier, \
             qualifier_label, source_id, source_label, source_label_zh, source_title, source_url, note, note_zh, part_en, part_zh, ground",
            // The columns listed once, not again on the line below.
            "line 1, column 7: unknown column \"remark\"",
            "line 1, column 1: the column \"source_id\" (or 来源) is missing from the first row",
        ]
    );
}

#[test]
fn ids_and_values_are_checked_by_the_rules_of_the_dataset() {
    let table = csv("park_id,metric_id,year,value,source_id\n\
         atlantis,planned_area,2019,1,s1\n\
         alpha,gdp,2019,1,s1\n\
         alpha,planned_area,2019,-3,s9\n");
    let errors = small_dataset().with_tables(&[table]).expect_err("three bad rows");
    let problems: Vec<String> = errors.problems.iter().map(ToString::to_string).collect();
    assert_eq!(errors.file, "figures.csv");
    assert_eq!(
        problems,
        [
            "line 2, column 1 (park_id): unknown park \"atlantis\"",
            "line 3, column 2 (metric_id): unknown metric \"gdp\"; the dataset has \"planned_area\", \"total_income\", \"high_tech_enterprises\", \"total_profit\"",
            "line 4, column 5 (source_id): unknown source \"s9\"; the dataset has \"s1\", \"s2\"; a new source is \
             added in a workbook's `sources` sheet, or in a sources table (columns id, title, publisher, …) added \
             before this one",
            "line 4, column 4 (value): value -3 is negative, which metric \"planned_area\" does not allow",
        ]
    );
}

#[test]
fn a_table_can_add_its_own_sources_and_descriptions_are_checked() {
    let sources = csv("id,title,publisher,date,url\nt1,Annual report,Park office,2021,https://example.org/t1\n");
    assert!(sources.problems.is_empty(), "{:?}", messages(&sources));
    let figures =
        csv("park_id,park_name_en,metric_id,year,value,source_id\nbeta,Beta Science Park,total_income,2021,5,t1\n");
    let mut table = figures;
    table.sources = sources.sources;
    let (dataset, report) = small_dataset().with_tables(&[table]).expect("valid");
    assert!(dataset.source(&crate::model::SourceId::new("t1")).is_some());
    assert_eq!(report.sources_added, 1, "the preview says so");
    assert_eq!(
        english(&report.warnings),
        [
            "figures.csv: line 2, column 2 (park_name_en): says \"Beta Science Park\" but the ids name \"Beta Park\"; the ids are used"
        ]
    );
}

/// A row whose unit is the one the Chinese window shows (亿元) had its value read off that
/// screen: taken as it is, it would be ten times the figure the dataset stores in 十亿元.
#[test]
fn a_value_in_the_unit_a_language_shows_is_refused_and_the_stored_unit_in_either_language_is_not() {
    let table = csv("park_id,metric_id,year,value,unit,source_id\nalpha,total_income,2021,6300,亿元,s1\n");
    let errors = small_dataset().with_tables(&[table]).expect_err("6,300 亿元 is 630 in the stored unit");
    let message = errors.problems[0].to_string();
    assert!(message.contains("line 2, column 5 (unit)"), "{message}");
    assert!(message.contains("divide the value by 10 and write \"十亿元\""), "{message}");
    for unit in ["十亿元", "bn yuan"] {
        let table =
            csv(&format!("park_id,metric_id,year,value,unit,source_id\nalpha,total_income,2021,630,{unit},s1\n"));
        let (_, report) = small_dataset().with_tables(&[table]).expect("the stored unit");
        assert!(report.warnings.is_empty(), "{unit}: {:?}", report.warnings);
    }
}

#[test]
fn percentages_only_go_to_metrics_measured_in_percent() {
    let table = csv("park_id,metric_id,year,value,source_id\nalpha,planned_area,2019,12%,s1\n");
    let errors = small_dataset().with_tables(&[table]).expect_err("area is in km²");
    assert!(errors.problems[0].to_string().contains("a percentage, but metric \"planned_area\" is measured in km²"));
}

#[test]
fn gb18030_text_semicolons_and_a_byte_order_mark() {
    // As Excel on Chinese Windows saves CSV: "海淀园" in GBK, which GB18030 contains.
    let gbk = b"park_id,metric_id,year,value,source_id,note\nbeta,planned_area,2019,1,s1,\xba\xa3\xb5\xed\xd4\xb0\n";
    let table = read_table_bytes(gbk, "gbk.csv", Some("csv"));
    assert!(table.problems.is_empty(), "{:?}", messages(&table));
    assert!(table.read_as_gb18030, "the preview says how it was read");
    let (dataset, report) = small_dataset().with_tables(&[table]).expect("valid rows");
    assert_eq!(report.read_as_gb18030, ["gbk.csv"]);
    let beta = dataset.park(&ParkId::new("beta")).expect("beta");
    let area = dataset.latest(beta, &MetricId::new("planned_area")).expect("added");
    assert_eq!(area.observation.note.as_deref(), Some("海淀园"));
    // UTF-8 is read as such, and said to be nothing else.
    assert!(!csv("park_id,metric_id,year,value,source_id\n").read_as_gb18030);
    // Latin-1 text is refused, not read as GB18030's wrong characters: "café" at a line's end
    // is not GB18030 at all, "Zürich" and "Cafés" are (each with a rare character), not Chinese.
    for (note, name) in [(&b"caf\xe9"[..], "café"), (b"Z\xfcrich", "Zürich"), (b"Caf\xe9s", "Cafés")] {
        let mut latin1 = b"park_id,metric_id,year,value,source_id,note\nbeta,planned_area,2019,1,s1,".to_vec();
        latin1.extend_from_slice(note);
        latin1.push(b'\n');
        let table = read_table_bytes(&latin1, "latin1.csv", Some("csv"));
        let message = messages(&table).join("\n");
        assert!(
            message.contains("it is not UTF-8 text (from line 2 on), nor Chinese text in GB18030"),
            "{name}: {message}"
        );
        assert!(message.contains("CSV UTF-8"), "{name}");
    }
    // Chinese text with a rare character outside GB2312 (堃, as in a name) is still read.
    let mut rare = b"park_id,metric_id,year,value,source_id,note\nbeta,planned_area,2019,1,s1,".to_vec();
    rare.extend_from_slice(&encoding_rs::GB18030.encode("海淀园北区的堃华楼，科学城").0);
    rare.push(b'\n');
    let table = read_table_bytes(&rare, "rare.csv", Some("csv"));
    assert!(table.problems.is_empty() && table.read_as_gb18030, "{:?}", messages(&table));
    let semicolons = csv("\u{feff}park_id;metric_id;year;value;source_id\ngamma;planned_area;2019;3;s1\n");
    assert!(semicolons.problems.is_empty(), "{:?}", messages(&semicolons));
    assert_eq!(semicolons.figures.len(), 1);
}

#[test]
fn cells_are_named_like_a_spreadsheet() {
    let grid = Grid { sheet: Some("Sheet1".to_owned()), ..Grid::default() };
    assert_eq!(CellRef::new(&grid, 6, 4).to_string(), "Sheet1!E7");
    assert_eq!(CellRef::new(&grid, 0, 27).a1(), "AB1");
}

#[test]
fn numbers_in_scientific_notation_are_read() {
    // Spreadsheets save large numbers in CSV as they show them.
    for (text, expected) in [("1.24E+11", 1.24e11), ("5e-3", 0.005), ("-2E3", -2000.0)] {
        assert_eq!(parse_value(&Cell::Text(text.to_owned())), Ok((expected, false)), "{text}");
    }
    for text in ["1.2E", "E5", "1e+", "1,2e3"] {
        assert!(parse_value(&Cell::Text(text.to_owned())).is_err(), "{text}");
    }
}

#[test]
fn lists_of_ids_with_their_names_are_not_read_as_figures() {
    let grid = |headers: &[&str]| Grid {
        sheet: Some("parks".to_owned()),
        rows: vec![
            headers.iter().map(|h| Cell::Text((*h).to_owned())).collect(),
            vec![Cell::Text("alpha".to_owned()), Cell::Text("Alpha Park".to_owned())],
        ],
        merged: Vec::new(),
    };
    let mut table = FigureTable::default();
    parse_grid(&grid(&["id", "name_en", "name_zh"]), &mut table);
    assert_eq!(table, FigureTable::default(), "the template's list of parks is skipped");
    // With a figure column it is a figure sheet, and its other columns are errors.
    parse_grid(&grid(&["park_id", "name_en", "name_zh"]), &mut table);
    assert!(messages(&table)[0].starts_with("parks!B1: unknown column \"name_en\""), "{:?}", messages(&table));
    assert_eq!(messages(&table)[1], "parks!C1: unknown column \"name_zh\"");
}

/// A sheet of sources listing `source` in the columns `id,title,publisher,[publisher_zh,]date,
/// url,language`, with `chinese_name` in the Chinese publisher's column when given.
fn sheet_of(source: &crate::model::Source, chinese_name: Option<&str>) -> String {
    let (header, chinese) = match chinese_name {
        Some(name) => (",publisher_zh", format!(",{name}")),
        None => ("", String::new()),
    };
    format!(
        "id,title,publisher{header},date,url,language\n{},{},{}{chinese},{},{},{}\n",
        source.id,
        source.title,
        source.publisher,
        source.date.as_deref().unwrap_or_default(),
        source.url.as_deref().unwrap_or_default(),
        source.language
    )
}

/// A sheet of sources without the Chinese columns (one written before they existed) lists the
/// dataset's sources all the same: a Chinese name or note it does not give is not another one.
#[test]
fn a_sheet_of_sources_without_the_chinese_columns_still_loads() {
    let dataset = small_dataset();
    let s1 = dataset.source(&crate::model::SourceId::new("s1")).expect("s1").clone();
    assert!(s1.publisher_zh.is_some(), "the fixture gives s1 a Chinese name");
    let older = sheet_of(&s1, None);
    let (loaded, _) = dataset.clone().with_tables(&[csv(&older)]).expect("the same source");
    assert_eq!(loaded.sources, dataset.sources, "the dataset's Chinese name stays");
    // Given, and another, it is another source.
    let other = sheet_of(&s1, Some("另一个名称"));
    let errors = dataset.with_tables(&[csv(&other)]).expect_err("another Chinese name");
    assert!(errors.problems[0].to_string().contains("another Chinese publisher"), "{:?}", errors.problems);
}

#[test]
fn a_source_the_dataset_has_is_not_added_twice_and_one_that_differs_is_an_error() {
    // The small fixture's s1 is "First report" by "Test Office", with a date and an address.
    let dataset = small_dataset();
    let s1 = dataset.source(&crate::model::SourceId::new("s1")).expect("s1").clone();
    let same = sheet_of(&s1, s1.publisher_zh.as_deref());
    let (loaded, _) = dataset.clone().with_tables(&[csv(&same)]).expect("the same source");
    assert_eq!(loaded.sources, dataset.sources);

    let other = "id,title,publisher,language\ns1,Another report,Test Office,en\nt1,New,Office,en\nt1,New,Office,en\n";
    let errors = dataset.with_tables(&[csv(other)]).expect_err("s1 differs, t1 twice");
    let problems: Vec<String> = errors.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "line 2, column 1: the dataset already has a source \"s1\" with another title, date and URL: give the \
             table's source another id",
            "line 4, column 1: the table lists the source \"t1\" twice",
        ]
    );
}

/// A table's source is dated by the rule of the dataset's: "5/1/2019", as a spreadsheet may
/// write a date, would label the source "5/1/".
#[test]
fn a_tables_source_whose_date_is_no_date_is_an_error() {
    let sheet = "id,title,publisher,date,language\nt1,New,Office,5/1/2019,en\nt2,Newer,Office,2019-05-01,en\n";
    let errors = small_dataset().with_tables(&[csv(sheet)]).expect_err("t1's date");
    let problems: Vec<String> = errors.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["line 2, column 1: date \"5/1/2019\" is not a date: write it as 2020-03-10, 2020-03 or 2020"]
    );
}

#[test]
fn a_decimal_comma_is_named_as_such() {
    assert_eq!(
        parse_value(&Cell::Text("12,75".to_owned())).map_err(|message| message.en),
        Err("\"12,75\" is not a number: write decimals with a point (12.75); a comma may only separate thousands \
             (1,240)"
            .to_owned())
    );
}

#[test]
fn tab_separated_and_utf16_text_are_read() {
    let tabs = csv("park_id\tmetric_id\tyear\tvalue\tsource_id\ngamma\tplanned_area\t2019\t3\ts1\n");
    assert!(tabs.problems.is_empty(), "{:?}", messages(&tabs));
    assert_eq!(tabs.figures.len(), 1);
    // Excel's "Unicode Text": UTF-16, little-endian, with a byte order mark, tab-separated.
    let text = "园区\t指标\t年份\t数值\t来源\ngamma\tplanned_area\t2019\t3\ts1\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let table = read_table_bytes(&bytes, "unicode.txt", Some("txt"));
    assert!(table.problems.is_empty(), "{:?}", messages(&table));
    assert_eq!(table.figures.len(), 1);
}

#[test]
fn cells_that_cannot_be_read_and_rows_that_break_a_rule_are_reported_together() {
    let table = csv("park_id,metric_id,year,value,source_id\nalpha,planned_area,2019,1240亿,s1\nalpha,gdp,2019,1,s1\n");
    let errors = small_dataset().with_tables(&[table]).expect_err("two bad rows");
    let problems: Vec<String> = errors.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("line 2, column 4 (value): \"1240亿\" is not a number"));
    assert_eq!(
        problems[1],
        "line 3, column 2 (metric_id): unknown metric \"gdp\"; the dataset has \"planned_area\", \"total_income\", \"high_tech_enterprises\", \"total_profit\""
    );
}

/// A number with a thousands separator, not quoted, splits into two cells in a CSV file: the
/// row has a value past the last header, and is refused with a word on the likely cause rather
/// than read as 1 with the rest passed over.
#[test]
fn a_row_with_a_value_past_the_last_header_is_refused() {
    let table = csv("park_id,metric_id,year,source_id,value\n\
         beta,total_income,2019,s1,1,240\n\
         gamma,planned_area,2018,s2,12.5\n");
    let problems = messages(&table);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("line 2, column 6: a value in a column with no header"), "{problems:?}");
    assert!(problems[0].contains("thousands separator"), "{problems:?}");
    assert_eq!(table.figures.len(), 1, "the other row is read");
    // A value under an empty header, in the middle, is refused too.
    let table = csv("park_id,,metric_id,year,source_id,value\nbeta,x,total_income,2019,s1,5\n");
    assert_eq!(messages(&table).len(), 1, "{:?}", messages(&table));
    assert!(table.figures.is_empty());
}

/// A quote never closed swallows the rest of the file into one cell: the file is refused with
/// the line the quote opens on, not read as a row of wrong cells.
#[test]
fn a_quote_never_closed_is_named_with_its_line() {
    let table = csv("park_id,metric_id,year,source_id,value,note\n\
         beta,total_income,2019,s1,5,\"Whole park\n\
         gamma,planned_area,2018,s2,12.5,\n\
         alpha,planned_area,2018,s2,3,\n");
    let problems = messages(&table);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("a quote (\") that opens a cell on line 2 is never closed"), "{problems:?}");
    assert!(table.figures.is_empty(), "nothing half-read");
    // Closed quotes, a doubled quote inside one, a quote inside a cell and a cell over two
    // lines are all well-formed.
    let table = csv("park_id,metric_id,year,source_id,value,note\n\
         beta,total_income,2019,s1,\"1,240\",\"The \"\"whole\"\" park\"\n\
         gamma,planned_area,2018,s2,12.5,a 5\" map\n\
         alpha,planned_area,2018,s2,3,\"two\nlines\"\n");
    assert!(table.problems.is_empty(), "{:?}", messages(&table));
    assert_eq!(table.figures.len(), 3);
}

/// Digits where the qualifier goes are most often the end of a number split at its thousands
/// separator, with the qualifier left empty: the problem says so.
#[test]
fn digits_in_the_qualifier_column_point_at_a_split_number() {
    let table = csv("park_id,metric_id,year,value,qualifier,source_id\nbeta,total_income,2019,1,240,s1\n");
    let problems = messages(&table);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("unknown qualifier \"240\"") && problems[0].contains("thousands separator"));
    let table = csv("park_id,metric_id,year,value,qualifier,source_id\nbeta,total_income,2019,1,about,s1\n");
    assert!(!messages(&table)[0].contains("thousands separator"), "words are not a split number");
}

#[test]
fn a_tables_problems_are_said_in_the_interfaces_language() {
    let table = csv("park_id,metric_id,year,value,source_id\n\
         atlantis,planned_area,2019,1,s1\n\
         alpha,planned_area,20x9,1,s1\n\
         alpha,planned_area,2019,-3,s9\n");
    let errors = small_dataset().with_tables(&[table]).expect_err("three bad rows");
    let chinese = errors.in_language(Language::Zh);
    assert!(chinese.contains("figures.csv：第 3 行第 3 列（year）：“20x9”不是年份：只写年份，如 2019"), "{chinese}");
    let errors = small_dataset()
        .with_tables(&[csv("park_id,metric_id,year,value,source_id\natlantis,planned_area,2019,1,s1\n")])
        .expect_err("an unknown park");
    assert!(errors.in_language(Language::Zh).contains("未知的园区“atlantis”"), "{errors}");
    assert!(errors.in_language(Language::En).contains("unknown park \"atlantis\""), "{errors}");
}

#[test]
fn a_tables_conflicts_and_warnings_are_said_in_both_languages() {
    let table = csv("park_id,park_name_en,metric_id,year,value,source_id\n\
         alpha,Alpha Science Park,planned_area,2012,27,s2\n");
    let (_, report) = small_dataset().with_tables(&[table]).expect("valid");
    let conflict = report.conflicts.first().expect("27 against 26.1");
    assert_eq!(conflict.zh, "figures.csv：第 2 行第 5 列（value）：甲园，规划面积 2012：表格中为 27，数据集中为 26.1");
    assert!(
        conflict.en.ends_with("Alpha Park, Planned area 2012: 27 in the table, 26.1 in the dataset"),
        "{conflict:?}"
    );
    let warning = report.warnings.first().expect("the name differs");
    assert!(warning.zh.contains("写的是“Alpha Science Park”，而 id 对应的是“Alpha Park”；以 id 为准"), "{warning:?}");
}

/// A note Excel would take for a formula ("+10.9% year on year." shows as `#NAME?`) is
/// written marked as text, and read back as it was; numbers and other text are left alone.
#[test]
fn text_a_spreadsheet_would_take_for_a_formula_is_marked_and_read_back_as_written() {
    for (text, written) in [
        ("+10.9% year on year.", "'+10.9% year on year."),
        ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-0.5 bn yuan (s2)", "'-0.5 bn yuan (s2)"),
        ("-0.3", "-0.3"),
        ("+5", "+5"),
        ("A loss.", "A loss."),
        ("'quoted'", "'quoted'"),
        ("'=x", "''=x"),
    ] {
        assert_eq!(guard_formula(text), written, "{text}");
        assert_eq!(unguard_formula(written), text, "{written}");
    }
}
