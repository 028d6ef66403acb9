//! The bundle application's pages: the task list (`/business/apply/{token}`), the shared facts,
//! the documents and the check page with the declaration. Each permit's own questions are the
//! form runner's step pages (`/apply/{part}/step/…`), which return here when a permit is done.
//! Forms post to the server's bundle routes (post/redirect/get, no JavaScript needed).

use super::server::{load_apply, load_bundle_check, load_documents, load_facts};
use super::view::{ApplyView, BundleCheckView, DocumentsView, DraftPage, FactsView};
use crate::eservices::fields::field;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;
use stadsporten_domain::ids::DraftToken;

fn token() -> DraftToken {
    DraftToken::new(use_params_map().read_untracked().get("token").unwrap_or_default())
}

fn error_summary(errors: &[(String, String)], i18n: I18n) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        let items = errors.iter().map(|(href, msg)| view! { <li><a href=href.clone()>{msg.clone()}</a></li> }).collect_view();
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
                <h2 id="error-summary-title">{i18n.t("form-error-summary")}</h2>
                <ul>{items}</ul>
            </div>
        }
    })
}

fn title(page: &str, errors: bool, i18n: I18n) -> String {
    let base = format!("{page} – {} – {}", i18n.t("bundle-caption"), i18n.t("site-name"));
    if errors {
        format!("{}: {base}", i18n.t("form-error-prefix"))
    } else {
        base
    }
}

