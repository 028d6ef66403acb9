//! Compare providers: provider units, indicators and values; the comparison list and side by
//! side; the provider portal's edits with their history and the city's revert; import in one
//! transaction; the open-data export.
//!
//! List policy: filter, order and page in SQL, so only a page of rows leaves the database — one
//! query for the page's ids (from a covering index, top twenty only) joined to those rows in full,
//! one for the number of matches, one for the latest values of the indicators the list shows. A
//! list sorted by an indicator reads `compare_sort`, a copy of each unit's filter columns beside
//! each latest value, kept in step wherever either changes ([`refresh_sort`]); the kind counts
//! and indicator definitions come from a short-lived cache ([`CompareCache`]). Distance orders by the
//! equirectangular approximation (plain arithmetic with the cosine bound as a parameter, the same
//! on both backends and exact enough to rank within a city); the page's distances are then
//! computed exactly (haversine). Units without the sort indicator's value come last.

use crate::{Backend, DbError, Result, Store};
use sqlx::any::AnyRow;
use sqlx::Row;
use stadsporten_domain::compare::import::{check_values, ImportKind, ParsedFile, RowProblem};
use stadsporten_domain::compare::query::PAGE_SIZE;
use stadsporten_domain::compare::unit::{Operator, UnitRecord};
use stadsporten_domain::compare::{
    CompareQuery, District, GeoPoint, IndicatorDef, IndicatorKey, Measure, Observation, OpeningHours, OperatorType,
    Profile, ProviderUnitId, SortKey, SpokenLanguage, UnitFacts, UnitKind,
};
use stadsporten_domain::ids::UserId;
use stadsporten_domain::organisation::OrganisationNumber;
use stadsporten_domain::search::fold;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Who last changed a unit's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedBy {
    Seed,
    Import,
    Provider,
    City,
}

impl ChangedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangedBy::Seed => "seed",
            ChangedBy::Import => "import",
            ChangedBy::Provider => "provider",
            ChangedBy::City => "city",
        }
    }

    fn parse(s: &str) -> Result<ChangedBy> {
        Ok(match s {
            "seed" => ChangedBy::Seed,
            "import" => ChangedBy::Import,
            "provider" => ChangedBy::Provider,
            "city" => ChangedBy::City,
            other => return Err(DbError::CorruptRow(format!("updated_by_kind {other}"))),
        })
    }
}

/// A stored unit with who changed it last.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    pub record: UnitRecord,
    pub updated_at: i64,
    pub updated_by: ChangedBy,
}

/// One unit in the comparison list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedUnit {
    pub unit: UnitRow,
    pub distance_m: Option<f64>,
    /// The latest value of each indicator.
    pub latest: Vec<(IndicatorKey, Observation)>,
}

/// One page of the comparison list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListPage {
    pub total: usize,
    pub units: Vec<ListedUnit>,
}

/// A unit with every value of every indicator, newest period first.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDetail {
    pub unit: UnitRow,
    pub values: Vec<(IndicatorKey, Observation)>,
}

/// One change of a unit's facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub id: i64,
    pub unit_id: String,
    pub unit_name: String,
    pub at: i64,
    pub by_kind: ChangedBy,
    pub by_name: Option<String>,
    pub changed: Vec<String>,
    pub before: UnitFacts,
    pub after: UnitFacts,
    pub reverted_by: Option<i64>,
}

/// What saving facts did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactsSaved {
    UnknownUnit,
    Unchanged,
    Saved(i64),
}

/// What a revert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reverted {
    UnknownRevision,
    AlreadyReverted,
    /// A later change exists; revert that first (so no later edit is silently undone).
    NotLatest,
    Reverted(i64),
}

/// The outcome of an import or its dry run.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub rows: usize,
    pub added: usize,
    pub changed: usize,
    pub problems: Vec<RowProblem>,
    /// True only when the rows were stored (not a dry run, no problems).
    pub stored: bool,
}

impl ImportReport {
    /// A file refused before any row could be read (not UTF-8, not CSV or JSON, empty, …).
    pub fn refused(problem: RowProblem) -> ImportReport {
        ImportReport { kind: ImportKind::Units, rows: 0, added: 0, changed: 0, problems: vec![problem], stored: false }
    }
}

/// A unit as a choice in an e-service's select field.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitChoice {
    pub id: String,
    pub name: String,
    pub district: District,
}

const UNIT_COLUMNS: &str =
    "u.id, u.kind, u.name, u.operator_type, u.organisation_number, u.operator_name, u.district, \
     u.street, u.postcode, u.lat, u.lon, u.opens_min, u.closes_min, u.weekends, u.languages, u.profiles, u.size, \
     u.phone, u.email, u.website, u.has_places, u.descriptions, u.updated_at, u.updated_by_kind";

fn corrupt(what: &str, value: &str) -> DbError {
    DbError::CorruptRow(format!("provider unit {what}: {value}"))
}

/// `,a,b,` from slugs.
/// The set as an integer with one bit per value, its position in `all` (the list filter tests
/// `mask & wanted = wanted` inside the covering index; a `like` on the text column cannot use it).
/// The positions are stored: new values go at the end of the enum (pinned by a test, and migration
/// 0007 computed the masks of existing rows with the same positions).
fn bit_mask<T: PartialEq>(all: &[T], chosen: &[T]) -> i64 {
    all.iter().enumerate().filter(|(_, v)| chosen.contains(v)).fold(0, |m, (i, _)| m | (1 << i))
}

