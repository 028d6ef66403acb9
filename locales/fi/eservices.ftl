# E-palvelut: lomakkeet, asiat, käsittely, määritykset ja ilmoitukset.

apply-back = Takaisin
apply-change = Muuta
apply-check-title = Tarkista vastauksesi
apply-confirm-required = Vahvista tiedot rastittamalla ruutu ennen lähettämistä
apply-continue = Jatka
apply-continue-draft = Jatka hakemusta, jonka tallensit { $date }
apply-days = { $days } päivää
apply-working-days = { $days } työpäivää
apply-declaration-title = Vahvista ja lähetä
apply-documents-heading = Tarvitset nämä
apply-drafts-heading = Sinulla on keskeneräisiä hakemuksia
apply-file-choose = Valitse tiedosto
apply-file-constraints = Sallitut tiedostotyypit: { $types }. Enintään { $count } tiedostoa.
apply-file-held = Odottaa virustarkistusta
apply-file-limit = Tiedostot saavat olla enintään { $mb } Mt.
apply-file-remove = Poista { $name }
apply-file-upload = Lataa tiedosto
apply-go-to-step = Siirry vaiheeseen
apply-handled-by = Käsittelijä
apply-handling-time = Käsittelyaika
apply-incomplete = Hakemus ei ole valmis: korjaa vaihe ”{ $step }” ennen lähettämistä.
apply-needs-organisation = Tämä e-palvelu on yrityksille. Valitse ensin Omilla sivuilla yritys, jota edustat.
apply-needs-resident = Tämä e-palvelu on yksityishenkilöille, jotka ovat kirjautuneet e-tunnisteella.
apply-not-answered = Ei vastattu
apply-notify-email = Lähetämme ilmoitukset osoitteeseen { $email }. Voit muuttaa sen Omilla sivuilla.
apply-notify-portal = Ilmoitukset asiasta ovat Omilla sivuilla. Jos haluat sähköpostia tai tekstiviestejä, muuta asetusta Omilla sivuilla.
apply-notify-sms = Lähetämme tekstiviestejä numeroon { $phone }. Voit muuttaa sen Omilla sivuilla.
apply-save-later = Tallenna ja jatka myöhemmin
apply-sent-to = Hakemus lähetetään: { $unit }.
apply-sign-in = Kirjaudu ja hae
apply-sign-in-first = Kirjaudut e-tunnisteella. Hakemus tallennetaan jokaisen vaiheen jälkeen.
apply-preselected = Valitsit vertailussa kohteen { $unit }. Se on jo valittuna kohtaan ”{ $field }”, kun aloitat.
apply-start = Aloita hakemus
apply-step-of = Vaihe { $n }/{ $count }
apply-step-conditional = jos koskee sinua
apply-steps-heading = Näin se toimii
apply-submit = Lähetä hakemus
field-address-city = Postitoimipaikka
field-address-postcode = Postinumero
field-address-street = Katuosoite
field-choose = Valitse
field-date-format = Kirjoita päivämäärä muodossa VVVV-KK-PP, esimerkiksi 2027-01-15.
field-max-characters = Enintään { $max } merkkiä.
field-optional = vapaaehtoinen
form-error-prefix = Virhe
field-error-characters = Teksti sisältää merkkejä, joita ei voi tallentaa. Poista ne ja yritä uudelleen.
field-error-choose = Valitse vaihtoehto
field-error-city = Kirjoita postitoimipaikka
field-error-date = Kirjoita olemassa oleva päivämäärä muodossa VVVV-KK-PP
field-error-date-too-early = Päivämäärä ei voi olla ennen { $date }
field-error-date-too-late = Päivämäärä ei voi olla { $date } jälkeen
field-error-email = Kirjoita sähköpostiosoite, esim. anna@example.se
field-error-file-empty = Valitse ladattava tiedosto
field-error-file-infected = Tiedosto sisältää haitallista koodia, eikä sitä vastaanotettu
field-error-file-required = Lataa tiedosto
field-error-file-storage = Tiedostoa ei voitu tallentaa juuri nyt. Yritä hetken kuluttua uudelleen.
field-error-file-too-large = Tiedosto on liian suuri. Se saa olla enintään { $mb } Mt.
field-error-file-type = Tiedoston on oltava { $types }
field-error-integer = Kirjoita kokonaisluku
field-error-max-choices = Valitse enintään { $max }
field-error-min-choices = Valitse vähintään { $min }
field-error-number = Kirjoita luku, esimerkiksi 40
field-error-number-max = Luku saa olla enintään { $max }
field-error-number-min = Luvun on oltava vähintään { $min }
field-error-option = Valitse jokin luettelon vaihtoehdoista
field-error-phone = Kirjoita 7–15-numeroinen puhelinnumero, esim. 070-123 45 67
field-error-postcode = Kirjoita viisinumeroinen postinumero, esim. 118 46
field-error-required = Täytä tämä
field-error-same-as = Valitse jotain muuta kuin aiemmassa valinnassa
field-error-street = Kirjoita katuosoite (enintään 100 merkkiä)
field-error-too-long = Teksti saa olla enintään { $max } merkkiä
field-error-too-many-files = Voit ladata tähän enintään { $max } tiedostoa
field-error-too-short = Kirjoita vähintään { $min } merkkiä
error-pnr-check-digit = Henkilötunnus ei täsmää – tarkista viimeinen numero
error-pnr-date = Henkilötunnuksessa on päivämäärä, jota ei ole olemassa
error-pnr-format = Kirjoita henkilötunnus 12 numerolla, muodossa VVVVKKPP-NNNN
error-orgnr-check-digit = Organisaationumero ei täsmää – tarkista viimeinen numero
error-orgnr-format = Kirjoita organisaationumero kymmenellä numerolla, esim. 556677-8899
error-orgnr-not-legal-person = Numero ei ole yrityksen tai yhteisön organisaationumero
receipt-title = Hakemus on lähetetty
receipt-case-number = Asianumerosi on
receipt-due = { $days } päivää – viimeistään { $date }
receipt-due-working = { $days } työpäivää – viimeistään { $date }
receipt-follow = Seuraa asiaa Omissa asioissa
receipt-next-heading = Mitä seuraavaksi tapahtuu?
receipt-service = E-palvelu
receipt-submitted = Lähetetty
receipt-unit = Käsittelijä
my-cases-title = Omat asiat
my-cases-actions = Toiminnot
my-cases-cases = Asiat
my-cases-discard = Poista luonnos
my-cases-discarded = Luonnos ja sen tiedostot on poistettu.
my-cases-draft-saved = Hakemus on tallennettu. Jatka milloin haluat täällä Omissa asioissa.
my-cases-drafts = Keskeneräiset hakemukset
my-cases-drafts-hint = Keskeneräiset hakemukset poistetaan, jos et jatka niitä. Muistutamme sinua ensin.
my-cases-expires = Poistetaan
my-cases-find-service = Etsi e-palvelu
my-cases-no-drafts = Sinulla ei ole keskeneräisiä hakemuksia.
my-cases-none = Sinulla ei ole vielä asioita.
my-cases-saved = Viimeksi tallennettu
my-cases-service = E-palvelu
my-cases-unread = { $count } lukematonta
case-heading = Asia { $number }
case-number = Asianumero
case-status = Tila
case-due = Päätös viimeistään
case-answers = Vastaukset
case-answers-staff = Hakijan vastaukset
case-appeal = Jos et ole tyytyväinen päätökseen, voit valittaa siitä kolmen viikon kuluessa tiedoksisaannista. Kirjoita päätöksen tehneelle lautakunnalle; asiakaspalvelu auttaa sinua.
case-appeal-heading = Näin valitat
case-completion-answer = Vastauksesi
case-completion-answered = Vastattu { $date }
case-completion-closed = Suljettu ilman vastausta
case-completion-needed = Tarvitsemme sinulta lisätietoja
case-completion-open = Vastaa viimeistään { $date }
case-completion-send = Lähetä täydennys
case-completions = Täydennyspyynnöt
case-decided-at = Päätöspäivä
case-decided-by = Päättäjä
case-decision = Päätös
case-file-removed = Poistettu
case-files = Liitetiedostot
case-from-city = Tukholman kaupunki
case-internal = sisäinen
case-message-file = Liitä tiedosto (vapaaehtoinen, PDF, JPEG tai PNG)
case-message-label = Uusi viesti
case-message-send = Lähetä viesti
case-messages = Viestit
case-motivation = Perustelut
case-not-possible = Se ei onnistunut: asia on muuttunut sillä välin. Tältä se näyttää nyt.
case-print-decision = Tulosta päätös
case-receipt-link = Näytä kuittaus
case-saved-completion = Kiitos! Täydennys on lähetetty ja käsittely jatkuu.
case-saved-message = Viesti on lähetetty.
case-saved-withdrawn = Asia on peruttu.
case-timeline = Tapahtumat
case-withdraw = Peru asia
case-withdraw-confirm = Haluan perua asian. Ymmärrän, ettei sitä voi perua.
case-withdraw-confirm-error = Rastita ruutu, jos haluat perua asian
case-withdraw-reason = Miksi perut? (vapaaehtoinen)
case-withdraw-submit = Peru
case-status-submitted = Lähetetty
case-status-in-progress = Käsittelyssä
case-status-awaiting-completion = Odottaa täydennystä
case-status-decided = Päätetty
case-status-closed = Suljettu
case-status-withdrawn = Peruttu
case-outcome-approved = Myönteinen
case-outcome-rejected = Kielteinen
case-outcome-partly-approved = Osittain myönteinen
case-event-submitted = Hakemus saapui
case-event-start = Käsittely alkoi
case-event-request-completion = Täydennystä pyydetty
case-event-complete = Täydennys saapui
case-event-resume-without-completion = Käsittely jatkui ilman täydennystä
case-event-decide = Päätös tehty
case-event-close = Asia suljettu
case-event-withdraw = Asia peruttu
case-event-message = Viesti
case-event-note = Sisäinen muistiinpano
case-event-assigned = Osoitettu
sla-on-track = Aikataulussa
sla-due-soon = Erääntyy pian
sla-overdue = Myöhässä
sla-paused = Keskeytetty – odottaa hakijaa
survey-heading = Mitä mieltä olit? (vapaaehtoinen)
survey-anonymous = Vastauksesi tallennetaan ilman nimeäsi ja ilman yhteyttä asiaan.
survey-score = Kuinka tyytyväinen olet e-palveluun?
survey-score-low = Erittäin tyytymätön
survey-score-high = Erittäin tyytyväinen
survey-useful = E-palvelu antoi minulle sen, mitä tarvitsin
survey-easy = E-palvelua oli helppo käyttää
survey-disagree = Täysin eri mieltä
survey-agree = Täysin samaa mieltä
survey-comment = Haluatko kertoa lisää? (älä kirjoita henkilötietoja)
survey-send = Lähetä vastaus
survey-thanks = Kiitos vastauksestasi!
survey-error-score = Valitse kuinka tyytyväinen olet (1–5)
survey-error-scale = Valitse arvo 1–7
survey-error-comment = Kommentti saa olla enintään 1 000 merkkiä
officer-queue-title = Asiajono
officer-units = Asiat: { $units }
officer-filters = Suodata asioita
officer-filter-service = E-palvelu
officer-filter-deadline = Määräaika
officer-filter-assignee = Käsittelijä
officer-filter-apply = Näytä
officer-any = Kaikki
officer-open-cases = Kaikki avoimet
officer-assignee-me = Omat
officer-assignee-nobody = Osoittamattomat
officer-sort = Lajittele
officer-sort-due = Kiireellisimmät ensin
officer-sort-newest = Uusimmat ensin
officer-sort-oldest = Vanhimmat ensin
officer-sort-number = Asianumero
officer-export = Vie valinta CSV-tiedostona
officer-queue-empty = Valintaa vastaavia asioita ei ole.
officer-queue-count = { $count ->
    [one] { $count } asia
   *[other] { $count } asiaa
}
officer-select = Valitse
officer-select-case = Valitse asia { $number }
officer-applicant = Hakija
officer-unassigned = Ei käsittelijää
officer-bulk = Osoita valitut asiat
officer-bulk-to = Kenelle
officer-bulk-me = Minulle
officer-bulk-nobody = Ei kenellekään (vapauta)
officer-bulk-submit = Osoita
officer-assigned = { $count ->
    [one] { $count } asia osoitettiin.
   *[other] { $count } asiaa osoitettiin.
}
officer-assignment = Käsittelijä
officer-assigned-to = Osoitettu: { $name }
officer-take = Ota asia
officer-release = Vapauta asia
officer-assign-to = Osoita
officer-assign = Osoita
officer-actions = Toimenpiteet
officer-start = Aloita käsittely
officer-resume = Jatka ilman täydennystä
officer-close = Sulje asia
officer-request-completion = Pyydä täydennystä
officer-completion-message = Mitä hakijan on täydennettävä?
officer-reply-by = Vastattava viimeistään
officer-clock-pauses = Käsittelyaika keskeytyy, kunnes hakija vastaa.
officer-send-request = Lähetä pyyntö
officer-decide = Tee päätös
officer-outcome = Päätös
officer-template-lang = Päätöspohja on hakijan kielellä ({ $lang }).
officer-decide-submit = Tee päätös
officer-error-motivation = Kirjoita perustelut (vähintään 10 merkkiä)
officer-error-reply-by = Valitse päivä tämän päivän jälkeen
officer-notes = Sisäiset muistiinpanot
officer-notes-hint = Muistiinpanoja ei koskaan näytetä hakijalle.
officer-note-label = Uusi muistiinpano
officer-add-note = Tallenna muistiinpano
officer-stale = Joku muu muutti asiaa sillä välin. Tältä se näyttää nyt.
officer-saved-take = Otit asian.
officer-saved-release = Asia on vapautettu.
officer-saved-assign = Asia on osoitettu.
officer-saved-note = Muistiinpano on tallennettu.
officer-saved-start = Käsittely on alkanut.
officer-saved-request-completion = Täydennyspyyntö on lähetetty. Käsittelyaika on keskeytetty.
officer-saved-resume-without-completion = Käsittely jatkuu.
officer-saved-decide = Päätös on tehty ja hakijalle on ilmoitettu.
officer-saved-close = Asia on suljettu.
officer-saved-message = Viesti on lähetetty.
services-title = E-palvelut
services-versions = E-palvelujen määritysten kaikki versiot
services-service = E-palvelu
services-version = Versio
services-version-n = versio { $version }
services-status = Tila
services-status-draft = Luonnos
services-status-live = Julkaistu
services-status-retired = Korvattu
services-unit = Vastaanottava yksikkö
services-uploaded = Ladattu
services-published = Julkaistu
services-upload = Lataa määritys
services-upload-hint = Määritys on TOML-tiedosto. Se tarkistetaan kokonaan; uusi versio on luonnos, jonka esikatselet ja julkaiset. Jo saapuneet asiat säilyttävät versionsa.
services-file = Tiedosto
services-source = Tai liitä määritys
services-upload-submit = Tarkista ja lataa
services-errors = Määrityksessä on virheitä, eikä sitä tallennettu
services-error-empty = Valitse tiedosto tai liitä määritys
services-saved-uploaded = Määritys on tarkistettu ja tallennettu luonnoksena. Tarkista ja julkaise se.
services-saved-published = Versio on julkaistu. Uudet hakemukset käyttävät sitä.
services-publish = Julkaise tämä versio
services-intro = Aloitussivun teksti
services-languages = Kielet
services-condition = Näytetään vain, jos { $field } = { $value }
def-error-syntax = Tiedostoa ei voitu lukea: { $detail }
def-error-slug = ”{ $detail }” ei ole kelvollinen palvelutunnus
def-error-version = Version on oltava 1 tai suurempi
def-error-unit = ”{ $detail }” ei ole yksikkökoodi
def-error-handling-days = Käsittelyajan on oltava 1–730 päivää (nyt { $detail })
def-error-unknown-language = Tuntematon kieli: { $detail }
def-error-duplicate = ”{ $detail }” esiintyy kahdesti
def-error-language-required = Kieli { $detail } vaaditaan
def-error-missing-translation = Käännös kielelle { $detail } puuttuu
def-error-undeclared-language = Tekstiä on kielellä { $detail }, jota ei ole luettelossa languages
def-error-no-steps = Määrityksessä ei ole vaiheita
def-error-id = ”{ $detail }” ei kelpaa tunnisteeksi (pienet kirjaimet, numerot, - ja _; ei start, check, declaration, submit tai receipt)
def-error-no-fields = Vaiheessa { $detail } ei ole kenttiä
def-error-different-kind = Kenttää verrataan kenttään { $detail }, joka on eri tyyppiä
def-error-unknown-field = Kenttää { $detail } ei ole
def-error-attachments-required = Liitteet vaaditaan, mutta mikään tiedostokenttä ei ole pakollinen
def-error-route-field = Kenttä { $detail } ei voi valita vastaanottajaa (sen on oltava pakollinen, aina näkyvä valinta)
def-error-rule-not-for-kind = Sääntö { $detail } ei sovi kentän tyyppiin
def-error-bounds = Rajat eivät täsmää: { $detail }
def-error-options = Kenttä tarvitsee vähintään { $detail } vaihtoehtoa
def-error-options-from = Tuntematon vaihtoehtojen lähde: { $detail } (käytä provider-units tai provider-units:<tyyppi>)
def-error-shared-kind = Kenttä ei voi sisältää yhteistä tietoa { $detail } (väärä kenttätyyppi)
def-error-option-value = Virheellinen vaihtoehdon arvo: ”{ $detail }”
def-error-condition-tests = Ehdossa on oltava täsmälleen yksi: equals, one_of, includes tai answered (nyt { $detail })
def-error-condition-not-earlier = Ehto viittaa kenttään { $detail }, joka ei ole aiemmassa vaiheessa
def-error-includes-not-checkboxes = includes toimii vain valintaruuduilla ({ $detail })
def-error-unknown-option = Vaihtoehtoa ”{ $detail }” ei ole kentässä
def-error-unknown-service = Palvelua { $detail } ei ole luettelossa
def-error-unknown-unit = Yksikköä { $detail } ei ole
def-error-version-published = Versio { $detail } on jo julkaistu eikä sitä voi muuttaa; lataa uusi versio
def-error-reply-days = Tarjoukseen vastaamisen päivien määrän on oltava 1–60 (nyt { $detail })
def-error-remind-days = Muistutuksen on lähdettävä ennen viimeistä vastauspäivää ({ $detail } päivää ennen on liian aikaisin)
notify-receipt-subject = Olemme vastaanottaneet hakemuksesi { $case_number }
notify-receipt-body =
    Hei!
    {""}
    Olemme vastaanottaneet hakemuksesi ”{ $service }”. Asianumero: { $case_number }. Käsittelyaika on { $days } päivää.
    {""}
    Seuraa asiaa Omilla sivuilla: { $link }
    {""}
    Tukholman kaupunki
