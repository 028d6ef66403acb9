//! Storage of information security (issue 21): classifications, the population register's
//! addresses and protection markings, specific grants to see a protected person's details, the
//! security-incident register and the rate-limit windows that hold across nodes.
//!
//! Policy: every write runs in a [`WriteTx`](crate::tx) with its audit entry; a classification is
//! content (the residents' protection notice), so setting one moves the content generation and
//! every node's cache follows. Nothing here holds a personnummer; the register's address is read
//! only through [`Store::register_entry`], which the app calls only after its protected-person
//! decision.

use crate::changes::Topic;
use crate::contact_centre::{enqueue_direct, DirectMessage};
use crate::{DbError, Result, Store};
use sqlx::Row;
use stadsporten_domain::ids::UserId;
use stadsporten_domain::security::classification::{Classification, ClassificationForm, Level, Subject};
use stadsporten_domain::security::incident::{
    incident_number, reminder_due, DecisionForm, ImyDecision, IncidentCategory, IncidentSeverity, IncidentStatus,
    PersonalData, ReportForm, TriageForm,
};
use stadsporten_domain::security::protected::{GrantForm, Protection};
use std::collections::HashMap;
use std::sync::Arc;

/// A stored classification with who set it.
#[derive(Debug, Clone)]
pub struct ClassificationRecord {
    pub subject: String,
    pub classification: Classification,
    pub reason: String,
    pub set_by: Option<String>,
    pub set_at: i64,
}

/// The population register's entry for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterEntry {
    pub user_id: UserId,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub protection: Protection,
}

/// A specific grant to see one protected person's details.
#[derive(Debug, Clone)]
pub struct ProtectedGrant {
    pub id: i64,
    pub staff_id: UserId,
    pub staff_name: String,
    pub person_id: UserId,
    pub person_name: String,
    pub reason: String,
    pub granted_by: String,
    pub granted_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
}

/// A person with protected personal data, for the grant form (name only).
#[derive(Debug, Clone)]
pub struct ProtectedPerson {
    pub id: UserId,
    pub name: String,
}

/// One incident as the register lists it.
#[derive(Debug, Clone)]
pub struct IncidentRow {
    pub id: i64,
    pub number: String,
    pub reported_at: i64,
    pub reported_by: UserId,
    pub reporter: String,
    pub what: String,
    pub occurred: Option<String>,
    pub systems: String,
    pub information: String,
    pub personal_data: PersonalData,
    pub status: IncidentStatus,
    pub category: Option<IncidentCategory>,
    pub severity: Option<IncidentSeverity>,
    pub owner_id: Option<UserId>,
    pub owner: Option<String>,
    pub breach: bool,
    pub aware_at: Option<i64>,
    pub reminders_sent: i64,
    pub imy_decision: Option<ImyDecision>,
    pub imy_text: Option<String>,
    pub imy_decided_at: Option<i64>,
    pub lessons: Option<String>,
    pub closed_at: Option<i64>,
}

/// One step of an incident's timeline.
#[derive(Debug, Clone)]
pub struct IncidentEvent {
    pub at: i64,
    pub actor: Option<String>,
    pub kind: String,
    pub note: String,
}

/// An audit entry linked to an incident.
#[derive(Debug, Clone)]
pub struct LinkedAudit {
    pub seq: i64,
    pub at: i64,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub outcome: String,
}

/// An incident with its timeline and linked audit entries.
#[derive(Debug, Clone)]
pub struct IncidentRecord {
    pub incident: IncidentRow,
    pub events: Vec<IncidentEvent>,
    pub links: Vec<LinkedAudit>,
}

/// A staff member who may own an incident.
#[derive(Debug, Clone)]
pub struct StaffMember {
    pub id: UserId,
    pub name: String,
}

const INCIDENT_COLUMNS: &str = "i.id, i.number, i.reported_at, i.reported_by, r.display_name as reporter, i.what, \
     i.occurred, i.systems, i.information, i.personal_data, i.status, i.category, i.severity, i.owner_id, \
     o.display_name as owner, i.breach, i.aware_at, i.reminders_sent, i.imy_decision, i.imy_text, \
     i.imy_decided_at, i.lessons, i.closed_at";

