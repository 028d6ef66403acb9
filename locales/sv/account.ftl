sign-in-title = Logga in
sign-in-lead = Välj hur du vill logga in.
sign-in-resident = Privatperson eller företag
sign-in-resident-text = Med e-legitimation, till exempel BankID eller Freja eID. Företräder du ett företag väljer du det efter inloggningen.
sign-in-staff = Medarbetare i Stockholms stad
sign-in-staff-text = Med ditt konto i staden.
sign-in-privacy = Vi sparar vem som loggar in och när, för din och andras säkerhet. Ditt personnummer skrivs aldrig i tekniska loggar.
signed-out-title = Du är utloggad
signed-out-body = Du har loggats ut. Stäng webbläsaren om du använder en dator som andra också använder.
my-title = Mina sidor
my-saved-contact = Dina kontaktuppgifter är sparade.
my-saved-acting-for = Du har bytt vem du företräder.
my-me-heading = Om dig
my-name = Namn
my-personnummer = Personnummer
my-acting-heading = Vem du företräder
my-acting-legend = Jag gör ärenden för
my-acting-self = Mig själv
my-acting-submit = Byt
my-contact-heading = Kontaktuppgifter
my-email-verified = E-post: { $email } (bekräftad)
my-email-unverified = E-post: { $email } (inte bekräftad)
my-email-none = Du har inte angett någon e-postadress.
my-phone = Telefonnummer (frivilligt)
my-phone-hint = Till exempel 070-123 45 67.
my-lang = Språk i meddelanden från oss
my-lang-same-as-site = Samma som på webbplatsen
my-channel = Hur vill du få besked om dina ärenden?
my-channel-email = E-post
my-channel-sms = Sms
my-channel-portal = Bara i Mina sidor
my-contact-submit = Spara kontaktuppgifter
my-error-phone = Skriv telefonnumret med 7–15 siffror, till exempel 070-123 45 67.
my-error-choice = Välj ett av alternativen.
my-cases-heading = Dina ärenden
my-cases-intro = Dina påbörjade ansökningar och dina ärenden, med status, meddelanden och beslut.
test-idp-title-eid = Testinloggning: e-legitimation
test-idp-title-staff = Testinloggning: stadens medarbetare
test-idp-warning = Det här är en testinloggning för utveckling och demonstration. Den finns inte i den riktiga tjänsten.
test-idp-choose = Logga in som
test-idp-sign-in = Logga in
test-idp-cancel = Avbryt
role-resident = invånare
role-business-representative = företrädare för företag
role-provider-editor = redaktör för utförare
role-case-officer = handläggare
role-contact-centre-agent = kontaktcenterhandläggare
role-service-owner = tjänsteägare
role-content-editor = webbredaktör
role-administrator = administratör
role-auditor = granskare
my-saved-email-sent = Vi har skickat en bekräftelselänk. Öppna den inom 24 timmar för att börja använda adressen.
my-email-pending = Väntar på bekräftelse: { $email }
my-email-new = Ny e-postadress
my-email-hint = Vi skickar en länk till adressen. Den börjar användas när du har öppnat länken.
my-email-submit = Skicka bekräftelselänk
my-error-email = Skriv en e-postadress som namn@exempel.se.
my-error-email-send = Vi kunde inte skicka e-post just nu. Försök igen om en stund.
email-confirm-subject = Bekräfta din e-postadress i Stadsporten
email-confirm-body = Hej { $name }!

    Öppna länken för att bekräfta din e-postadress i Stadsporten:

    { $link }

    Länken gäller i 24 timmar och bara när du är inloggad. Om du inte har bett om det här kan du bortse från meddelandet.

    Stockholms stad
email-confirm-title = E-postadressen är bekräftad
email-confirmed = Vi skickar meddelanden om dina ärenden till { $email }.
email-confirm-failed-title = Länken fungerar inte
email-confirm-failed = Länken är redan använd, för gammal eller gäller någon annan. Be om en ny länk på Mina sidor.
