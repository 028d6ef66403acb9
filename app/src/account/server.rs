//! Server functions of Mina sidor. Each starts with the authorisation check and works only on the
//! signed-in person's own data.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One organisation the person may act for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub number: String,
    pub name: String,
    pub current: bool,
}

/// What Mina sidor shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyPagesView {
    pub name: String,
    /// The person's own personnummer, shown to them only (`YYYYMMDD-NNNN`).
    pub personal_identity_number: Option<String>,
    pub email: Option<String>,
    pub email_verified: bool,
    /// An address waiting for its confirmation link to be followed.
    pub pending_email: Option<String>,
    pub phone: Option<String>,
    pub preferred_lang: Option<String>,
    pub notify_channel: String,
    pub organisations: Vec<OrganisationView>,
}

#[server(endpoint = "my/overview", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn my_overview() -> Result<MyPagesView, AppError> {
    use stadsporten_domain::access::{Permission, Target};
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let store = crate::context::store()?;
    let now = crate::context::current().now;
    let user = store.user(viewer.user_id).await?.ok_or(AppError::Unauthorized)?;
    let acting = viewer.acting_for.as_ref().map(|(o, _)| o.clone());
    let organisations = store
        .mandates(user.id, now)
        .await?
        .into_iter()
        .map(|m| OrganisationView {
            current: acting.as_ref() == Some(&m.organisation),
            number: m.organisation.to_string(),
            name: m.name,
        })
        .collect();
    Ok(MyPagesView {
        name: user.display_name,
        personal_identity_number: user.personal_identity_number.map(|p| {
            let d = p.expose();
            format!("{}-{}", &d[..8], &d[8..])
        }),
        email: user.email,
        email_verified: user.email_verified,
        pending_email: store.pending_email(user.id, now).await?,
        phone: user.phone,
        preferred_lang: user.preferred_lang.map(|l| l.code().to_owned()),
        notify_channel: user.notify_channel.as_str().to_owned(),
        organisations,
    })
}

#[cfg(any(feature = "ssr", test))]
use stadsporten_domain::contact::valid_phone;

/// Saves phone, language and notification channel. Refused input comes back with the form.
#[server(endpoint = "my/contact", prefix = "/api")]
pub async fn save_contact(phone: String, lang: String, channel: String) -> Result<(), AppError> {
    use stadsporten_db::NotifyChannel;
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::AuditAction;
    use stadsporten_domain::Lang;
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let phone = phone.trim().to_owned();
    let mut errors = Vec::new();
    if !phone.is_empty() && !valid_phone(&phone) {
        errors.push(("phone".to_owned(), "my-error-phone".to_owned()));
    }
    let lang_choice = if lang.is_empty() { None } else { Lang::parse(&lang) };
    if !lang.is_empty() && lang_choice.is_none() {
        errors.push(("lang".to_owned(), "my-error-choice".to_owned()));
    }
    let channel_choice = NotifyChannel::parse(&channel);
    if channel_choice.is_none() {
        errors.push(("channel".to_owned(), "my-error-choice".to_owned()));
    }
    let (Some(channel_choice), true) = (channel_choice, errors.is_empty()) else {
        crate::flash::keep(&crate::flash::FormFlash {
            form: "contact".into(),
            values: vec![("phone".into(), phone), ("lang".into(), lang), ("channel".into(), channel)],
            errors,
            args: Vec::new(),
        })
        .await?;
        leptos_axum::redirect("/my#contact");
        return Ok(());
    };
    let now = crate::context::current().now;
    crate::auth::audited(
        AuditAction::Update,
        "user",
        Some(viewer.user_id.to_string()),
        Some("resident"),
        Some("contact-details".into()),
    )?
    .update_contact(viewer.user_id, (!phone.is_empty()).then_some(phone.as_str()), lang_choice, channel_choice, now)
    .await?;
    leptos_axum::redirect("/my?saved=contact#contact");
    Ok(())
}

