# E-services: forms, cases, case handling, definitions and notifications.

apply-back = Back
apply-change = Change
apply-check-title = Check your answers
apply-confirm-required = Tick the box to declare that the information is correct before you submit
apply-continue = Continue
apply-continue-draft = Continue the application you saved on { $date }
apply-days = { $days } days
apply-working-days = { $days } working days
apply-declaration-title = Declare and submit
apply-documents-heading = What you need to have at hand
apply-drafts-heading = You have applications in progress
apply-file-choose = Choose a file
apply-file-constraints = Allowed file types: { $types }. At most { $count } files.
apply-file-held = Waiting for the virus check
apply-file-limit = Files may be at most { $mb } MB.
apply-file-remove = Remove { $name }
apply-file-upload = Upload the file
apply-go-to-step = Go to the step
apply-handled-by = Handled by
apply-handling-time = Handling time
apply-incomplete = The application is not complete: correct the step “{ $step }” before you submit.
apply-needs-organisation = This e-service is for businesses. Choose to act for a company in My pages first.
apply-needs-resident = This e-service is for residents signed in with e-ID.
apply-not-answered = Not answered
apply-notify-email = We will send notices to { $email }. You can change this in My pages.
apply-notify-portal = Notices about the case will be in My pages. To get e-mail or text messages, change this in My pages.
apply-notify-sms = We will send text messages to { $phone }. You can change this in My pages.
apply-save-later = Save and continue later
apply-sent-to = The application is sent to { $unit }.
apply-sign-in = Sign in and apply
apply-sign-in-first = You sign in with e-ID. The application is saved after every step.
apply-preselected = You chose { $unit } in the comparison. It is already chosen as “{ $field }” when you start.
apply-start = Start the application
apply-step-of = Step { $n } of { $count }
apply-step-conditional = if it applies to you
apply-steps-heading = How it works
apply-submit = Submit the application
field-address-city = Town or city
field-address-postcode = Postcode
field-address-street = Street address
field-choose = Choose
field-date-format = Write the date as YYYY-MM-DD, for example 2027-01-15.
field-max-characters = At most { $max } characters.
field-optional = optional
form-error-prefix = Error
field-error-characters = The text contains characters that cannot be saved. Remove them and try again.
field-error-choose = Choose an option
field-error-city = Enter a town or city
field-error-date = Enter a real date as YYYY-MM-DD
field-error-date-too-early = The date must be { $date } or later
field-error-date-too-late = The date must be { $date } or earlier
field-error-email = Enter an e-mail address like anna@example.se
field-error-file-empty = Choose a file to upload
field-error-file-infected = The file contains malicious code and was not accepted
field-error-file-required = Upload a file
field-error-file-storage = The file could not be saved just now. Try again in a moment.
field-error-file-too-large = The file is too large. It may be at most { $mb } MB.
field-error-file-type = The file must be { $types }
field-error-integer = Enter a whole number
field-error-max-choices = Choose at most { $max }
field-error-min-choices = Choose at least { $min }
field-error-number = Enter a number, for example 40
field-error-number-max = The number must be { $max } or less
field-error-number-min = The number must be { $min } or more
field-error-option = Choose one of the options in the list
field-error-phone = Enter a phone number of 7–15 digits, for example 070-123 45 67
field-error-postcode = Enter a five-digit postcode, for example 118 46
field-error-required = Fill this in
field-error-same-as = Choose something other than in an earlier choice
field-error-street = Enter the street address (at most 100 characters)
field-error-too-long = The text may be at most { $max } characters
field-error-too-many-files = You can upload at most { $max } files here
field-error-too-short = Write at least { $min } characters
error-pnr-check-digit = The personal identity number does not add up – check the last digit
error-pnr-date = The personal identity number contains a date that does not exist
error-pnr-format = Enter the personal identity number as 12 digits, like YYYYMMDD-NNNN
error-orgnr-check-digit = The organisation number does not add up – check the last digit
error-orgnr-format = Enter the organisation number as ten digits, like 556677-8899
error-orgnr-not-legal-person = The number is not a company's or organisation's number
receipt-title = Application submitted
receipt-case-number = Your case number is
receipt-due = { $days } days – by { $date }
receipt-due-working = { $days } working days – by { $date }
receipt-follow = Follow the case in My cases
receipt-next-heading = What happens next?
receipt-service = E-service
receipt-submitted = Submitted
receipt-unit = Handled by
my-cases-title = My cases
my-cases-actions = Actions
my-cases-cases = Cases
my-cases-discard = Delete the draft
my-cases-discarded = The draft and its files have been deleted.
my-cases-draft-saved = The application is saved. Continue whenever you like, here in My cases.
my-cases-drafts = Applications in progress
my-cases-drafts-hint = Applications in progress are deleted if you do not continue them. We remind you first.
my-cases-expires = Deleted on
my-cases-find-service = Find an e-service
my-cases-no-drafts = You have no applications in progress.
my-cases-none = You have no cases yet.
my-cases-saved = Last saved
my-cases-service = E-service
my-cases-unread = { $count } unread
case-heading = Case { $number }
case-number = Case number
case-status = Status
case-due = Decision due by
case-answers = The answers
case-answers-staff = The applicant's answers
case-appeal = If you are not satisfied with the decision you can appeal within three weeks of receiving it. Write to the committee that made the decision; the contact centre will help you.
case-appeal-heading = How to appeal
case-completion-answer = Your answer
case-completion-answered = Answered on { $date }
case-completion-closed = Closed without an answer
case-completion-needed = We need more information from you
case-completion-open = Answer by { $date }
case-completion-send = Send the completion
case-completions = Requests for completion
case-decided-at = Decided on
case-decided-by = Decided by
case-decision = Decision
case-file-removed = Removed
case-files = Attached files
case-from-city = City of Stockholm
case-internal = internal
case-message-file = Attach a file (optional, PDF, JPEG or PNG)
case-message-label = New message
case-message-send = Send the message
case-messages = Messages
case-motivation = Reasons
case-not-possible = That was not possible: the case has changed meanwhile. This is how it looks now.
case-print-decision = Print the decision
case-receipt-link = Show the receipt
case-saved-completion = Thank you! The completion has been sent and the handling continues.
case-saved-message = The message has been sent.
case-saved-withdrawn = The case has been withdrawn.
case-timeline = What has happened
case-withdraw = Withdraw the case
case-withdraw-confirm = I want to withdraw the case. I understand that this cannot be undone.
case-withdraw-confirm-error = Tick the box if you want to withdraw the case
case-withdraw-reason = Why are you withdrawing? (optional)
case-withdraw-submit = Withdraw
case-status-submitted = Submitted
case-status-in-progress = In progress
case-status-awaiting-completion = Awaiting completion
case-status-decided = Decided
case-status-closed = Closed
case-status-withdrawn = Withdrawn
case-outcome-approved = Approved
case-outcome-rejected = Rejected
case-outcome-partly-approved = Partly approved
case-event-submitted = The application arrived
case-event-start = Handling started
case-event-request-completion = Completion requested
case-event-complete = Completion received
case-event-resume-without-completion = Handling resumed without a completion
case-event-decide = Decision made
case-event-close = Case closed
case-event-withdraw = Case withdrawn
case-event-message = Message
case-event-note = Internal note
case-event-assigned = Assigned
sla-on-track = On track
sla-due-soon = Due soon
sla-overdue = Overdue
sla-paused = Paused – waiting for the applicant
survey-heading = What did you think? (optional)
survey-anonymous = Your answers are stored without your name and without a link to the case.
survey-score = How satisfied are you with the e-service?
survey-score-low = Very dissatisfied
survey-score-high = Very satisfied
survey-useful = The e-service gave me what I needed
survey-easy = The e-service was easy to use
survey-disagree = Strongly disagree
survey-agree = Strongly agree
survey-comment = Anything else? (do not write personal details)
survey-send = Send the answer
survey-thanks = Thank you for your answer!
survey-error-score = Choose how satisfied you are (1–5)
survey-error-scale = Choose a value from 1 to 7
survey-error-comment = The comment may be at most 1,000 characters
officer-queue-title = Case queue
officer-units = Cases of { $units }
officer-filters = Filter cases
officer-filter-service = E-service
officer-filter-deadline = Deadline
officer-filter-assignee = Officer
officer-filter-apply = Show
officer-any = All
officer-open-cases = All open
officer-assignee-me = Mine
officer-assignee-nobody = Unassigned
officer-sort = Sort
officer-sort-due = Most urgent first
officer-sort-newest = Newest first
officer-sort-oldest = Oldest first
officer-sort-number = Case number
officer-export = Export the selection as CSV
officer-queue-empty = No cases match the selection.
officer-queue-count = { $count ->
    [one] { $count } case
   *[other] { $count } cases
}
officer-select = Select
officer-select-case = Select case { $number }
officer-applicant = Applicant
officer-unassigned = No officer
officer-bulk = Assign the selected cases
officer-bulk-to = To
officer-bulk-me = Me
officer-bulk-nobody = Nobody (release)
officer-bulk-submit = Assign
officer-assigned = { $count ->
    [one] { $count } case was assigned.
   *[other] { $count } cases were assigned.
}
officer-assignment = Officer
officer-assigned-to = Assigned to { $name }
officer-take = Take the case
officer-release = Release the case
officer-assign-to = Assign to
officer-assign = Assign
officer-actions = Actions
officer-start = Start handling
officer-resume = Resume without a completion
officer-close = Close the case
officer-request-completion = Request completion
officer-completion-message = What does the applicant need to complete?
officer-reply-by = Reply by
officer-clock-pauses = The handling time is paused until the applicant answers.
officer-send-request = Send the request
officer-decide = Make a decision
officer-outcome = Outcome
officer-template-lang = The decision template is in the applicant's language ({ $lang }).
officer-decide-submit = Make the decision
officer-error-motivation = Write the reasons (at least 10 characters)
officer-error-reply-by = Choose a date after today
officer-notes = Internal notes
officer-notes-hint = Notes are never shown to the applicant.
officer-note-label = New note
officer-add-note = Save the note
officer-stale = Someone else changed the case meanwhile. This is how it looks now.
officer-saved-take = You have taken the case.
officer-saved-release = The case has been released.
officer-saved-assign = The case has been assigned.
officer-saved-note = The note has been saved.
officer-saved-start = Handling has started.
officer-saved-request-completion = The request for completion has been sent. The handling time is paused.
officer-saved-resume-without-completion = Handling continues.
officer-saved-decide = The decision has been made and the applicant has been told.
officer-saved-close = The case has been closed.
officer-saved-message = The message has been sent.
services-title = E-services
services-versions = Every version of the e-service definitions
services-service = E-service
services-version = Version
services-version-n = version { $version }
services-status = Status
services-status-draft = Draft
services-status-live = Live
services-status-retired = Retired
services-unit = Receiving unit
services-uploaded = Uploaded
services-published = Published
services-upload = Upload a definition
services-upload-hint = A definition is a TOML file. It is checked whole; a new version becomes a draft that you preview and publish. Cases already filed keep their version.
services-file = File
services-source = Or paste the definition
services-upload-submit = Check and upload
services-errors = The definition has errors and was not saved
services-error-empty = Choose a file or paste a definition
services-saved-uploaded = The definition has been checked and saved as a draft. Review it and publish.
services-saved-published = The version is live. New applications use it.
services-publish = Publish this version
services-intro = The start page's text
services-languages = Languages
services-condition = Shown only if { $field } = { $value }
def-error-syntax = The file could not be read: { $detail }
def-error-slug = “{ $detail }” is not a valid service slug
def-error-version = The version must be 1 or higher
def-error-unit = “{ $detail }” is not a unit code
def-error-handling-days = The handling time must be 1–730 days (now { $detail })
def-error-unknown-language = Unknown language: { $detail }
def-error-duplicate = “{ $detail }” appears twice
def-error-language-required = The language { $detail } is required
def-error-missing-translation = The translation into { $detail } is missing
def-error-undeclared-language = There is text in { $detail }, which is not listed in languages
def-error-no-steps = The definition has no steps
def-error-id = “{ $detail }” cannot be used as an id (lowercase letters, digits, - and _; not start, check, declaration, submit or receipt)
def-error-no-fields = The step { $detail } has no fields
def-error-different-kind = The field is compared with { $detail }, which is of another kind
def-error-unknown-field = The field { $detail } does not exist
def-error-attachments-required = Attachments are required, but no file field is required
def-error-route-field = The field { $detail } cannot choose the receiving unit (it must be a required, always visible choice)
def-error-rule-not-for-kind = The rule { $detail } does not fit the field's kind
def-error-bounds = The limits do not add up: { $detail }
def-error-options = The field needs at least { $detail } options
def-error-options-from = Unknown source of options: { $detail } (use provider-units or provider-units:<kind>)
def-error-shared-kind = The field cannot hold the shared fact { $detail } (wrong field type)
def-error-option-value = Invalid option value: “{ $detail }”
def-error-condition-tests = A condition must have exactly one of equals, one_of, includes or answered (has { $detail })
def-error-condition-not-earlier = The condition refers to { $detail }, which is not on an earlier step
def-error-includes-not-checkboxes = includes can only be used with checkboxes ({ $detail })
def-error-unknown-option = The option “{ $detail }” does not exist in the field
def-error-unknown-service = The service { $detail } is not in the catalogue
def-error-unknown-unit = The unit { $detail } does not exist
def-error-version-published = Version { $detail } has been published and cannot change; upload a new version
def-error-reply-days = The offer's reply days must be 1–60 (is { $detail })
def-error-remind-days = The reminder must go out before the reply-by date ({ $detail } days before is too early)
notify-receipt-subject = We have received your application { $case_number }
notify-receipt-body =
    Hello,
    {""}
    We have received your application “{ $service }”. Case number: { $case_number }. The handling time is { $days } days.
    {""}
    Follow the case in My pages: { $link }
    {""}
    City of Stockholm
