//! `stadsporten-server`: loads settings, starts logging, builds and runs the application, or runs
//! one of the operator's commands.
//!
//! Policy: the command line is parsed with clap before anything else, so `--help` works without a
//! configuration. With no command the binary serves (as cargo-leptos and scripts/serve.sh run it).
//! Every failure, a wrong command line included, exits with status 1; help exits with 0.

use clap::{Parser, Subcommand};
use stadsporten_server::config::Settings;
use stadsporten_server::startup::Application;
use stadsporten_server::telemetry;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: a signed-in page spent a quarter of its CPU in malloc and
/// free (bench/profile.sh, docs/benchmarks.md); per-thread heaps without the arena consolidation.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Stadsporten's server. Settings come from config/ (or STADSPORTEN_CONFIG_DIR) and the
/// environment, as README.md describes.
#[derive(Parser)]
#[command(name = "stadsporten-server")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serves the site (the default when no command is given).
    Serve,
    /// Seals pending audit entries and verifies the audit trail's hash chain and signed daily
    /// checkpoints; exit status 1 when anything does not hold.
    AuditVerify,
    /// Prints the backup policy the strictest classification asks for (JSON: every_hours,
    /// keep_days, restore_within_hours, verify_each), for the backup job to follow.
    BackupPolicy,
    /// Imports comparison data (units or indicator values, CSV or JSON) like /admin/providers does:
    /// each file all rows or none; exit status 1 when any file was refused.
    /// Registers, lists and revokes the API's machine clients (`/api/v1`). `add` prints the new
    /// client's secret once; only its hash is kept.
    ApiClient {
        #[command(subcommand)]
        action: ApiClientAction,
    },
    ImportProviders {
        /// Checks and reports only; stores nothing.
        #[arg(long)]
        dry_run: bool,
        /// The files to import.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ApiClientAction {
    /// Registers a client and prints its secret.
    Add {
        /// Lower-case letters, digits and hyphens, e.g. `sbk-arendesystem`.
        #[arg(long)]
        id: String,
        /// What it is, for people reading the audit trail.
        #[arg(long)]
        name: String,
        /// Space-separated, e.g. "cases:write:SBK catalogue:read".
        #[arg(long)]
        scopes: String,
    },
    /// Every client, with its scopes and whether it is revoked.
    List,
    /// Revokes a client: its tokens stop working at once.
    Revoke {
        #[arg(long)]
        id: String,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap's own exit would use status 2 for a usage error; this binary has always
            // answered 1 (and 0 for help, which clap prints to standard output).
            let _ = e.print();
            return if e.use_stderr() { ExitCode::FAILURE } else { ExitCode::SUCCESS };
        }
    };
    let dir = std::env::var("STADSPORTEN_CONFIG_DIR").unwrap_or_else(|_| "config".into());
    let settings = match Settings::load(std::path::Path::new(&dir)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("stadsporten: {e}");
            return ExitCode::FAILURE;
        }
    };
    telemetry::init(&settings.log.format);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&settings).await,
        Command::AuditVerify => verify_audit_trail(&settings).await,
        Command::BackupPolicy => backup_policy(&settings).await,
        Command::ImportProviders { dry_run, files } => import_providers(&settings, dry_run, &files).await,
        Command::ApiClient { action } => api_client(&settings, action).await,
    }
}

