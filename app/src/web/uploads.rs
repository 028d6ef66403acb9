//! Uploaded files: the size limit, the type by content, the virus scan and where the bytes live.
//!
//! Policy:
//! - The size limit is enforced before the body is read (`Content-Length` → 413) and again while
//!   reading (a body without a length is cut off at the limit).
//! - The type is recognised by the file's bytes ([`FileKind::sniff`]: what `infer` says it is, with
//!   that kind's whole signature at the start), never by its name or the browser's claimed type;
//!   only the field's accepted kinds pass.
//! - With a scanner configured (ClamAV's `clamd`), scanning fails closed: an infected file is
//!   refused and never stored; when the scanner cannot be reached the file is stored *held* —
//!   kept for the applicant, never shown to staff — and rescanned by the housekeeping job.
//!   Without a scanner (development only; production refuses to start) files are `not-scanned`.
//! - Bytes are stored under a random key through [`FileStore`]; the applicant's file name is
//!   only ever displayed. The filesystem store writes to a temporary file, syncs it and renames
//!   it, so a stored file is whole before its row is written.

use rand::RngCore as _;
use sha2::{Digest, Sha256};
use stadsporten_db::ScanStatus;
use stadsporten_domain::eservice::FileKind;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;

pub use crate::files::{BoxFuture, FileStore};

/// The filesystem default: `root/ab/abcdef…` by the random key.
pub struct FsStore {
    root: PathBuf,
}

impl FsStore {
    pub fn new(root: impl Into<PathBuf>) -> FsStore {
        FsStore { root: root.into() }
    }

    fn path(&self, key: &str) -> std::io::Result<PathBuf> {
        // Keys are made here (hex); anything else is refused rather than joined into a path.
        if key.len() < 16 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "invalid storage key"));
        }
        Ok(self.root.join(&key[..2]).join(key))
    }
}

