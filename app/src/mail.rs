//! The interface for sending e-mail from server functions. The server provides the implementation
//! (SMTP, or a folder of files in development) as context.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One plain-text message.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

pub trait Mailer: Send + Sync + 'static {
    fn send(&self, mail: OutgoingMail) -> BoxFuture<'_, Result<(), String>>;
}

/// The mailer as context.
#[derive(Clone)]
pub struct MailerHandle(pub Arc<dyn Mailer>);

pub use stadsporten_domain::contact::valid_email;