/// `stadsporten-server [serve]`: builds the application and serves until a shutdown signal.
async fn serve(settings: &Settings) -> ExitCode {
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
    let app = match Application::build(settings, options.clone()).await {
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

/// `stadsporten-server audit-verify`: seals pending entries, walks the audit trail's keyed hash
/// chain and its signed daily checkpoints, and reports the first thing that does not hold (exit
/// status 1) or how many entries were verified (0).
/// `stadsporten-server backup-policy`: the integrity and availability levels the information
/// owners set decide how often the database is backed up, how long backups are kept and whether
/// each is verified (`domain::security::classification::platform_backup`).
async fn backup_policy(settings: &Settings) -> ExitCode {
    use secrecy::ExposeSecret;
    let store = match stadsporten_db::Store::connect(settings.database.url.expose_secret(), 2).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("stadsporten: database: {e}");
            return ExitCode::FAILURE;
        }
    };
    match store.all_classifications().await {
        Ok(all) => {
            let policy = stadsporten_domain::security::classification::platform_backup(all);
            match serde_json::to_string(&policy) {
                Ok(json) => {
                    println!("{json}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("stadsporten: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("stadsporten: classifications: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn verify_audit_trail(settings: &Settings) -> ExitCode {
    use secrecy::ExposeSecret;
    let store = match stadsporten_db::Store::connect(settings.database.url.expose_secret(), 2).await {
        Ok(s) => s.with_audit_key(settings.audit.key()),
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
                stadsporten_domain::audit::ChainBreak::Checkpoint { day } => {
                    format!("the signed checkpoint of {day} does not match the chain (rebuilt or cut short)")
                }
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

/// `stadsporten-server api-client add|list|revoke`: the API's machine clients. Each change is
/// written with its audit entry (role `system`, from the command line).
async fn api_client(settings: &Settings, action: ApiClientAction) -> ExitCode {
    use secrecy::ExposeSecret;
    use stadsporten_domain::api::{secret_hash, valid_client_id, Scopes};
    use stadsporten_domain::audit::{AuditAction, AuditEntry, Outcome};
    let store = match stadsporten_db::Store::connect(settings.database.url.expose_secret(), 2).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("stadsporten: database: {e}");
            return ExitCode::FAILURE;
        }
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let entry = |action, id: &str| AuditEntry {
        at: now,
        actor_id: None,
        acting_for: None,
        role: Some("system".into()),
        action,
        object_type: "api-client".into(),
        object_id: Some(id.to_owned()),
        outcome: Outcome::Success,
        reason: None,
        request_id: Some("command-line".into()),
        client_addr: None,
    };
    let result = match action {
        ApiClientAction::Add { id, name, scopes } => {
            if !valid_client_id(&id) {
                eprintln!("stadsporten: --id: 3–64 lower-case letters, digits and hyphens");
                return ExitCode::FAILURE;
            }
            let scopes = match Scopes::parse(&scopes) {
                Ok(s) if !s.is_empty() => s,
                Ok(_) => {
                    eprintln!("stadsporten: --scopes: name at least one scope");
                    return ExitCode::FAILURE;
                }
                Err(e) => {
                    eprintln!("stadsporten: --scopes: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let secret = stadsporten_app::api::auth::random_secret();
            let stored = store
                .audited(entry(AuditAction::Create, &id))
                .register_api_client(&id, name.trim(), &secret_hash(&secret), &scopes, now)
                .await;
            stored.map(|()| {
                println!("client_id={id}\nclient_secret={secret}\nscopes={scopes}");
                eprintln!("Keep the secret now: only its hash is stored.");
            })
        }
        ApiClientAction::List => store.api_clients().await.map(|all| {
            for c in all {
                let state = if c.revoked_at.is_some() { "revoked" } else { "active" };
                println!("{}\t{}\t{}\t{}", c.id, state, c.scopes, c.name);
            }
        }),
        ApiClientAction::Revoke { id } => {
            store.audited(entry(AuditAction::Update, &id)).revoke_api_client(&id, now).await.map(|()| {
                println!("revoked {id}");
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(stadsporten_db::DbError::Conflict) => {
            eprintln!("stadsporten: a client with this id exists");
            ExitCode::FAILURE
        }
        Err(stadsporten_db::DbError::NotFound) => {
            eprintln!("stadsporten: no active client with this id");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("stadsporten: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `stadsporten-server import-providers [--dry-run] FILE…`: imports comparison data (units or
/// indicator values, CSV or JSON) like `/admin/providers` does. Each file is one transaction: all
/// rows or none. Problems are printed with file, row and field (in Swedish and English); the exit
/// status is 1 when any file was refused. A stored import is written to the audit trail.
async fn import_providers(settings: &Settings, dry_run: bool, files: &[PathBuf]) -> ExitCode {
    use secrecy::ExposeSecret;
    use stadsporten_app::i18n::ta;
    use stadsporten_domain::audit::{AuditAction, AuditEntry, Outcome};
    use stadsporten_domain::compare::import::parse_file;
    use stadsporten_domain::Lang;
    let store = match stadsporten_db::Store::connect(settings.database.url.expose_secret(), 2).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("stadsporten: database: {e}");
            return ExitCode::FAILURE;
        }
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut failed = false;
    for file in files {
        let path = file.display();
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        // A stored import commits with its entry (the store adds the counts to its reason).
        let entry = AuditEntry {
            at: now,
            actor_id: None,
            acting_for: None,
            role: Some("system".into()),
            action: AuditAction::Import,
            object_type: "provider-data".into(),
            object_id: None,
            outcome: Outcome::Success,
            reason: None,
            request_id: Some("command-line".into()),
            client_addr: None,
        };
        let report = match parse_file(&name, &bytes) {
            Ok(parsed) => {
                // A running server shares SQLite's one writer with this command: when the
                // database stays locked past its busy timeout, wait and try again, as an operator
                // would, for about a minute before giving up. Nothing is half-written: each try
                // is one transaction.
                let mut tries = 0;
                let result = loop {
                    tries += 1;
                    match store.audited(entry.clone()).import_providers(&parsed, &name, dry_run, None, now).await {
                        Err(e) if tries < 10 && e.to_string().contains("database is locked") => {
                            eprintln!("{path}: the database is busy; trying again");
                            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                        }
                        other => break other,
                    }
                };
                match result {
                    Ok(r) => r,
                    Err(e) => {
                        eprintln!("{path}: database: {e}");
                        failed = true;
                        continue;
                    }
                }
            }
            Err(problem) => stadsporten_db::ImportReport::refused(problem),
        };
        for p in &report.problems {
            let message = |lang| ta(lang, &p.code, &[("value", p.value.clone().into())]);
            let section = if p.section.is_empty() { String::new() } else { format!("{} ", p.section) };
            println!("{path}: {section}row {} field {}: {} / {}", p.row, p.field, message(Lang::Sv), message(Lang::En));
        }
        let outcome = if report.stored {
            "imported"
        } else if report.problems.is_empty() {
            "dry run, nothing stored"
        } else {
            failed = true;
            "refused, nothing stored"
        };
        println!("{path}: {outcome}: {} rows, {} new, {} changed", report.rows, report.added, report.changed);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<Option<Command>, clap::Error> {
        Cli::try_parse_from(std::iter::once("stadsporten-server").chain(args.iter().copied())).map(|c| c.command)
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_command_serves_and_each_command_parses() {
        assert!(matches!(parse(&[]), Ok(None)));
        assert!(matches!(parse(&["serve"]), Ok(Some(Command::Serve))));
        assert!(matches!(parse(&["audit-verify"]), Ok(Some(Command::AuditVerify))));
        let Ok(Some(Command::ImportProviders { dry_run, files })) =
            parse(&["import-providers", "units.csv", "--dry-run", "values.json"])
        else {
            panic!("import-providers did not parse");
        };
        assert!(dry_run);
        assert_eq!(files, [PathBuf::from("units.csv"), PathBuf::from("values.json")]);
        let Ok(Some(Command::ImportProviders { dry_run, files })) = parse(&["import-providers", "units.csv"]) else {
            panic!("import-providers did not parse");
        };
        assert!(!dry_run);
        assert_eq!(files, [PathBuf::from("units.csv")]);
    }

    #[test]
    fn mistakes_are_errors_and_help_is_not() {
        // `use_stderr` decides the exit status in `main`: 1 for a mistake, 0 for help.
        for wrong in
            [&["import-providers"][..], &["import-providers", "--dry-run"], &["audit-verify", "x"], &["nonsense"]]
        {
            assert!(parse(wrong).is_err_and(|e| e.use_stderr()), "{wrong:?}");
        }
        assert!(parse(&["--help"]).is_err_and(|e| !e.use_stderr()));
        assert!(parse(&["import-providers", "--help"]).is_err_and(|e| !e.use_stderr()));
    }
}
