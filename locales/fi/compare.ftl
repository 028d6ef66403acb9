# Vertaile palveluja: esikoulut, koulut, hoivakodit ja kotihoito.

nav-compare = Vertaile palveluja
compare-title = Vertaile esikouluja, kouluja ja vanhustenhoitoa
compare-title-kind = Vertaile: { $kind }
compare-intro = Vertaile kaupungin ja yksityisten palveluntuottajien yksiköitä samoilla tiedoilla ja laatumittareilla. Jokainen arvo näytetään vuoden ja vastaajamäärän kanssa, ja voit hakea suoraan vertailusta.
compare-kinds-label = Valitse, mitä vertailet
compare-kind-preschool = esikoulut
compare-kind-compulsory-school = peruskoulut
compare-kind-upper-secondary = lukiot
compare-kind-elderly-home = hoivakodit
compare-kind-home-care = kotihoito
compare-count-preschool = { $count ->
    [one] { $count } esikoulu
   *[other] { $count } esikoulua
}
compare-count-compulsory-school = { $count ->
    [one] { $count } peruskoulu
   *[other] { $count } peruskoulua
}
compare-count-upper-secondary = { $count ->
    [one] { $count } lukio
   *[other] { $count } lukiota
}
compare-count-elderly-home = { $count ->
    [one] { $count } hoivakoti
   *[other] { $count } hoivakotia
}
compare-count-home-care = { $count ->
    [one] { $count } kotihoidon tuottaja
   *[other] { $count } kotihoidon tuottajaa
}
compare-open-data = Lataa vertailutiedot avoimena datana

compare-filter-legend = Suodata ja lajittele
compare-filter-kind = Yksikön tyyppi
compare-filter-q = Nimi
compare-filter-district = Kaupunginosa
compare-any-district = Kaikki kaupunginosat
compare-filter-operator = Ylläpitäjä
compare-any-operator = Kunnalliset ja yksityiset
compare-operator-city = Kunnallinen
compare-operator-private = Yksityinen palveluntuottaja
compare-filter-language = Puhutut kielet (ruotsin lisäksi)
compare-filter-profile = Painotus
compare-any-profile = Kaikki painotukset
compare-filter-hours = Aukioloajat arkisin
compare-filter-open_from = Auki viimeistään klo
compare-filter-open_until = Auki vähintään klo
compare-hours-hint = Esimerkiksi 06:30
compare-filter-places = Vain ne, joissa on vapaita paikkoja
compare-filter-from = Etäisyys osoitteesta tai kaupunginosasta
compare-from-hint = Esimerkiksi Götgatan 14 tai Bromma
compare-filter-sort = Lajittele
compare-filter-page = Sivu
compare-sort-name = Nimi
compare-sort-distance = Lähin ensin
compare-sort-by = { $indicator }
compare-more-filters = Lisää suodattimia: nimi, etäisyys, painotus, kielet, aukioloajat, vapaat paikat
compare-filter-submit = Näytä
compare-filter-reset = Tyhjennä suodattimet
compare-live-hint = Luettelo päivittyy, kun muutat suodattimia.
compare-sorted-high = Lajiteltu mittarin { $indicator } mukaan, suurin ensin. Yksiköt ilman arvoa ovat viimeisinä.
compare-sorted-low = Lajiteltu mittarin { $indicator } mukaan, pienin ensin (pienempi on parempi). Yksiköt ilman arvoa ovat viimeisinä.
compare-sorted-distance = Lajiteltu etäisyyden mukaan, lähin ensin.
compare-list-indicators = Luettelossa näkyy { $shown }/{ $total } laatumittaria. Kaikki ovat yksikön sivulla ja rinnakkaisvertailussa.
compare-empty = Mikään yksikkö ei vastaa suodattimia. Poista jokin suodatin ja yritä uudelleen.
compare-select-unit = Vertaile: { $name }
compare-selection-legend = Valitse enintään { $max } yksikköä ja vertaile niitä rinnakkain.
compare-selection-button = Vertaile valittuja rinnakkain

