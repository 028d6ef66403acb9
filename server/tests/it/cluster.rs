//! Two nodes behind a real load balancer (Debian's HAProxy, round robin) on one PostgreSQL, as
//! production runs several: a resident's journey whose requests alternate between the nodes, an
//! officer on one node deciding it, a change on one node seen on the other within a second, and
//! the outbox's e-mail sent once with both nodes' workers running.

use crate::mail::{delivered, smtp_server};
use crate::support::{as_user, body, spawn_app_with, test_settings, TestApp};
use secrecy::SecretString;
use stadsporten_db::{Backend, ChangedBy, FactsSaved};
use stadsporten_domain::compare::OpeningHours;
use stadsporten_domain::organisation::OrganisationNumber;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// HAProxy in the foreground with a generated configuration; stopped when dropped.
struct LoadBalancer {
    child: Child,
    stats: u16,
}

impl Drop for LoadBalancer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The configuration `scripts/cluster.sh` uses (deploy/haproxy.cfg), for these nodes.
fn load_balancer(port: u16, nodes: &[(&str, u16)]) -> LoadBalancer {
    let stats = free_port();
    let template = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../deploy/haproxy.cfg"))
        .expect("deploy/haproxy.cfg");
    let servers: String = nodes.iter().map(|(name, p)| format!("    server {name} 127.0.0.1:{p} check\n")).collect();
    let config = template
        .replace("${LISTEN}", &format!("127.0.0.1:{port}"))
        .replace("${STATS}", &format!("127.0.0.1:{stats}"))
        .replace("    ${SERVERS}\n", &servers);
    let path = std::env::temp_dir().join(format!("stadsporten-haproxy-{}.cfg", uuid::Uuid::new_v4().simple()));
    std::fs::write(&path, config).unwrap();
    let child = Command::new("haproxy")
        .arg("-db")
        .arg("-f")
        .arg(&path)
        .spawn()
        .unwrap_or_else(|e| panic!("HAProxy is required for the cluster test (scripts/setup.sh installs it): {e}"));
    LoadBalancer { child, stats }
}

impl LoadBalancer {
    /// Requests each server has answered (HAProxy's own count, `stot`).
    async fn served(&self) -> Vec<(String, u64)> {
        let csv =
            reqwest::get(format!("http://127.0.0.1:{}/stats;csv", self.stats)).await.unwrap().text().await.unwrap();
        csv.lines()
            .filter(|l| l.starts_with("nodes,") && !l.starts_with("nodes,BACKEND"))
            .filter_map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                Some((f.get(1)?.to_string(), f.get(7)?.parse().ok()?))
            })
            .collect()
    }
}

