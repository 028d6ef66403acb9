//! The authorisation matrix: every page, server function and plain route × every persona (and
//! nobody signed in) × own and foreign objects has an expected status, checked over HTTP on both
//! backends. The test fails when a route or server function exists that the table does not name,
//! so a new endpoint cannot ship without a decision about who may use it.

use crate::support::{browser, spawn_app, TestApp};
use stadsporten_db::{on_both_backends, Backend, NewGrant, UserKind, VerifiedClaims};
use stadsporten_domain::access::{Role, Scope};
use stadsporten_domain::ids::{AttachmentId, BundleId, CaseId, DefinitionId, DraftToken, UserId};
use stadsporten_domain::organisation::UnitCode;
use std::collections::BTreeSet;

on_both_backends!(every_endpoint_answers_every_persona_as_the_table_says);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Nobody,
    Anna,
    Erik,
    Maja,
    Sara,
    Omar,
    Lena,
    Per,
    Admin,
    Ingrid,
    Jonas,
    Vera,
}

use Who::*;

/// Residents and representatives (Maja edits a provider's units but is a person too).
const RESIDENTS: [Who; 3] = [Anna, Erik, Maja];
/// Everyone the city has granted a role to.
const GRANTED: [Who; 9] = [Maja, Sara, Omar, Lena, Per, Admin, Ingrid, Jonas, Vera];
/// Every member of the city's staff (each may report a security incident).
const STAFF: [Who; 8] = [Sara, Omar, Lena, Per, Admin, Ingrid, Jonas, Vera];

/// Vera (the content editor) last: her writes change public pages the others read.
const EVERYONE: [Who; 12] = [Nobody, Anna, Erik, Maja, Sara, Omar, Lena, Per, Admin, Ingrid, Jonas, Vera];

impl Who {
    fn persona(self) -> Option<&'static str> {
        Some(match self {
            Nobody => return None,
            Anna => "anna",
            Erik => "erik",
            Maja => "maja",
            Sara => "sara",
            Omar => "omar",
            Lena => "lena",
            Per => "per",
            Admin => "admin",
            Ingrid => "ingrid",
            Jonas => "jonas",
            Vera => "vera",
        })
    }
}

/// 401 for nobody, `ok` for those `allowed`, 403 for the rest.
fn only(allowed: &'static [Who], ok: u16) -> impl Fn(Who) -> u16 {
    move |w| {
        if w == Nobody {
            401
        } else if allowed.contains(&w) {
            ok
        } else {
            403
        }
    }
}

fn all(status: u16) -> impl Fn(Who) -> u16 {
    move |_| status
}