fn set_column<'a>(slugs: impl Iterator<Item = &'a str>) -> String {
    let mut s = String::from(",");
    for slug in slugs {
        s.push_str(slug);
        s.push(',');
    }
    s
}

fn unit_from_row(r: &AnyRow) -> Result<UnitRow> {
    let get = |c: &str| -> Result<String> { Ok(r.try_get::<String, _>(c)?) };
    let id = get("id")?;
    let kind = get("kind")?;
    let operator_type = get("operator_type")?;
    let district = get("district")?;
    let org: Option<String> = r.try_get("organisation_number")?;
    let hours = OpeningHours {
        opens: u16::try_from(r.try_get::<i64, _>("opens_min")?).map_err(|_| corrupt("opens", &id))?,
        closes: u16::try_from(r.try_get::<i64, _>("closes_min")?).map_err(|_| corrupt("closes", &id))?,
        weekends: r.try_get::<i64, _>("weekends")? != 0,
    };
    let languages = get("languages")?.split(',').filter(|s| !s.is_empty()).filter_map(SpokenLanguage::parse).collect();
    let profiles = get("profiles")?.split(',').filter(|s| !s.is_empty()).filter_map(Profile::parse).collect();
    let description: BTreeMap<String, String> =
        serde_json::from_str(&get("descriptions")?).map_err(|_| corrupt("descriptions", &id))?;
    let record = UnitRecord {
        id: ProviderUnitId::parse(&id).ok_or_else(|| corrupt("id", &id))?,
        kind: UnitKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
        name: get("name")?,
        operator: Operator {
            kind: OperatorType::parse(&operator_type).ok_or_else(|| corrupt("operator_type", &operator_type))?,
            organisation: org.as_deref().map(OrganisationNumber::parse).transpose().map_err(|_| corrupt("org", &id))?,
            name: get("operator_name")?,
        },
        district: District::parse(&district).ok_or_else(|| corrupt("district", &district))?,
        street: get("street")?,
        postcode: get("postcode")?,
        point: GeoPoint { lat: r.try_get("lat")?, lon: r.try_get("lon")? },
        size: r.try_get::<Option<i64>, _>("size")?.and_then(|s| u32::try_from(s).ok()),
        facts: UnitFacts {
            description,
            hours,
            languages,
            profiles,
            phone: r.try_get("phone")?,
            email: r.try_get("email")?,
            website: r.try_get("website")?,
            has_places: r.try_get::<i64, _>("has_places")? != 0,
        },
    };
    Ok(UnitRow {
        record,
        updated_at: r.try_get("updated_at")?,
        updated_by: ChangedBy::parse(&get("updated_by_kind")?)?,
    })
}

fn observation_from_row(r: &AnyRow) -> Result<(String, IndicatorKey, Observation)> {
    let key: String = r.try_get("indicator")?;
    Ok((
        r.try_get("unit_id")?,
        IndicatorKey::parse(&key).ok_or_else(|| corrupt("indicator", &key))?,
        Observation {
            period: u16::try_from(r.try_get::<i64, _>("period")?).map_err(|_| corrupt("period", &key))?,
            value: r.try_get("value")?,
            n: r.try_get::<Option<i64>, _>("n")?.and_then(|n| u32::try_from(n).ok()),
            response_rate: r.try_get("response_rate")?,
        },
    ))
}

fn indicator_from_row(r: &AnyRow) -> Result<IndicatorDef> {
    let key: String = r.try_get("key")?;
    let measure: String = r.try_get("measure")?;
    let kinds: String = r.try_get("kinds")?;
    Ok(IndicatorDef {
        key: IndicatorKey::parse(&key).ok_or_else(|| corrupt("indicator key", &key))?,
        kinds: kinds.split(',').filter_map(UnitKind::parse).collect(),
        measure: Measure::parse(&measure).ok_or_else(|| corrupt("measure", &measure))?,
        higher_is_better: r.try_get::<i64, _>("higher_is_better")? != 0,
        survey: r.try_get::<i64, _>("survey")? != 0,
        decimals: u8::try_from(r.try_get::<i64, _>("decimals")?).unwrap_or(0),
        source: r.try_get("source")?,
        name: serde_json::from_str(&r.try_get::<String, _>("names")?).map_err(|_| corrupt("names", &key))?,
        definition: serde_json::from_str(&r.try_get::<String, _>("definitions")?)
            .map_err(|_| corrupt("definitions", &key))?,
    })
}

/// `$n, $n+1, …` for an `in (…)` list starting at placeholder `first`.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// Binds the facts' columns in the order of [`FACT_ASSIGNMENTS`].
macro_rules! bind_facts {
    ($q:expr, $facts:expr) => {{
        let f: &UnitFacts = $facts;
        $q.bind(i64::from(f.hours.opens))
            .bind(i64::from(f.hours.closes))
            .bind(i64::from(f.hours.weekends))
            .bind(set_column(f.languages.iter().map(|l| l.slug())))
            .bind(set_column(f.profiles.iter().map(|p| p.slug())))
            .bind(f.phone.clone())
            .bind(f.email.clone())
            .bind(f.website.clone())
            .bind(i64::from(f.has_places))
            .bind(serde_json::to_string(&f.description).unwrap_or_else(|_| "{}".into()))
            .bind(bit_mask(SpokenLanguage::ALL, &f.languages))
            .bind(bit_mask(Profile::ALL, &f.profiles))
    }};
}

