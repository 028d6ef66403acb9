start-title = Tervetuloa Tukholman kaupungin palveluun
start-lead = Löydä tietoa ja sähköisiä palveluja, hae ja seuraa asioitasi.
search-label = Hae kaupungin palveluista
search-placeholder = Esimerkiksi esikoulu, rakennuslupa tai pysäköinti
search-button = Hae
situations-heading = Elämäntilanteet
situation-count = { $count ->
    [one] { $count } palvelu
   *[other] { $count } palvelua
}
most-used-heading = Käytetyimmät palvelut
messages-heading = Käyttötiedotteet
message-valid = Voimassa { $from } – { $until }
severity-notice = Tiedote
severity-disruption = Häiriö
situation-forskola-och-skola = Esikoulu ja koulu
situation-bygga-och-bo = Rakentaminen ja asuminen
situation-starta-och-driva-foretag = Yrityksen perustaminen ja pyörittäminen
situation-omsorg-och-stod = Hoiva ja tuki
situation-trafik-och-parkering = Liikenne ja pysäköinti
situation-kultur-och-fritid = Kulttuuri ja vapaa-aika
situation-miljo-och-avfall = Ympäristö ja jätteet
situation-arbete-och-ekonomi = Työ ja talous
situation-demokrati-och-paverkan = Demokratia ja vaikuttaminen
audience-privatperson = Yksityishenkilöt
audience-foretag = Yritykset ja yhdistykset
channel-webb = Verkko
channel-telefon = Puhelin
channel-besok = Käynti
catalogue-title = Kaikki palvelut
filter-situation = Elämäntilanne
filter-audience = Kohderyhmä
filter-all = Kaikki
results-count = { $count ->
    [0] Palveluja ei löytynyt
    [one] { $count } palvelu
   *[other] { $count } palvelua
}
results-for = haulla ”{ $query }”
no-results = Emme löytäneet vastaavia palveluja. Kokeile toista sanaa tai tarkista oikeinkirjoitus.
no-results-help = Voit myös soittaa asiakaspalveluun, niin autamme sinua.
pagination-label = Sivut
page-previous = Edellinen
page-next = Seuraava
page-current = Sivu { $page } / { $pages }
handling-time = Käsittelyaika: { $days ->
    [one] { $days } päivä
   *[other] { $days } päivää
}
handling-days = { $days ->
    [one] { $days } päivä
   *[other] { $days } päivää
}
handling-time-immediate = Ei käsittelyaikaa
results-updating = Tulokset päivittyvät kirjoittaessasi.
service-not-in-language = Tätä tietoa ei ole saatavilla suomeksi. Se näytetään kielellä { $language }.
service-who = Kuka voi käyttää palvelua
service-provider = Kuka tarjoaa palvelun
service-provider-city = Tukholman kaupungin hallinto
service-provider-external = Muu organisaatio tai palveluntuottaja
service-cost = Hinta
service-handling = Käsittelyaika (palvelutaso)
service-channels = Näin voit käyttää palvelua
service-help = Apua ja yhteystiedot
service-phone = Puhelin: { $phone }
service-reviewed = Viimeksi tarkistettu { $date }
service-start = Aloita sähköinen palvelu
service-no-e-service = Palvelua ei ole saatavilla sähköisenä. Ota yhteyttä puhelimitse tai käy luonamme.
service-audience = Kohderyhmä
message-districts = Koskee: { $districts }
service-email = Sähköposti: { $email }.
service-external-runs-it = Palvelua hoitaa { $provider }, ei Tukholman kaupunki. Haet palvelua heidän verkkosivuillaan.
service-external-link = Siirry palveluun: { $provider } (toinen verkkosivusto)
service-external-leaving = Poistut Stadsportenista. Siellä antamiasi tietoja käsittelee { $provider }, ei kaupunki.
back-to-service = Takaisin palveluun
service-unit-contact = Käsittelijä
service-unit-contact-value = { $unit }, puhelin { $phone }
