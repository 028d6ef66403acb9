# E-tjänster: formulär, ärenden, handläggning, definitioner och aviseringar.

apply-back = Tillbaka
apply-change = Ändra
apply-check-title = Kontrollera dina svar
apply-confirm-required = Kryssa i att du intygar uppgifterna för att skicka in
apply-continue = Fortsätt
apply-continue-draft = Fortsätt ansökan du sparade { $date }
apply-days = { $days } dagar
apply-working-days = { $days } arbetsdagar
apply-declaration-title = Intyga och skicka in
apply-documents-heading = Det här behöver du ha till hands
apply-drafts-heading = Du har påbörjade ansökningar
apply-file-choose = Välj en fil
apply-file-constraints = Tillåtna filtyper: { $types }. Högst { $count } filer.
apply-file-held = Väntar på viruskontroll
apply-file-limit = Filer får vara högst { $mb } MB.
apply-file-remove = Ta bort { $name }
apply-file-upload = Ladda upp filen
apply-go-to-step = Gå till steget
apply-handled-by = Handläggs av
apply-handling-time = Handläggningstid
apply-incomplete = Ansökan är inte klar: rätta steget ”{ $step }” innan du skickar in.
apply-needs-organisation = Den här e-tjänsten är för företag. Välj att företräda ett företag i Mina sidor först.
apply-needs-resident = Den här e-tjänsten är för privatpersoner som loggat in med e-legitimation.
apply-not-answered = Inte besvarat
apply-notify-email = Vi skickar besked till { $email }. Du kan ändra det i Mina sidor.
apply-notify-portal = Besked om ärendet finns i Mina sidor. Vill du få e-post eller sms ändrar du det i Mina sidor.
apply-notify-sms = Vi skickar sms till { $phone }. Du kan ändra det i Mina sidor.
apply-save-later = Spara och fortsätt senare
apply-sent-to = Ansökan skickas till { $unit }.
apply-sign-in = Logga in och ansök
apply-sign-in-first = Du loggar in med e-legitimation. Ansökan sparas efter varje steg.
apply-preselected = Du valde { $unit } i jämförelsen. Den är redan vald som ”{ $field }” när du börjar.
apply-start = Starta ansökan
apply-step-of = Steg { $n } av { $count }
apply-step-conditional = om det gäller dig
apply-steps-heading = Så går det till
apply-submit = Skicka in ansökan
field-address-city = Ort
field-address-postcode = Postnummer
field-address-street = Gatuadress
field-choose = Välj
field-date-format = Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-15.
field-max-characters = Högst { $max } tecken.
field-optional = valfritt
form-error-prefix = Fel
field-error-characters = Texten innehåller tecken som inte går att spara. Ta bort dem och försök igen.
field-error-choose = Välj ett alternativ
field-error-city = Skriv ort
field-error-date = Skriv ett datum som finns, som ÅÅÅÅ-MM-DD
field-error-date-too-early = Datumet får inte vara före { $date }
field-error-date-too-late = Datumet får inte vara efter { $date }
field-error-email = Skriv en e-postadress som anna@example.se
field-error-file-empty = Välj en fil att ladda upp
field-error-file-infected = Filen innehåller skadlig kod och togs inte emot
field-error-file-required = Ladda upp en fil
field-error-file-storage = Filen kunde inte sparas just nu. Försök igen om en stund.
field-error-file-too-large = Filen är för stor. Den får vara högst { $mb } MB.
field-error-file-type = Filen måste vara { $types }
field-error-integer = Skriv ett heltal
field-error-max-choices = Välj högst { $max }
field-error-min-choices = Välj minst { $min }
field-error-number = Skriv ett tal, till exempel 40
field-error-number-max = Talet får vara högst { $max }
field-error-number-min = Talet måste vara minst { $min }
field-error-option = Välj ett av alternativen i listan
field-error-phone = Skriv ett telefonnummer med 7–15 siffror, till exempel 070-123 45 67
field-error-postcode = Skriv ett postnummer med fem siffror, till exempel 118 46
field-error-required = Fyll i det här
field-error-same-as = Välj något annat än i ett tidigare val
field-error-street = Skriv gatuadressen (högst 100 tecken)
field-error-too-long = Texten får vara högst { $max } tecken
field-error-too-many-files = Du kan ladda upp högst { $max } filer här
field-error-too-short = Skriv minst { $min } tecken
error-pnr-check-digit = Personnumret stämmer inte – kontrollera sista siffran
error-pnr-date = Personnumret innehåller ett datum som inte finns
error-pnr-format = Skriv personnumret med 12 siffror, som ÅÅÅÅMMDD-NNNN
error-orgnr-check-digit = Organisationsnumret stämmer inte – kontrollera sista siffran
error-orgnr-format = Skriv organisationsnumret med tio siffror, som 556677-8899
error-orgnr-not-legal-person = Numret är inte ett organisationsnummer för ett företag eller en organisation
receipt-title = Ansökan är inskickad
receipt-case-number = Ditt ärendenummer är
receipt-due = { $days } dagar – senast { $date }
receipt-due-working = { $days } arbetsdagar – senast { $date }
receipt-follow = Följ ärendet i Mina ärenden
receipt-next-heading = Vad händer nu?
receipt-service = E-tjänst
receipt-submitted = Inskickad
receipt-unit = Handläggs av
my-cases-title = Mina ärenden
my-cases-actions = Åtgärder
my-cases-cases = Ärenden
my-cases-discard = Ta bort utkastet
my-cases-discarded = Utkastet och dess filer är borttagna.
my-cases-draft-saved = Ansökan är sparad. Fortsätt när du vill här i Mina ärenden.
my-cases-drafts = Påbörjade ansökningar
my-cases-drafts-hint = Påbörjade ansökningar tas bort om du inte fortsätter dem. Vi påminner dig innan.
my-cases-expires = Tas bort
my-cases-find-service = Hitta en e-tjänst
my-cases-no-drafts = Du har inga påbörjade ansökningar.
my-cases-none = Du har inga ärenden än.
my-cases-saved = Senast sparad
my-cases-service = E-tjänst
my-cases-unread = { $count } olästa
case-heading = Ärende { $number }
case-number = Ärendenummer
case-status = Status
case-due = Beslut senast
case-answers = Dina svar
case-answers-staff = Sökandens svar
case-appeal = Om du inte är nöjd med beslutet kan du överklaga det inom tre veckor från den dag du fick del av det. Skriv till nämnden som fattat beslutet; kontaktcenter hjälper dig.
case-appeal-heading = Hur du överklagar
case-completion-answer = Ditt svar
case-completion-answered = Besvarad { $date }
case-completion-closed = Avslutad utan svar
case-completion-needed = Vi behöver fler uppgifter från dig
case-completion-open = Svara senast { $date }
case-completion-send = Skicka kompletteringen
case-completions = Begäran om komplettering
case-decided-at = Beslutsdatum
case-decided-by = Beslutat av
case-decision = Beslut
case-file-removed = Borttagen
case-files = Bifogade filer
case-from-city = Stockholms stad
case-internal = intern
case-message-file = Bifoga en fil (valfritt, PDF, JPEG eller PNG)
case-message-label = Nytt meddelande
case-message-send = Skicka meddelandet
case-messages = Meddelanden
case-motivation = Motivering
case-not-possible = Det gick inte: ärendet har ändrats under tiden. Här är hur det ser ut nu.
case-print-decision = Skriv ut beslutet
case-receipt-link = Visa kvittensen
case-saved-completion = Tack! Kompletteringen är skickad och handläggningen fortsätter.
case-saved-message = Meddelandet är skickat.
case-saved-withdrawn = Ärendet är återkallat.
case-timeline = Händelser
case-withdraw = Återkalla ärendet
case-withdraw-confirm = Jag vill återkalla ärendet. Jag förstår att det inte går att ångra.
case-withdraw-confirm-error = Kryssa i rutan om du vill återkalla ärendet
case-withdraw-reason = Varför återkallar du? (valfritt)
case-withdraw-submit = Återkalla
case-status-submitted = Inskickad
case-status-in-progress = Handläggs
case-status-awaiting-completion = Väntar på komplettering
case-status-decided = Beslutad
case-status-closed = Avslutad
case-status-withdrawn = Återkallad
case-outcome-approved = Bifall
case-outcome-rejected = Avslag
case-outcome-partly-approved = Delvis bifall
case-event-submitted = Ansökan kom in
case-event-start = Handläggningen började
case-event-request-completion = Komplettering begärd
case-event-complete = Komplettering inkom
case-event-resume-without-completion = Handläggningen fortsatte utan komplettering
case-event-decide = Beslut fattat
case-event-close = Ärendet avslutat
case-event-withdraw = Ärendet återkallat
case-event-message = Meddelande
case-event-note = Intern anteckning
case-event-assigned = Tilldelat
sla-on-track = I tid
sla-due-soon = Snart försenat
sla-overdue = Försenat
sla-paused = Pausad – väntar på sökanden
survey-heading = Vad tyckte du? (frivilligt)
survey-anonymous = Dina svar sparas utan ditt namn och utan koppling till ärendet.
survey-score = Hur nöjd är du med e-tjänsten?
survey-score-low = Mycket missnöjd
survey-score-high = Mycket nöjd
survey-useful = E-tjänsten gav mig det jag behövde
survey-easy = E-tjänsten var lätt att använda
survey-disagree = Instämmer inte alls
survey-agree = Instämmer helt
survey-comment = Vill du berätta mer? (skriv inga personuppgifter)
survey-send = Skicka svaret
survey-thanks = Tack för ditt svar!
survey-error-score = Välj hur nöjd du är (1–5)
survey-error-scale = Välj ett värde från 1 till 7
survey-error-comment = Kommentaren får vara högst 1 000 tecken
officer-queue-title = Ärendekö
officer-units = Ärenden för { $units }
officer-filters = Filtrera ärenden
officer-filter-service = E-tjänst
officer-filter-deadline = Tidsfrist
officer-filter-assignee = Handläggare
officer-filter-apply = Visa
officer-any = Alla
officer-open-cases = Alla öppna
officer-assignee-me = Mina
officer-assignee-nobody = Ej tilldelade
officer-sort = Sortera
officer-sort-due = Mest brådskande först
officer-sort-newest = Senast inkomna först
officer-sort-oldest = Äldst först
officer-sort-number = Ärendenummer
officer-export = Exportera urvalet som CSV
officer-queue-empty = Inga ärenden matchar urvalet.
officer-queue-count = { $count ->
    [one] { $count } ärende
   *[other] { $count } ärenden
}
officer-select = Välj
officer-select-case = Välj ärende { $number }
officer-applicant = Sökande
officer-unassigned = Ingen handläggare
officer-bulk = Tilldela markerade ärenden
officer-bulk-to = Till
officer-bulk-me = Mig
officer-bulk-nobody = Ingen (släpp)
officer-bulk-submit = Tilldela
officer-assigned = { $count ->
    [one] { $count } ärende tilldelades.
   *[other] { $count } ärenden tilldelades.
}
officer-assignment = Handläggare
officer-assigned-to = Tilldelat { $name }
officer-take = Ta ärendet
officer-release = Släpp ärendet
officer-assign-to = Tilldela till
officer-assign = Tilldela
officer-actions = Åtgärder
officer-start = Börja handlägga
officer-resume = Fortsätt utan komplettering
officer-close = Avsluta ärendet
officer-request-completion = Begär komplettering
officer-completion-message = Vad behöver sökanden komplettera?
officer-reply-by = Svara senast
officer-clock-pauses = Handläggningstiden pausas tills sökanden svarar.
officer-send-request = Skicka begäran
officer-decide = Fatta beslut
officer-outcome = Beslut
officer-template-lang = Beslutsmallen är på sökandens språk ({ $lang }).
officer-decide-submit = Fatta beslutet
officer-error-motivation = Skriv en motivering (minst 10 tecken)
officer-error-reply-by = Välj ett datum efter i dag
officer-notes = Interna anteckningar
officer-notes-hint = Anteckningar visas aldrig för sökanden.
officer-note-label = Ny anteckning
officer-add-note = Spara anteckningen
officer-stale = Ärendet ändrades av någon annan under tiden. Här är hur det ser ut nu.
officer-saved-take = Du har tagit ärendet.
officer-saved-release = Ärendet är släppt.
officer-saved-assign = Ärendet är tilldelat.
officer-saved-note = Anteckningen är sparad.
officer-saved-start = Handläggningen har börjat.
officer-saved-request-completion = Begäran om komplettering är skickad. Handläggningstiden är pausad.
officer-saved-resume-without-completion = Handläggningen fortsätter.
officer-saved-decide = Beslutet är fattat och sökanden har fått besked.
officer-saved-close = Ärendet är avslutat.
officer-saved-message = Meddelandet är skickat.
services-title = E-tjänster
services-versions = Alla versioner av e-tjänsternas definitioner
services-service = E-tjänst
services-version = Version
services-version-n = version { $version }
services-status = Status
services-status-draft = Utkast
services-status-live = Publicerad
services-status-retired = Ersatt
services-unit = Mottagande enhet
services-uploaded = Uppladdad
services-published = Publicerad
services-upload = Ladda upp en definition
services-upload-hint = En definition är en TOML-fil. Den kontrolleras i sin helhet; en ny version blir ett utkast som du förhandsgranskar och publicerar. Ärenden som redan kommit in behåller sin version.
services-file = Fil
services-source = Eller klistra in definitionen
services-upload-submit = Kontrollera och ladda upp
services-errors = Definitionen har fel och sparades inte
services-error-empty = Välj en fil eller klistra in en definition
services-saved-uploaded = Definitionen är kontrollerad och sparad som utkast. Granska den och publicera.
services-saved-published = Versionen är publicerad. Nya ansökningar använder den.
services-publish = Publicera den här versionen
services-intro = Startsidans text
services-languages = Språk
services-condition = Visas bara om { $field } = { $value }
def-error-syntax = Filen kunde inte läsas: { $detail }
def-error-slug = ”{ $detail }” är inte en giltig tjänstebeteckning
def-error-version = Versionen måste vara 1 eller högre
def-error-unit = ”{ $detail }” är inte en enhetskod
def-error-handling-days = Handläggningstiden måste vara 1–730 dagar (nu { $detail })
def-error-unknown-language = Okänt språk: { $detail }
def-error-duplicate = ”{ $detail }” finns två gånger
def-error-language-required = Språket { $detail } krävs
def-error-missing-translation = Översättning saknas på { $detail }
def-error-undeclared-language = Texten finns på { $detail }, som inte finns i languages
def-error-no-steps = Definitionen har inga steg
def-error-id = ”{ $detail }” kan inte användas som id (små bokstäver, siffror, - och _; inte start, check, declaration, submit eller receipt)
def-error-no-fields = Steget { $detail } har inga fält
def-error-different-kind = Fältet jämförs med { $detail }, som är av en annan typ
def-error-unknown-field = Fältet { $detail } finns inte
def-error-attachments-required = Bilagor krävs, men inget filfält är obligatoriskt
def-error-route-field = Fältet { $detail } kan inte styra mottagaren (det måste vara ett obligatoriskt, alltid synligt val)
def-error-rule-not-for-kind = Regeln { $detail } passar inte fältets typ
def-error-bounds = Gränserna stämmer inte: { $detail }
def-error-options = Fältet behöver minst { $detail } alternativ
def-error-options-from = Okänd källa för alternativ: { $detail } (använd provider-units eller provider-units:<typ>)
def-error-shared-kind = Fältet kan inte ta emot den gemensamma uppgiften { $detail } (fel fälttyp)
def-error-option-value = Ogiltigt alternativvärde: ”{ $detail }”
def-error-condition-tests = Ett villkor ska ha exakt en av equals, one_of, includes eller answered (har { $detail })
def-error-condition-not-earlier = Villkoret gäller { $detail }, som inte finns på ett tidigare steg
def-error-includes-not-checkboxes = includes kan bara användas på kryssrutor ({ $detail })
def-error-unknown-option = Alternativet ”{ $detail }” finns inte i fältet
def-error-unknown-service = Tjänsten { $detail } finns inte i katalogen
def-error-unknown-unit = Enheten { $detail } finns inte
def-error-version-published = Version { $detail } är redan publicerad och kan inte ändras; ladda upp en ny version
def-error-reply-days = Antal svarsdagar för erbjudandet ska vara 1–60 (är { $detail })
def-error-remind-days = Påminnelsen måste gå ut före sista svarsdagen ({ $detail } dagar innan är för tidigt)
notify-receipt-subject = Vi har tagit emot din ansökan { $case_number }
notify-receipt-body =
    Hej!
    {""}
    Vi har tagit emot din ansökan ”{ $service }”. Ärendenummer: { $case_number }. Handläggningstiden är { $days } dagar.
    {""}
    Följ ärendet i Mina sidor: { $link }
    {""}
    Stockholms stad
