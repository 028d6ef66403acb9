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

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it, no spaces,
/// at most 254 characters. The confirmation link proves the rest.
pub fn valid_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else { return false };
    s.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn plausible_addresses_only() {
        for ok in ["anna@example.se", "a.b+c@sub.example.se"] {
            assert!(super::valid_email(ok), "{ok}");
        }
        for bad in
            ["", "anna", "anna@", "@example.se", "anna@example", "a b@example.se", "a@b@c.se", "a@.se", "<a@b.se>"]
        {
            assert!(!super::valid_email(bad), "{bad}");
        }
    }
}
