# Jämför service: förskolor, skolor, äldreboenden och hemtjänst.

nav-compare = Jämför service
compare-title = Jämför förskolor, skolor och äldreomsorg
compare-title-kind = Jämför { $kind }
compare-intro = Jämför stadens och privata utförares verksamheter på samma fakta och kvalitetsmått. Varje värde visas med år och hur många som svarat, och du kan ansöka direkt från jämförelsen.
compare-kinds-label = Välj vad du vill jämföra
compare-kind-preschool = förskolor
compare-kind-compulsory-school = grundskolor
compare-kind-upper-secondary = gymnasieskolor
compare-kind-elderly-home = vård- och omsorgsboenden
compare-kind-home-care = hemtjänst
compare-count-preschool = { $count ->
    [one] { $count } förskola
   *[other] { $count } förskolor
}
compare-count-compulsory-school = { $count ->
    [one] { $count } grundskola
   *[other] { $count } grundskolor
}
compare-count-upper-secondary = { $count ->
    [one] { $count } gymnasieskola
   *[other] { $count } gymnasieskolor
}
compare-count-elderly-home = { $count ->
    [one] { $count } boende
   *[other] { $count } boenden
}
compare-count-home-care = { $count ->
    [one] { $count } hemtjänstutförare
   *[other] { $count } hemtjänstutförare
}
compare-open-data = Ladda ner jämförelsedata som öppna data

compare-filter-legend = Filtrera och sortera
compare-filter-kind = Typ av verksamhet
compare-filter-q = Namn
compare-filter-district = Stadsdel
compare-any-district = Alla stadsdelar
compare-filter-operator = Driftsform
compare-any-operator = Kommunal och privat
compare-operator-city = Kommunal
compare-operator-private = Privat utförare
compare-filter-language = Språk som talas (utöver svenska)
compare-filter-profile = Inriktning
compare-any-profile = Alla inriktningar
compare-filter-hours = Öppettider vardagar
compare-filter-open_from = Öppet senast från
compare-filter-open_until = Öppet minst till
compare-hours-hint = Till exempel 06:30
compare-filter-places = Bara de som har lediga platser
compare-filter-from = Avstånd från adress eller stadsdel
compare-from-hint = Till exempel Götgatan 14 eller Bromma
compare-filter-sort = Sortera
compare-filter-page = Sida
compare-sort-name = Namn
compare-sort-distance = Närmast först
compare-sort-by = { $indicator }
compare-more-filters = Fler filter: namn, avstånd, inriktning, språk, öppettider, lediga platser
compare-filter-submit = Visa
compare-filter-reset = Rensa filter
compare-live-hint = Listan uppdateras när du ändrar filter.
compare-sorted-high = Sorterat på { $indicator }, högst först. Verksamheter utan uppgift visas sist.
compare-sorted-low = Sorterat på { $indicator }, lägst först (lägre är bättre). Verksamheter utan uppgift visas sist.
compare-sorted-distance = Sorterat på avstånd, närmast först.
compare-list-indicators = Listan visar { $shown } av { $total } kvalitetsmått. Alla finns på verksamhetens sida och när du jämför sida vid sida.
compare-empty = Inga verksamheter matchar filtren. Ta bort något filter och försök igen.
compare-select-unit = Jämför { $name }
compare-selection-legend = Kryssa i upp till { $max } verksamheter och jämför dem sida vid sida.
compare-selection-button = Jämför valda sida vid sida

compare-language-sv = svenska
compare-language-en = engelska
compare-language-fi = finska
compare-language-ar = arabiska
compare-language-so = somaliska
compare-language-fa = persiska
compare-language-ti = tigrinja
compare-language-es = spanska
compare-language-pl = polska
compare-language-tr = turkiska
compare-language-de = tyska
compare-language-fr = franska
compare-profile-outdoor = Ur och skur, utomhuspedagogik
compare-profile-montessori = Montessori
compare-profile-reggio-emilia = Reggio Emilia
compare-profile-waldorf = Waldorf
compare-profile-language = Språkprofil
compare-profile-music = Musik
compare-profile-science = Naturvetenskap
compare-profile-sports = Idrott
compare-profile-finnish = Sverigefinsk profil
compare-profile-dementia = Demensinriktning

compare-no-data = Uppgift saknas
compare-value-year = { $year }
compare-value-n = N = { $n }
compare-value-rate = svarsfrekvens { $rate } %
compare-caution-few = Få svarande (färre än { $min }) – tolka med försiktighet.
compare-caution-small-base = Litet underlag (färre än { $min }) – tolka med försiktighet.
compare-caution-low-rate = Låg svarsfrekvens (under { $rate } %) – tolka med försiktighet.
compare-threshold-note = Värden som bygger på färre än { $min } svarande eller en svarsfrekvens under { $rate } % är markerade med ⚠. ”Uppgift saknas” betyder att verksamheten inte har något värde för året, inte noll.
compare-distance-m = { $m } m bort
compare-distance-km = { $km } km bort
compare-hours-weekdays = { $range } vardagar
compare-hours-all-days = { $range } alla dagar
compare-hours-always = Dygnet runt, alla dagar
compare-has-places = Lediga platser
compare-queue = Kö