#[tokio::test]
async fn two_nodes_behind_a_load_balancer_are_one_service() {
    let smtp = smtp_server().await;
    let lb_port = free_port();
    let lb = format!("http://127.0.0.1:{lb_port}");
    let mut settings = test_settings(Backend::Postgres).await;
    settings.auth.public_url = lb.clone();
    settings.mail.smtp_url = SecretString::from(format!("smtp://127.0.0.1:{}", smtp.port));
    settings.server.trusted_proxies = "127.0.0.1".into();
    let mut nodes = Vec::new();
    for name in ["a", "b"] {
        let mut s = settings.clone();
        s.server.node_name = name.into();
        // A folder of its own: files must reach the other node through the database.
        s.eservices.upload_folder = std::env::temp_dir()
            .join(format!("stadsporten-node-{}", uuid::Uuid::new_v4().simple()))
            .display()
            .to_string();
        nodes.push(spawn_app_with(s).await);
    }
    let port = |app: &TestApp| app.address.rsplit(':').next().unwrap().parse::<u16>().unwrap();
    let _balancer = load_balancer(lb_port, &[("a", port(&nodes[0])), ("b", port(&nodes[1]))]);
    let balancer = &_balancer;
    let started = Instant::now();
    while reqwest::get(format!("{lb}/healthz")).await.map(|r| r.status() != 200).unwrap_or(true) {
        assert!(started.elapsed() < Duration::from_secs(10), "the load balancer answers");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Round robin: consecutive requests go to one node, then the other.
    let mut seen = Vec::new();
    for _ in 0..4 {
        let res = reqwest::get(format!("{lb}/healthz")).await.unwrap();
        seen.push(res.headers()["x-served-by"].to_str().unwrap().to_owned());
    }
    assert!(seen.windows(2).all(|w| w[0] != w[1]), "requests alternate: {seen:?}");

    // Anna's whole journey through the load balancer: sign-in, steps, an upload, submission.
    let via_lb = TestApp {
        address: lb.clone(),
        client: crate::support::browser(&lb),
        store: nodes[0].store.clone(),
        clock: nodes[0].clock.clone(),
    };
    let before = balancer.served().await;
    let (anna, _csrf, _token, id) = crate::eservices::anna_applies(&via_lb).await;
    let after = balancer.served().await;
    let during: Vec<u64> = after.iter().zip(&before).map(|(a, b)| a.1 - b.1).collect();
    assert!(during.len() == 2 && during.iter().all(|n| *n >= 5), "both nodes served the journey: {during:?}");
    let (status, receipt) = body(&anna, &format!("/my/cases/{id}/receipt")).await;
    assert_eq!(status, 200, "{receipt}");
    // The file she uploaded (through whichever node) is read through each node directly.
    let case = nodes[1].store.case_record(id).await.unwrap().unwrap();
    let files = nodes[1].store.attachments_of_case(case.id).await.unwrap();
    assert_eq!(files.len(), 1);
    let (karin, csrf) = as_user(&via_lb, "karin").await;
    for node in &nodes {
        let res = karin.client.get(format!("{}/files/{}", node.address, files[0].id)).send().await.unwrap();
        assert_eq!(res.status(), 200, "the file is readable on node {}", node.address);
        assert!(res.bytes().await.unwrap().starts_with(b"%PDF"));
    }

    // Karin decides it on node b, with the session she signed in with through the balancer.
    let act = |action: &'static str, extra: Vec<(&'static str, String)>| {
        let (karin, csrf, b) = (&karin, csrf.clone(), nodes[1].address.clone());
        let lb_host = format!("127.0.0.1:{lb_port}");
        async move {
            let mut form: Vec<(&str, String)> =
                vec![("case_id", id.to_string()), ("action", action.into()), ("csrf", csrf)];
            form.extend(extra);
            // Straight to node b, with the Host the load balancer passes on (the public one).
            let host = lb_host.clone();
            let res = karin
                .client
                .post(format!("{b}/api/officer/act"))
                .header("host", host)
                .form(&form)
                .send()
                .await
                .expect("act");
            assert_eq!(res.headers()["x-served-by"], "b");
            crate::support::to(&res, &b)
        }
    };
    assert_eq!(act("start", vec![]).await, format!("/officer/cases/{id}?saved=start"));
    let motivation = "Lo erbjuds plats på Förskolan Ekorren från 16 augusti.".to_owned();
    assert_eq!(
        act(
            "decide",
            vec![
                ("outcome", "approved".into()),
                ("motivation", motivation),
                ("offer_what", "Förskolan Ekorren, avdelning Blå".into()),
                ("offer_starts", "2027-08-16".into()),
            ]
        )
        .await,
        format!("/officer/cases/{id}?saved=decide")
    );
    // Anna sees the decision on node a.
    let res = anna.client.get(format!("{}/my/cases/{id}", nodes[0].address)).send().await.unwrap();
    assert_eq!(res.headers()["x-served-by"], "a");
    assert!(res.text().await.unwrap().contains("Beslutad: Bifall"));

    // A change on node a is on node b's (cached) page within a second.
    let org = OrganisationNumber::parse("559234-5671").unwrap();
    let unit = nodes[0].store.units_of_organisation(&org).await.unwrap().remove(0).record;
    let page = format!("{}/compare/units/{}", nodes[1].address, unit.id.as_str());
    let anonymous = reqwest::Client::new();
    let first = anonymous.get(&page).send().await.unwrap().text().await.unwrap();
    assert!(!first.contains("05:45"));
    let again = anonymous.get(&page).send().await.unwrap();
    assert!(again.headers().contains_key("etag"), "kept in node b's page cache");
    let maja = nodes[0].store.user_by_persona("maja").await.unwrap().unwrap().id;
    let mut facts = unit.facts.clone();
    facts.hours = OpeningHours::parse("05:45-18:30", false).unwrap();
    let saved = nodes[0].store.save_unit_facts(&unit.id, &facts, maja, ChangedBy::Provider, nodes[0].clock.now()).await;
    assert!(matches!(saved, Ok(FactsSaved::Saved(_))), "{saved:?}");
    let changed = Instant::now();
    loop {
        let html = anonymous.get(&page).send().await.unwrap().text().await.unwrap();
        if html.contains("05:45") {
            break;
        }
        assert!(changed.elapsed() < Duration::from_secs(1), "node b shows the change within a second");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // An editor publishes on node a: node b's search finds the new text within seconds (two at
    // most here, on a loaded CI machine; the notice reloads the other node's search snapshot).
    let vera = nodes[0].store.user_by_persona("vera").await.unwrap().unwrap().id;
    let page_id = nodes[0].store.service_id_by_slug("bygglov").await.unwrap().unwrap();
    let mut content = nodes[0].store.service_edit(page_id).await.unwrap().unwrap().latest;
    content.texts.get_mut("sv").unwrap().keywords.push_str(" zqxvklusterord");
    let number = nodes[0]
        .store
        .save_service_version(page_id, &content, (vera, "Vera Lind"), nodes[0].clock.now())
        .await
        .unwrap();
    nodes[0].store.publish_service_version(page_id, number, None, nodes[0].clock.now()).await.unwrap();
    let published = Instant::now();
    loop {
        let url = format!("{}/services?q=zqxvklusterord", nodes[1].address);
        let html = anonymous.get(&url).send().await.unwrap().text().await.unwrap();
        if html.contains("/services/bygglov") {
            break;
        }
        assert!(published.elapsed() < Duration::from_secs(2), "node b's search sees the publication within seconds");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // The outbox: both nodes' workers run; each notification is delivered once.
    let started = Instant::now();
    loop {
        let outbox = nodes[0].store.outbox(100).await.unwrap();
        let mine: Vec<_> = outbox.iter().filter(|o| o.case_id == Some(id)).collect();
        if mine.len() >= 2 && mine.iter().all(|o| o.status == "sent") {
            assert!(mine.iter().all(|o| o.attempts == 1), "each notification was sent once");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "the notifications were sent: {mine:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let mails = delivered(&smtp.maildir);
    let mut sent: Vec<String> = mails
        .iter()
        .map(|m| {
            let header = |name: &str| m.lines().find(|l| l.starts_with(name)).unwrap_or_default().to_owned();
            format!("{} {}", header("To:"), header("Subject:"))
        })
        .collect();
    let total = sent.len();
    assert!(total >= 2, "the receipt and the decision were mailed: {sent:?}");
    sent.sort();
    sent.dedup();
    assert_eq!(sent.len(), total, "no mail was delivered twice");
}