notify-message-subject = Uusi viesti asiassa { $case_number }
notify-message-body =
    Hei!
    {""}
    Sinulle on viesti asiassa { $case_number }. Lue se Omilla sivuilla: { $link }
    {""}
    Tukholman kaupunki
notify-completion-request-subject = Tarvitsemme lisätietoja asiassa { $case_number }
notify-completion-request-body =
    Hei!
    {""}
    Asian { $case_number } käsittelyä varten tarvitsemme sinulta lisätietoja viimeistään { $reply_by }. Vastaa Omilla sivuilla: { $link }
    {""}
    Tukholman kaupunki
notify-decision-subject = Päätös asiassa { $case_number }
notify-decision-body =
    Hei!
    {""}
    Asiassa { $case_number } on tehty päätös. Lue se Omilla sivuilla: { $link }
    {""}
    Tukholman kaupunki
notify-draft-expiring-subject = Keskeneräinen hakemuksesi poistetaan pian
notify-draft-expiring-body =
    Hei!
    {""}
    Keskeneräinen hakemuksesi ”{ $service }” poistetaan { $date }, ellet jatka sitä. Jatka Omilla sivuilla: { $link }
    {""}
    Tukholman kaupunki
error-too-large-title = Tiedosto on liian suuri
error-too-large-body = Lähettämäsi on suurempi kuin vastaanotamme. Palaa takaisin, valitse pienempi tiedosto (enintään 10 Mt) ja yritä uudelleen – kirjoittamasi on yhä lomakkeella.
upload-progress = Ladataan … { $percent } %
upload-failed = Lataus epäonnistui. Yritä uudelleen.

