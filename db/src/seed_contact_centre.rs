//! The contact centre's demo data (`seed/contact_centre.toml`): the units' public numbers, the
//! staff directory, a demo resident's mobile number and one person with protected personal data.
//! Idempotent: what is there is never changed.

use crate::contact_centre::NewDirectoryEntry;
use crate::{DbError, Result, Store};
use serde::Deserialize;
use sqlx::Row;
use stadsporten_domain::contact_centre::telephony::PhoneNumber;
use stadsporten_domain::identity::PersonalIdentityNumber;

const SEED: &str = include_str!("../seed/contact_centre.toml");

#[derive(Deserialize)]
struct SeedFile {
    unit: Vec<SeedUnit>,
    staff: Vec<SeedStaff>,
    person_phone: Vec<SeedPhone>,
    protected_person: Vec<SeedProtected>,
}

#[derive(Deserialize)]
struct SeedUnit {
    code: String,
    phone: String,
    email: String,
}

#[derive(Deserialize)]
struct SeedStaff {
    name: String,
    email: String,
    unit: String,
    function: String,
    direct_number: String,
    extension: String,
}

#[derive(Deserialize)]
struct SeedPhone {
    persona: String,
    phone: String,
}

#[derive(Deserialize)]
struct SeedProtected {
    name: String,
    personnummer: String,
}

fn parse() -> Result<SeedFile> {
    let file: SeedFile = toml::from_str(SEED).map_err(|e| DbError::Seed(format!("contact_centre.toml: {e}")))?;
    for n in file.unit.iter().map(|u| &u.phone).chain(file.staff.iter().map(|s| &s.direct_number)) {
        PhoneNumber::parse(n).ok_or_else(|| DbError::Seed(format!("contact_centre.toml: phone {n}")))?;
    }
    for p in &file.protected_person {
        PersonalIdentityNumber::parse(&p.personnummer, 2100)
            .map_err(|_| DbError::Seed(format!("contact_centre.toml: personnummer of {}", p.name)))?;
    }
    Ok(file)
}

impl Store {
    /// Adds what is missing of the contact centre's demo data. Returns how many directory
    /// entries were added.
    pub async fn seed_contact_centre(&self, now: i64) -> Result<usize> {
        let file = parse()?;
        for u in &file.unit {
            self.set_unit_contact(&u.code, &u.phone, &u.email).await?;
        }
        let mut added = 0;
        for s in &file.staff {
            let d = NewDirectoryEntry {
                name: &s.name,
                email: &s.email,
                unit_code: &s.unit,
                function: &s.function,
                direct_number: Some(&s.direct_number),
                extension: Some(&s.extension),
            };
            added += usize::from(self.add_directory_entry(&d, now).await?);
        }
        let mut tx = self.begin_write().await?;
        for p in &file.person_phone {
            let e164 = PhoneNumber::parse(&p.phone).map(|n| n.as_str().to_owned());
            sqlx::query("update users set phone = $1, phone_e164 = $2 where persona = $3 and phone is null")
                .bind(&p.phone)
                .bind(e164)
                .bind(&p.persona)
                .execute(&mut *tx)
                .await?;
        }
        for p in &file.protected_person {
            let there = sqlx::query("select id from users where personal_identity_number = $1")
                .bind(&p.personnummer)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(id) = there.map(|r| r.try_get::<i64, _>("id")).transpose()? {
                // Seeded before as a persona (to sign in with): marked protected all the same.
                sqlx::query("update users set protected_identity = 1 where id = $1 and protected_identity = 0")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            } else {
                sqlx::query(
                    "insert into users (kind, display_name, personal_identity_number, protected_identity, notify_via, \
                     updated_at) values ('person', $1, $2, 1, 'portal', $3)",
                )
                .bind(&p.name)
                .bind(&p.personnummer)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(added)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_contact_centre_seed_is_valid() {
        let file = super::parse().expect("valid seed");
        assert!(file.staff.len() >= 10);
        assert!(file.unit.iter().any(|u| u.code == "KC"));
    }
}
