## Grensesnittekster i standardtemaet, på norsk bokmål (kildespråket).
## Nøklene er felles for alle språk; en portal kan overstyre hver av dem i
## content/<portal>/locales/nb/*.ftl.

## Selve språket
language-name = Norsk bokmål
# ltr eller rtl
language-direction = ltr

## Sideramme
municipality-name = { $name } kommune
portal-tagline = Informasjon for nye innbyggere
skip-to-content = Hopp til hovedinnholdet
nav-label = Hovedmeny
nav-home = Forside
nav-plan = Planen
nav-glossary = Ordliste
language-switcher-label = Les denne siden på et annet språk
footer-label = Om nettstedet
footer-accessibility = Tilgjengelighetserklæring
footer-made-with = Laget med torg
municipality-website = Kommunens eget nettsted:
breadcrumb-label = Du er her

## Portalliste og språkvalg
portals-title = Kommunale informasjonsportaler
portals-intro = Velg kommunen din.
chooser-title = Velg språk
chooser-intro = Denne portalen finnes på disse språkene.

## Kategorier
category-settlement = Bosetting og bolig
category-settlement-about = Ankomst, å finne et hjem og å komme i gang.
category-health = Helse
category-health-about = Lege, helsestasjon og hjelp når du er syk.
category-schooling = Skole og opplæring
category-schooling-about = Barnehage, skole, norskopplæring og voksenopplæring.
category-leisure = Fritid og fellesskap
category-leisure-about = Aktiviteter, møteplasser og frivillig arbeid.
category-work = Arbeid
category-work-about = Introduksjonsprogrammet, kvalifisering og å finne jobb.
services-count = { PLURAL($count) ->
    [one] { $count } tjeneste
   *[other] { $count } tjenester
}
category-empty = Det er ikke lagt inn tjenester i denne kategorien ennå.

## Forside
home-intro = Her finner du tilbud og hjelp for nye innbyggere i { $municipality }, og hva kommunen har planlagt for integrering.
home-services-heading = Hva trenger du hjelp med?
home-plan-heading = Kommunens plan
home-plan-link = Les hele planen
home-contact-heading = Kontakt kommunen
home-emergency-heading = Nødnumre
emergency-medical = Medisinsk nødhjelp, ambulanse
emergency-police = Politi
emergency-fire = Brann
emergency-out-of-hours = Legevakt, når fastlegen er stengt

## Tjenesteside
service-facts = Fakta
service-provider = Tilbys av
service-contact = Kontakt
service-contact-municipality = Tjenesten har ingen egen kontaktinformasjon her. Kontakt kommunen:
# $whom: the provider's name, or the municipality's when the content gives none.
service-ask = Spør { $whom } om denne tjenesten.
service-phone = Telefon
service-email = E-post
service-address = Adresse
service-address-map = { $address } (kart)
service-web = Nettside
service-hours = Åpningstider
service-audience = Hvem er tilbudet for?
service-cost = Hva koster det?
cost-free = Gratis
cost-paid = Du må betale
cost-price = { PLURAL($amount) ->
    [one] { $amount } krone
   *[other] { $amount } kroner
}
service-languages = Språk som snakkes
service-interpreter-yes = Du kan få tolk.
service-interpreter-no = Tjenesten tilbyr ikke tolk.
service-measures = Del av disse tiltakene i planen
service-reviewed = Sist kontrollert { $date }
service-category = Kategori
service-more = Mer i denne kategorien

## Hvem tilbudet er for
audience-everyone = Alle
audience-refugees = Flyktninger
audience-family-immigrants = Familiegjenforente
audience-labour-immigrants = Arbeidsinnvandrere
audience-immigrants = Innvandrere
audience-children = Barn
audience-youth = Ungdom
audience-adults = Voksne
audience-parents = Foreldre

## Dager og tider
day-mon = mandag
day-tue = tirsdag
day-wed = onsdag
day-thu = torsdag
day-fri = fredag
day-sat = lørdag
day-sun = søndag
time-range = { $opens }–{ $closes }

