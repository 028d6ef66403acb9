//! The API's problem documents (RFC 9457).

use super::model::{FieldProblem, Problem};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// A problem document (RFC 9457), never stored by a cache.
pub fn problem(status: u16, slug: &str, title: &str, detail: &str) -> Response {
    problem_with(status, slug, title, detail, Vec::new())
}

pub fn problem_with(status: u16, slug: &str, title: &str, detail: &str, errors: Vec<FieldProblem>) -> Response {
    let body = Problem {
        kind: format!("/problems/{slug}"),
        title: title.to_owned(),
        status,
        detail: detail.to_owned(),
        errors,
    };
    let mut r = (StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST), axum::Json(body)).into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

pub fn bad_field(field: &str, detail: &str) -> Response {
    problem_with(
        400,
        "invalid-parameter",
        "A parameter is not valid",
        &format!("{field}: {detail}"),
        vec![FieldProblem { field: field.to_owned(), detail: detail.to_owned() }],
    )
}