compare-notice-malformed = Adressen innehöll tecken som inte kunde läsas, så filtren användes inte.
compare-notice-bad-value = Filtret ”{ $name }” hade ett värde vi inte känner igen och användes inte.
compare-notice-unknown-filter = Filtret ”{ $name }” finns inte och användes inte.
compare-notice-hours-order = Öppettiderna ”från” måste vara tidigare än ”till”, så de användes inte.
compare-notice-distance-needs-place = Ange en adress eller stadsdel för att sortera på avstånd.
compare-notice-sort-unknown = Det går inte att sortera på ”{ $name }” för den här typen av verksamhet. Listan är sorterad på namn.
compare-notice-address-unknown = Vi hittade inte ”{ $name }”. Skriv en gatuadress i Stockholm eller namnet på en stadsdel.
compare-notice-unknown-unit = Vi hittade ingen verksamhet ”{ $name }”. Den kan ha lagts ner eller bytt namn.
compare-notice-too-many = Du kan jämföra högst { $name } verksamheter åt gången. Vi visar de { $name } första.
compare-notice-mixed-kinds = Du jämför olika typer av verksamheter. Mått som bara gäller en av typerna visas som ”uppgift saknas” för de andra.

compare-fact-kind = Typ
compare-fact-operator = Driftsform och huvudman
compare-fact-district = Stadsdel
compare-fact-address = Adress
compare-fact-hours = Öppettider
compare-fact-languages = Språk
compare-fact-profiles = Inriktning
compare-fact-places = Platser
compare-fact-phone = Telefon
compare-fact-email = E-post
compare-fact-website = Webbplats
compare-fact-distance = Avstånd
compare-fact-size-preschool = Antal barn
compare-fact-size-compulsory-school = Antal elever
compare-fact-size-upper-secondary = Antal elever
compare-fact-size-elderly-home = Antal lägenheter
compare-fact-size-home-care = Antal omsorgstagare
compare-updated-provider = Senast uppdaterad av utföraren ({ $name }) den { $date }.
compare-updated-city = Senast uppdaterad av Stockholms stad den { $date }.
compare-updated-register = Uppgifterna kommer från stadens register, senast uppdaterade den { $date }.
compare-indicators-heading = Kvalitetsmått
compare-indicators-caption = Kvalitetsmått för { $name }, alla år
compare-col-indicator = Mått
compare-col-value = Värde
compare-col-basis = År och underlag
compare-col-note = Att tänka på
compare-no-indicators = Det finns inga kvalitetsmått för den här typen av verksamhet.
compare-source = Källa: { $source }.
compare-apply = Ansök om plats på { $name }
compare-apply-note-upper-secondary = Ansökan till gymnasiet görs i den regionala gymnasieantagningen.
compare-apply-note-elderly-home = En plats på vård- och omsorgsboende får du efter en biståndsbedömning. Kontakta socialtjänsten i din stadsdel.
compare-feedback = Lämna synpunkter om verksamheten
compare-start-comparison = Jämför med andra
compare-back-to-list = { $kind } i { $district }

compare-sbs-title = Jämför sida vid sida
compare-sbs-caption = Verksamheterna sida vid sida. Varje värde visas med år och underlag.
compare-sbs-remove = Ta bort { $name } ur jämförelsen
compare-sbs-charts = Diagram
compare-sbs-empty = Välj verksamheter i listan för att jämföra dem sida vid sida.
compare-sbs-back = Tillbaka till listan

