//! The register extract's downloads: `GET /my/data/extract.json` and `GET /my/data/extract.html`.
//!
//! Policy: the signed-in person only, for themself (`use-my-pages`); written to the audit trail as
//! an export before the bytes go out (without the record, no extract); never cached.

use super::extract;
use crate::context::RequestContext;
use crate::error::AppError;
use crate::web::FormState;
use axum::extract::{Extension, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use stadsporten_domain::access::{Permission, Target};
use stadsporten_domain::audit::{AuditAction, Outcome};
use std::sync::Arc;

pub fn routes() -> axum::Router<Arc<FormState>> {
    axum::Router::new().route("/my/data/extract.json", get(json)).route("/my/data/extract.html", get(html))
}

async fn json(State(s): State<Arc<FormState>>, Extension(ctx): Extension<RequestContext>) -> Response {
    download(&s, &ctx, "json").await
}

async fn html(State(s): State<Arc<FormState>>, Extension(ctx): Extension<RequestContext>) -> Response {
    download(&s, &ctx, "html").await
}

async fn download(s: &FormState, ctx: &RequestContext, format: &str) -> Response {
    let Some(viewer) = ctx.viewer.clone() else { return s.pages.error(ctx, AppError::Unauthorized).await };
    if !viewer.may(Permission::UseMyPages, &Target::Person(viewer.user_id)) {
        return crate::web::denied(
            s,
            ctx,
            "register-extract",
            Some(viewer.user_id.to_string()),
            Permission::UseMyPages,
        )
        .await;
    }
    let entry = crate::auth::entry(
        ctx,
        AuditAction::Export,
        "register-extract",
        Some(viewer.user_id.to_string()),
        Outcome::Success,
        Some("resident"),
        Some(format.to_owned()),
    );
    if let Err(e) = s.store.append_audit(&entry).await {
        return s.pages.error(ctx, AppError::from_storage(e, "could not audit a register extract")).await;
    }
    let x = match extract::build(&s.store, viewer.user_id, ctx.now).await {
        Ok(Some(x)) => x,
        Ok(None) => return s.pages.error(ctx, AppError::NotFound).await,
        Err(e) => return s.pages.error(ctx, AppError::from_storage(e, "could not read a register extract")).await,
    };
    let day = crate::ui::format::stockholm_date(ctx.now);
    let (body, content_type) = match format {
        "json" => (serde_json::to_string_pretty(&x).unwrap_or_default(), "application/json"),
        _ => (extract::html(&x, ctx.lang), "text/html; charset=utf-8"),
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"registerutdrag-{day}.{format}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store, private"));
    res
}
