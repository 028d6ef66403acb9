//! A small design-system kit: the page layout and the error page.

mod error_page;
mod layout;

pub use error_page::ErrorPage;
pub use layout::Layout;
