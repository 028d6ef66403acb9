start-title = Welcome to the City of Stockholm
start-lead = Find information and e-services, apply and follow your cases.
search-label = Search the city's services
search-placeholder = For example preschool, building permit or parking
search-button = Search
situations-heading = Life situations
situation-count = { $count ->
    [one] { $count } service
   *[other] { $count } services
}
most-used-heading = Most used services
messages-heading = Operating messages
message-valid = Valid { $from } to { $until }
severity-notice = Notice
severity-disruption = Disruption
situation-forskola-och-skola = Preschool and school
situation-bygga-och-bo = Housing and building
situation-starta-och-driva-foretag = Starting and running a business
situation-omsorg-och-stod = Care and support
situation-trafik-och-parkering = Traffic and parking
situation-kultur-och-fritid = Culture and leisure
situation-miljo-och-avfall = Environment and waste
situation-arbete-och-ekonomi = Work and finances
situation-demokrati-och-paverkan = Democracy and influence
audience-privatperson = Residents
audience-foretag = Businesses and associations
channel-webb = Web
channel-telefon = Phone
channel-besok = Visit
catalogue-title = All services
filter-situation = Life situation
filter-audience = Audience
filter-all = All
results-count = { $count ->
    [0] No services found
    [one] { $count } service
   *[other] { $count } services
}
results-for = for “{ $query }”
no-results = We found no matching services. Try another word or check the spelling.
no-results-help = You can also call the contact centre and we will help you.
pagination-label = Pages
page-previous = Previous
page-next = Next
page-current = Page { $page } of { $pages }
handling-time = Handling time: { $days ->
    [one] { $days } day
   *[other] { $days } days
}
handling-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
handling-time-immediate = No handling time
results-updating = Results update as you type.
service-not-in-language = This information is not available in English. It is shown in { $language }.
service-who = Who can use the service
service-provider = Who provides the service
service-provider-city = An administration of the City of Stockholm
service-provider-external = Another organisation or provider
service-cost = Cost
service-handling = Handling time (service level)
service-channels = How you can use the service
service-help = Help and contact
service-phone = Phone: { $phone }
service-reviewed = Last reviewed { $date }
service-start = Start the e-service
service-no-e-service = This service is not available as an e-service. Contact us by phone or visit us.
service-audience = Audience
message-districts = Concerns: { $districts }
service-email = Email: { $email }.
service-external-runs-it = This service is run by { $provider }, not by the City of Stockholm. You apply on their website.
service-external-link = Go to { $provider } (another website)
service-external-leaving = You are leaving Stadsporten. What you fill in there is handled by { $provider }, not by the city.
back-to-service = Back to the service
service-unit-contact = Handled by
service-unit-contact-value = { $unit }, phone { $phone }
