# Compare providers: preschools, schools, care homes and home care.

nav-compare = Compare providers
compare-title = Compare preschools, schools and elderly care
compare-title-kind = Compare { $kind }
compare-intro = Compare the city's and private providers' units on the same facts and quality indicators. Every value is shown with its year and how many answered, and you can apply straight from the comparison.
compare-kinds-label = Choose what to compare
compare-kind-preschool = preschools
compare-kind-compulsory-school = compulsory schools
compare-kind-upper-secondary = upper-secondary schools
compare-kind-elderly-home = care homes
compare-kind-home-care = home care
compare-count-preschool = { $count ->
    [one] { $count } preschool
   *[other] { $count } preschools
}
compare-count-compulsory-school = { $count ->
    [one] { $count } compulsory school
   *[other] { $count } compulsory schools
}
compare-count-upper-secondary = { $count ->
    [one] { $count } upper-secondary school
   *[other] { $count } upper-secondary schools
}
compare-count-elderly-home = { $count ->
    [one] { $count } care home
   *[other] { $count } care homes
}
compare-count-home-care = { $count ->
    [one] { $count } home-care provider
   *[other] { $count } home-care providers
}
compare-open-data = Download the comparison data as open data

compare-filter-legend = Filter and sort
compare-filter-kind = Kind of unit
compare-filter-q = Name
compare-filter-district = District
compare-any-district = All districts
compare-filter-operator = Run by
compare-any-operator = City and private
compare-operator-city = City-run
compare-operator-private = Private provider
compare-filter-language = Languages spoken (besides Swedish)
compare-filter-profile = Profile
compare-any-profile = All profiles
compare-filter-hours = Weekday opening hours
compare-filter-open_from = Open at the latest from
compare-filter-open_until = Open at least until
compare-hours-hint = For example 06:30
compare-filter-places = Only those with places available
compare-filter-from = Distance from address or district
compare-from-hint = For example Götgatan 14 or Bromma
compare-filter-sort = Sort
compare-filter-page = Page
compare-sort-name = Name
compare-sort-distance = Nearest first
compare-sort-by = { $indicator }
compare-more-filters = More filters: name, distance, profile, languages, opening hours, places
compare-filter-submit = Show
compare-filter-reset = Clear filters
compare-live-hint = The list updates as you change filters.
compare-sorted-high = Sorted by { $indicator }, highest first. Units without a value are listed last.
compare-sorted-low = Sorted by { $indicator }, lowest first (lower is better). Units without a value are listed last.
compare-sorted-distance = Sorted by distance, nearest first.
compare-list-indicators = The list shows { $shown } of { $total } quality indicators. All of them are on each unit's page and side by side.
compare-empty = No units match the filters. Remove a filter and try again.
compare-select-unit = Compare { $name }
compare-selection-legend = Tick up to { $max } units to compare them side by side.
compare-selection-button = Compare the chosen side by side

compare-language-sv = Swedish
compare-language-en = English
compare-language-fi = Finnish
compare-language-ar = Arabic
compare-language-so = Somali
compare-language-fa = Persian
compare-language-ti = Tigrinya
compare-language-es = Spanish
compare-language-pl = Polish
compare-language-tr = Turkish
compare-language-de = German
compare-language-fr = French
compare-profile-outdoor = Outdoor education
compare-profile-montessori = Montessori
compare-profile-reggio-emilia = Reggio Emilia
compare-profile-waldorf = Waldorf
compare-profile-language = Language profile
compare-profile-music = Music
compare-profile-science = Science
compare-profile-sports = Sports
compare-profile-finnish = Sweden-Finnish profile
compare-profile-dementia = Dementia care

