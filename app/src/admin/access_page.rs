//! `/admin/access` (requests, decisions, reviews, grants, users) and `/admin/access/review?scope=…`.

use super::server::{access_overview, review_scope, AccessPageView, GrantView, RequestView, ReviewView, REQUESTABLE};
use crate::context::RequestContext;
use crate::i18n::{use_i18n, I18n};
use crate::ui::format::stockholm_time;
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;
use stadsporten_domain::catalogue::encode_component;

fn ctx() -> RequestContext {
    use_context::<RequestContext>().unwrap_or_default()
}

fn date(unix: i64) -> String {
    stockholm_time(unix).split(' ').next().unwrap_or_default().to_owned()
}

/// "case officer, Miljöförvaltningen (MF)" style text for a role in a scope.
fn role_in_scope(i18n: I18n, role: &str, scope: &str) -> String {
    let role = i18n.t(&format!("role-{role}"));
    match scope.split_once(':') {
        Some((_, s)) => format!("{role} – {s}"),
        None => format!("{role} – {}", i18n.t("access-everywhere")),
    }
}

fn done_notice(i18n: I18n) -> Option<impl IntoView> {
    let id = match ctx().query.split('&').find_map(|kv| kv.strip_prefix("done=")) {
        Some("requested") => "access-done-requested",
        Some("approved") => "access-done-approved",
        Some("rejected") => "access-done-rejected",
        Some("granted") => "access-done-granted",
        Some("reviewed") => "access-done-reviewed",
        Some("already-decided") => "access-done-already-decided",
        Some("end-sessions") => "access-done-end-sessions",
        Some("disable") => "access-done-disable",
        Some("enable") => "access-done-enable",
        _ => return None,
    };
    Some(view! { <div class="notice success" role="status"><p>{i18n.t(id)}</p></div> })
}

#[component]
pub fn AccessPage() -> impl IntoView {
    let i18n = use_i18n();
    // One future, awaited by one Suspend made once (not in a closure, which Suspense may
    // call more than once): the loader runs exactly once per page view.
    let data = access_overview();
    view! {
        <Title text=format!("{} – {}", i18n.t("access-title"), i18n.t("site-name"))/>
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

fn grant_rows(grants: Vec<GrantView>, i18n: I18n, revoke: bool) -> impl IntoView {
    grants
        .into_iter()
        .map(|g| {
            let revoke_form = revoke.then(|| {
                let id = format!("revoke-reason-{}", g.id);
                view! {
                    <form method="post" action="/api/admin/access/revoke" class="inline-form">
                        <CsrfField/>
                        <input type="hidden" name="grant" value=g.id.to_string()/>
                        <input type="hidden" name="back" value=ctx().here()/>
                        <label for=id.clone() class="visually-hidden">{i18n.t("access-revoke-reason")}</label>
                        <input id=id name="reason" type="text" required placeholder=i18n.t("access-revoke-reason")/>
                        <button type="submit" class="secondary">{i18n.t("access-revoke")}</button>
                    </form>
                }
            });
            view! {
                <tr>
                    <td>{g.person}</td>
                    <td>{role_in_scope(i18n, &g.role, &g.scope)}</td>
                    <td>{g.reason}</td>
                    <td>{g.granted_by.unwrap_or_else(|| i18n.t("access-granted-by-system"))}</td>
                    <td><bdi>{date(g.valid_until)}</bdi></td>
                    {revoke.then(|| view! { <td>{revoke_form}</td> })}
                </tr>
            }
        })
        .collect_view()
}

fn grants_table(caption: String, grants: Vec<GrantView>, i18n: I18n, revoke: bool) -> impl IntoView {
    view! {
        <table>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("access-col-person")}</th>
                    <th scope="col">{i18n.t("access-col-role")}</th>
                    <th scope="col">{i18n.t("access-col-reason")}</th>
                    <th scope="col">{i18n.t("access-col-granted-by")}</th>
                    <th scope="col">{i18n.t("access-col-until")}</th>
                    {revoke.then(|| view! { <th scope="col">{i18n.t("access-col-action")}</th> })}
                </tr>
            </thead>
            <tbody>{grant_rows(grants, i18n, revoke)}</tbody>
        </table>
    }
}

fn request_rows(requests: Vec<RequestView>, i18n: I18n, decide: bool) -> impl IntoView {
    requests
        .into_iter()
        .map(|r| {
            let decision = (decide && r.decidable).then(|| {
                let note = format!("note-{}", r.id);
                view! {
                    <form method="post" action="/api/admin/access/decide" class="inline-form">
                        <CsrfField/>
                        <input type="hidden" name="request" value=r.id.to_string()/>
                        <label for=note.clone() class="visually-hidden">{i18n.t("access-note")}</label>
                        <input id=note name="note" type="text" placeholder=i18n.t("access-note")/>
                        <button type="submit" name="decision" value="approve">{i18n.t("access-approve")}</button>
                        <button type="submit" name="decision" value="reject" class="secondary">{i18n.t("access-reject")}</button>
                    </form>
                }
            });
            view! {
                <tr>
                    <td>{r.person}</td>
                    <td>{role_in_scope(i18n, &r.role, &r.scope)}</td>
                    <td>{r.reason}</td>
                    <td><bdi>{date(r.wanted_until)}</bdi></td>
                    <td>{i18n.t(&format!("access-status-{}", r.status))}{r.note.map(|n| format!(" – {n}"))}</td>
                    {decide.then(|| view! { <td>{decision}</td> })}
                </tr>
            }
        })
        .collect_view()
}

fn requests_table(caption: String, requests: Vec<RequestView>, i18n: I18n, decide: bool) -> impl IntoView {
    view! {
        <table>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("access-col-person")}</th>
                    <th scope="col">{i18n.t("access-col-role")}</th>
                    <th scope="col">{i18n.t("access-col-reason")}</th>
                    <th scope="col">{i18n.t("access-col-until")}</th>
                    <th scope="col">{i18n.t("access-col-status")}</th>
                    {decide.then(|| view! { <th scope="col">{i18n.t("access-col-action")}</th> })}
                </tr>
            </thead>
            <tbody>{request_rows(requests, i18n, decide)}</tbody>
        </table>
    }
}

