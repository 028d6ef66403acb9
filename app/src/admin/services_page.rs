//! `/admin/services` (every definition version, upload) and `/admin/services/{id}` (preview of
//! one version as residents would see its steps, its source, publish).

use super::services_server::{definition_preview, services_overview, PreviewView, ServicesView};
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{textarea_text, CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use stadsporten_domain::ids::DefinitionId;

#[component]
pub fn ServicesAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = services_overview();
    view! {
        <Title text=format!("{} – {}", i18n.t("services-title"), i18n.t("site-name"))/>
        <h1>{i18n.t("services-title")}</h1>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => overview(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn overview(v: ServicesView, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let csrf = ctx.viewer.as_ref().map(|v| v.csrf.clone()).unwrap_or_default();
    let flash = ctx.flash_for("definition").cloned();
    let problems = flash.as_ref().map(|f| {
        let items = f
            .errors
            .iter()
            .map(|(path, code)| {
                let detail = f.args.iter().find(|(p, k, _)| p == path && k == "detail").map(|(_, _, v)| v.clone()).unwrap_or_default();
                let msg = crate::i18n::ta(i18n.lang, code, &[("detail", detail.into())]);
                view! { <li>{(!path.is_empty()).then(|| view! { <code>{path.clone()}</code>": " })}{msg}</li> }
            })
            .collect_view();
        view! {
            <div class="error-summary" role="alert" aria-labelledby="definition-errors" tabindex="-1" id="error-summary">
                <h2 id="definition-errors">{i18n.t("services-errors")}</h2>
                <ul>{items}</ul>
            </div>
        }
    });
    let source = flash.as_ref().and_then(|f| f.value("source")).unwrap_or_default().to_owned();
    let rows = v
        .lines
        .iter()
        .map(|l| {
            view! {
                <tr>
                    <td><a href=format!("/admin/services/{}", l.id)>{l.title.clone()}</a><br/><code>{l.slug.clone()}</code></td>
                    <td>{l.version}</td>
                    <td><span class=format!("tag definition-{}", l.status)>{i18n.t(&format!("services-status-{}", l.status))}</span></td>
                    <td>{l.unit.clone()}</td>
                    <td>{i18n.ta("apply-days", &[("days", l.handling_days.into())])}</td>
                    <td><bdi>{l.uploaded.clone()}</bdi>{l.uploaded_by.clone().map(|b| format!(" – {b}"))}</td>
                    <td><bdi>{l.published.clone().unwrap_or_default()}</bdi></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {problems}
        <table>
            <caption>{i18n.t("services-versions")}</caption>
            <thead><tr>
                <th scope="col">{i18n.t("services-service")}</th>
                <th scope="col">{i18n.t("services-version")}</th>
                <th scope="col">{i18n.t("services-status")}</th>
                <th scope="col">{i18n.t("services-unit")}</th>
                <th scope="col">{i18n.t("apply-handling-time")}</th>
                <th scope="col">{i18n.t("services-uploaded")}</th>
                <th scope="col">{i18n.t("services-published")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <section class="panel" aria-labelledby="upload-heading" id="upload">
            <h2 id="upload-heading">{i18n.t("services-upload")}</h2>
            <p class="hint">{i18n.t("services-upload-hint")}</p>
            <form method="post" action=format!("/admin/services/upload?csrf={csrf}") enctype="multipart/form-data" novalidate=true>
                <CsrfField/>
                <div class="field">
                    <label for="definition-file">{i18n.t("services-file")}</label>
                    <input type="file" id="definition-file" name="definition" accept=".toml,text/plain"/>
                </div>
                <div class="field">
                    <label for="definition-source">{i18n.t("services-source")}</label>
                    <textarea id="definition-source" name="source" rows="12" spellcheck="false" class="code">{textarea_text(source)}</textarea>
                </div>
                <button type="submit">{i18n.t("services-upload-submit")}</button>
            </form>
        </section>
    }
}

#[component]
pub fn ServicePreviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().read_untracked().get("id").and_then(|s| s.parse().ok()).unwrap_or(DefinitionId::new(-1));
    let data = definition_preview(id);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => preview(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn preview(v: PreviewView, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let saved = ctx.query.split('&').find_map(|kv| kv.strip_prefix("saved=")).map(|s| {
        let id = if s == "published" { "services-saved-published" } else { "services-saved-uploaded" };
        view! { <div class="notice success" role="status"><p>{i18n.t(id)}</p></div> }
    });
    let steps = v
        .steps
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let fields = s.fields.iter().map(|f| crate::eservices::fields::field(f, "#", i18n)).collect_view();
            view! {
                <section class="panel preview-step">
                    <p class="caption">{i18n.ta("apply-step-of", &[("n", (n + 1).into()), ("count", v.steps.len().into())])}</p>
                    <h2>{s.title.clone()}</h2>
                    {s.condition.clone().map(|c| view! { <p class="tag">{c}</p> })}
                    {s.intro.clone().map(|i| view! { <p class="lead">{i}</p> })}
                    <fieldset disabled=true class="preview">{fields}</fieldset>
                </section>
            }
        })
        .collect_view();
    let l = &v.line;
    view! {
        <Title text=format!("{} v{} – {}", l.title, l.version, i18n.t("site-name"))/>
        <p><a href="/admin/services" class="back">{i18n.t("services-title")}</a></p>
        {saved}
        <h1>{l.title.clone()}" – "{i18n.ta("services-version-n", &[("version", l.version.into())])}</h1>
        <dl class="facts">
            <dt>{i18n.t("services-status")}</dt><dd>{i18n.t(&format!("services-status-{}", l.status))}</dd>
            <dt>{i18n.t("services-unit")}</dt><dd>{l.unit.clone()}</dd>
            <dt>{i18n.t("apply-handling-time")}</dt><dd>{i18n.ta("apply-days", &[("days", l.handling_days.into())])}</dd>
            <dt>{i18n.t("services-languages")}</dt><dd>{v.languages.join(", ")}</dd>
        </dl>
        {l.may_publish.then(|| view! {
            <form method="post" action="/api/admin/services/publish">
                <CsrfField/>
                <input type="hidden" name="id" value=l.id.to_string()/>
                <button type="submit">{i18n.t("services-publish")}</button>
            </form>
        })}
        <h2>{i18n.t("services-intro")}</h2>
        <p>{v.intro.clone()}</p>
        {steps}
        <h2>{i18n.t("apply-declaration-title")}</h2>
        <p>{v.declaration.clone()}</p>
        <h2>{i18n.t("receipt-next-heading")}</h2>
        <p>{v.next_steps.clone()}</p>
        <details>
            <summary>{i18n.t("services-source")}</summary>
            <pre class="code">{v.source.clone()}</pre>
        </details>
    }
}
