//! A small design-system kit: the page layout and the error page.

mod error_page;
mod island_scripts;
mod layout;

pub use error_page::ErrorPage;
pub use island_scripts::IslandScripts;
pub use layout::Layout;