#[component]
pub fn BundleApplyPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_apply(token());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(DraftPage::Open(v)) => tasks(v, i18n).into_any(),
                    Ok(DraftPage::Elsewhere(status)) => view! { <Redirect path=status/> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn tasks(v: ApplyView, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let saved = ctx.query.contains("saved=").then(|| {
        view! { <div class="notice success" role="status"><p>{i18n.t("bundle-saved")}</p></div> }
    });
    let count = v.tasks.len();
    let rows = v
        .tasks
        .iter()
        .enumerate()
        .map(|(i, task)| {
            let status = i18n.t(&format!("bundle-task-{}", task.status.slug()));
            let id = format!("task-{i}");
            let name = match &task.href {
                Some(href) => {
                    view! { <a href=href.clone() aria-describedby=id.clone()>{task.title.clone()}</a> }.into_any()
                }
                None => view! { <span>{task.title.clone()}</span> }.into_any(),
            };
            view! {
                <li class=format!("task task-{}", task.status.slug())>
                    <span class="task-name">{name}</span>
                    {task.holder.clone().map(|h| view! { <span class="hint">{h}</span> })}
                    <strong class=format!("tag status-{}", task.status.slug()) id=id>{status}</strong>
                </li>
            }
        })
        .collect_view();
    let heading = i18n.t("bundle-apply-title");
    view! {
        <Title text=title(&heading, false, i18n)/>
        <p class="caption">{v.organisation.clone()}</p>
        <h1>{heading}</h1>
        {saved}
        <p class="lead">{i18n.t("bundle-apply-intro")}</p>
        <p>{i18n.ta("bundle-tasks-done", &[("done", v.done.into()), ("count", count.into())])}</p>
        <ol class="task-list">{rows}</ol>
        {if v.ready {
            view! { <p><a class="button" href=v.check_href.clone()>{i18n.t("bundle-go-check")}</a></p> }.into_any()
        } else {
            view! { <p class="hint">{i18n.t("bundle-not-ready")}</p> }.into_any()
        }}
        <p class="meta">{i18n.ta("bundle-expires", &[("date", v.expires.clone().into())])}</p>
        <form method="post" action="/api/business/apply/discard" class="inline">
            <CsrfField/>
            <input type="hidden" name="token" value=v.token.to_string()/>
            <button type="submit" class="link-button">{i18n.t("bundle-discard")}</button>
        </form>
    }
}

#[component]
pub fn BundleFactsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_facts(token());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(DraftPage::Open(v)) => facts(v, i18n).into_any(),
                    Ok(DraftPage::Elsewhere(status)) => view! { <Redirect path=status/> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn facts(v: FactsView, i18n: I18n) -> impl IntoView {
    let heading = i18n.t("bundle-facts-title");
    let fields = v.fields.iter().map(|f| field(f, "", i18n)).collect_view();
    view! {
        <Title text=title(&heading, !v.errors.is_empty(), i18n)/>
        <p><a href=format!("/business/apply/{}", v.token) class="back">{i18n.t("apply-back")}</a></p>
        {error_summary(&v.errors, i18n)}
        <p class="caption">{v.organisation.clone()}</p>
        <h1>{heading}</h1>
        <p class="lead">{i18n.ta("bundle-facts-intro", &[("permits", v.used_by.clone().into())])}</p>
        <dl class="facts">
            <div><dt>{i18n.t("bundle-organisation")}</dt><dd>{v.organisation.clone()}</dd></div>
            <div><dt>{i18n.t("bundle-contact-person")}</dt><dd>{v.contact_name.clone()}</dd></div>
        </dl>
        <form method="post" action=format!("/business/forms/{}/facts", v.token) novalidate=true class="step-form">
            <CsrfField/>
            {fields}
            <div class="actions">
                <button type="submit" name="action" value="continue">{i18n.t("apply-continue")}</button>
            </div>
        </form>
    }
}

#[component]
pub fn BundleDocumentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_documents(token());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(DraftPage::Open(v)) => documents(v, i18n).into_any(),
                    Ok(DraftPage::Elsewhere(status)) => view! { <Redirect path=status/> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn documents(v: DocumentsView, i18n: I18n) -> impl IntoView {
    let csrf = crate::context::current().viewer.map(|v| v.csrf).unwrap_or_default();
    let heading = i18n.t("bundle-documents-title");
    let upload = format!("/business/forms/{}/documents/upload?csrf={csrf}", v.token);
    let remove = format!("/business/forms/{}/documents/remove", v.token);
    let docs = v
        .documents
        .iter()
        .map(|d| {
            let input = format!("doc-{}", d.key);
            let hint_id = format!("{input}-hint");
            let error_id = format!("{input}-error");
            let files = d
                .files
                .iter()
                .map(|f| {
                    view! {
                        <li>
                            {format!("{} ({})", f.name, f.size)}
                            {f.held.then(|| view! { " "<span class="tag">{i18n.t("apply-file-held")}</span> })}
                            " "
                            <form method="post" action=remove.clone() class="inline">
                                <CsrfField/>
                                <input type="hidden" name="group" value=f.group.clone()/>
                                <button type="submit" class="link-button">
                                    {i18n.ta("apply-file-remove", &[("name", f.name.clone().into())])}
                                </button>
                            </form>
                        </li>
                    }
                })
                .collect_view();
            let full = d.files.len() >= d.max_files as usize;
            let described = if d.error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
            view! {
                <section class=if d.error.is_some() { "field has-error document" } else { "field document" }
                    aria-labelledby=format!("{input}-heading")>
                    <h2 id=format!("{input}-heading")>{d.name.clone()}</h2>
                    {d.hint.clone().map(|h| view! { <p class="hint">{h}</p> })}
                    <p class="hint" id=hint_id.clone()>
                        {i18n.ta("bundle-document-for", &[("permits", d.needed_by.clone().into())])}" "
                        {i18n.ta("apply-file-constraints", &[("types", d.accept_labels.clone().into()), ("count", d.max_files.into())])}
                    </p>
                    {(!d.files.is_empty()).then(|| view! { <ul class="files">{files}</ul> })}
                    {d.error.clone().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
                    {(!full).then(|| view! {
                        <form method="post" action=upload.clone() enctype="multipart/form-data" novalidate=true class="upload-form">
                            <CsrfField/>
                            <input type="hidden" name="document" value=d.key.clone()/>
                            <label for=input.clone()>{i18n.ta("bundle-document-choose", &[("name", d.name.clone().into())])}</label>
                            <input type="file" id=input.clone() name=format!("file:{}", d.key) accept=d.accept.clone()
                                aria-describedby=described aria-invalid=d.error.is_some().then_some("true")/>
                            <button type="submit" class="secondary">{i18n.t("apply-file-upload")}</button>
                        </form>
                    })}
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text=title(&heading, !v.errors.is_empty(), i18n)/>
        <p><a href=format!("/business/apply/{}", v.token) class="back">{i18n.t("apply-back")}</a></p>
        {error_summary(&v.errors, i18n)}
        <h1>{heading}</h1>
        <p class="lead">{i18n.t("bundle-documents-intro")}</p>
        <p class="hint">{i18n.ta("apply-file-limit", &[("mb", v.max_upload_mb.into())])}</p>
        {crate::cases::components::upload_progress()}
        {docs}
        <p><a class="button" href=format!("/business/apply/{}?saved=documents", v.token)>{i18n.t("bundle-documents-done")}</a></p>
    }
}

#[component]
pub fn BundleCheckPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_bundle_check(token());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(DraftPage::Open(v)) => check(v, i18n).into_any(),
                    Ok(DraftPage::Elsewhere(status)) => view! { <Redirect path=status/> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn rows(rows: &[crate::eservices::view::AnswerRow]) -> impl IntoView {
    rows.iter()
        .map(|r| {
            let lines = r.lines.iter().map(|l| view! { <span class="line">{l.clone()}</span> }).collect_view();
            view! { <div><dt>{r.label.clone()}</dt><dd>{lines}</dd></div> }
        })
        .collect_view()
}

fn check(v: BundleCheckView, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let error = ctx.flash_for("bundle-declaration").and_then(|f| f.message("confirm", i18n.lang));
    let heading = i18n.t("bundle-check-title");
    let permits = v
        .permits
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let hid = format!("permit-{i}-heading");
            view! {
                <section class="panel" aria-labelledby=hid.clone()>
                    <h2 id=hid.clone()>{p.name.clone()}</h2>
                    <p class="hint">{p.holder.clone()}</p>
                    {if p.rows.is_empty() {
                        view! { <p>{i18n.t("bundle-permit-nothing-more")}</p> }.into_any()
                    } else {
                        view! { <dl class="facts">{rows(&p.rows)}</dl> }.into_any()
                    }}
                    {p.change_href.clone().map(|href| view! {
                        <p><a href=href>{i18n.t("apply-change")}<span class="visually-hidden">": "{p.name.clone()}</span></a></p>
                    })}
                </section>
            }
        })
        .collect_view();
    let incomplete = (!v.incomplete.is_empty()).then(|| {
        let items =
            v.incomplete.iter().map(|l| view! { <li><a href=l.href.clone()>{l.text.clone()}</a></li> }).collect_view();
        view! {
            <div class="notice" role="status" id="incomplete">
                <h2>{i18n.t("bundle-incomplete-title")}</h2>
                <ul>{items}</ul>
            </div>
        }
    });
    let summary = error.clone().map(|e| {
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
                <h2 id="error-summary-title">{i18n.t("form-error-summary")}</h2>
                <ul><li><a href="#f-confirm">{e}</a></li></ul>
            </div>
        }
    });
    let submit = v.incomplete.is_empty().then(|| {
        view! {
            <section aria-labelledby="declaration-heading">
                <h2 id="declaration-heading">{i18n.t("apply-declaration-title")}</h2>
                <p>{i18n.t("bundle-submit-explained")}</p>
                <p>{v.notify_note.clone()}</p>
                <form method="post" action=format!("/business/forms/{}/submit", v.token) novalidate=true class="submit-form">
                    <CsrfField/>
                    // One key per bundle draft: a double click, a retry or the back button name the same submission.
                    <input type="hidden" name="idempotency_key" value=v.token.to_string()/>
                    <div class=if error.is_some() { "field has-error" } else { "field" }>
                        {error.clone().map(|e| view! { <p class="field-error" id="f-confirm-error">{e}</p> })}
                        <div class="checkbox">
                            <input type="checkbox" id="f-confirm" name="confirm" value="yes"
                                aria-invalid=error.is_some().then_some("true")
                                aria-describedby=error.is_some().then_some("f-confirm-error")/>
                            <label for="f-confirm">{i18n.t("bundle-declaration")}</label>
                        </div>
                    </div>
                    <button type="submit" class="button" data-once="true">{i18n.t("bundle-submit")}</button>
                </form>
            </section>
        }
    });
    view! {
        <Title text=title(&heading, error.is_some(), i18n)/>
        <p><a href=format!("/business/apply/{}", v.token) class="back">{i18n.t("apply-back")}</a></p>
        {summary}
        <p class="caption">{v.organisation.clone()}</p>
        <h1>{heading}</h1>
        {incomplete}
        <section class="panel" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{i18n.t("bundle-task-facts")}</h2>
            <dl class="facts">
                <div><dt>{i18n.t("bundle-organisation")}</dt><dd>{v.organisation.clone()}</dd></div>
                {rows(&v.facts)}
            </dl>
            <p><a href=format!("/business/apply/{}/facts", v.token)>{i18n.t("apply-change")}<span class="visually-hidden">": "{i18n.t("bundle-task-facts")}</span></a></p>
        </section>
        {permits}
        {(!v.documents.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="documents-heading">
                <h2 id="documents-heading">{i18n.t("bundle-task-documents")}</h2>
                <dl class="facts">{rows(&v.documents)}</dl>
                <p><a href=format!("/business/apply/{}/documents", v.token)>{i18n.t("apply-change")}<span class="visually-hidden">": "{i18n.t("bundle-task-documents")}</span></a></p>
            </section>
        })}
        {submit}
    }
}
