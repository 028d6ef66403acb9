//! Import files: units and indicator values, as CSV or JSON.
//!
//! The value format is shaped like Kolada's (`kpi, unit, period, value, n`) with an optional
//! `response_rate`; the unit format has one column per fact (README, "Import format"). Parsing
//! here is strict and complete: every problem in a file is reported with its row and field, so a
//! data steward can fix a file in one pass. Whether ids exist is checked against what is stored
//! ([`check_values`]); storing happens only when nothing is wrong, in one transaction.

use super::district::{District, GeoPoint};
use super::indicator::{IndicatorDef, IndicatorKey, Observation};
use super::unit::{Operator, OperatorType, ProviderUnitId, RawFacts, UnitKind, UnitRecord};
use crate::csv;
use crate::organisation::OrganisationNumber;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Largest import file.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// What a file holds, told by its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportKind {
    Units,
    Values,
    /// A JSON file with both units and values.
    Combined,
}

/// One problem: the row (the line in a CSV file, header = 1; the position in a JSON array, first
/// = 1; 0 for the file as a whole), the field, a fluent id and the offending value (shortened).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// `units` or `values` (which list of the file; both kinds can share a JSON file).
    pub section: String,
    pub row: usize,
    pub field: String,
    pub code: String,
    pub value: String,
}

impl RowProblem {
    pub fn new(row: usize, field: &str, code: &str, value: &str) -> RowProblem {
        let value: String = value.chars().take(80).collect();
        RowProblem { section: String::new(), row, field: field.to_owned(), code: code.to_owned(), value }
    }
}

/// One indicator value to store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueRow {
    pub kpi: IndicatorKey,
    pub unit: ProviderUnitId,
    pub observation: Observation,
}

/// A parsed file: the good rows (with their row numbers) and every problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedFile {
    pub kind: ImportKind,
    pub rows: usize,
    pub units: Vec<(usize, UnitRecord)>,
    pub values: Vec<(usize, ValueRow)>,
    pub problems: Vec<RowProblem>,
}

const VALUE_COLUMNS: &[&str] = &["kpi", "unit", "period", "value", "n", "response_rate"];
const VALUE_REQUIRED: &[&str] = &["kpi", "unit", "period", "value"];

/// The unit file's columns, in the order the export writes them.
pub const UNIT_COLUMNS: &[&str] = &[
    "id",
    "kind",
    "name",
    "operator_type",
    "organisation_number",
    "operator_name",
    "district",
    "street",
    "postcode",
    "lat",
    "lon",
    "hours",
    "weekends",
    "languages",
    "profiles",
    "size",
    "phone",
    "email",
    "website",
    "has_places",
    "description_sv",
    "description_en",
    "description_fi",
    "description_ar",
];
const UNIT_REQUIRED: &[&str] = &[
    "id",
    "kind",
    "name",
    "operator_type",
    "operator_name",
    "district",
    "street",
    "lat",
    "lon",
    "hours",
    "description_sv",
];

type Fields = BTreeMap<String, String>;

/// A list of rows (with their numbers), and its kind when the file says so.
type List = (Option<ImportKind>, Vec<(usize, Fields)>);

