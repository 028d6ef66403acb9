//! A year of realistic history for the demo, so that a fresh `make run` shows real figures: cases
//! of every live e-service, decided within or after their promise, some answered with the
//! satisfaction questions, and the journeys that led to them.
//!
//! Policy: generated once (the marker is the history's applicant), deterministically (a fixed
//! seed), as closed cases of one fictional applicant that no persona signs in as, so no demo
//! queue or Mina sidor changes. The roll-ups are then rebuilt from these cases exactly as from
//! real ones: the figures are computed, never seeded.

use crate::eservices::DefinitionStatus;
use crate::filing::next_number;
use crate::measure::JourneyEvent;
use crate::{Result, Store};
use sqlx::Row;
use stadsporten_domain::calendar::{add_days, DayKind};
use stadsporten_domain::date::Date;
use stadsporten_domain::eservice::SlaClock;
use stadsporten_domain::measure::{CaseChannel, JourneyKind, Month};
use stadsporten_domain::stats::DeviceClass;
use std::collections::BTreeMap;

/// The history's applicant and decision-maker (display names; no persona, no personnummer).
const APPLICANT: &str = "Historik (demo)";
const OFFICER: &str = "Historik, handläggning (demo)";
/// About this many cases in the year, spread over the services by their use.
const CASES_PER_YEAR: f64 = 2400.0;
const DAY: i64 = 86_400;

/// A small deterministic generator (xorshift64*): the same history on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: i64) -> i64 {
        (self.unit() * n.max(1) as f64) as i64
    }
}

struct Service {
    slug: String,
    unit: String,
    days: u32,
    kind: DayKind,
    steps: Vec<(String, Vec<String>)>,
    yearly: i64,
    /// How well this service keeps its promise (share of cases decided in time, roughly).
    quality: f64,
}

