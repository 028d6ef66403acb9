//! Users, their identities at identity providers, mandates and contact details.
//!
//! Policy: a user is found by (issuer, subject). A person signing in with a second e-ID (BankID
//! one day, Freja the next) is the same user when both assert the same personnummer. The
//! personnummer is stored (cases need it) but never logged; `User`'s `Debug` keeps it redacted.
//! Ending a user's sessions raises `session_epoch`; sessions started in an earlier epoch are dead.

use crate::{DbError, Result, Store};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::Row;
use stadsporten_domain::access::{Grant, Principal, Role, Scope};
use stadsporten_domain::identity::PersonalIdentityNumber;
use stadsporten_domain::ids::UserId;
use stadsporten_domain::organisation::{OrganisationNumber, UnitCode};
use stadsporten_domain::Lang;

/// A person (resident, representative, provider) or a member of staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UserKind {
    Person,
    Staff,
}

impl UserKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UserKind::Person => "person",
            UserKind::Staff => "staff",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        match s {
            "person" => Ok(UserKind::Person),
            "staff" => Ok(UserKind::Staff),
            other => Err(DbError::CorruptRow(format!("user kind {other}"))),
        }
    }
}

/// How the person wants to be told about their cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotifyChannel {
    Email,
    Sms,
    Portal,
}

impl NotifyChannel {
    pub const ALL: [NotifyChannel; 3] = [NotifyChannel::Email, NotifyChannel::Sms, NotifyChannel::Portal];

    pub fn as_str(self) -> &'static str {
        match self {
            NotifyChannel::Email => "email",
            NotifyChannel::Sms => "sms",
            NotifyChannel::Portal => "portal",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub kind: UserKind,
    pub display_name: String,
    pub personal_identity_number: Option<PersonalIdentityNumber>,
    pub email: Option<String>,
    pub email_verified: bool,
    pub phone: Option<String>,
    pub preferred_lang: Option<Lang>,
    pub notify_channel: NotifyChannel,
    pub disabled: bool,
    pub session_epoch: i64,
    pub persona: Option<String>,
}

/// What an identity provider asserted, already validated.
#[derive(Debug, Clone)]
pub struct VerifiedClaims<'a> {
    pub issuer: &'a str,
    pub subject: &'a str,
    pub kind: UserKind,
    pub display_name: &'a str,
    pub personal_identity_number: Option<&'a PersonalIdentityNumber>,
    pub email: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mandate {
    pub organisation: OrganisationNumber,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub code: UnitCode,
    pub name_sv: String,
    pub name_en: String,
    pub name_fi: Option<String>,
    pub name_ar: Option<String>,
}

impl Unit {
    /// The unit's name in `lang`, Swedish where that language's is missing.
    pub fn name(&self, lang: stadsporten_domain::Lang) -> &str {
        use stadsporten_domain::Lang;
        match lang {
            Lang::Sv => &self.name_sv,
            Lang::En => &self.name_en,
            Lang::Fi => self.name_fi.as_deref().unwrap_or(&self.name_sv),
            Lang::Ar => self.name_ar.as_deref().unwrap_or(&self.name_sv),
        }
    }
}

/// A line in the administrator's list of users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserSummary {
    pub id: UserId,
    pub kind: UserKind,
    pub display_name: String,
    pub disabled: bool,
    pub active_grants: i64,
}

const USER_COLUMNS: &str = "id, kind, display_name, personal_identity_number, email, email_verified, phone, \
                            preferred_lang, notify_via, disabled_at, session_epoch, persona";

/// A grant from its `role` and `scope` columns (refused as corrupt when they do not name one).
pub(crate) fn grant_from_row(r: &AnyRow) -> Result<Grant> {
    let role: String = r.try_get("role")?;
    let scope: String = r.try_get("scope")?;
    Role::parse(&role)
        .zip(Scope::from_key(&scope))
        .and_then(|(role, scope)| Grant::new(role, scope))
        .ok_or_else(|| DbError::CorruptRow(format!("grant {role}@{scope}")))
}