compare-no-data = No data
compare-value-year = { $year }
compare-value-n = N = { $n }
compare-value-rate = response rate { $rate }%
compare-caution-few = Few respondents (fewer than { $min }) – read with care.
compare-caution-small-base = Small base (fewer than { $min }) – read with care.
compare-caution-low-rate = Low response rate (below { $rate }%) – read with care.
compare-threshold-note = Values based on fewer than { $min } respondents or a response rate below { $rate }% are marked ⚠. “No data” means the unit has no value for the year, not zero.
compare-distance-m = { $m } m away
compare-distance-km = { $km } km away
compare-hours-weekdays = { $range } weekdays
compare-hours-all-days = { $range } every day
compare-hours-always = Around the clock, every day
compare-has-places = Places available
compare-queue = Waiting list

compare-notice-malformed = The address contained characters that could not be read, so the filters were not used.
compare-notice-bad-value = The filter “{ $name }” had a value we do not recognise and was not used.
compare-notice-unknown-filter = There is no filter “{ $name }”; it was not used.
compare-notice-hours-order = The opening hours “from” must be earlier than “until”, so they were not used.
compare-notice-distance-needs-place = Give an address or district to sort by distance.
compare-notice-sort-unknown = Units of this kind cannot be sorted by “{ $name }”. The list is sorted by name.
compare-notice-address-unknown = We could not find “{ $name }”. Type a street address in Stockholm or the name of a district.
compare-notice-unknown-unit = We found no unit “{ $name }”. It may have closed or changed its name.
compare-notice-too-many = You can compare at most { $name } units at a time. We show the first { $name }.
compare-notice-mixed-kinds = You are comparing different kinds of units. Indicators that apply to only one kind show “no data” for the others.

compare-fact-kind = Kind
compare-fact-operator = Run by
compare-fact-district = District
compare-fact-address = Address
compare-fact-hours = Opening hours
compare-fact-languages = Languages
compare-fact-profiles = Profile
compare-fact-places = Places
compare-fact-phone = Phone
compare-fact-email = Email
compare-fact-website = Website
compare-fact-distance = Distance
compare-fact-size-preschool = Children
compare-fact-size-compulsory-school = Pupils
compare-fact-size-upper-secondary = Pupils
compare-fact-size-elderly-home = Flats
compare-fact-size-home-care = Care users
compare-updated-provider = Last updated by the provider ({ $name }) on { $date }.
compare-updated-city = Last updated by the City of Stockholm on { $date }.
compare-updated-register = The information comes from the city's register, last updated on { $date }.
compare-indicators-heading = Quality indicators
compare-indicators-caption = Quality indicators for { $name }, every year
compare-col-indicator = Indicator
compare-col-value = Value
compare-col-basis = Year and basis
compare-col-note = Note
compare-no-indicators = There are no quality indicators for this kind of unit.
compare-source = Source: { $source }.
compare-apply = Apply for a place at { $name }
compare-apply-note-upper-secondary = Applications to upper-secondary school go through the regional admissions service.
compare-apply-note-elderly-home = A place in a care home is given after a needs assessment. Contact social services in your district.
compare-feedback = Give feedback about this unit
compare-start-comparison = Compare with others
compare-back-to-list = { $kind } in { $district }

compare-sbs-title = Compare side by side
compare-sbs-caption = The units side by side. Every value is shown with its year and basis.
compare-sbs-remove = Remove { $name } from the comparison
compare-sbs-charts = Charts
compare-sbs-empty = Choose units in the list to compare them side by side.
compare-sbs-back = Back to the list

