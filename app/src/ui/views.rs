//! The small view types the design kit renders and every feature fills in: a link, a filter's
//! option, a pagination. Features build them on the server, fully translated.

use serde::{Deserialize, Serialize};

/// A link with its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkView {
    pub href: String,
    pub text: String,
}

/// An `<option>` of a filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionView {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// Previous / next links and "page 2 of 5".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaginationView {
    pub label: String,
    pub current: String,
    pub previous: Option<LinkView>,
    pub next: Option<LinkView>,
}