fn incident_row(r: &sqlx::any::AnyRow) -> Result<IncidentRow> {
    let slug = |c: &str| -> Result<Option<String>> { Ok(r.try_get::<Option<String>, _>(c)?) };
    let status: String = r.try_get("status")?;
    let personal: String = r.try_get("personal_data")?;
    Ok(IncidentRow {
        id: r.try_get("id")?,
        number: r.try_get("number")?,
        reported_at: r.try_get("reported_at")?,
        reported_by: r.try_get("reported_by")?,
        reporter: r.try_get("reporter")?,
        what: r.try_get("what")?,
        occurred: r.try_get("occurred")?,
        systems: r.try_get("systems")?,
        information: r.try_get("information")?,
        personal_data: PersonalData::parse(&personal).ok_or_else(|| DbError::CorruptRow(personal.clone()))?,
        status: IncidentStatus::parse(&status).ok_or_else(|| DbError::CorruptRow(status.clone()))?,
        category: slug("category")?.and_then(|s| IncidentCategory::parse(&s)),
        severity: slug("severity")?.and_then(|s| IncidentSeverity::parse(&s)),
        owner_id: r.try_get("owner_id")?,
        owner: r.try_get("owner")?,
        breach: r.try_get::<i64, _>("breach")? != 0,
        aware_at: r.try_get("aware_at")?,
        reminders_sent: r.try_get("reminders_sent")?,
        imy_decision: slug("imy_decision")?.and_then(|s| ImyDecision::parse(&s)),
        imy_text: r.try_get("imy_text")?,
        imy_decided_at: r.try_get("imy_decided_at")?,
        lessons: r.try_get("lessons")?,
        closed_at: r.try_get("closed_at")?,
    })
}

fn level(r: &sqlx::any::AnyRow, c: &str) -> Result<Level> {
    let n: i64 = r.try_get(c)?;
    Level::from_number(n).ok_or_else(|| DbError::CorruptRow(format!("{c} {n}")))
}

fn classification_of(r: &sqlx::any::AnyRow) -> Result<Classification> {
    Ok(Classification::new(level(r, "confidentiality")?, level(r, "integrity")?, level(r, "availability")?))
}

