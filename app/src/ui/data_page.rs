//! A page made of one server function's answer: the title, then the body once the data is there,
//! or the error page for why not.

use crate::i18n::{use_i18n, I18n};
use crate::ui::{ErrorPage, Title};
use leptos::prelude::*;

/// `title_id` names the page; `body` renders the data in the page's language.
pub fn data_page<T, V>(
    title_id: &'static str,
    data: impl std::future::Future<Output = Result<T, crate::error::AppError>> + Send + 'static,
    body: impl Fn(T, I18n) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Send + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    view! {
        <Title text=format!("{} – {}", i18n.t(title_id), i18n.t("site-name"))/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => body(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