compare-language-sv = ruotsi
compare-language-en = englanti
compare-language-fi = suomi
compare-language-ar = arabia
compare-language-so = somali
compare-language-fa = persia
compare-language-ti = tigrinja
compare-language-es = espanja
compare-language-pl = puola
compare-language-tr = turkki
compare-language-de = saksa
compare-language-fr = ranska
compare-profile-outdoor = Ulkopedagogiikka
compare-profile-montessori = Montessori
compare-profile-reggio-emilia = Reggio Emilia
compare-profile-waldorf = Steiner (Waldorf)
compare-profile-language = Kielipainotus
compare-profile-music = Musiikki
compare-profile-science = Luonnontieteet
compare-profile-sports = Urheilu
compare-profile-finnish = Ruotsinsuomalainen painotus
compare-profile-dementia = Muistisairaiden hoito

compare-no-data = Ei tietoa
compare-value-year = { $year }
compare-value-n = N = { $n }
compare-value-rate = vastausprosentti { $rate } %
compare-caution-few = Vähän vastaajia (alle { $min }) – tulkitse varoen.
compare-caution-small-base = Pieni perusta (alle { $min }) – tulkitse varoen.
compare-caution-low-rate = Matala vastausprosentti (alle { $rate } %) – tulkitse varoen.
compare-threshold-note = Arvot, jotka perustuvat alle { $min } vastaajaan tai alle { $rate } %:n vastausprosenttiin, on merkitty ⚠. ”Ei tietoa” tarkoittaa, ettei yksiköllä ole arvoa kyseiseltä vuodelta, ei nollaa.
compare-distance-m = { $m } m päässä
compare-distance-km = { $km } km päässä
compare-hours-weekdays = { $range } arkisin
compare-hours-all-days = { $range } joka päivä
compare-hours-always = Ympäri vuorokauden joka päivä
compare-has-places = Vapaita paikkoja
compare-queue = Jono

compare-notice-malformed = Osoitteessa oli merkkejä, joita ei voitu lukea, joten suodattimia ei käytetty.
compare-notice-bad-value = Suodattimella ”{ $name }” oli arvo, jota emme tunnista, eikä sitä käytetty.
compare-notice-unknown-filter = Suodatinta ”{ $name }” ei ole, eikä sitä käytetty.
compare-notice-hours-order = Aukioloajan ”alkaen” on oltava ennen ”asti”-aikaa, joten niitä ei käytetty.
compare-notice-distance-needs-place = Anna osoite tai kaupunginosa, jotta voit lajitella etäisyyden mukaan.
compare-notice-sort-unknown = Tämän tyyppisiä yksiköitä ei voi lajitella mittarin ”{ $name }” mukaan. Luettelo on lajiteltu nimen mukaan.
compare-notice-address-unknown = Emme löytäneet kohdetta ”{ $name }”. Kirjoita katuosoite Tukholmassa tai kaupunginosan nimi.
compare-notice-unknown-unit = Yksikköä ”{ $name }” ei löytynyt. Se on ehkä lopettanut tai vaihtanut nimeä.
compare-notice-too-many = Voit vertailla enintään { $name } yksikköä kerrallaan. Näytämme { $name } ensimmäistä.
compare-notice-mixed-kinds = Vertailet erityyppisiä yksiköitä. Vain yhtä tyyppiä koskevat mittarit näkyvät muille ”ei tietoa”.

