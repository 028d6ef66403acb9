sign-in-title = Sign in
sign-in-lead = Choose how you want to sign in.
sign-in-resident = Private person or business
sign-in-resident-text = With e-ID, for example BankID or Freja eID. If you represent a company you choose it after signing in.
sign-in-staff = City of Stockholm staff
sign-in-staff-text = With your city account.
sign-in-privacy = We record who signs in and when, for your safety and others'. Your personal identity number is never written to technical logs.
signed-out-title = You are signed out
signed-out-body = You have been signed out. Close the browser if you are using a computer that others use too.
my-title = My pages
my-saved-contact = Your contact details have been saved.
my-saved-acting-for = You have changed whom you represent.
my-me-heading = About you
my-name = Name
my-personnummer = Personal identity number
my-acting-heading = Whom you represent
my-acting-legend = I am acting for
my-acting-self = Myself
my-acting-submit = Change
my-contact-heading = Contact details
my-email-verified = E-mail: { $email } (confirmed)
my-email-unverified = E-mail: { $email } (not confirmed)
my-email-none = You have not given an e-mail address.
my-phone = Phone number (optional)
my-phone-hint = For example 070-123 45 67.
my-lang = Language of our messages to you
my-lang-same-as-site = The same as on the website
my-channel = How do you want to hear about your cases?
my-channel-email = E-mail
my-channel-sms = Text message
my-channel-portal = Only in My pages
my-contact-submit = Save contact details
my-error-phone = Write the phone number with 7–15 digits, for example 070-123 45 67.
my-error-choice = Choose one of the options.
my-cases-heading = Your cases
my-cases-intro = Your applications in progress and your cases, with status, messages and decisions.
test-idp-title-eid = Test sign-in: e-ID
test-idp-title-staff = Test sign-in: city staff
test-idp-warning = This is a test sign-in for development and demonstration. It does not exist in the real service.
test-idp-choose = Sign in as
test-idp-sign-in = Sign in
test-idp-cancel = Cancel
role-resident = resident
role-business-representative = business representative
role-provider-editor = provider editor
role-case-officer = case officer
role-contact-centre-agent = contact-centre agent
role-service-owner = service owner
role-content-editor = content editor
role-administrator = administrator
role-auditor = auditor
my-saved-email-sent = We have sent a confirmation link. Open it within 24 hours to start using the address.
my-email-pending = Waiting for confirmation: { $email }
my-email-new = New e-mail address
my-email-hint = We send a link to the address. It is used once you have opened the link.
my-email-submit = Send confirmation link
my-error-email = Write an e-mail address like name@example.se.
my-error-email-send = We could not send e-mail just now. Please try again in a while.
email-confirm-subject = Confirm your e-mail address in Stadsporten
email-confirm-body = Hello { $name },

    Open the link to confirm your e-mail address in Stadsporten:

    { $link }

    The link is valid for 24 hours and only while you are signed in. If you did not ask for this, you can ignore this message.

    City of Stockholm
email-confirm-title = The e-mail address is confirmed
email-confirmed = We will send messages about your cases to { $email }.
email-confirm-failed-title = The link does not work
email-confirm-failed = The link has already been used, is too old or belongs to someone else. Ask for a new link on My pages.
