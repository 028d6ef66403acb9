//! The register extract (GDPR article 15): everything Stadsporten holds about the signed-in
//! person, as JSON for machines and as an HTML document that reads and prints well.
//!
//! Policy: the extract is built from the person's own records only (`Store::register_data`,
//! their errands and look-ups, their profile); it holds what they see in their cases, not staff's
//! internal notes (the explanation page says how to ask for those). Who read their data is shown
//! by role, with the reason given; the person's own personnummer is in it, as it is on Mina sidor.

use crate::i18n::t;
use serde::Serialize;
use stadsporten_db::Store;
use stadsporten_domain::ids::UserId;
use stadsporten_domain::Lang;

/// The whole extract. Field names are English and stable; texts are as stored.
#[derive(Debug, Serialize)]
pub struct RegisterExtract {
    /// When it was made (RFC 3339) and by whom for whom.
    pub generated_at: String,
    pub controller: String,
    pub profile: Profile,
    pub cases: Vec<CaseEntry>,
    pub drafts: Vec<DraftEntry>,
    pub errands: Vec<ErrandEntry>,
    pub lookups: Vec<LookupEntry>,
    pub access_log: Vec<AccessEntry>,
}

#[derive(Debug, Serialize)]
pub struct Profile {
    pub name: String,
    pub personal_identity_number: Option<String>,
    pub email: Option<String>,
    pub email_verified: bool,
    pub phone: Option<String>,
    pub preferred_language: Option<String>,
    pub notification_channel: String,
    /// The population register's address, as fetched.
    pub registered_address: Option<String>,
    pub organisations_represented: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CaseEntry {
    pub number: String,
    pub service: String,
    pub unit: String,
    pub status: String,
    pub submitted_at: String,
    pub closed_at: Option<String>,
    pub language: String,
    pub channel: String,
    pub acting_for: Option<String>,
    pub answers: serde_json::Value,
    pub timeline: Vec<TimelineEntry>,
    pub messages: Vec<MessageEntry>,
    pub decision: Option<DecisionEntry>,
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Serialize)]
pub struct TimelineEntry {
    pub at: String,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct MessageEntry {
    pub at: String,
    pub from: String,
    pub body: String,
}

#[derive(Debug, Serialize)]
pub struct DecisionEntry {
    pub outcome: String,
    pub decided_at: String,
    pub motivation: String,
}

#[derive(Debug, Serialize)]
pub struct FileEntry {
    pub name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: String,
    /// Where the person downloads it (signed in).
    pub href: String,
}

#[derive(Debug, Serialize)]
pub struct DraftEntry {
    pub service: String,
    pub answers: serde_json::Value,
    pub saved_at: String,
    pub deleted_after: String,
}

#[derive(Debug, Serialize)]
pub struct ErrandEntry {
    pub number: String,
    pub channel: String,
    pub service: Option<String>,
    pub notes: String,
    pub outcome: String,
    pub status: String,
    pub unit: Option<String>,
    pub created_at: String,
    pub closed_at: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LookupEntry {
    pub reference: String,
    pub at: String,
    pub unit: String,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct AccessEntry {
    pub at: String,
    pub action: String,
    pub object: String,
    pub by: String,
    pub reason: Option<String>,
}

/// RFC 3339 in UTC.
fn time(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

/// Reads everything about `person` and builds the extract.
pub async fn build(store: &Store, person: UserId, now: i64) -> stadsporten_db::Result<Option<RegisterExtract>> {
    let Some(user) = store.user(person).await? else { return Ok(None) };
    let (data, errands, lookups, mandates, address) = tokio::try_join!(
        store.register_data(person, now),
        store.errands_of_person(person, 10_000),
        store.lookups_of_person(person, 10_000),
        store.mandates(person, now),
        store.register_entry(person),
    )?;
    let cases = data
        .cases
        .iter()
        .map(|c| CaseEntry {
            number: c.case_number.clone(),
            service: c.service_slug.clone(),
            unit: c.unit_code.clone(),
            status: c.status.slug().to_owned(),
            submitted_at: time(c.submitted_at),
            closed_at: c.closed_at.map(time),
            language: c.lang.clone(),
            channel: c.channel.slug().to_owned(),
            acting_for: c.acting_for.clone(),
            answers: serde_json::to_value(&c.answers).unwrap_or_default(),
            timeline: data
                .events
                .iter()
                .filter(|e| e.case_id == c.id)
                .map(|e| TimelineEntry {
                    at: time(e.at),
                    kind: e.kind.clone(),
                    from_status: e.from_status.clone(),
                    to_status: e.to_status.clone(),
                })
                .collect(),
            messages: data
                .messages
                .iter()
                .filter(|m| m.case_id == c.id)
                .map(|m| MessageEntry {
                    at: time(m.at),
                    from: if m.from_applicant { "you" } else { "the-city" }.to_owned(),
                    body: m.body.clone(),
                })
                .collect(),
            decision: data.decisions.iter().find(|d| d.case_id == c.id).map(|d| DecisionEntry {
                outcome: d.outcome.clone(),
                decided_at: time(d.decided_at),
                motivation: d.motivation.clone(),
            }),
            files: data.files.iter().filter(|f| f.case_id == Some(c.id)).map(file_entry).collect(),
        })
        .collect();
    Ok(Some(RegisterExtract {
        generated_at: time(now),
        controller: "Stockholms stad".into(),
        profile: Profile {
            name: user.display_name,
            personal_identity_number: user.personal_identity_number.map(|p| {
                let d = p.expose();
                format!("{}-{}", &d[..8], &d[8..])
            }),
            email: user.email,
            email_verified: user.email_verified,
            phone: user.phone,
            preferred_language: user.preferred_lang.map(|l| l.code().to_owned()),
            notification_channel: user.notify_channel.as_str().to_owned(),
            // Their own address, protected or not: the protection is against others.
            registered_address: address.map(|a| format!("{}, {} {}", a.street, a.postal_code, a.city)),
            organisations_represented: mandates
                .into_iter()
                .map(|m| format!("{} ({})", m.name, m.organisation))
                .collect(),
        },
        cases,
        drafts: data
            .drafts
            .into_iter()
            .map(|d| DraftEntry {
                service: d.service_slug,
                answers: d.answers,
                saved_at: time(d.updated_at),
                deleted_after: time(d.expires_at),
            })
            .collect(),
        errands: errands
            .into_iter()
            .map(|e| ErrandEntry {
                number: e.number,
                channel: e.channel.slug().to_owned(),
                service: e.service_slug,
                notes: e.notes,
                outcome: e.outcome.slug().to_owned(),
                status: e.status.slug().to_owned(),
                unit: e.unit_code,
                created_at: time(e.created_at),
                closed_at: e.closed_at.map(time),
            })
            .collect(),
        lookups: lookups
            .into_iter()
            .map(|l| LookupEntry { reference: l.reference, at: time(l.at), unit: l.agent_unit, reason: l.reason })
            .collect(),
        access_log: data
            .access
            .into_iter()
            .map(|a| AccessEntry {
                at: time(a.at),
                action: a.action,
                object: match a.object_id {
                    Some(id) => format!("{} {id}", a.object_type),
                    None => a.object_type,
                },
                by: a.by,
                reason: a.reason,
            })
            .collect(),
    }))
}

fn file_entry(f: &stadsporten_db::ExtractFile) -> FileEntry {
    FileEntry {
        name: f.file_name.clone(),
        content_type: f.content_type.clone(),
        size_bytes: f.size_bytes,
        sha256: f.sha256.clone(),
        uploaded_at: time(f.uploaded_at),
        href: format!("/files/{}", f.id),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A table of rows under a heading; nothing when there are none.
fn table(h: &mut String, caption: &str, headers: &[String], rows: Vec<Vec<String>>) {
    h.push_str(&format!("<table><caption>{}</caption><thead><tr>", esc(caption)));
    for head in headers {
        h.push_str(&format!("<th scope=\"col\">{}</th>", esc(head)));
    }
    h.push_str("</tr></thead><tbody>");
    for row in rows {
        h.push_str("<tr>");
        for cell in row {
            h.push_str(&format!("<td>{}</td>", esc(&cell)));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
}

/// The answers as readable lines (`field: value`).
fn answer_lines(v: &serde_json::Value) -> String {
    match v.as_object() {
        Some(map) if !map.is_empty() => map
            .iter()
            .map(|(k, v)| {
                let text = match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                format!("{k}: {text}")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

/// The extract as one HTML document (a download: its style is its own, for screen and print).
pub fn html(x: &RegisterExtract, lang: Lang) -> String {
    let tr = |id: &str| t(lang, id);
    let dir = if lang == Lang::Ar { "rtl" } else { "ltr" };
    let mut h = format!(
        "<!DOCTYPE html><html lang=\"{}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
         body{{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}}\
         table{{border-collapse:collapse;width:100%;margin:0 0 1.5rem}}th,td{{border:1px solid #767676;padding:.25rem .5rem;text-align:start;vertical-align:top;white-space:pre-wrap}}\
         caption{{text-align:start;font-weight:bold}}section{{break-inside:avoid-page}}@media print{{body{{max-width:none}}}}\
         </style></head><body><main>",
        lang.code(),
        esc(&tr("extract-title"))
    );
    h.push_str(&format!("<h1>{}</h1><p>{}</p>", esc(&tr("extract-title")), esc(&tr("extract-intro"))));
    h.push_str(&format!("<p>{}: {}</p>", esc(&tr("extract-generated")), esc(&x.generated_at)));
    let p = &x.profile;
    h.push_str(&format!("<section><h2>{}</h2><dl>", esc(&tr("extract-profile"))));
    let mut fact = |label: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            h.push_str(&format!("<dt>{}</dt><dd>{}</dd>", esc(&tr(label)), esc(v)));
        }
    };
    fact("my-name", Some(&p.name));
    fact("my-personnummer", p.personal_identity_number.as_deref());
    fact("extract-email", p.email.as_deref());
    fact("my-phone", p.phone.as_deref());
    fact("my-lang", p.preferred_language.as_deref());
    fact("my-channel", Some(&p.notification_channel));
    fact("extract-address", p.registered_address.as_deref());
    let orgs = p.organisations_represented.join(", ");
    fact("extract-organisations", Some(&orgs));
    h.push_str("</dl></section>");
    h.push_str(&format!("<section><h2>{} ({})</h2>", esc(&tr("extract-cases")), x.cases.len()));
    for c in &x.cases {
        h.push_str(&format!("<h3>{} – {}</h3>", esc(&c.number), esc(&c.service)));
        table(
            &mut h,
            &tr("extract-case-facts"),
            &[tr("extract-unit"), tr("extract-status"), tr("extract-submitted"), tr("extract-closed")],
            vec![vec![
                c.unit.clone(),
                c.status.clone(),
                c.submitted_at.clone(),
                c.closed_at.clone().unwrap_or_default(),
            ]],
        );
        let answers = answer_lines(&c.answers);
        if !answers.is_empty() {
            table(&mut h, &tr("extract-answers"), &[tr("extract-answers")], vec![vec![answers]]);
        }
        if !c.timeline.is_empty() {
            table(
                &mut h,
                &tr("extract-timeline"),
                &[tr("extract-when"), tr("extract-what")],
                c.timeline
                    .iter()
                    .map(|e| {
                        let what = match (&e.from_status, &e.to_status) {
                            (Some(f), Some(to)) => format!("{} ({f} → {to})", e.kind),
                            _ => e.kind.clone(),
                        };
                        vec![e.at.clone(), what]
                    })
                    .collect(),
            );
        }
        if !c.messages.is_empty() {
            table(
                &mut h,
                &tr("extract-messages"),
                &[tr("extract-when"), tr("extract-from"), tr("extract-text")],
                c.messages.iter().map(|m| vec![m.at.clone(), m.from.clone(), m.body.clone()]).collect(),
            );
        }
        if let Some(d) = &c.decision {
            table(
                &mut h,
                &tr("extract-decision"),
                &[tr("extract-when"), tr("extract-outcome"), tr("extract-text")],
                vec![vec![d.decided_at.clone(), d.outcome.clone(), d.motivation.clone()]],
            );
        }
        if !c.files.is_empty() {
            table(
                &mut h,
                &tr("extract-files"),
                &[tr("extract-file-name"), tr("extract-size"), tr("extract-when")],
                c.files.iter().map(|f| vec![f.name.clone(), f.size_bytes.to_string(), f.uploaded_at.clone()]).collect(),
            );
        }
    }
    h.push_str("</section>");
    h.push_str(&format!("<section><h2>{} ({})</h2>", esc(&tr("extract-drafts")), x.drafts.len()));
    table(
        &mut h,
        &tr("extract-drafts"),
        &[tr("extract-service"), tr("extract-answers"), tr("extract-when")],
        x.drafts.iter().map(|d| vec![d.service.clone(), answer_lines(&d.answers), d.saved_at.clone()]).collect(),
    );
    h.push_str("</section>");
    h.push_str(&format!("<section><h2>{} ({})</h2>", esc(&tr("extract-errands")), x.errands.len()));
    table(
        &mut h,
        &tr("extract-errands"),
        &[tr("extract-when"), tr("extract-number"), tr("extract-text"), tr("extract-outcome")],
        x.errands
            .iter()
            .map(|e| vec![e.created_at.clone(), e.number.clone(), e.notes.clone(), e.outcome.clone()])
            .collect(),
    );
    h.push_str("</section>");
    h.push_str(&format!("<section><h2>{} ({})</h2>", esc(&tr("extract-lookups")), x.lookups.len()));
    table(
        &mut h,
        &tr("extract-lookups"),
        &[tr("extract-when"), tr("extract-unit"), tr("extract-reason")],
        x.lookups.iter().map(|l| vec![l.at.clone(), l.unit.clone(), l.reason.clone()]).collect(),
    );
    h.push_str("</section>");
    h.push_str(&format!("<section><h2>{} ({})</h2>", esc(&tr("extract-access")), x.access_log.len()));
    table(
        &mut h,
        &tr("extract-access"),
        &[tr("extract-when"), tr("extract-what"), tr("extract-by"), tr("extract-reason")],
        x.access_log
            .iter()
            .map(|a| {
                vec![
                    a.at.clone(),
                    format!("{} {}", a.action, a.object),
                    a.by.clone(),
                    a.reason.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    );
    h.push_str("</section></main></body></html>");
    h
}
