//! The editors' side of the catalogue: service pages as versions, publication now or on a
//! schedule, unpublishing, revert, review dates; operating messages with their targets; the
//! accessibility statement's known shortcomings.
//!
//! Policy:
//! - What residents see is `services` and `service_translations` (read by `catalogue.rs`); a
//!   version is copied there only when it is published. A version is never changed after it is
//!   saved (only its schedule and publication time are set), so a diff or a revert is exact.
//! - The first edit of a page published before versions were kept saves that page as version 1
//!   (the baseline, with no author), so the first change can be diffed and reverted too.
//! - Every write here commits its audit entry with it (the caller's `Store::audited` handle);
//!   what residents see changes at once on this node (the search snapshot is rebuilt before the
//!   method returns) and on the others through the content notice (migrations 0012 and 0013).
//! - Publishing a version cancels the schedule of older versions of the page, so a scheduled
//!   older text can never overwrite a newer published one.

use crate::changes::Topic;
use crate::{DbError, Result, Store};
use sqlx::any::AnyRow;
use sqlx::Row;
use stadsporten_domain::content::{MessageContent, ServiceContent, ServiceTexts, ShortcomingContent, Start};
use stadsporten_domain::{Lang, Severity, UserId};
use std::collections::BTreeMap;

/// A service page in the editors' list.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentServiceRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub published: bool,
    pub last_reviewed: String,
    /// The newest version, when it is newer than what is published (a draft or scheduled).
    pub pending: Option<i64>,
    /// When the pending version is scheduled to go live.
    pub scheduled: Option<i64>,
    pub languages: Vec<Lang>,
}

/// One saved version of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionRow {
    pub number: i64,
    /// `None`: the baseline, published before versions were kept.
    pub author: Option<String>,
    pub created_at: i64,
    pub publish_at: Option<i64>,
    pub published_at: Option<i64>,
}

/// A page as the editor opens it.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceEdit {
    pub id: i64,
    pub published: bool,
    pub last_reviewed: String,
    /// What residents see now (or would, for an unpublished page).
    pub live: ServiceContent,
    /// The newest version (what the form shows), or the live page when none was saved.
    pub latest: ServiceContent,
    pub versions: Vec<VersionRow>,
}

/// An operating message in the editors' list and form.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageRow {
    pub id: i64,
    pub content: MessageContent,
    pub updated_by: Option<String>,
    pub updated_at: Option<i64>,
}

/// A known accessibility shortcoming, all languages.
#[derive(Debug, Clone, PartialEq)]
pub struct ShortcomingRow {
    pub id: i64,
    pub content: ShortcomingContent,
}

/// A shortcoming in one language (Swedish when missing), for the statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortcoming {
    pub title: String,
    pub body: String,
    pub fix_by: Option<String>,
    pub content_lang: Lang,
}

fn corrupt(what: &str, value: impl std::fmt::Display) -> DbError {
    DbError::CorruptRow(format!("{what}: {value}"))
}

fn version_row(row: &AnyRow) -> Result<VersionRow> {
    Ok(VersionRow {
        number: row.try_get("number")?,
        author: row.try_get::<Option<i64>, _>("author_id")?.map(|_| ()).map_or_else(
            || row.try_get::<String, _>("author_name").map(|n| (!n.is_empty()).then_some(n)),
            |()| row.try_get::<String, _>("author_name").map(Some),
        )?,
        created_at: row.try_get("created_at")?,
        publish_at: row.try_get("publish_at")?,
        published_at: row.try_get("published_at")?,
    })
}

fn parse_content(raw: &str, id: i64) -> Result<ServiceContent> {
    serde_json::from_str(raw).map_err(|_| corrupt("service version", id))
}