/// The facts' columns, from `$1` to `$12`.
const FACT_ASSIGNMENTS: &str = "opens_min = $1, closes_min = $2, weekends = $3, languages = $4, profiles = $5, \
     phone = $6, email = $7, website = $8, has_places = $9, descriptions = $10, language_mask = $11, \
     profile_mask = $12";

/// What every list view reads and rarely changes: the units per kind (the kind menu) and the
/// indicator definitions. Held for [`CompareCache::TTL`] at most, and dropped at once by any change
/// made through the same store (import, seed); an import by another process (the command line)
/// shows in the kind menu within the TTL. The list itself is always read fresh.
#[derive(Debug, Clone)]
pub struct CompareCache {
    counts: Vec<(UnitKind, i64)>,
    indicators: Vec<IndicatorDef>,
    loaded: std::time::Instant,
}

impl CompareCache {
    pub const TTL: std::time::Duration = std::time::Duration::from_secs(30);
}

impl Store {
    /// The cached counts and definitions, loaded when missing or older than the TTL.
    async fn compare_cache(&self) -> Result<CompareCache> {
        if let Some(c) = self.compare_cache.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
            if c.loaded.elapsed() < CompareCache::TTL {
                return Ok(c.clone());
            }
        }
        let fresh = CompareCache {
            counts: self.load_unit_counts().await?,
            indicators: self.load_indicators().await?,
            loaded: std::time::Instant::now(),
        };
        *self.compare_cache.write().unwrap_or_else(|e| e.into_inner()) = Some(fresh.clone());
        Ok(fresh)
    }

    /// Every indicator, in display order.
    pub async fn indicators(&self) -> Result<Vec<IndicatorDef>> {
        Ok(self.compare_cache().await?.indicators)
    }

    /// How many units there are of each kind, every kind listed.
    pub async fn unit_counts(&self) -> Result<Vec<(UnitKind, i64)>> {
        Ok(self.compare_cache().await?.counts)
    }

    async fn load_indicators(&self) -> Result<Vec<IndicatorDef>> {
        let rows = sqlx::query(
            "select key, kinds, measure, higher_is_better, survey, decimals, source, names, definitions \
             from indicators order by position, key",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(indicator_from_row).collect()
    }

    /// Adds indicators that are missing (by key); existing ones are left as they are.
    pub async fn add_indicators(&self, defs: &[IndicatorDef]) -> Result<usize> {
        let mut tx = self.begin_write().await?;
        let mut added = 0;
        for (position, d) in defs.iter().enumerate() {
            let done = sqlx::query(
                "insert into indicators (key, kinds, measure, higher_is_better, survey, decimals, source, names, \
                 definitions, position) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (key) do nothing",
            )
            .bind(d.key.as_str())
            .bind(set_column(d.kinds.iter().map(|k| k.slug())))
            .bind(d.measure.slug())
            .bind(i64::from(d.higher_is_better))
            .bind(i64::from(d.survey))
            .bind(i64::from(d.decimals))
            .bind(&d.source)
            .bind(serde_json::to_string(&d.name).unwrap_or_default())
            .bind(serde_json::to_string(&d.definition).unwrap_or_default())
            .bind(i64::try_from(position).unwrap_or(0))
            .execute(&mut *tx)
            .await?;
            added += usize::try_from(done.rows_affected()).unwrap_or(0);
        }
        if added > 0 {
            refresh_sort(&mut tx, None).await?;
        }
        tx.commit().await?;
        self.changed(crate::changes::Topic::Content);
        Ok(added)
    }

    async fn load_unit_counts(&self) -> Result<Vec<(UnitKind, i64)>> {
        let rows =
            sqlx::query("select kind, count(*) as n from provider_units group by kind").fetch_all(&self.pool).await?;
        let mut counts: HashMap<String, i64> = HashMap::new();
        for r in &rows {
            counts.insert(r.try_get("kind")?, r.try_get("n")?);
        }
        Ok(UnitKind::ALL.iter().map(|k| (*k, counts.get(k.slug()).copied().unwrap_or(0))).collect())
    }

    /// One page of the comparison list for a query of one kind. `origin` is where distances are
    /// measured from (already located); `sort` must be an indicator of the kind (or absent);
    /// `shown` are the indicators whose latest values the list shows.
    pub async fn compare_units(
        &self,
        query: &CompareQuery,
        kind: UnitKind,
        origin: Option<GeoPoint>,
        sort: Option<&IndicatorDef>,
        shown: &[IndicatorKey],
    ) -> Result<ListPage> {
        let mut binds: Vec<Bind> = Vec::new();
        let push = |b: Bind, binds: &mut Vec<Bind>| {
            binds.push(b);
            format!("${}", binds.len())
        };
        let mut conds = vec![format!("u.kind = {}", push(Bind::Text(kind.slug().to_owned()), &mut binds))];
        if let Some(d) = query.district {
            conds.push(format!("u.district = {}", push(Bind::Text(d.slug().to_owned()), &mut binds)));
        }
        if let Some(o) = query.operator {
            conds.push(format!("u.operator_type = {}", push(Bind::Text(o.slug().to_owned()), &mut binds)));
        }
        if !query.languages.is_empty() {
            let m = push(Bind::Int(bit_mask(SpokenLanguage::ALL, &query.languages)), &mut binds);
            conds.push(format!("(u.language_mask & {m}) = {m}"));
        }
        if let Some(p) = query.profile {
            let m = push(Bind::Int(bit_mask(Profile::ALL, &[p])), &mut binds);
            conds.push(format!("(u.profile_mask & {m}) = {m}"));
        }
        if let Some(m) = query.open_from {
            conds.push(format!("u.opens_min <= {}", push(Bind::Int(i64::from(m)), &mut binds)));
        }
        if let Some(m) = query.open_until {
            conds.push(format!("u.closes_min >= {}", push(Bind::Int(i64::from(m)), &mut binds)));
        }
        if query.has_places {
            conds.push(format!("u.has_places = {}", push(Bind::Int(1), &mut binds)));
        }
        if let Some(q) = &query.q {
            // `like` wildcards typed by the visitor are matched literally.
            let needle = fold(q).replace(['%', '_', '\\'], "");
            conds.push(format!("u.name_folded like {}", push(Bind::Text(format!("%{needle}%")), &mut binds)));
        }
        let filter = conds.join(" and ");
        let count_sql = format!("select count(*) as n from provider_units u where {filter}");
        let count_binds = binds.len();
        // Sorted by an indicator, the page comes from `compare_sort` (the unit's filter columns
        // beside the indicator's latest value, in the order shown): read in index order, stopping
        // after the page, instead of looking up the value of every matching unit.
        let (source, id_column, filter) = match (&query.sort, sort) {
            (SortKey::Indicator(_), Some(def)) => {
                let p = push(Bind::Text(def.key.as_str().to_owned()), &mut binds);
                ("compare_sort", "unit_id", format!("u.indicator = {p} and {filter}"))
            }
            _ => ("provider_units", "id", filter),
        };
        // Ordering happens in SQL, so only a page of rows ever leaves the database. Distance orders
        // by the equirectangular approximation (plain arithmetic, the same on both backends; exact
        // enough to rank within a city); the page's distances are then computed exactly.
        let order = match (&query.sort, sort, origin) {
            // `rank` is the value, negated when higher is better; `missing` puts units without
            // a value last.
            (SortKey::Indicator(_), Some(_), _) => "u.missing, u.rank, u.name_folded, u.unit_id".to_owned(),
            (SortKey::Distance, _, Some(o)) => {
                let lon = push(Bind::Real(o.lon), &mut binds);
                let lat = push(Bind::Real(o.lat), &mut binds);
                let k = push(Bind::Real(o.lat.to_radians().cos()), &mut binds);
                format!("((u.lon - {lon}) * {k}) * ((u.lon - {lon}) * {k}) + (u.lat - {lat}) * (u.lat - {lat}), u.name_folded, u.id")
            }
            _ => "u.name_folded, u.id".to_owned(),
        };
        let size = i64::from(PAGE_SIZE);
        let offset = i64::from(query.page.saturating_sub(1)).saturating_mul(size);
        // The page's ids come from a covering index (`provider_units_filter`, or
        // `compare_sort_order` for an indicator) — filter and order without reading a row — and only then are those twenty rows read in full — in the same
        // query. Selecting every column in the inner query would read every matching row before
        // sorting. `pos` numbers the twenty in the order the inner query gives them (both engines
        // read an ordered subquery in order; the storage tests check the order on both); a
        // `row_number() over (order by …)` would sort every match a second time. The number of
        // all matches is a query of its own: a `count(*) over ()` beside the order made both
        // engines materialise and sort every match in full instead of keeping the top twenty
        // (`sqlite3`: 4–6 ms against under 1 ms for the two queries, for 2,222 preschools).
        let page_sql = format!(
            "select p.pos, {UNIT_COLUMNS} from (select q.id, row_number() over () as pos \
             from (select u.{id_column} as id from {source} u where {filter} \
             order by {order} limit {size} offset {offset}) q) p join provider_units u on u.id = p.id order by p.pos"
        );
        let found = bind_all(sqlx::query(&page_sql), &binds).fetch_all(&self.pool).await?;
        let total: i64 =
            bind_all(sqlx::query(&count_sql), &binds[..count_binds]).fetch_one(&self.pool).await?.try_get("n")?;
        let rows: Vec<UnitRow> = found.iter().map(unit_from_row).collect::<Result<_>>()?;
        let ids: Vec<String> = rows.iter().map(|u| u.record.id.as_str().to_owned()).collect();
        let mut latest = self.latest_values_of(&ids, shown).await?;
        let units = rows
            .into_iter()
            .map(|unit| {
                let id = unit.record.id.as_str().to_owned();
                ListedUnit {
                    distance_m: origin.map(|o| o.distance_m(unit.record.point)),
                    latest: latest.remove(&id).unwrap_or_default(),
                    unit,
                }
            })
            .collect();
        Ok(ListPage { total: usize::try_from(total).unwrap_or(0), units })
    }

    /// Units by id, as a map (unknown ids are absent).
    async fn unit_rows(&self, ids: &[String]) -> Result<HashMap<String, UnitRow>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!("select {UNIT_COLUMNS} from provider_units u where u.id in ({})", placeholders(1, ids.len()));
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(id.clone());
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter().map(|r| unit_from_row(r).map(|u| (u.record.id.as_str().to_owned(), u))).collect()
    }

    /// The latest values of only these indicators of these units (the list's few columns).
    async fn latest_values_of(
        &self,
        ids: &[String],
        keys: &[IndicatorKey],
    ) -> Result<HashMap<String, Vec<(IndicatorKey, Observation)>>> {
        let mut out: HashMap<String, Vec<(IndicatorKey, Observation)>> = HashMap::new();
        if ids.is_empty() || keys.is_empty() {
            return Ok(out);
        }
        let sql = format!(
            "select unit_id, indicator, period, value, n, response_rate from indicator_values \
             where latest = 1 and unit_id in ({}) and indicator in ({})",
            placeholders(1, ids.len()),
            placeholders(ids.len() + 1, keys.len()),
        );
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(id.clone());
        }
        for k in keys {
            q = q.bind(k.as_str().to_owned());
        }
        for r in q.fetch_all(&self.pool).await? {
            let (unit, key, obs) = observation_from_row(&r)?;
            out.entry(unit).or_default().push((key, obs));
        }
        Ok(out)
    }

    /// Every value of these units, newest period first per indicator.
    async fn values_of(&self, ids: &[String]) -> Result<HashMap<String, Vec<(IndicatorKey, Observation)>>> {
        let mut out: HashMap<String, Vec<(IndicatorKey, Observation)>> = HashMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        let sql = format!(
            "select unit_id, indicator, period, value, n, response_rate from indicator_values \
             where unit_id in ({}) order by unit_id, indicator, period desc",
            placeholders(1, ids.len()),
        );
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(id.clone());
        }
        for r in q.fetch_all(&self.pool).await? {
            let (unit, key, obs) = observation_from_row(&r)?;
            out.entry(unit).or_default().push((key, obs));
        }
        Ok(out)
    }

    /// One unit with all its values.
    pub async fn provider_unit(&self, id: &ProviderUnitId) -> Result<Option<UnitDetail>> {
        Ok(self.provider_units(std::slice::from_ref(id)).await?.pop())
    }

    /// Units with all their values, in the order asked; unknown ids are left out.
    pub async fn provider_units(&self, ids: &[ProviderUnitId]) -> Result<Vec<UnitDetail>> {
        let ids: Vec<String> = ids.iter().map(|i| i.as_str().to_owned()).collect();
        let mut rows = self.unit_rows(&ids).await?;
        let mut values = self.values_of(&ids).await?;
        Ok(ids
            .iter()
            .filter_map(|id| Some(UnitDetail { unit: rows.remove(id)?, values: values.remove(id).unwrap_or_default() }))
            .collect())
    }

    /// The units an organisation runs, by name.
    pub async fn units_of_organisation(&self, org: &OrganisationNumber) -> Result<Vec<UnitRow>> {
        let rows = sqlx::query(&format!(
            "select {UNIT_COLUMNS} from provider_units u where u.organisation_number = $1 order by u.name_folded"
        ))
        .bind(org.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(unit_from_row).collect()
    }

    /// Every unit of a kind as a choice for an e-service, by name.
    pub async fn unit_choices(&self, kind: Option<UnitKind>) -> Result<Vec<UnitChoice>> {
        let rows = match kind {
            Some(kind) => {
                sqlx::query("select id, name, district from provider_units where kind = $1 order by name_folded, id")
                    .bind(kind.slug())
                    .fetch_all(&self.pool)
                    .await?
            }
            None => {
                sqlx::query("select id, name, district from provider_units order by name_folded, id")
                    .fetch_all(&self.pool)
                    .await?
            }
        };
        let mut choices = rows
            .iter()
            .map(|r| {
                let district: String = r.try_get("district")?;
                Ok(UnitChoice {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    district: District::parse(&district).ok_or_else(|| corrupt("district", &district))?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        // A list a resident picks from is in Swedish order (Å, Ä, Ö last), not folded.
        choices.sort_by_cached_key(|c| stadsporten_domain::search::swedish_order(&c.name));
        Ok(choices)
    }

    /// Saves a unit's facts (provider portal or the city), with a revision holding before and
    /// after. Nothing is written when nothing changed.
    pub async fn save_unit_facts(
        &self,
        id: &ProviderUnitId,
        facts: &UnitFacts,
        by_user: UserId,
        by: ChangedBy,
        now: i64,
    ) -> Result<FactsSaved> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!("select {UNIT_COLUMNS} from provider_units u where u.id = $1"))
            .bind(id.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(FactsSaved::UnknownUnit);
        };
        let before = unit_from_row(&row)?.record.facts;
        let changed = facts.changed_fields(&before);
        if changed.is_empty() {
            tx.rollback().await?;
            return Ok(FactsSaved::Unchanged);
        }
        let revision = write_facts(&mut tx, id.as_str(), &before, facts, &changed, by_user, by, now).await?;
        tx.audit_reason(format!("revision {revision}"));
        tx.commit().await?;
        self.changed(crate::changes::Topic::Content);
        Ok(FactsSaved::Saved(revision))
    }

    /// Undoes one change: the unit's facts go back to what they were before it, as a new revision
    /// by the city. Only the latest change of a unit can be undone.
    pub async fn revert_revision(&self, revision: i64, by_user: UserId, now: i64) -> Result<Reverted> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "select unit_id, before_facts, after_facts, reverted_by from provider_unit_revisions where id = $1",
        )
        .bind(revision)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(Reverted::UnknownRevision);
        };
        if row.try_get::<Option<i64>, _>("reverted_by")?.is_some() {
            tx.rollback().await?;
            return Ok(Reverted::AlreadyReverted);
        }
        let unit_id: String = row.try_get("unit_id")?;
        let newest: i64 = sqlx::query("select max(id) as id from provider_unit_revisions where unit_id = $1")
            .bind(&unit_id)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
        if newest != revision {
            tx.rollback().await?;
            return Ok(Reverted::NotLatest);
        }
        let parse = |c: &str| -> Result<UnitFacts> {
            serde_json::from_str(&row.try_get::<String, _>(c)?).map_err(|_| corrupt("revision facts", &unit_id))
        };
        let (before, after) = (parse("before_facts")?, parse("after_facts")?);
        let changed = before.changed_fields(&after);
        let new_id = write_facts(&mut tx, &unit_id, &after, &before, &changed, by_user, ChangedBy::City, now).await?;
        sqlx::query("update provider_unit_revisions set reverted_by = $1 where id = $2")
            .bind(new_id)
            .bind(revision)
            .execute(&mut *tx)
            .await?;
        tx.audit_reason(format!("revision {new_id}"));
        tx.commit().await?;
        self.changed(crate::changes::Topic::Content);
        Ok(Reverted::Reverted(new_id))
    }

    /// The changes of one unit (newest first), or the latest changes of all units.
    pub async fn unit_revisions(&self, unit: Option<&ProviderUnitId>, limit: i64) -> Result<Vec<Revision>> {
        let base =
            "select r.id, r.unit_id, p.name as unit_name, r.at, r.by_kind, us.display_name as by_name, r.changed, \
             r.before_facts, r.after_facts, r.reverted_by from provider_unit_revisions r \
             join provider_units p on p.id = r.unit_id left join users us on us.id = r.by_user";
        let rows = match unit {
            Some(u) => {
                sqlx::query(&format!("{base} where r.unit_id = $1 order by r.id desc limit $2"))
                    .bind(u.as_str())
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?
            }
            None => {
                sqlx::query(&format!("{base} order by r.id desc limit $1")).bind(limit).fetch_all(&self.pool).await?
            }
        };
        rows.iter()
            .map(|r| {
                let unit_id: String = r.try_get("unit_id")?;
                let facts = |c: &str| -> Result<UnitFacts> {
                    serde_json::from_str(&r.try_get::<String, _>(c)?).map_err(|_| corrupt("revision facts", &unit_id))
                };
                Ok(Revision {
                    id: r.try_get("id")?,
                    unit_name: r.try_get("unit_name")?,
                    at: r.try_get("at")?,
                    by_kind: ChangedBy::parse(&r.try_get::<String, _>("by_kind")?)?,
                    by_name: r.try_get("by_name")?,
                    changed: r
                        .try_get::<String, _>("changed")?
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    before: facts("before_facts")?,
                    after: facts("after_facts")?,
                    reverted_by: r.try_get("reverted_by")?,
                    unit_id,
                })
            })
            .collect()
    }

    /// Validates a parsed file against what is stored and, unless `dry_run` or anything is wrong,
    /// stores it — all rows or none, in one transaction.
    pub async fn import_providers(
        &self,
        file: &ParsedFile,
        file_name: &str,
        dry_run: bool,
        by_user: Option<UserId>,
        now: i64,
    ) -> Result<ImportReport> {
        let mut report = ImportReport {
            kind: file.kind,
            rows: file.rows,
            added: 0,
            changed: 0,
            problems: file.problems.clone(),
            stored: false,
        };
        let mut tx = self.begin_write().await?;
        let existing: HashMap<String, (String, String)> =
            sqlx::query("select id, kind, updated_by_kind from provider_units")
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| Ok((r.try_get("id")?, (r.try_get("kind")?, r.try_get("updated_by_kind")?))))
                .collect::<Result<_>>()?;
        for (_, u) in &file.units {
            match existing.get(u.id.as_str()) {
                Some((_, by)) => {
                    report.changed += 1;
                    // Facts a provider has maintained stay theirs; the file updates the register
                    // facts (name, operator, address, size).
                    upsert_unit(&mut tx, u, by == "provider", ChangedBy::Import, now).await?;
                }
                None => {
                    report.added += 1;
                    upsert_unit(&mut tx, u, false, ChangedBy::Import, now).await?;
                }
            }
        }
        if file.values.is_empty() && !file.units.is_empty() {
            // Units alone: their sort rows follow their facts (with values, `refresh_latest` does).
            refresh_sort(&mut tx, None).await?;
        }
        if !file.values.is_empty() {
            let indicators: HashMap<IndicatorKey, IndicatorDef> = sqlx::query(
                "select key, kinds, measure, higher_is_better, survey, decimals, source, names, definitions \
                 from indicators",
            )
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| indicator_from_row(r).map(|d| (d.key.clone(), d)))
            .collect::<Result<_>>()?;
            // Values may refer to stored units and to the units of the same file.
            let mut kinds: HashMap<ProviderUnitId, UnitKind> = existing
                .iter()
                .filter_map(|(id, (kind, _))| Some((ProviderUnitId::parse(id)?, UnitKind::parse(kind)?)))
                .collect();
            kinds.extend(file.units.iter().map(|(_, u)| (u.id.clone(), u.kind)));
            report.problems.extend(check_values(&file.values, &indicators, &kinds));
            let stored: HashSet<(String, String, i64)> =
                sqlx::query("select unit_id, indicator, period from indicator_values")
                    .fetch_all(&mut *tx)
                    .await?
                    .iter()
                    .map(|r| Ok((r.try_get("unit_id")?, r.try_get("indicator")?, r.try_get("period")?)))
                    .collect::<Result<_>>()?;
            let write = report.problems.is_empty() && !dry_run;
            for (_, v) in &file.values {
                let key = (v.unit.as_str().to_owned(), v.kpi.as_str().to_owned(), i64::from(v.observation.period));
                if stored.contains(&key) {
                    report.changed += 1;
                } else {
                    report.added += 1;
                }
                if write {
                    upsert_value(&mut tx, v.unit.as_str(), v.kpi.as_str(), &v.observation).await?;
                }
            }
            if write {
                refresh_latest(&mut tx).await?;
            }
        }
        report.problems.sort_by(|a, b| (&a.section, a.row).cmp(&(&b.section, b.row)));
        if dry_run || !report.problems.is_empty() {
            tx.rollback().await?;
            return Ok(report);
        }
        sqlx::query(
            "insert into provider_imports (at, by_user, file_name, kind, row_count, added, changed) \
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(now)
        .bind(by_user)
        .bind(file_name.chars().take(200).collect::<String>())
        .bind(match file.kind {
            ImportKind::Units => "units",
            ImportKind::Values => "values",
            ImportKind::Combined => "combined",
        })
        .bind(i64::try_from(report.rows).unwrap_or(i64::MAX))
        .bind(i64::try_from(report.added).unwrap_or(i64::MAX))
        .bind(i64::try_from(report.changed).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?;
        tx.audit_reason(format!(
            "{file_name}: {} rows, {} added, {} changed",
            report.rows, report.added, report.changed
        ));
        tx.commit().await?;
        self.changed(crate::changes::Topic::Content);
        report.stored = true;
        self.refresh_compare_statistics().await?;
        Ok(report)
    }

    /// Refreshes the planner's statistics of the comparison's tables after a bulk change (an
    /// import, the seed): without them PostgreSQL planned the list's value lookup as a scan of
    /// every latest value (7 ms instead of 1 ms on the scale fixture) until autovacuum came by.
    pub async fn refresh_compare_statistics(&self) -> Result<()> {
        self.changed(crate::changes::Topic::Content);
        let statements: &[&str] = match self.backend() {
            Backend::Postgres => &["vacuum (analyze) provider_units, indicator_values, compare_sort"],
            Backend::Sqlite => &["analyze provider_units", "analyze indicator_values", "analyze compare_sort"],
        };
        for s in statements {
            sqlx::query(s).execute(&self.pool).await?;
        }
        Ok(())
    }

    /// Every unit, by id (the open-data export).
    pub async fn all_provider_units(&self) -> Result<Vec<UnitRow>> {
        let rows = sqlx::query(&format!("select {UNIT_COLUMNS} from provider_units u order by u.id"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(unit_from_row).collect()
    }

    /// Every value of every unit (the open-data export), by unit, indicator, period.
    pub async fn all_indicator_values(&self) -> Result<Vec<(String, IndicatorKey, Observation)>> {
        let rows = sqlx::query(
            "select unit_id, indicator, period, value, n, response_rate from indicator_values \
             order by unit_id, indicator, period",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(observation_from_row).collect()
    }

    /// When the comparison data last changed (a unit, an import), for the dataset description.
    pub async fn compare_data_changed_at(&self) -> Result<Option<i64>> {
        let row = sqlx::query(
            "select max(t) as t from (select max(updated_at) as t from provider_units \
             union all select max(at) as t from provider_imports) x",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("t")?)
    }
}

/// A value bound to a dynamically built query.
enum Bind {
    Text(String),
    Int(i64),
    Real(f64),
}

fn bind_all<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    binds: &'q [Bind],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for b in binds {
        q = match b {
            Bind::Text(s) => q.bind(s.as_str()),
            Bind::Int(i) => q.bind(*i),
            Bind::Real(f) => q.bind(*f),
        };
    }
    q
}

#[allow(clippy::too_many_arguments)]
async fn write_facts(
    tx: &mut crate::tx::Tx<'static>,
    unit_id: &str,
    before: &UnitFacts,
    after: &UnitFacts,
    changed: &[&str],
    by_user: UserId,
    by: ChangedBy,
    now: i64,
) -> Result<i64> {
    let sql = format!(
        "update provider_units set {FACT_ASSIGNMENTS}, updated_at = $13, updated_by_kind = $14, updated_by_user = $15 \
         where id = $16"
    );
    let q = sqlx::query(&sql);
    bind_facts!(q, after).bind(now).bind(by.as_str()).bind(by_user).bind(unit_id).execute(&mut **tx).await?;
    refresh_sort(tx, Some(unit_id)).await?;
    let id: i64 = sqlx::query(
        "insert into provider_unit_revisions (unit_id, at, by_user, by_kind, changed, before_facts, after_facts) \
         values ($1, $2, $3, $4, $5, $6, $7) returning id",
    )
    .bind(unit_id)
    .bind(now)
    .bind(by_user)
    .bind(by.as_str())
    .bind(changed.join(","))
    .bind(serde_json::to_string(before).unwrap_or_default())
    .bind(serde_json::to_string(after).unwrap_or_default())
    .fetch_one(&mut **tx)
    .await?
    .try_get("id")?;
    Ok(id)
}

/// Inserts a unit or updates it; `keep_facts` leaves the provider-maintained facts alone.
pub(crate) async fn upsert_unit(
    tx: &mut crate::tx::Tx<'static>,
    u: &UnitRecord,
    keep_facts: bool,
    by: ChangedBy,
    now: i64,
) -> Result<()> {
    let facts_update = if keep_facts {
        String::new()
    } else {
        ", opens_min = excluded.opens_min, closes_min = excluded.closes_min, weekends = excluded.weekends, \
         languages = excluded.languages, profiles = excluded.profiles, phone = excluded.phone, \
         email = excluded.email, website = excluded.website, has_places = excluded.has_places, \
         descriptions = excluded.descriptions, language_mask = excluded.language_mask, \
         profile_mask = excluded.profile_mask, updated_at = excluded.updated_at, \
         updated_by_kind = excluded.updated_by_kind, updated_by_user = null"
            .to_owned()
    };
    let sql = format!(
        "insert into provider_units (opens_min, closes_min, weekends, languages, profiles, phone, email, website, \
         has_places, descriptions, language_mask, profile_mask, id, kind, name, name_folded, operator_type, \
         organisation_number, operator_name, district, street, postcode, lat, lon, size, updated_at, updated_by_kind) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
         $23, $24, $25, $26, $27) \
         on conflict (id) do update set kind = excluded.kind, name = excluded.name, name_folded = excluded.name_folded, \
         operator_type = excluded.operator_type, organisation_number = excluded.organisation_number, \
         operator_name = excluded.operator_name, district = excluded.district, street = excluded.street, \
         postcode = excluded.postcode, lat = excluded.lat, lon = excluded.lon, size = excluded.size{facts_update}"
    );
    let q = sqlx::query(&sql);
    bind_facts!(q, &u.facts)
        .bind(u.id.as_str())
        .bind(u.kind.slug())
        .bind(&u.name)
        .bind(fold(&u.name))
        .bind(u.operator.kind.slug())
        .bind(u.operator.organisation.as_ref().map(|o| o.as_str().to_owned()))
        .bind(&u.operator.name)
        .bind(u.district.slug())
        .bind(&u.street)
        .bind(&u.postcode)
        .bind(u.point.lat)
        .bind(u.point.lon)
        .bind(u.size.map(i64::from))
        .bind(now)
        .bind(by.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(crate) async fn upsert_value(
    tx: &mut crate::tx::Tx<'static>,
    unit: &str,
    kpi: &str,
    o: &Observation,
) -> Result<()> {
    sqlx::query(
        "insert into indicator_values (unit_id, indicator, period, value, n, response_rate) \
         values ($1, $2, $3, $4, $5, $6) on conflict (unit_id, indicator, period) do update set \
         value = excluded.value, n = excluded.n, response_rate = excluded.response_rate",
    )
    .bind(unit)
    .bind(kpi)
    .bind(i64::from(o.period))
    .bind(o.value)
    .bind(o.n.map(i64::from))
    .bind(o.response_rate)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Marks each unit's newest period of each indicator, then rebuilds the list's sort rows.
pub(crate) async fn refresh_latest(tx: &mut crate::tx::Tx<'static>) -> Result<()> {
    sqlx::query(
        "update indicator_values set latest = case when period = (select max(w.period) from indicator_values w \
         where w.unit_id = indicator_values.unit_id and w.indicator = indicator_values.indicator) then 1 else 0 end",
    )
    .execute(&mut **tx)
    .await?;
    refresh_sort(tx, None).await
}

/// Rewrites the list's sort rows (`compare_sort`, migration 0009) of one unit, or of all: one row
/// per unit and indicator of its kind, the unit's filter columns beside the latest value. Called
/// wherever those change: a unit's facts (provider edit, revert, import), the latest values (seed,
/// import), a new indicator.
pub(crate) async fn refresh_sort(tx: &mut crate::tx::Tx<'static>, unit: Option<&str>) -> Result<()> {
    const INSERT: &str = "insert into compare_sort (indicator, unit_id, kind, district, operator_type, has_places, \
         opens_min, closes_min, language_mask, profile_mask, missing, rank, name_folded) \
         select i.key, u.id, u.kind, u.district, u.operator_type, u.has_places, u.opens_min, u.closes_min, \
         u.language_mask, u.profile_mask, case when v.value is null then 1 else 0 end, \
         case when i.higher_is_better = 1 then -v.value else v.value end, u.name_folded \
         from provider_units u join indicators i on i.kinds like '%,' || u.kind || ',%' \
         left join indicator_values v on v.unit_id = u.id and v.indicator = i.key and v.latest = 1";
    match unit {
        Some(id) => {
            sqlx::query("delete from compare_sort where unit_id = $1").bind(id).execute(&mut **tx).await?;
            sqlx::query(&format!("{INSERT} where u.id = $1")).bind(id).execute(&mut **tx).await?;
        }
        None => {
            sqlx::query("delete from compare_sort").execute(&mut **tx).await?;
            sqlx::query(INSERT).execute(&mut **tx).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bit positions are stored in `language_mask` and `profile_mask` (and migration 0007
    /// computed them for existing rows); reordering the enums would silently change every filter.
    #[test]
    fn mask_bit_positions_are_stable() {
        let languages: Vec<&str> = SpokenLanguage::ALL.iter().map(|l| l.slug()).collect();
        assert_eq!(languages, ["sv", "en", "fi", "ar", "so", "fa", "ti", "es", "pl", "tr", "de", "fr"]);
        let profiles: Vec<&str> = Profile::ALL.iter().map(|p| p.slug()).collect();
        assert_eq!(
            profiles,
            [
                "outdoor",
                "montessori",
                "reggio-emilia",
                "waldorf",
                "language",
                "music",
                "science",
                "sports",
                "finnish",
                "dementia"
            ]
        );
        assert_eq!(bit_mask(SpokenLanguage::ALL, &[SpokenLanguage::English, SpokenLanguage::French]), 2 | 2048);
        assert_eq!(bit_mask(Profile::ALL, &[]), 0);
    }
}
