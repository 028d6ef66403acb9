//! An officer's action on one case, parsed from the case page's forms (they all post to
//! `/api/officer/act` with an `action` field). Parsing and the input checks are here, as data;
//! `server::officer_act` authorises, performs the action in storage and shows the result.

use stadsporten_domain::date::Date;
use stadsporten_domain::eservice::DecisionOutcome;
use stadsporten_domain::ids::UserId;

/// What an officer does to a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfficerAction {
    /// Assign the case to oneself.
    Take,
    /// Leave it unassigned.
    Release,
    /// Assign it to a colleague of the unit (their user id, as posted).
    Assign {
        to: Option<UserId>,
    },
    /// An internal note.
    Note {
        body: String,
    },
    Start,
    RequestCompletion {
        message: String,
        reply_by: String,
    },
    ResumeWithoutCompletion,
    Decide {
        outcome: Option<DecisionOutcome>,
        outcome_raw: String,
        motivation: String,
        /// What is offered and from when, when the service's decision carries an offer.
        offer_what: String,
        offer_starts: String,
    },
    Close,
    /// The applicant answered the decision's offer by phone; the officer records it.
    RecordOfferAnswer {
        accept: bool,
    },
}

/// The form's fields besides `action`, as posted.
#[derive(Debug, Clone, Default)]
pub struct ActFields {
    pub message: Option<String>,
    pub reply_by: Option<String>,
    pub outcome: Option<String>,
    pub motivation: Option<String>,
    pub assignee: Option<String>,
    pub offer_what: Option<String>,
    pub offer_starts: Option<String>,
}

/// Why input was refused: the form to show again, the values to keep, the field and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActRefusal {
    pub form: &'static str,
    pub anchor: &'static str,
    pub values: Vec<(&'static str, String)>,
    pub field: &'static str,
    pub code: &'static str,
}

impl OfficerAction {
    /// The action named by the form, with its fields trimmed; `None` for an unknown action.
    pub fn parse(action: &str, f: &ActFields) -> Option<OfficerAction> {
        let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_owned();
        Some(match action {
            "take" => OfficerAction::Take,
            "release" => OfficerAction::Release,
            "assign" => OfficerAction::Assign { to: f.assignee.as_deref().and_then(|a| a.trim().parse().ok()) },
            "note" => OfficerAction::Note { body: text(&f.message) },
            "start" => OfficerAction::Start,
            "request-completion" => {
                OfficerAction::RequestCompletion { message: text(&f.message), reply_by: text(&f.reply_by) }
            }
            "resume-without-completion" => OfficerAction::ResumeWithoutCompletion,
            "decide" => OfficerAction::Decide {
                outcome: f.outcome.as_deref().and_then(DecisionOutcome::parse),
                outcome_raw: f.outcome.clone().unwrap_or_default(),
                motivation: text(&f.motivation),
                offer_what: text(&f.offer_what),
                offer_starts: text(&f.offer_starts),
            },
            "close" => OfficerAction::Close,
            "offer-accepted-by-phone" => OfficerAction::RecordOfferAnswer { accept: true },
            "offer-declined-by-phone" => OfficerAction::RecordOfferAnswer { accept: false },
            _ => return None,
        })
    }