impl FileStore for FsStore {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> BoxFuture<'a, std::io::Result<()>> {
        Box::pin(async move {
            let path = self.path(key)?;
            let dir = path.parent().map(PathBuf::from).unwrap_or_default();
            tokio::fs::create_dir_all(&dir).await?;
            let tmp = dir.join(format!(".{key}.tmp"));
            let mut f = tokio::fs::File::create(&tmp).await?;
            f.write_all(bytes).await?;
            f.sync_all().await?;
            drop(f);
            tokio::fs::rename(&tmp, &path).await?;
            // The rename is durable once the folder is synced.
            if let Ok(d) = tokio::fs::File::open(&dir).await {
                let _ = d.sync_all().await;
            }
            Ok(())
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> BoxFuture<'a, std::io::Result<Vec<u8>>> {
        Box::pin(async move { tokio::fs::read(self.path(key)?).await })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, std::io::Result<()>> {
        Box::pin(async move {
            match tokio::fs::remove_file(self.path(key)?).await {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            }
        })
    }
}

/// The store every node reaches: the bytes in the database (`stadsporten_db::files`; the
/// default on PostgreSQL, so that a file uploaded through one node is read through any other).
pub struct DbStore {
    store: stadsporten_db::Store,
}

impl DbStore {
    pub fn new(store: stadsporten_db::Store) -> DbStore {
        DbStore { store }
    }
}

fn io_error(e: stadsporten_db::DbError) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

impl FileStore for DbStore {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> BoxFuture<'a, std::io::Result<()>> {
        Box::pin(async move {
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            self.store.put_file(key, bytes, now).await.map_err(io_error)
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> BoxFuture<'a, std::io::Result<Vec<u8>>> {
        Box::pin(async move {
            self.store
                .file(key)
                .await
                .map_err(io_error)?
                .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such stored file"))
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, std::io::Result<()>> {
        Box::pin(async move { self.store.delete_file(key).await.map_err(io_error) })
    }
}

/// The verdict of a scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    Infected(String),
}

/// A ClamAV daemon reached over TCP (`tcp://host:port`) or a Unix socket (`unix:///path`),
/// spoken to with the INSTREAM command through the `clamav-client` crate; the reply's verdict is
/// read here ([`verdict`]), since the crate only hands back the daemon's bytes.
#[derive(Debug, Clone)]
pub struct Clamd {
    address: String,
}

/// The size of each INSTREAM chunk (clamd limits the whole stream, not the chunks).
const CHUNK_BYTES: usize = 64 * 1024;

impl Clamd {
    pub fn new(address: &str) -> Clamd {
        Clamd { address: address.to_owned() }
    }

    /// Scans `bytes`; an error means no verdict (unreachable, timed out, or a clamd error).
    pub async fn scan(&self, bytes: &[u8]) -> Result<Verdict, String> {
        tokio::time::timeout(Duration::from_secs(30), self.scan_inner(bytes))
            .await
            .map_err(|_| "clamd timed out".to_owned())?
    }

    async fn scan_inner(&self, bytes: &[u8]) -> Result<Verdict, String> {
        use clamav_client::tokio::{scan_buffer, Socket, Tcp};
        let reply = if let Some(path) = self.address.strip_prefix("unix://") {
            scan_buffer(bytes, Socket { socket_path: path }, Some(CHUNK_BYTES)).await
        } else {
            let addr = self.address.strip_prefix("tcp://").unwrap_or(&self.address);
            scan_buffer(bytes, Tcp { host_address: addr }, Some(CHUNK_BYTES)).await
        };
        verdict(&reply.map_err(|e| format!("clamd: {e}"))?)
    }
}

/// What clamd's reply to INSTREAM says: `stream: OK`, `stream: Eicar-Signature FOUND`, or an
/// error (`… ERROR`, or anything else, which is no verdict).
fn verdict(reply: &[u8]) -> Result<Verdict, String> {
    let reply = String::from_utf8_lossy(reply).trim_end_matches('\0').trim().to_owned();
    if reply.ends_with(" OK") {
        Ok(Verdict::Clean)
    } else if let Some(found) = reply.strip_suffix(" FOUND") {
        Ok(Verdict::Infected(found.trim_start_matches("stream:").trim().to_owned()))
    } else {
        Err(format!("clamd answered {reply:?}"))
    }
}

/// Why a file was refused (fluent ids shown beside the field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLarge,
    /// Not one of the field's accepted kinds (by content).
    Type,
    /// The scanner found something.
    Infected,
    /// Storing failed (logged); try again.
    Storage,
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Empty => "field-error-file-empty",
            Refusal::TooLarge => "field-error-file-too-large",
            Refusal::Type => "field-error-file-type",
            Refusal::Infected => "field-error-file-infected",
            Refusal::Storage => "field-error-file-storage",
        }
    }
}

/// A file that passed: stored under `storage_key`.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub storage_key: String,
    pub kind: FileKind,
    pub sha256: String,
    pub scan_status: ScanStatus,
    /// Stored as an envelope (confidentiality 3; see `crypto.rs`).
    pub encrypted: bool,
}

/// The upload policy and its parts, shared by every upload route.
#[derive(Clone)]
pub struct Uploads {
    pub store: Arc<dyn FileStore>,
    pub scanner: Option<Clamd>,
    pub max_bytes: usize,
    /// The keys confidentiality-3 files are encrypted with.
    pub crypto: Arc<super::crypto::FileCrypto>,
}

/// A random storage key: 128 bits, hex.
pub fn new_key() -> String {
    let mut b = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

// The names of uploaded files: pure rules in the domain (fuzzed there, `fuzz/`).
pub use stadsporten_domain::eservice::file_names::{content_disposition, display_name, download_name};

impl Uploads {
    /// Checks, scans and stores one file in the clear.
    pub async fn accept(&self, bytes: &[u8], allowed: &[FileKind]) -> Result<Accepted, Refusal> {
        self.accept_as(bytes, allowed, false).await
    }

    /// Checks, scans and stores one file, encrypted when `encrypt` (its e-service's
    /// classification says so). The checksum is of the file itself, so a download can verify it.
    pub async fn accept_as(&self, bytes: &[u8], allowed: &[FileKind], encrypt: bool) -> Result<Accepted, Refusal> {
        if bytes.is_empty() {
            return Err(Refusal::Empty);
        }
        if bytes.len() > self.max_bytes {
            return Err(Refusal::TooLarge);
        }
        let kind = FileKind::sniff(bytes).filter(|k| allowed.contains(k)).ok_or(Refusal::Type)?;
        let scan_status = match &self.scanner {
            None => ScanStatus::NotScanned,
            Some(clamd) => match clamd.scan(bytes).await {
                Ok(Verdict::Clean) => ScanStatus::Clean,
                Ok(Verdict::Infected(signature)) => {
                    tracing::warn!(%signature, "an uploaded file was infected and refused");
                    return Err(Refusal::Infected);
                }
                Err(e) => {
                    tracing::warn!(error = %e, "virus scanner unavailable: the file is held until it is scanned");
                    ScanStatus::Held
                }
            },
        };
        let storage_key = new_key();
        let stored =
            if encrypt { std::borrow::Cow::Owned(self.crypto.seal(bytes)) } else { std::borrow::Cow::Borrowed(bytes) };
        if let Err(e) = self.store.put(&storage_key, &stored).await {
            tracing::error!(error = %e, "could not store an uploaded file");
            return Err(Refusal::Storage);
        }
        let sha256 = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        Ok(Accepted { storage_key, kind, sha256, scan_status, encrypted: encrypt })
    }

    /// A stored file's bytes as uploaded: opened when encrypted, and — when `verify` (integrity
    /// 3 and up) — checked against the checksum taken at upload. `None` when the bytes are
    /// missing, will not open, or do not match; the reason is logged, never shown.
    pub async fn read(&self, storage_key: &str, sha256: &str, verify: bool) -> Option<Vec<u8>> {
        let raw = match self.store.get(storage_key).await {
            Ok(b) => b,
            Err(e) => {
                tracing::error!(error = %e, "a recorded file's bytes are missing");
                return None;
            }
        };
        let plain = match self.crypto.open(raw) {
            Ok(p) => p,
            Err(e) => {
                tracing::error!(error = ?e, "a stored file would not open");
                return None;
            }
        };
        if verify {
            let actual: String = Sha256::digest(&plain).iter().map(|b| format!("{b:02x}")).collect();
            if actual != sha256 {
                tracing::error!("a stored file does not match its checksum; it is not served");
                return None;
            }
        }
        Some(plain)
    }
}

/// Scans files held while the scanner was unreachable: clean ones are released, infected ones
/// marked and their bytes deleted. Does nothing without a scanner or while it is still away.
pub async fn rescan_held(store: &stadsporten_db::Store, uploads: &Uploads, now: i64) {
    let Some(clamd) = &uploads.scanner else { return };
    let held = match store.held_attachments(20).await {
        Ok(h) => h,
        Err(e) => {
            tracing::warn!(error = %e, "could not list held files");
            return;
        }
    };
    for file in held {
        let Some(bytes) = uploads.read(&file.storage_key, &file.sha256, false).await else { continue };
        match clamd.scan(&bytes).await {
            Ok(Verdict::Clean) => {
                let _ = store.set_scan_status(file.id, ScanStatus::Clean, now).await;
            }
            Ok(Verdict::Infected(signature)) => {
                tracing::warn!(%signature, attachment = %file.id, "a held file was infected and is removed");
                let _ = store.set_scan_status(file.id, ScanStatus::Infected, now).await;
                let _ = uploads.store.delete(&file.storage_key).await;
            }
            // Still unreachable: try again on the next round.
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_lose_paths_and_markup() {
        assert_eq!(display_name("C:\\Users\\anna\\intyg.pdf"), "intyg.pdf");
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("<script>\".pdf"), "script.pdf");
        assert_eq!(display_name("  "), "file");
    }

    #[test]
    fn names_lose_every_control_and_bidi_character() {
        let hidden = ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}']
            .into_iter()
            .chain(['\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}'])
            .chain((0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32));
        for c in hidden {
            let code = u32::from(c);
            assert_eq!(display_name(&format!("invoice{c}fdp.html")), "invoicefdp.html", "U+{code:04X}");
            assert_eq!(
                download_name(&format!("{c}invoice{c}.pdf{c}"), Some(FileKind::Pdf)),
                "invoice.pdf",
                "U+{code:04X}"
            );
        }
    }

    #[test]
    fn a_download_is_named_by_its_content() {
        assert_eq!(download_name("invoice\u{202E}fdp.html", Some(FileKind::Pdf)), "invoicefdp.pdf");
        assert_eq!(download_name("photo.JPEG", Some(FileKind::Jpeg)), "photo.jpg");
        assert_eq!(download_name("scan", Some(FileKind::Png)), "scan.png");
        assert_eq!(download_name("a.tar.gz", Some(FileKind::Pdf)), "a.tar.pdf");
        assert_eq!(download_name(".html", Some(FileKind::Pdf)), "file.pdf");
        assert_eq!(download_name("x.pdf", None), "x.bin");
    }

    #[test]
    fn the_disposition_is_an_attachment_with_both_names() {
        assert_eq!(
            content_disposition("Intyg BVC åäö.pdf"),
            "attachment; filename=\"Intyg_BVC____.pdf\"; filename*=UTF-8''Intyg%20BVC%20%C3%A5%C3%A4%C3%B6.pdf"
        );
        assert_eq!(
            content_disposition("a+b;c\\d\".pdf"),
            "attachment; filename=\"a_b_c_d_.pdf\"; filename*=UTF-8''a%2Bb%3Bc%5Cd%22.pdf"
        );
    }

    fn crypto() -> Arc<super::super::crypto::FileCrypto> {
        Arc::new(super::super::crypto::FileCrypto::new("k1", "a-test-file-key-of-thirty-two-bytes!", []))
    }

    #[tokio::test]
    async fn files_are_checked_by_content_and_stored_under_a_random_key() {
        let dir = std::env::temp_dir().join(format!("stadsporten-uploads-{}", new_key()));
        let uploads = Uploads { store: Arc::new(FsStore::new(&dir)), scanner: None, max_bytes: 1024, crypto: crypto() };
        let pdf = b"%PDF-1.4\n%test\n".to_vec();
        let ok = uploads.accept(&pdf, &[FileKind::Pdf]).await.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((ok.kind, ok.scan_status, ok.encrypted), (FileKind::Pdf, ScanStatus::NotScanned, false));
        assert_eq!(uploads.store.get(&ok.storage_key).await.ok(), Some(pdf.clone()));
        // Encrypted: the bytes at rest are an envelope; read gives back the file, checked.
        let sealed = uploads.accept_as(&pdf, &[FileKind::Pdf], true).await.unwrap_or_else(|e| panic!("{e:?}"));
        let at_rest = uploads.store.get(&sealed.storage_key).await.unwrap_or_default();
        assert!(sealed.encrypted && super::super::crypto::FileCrypto::is_envelope(&at_rest) && at_rest != pdf);
        assert_eq!(sealed.sha256, ok.sha256, "the checksum is of the file itself");
        assert_eq!(uploads.read(&sealed.storage_key, &sealed.sha256, true).await, Some(pdf.clone()));
        assert_eq!(uploads.read(&sealed.storage_key, "0000", true).await, None, "a wrong checksum is not served");
        assert_eq!(uploads.read(&sealed.storage_key, "0000", false).await, Some(pdf.clone()));
        assert_eq!(uploads.accept(&pdf, &[FileKind::Png]).await.err(), Some(Refusal::Type));
        assert_eq!(uploads.accept(b"MZ\x90\x00 not a pdf", &[FileKind::Pdf]).await.err(), Some(Refusal::Type));
        assert_eq!(uploads.accept(&[b'%'; 2000], &[FileKind::Pdf]).await.err(), Some(Refusal::TooLarge));
        assert_eq!(uploads.accept(&[], &[FileKind::Pdf]).await.err(), Some(Refusal::Empty));
        assert!(uploads.store.get("../../etc/passwd").await.is_err());
        uploads.store.delete(&ok.storage_key).await.unwrap_or_else(|e| panic!("{e}"));
        assert!(uploads.store.get(&ok.storage_key).await.is_err());
        let _ = std::fs::remove_dir_all(dir);
    }

    /// A stand-in for clamd on one connection: reads an INSTREAM (command, chunks, the zero
    /// length), answers `reply` and closes; gives back what was streamed and the largest chunk.
    async fn fake_clamd<S>(mut s: S, reply: &'static [u8]) -> (Vec<u8>, usize)
    where
        S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
    {
        use tokio::io::AsyncReadExt;
        let mut command = [0u8; 10];
        s.read_exact(&mut command).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&command, b"zINSTREAM\0");
        let (mut streamed, mut largest) = (Vec::new(), 0);
        loop {
            let mut len = [0u8; 4];
            s.read_exact(&mut len).await.unwrap_or_else(|e| panic!("{e}"));
            let len = usize::try_from(u32::from_be_bytes(len)).unwrap_or(usize::MAX);
            if len == 0 {
                break;
            }
            largest = largest.max(len);
            let start = streamed.len();
            streamed.resize(start + len, 0);
            s.read_exact(&mut streamed[start..]).await.unwrap_or_else(|e| panic!("{e}"));
        }
        s.write_all(reply).await.unwrap_or_else(|e| panic!("{e}"));
        (streamed, largest)
    }

    #[tokio::test]
    async fn instream_over_tcp_sends_the_whole_file_in_chunks_and_reads_the_verdict() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("{e}"));
        let clamd = Clamd::new(&format!("tcp://{}", listener.local_addr().unwrap_or_else(|e| panic!("{e}"))));
        let file: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        for (reply, expected) in [
            (&b"stream: OK\0"[..], Ok(Verdict::Clean)),
            (b"stream: Eicar-Test-Signature FOUND\0", Ok(Verdict::Infected("Eicar-Test-Signature".into()))),
            (
                b"INSTREAM size limit exceeded. ERROR\0",
                Err("clamd answered \"INSTREAM size limit exceeded. ERROR\"".into()),
            ),
            (b"", Err("clamd answered \"\"".into())),
        ] {
            let server = async { fake_clamd(listener.accept().await.unwrap_or_else(|e| panic!("{e}")).0, reply).await };
            let (verdict, (streamed, largest)) = tokio::join!(clamd.scan(&file), server);
            assert_eq!(verdict, expected);
            assert!(streamed == file, "the file arrives whole and in order");
            assert_eq!(largest, CHUNK_BYTES);
        }
    }

