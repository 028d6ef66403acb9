//! Information security's demo data (`seed/security.toml`): the information owners'
//! classifications, the population register's entries for the demo residents, a protected
//! person's case in the social services' queue and a personal-data breach whose 72-hour clock is
//! running. Idempotent: what is there is never changed.

use crate::cases::Submission;
use crate::security::RegisterEntry;
use crate::{DbError, Result, Store};
use serde::Deserialize;
use sqlx::Row;
use stadsporten_domain::date::Date;
use stadsporten_domain::eservice::answers::{Address, Answer, Answers};
use stadsporten_domain::ids::{DraftToken, UserId};
use stadsporten_domain::measure::{CaseChannel, Origin};
use stadsporten_domain::security::classification::{Classification, ClassificationForm, Level, Subject};
use stadsporten_domain::security::incident::{
    IncidentCategory, IncidentSeverity, PersonalData, ReportForm, TriageForm,
};
use stadsporten_domain::security::protected::Protection;

const SEED: &str = include_str!("../seed/security.toml");

#[derive(Deserialize)]
struct SeedFile {
    classification: Vec<SeedClassification>,
    register: Vec<SeedRegister>,
    protected_case: SeedCase,
    incident: SeedIncident,
}

#[derive(Deserialize)]
struct SeedClassification {
    subject: String,
    levels: [i64; 3],
    reason: String,
}

#[derive(Deserialize)]
struct SeedRegister {
    persona: String,
    street: String,
    postal_code: String,
    city: String,
    protection: String,
}

#[derive(Deserialize)]
struct SeedCase {
    persona: String,
    service: String,
    street: String,
    postal_code: String,
    city: String,
    phone: String,
    description: String,
}

#[derive(Deserialize)]
struct SeedIncident {
    reporter: String,
    hours_ago: i64,
    what: String,
    systems: String,
    information: String,
    triage_by: String,
}

fn invalid(what: String) -> DbError {
    DbError::Seed(format!("security.toml: {what}"))
}

fn parse() -> Result<(SeedFile, Vec<ClassificationForm>)> {
    let file: SeedFile = toml::from_str(SEED).map_err(|e| invalid(e.to_string()))?;
    let mut forms = Vec::new();
    for c in &file.classification {
        let subject = Subject::parse(&c.subject).ok_or_else(|| invalid(c.subject.clone()))?;
        let [ci, ii, ai] = c.levels.map(Level::from_number);
        let (Some(ci), Some(ii), Some(ai)) = (ci, ii, ai) else {
            return Err(invalid(format!("{}: levels", c.subject)));
        };
        if ci == Level::L4 {
            return Err(invalid(format!("{}: confidentiality 4 is refused", c.subject)));
        }
        forms.push(ClassificationForm {
            subject,
            classification: Classification::new(ci, ii, ai),
            reason: c.reason.clone(),
        });
    }
    for r in &file.register {
        Protection::parse(&r.protection).ok_or_else(|| invalid(format!("{}: protection", r.persona)))?;
    }
    Ok((file, forms))
}

impl Store {
    async fn persona_id(&self, key: &str) -> Result<Option<UserId>> {
        Ok(sqlx::query("select id from users where persona = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get("id"))
            .transpose()?)
    }

    /// Adds what is missing of the security demo data. Returns how many classifications were
    /// added. Personas not seeded (no test identity provider) are skipped.
    pub async fn seed_security(&self, now: i64) -> Result<usize> {
        let (file, forms) = parse()?;
        let have: Vec<String> = sqlx::query("select subject from classifications")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| r.try_get("subject"))
            .collect::<std::result::Result<_, _>>()?;
        let mut added = 0;
        for f in forms.iter().filter(|f| !have.contains(&f.subject.key())) {
            let mut tx = self.begin_write().await?;
            sqlx::query(
                "insert into classifications (subject, confidentiality, integrity, availability, reason, set_at) \
                 values ($1, $2, $3, $4, $5, $6)",
            )
            .bind(f.subject.key())
            .bind(f.classification.confidentiality.number())
            .bind(f.classification.integrity.number())
            .bind(f.classification.availability.number())
            .bind(&f.reason)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            added += 1;
        }
        if added > 0 {
            self.changed(crate::changes::Topic::Content);
        }
        for r in &file.register {
            let Some(id) = self.persona_id(&r.persona).await? else { continue };
            if self.register_entry(id).await?.is_some() {
                continue;
            }
            let entry = RegisterEntry {
                user_id: id,
                street: r.street.clone(),
                postal_code: r.postal_code.clone(),
                city: r.city.clone(),
                protection: Protection::parse(&r.protection).unwrap_or(Protection::None),
            };
            self.put_register_entry(&entry, now).await?;
        }
        self.seed_protected_case(&file.protected_case, now).await?;
        self.seed_incident(&file.incident, now).await?;
        Ok(added)
    }

