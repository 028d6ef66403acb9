//! The business guide over HTTP, as a browser without JavaScript, on both backends: the
//! restaurant walked page by page by following the forms, a page sent unanswered, a changed answer,
//! contradictions, the catch-all, a stale link, the checklist, and Arabic.

use crate::support::{spawn_app, TestApp};
use stadsporten_db::{on_both_backends, Backend};
use stadsporten_domain::catalogue::encode_component;

on_both_backends!(
    a_restaurant_with_alcohol_outdoor_seating_and_a_sign_gets_five_permits,
    the_guide_explains_what_it_cannot_use,
);

const RESTAURANT: &[(&str, &str)] = &[
    ("activity", "restaurant"),
    ("district", "sodermalm"),
    ("address", "Götgatan 12"),
    ("food", "yes"),
    ("alcohol", "yes"),
    ("alcohol_until", "0100"),
    ("outdoor_seating", "yes"),
    ("sign", "yes"),
    ("flammable", "no"),
    ("music", "background"),
    ("tobacco", "no"),
];

fn unescape(s: &str) -> String {
    s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#x27;", "'").replace("&#39;", "'")
}

/// The value of `attr="…"` in a tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let rest = tag.split(&format!(" {name}=\"")).nth(1)?;
    Some(unescape(rest.split('"').next()?))
}

type Pairs = Vec<(String, String)>;

/// The guide form's hidden fields and the ids of the questions it asks.
fn guide_form(html: &str) -> Option<(Pairs, Vec<String>)> {
    let form = html.split("class=\"guide-form\"").nth(1)?.split("</form>").next()?;
    let mut hidden = Vec::new();
    let mut asked = Vec::new();
    for tag in form.split("<input").skip(1).map(|t| t.split('>').next().unwrap_or("")) {
        let name = attr(tag, "name").unwrap_or_default();
        if tag.contains("type=\"hidden\"") {
            hidden.push((name, attr(tag, "value").unwrap_or_default()));
        } else if !asked.contains(&name) {
            asked.push(name);
        }
    }
    Some((hidden, asked))
}

