//! The figures: journey counts, the monthly roll-ups and what is read from them, on a fixture whose
//! answers are known by hand — each story on SQLite and on PostgreSQL.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{Backend, JourneyEvent, NewDecision, Store, Submission};
use stadsporten_domain::calendar::DayKind;
use stadsporten_domain::date::Date;
use stadsporten_domain::eservice::{Answers, DecisionOutcome, SatisfactionAnswer, SurveyStage};
use stadsporten_domain::ids::{CaseId, DraftToken, UserId};
use stadsporten_domain::measure::{CaseChannel, JourneyKind, Month, Period};
use stadsporten_domain::stats::{self, DeviceClass, Figure};

const DAY: i64 = 86_400;
const SLUG: &str = "ansok-om-forskoleplats";

/// 10:00 in Stockholm on a date.
fn at(y: u32, m: u32, d: u32, hour: u8) -> i64 {
    Date::new(y, m, d).and_then(|d| d.at_in_stockholm(hour, 0)).expect("a time")
}

async fn seeded(backend: Backend) -> Store {
    let now = at(2026, 12, 1, 9);
    let store = Store::connect(&fresh_database_url(backend).await, 8).await.expect("connect");
    store.seed_demo_content(now).await.expect("catalogue");
    store.seed_personas("https://eid.test", "https://staff.test", now).await.expect("personas");
    store.seed_compare(now).await.expect("comparison units");
    store.seed_eservices(now).await.expect("e-services");
    store
}

async fn persona(store: &Store, key: &str) -> UserId {
    store.user_by_persona(key).await.unwrap().unwrap_or_else(|| panic!("persona {key}")).id
}

/// A case of the preschool service (30 calendar days) submitted at `submitted`, and decided
/// `took` later when given.
async fn case(store: &Store, n: usize, channel: CaseChannel, submitted: i64, took: Option<i64>) -> CaseId {
    let anna = persona(store, "anna").await;
    let karin = persona(store, "karin").await;
    let def = store.live_definition(SLUG).await.unwrap().expect("live");
    let draft = store
        .create_draft(
            &DraftToken::new(format!("fig-{n}")),
            anna,
            None,
            def.id,
            Default::default(),
            submitted,
            submitted + DAY,
        )
        .await
        .unwrap();
    let sub = store
        .submit_case(&Submission {
            draft_id: draft.id,
            applicant_id: anna,
            acting_for: None,
            idempotency_key: &format!("fig-{n}"),
            definition_id: def.id,
            service_slug: SLUG,
            unit_code: "UTB",
            provider_unit: None,
            provider_org: None,
            year: 2026,
            lang: "sv",
            answers: &Answers::new(),
            handling_days: def.definition.handling_days,
            day_kind: DayKind::Calendar,
            channel,
            now: submitted,
        })
        .await
        .unwrap();
    if let Some(took) = took {
        store.start_case(sub.case_id, karin, submitted + 60).await.unwrap();
        let d = NewDecision {
            outcome: DecisionOutcome::Approved,
            lang: "sv",
            template: "approved",
            motivation: "",
            appeal: "",
            offer: None,
        };
        store.decide_case(sub.case_id, karin, &d, submitted + took).await.unwrap();
    }
    sub.case_id
}

fn m(raw: &str) -> Month {
    Month::parse(raw).unwrap()
}

on_both_backends!(
    journey_counts_are_kept_in_memory_and_add_up_when_written,
    the_roll_ups_give_the_medians_shares_and_counts_worked_out_by_hand,
    satisfaction_has_its_mean_and_confidence_interval,
    the_seeded_history_gives_the_live_e_services_figures_once,
);