/// Chooses whom the person acts for: `self`, or an organisation they hold a mandate for.
#[server(endpoint = "my/act-for", prefix = "/api")]
pub async fn act_for(organisation: String) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::{AuditAction, Outcome};
    use stadsporten_domain::organisation::OrganisationNumber;
    let viewer = crate::auth::signed_in()?;
    let session = leptos_axum::extract::<tower_sessions::Session>().await.map_err(|_| AppError::Internal)?;
    if organisation == "self" {
        crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
        let _ = session.remove::<OrganisationNumber>(crate::context::ACTING_FOR_KEY).await;
    } else {
        let org = OrganisationNumber::parse(&organisation).map_err(|_| AppError::BadArguments.respond())?;
        crate::auth::require(Permission::ActForOrganisation, &Target::Organisation(&org)).await?;
        session.insert(crate::context::ACTING_FOR_KEY, &org).await.map_err(|_| AppError::Internal)?;
        crate::auth::record(
            AuditAction::ActFor,
            "organisation",
            Some(org.to_string()),
            Outcome::Success,
            Some("business-representative"),
            None,
        )
        .await?;
    }
    leptos_axum::redirect("/my?saved=acting-for");
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn phone_numbers_as_people_write_them() {
        for ok in ["08-508 000 00", "+46 8 508 000 00", "070-123 45 67", "(08) 508 000 00"] {
            assert!(super::valid_phone(ok), "{ok}");
        }
        for bad in ["123", "08 508 000 00 x", "46+8 5080000", "1234567890123456"] {
            assert!(!super::valid_phone(bad), "{bad}");
        }
    }
}

/// Starts a change of e-mail address: a confirmation link is sent to the new address, which
/// becomes the person's only when the link is followed (by them, signed in, within 24 hours).
#[server(endpoint = "my/email", prefix = "/api")]
pub async fn start_email_change(email: String) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::{sha256_hex, AuditAction, Outcome};
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let email = email.trim().to_owned();
    let refuse = |id: &str| crate::flash::FormFlash {
        form: "email".into(),
        values: vec![("email".into(), email.clone())],
        errors: vec![("email".into(), id.into())],
        args: Vec::new(),
    };
    if !crate::mail::valid_email(&email) {
        crate::flash::keep(&refuse("my-error-email")).await?;
        leptos_axum::redirect("/my#email");
        return Ok(());
    }
    let ctx = crate::context::current();
    let settings = use_context::<crate::context::ServiceSettings>().ok_or(AppError::Internal)?;
    let mailer = use_context::<crate::mail::MailerHandle>().ok_or(AppError::Internal)?;
    let store = crate::context::store()?;
    let token = {
        use rand::RngCore as _;
        let mut bytes = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut bytes);
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    store.begin_email_verification(viewer.user_id, &email, &sha256_hex(&token), ctx.now + 24 * 3600).await?;
    let link = format!("{}/my/email/confirm?token={token}", settings.public_url);
    let lang = ctx.lang;
    let mail = crate::mail::OutgoingMail {
        to: email.clone(),
        subject: crate::i18n::t(lang, "email-confirm-subject"),
        body: crate::i18n::ta(
            lang,
            "email-confirm-body",
            &[("name", viewer.name.clone().into()), ("link", link.into())],
        ),
    };
    if mailer.0.send(mail).await.is_err() {
        crate::flash::keep(&refuse("my-error-email-send")).await?;
        leptos_axum::redirect("/my#email");
        return Ok(());
    }
    crate::auth::record(
        AuditAction::Update,
        "user",
        Some(viewer.user_id.to_string()),
        Outcome::Success,
        Some("resident"),
        Some("email-confirmation-sent".into()),
    )
    .await?;
    leptos_axum::redirect("/my?saved=email-sent#email");
    Ok(())
}

/// Follows an e-mail confirmation link: `Ok(Some(address))` when confirmed now, `Ok(None)` when
/// the link is unknown, used, expired or someone else's.
#[server(endpoint = "my/email/confirm", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn confirm_email(token: String) -> Result<Option<String>, AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::{sha256_hex, AuditAction, Outcome};
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let now = crate::context::current().now;
    // A confirmation commits with its entry; a link that confirms nothing is recorded as failed.
    let confirmed = crate::auth::audited(
        AuditAction::VerifyEmail,
        "user",
        Some(viewer.user_id.to_string()),
        Some("resident"),
        None,
    )?
    .confirm_email(viewer.user_id, &sha256_hex(token.trim()), now)
    .await?;
    if confirmed.is_none() {
        crate::auth::record(
            AuditAction::VerifyEmail,
            "user",
            Some(viewer.user_id.to_string()),
            Outcome::Failed,
            Some("resident"),
            None,
        )
        .await?;
        crate::context::set_status(400);
    }
    Ok(confirmed)
}
