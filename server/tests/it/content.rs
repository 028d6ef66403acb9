//! The web editors over HTTP: a page changed and published is seen by residents and search in
//! every language without a restart; refused input comes back with its messages and nothing
//! lost; markup typed into every field is inert on the public page; a message is shown in its
//! window only; only the content editor may do any of it; and every catalogue start link leads
//! to a working first step or to a labelled link out — never to a placeholder.

use crate::support::{as_user, body, post, spawn_app, to, TestApp};
use stadsporten_db::{on_both_backends, Backend};

/// The form of a page as the editor gets it, with `changes` applied (a key set to a value).
async fn page_form(app: &TestApp, slug: &str, changes: &[(&str, &str)]) -> (i64, Vec<(String, String)>) {
    let id = app.store.service_id_by_slug(slug).await.unwrap().expect("seeded");
    let mut form = app.store.service_edit(id).await.unwrap().unwrap().latest.to_form();
    for (k, v) in changes {
        form.retain(|(key, _)| key != k);
        form.push(((*k).to_owned(), (*v).to_owned()));
    }
    (id, form)
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn an_editor_publishes_a_change_residents_see_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let (vera, csrf) = as_user(&app, "vera").await;
    let (status, html) = body(&vera, "/admin/content").await;
    assert_eq!(status, 200);
    assert!(html.contains("Tjänstesidor") && html.contains("Ansök om bygglov"));
    let (id, mut form) = page_form(&app, "bygglov", &[("keywords_fi", "rakennuslupa zqxvhaku")]).await;
    form.push(("action".into(), "save".into()));
    let res = post(&vera, &csrf, &format!("/admin/content/services/{id}"), &pairs(&form)).await;
    assert_eq!(to(&res, &vera.address), format!("/admin/content/services/{id}?saved=draft"));
    // A draft: residents' search does not know it.
    let (_, found) = body(&app, "/services?q=zqxvhaku").await;
    assert!(!found.contains("/services/bygglov"), "a draft is not public");
    // The version page previews it in Finnish and shows what changed.
    let (status, html) = body(&vera, &format!("/admin/content/services/{id}/versions/2?lang=fi")).await;
    assert_eq!(status, 200);
    assert!(html.contains("zqxvhaku") && html.contains("Sökord (Suomi)"), "the preview and the diff show the change");
    // Published: search finds it at once, in Finnish, with no restart.
    let res = post(&vera, &csrf, &format!("/admin/content/services/{id}/versions/2/publish"), &[]).await;
    assert_eq!(to(&res, &vera.address), format!("/admin/content/services/{id}?saved=published"));
    let fi = app.html("/services?q=zqxvhaku", &[("cookie", "lang=fi")]).await;
    assert!(fi.contains("/services/bygglov"), "search sees the published change");
    // A title change is on the public page in Arabic too.
    let (_, mut form) = page_form(&app, "bygglov", &[("title_ar", "طلب رخصة بناء (محدث)")]).await;
    form.push(("action".into(), "publish".into()));
    post(&vera, &csrf, &format!("/admin/content/services/{id}"), &pairs(&form)).await;
    let ar = app.html("/services/bygglov", &[("cookie", "lang=ar")]).await;
    assert!(ar.contains("طلب رخصة بناء (محدث)"));
    // Reverted to the first version: the title is back.
    let res = post(&vera, &csrf, &format!("/admin/content/services/{id}/versions/1/revert"), &[]).await;
    assert_eq!(to(&res, &vera.address), format!("/admin/content/services/{id}?saved=reverted"));
    let ar = app.html("/services/bygglov", &[("cookie", "lang=ar")]).await;
    assert!(!ar.contains("(محدث)"));
    // Every step is in the audit trail.
    let (auditor, _) = as_user(&app, "ingrid").await;
    let (_, trail) = body(&auditor, "/admin/audit?object_type=service-page").await;
    for action in ["update", "publish", "revert"] {
        assert!(trail.contains(action), "{action} audited");
    }
}