/// A text field with its label, hint, error and kept value.
fn field(i18n: I18n, form: &str, name: &str, label: &str, kind: &'static str) -> impl IntoView {
    let c = ctx();
    let flash = c.flash_for(form);
    let value = flash.and_then(|f| f.value(name)).unwrap_or_default().to_owned();
    let error = flash.and_then(|f| f.error(name)).map(|e| i18n.t(e));
    let id = format!("{form}-{name}");
    let err_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.t(label)}</label>
            {error.clone().map(|e| view! { <p class="field-error" id=err_id.clone()>{e}</p> })}
            <input id=id name=name.to_owned() type=kind value=value
                aria-invalid=error.as_ref().map(|_| "true") aria-describedby=error.map(|_| err_id)/>
        </div>
    }
}

fn error_summary(i18n: I18n, form: &str) -> Option<impl IntoView> {
    let c = ctx();
    let flash = c.flash_for(form)?.clone();
    let items = flash
        .errors
        .iter()
        .map(|(f, id)| view! { <li><a href=format!("#{}-{f}", flash.form)>{i18n.t(id)}</a></li> })
        .collect_view();
    Some(view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h3>{i18n.t("form-error-summary")}</h3>
            <ul>{items}</ul>
        </div>
    })
}

fn overview(o: AccessPageView, i18n: I18n) -> impl IntoView {
    let c = ctx();
    let kept = |form: &str, name: &str| c.flash_for(form).and_then(|f| f.value(name)).unwrap_or_default().to_owned();
    let req_role = kept("access-request", "role");
    let req_unit = kept("access-request", "unit");
    let role_options = REQUESTABLE
        .iter()
        .map(|r| view! { <option value=*r selected=req_role == *r>{i18n.t(&format!("role-{r}"))}</option> })
        .collect_view();
    let unit_options = o
        .units
        .iter()
        .map(|u| view! { <option value=u.code.clone() selected=req_unit == u.code>{format!("{} ({})", u.name, u.code)}</option> })
        .collect_view();
    let overdue = (o.overdue > 0).then(|| {
        view! {
            <div class="notice warning" role="status">
                <p>{i18n.ta("access-overdue-notice", &[("count", (o.overdue as i64).into())])}</p>
            </div>
        }
    });
    let request_form = o.can_request.then(|| {
        view! {
            <section class="panel" aria-labelledby="request-heading" id="request">
                <h2 id="request-heading">{i18n.t("access-request-heading")}</h2>
                <p>{i18n.t("access-request-lead")}</p>
                {error_summary(i18n, "access-request")}
                <form method="post" action="/api/admin/access/request" novalidate>
                    <CsrfField/>
                    <div class="field">
                        <label for="access-request-role">{i18n.t("access-role")}</label>
                        <select id="access-request-role" name="role">{role_options}</select>
                    </div>
                    <div class="field">
                        <label for="access-request-unit">{i18n.t("access-unit")}</label>
                        <p class="hint">{i18n.t("access-unit-hint")}</p>
                        <select id="access-request-unit" name="unit">{unit_options}</select>
                    </div>
                    {field(i18n, "access-request", "reason", "access-reason", "text")}
                    {field(i18n, "access-request", "until", "access-until", "date")}
                    <button type="submit">{i18n.t("access-request-submit")}</button>
                </form>
                {(!o.my_requests.is_empty()).then(|| requests_table(i18n.t("access-my-requests"), o.my_requests.clone(), i18n, false))}
            </section>
        }
    });
    let mine =
        (!o.my_grants.is_empty()).then(|| grants_table(i18n.t("access-my-grants"), o.my_grants.clone(), i18n, false));
    let pending = o.pending.map(|p| {
        let body = if p.is_empty() {
            view! { <p>{i18n.t("access-no-pending")}</p> }.into_any()
        } else {
            requests_table(i18n.t("access-pending-caption"), p, i18n, true).into_any()
        };
        view! {
            <section class="panel" aria-labelledby="pending-heading">
                <h2 id="pending-heading">{i18n.t("access-pending-heading")}</h2>
                {body}
            </section>
        }
    });
    let reviews = o.reviews.map(|rows| {
        let items = rows
            .into_iter()
            .map(|r| {
                let href = format!("/admin/access/review?scope={}", encode_component(&r.scope));
                let label = match r.scope.split_once(':') {
                    Some((_, s)) => s.to_owned(),
                    None => i18n.t("access-everywhere"),
                };
                view! {
                    <tr class=r.overdue.then_some("overdue")>
                        <th scope="row"><a href=href>{label}</a></th>
                        <td>{r.grants}</td>
                        <td><bdi>{r.last_reviewed_at.map(date).unwrap_or_else(|| i18n.t("access-never"))}</bdi></td>
                        <td><bdi>{date(r.due_at)}</bdi>{r.overdue.then(|| view! { " " <strong class="tag tag-warning">{i18n.t("access-overdue")}</strong> })}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="reviews-heading">
                <h2 id="reviews-heading">{i18n.t("access-reviews-heading")}</h2>
                <table>
                    <caption>{i18n.t("access-reviews-caption")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("access-col-scope")}</th>
                        <th scope="col">{i18n.t("access-col-grants")}</th>
                        <th scope="col">{i18n.t("access-col-last-review")}</th>
                        <th scope="col">{i18n.t("access-col-due")}</th>
                    </tr></thead>
                    <tbody>{items}</tbody>
                </table>
            </section>
        }
    });
    let grant_user = kept("access-grant", "user");
    let all = o.all_grants.map(|grants| {
        let user_options = o
            .users
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|u| view! { <option value=u.id.to_string() selected=grant_user == u.id.to_string()>{u.name}</option> })
            .collect_view();
        let grant_role = kept("access-grant", "role");
        let roles = [
            "case-officer",
            "service-owner",
            "contact-centre-agent",
            "content-editor",
            "auditor",
            "administrator",
            "provider-editor",
        ]
        .into_iter()
        .map(|r| view! { <option value=r selected=grant_role == r>{i18n.t(&format!("role-{r}"))}</option> })
        .collect_view();
        view! {
            <section class="panel" aria-labelledby="grant-heading" id="grant">
                <h2 id="grant-heading">{i18n.t("access-grant-heading")}</h2>
                {error_summary(i18n, "access-grant")}
                <form method="post" action="/api/admin/access/grant" novalidate>
                    <CsrfField/>
                    <div class="field">
                        <label for="access-grant-user">{i18n.t("access-col-person")}</label>
                        <select id="access-grant-user" name="user">{user_options}</select>
                    </div>
                    <div class="field">
                        <label for="access-grant-role">{i18n.t("access-role")}</label>
                        <select id="access-grant-role" name="role">{roles}</select>
                    </div>
                    {field(i18n, "access-grant", "scope", "access-scope", "text")}
                    <p class="hint">{i18n.t("access-scope-hint")}</p>
                    {field(i18n, "access-grant", "reason", "access-reason", "text")}
                    {field(i18n, "access-grant", "until", "access-until", "date")}
                    <button type="submit">{i18n.t("access-grant-submit")}</button>
                </form>
                {grants_table(i18n.t("access-all-grants"), grants, i18n, true)}
            </section>
        }
    });
    let users = o.users.map(|users| {
        let rows = users
            .into_iter()
            .map(|u| {
                let toggle = if u.disabled { ("enable", i18n.t("access-user-enable")) } else { ("disable", i18n.t("access-user-disable")) };
                view! {
                    <tr>
                        <th scope="row">{u.name}</th>
                        <td>{if u.staff { i18n.t("access-user-staff") } else { i18n.t("access-user-person") }}</td>
                        <td>{u.grants}</td>
                        <td>{u.disabled.then(|| i18n.t("access-user-disabled"))}</td>
                        <td>
                            <form method="post" action="/api/admin/users/manage" class="inline-form">
                                <CsrfField/>
                                <input type="hidden" name="user" value=u.id.to_string()/>
                                <button type="submit" name="action" value="end-sessions" class="secondary">{i18n.t("access-user-end-sessions")}</button>
                                <button type="submit" name="action" value=toggle.0 class="secondary">{toggle.1}</button>
                            </form>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="users-heading" id="users">
                <h2 id="users-heading">{i18n.t("access-users-heading")}</h2>
                <table>
                    <caption>{i18n.t("access-users-caption")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("access-col-person")}</th>
                        <th scope="col">{i18n.t("access-col-kind")}</th>
                        <th scope="col">{i18n.t("access-col-grants")}</th>
                        <th scope="col">{i18n.t("access-col-status")}</th>
                        <th scope="col">{i18n.t("access-col-action")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        }
    });
    view! {
        <h1>{i18n.t("access-title")}</h1>
        {done_notice(i18n)}
        {overdue}
        {mine}
        {pending}
        {reviews}
        {request_form}
        {all}
        {users}
    }
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let scope = stadsporten_domain::catalogue::decode_query_string(&ctx().query)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "scope").map(|(_, v)| v))
        .unwrap_or_default();
    // One future, awaited by one Suspend made once (not in a closure, which Suspense may
    // call more than once): the loader runs exactly once per page view.
    let data = review_scope(scope);
    view! {
        <Title text=format!("{} – {}", i18n.t("review-title"), i18n.t("site-name"))/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                    match data.await {
                        Ok(r) => review(r, i18n).into_any(),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })}
        </Suspense>
    }
}

