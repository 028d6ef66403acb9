//! Asking the staff about the tool they work in: the two UMUX-Lite questions, at most once a
//! quarter, answered or put off with one button; kept without the person (`db/src/figures.rs`).
//! The result is in the yearly value report.

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::CsrfField;
use leptos::prelude::*;

/// The tool a staff member works in, when they are asked about one: case officers about case
/// handling, contact-centre agents about the contact centre's tool.
pub fn tool_of(viewer: &crate::context::Viewer) -> Option<&'static str> {
    use stadsporten_domain::access::Role;
    if viewer.principal.has_role(Role::CaseOfficer) {
        Some("case-handling")
    } else if viewer.principal.has_role(Role::ContactCentreAgent) {
        Some("contact-centre")
    } else {
        None
    }
}

/// Whether to ask now, and about which tool.
#[server(prefix = "/api", endpoint = "stats/staff-survey-due", input = server_fn::codec::GetUrl)]
pub async fn staff_survey_due() -> Result<Option<String>, AppError> {
    let viewer = crate::auth::signed_in()?;
    let Some(tool) = tool_of(&viewer) else { return Ok(None) };
    let ctx = crate::context::current();
    let quarter = stadsporten_domain::measure::Month::at(ctx.now).quarter_key();
    let due = crate::context::store()?.staff_survey_due(viewer.user_id, quarter).await?;
    Ok(due.then(|| tool.to_owned()))
}

/// The two questions, on the page of the tool (nothing when already asked this quarter).
#[component]
pub fn StaffSurvey() -> impl IntoView {
    let i18n = use_i18n();
    let here = crate::context::current().here();
    let due = staff_survey_due();
    let scale = move |name: &'static str, legend: String| {
        let items = (1..=7)
            .map(|p| {
                let id = format!("staff-{name}-{p}");
                let label = match p {
                    1 => format!("1 – {}", i18n.t("survey-disagree")),
                    7 => format!("7 – {}", i18n.t("survey-agree")),
                    _ => p.to_string(),
                };
                view! {
                    <div class="radio inline">
                        <input type="radio" id=id.clone() name=name value=p.to_string()/>
                        <label for=id>{label}</label>
                    </div>
                }
            })
            .collect_view();
        view! { <fieldset class="scale"><legend>{legend}</legend>{items}</fieldset> }
    };
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let Ok(Some(tool)) = due.await else { return ().into_any() };
                view! {
                    <section class="panel survey staff-survey" aria-labelledby="staff-survey-heading">
                        <h2 id="staff-survey-heading">{i18n.t("staff-survey-heading")}</h2>
                        <p class="hint">{i18n.t("staff-survey-anonymous")}</p>
                        <form method="post" action="/stats/staff-survey">
                            <CsrfField/>
                            <input type="hidden" name="back" value=here.clone()/>
                            {scale("useful", i18n.t(&format!("staff-survey-useful-{tool}")))}
                            {scale("easy", i18n.t(&format!("staff-survey-easy-{tool}")))}
                            <button type="submit" name="action" value="answer" class="button">{i18n.t("survey-send")}</button>
                            " "
                            <button type="submit" name="action" value="later" class="link-button">{i18n.t("staff-survey-later")}</button>
                        </form>
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}