async fn the_seeded_history_gives_the_live_e_services_figures_once(backend: Backend) {
    let store = seeded(backend).await;
    let now = at(2026, 12, 1, 9);
    let made = store.seed_history(now).await.unwrap();
    assert!(made > 1000, "a year of cases: {made}");
    assert_eq!(store.seed_history(now).await.unwrap(), 0, "only once");
    let year = Period::last_twelve(Month::at(now));
    let level = store.service_level(SLUG, year).await.unwrap();
    let days: Vec<(i64, u64)> = level.months.values().flat_map(|l| l.days.clone()).collect();
    assert!(matches!(stats::median(&days), Figure::Value(d) if d > 0.0 && d < 60.0), "{days:?}");
    // Working-day services are counted in working days: none took more than their promise × 1.7.
    let parking = store.service_level("boendeparkering", year).await.unwrap();
    assert!(parking.months.values().flat_map(|l| l.days.iter()).all(|(d, _)| *d <= 9));
    // The most used services come from the pages seen and the e-services started.
    let used = store.service_use(year).await.unwrap();
    assert!(used.len() > 20 && used.windows(2).all(|w| w[0].1 >= w[1].1));
    // Satisfaction answers and the staff's answers exist for the figures.
    assert!(store.survey_sums(year).await.unwrap().values().map(|s| s.n).sum::<u64>() > 200);
    // No demo queue changes: the history is closed.
    assert!(store.backlogs(now, None).await.unwrap().is_empty());
}

async fn journey_counts_are_kept_in_memory_and_add_up_when_written(backend: Backend) {
    let store = seeded(backend).await;
    let ev = |kind, detail, device| JourneyEvent {
        service_slug: SLUG,
        kind,
        detail,
        channel: CaseChannel::Web,
        device,
        at: at(2026, 11, 5, 10),
    };
    for _ in 0..3 {
        store.record(ev(JourneyKind::Step, "barnet", DeviceClass::Phone));
    }
    store.record(ev(JourneyKind::Step, "barnet", DeviceClass::Computer));
    store.record(ev(JourneyKind::FieldError, "personnummer", DeviceClass::Phone));
    let period = Period { first: m("2026-11"), last: m("2026-11") };
    assert!(store.journey_counts(period, Some(SLUG)).await.unwrap().is_empty(), "nothing written before a flush");
    assert_eq!(store.flush_journeys().await.unwrap(), 3, "three counters");
    assert_eq!(store.flush_journeys().await.unwrap(), 0, "and then nothing left");
    // A second round (another node's, or later) adds to the first.
    store.record(ev(JourneyKind::Step, "barnet", DeviceClass::Phone));
    store.flush_journeys().await.unwrap();
    let counts = store.journey_counts(period, Some(SLUG)).await.unwrap();
    let n = |kind, detail: &str| counts.iter().find(|c| c.kind == kind && c.detail == detail).map(|c| c.n);
    assert_eq!(n(JourneyKind::Step, "barnet"), Some(5));
    assert_eq!(n(JourneyKind::FieldError, "personnummer"), Some(1));
    let devices = store.journey_devices(period, JourneyKind::Step, Some(SLUG)).await.unwrap();
    assert_eq!(devices, vec![("web".into(), "computer".into(), 1), ("web".into(), "phone".into(), 4)]);
    // Turned off, nothing is counted.
    store.set_journey_recording(false);
    store.record(ev(JourneyKind::Step, "barnet", DeviceClass::Phone));
    assert_eq!(store.flush_journeys().await.unwrap(), 0);
    store.set_journey_recording(true);
    // Another month is another count.
    assert!(store.journey_counts(Period { first: m("2026-10"), last: m("2026-10") }, None).await.unwrap().is_empty());
}