compare-dataset-title = Compare providers – preschools, schools and elderly care in Stockholm
compare-dataset-description = The city's and private providers' preschools, compulsory and upper-secondary schools, care homes and home care with facts and quality indicators per year, with the number of respondents (N) and response rates.
compare-dataset-publisher = Publisher
compare-dataset-licence = Licence
compare-dataset-modified = Last modified
compare-dataset-downloads = Download
compare-dataset-units-csv = Units (CSV)
compare-dataset-values-csv = Quality indicators (CSV, Kolada format)
compare-dataset-all-json = Everything in one file (JSON)
compare-dataset-description-json = Description of the data set (JSON)
compare-dataset-unit-fields = Fields of the units file
compare-dataset-value-fields = Fields of the indicators file
compare-dataset-indicators = Quality indicators
compare-field-id = The unit's id (2–60 characters A–Z, a–z, 0–9, - and _).
compare-field-kind = Kind: preschool, compulsory-school, upper-secondary, elderly-home or home-care.
compare-field-name = The unit's name.
compare-field-operator-type = Run by: city or private.
compare-field-organisation-number = The operator's organisation number (required for private providers).
compare-field-operator-name = The operator's name.
compare-field-district = District (for example sodermalm or Södermalm).
compare-field-street = Street address.
compare-field-postcode = Postcode (five digits).
compare-field-lat = Latitude in WGS 84.
compare-field-lon = Longitude in WGS 84.
compare-field-hours = Weekday opening hours, for example 06:30-18:00.
compare-field-weekends = Also open at weekends (true/false).
compare-field-languages = Languages spoken, language codes separated by semicolons (sv;ar).
compare-field-profiles = Profiles separated by semicolons (outdoor;montessori).
compare-field-size = Number of children, pupils, flats or care users.
compare-field-phone = Phone number.
compare-field-email = Email address.
compare-field-website = Website (https://…).
compare-field-has-places = Has places available (true/false).
compare-field-description-sv = Description in Swedish (required).
compare-field-description-en = Description in English.
compare-field-description-fi = Description in Finnish.
compare-field-description-ar = Description in Arabic.
compare-field-value-kpi = The indicator's key (see the list of indicators).
compare-field-value-unit = The unit's id.
compare-field-value-period = Year.
compare-field-value-value = The value (point or comma as decimal separator).
compare-field-value-n = Number of respondents or the base (required for surveys).
compare-field-value-response-rate = Response rate in percent (surveys).

compare-error-description-required = Write a description in Swedish.
compare-error-language = The description has a language we do not support.
compare-error-too-long = The text is too long.
compare-error-hours = Write opening hours as 06:30-18:00, closing after opening.
compare-error-spoken-language = We do not recognise one of the languages.
compare-error-profile = We do not recognise one of the profiles.
compare-error-phone = Write a phone number in digits, for example 08-508 000 00.
compare-error-email = Write an email address like name@example.se.
compare-error-website = Write a web address starting with https://.
compare-error-period = The year must be between 1990 and 2100.
compare-error-value = The value is not a number or is outside the indicator's bounds.
compare-error-n = The number must be a whole number of zero or more.
compare-error-n-required = Survey indicators must have the number of respondents (n).
compare-error-response-rate = The response rate must be 0–100 and applies only to surveys.

compare-import-too-large = The file is too large (at most 20 MB).
compare-import-not-utf8 = The file is not saved as UTF-8. Save it as “CSV UTF-8” and try again.
compare-import-empty = The file has no rows.
compare-import-unknown-format = We do not recognise the file's format. See the import format in the README or on the open data page.
compare-import-unclosed-quote = A quotation mark is never closed.
compare-import-column-count = The row has { $value } columns, but the header row has a different number.
compare-import-json = The file is not valid JSON: { $value }
compare-import-json-row = The row is not a JSON object.
compare-import-unknown-column = Unknown column “{ $value }”.
compare-import-missing = The field must be filled in.
compare-import-duplicate = The same row appears earlier in the file ({ $value }).
compare-import-bad-id = Invalid id “{ $value }”.
compare-import-bad-kind = Unknown kind “{ $value }”.
compare-import-bad-operator = Run by must be city or private, not “{ $value }”.
compare-import-org-required = Private providers must have an organisation number.
compare-import-bad-district = Unknown district “{ $value }”.
compare-import-bad-postcode = The postcode “{ $value }” does not have five digits.
compare-import-bad-coordinates = The coordinates “{ $value }” are not in Stockholm (latitude, longitude in WGS 84).
compare-import-bad-number = “{ $value }” is not a whole number.
compare-import-bad-boolean = “{ $value }” must be true or false.
compare-import-unknown-kpi = Unknown indicator “{ $value }”.
compare-import-unknown-unit = Unknown unit “{ $value }”.
compare-import-kpi-not-for-kind = The indicator “{ $value }” does not apply to this kind of unit.
