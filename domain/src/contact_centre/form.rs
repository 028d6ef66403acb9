//! The agent's errand form: every field as posted, checked into an [`ErrandForm`] or a list of
//! errors, each beside its field (translation ids `contact-error-…`).
//!
//! Policy: an errand is quick to register, so only what the outcome needs is required — the
//! channel, what it concerns and the outcome always; the caller's number for a call-back or an
//! SMS; an e-mail address for a link by e-mail; a unit and notes for a hand-over or a view; an
//! identified person for an answer in Mina sidor. Anonymous is allowed everywhere else.

use super::telephony::PhoneNumber;
use super::{AnswerBy, Category, ContactChannel, ErrandOutcome, MAX_NOTES};
use crate::eservice::FieldError;

/// What the errand concerns: one of the catalogue's services, or a category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Concerns {
    Service(String),
    Category(Category),
}

impl Concerns {
    /// As posted: `service:bygglov` or `category:general`.
    pub fn parse(raw: &str) -> Option<Concerns> {
        match raw.trim().split_once(':')? {
            ("service", slug) if !slug.is_empty() && slug.len() <= 100 => slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                .then(|| Concerns::Service(slug.to_owned())),
            ("category", c) => Category::parse(c).map(Concerns::Category),
            _ => None,
        }
    }

    pub fn key(&self) -> String {
        match self {
            Concerns::Service(s) => format!("service:{s}"),
            Concerns::Category(c) => format!("category:{}", c.slug()),
        }
    }
}

/// How the link to the e-service reaches the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendLink {
    Sms,
    Email,
}

/// A view's kind, as the feedback e-service has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackKind {
    Complaint,
    Suggestion,
    Praise,
}

impl FeedbackKind {
    pub fn slug(self) -> &'static str {
        match self {
            FeedbackKind::Complaint => "complaint",
            FeedbackKind::Suggestion => "suggestion",
            FeedbackKind::Praise => "praise",
        }
    }

    pub fn parse(s: &str) -> Option<FeedbackKind> {
        [FeedbackKind::Complaint, FeedbackKind::Suggestion, FeedbackKind::Praise].into_iter().find(|k| k.slug() == s)
    }
}

/// A checked errand form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrandForm {
    pub channel: ContactChannel,
    pub concerns: Concerns,
    pub person: Option<i64>,
    pub caller_name: Option<String>,
    pub caller_phone: Option<PhoneNumber>,
    pub caller_email: Option<String>,
    pub notes: String,
    pub outcome: ErrandOutcome,
    pub send_link: Option<SendLink>,
    /// Hand-over and view: the unit.
    pub unit: Option<String>,
    pub answer_by: Option<AnswerBy>,
    pub subject: Option<String>,
    pub feedback_kind: Option<FeedbackKind>,
    pub wants_answer: bool,
    /// Call-back: the queue it is promised in.
    pub queue: String,
    pub call_key: Option<String>,
    pub idempotency_key: String,
}