async fn the_roll_ups_give_the_medians_shares_and_counts_worked_out_by_hand(backend: Backend) {
    let store = seeded(backend).await;
    // November 2026: six cases decided after 2, 5, 5, 10, 31 and 40 days (the promise is 30): the
    // median is (5 + 10) / 2 = 7.5 days, four of six in time. One came by paper.
    for (i, days) in [2, 5, 5, 10, 31, 40].into_iter().enumerate() {
        let channel = if i == 0 { CaseChannel::Officer } else { CaseChannel::Web };
        // Decided on 20 November, an hour after the time of day it came in.
        let submitted = at(2026, 11, 20, 10) - days * DAY;
        let took = days * DAY + 3600;
        case(&store, i, channel, submitted, Some(took)).await;
    }
    // October: three decided after 1 day, too few to show on their own.
    for i in 0..3 {
        case(&store, 10 + i, CaseChannel::Web, at(2026, 10, 6 + i as u32, 10), Some(DAY + 3600)).await;
    }
    // Open in December: one overdue (submitted 40 days ago), one on time.
    let now = at(2026, 12, 1, 9);
    case(&store, 20, CaseChannel::Web, now - 40 * DAY, None).await;
    case(&store, 21, CaseChannel::Lite, now - 2 * DAY, None).await;

    let months = m("2026-09").through(m("2026-12"));
    store.rebuild_rollups(&months).await.unwrap();
    store.rebuild_rollups(&months).await.unwrap(); // idempotent

    let level = store.service_level(SLUG, Period { first: m("2026-10"), last: m("2026-11") }).await.unwrap();
    let nov = &level.months[&m("2026-11")];
    assert_eq!((nov.decided, nov.in_time), (6, 4));
    assert_eq!(stats::median(&nov.days), Figure::Value(7.5));
    let oct = &level.months[&m("2026-10")];
    assert_eq!((oct.decided, oct.in_time), (3, 3));
    assert_eq!(stats::median(&oct.days), Figure::Suppressed, "three cases are too few");
    assert_eq!(stats::share(oct.in_time as u64, oct.decided as u64), Figure::Suppressed);
    // Both months together: 1, 1, 1, 2, 5, 5, 10, 31, 40 → median 5; 7 of 9 in time.
    let all: Vec<(i64, u64)> = level.months.values().flat_map(|l| l.days.clone()).collect();
    assert_eq!(stats::median(&all), Figure::Value(5.0));
    let (d, t): (i64, i64) = level.months.values().fold((0, 0), |(d, t), l| (d + l.decided, t + l.in_time));
    assert_eq!((d, t), (9, 7));

    // Per channel: the submissions by month (submitted, not decided).
    let rows = store.case_totals_by_service(Period { first: m("2026-09"), last: m("2026-12") }, None).await.unwrap();
    let submitted =
        |channel: CaseChannel| rows.iter().filter(|r| r.channel == channel).map(|r| r.submitted).sum::<i64>();
    assert_eq!(submitted(CaseChannel::Officer), 1);
    assert_eq!(submitted(CaseChannel::Lite), 1);
    assert_eq!(submitted(CaseChannel::Web), 9);
    // Scoped to a unit that has none of these cases: nothing.
    let scoped = store
        .case_totals_by_service(Period { first: m("2026-09"), last: m("2026-12") }, Some(&["MF".to_owned()]))
        .await;
    assert!(scoped.unwrap().is_empty());

    // The backlog now: two open in UTB, one of them past its due time.
    let backlog = store.backlogs(now, Some(&["UTB".to_owned()])).await.unwrap();
    assert_eq!(backlog.len(), 1);
    assert_eq!((backlog[0].open, backlog[0].overdue), (2, 1));
}

async fn satisfaction_has_its_mean_and_confidence_interval(backend: Backend) {
    let store = seeded(backend).await;
    // Five answers in November: scores 5, 4, 4, 3, 5 (mean 4.2, s = √0.7); UMUX-Lite items for
    // three of them: (7, 7) → 100, (6, 5) → 75, (4, 4) → 50.
    let answers = [(5, Some((7, 7))), (4, Some((6, 5))), (4, None), (3, Some((4, 4))), (5, None)];
    for (i, (score, umux)) in answers.into_iter().enumerate() {
        let id = case(&store, 30 + i, CaseChannel::Web, at(2026, 11, 2, 10), None).await;
        let a = SatisfactionAnswer { score, useful: umux.map(|(u, _)| u), easy: umux.map(|(_, e)| e), comment: None };
        assert!(store
            .answer_survey(id, SurveyStage::AfterSubmission, SLUG, "2026-11-02", &a, at(2026, 11, 2, 11))
            .await
            .unwrap());
    }
    store.rebuild_rollups(&[m("2026-11")]).await.unwrap();
    let sums = store.survey_sums(Period { first: m("2026-11"), last: m("2026-11") }).await.unwrap();
    let s = &sums[SLUG];
    assert_eq!((s.n, s.umux_n), (5, 3));
    let Figure::Value(ci) = stats::mean_ci(s.n, s.score_sum, s.score_sq) else { panic!("five answers are shown") };
    assert!((ci.mean - 4.2).abs() < 1e-9);
    // t(4) = 2.776; 2.776 × √0.7 / √5 = 1.0387.
    assert!((ci.low - 3.1613).abs() < 1e-3 && (ci.high - 5.2387).abs() < 1e-3, "{ci:?}");
    // Three UMUX-Lite answers are too few to show.
    assert_eq!(stats::mean_ci(s.umux_n, s.umux_sum, s.umux_sq), Figure::Suppressed);
    assert!((s.umux_sum - 225.0).abs() < 1e-9);
}