compare-dataset-title = Jämför service – förskolor, skolor och äldreomsorg i Stockholm
compare-dataset-description = Stadens och privata utförares förskolor, grundskolor, gymnasieskolor, vård- och omsorgsboenden och hemtjänst med fakta och kvalitetsmått per år, med antal svarande (N) och svarsfrekvens.
compare-dataset-publisher = Utgivare
compare-dataset-licence = Licens
compare-dataset-modified = Senast ändrad
compare-dataset-downloads = Ladda ner
compare-dataset-units-csv = Verksamheter (CSV)
compare-dataset-values-csv = Kvalitetsmått (CSV, Kolada-format)
compare-dataset-all-json = Allt i en fil (JSON)
compare-dataset-description-json = Beskrivning av datamängden (JSON)
compare-dataset-unit-fields = Fält i verksamhetsfilen
compare-dataset-value-fields = Fält i filen med kvalitetsmått
compare-dataset-indicators = Kvalitetsmått
compare-field-id = Verksamhetens id (2–60 tecken A–Z, a–z, 0–9, - och _).
compare-field-kind = Typ: preschool, compulsory-school, upper-secondary, elderly-home eller home-care.
compare-field-name = Verksamhetens namn.
compare-field-operator-type = Driftsform: city (kommunal) eller private (privat utförare).
compare-field-organisation-number = Huvudmannens organisationsnummer (krävs för privata utförare).
compare-field-operator-name = Huvudmannens namn.
compare-field-district = Stadsdel (till exempel sodermalm eller Södermalm).
compare-field-street = Gatuadress.
compare-field-postcode = Postnummer (fem siffror).
compare-field-lat = Latitud i WGS 84.
compare-field-lon = Longitud i WGS 84.
compare-field-hours = Öppettider vardagar, till exempel 06:30-18:00.
compare-field-weekends = Öppet även helger (true/false).
compare-field-languages = Språk som talas, språkkoder åtskilda med semikolon (sv;ar).
compare-field-profiles = Inriktningar åtskilda med semikolon (outdoor;montessori).
compare-field-size = Antal barn, elever, lägenheter eller omsorgstagare.
compare-field-phone = Telefonnummer.
compare-field-email = E-postadress.
compare-field-website = Webbplats (https://…).
compare-field-has-places = Har lediga platser (true/false).
compare-field-description-sv = Beskrivning på svenska (krävs).
compare-field-description-en = Beskrivning på engelska.
compare-field-description-fi = Beskrivning på finska.
compare-field-description-ar = Beskrivning på arabiska.
compare-field-value-kpi = Kvalitetsmåttets nyckel (se listan över mått).
compare-field-value-unit = Verksamhetens id.
compare-field-value-period = År.
compare-field-value-value = Värdet (punkt eller komma som decimaltecken).
compare-field-value-n = Antal svarande eller underlag (krävs för enkäter).
compare-field-value-response-rate = Svarsfrekvens i procent (enkäter).

compare-error-description-required = Skriv en beskrivning på svenska.
compare-error-language = Beskrivningen har ett språk vi inte stöder.
compare-error-too-long = Texten är för lång.
compare-error-hours = Skriv öppettider som 06:30-18:00, där stängning är efter öppning.
compare-error-spoken-language = Ett av språken känner vi inte igen.
compare-error-profile = En av inriktningarna känner vi inte igen.
compare-error-phone = Skriv ett telefonnummer med siffror, till exempel 08-508 000 00.
compare-error-email = Skriv en e-postadress som namn@exempel.se.
compare-error-website = Skriv en webbadress som börjar med https://.
compare-error-period = Året måste vara ett årtal mellan 1990 och 2100.
compare-error-value = Värdet är inte ett tal eller ligger utanför måttets gränser.
compare-error-n = Antalet måste vara ett heltal som är noll eller större.
compare-error-n-required = Enkätmått måste ha antal svarande (n).
compare-error-response-rate = Svarsfrekvensen måste vara 0–100 och gäller bara enkätmått.

compare-import-too-large = Filen är för stor (högst 20 MB).
compare-import-not-utf8 = Filen är inte sparad som UTF-8. Spara den som ”CSV UTF-8” och försök igen.
compare-import-empty = Filen innehåller inga rader.
compare-import-unknown-format = Vi känner inte igen filens format. Se importformatet i README eller på sidan för öppna data.
compare-import-unclosed-quote = Ett citattecken stängs aldrig.
compare-import-column-count = Raden har { $value } kolumner, men rubrikraden har ett annat antal.
compare-import-json = Filen är inte giltig JSON: { $value }
compare-import-json-row = Raden är inte ett JSON-objekt.
compare-import-unknown-column = Okänd kolumn ”{ $value }”.
compare-import-missing = Fältet måste fyllas i.
compare-import-duplicate = Samma rad finns redan tidigare i filen ({ $value }).
compare-import-bad-id = Ogiltigt id ”{ $value }”.
compare-import-bad-kind = Okänd typ ”{ $value }”.
compare-import-bad-operator = Driftsformen måste vara city eller private, inte ”{ $value }”.
compare-import-org-required = Privata utförare måste ha organisationsnummer.
compare-import-bad-district = Okänd stadsdel ”{ $value }”.
compare-import-bad-postcode = Postnumret ”{ $value }” har inte fem siffror.
compare-import-bad-coordinates = Koordinaterna ”{ $value }” ligger inte i Stockholm (latitud, longitud i WGS 84).
compare-import-bad-number = ”{ $value }” är inte ett heltal.
compare-import-bad-boolean = ”{ $value }” ska vara true eller false.
compare-import-unknown-kpi = Okänt kvalitetsmått ”{ $value }”.
compare-import-unknown-unit = Okänd verksamhet ”{ $value }”.
compare-import-kpi-not-for-kind = Måttet ”{ $value }” gäller inte den här typen av verksamhet.