/// Checks a posted errand form. `units` are the unit codes a hand-over or a view may go to;
/// `has_eservice(slug)` says whether a service has an e-service to link to.
pub fn check_errand(
    get: impl Fn(&str) -> String,
    units: &[String],
    has_eservice: impl Fn(&str) -> bool,
) -> Result<ErrandForm, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut err =
        |input: &str, code: &str| errors.push(FieldError { input: input.into(), code: code.into(), args: vec![] });
    let text = |k: &str| Some(get(k).trim().to_owned()).filter(|v| !v.is_empty());
    let channel = ContactChannel::parse(&get("channel"));
    if channel.is_none() {
        err("channel", "contact-error-channel");
    }
    let concerns = Concerns::parse(&get("concerns"));
    if concerns.is_none() {
        err("concerns", "contact-error-concerns");
    }
    let outcome = ErrandOutcome::parse(&get("outcome"));
    if outcome.is_none() {
        err("outcome", "contact-error-outcome");
    }
    let person = text("person").and_then(|p| p.parse::<i64>().ok());
    let caller_name = text("caller_name");
    if caller_name.as_ref().is_some_and(|n| n.chars().count() > 200) {
        err("caller_name", "contact-error-too-long");
    }
    let caller_phone = match text("caller_phone") {
        Some(p) => match PhoneNumber::parse(&p) {
            Some(n) => Some(n),
            None => {
                err("caller_phone", "contact-error-phone");
                None
            }
        },
        None => None,
    };
    let caller_email = match text("caller_email") {
        Some(e) if crate::contact::valid_email(&e) => Some(e),
        Some(_) => {
            err("caller_email", "contact-error-email");
            None
        }
        None => None,
    };
    let notes = get("notes").trim().to_owned();
    if notes.chars().count() > MAX_NOTES {
        err("notes", "contact-error-too-long");
    }
    let mut send_link = None;
    let mut unit = None;
    let mut answer_by = None;
    let mut subject = None;
    let mut feedback_kind = None;
    let wants_answer = get("wants_answer") == "yes";
    match outcome {
        Some(ErrandOutcome::Answered) => {
            send_link = match get("send_link").as_str() {
                "sms" => Some(SendLink::Sms),
                "email" => Some(SendLink::Email),
                _ => None,
            };
            match (send_link, &concerns) {
                (Some(_), Some(Concerns::Service(s))) if !has_eservice(s) => {
                    err("send_link", "contact-error-no-eservice")
                }
                (Some(_), Some(Concerns::Category(_))) => err("send_link", "contact-error-no-eservice"),
                _ => {}
            }
            if send_link == Some(SendLink::Sms) && caller_phone.is_none() && text("caller_phone").is_none() {
                err("caller_phone", "contact-error-phone-needed");
            }
            if send_link == Some(SendLink::Email) && caller_email.is_none() && text("caller_email").is_none() {
                err("caller_email", "contact-error-email-needed");
            }
        }
        Some(ErrandOutcome::HandedOver) | Some(ErrandOutcome::Feedback) => {
            match text("unit").filter(|u| units.contains(u)) {
                Some(u) => unit = Some(u),
                None => err("unit", "contact-error-unit"),
            }
            if notes.chars().filter(|c| c.is_alphanumeric()).count() < 10 {
                err("notes", "contact-error-notes");
            }
            if outcome == Some(ErrandOutcome::HandedOver) {
                subject = text("subject");
                match &subject {
                    None => err("subject", "contact-error-subject"),
                    Some(s) if s.chars().count() > 200 => err("subject", "contact-error-too-long"),
                    _ => {}
                }
                answer_by = AnswerBy::parse(&get("answer_by"));
                match answer_by {
                    None => err("answer_by", "contact-error-answer-by"),
                    Some(AnswerBy::MyPages) if person.is_none() => err("answer_by", "contact-error-answer-by-person"),
                    Some(AnswerBy::Phone) if caller_phone.is_none() && text("caller_phone").is_none() => {
                        err("caller_phone", "contact-error-phone-needed")
                    }
                    Some(AnswerBy::Letter) if person.is_none() && caller_name.is_none() => {
                        err("caller_name", "contact-error-name-needed")
                    }
                    _ => {}
                }
            } else {
                feedback_kind = FeedbackKind::parse(&get("feedback_kind"));
                if feedback_kind.is_none() {
                    err("feedback_kind", "contact-error-feedback-kind");
                }
                if wants_answer && person.is_none() {
                    err("wants_answer", "contact-error-answer-by-person");
                }
            }
        }
        Some(ErrandOutcome::CallBack) if caller_phone.is_none() && text("caller_phone").is_none() => {
            err("caller_phone", "contact-error-phone-needed");
        }
        Some(ErrandOutcome::CallBack) | None => {}
    }
    let queue = text("queue").filter(|q| q.len() <= 64 && q.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    let call_key = text("call").filter(|c| c.len() <= 200);
    let idempotency_key = get("idempotency_key").trim().chars().take(128).collect::<String>();
    if idempotency_key.is_empty() {
        err("idempotency_key", "contact-error-resend");
    }
    match (channel, concerns, outcome) {
        (Some(channel), Some(concerns), Some(outcome)) if errors.is_empty() => Ok(ErrandForm {
            channel,
            concerns,
            person,
            caller_name,
            caller_phone,
            caller_email,
            notes,
            outcome,
            send_link,
            unit,
            answer_by,
            subject,
            feedback_kind,
            wants_answer,
            queue: queue.unwrap_or_else(|| "general".into()),
            call_key,
            idempotency_key,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Result<ErrandForm, Vec<String>> {
        let get = |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_owned()).unwrap_or_default();
        check_errand(get, &["SBK".to_owned(), "UTB".to_owned()], |s| s == "bygglov")
            .map_err(|e| e.into_iter().map(|e| format!("{}:{}", e.input, e.code)).collect())
    }

    const BASE: [(&str, &str); 3] = [("channel", "phone"), ("concerns", "service:bygglov"), ("idempotency_key", "k")];

    fn with(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
        BASE.iter().copied().chain(extra.iter().copied()).collect()
    }

    #[test]
    fn an_anonymous_answered_call_needs_three_choices() {
        let f = form(&with(&[("outcome", "answered")])).unwrap();
        assert_eq!(f.outcome, ErrandOutcome::Answered);
        assert_eq!(f.person, None);
        assert_eq!(f.queue, "general");
        let errors = form(&[("idempotency_key", "k")]).unwrap_err();
        assert_eq!(
            errors,
            ["channel:contact-error-channel", "concerns:contact-error-concerns", "outcome:contact-error-outcome"]
        );
    }

    #[test]
    fn the_link_needs_an_eservice_and_a_number_or_address() {
        let e = form(&with(&[("outcome", "answered"), ("send_link", "sms")])).unwrap_err();
        assert_eq!(e, ["caller_phone:contact-error-phone-needed"]);
        let ok =
            form(&with(&[("outcome", "answered"), ("send_link", "sms"), ("caller_phone", "070-174 06 05")])).unwrap();
        assert_eq!(ok.send_link, Some(SendLink::Sms));
        assert_eq!(ok.caller_phone.unwrap().as_str(), "+46701740605");
        let mut other = with(&[("outcome", "answered"), ("send_link", "email"), ("caller_email", "a@b.se")]);
        other[1] = ("concerns", "category:general");
        assert_eq!(form(&other).unwrap_err(), ["send_link:contact-error-no-eservice"]);
        assert_eq!(
            form(&with(&[("outcome", "answered"), ("caller_phone", "12ab")])).unwrap_err(),
            ["caller_phone:contact-error-phone"]
        );
    }

    #[test]
    fn a_hand_over_needs_a_unit_words_and_a_way_to_answer() {
        let e = form(&with(&[("outcome", "handed-over")])).unwrap_err();
        assert_eq!(
            e,
            [
                "unit:contact-error-unit",
                "notes:contact-error-notes",
                "subject:contact-error-subject",
                "answer_by:contact-error-answer-by"
            ]
        );
        let e = form(&with(&[
            ("outcome", "handed-over"),
            ("unit", "SBK"),
            ("notes", "Vill veta om altanen kräver bygglov."),
            ("subject", "Altan"),
            ("answer_by", "my-pages"),
        ]))
        .unwrap_err();
        assert_eq!(e, ["answer_by:contact-error-answer-by-person"], "Mina sidor needs a person");
        let ok = form(&with(&[
            ("outcome", "handed-over"),
            ("unit", "SBK"),
            ("notes", "Vill veta om altanen kräver bygglov."),
            ("subject", "Altan"),
            ("answer_by", "my-pages"),
            ("person", "7"),
        ]))
        .unwrap();
        assert_eq!((ok.unit.as_deref(), ok.person), (Some("SBK"), Some(7)));
        let e = form(&with(&[("outcome", "feedback"), ("unit", "MF"), ("notes", "short")])).unwrap_err();
        assert_eq!(
            e,
            ["unit:contact-error-unit", "notes:contact-error-notes", "feedback_kind:contact-error-feedback-kind"]
        );
    }

    #[test]
    fn a_call_back_needs_a_number() {
        assert_eq!(form(&with(&[("outcome", "call-back")])).unwrap_err(), ["caller_phone:contact-error-phone-needed"]);
        let ok =
            form(&with(&[("outcome", "call-back"), ("caller_phone", "+46701740605"), ("queue", "building")])).unwrap();
        assert_eq!(ok.queue, "building");
    }

    #[test]
    fn concerns_are_a_service_or_a_category() {
        assert_eq!(Concerns::parse("service:bygglov"), Some(Concerns::Service("bygglov".into())));
        assert_eq!(Concerns::parse("category:payment"), Some(Concerns::Category(Category::Payment)));
        for bad in ["", "bygglov", "service:", "service:Bygg lov", "category:unknown", "other:x"] {
            assert_eq!(Concerns::parse(bad), None, "{bad}");
        }
    }
}
