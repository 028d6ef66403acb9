//! A multipart upload as the server reads it: the parts (axum's parser, multer), then what the
//! server does with a file part — recognise its kind by its bytes, clean its name for display
//! and for the download header.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stadsporten_domain::eservice::file_names::{content_disposition, display_name, download_name};
use stadsporten_domain::eservice::FileKind;

fuzz_target!(|data: &[u8]| {
    let body = bytes::Bytes::copy_from_slice(data);
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let constraints = multer::Constraints::new().size_limit(multer::SizeLimit::new().whole_stream(1 << 20));
    let mut multipart = multer::Multipart::with_constraints(stream, "XyZzY", constraints);
    block_on(async {
        while let Ok(Some(field)) = multipart.next_field().await {
            let name = field.file_name().map(str::to_owned);
            let Ok(bytes) = field.bytes().await else { break };
            let kind = FileKind::sniff(&bytes);
            if let Some(name) = name {
                let shown = display_name(&name);
                assert!(!shown.is_empty() && shown.chars().count() <= 120);
                assert!(!shown.contains(['/', '\\', '"', '<', '>']));
                let header = content_disposition(&download_name(&shown, kind));
                assert!(header.is_ascii(), "a header value is ASCII");
            }
        }
    });
    // The raw bytes as a file of their own.
    let _ = FileKind::sniff(data);
});

/// Runs the parse to its end: the body is one ready chunk, so nothing ever waits (no executor
/// needed; a future still pending after a poll is a parser that waits on a finished stream).
fn block_on<F: std::future::Future<Output = ()>>(future: F) {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    assert!(future.as_mut().poll(&mut cx).is_ready(), "the parse waits on a finished body");
}
