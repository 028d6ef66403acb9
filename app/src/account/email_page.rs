//! `/my/email/confirm?token=…`: the link from the confirmation e-mail.

use super::server::confirm_email;
use crate::context::RequestContext;
use crate::i18n::use_i18n;
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;

#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let token =
        stadsporten_domain::catalogue::decode_query_string(&use_context::<RequestContext>().unwrap_or_default().query)
            .ok()
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "token").map(|(_, v)| v))
            .unwrap_or_default();
    // One future, awaited by one Suspend made once (not in a closure, which Suspense may
    // call more than once): the loader runs exactly once per page view.
    let data = confirm_email(token);
    view! {
        <Title text=format!("{} – {}", i18n.t("email-confirm-title"), i18n.t("site-name"))/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(Some(email)) => view! {
                        <h1>{i18n.t("email-confirm-title")}</h1>
                        <div class="notice success" role="status"><p>{i18n.ta("email-confirmed", &[("email", email.into())])}</p></div>
                        <p><a href="/my">{i18n.t("nav-my-pages")}</a></p>
                    }.into_any(),
                    Ok(None) => view! {
                        <h1>{i18n.t("email-confirm-failed-title")}</h1>
                        <p>{i18n.t("email-confirm-failed")}</p>
                        <p><a href="/my#email">{i18n.t("nav-my-pages")}</a></p>
                    }.into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