fn query(pairs: &[(String, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect::<Vec<_>>().join("&")
}

/// Answers page after page from `answers`, as a browser sending the GET form would; returns the
/// last page and how many pages of questions were shown.
async fn walk(app: &TestApp, answers: &[(&str, &str)], lang: &str) -> (String, usize) {
    let (status, mut html) = app.page("/business", lang).await;
    assert_eq!(status, 200);
    let mut pages = 0;
    while let Some((mut pairs, asked)) = guide_form(&html) {
        pages += 1;
        assert!(pages < 12, "the guide must end");
        for q in &asked {
            let (_, v) = answers.iter().find(|(k, _)| k == q).unwrap_or_else(|| panic!("asked {q}"));
            pairs.push((q.clone(), (*v).to_owned()));
        }
        let (status, next) = app.page(&format!("/business?{}", query(&pairs)), lang).await;
        assert_eq!(status, 200);
        html = next;
    }
    (html, pages)
}

async fn a_restaurant_with_alcohol_outdoor_seating_and_a_sign_gets_five_permits(backend: Backend) {
    let app = spawn_app(backend).await;
    let (html, pages) = walk(&app, RESTAURANT, "sv").await;
    assert!(pages >= 3, "questions come page by page, later ones after the answers they depend on");
    assert!(html.contains("Verksamheten behöver 5 tillstånd och anmälningar"), "{html}");
    let order: Vec<usize> = [
        "Registrering av livsmedelsanläggning",
        "Serveringstillstånd",
        "Uteservering på offentlig plats",
        "Polistillstånd att använda offentlig plats",
        "Skyltlov",
    ]
    .iter()
    .map(|name| html.find(&format!("<h3>{name}</h3>")).unwrap_or_else(|| panic!("{name} listed")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "in dependency order");
    assert!(!html.contains("Tillstånd för brandfarlig vara"), "no flammable goods asked for");
    assert!(html.contains("Väntar på: Registrering av livsmedelsanläggning"), "the dependency is shown");
    assert!(html.contains("Polisen (staden skickar din ansökan vidare)"), "the police decide, the city forwards");
    assert!(html.contains("Planritning över lokalen"), "documents named");
    assert!(html.contains("(enligt lag)") && html.contains("(stadens löfte)"));
    assert!(html.contains("href=\"/services/serveringstillstand\""), "links to the catalogue's service");
    assert!(html.contains("Dina svar") && html.contains("Götgatan 12"));

    // The printable checklist of the same answers.
    let link = html.split("href=\"/business/checklist?").nth(1).unwrap().split('"').next().unwrap();
    let (status, list) = app.page(&format!("/business/checklist?{}", unescape(link)), "sv").await;
    assert_eq!(status, 200);
    assert!(list.contains("<h1>Checklista för tillstånd</h1>"));
    assert!(list.contains("5 tillstånd och anmälningar att söka"));
    assert!(list.contains("☐"));

    // Changing an answer asks it again with the earlier value chosen, and the rest is kept.
    let change =
        html.split("href=\"/business?").find(|s| s.split('"').next().unwrap().contains("change=sign")).unwrap();
    let change = unescape(change.split('"').next().unwrap());
    let (_, page) = app.page(&format!("/business?{change}"), "sv").await;
    let (hidden, asked) = guide_form(&page).expect("asked again");
    assert_eq!(asked, ["sign"]);
    assert!(hidden.iter().any(|(k, v)| k == "alcohol_until" && v == "0100"));
    assert!(page.contains("name=\"sign\" value=\"yes\" checked"), "the earlier answer is chosen");
    let mut pairs = hidden;
    pairs.push(("sign".into(), "no".into()));
    let (_, four) = app.page(&format!("/business?{}", query(&pairs)), "sv").await;
    assert!(four.contains("Verksamheten behöver 4 tillstånd och anmälningar"));
    assert!(!four.contains("<h3>Skyltlov</h3>"));

    // Arabic, right to left, with the same five.
    let (html, _) = walk(&app, RESTAURANT, "ar").await;
    assert!(html.contains("dir=\"rtl\""));
    assert!(html.contains("<h3>ترخيص تقديم الكحول</h3>"));
    assert!(html.contains("بانتظار: تسجيل منشأة غذائية"));
}

async fn the_guide_explains_what_it_cannot_use(backend: Backend) {
    let app = spawn_app(backend).await;
    // A page sent without an answer says which question, beside it and in a summary.
    let (status, html) = app.page("/business?asked=activity", "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("class=\"error-summary\""));
    assert!(html.contains("Svara på frågan: Vad ska verksamheten göra?"));
    assert!(html.contains("href=\"#q-activity\""));

    // An unknown activity goes to the business guide team.
    let (_, html) = app.page("/business?activity=other", "sv").await;
    assert!(html.contains("Vi hjälper dig personligen"));
    assert!(html.contains("href=\"/services/foretagslots\""));

    // Contradictory answers are explained with links to change them, not guessed past.
    let mut pairs: Vec<(String, String)> = RESTAURANT.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    for (k, v) in pairs.iter_mut() {
        if k == "food" {
            *v = "no".into();
        }
    }
    let (status, html) = app.page(&format!("/business?{}", query(&pairs)), "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("Några svar går inte ihop"));
    assert!(html.contains("hanterar alltid livsmedel"));
    assert!(html.contains("change=food"));
    assert!(!html.contains("class=\"permit-list\""), "no checklist from contradictory answers");

    // A stale or hand-edited link: unknown answers are left out with a notice; the rest works.
    let (status, html) = app.page("/business?activity=restaurant&colour=blue&food=maybe", "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("Några svar i länken kände vi inte igen"));
    assert!(html.contains("class=\"guide-form\""));
    let (status, html) = app.page("/business?activity=%ZZ", "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("Adressen gick inte att läsa"));

    // The checklist before the guide is done leads back to it.
    let (status, html) = app.page("/business/checklist?activity=restaurant", "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("Checklistan visas när du har svarat"));
}
