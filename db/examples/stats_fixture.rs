//! The figures' scale fixture for `bench/stats.sh`: on the migrated and seeded database at
//! `DATABASE_URL`, `CASES` closed cases over the last year and `EVENTS` journey events, then the
//! roll-ups rebuilt; prints how long that took, and how long the minute's rebuild (the current
//! and the previous month) takes at this scale.
//! Usage: `cargo run -p stadsporten-db --example stats_fixture -- CASES EVENTS`

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let cases: usize = args.next().as_deref().unwrap_or("200000").parse()?;
    let events: usize = args.next().as_deref().unwrap_or("2000000").parse()?;
    let url = std::env::var("DATABASE_URL")?;
    let store = stadsporten_db::Store::connect(&url, 2).await?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let started = std::time::Instant::now();
    let all = store.seed_figures_fixture(cases, events, now).await?;
    let made = started.elapsed().as_secs_f64();
    let month = stadsporten_domain::measure::Month::at(now);
    let minute = std::time::Instant::now();
    store.rebuild_rollups(&[month.plus(-1), month]).await?;
    println!(
        "{cases} cases and {events} journey events in {made:.0} s; rebuilding 13 months of roll-ups {all:.1} s, \
         the minute's rebuild (2 months) {:.2} s",
        minute.elapsed().as_secs_f64()
    );
    Ok(())
}