/// Parses a file by its name's extension (`.csv`, `.json`), else by its first character.
///
/// A CSV file or a JSON array holds units or values (told by its columns); a JSON object may hold
/// both, as `{"units": […], "values": […]}` (what `/open-data/providers.json` is), and then values
/// may refer to units of the same file.
pub fn parse_file(file_name: &str, bytes: &[u8]) -> Result<ParsedFile, RowProblem> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(RowProblem::new(0, "", "compare-import-too-large", ""));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| RowProblem::new(0, "", "compare-import-not-utf8", ""))?;
    let lower = file_name.to_ascii_lowercase();
    let json = if lower.ends_with(".json") {
        true
    } else if lower.ends_with(".csv") {
        false
    } else {
        matches!(text.trim_start_matches('\u{feff}').trim_start().chars().next(), Some('[' | '{'))
    };
    let lists = if json { json_lists(text)? } else { vec![(None, csv_records(text)?)] };
    let mut file =
        ParsedFile { kind: ImportKind::Units, rows: 0, units: Vec::new(), values: Vec::new(), problems: Vec::new() };
    let mut kinds = Vec::new();
    for (kind, records) in lists {
        let kind = match kind {
            Some(k) => k,
            None => {
                let columns: HashSet<&str> = records.iter().flat_map(|(_, f)| f.keys().map(String::as_str)).collect();
                if records.is_empty() {
                    return Err(RowProblem::new(0, "", "compare-import-empty", ""));
                } else if columns.contains("kpi") {
                    ImportKind::Values
                } else if columns.contains("kind") && columns.contains("id") {
                    ImportKind::Units
                } else {
                    return Err(RowProblem::new(0, "", "compare-import-unknown-format", ""));
                }
            }
        };
        kinds.push(kind);
        parse_records(kind, &records, &mut file);
    }
    file.kind = match kinds.as_slice() {
        [] => return Err(RowProblem::new(0, "", "compare-import-empty", "")),
        [k] => *k,
        _ => ImportKind::Combined,
    };
    if file.rows == 0 {
        return Err(RowProblem::new(0, "", "compare-import-empty", ""));
    }
    Ok(file)
}

fn parse_records(kind: ImportKind, records: &[(usize, Fields)], file: &mut ParsedFile) {
    let section = match kind {
        ImportKind::Units => "units",
        _ => "values",
    };
    let (known, required) = match kind {
        ImportKind::Units => (UNIT_COLUMNS, UNIT_REQUIRED),
        _ => (VALUE_COLUMNS, VALUE_REQUIRED),
    };
    file.rows += records.len();
    let start = file.problems.len();
    let columns: HashSet<&str> = records.iter().flat_map(|(_, f)| f.keys().map(String::as_str)).collect();
    let mut unknown: Vec<&str> = columns.iter().copied().filter(|c| !known.contains(c)).collect();
    unknown.sort();
    for c in unknown {
        file.problems.push(RowProblem::new(1, c, "compare-import-unknown-column", c));
    }
    let mut seen_units = HashSet::new();
    let mut seen_values = HashSet::new();
    for (row, fields) in records {
        let missing: Vec<&str> =
            required.iter().copied().filter(|r| fields.get(*r).is_none_or(|v| v.trim().is_empty())).collect();
        for r in &missing {
            file.problems.push(RowProblem::new(*row, r, "compare-import-missing", ""));
        }
        // The row's other fields are still checked (one pass fixes a file), without repeating
        // the missing ones.
        let mut row_problems = Vec::new();
        if kind == ImportKind::Units {
            match unit_row(*row, fields, &mut row_problems) {
                Some(_) if !missing.is_empty() => {}
                Some(u) if !seen_units.insert(u.id.clone()) => {
                    file.problems.push(RowProblem::new(*row, "id", "compare-import-duplicate", u.id.as_str()));
                }
                Some(u) => file.units.push((*row, u)),
                None => {}
            }
        } else {
            match value_row(*row, fields, &mut row_problems) {
                Some(_) if !missing.is_empty() => {}
                Some(v) if !seen_values.insert((v.kpi.clone(), v.unit.clone(), v.observation.period)) => {
                    file.problems.push(RowProblem::new(*row, "kpi", "compare-import-duplicate", v.kpi.as_str()));
                }
                Some(v) => file.values.push((*row, v)),
                None => {}
            }
        }
        file.problems.extend(row_problems.into_iter().filter(|p| !missing.contains(&p.field.as_str())));
    }
    for p in &mut file.problems[start..] {
        p.section = section.to_owned();
    }
}

fn csv_records(text: &str) -> Result<Vec<(usize, Fields)>, RowProblem> {
    let records = csv::parse(text).map_err(|e| match e {
        csv::CsvError::UnclosedQuote(line) => RowProblem::new(line, "", "compare-import-unclosed-quote", ""),
        csv::CsvError::Unreadable(line) => RowProblem::new(line, "", "compare-import-not-utf8", ""),
    })?;
    let mut iter = records.into_iter();
    let Some((_, header)) = iter.next() else { return Ok(Vec::new()) };
    let header: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let mut out = Vec::new();
    for (line, values) in iter {
        if values.len() != header.len() {
            return Err(RowProblem::new(line, "", "compare-import-column-count", &values.len().to_string()));
        }
        out.push((line, header.iter().cloned().zip(values).collect()));
    }
    Ok(out)
}

