//! Virus scanning with a real ClamAV daemon (Debian's clamav-daemon, installed by setup.sh),
//! started by the test with a signature database of its own (the test cannot download ClamAV's):
//! a clean file is accepted, an infected one refused and never stored, and while the scanner is
//! away files are held — kept for the applicant, not passed — and released by a rescan.

use crate::support::{browser, spawn_app_with, test_settings, TestApp};
use stadsporten_db::{on_both_backends, Backend, ScanStatus};
use stadsporten_domain::ids::DraftToken;
use std::path::PathBuf;
use std::process::{Child, Command};

struct Clamd {
    child: Child,
    dir: PathBuf,
}

impl Drop for Clamd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The EICAR test string, and a PDF carrying it.
const EICAR: &str = r"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

async fn clamd_on(port: u16) -> Clamd {
    let binary = std::env::var("STADSPORTEN_CLAMD").unwrap_or_else(|_| "/usr/sbin/clamd".into());
    let dir = std::env::temp_dir().join(format!("stadsporten-clamd-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(dir.join("db")).unwrap();
    let hex: String = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE".iter().map(|b| format!("{b:02x}")).collect();
    std::fs::write(dir.join("db/stadsporten-test.ndb"), format!("Stadsporten.Test.EICAR:0:*:{hex}\n")).unwrap();
    let conf = format!(
        "Foreground yes\nDatabaseDirectory {db}\nTCPSocket {port}\nTCPAddr 127.0.0.1\nLogFile {dir}/clamd.log\n",
        db = dir.join("db").display(),
        dir = dir.display()
    );
    std::fs::write(dir.join("clamd.conf"), conf).unwrap();
    let child = Command::new(&binary)
        .arg("-c")
        .arg(dir.join("clamd.conf"))
        .spawn()
        .unwrap_or_else(|e| panic!("ClamAV's clamd is required for the scanning tests ({binary}): {e}"));
    let mut clamd = Clamd { child, dir };
    for _ in 0..300 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return clamd;
        }
        if let Ok(Some(status)) = clamd.child.try_wait() {
            let log = std::fs::read_to_string(clamd.dir.join("clamd.log")).unwrap_or_default();
            panic!("clamd exited ({status}): {log}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("clamd did not start listening");
}

on_both_backends!(uploads_are_scanned_and_the_scanner_failing_holds_them);

async fn uploads_are_scanned_and_the_scanner_failing_holds_them(backend: Backend) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let clamd = clamd_on(port).await;
    let mut settings = test_settings(backend).await;
    settings.eservices.clamd = format!("tcp://127.0.0.1:{port}");
    let app = spawn_app_with(settings).await;
    let anna = TestApp {
        client: browser(&app.address),
        address: app.address.clone(),
        store: app.store.clone(),
        clock: app.clock.clone(),
    };
    anna.sign_in("anna").await;
    let csrf = anna.csrf().await;
    let res = anna
        .post_form("/api/apply/start", &[("slug", "parkeringstillstand-rorelsehindrade"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    let token = crate::support::location(&res, &anna.address).split('/').nth(4).unwrap().to_owned();
    let page = format!("/apply/{token}/step/certificate");
    let url = anna.url(&format!("/forms/{token}/certificate/upload?csrf={csrf}"));
    let upload = |name: &'static str, bytes: Vec<u8>| {
        let anna = &anna;
        let (url, page) = (url.clone(), page.clone());
        async move {
            let form = reqwest::multipart::Form::new()
                .text("upload", "medical_certificate")
                .part("file:medical_certificate", reqwest::multipart::Part::bytes(bytes).file_name(name));
            let res = anna.client.post(url).multipart(form).send().await.unwrap();
            assert_eq!(res.status(), 303);
            anna.get(&page).send().await.unwrap().text().await.unwrap()
        }
    };
    let files = async || {
        let draft = app.store.draft(&DraftToken::new(token.clone())).await.unwrap().unwrap();
        let mut out = Vec::new();
        for f in draft.answers.get("medical_certificate").map(|a| a.files().to_vec()).unwrap_or_default() {
            out.push(app.store.attachment(f.id).await.unwrap().unwrap());
        }
        out
    };
    // Clean: accepted as clean.
    let html = upload("intyg.pdf", b"%PDF-1.4\nA certificate.\n".to_vec()).await;
    assert!(html.contains("intyg.pdf"));
    assert_eq!(files().await.iter().map(|f| f.scan_status).collect::<Vec<_>>(), [ScanStatus::Clean]);
    // Infected: refused with the reason, nothing stored.
    let html = upload("smittad.pdf", format!("%PDF-1.4\n{EICAR}\n").into_bytes()).await;
    assert!(html.contains("Filen innehåller skadlig kod"), "{html}");
    assert_eq!(files().await.len(), 1);
    // The scanner goes away: the file is held, not passed.
    drop(clamd);
    let html = upload("andra.pdf", b"%PDF-1.4\nPage two.\n".to_vec()).await;
    assert!(html.contains("andra.pdf") && html.contains("Väntar på viruskontroll"), "{html}");
    let held = files().await.into_iter().find(|f| f.file_name == "andra.pdf").unwrap();
    assert_eq!(held.scan_status, ScanStatus::Held);
    assert!(!held.scan_status.viewable());
    // It comes back; the rescan releases the held file.
    let _clamd = clamd_on(port).await;
    let uploads = stadsporten_app::web::uploads::Uploads {
        store: stadsporten_server::startup::file_store("auto", &app.store, &crate::support::upload_folder()),
        scanner: Some(stadsporten_app::web::uploads::Clamd::new(&format!("tcp://127.0.0.1:{port}"))),
        max_bytes: 1024 * 1024,
        crypto: std::sync::Arc::new(stadsporten_app::web::crypto::FileCrypto::new("k1", &"t".repeat(40), [])),
    };
    stadsporten_app::web::uploads::rescan_held(&app.store, &uploads, app.clock.now()).await;
    assert_eq!(app.store.attachment(held.id).await.unwrap().unwrap().scan_status, ScanStatus::Clean);
}