## Datoer: månedsnavn slik de står i en dato, og datomønsteret
month-1 = januar
month-2 = februar
month-3 = mars
month-4 = april
month-5 = mai
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = desember
date-full = { $day }. { $month } { $year }

## Språk som snakkes ved en tjeneste
spoken-nb = norsk
spoken-en = engelsk
spoken-pl = polsk
spoken-lt = litauisk
spoken-ar = arabisk
spoken-uk = ukrainsk
spoken-ru = russisk
spoken-so = somali
spoken-ti = tigrinja
spoken-fa = persisk
spoken-prs = dari
spoken-ku = kurdisk

## Planen
plan-period = Planperiode: { $from }–{ $to }
plan-status-adopted = Vedtatt plan
plan-status-draft = Utkast
plan-status-consultation = Høringsutkast
plan-adopted = Vedtatt { $date }
plan-vision = Visjon
plan-goals = Hovedmål
plan-themes = Innsatsområder
theme-goals = Mål
theme-measures = Tiltak
measures-count = { PLURAL($count) ->
    [one] { $count } tiltak
   *[other] { $count } tiltak
}
theme-source = Kilde i planen
measure-responsible = Ansvarlig
measure-timing = Når
measure-status = Status
measure-services = Tjenester
timing-ongoing = Løpende
timing-ongoing-from = { $year } og løpende
status-planned = Planlagt
status-in-progress = Pågår
status-done = Gjennomført

## Ordliste
glossary-title = Ordliste
glossary-intro = Ord du møter som ny innbygger, forklart enkelt.

## Når en oversettelse mangler
untranslated-notice = Denne siden er ikke oversatt til norsk bokmål ennå. Teksten under er på { $language }.
translation-behind = Denne oversettelsen kan være utdatert: teksten på { $language } er endret etter at den ble laget.
translation-behind-sections = Denne oversettelsen kan være utdatert: teksten på { $language } er endret i disse delene:
translation-behind-link = Les teksten på { $language }
translation-made = Oversettelsen ble laget { $date }.

## Fant ikke siden
not-found-title = Fant ikke siden
not-found-text = Vi fant ikke denne siden. Den kan være flyttet, eller adressen kan være feil.
not-found-home = Gå til forsiden

## Standard tilgjengelighetserklæring
accessibility-title = Tilgjengelighetserklæring
accessibility-intro = Vi vil at alle skal kunne bruke dette nettstedet, også de som bruker skjermleser, tastatur eller forstørrelse, og de som leser fra høyre mot venstre.
accessibility-measures = Sidene er laget for å oppfylle WCAG 2.2 nivå AA: tydelige overskrifter, en lenke som hopper til innholdet, synlig fokus, god kontrast og tekst som kan forstørres. Alt virker uten JavaScript og på små skjermer; uten JavaScript viser søkesiden alle tjenestene i stedet for søketreff.
accessibility-languages = Informasjonen finnes på flere språk. Der en side ikke er oversatt ennå, står det tydelig, og teksten vises på originalspråket.
accessibility-feedback = Hvis noe ikke virker for deg, si fra til kommunen.

## Søk
search-title = Søk
search-label = Hva leter du etter?
search-button = Søk
search-hint = Skriv ett eller flere ord, for eksempel «lege», «skole» eller «bolig». Du kan skrive o for ø og ae for æ.
search-count = Antall treff
search-none = Ingen treff. Prøv et annet ord, eller se alle tjenestene nedenfor.
search-busy = Søker …
search-failed = Søket virker ikke akkurat nå. Se alle tjenestene nedenfor.
search-no-script = Søket trenger JavaScript, som er slått av i nettleseren din. Nedenfor finner du alle tjenestene, ordnet etter kategori.
search-results = Søkeresultater
search-all-services = Alle tjenester

## Åpne data (docs/data.md): lenken på plan- og tjenestesidene, og tittel og beskrivelse av
## datasettet med tjenestene
data-link = Åpne data
# $municipality: the municipality's name, as municipality-name writes it.
data-services-title = Tjenester for nye innbyggere i { $municipality }
data-services-about = Tjenestene på denne portalen, som åpne data: navn, kort beskrivelse, kontakt, åpningstider, språk og pris, så langt innholdet oppgir dem.