# Offers in decisions (issue 18).
offer-heading = Tarjous
offer-starts = Alkaen { $date }
offer-reply-by = Vastaa viimeistään { $date }.
offer-state-waiting = Odottaa vastaustasi viimeistään { $date }.
offer-state-accepted = Hyväksytty { $date } { $via }.
offer-state-declined = Hylätty { $date } { $via }.
offer-state-lapsed = Vastausta ei tullut ajoissa. Tarjous raukesi { $date }.
offer-via-my-pages = Omilla sivuilla
offer-via-phone = puhelimitse
offer-accept = Hyväksy tarjous
offer-decline = Kieltäydy
offer-saved-accepted = Olet hyväksynyt tarjouksen.
offer-saved-declined = Olet kieltäytynyt tarjouksesta.
offer-saved-closed = Tarjoukseen on jo vastattu tai se on rauennut.
case-event-offer = Tarjous tehty
case-event-offer-accepted = Tarjous hyväksytty
case-event-offer-declined = Tarjouksesta kieltäydytty
case-event-offer-lapsed = Tarjous raukesi ilman vastausta
officer-offer = Tarjous
officer-offer-starts = Alkamispäivä
officer-offer-reply-hint = Hakija vastaa viimeistään { $date } ({ $days } päivää) Omilla sivuilla tai puhelimitse.
officer-offer-waiting = Tarjous odottaa vastausta viimeistään { $date }
officer-offer-phone = Vastaus tarjoukseen puhelimitse
officer-offer-phone-hint = Kirjaa vastaus, kun hakija on vastannut puhelimitse. Asiassa näkyy, että vastaus tuli puhelimitse.
officer-offer-accepted = Hakija hyväksyi
officer-offer-declined = Hakija kieltäytyi
officer-saved-offer-accepted-by-phone = Vastaus on kirjattu: hakija hyväksyi.
officer-saved-offer-declined-by-phone = Vastaus on kirjattu: hakija kieltäytyi.
officer-error-offer-what = Kirjoita, mitä tarjotaan (enintään 300 merkkiä).
officer-error-offer-starts = Kirjoita alkamispäivä muodossa VVVV-KK-PP, tänään tai myöhemmin.
notify-offer-reminder-subject = Vastaa tarjoukseen asiassa { $case_number }
notify-offer-reminder-body =
    Hei!
    {""}
    Sinulla on tarjous asiassa { $case_number }, johon sinun on vastattava viimeistään { $reply_by }. Vastaa Omilla sivuilla: { $link }
    {""}
    Tukholman kaupunki
notify-offer-lapsed-subject = Tarjous asiassa { $case_number } on rauennut
notify-offer-lapsed-body =
    Hei!
    {""}
    Emme saaneet ajoissa vastausta tarjoukseen asiassa { $case_number }, ja se on rauennut. Lue Omilla sivuilla, mitä tämä tarkoittaa: { $link }
    {""}
    Tukholman kaupunki

case-event-assisted = Asiakaspalvelun aloittama
case-event-assisted-agent-submitted = Asiakaspalvelu ({ $agent }) lähetti puolestasi, suostumus annettu: { $via } { $at }
case-event-assisted-agent-started = Asiakaspalvelun ({ $agent }) aloittama, suostumus annettu: { $via } { $at }; hakija lähetti
case-from-contact-centre = Tukholman kaupungin asiakaspalvelu
case-event-via-contact-centre = Asiakaspalvelun kirjaama
apply-assisted-not-allowed = Vain hakija voi lähettää tämän palvelun. Pyydä henkilöä viimeistelemään se Omilla sivuilla.
