//! The open-data export: units and values as CSV (two files, the import's formats) or as one
//! JSON document, so every export can be imported again unchanged.

use super::import::UNIT_COLUMNS;
use super::indicator::{IndicatorKey, Observation};
use super::unit::UnitRecord;
use crate::csv::{defuse, CsvFile, Style};
use serde_json::{json, Map, Value};
use std::borrow::Cow;

/// One unit's fields, by column, as plain text (numbers in the `.` decimal form).
fn unit_fields(u: &UnitRecord) -> Vec<(&'static str, Cell)> {
    let f = &u.facts;
    let desc = |l: &str| Cell::Text(f.description.get(l).cloned().unwrap_or_default());
    let opt = |o: &Option<String>| Cell::Text(o.clone().unwrap_or_default());
    let list = |items: Vec<&str>| Cell::List(items.into_iter().map(str::to_owned).collect());
    let fields = vec![
        ("id", Cell::Text(u.id.as_str().to_owned())),
        ("kind", Cell::Text(u.kind.slug().to_owned())),
        ("name", Cell::Text(u.name.clone())),
        ("operator_type", Cell::Text(u.operator.kind.slug().to_owned())),
        (
            "organisation_number",
            Cell::Text(u.operator.organisation.as_ref().map(|o| o.as_str().to_owned()).unwrap_or_default()),
        ),
        ("operator_name", Cell::Text(u.operator.name.clone())),
        ("district", Cell::Text(u.district.slug().to_owned())),
        ("street", Cell::Text(u.street.clone())),
        ("postcode", Cell::Text(u.postcode.clone())),
        ("lat", Cell::Number(u.point.lat)),
        ("lon", Cell::Number(u.point.lon)),
        ("hours", Cell::Text(f.hours.to_plain())),
        ("weekends", Cell::Bool(f.hours.weekends)),
        ("languages", list(f.languages.iter().map(|l| l.slug()).collect())),
        ("profiles", list(f.profiles.iter().map(|p| p.slug()).collect())),
        ("size", u.size.map(Cell::Int).unwrap_or(Cell::Empty)),
        ("phone", opt(&f.phone)),
        ("email", opt(&f.email)),
        ("website", opt(&f.website)),
        ("has_places", Cell::Bool(f.has_places)),
        ("description_sv", desc("sv")),
        ("description_en", desc("en")),
        ("description_fi", desc("fi")),
        ("description_ar", desc("ar")),
    ];
    debug_assert_eq!(fields.iter().map(|(k, _)| *k).collect::<Vec<_>>(), UNIT_COLUMNS);
    fields
}

enum Cell {
    Text(String),
    Number(f64),
    Int(u32),
    Bool(bool),
    List(Vec<String>),
    Empty,
}

impl Cell {
    /// The field as written: text defused, numbers as they are (the writer leaves them bare).
    fn csv(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => defuse(s),
            Cell::Number(n) => n.to_string().into(),
            Cell::Int(n) => n.to_string().into(),
            Cell::Bool(b) => if *b { "true" } else { "false" }.into(),
            Cell::List(items) => defuse(&items.join(";")).into_owned().into(),
            Cell::Empty => "".into(),
        }
    }

    fn json(self) -> Value {
        match self {
            Cell::Text(s) if s.is_empty() => Value::Null,
            Cell::Text(s) => Value::String(s),
            Cell::Number(n) => json!(n),
            Cell::Int(n) => json!(n),
            Cell::Bool(b) => Value::Bool(b),
            Cell::List(items) => json!(items),
            Cell::Empty => Value::Null,
        }
    }
}

/// `providers.csv`: one row per unit, the import's unit columns.
pub fn units_csv(units: &[UnitRecord]) -> String {
    let mut file = CsvFile::new(UNIT_COLUMNS, Style::TextQuoted);
    for u in units {
        let fields = unit_fields(u);
        file.row(fields.iter().map(|(_, c)| c.csv().into_owned()));
    }
    file.finish()
}

/// `provider-indicators.csv`: Kolada-shaped values.
pub fn values_csv(values: &[(String, IndicatorKey, Observation)]) -> String {
    let mut file = CsvFile::new(&["kpi", "unit", "period", "value", "n", "response_rate"], Style::TextQuoted);
    for (unit, key, o) in values {
        file.row([
            defuse(key.as_str()).into_owned(),
            defuse(unit).into_owned(),
            o.period.to_string(),
            o.value.to_string(),
            o.n.map(|n| n.to_string()).unwrap_or_default(),
            o.response_rate.map(|r| r.to_string()).unwrap_or_default(),
        ]);
    }
    file.finish()
}

/// One unit as a JSON object with the import's columns.
pub fn unit_json(u: &UnitRecord) -> Value {
    let map: Map<String, Value> = unit_fields(u).into_iter().map(|(k, c)| (k.to_owned(), c.json())).collect();
    Value::Object(map)
}

