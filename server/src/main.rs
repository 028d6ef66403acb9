//! `stadsporten-server`: loads settings, starts logging, builds and runs the application.

use stadsporten_server::config::Settings;
use stadsporten_server::startup::Application;
use stadsporten_server::telemetry;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let dir = std::env::var("STADSPORTEN_CONFIG_DIR").unwrap_or_else(|_| "config".into());
    let settings = match Settings::load(std::path::Path::new(&dir)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("stadsporten: {e}");
            return ExitCode::FAILURE;
        }
    };
    telemetry::init(&settings.log.format);
    if std::env::args().nth(1).as_deref() == Some("audit-verify") {
        return verify_audit_trail(&settings).await;
    }
    let mut options = match leptos::config::get_configuration(None) {
        Ok(conf) => conf.leptos_options,
        Err(e) => {
            tracing::error!(error = %e, "leptos configuration");
            return ExitCode::FAILURE;
        }
    };
    // Run directly (not by cargo-leptos), the binary finds its asset hashes next to itself.
    if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
        let beside = std::env::current_exe().ok().and_then(|p| p.parent().map(|d| d.join(&*options.hash_file)));
        options.hash_files = beside.is_some_and(|p| p.exists());
    }
    let app = match Application::build(&settings, options.clone()).await {
        Ok(app) => app,
        Err(e) => {
            tracing::error!(error = %e, "start-up failed");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(
        addr = %options.site_addr,
        port = app.port(),
        database = app.store().backend().name(),
        "Stadsporten is listening"
    );
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "server error");
            ExitCode::FAILURE
        }
    }
}

/// `stadsporten-server audit-verify`: walks the audit trail's hash chain and reports the first
/// broken link (exit status 1) or how many entries were verified (0).
async fn verify_audit_trail(settings: &Settings) -> ExitCode {
    use secrecy::ExposeSecret;
    let store = match stadsporten_db::Store::connect(settings.database.url.expose_secret(), 2).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("stadsporten: database: {e}");
            return ExitCode::FAILURE;
        }
    };
    match store.verify_audit_chain().await {
        Ok(Ok(n)) => {
            println!("audit trail intact: {n} entries verified");
            ExitCode::SUCCESS
        }
        Ok(Err(b)) => {
            let what = match b {
                stadsporten_domain::audit::ChainBreak::Content { seq } => format!("entry {seq} was changed"),
                stadsporten_domain::audit::ChainBreak::Link { seq } => {
                    format!("entry {seq} does not follow the entry before it (removed or reordered)")
                }
                stadsporten_domain::audit::ChainBreak::Gap { after } => format!("entries are missing after {after}"),
            };
            println!("audit trail BROKEN: {what}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("stadsporten: {e}");
            ExitCode::FAILURE
        }
    }
}
