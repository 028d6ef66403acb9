//! `/sign-in` (choose how to sign in), `/signed-out`, and `/error/{code}` (the translated page the
//! server shows for refusals outside the router's own flow).

use crate::context::RequestContext;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use stadsporten_domain::catalogue::encode_component;

/// Where to go after signing in: the `to` query parameter when it is a local path.
fn return_to(ctx: &RequestContext) -> String {
    ctx.query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == "to")
        .map(|(_, v)| v.to_owned())
        .unwrap_or_else(|| encode_component("/my"))
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_context::<RequestContext>().unwrap_or_default();
    let to = return_to(&ctx);
    view! {
        <Title text=format!("{} – {}", i18n.t("sign-in-title"), i18n.t("site-name"))/>
        <h1>{i18n.t("sign-in-title")}</h1>
        <p class="lead">{i18n.t("sign-in-lead")}</p>
        <ul class="choice-list">
            <li>
                <a class="choice" href=format!("/auth/login?as=resident&to={to}")>
                    <span class="choice-title">{i18n.t("sign-in-resident")}</span>
                    <span class="choice-text">{i18n.t("sign-in-resident-text")}</span>
                </a>
            </li>
            <li>
                <a class="choice" href=format!("/auth/login?as=staff&to={to}")>
                    <span class="choice-title">{i18n.t("sign-in-staff")}</span>
                    <span class="choice-text">{i18n.t("sign-in-staff-text")}</span>
                </a>
            </li>
        </ul>
        <p class="note">{i18n.t("sign-in-privacy")}</p>
    }
}

#[component]
pub fn SignedOutPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=format!("{} – {}", i18n.t("signed-out-title"), i18n.t("site-name"))/>
        <h1>{i18n.t("signed-out-title")}</h1>
        <p>{i18n.t("signed-out-body")}</p>
        <ul class="link-list">
            <li><a href="/sign-in">{i18n.t("session-sign-in-again")}</a></li>
            <li><a href="/">{i18n.t("error-go-start")}</a></li>
        </ul>
    }
}

/// `/error/{code}`: unknown codes are a 404.
#[component]
pub fn ErrorRoutePage() -> impl IntoView {
    let code = use_params_map().read_untracked().get("code").unwrap_or_default();
    let error = AppError::from_code(&code).unwrap_or(AppError::NotFound).respond();
    view! { <ErrorPage error=error/> }
}