/// The page as residents see it now, from the public tables.
async fn live_content(conn: &mut sqlx::AnyConnection, id: i64) -> Result<Option<(ServiceContent, bool, String)>> {
    let Some(row) = sqlx::query(
        "select slug, situation, for_residents, for_businesses, provider_kind, provider_name, channels, \
         handling_days, has_e_service, phone, external_url, contact_email, published, last_reviewed \
         from services where id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let mut audiences = Vec::new();
    if row.try_get::<i64, _>("for_residents")? != 0 {
        audiences.push("privatperson".to_owned());
    }
    if row.try_get::<i64, _>("for_businesses")? != 0 {
        audiences.push("foretag".to_owned());
    }
    let external_url: Option<String> = row.try_get("external_url")?;
    let start = match (&external_url, row.try_get::<i64, _>("has_e_service")? != 0) {
        (Some(u), _) if !u.is_empty() => Start::External,
        (_, true) => Start::EService,
        _ => Start::None,
    };
    let channels: String = row.try_get("channels")?;
    let mut texts = BTreeMap::new();
    for t in sqlx::query(
        "select lang, title, summary, body, who_may_use, cost, help, keywords from service_translations \
         where service_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    {
        texts.insert(
            t.try_get::<String, _>("lang")?,
            ServiceTexts {
                title: t.try_get("title")?,
                summary: t.try_get("summary")?,
                body: t.try_get("body")?,
                who_may_use: t.try_get("who_may_use")?,
                cost: t.try_get("cost")?,
                help: t.try_get("help")?,
                keywords: t.try_get("keywords")?,
            },
        );
    }
    let content = ServiceContent {
        slug: row.try_get("slug")?,
        situation: row.try_get("situation")?,
        audiences,
        provider_kind: row.try_get("provider_kind")?,
        provider_name: row.try_get("provider_name")?,
        channels: channels.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect(),
        handling_days: row.try_get::<Option<i64>, _>("handling_days")?.and_then(|d| u32::try_from(d).ok()),
        phone: row.try_get::<Option<String>, _>("phone")?.unwrap_or_default(),
        contact_email: row.try_get::<Option<String>, _>("contact_email")?.unwrap_or_default(),
        start,
        external_url: external_url.unwrap_or_default(),
        texts,
    };
    Ok(Some((content, row.try_get::<i64, _>("published")? != 0, row.try_get("last_reviewed")?)))
}

/// Whether another service has this slug.
async fn slug_taken(conn: &mut sqlx::AnyConnection, slug: &str, not_id: i64) -> Result<bool> {
    Ok(sqlx::query("select id from services where slug = $1 and id <> $2")
        .bind(slug)
        .bind(not_id)
        .fetch_optional(&mut *conn)
        .await?
        .is_some())
}

/// Copies `c` to what residents see.
async fn apply(conn: &mut sqlx::AnyConnection, id: i64, c: &ServiceContent) -> Result<()> {
    if slug_taken(conn, &c.slug, id).await? {
        return Err(DbError::Conflict);
    }
    sqlx::query(
        "update services set slug = $1, situation = $2, for_residents = $3, for_businesses = $4, \
         provider_kind = $5, provider_name = $6, channels = $7, handling_days = $8, has_e_service = $9, \
         phone = $10, external_url = $11, contact_email = $12, published = 1 where id = $13",
    )
    .bind(&c.slug)
    .bind(&c.situation)
    .bind(i64::from(c.audiences.iter().any(|a| a == "privatperson")))
    .bind(i64::from(c.audiences.iter().any(|a| a == "foretag")))
    .bind(&c.provider_kind)
    .bind(&c.provider_name)
    .bind(c.channels.join(","))
    .bind(c.handling_days.map(i64::from))
    .bind(i64::from(c.start == Start::EService))
    .bind((!c.phone.is_empty()).then_some(c.phone.as_str()))
    .bind((c.start == Start::External).then_some(c.external_url.as_str()))
    .bind((!c.contact_email.is_empty()).then_some(c.contact_email.as_str()))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("delete from service_translations where service_id = $1").bind(id).execute(&mut *conn).await?;
    for (lang, t) in c.texts.iter().filter(|(_, t)| !t.title.is_empty()) {
        insert_texts(conn, id, lang, t).await?;
    }
    Ok(())
}

/// One language's texts of a service as residents read them (the editors' publication and the
/// demo seed both write them here).
pub(crate) async fn insert_texts(conn: &mut sqlx::AnyConnection, id: i64, lang: &str, t: &ServiceTexts) -> Result<()> {
    sqlx::query(
        "insert into service_translations (service_id, lang, title, summary, body, who_may_use, cost, help, keywords) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(lang)
    .bind(&t.title)
    .bind(&t.summary)
    .bind(&t.body)
    .bind(&t.who_may_use)
    .bind(&t.cost)
    .bind(&t.help)
    .bind(&t.keywords)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The next version number of a page, saving the live page as the baseline first when the page
/// has no versions yet.
async fn next_number(conn: &mut sqlx::AnyConnection, id: i64, now: i64) -> Result<i64> {
    let newest: Option<i64> = sqlx::query("select max(number) as n from service_versions where service_id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?
        .try_get("n")?;
    if let Some(n) = newest {
        return Ok(n + 1);
    }
    let Some((live, published, _)) = live_content(conn, id).await? else { return Err(DbError::NotFound) };
    // A page created in the editor has no texts until its first version; nothing to keep.
    if live.texts.is_empty() {
        return Ok(1);
    }
    sqlx::query(
        "insert into service_versions (service_id, number, content, author_id, author_name, created_at, published_at) \
         values ($1, 1, $2, null, '', $3, $4)",
    )
    .bind(id)
    .bind(serde_json::to_string(&live).map_err(|_| corrupt("service content", id))?)
    .bind(now)
    .bind(published.then_some(now))
    .execute(&mut *conn)
    .await?;
    Ok(2)
}

async fn insert_version(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    number: i64,
    c: &ServiceContent,
    author: (UserId, &str),
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into service_versions (service_id, number, content, author_id, author_name, created_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(number)
    .bind(serde_json::to_string(c).map_err(|_| corrupt("service content", id))?)
    .bind(author.0)
    .bind(author.1)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn version_content(conn: &mut sqlx::AnyConnection, id: i64, number: i64) -> Result<Option<ServiceContent>> {
    let row = sqlx::query("select content from service_versions where service_id = $1 and number = $2")
        .bind(id)
        .bind(number)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| parse_content(&r.try_get::<String, _>("content")?, id)).transpose()
}

/// Marks `number` published now and cancels older versions' schedules.
async fn mark_published(conn: &mut sqlx::AnyConnection, id: i64, number: i64, now: i64) -> Result<()> {
    sqlx::query(
        "update service_versions set published_at = $1, publish_at = null where service_id = $2 and number = $3",
    )
    .bind(now)
    .bind(id)
    .bind(number)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "update service_versions set publish_at = null \
         where service_id = $1 and number < $2 and published_at is null and publish_at is not null",
    )
    .bind(id)
    .bind(number)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Store {
    /// Rebuilds this node's view of the content after a commit: the search snapshot now, every
    /// other cache at its next read.
    async fn content_changed(&self) -> Result<()> {
        self.changed(Topic::Content);
        self.refresh_catalogue().await?;
        self.changed(Topic::Content);
        Ok(())
    }

    /// Every service page, published or not, by Swedish title.
    pub async fn content_services(&self) -> Result<Vec<ContentServiceRow>> {
        let rows = sqlx::query(
            "select s.id, s.slug, s.published, s.last_reviewed, \
             (select t.title from service_translations t where t.service_id = s.id and t.lang = 'sv') as title, \
             (select max(v.number) from service_versions v where v.service_id = s.id) as newest, \
             (select max(v.number) from service_versions v where v.service_id = s.id and v.published_at is not null) as live, \
             (select min(v.publish_at) from service_versions v where v.service_id = s.id and v.published_at is null) as scheduled \
             from services s",
        )
        .fetch_all(&self.pool)
        .await?;
        let langs = sqlx::query("select service_id, lang from service_translations").fetch_all(&self.pool).await?;
        let mut by_service: BTreeMap<i64, Vec<Lang>> = BTreeMap::new();
        for r in &langs {
            if let Some(l) = Lang::parse(&r.try_get::<String, _>("lang")?) {
                by_service.entry(r.try_get("service_id")?).or_default().push(l);
            }
        }
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let id: i64 = r.try_get("id")?;
            let newest: Option<i64> = r.try_get("newest")?;
            let live: Option<i64> = r.try_get("live")?;
            let mut languages = by_service.remove(&id).unwrap_or_default();
            languages.sort_by_key(|l| Lang::ALL.iter().position(|x| x == l));
            out.push(ContentServiceRow {
                id,
                slug: r.try_get("slug")?,
                title: r.try_get::<Option<String>, _>("title")?.unwrap_or_default(),
                published: r.try_get::<i64, _>("published")? != 0,
                last_reviewed: r.try_get("last_reviewed")?,
                pending: newest.filter(|n| live.is_none_or(|l| n > &l)),
                scheduled: r.try_get("scheduled")?,
                languages,
            });
        }
        out.sort_by_cached_key(|r| {
            stadsporten_domain::search::swedish_order(if r.title.is_empty() { &r.slug } else { &r.title })
        });
        Ok(out)
    }

    /// A page with its versions, newest first. `None` when there is no such page.
    pub async fn service_edit(&self, id: i64) -> Result<Option<ServiceEdit>> {
        let mut conn = self.pool.acquire().await?;
        let Some((live, published, last_reviewed)) = live_content(&mut conn, id).await? else { return Ok(None) };
        let versions = sqlx::query(
            "select number, author_id, author_name, created_at, publish_at, published_at from service_versions \
             where service_id = $1 order by number desc",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(version_row)
        .collect::<Result<Vec<_>>>()?;
        let latest = match versions.first() {
            Some(v) => version_content(&mut conn, id, v.number).await?.ok_or(DbError::NotFound)?,
            None => live.clone(),
        };
        Ok(Some(ServiceEdit { id, published, last_reviewed, live, latest, versions }))
    }

    /// One version of a page.
    pub async fn service_version(&self, id: i64, number: i64) -> Result<Option<ServiceContent>> {
        let mut conn = self.pool.acquire().await?;
        version_content(&mut conn, id, number).await
    }

    /// The id of the page with this slug, published or not.
    pub async fn service_id_by_slug(&self, slug: &str) -> Result<Option<i64>> {
        Ok(sqlx::query("select id from services where slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get("id"))
            .transpose()?)
    }

    /// A new page, unpublished, with `c` as its version 1. `Conflict` when the slug is taken.
    pub async fn create_service(
        &self,
        c: &ServiceContent,
        author: (UserId, &str),
        today: &str,
        now: i64,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        if slug_taken(&mut tx, &c.slug, -1).await? {
            tx.rollback().await?;
            return Err(DbError::Conflict);
        }
        let id: i64 = sqlx::query(
            "insert into services (slug, situation, for_residents, for_businesses, provider_kind, provider_name, \
             channels, handling_days, has_e_service, monthly_users, last_reviewed, published) \
             values ($1, $2, 0, 0, $3, $4, '', null, 0, 0, $5, 0) returning id",
        )
        .bind(&c.slug)
        .bind(&c.situation)
        .bind(&c.provider_kind)
        .bind(&c.provider_name)
        .bind(today)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        insert_version(&mut tx, id, 1, c, author, now).await?;
        tx.audit_object(id);
        tx.audit_reason("version 1");
        tx.commit().await?;
        Ok(id)
    }

    /// Saves `c` as the page's next version (a draft: residents see nothing yet). Returns its
    /// number. `Conflict` when another page has the slug; `NotFound` when the page is gone.
    pub async fn save_service_version(
        &self,
        id: i64,
        c: &ServiceContent,
        author: (UserId, &str),
        now: i64,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        if slug_taken(&mut tx, &c.slug, id).await? {
            tx.rollback().await?;
            return Err(DbError::Conflict);
        }
        let number = match next_number(&mut tx, id, now).await {
            Ok(n) => n,
            Err(e) => {
                tx.rollback().await?;
                return Err(e);
            }
        };
        insert_version(&mut tx, id, number, c, author, now).await?;
        tx.audit_reason(format!("version {number}"));
        tx.commit().await?;
        Ok(number)
    }

    /// Publishes version `number` now, or schedules it for `at` when that is later than `now`.
    pub async fn publish_service_version(&self, id: i64, number: i64, at: Option<i64>, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let Some(content) = version_content(&mut tx, id, number).await? else {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        };
        if let Some(at) = at.filter(|at| *at > now) {
            sqlx::query("update service_versions set publish_at = $1 where service_id = $2 and number = $3")
                .bind(at)
                .bind(id)
                .bind(number)
                .execute(&mut *tx)
                .await?;
            tx.audit_reason(format!("version {number} scheduled for {at}"));
            tx.commit().await?;
            return Ok(());
        }
        // Only a draft newer than every published version goes live here; an older one is
        // published again through a revert, as a new version, so the history never changes.
        let newest_published: Option<i64> = sqlx::query(
            "select max(number) as n from service_versions where service_id = $1 and published_at is not null",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("n")?;
        let this_published: Option<i64> =
            sqlx::query("select published_at from service_versions where service_id = $1 and number = $2")
                .bind(id)
                .bind(number)
                .fetch_one(&mut *tx)
                .await?
                .try_get("published_at")?;
        if this_published.is_some() || newest_published.is_some_and(|n| n > number) {
            tx.rollback().await?;
            return Err(DbError::Conflict);
        }
        if let Err(e) = apply(&mut tx, id, &content).await {
            tx.rollback().await?;
            return Err(e);
        }
        mark_published(&mut tx, id, number, now).await?;
        tx.audit_reason(format!("version {number}"));
        tx.commit().await?;
        self.content_changed().await
    }

    /// Cancels a version's scheduled publication.
    pub async fn cancel_schedule(&self, id: i64, number: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "update service_versions set publish_at = null where service_id = $1 and number = $2 and published_at is null",
        )
        .bind(id)
        .bind(number)
        .execute(&mut *tx)
        .await?;
        tx.audit_reason(format!("version {number} schedule cancelled"));
        tx.commit().await
    }

    /// Takes a page away from residents (search, lists, its page); its versions stay.
    pub async fn unpublish_service(&self, id: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("update services set published = 0 where id = $1").bind(id).execute(&mut *tx).await?;
        if n.rows_affected() == 0 {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        }
        // A scheduled version would bring the page back unasked: unpublishing cancels it.
        sqlx::query("update service_versions set publish_at = null where service_id = $1 and published_at is null")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.content_changed().await
    }

    /// Publishes the content of version `number` again, as a new version. Returns its number.
    pub async fn revert_service(&self, id: i64, number: i64, author: (UserId, &str), now: i64) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let Some(content) = version_content(&mut tx, id, number).await? else {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        };
        // What was once published, only: a draft is published, not reverted to.
        let was_published: Option<i64> =
            sqlx::query("select published_at from service_versions where service_id = $1 and number = $2")
                .bind(id)
                .bind(number)
                .fetch_one(&mut *tx)
                .await?
                .try_get("published_at")?;
        if was_published.is_none() {
            tx.rollback().await?;
            return Err(DbError::Conflict);
        }
        let new = next_number(&mut tx, id, now).await?;
        insert_version(&mut tx, id, new, &content, author, now).await?;
        if let Err(e) = apply(&mut tx, id, &content).await {
            tx.rollback().await?;
            return Err(e);
        }
        mark_published(&mut tx, id, new, now).await?;
        tx.audit_reason(format!("version {number} published again as version {new}"));
        tx.commit().await?;
        self.content_changed().await?;
        Ok(new)
    }

    /// Records that an editor has checked the page is still true.
    pub async fn mark_service_reviewed(&self, id: i64, today: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("update services set last_reviewed = $1 where id = $2")
            .bind(today)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if n.rows_affected() == 0 {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        }
        tx.audit_reason(format!("reviewed {today}"));
        tx.commit().await?;
        self.content_changed().await
    }

    /// Publishes every version whose time has come, oldest first; returns how many. Run by one
    /// node at a time (the publisher's job lease); each publication commits with its audit entry
    /// (`entry`, naming the page).
    pub async fn publish_due_versions(&self, entry: &stadsporten_domain::audit::AuditEntry, now: i64) -> Result<usize> {
        let due = sqlx::query(
            "select service_id, number from service_versions \
             where published_at is null and publish_at is not null and publish_at <= $1 order by publish_at, number",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let mut done = 0;
        for row in due {
            let id: i64 = row.try_get("service_id")?;
            let number: i64 = row.try_get("number")?;
            let e = stadsporten_domain::audit::AuditEntry {
                object_id: Some(id.to_string()),
                reason: Some(format!("scheduled version {number}")),
                ..entry.clone()
            };
            let store = self.audited(e);
            let mut tx = store.begin_write().await?;
            // Still due? (another publication may have cancelled it since the list was read)
            let still: Option<i64> = sqlx::query(
                "select publish_at from service_versions where service_id = $1 and number = $2 and published_at is null",
            )
            .bind(id)
            .bind(number)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.try_get::<Option<i64>, _>("publish_at"))
            .transpose()?
            .flatten();
            if still.is_none_or(|at| at > now) {
                tx.rollback().await?;
                continue;
            }
            let Some(content) = version_content(&mut tx, id, number).await? else {
                tx.rollback().await?;
                continue;
            };
            // A start button must lead somewhere: a page that starts an e-service waits, as a
            // draft, while that e-service is not live.
            if content.start == Start::EService && self.live_definition(&content.slug).await?.is_none() {
                sqlx::query("update service_versions set publish_at = null where service_id = $1 and number = $2")
                    .bind(id)
                    .bind(number)
                    .execute(&mut *tx)
                    .await?;
                tx.audit_reason(format!("scheduled version {number} not published: no live e-service"));
                tx.commit().await?;
                tracing::warn!(service = id, version = number, "scheduled version not published: no live e-service");
                continue;
            }
            match apply(&mut tx, id, &content).await {
                Ok(()) => {}
                Err(DbError::Conflict) => {
                    // The slug was taken meanwhile: the version stays unpublished, its schedule
                    // cleared, and the editor sees it as a draft.
                    tx.rollback().await?;
                    let e = stadsporten_domain::audit::AuditEntry {
                        object_id: Some(id.to_string()),
                        reason: Some(format!("scheduled version {number} not published: slug taken")),
                        ..entry.clone()
                    };
                    let mut tx = self.audited(e).begin_write().await?;
                    sqlx::query("update service_versions set publish_at = null where service_id = $1 and number = $2")
                        .bind(id)
                        .bind(number)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    tracing::warn!(service = id, version = number, "scheduled version not published: slug taken");
                    continue;
                }
                Err(e) => {
                    tx.rollback().await?;
                    return Err(e);
                }
            }
            mark_published(&mut tx, id, number, now).await?;
            tx.commit().await?;
            done += 1;
        }
        if done > 0 {
            self.content_changed().await?;
        }
        Ok(done)
    }

    /// Whether some version waits for its scheduled time (the publisher sleeps otherwise).
    pub async fn next_scheduled_publication(&self) -> Result<Option<i64>> {
        Ok(sqlx::query("select min(publish_at) as at from service_versions where published_at is null")
            .fetch_one(&self.pool)
            .await?
            .try_get("at")?)
    }

    // ---- Operating messages ----

    async fn message_rows(&self, only: Option<i64>) -> Result<Vec<MessageRow>> {
        let rows = sqlx::query(
            "select id, severity, valid_from, valid_until, updated_by, updated_at from operating_messages \
             where ($1 < 0 or id = $1) order by valid_from desc, id desc",
        )
        .bind(only.unwrap_or(-1))
        .fetch_all(&self.pool)
        .await?;
        let texts = sqlx::query(
            "select message_id, lang, title, body from operating_message_translations where ($1 < 0 or message_id = $1)",
        )
        .bind(only.unwrap_or(-1))
        .fetch_all(&self.pool)
        .await?;
        let targets = sqlx::query(
            "select t.message_id, t.kind, t.target, s.slug from operating_message_targets t \
             left join services s on t.kind = 'service' and cast(s.id as text) = t.target \
             where ($1 < 0 or t.message_id = $1) order by t.kind, t.target",
        )
        .bind(only.unwrap_or(-1))
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let id: i64 = r.try_get("id")?;
            let severity: String = r.try_get("severity")?;
            let mut content = MessageContent {
                severity: Severity::parse(&severity).ok_or_else(|| corrupt("severity", &severity))?,
                valid_from: r.try_get("valid_from")?,
                valid_until: r.try_get("valid_until")?,
                services: Vec::new(),
                districts: Vec::new(),
                texts: BTreeMap::new(),
            };
            for t in texts.iter().filter(|t| t.try_get::<i64, _>("message_id").is_ok_and(|m| m == id)) {
                content.texts.insert(t.try_get("lang")?, (t.try_get("title")?, t.try_get("body")?));
            }
            for t in targets.iter().filter(|t| t.try_get::<i64, _>("message_id").is_ok_and(|m| m == id)) {
                match t.try_get::<String, _>("kind")?.as_str() {
                    "service" => content.services.extend(t.try_get::<Option<String>, _>("slug")?),
                    _ => content.districts.push(t.try_get("target")?),
                }
            }
            out.push(MessageRow {
                id,
                content,
                updated_by: r.try_get("updated_by")?,
                updated_at: r.try_get("updated_at")?,
            });
        }
        Ok(out)
    }

    /// Every operating message, newest first.
    pub async fn content_messages(&self) -> Result<Vec<MessageRow>> {
        self.message_rows(None).await
    }

    pub async fn content_message(&self, id: i64) -> Result<Option<MessageRow>> {
        Ok(self.message_rows(Some(id)).await?.into_iter().next())
    }

    /// Creates (`id: None`) or replaces a message. Returns its id.
    pub async fn save_message(&self, id: Option<i64>, m: &MessageContent, by: &str, now: i64) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id = match id {
            Some(id) => {
                let n = sqlx::query(
                    "update operating_messages set severity = $1, valid_from = $2, valid_until = $3, \
                     updated_at = $4, updated_by = $5, service_id = null where id = $6",
                )
                .bind(m.severity.slug())
                .bind(m.valid_from)
                .bind(m.valid_until)
                .bind(now)
                .bind(by)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                if n.rows_affected() == 0 {
                    tx.rollback().await?;
                    return Err(DbError::NotFound);
                }
                sqlx::query("delete from operating_message_translations where message_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("delete from operating_message_targets where message_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                id
            }
            None => {
                let id: i64 = sqlx::query(
                    "insert into operating_messages (severity, valid_from, valid_until, updated_at, updated_by) \
                     values ($1, $2, $3, $4, $5) returning id",
                )
                .bind(m.severity.slug())
                .bind(m.valid_from)
                .bind(m.valid_until)
                .bind(now)
                .bind(by)
                .fetch_one(&mut *tx)
                .await?
                .try_get("id")?;
                tx.audit_object(id);
                id
            }
        };
        for (lang, (title, body)) in &m.texts {
            sqlx::query(
                "insert into operating_message_translations (message_id, lang, title, body) values ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(lang)
            .bind(title)
            .bind(body)
            .execute(&mut *tx)
            .await?;
        }
        for slug in &m.services {
            let Some(sid) = sqlx::query("select id from services where slug = $1")
                .bind(slug)
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| r.try_get::<i64, _>("id"))
                .transpose()?
            else {
                tx.rollback().await?;
                return Err(DbError::Conflict);
            };
            sqlx::query("insert into operating_message_targets (message_id, kind, target) values ($1, 'service', $2)")
                .bind(id)
                .bind(sid.to_string())
                .execute(&mut *tx)
                .await?;
        }
        for d in &m.districts {
            sqlx::query("insert into operating_message_targets (message_id, kind, target) values ($1, 'district', $2)")
                .bind(id)
                .bind(d)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        self.content_changed().await?;
        Ok(id)
    }

    /// Ends a message now (it stays in the list, expired).
    pub async fn end_message(&self, id: i64, by: &str, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "update operating_messages set valid_until = $1, updated_at = $1, updated_by = $2 \
             where id = $3 and valid_until > $1 and valid_from < $1",
        )
        .bind(now)
        .bind(by)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if n.rows_affected() == 0 {
            // Not current: a message that has not begun is deleted outright.
            let d = sqlx::query("delete from operating_messages where id = $1 and valid_from >= $2")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            if d.rows_affected() == 0 {
                tx.rollback().await?;
                return Err(DbError::NotFound);
            }
        }
        tx.commit().await?;
        self.content_changed().await
    }

    // ---- Accessibility statement ----

    /// The known shortcomings, all languages, unresolved first.
    pub async fn content_shortcomings(&self) -> Result<Vec<ShortcomingRow>> {
        let rows = sqlx::query(
            "select id, fix_by, resolved_at from accessibility_shortcomings \
             order by (resolved_at is not null), (fix_by is null), fix_by, id",
        )
        .fetch_all(&self.pool)
        .await?;
        let texts = sqlx::query("select shortcoming_id, lang, title, body from accessibility_shortcoming_translations")
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::new();
        for r in rows {
            let id: i64 = r.try_get("id")?;
            let mut t = BTreeMap::new();
            for x in texts.iter().filter(|x| x.try_get::<i64, _>("shortcoming_id").is_ok_and(|s| s == id)) {
                t.insert(x.try_get("lang")?, (x.try_get("title")?, x.try_get("body")?));
            }
            out.push(ShortcomingRow {
                id,
                content: ShortcomingContent {
                    fix_by: r.try_get("fix_by")?,
                    resolved: r.try_get::<Option<i64>, _>("resolved_at")?.is_some(),
                    texts: t,
                },
            });
        }
        Ok(out)
    }

    /// When the list of known shortcomings last changed (the statement's "last updated").
    pub async fn accessibility_updated_at(&self) -> Result<Option<i64>> {
        Ok(sqlx::query("select max(coalesce(updated_at, created_at)) as at from accessibility_shortcomings")
            .fetch_one(&self.pool)
            .await?
            .try_get("at")?)
    }

    /// The unresolved shortcomings in `lang` (or Swedish), for the statement.
    pub async fn accessibility_shortcomings(&self, lang: Lang) -> Result<Vec<Shortcoming>> {
        Ok(self
            .content_shortcomings()
            .await?
            .into_iter()
            .filter(|s| !s.content.resolved)
            .filter_map(|s| {
                let (l, (title, body)) = s
                    .content
                    .texts
                    .get(lang.code())
                    .map(|t| (lang, t))
                    .or_else(|| s.content.texts.get("sv").map(|t| (Lang::Sv, t)))?;
                Some(Shortcoming {
                    title: title.clone(),
                    body: body.clone(),
                    fix_by: s.content.fix_by.clone(),
                    content_lang: l,
                })
            })
            .collect())
    }

    /// Creates (`id: None`) or replaces a shortcoming. Returns its id.
    pub async fn save_shortcoming(&self, id: Option<i64>, s: &ShortcomingContent, by: &str, now: i64) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let resolved = s.resolved.then_some(now);
        let id = match id {
            Some(id) => {
                let n = sqlx::query(
                    "update accessibility_shortcomings set fix_by = $1, \
                     resolved_at = case when $2 is null then null else coalesce(resolved_at, $2) end, updated_by = $3, \
                     updated_at = $5 where id = $4",
                )
                .bind(s.fix_by.as_deref())
                .bind(resolved)
                .bind(by)
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                if n.rows_affected() == 0 {
                    tx.rollback().await?;
                    return Err(DbError::NotFound);
                }
                sqlx::query("delete from accessibility_shortcoming_translations where shortcoming_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                id
            }
            None => {
                let id: i64 = sqlx::query(
                    "insert into accessibility_shortcomings (fix_by, resolved_at, created_at, updated_by) \
                     values ($1, $2, $3, $4) returning id",
                )
                .bind(s.fix_by.as_deref())
                .bind(resolved)
                .bind(now)
                .bind(by)
                .fetch_one(&mut *tx)
                .await?
                .try_get("id")?;
                tx.audit_object(id);
                id
            }
        };
        for (lang, (title, body)) in &s.texts {
            sqlx::query(
                "insert into accessibility_shortcoming_translations (shortcoming_id, lang, title, body) \
                 values ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(lang)
            .bind(title)
            .bind(body)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.content_changed().await?;
        Ok(id)
    }
}
