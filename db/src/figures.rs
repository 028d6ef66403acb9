//! The figures: monthly roll-ups of cases and satisfaction answers, and the reads the service
//! pages, the open data and the dashboards make of them and of the journey counts.
//!
//! Policy:
//! - Figures are read from roll-ups, never by scanning cases: `case_months`, `case_month_days`
//!   (a histogram of handling days, so a median needs no case), `survey_months` and
//!   `journey_counts`. A read touches at most a few rows per month and service.
//! - [`Store::rebuild_rollups`] recomputes whole months from `cases` and `survey_answers` and
//!   replaces them in one transaction: idempotent, exact, and off every request path (a worker
//!   under a job lease rebuilds the current and the previous month every minute; a month older
//!   than that no longer changes, since a case's submission and decision times never do).
//! - Handling time is counted in the service's day kind (working or calendar days) from the
//!   submission, moved later by the time spent waiting for the applicant, to the decision.
//!   "In time" is decided at or before the case's due time.
//! - Scoping (which units a reader may see) is the caller's: every read takes the units to
//!   include, `None` meaning all.

use crate::{Result, Store};
use sqlx::Row;
use stadsporten_domain::calendar::{days_between, DayKind};
use stadsporten_domain::date::Date;
use stadsporten_domain::ids::UserId;
use stadsporten_domain::measure::{CaseChannel, JourneyKind, Month, Period};
use std::collections::BTreeMap;

/// Cases of one service, unit and channel over a whole period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseTotal {
    pub service_slug: String,
    pub unit_code: String,
    pub channel: CaseChannel,
    pub submitted: i64,
    pub decided: i64,
    pub in_time: i64,
}

/// Cases of one month and channel (every service in view together).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthTotal {
    pub month: Month,
    pub channel: CaseChannel,
    pub submitted: i64,
    pub decided: i64,
    pub in_time: i64,
}

/// Satisfaction and UMUX-Lite of a service over a period: counts, sums and sums of squares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveySums {
    pub n: u64,
    pub score_sum: f64,
    pub score_sq: f64,
    pub umux_n: u64,
    pub umux_sum: f64,
    pub umux_sq: f64,
}

impl SurveySums {
    /// Adds another period's or service's sums.
    pub fn add(&mut self, o: &SurveySums) {
        self.n += o.n;
        self.score_sum += o.score_sum;
        self.score_sq += o.score_sq;
        self.umux_n += o.umux_n;
        self.umux_sum += o.umux_sum;
        self.umux_sq += o.umux_sq;
    }
}

/// A service's level over a period: per month and in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceLevelRows {
    /// Per month: cases decided, of them in time, and the handling-day histogram.
    pub months: BTreeMap<Month, LevelMonth>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LevelMonth {
    pub submitted: i64,
    pub decided: i64,
    pub in_time: i64,
    /// (days, cases)
    pub days: Vec<(i64, u64)>,
}

/// One counted journey cell over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JourneyCount {
    pub service_slug: String,
    pub kind: JourneyKind,
    pub detail: String,
    pub n: i64,
}

/// Open cases of a unit now: how many, and how many past their due time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backlog {
    pub unit_code: String,
    pub open: i64,
    pub overdue: i64,
    /// Waiting for the applicant (the clock stands still).
    pub paused: i64,
}

/// A decided case as the roll-up reads it.
struct Decided {
    service_slug: String,
    unit_code: String,
    channel: String,
    days: i64,
    in_time: bool,
}

/// The handling time of a case in days of its kind.
pub fn handling_days(kind: DayKind, submitted_at: i64, paused_seconds: i64, decided_at: i64) -> i64 {
    let start = Date::in_stockholm(submitted_at + paused_seconds.max(0));
    let end = Date::in_stockholm(decided_at);
    match (start, end) {
        (Some(s), Some(e)) => days_between(kind, s, e),
        _ => 0,
    }
}

/// A histogram as stored: `days:cases,days:cases,…`.
fn encode_histogram(h: &BTreeMap<i64, u64>) -> String {
    h.iter().map(|(d, n)| format!("{d}:{n}")).collect::<Vec<_>>().join(",")
}

/// A stored histogram added to `into` (pairs that do not parse are skipped; the medians take
/// the same days more than once).
fn decode_histogram(raw: &str, into: &mut Vec<(i64, u64)>) {
    into.extend(raw.split(',').filter_map(|p| {
        let (d, n) = p.split_once(':')?;
        Some((d.parse().ok()?, n.parse().ok()?))
    }));
}