fn review(r: ReviewView, i18n: I18n) -> impl IntoView {
    let label = match r.scope.split_once(':') {
        Some((_, s)) => s.to_owned(),
        None => i18n.t("access-everywhere"),
    };
    let rows = r
        .grants
        .iter()
        .map(|g| {
            let status = if g.reviewed {
                view! { <strong class="tag tag-ok">{i18n.t("review-confirmed")}</strong> }.into_any()
            } else {
                view! {
                    <form method="post" action="/api/admin/access/confirm" class="inline-form">
                        <CsrfField/>
                        <input type="hidden" name="grant" value=g.id.to_string()/>
                        <button type="submit">{i18n.t("review-confirm")}</button>
                    </form>
                }
                .into_any()
            };
            let reason_id = format!("revoke-reason-{}", g.id);
            view! {
                <tr>
                    <th scope="row">{g.person.clone()}</th>
                    <td>{role_in_scope(i18n, &g.role, &g.scope)}</td>
                    <td>{g.reason.clone()}</td>
                    <td><bdi>{date(g.valid_until)}</bdi></td>
                    <td>{status}</td>
                    <td>
                        <form method="post" action="/api/admin/access/revoke" class="inline-form">
                            <CsrfField/>
                            <input type="hidden" name="grant" value=g.id.to_string()/>
                            <input type="hidden" name="back" value=format!("/admin/access/review?scope={}", encode_component(&r.scope))/>
                            <label for=reason_id.clone() class="visually-hidden">{i18n.t("access-revoke-reason")}</label>
                            <input id=reason_id name="reason" type="text" required placeholder=i18n.t("access-revoke-reason")/>
                            <button type="submit" class="secondary">{i18n.t("access-revoke")}</button>
                        </form>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let unreviewed = ctx().flash_for("review").is_some();
    view! {
        <nav class="breadcrumbs" aria-label=i18n.t("breadcrumb-label")>
            <ol><li><a href="/admin/access">{i18n.t("access-title")}</a></li></ol>
        </nav>
        <h1>{i18n.ta("review-heading", &[("scope", label.into())])}</h1>
        <p>{i18n.ta("review-lead", &[("due", date(r.due_at).into())])}</p>
        {unreviewed.then(|| view! { <div class="error-summary" role="alert"><p>{i18n.t("access-error-unreviewed")}</p></div> })}
        <table>
            <caption>{i18n.t("review-caption")}</caption>
            <thead><tr>
                <th scope="col">{i18n.t("access-col-person")}</th>
                <th scope="col">{i18n.t("access-col-role")}</th>
                <th scope="col">{i18n.t("access-col-reason")}</th>
                <th scope="col">{i18n.t("access-col-until")}</th>
                <th scope="col">{i18n.t("access-col-status")}</th>
                <th scope="col">{i18n.t("access-col-action")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <form method="post" action="/api/admin/access/complete-review">
            <CsrfField/>
            <input type="hidden" name="scope" value=r.scope.clone()/>
            <button type="submit">{i18n.t("review-complete")}</button>
        </form>
    }
}