/// The lists of a JSON file: one array (kind told by its columns), or an object with `units`
/// and/or `values` arrays.
fn json_lists(text: &str) -> Result<Vec<List>, RowProblem> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| RowProblem::new(e.line(), "", "compare-import-json", &e.to_string()))?;
    match value {
        Value::Array(rows) => Ok(vec![(None, json_rows(rows)?)]),
        Value::Object(mut o) => {
            let mut lists = Vec::new();
            for (key, kind) in [("units", ImportKind::Units), ("values", ImportKind::Values)] {
                match o.remove(key) {
                    Some(Value::Array(rows)) => lists.push((Some(kind), json_rows(rows)?)),
                    Some(_) => return Err(RowProblem::new(0, key, "compare-import-unknown-format", "")),
                    None => {}
                }
            }
            if lists.is_empty() {
                return Err(RowProblem::new(0, "", "compare-import-unknown-format", ""));
            }
            Ok(lists)
        }
        _ => Err(RowProblem::new(0, "", "compare-import-unknown-format", "")),
    }
}

fn json_rows(rows: Vec<serde_json::Value>) -> Result<Vec<(usize, Fields)>, RowProblem> {
    use serde_json::Value;
    let mut out = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        let Value::Object(o) = row else {
            return Err(RowProblem::new(i + 1, "", "compare-import-json-row", ""));
        };
        let fields = o
            .into_iter()
            .map(|(k, v)| {
                let s = match v {
                    Value::Null => String::new(),
                    Value::String(s) => s,
                    Value::Array(items) => items
                        .into_iter()
                        .map(|x| match x {
                            Value::String(s) => s,
                            other => other.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(";"),
                    other => other.to_string(),
                };
                (k.trim().to_ascii_lowercase(), s)
            })
            .collect();
        out.push((i + 1, fields));
    }
    Ok(out)
}

fn get<'a>(fields: &'a Fields, key: &str) -> &'a str {
    fields.get(key).map(|s| s.trim()).unwrap_or("")
}

/// A decimal number, with a decimal comma allowed.
fn number(raw: &str) -> Option<f64> {
    let v: f64 = raw.trim().replace(',', ".").parse().ok()?;
    v.is_finite().then_some(v)
}

fn boolean(raw: &str) -> Option<bool> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "" | "0" | "false" | "no" | "nej" => Some(false),
        "1" | "true" | "yes" | "ja" => Some(true),
        _ => None,
    }
}

fn list(raw: &str) -> Vec<String> {
    raw.split([';', '|', ',']).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

fn value_row(row: usize, f: &Fields, problems: &mut Vec<RowProblem>) -> Option<ValueRow> {
    let before = problems.len();
    let mut p = |field: &str, code: &str, v: &str| problems.push(RowProblem::new(row, field, code, v));
    let kpi = IndicatorKey::parse(get(f, "kpi"));
    if kpi.is_none() {
        p("kpi", "compare-import-bad-id", get(f, "kpi"));
    }
    let unit = ProviderUnitId::parse(get(f, "unit"));
    if unit.is_none() {
        p("unit", "compare-import-bad-id", get(f, "unit"));
    }
    let period = get(f, "period").parse::<u16>().ok();
    if period.is_none() {
        p("period", "compare-error-period", get(f, "period"));
    }
    let value = number(get(f, "value"));
    if value.is_none() {
        p("value", "compare-error-value", get(f, "value"));
    }
    let n = match get(f, "n") {
        "" => None,
        raw => match raw.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                p("n", "compare-error-n", raw);
                None
            }
        },
    };
    let response_rate = match get(f, "response_rate") {
        "" => None,
        raw => match number(raw) {
            Some(r) => Some(r),
            None => {
                p("response_rate", "compare-error-response-rate", raw);
                None
            }
        },
    };
    if problems.len() > before {
        return None;
    }
    Some(ValueRow {
        kpi: kpi?,
        unit: unit?,
        observation: Observation { period: period?, value: value?, n, response_rate },
    })
}

