//! Who is signed in, and the way in and out: the header's session bar and the notice that a
//! session ended. Plain links and a plain form, so they work without JavaScript.
//!
//! The time-out notice tells when the session ends without activity and offers "stay signed in"
//! as a link (WCAG 2.2.1, timing adjustable); with JavaScript, the `SessionTimer` island also warns
//! before the time runs out.

use crate::context::{RequestContext, SessionEnded};
use crate::i18n::use_i18n;
use crate::ui::format::stockholm_clock;
use crate::ui::CsrfField;
use leptos::prelude::*;
use stadsporten_domain::access::{Permission, Target};
use stadsporten_domain::catalogue::encode_component;

#[component]
pub fn SessionBar() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_context::<RequestContext>().unwrap_or_default();
    let here = encode_component(&ctx.return_here());
    let Some(viewer) = ctx.viewer.clone() else {
        return view! {
            <div class="session-bar">
                <a class="sign-in-link" href=format!("/sign-in?to={here}")>{i18n.t("session-sign-in")}</a>
            </div>
        }
        .into_any();
    };
    let acting_for = viewer.acting_for.as_ref().map(|(number, name)| {
        view! { <span class="acting-for">{i18n.ta("session-acting-for", &[("name", name.clone().into()), ("number", number.to_string().into())])}</span> }
    });
    let mut links = Vec::new();
    if viewer.may(Permission::UseMyPages, &Target::Person(viewer.user_id)) {
        links.push(("/my", i18n.t("nav-my-pages")));
        links.push(("/my/cases", i18n.t("nav-my-cases")));
    }
    let any = Target::AnyObject;
    if viewer.may(Permission::ViewCases, &any) {
        links.push(("/officer", i18n.t("nav-officer")));
    }
    if viewer.may(Permission::HandleContacts, &any) {
        links.push(("/contact", i18n.t("nav-contact")));
    }
    if viewer.may(Permission::EditProviderUnits, &any) {
        links.push(("/provider", i18n.t("nav-provider")));
    }
    if viewer.may(Permission::ManageProviderData, &any) {
        links.push(("/admin/providers", i18n.t("nav-provider-data")));
    }
    if viewer.may(Permission::ManageContent, &any) {
        links.push(("/admin/content", i18n.t("nav-content")));
    }
    if viewer.may(Permission::ManageServices, &any) {
        links.push(("/admin/services", i18n.t("nav-eservices")));
    }
    if [Permission::ManageAccess, Permission::ReviewAccess, Permission::DecideAccessRequests, Permission::RequestAccess]
        .iter()
        .any(|p| viewer.may(*p, &any))
    {
        links.push(("/admin/access", i18n.t("nav-access")));
    }
    if viewer.may(Permission::ViewAuditTrail, &any) {
        links.push(("/admin/audit", i18n.t("nav-audit")));
    }
    if viewer.may(Permission::ViewStatistics, &any) {
        links.push(("/stats", i18n.t("nav-stats")));
    }
    if viewer.may(Permission::ViewClassification, &any) {
        links.push(("/admin/classification", i18n.t("nav-classification")));
    }
    if viewer.may(Permission::GrantProtectedAccess, &any) {
        links.push(("/admin/protected", i18n.t("nav-protected")));
    }
    if viewer.may(Permission::ReportIncidents, &any) {
        links.push(("/incidents", i18n.t("nav-incidents")));
    }
    let links = links.into_iter().map(|(href, text)| view! { <li><a href=href>{text}</a></li> }).collect_view();
    let ends = stockholm_clock(viewer.session_ends_at);
    view! {
        <div class="session-bar">
            <p class="signed-in-as">
                {i18n.ta("session-signed-in-as", &[("name", viewer.name.clone().into())])}
                {acting_for}
            </p>
            <ul class="session-links">{links}</ul>
            <form method="post" action="/auth/logout" class="sign-out-form">
                <CsrfField/>
                <button type="submit" class="link-button">{i18n.t("session-sign-out")}</button>
            </form>
        </div>
        <p class="session-timeout" id="session-timeout">
            {i18n.ta("session-ends-at", &[("time", ends.into())])}
            " "
            <a href=format!("/auth/extend?to={here}")>{i18n.t("session-extend")}</a>
        </p>
        <crate::ui::SessionTimer ends_at=viewer.session_ends_at warn_before=viewer.warn_seconds idle=viewer.idle_seconds now=ctx.now here=ctx.here()/>
    }
    .into_any()
}

/// Shown once, on the first page after a session ended.
#[component]
pub fn SessionEndedNotice() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_context::<RequestContext>().unwrap_or_default();
    ctx.session_ended.map(|why| {
        let id = match why {
            SessionEnded::Idle => "session-ended-idle",
            SessionEnded::Absolute => "session-ended-absolute",
            SessionEnded::Revoked => "session-ended-revoked",
        };
        let here = encode_component(&ctx.return_here());
        view! {
            <div class="notice session-ended" role="status">
                <p>{i18n.t(id)} " " <a href=format!("/sign-in?to={here}")>{i18n.t("session-sign-in-again")}</a></p>
            </div>
        }
    })
}
