//! The city's units and the demo personas (`seed/identities.toml`) for the embedded default.
//!
//! Idempotent: units and personas are added when missing, never changed. Each persona is linked to
//! the built-in test identity provider's issuers passed in, with the persona key as subject, so
//! signing in as "anna" there is signing in as the seeded Anna here.

use crate::{DbError, Result, Store};
use serde::Deserialize;
use sqlx::Row;
use stadsporten_domain::access::{Grant, Role, Scope};
use stadsporten_domain::identity::PersonalIdentityNumber;
use stadsporten_domain::organisation::{OrganisationNumber, UnitCode};

const SEED: &str = include_str!("../seed/identities.toml");

#[derive(Deserialize)]
struct SeedFile {
    unit: Vec<SeedUnit>,
    persona: Vec<SeedPersona>,
}

#[derive(Deserialize)]
struct SeedUnit {
    code: String,
    sv: String,
    en: String,
    #[serde(default)]
    fi: Option<String>,
    #[serde(default)]
    ar: Option<String>,
}

#[derive(Deserialize)]
struct SeedPersona {
    key: String,
    name: String,
    provider: String,
    personnummer: Option<String>,
    email: String,
    #[serde(default)]
    grants: Vec<String>,
    #[serde(default)]
    mandates: Vec<SeedMandate>,
    #[serde(default)]
    granted_days_ago: i64,
}

#[derive(Deserialize)]
struct SeedMandate {
    organisation: String,
    name: String,
}

fn invalid(msg: String) -> DbError {
    DbError::Seed(msg)
}

fn parse_grant(text: &str) -> Option<Grant> {
    let (role, scope) = text.split_once('@')?;
    Grant::new(Role::parse(role)?, Scope::from_key(scope)?)
}

/// Checks the file against the domain's rules before anything is written.
fn parse_seed() -> Result<SeedFile> {
    let file: SeedFile = toml::from_str(SEED).map_err(|e| invalid(e.to_string()))?;
    for u in &file.unit {
        UnitCode::parse(&u.code).ok_or_else(|| invalid(format!("unit code {}", u.code)))?;
    }
    for p in &file.persona {
        match (p.provider.as_str(), &p.personnummer) {
            ("eid", Some(n)) => {
                PersonalIdentityNumber::parse(n, 2100).map_err(|_| invalid(format!("{}: personnummer", p.key)))?;
            }
            ("staff", None) => {}
            _ => return Err(invalid(format!("{}: eid personas need a personnummer, staff none", p.key))),
        }
        for g in &p.grants {
            let grant = parse_grant(g).ok_or_else(|| invalid(format!("{}: grant {g}", p.key)))?;
            if let Scope::Unit(u) = &grant.scope {
                if !file.unit.iter().any(|x| x.code == u.as_str()) {
                    return Err(invalid(format!("{}: unknown unit {u}", p.key)));
                }
            }
        }
        for m in &p.mandates {
            OrganisationNumber::parse(&m.organisation).map_err(|_| invalid(format!("{}: mandate", p.key)))?;
        }
    }
    Ok(file)
}

impl Store {
    /// Adds the city's units and keeps their names in every language as the seed has them
    /// (always safe: reference data no one edits here).
    pub async fn seed_units(&self) -> Result<()> {
        let mut changed = false;
        for u in parse_seed()?.unit {
            let n = sqlx::query(
                "insert into units (code, name_sv, name_en, name_fi, name_ar) values ($1, $2, $3, $4, $5) \
                 on conflict (code) do update set name_sv = excluded.name_sv, name_en = excluded.name_en, \
                 name_fi = excluded.name_fi, name_ar = excluded.name_ar \
                 where units.name_sv <> excluded.name_sv or units.name_en <> excluded.name_en \
                 or units.name_fi is distinct from excluded.name_fi or units.name_ar is distinct from excluded.name_ar",
            )
            .bind(&u.code)
            .bind(&u.sv)
            .bind(&u.en)
            .bind(u.fi.as_deref())
            .bind(u.ar.as_deref())
            .execute(&self.pool)
            .await?;
            changed |= n.rows_affected() > 0;
        }
        if changed {
            self.changed(crate::changes::Topic::Content);
        }
        Ok(())
    }