enum Method {
    Get,
    Post(Vec<(&'static str, String)>),
    /// A multipart form (CSRF token in the query, as the pages do), with an optional file.
    Multipart(Vec<(&'static str, String)>, Option<(&'static str, &'static str, Vec<u8>)>),
    PostJson(serde_json::Value),
    /// A form post from a script (it asks for JSON back).
    PostFormForJson(Vec<(&'static str, String)>),
    /// With the session's token in a header, as a script would.
    Delete,
}

/// Fresh objects for the cases that change state, made before each persona's attempt.
struct Objects {
    mf_request: i64,
    utb_request: i64,
    mf_grant: i64,
    utb_grant: i64,
    dummy_user: UserId,
    /// An end date two months ahead, as a form writes it.
    until: String,
    /// Anna's draft of the feedback e-service (its token) and her feedback cases, routed to MF
    /// (Sara's unit): one open, one to withdraw, one decided; a file in the open one.
    draft: String,
    case: CaseId,
    case_to_withdraw: CaseId,
    decided: CaseId,
    file: AttachmentId,
    /// The live version of the preschool definition (receiving unit UTB).
    preschool_definition: DefinitionId,
    /// An unpublished service page of the round's own, an operating message and a known
    /// accessibility shortcoming (the content editor's objects).
    content_service: i64,
    content_message: i64,
    content_shortcoming: i64,
    /// A unit of Maja's company, and a fresh provider change of it (to revert).
    maja_unit: String,
    revision: i64,
    /// Anna's feedback about Maja's unit, routed to Maja's company.
    provider_case: CaseId,
    /// Erik's bundle application in progress (its token), and a filed bundle of his with a part
    /// at MF (Sara's unit) and one at TILL (Omar's), and a statement request from MF to TILL.
    bundle_draft: String,
    bundle: BundleId,
    bundle_mf_case: CaseId,
    statement: i64,
    /// The contact centre's: an errand Lena registered, a call-back from a missed call, Anna as
    /// Lena looked her up (with a reason), and a directory entry.
    errand: stadsporten_domain::ids::ErrandId,
    callback: stadsporten_domain::ids::CallbackId,
    looked_up: UserId,
    directory_entry: i64,
    /// Information security's: an incident Sara reported, Kim (a protected person) and a grant
    /// to see Kim's details given to Sara.
    incident: i64,
    kim: UserId,
    sara: UserId,
    protected_grant: i64,
}

/// The feedback e-service's answers, routed to `unit`.
fn feedback(unit: &str) -> stadsporten_domain::eservice::Answers {
    use stadsporten_domain::eservice::Answer;
    let mut a = stadsporten_domain::eservice::Answers::new();
    for (k, v) in [
        ("unit", unit),
        ("kind", "complaint"),
        ("message", "The recycling station is always full."),
        ("wants_answer", "yes"),
    ] {
        a.insert(k.into(), Answer::Text(v.into()));
    }
    a
}

async fn feedback_case(app: &TestApp, anna: UserId, def: DefinitionId, key: &str) -> CaseId {
    let now = app.clock.now();
    let draft = app
        .store
        .create_draft(&DraftToken::new(format!("{:0>64}", key)), anna, None, def, Default::default(), now, now + 86_400)
        .await
        .unwrap();
    let answers = feedback("MF");
    app.store
        .submit_case(&stadsporten_db::Submission {
            draft_id: draft.id,
            applicant_id: anna,
            acting_for: None,
            idempotency_key: key,
            definition_id: def,
            service_slug: "synpunkter-och-klagomal",
            unit_code: "MF",
            provider_unit: None,
            provider_org: None,
            year: 2026,
            lang: "sv",
            answers: &answers,
            handling_days: 14,
            day_kind: Default::default(),
            channel: stadsporten_domain::measure::CaseChannel::Web,
            now,
        })
        .await
        .unwrap()
        .case_id
}

/// Erik's bundle draft (food registration and serving licence), and a filed bundle of the same.
async fn bundles(app: &TestApp, n: usize) -> (String, BundleId, CaseId, i64) {
    let now = app.clock.now();
    let store = &app.store;
    let erik = store.user_by_persona("erik").await.unwrap().unwrap().id;
    let sara = store.user_by_persona("sara").await.unwrap().unwrap().id;
    let food = store.live_definition("registrering-livsmedelsanlaggning").await.unwrap().unwrap().id;
    let licence = store.live_definition("serveringstillstand").await.unwrap().unwrap().id;
    let draft = |i: usize| async move {
        let token = format!("{:0>64x}", 0xb0_0000 + 10 * n + i);
        let parts = [
            (format!("{:0>64x}", 0xb1_0000 + 10 * n + i), "food-registration", food),
            (format!("{:0>64x}", 0xb2_0000 + 10 * n + i), "alcohol-licence", licence),
        ];
        let new: Vec<stadsporten_db::NewBundlePart> = parts
            .iter()
            .map(|(t, k, d)| stadsporten_db::NewBundlePart { permit_key: k, definition_id: *d, token: t })
            .collect();
        let d = store
            .create_bundle_draft(
                &DraftToken::new(token.clone()),
                erik,
                "559123-4561",
                "Linds Krog AB",
                1,
                "activity=restaurant",
                &new,
                now,
                now + 86_400,
            )
            .await
            .unwrap();
        (token, d)
    };
    let (open_token, _) = draft(0).await;
    let (_, filed) = draft(1).await;
    let drafts = store.bundle_draft_parts(filed.id).await.unwrap();
    let empty = stadsporten_domain::eservice::Answers::new();
    let depends = vec!["food-registration".to_owned()];
    let submitted = store
        .submit_bundle(&stadsporten_db::BundleSubmission {
            bundle_draft_id: filed.id,
            applicant_id: erik,
            organisation: "559123-4561",
            organisation_name: "Linds Krog AB",
            idempotency_key: &format!("b{n}"),
            lang: "sv",
            year: 2026,
            ruleset_version: 1,
            guide_answers: "activity=restaurant",
            shared: &empty,
            parts: vec![
                stadsporten_db::PartSubmission {
                    permit_key: "food-registration",
                    draft_id: drafts[0].id,
                    definition_id: food,
                    service_slug: "registrering-livsmedelsanlaggning",
                    unit_code: "MF",
                    handling_days: 14,
                    day_kind: Default::default(),
                    answers: &empty,
                    authority: None,
                    referral_address: None,
                    depends_on: &[],
                },
                stadsporten_db::PartSubmission {
                    permit_key: "alcohol-licence",
                    draft_id: drafts[1].id,
                    definition_id: licence,
                    service_slug: "serveringstillstand",
                    unit_code: "TILL",
                    handling_days: 56,
                    day_kind: Default::default(),
                    answers: &empty,
                    authority: None,
                    referral_address: None,
                    depends_on: &depends,
                },
            ],
            channel: stadsporten_domain::measure::CaseChannel::Web,
            now,
        })
        .await
        .unwrap();
    let parts = store.bundle_parts(submitted.bundle_id, now).await.unwrap();
    let statement = store
        .request_statement(parts[0].case_id, "TILL", "Finns det hinder?", now / 86_400 + 10, sara, now)
        .await
        .unwrap()
        .unwrap();
    (open_token, submitted.bundle_id, parts[0].case_id, statement)
}

async fn objects(app: &TestApp, n: usize) -> Objects {
    let now = app.clock.now();
    let store = &app.store;
    let dummy = store
        .sign_in_user(
            &VerifiedClaims {
                issuer: "https://staff.test",
                subject: &format!("dummy-{n}"),
                kind: UserKind::Staff,
                display_name: "Dummy Person",
                personal_identity_number: None,
                email: None,
            },
            now,
        )
        .await
        .unwrap();
    let unit = |c: &str| Scope::Unit(UnitCode::parse(c).unwrap());
    let request = |scope: Scope| async move {
        store
            .request_access(dummy.id, Role::CaseOfficer, &scope, "Needed for the matrix", now + 86_400, now)
            .await
            .unwrap()
    };
    let grant = |scope: Scope| async move {
        store
            .grant_access(&NewGrant {
                user_id: dummy.id,
                role: Role::CaseOfficer,
                scope: &scope,
                reason: "Needed for the matrix",
                granted_by: None,
                valid_from: now - 10,
                valid_until: now + 86_400,
            })
            .await
            .unwrap()
    };
    let anna = store.user_by_persona("anna").await.unwrap().unwrap().id;
    let sara = store.user_by_persona("sara").await.unwrap().unwrap().id;
    let def = store.live_definition("synpunkter-och-klagomal").await.unwrap().unwrap().id;
    let draft_token = format!("{:0>64x}", 0xd0_0000 + n);
    let draft = store
        .create_draft(&DraftToken::new(draft_token.clone()), anna, None, def, Default::default(), now, now + 86_400)
        .await
        .unwrap();
    store.save_draft(draft.id, &feedback("MF"), Some("feedback"), now, now + 86_400).await.unwrap();
    let case = feedback_case(app, anna, def, &format!("c{n}")).await;
    let case_to_withdraw = feedback_case(app, anna, def, &format!("w{n}")).await;
    let decided = feedback_case(app, anna, def, &format!("d{n}")).await;
    store.start_case(decided, sara, now).await.unwrap();
    let decision = stadsporten_db::NewDecision {
        outcome: stadsporten_domain::eservice::DecisionOutcome::Approved,
        lang: "sv",
        template: "Tack för din synpunkt.",
        motivation: "Vi har tömt stationen oftare.",
        appeal: "",
        offer: None,
    };
    store.decide_case(decided, sara, &decision, now).await.unwrap();
    // A file in the open case, its bytes where the test server keeps uploads.
    let key = uuid::Uuid::new_v4().simple().to_string();
    let files = stadsporten_server::startup::file_store("auto", store, &crate::support::upload_folder());
    files.put(&key, b"%PDF-1.4\n%matrix\n").await.unwrap();
    let attachment = stadsporten_db::NewAttachment {
        storage_key: &key,
        owner_id: anna,
        field_id: None,
        file_name: "photo.pdf",
        content_type: "application/pdf",
        size_bytes: 17,
        sha256: "00",
        scan_status: stadsporten_db::ScanStatus::Clean,
        encrypted: false,
        now,
    };
    let message = store.add_message(case, anna, true, "Here is a photo.", &[attachment], now).await.unwrap();
    let file =
        store.case_messages(case).await.unwrap().into_iter().find(|m| m.id == message).unwrap().attachments[0].id;
    let preschool_definition = store.live_definition("ansok-om-forskoleplats").await.unwrap().unwrap().id;
    let solrosen = stadsporten_domain::organisation::OrganisationNumber::parse("559234-5671").unwrap();
    let maja_unit = store.units_of_organisation(&solrosen).await.unwrap().remove(0).record;
    let maja = store.user_by_persona("maja").await.unwrap().unwrap().id;
    let mut facts = maja_unit.facts.clone();
    facts.description.insert("en".into(), format!("Change number {n}."));
    let revision =
        match store.save_unit_facts(&maja_unit.id, &facts, maja, stadsporten_db::ChangedBy::Provider, now).await {
            Ok(stadsporten_db::FactsSaved::Saved(id)) => id,
            other => panic!("{other:?}"),
        };
    let provider_case = {
        let draft = store
            .create_draft(
                &DraftToken::new(format!("{:0>64x}", 0xf0_0000 + n)),
                anna,
                None,
                def,
                Default::default(),
                now,
                now + 86_400,
            )
            .await
            .unwrap();
        let (code, org) = maja_unit.feedback_route();
        let org = org.map(|o| o.to_string());
        store
            .submit_case(&stadsporten_db::Submission {
                draft_id: draft.id,
                applicant_id: anna,
                acting_for: None,
                idempotency_key: &format!("p{n}"),
                definition_id: def,
                service_slug: "synpunkter-och-klagomal",
                unit_code: code,
                provider_unit: Some(maja_unit.id.as_str()),
                provider_org: org.as_deref(),
                year: 2026,
                lang: "sv",
                answers: &feedback("UTB"),
                handling_days: 14,
                day_kind: Default::default(),
                channel: stadsporten_domain::measure::CaseChannel::Web,
                now,
            })
            .await
            .unwrap()
            .case_id
    };
    let (bundle_draft, bundle, bundle_mf_case, statement) = bundles(app, n).await;
    let editor = store.user_by_persona("vera").await.unwrap().expect("vera").id;
    let page_slug = format!("matrisens-sida-{n}");
    let page: Vec<(String, String)> = content_page("x")
        .into_iter()
        .map(|(k, v)| (k.to_owned(), if k == "slug" { page_slug.clone() } else { v }))
        .collect();
    let page = stadsporten_domain::content::ServiceContent::from_form(&page).expect("a valid page");
    let content_service = store.create_service(&page, (editor, "Vera Lind"), "2026-12-07", now).await.unwrap();
    let message: Vec<(String, String)> = content_message().into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    let message = stadsporten_domain::content::MessageContent::from_form(&message, &[], &[]).expect("a valid message");
    let content_message = store.save_message(None, &message, "Vera Lind", now).await.unwrap();
    let mut texts = std::collections::BTreeMap::new();
    texts.insert("sv".to_owned(), ("Brist".to_owned(), "Text.".to_owned()));
    let shortcoming = stadsporten_domain::content::ShortcomingContent { fix_by: None, resolved: false, texts };
    let content_shortcoming = store.save_shortcoming(None, &shortcoming, "Vera Lind", now).await.unwrap();
    let (errand, callback, looked_up, directory_entry) = contact_objects(app, n).await;
    let (incident, kim, sara, protected_grant) = security_objects(app, n).await;
    Objects {
        incident,
        kim,
        sara,
        protected_grant,
        errand,
        callback,
        looked_up,
        directory_entry,
        content_service,
        content_message,
        content_shortcoming,
        bundle_draft,
        bundle,
        bundle_mf_case,
        statement,
        provider_case,
        maja_unit: maja_unit.id.to_string(),
        revision,
        draft: draft_token,
        case,
        case_to_withdraw,
        decided,
        file,
        preschool_definition,
        mf_request: request(unit("MF")).await,
        utb_request: request(unit("UTB")).await,
        mf_grant: grant(unit("MF")).await,
        utb_grant: grant(unit("UTB")).await,
        dummy_user: dummy.id,
        until: {
            let t = time::OffsetDateTime::from_unix_timestamp(now + 60 * 86_400).unwrap();
            format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
        },
    }
}

/// Information security's objects of round `n` (see [`Objects`]).
async fn security_objects(app: &TestApp, n: usize) -> (i64, UserId, UserId, i64) {
    use stadsporten_domain::security::incident::{PersonalData, ReportForm};
    use stadsporten_domain::security::protected::GrantForm;
    let now = app.clock.now();
    let store = &app.store;
    let id = |key: &'static str| async move { store.user_by_persona(key).await.unwrap().unwrap().id };
    let (sara, kim, jonas) = (id("sara").await, id("kim").await, id("jonas").await);
    let report = ReportForm {
        what: format!("Round {n}: a laptop was left on the train."),
        occurred: None,
        systems: String::new(),
        information: String::new(),
        personal_data: PersonalData::Unknown,
        idempotency_key: format!("matrix-{n}"),
    };
    let (incident, _) = store.report_incident(&report, sara, 2026, now).await.unwrap();
    let grant =
        GrantForm { staff_id: sara.get(), person_id: kim.get(), reason: "The matrix needs a grant".into(), days: 1 };
    let protected_grant = store.grant_protected(&grant, jonas, now).await.unwrap();
    (incident, kim, sara, protected_grant)
}

/// The contact centre's objects of round `n` (see [`Objects`]).
async fn contact_objects(
    app: &TestApp,
    n: usize,
) -> (stadsporten_domain::ids::ErrandId, stadsporten_domain::ids::CallbackId, UserId, i64) {
    use stadsporten_domain::contact_centre::{ContactChannel, ErrandOutcome, LookupReason};
    let now = app.clock.now();
    let store = &app.store;
    let lena = store.user_by_persona("lena").await.unwrap().expect("lena").id;
    let anna = store.user_by_persona("anna").await.unwrap().expect("anna").id;
    let errand = store
        .register_errand(&stadsporten_db::NewErrand {
            channel: ContactChannel::Phone,
            service_slug: None,
            category: Some("general".into()),
            person_id: None,
            caller_name: None,
            caller_phone: None,
            caller_email: None,
            notes: "Frågade om öppettider.".into(),
            outcome: ErrandOutcome::Answered,
            unit_code: None,
            answer_by: None,
            call_key: None,
            agent_id: lena,
            agent_unit: "KC".into(),
            idempotency_key: format!("matrix-{n}"),
            case: None,
            link: None,
            callback: None,
            year: 2026,
            now,
        })
        .await
        .unwrap()
        .id;
    let body = format!(
        r#"{{"id":"matrix-{n}","type":"abandoned","occurred_at":"2026-12-07T09:00:00Z","call_id":"matrix-{n}","caller":"070-174 06 99"}}"#
    );
    let (event, at) = stadsporten_domain::contact_centre::telephony::parse_event(body.as_bytes()).unwrap();
    let stadsporten_db::EventAccepted::New { callback: Some(callback) } =
        store.accept_call_event("matrix", &event, at, now + 3600, now).await.unwrap()
    else {
        panic!("a call-back")
    };
    store
        .record_lookup(&stadsporten_db::NewLookup {
            person_id: anna,
            agent_id: lena,
            agent_unit: "KC".into(),
            reason: LookupReason::CallerAsksAboutCase,
            explanation: "Frågar om sitt ärende".into(),
            searched_by: "personnummer",
            year: 2026,
            now,
        })
        .await
        .unwrap();
    let entry = store.directory("omar", None, 1).await.unwrap().first().expect("a directory entry").id;
    (errand, callback, anna, entry)
}

struct Case {
    /// The route or server function this case covers (as the router names it).
    covers: &'static str,
    method: Method,
    path: String,
    expect: Box<dyn Fn(Who) -> u16>,
}

/// 401 for nobody, `ok` for Anna (the owner), "not found" for everyone else.
fn owner(ok: u16) -> impl Fn(Who) -> u16 {
    move |w| match w {
        Nobody => 401,
        Anna => ok,
        _ => 404,
    }
}

/// Erik's bundle: his; "not found" for everyone else signed in.
fn erik_owns(ok: u16) -> impl Fn(Who) -> u16 {
    move |w| match w {
        Nobody => 401,
        Erik => ok,
        _ => 404,
    }
}

/// The city's side of a bundle: officers of units holding a part (Sara, Omar) and the service
/// owner of those units (Per) may look; only coordinators act for the bundle; others are refused.
fn bundle_staff(ok: u16, acting: &'static [Who]) -> impl Fn(Who) -> u16 {
    move |w| match w {
        Nobody => 401,
        Sara | Omar | Per if acting.contains(&w) => ok,
        Sara | Omar | Per => 404,
        _ => 403,
    }
}

/// Pages of Mina ärenden: Anna's case is hers; other residents find nothing; staff are refused.
fn applicant(ok: u16) -> impl Fn(Who) -> u16 {
    move |w| match w {
        Nobody => 401,
        Anna => ok,
        Erik | Maja => 404,
        _ => 403,
    }
}

/// A new service page's form (an unpublished page of its own, so the matrix changes no seeded one).
fn content_page(slug: &'static str) -> Vec<(&'static str, String)> {
    vec![
        ("slug", slug.into()),
        ("situation", "kultur-och-fritid".into()),
        ("audiences", "privatperson".into()),
        ("provider_kind", "city".into()),
        ("provider_name", "Kulturförvaltningen".into()),
        ("channels", "webb".into()),
        ("start", "none".into()),
        ("title_sv", "En sida i matrisen".into()),
        ("summary_sv", "Prövar behörigheten.".into()),
        ("action", "save".into()),
    ]
}

/// An operating message's form, valid from now on.
fn content_message() -> Vec<(&'static str, String)> {
    vec![
        ("severity", "notice".into()),
        ("valid_from", "2030-01-01T08:00".into()),
        ("valid_until", "2030-01-02T08:00".into()),
        ("title_sv", "Meddelande i matrisen".into()),
        ("body_sv", "Prövar behörigheten.".into()),
    ]
}

/// The next version of the preschool definition (a valid upload).
fn preschool_v2() -> String {
    stadsporten_db::SEED_DEFINITIONS[0].1.replace("version = 4", "version = 5")
}

fn cases(o: &Objects) -> Vec<Case> {
    let until = o.until.clone();
    let draft = o.draft.clone();
    let case = |covers: &'static str, method: Method, path: &str, expect: Box<dyn Fn(Who) -> u16>| Case {
        covers,
        method,
        path: path.to_owned(),
        expect,
    };
    vec![
        // Public pages and routes.
        case("/", Method::Get, "/", Box::new(all(200))),
        case("/services", Method::Get, "/services?q=bygglov", Box::new(all(200))),
        case("/services/{slug}", Method::Get, "/services/bygglov", Box::new(all(200))),
        case("/services/{slug}/start", Method::Get, "/services/bygglov/start", Box::new(all(200))),
        case("/sign-in", Method::Get, "/sign-in", Box::new(all(200))),
        case("/signed-out", Method::Get, "/signed-out", Box::new(all(200))),
        case("/error/{code}", Method::Get, "/error/forbidden", Box::new(all(403))),
        case("/test-idp-picker", Method::Get, "/test-idp-picker", Box::new(all(404))),
        case("/healthz", Method::Get, "/healthz", Box::new(all(200))),
        case("/readyz", Method::Get, "/readyz", Box::new(all(200))),
        case("/lang/{code}", Method::Get, "/lang/sv?to=/", Box::new(all(303))),
        case("/lite/{mode}", Method::Get, "/lite/off?to=/", Box::new(all(303))),
        case("/auth/login", Method::Get, "/auth/login?as=staff", Box::new(all(303))),
        case("/auth/callback", Method::Get, "/auth/callback?code=x&state=y", Box::new(all(401))),
        case("/auth/extend", Method::Get, "/auth/extend?to=/", Box::new(all(303))),
        case(
            "/test-idp/{realm}/.well-known/openid-configuration",
            Method::Get,
            "/test-idp/eid/.well-known/openid-configuration",
            Box::new(all(200)),
        ),
        case("/test-idp/{realm}/jwks", Method::Get, "/test-idp/staff/jwks", Box::new(all(200))),
        case(
            "/test-idp/{realm}/authorize",
            Method::Get,
            "/test-idp/eid/authorize?client_id=nobody",
            Box::new(all(400)),
        ),
        case(
            "/test-idp/{realm}/authorize/choose",
            Method::Post(vec![("client_id", "nobody".into())]),
            "/test-idp/eid/authorize/choose",
            Box::new(all(400)),
        ),
        case(
            "/test-idp/{realm}/token",
            Method::Post(vec![("grant_type", "authorization_code".into())]),
            "/test-idp/eid/token",
            Box::new(all(401)),
        ),
        case("/test-idp/{realm}/userinfo", Method::Get, "/test-idp/eid/userinfo", Box::new(all(401))),
        case("/test-idp/{realm}/logout", Method::Get, "/test-idp/eid/logout", Box::new(all(303))),
        case(
            "/api/catalogue/service",
            Method::PostFormForJson(vec![("slug", "bygglov".into())]),
            "/api/catalogue/service",
            Box::new(all(200)),
        ),
        case("/api/catalogue/start", Method::PostFormForJson(vec![]), "/api/catalogue/start", Box::new(all(200))),
        case(
            "/api/catalogue/results",
            Method::PostJson(serde_json::json!({ "query": "q=bygglov" })),
            "/api/catalogue/results",
            Box::new(all(200)),
        ),
        case(
            "/api/catalogue/results-html",
            Method::PostJson(serde_json::json!({ "query": "q=bygglov" })),
            "/api/catalogue/results-html",
            Box::new(all(200)),
        ),
        // Mina sidor: residents and representatives, their own data only.
        case("/my", Method::Get, "/my", Box::new(only(&RESIDENTS, 200))),
        case("/api/my/overview", Method::Get, "/api/my/overview", Box::new(only(&RESIDENTS, 200))),
        case(
            "/api/my/contact",
            Method::Post(vec![("phone", "08-508 000 00".into()), ("lang", "sv".into()), ("channel", "email".into())]),
            "/api/my/contact",
            Box::new(only(&RESIDENTS, 302)),
        ),
        case(
            "/api/my/act-for",
            Method::Post(vec![("organisation", "559123-4561".into())]),
            "/api/my/act-for",
            Box::new(only(&[Erik], 302)),
        ),
        case(
            "/api/my/act-for",
            Method::Post(vec![("organisation", "559234-5671".into())]),
            "/api/my/act-for",
            Box::new(only(&[Maja], 302)),
        ),
        case(
            "/api/my/email",
            Method::Post(vec![("email", "someone@example.se".into())]),
            "/api/my/email",
            Box::new(only(&RESIDENTS, 302)),
        ),
        // A link that is not theirs: refused as a bad link (400) to residents, as forbidden to others.
        case("/my/email/confirm", Method::Get, "/my/email/confirm?token=not-a-token", Box::new(only(&RESIDENTS, 400))),
        case(
            "/api/my/email/confirm",
            Method::Get,
            "/api/my/email/confirm?token=not-a-token",
            Box::new(only(&RESIDENTS, 400)),
        ),
        // Access administration.
        case("/admin/access", Method::Get, "/admin/access", Box::new(only(&GRANTED, 200))),
        case("/api/admin/access", Method::Get, "/api/admin/access", Box::new(only(&GRANTED, 200))),
        case(
            "/api/admin/access/request",
            Method::Post(vec![
                ("role", "case-officer".into()),
                ("unit", "MF".into()),
                ("reason", "Covering during the holidays".into()),
                ("until", until.clone()),
            ]),
            "/api/admin/access/request",
            Box::new(only(&GRANTED, 302)),
        ),
        case(
            "/admin/access/review",
            Method::Get,
            "/admin/access/review?scope=unit%3AMF",
            Box::new(only(&[Per, Admin], 200)),
        ),
        case(
            "/admin/access/review",
            Method::Get,
            "/admin/access/review?scope=unit%3AUTB",
            Box::new(only(&[Admin], 200)),
        ),
        case(
            "/api/admin/access/review",
            Method::Get,
            "/api/admin/access/review?scope=unit%3AMF",
            Box::new(only(&[Per, Admin], 200)),
        ),
        case(
            "/api/admin/access/decide",
            Method::Post(vec![
                ("request", o.mf_request.to_string()),
                ("decision", "reject".into()),
                ("note", String::new()),
            ]),
            "/api/admin/access/decide",
            Box::new(only(&[Per, Admin], 302)),
        ),
        case(
            "/api/admin/access/decide",
            Method::Post(vec![
                ("request", o.utb_request.to_string()),
                ("decision", "reject".into()),
                ("note", String::new()),
            ]),
            "/api/admin/access/decide",
            Box::new(only(&[Admin], 302)),
        ),
        case(
            "/api/admin/access/confirm",
            Method::Post(vec![("grant", o.mf_grant.to_string())]),
            "/api/admin/access/confirm",
            Box::new(only(&[Per, Admin], 302)),
        ),
        case(
            "/api/admin/access/confirm",
            Method::Post(vec![("grant", o.utb_grant.to_string())]),
            "/api/admin/access/confirm",
            Box::new(only(&[Admin], 302)),
        ),
        case(
            "/api/admin/access/revoke",
            Method::Post(vec![
                ("grant", o.mf_grant.to_string()),
                ("reason", "Left the unit".into()),
                ("back", "/admin/access".into()),
            ]),
            "/api/admin/access/revoke",
            Box::new(only(&[Per, Admin], 302)),
        ),
        case(
            "/api/admin/access/revoke",
            Method::Post(vec![
                ("grant", o.utb_grant.to_string()),
                ("reason", "Left the unit".into()),
                ("back", "/admin/access".into()),
            ]),
            "/api/admin/access/revoke",
            Box::new(only(&[Admin], 302)),
        ),
        case(
            "/api/admin/access/complete-review",
            Method::Post(vec![("scope", "unit:MF".into())]),
            "/api/admin/access/complete-review",
            Box::new(only(&[Per, Admin], 302)),
        ),
        case(
            "/api/admin/access/grant",
            Method::Post(vec![
                ("user", o.dummy_user.to_string()),
                ("role", "case-officer".into()),
                ("scope", "unit:SOF".into()),
                ("reason", "Temporary cover in SOF".into()),
                ("until", until),
            ]),
            "/api/admin/access/grant",
            Box::new(only(&[Admin], 302)),
        ),
        case(
            "/api/admin/users/manage",
            Method::Post(vec![("user", o.dummy_user.to_string()), ("action", "end-sessions".into())]),
            "/api/admin/users/manage",
            Box::new(only(&[Admin], 302)),
        ),
        // The audit trail: auditors only (administrators grant access; they do not read the trail).
        case("/admin/audit", Method::Get, "/admin/audit", Box::new(only(&[Ingrid], 200))),
        case("/api/admin/audit", Method::Get, "/api/admin/audit?query=", Box::new(only(&[Ingrid], 200))),
        case("/admin/audit/export.csv", Method::Get, "/admin/audit/export.csv", Box::new(only(&[Ingrid], 200))),
        // E-services: the start page is public; starting needs a resident.
        case("/services/{slug}/start", Method::Get, "/services/ansok-om-forskoleplats/start", Box::new(all(200))),
        case("/api/apply/start-view", Method::Get, "/api/apply/start-view?slug=skolval", Box::new(all(200))),
        case(
            "/api/apply/start",
            Method::Post(vec![("slug", "synpunkter-och-klagomal".into())]),
            "/api/apply/start",
            Box::new(only(&RESIDENTS, 302)),
        ),
        // A draft is its owner's; to anyone else it does not exist.
        case("/apply/{token}", Method::Get, &format!("/apply/{draft}"), Box::new(owner(303))),
        case("/apply/{token}/step/{step}", Method::Get, &format!("/apply/{draft}/step/feedback"), Box::new(owner(200))),
        case("/apply/{token}/check", Method::Get, &format!("/apply/{draft}/check"), Box::new(owner(200))),
        case("/apply/{token}/declaration", Method::Get, &format!("/apply/{draft}/declaration"), Box::new(owner(200))),
        case(
            "/api/apply/step",
            Method::Get,
            &format!("/api/apply/step?token={draft}&step=about"),
            Box::new(owner(200)),
        ),
        case("/api/apply/check", Method::Get, &format!("/api/apply/check?token={draft}"), Box::new(owner(200))),
        case("/api/apply/resume", Method::Get, &format!("/api/apply/resume?token={draft}"), Box::new(owner(200))),
        case(
            "/forms/{token}/{step}",
            Method::Post(vec![("unit", "MF".into()), ("kind", "praise".into()), ("action", "continue".into())]),
            &format!("/forms/{draft}/about"),
            Box::new(owner(303)),
        ),
        case(
            "/forms/{token}/{step}/remove",
            Method::Post(vec![("remove", "0".into())]),
            &format!("/forms/{draft}/feedback"),
            Box::new(owner(303)),
        ),
        case(
            "/forms/{token}/{step}/upload",
            Method::Multipart(
                vec![("upload", "photos".into())],
                Some(("file:photos", "a.pdf", b"%PDF-1.4\n".to_vec())),
            ),
            &format!("/forms/{draft}/feedback/upload"),
            Box::new(owner(303)),
        ),
        case(
            "/forms/{token}/submit",
            Method::Post(vec![("confirm", "yes".into()), ("idempotency_key", draft.clone())]),
            &format!("/forms/{draft}/submit"),
            Box::new(owner(303)),
        ),
        case(
            "/api/apply/discard",
            Method::Post(vec![("token", draft.clone())]),
            "/api/apply/discard",
            Box::new(owner(302)),
        ),
        // Mina ärenden: residents; a case only to its applicant (others: not found).
        case("/my/cases", Method::Get, "/my/cases", Box::new(only(&RESIDENTS, 200))),
        // What we know about you, and the register extract: each person their own, staff none.
        case("/my/data", Method::Get, "/my/data", Box::new(only(&RESIDENTS, 200))),
        case("/api/my/data", Method::Get, "/api/my/data", Box::new(only(&RESIDENTS, 200))),
        case("/my/data/extract.json", Method::Get, "/my/data/extract.json", Box::new(only(&RESIDENTS, 200))),
        case("/my/data/extract.html", Method::Get, "/my/data/extract.html", Box::new(only(&RESIDENTS, 200))),
        case("/api/my/cases", Method::Get, "/api/my/cases", Box::new(only(&RESIDENTS, 200))),
        case("/my/cases/{id}", Method::Get, &format!("/my/cases/{}", o.case), Box::new(applicant(200))),
        case("/api/my/case", Method::Get, &format!("/api/my/case?id={}", o.case), Box::new(applicant(200))),
        case("/my/cases/{id}/receipt", Method::Get, &format!("/my/cases/{}/receipt", o.case), Box::new(applicant(200))),
        case(
            "/api/apply/receipt",
            Method::Get,
            &format!("/api/apply/receipt?case_id={}", o.case),
            Box::new(applicant(200)),
        ),
        case(
            "/my/cases/{id}/decision",
            Method::Get,
            &format!("/my/cases/{}/decision", o.decided),
            Box::new(applicant(200)),
        ),
        case(
            "/api/my/case/survey",
            Method::Post(vec![
                ("case_id", o.case.to_string()),
                ("stage", "after-submission".into()),
                ("score", "4".into()),
                ("comment", String::new()),
            ]),
            "/api/my/case/survey",
            Box::new(applicant(302)),
        ),
        case(
            "/api/my/case/withdraw",
            Method::Post(vec![
                ("case_id", o.case_to_withdraw.to_string()),
                ("confirm", "yes".into()),
                ("reason", String::new()),
            ]),
            "/api/my/case/withdraw",
            Box::new(applicant(302)),
        ),
        // Case posts with files: the applicant, or a case officer of the case's unit (MF: Sara).
        case(
            "/cases/{id}/messages",
            Method::Multipart(vec![("body", "A question about the case.".into())], None),
            &format!("/cases/{}/messages", o.case),
            Box::new(|w| match w {
                Nobody => 401,
                Anna | Sara => 303,
                _ => 404,
            }),
        ),
        case(
            "/cases/{id}/completion",
            Method::Multipart(vec![("answer", "Here it is.".into())], None),
            &format!("/cases/{}/completion", o.case),
            Box::new(owner(303)),
        ),
        // A file: its owner, and staff who may view the unit's cases (Sara, Per: audited).
        case(
            "/files/{id}",
            Method::Get,
            &format!("/files/{}", o.file),
            Box::new(|w| match w {
                Nobody => 401,
                Anna | Sara | Per => 200,
                _ => 404,
            }),
        ),
        // The officer's queue and cases: need to know by unit.
        case("/officer", Method::Get, "/officer", Box::new(only(&[Sara, Omar, Per], 200))),
        case("/api/officer/queue", Method::Get, "/api/officer/queue", Box::new(only(&[Sara, Omar, Per], 200))),
        case(
            "/officer/cases/{id}",
            Method::Get,
            &format!("/officer/cases/{}", o.case),
            Box::new(only(&[Sara, Per], 200)),
        ),
        case(
            "/api/officer/case",
            Method::Get,
            &format!("/api/officer/case?id={}", o.case),
            Box::new(only(&[Sara, Per], 200)),
        ),
        case(
            "/api/officer/act",
            Method::Post(vec![
                ("case_id", o.case.to_string()),
                ("action", "note".into()),
                ("message", "Called the station.".into()),
            ]),
            "/api/officer/act",
            Box::new(only(&[Sara], 302)),
        ),
        case(
            "/officer/assign",
            Method::Post(vec![("case", o.case.to_string()), ("to", "me".into())]),
            "/officer/assign",
            Box::new(only(&[Sara, Omar], 303)),
        ),
        case("/officer/export.csv", Method::Get, "/officer/export.csv", Box::new(only(&[Sara, Omar, Per], 200))),
        // The figures: officers and service owners for their units, administrators for all.
        case("/stats", Method::Get, "/stats", Box::new(only(&[Sara, Omar, Per, Admin], 200))),
        case(
            "/api/stats/overview",
            Method::Get,
            "/api/stats/overview?query=",
            Box::new(only(&[Sara, Omar, Per, Admin], 200)),
        ),
        // Another unit's figures: refused (and audited) for those who do not hold it.
        case("/stats", Method::Get, "/stats?unit=UTB", Box::new(only(&[Admin], 200))),
        case(
            "/stats/services/{slug}",
            Method::Get,
            "/stats/services/varmepump",
            Box::new(|w| match w {
                Nobody => 401,
                Sara | Per | Admin => 200,
                _ => 403,
            }),
        ),
        case(
            "/api/stats/service",
            Method::Get,
            "/api/stats/service?slug=varmepump&query=",
            Box::new(|w| match w {
                Nobody => 401,
                Sara | Per | Admin => 200,
                _ => 403,
            }),
        ),
        case("/stats/report", Method::Get, "/stats/report", Box::new(only(&[Sara, Omar, Per, Admin], 200))),
        case(
            "/api/stats/report",
            Method::Get,
            "/api/stats/report?query=",
            Box::new(only(&[Sara, Omar, Per, Admin], 200)),
        ),
        case(
            "/stats/export.csv",
            Method::Get,
            "/stats/export.csv?table=services",
            Box::new(only(&[Sara, Omar, Per, Admin], 200)),
        ),
        // The staff's two questions: those who work in a tool (officers, the contact centre).
        case(
            "/stats/staff-survey",
            Method::Post(vec![("action", "later".into()), ("back", "/officer".into())]),
            "/stats/staff-survey",
            Box::new(only(&[Sara, Omar, Lena], 303)),
        ),
        case(
            "/api/stats/staff-survey-due",
            Method::Get,
            "/api/stats/staff-survey-due",
            Box::new(|w| if w == Nobody { 401 } else { 200 }),
        ),
        // The contact centre: its agents (Lena); a person only through her own look-up.
        case("/contact", Method::Get, "/contact", Box::new(only(&[Lena], 200))),
        case("/api/contact/board", Method::Get, "/api/contact/board", Box::new(only(&[Lena], 200))),
        case("/contact/errands/new", Method::Get, "/contact/errands/new", Box::new(only(&[Lena], 200))),
        case("/api/contact/new-errand", Method::Get, "/api/contact/new-errand", Box::new(only(&[Lena], 200))),
        case(
            "/contact/errands/{id}",
            Method::Get,
            &format!("/contact/errands/{}", o.errand),
            Box::new(only(&[Lena], 200)),
        ),
        case(
            "/api/contact/errand",
            Method::Get,
            &format!("/api/contact/errand?id={}", o.errand),
            Box::new(only(&[Lena], 200)),
        ),
        case("/contact/lookup", Method::Get, "/contact/lookup", Box::new(only(&[Lena], 200))),
        case("/api/contact/lookup-form", Method::Get, "/api/contact/lookup-form", Box::new(only(&[Lena], 200))),
        case(
            "/contact/people/{id}",
            Method::Get,
            &format!("/contact/people/{}", o.looked_up),
            Box::new(only(&[Lena], 200)),
        ),
        case(
            "/api/contact/person",
            Method::Get,
            &format!("/api/contact/person?id={}", o.looked_up),
            Box::new(only(&[Lena], 200)),
        ),
        // A person Lena did not look up: refused (and audited), for her too.
        case(
            "/contact/people/{id}",
            Method::Get,
            &format!("/contact/people/{}", o.dummy_user),
            Box::new(only(&[], 200)),
        ),
        case("/contact/callbacks", Method::Get, "/contact/callbacks", Box::new(only(&[Lena], 200))),
        case("/api/contact/callbacks", Method::Get, "/api/contact/callbacks", Box::new(only(&[Lena], 200))),
        case(
            "/contact/callbacks/{id}",
            Method::Get,
            &format!("/contact/callbacks/{}", o.callback),
            Box::new(only(&[Lena], 200)),
        ),
        case(
            "/api/contact/callback",
            Method::Get,
            &format!("/api/contact/callback?id={}", o.callback),
            Box::new(only(&[Lena], 200)),
        ),
        case("/contact/directory", Method::Get, "/contact/directory?q=omar", Box::new(only(&[Lena], 200))),
        case("/api/contact/directory", Method::Get, "/api/contact/directory?q=omar", Box::new(only(&[Lena], 200))),
        case("/api/my/contacts", Method::Get, "/api/my/contacts", Box::new(only(&RESIDENTS, 200))),
        // The contact centre's figures: its agents, and view-statistics for KC (administrators).
        case("/contact/figures", Method::Get, "/contact/figures", Box::new(only(&[Lena, Admin], 200))),
        case("/api/contact/figures", Method::Get, "/api/contact/figures", Box::new(only(&[Lena, Admin], 200))),
        case("/contact/figures.csv", Method::Get, "/contact/figures.csv", Box::new(only(&[Lena, Admin], 200))),
        case(
            "/contact/errands",
            Method::Post(vec![
                ("channel", "phone".into()),
                ("concerns", "category:general".into()),
                ("outcome", "answered".into()),
                ("idempotency_key", "matrix".into()),
            ]),
            "/contact/errands",
            Box::new(only(&[Lena], 303)),
        ),
        case(
            "/contact/lookup",
            Method::Post(vec![
                ("personnummer", "19850312-9820".into()),
                ("reason", "caller-asks-about-case".into()),
                ("explanation", "Frågar om sitt ärende".into()),
            ]),
            "/contact/lookup",
            Box::new(only(&[Lena], 303)),
        ),
        // Assisted digital: for the person of Lena's own look-up, with consent.
        case(
            "/contact/people/{id}/assist",
            Method::Post(vec![
                ("service", "fraga-till-staden".into()),
                ("mode", "resident".into()),
                ("via", "phone".into()),
                ("consent", "yes".into()),
            ]),
            &format!("/contact/people/{}/assist", o.looked_up),
            Box::new(only(&[Lena], 303)),
        ),
        case(
            "/contact/callbacks/{id}/claim",
            Method::Post(vec![]),
            &format!("/contact/callbacks/{}/claim", o.callback),
            Box::new(only(&[Lena], 303)),
        ),
        case(
            "/contact/callbacks/{id}/attempts",
            Method::Post(vec![("outcome", "no-answer".into())]),
            &format!("/contact/callbacks/{}/attempts", o.callback),
            Box::new(only(&[Lena], 303)),
        ),
        case(
            "/contact/callbacks/{id}/release",
            Method::Post(vec![]),
            &format!("/contact/callbacks/{}/release", o.callback),
            Box::new(only(&[Lena], 303)),
        ),
        case(
            "/contact/directory/{id}/availability",
            Method::Post(vec![("availability", "busy".into()), ("note", "I möte".into())]),
            &format!("/contact/directory/{}/availability", o.directory_entry),
            Box::new(only(&[Lena], 303)),
        ),
        case(
            "/contact/directory/{id}/transfer",
            Method::Post(vec![("note", "Anna Andersson om sitt serveringstillstånd".into()), ("q", "omar".into())]),
            &format!("/contact/directory/{}/transfer", o.directory_entry),
            Box::new(only(&[Lena], 303)),
        ),
        // The telephony platform's events are signed, never a session's: unsigned is 401 for all.
        case(
            "/integrations/telephony/events",
            Method::Post(vec![("id", "x".into())]),
            "/integrations/telephony/events",
            Box::new(all(401)),
        ),
        // The SMS gateway's delivery receipts: signed too (and not configured in the tests).
        case(
            "/integrations/sms/receipts",
            Method::Post(vec![("id", "x".into())]),
            "/integrations/sms/receipts",
            Box::new(all(401)),
        ),
        // The API for the city's systems takes a bearer token, never a session: a signed-in
        // person, whatever their role, is as unknown there as nobody (401).
        // server/tests/it/api.rs covers the clients and scopes.
        case(
            "/api/v1/oauth/token",
            Method::Post(vec![("grant_type", "client_credentials".into())]),
            "/api/v1/oauth/token",
            // The form token the matrix adds to every post is an unknown parameter there.
            Box::new(all(400)),
        ),
        case("/api/v1/services", Method::Get, "/api/v1/services", Box::new(all(401))),
        case("/api/v1/operating-messages", Method::Get, "/api/v1/operating-messages", Box::new(all(401))),
        case("/api/v1/units/{unit}/cases", Method::Get, "/api/v1/units/SBK/cases", Box::new(all(401))),
        case("/api/v1/cases/{number}", Method::Get, "/api/v1/cases/SBK-2026-00001", Box::new(all(401))),
        case("/api/v1/webhooks", Method::Get, "/api/v1/webhooks", Box::new(all(401))),
        case("/api/v1/webhooks/{id}", Method::Delete, "/api/v1/webhooks/1", Box::new(all(401))),
        case("/api/v1/webhooks/{id}/deliveries", Method::Get, "/api/v1/webhooks/1/deliveries", Box::new(all(401))),
        case(
            "/api/v1/webhooks/{id}/deliveries/{delivery}/replay",
            Method::Post(vec![]),
            "/api/v1/webhooks/1/deliveries/1/replay",
            Box::new(all(401)),
        ),
        // The document and its page are public; anything else under the API is a problem 404.
        case("/api/v1/openapi.json", Method::Get, "/api/v1/openapi.json", Box::new(all(200))),
        case("/api/v1/docs", Method::Get, "/api/v1/docs", Box::new(all(200))),
        case("/api/v1/{*rest}", Method::Get, "/api/v1/no-such-thing", Box::new(all(404))),
        // E-service definitions: administrators anywhere, service owners for their units.
        case("/admin/services", Method::Get, "/admin/services", Box::new(only(&[Per, Admin], 200))),
        case("/api/admin/services", Method::Get, "/api/admin/services", Box::new(only(&[Per, Admin], 200))),
        case(
            "/admin/services/{id}",
            Method::Get,
            &format!("/admin/services/{}", o.preschool_definition),
            Box::new(only(&[Per, Admin], 200)),
        ),
        case(
            "/api/admin/services/preview",
            Method::Get,
            &format!("/api/admin/services/preview?id={}", o.preschool_definition),
            Box::new(only(&[Per, Admin], 200)),
        ),
        case(
            "/api/admin/services/publish",
            Method::Post(vec![("id", o.preschool_definition.to_string())]),
            "/api/admin/services/publish",
            Box::new(only(&[Admin], 302)),
        ),
        case(
            "/admin/services/upload",
            Method::Multipart(vec![("source", preschool_v2())], None),
            "/admin/services/upload",
            Box::new(only(&[Admin], 303)),
        ),
        // An offer is answered by its applicant: Anna's decided case makes none (not found), other
        // residents find nothing, staff are refused.
        case(
            "/api/my/case/offer",
            Method::Post(vec![("case_id", o.decided.to_string()), ("answer", "accept".into())]),
            "/api/my/case/offer",
            Box::new(|w| match w {
                Nobody => 401,
                Anna | Erik | Maja => 404,
                _ => 403,
            }),
        ),
        // Content: the web editor only; the accessibility statement is public.
        case("/admin/content", Method::Get, "/admin/content", Box::new(only(&[Vera], 200))),
        case("/api/content/overview", Method::Get, "/api/content/overview?overdue=false", Box::new(only(&[Vera], 200))),
        case("/admin/content/services/new", Method::Get, "/admin/content/services/new", Box::new(only(&[Vera], 200))),
        case(
            "/admin/content/services/{id}",
            Method::Get,
            &format!("/admin/content/services/{}", o.content_service),
            Box::new(only(&[Vera], 200)),
        ),
        case(
            "/api/content/service",
            Method::Get,
            &format!("/api/content/service?id={}", o.content_service),
            Box::new(only(&[Vera], 200)),
        ),
        case(
            "/admin/content/services/{id}/versions/{number}",
            Method::Get,
            &format!("/admin/content/services/{}/versions/1", o.content_service),
            Box::new(only(&[Vera], 200)),
        ),
        case(
            "/api/content/version",
            Method::Get,
            &format!("/api/content/version?id={}&number=1", o.content_service),
            Box::new(only(&[Vera], 200)),
        ),
        case("/admin/content/messages/new", Method::Get, "/admin/content/messages/new", Box::new(only(&[Vera], 200))),
        case(
            "/admin/content/messages/{id}",
            Method::Get,
            &format!("/admin/content/messages/{}", o.content_message),
            Box::new(only(&[Vera], 200)),
        ),
        case(
            "/api/content/message",
            Method::Get,
            &format!("/api/content/message?id={}", o.content_message),
            Box::new(only(&[Vera], 200)),
        ),
        case("/admin/content/accessibility", Method::Get, "/admin/content/accessibility", Box::new(only(&[Vera], 200))),
        case("/api/content/shortcomings", Method::Get, "/api/content/shortcomings", Box::new(only(&[Vera], 200))),
        case("/tillganglighet", Method::Get, "/tillganglighet", Box::new(all(200))),
        case(
            "/api/content/accessibility-statement",
            Method::Get,
            "/api/content/accessibility-statement",
            Box::new(all(200)),
        ),
        case(
            "/admin/content/services",
            Method::Post(content_page("ny-sida-i-matrisen")),
            "/admin/content/services",
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/services/{id}",
            Method::Post(content_page("ny-sida-i-matrisen-2")),
            &format!("/admin/content/services/{}", o.content_service),
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/services/{id}/review",
            Method::Post(vec![]),
            &format!("/admin/content/services/{}/review", o.content_service),
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/services/{id}/versions/{number}/publish",
            Method::Post(vec![]),
            &format!("/admin/content/services/{}/versions/1/publish", o.content_service),
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/services/{id}/versions/{number}/cancel",
            Method::Post(vec![]),
            &format!("/admin/content/services/{}/versions/1/cancel", o.content_service),
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/services/{id}/versions/{number}/revert",
            Method::Post(vec![]),
            &format!("/admin/content/services/{}/versions/1/revert", o.content_service),
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/services/{id}/unpublish",
            Method::Post(vec![]),
            &format!("/admin/content/services/{}/unpublish", o.content_service),
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/messages",
            Method::Post(content_message()),
            "/admin/content/messages",
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/messages/{id}",
            Method::Post(content_message()),
            &format!("/admin/content/messages/{}", o.content_message),
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/messages/{id}/end",
            Method::Post(vec![]),
            &format!("/admin/content/messages/{}/end", o.content_message),
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/accessibility",
            Method::Post(vec![("title_sv", "Brist i matrisen".into()), ("body_sv", "Text.".into())]),
            "/admin/content/accessibility",
            Box::new(only(&[Vera], 303)),
        ),
        case(
            "/admin/content/accessibility/{id}",
            Method::Post(vec![("title_sv", "Brist i matrisen".into()), ("body_sv", "Ändrad.".into())]),
            &format!("/admin/content/accessibility/{}", o.content_shortcoming),
            Box::new(only(&[Vera], 303)),
        ),
        // Comparing providers: public pages, data and open data.
        case("/compare", Method::Get, "/compare?kind=preschool&district=bromma", Box::new(all(200))),
        case("/compare/units/{id}", Method::Get, &format!("/compare/units/{}", o.maja_unit), Box::new(all(200))),
        case(
            "/compare/side-by-side",
            Method::Get,
            &format!("/compare/side-by-side?units={}", o.maja_unit),
            Box::new(all(200)),
        ),
        case(
            "/api/compare/results",
            Method::PostJson(serde_json::json!({ "query": "kind=preschool" })),
            "/api/compare/results",
            Box::new(all(200)),
        ),
        case(
            "/api/compare/list",
            Method::PostJson(serde_json::json!({ "query": "kind=preschool&district=bromma" })),
            "/api/compare/list",
            Box::new(all(200)),
        ),
        case(
            "/api/compare/list-html",
            Method::PostJson(serde_json::json!({ "query": "kind=preschool&district=bromma" })),
            "/api/compare/list-html",
            Box::new(all(200)),
        ),
        case(
            "/api/compare/unit",
            Method::PostFormForJson(vec![("id", o.maja_unit.clone())]),
            "/api/compare/unit",
            Box::new(all(200)),
        ),
        case(
            "/api/compare/side-by-side",
            Method::PostFormForJson(vec![("query", format!("units={}", o.maja_unit))]),
            "/api/compare/side-by-side",
            Box::new(all(200)),
        ),
        // The business guide: public, no personal data.
        case("/business", Method::Get, "/business?activity=restaurant", Box::new(all(200))),
        case("/business/checklist", Method::Get, "/business/checklist?activity=other", Box::new(all(200))),
        case(
            "/api/business/guide",
            Method::PostFormForJson(vec![("query", "activity=cafe".to_owned())]),
            "/api/business/guide",
            Box::new(all(200)),
        ),
        case("/open-data/providers", Method::Get, "/open-data/providers", Box::new(all(200))),
        case("/api/compare/open-data", Method::PostFormForJson(vec![]), "/api/compare/open-data", Box::new(all(200))),
        case("/open-data/providers.csv", Method::Get, "/open-data/providers.csv", Box::new(all(200))),
        case(
            "/open-data/provider-indicators.csv",
            Method::Get,
            "/open-data/provider-indicators.csv",
            Box::new(all(200)),
        ),
        case("/open-data/providers.json", Method::Get, "/open-data/providers.json", Box::new(all(200))),
        // Operations' metrics: from the configured addresses (the tests run on 127.0.0.1).
        case("/metrics", Method::Get, "/metrics", Box::new(all(200))),
        case("/open-data/service-levels", Method::Get, "/open-data/service-levels", Box::new(all(200))),
        case("/api/stats/open-data", Method::PostFormForJson(vec![]), "/api/stats/open-data", Box::new(all(200))),
        case("/open-data/service-levels.csv", Method::Get, "/open-data/service-levels.csv", Box::new(all(200))),
        case("/open-data/service-levels.json", Method::Get, "/open-data/service-levels.json", Box::new(all(200))),
        case("/open-data/providers/dataset.json", Method::Get, "/open-data/providers/dataset.json", Box::new(all(200))),
        // The provider portal: Maja, for her company's units only.
        case("/provider", Method::Get, "/provider", Box::new(only(&[Maja], 200))),
        case("/api/provider/portal", Method::Get, "/api/provider/portal", Box::new(only(&[Maja], 200))),
        case(
            "/provider/units/{id}",
            Method::Get,
            &format!("/provider/units/{}", o.maja_unit),
            Box::new(only(&[Maja], 200)),
        ),
        case(
            "/api/provider/unit",
            Method::Get,
            &format!("/api/provider/unit?id={}", o.maja_unit),
            Box::new(only(&[Maja], 200)),
        ),
        case(
            "/provider/units/{id}",
            Method::Post(vec![
                ("description_sv", "En förskola med gård.".into()),
                ("hours", "06:30-18:00".into()),
                ("languages", "sv".into()),
            ]),
            &format!("/provider/units/{}", o.maja_unit),
            Box::new(only(&[Maja], 303)),
        ),
        case(
            "/provider/feedback/{id}",
            Method::Get,
            &format!("/provider/feedback/{}", o.provider_case),
            Box::new(only(&[Maja], 200)),
        ),
        case(
            "/api/provider/feedback",
            Method::Get,
            &format!("/api/provider/feedback?id={}", o.provider_case),
            Box::new(only(&[Maja], 200)),
        ),
        case(
            "/api/provider/feedback/answer",
            Method::Post(vec![("id", o.provider_case.to_string()), ("body", "Tack, vi åtgärdar det.".into())]),
            "/api/provider/feedback/answer",
            Box::new(only(&[Maja], 302)),
        ),
        // The city's side: service owners and administrators.
        case("/admin/providers", Method::Get, "/admin/providers", Box::new(only(&[Per, Admin], 200))),
        case("/api/admin/providers", Method::Get, "/api/admin/providers", Box::new(only(&[Per, Admin], 200))),
        case(
            "/api/admin/providers/revert",
            Method::Post(vec![("id", o.revision.to_string())]),
            "/api/admin/providers/revert",
            Box::new(only(&[Per, Admin], 302)),
        ),
        case(
            "/admin/providers/import",
            Method::Multipart(
                vec![("dry_run", "1".into())],
                Some(("file", "values.csv", b"kpi,unit,period,value\nparent-satisfaction,x1,2025,90\n".to_vec())),
            ),
            "/admin/providers/import",
            Box::new(only(&[Per, Admin], 303)),
        ),
        // Bundles: Erik's application and status; the city's side by need to know.
        case(
            "/api/business/apply/start",
            Method::Post(vec![("query", "activity=other".into()), ("organisation", "559123-4561".into())]),
            "/api/business/apply/start",
            Box::new(|w| if w == Nobody { 401 } else { 302 }),
        ),
        case(
            "/business/apply/{token}",
            Method::Get,
            &format!("/business/apply/{}", o.bundle_draft),
            Box::new(erik_owns(200)),
        ),
        case(
            "/business/apply/{token}/facts",
            Method::Get,
            &format!("/business/apply/{}/facts", o.bundle_draft),
            Box::new(erik_owns(200)),
        ),
        case(
            "/business/apply/{token}/documents",
            Method::Get,
            &format!("/business/apply/{}/documents", o.bundle_draft),
            Box::new(erik_owns(200)),
        ),
        case(
            "/business/apply/{token}/check",
            Method::Get,
            &format!("/business/apply/{}/check", o.bundle_draft),
            Box::new(erik_owns(200)),
        ),
        case(
            "/api/business/apply/tasks",
            Method::Get,
            &format!("/api/business/apply/tasks?token={}", o.bundle_draft),
            Box::new(erik_owns(200)),
        ),
        case(
            "/api/business/apply/facts",
            Method::Get,
            &format!("/api/business/apply/facts?token={}", o.bundle_draft),
            Box::new(erik_owns(200)),
        ),
        case(
            "/api/business/apply/documents",
            Method::Get,
            &format!("/api/business/apply/documents?token={}", o.bundle_draft),
            Box::new(erik_owns(200)),
        ),
        case(
            "/api/business/apply/check",
            Method::Get,
            &format!("/api/business/apply/check?token={}", o.bundle_draft),
            Box::new(erik_owns(200)),
        ),
        case(
            "/business/forms/{token}/facts",
            Method::Post(vec![("opening_hours", "11–23".into())]),
            &format!("/business/forms/{}/facts", o.bundle_draft),
            Box::new(erik_owns(303)),
        ),
        case(
            "/business/forms/{token}/documents/upload",
            Method::Multipart(vec![("document", "menu".into())], None),
            &format!("/business/forms/{}/documents/upload", o.bundle_draft),
            Box::new(erik_owns(303)),
        ),
        case(
            "/business/forms/{token}/documents/remove",
            Method::Post(vec![("group", "nothing".into())]),
            &format!("/business/forms/{}/documents/remove", o.bundle_draft),
            Box::new(erik_owns(303)),
        ),
        case(
            "/business/forms/{token}/submit",
            Method::Post(vec![("idempotency_key", o.bundle_draft.clone())]),
            &format!("/business/forms/{}/submit", o.bundle_draft),
            Box::new(erik_owns(303)),
        ),
        case(
            "/api/business/apply/discard",
            Method::Post(vec![("token", o.bundle_draft.clone())]),
            "/api/business/apply/discard",
            Box::new(erik_owns(302)),
        ),
        case("/my/business/{id}", Method::Get, &format!("/my/business/{}", o.bundle), Box::new(erik_owns(200))),
        case("/api/my/business", Method::Get, &format!("/api/my/business?id={}", o.bundle), Box::new(erik_owns(200))),
        case(
            "/api/business/message",
            Method::Post(vec![("bundle_id", o.bundle.to_string()), ("body", "A question for my guide.".into())]),
            "/api/business/message",
            Box::new(erik_owns(302)),
        ),
        case("/officer/bundles", Method::Get, "/officer/bundles", Box::new(only(&[Sara, Omar, Per], 200))),
        case("/api/officer/bundles", Method::Get, "/api/officer/bundles", Box::new(only(&[Sara, Omar, Per], 200))),
        case(
            "/officer/bundles/{id}",
            Method::Get,
            &format!("/officer/bundles/{}", o.bundle),
            Box::new(only(&[Sara, Omar, Per], 200)),
        ),
        case(
            "/api/officer/bundle",
            Method::Get,
            &format!("/api/officer/bundle?id={}", o.bundle),
            Box::new(only(&[Sara, Omar, Per], 200)),
        ),
        case(
            "/api/officer/bundle/referral",
            Method::Post(vec![
                ("bundle_id", o.bundle.to_string()),
                ("case_id", o.bundle_mf_case.to_string()),
                ("outcome", "approved".into()),
                ("motivation", "Polisens beslut".into()),
            ]),
            "/api/officer/bundle/referral",
            Box::new(bundle_staff(302, &[])),
        ),
        case(
            "/api/officer/bundle/statement",
            Method::Post(vec![
                ("bundle_id", o.bundle.to_string()),
                ("case_id", o.bundle_mf_case.to_string()),
                ("to_unit", "TILL".into()),
                ("question", "Finns det hinder för serveringen?".into()),
                ("due_date", o.until.clone()),
            ]),
            "/api/officer/bundle/statement",
            Box::new(bundle_staff(302, &[Sara])),
        ),
        case(
            "/api/officer/bundle/statement-answer",
            Method::Post(vec![
                ("bundle_id", o.bundle.to_string()),
                ("id", o.statement.to_string()),
                ("answer", "Inga hinder.".into()),
            ]),
            "/api/officer/bundle/statement-answer",
            Box::new(bundle_staff(302, &[Omar])),
        ),
        // Information security: the classifications (owners and operations), the incident
        // register (every member of staff reports; the security officer sees and triages all), the
        // grants to see a protected person's details, the security contact and CSP reports.
        case(
            "/admin/classification",
            Method::Get,
            "/admin/classification",
            Box::new(only(&[Per, Admin, Ingrid, Jonas], 200)),
        ),
        case(
            "/api/security/classification",
            Method::Get,
            "/api/security/classification",
            Box::new(only(&[Per, Admin, Ingrid, Jonas], 200)),
        ),
        case(
            "/admin/classification",
            Method::Post(vec![
                ("subject", "information:statistics".into()),
                ("confidentiality", "1".into()),
                ("integrity", "2".into()),
                ("availability", "2".into()),
                ("reason", "Aggregerade siffror utan personuppgifter.".into()),
            ]),
            "/admin/classification",
            // Per owns MF's and TILL's e-services, not the platform's information types.
            Box::new(only(&[Jonas], 303)),
        ),
        case("/incidents", Method::Get, "/incidents", Box::new(only(&STAFF, 200))),
        case("/api/security/incidents", Method::Get, "/api/security/incidents", Box::new(only(&STAFF, 200))),
        case("/incidents/new", Method::Get, "/incidents/new", Box::new(only(&STAFF, 200))),
        case("/api/security/incident-form", Method::Get, "/api/security/incident-form", Box::new(only(&STAFF, 200))),
        case(
            "/incidents",
            Method::Post(vec![("what", "A phishing e-mail".into()), ("personal_data", "no".into())]),
            "/incidents",
            Box::new(only(&STAFF, 303)),
        ),
        // Sara's report: hers and the security officer's; another member of staff finds nothing.
        case(
            "/incidents/{id}",
            Method::Get,
            &format!("/incidents/{}", o.incident),
            Box::new(|w| match w {
                Nobody => 401,
                Sara | Jonas => 200,
                w if STAFF.contains(&w) => 404,
                _ => 403,
            }),
        ),
        case(
            "/api/security/incident",
            Method::Get,
            &format!("/api/security/incident?id={}", o.incident),
            Box::new(|w| match w {
                Nobody => 401,
                Sara | Jonas => 200,
                w if STAFF.contains(&w) => 404,
                _ => 403,
            }),
        ),
        case(
            "/incidents/{id}/{action}",
            Method::Post(vec![("note", "Checked the train company's lost property.".into())]),
            &format!("/incidents/{}/notes", o.incident),
            Box::new(only(&[Jonas], 303)),
        ),
        case(
            "/incidents/export.csv",
            Method::Get,
            "/incidents/export.csv?reason=Kvartalsrapport+till+ledningen",
            Box::new(only(&[Jonas], 200)),
        ),
        case("/admin/protected", Method::Get, "/admin/protected", Box::new(only(&[Jonas], 200))),
        case("/api/security/protected", Method::Get, "/api/security/protected", Box::new(only(&[Jonas], 200))),
        case(
            "/admin/protected",
            Method::Post(vec![
                ("staff", o.sara.to_string()),
                ("person", o.kim.to_string()),
                ("days", "1".into()),
                ("reason", "Hembesök i ärendet om hemtjänst".into()),
            ]),
            "/admin/protected",
            Box::new(only(&[Jonas], 303)),
        ),
        case(
            "/admin/protected/{id}/revoke",
            Method::Post(vec![]),
            &format!("/admin/protected/{}/revoke", o.protected_grant),
            Box::new(only(&[Jonas], 303)),
        ),
        case("/.well-known/security.txt", Method::Get, "/.well-known/security.txt", Box::new(all(200))),
        case(
            "/csp-reports",
            Method::PostJson(
                serde_json::json!({"csp-report": {"effective-directive": "script-src", "blocked-uri": "inline", "document-uri": "http://x/"}}),
            ),
            "/csp-reports",
            Box::new(all(204)),
        ),
        // Signing out last: it ends the session. Anyone may; without a session it just says so.
        case("/auth/logout", Method::Post(vec![]), "/auth/logout", Box::new(all(303))),
    ]
}

async fn every_endpoint_answers_every_persona_as_the_table_says(backend: Backend) {
    let app = spawn_app(backend).await;
    // Completeness: every page, server function and plain route has at least one case.
    let o = objects(&app, 0).await;
    let covered: BTreeSet<&str> = cases(&o).iter().map(|c| c.covers).collect();
    let mut known: BTreeSet<String> = BTreeSet::new();
    known.extend(leptos_axum::generate_route_list(stadsporten_app::App).iter().map(|r| r.path().to_owned()));
    known.extend(leptos::server_fn::axum::server_fn_paths().map(|(p, _)| p.to_owned()));
    known.extend(stadsporten_server::startup::PLAIN_ROUTES.iter().map(|p| (*p).to_owned()));
    let missing: Vec<_> = known.iter().filter(|k| !covered.contains(k.as_str())).collect();
    assert!(missing.is_empty(), "endpoints without an expected outcome in the matrix: {missing:?}");
    let stale: Vec<_> = covered.iter().filter(|c| !known.contains(**c)).collect();
    assert!(stale.is_empty(), "matrix rows for endpoints that do not exist: {stale:?}");

    let mut failures = Vec::new();
    for (n, who) in EVERYONE.into_iter().enumerate() {
        let user = TestApp {
            client: browser(&app.address),
            address: app.address.clone(),
            store: app.store.clone(),
            clock: app.clock.clone(),
        };
        if let Some(persona) = who.persona() {
            user.sign_in(persona).await;
        }
        let csrf = if who.persona().is_some() { user.csrf().await } else { String::new() };
        let o = objects(&app, n + 1).await;
        for c in cases(&o) {
            let url = user.url(&c.path);
            let req = match &c.method {
                Method::Get => user.client.get(&url),
                Method::Post(form) => {
                    let mut form = form.clone();
                    form.push(("csrf", csrf.clone()));
                    user.client.post(&url).form(&form)
                }
                // As the live-results island sends it: signed in, the token in a header.
                Method::PostJson(body) => {
                    user.client.post(&url).header("accept", "application/json").header("x-csrf-token", &csrf).json(body)
                }
                Method::Multipart(fields, file) => {
                    let mut form = reqwest::multipart::Form::new();
                    for (k, v) in fields {
                        form = form.text(*k, v.clone());
                    }
                    if let Some((name, file_name, bytes)) = file {
                        form = form.part(*name, reqwest::multipart::Part::bytes(bytes.clone()).file_name(*file_name));
                    }
                    let sep = if url.contains('?') { '&' } else { '?' };
                    user.client.post(format!("{url}{sep}csrf={csrf}")).multipart(form)
                }
                Method::PostFormForJson(form) => {
                    let mut form = form.clone();
                    form.push(("csrf", csrf.clone()));
                    user.client.post(&url).header("accept", "application/json").form(&form)
                }
                Method::Delete => user.client.delete(&url).header("x-csrf-token", &csrf),
            };
            let req = if c.path.starts_with("/api/") && matches!(c.method, Method::Get) {
                req.header("accept", "application/json")
            } else {
                req
            };
            let status = req.send().await.expect("request").status().as_u16();
            let expected = (c.expect)(who);
            if status != expected {
                failures.push(format!("{who:?} {} {}: expected {expected}, got {status}", c.covers, c.path));
            }
        }
    }
    assert!(failures.is_empty(), "authorisation matrix:\n{}", failures.join("\n"));
}