notify-message-subject = Nytt meddelande i ärende { $case_number }
notify-message-body =
    Hej!
    {""}
    Du har fått ett meddelande i ärende { $case_number }. Läs det i Mina sidor: { $link }
    {""}
    Stockholms stad
notify-completion-request-subject = Vi behöver fler uppgifter i ärende { $case_number }
notify-completion-request-body =
    Hej!
    {""}
    För att kunna handlägga ärende { $case_number } behöver vi fler uppgifter från dig senast { $reply_by }. Svara i Mina sidor: { $link }
    {""}
    Stockholms stad
notify-decision-subject = Beslut i ärende { $case_number }
notify-decision-body =
    Hej!
    {""}
    Det finns ett beslut i ärende { $case_number }. Läs det i Mina sidor: { $link }
    {""}
    Stockholms stad
notify-draft-expiring-subject = Din påbörjade ansökan tas snart bort
notify-draft-expiring-body =
    Hej!
    {""}
    Din påbörjade ansökan ”{ $service }” tas bort { $date } om du inte fortsätter den. Fortsätt i Mina sidor: { $link }
    {""}
    Stockholms stad
error-too-large-title = Filen är för stor
error-too-large-body = Det du skickade är större än vi tar emot. Gå tillbaka, välj en mindre fil (högst 10 MB) och försök igen – det du skrivit finns kvar i formuläret.
upload-progress = Laddar upp … { $percent } %
upload-failed = Uppladdningen misslyckades. Försök igen.

