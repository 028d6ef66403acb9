//! The translated error page (404, 400, 500). The status code is set by whoever produced the
//! error (`AppError::respond`); this only shows what happened and where to go next.

use crate::context::RequestContext;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::Title;
use leptos::prelude::*;
use stadsporten_domain::catalogue::encode_component;

#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let title = i18n.t(error.title_id());
    let ctx = use_context::<RequestContext>().unwrap_or_default();
    // Where signing in should lead back to: the page that was refused (not the error page).
    let back = ctx.return_here();
    let sign_in = match error {
        AppError::Unauthorized | AppError::SignInFailed | AppError::SignInCancelled | AppError::SignInUnavailable => {
            Some(
                view! { <li><a href=format!("/sign-in?to={}", encode_component(&back))>{i18n.t("error-sign-in")}</a></li> },
            )
        }
        AppError::AssuranceTooLow => Some(view! {
            <li><a href=format!("/auth/login?as=resident&acr=substantial&to={}", encode_component(&back))>{i18n.t("error-assurance-sign-in")}</a></li>
        }),
        _ => None,
    };
    view! {
        <Title text=format!("{title} – {}", i18n.t("site-name"))/>
        <section class="error-page" aria-labelledby="error-title">
            <h1 id="error-title">{title}</h1>
            <p>{i18n.t(error.message_id())}</p>
            <ul class="link-list">
                {sign_in}
                <li><a href="/">{i18n.t("error-go-start")}</a></li>
                <li><a href="/services">{i18n.t("error-go-services")}</a></li>
            </ul>
        </section>
    }
}