fn unit_row(row: usize, f: &Fields, problems: &mut Vec<RowProblem>) -> Option<UnitRecord> {
    let before = problems.len();
    let mut p = |field: &str, code: &str, v: &str| problems.push(RowProblem::new(row, field, code, v));
    let id = ProviderUnitId::parse(get(f, "id"));
    if id.is_none() {
        p("id", "compare-import-bad-id", get(f, "id"));
    }
    let kind = UnitKind::parse(get(f, "kind"));
    if kind.is_none() {
        p("kind", "compare-import-bad-kind", get(f, "kind"));
    }
    let name = get(f, "name");
    if name.chars().count() > 120 {
        p("name", "compare-error-too-long", "");
    }
    let operator_type = OperatorType::parse(get(f, "operator_type"));
    if operator_type.is_none() {
        p("operator_type", "compare-import-bad-operator", get(f, "operator_type"));
    }
    let organisation = match get(f, "organisation_number") {
        "" => None,
        raw => match OrganisationNumber::parse(raw) {
            Ok(o) => Some(o),
            Err(e) => {
                p("organisation_number", e.code(), raw);
                None
            }
        },
    };
    if operator_type == Some(OperatorType::Private)
        && organisation.is_none()
        && get(f, "organisation_number").is_empty()
    {
        p("organisation_number", "compare-import-org-required", "");
    }
    let operator_name = get(f, "operator_name");
    if operator_name.chars().count() > 120 {
        p("operator_name", "compare-error-too-long", "");
    }
    let district = District::parse(get(f, "district")).or_else(|| District::from_name(get(f, "district")));
    if district.is_none() {
        p("district", "compare-import-bad-district", get(f, "district"));
    }
    let street = get(f, "street");
    if street.chars().count() > 120 {
        p("street", "compare-error-too-long", "");
    }
    let postcode = get(f, "postcode");
    let digits = postcode.replace(' ', "");
    let postcode_ok = digits.len() == 5 && digits.bytes().all(|b| b.is_ascii_digit());
    if !postcode.is_empty() && !postcode_ok {
        p("postcode", "compare-import-bad-postcode", postcode);
    }
    let point = match (number(get(f, "lat")), number(get(f, "lon"))) {
        (Some(lat), Some(lon)) => GeoPoint::in_stockholm(lat, lon),
        _ => None,
    };
    if point.is_none() {
        p("lat", "compare-import-bad-coordinates", &format!("{}, {}", get(f, "lat"), get(f, "lon")));
    }
    let size = match get(f, "size") {
        "" => None,
        raw => match raw.parse::<u32>() {
            Ok(s) if s <= 100_000 => Some(s),
            _ => {
                p("size", "compare-import-bad-number", raw);
                None
            }
        },
    };
    let mut flags = [false; 2];
    for (i, key) in ["weekends", "has_places"].iter().enumerate() {
        match boolean(get(f, key)) {
            Some(b) => flags[i] = b,
            None => p(key, "compare-import-bad-boolean", get(f, key)),
        }
    }
    let raw = RawFacts {
        description: crate::Lang::ALL
            .iter()
            .map(|l| (l.code().to_owned(), get(f, &format!("description_{}", l.code())).to_owned()))
            .collect(),
        hours: get(f, "hours").to_owned(),
        weekends: flags[0],
        languages: list(get(f, "languages")),
        profiles: list(get(f, "profiles")),
        phone: get(f, "phone").to_owned(),
        email: get(f, "email").to_owned(),
        website: get(f, "website").to_owned(),
        has_places: flags[1],
    };
    let facts = match raw.parse() {
        Ok(facts) => Some(facts),
        Err(fp) => {
            for x in fp {
                let value = get(f, &x.field).to_owned();
                p(&x.field, &x.code, &value);
            }
            None
        }
    };
    if problems.len() > before {
        return None;
    }
    Some(UnitRecord {
        id: id?,
        kind: kind?,
        name: name.to_owned(),
        operator: Operator { kind: operator_type?, organisation, name: operator_name.to_owned() },
        district: district?,
        street: street.to_owned(),
        postcode: postcode.to_owned(),
        point: point?,
        size,
        facts: facts?,
    })
}

