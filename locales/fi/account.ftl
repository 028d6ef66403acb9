sign-in-title = Kirjaudu sisään
sign-in-lead = Valitse, miten haluat kirjautua.
sign-in-resident = Yksityishenkilö tai yritys
sign-in-resident-text = E-tunnisteella, esimerkiksi BankID tai Freja eID. Jos edustat yritystä, valitset sen kirjautumisen jälkeen.
sign-in-staff = Tukholman kaupungin työntekijä
sign-in-staff-text = Kaupungin tunnuksellasi.
sign-in-privacy = Tallennamme, kuka kirjautuu ja milloin, sinun ja muiden turvallisuuden vuoksi. Henkilötunnustasi ei koskaan kirjoiteta teknisiin lokeihin.
signed-out-title = Olet kirjautunut ulos
signed-out-body = Sinut on kirjattu ulos. Sulje selain, jos käytät tietokonetta, jota muutkin käyttävät.
my-title = Omat sivut
my-saved-contact = Yhteystietosi on tallennettu.
my-saved-acting-for = Olet vaihtanut, ketä edustat.
my-me-heading = Tietoja sinusta
my-name = Nimi
my-personnummer = Henkilötunnus
my-acting-heading = Ketä edustat
my-acting-legend = Asioin
my-acting-self = Itse
my-acting-submit = Vaihda
my-contact-heading = Yhteystiedot
my-email-verified = Sähköposti: { $email } (vahvistettu)
my-email-unverified = Sähköposti: { $email } (ei vahvistettu)
my-email-none = Et ole antanut sähköpostiosoitetta.
my-phone = Puhelinnumero (vapaaehtoinen)
my-phone-hint = Esimerkiksi 070-123 45 67.
my-lang = Viestiemme kieli
my-lang-same-as-site = Sama kuin verkkosivustolla
my-channel = Miten haluat tietoa asioistasi?
my-channel-email = Sähköposti
my-channel-sms = Tekstiviesti
my-channel-portal = Vain Omat sivut -palvelussa
my-contact-submit = Tallenna yhteystiedot
my-error-phone = Kirjoita puhelinnumero 7–15 numerolla, esimerkiksi 070-123 45 67.
my-error-choice = Valitse yksi vaihtoehdoista.
my-cases-heading = Asiasi
my-cases-intro = Keskeneräiset hakemuksesi ja asiasi tiloineen, viesteineen ja päätöksineen.
test-idp-title-eid = Testikirjautuminen: e-tunniste
test-idp-title-staff = Testikirjautuminen: kaupungin työntekijät
test-idp-warning = Tämä on testikirjautuminen kehitystä ja esittelyä varten. Sitä ei ole oikeassa palvelussa.
test-idp-choose = Kirjaudu käyttäjänä
test-idp-sign-in = Kirjaudu sisään
test-idp-cancel = Peruuta
role-resident = asukas
role-business-representative = yrityksen edustaja
role-provider-editor = palveluntuottajan toimittaja
role-case-officer = käsittelijä
role-contact-centre-agent = asiakaspalvelun käsittelijä
role-service-owner = palvelun omistaja
role-content-editor = verkkotoimittaja
role-administrator = ylläpitäjä
role-auditor = tarkastaja
my-saved-email-sent = Lähetimme vahvistuslinkin. Avaa se 24 tunnin kuluessa, niin osoite otetaan käyttöön.
my-email-pending = Odottaa vahvistusta: { $email }
my-email-new = Uusi sähköpostiosoite
my-email-hint = Lähetämme osoitteeseen linkin. Osoite otetaan käyttöön, kun olet avannut linkin.
my-email-submit = Lähetä vahvistuslinkki
my-error-email = Kirjoita sähköpostiosoite muodossa nimi@esimerkki.se.
my-error-email-send = Emme voineet lähettää sähköpostia juuri nyt. Yritä hetken kuluttua uudelleen.
email-confirm-subject = Vahvista sähköpostiosoitteesi Stadsportenissa
email-confirm-body = Hei { $name }!

    Avaa linkki vahvistaaksesi sähköpostiosoitteesi Stadsportenissa:

    { $link }

    Linkki on voimassa 24 tuntia ja vain, kun olet kirjautuneena. Jos et pyytänyt tätä, voit jättää viestin huomiotta.

    Tukholman kaupunki
email-confirm-title = Sähköpostiosoite on vahvistettu
email-confirmed = Lähetämme asioitasi koskevat viestit osoitteeseen { $email }.
email-confirm-failed-title = Linkki ei toimi
email-confirm-failed = Linkki on jo käytetty, liian vanha tai kuuluu jollekulle muulle. Pyydä uusi linkki Omilla sivuilla.
