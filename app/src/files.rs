//! The interface to stored file bytes (attachments). The server provides the implementation (a
//! filesystem folder by default) as context, like the mailer.
//!
//! Policy: a file is addressed only by the random key the server made for it, never by a name
//! a person chose.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Where file bytes are kept.
pub trait FileStore: Send + Sync + 'static {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> BoxFuture<'a, std::io::Result<()>>;
    fn get<'a>(&'a self, key: &'a str) -> BoxFuture<'a, std::io::Result<Vec<u8>>>;
    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, std::io::Result<()>>;
}

/// The file store as context.
#[derive(Clone)]
pub struct FilesHandle(pub Arc<dyn FileStore>);
