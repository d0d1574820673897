## Interface strings of the default theme, in English.
## Keys are shared by every language; a portal can override any of them in
## content/<site>/locales/en/*.ftl.

## The language itself
language-name = English
# ltr or rtl
language-direction = ltr

## Page frame
municipality-name = { $name } municipality
portal-tagline = Information for new residents
skip-to-content = Skip to main content
nav-label = Main menu
nav-home = Home
nav-plan = The plan
nav-glossary = Glossary
language-switcher-label = Read this page in another language
footer-label = About this website
footer-accessibility = Accessibility statement
footer-made-with = Made with torg
municipality-website = The municipality's own website:
breadcrumb-label = You are here

## Portal list and language chooser
portals-title = Municipal information portals
portals-intro = Choose your municipality.
chooser-title = Choose a language
chooser-intro = This portal is available in these languages.

## Categories
category-settlement = Settling in and housing
category-settlement-about = Arriving, finding a home and getting started.
category-health = Health
category-health-about = Doctors, child and family health clinics and help when you are ill.
category-schooling = School and education
category-schooling-about = Kindergarten, school, Norwegian courses and adult education.
category-leisure = Leisure and community
category-leisure-about = Activities, meeting places and volunteering.
category-work = Work
category-work-about = The introduction programme, qualification and finding a job.
services-count = { PLURAL($count) ->
    [one] { $count } service
   *[other] { $count } services
}
category-empty = No services have been added to this category yet.

## Home page
home-intro = Here you will find services and help for new residents of { $municipality }, and what the municipality has planned for integration.
home-services-heading = What do you need help with?
home-plan-heading = The municipality's plan
home-plan-link = Read the whole plan
home-contact-heading = Contact the municipality
home-emergency-heading = Emergency numbers
emergency-medical = Medical emergency, ambulance
emergency-police = Police
emergency-fire = Fire
emergency-out-of-hours = Out-of-hours medical service (legevakt), when your GP is closed

## Service page
service-facts = Facts
service-provider = Provided by
service-contact = Contact
service-contact-municipality = This service has no contact details of its own here. Contact the municipality:
# $whom: the provider's name, or the municipality's when the content gives none.
service-ask = Ask { $whom } about this service.
service-phone = Phone
service-email = E-mail
service-address = Address
service-address-map = { $address } (map)
service-web = Website
service-hours = Opening hours
service-audience = Who is it for?
service-cost = What does it cost?
cost-free = Free of charge
cost-paid = You have to pay
cost-price = { PLURAL($amount) ->
    [one] { $amount } krone
   *[other] { $amount } kroner
}
service-languages = Languages spoken
service-interpreter-yes = You can get an interpreter.
service-interpreter-no = This service does not offer an interpreter.
service-measures = Part of these measures in the plan
service-reviewed = Last checked { $date }
service-category = Category
service-more = More in this category

## Who a service is for
audience-everyone = Everyone
audience-refugees = Refugees
audience-family-immigrants = People who came through family reunification
audience-labour-immigrants = Labour immigrants
audience-immigrants = Immigrants
audience-children = Children
audience-youth = Young people
audience-adults = Adults
audience-parents = Parents

## Days and times
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
day-sun = Sunday
time-range = { $opens }–{ $closes }

## Dates: month names as used inside a date, and the date pattern
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-full = { $day } { $month } { $year }

## Languages spoken at a service
spoken-nb = Norwegian
spoken-en = English
spoken-pl = Polish
spoken-lt = Lithuanian
spoken-ar = Arabic
spoken-uk = Ukrainian
spoken-ru = Russian
spoken-so = Somali
spoken-ti = Tigrinya
spoken-fa = Persian
spoken-prs = Dari
spoken-ku = Kurdish

## The plan
plan-period = Plan period: { $from }–{ $to }
plan-status-adopted = Adopted plan
plan-status-draft = Draft
plan-status-consultation = Draft for public consultation
plan-adopted = Adopted { $date }
plan-vision = Vision
plan-goals = Main goals
plan-themes = Focus areas
theme-goals = Goals
theme-measures = Measures
measures-count = { PLURAL($count) ->
    [one] { $count } measure
   *[other] { $count } measures
}
theme-source = Source in the plan
measure-responsible = Responsible
measure-timing = When
measure-status = Status
measure-services = Services
timing-ongoing = Ongoing
timing-ongoing-from = { $year } and ongoing
status-planned = Planned
status-in-progress = In progress
status-done = Done

## Glossary
glossary-title = Glossary
glossary-intro = Words you will meet as a new resident, explained simply.

## Translation fallback
untranslated-notice = This page has not been translated into English yet. The text below is in { $language }.
translation-behind = This translation may be out of date: the { $language } text has changed since it was made.
translation-behind-sections = This translation may be out of date: the { $language } text has changed in these sections:
translation-behind-link = Read the { $language } text
translation-made = The translation was made on { $date }.

## Not found
not-found-title = Page not found
not-found-text = We could not find this page. It may have moved, or the address may be wrong.
not-found-home = Go to the home page

## Default accessibility statement
accessibility-title = Accessibility statement
accessibility-intro = We want everyone to be able to use this website, including people who use a screen reader, a keyboard or magnification, and people who read right-to-left.
accessibility-measures = The pages are built to meet WCAG 2.2 level AA: they have a clear heading structure, a link to skip to the content, visible focus, sufficient contrast and text that can be enlarged. Everything works without JavaScript and on small screens; without JavaScript, the search page lists all services instead of search results.
accessibility-languages = The information is available in several languages. Where a page has not yet been translated, it says so and shows the text in the original language.
accessibility-feedback = If something does not work for you, please tell the municipality.

## Search
search-title = Search
search-label = What are you looking for?
search-button = Search
search-hint = Type one or more words, for example “doctor”, “school” or “housing”.
search-count = Results
search-none = No results. Try another word, or see all services below.
search-busy = Searching…
search-failed = Search is not working right now. See all services below.
search-no-script = Search needs JavaScript, which is turned off in your browser. Below you will find all services, sorted by category.
search-results = Search results
search-all-services = All services

## Open data (docs/data.md): the link on the plan and service pages, and the title and
## description of the services' dataset
data-link = Open data
# $municipality: the municipality's name, as municipality-name writes it.
data-services-title = Services for new residents of { $municipality }
data-services-about = The services on this portal as open data: name, short description, contact details, opening hours, languages and cost, as far as the content gives them.
