start-title = Välkommen till Stockholms stad
start-lead = Hitta information och e-tjänster, ansök och följ dina ärenden.
search-label = Sök bland stadens tjänster
search-placeholder = Till exempel förskola, bygglov eller parkering
search-button = Sök
situations-heading = Livssituationer
situation-count = { $count ->
    [one] { $count } tjänst
   *[other] { $count } tjänster
}
most-used-heading = Mest använda tjänster
messages-heading = Driftmeddelanden
message-valid = Gäller { $from } till { $until }
severity-notice = Information
severity-disruption = Störning
situation-forskola-och-skola = Förskola och skola
situation-bygga-och-bo = Bygga och bo
situation-starta-och-driva-foretag = Starta och driva företag
situation-omsorg-och-stod = Omsorg och stöd
situation-trafik-och-parkering = Trafik och parkering
situation-kultur-och-fritid = Kultur och fritid
situation-miljo-och-avfall = Miljö och avfall
situation-arbete-och-ekonomi = Arbete och ekonomi
situation-demokrati-och-paverkan = Demokrati och påverkan
audience-privatperson = Privatpersoner
audience-foretag = Företag och föreningar
channel-webb = Webb
channel-telefon = Telefon
channel-besok = Besök
catalogue-title = Alla tjänster
filter-situation = Livssituation
filter-audience = Målgrupp
filter-all = Alla
results-count = { $count ->
    [0] Inga tjänster hittades
    [one] { $count } tjänst
   *[other] { $count } tjänster
}
results-for = för ”{ $query }”
no-results = Vi hittade inga tjänster som matchar. Prova ett annat ord eller kontrollera stavningen.
no-results-help = Du kan också ringa kontaktcenter så hjälper vi dig.
pagination-label = Sidor
page-previous = Föregående
page-next = Nästa
page-current = Sida { $page } av { $pages }
handling-time = Handläggningstid: { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
}
handling-days = { $days ->
    [one] { $days } dag
   *[other] { $days } dagar
}
handling-time-immediate = Ingen handläggningstid
results-updating = Resultaten uppdateras medan du skriver.
service-not-in-language = Den här informationen finns inte på svenska. Den visas på { $language }.
service-who = Vem kan använda tjänsten
service-provider = Vem ger tjänsten
service-provider-city = En förvaltning i Stockholms stad
service-provider-external = En annan organisation eller utförare
service-cost = Kostnad
service-handling = Handläggningstid (servicenivå)
service-channels = Så kan du använda tjänsten
service-help = Hjälp och kontakt
service-phone = Telefon: { $phone }
service-reviewed = Senast granskad { $date }
service-start = Starta e-tjänsten
service-no-e-service = Tjänsten finns inte som e-tjänst. Kontakta oss via telefon eller besök.
service-audience = Målgrupp
message-districts = Gäller: { $districts }
service-email = E-post: { $email }.
service-external-runs-it = Tjänsten sköts av { $provider }, inte av Stockholms stad. Du ansöker på deras webbplats.
service-external-link = Gå till { $provider } (ny webbplats)
service-external-leaving = Du lämnar Stadsporten. Det du fyller i där hanteras av { $provider }, inte av staden.
back-to-service = Tillbaka till tjänsten
service-unit-contact = Handläggs av
service-unit-contact-value = { $unit }, telefon { $phone }