# Offers in decisions (issue 18).
offer-heading = Erbjudande
offer-starts = Från { $date }
offer-reply-by = Svara senast { $date }.
offer-state-waiting = Väntar på ditt svar senast { $date }.
offer-state-accepted = Tackat ja { $date } { $via }.
offer-state-declined = Tackat nej { $date } { $via }.
offer-state-lapsed = Inget svar kom in i tid. Erbjudandet gick ut { $date }.
offer-via-my-pages = i Mina sidor
offer-via-phone = per telefon
offer-accept = Tacka ja till erbjudandet
offer-decline = Tacka nej
offer-saved-accepted = Du har tackat ja till erbjudandet.
offer-saved-declined = Du har tackat nej till erbjudandet.
offer-saved-closed = Erbjudandet är redan besvarat eller har gått ut.
case-event-offer = Erbjudande lämnat
case-event-offer-accepted = Erbjudandet accepterat
case-event-offer-declined = Erbjudandet avböjt
case-event-offer-lapsed = Erbjudandet gick ut utan svar
officer-offer = Erbjudande
officer-offer-starts = Startdatum
officer-offer-reply-hint = Sökanden svarar senast { $date } ({ $days } dagar) i Mina sidor eller per telefon.
officer-offer-waiting = Erbjudande väntar på svar senast { $date }
officer-offer-phone = Svar på erbjudandet per telefon
officer-offer-phone-hint = Registrera svaret när sökanden har svarat per telefon. Det syns i ärendet med att det kom per telefon.
officer-offer-accepted = Sökanden tackade ja
officer-offer-declined = Sökanden tackade nej
officer-saved-offer-accepted-by-phone = Svaret är registrerat: sökanden tackade ja.
officer-saved-offer-declined-by-phone = Svaret är registrerat: sökanden tackade nej.
officer-error-offer-what = Skriv vad som erbjuds (högst 300 tecken).
officer-error-offer-starts = Skriv startdatum som ÅÅÅÅ-MM-DD, i dag eller senare.
notify-offer-reminder-subject = Svara på erbjudandet i ärende { $case_number }
notify-offer-reminder-body =
    Hej!
    {""}
    Du har ett erbjudande i ärende { $case_number } som du behöver svara på senast { $reply_by }. Svara i Mina sidor: { $link }
    {""}
    Stockholms stad
notify-offer-lapsed-subject = Erbjudandet i ärende { $case_number } har gått ut
notify-offer-lapsed-body =
    Hej!
    {""}
    Vi fick inget svar på erbjudandet i ärende { $case_number } i tid, och det har gått ut. Läs vad det betyder i Mina sidor: { $link }
    {""}
    Stockholms stad

case-event-assisted = Startad av kontaktcenter
case-event-assisted-agent-submitted = Inskickad av kontaktcenter ({ $agent }) för din räkning, med samtycke givet via { $via } { $at }
case-event-assisted-agent-started = Startad av kontaktcenter ({ $agent }) med samtycke givet via { $via } { $at }, inskickad av den sökande
case-from-contact-centre = Kontaktcenter Stockholm
case-event-via-contact-centre = Registrerad av kontaktcenter
apply-assisted-not-allowed = Den här e-tjänsten kan bara den sökande själv skicka in. Be personen göra klart den i Mina sidor.