    /// Adds missing demo personas with their grants and mandates, and links them to the test
    /// identity provider's issuers. Returns how many personas were added.
    pub async fn seed_personas(&self, eid_issuer: &str, staff_issuer: &str, now: i64) -> Result<usize> {
        let file = parse_seed()?;
        self.seed_units().await?;
        let mut added = 0;
        for p in &file.persona {
            let mut tx = self.begin_write().await?;
            let existing: Option<i64> = sqlx::query("select id from users where persona = $1")
                .bind(&p.key)
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| r.try_get("id"))
                .transpose()?;
            let id = match existing {
                Some(id) => id,
                None => {
                    added += 1;
                    let kind = if p.provider == "eid" { "person" } else { "staff" };
                    let pnr = match &p.personnummer {
                        Some(n) => Some(
                            PersonalIdentityNumber::parse(n, 2100)
                                .map_err(|_| invalid(p.key.clone()))?
                                .expose()
                                .to_owned(),
                        ),
                        None => None,
                    };
                    // A person seeded before they were a persona (the contact centre's protected
                    // person) becomes the persona rather than a second user with their number.
                    let adopted: Option<i64> = match &pnr {
                        Some(n) => sqlx::query(
                            "update users set persona = $1, email = coalesce(email, $2), email_verified = 1 \
                             where personal_identity_number = $3 and persona is null returning id",
                        )
                        .bind(&p.key)
                        .bind(&p.email)
                        .bind(n)
                        .fetch_optional(&mut *tx)
                        .await?
                        .map(|r| r.try_get("id"))
                        .transpose()?,
                        None => None,
                    };
                    let id: i64 = match adopted {
                        Some(id) => id,
                        None => sqlx::query(
                            "insert into users (kind, display_name, personal_identity_number, email, email_verified, \
                         persona, updated_at) values ($1, $2, $3, $4, 1, $5, $6) returning id",
                        )
                        .bind(kind)
                        .bind(&p.name)
                        .bind(pnr)
                        .bind(&p.email)
                        .bind(&p.key)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await?
                        .try_get("id")?,
                    };
                    let from = now - p.granted_days_ago * 86_400;
                    for g in &p.grants {
                        let grant = parse_grant(g).ok_or_else(|| invalid(g.clone()))?;
                        sqlx::query(
                            "insert into access_grants (user_id, role, scope, reason, valid_from, valid_until) \
                             values ($1, $2, $3, $4, $5, $6)",
                        )
                        .bind(id)
                        .bind(grant.role.slug())
                        .bind(grant.scope.to_key())
                        .bind("Demo persona (seeded)")
                        .bind(from)
                        .bind(now + 365 * 86_400)
                        .execute(&mut *tx)
                        .await?;
                    }
                    for m in &p.mandates {
                        let org = OrganisationNumber::parse(&m.organisation).map_err(|_| invalid(m.name.clone()))?;
                        sqlx::query(
                            "insert into mandates (user_id, organisation_number, organisation_name, source) \
                             values ($1, $2, $3, 'demo')",
                        )
                        .bind(id)
                        .bind(org.as_str())
                        .bind(&m.name)
                        .execute(&mut *tx)
                        .await?;
                    }
                    id
                }
            };
            let issuer = if p.provider == "eid" { eid_issuer } else { staff_issuer };
            sqlx::query(
                "insert into user_identities (issuer, subject, user_id) values ($1, $2, $3) \
                 on conflict (issuer, subject) do nothing",
            )
            .bind(issuer)
            .bind(&p.key)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        }
        Ok(added)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_identity_seed_is_valid_and_has_every_persona_of_the_product() {
        let file = super::parse_seed().expect("seed parses");
        for key in ["anna", "erik", "maja", "sara", "omar", "lena", "per", "admin", "ingrid"] {
            assert!(file.persona.iter().any(|p| p.key == key), "{key}");
        }
        let officer_units: Vec<_> =
            file.persona.iter().flat_map(|p| &p.grants).filter(|g| g.starts_with("case-officer@unit:")).collect();
        assert!(officer_units.len() >= 2, "case officers of two units");
    }
}