/// `in (…)` with the units bound from `$first` on, or nothing for all units.
fn unit_filter(column: &str, units: Option<&[String]>, first: usize) -> String {
    match units {
        None => String::new(),
        Some([]) => " and 1 = 0".into(),
        Some(us) => {
            let marks: Vec<String> = (0..us.len()).map(|i| format!("${}", first + i)).collect();
            format!(" and {column} in ({})", marks.join(", "))
        }
    }
}

impl Store {
    /// Recomputes the roll-ups of the given months from the cases and answers.
    pub async fn rebuild_rollups(&self, months: &[Month]) -> Result<()> {
        for &month in months {
            self.rebuild_month(month).await?;
        }
        Ok(())
    }

    async fn rebuild_month(&self, month: Month) -> Result<()> {
        let (from, to) = (month.start_unix(), month.plus(1).start_unix());
        let mut submitted: BTreeMap<(String, String, String), i64> = BTreeMap::new();
        for r in sqlx::query(
            "select service_slug, unit_code, channel, count(*) as n from cases \
             where submitted_at >= $1 and submitted_at < $2 group by service_slug, unit_code, channel",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?
        {
            submitted
                .insert((r.try_get("service_slug")?, r.try_get("unit_code")?, r.try_get("channel")?), r.try_get("n")?);
        }
        let mut decided = Vec::new();
        for r in sqlx::query(
            "select service_slug, unit_code, channel, day_kind, submitted_at, paused_seconds, decided_at, due_at \
             from cases where decided_at >= $1 and decided_at < $2",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?
        {
            let kind = DayKind::parse(&r.try_get::<String, _>("day_kind")?).unwrap_or_default();
            let decided_at: i64 = r.try_get("decided_at")?;
            decided.push(Decided {
                service_slug: r.try_get("service_slug")?,
                unit_code: r.try_get("unit_code")?,
                channel: r.try_get("channel")?,
                days: handling_days(kind, r.try_get("submitted_at")?, r.try_get("paused_seconds")?, decided_at),
                in_time: decided_at <= r.try_get::<i64, _>("due_at")?,
            });
        }
        // (service, unit, channel) → (submitted, decided, in time)
        let mut cells: BTreeMap<(String, String, String), (i64, i64, i64)> = BTreeMap::new();
        for (k, n) in submitted {
            cells.entry(k).or_default().0 = n;
        }
        let mut histogram: BTreeMap<(String, String), BTreeMap<i64, u64>> = BTreeMap::new();
        for d in decided {
            let cell = cells.entry((d.service_slug.clone(), d.unit_code.clone(), d.channel)).or_default();
            cell.1 += 1;
            cell.2 += i64::from(d.in_time);
            *histogram.entry((d.service_slug, d.unit_code)).or_default().entry(d.days).or_default() += 1;
        }
        let surveys = self.survey_sums_of(month).await?;

        let mut tx = self.begin_write().await?;
        for table in ["case_months", "case_month_days", "survey_months"] {
            sqlx::query(&format!("delete from {table} where month = $1")).bind(month.key()).execute(&mut *tx).await?;
        }
        for ((service, unit, channel), (s, d, t)) in cells {
            sqlx::query(
                "insert into case_months (month, service_slug, unit_code, channel, submitted, decided, in_time) \
                 values ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(month.key())
            .bind(service)
            .bind(unit)
            .bind(channel)
            .bind(s)
            .bind(d)
            .bind(t)
            .execute(&mut *tx)
            .await?;
        }
        for ((service, unit), days) in histogram {
            sqlx::query(
                "insert into case_month_days (month, service_slug, unit_code, histogram) values ($1, $2, $3, $4)",
            )
            .bind(month.key())
            .bind(service)
            .bind(unit)
            .bind(encode_histogram(&days))
            .execute(&mut *tx)
            .await?;
        }
        for (service, s) in surveys {
            sqlx::query(
                "insert into survey_months (month, service_slug, n, score_sum, score_sq, umux_n, umux_sum, umux_sq) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(month.key())
            .bind(service)
            .bind(s.n as i64)
            .bind(s.score_sum)
            .bind(s.score_sq)
            .bind(s.umux_n as i64)
            .bind(s.umux_sum)
            .bind(s.umux_sq)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }

    async fn survey_sums_of(&self, month: Month) -> Result<BTreeMap<String, SurveySums>> {
        // `day` is the answer's date as text (`YYYY-MM-DD`): a month is a range of it.
        let (from, to) = (month.first_day().to_string(), month.plus(1).first_day().to_string());
        let mut out: BTreeMap<String, SurveySums> = BTreeMap::new();
        for r in
            sqlx::query("select service_slug, score, useful, easy from survey_answers where day >= $1 and day < $2")
                .bind(from)
                .bind(to)
                .fetch_all(&self.pool)
                .await?
        {
            let s = out.entry(r.try_get("service_slug")?).or_default();
            let score = r.try_get::<i64, _>("score")? as f64;
            s.n += 1;
            s.score_sum += score;
            s.score_sq += score * score;
            let (useful, easy): (Option<i64>, Option<i64>) = (r.try_get("useful")?, r.try_get("easy")?);
            if let (Some(u), Some(e)) = (useful, easy) {
                let umux = (u + e - 2) as f64 / 12.0 * 100.0;
                s.umux_n += 1;
                s.umux_sum += umux;
                s.umux_sq += umux * umux;
            }
        }
        Ok(out)
    }

    /// The months that hold any case, oldest first (what a full rebuild covers).
    pub async fn months_with_cases(&self) -> Result<Vec<Month>> {
        let row = sqlx::query("select min(submitted_at) as first from cases").fetch_one(&self.pool).await?;
        let Some(first) = row.try_get::<Option<i64>, _>("first")? else {
            return Ok(Vec::new());
        };
        let now = sqlx::query("select max(coalesce(decided_at, submitted_at)) as last from cases")
            .fetch_one(&self.pool)
            .await?
            .try_get::<Option<i64>, _>("last")?
            .unwrap_or(first);
        Ok(Month::at(first).through(Month::at(now)))
    }

    /// A service's level per month over a period (all units).
    pub async fn service_level(&self, service_slug: &str, period: Period) -> Result<ServiceLevelRows> {
        let mut out = ServiceLevelRows::default();
        let (a, b) = (period.first.key(), period.last.key());
        for r in sqlx::query(
            "select month, cast(sum(submitted) as bigint) as s, cast(sum(decided) as bigint) as d, cast(sum(in_time) as bigint) as t from case_months \
             where service_slug = $1 and month >= $2 and month <= $3 group by month",
        )
        .bind(service_slug)
        .bind(a)
        .bind(b)
        .fetch_all(&self.pool)
        .await?
        {
            let Some(m) = Month::from_key(r.try_get("month")?) else { continue };
            let e = out.months.entry(m).or_default();
            e.submitted = r.try_get("s")?;
            e.decided = r.try_get("d")?;
            e.in_time = r.try_get("t")?;
        }
        for r in sqlx::query(
            "select month, histogram from case_month_days where service_slug = $1 and month >= $2 and month <= $3",
        )
        .bind(service_slug)
        .bind(a)
        .bind(b)
        .fetch_all(&self.pool)
        .await?
        {
            let Some(m) = Month::from_key(r.try_get("month")?) else { continue };
            decode_histogram(&r.try_get::<String, _>("histogram")?, &mut out.months.entry(m).or_default().days);
        }
        Ok(out)
    }

    /// The period's cases per service, unit and channel, summed over its months in the database:
    /// a few hundred rows for every service, however long the period (on SQLite every row
    /// crosses from its worker thread, so the sums are made where the rows are).
    pub async fn case_totals_by_service(&self, period: Period, units: Option<&[String]>) -> Result<Vec<CaseTotal>> {
        let sql = format!(
            "select service_slug, unit_code, channel, cast(sum(submitted) as bigint) as s, \
             cast(sum(decided) as bigint) as d, cast(sum(in_time) as bigint) as t from case_months \
             where month >= $1 and month <= $2{} group by service_slug, unit_code, channel",
            unit_filter("unit_code", units, 3)
        );
        let mut q = sqlx::query(&sql).bind(period.first.key()).bind(period.last.key());
        for u in units.unwrap_or(&[]) {
            q = q.bind(u);
        }
        let mut out = Vec::new();
        for r in q.fetch_all(&self.pool).await? {
            let Some(channel) = CaseChannel::parse(&r.try_get::<String, _>("channel")?) else { continue };
            out.push(CaseTotal {
                service_slug: r.try_get("service_slug")?,
                unit_code: r.try_get("unit_code")?,
                channel,
                submitted: r.try_get("s")?,
                decided: r.try_get("d")?,
                in_time: r.try_get("t")?,
            });
        }
        Ok(out)
    }

    /// The period's cases per month and channel, for one service or all in view.
    pub async fn case_totals_by_month(
        &self,
        period: Period,
        units: Option<&[String]>,
        service_slug: Option<&str>,
    ) -> Result<Vec<MonthTotal>> {
        let sql = format!(
            "select month, channel, cast(sum(submitted) as bigint) as s, cast(sum(decided) as bigint) as d, \
             cast(sum(in_time) as bigint) as t from case_months where month >= $1 and month <= $2{}{} \
             group by month, channel order by month",
            if service_slug.is_some() { " and service_slug = $3" } else { "" },
            unit_filter("unit_code", units, if service_slug.is_some() { 4 } else { 3 })
        );
        let mut q = sqlx::query(&sql).bind(period.first.key()).bind(period.last.key());
        if let Some(s) = service_slug {
            q = q.bind(s);
        }
        for u in units.unwrap_or(&[]) {
            q = q.bind(u);
        }
        let mut out = Vec::new();
        for r in q.fetch_all(&self.pool).await? {
            let (Some(month), Some(channel)) =
                (Month::from_key(r.try_get("month")?), CaseChannel::parse(&r.try_get::<String, _>("channel")?))
            else {
                continue;
            };
            out.push(MonthTotal {
                month,
                channel,
                submitted: r.try_get("s")?,
                decided: r.try_get("d")?,
                in_time: r.try_get("t")?,
            });
        }
        Ok(out)
    }

    /// Handling-day histograms over a period per service (scoped to units): service → (days, n).
    pub async fn handling_histograms(
        &self,
        period: Period,
        units: Option<&[String]>,
    ) -> Result<BTreeMap<String, Vec<(i64, u64)>>> {
        let sql = format!(
            "select service_slug, histogram from case_month_days where month >= $1 and month <= $2{}",
            unit_filter("unit_code", units, 3)
        );
        let mut q = sqlx::query(&sql).bind(period.first.key()).bind(period.last.key());
        for u in units.unwrap_or(&[]) {
            q = q.bind(u);
        }
        let mut out: BTreeMap<String, Vec<(i64, u64)>> = BTreeMap::new();
        for r in q.fetch_all(&self.pool).await? {
            let days = out.entry(r.try_get("service_slug")?).or_default();
            decode_histogram(&r.try_get::<String, _>("histogram")?, days);
        }
        Ok(out)
    }

    /// Satisfaction sums over a period, per service (the caller keeps the services it may show).
    pub async fn survey_sums(&self, period: Period) -> Result<BTreeMap<String, SurveySums>> {
        let mut out: BTreeMap<String, SurveySums> = BTreeMap::new();
        for r in sqlx::query(
            "select service_slug, cast(sum(n) as bigint) as n, sum(score_sum) as ss, sum(score_sq) as sq, cast(sum(umux_n) as bigint) as un, \
             sum(umux_sum) as us, sum(umux_sq) as uq from survey_months where month >= $1 and month <= $2 \
             group by service_slug",
        )
        .bind(period.first.key())
        .bind(period.last.key())
        .fetch_all(&self.pool)
        .await?
        {
            let s = SurveySums {
                n: r.try_get::<i64, _>("n")?.max(0) as u64,
                score_sum: r.try_get("ss")?,
                score_sq: r.try_get("sq")?,
                umux_n: r.try_get::<i64, _>("un")?.max(0) as u64,
                umux_sum: r.try_get("us")?,
                umux_sq: r.try_get("uq")?,
            };
            out.entry(r.try_get("service_slug")?).or_default().add(&s);
        }
        Ok(out)
    }

    /// Journey counts over a period, summed over months, channels and devices; one service or all.
    pub async fn journey_counts(&self, period: Period, service_slug: Option<&str>) -> Result<Vec<JourneyCount>> {
        let sql = format!(
            "select service_slug, kind, detail, cast(sum(n) as bigint) as n from journey_counts where month >= $1 and month <= $2{} \
             group by service_slug, kind, detail",
            if service_slug.is_some() { " and service_slug = $3" } else { "" }
        );
        let mut q = sqlx::query(&sql).bind(period.first.key()).bind(period.last.key());
        if let Some(s) = service_slug {
            q = q.bind(s);
        }
        let mut out = Vec::new();
        for r in q.fetch_all(&self.pool).await? {
            let Some(kind) = JourneyKind::parse(&r.try_get::<String, _>("kind")?) else { continue };
            out.push(JourneyCount {
                service_slug: r.try_get("service_slug")?,
                kind,
                detail: r.try_get("detail")?,
                n: r.try_get("n")?,
            });
        }
        Ok(out)
    }

    /// Journey counts of one kind over a period by device class (channel and device mix).
    pub async fn journey_devices(
        &self,
        period: Period,
        kind: JourneyKind,
        service_slug: Option<&str>,
    ) -> Result<Vec<(String, String, i64)>> {
        let sql = format!(
            "select channel, device, cast(sum(n) as bigint) as n from journey_counts where month >= $1 and month <= $2 and kind = $3{} \
             group by channel, device order by channel, device",
            if service_slug.is_some() { " and service_slug = $4" } else { "" }
        );
        let mut q = sqlx::query(&sql).bind(period.first.key()).bind(period.last.key()).bind(kind.slug());
        if let Some(s) = service_slug {
            q = q.bind(s);
        }
        let mut out = Vec::new();
        for r in q.fetch_all(&self.pool).await? {
            out.push((r.try_get("channel")?, r.try_get("device")?, r.try_get("n")?));
        }
        Ok(out)
    }

    /// Service pages seen and e-services started per service over a period (for "most used").
    pub async fn service_use(&self, period: Period) -> Result<Vec<(String, i64)>> {
        let rows = sqlx::query(
            "select service_slug, cast(sum(n) as bigint) as n from journey_counts where month >= $1 and month <= $2 \
             and kind in ('service-page', 'start') group by service_slug order by n desc, service_slug",
        )
        .bind(period.first.key())
        .bind(period.last.key())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("service_slug")?, r.try_get("n")?))).collect()
    }

    /// Open cases per unit now, and how many are past their due time (scoped to units).
    pub async fn backlogs(&self, now: i64, units: Option<&[String]>) -> Result<Vec<Backlog>> {
        let sql = format!(
            "select unit_code, count(*) as open, \
             cast(sum(case when paused_since is null and due_at < $1 then 1 else 0 end) as bigint) as overdue, \
             cast(sum(case when paused_since is not null then 1 else 0 end) as bigint) as paused \
             from cases where status in ('submitted', 'in-progress', 'awaiting-completion'){} \
             group by unit_code order by unit_code",
            unit_filter("unit_code", units, 2)
        );
        let mut q = sqlx::query(&sql).bind(now);
        for u in units.unwrap_or(&[]) {
            q = q.bind(u);
        }
        let mut out = Vec::new();
        for r in q.fetch_all(&self.pool).await? {
            out.push(Backlog {
                unit_code: r.try_get("unit_code")?,
                open: r.try_get("open")?,
                overdue: r.try_get("overdue")?,
                paused: r.try_get("paused")?,
            });
        }
        Ok(out)
    }
}

/// The staff's answers about a tool over some quarters: answers, and the UMUX-Lite sums.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StaffSums {
    pub n: u64,
    pub umux_sum: f64,
    pub umux_sq: f64,
}

impl Store {
    /// Whether a staff member has yet to be asked about their tool this quarter (`YYYYQ`).
    pub async fn staff_survey_due(&self, user_id: UserId, quarter: i64) -> Result<bool> {
        let row = sqlx::query("select 1 as one from staff_survey_asks where user_id = $1 and quarter = $2")
            .bind(user_id)
            .bind(quarter)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_none())
    }