notify-message-subject = New message in case { $case_number }
notify-message-body =
    Hello,
    {""}
    You have a message in case { $case_number }. Read it in My pages: { $link }
    {""}
    City of Stockholm
notify-completion-request-subject = We need more information in case { $case_number }
notify-completion-request-body =
    Hello,
    {""}
    To handle case { $case_number } we need more information from you by { $reply_by }. Answer in My pages: { $link }
    {""}
    City of Stockholm
notify-decision-subject = Decision in case { $case_number }
notify-decision-body =
    Hello,
    {""}
    There is a decision in case { $case_number }. Read it in My pages: { $link }
    {""}
    City of Stockholm
notify-draft-expiring-subject = Your application in progress will soon be deleted
notify-draft-expiring-body =
    Hello,
    {""}
    Your application in progress “{ $service }” will be deleted on { $date } unless you continue it. Continue in My pages: { $link }
    {""}
    City of Stockholm
error-too-large-title = The file is too large
error-too-large-body = What you sent is larger than we accept. Go back, choose a smaller file (at most 10 MB) and try again – what you typed is still in the form.
upload-progress = Uploading … { $percent } %
upload-failed = The upload failed. Please try again.

# Offers in decisions (issue 18).
offer-heading = Offer
offer-starts = From { $date }
offer-reply-by = Answer by { $date }.
offer-state-waiting = Waiting for your answer by { $date }.
offer-state-accepted = Accepted on { $date } { $via }.
offer-state-declined = Declined on { $date } { $via }.
offer-state-lapsed = No answer came in time. The offer lapsed on { $date }.
offer-via-my-pages = in My pages
offer-via-phone = by phone
offer-accept = Accept the offer
offer-decline = Decline
offer-saved-accepted = You have accepted the offer.
offer-saved-declined = You have declined the offer.
offer-saved-closed = The offer has already been answered or has lapsed.
case-event-offer = Offer made
case-event-offer-accepted = Offer accepted
case-event-offer-declined = Offer declined
case-event-offer-lapsed = The offer lapsed without an answer
officer-offer = Offer
officer-offer-starts = Start date
officer-offer-reply-hint = The applicant answers by { $date } ({ $days } days) in My pages or by phone.
officer-offer-waiting = Offer waiting for the answer by { $date }
officer-offer-phone = Answer to the offer by phone
officer-offer-phone-hint = Record the answer when the applicant has answered by phone. The case shows that it came by phone.
officer-offer-accepted = The applicant accepted
officer-offer-declined = The applicant declined
officer-saved-offer-accepted-by-phone = The answer is recorded: the applicant accepted.
officer-saved-offer-declined-by-phone = The answer is recorded: the applicant declined.
officer-error-offer-what = Write what is offered (at most 300 characters).
officer-error-offer-starts = Write the start date as YYYY-MM-DD, today or later.
notify-offer-reminder-subject = Answer the offer in case { $case_number }
notify-offer-reminder-body =
    Hello,
    {""}
    You have an offer in case { $case_number } that you need to answer by { $reply_by }. Answer in My pages: { $link }
    {""}
    City of Stockholm
notify-offer-lapsed-subject = The offer in case { $case_number } has lapsed
notify-offer-lapsed-body =
    Hello,
    {""}
    We received no answer to the offer in case { $case_number } in time, and it has lapsed. Read what this means in My pages: { $link }
    {""}
    City of Stockholm

case-event-assisted = Started by the contact centre
case-event-assisted-agent-submitted = Submitted by the contact centre ({ $agent }) on your behalf, with consent given by { $via } { $at }
case-event-assisted-agent-started = Started by the contact centre ({ $agent }) with consent given by { $via } { $at }, submitted by the applicant
case-from-contact-centre = Contact Centre Stockholm
case-event-via-contact-centre = Registered by the contact centre
apply-assisted-not-allowed = Only the applicant can submit this e-service. Ask the person to finish it in My pages.