/// Acting for an organisation holds only while a mandate for it is among the grants.
pub(crate) fn acting_for_within(grants: &[Grant], org: Option<&OrganisationNumber>) -> Option<OrganisationNumber> {
    org.filter(|o| {
        grants.iter().any(|g| g.role == Role::BusinessRepresentative && g.scope == Scope::Organisation((*o).clone()))
    })
    .cloned()
}

fn user_from_row(row: &AnyRow) -> Result<User> {
    let pnr: Option<String> = row.try_get("personal_identity_number")?;
    let personal_identity_number = match pnr {
        Some(p) => Some(
            PersonalIdentityNumber::parse(&p, 2100).map_err(|_| DbError::CorruptRow("stored personnummer".into()))?,
        ),
        None => None,
    };
    let lang: Option<String> = row.try_get("preferred_lang")?;
    let channel: String = row.try_get("notify_via")?;
    let disabled_at: Option<i64> = row.try_get("disabled_at")?;
    Ok(User {
        id: row.try_get("id")?,
        kind: UserKind::parse(&row.try_get::<String, _>("kind")?)?,
        display_name: row.try_get("display_name")?,
        personal_identity_number,
        email: row.try_get("email")?,
        email_verified: row.try_get::<i64, _>("email_verified")? != 0,
        phone: row.try_get("phone")?,
        preferred_lang: lang.as_deref().and_then(Lang::parse),
        notify_channel: NotifyChannel::parse(&channel)
            .ok_or_else(|| DbError::CorruptRow(format!("notify channel {channel}")))?,
        disabled: disabled_at.is_some(),
        session_epoch: row.try_get("session_epoch")?,
        persona: row.try_get("persona")?,
    })
}