    /// Records that the person was asked this quarter, and their answer if they gave one — the
    /// answer without the person (the asks and the answers are kept apart). `false` when they had
    /// been asked already (a second answer in a quarter is not counted).
    pub async fn answer_staff_survey(
        &self,
        user_id: UserId,
        quarter: i64,
        tool: &str,
        answer: Option<(u8, u8)>,
        now: i64,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let asked = sqlx::query(
            "insert into staff_survey_asks (user_id, quarter, answered, at) values ($1, $2, $3, $4) \
             on conflict (user_id, quarter) do nothing",
        )
        .bind(user_id)
        .bind(quarter)
        .bind(i64::from(answer.is_some()))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if asked.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        if let Some((useful, easy)) = answer {
            sqlx::query("insert into staff_survey_answers (quarter, tool, useful, easy) values ($1, $2, $3, $4)")
                .bind(quarter)
                .bind(tool)
                .bind(i64::from(useful))
                .bind(i64::from(easy))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// The staff's UMUX-Lite per tool over the quarters from `first` to `last` (`YYYYQ`).
    pub async fn staff_survey_sums(&self, first: i64, last: i64) -> Result<BTreeMap<String, StaffSums>> {
        let mut out: BTreeMap<String, StaffSums> = BTreeMap::new();
        for r in
            sqlx::query("select tool, useful, easy from staff_survey_answers where quarter >= $1 and quarter <= $2")
                .bind(first)
                .bind(last)
                .fetch_all(&self.pool)
                .await?
        {
            let (u, e): (i64, i64) = (r.try_get("useful")?, r.try_get("easy")?);
            let umux = (u + e - 2) as f64 / 12.0 * 100.0;
            let s = out.entry(r.try_get("tool")?).or_default();
            s.n += 1;
            s.umux_sum += umux;
            s.umux_sq += umux * umux;
        }
        Ok(out)
    }
}
