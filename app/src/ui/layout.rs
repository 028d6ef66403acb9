//! The page frame: skip link, header with the language menu, main landmark, footer with the lite
//! switch. Every control is a plain link, so it works without JavaScript.

use crate::context::RequestContext;
use crate::i18n::use_i18n;
use crate::ui::{SessionBar, SessionEndedNotice};
use leptos::prelude::*;
use stadsporten_domain::catalogue::encode_component;
use stadsporten_domain::Lang;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_context::<RequestContext>().unwrap_or_default();
    let here = encode_component(&ctx.here());
    let languages = Lang::ALL
        .iter()
        .map(|&l| {
            let current = l == i18n.lang;
            view! {
                <li>
                    <a
                        href=format!("/lang/{}?to={}", l.code(), here)
                        lang=l.code()
                        hreflang=l.code()
                        aria-current=current.then_some("true")
                    >
                        {l.endonym()}
                    </a>
                </li>
            }
        })
        .collect_view();
    let lite_link = if ctx.lite {
        view! { <p class="lite-note">{i18n.t("lite-active")} " " <a href=format!("/lite/off?to={here}")>{i18n.t("lite-off")}</a></p> }.into_any()
    } else {
        view! { <p><a href=format!("/lite/on?to={here}")>{i18n.t("lite-on")}</a></p> }.into_any()
    };
    view! {
        <a class="skip-link" href="#content">{i18n.t("skip-to-content")}</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href="/">
                    <span class="brand-name">{i18n.t("site-name")}</span>
                    <span class="brand-tagline">{i18n.t("site-tagline")}</span>
                </a>
                <nav class="lang-menu" aria-label=i18n.t("language-menu-label")>
                    <ul>{languages}</ul>
                </nav>
            </div>
            <div class="wrap">
                <SessionBar/>
            </div>
            <nav class="main-nav" aria-label=i18n.t("nav-label")>
                <ul class="wrap">
                    <li><a href="/">{i18n.t("nav-start")}</a></li>
                    <li><a href="/services">{i18n.t("nav-services")}</a></li>
                    <li><a href="/compare">{i18n.t("nav-compare")}</a></li>
                </ul>
            </nav>
        </header>
        <main id="content" class="wrap" tabindex="-1">
            <SessionEndedNotice/>
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>{i18n.t("footer-contact")}</p>
                <p>{i18n.t("footer-owner")}</p>
                <p><a href="/tillganglighet">{i18n.t("footer-accessibility")}</a></p>
                {lite_link}
            </div>
        </footer>
    }
}