    /// The action's name, as posted, in the audit entry and in `?saved=`.
    pub fn slug(&self) -> &'static str {
        match self {
            OfficerAction::Take => "take",
            OfficerAction::Release => "release",
            OfficerAction::Assign { .. } => "assign",
            OfficerAction::Note { .. } => "note",
            OfficerAction::Start => "start",
            OfficerAction::RequestCompletion { .. } => "request-completion",
            OfficerAction::ResumeWithoutCompletion => "resume-without-completion",
            OfficerAction::Decide { .. } => "decide",
            OfficerAction::Close => "close",
            OfficerAction::RecordOfferAnswer { accept: true } => "offer-accepted-by-phone",
            OfficerAction::RecordOfferAnswer { accept: false } => "offer-declined-by-phone",
        }
    }

    /// Checks what the officer typed; `today` is the Stockholm day number.
    pub fn check(&self, today: i64) -> Result<(), ActRefusal> {
        match self {
            OfficerAction::Note { body } if body.is_empty() || body.chars().count() > 4000 => Err(ActRefusal {
                form: "note",
                anchor: "note",
                values: vec![("message", body.clone())],
                field: "note-message",
                code: "field-error-required",
            }),
            OfficerAction::RequestCompletion { message, reply_by } => {
                let values = vec![("message", message.clone()), ("reply_by", reply_by.clone())];
                let refuse = |field, code| ActRefusal { form: "completion", anchor: "completion", values, field, code };
                if message.is_empty() {
                    Err(refuse("completion-message", "field-error-required"))
                } else if Date::parse(reply_by).is_none_or(|d| d.day_number() <= today) {
                    Err(refuse("completion-reply-by", "officer-error-reply-by"))
                } else {
                    Ok(())
                }
            }
            OfficerAction::Decide { outcome, outcome_raw, motivation, offer_what, offer_starts } => {
                let values = vec![
                    ("outcome", outcome_raw.clone()),
                    ("motivation", motivation.clone()),
                    ("offer_what", offer_what.clone()),
                    ("offer_starts", offer_starts.clone()),
                ];
                let refuse = |field, code| ActRefusal { form: "decide", anchor: "decide", values, field, code };
                if outcome.is_none() {
                    Err(refuse("decide-outcome", "field-error-choose"))
                } else if motivation.chars().count() < 10 || motivation.chars().count() > 8000 {
                    Err(refuse("decide-motivation", "officer-error-motivation"))
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }
}

impl OfficerAction {
    /// Checks the offer of a granting decision against the service's offer template (none when
    /// the service makes no offer, or the decision rejects): what is offered, and from when.
    pub fn check_offer(
        &self,
        template: Option<&stadsporten_domain::eservice::OfferTemplate>,
        today: i64,
    ) -> Result<(), ActRefusal> {
        let OfficerAction::Decide { outcome, outcome_raw, motivation, offer_what, offer_starts } = self else {
            return Ok(());
        };
        let (Some(t), Some(o)) = (template, outcome) else { return Ok(()) };
        if *o == DecisionOutcome::Rejected {
            return Ok(());
        }
        let values = vec![
            ("outcome", outcome_raw.clone()),
            ("motivation", motivation.clone()),
            ("offer_what", offer_what.clone()),
            ("offer_starts", offer_starts.clone()),
        ];
        let refuse = |field, code| ActRefusal { form: "decide", anchor: "decide", values, field, code };
        if offer_what.is_empty() || offer_what.chars().count() > 300 {
            Err(refuse("decide-offer-what", "officer-error-offer-what"))
        } else if t.start_date && Date::parse(offer_starts).is_none_or(|d| d.day_number() < today) {
            Err(refuse("decide-offer-starts", "officer-error-offer-starts"))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(message: &str, reply_by: &str, outcome: &str, motivation: &str) -> ActFields {
        ActFields {
            message: Some(message.into()),
            reply_by: Some(reply_by.into()),
            outcome: Some(outcome.into()),
            motivation: Some(motivation.into()),
            assignee: Some(" 7 ".into()),
            offer_what: None,
            offer_starts: None,
        }
    }

    #[test]
    fn every_posted_action_parses_and_names_itself_back() {
        let f = fields("m", "2026-12-31", "approved", "because it is complete");
        for slug in [
            "take",
            "release",
            "assign",
            "note",
            "start",
            "request-completion",
            "resume-without-completion",
            "decide",
            "close",
            "offer-accepted-by-phone",
            "offer-declined-by-phone",
        ] {
            assert_eq!(OfficerAction::parse(slug, &f).map(|a| a.slug()), Some(slug));
        }
        assert_eq!(OfficerAction::parse("delete-everything", &f), None);
        assert_eq!(OfficerAction::parse("assign", &f), Some(OfficerAction::Assign { to: Some(UserId::new(7)) }));
    }

    #[test]
    fn input_is_checked_with_the_field_and_message_it_shows() {
        let today = Date::parse("2026-12-06").unwrap().day_number();
        let check = |action: &str, f: ActFields| OfficerAction::parse(action, &f).unwrap().check(today);
        assert_eq!(check("note", fields("  ", "", "", "")).unwrap_err().field, "note-message");
        assert!(check("note", fields("Called the applicant", "", "", "")).is_ok());
        let past = check("request-completion", fields("Send the plan", "2026-12-06", "", "")).unwrap_err();
        assert_eq!((past.field, past.code), ("completion-reply-by", "officer-error-reply-by"));
        assert_eq!(past.values, vec![("message", "Send the plan".into()), ("reply_by", "2026-12-06".into())]);
        assert!(check("request-completion", fields("Send the plan", "2026-12-07", "", "")).is_ok());
        assert_eq!(
            check("decide", fields("", "", "maybe", "long enough reason")).unwrap_err().code,
            "field-error-choose"
        );
        assert_eq!(check("decide", fields("", "", "approved", "short")).unwrap_err().field, "decide-motivation");
        assert!(check("decide", fields("", "", "approved", "the plan meets the rules")).is_ok());
    }

    #[test]
    fn a_granting_decision_of_a_service_that_offers_names_what_and_from_when() {
        let today = Date::parse("2026-12-06").unwrap().day_number();
        let sv = |t: &str| stadsporten_domain::eservice::Texts([("sv".to_owned(), t.to_owned())].into());
        let template = stadsporten_domain::eservice::OfferTemplate {
            what: sv("Förskola"),
            start_date: true,
            reply_days: 14,
            remind_days: 3,
            lapse: sv("Platsen går vidare."),
        };
        let decide = |outcome: &str, what: &str, starts: &str| {
            let f = ActFields {
                offer_what: Some(what.into()),
                offer_starts: Some(starts.into()),
                ..fields("", "", outcome, "the applicant meets the rules")
            };
            OfficerAction::parse("decide", &f).unwrap().check_offer(Some(&template), today)
        };
        assert_eq!(decide("approved", "", "2027-01-10").unwrap_err().field, "decide-offer-what");
        assert_eq!(decide("partly-approved", "Ekorren", "2026-12-05").unwrap_err().field, "decide-offer-starts");
        assert!(decide("approved", "Ekorren, avdelning Blå", "2027-01-10").is_ok());
        assert!(decide("rejected", "", "").is_ok(), "a rejection offers nothing");
    }
}
