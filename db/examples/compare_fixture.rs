//! The comparison's scale fixture for `bench/compare.sh`: migrates the database at `DATABASE_URL`
//! (SQLite or PostgreSQL), seeds the indicators and then `UNITS` extra units with `INDICATORS`
//! values each (ids `bench-00001`…; an earlier fixture is replaced).
//! Usage: `cargo run -p stadsporten-db --example compare_fixture -- UNITS INDICATORS`

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let units: usize = args.next().as_deref().unwrap_or("5000").parse()?;
    let indicators: usize = args.next().as_deref().unwrap_or("20").parse()?;
    let url = std::env::var("DATABASE_URL")?;
    let store = stadsporten_db::Store::connect(&url, 2).await?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let started = std::time::Instant::now();
    store.seed_compare_fixture(units, indicators, now).await?;
    println!("fixture: {units} units × {indicators} indicators in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