async fn refused_input_comes_back_with_its_messages_and_nothing_lost(backend: Backend) {
    let app = spawn_app(backend).await;
    let (vera, csrf) = as_user(&app, "vera").await;
    // A missing Swedish title and a slug another page has: both named, the typed body kept.
    let (id, mut form) = page_form(&app, "bygglov", &[("title_sv", ""), ("slug", "rivningslov")]).await;
    form.retain(|(k, _)| k != "body_sv");
    form.push(("body_sv".into(), "Min nya text som inte får försvinna.".into()));
    form.push(("action".into(), "save".into()));
    let res = post(&vera, &csrf, &format!("/admin/content/services/{id}"), &pairs(&form)).await;
    assert_eq!(to(&res, &vera.address), format!("/admin/content/services/{id}#error-summary"));
    let (_, html) = body(&vera, &format!("/admin/content/services/{id}")).await;
    assert!(html.contains("Skriv en rubrik på svenska."), "{html}");
    assert!(html.contains("Min nya text som inte får försvinna."));
    // With a title the slug clash is the one problem left.
    let (_, mut form) = page_form(&app, "bygglov", &[("slug", "rivningslov")]).await;
    form.push(("action".into(), "save".into()));
    post(&vera, &csrf, &format!("/admin/content/services/{id}"), &pairs(&form)).await;
    let (_, html) = body(&vera, &format!("/admin/content/services/{id}")).await;
    assert!(html.contains("Adressen rivningslov används redan av en annan sida."));
    // A message window that ends before it starts.
    let form = [
        ("severity", "disruption"),
        ("valid_from", "2026-12-08T10:00"),
        ("valid_until", "2026-12-08T09:00"),
        ("title_sv", "Störning i bygglov"),
        ("body_sv", "Vi felsöker tjänsten."),
    ];
    let res = post(&vera, &csrf, "/admin/content/messages", &form).await;
    assert_eq!(to(&res, &vera.address), "/admin/content/messages/new#error-summary");
    let (_, html) = body(&vera, "/admin/content/messages/new").await;
    assert!(html.contains("måste vara efter tiden då det börjar") && html.contains("Vi felsöker tjänsten."));
}

/// What an attacker might type into an editor's field.
const HOSTILE: &str = "<script>alert('x')</script><img src=x onerror=alert(1)> [klicka](javascript:alert(2))";

async fn markup_typed_into_every_editor_field_is_inert(backend: Backend) {
    let app = spawn_app(backend).await;
    let (vera, csrf) = as_user(&app, "vera").await;
    let mut changes: Vec<(String, String)> = Vec::new();
    for lang in ["sv", "en", "fi", "ar"] {
        for field in ["title", "summary", "body", "who_may_use", "cost", "help", "keywords"] {
            changes.push((format!("{field}_{lang}"), format!("{field} {HOSTILE}")));
        }
    }
    changes.push(("provider_name".into(), format!("Utförare {HOSTILE}")));
    let borrowed: Vec<(&str, &str)> = changes.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (id, mut form) = page_form(&app, "skadedjur", &borrowed).await;
    // The body's javascript: link is refused at once…
    form.push(("action".into(), "publish".into()));
    let res = post(&vera, &csrf, &format!("/admin/content/services/{id}"), &pairs(&form)).await;
    assert!(to(&res, &vera.address).ends_with("#error-summary"));
    // …so an editor can only publish the rest; it is shown as the characters typed.
    for (k, v) in form.iter_mut() {
        if k.starts_with("body_") {
            *v = v.replace("(javascript:alert(2))", "(https://example.org)");
        }
    }
    let res = post(&vera, &csrf, &format!("/admin/content/services/{id}"), &pairs(&form)).await;
    assert_eq!(to(&res, &vera.address), format!("/admin/content/services/{id}?saved=published"));
    for lang in ["sv", "en", "fi", "ar"] {
        let html = app.html("/services/skadedjur", &[("cookie", &format!("lang={lang}"))]).await;
        assert!(!html.contains("<script>alert"), "{lang}: no script element");
        assert!(!html.contains("<img src=x"), "{lang}: no image element");
        assert!(!html.contains("href=\"javascript:"), "{lang}: no script link");
        assert!(html.contains("&lt;script&gt;alert"), "{lang}: shown as text");
        let search = app.html("/services?q=skadedjur", &[("cookie", &format!("lang={lang}"))]).await;
        assert!(!search.contains("<script>alert") && !search.contains("<img src=x"), "{lang}: search results too");
    }
}

async fn a_message_is_shown_in_its_window_on_the_start_page_and_the_service(backend: Backend) {
    let app = spawn_app(backend).await;
    let (vera, csrf) = as_user(&app, "vera").await;
    let now = app.clock.now();
    let local = |t: i64| stadsporten_domain::date::stockholm_local(t);
    let (from, until) = (local(now + 3600), local(now + 3 * 3600));
    let form = [
        ("severity", "disruption"),
        ("valid_from", from.as_str()),
        ("valid_until", until.as_str()),
        ("services", "bygglov"),
        ("districts", "SDFA"),
        ("title_sv", "Bygglovstjänsten är stängd för underhåll"),
        ("body_sv", "Du kan ansöka igen efter klockan 15."),
        ("title_fi", "Rakennuslupapalvelu on suljettu huollon ajaksi"),
        ("body_fi", "Voit hakea uudelleen kello 15 jälkeen."),
    ];
    let res = post(&vera, &csrf, "/admin/content/messages", &form).await;
    let edit = to(&res, &vera.address);
    assert!(edit.starts_with("/admin/content/messages/") && edit.ends_with("?saved=message"), "{edit}");
    let (_, start) = body(&vera, "/").await;
    assert!(!start.contains("Bygglovstjänsten är stängd"), "not before its window");
    app.clock.advance(3600 + 60);
    let (_, start) = body(&vera, "/").await;
    assert!(
        start.contains("Bygglovstjänsten är stängd") && start.contains("Farsta"),
        "on the start page, naming the district"
    );
    let (_, service) = body(&vera, "/services/bygglov").await;
    assert!(service.contains("Bygglovstjänsten är stängd"), "on the service it concerns");
    let (_, other) = body(&vera, "/services/rivningslov").await;
    assert!(!other.contains("Bygglovstjänsten är stängd"), "not on another service");
    let fi = vera.html("/services/bygglov", &[("cookie", "lang=fi")]).await;
    assert!(fi.contains("Rakennuslupapalvelu on suljettu"));
    let ar = vera.html("/services/bygglov", &[("cookie", "lang=ar")]).await;
    assert!(ar.contains("Bygglovstjänsten är stängd"), "Swedish where Arabic is missing");
    app.clock.advance(2 * 3600);
    // Signed in (Vera's session has idled out by now): a signed-in page is never served from the
    // anonymous page cache, whose pages live ten seconds of real time, not of the test's clock.
    let (anna, _) = as_user(&app, "anna").await;
    let (_, service) = body(&anna, "/services/bygglov").await;
    assert!(!service.contains("Bygglovstjänsten är stängd"), "gone after its window");
}

