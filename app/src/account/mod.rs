//! Signing in and out, and Mina sidor (`/my`): who you are, for whom you act, your contact details,
//! and where your cases will appear.
//!
//! Policy: everything under `/my` is the signed-in person's own data, found through their user id
//! from the session, never from the form or the URL.

mod email_page;
mod my_page;
mod server;
mod sign_in_page;

pub use email_page::ConfirmEmailPage;
pub use my_page::MyPage;
pub use server::{act_for, confirm_email, my_overview, save_contact, start_email_change};
pub use sign_in_page::{ErrorRoutePage, SignInPage, SignedOutPage};
