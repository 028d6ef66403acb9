//! `/my`: Mina sidor for a signed-in resident or representative.

use super::server::{my_overview, MyPagesView};
use crate::context::RequestContext;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;
use stadsporten_domain::Lang;

#[component]
pub fn MyPage() -> impl IntoView {
    let i18n = use_i18n();
    // One future, awaited by one Suspend made once (not in a closure, which Suspense may
    // call more than once): the loader runs exactly once per page view.
    let data = my_overview();
    view! {
        <Title text=format!("{} – {}", i18n.t("my-title"), i18n.t("site-name"))/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(o) => overview(o, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn saved_notice(i18n: I18n) -> Option<impl IntoView> {
    let ctx = use_context::<RequestContext>().unwrap_or_default();
    let id = match ctx.query.split('&').find_map(|kv| kv.strip_prefix("saved=")) {
        Some("contact") => "my-saved-contact",
        Some("acting-for") => "my-saved-acting-for",
        Some("email-sent") => "my-saved-email-sent",
        _ => return None,
    };
    Some(view! { <div class="notice success" role="status"><p>{i18n.t(id)}</p></div> })
}

fn overview(o: MyPagesView, i18n: I18n) -> impl IntoView {
    let ctx = use_context::<RequestContext>().unwrap_or_default();
    let flash = ctx.flash_for("contact").cloned().unwrap_or_default();
    let phone = flash.value("phone").map(str::to_owned).or(o.phone.clone()).unwrap_or_default();
    let lang = flash.value("lang").map(str::to_owned).or(o.preferred_lang.clone()).unwrap_or_default();
    let channel = flash.value("channel").map(str::to_owned).unwrap_or(o.notify_channel.clone());
    let error_summary = (!flash.errors.is_empty()).then(|| {
        let items = flash
            .errors
            .iter()
            .map(|(field, id)| view! { <li><a href=format!("#{field}")>{i18n.t(id)}</a></li> })
            .collect_view();
        view! {
            <div class="error-summary" role="alert" aria-labelledby="contact-errors" tabindex="-1">
                <h3 id="contact-errors">{i18n.t("form-error-summary")}</h3>
                <ul>{items}</ul>
            </div>
        }
    });
    let field_error = |field: &str| {
        flash.error(field).map(|id| {
            view! { <p class="field-error" id=format!("{field}-error")>{i18n.t(id)}</p> }
        })
    };
    let described = |field: &str| flash.error(field).map(|_| format!("{field}-error"));
    let languages = std::iter::once(("", i18n.t("my-lang-same-as-site")))
        .chain(Lang::ALL.iter().map(|l| (l.code(), l.endonym().to_owned())))
        .map(|(code, label)| view! { <option value=code selected=lang == code>{label}</option> })
        .collect_view();
    let channels = ["email", "sms", "portal"]
        .into_iter()
        .map(|c| {
            let id = format!("channel-{c}");
            view! {
                <div class="radio">
                    <input type="radio" id=id.clone() name="channel" value=c checked=channel == c/>
                    <label for=id>{i18n.t(&format!("my-channel-{c}"))}</label>
                </div>
            }
        })
        .collect_view();
    let organisations = (!o.organisations.is_empty()).then(|| {
        let acting_self = o.organisations.iter().all(|org| !org.current);
        let choices = o
            .organisations
            .iter()
            .map(|org| {
                let id = format!("org-{}", org.number);
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name="organisation" value=org.number.clone() checked=org.current/>
                        <label for=id>{format!("{} ({})", org.name, org.number)}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="acting-heading" class="panel">
                <h2 id="acting-heading">{i18n.t("my-acting-heading")}</h2>
                <form method="post" action="/api/my/act-for">
                    <CsrfField/>
                    <fieldset>
                        <legend>{i18n.t("my-acting-legend")}</legend>
                        <div class="radio">
                            <input type="radio" id="org-self" name="organisation" value="self" checked=acting_self/>
                            <label for="org-self">{i18n.t("my-acting-self")}</label>
                        </div>
                        {choices}
                    </fieldset>
                    <button type="submit">{i18n.t("my-acting-submit")}</button>
                </form>
            </section>
        }
    });
    let email = match (&o.email, o.email_verified) {
        (Some(e), true) => i18n.ta("my-email-verified", &[("email", e.clone().into())]),
        (Some(e), false) => i18n.ta("my-email-unverified", &[("email", e.clone().into())]),
        (None, _) => i18n.t("my-email-none"),
    };
    view! {
        <h1>{i18n.t("my-title")}</h1>
        {saved_notice(i18n)}
        <section aria-labelledby="me-heading" class="panel">
            <h2 id="me-heading">{i18n.t("my-me-heading")}</h2>
            <dl class="facts">
                <dt>{i18n.t("my-name")}</dt>
                <dd>{o.name.clone()}</dd>
                {o.personal_identity_number.clone().map(|p| view! {
                    <dt>{i18n.t("my-personnummer")}</dt>
                    <dd><bdi>{p}</bdi></dd>
                })}
            </dl>
        </section>
        {organisations}
        <section aria-labelledby="contact-heading" class="panel" id="contact">
            <h2 id="contact-heading">{i18n.t("my-contact-heading")}</h2>
            <p>{email}</p>
            {o.pending_email.clone().map(|p| view! { <p class="hint">{i18n.ta("my-email-pending", &[("email", p.into())])}</p> })}
            {email_form(i18n)}
            {error_summary}
            <form method="post" action="/api/my/contact" novalidate>
                <CsrfField/>
                <div class="field">
                    <label for="phone">{i18n.t("my-phone")}</label>
                    <p class="hint" id="phone-hint">{i18n.t("my-phone-hint")}</p>
                    {field_error("phone")}
                    <input id="phone" name="phone" type="tel" autocomplete="tel" value=phone
                        aria-describedby=described("phone").map_or_else(|| "phone-hint".to_owned(), |e| format!("phone-hint {e}"))
                        aria-invalid=flash.error("phone").map(|_| "true")/>
                </div>
                <div class="field">
                    <label for="lang">{i18n.t("my-lang")}</label>
                    {field_error("lang")}
                    <select id="lang" name="lang">{languages}</select>
                </div>
                <fieldset class="field">
                    <legend>{i18n.t("my-channel")}</legend>
                    {field_error("channel")}
                    {channels}
                </fieldset>
                <button type="submit">{i18n.t("my-contact-submit")}</button>
            </form>
        </section>
        <section aria-labelledby="cases-heading" class="panel">
            <h2 id="cases-heading">{i18n.t("my-cases-heading")}</h2>
            <p>{i18n.t("my-cases-intro")}</p>
            <p><a href="/my/cases">{i18n.t("my-cases-title")}</a></p>
        </section>
        <crate::contact::MyContacts/>
        <section aria-labelledby="data-heading" class="panel">
            <h2 id="data-heading">{i18n.t("mydata-title")}</h2>
            <p>{i18n.t("my-data-intro")}</p>
            <p><a href="/my/data">{i18n.t("my-data-link")}</a></p>
        </section>
    }
}

/// Changing the e-mail address: a confirmation link goes to the new address.
fn email_form(i18n: I18n) -> impl IntoView {
    let ctx = use_context::<RequestContext>().unwrap_or_default();
    let flash = ctx.flash_for("email").cloned().unwrap_or_default();
    let error = flash.error("email").map(|id| i18n.t(id));
    let value = flash.value("email").unwrap_or_default().to_owned();
    view! {
        <form method="post" action="/api/my/email" id="email" novalidate>
            <CsrfField/>
            <div class="field">
                <label for="new-email">{i18n.t("my-email-new")}</label>
                <p class="hint" id="new-email-hint">{i18n.t("my-email-hint")}</p>
                {error.clone().map(|e| view! { <p class="field-error" id="new-email-error">{e}</p> })}
                <input id="new-email" name="email" type="email" autocomplete="email" value=value
                    aria-invalid=error.as_ref().map(|_| "true")
                    aria-describedby=if error.is_some() { "new-email-hint new-email-error" } else { "new-email-hint" }/>
            </div>
            <button type="submit">{i18n.t("my-email-submit")}</button>
        </form>
    }
}