    #[tokio::test]
    async fn instream_over_a_unix_socket() {
        let dir = std::env::temp_dir().join(format!("stadsporten-clamd-{}", new_key()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.join("clamd.sock");
        let listener = tokio::net::UnixListener::bind(&path).unwrap_or_else(|e| panic!("{e}"));
        let clamd = Clamd::new(&format!("unix://{}", path.display()));
        let server =
            async { fake_clamd(listener.accept().await.unwrap_or_else(|e| panic!("{e}")).0, b"stream: OK\0").await };
        let (verdict, (streamed, _)) = tokio::join!(clamd.scan(b"%PDF-1.4\n"), server);
        assert_eq!(verdict, Ok(Verdict::Clean));
        assert_eq!(streamed, b"%PDF-1.4\n");
        drop(listener);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(clamd.scan(b"x").await.is_err(), "no socket, no verdict");
    }

    #[test]
    fn verdicts_are_read_from_the_reply() {
        assert_eq!(verdict(b"stream: OK"), Ok(Verdict::Clean));
        assert_eq!(
            verdict(b"stream: Win.Test.EICAR_HDB-1 FOUND\0"),
            Ok(Verdict::Infected("Win.Test.EICAR_HDB-1".into()))
        );
        assert!(verdict(b"stream: lstat() failed: ERROR").is_err());
        assert!(verdict(b"stream: OKAY").is_err());
    }

    #[tokio::test]
    async fn an_unreachable_scanner_holds_the_file_never_passes_it() {
        let dir = std::env::temp_dir().join(format!("stadsporten-uploads-{}", new_key()));
        // Port 9 (discard) on localhost: nothing listens, the connection is refused.
        let uploads = Uploads {
            store: Arc::new(FsStore::new(&dir)),
            scanner: Some(Clamd::new("tcp://127.0.0.1:9")),
            max_bytes: 1024,
            crypto: crypto(),
        };
        let ok = uploads.accept(b"%PDF-1.4\n", &[FileKind::Pdf]).await.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(ok.scan_status, ScanStatus::Held);
        let _ = std::fs::remove_dir_all(dir);
    }
}