impl Store {
    /// Generates the history when it is missing; returns how many cases were made.
    pub async fn seed_history(&self, now: i64) -> Result<usize> {
        let exists = sqlx::query("select id from users where display_name = $1 and kind = 'person'")
            .bind(APPLICANT)
            .fetch_optional(&self.pool)
            .await?;
        if exists.is_some() {
            return Ok(0);
        }
        let use_of: BTreeMap<String, i64> = sqlx::query("select slug, monthly_users from services")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get("slug")?, r.try_get("monthly_users")?)))
            .collect::<Result<_>>()?;
        let mut rng = Rng(0x5354_4144_5350_4f52);
        let mut services = Vec::new();
        for d in self.definitions().await?.into_iter().filter(|d| d.status == DefinitionStatus::Live) {
            let def = &d.definition;
            services.push(Service {
                slug: d.slug.clone(),
                unit: d.unit_code.clone(),
                days: def.handling_days,
                kind: def.handling_day_kind,
                steps: def
                    .steps
                    .iter()
                    .map(|s| (s.id.clone(), s.fields.iter().filter(|f| f.required).map(|f| f.id.clone()).collect()))
                    .collect(),
                yearly: use_of.get(&d.slug).copied().unwrap_or(500).max(1),
                quality: 0.62 + 0.35 * rng.unit(),
            });
        }
        if services.is_empty() {
            return Ok(0);
        }
        let total_use: i64 = services.iter().map(|s| s.yearly).sum();
        for s in &mut services {
            s.yearly = ((CASES_PER_YEAR * s.yearly as f64 / total_use as f64).round() as i64).clamp(24, 360);
        }

        let mut tx = self.begin_write().await?;
        let user = |kind: &'static str, name: &'static str| {
            sqlx::query("insert into users (kind, display_name, updated_at) values ($1, $2, $3) returning id")
                .bind(kind)
                .bind(name)
                .bind(now)
        };
        let applicant: i64 = user("person", APPLICANT).fetch_one(&mut *tx).await?.try_get("id")?;
        let officer: i64 = user("staff", OFFICER).fetch_one(&mut *tx).await?.try_get("id")?;
        // Journeys per (month, service): cases that came in through the e-service.
        let mut digital: BTreeMap<(Month, usize), i64> = BTreeMap::new();
        let mut made = 0;
        for (index, s) in services.iter().enumerate() {
            let def_id: i64 = sqlx::query("select id from service_definitions where slug = $1 and status = 'live'")
                .bind(&s.slug)
                .fetch_one(&mut *tx)
                .await?
                .try_get("id")?;
            for n in 0..s.yearly {
                // Spread over the year, a little busier towards the present, never in the last days.
                let age = 7 * DAY + ((1.0 - rng.unit().powf(1.2)) * 355.0 * DAY as f64) as i64;
                let submitted_at = now - age + rng.below(10 * 3600) - 5 * 3600;
                let channel = match rng.unit() {
                    x if x < 0.76 => CaseChannel::Web,
                    x if x < 0.80 => CaseChannel::Lite,
                    x if x < 0.88 => CaseChannel::Assisted,
                    _ => CaseChannel::Officer,
                };
                let on_time = rng.unit() < s.quality;
                let fraction = if on_time { 0.15 + 0.8 * rng.unit() } else { 1.05 + 0.6 * rng.unit() };
                let took = ((f64::from(s.days) * fraction).round() as u32).max(1);
                let Some(day) = Date::in_stockholm(submitted_at) else { continue };
                let decided_day = add_days(s.kind, day, took);
                let Some(decided_at) = decided_day.end_in_stockholm().map(|t| t - 9 * 3600 + rng.below(6 * 3600))
                else {
                    continue;
                };
                if decided_at > now - DAY {
                    continue;
                }
                let due_at = SlaClock::new(submitted_at, s.days).counting(s.kind).due_at(submitted_at);
                let number = next_number(&mut tx, &s.unit, day.year()).await?;
                let outcome = match rng.unit() {
                    x if x < 0.84 => "approved",
                    x if x < 0.90 => "partly-approved",
                    _ => "rejected",
                };
                let closed_at = (decided_at + DAY).min(now);
                let case_id: i64 = sqlx::query(
                    "insert into cases (case_number, unit_code, definition_id, service_slug, applicant_id, lang, answers, \
                     status, outcome, submitted_at, handling_days, due_at, decided_at, closed_at, idempotency_key, \
                     updated_at, channel, day_kind) values ($1, $2, $3, $4, $5, 'sv', '{}', 'closed', $6, $7, $8, $9, \
                     $10, $11, $12, $11, $13, $14) returning id",
                )
                .bind(&number)
                .bind(&s.unit)
                .bind(def_id)
                .bind(&s.slug)
                .bind(applicant)
                .bind(outcome)
                .bind(submitted_at)
                .bind(i64::from(s.days))
                .bind(due_at)
                .bind(decided_at)
                .bind(closed_at)
                .bind(format!("history:{}:{n}", s.slug))
                .bind(channel.slug())
                .bind(s.kind.slug())
                .fetch_one(&mut *tx)
                .await?
                .try_get("id")?;
                sqlx::query(
                    "insert into decisions (case_id, outcome, decided_by, decided_at, lang, template, motivation) \
                     values ($1, $2, $3, $4, 'sv', $2, 'Historiska uppgifter för demonstrationen.')",
                )
                .bind(case_id)
                .bind(outcome)
                .bind(officer)
                .bind(decided_at)
                .execute(&mut *tx)
                .await?;
                // About a third answer the questions after the decision; lateness shows in the score.
                if rng.unit() < 0.32 {
                    let score = if decided_at <= due_at { 3 + rng.below(3) } else { 1 + rng.below(4) };
                    let scale = |rng: &mut Rng| 4 + rng.below(4) - i64::from(decided_at > due_at);
                    let (useful, easy) = if rng.unit() < 0.7 {
                        (Some(scale(&mut rng).clamp(1, 7)), Some(scale(&mut rng).clamp(1, 7)))
                    } else {
                        (None, None)
                    };
                    let answered = Date::in_stockholm(decided_at).map(|d| d.to_string()).unwrap_or_default();
                    sqlx::query(
                        "insert into survey_answers (service_slug, stage, day, score, useful, easy) \
                         values ($1, 'after-decision', $2, $3, $4, $5)",
                    )
                    .bind(&s.slug)
                    .bind(answered)
                    .bind(score)
                    .bind(useful)
                    .bind(easy)
                    .execute(&mut *tx)
                    .await?;
                }
                if channel.is_self_service() {
                    *digital.entry((Month::of(day), index)).or_default() += 1;
                }
                made += 1;
            }
        }
        // The staff's answers about their tools: a few each quarter.
        for q in 0..4 {
            let month = Month::at(now).plus(-3 * q);
            for _ in 0..(6 + rng.below(6)) {
                let tool = if rng.unit() < 0.75 { "case-handling" } else { "contact-centre" };
                sqlx::query("insert into staff_survey_answers (quarter, tool, useful, easy) values ($1, $2, $3, $4)")
                    .bind(month.quarter_key())
                    .bind(tool)
                    .bind(3 + rng.below(5))
                    .bind(2 + rng.below(6))
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;

        // The journeys behind the digital cases, and the service pages seen.
        let mut rows: Vec<(JourneyEvent<'_>, i64)> = Vec::new();
        let devices = [(DeviceClass::Phone, 0.55), (DeviceClass::Computer, 0.42), (DeviceClass::Tv, 0.03)];
        for ((month, index), submitted) in &digital {
            let s = &services[*index];
            let at = month.start_unix() + 3600;
            let sub = *submitted as f64;
            let leak = 0.86 + 0.1 * rng.unit();
            add_detail(&mut rows, &s.slug, JourneyKind::Start, "", sub * 2.1, at, &devices);
            let mut reached = sub * 1.55;
            for (step, _) in &s.steps {
                add_detail(&mut rows, &s.slug, JourneyKind::Step, step, reached, at, &devices);
                reached *= leak;
            }
            for (_, fields) in &s.steps {
                for (i, field) in fields.iter().take(2).enumerate() {
                    let n = sub * (0.22 / (i + 1) as f64) * (0.5 + rng.unit());
                    add_detail(&mut rows, &s.slug, JourneyKind::FieldError, field, n, at, &devices);
                }
            }
            add_detail(&mut rows, &s.slug, JourneyKind::Saved, "", sub * 0.12, at, &devices);
            add_detail(&mut rows, &s.slug, JourneyKind::Check, "", sub * 1.06, at, &devices);
            add_detail(&mut rows, &s.slug, JourneyKind::Submitted, "", sub, at, &devices);
            add_detail(
                &mut rows,
                &s.slug,
                JourneyKind::Abandoned,
                "",
                (sub * 1.55 - sub * 1.04).max(0.0),
                at,
                &devices,
            );
        }
        // Every catalogue page is seen, with or without an e-service: the use that ranks "most used".
        let months = Month::at(now).plus(-11).through(Month::at(now));
        for (slug, monthly) in &use_of {
            for month in &months {
                let n = *monthly as f64 * (0.8 + 0.4 * rng.unit());
                add_detail(&mut rows, slug, JourneyKind::ServicePage, "", n, month.start_unix() + 3600, &devices);
            }
        }
        self.add_journey_counts(&rows).await?;
        let first = Month::at(now).plus(-12);
        self.rebuild_rollups(&first.through(Month::at(now))).await?;
        Ok(made)
    }
}

/// A count with a detail (a step or a field) split over the device classes.
fn add_detail<'a>(
    rows: &mut Vec<(JourneyEvent<'a>, i64)>,
    slug: &'a str,
    kind: JourneyKind,
    detail: &'a str,
    n: f64,
    at: i64,
    devices: &[(DeviceClass, f64)],
) {
    for &(device, share) in devices {
        let count = (n * share).round() as i64;
        if count > 0 {
            let channel = if device == DeviceClass::Tv { CaseChannel::Lite } else { CaseChannel::Web };
            rows.push((JourneyEvent { service_slug: slug, kind, detail, channel, device, at }, count));
        }
    }
}

/// How many rows one multi-row insert of the fixture carries (18 values each, under every
/// backend's limit on bound values).
const FIXTURE_BATCH: usize = 400;

impl Store {
    /// The figures' scale fixture for `bench/stats.sh`: `cases` closed cases of the live
    /// e-services over the last twelve months (case numbers `BENCH-…`; an earlier fixture is
    /// replaced), a quarter of them answered, `events` journey events recorded through the same
    /// in-memory counter as requests, and the roll-ups rebuilt. Returns the seconds the last
    /// rebuild of all thirteen months took.
    pub async fn seed_figures_fixture(&self, cases: usize, events: usize, now: i64) -> Result<f64> {
        sqlx::query("delete from cases where case_number like 'BENCH-%'").execute(&self.pool).await?;
        let defs: Vec<_> =
            self.definitions().await?.into_iter().filter(|d| d.status == DefinitionStatus::Live).collect();
        if defs.is_empty() {
            return Ok(0.0);
        }
        let applicant: i64 = match sqlx::query("select id from users where display_name = 'Bench (fixture)'")
            .fetch_optional(&self.pool)
            .await?
        {
            Some(r) => r.try_get("id")?,
            None => sqlx::query(
                "insert into users (kind, display_name, updated_at) values ('person', 'Bench (fixture)', $1) returning id",
            )
            .bind(now)
            .fetch_one(&self.pool)
            .await?
            .try_get("id")?,
        };
        let mut rng = Rng(0x4245_4e43_4846_4958);
        let mut made = 0;
        while made < cases {
            let n = FIXTURE_BATCH.min(cases - made);
            let mut sql = String::from(
                "insert into cases (case_number, unit_code, definition_id, service_slug, applicant_id, lang, answers, \
                 status, outcome, submitted_at, handling_days, due_at, decided_at, closed_at, idempotency_key, \
                 updated_at, channel, day_kind) values ",
            );
            for i in 0..n {
                let b = i * 18;
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push('(');
                sql.push_str(&(1..=18).map(|k| format!("${}", b + k)).collect::<Vec<_>>().join(", "));
                sql.push(')');
            }
            let mut q = sqlx::query(&sql);
            for i in 0..n {
                let d = &defs[rng.below(defs.len() as i64) as usize];
                let def = &d.definition;
                let submitted_at = now - 2 * DAY - rng.below(360 * DAY);
                let took = (f64::from(def.handling_days) * (0.2 + 1.1 * rng.unit())).round() as u32;
                let decided = Date::in_stockholm(submitted_at)
                    .map(|day| add_days(def.handling_day_kind, day, took.max(1)))
                    .and_then(Date::end_in_stockholm)
                    .map_or(submitted_at + DAY, |t| t - 8 * 3600);
                let decided_at = decided.min(now - 3600);
                let due_at =
                    SlaClock::new(submitted_at, def.handling_days).counting(def.handling_day_kind).due_at(submitted_at);
                let channel = match rng.unit() {
                    x if x < 0.8 => "web",
                    x if x < 0.84 => "lite",
                    x if x < 0.92 => "assisted",
                    _ => "officer",
                };
                q = q
                    .bind(format!("BENCH-{}", made + i))
                    .bind(d.unit_code.clone())
                    .bind(d.id)
                    .bind(d.slug.clone())
                    .bind(applicant)
                    .bind("sv")
                    .bind("{}")
                    .bind("closed")
                    .bind("approved")
                    .bind(submitted_at)
                    .bind(i64::from(def.handling_days))
                    .bind(due_at)
                    .bind(decided_at)
                    .bind(decided_at)
                    .bind(format!("bench:{}", made + i))
                    .bind(decided_at)
                    .bind(channel)
                    .bind(def.handling_day_kind.slug());
            }
            let mut tx = self.begin_write().await?;
            q.execute(&mut *tx).await?;
            // A quarter answer the questions (anonymous: no case, no person).
            for _ in 0..n / 4 {
                let d = &defs[rng.below(defs.len() as i64) as usize];
                let day = Date::in_stockholm(now - rng.below(360 * DAY)).map(|d| d.to_string()).unwrap_or_default();
                sqlx::query(
                    "insert into survey_answers (service_slug, stage, day, score, useful, easy) \
                     values ($1, 'after-decision', $2, $3, $4, $5)",
                )
                .bind(&d.slug)
                .bind(day)
                .bind(1 + rng.below(5))
                .bind(1 + rng.below(7))
                .bind(1 + rng.below(7))
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            made += n;
        }
        // The journeys, one event at a time through the request path's counter.
        let kinds = [JourneyKind::ServicePage, JourneyKind::Start, JourneyKind::Step, JourneyKind::FieldError];
        let devices = [DeviceClass::Phone, DeviceClass::Computer, DeviceClass::Tv];
        for i in 0..events {
            let d = &defs[rng.below(defs.len() as i64) as usize];
            let kind = match i % 10 {
                0..=4 => JourneyKind::Step,
                5 => JourneyKind::Check,
                6 => JourneyKind::Submitted,
                7 => JourneyKind::Saved,
                8 => JourneyKind::Abandoned,
                _ => kinds[rng.below(kinds.len() as i64) as usize],
            };
            let detail = match kind {
                JourneyKind::Step => {
                    d.definition.steps.get(rng.below(d.definition.steps.len() as i64) as usize).map(|s| s.id.as_str())
                }
                JourneyKind::FieldError => d.definition.fields().nth(rng.below(4) as usize).map(|f| f.id.as_str()),
                _ => None,
            };
            self.record(JourneyEvent {
                service_slug: &d.slug,
                kind,
                detail: detail.unwrap_or(""),
                channel: if rng.unit() < 0.05 { CaseChannel::Lite } else { CaseChannel::Web },
                device: devices[rng.below(3) as usize],
                at: now - rng.below(360 * DAY),
            });
        }
        self.flush_journeys().await?;
        let started = std::time::Instant::now();
        self.rebuild_rollups(&Month::at(now).plus(-12).through(Month::at(now))).await?;
        Ok(started.elapsed().as_secs_f64())
    }
}
