## What we know about you (/my/data) and the register extract

my-data-intro = See what Stadsporten holds about you, why and for how long, and download a copy of all of it.
my-data-link = What we know about you
mydata-title = What we know about you
mydata-intro = Here you see what the City of Stockholm holds about you in Stadsporten, why we have it and how long it is kept. You can download a copy of all of it.
mydata-held-heading = What we hold
mydata-held-caption = Information about you, why we have it and how long it is kept
mydata-col-what = Information
mydata-col-why = Why
mydata-col-kept = How long
mydata-kind-profile = Name, personal identity number and contact details
mydata-kind-cases = { $count ->
    [one] 1 case with answers, messages and decisions
   *[other] { $count } cases with answers, messages and decisions
}
mydata-kind-files = { $count ->
    [one] 1 file
   *[other] { $count } files
}
mydata-kind-drafts = { $count ->
    [one] 1 application started
   *[other] { $count } applications started
}
mydata-kind-errands = { $count ->
    [one] 1 contact with the contact centre
   *[other] { $count } contacts with the contact centre
}
mydata-kind-lookups = { $count ->
    [one] 1 time the contact centre looked you up
   *[other] { $count } times the contact centre looked you up
}
mydata-kind-access = { $count ->
    [one] 1 entry in the log of who read or changed your information
   *[other] { $count } entries in the log of who read or changed your information
}
mydata-why-profile = To know who you are when you sign in and to contact you about your cases.
mydata-why-cases = To handle what you applied for or told us.
mydata-why-drafts = So that you can continue where you left off.
mydata-why-errands = To help you when you contact us and make sure you get an answer.
mydata-why-lookups = So that you can see when and why the contact centre looked at your information.
mydata-why-access = To protect your information: every read and change is logged.
mydata-kept-profile = As long as you have cases with us or use Stadsporten.
mydata-kept-cases = As the city's records management plan says for each service: disposed of after a set time or kept in the city archives.
mydata-kept-drafts = { $days } days after you last saved it; then it is deleted.
mydata-kept-errands = As the contact centre's records management plan says.
mydata-kept-lookups = As long as the log.
mydata-kept-access = The log cannot be changed and is kept as the records management plan says.
mydata-legal-basis = We process the information to perform tasks in the public interest and in the exercise of official authority (article 6(1)(e) of the General Data Protection Regulation) and to comply with laws such as the Administrative Procedure Act and the Archives Act (article 6(1)(c)). The controller is the committee that handles your case.
mydata-internal-notes = Case officers' internal notes are not in the extract. You can ask the unit that has your case for them; they are released after a secrecy review.
mydata-download-heading = Download a copy (register extract)
mydata-download-intro = The copy holds everything above. The readable version can be printed. The machine-readable version (JSON) can be moved to another system.
mydata-download-html = Download a readable copy (HTML)
mydata-download-json = Download a machine-readable copy (JSON)
mydata-correct-heading = Is something wrong?
mydata-correct-intro = If information about you is wrong, you can ask for it to be corrected. Write what is wrong and what is right, and the request goes as a case to the unit responsible for the information.
mydata-correct-link = Ask for a correction
mydata-rights = You also have the right to ask for information to be erased or its processing restricted, and to complain to the Swedish Authority for Privacy Protection (IMY).

extract-title = Register extract from Stadsporten
extract-intro = This is everything Stadsporten held about you when the extract was made.
extract-generated = Made
extract-profile = About you
extract-email = E-mail address
extract-address = Registered address
extract-organisations = Companies you represent
extract-cases = Cases
extract-case-facts = About the case
extract-unit = Unit
extract-status = Status
extract-submitted = Sent
extract-closed = Closed
extract-answers = Your answers
extract-timeline = Events
extract-messages = Messages
extract-decision = Decision
extract-files = Files
extract-file-name = File name
extract-size = Size (bytes)
extract-when = When
extract-what = What
extract-from = From
extract-text = Text
extract-outcome = Outcome
extract-drafts = Applications started
extract-service = Service
extract-errands = Contacts with the contact centre
extract-number = Number
extract-lookups = When the contact centre looked you up
extract-reason = Reason
extract-access = Who read or changed your information
extract-by = By