compare-fact-kind = Tyyppi
compare-fact-operator = Ylläpitäjä
compare-fact-district = Kaupunginosa
compare-fact-address = Osoite
compare-fact-hours = Aukioloajat
compare-fact-languages = Kielet
compare-fact-profiles = Painotus
compare-fact-places = Paikat
compare-fact-phone = Puhelin
compare-fact-email = Sähköposti
compare-fact-website = Verkkosivusto
compare-fact-distance = Etäisyys
compare-fact-size-preschool = Lapsia
compare-fact-size-compulsory-school = Oppilaita
compare-fact-size-upper-secondary = Opiskelijoita
compare-fact-size-elderly-home = Asuntoja
compare-fact-size-home-care = Asiakkaita
compare-updated-provider = Viimeksi päivittänyt palveluntuottaja ({ $name }) { $date }.
compare-updated-city = Viimeksi päivittänyt Tukholman kaupunki { $date }.
compare-updated-register = Tiedot ovat kaupungin rekisteristä, päivitetty viimeksi { $date }.
compare-indicators-heading = Laatumittarit
compare-indicators-caption = Yksikön { $name } laatumittarit, kaikki vuodet
compare-col-indicator = Mittari
compare-col-value = Arvo
compare-col-basis = Vuosi ja perusta
compare-col-note = Huomioitavaa
compare-no-indicators = Tämän tyyppisille yksiköille ei ole laatumittareita.
compare-source = Lähde: { $source }.
compare-apply = Hae paikkaa: { $name }
compare-apply-note-upper-secondary = Lukioon haetaan alueellisen yhteishaun kautta.
compare-apply-note-elderly-home = Hoivakotipaikka myönnetään palvelutarpeen arvioinnin jälkeen. Ota yhteyttä kaupunginosasi sosiaalipalveluihin.
compare-feedback = Anna palautetta yksiköstä
compare-start-comparison = Vertaile muihin
compare-back-to-list = { $kind }, { $district }

compare-sbs-title = Vertaile rinnakkain
compare-sbs-caption = Yksiköt rinnakkain. Jokainen arvo näytetään vuoden ja perustan kanssa.
compare-sbs-remove = Poista { $name } vertailusta
compare-sbs-charts = Kaaviot
compare-sbs-empty = Valitse yksiköitä luettelosta vertaillaksesi niitä rinnakkain.
compare-sbs-back = Takaisin luetteloon