async fn only_the_content_editor_may_edit(backend: Backend) {
    let app = spawn_app(backend).await;
    let id = app.store.service_id_by_slug("bygglov").await.unwrap().unwrap();
    for persona in ["anna", "karin", "admin", "ingrid"] {
        let (user, csrf) = as_user(&app, persona).await;
        let (status, _) = body(&user, "/admin/content").await;
        assert_eq!(status, 403, "{persona} reads");
        let res = post(&user, &csrf, &format!("/admin/content/services/{id}/unpublish"), &[]).await;
        assert_eq!(res.status().as_u16(), 403, "{persona} writes");
    }
    let (status, _) = body(&app, "/admin/content").await;
    assert_eq!(status, 401);
    let (_, html) = body(&app, "/services/bygglov").await;
    assert!(html.contains("Ansök om bygglov"), "still published");
}

async fn every_start_link_leads_to_a_first_step_or_a_labelled_way_out(backend: Backend) {
    let app = spawn_app(backend).await;
    let (anna, csrf) = as_user(&app, "anna").await;
    let (erik, erik_csrf) = as_user(&app, "erik").await;
    let services = app.store.content_services().await.unwrap();
    assert!(services.len() >= 50);
    let (mut started, mut external) = (0, 0);
    for s in services.iter().filter(|s| s.published) {
        let (status, page) = body(&anna, &format!("/services/{}", s.slug)).await;
        assert_eq!(status, 200, "{}", s.slug);
        assert!(!page.contains("flyttar till Stadsporten"), "{}: no placeholder", s.slug);
        let start = format!("/services/{}/start", s.slug);
        if page.contains(&format!("href=\"{start}\"")) {
            let edit = app.store.service_edit(s.id).await.unwrap().unwrap();
            let organisation = app.store.live_definition(&s.slug).await.unwrap().is_some_and(|d| {
                d.definition.applicant == stadsporten_domain::eservice::definition::Applicant::Organisation
            });
            let (user, token) = if organisation { (&erik, &erik_csrf) } else { (&anna, &csrf) };
            let (status, html) = body(user, &start).await;
            assert_eq!(status, 200, "{}: start page", s.slug);
            assert!(html.contains("/api/apply/start") || html.contains("class=\"notice\""), "{}: {html}", s.slug);
            if html.contains("/api/apply/start") {
                let res = post(user, token, "/api/apply/start", &[("slug", &s.slug)]).await;
                let step = to(&res, &user.address);
                assert!(step.starts_with("/apply/"), "{}: {step}", s.slug);
                let (status, html) = body(user, &step).await;
                assert_eq!(status, 200, "{}: first step", s.slug);
                assert!(html.contains("<form"), "{}: a form", s.slug);
            }
            assert!(edit.published);
            started += 1;
        } else if page.contains("rel=\"external noopener\"") && page.contains("Du lämnar Stadsporten") {
            external += 1;
        } else {
            let (status, _) = body(&anna, &start).await;
            assert_eq!(status, 404, "{}: no start page when there is no e-service", s.slug);
        }
    }
    assert!(started >= 41, "every e-service starts: {started}");
    assert_eq!(external, 5, "the services other authorities run link out");
}

on_both_backends!(
    an_editor_publishes_a_change_residents_see_at_once,
    refused_input_comes_back_with_its_messages_and_nothing_lost,
    markup_typed_into_every_editor_field_is_inert,
    a_message_is_shown_in_its_window_on_the_start_page_and_the_service,
    only_the_content_editor_may_edit,
    every_start_link_leads_to_a_first_step_or_a_labelled_way_out
);