/// Checks values against what is (or will be) stored: the indicator must exist and apply to the
/// unit's kind, the unit must exist, and the value must fit the indicator.
pub fn check_values(
    values: &[(usize, ValueRow)],
    indicators: &HashMap<IndicatorKey, IndicatorDef>,
    unit_kinds: &HashMap<ProviderUnitId, UnitKind>,
) -> Vec<RowProblem> {
    let mut problems = Vec::new();
    for (row, v) in values {
        let Some(def) = indicators.get(&v.kpi) else {
            problems.push(RowProblem::new(*row, "kpi", "compare-import-unknown-kpi", v.kpi.as_str()));
            continue;
        };
        let Some(kind) = unit_kinds.get(&v.unit) else {
            problems.push(RowProblem::new(*row, "unit", "compare-import-unknown-unit", v.unit.as_str()));
            continue;
        };
        if !def.applies_to(*kind) {
            problems.push(RowProblem::new(*row, "kpi", "compare-import-kpi-not-for-kind", v.kpi.as_str()));
        }
        for problem in v.observation.check(def) {
            let shown = match problem.field() {
                "period" => v.observation.period.to_string(),
                "value" => v.observation.value.to_string(),
                "n" => v.observation.n.map(|n| n.to_string()).unwrap_or_default(),
                _ => v.observation.response_rate.map(|r| r.to_string()).unwrap_or_default(),
            };
            problems.push(RowProblem::new(*row, problem.field(), problem.code(), &shown));
        }
    }
    for p in &mut problems {
        p.section = "values".to_owned();
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::indicator::Measure;

    fn in_section(section: &str, p: RowProblem) -> RowProblem {
        RowProblem { section: section.to_owned(), ..p }
    }

    #[test]
    fn a_json_file_may_hold_units_and_their_values_together() {
        let json = r#"{"units": [{"id": "fs-a", "kind": "preschool", "name": "A", "operator_type": "city",
            "operator_name": "Stadsdelsförvaltningen Bromma", "district": "Bromma", "street": "Brommaplan 1",
            "lat": 59.338, "lon": 17.939, "hours": "07:00-17:00", "languages": ["sv", "fi"], "description_sv": "Text"}],
            "values": [{"kpi": "group-size", "unit": "fs-a", "period": 2025, "value": 14.5, "n": 40},
                       {"kpi": "group-size", "unit": "fs-a", "period": "x", "value": 1}]}"#;
        let file = parse_file("all.json", json.as_bytes()).unwrap();
        assert_eq!(file.kind, ImportKind::Combined);
        assert_eq!((file.rows, file.units.len(), file.values.len()), (3, 1, 1));
        assert_eq!(
            file.problems,
            vec![in_section("values", RowProblem::new(2, "period", "compare-error-period", "x"))]
        );
    }

    const UNITS_CSV: &str = "id,kind,name,operator_type,organisation_number,operator_name,district,street,postcode,lat,lon,hours,weekends,languages,profiles,size,phone,email,website,has_places,description_sv,description_en,description_fi,description_ar\n\
        fs-sol,preschool,Förskolan Solen,private,559234-5671,Solrosens Förskolor AB,bromma,Brommaplan 3,168 71,59.338,17.939,06:30-18:00,no,sv;ar,outdoor,48,08-123 456 78,info@solen.example.se,https://solen.example.se,yes,Liten förskola.,Small preschool.,,\n\
        fs-bad,daycare,Bad,private,,X,atlantis,Gatan 1,123,18.0,59.0,late,maybe,klingon,,many,,,,no,,,,\n";

    #[test]
    fn a_unit_file_parses_and_every_problem_names_row_and_field() {
        let file = parse_file("units.csv", UNITS_CSV.as_bytes()).unwrap();
        assert_eq!(file.kind, ImportKind::Units);
        assert_eq!(file.rows, 2);
        assert_eq!(file.units.len(), 1, "row 2 is good");
        assert_eq!(file.units[0].1.facts.hours.opens, 390);
        let fields: Vec<&str> = file.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            file.problems[0],
            in_section("units", RowProblem::new(3, "description_sv", "compare-import-missing", ""))
        );
        assert_eq!(fields.iter().filter(|f| **f == "description_sv").count(), 1, "reported once");
        for f in
            ["kind", "organisation_number", "district", "postcode", "lat", "size", "weekends", "hours", "languages"]
        {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        assert!(file.problems.iter().all(|p| p.row == 3));
    }

    #[test]
    fn kolada_shaped_values_parse_from_csv_and_json_alike() {
        let csv = "kpi;unit;period;value;n;response_rate\nparent-satisfaction;fs-sol;2025;87,5;41;62\n";
        let json =
            r#"[{"kpi":"parent-satisfaction","unit":"fs-sol","period":2025,"value":87.5,"n":41,"response_rate":62}]"#;
        let a = parse_file("v.csv", csv.as_bytes()).unwrap();
        let b = parse_file("v.json", json.as_bytes()).unwrap();
        assert!(a.problems.is_empty() && b.problems.is_empty(), "{:?} {:?}", a.problems, b.problems);
        assert_eq!(a.values[0].1, b.values[0].1);
        assert_eq!(a.values[0].0, 2);
        assert_eq!(b.values[0].0, 1);
        let wrapped = format!("{{\"values\": {json}}}");
        assert_eq!(parse_file("v.json", wrapped.as_bytes()).unwrap().values.len(), 1);
    }

    #[test]
    fn file_level_problems_are_named() {
        assert_eq!(parse_file("x.csv", b"").unwrap_err().code, "compare-import-empty");
        assert_eq!(parse_file("x.csv", b"a,b\n1,2\n").unwrap_err().code, "compare-import-unknown-format");
        assert_eq!(
            parse_file("x.csv", b"kpi,unit\n1,2,3\n").unwrap_err(),
            RowProblem::new(2, "", "compare-import-column-count", "3")
        );
        assert_eq!(parse_file("x.json", b"[{").unwrap_err().code, "compare-import-json");
        assert_eq!(parse_file("x.csv", &[0xff, 0xfe]).unwrap_err().code, "compare-import-not-utf8");
        let file = parse_file("x.csv", b"kpi,unit,period,value,colour\nk1,u1,2025,1,red\nk1,u1,2025,2,red\n").unwrap();
        assert_eq!(
            file.problems[0],
            in_section("values", RowProblem::new(1, "colour", "compare-import-unknown-column", "colour"))
        );
        assert_eq!(file.problems[1], in_section("values", RowProblem::new(3, "kpi", "compare-import-duplicate", "k1")));
    }

    #[test]
    fn values_are_checked_against_stored_indicators_and_units() {
        let def = IndicatorDef {
            key: IndicatorKey::parse("parent-satisfaction").unwrap(),
            kinds: vec![UnitKind::Preschool],
            measure: Measure::Percent,
            higher_is_better: true,
            survey: true,
            decimals: 0,
            source: "S".into(),
            name: BTreeMap::new(),
            definition: BTreeMap::new(),
        };
        let indicators = HashMap::from([(def.key.clone(), def)]);
        let units = HashMap::from([
            (ProviderUnitId::parse("fs-sol").unwrap(), UnitKind::Preschool),
            (ProviderUnitId::parse("home-1").unwrap(), UnitKind::ElderlyHome),
        ]);
        let csv = "kpi,unit,period,value,n\nparent-satisfaction,fs-sol,2025,87,41\nnope,fs-sol,2025,1,1\n\
                   parent-satisfaction,ghost,2025,1,1\nparent-satisfaction,home-1,2025,50,20\nparent-satisfaction,fs-sol,2024,140,\n";
        let file = parse_file("v.csv", csv.as_bytes()).unwrap();
        let problems = check_values(&file.values, &indicators, &units);
        let got: Vec<(usize, &str, &str)> =
            problems.iter().map(|p| (p.row, p.field.as_str(), p.code.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (3, "kpi", "compare-import-unknown-kpi"),
                (4, "unit", "compare-import-unknown-unit"),
                (5, "kpi", "compare-import-kpi-not-for-kind"),
                (6, "value", "compare-error-value"),
                (6, "n", "compare-error-n-required"),
            ]
        );
    }
}
