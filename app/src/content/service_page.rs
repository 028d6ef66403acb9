//! `/admin/content/services/new`, `/admin/content/services/{id}`: a service page's every field in
//! every language, saved as a version; publish now or on a schedule, unpublish, mark as reviewed;
//! the versions with preview, diff and revert. `/admin/content/services/{id}/versions/{n}`: one
//! version exactly as residents will see it (any language), and what it changed.

use super::form::{choices, error_summary, input, languages, notice};
use super::server::{load_service_edit, load_version};
use super::view::{ServiceEditView, VersionPageView};
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn versions(v: &ServiceEditView, i18n: I18n) -> impl IntoView {
    let id = v.id.unwrap_or_default();
    let rows = v
        .versions
        .iter()
        .map(|x| {
            let n = x.number;
            let revert = x.revertible.then(|| {
                view! {
                    <form method="post" action=format!("/admin/content/services/{id}/versions/{n}/revert") class="inline">
                        <CsrfField/>
                        <button type="submit" class="link-button">{i18n.t("content-revert")}</button>
                    </form>
                }
            });
            let publish = x.publishable.then(|| {
                view! {
                    <form method="post" action=format!("/admin/content/services/{id}/versions/{n}/publish") class="inline">
                        <CsrfField/>
                        <button type="submit" class="link-button">{i18n.t("content-publish-version")}</button>
                    </form>
                }
            });
            let cancel = x.scheduled.then(|| {
                view! {
                    <form method="post" action=format!("/admin/content/services/{id}/versions/{n}/cancel") class="inline">
                        <CsrfField/>
                        <button type="submit" class="link-button">{i18n.t("content-cancel-schedule")}</button>
                    </form>
                }
            });
            view! {
                <tr>
                    <th scope="row">{x.label.clone()}</th>
                    <td>{x.author.clone()}</td>
                    <td><bdi>{x.when.clone()}</bdi></td>
                    <td>{x.state.clone()}</td>
                    <td><a href=x.view.href.clone()>{x.view.text.clone()}</a>" "{publish}{cancel}{revert}</td>
                </tr>
            }
        })
        .collect_view();
    (!v.versions.is_empty()).then(|| {
        view! {
            <h2 id="versions-heading">{i18n.t("content-versions-heading")}</h2>
            <div class="table-scroll" role="region" aria-labelledby="versions-heading" tabindex="0">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("content-col-version")}</th>
                            <th scope="col">{i18n.t("content-col-author")}</th>
                            <th scope="col">{i18n.t("content-col-saved")}</th>
                            <th scope="col">{i18n.t("content-col-state")}</th>
                            <th scope="col">{i18n.t("content-col-actions")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    })
}

fn edit(v: ServiceEditView, i18n: I18n) -> impl IntoView {
    let history = versions(&v, i18n);
    let id = v.id;
    let side = id.map(|id| {
        let unpublish = v.published.then(|| {
            view! {
                <form method="post" action=format!("/admin/content/services/{id}/unpublish")>
                    <CsrfField/>
                    <button type="submit" class="secondary">{i18n.t("content-unpublish")}</button>
                </form>
            }
        });
        view! {
            <section class="panel" aria-labelledby="page-state-heading">
                <h2 id="page-state-heading">{i18n.t("content-page-state")}</h2>
                <p>{v.state.clone()}{v.public.clone().map(|l| view! { " · " <a href=l.href>{l.text}</a> })}</p>
                {v.missing.clone().map(|m| view! { <p class="notice">{m}</p> })}
                <p>{v.reviewed.clone()}</p>
                <form method="post" action=format!("/admin/content/services/{id}/review")>
                    <CsrfField/>
                    <button type="submit" class="secondary">{i18n.t("content-mark-reviewed")}</button>
                </form>
                {unpublish}
            </section>
        }
    });
    view! {
        <Title text=format!("{} – {}", v.heading, i18n.t("site-name"))/>
        <nav class="breadcrumbs" aria-label=i18n.t("breadcrumb-label")>
            <ol><li><a href="/admin/content">{i18n.t("content-title")}</a></li></ol>
        </nav>
        <h1>{v.heading.clone()}</h1>
        {notice(v.notice)}
        {error_summary(&v.errors, i18n)}
        {side}
        <form method="post" action=v.action class="content-form">
            <CsrfField/>
            <fieldset>
                <legend>{i18n.t("content-general")}</legend>
                {v.general.into_iter().map(input).collect_view()}
                {choices(v.situation)}
                {choices(v.audiences)}
                {choices(v.provider_kind)}
                {choices(v.channels)}
            </fieldset>
            <fieldset>
                <legend>{i18n.t("content-field-start")}</legend>
                {v.start_note.map(|n| view! { <p class="notice">{n}</p> })}
                {choices(v.start)}
                {v.contact.into_iter().map(input).collect_view()}
            </fieldset>
            <h2>{i18n.t("content-texts-heading")}</h2>
            <p class="hint">{i18n.t("content-texts-hint")}</p>
            {languages(v.languages)}
            <div class="actions">
                <button type="submit" name="action" value="save" class="secondary">{i18n.t("content-save-draft")}</button>" "
                <button type="submit" name="action" value="publish" class="button">{i18n.t("content-save-publish")}</button>
            </div>
            <fieldset>
                <legend>{i18n.t("content-schedule-heading")}</legend>
                {input(v.schedule)}
                <button type="submit" name="action" value="schedule" class="secondary">{i18n.t("content-save-schedule")}</button>
            </fieldset>
        </form>
        {history}
    }
}

#[component]
pub fn ServiceEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().read_untracked().get("id").and_then(|s| s.parse::<i64>().ok());
    let data = load_service_edit(id);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => edit(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn version(v: VersionPageView, i18n: I18n) -> impl IntoView {
    let changes = v
        .changes
        .into_iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{c.field}</th>
                    <td lang=c.lang.clone()><del>{c.before}</del></td>
                    <td lang=c.lang><ins>{c.after}</ins></td>
                </tr>
            }
        })
        .collect_view();
    let langs = v.languages.into_iter().map(|l| view! { <li><a href=l.href>{l.text}</a></li> }).collect_view();
    let region = v.banner.clone();
    view! {
        <Title text=format!("{} – {}", v.heading, i18n.t("site-name"))/>
        <nav class="breadcrumbs" aria-label=i18n.t("breadcrumb-label")>
            <ol>
                <li><a href="/admin/content">{i18n.t("content-title")}</a></li>
                <li><a href=v.back.href>{v.back.text}</a></li>
            </ol>
        </nav>
        <h1>{v.heading}</h1>
        <h2 id="diff-heading">{v.diff_heading}</h2>
        <div class="table-scroll" role="region" aria-labelledby="diff-heading" tabindex="0">
            <table class="diff">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("content-col-field")}</th>
                        <th scope="col">{i18n.t("content-col-before")}</th>
                        <th scope="col">{i18n.t("content-col-after")}</th>
                    </tr>
                </thead>
                <tbody>{changes}</tbody>
            </table>
        </div>
        <h2>{i18n.t("content-preview-heading")}</h2>
        <nav aria-label=i18n.t("content-preview-languages")><ul class="inline-list">{langs}</ul></nav>
        <div class="preview" role="region" aria-label=region>
            <p class="preview-banner">{v.banner}</p>
            {crate::catalogue::service_article(v.page, i18n)}
        </div>
    }
}

#[component]
pub fn VersionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map().read_untracked();
    let id = params.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or_default();
    let number = params.get("number").and_then(|s| s.parse::<i64>().ok()).unwrap_or_default();
    let data = load_version(id, number, super::query_param("lang"));
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => version(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