impl Store {
    /// Finds or creates the user an identity provider vouched for, and records the sign-in.
    pub async fn sign_in_user(&self, claims: &VerifiedClaims<'_>, now: i64) -> Result<User> {
        let mut tx = self.begin_write().await?;
        let known: Option<i64> = sqlx::query("select user_id from user_identities where issuer = $1 and subject = $2")
            .bind(claims.issuer)
            .bind(claims.subject)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.try_get("user_id"))
            .transpose()?;
        let user_id = match known {
            Some(id) => id,
            None => {
                let same_person: Option<i64> = match claims.personal_identity_number {
                    Some(pnr) => sqlx::query("select id from users where personal_identity_number = $1")
                        .bind(pnr.expose())
                        .fetch_optional(&mut *tx)
                        .await?
                        .map(|r| r.try_get("id"))
                        .transpose()?,
                    None => None,
                };
                let id = match same_person {
                    Some(id) => id,
                    None => sqlx::query(
                        "insert into users (kind, display_name, personal_identity_number, email, updated_at) \
                             values ($1, $2, $3, $4, $5) returning id",
                    )
                    .bind(claims.kind.as_str())
                    .bind(claims.display_name)
                    .bind(claims.personal_identity_number.map(|p| p.expose().to_owned()))
                    .bind(claims.email)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get("id")?,
                };
                sqlx::query("insert into user_identities (issuer, subject, user_id) values ($1, $2, $3)")
                    .bind(claims.issuer)
                    .bind(claims.subject)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                id
            }
        };
        sqlx::query("update user_identities set last_sign_in_at = $1 where issuer = $2 and subject = $3")
            .bind(now)
            .bind(claims.issuer)
            .bind(claims.subject)
            .execute(&mut *tx)
            .await?;
        // The provider's name is the registered one; keep it current.
        sqlx::query("update users set display_name = $1, updated_at = $2 where id = $3")
            .bind(claims.display_name)
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        let user = sqlx::query(&format!("select {USER_COLUMNS} from users where id = $1"))
            .bind(user_id)
            .fetch_one(&mut *tx)
            .await?;
        let user = user_from_row(&user)?;
        tx.commit().await?;
        self.identity_changed(Some(user.id));
        Ok(user)
    }

    pub async fn user(&self, id: UserId) -> Result<Option<User>> {
        sqlx::query(&format!("select {USER_COLUMNS} from users where id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| user_from_row(&r))
            .transpose()
    }

    pub async fn user_by_persona(&self, persona: &str) -> Result<Option<User>> {
        sqlx::query(&format!("select {USER_COLUMNS} from users where persona = $1"))
            .bind(persona)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| user_from_row(&r))
            .transpose()
    }

    /// Demo personas of one kind, for the built-in test identity provider's picker.
    pub async fn personas(&self, kind: UserKind) -> Result<Vec<User>> {
        let rows = sqlx::query(&format!(
            "select {USER_COLUMNS} from users where persona is not null and kind = $1 order by id"
        ))
        .bind(kind.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user_from_row).collect()
    }

    /// Users by name (case-insensitive part), for the administrator.
    pub async fn find_users(&self, name_part: &str, now: i64) -> Result<Vec<UserSummary>> {
        let pattern = format!("%{}%", name_part.to_lowercase().replace(['%', '_'], ""));
        let rows = sqlx::query(
            "select u.id, u.kind, u.display_name, u.disabled_at, \
                    (select count(*) from access_grants g where g.user_id = u.id and g.revoked_at is null \
                       and g.valid_from <= $2 and g.valid_until > $2) as active_grants \
             from users u where lower(u.display_name) like $1 order by u.display_name, u.id limit 200",
        )
        .bind(pattern)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(UserSummary {
                    id: r.try_get("id")?,
                    kind: UserKind::parse(&r.try_get::<String, _>("kind")?)?,
                    display_name: r.try_get("display_name")?,
                    disabled: r.try_get::<Option<i64>, _>("disabled_at")?.is_some(),
                    active_grants: r.try_get("active_grants")?,
                })
            })
            .collect()
    }

    /// Mandates in force: the organisations the person may act for.
    pub async fn mandates(&self, user_id: UserId, now: i64) -> Result<Vec<Mandate>> {
        let rows = sqlx::query(
            "select organisation_number, organisation_name from mandates \
             where user_id = $1 and (valid_until is null or valid_until > $2) order by organisation_name",
        )
        .bind(user_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let n: String = r.try_get("organisation_number")?;
                Ok(Mandate {
                    organisation: OrganisationNumber::parse(&n)
                        .map_err(|_| DbError::CorruptRow("mandate organisation number".into()))?,
                    name: r.try_get("organisation_name")?,
                })
            })
            .collect()
    }

    /// Who the user is allowed to be right now: formal grants in force, the resident role for
    /// people, and a representative role per mandate. A disabled user has no grants at all.
    pub async fn principal(&self, user: &User, acting_for: Option<&OrganisationNumber>, now: i64) -> Result<Principal> {
        let mut grants = Vec::new();
        if !user.disabled {
            if user.kind == UserKind::Person {
                grants.push(Grant { role: Role::Resident, scope: Scope::Own });
                for m in self.mandates(user.id, now).await? {
                    grants
                        .push(Grant { role: Role::BusinessRepresentative, scope: Scope::Organisation(m.organisation) });
                }
            }
            let rows = sqlx::query(
                "select role, scope from access_grants where user_id = $1 and revoked_at is null \
                 and valid_from <= $2 and valid_until > $2 order by id",
            )
            .bind(user.id)
            .bind(now)
            .fetch_all(&self.pool)
            .await?;
            for r in rows {
                grants.push(grant_from_row(&r)?);
            }
        }
        let acting_for = acting_for_within(&grants, acting_for);
        Ok(Principal { user_id: user.id, grants, acting_for })
    }

    /// Ends every session of the user (sessions remember the epoch they began in).
    pub async fn end_sessions(&self, user_id: UserId) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("update users set session_epoch = session_epoch + 1 where id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        let done = done.rows_affected() == 1;
        if done {
            tx.commit().await?;
            self.identity_changed(Some(user_id));
        }
        Ok(done)
    }

    /// Disables (or enables) a user; disabling ends their sessions too.
    pub async fn set_user_disabled(&self, user_id: UserId, disabled: bool, now: i64) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update users set disabled_at = $1, updated_at = $2, \
             session_epoch = session_epoch + $3 where id = $4",
        )
        .bind(disabled.then_some(now))
        .bind(now)
        .bind(i64::from(disabled))
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        let done = done.rows_affected() == 1;
        if done {
            tx.commit().await?;
            self.identity_changed(Some(user_id));
        }
        Ok(done)
    }

    /// Saves the contact preferences a person can set without verification.
    pub async fn update_contact(
        &self,
        user_id: UserId,
        phone: Option<&str>,
        preferred_lang: Option<Lang>,
        channel: NotifyChannel,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        // The number as E.164 too, so a call from it finds the person (the contact centre).
        let e164 = phone.and_then(stadsporten_domain::contact_centre::telephony::PhoneNumber::parse);
        sqlx::query(
            "update users set phone = $1, preferred_lang = $2, notify_via = $3, updated_at = $4, phone_e164 = $6 \
             where id = $5",
        )
        .bind(phone)
        .bind(preferred_lang.map(|l| l.code()))
        .bind(channel.as_str())
        .bind(now)
        .bind(user_id)
        .bind(e164.as_ref().map(|p| p.as_str()))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.identity_changed(Some(user_id));
        Ok(())
    }

    /// Records a pending e-mail change; the address becomes the user's when the link is followed.
    /// Only the token's hash is stored.
    pub async fn begin_email_verification(
        &self,
        user_id: UserId,
        email: &str,
        token_hash: &str,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query("insert into email_verifications (token_hash, user_id, email, expires_at) values ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user_id)
            .bind(email)
            .bind(expires_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Follows a verification link once: sets the verified address for the user it was made for.
    /// Returns the address, or `None` when the link is unknown, used, expired or someone else's.
    pub async fn confirm_email(&self, user_id: UserId, token_hash: &str, now: i64) -> Result<Option<String>> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "update email_verifications set used_at = $1 \
             where token_hash = $2 and user_id = $3 and used_at is null and expires_at > $1 returning email",
        )
        .bind(now)
        .bind(token_hash)
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            // Ended explicitly: a transaction left to drop can linger on the connection (Any driver).
            tx.rollback().await?;
            return Ok(None);
        };
        let email: String = row.try_get("email")?;
        sqlx::query("update users set email = $1, email_verified = 1, updated_at = $2 where id = $3")
            .bind(&email)
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.identity_changed(Some(user_id));
        Ok(Some(email))
    }

    /// The address waiting for confirmation, if any.
    pub async fn pending_email(&self, user_id: UserId, now: i64) -> Result<Option<String>> {
        Ok(sqlx::query(
            "select email from email_verifications where user_id = $1 and used_at is null and expires_at > $2 \
             order by expires_at desc limit 1",
        )
        .bind(user_id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| r.try_get("email"))
        .transpose()?)
    }

    /// Every unit (kept in memory until the content changes).
    pub async fn units(&self) -> Result<Vec<Unit>> {
        let units = self.memos.units.get_or_load(self, (), || async { self.units_uncached().await.map(Some) }).await?;
        Ok(units.unwrap_or_default())
    }

    async fn units_uncached(&self) -> Result<Vec<Unit>> {
        let rows = sqlx::query("select code, name_sv, name_en, name_fi, name_ar from units order by code")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let code: String = r.try_get("code")?;
                Ok(Unit {
                    code: UnitCode::parse(&code).ok_or_else(|| DbError::CorruptRow(format!("unit {code}")))?,
                    name_sv: r.try_get("name_sv")?,
                    name_en: r.try_get("name_en")?,
                    name_fi: r.try_get("name_fi")?,
                    name_ar: r.try_get("name_ar")?,
                })
            })
            .collect()
    }
}
