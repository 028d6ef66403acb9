## Mitä tiedämme sinusta (/my/data) ja rekisteriote

my-data-intro = Katso, mitä tietoja Stadsportenilla on sinusta, miksi ja kuinka kauan, ja lataa kopio kaikesta.
my-data-link = Mitä tiedämme sinusta
mydata-title = Mitä tiedämme sinusta
mydata-intro = Tässä näet, mitä tietoja Tukholman kaupungilla on sinusta Stadsportenissa, miksi meillä on ne ja kuinka kauan niitä säilytetään. Voit ladata kopion kaikesta.
mydata-held-heading = Tiedot, jotka meillä on
mydata-held-caption = Tiedot sinusta, miksi meillä on ne ja kuinka kauan niitä säilytetään
mydata-col-what = Tiedot
mydata-col-why = Miksi
mydata-col-kept = Kuinka kauan
mydata-kind-profile = Nimi, henkilötunnus ja yhteystiedot
mydata-kind-cases = { $count ->
    [one] 1 asia vastauksineen, viesteineen ja päätöksineen
   *[other] { $count } asiaa vastauksineen, viesteineen ja päätöksineen
}
mydata-kind-files = { $count ->
    [one] 1 tiedosto
   *[other] { $count } tiedostoa
}
mydata-kind-drafts = { $count ->
    [one] 1 aloitettu hakemus
   *[other] { $count } aloitettua hakemusta
}
mydata-kind-errands = { $count ->
    [one] 1 yhteydenotto asiakaspalveluun
   *[other] { $count } yhteydenottoa asiakaspalveluun
}
mydata-kind-lookups = { $count ->
    [one] 1 kerran asiakaspalvelu on hakenut tietosi
   *[other] { $count } kertaa asiakaspalvelu on hakenut tietosi
}
mydata-kind-access = { $count ->
    [one] 1 merkintä lokissa siitä, kuka on lukenut tai muuttanut tietojasi
   *[other] { $count } merkintää lokissa siitä, kuka on lukenut tai muuttanut tietojasi
}
mydata-why-profile = Jotta tiedämme, kuka olet kirjautuessasi, ja voimme ottaa sinuun yhteyttä asioistasi.
mydata-why-cases = Jotta voimme käsitellä sen, mitä haet tai kerroit meille.
mydata-why-drafts = Jotta voit jatkaa siitä, mihin jäit.
mydata-why-errands = Jotta voimme auttaa sinua, kun otat yhteyttä, ja varmistaa, että saat vastauksen.
mydata-why-lookups = Jotta näet, milloin ja miksi asiakaspalvelu on katsonut tietojasi.
mydata-why-access = Tietojesi suojaamiseksi: jokainen luku ja muutos kirjataan lokiin.
mydata-kept-profile = Niin kauan kuin sinulla on asioita meillä tai käytät Stadsportenia.
mydata-kept-cases = Kaupungin asiakirjahallintasuunnitelman mukaan palvelukohtaisesti: hävitetään määräajan jälkeen tai säilytetään kaupunginarkistossa.
mydata-kept-drafts = { $days } päivää viimeisestä tallennuksesta, sitten se poistetaan.
mydata-kept-errands = Asiakaspalvelun asiakirjahallintasuunnitelman mukaan.
mydata-kept-lookups = Yhtä kauan kuin loki.
mydata-kept-access = Lokia ei voi muuttaa, ja se säilytetään asiakirjahallintasuunnitelman mukaan.
mydata-legal-basis = Käsittelemme tietoja yleisen edun mukaisen tehtävän suorittamiseksi ja julkisen vallan käyttämiseksi (tietosuoja-asetuksen 6 artiklan 1 kohdan e alakohta) sekä lakisääteisten velvoitteiden, kuten hallintolain ja arkistolain, noudattamiseksi (c alakohta). Rekisterinpitäjä on lautakunta, joka käsittelee asiaasi.
mydata-internal-notes = Käsittelijöiden sisäiset muistiinpanot eivät sisälly otteeseen. Voit pyytää niitä yksiköltä, jolla asiasi on; ne luovutetaan salassapitoharkinnan jälkeen.
mydata-download-heading = Lataa kopio (rekisteriote)
mydata-download-intro = Kopio sisältää kaiken yllä olevan. Luettavan version voi tulostaa. Koneluettavan version (JSON) voit siirtää toiseen järjestelmään.
mydata-download-html = Lataa luettava kopio (HTML)
mydata-download-json = Lataa koneluettava kopio (JSON)
mydata-correct-heading = Onko jokin väärin?
mydata-correct-intro = Jos sinua koskeva tieto on väärin, voit pyytää sen korjaamista. Kirjoita, mikä on väärin ja mikä oikein, niin pyyntö menee asiana tiedosta vastaavalle yksikölle.
mydata-correct-link = Pyydä korjausta
mydata-rights = Sinulla on myös oikeus pyytää tietojen poistamista tai käsittelyn rajoittamista sekä tehdä valitus Ruotsin tietosuojaviranomaiselle (IMY).

extract-title = Rekisteriote Stadsportenista
extract-intro = Tämä on kaikki, mitä Stadsportenilla oli sinusta otteen tekohetkellä.
extract-generated = Tehty
extract-profile = Sinusta
extract-email = Sähköpostiosoite
extract-address = Väestörekisteriosoite
extract-organisations = Yritykset, joita edustat
extract-cases = Asiat
extract-case-facts = Asiasta
extract-unit = Yksikkö
extract-status = Tila
extract-submitted = Lähetetty
extract-closed = Päätetty
extract-answers = Vastauksesi
extract-timeline = Tapahtumat
extract-messages = Viestit
extract-decision = Päätös
extract-files = Tiedostot
extract-file-name = Tiedostonimi
extract-size = Koko (tavua)
extract-when = Milloin
extract-what = Mitä
extract-from = Keneltä
extract-text = Teksti
extract-outcome = Lopputulos
extract-drafts = Aloitetut hakemukset
extract-service = Palvelu
extract-errands = Yhteydenotot asiakaspalveluun
extract-number = Numero
extract-lookups = Milloin asiakaspalvelu haki tietosi
extract-reason = Syy
extract-access = Kuka on lukenut tai muuttanut tietojasi
extract-by = Kuka