    async fn seed_protected_case(&self, c: &SeedCase, now: i64) -> Result<()> {
        let Some(person) = self.persona_id(&c.persona).await? else { return Ok(()) };
        let key = format!("seed-protected-{}", c.persona);
        let there =
            sqlx::query("select 1 from cases where idempotency_key = $1").bind(&key).fetch_optional(&self.pool).await?;
        let Some(def) = self.live_definition(&c.service).await? else { return Ok(()) };
        if there.is_some() {
            return Ok(());
        }
        let token = DraftToken::new(format!("{:0>64}", format!("5eed{}", person)));
        let draft = self.create_draft(&token, person, None, def.id, Origin::default(), now, now + 86_400).await?;
        let mut answers = Answers::new();
        answers.insert("for_whom".into(), Answer::Text("myself".into()));
        answers.insert(
            "address".into(),
            Answer::Address(Address {
                street: c.street.clone(),
                postcode: c.postal_code.clone(),
                city: c.city.clone(),
            }),
        );
        answers.insert("lives_alone".into(), Answer::Text("yes".into()));
        answers.insert("help_with".into(), Answer::Choices(vec!["shopping".into(), "cleaning".into()]));
        answers.insert("description".into(), Answer::Text(c.description.clone()));
        answers.insert("contact_phone".into(), Answer::Text(c.phone.clone()));
        self.save_draft(draft.id, &answers, None, now, now + 86_400).await?;
        let year = Date::in_stockholm(now).map_or(2026, Date::year);
        self.submit_case(&Submission {
            draft_id: draft.id,
            applicant_id: person,
            acting_for: None,
            idempotency_key: &key,
            definition_id: def.id,
            service_slug: &def.slug,
            unit_code: &def.unit_code,
            provider_unit: None,
            provider_org: None,
            year,
            lang: "sv",
            answers: &answers,
            handling_days: def.definition.handling_days,
            day_kind: def.definition.handling_day_kind,
            channel: CaseChannel::Web,
            now,
        })
        .await?;
        Ok(())
    }

    async fn seed_incident(&self, i: &SeedIncident, now: i64) -> Result<()> {
        let (Some(reporter), Some(officer)) =
            (self.persona_id(&i.reporter).await?, self.persona_id(&i.triage_by).await?)
        else {
            return Ok(());
        };
        let any: i64 = sqlx::query("select count(*) as n from incidents").fetch_one(&self.pool).await?.try_get("n")?;
        if any > 0 {
            return Ok(());
        }
        let at = now - i.hours_ago * 3600;
        let year = Date::in_stockholm(at).map_or(2026, Date::year);
        let report = ReportForm {
            what: i.what.clone(),
            occurred: Some(stadsporten_domain::date::stockholm_local(at - 3600)),
            systems: i.systems.clone(),
            information: i.information.clone(),
            personal_data: PersonalData::Yes,
            idempotency_key: "seed-incident".into(),
        };
        let (id, _) = self.report_incident(&report, reporter, year, at).await?;
        let triage = TriageForm {
            category: IncidentCategory::Misdirected,
            severity: IncidentSeverity::High,
            owner_id: officer.get(),
            breach: true,
            note: "Mottagaren ombedd att radera; kontrollerar utskickslistan.".into(),
        };
        self.triage_incident(id, &triage, officer, at + 1800).await?;
        // The reminder for 24 hours has not passed yet; none are owed at seed time.
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_security_seed_is_valid() {
        let (file, forms) = super::parse().expect("valid seed");
        assert!(forms.iter().any(|f| f.classification.is_sensitive()));
        assert!(file.register.iter().any(|r| r.protection != "none"));
    }
}
