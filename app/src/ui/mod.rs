//! A small design-system kit: the page layout, the session bar, forms' CSRF field, the error page, notices.

pub mod chart;
mod csrf_field;
mod data_page;
mod error_page;
pub mod format;
mod island_scripts;
mod layout;
pub mod live;
mod markup;
mod notices;
mod option_list;
mod pagination;
mod session_bar;
mod session_timer;
mod textarea;
mod title;
mod upload_progress;
mod views;

pub use csrf_field::CsrfField;
pub use data_page::data_page;
pub use error_page::ErrorPage;
pub use format::{stockholm_date, stockholm_day, stockholm_time};
pub use island_scripts::{AssetNames, IslandScripts, ScriptsIncluded, Stylesheet};
pub use layout::Layout;
pub use live::LiveResults;
pub use markup::Markup;
pub use notices::Notices;
pub use option_list::option_list;
pub use pagination::Pagination;
pub use session_bar::{SessionBar, SessionEndedNotice};
pub use session_timer::SessionTimer;
pub use textarea::textarea_text;
pub use title::{safe_title, Title};
pub use upload_progress::UploadProgress;
pub use views::{LinkView, OptionView, PaginationView};