compare-dataset-title = Vertaile palveluja – esikoulut, koulut ja vanhustenhoito Tukholmassa
compare-dataset-description = Kaupungin ja yksityisten palveluntuottajien esikoulut, peruskoulut, lukiot, hoivakodit ja kotihoito tietoineen ja vuosittaisine laatumittareineen, vastaajamäärineen (N) ja vastausprosentteineen.
compare-dataset-publisher = Julkaisija
compare-dataset-licence = Lisenssi
compare-dataset-modified = Muutettu viimeksi
compare-dataset-downloads = Lataa
compare-dataset-units-csv = Yksiköt (CSV)
compare-dataset-values-csv = Laatumittarit (CSV, Kolada-muoto)
compare-dataset-all-json = Kaikki yhdessä tiedostossa (JSON)
compare-dataset-description-json = Tietoaineiston kuvaus (JSON)
compare-dataset-unit-fields = Yksikkötiedoston kentät
compare-dataset-value-fields = Mittaritiedoston kentät
compare-dataset-indicators = Laatumittarit
compare-field-id = Yksikön tunnus (2–60 merkkiä A–Z, a–z, 0–9, - ja _).
compare-field-kind = Tyyppi: preschool, compulsory-school, upper-secondary, elderly-home tai home-care.
compare-field-name = Yksikön nimi.
compare-field-operator-type = Ylläpitäjä: city (kunnallinen) tai private (yksityinen).
compare-field-organisation-number = Ylläpitäjän organisaationumero (pakollinen yksityisille).
compare-field-operator-name = Ylläpitäjän nimi.
compare-field-district = Kaupunginosa (esimerkiksi sodermalm tai Södermalm).
compare-field-street = Katuosoite.
compare-field-postcode = Postinumero (viisi numeroa).
compare-field-lat = Leveysaste (WGS 84).
compare-field-lon = Pituusaste (WGS 84).
compare-field-hours = Aukioloajat arkisin, esimerkiksi 06:30-18:00.
compare-field-weekends = Auki myös viikonloppuisin (true/false).
compare-field-languages = Puhutut kielet kielikoodeina puolipisteillä erotettuina (sv;ar).
compare-field-profiles = Painotukset puolipisteillä erotettuina (outdoor;montessori).
compare-field-size = Lasten, oppilaiden, asuntojen tai asiakkaiden määrä.
compare-field-phone = Puhelinnumero.
compare-field-email = Sähköpostiosoite.
compare-field-website = Verkkosivusto (https://…).
compare-field-has-places = Vapaita paikkoja (true/false).
compare-field-description-sv = Kuvaus ruotsiksi (pakollinen).
compare-field-description-en = Kuvaus englanniksi.
compare-field-description-fi = Kuvaus suomeksi.
compare-field-description-ar = Kuvaus arabiaksi.
compare-field-value-kpi = Mittarin avain (katso mittariluettelo).
compare-field-value-unit = Yksikön tunnus.
compare-field-value-period = Vuosi.
compare-field-value-value = Arvo (piste tai pilkku desimaalierottimena).
compare-field-value-n = Vastaajien määrä tai perusta (pakollinen kyselyille).
compare-field-value-response-rate = Vastausprosentti (kyselyt).

compare-error-description-required = Kirjoita kuvaus ruotsiksi.
compare-error-language = Kuvauksen kieltä ei tueta.
compare-error-too-long = Teksti on liian pitkä.
compare-error-hours = Kirjoita aukioloajat muodossa 06:30-18:00, sulkemisaika avaamisen jälkeen.
compare-error-spoken-language = Emme tunnista yhtä kielistä.
compare-error-profile = Emme tunnista yhtä painotuksista.
compare-error-phone = Kirjoita puhelinnumero numeroina, esimerkiksi 08-508 000 00.
compare-error-email = Kirjoita sähköpostiosoite muodossa nimi@esimerkki.se.
compare-error-website = Kirjoita verkko-osoite, joka alkaa https://.
compare-error-period = Vuoden on oltava välillä 1990–2100.
compare-error-value = Arvo ei ole luku tai se on mittarin rajojen ulkopuolella.
compare-error-n = Määrän on oltava kokonaisluku, nolla tai suurempi.
compare-error-n-required = Kyselymittareilla on oltava vastaajien määrä (n).
compare-error-response-rate = Vastausprosentin on oltava 0–100, ja se koskee vain kyselyjä.

compare-import-too-large = Tiedosto on liian suuri (enintään 20 Mt).
compare-import-not-utf8 = Tiedostoa ei ole tallennettu UTF-8-muodossa. Tallenna se muodossa ”CSV UTF-8” ja yritä uudelleen.
compare-import-empty = Tiedostossa ei ole rivejä.
compare-import-unknown-format = Emme tunnista tiedoston muotoa. Katso tuontimuoto README-tiedostosta tai avoimen datan sivulta.
compare-import-unclosed-quote = Lainausmerkkiä ei suljeta.
compare-import-column-count = Rivillä on { $value } saraketta, mutta otsikkorivillä on eri määrä.
compare-import-json = Tiedosto ei ole kelvollista JSONia: { $value }
compare-import-json-row = Rivi ei ole JSON-objekti.
compare-import-unknown-column = Tuntematon sarake ”{ $value }”.
compare-import-missing = Kenttä on täytettävä.
compare-import-duplicate = Sama rivi on jo aiemmin tiedostossa ({ $value }).
compare-import-bad-id = Virheellinen tunnus ”{ $value }”.
compare-import-bad-kind = Tuntematon tyyppi ”{ $value }”.
compare-import-bad-operator = Ylläpitäjän on oltava city tai private, ei ”{ $value }”.
compare-import-org-required = Yksityisillä palveluntuottajilla on oltava organisaationumero.
compare-import-bad-district = Tuntematon kaupunginosa ”{ $value }”.
compare-import-bad-postcode = Postinumerossa ”{ $value }” ei ole viittä numeroa.
compare-import-bad-coordinates = Koordinaatit ”{ $value }” eivät ole Tukholmassa (leveys, pituus WGS 84).
compare-import-bad-number = ”{ $value }” ei ole kokonaisluku.
compare-import-bad-boolean = Arvon ”{ $value }” on oltava true tai false.
compare-import-unknown-kpi = Tuntematon mittari ”{ $value }”.
compare-import-unknown-unit = Tuntematon yksikkö ”{ $value }”.
compare-import-kpi-not-for-kind = Mittari ”{ $value }” ei koske tämän tyyppisiä yksiköitä.
