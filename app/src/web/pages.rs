//! Translated pages the server renders outside the Leptos router's own flow: refusals from the
//! sign-in routes, the CSRF check and server functions. Each is the Leptos `/error/{code}` page,
//! rendered for the current request (its language, its viewer) with the right status.

use crate::context::RequestContext;
use crate::error::AppError;
use crate::shell;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use leptos::prelude::*;
use stadsporten_db::Store;

/// What rendering a page needs, shared: cloned on every request (a handful of times), so one
/// reference count rather than one per part.
#[derive(Clone)]
pub struct Pages(std::sync::Arc<PageParts>);

impl Pages {
    pub fn new(parts: PageParts) -> Pages {
        Pages(std::sync::Arc::new(parts))
    }
}

impl std::ops::Deref for Pages {
    type Target = PageParts;

    fn deref(&self) -> &PageParts {
        &self.0
    }
}

pub struct PageParts {
    pub options: LeptosOptions,
    pub store: Store,
    pub settings: crate::context::ServiceSettings,
    pub mailer: crate::mail::MailerHandle,
    pub eservices: crate::settings::EServiceSettings,
    pub files: crate::files::FilesHandle,
    pub compare: stadsporten_domain::compare::Thresholds,
}

impl Pages {
    /// The error's page with the error's status.
    pub async fn error(&self, ctx: &RequestContext, error: AppError) -> Response {
        let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut res = self.render_with(&format!("/error/{}", error.code()), ctx, ()).await;
        *res.status_mut() = status;
        res
    }

    /// Renders the page at `path` for this request, with `extra` in the request's extensions for
    /// the page to read (e.g. the test identity provider's persona picker).
    pub async fn render_with<T: Clone + Send + Sync + 'static>(
        &self,
        path: &str,
        ctx: &RequestContext,
        extra: T,
    ) -> Response {
        let mut req = Request::builder().uri(path).body(Body::empty()).unwrap_or_default();
        req.extensions_mut().insert(ctx.clone());
        req.extensions_mut().insert(extra);
        let options = self.options.clone();
        let pages = self.clone();
        let render = leptos_axum::render_app_async_with_context(
            move || pages.provide_contexts(),
            move || shell(options.clone()),
        );
        render(req).await
    }

    /// What pages and server functions find as context.
    pub fn provide_contexts(&self) {
        provide_context(self.store.clone());
        provide_context(self.settings.clone());
        provide_context(self.mailer.clone());
        provide_context(self.eservices);
        provide_context(self.files.clone());
        provide_context(self.compare);
    }
}