async fn incident_event(
    tx: &mut crate::tx::Tx<'_>,
    incident: i64,
    actor: Option<UserId>,
    kind: &str,
    note: &str,
    now: i64,
) -> Result<()> {
    sqlx::query("insert into incident_events (incident_id, at, actor_id, kind, note) values ($1, $2, $3, $4, $5)")
        .bind(incident)
        .bind(now)
        .bind(actor)
        .bind(kind)
        .bind(note)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Store {
    // --- Classification -------------------------------------------------------------------

    /// Every classification, by subject.
    pub async fn classifications(&self) -> Result<Vec<ClassificationRecord>> {
        let rows = sqlx::query(
            "select c.subject, c.confidentiality, c.integrity, c.availability, c.reason, c.set_at, \
             u.display_name as set_by from classifications c left join users u on u.id = c.set_by order by c.subject",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ClassificationRecord {
                    subject: r.try_get("subject")?,
                    classification: classification_of(r)?,
                    reason: r.try_get("reason")?,
                    set_by: r.try_get("set_by")?,
                    set_at: r.try_get("set_at")?,
                })
            })
            .collect()
    }

    /// Every subject's levels, kept in memory until the content changes.
    async fn classification_map(&self) -> Result<Arc<HashMap<String, Classification>>> {
        let map = self
            .memos
            .classifications
            .get_or_load(self, (), || async {
                let rows = sqlx::query("select subject, confidentiality, integrity, availability from classifications")
                    .fetch_all(&self.pool)
                    .await?;
                let mut map = HashMap::with_capacity(rows.len());
                for r in &rows {
                    map.insert(r.try_get::<String, _>("subject")?, classification_of(r)?);
                }
                Ok(Some(Arc::new(map)))
            })
            .await?;
        Ok(map.unwrap_or_default())
    }

    /// A subject's classification; unclassified is level 2 on every aspect.
    pub async fn classification(&self, subject: &Subject) -> Result<Classification> {
        Ok(self.classification_map().await?.get(&subject.key()).copied().unwrap_or(Classification::UNCLASSIFIED))
    }

    /// An e-service's classification (by its slug).
    pub async fn service_classification(&self, slug: &str) -> Result<Classification> {
        self.classification(&Subject::Service(slug.to_owned())).await
    }

    /// Every classified subject's levels (for the platform's backup policy).
    pub async fn all_classifications(&self) -> Result<Vec<Classification>> {
        Ok(self.classification_map().await?.values().copied().collect())
    }

    /// Sets a subject's classification (the information owner's form). Confidentiality 4 never
    /// reaches here: the form refuses it, and the table's check would too.
    pub async fn set_classification(&self, form: &ClassificationForm, by: UserId, now: i64) -> Result<()> {
        let c = form.classification;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "insert into classifications (subject, confidentiality, integrity, availability, reason, set_by, set_at) \
             values ($1, $2, $3, $4, $5, $6, $7) on conflict (subject) do update set \
             confidentiality = excluded.confidentiality, integrity = excluded.integrity, \
             availability = excluded.availability, reason = excluded.reason, set_by = excluded.set_by, \
             set_at = excluded.set_at",
        )
        .bind(form.subject.key())
        .bind(c.confidentiality.number())
        .bind(c.integrity.number())
        .bind(c.availability.number())
        .bind(&form.reason)
        .bind(by)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let (ci, ii, ai) = c.numbers();
        tx.audit_object(form.subject.key());
        tx.audit_reason(format!("C{ci} I{ii} A{ai}"));
        tx.commit().await?;
        self.changed(Topic::Content);
        Ok(())
    }

    /// The confidentiality of a case's e-service.
    pub async fn case_classification(&self, case_id: stadsporten_domain::CaseId) -> Result<Classification> {
        let slug: Option<String> = sqlx::query("select service_slug from cases where id = $1")
            .bind(case_id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get("service_slug"))
            .transpose()?;
        match slug {
            Some(s) => self.service_classification(&s).await,
            None => Ok(Classification::UNCLASSIFIED),
        }
    }

    // --- Protected personal data ----------------------------------------------------------

    /// Whether a person has protected personal data.
    pub async fn is_protected(&self, person: UserId) -> Result<bool> {
        Ok(sqlx::query("select protected_identity from users where id = $1")
            .bind(person)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get::<i64, _>("protected_identity"))
            .transpose()?
            .is_some_and(|p| p != 0))
    }

    /// Of these people, the ones with protected personal data.
    pub async fn protected_among(&self, people: &[UserId]) -> Result<Vec<UserId>> {
        if people.is_empty() {
            return Ok(vec![]);
        }
        let list = people.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(",");
        // Ids are numbers formatted here, never text from a request.
        let rows = sqlx::query(&format!("select id from users where protected_identity <> 0 and id in ({list})"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok(r.try_get::<UserId, _>("id")?)).collect()
    }

    /// The population register's entry for a person. The caller decides first whether the viewer
    /// may see it (a protected person's only with a grant).
    pub async fn register_entry(&self, person: UserId) -> Result<Option<RegisterEntry>> {
        let row = sqlx::query(
            "select user_id, street, postal_code, city, protection from population_register where user_id = $1",
        )
        .bind(person)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            let p: String = r.try_get("protection")?;
            Ok(RegisterEntry {
                user_id: r.try_get("user_id")?,
                street: r.try_get("street")?,
                postal_code: r.try_get("postal_code")?,
                city: r.try_get("city")?,
                protection: Protection::parse(&p).ok_or_else(|| DbError::CorruptRow(p.clone()))?,
            })
        })
        .transpose()
    }

    /// Writes a person's register entry (the register's integration and the demo seed); the
    /// protection marking is mirrored on the user, where every page's check reads it.
    pub async fn put_register_entry(&self, e: &RegisterEntry, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "insert into population_register (user_id, street, postal_code, city, protection, fetched_at) \
             values ($1, $2, $3, $4, $5, $6) on conflict (user_id) do update set street = excluded.street, \
             postal_code = excluded.postal_code, city = excluded.city, protection = excluded.protection, \
             fetched_at = excluded.fetched_at",
        )
        .bind(e.user_id)
        .bind(&e.street)
        .bind(&e.postal_code)
        .bind(&e.city)
        .bind(e.protection.slug())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query("update users set protected_identity = $1, updated_at = $2 where id = $3")
            .bind(i64::from(e.protection.is_protected()))
            .bind(now)
            .bind(e.user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.identity_changed(Some(e.user_id));
        Ok(())
    }

    /// The staff member's grant in force for this protected person, if any.
    pub async fn protected_grant(&self, staff: UserId, person: UserId, now: i64) -> Result<Option<ProtectedGrant>> {
        Ok(self.protected_grants_of(Some((staff, person, now))).await?.into_iter().next())
    }

    /// Every grant, newest first (the security officer's list).
    pub async fn protected_grants(&self) -> Result<Vec<ProtectedGrant>> {
        self.protected_grants_of(None).await
    }

    async fn protected_grants_of(&self, one: Option<(UserId, UserId, i64)>) -> Result<Vec<ProtectedGrant>> {
        let filter = if one.is_some() {
            "g.staff_id = $1 and g.person_id = $2 and g.revoked_at is null and g.expires_at > $3"
        } else {
            "1 = 1"
        };
        let sql = format!(
            "select g.id, g.staff_id, s.display_name as staff_name, g.person_id, p.display_name as person_name, \
             g.reason, b.display_name as granted_by, g.granted_at, g.expires_at, g.revoked_at \
             from protected_grants g join users s on s.id = g.staff_id join users p on p.id = g.person_id \
             join users b on b.id = g.granted_by where {filter} order by g.granted_at desc, g.id desc limit 500"
        );
        let mut q = sqlx::query(&sql);
        if let Some((staff, person, now)) = one {
            q = q.bind(staff).bind(person).bind(now);
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                Ok(ProtectedGrant {
                    id: r.try_get("id")?,
                    staff_id: r.try_get("staff_id")?,
                    staff_name: r.try_get("staff_name")?,
                    person_id: r.try_get("person_id")?,
                    person_name: r.try_get("person_name")?,
                    reason: r.try_get("reason")?,
                    granted_by: r.try_get("granted_by")?,
                    granted_at: r.try_get("granted_at")?,
                    expires_at: r.try_get("expires_at")?,
                    revoked_at: r.try_get("revoked_at")?,
                })
            })
            .collect()
    }

    /// The people with protected personal data (for the grant form: names only).
    pub async fn protected_people(&self) -> Result<Vec<ProtectedPerson>> {
        let rows = sqlx::query(
            "select id, display_name from users where protected_identity <> 0 and kind = 'person' order by display_name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(ProtectedPerson { id: r.try_get("id")?, name: r.try_get("display_name")? })).collect()
    }

    /// Grants one staff member access to one protected person's details. Refused (not found)
    /// unless the person is protected and the grantee is an enabled member of staff.
    pub async fn grant_protected(&self, g: &GrantForm, by: UserId, now: i64) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let ok = sqlx::query(
            "select 1 from users p, users s where p.id = $1 and p.protected_identity <> 0 and s.id = $2 \
             and s.kind = 'staff' and s.disabled_at is null",
        )
        .bind(g.person_id)
        .bind(g.staff_id)
        .fetch_optional(&mut *tx)
        .await?;
        if ok.is_none() {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        }
        let id: i64 = sqlx::query(
            "insert into protected_grants (staff_id, person_id, reason, granted_by, granted_at, expires_at) \
             values ($1, $2, $3, $4, $5, $6) returning id",
        )
        .bind(g.staff_id)
        .bind(g.person_id)
        .bind(&g.reason)
        .bind(by)
        .bind(now)
        .bind(now + g.days * 86_400)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        tx.audit_object(g.person_id);
        tx.audit_reason(format!("grant {id} to user {} for {} days", g.staff_id, g.days));
        tx.commit().await?;
        Ok(id)
    }

    /// Revokes a grant (it stops at once).
    pub async fn revoke_protected(&self, id: i64, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let person: Option<i64> = sqlx::query(
            "update protected_grants set revoked_at = $1 where id = $2 and revoked_at is null returning person_id",
        )
        .bind(now)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("person_id"))
        .transpose()?;
        let Some(person) = person else {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        };
        tx.audit_object(person);
        tx.audit_reason(format!("grant {id} revoked"));
        tx.commit().await?;
        Ok(())
    }

    // --- Security incidents ---------------------------------------------------------------

    /// Files a report; the same reporter's idempotency key finds the same incident.
    pub async fn report_incident(
        &self,
        f: &ReportForm,
        reporter: UserId,
        year: u32,
        now: i64,
    ) -> Result<(i64, String)> {
        if !f.idempotency_key.is_empty() {
            if let Some(r) =
                sqlx::query("select id, number from incidents where reported_by = $1 and idempotency_key = $2")
                    .bind(reporter)
                    .bind(&f.idempotency_key)
                    .fetch_optional(&self.pool)
                    .await?
            {
                return Ok((r.try_get("id")?, r.try_get("number")?));
            }
        }
        let mut tx = self.begin_write().await?;
        let n: i64 = sqlx::query(
            "insert into incident_series (year, last) values ($1, 1) \
             on conflict (year) do update set last = incident_series.last + 1 returning last",
        )
        .bind(i64::from(year))
        .fetch_one(&mut *tx)
        .await?
        .try_get("last")?;
        let number = incident_number(year as i32, n);
        let id: i64 = sqlx::query(
            "insert into incidents (number, reported_by, reported_at, idempotency_key, what, occurred, systems, \
             information, personal_data) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
        )
        .bind(&number)
        .bind(reporter)
        .bind(now)
        .bind((!f.idempotency_key.is_empty()).then_some(f.idempotency_key.as_str()))
        .bind(&f.what)
        .bind(f.occurred.as_deref())
        .bind(&f.systems)
        .bind(&f.information)
        .bind(f.personal_data.slug())
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        incident_event(&mut tx, id, Some(reporter), "reported", "", now).await?;
        tx.audit_object(&number);
        tx.commit().await?;
        Ok((id, number))
    }

    /// The register, newest first; `reporter` limits it to one reporter's own reports.
    pub async fn incidents(&self, reporter: Option<UserId>) -> Result<Vec<IncidentRow>> {
        let sql = format!(
            "select {INCIDENT_COLUMNS} from incidents i join users r on r.id = i.reported_by \
             left join users o on o.id = i.owner_id {} order by i.reported_at desc, i.id desc limit 1000",
            if reporter.is_some() { "where i.reported_by = $1" } else { "" }
        );
        let mut q = sqlx::query(&sql);
        if let Some(r) = reporter {
            q = q.bind(r);
        }
        q.fetch_all(&self.pool).await?.iter().map(incident_row).collect()
    }

    /// One incident with its timeline and linked audit entries.
    pub async fn incident(&self, id: i64) -> Result<Option<IncidentRecord>> {
        let sql = format!(
            "select {INCIDENT_COLUMNS} from incidents i join users r on r.id = i.reported_by \
             left join users o on o.id = i.owner_id where i.id = $1"
        );
        let Some(row) = sqlx::query(&sql).bind(id).fetch_optional(&self.pool).await? else { return Ok(None) };
        let incident = incident_row(&row)?;
        let events = sqlx::query(
            "select e.at, u.display_name as actor, e.kind, e.note from incident_events e \
             left join users u on u.id = e.actor_id where e.incident_id = $1 order by e.id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(IncidentEvent {
                at: r.try_get("at")?,
                actor: r.try_get("actor")?,
                kind: r.try_get("kind")?,
                note: r.try_get("note")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let links = sqlx::query(
            "select a.seq, a.at, a.action, a.object_type, a.object_id, a.outcome from incident_audit_links l \
             join audit_log a on a.seq = l.audit_seq where l.incident_id = $1 order by a.seq",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(LinkedAudit {
                seq: r.try_get("seq")?,
                at: r.try_get("at")?,
                action: r.try_get("action")?,
                object_type: r.try_get("object_type")?,
                object_id: r.try_get("object_id")?,
                outcome: r.try_get("outcome")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        Ok(Some(IncidentRecord { incident, events, links }))
    }

    /// Staff who may own an incident: every enabled member of staff with the security role.
    pub async fn security_officers(&self, now: i64) -> Result<Vec<StaffMember>> {
        let rows = sqlx::query(
            "select distinct u.id, u.display_name from users u join access_grants g on g.user_id = u.id \
             where g.role = 'security-officer' and g.revoked_at is null and g.valid_until > $1 \
             and u.disabled_at is null order by u.display_name",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(StaffMember { id: r.try_get("id")?, name: r.try_get("display_name")? })).collect()
    }

    /// Every enabled member of staff (for the grant form).
    pub async fn staff_members(&self) -> Result<Vec<StaffMember>> {
        let rows = sqlx::query(
            "select id, display_name from users where kind = 'staff' and disabled_at is null order by display_name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(StaffMember { id: r.try_get("id")?, name: r.try_get("display_name")? })).collect()
    }

    /// The triage: category, severity, owner and whether it is a personal-data breach. The first
    /// time it is a breach the IMY clock starts at the report's time (when the city became aware).
    pub async fn triage_incident(&self, id: i64, t: &TriageForm, actor: UserId, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "update incidents set category = $1, severity = $2, owner_id = $3, breach = $4, \
             aware_at = case when $4 = 1 and aware_at is null then reported_at else aware_at end, \
             status = 'triaged' where id = $5 and status <> 'closed'",
        )
        .bind(t.category.slug())
        .bind(t.severity.slug())
        .bind(t.owner_id)
        .bind(i64::from(t.breach))
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        }
        let summary = format!(
            "{} {} {}{}",
            t.category.slug(),
            t.severity.slug(),
            if t.breach { "breach" } else { "no-breach" },
            if t.note.is_empty() { String::new() } else { format!(": {}", t.note) }
        );
        incident_event(&mut tx, id, Some(actor), "triaged", &summary, now).await?;
        tx.audit_object(id);
        tx.audit_reason(format!("triage {} {}", t.severity.slug(), if t.breach { "breach" } else { "no-breach" }));
        tx.commit().await?;
        Ok(())
    }

    /// A note on the timeline.
    pub async fn incident_note(&self, id: i64, note: &str, actor: UserId, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        if sqlx::query("select 1 from incidents where id = $1 and status <> 'closed'")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .is_none()
        {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        }
        incident_event(&mut tx, id, Some(actor), "note", note, now).await?;
        tx.audit_object(id);
        tx.commit().await?;
        Ok(())
    }

    /// Links an audit entry as evidence (not found when there is no such entry).
    pub async fn link_audit(&self, id: i64, seq: i64, actor: UserId, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let exists = sqlx::query("select 1 from audit_log where seq = $1").bind(seq).fetch_optional(&mut *tx).await?;
        let open = sqlx::query("select 1 from incidents where id = $1").bind(id).fetch_optional(&mut *tx).await?;
        if exists.is_none() || open.is_none() {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        }
        sqlx::query(
            "insert into incident_audit_links (incident_id, audit_seq, linked_by, linked_at) values ($1, $2, $3, $4) \
             on conflict (incident_id, audit_seq) do nothing",
        )
        .bind(id)
        .bind(seq)
        .bind(actor)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        incident_event(&mut tx, id, Some(actor), "audit-linked", &seq.to_string(), now).await?;
        tx.audit_object(id);
        tx.audit_reason(format!("audit entry {seq}"));
        tx.commit().await?;
        Ok(())
    }

    /// Records the notification decision (once; a breach only).
    pub async fn decide_imy(&self, id: i64, d: &DecisionForm, actor: UserId, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "update incidents set imy_decision = $1, imy_text = $2, imy_decided_at = $3, imy_decided_by = $4 \
             where id = $5 and breach = 1 and imy_decision is null",
        )
        .bind(d.decision.slug())
        .bind(&d.text)
        .bind(now)
        .bind(actor)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            tx.rollback().await?;
            return Err(DbError::Conflict);
        }
        incident_event(&mut tx, id, Some(actor), &format!("imy-{}", d.decision.slug()), &d.text, now).await?;
        tx.audit_object(id);
        tx.audit_reason(format!("imy {}", d.decision.slug()));
        tx.commit().await?;
        Ok(())
    }

    /// Closes with the lessons learned; a breach only once the IMY decision is recorded.
    pub async fn close_incident(&self, id: i64, lessons: &str, actor: UserId, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "update incidents set status = 'closed', lessons = $1, closed_at = $2 where id = $3 and status <> 'closed' \
             and (breach = 0 or imy_decision is not null)",
        )
        .bind(lessons)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            tx.rollback().await?;
            return Err(DbError::Conflict);
        }
        incident_event(&mut tx, id, Some(actor), "closed", lessons, now).await?;
        tx.audit_object(id);
        tx.commit().await?;
        Ok(())
    }

    /// Sends the IMY-clock reminders that are due: one e-mail per security officer (and the
    /// incident's owner) per reminder, claimed with a compare-and-set on `reminders_sent` so two
    /// nodes never send one twice. Returns how many incidents were reminded about.
    pub async fn send_incident_reminders(&self, now: i64) -> Result<usize> {
        let due = sqlx::query(
            "select id, number, aware_at, reminders_sent, owner_id from incidents \
             where breach = 1 and imy_decision is null and status <> 'closed' and aware_at is not null",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut sent = 0;
        for r in &due {
            let id: i64 = r.try_get("id")?;
            let aware: i64 = r.try_get("aware_at")?;
            let already: i64 = r.try_get("reminders_sent")?;
            let Some(stage) = reminder_due(aware, already, false, now) else { continue };
            let number: String = r.try_get("number")?;
            let owner: Option<i64> = r.try_get("owner_id")?;
            let mut tx = self.begin_write().await?;
            let claimed = sqlx::query("update incidents set reminders_sent = $1 where id = $2 and reminders_sent = $3")
                .bind(stage)
                .bind(id)
                .bind(already)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if claimed == 0 {
                tx.rollback().await?;
                continue;
            }
            let recipients = sqlx::query(
                "select distinct u.email, u.preferred_lang from users u left join access_grants g on g.user_id = u.id \
                 and g.role = 'security-officer' and g.revoked_at is null and g.valid_until > $2 \
                 where u.disabled_at is null and u.email is not null and (g.user_id is not null or u.id = $1)",
            )
            .bind(owner)
            .bind(now)
            .fetch_all(&mut *tx)
            .await?;
            let deadline = stadsporten_domain::security::incident::imy_deadline(aware);
            let hours_left = ((deadline - now) / 3600).max(0);
            for to in &recipients {
                let email: String = to.try_get("email")?;
                let lang: Option<String> = to.try_get("preferred_lang")?;
                let m = DirectMessage {
                    channel: "email".into(),
                    recipient: email,
                    lang: lang.unwrap_or_else(|| "sv".into()),
                    event: "incident-reminder".into(),
                    args: serde_json::json!({ "case_number": number, "days": hours_left.to_string(), "expires_at": deadline }),
                };
                enqueue_direct(&mut tx, &m, now).await?;
            }
            incident_event(&mut tx, id, None, "reminder", &format!("{stage}"), now).await?;
            tx.commit().await?;
            sent += 1;
        }
        Ok(sent)
    }

    // --- Rate limits shared by every node -------------------------------------------------

    /// Counts one hit of `bucket` in the window starting at `window_start` and answers the hits
    /// so far (this one included). Old windows are removed now and then.
    pub async fn rate_hit(&self, bucket: &str, window_start: i64) -> Result<i64> {
        let hits: i64 = sqlx::query(
            "insert into rate_limit_windows (bucket, window_start, hits) values ($1, $2, 1) \
             on conflict (bucket, window_start) do update set hits = rate_limit_windows.hits + 1 returning hits",
        )
        .bind(bucket)
        .bind(window_start)
        .fetch_one(&self.pool)
        .await?
        .try_get("hits")?;
        if hits == 1 && window_start % 600 == 0 {
            sqlx::query("delete from rate_limit_windows where window_start < $1")
                .bind(window_start - 3600)
                .execute(&self.pool)
                .await?;
        }
        Ok(hits)
    }
}