/// One value as a JSON object with the import's columns.
pub fn value_json(unit: &str, key: &IndicatorKey, o: &Observation) -> Value {
    json!({ "kpi": key.as_str(), "unit": unit, "period": o.period, "value": o.value, "n": o.n, "response_rate": o.response_rate })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::import::{parse_file, ImportKind};

    const UNITS: &str = "id,kind,name,operator_type,organisation_number,operator_name,district,street,postcode,lat,lon,hours,weekends,languages,profiles,size,phone,email,website,has_places,description_sv,description_en,description_fi,description_ar\n\
        fs-sol,preschool,\"Förskolan \"\"Solen\"\"\",private,559234-5671,Solrosens Förskolor AB,bromma,Brommaplan 3,168 71,59.3381234,17.9391234,06:30-18:00,no,sv;ar,outdoor;music,48,08-123 456 78,info@solen.example.se,https://solen.example.se,yes,\"Liten förskola,\nmed gård.\",Small preschool.,,\n\
        hem-1,home-care,Hemtjänsten Farsta,city,,Stadsdelsförvaltningen Farsta,farsta,Farsta torg 1,,59.243,18.092,07:00-22:00,yes,sv,,,,,,no,Hemtjänst.,,,\n";

    #[test]
    fn exported_units_import_again_unchanged_as_csv_and_json() {
        let parsed = parse_file("u.csv", UNITS.as_bytes()).unwrap();
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let units: Vec<UnitRecord> = parsed.units.into_iter().map(|(_, u)| u).collect();
        let again = parse_file("again.csv", units_csv(&units).as_bytes()).unwrap();
        assert!(again.problems.is_empty(), "{:?}", again.problems);
        assert_eq!(again.units.into_iter().map(|(_, u)| u).collect::<Vec<_>>(), units);
        let json = json!({ "units": units.iter().map(unit_json).collect::<Vec<_>>() }).to_string();
        let from_json = parse_file("u.json", json.as_bytes()).unwrap();
        assert!(from_json.problems.is_empty(), "{:?}", from_json.problems);
        assert_eq!(from_json.units.into_iter().map(|(_, u)| u).collect::<Vec<_>>(), units);
    }

    #[test]
    fn the_open_data_files_keep_their_shape() {
        let parsed = parse_file("u.csv", UNITS.as_bytes()).unwrap();
        let units: Vec<UnitRecord> = parsed.units.into_iter().map(|(_, u)| u).collect();
        let csv = units_csv(&units);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], UNIT_COLUMNS.join(","), "the header as it was, unquoted");
        // Text quoted (and defused), numbers bare, empty fields as "".
        assert_eq!(
            lines[lines.len() - 2],
            "\"hem-1\",\"home-care\",\"Hemtjänsten Farsta\",\"city\",\"\",\"Stadsdelsförvaltningen Farsta\",\"farsta\",\
             \"Farsta torg 1\",\"\",59.243,18.092,\"07:00-22:00\",\"true\",\"sv\",\"\",\"\",\"\",\"\",\"\",\"false\",\"Hemtjänst.\",\"\",\"\",\"\""
        );
        assert_eq!(lines.last(), Some(&""), "every line ends in CRLF");
        let key = IndicatorKey::parse("parent-satisfaction").unwrap();
        let values = vec![
            (
                "fs-sol".to_owned(),
                key.clone(),
                Observation { period: 2025, value: 87.5, n: Some(41), response_rate: None },
            ),
            ("-x".to_owned(), key, Observation { period: 2024, value: -1.0, n: None, response_rate: Some(62.5) }),
        ];
        assert_eq!(
            values_csv(&values),
            "kpi,unit,period,value,n,response_rate\r\n\"parent-satisfaction\",\"fs-sol\",2025,87.5,41,\"\"\r\n\
             \"parent-satisfaction\",\"'-x\",2024,-1,\"\",62.5\r\n"
        );
    }

    #[test]
    fn exported_values_import_again_unchanged() {
        let key = IndicatorKey::parse("parent-satisfaction").unwrap();
        let values = vec![
            (
                "fs-sol".to_owned(),
                key.clone(),
                Observation { period: 2025, value: 87.5, n: Some(41), response_rate: Some(62.0) },
            ),
            ("fs-sol".to_owned(), key.clone(), Observation { period: 2024, value: 90.0, n: None, response_rate: None }),
        ];
        let parsed = parse_file("v.csv", values_csv(&values).as_bytes()).unwrap();
        assert_eq!(parsed.kind, ImportKind::Values);
        let back: Vec<_> =
            parsed.values.into_iter().map(|(_, v)| (v.unit.as_str().to_owned(), v.kpi, v.observation)).collect();
        assert_eq!(back, values);
        let json =
            json!({ "values": values.iter().map(|(u, k, o)| value_json(u, k, o)).collect::<Vec<_>>() }).to_string();
        assert_eq!(parse_file("v.json", json.as_bytes()).unwrap().values.len(), 2);
    }
}
