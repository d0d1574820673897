## Numatytosios temos sąsajos tekstai lietuvių kalba.
## Raktai visoms kalboms bendri; portalas gali pakeisti bet kurį iš jų faile
## content/<portalas>/locales/lt/*.ftl.

## Pati kalba
language-name = Lietuvių
# ltr arba rtl
language-direction = ltr

## Puslapio rėmas
municipality-name = { $name } savivaldybė
portal-tagline = Informacija naujiems gyventojams
skip-to-content = Pereiti prie pagrindinio turinio
nav-label = Pagrindinis meniu
nav-home = Pradžia
nav-plan = Planas
nav-glossary = Žodynėlis
language-switcher-label = Skaityti šį puslapį kita kalba
footer-label = Apie šią svetainę
footer-accessibility = Pareiškimas dėl prieinamumo
footer-made-with = Sukurta naudojant torg
municipality-website = Savivaldybės svetainė:
breadcrumb-label = Jūs esate čia

## Portalų sąrašas ir kalbos pasirinkimas
portals-title = Savivaldybių informacijos portalai
portals-intro = Pasirinkite savo savivaldybę.
chooser-title = Pasirinkite kalbą
chooser-intro = Šis portalas pateikiamas šiomis kalbomis.

## Kategorijos
category-settlement = Įsikūrimas ir būstas
category-settlement-about = Atvykimas, būsto paieška ir pirmieji žingsniai.
category-health = Sveikata
category-health-about = Gydytojas, sveikatos centras (helsestasjon) ir pagalba susirgus.
category-schooling = Mokykla ir švietimas
category-schooling-about = Vaikų darželis, mokykla, norvegų kalbos mokymas ir suaugusiųjų švietimas.
category-leisure = Laisvalaikis ir bendruomenė
category-leisure-about = Veiklos, susitikimų vietos ir savanorystė.
category-work = Darbas
category-work-about = Įvadinė programa, kvalifikacijos įgijimas ir darbo paieška.
services-count = { PLURAL($count) ->
    [one] { $count } paslauga
    [few] { $count } paslaugos
    [many] { $count } paslaugos
   *[other] { $count } paslaugų
}
category-empty = Šioje kategorijoje paslaugų dar nėra.

## Pradžios puslapis
home-intro = Čia rasite paslaugas ir pagalbą naujiems gyventojams ir sužinosite, ką integracijos srityje suplanavo { $municipality }.
home-services-heading = Kokios pagalbos jums reikia?
home-plan-heading = Savivaldybės planas
home-plan-link = Skaityti visą planą
home-contact-heading = Susisiekite su savivaldybe
home-emergency-heading = Skubios pagalbos numeriai
emergency-medical = Greitoji medicinos pagalba
emergency-police = Policija
emergency-fire = Ugniagesiai gelbėtojai
emergency-out-of-hours = Budinti gydymo įstaiga (legevakt), kai jūsų šeimos gydytojas (fastlege) nedirba

## Paslaugos puslapis
service-facts = Pagrindinė informacija
service-provider = Paslaugos teikėjas
service-contact = Kontaktai
service-contact-municipality = Šios paslaugos kontaktinių duomenų čia nėra. Kreipkitės į savivaldybę:
# $whom: the provider's name, or the municipality's when the content gives none.
service-ask = Dėl šios paslaugos kreipkitės: { $whom }.
service-phone = Telefonas
service-email = El. paštas
service-address = Adresas
service-address-map = { $address } (žemėlapis)
service-web = Svetainė
service-hours = Darbo laikas
service-audience = Kam skirta?
service-cost = Kiek kainuoja?
cost-free = Nemokamai
cost-paid = Paslauga mokama
cost-price = { PLURAL($amount) ->
    [one] { $amount } krona
    [few] { $amount } kronos
    [many] { $amount } kronos
   *[other] { $amount } kronų
}
service-languages = Kalbos, kuriomis galima susikalbėti
service-interpreter-yes = Galite gauti vertėjo pagalbą.
service-interpreter-no = Ši paslauga vertėjo neteikia.
service-measures = Paslauga yra šių plano priemonių dalis
service-reviewed = Paskutinį kartą patikrinta { $date }
service-category = Kategorija
service-more = Daugiau šioje kategorijoje

## Kam skirta paslauga
audience-everyone = Visiems
audience-refugees = Pabėgėliams
audience-family-immigrants = Atvykusiems šeimos susijungimo pagrindu
audience-labour-immigrants = Darbo imigrantams
audience-immigrants = Imigrantams
audience-children = Vaikams
audience-youth = Jaunimui
audience-adults = Suaugusiesiems
audience-parents = Tėvams

## Dienos ir laikas
day-mon = pirmadienis
day-tue = antradienis
day-wed = trečiadienis
day-thu = ketvirtadienis
day-fri = penktadienis
day-sat = šeštadienis
day-sun = sekmadienis
time-range = { $opens }–{ $closes }

## Datos: mėnesių pavadinimai kilmininku (kaip pilnoje datoje) ir datos šablonas
month-1 = sausio
month-2 = vasario
month-3 = kovo
month-4 = balandžio
month-5 = gegužės
month-6 = birželio
month-7 = liepos
month-8 = rugpjūčio
month-9 = rugsėjo
month-10 = spalio
month-11 = lapkričio
month-12 = gruodžio
date-full = { $year } m. { $month } { $day } d.

## Kalbos, kuriomis kalbama teikiant paslaugą
spoken-nb = norvegų
spoken-en = anglų
spoken-pl = lenkų
spoken-lt = lietuvių
spoken-ar = arabų
spoken-uk = ukrainiečių
spoken-ru = rusų
spoken-so = somalių
spoken-ti = tigrinja
spoken-fa = persų
spoken-prs = dari
spoken-ku = kurdų

## Planas
plan-period = Plano laikotarpis: { $from }–{ $to }
plan-status-adopted = Patvirtintas planas
plan-status-draft = Projektas
plan-status-consultation = Viešajam svarstymui pateiktas projektas
plan-adopted = Patvirtinimo data: { $date }
plan-vision = Vizija
plan-goals = Pagrindiniai tikslai
plan-themes = Prioritetinės sritys
theme-goals = Tikslai
theme-measures = Priemonės
measures-count = { PLURAL($count) ->
    [one] { $count } priemonė
    [few] { $count } priemonės
    [many] { $count } priemonės
   *[other] { $count } priemonių
}
theme-source = Šaltinis plane
measure-responsible = Atsakingas vykdytojas
measure-timing = Kada
measure-status = Būsena
measure-services = Paslaugos
timing-ongoing = Nuolat
timing-ongoing-from = Nuo { $year } m., nuolat
status-planned = Suplanuota
status-in-progress = Vykdoma
status-done = Įgyvendinta

## Žodynėlis
glossary-title = Žodynėlis
glossary-intro = Naujiems gyventojams svarbūs žodžiai, paaiškinti paprastai.

## Kai trūksta vertimo
untranslated-notice = Šis puslapis dar neišverstas į lietuvių kalbą. Toliau pateiktas tekstas yra šia kalba: { $language }.
translation-behind = Šis vertimas gali būti pasenęs: originalus tekstas (kalba: { $language }) buvo pakeistas po to, kai vertimas buvo parengtas.
translation-behind-sections = Šis vertimas gali būti pasenęs: originaliame tekste (kalba: { $language }) pakeistos šios dalys:
translation-behind-link = Skaityti originalų tekstą (kalba: { $language })
# No full stop after the date: date-full already ends with «d.».
translation-made = Vertimas parengtas { $date }

## Puslapis nerastas
not-found-title = Puslapis nerastas
not-found-text = Šio puslapio nepavyko rasti. Galbūt jis perkeltas arba adresas neteisingas.
not-found-home = Eiti į pradžios puslapį

## Numatytasis pareiškimas dėl prieinamumo
accessibility-title = Pareiškimas dėl prieinamumo
accessibility-intro = Norime, kad šia svetaine galėtų naudotis visi, taip pat žmonės, kurie naudoja ekrano skaitytuvą, klaviatūrą ar ekrano didinimo priemones, ir tie, kurie skaito iš dešinės į kairę.
accessibility-measures = Puslapiai sukurti taip, kad atitiktų WCAG 2.2 AA lygį: aiški antraščių struktūra, nuoroda, leidžianti pereiti tiesiai prie turinio, matomas fokuso žymeklis, pakankamas kontrastas ir tekstas, kurį galima padidinti. Viskas veikia be JavaScript ir mažuose ekranuose; be JavaScript paieškos puslapyje vietoj paieškos rezultatų rodomos visos paslaugos.
accessibility-languages = Informacija pateikiama keliomis kalbomis. Jei puslapis dar neišverstas, tai aiškiai nurodyta, o tekstas rodomas originalo kalba.
accessibility-feedback = Jei kas nors jums neveikia, praneškite savivaldybei.

## Paieška
search-title = Paieška
search-label = Ko ieškote?
search-button = Ieškoti
search-hint = Įrašykite vieną ar kelis žodžius, pavyzdžiui, „gydytojas“, „mokykla“ arba „būstas“. Lietuviškų raidžių rašyti nebūtina.
search-count = Rezultatų skaičius
search-none = Nieko nerasta. Pabandykite kitą žodį arba peržiūrėkite visas paslaugas žemiau.
search-busy = Ieškoma…
search-failed = Paieška šiuo metu neveikia. Peržiūrėkite visas paslaugas žemiau.
search-no-script = Paieškai reikia „JavaScript“, kuri jūsų naršyklėje išjungta. Žemiau rasite visas paslaugas, suskirstytas pagal kategorijas.
search-results = Paieškos rezultatai
search-all-services = Visos paslaugos

## Atvirieji duomenys (docs/data.md): nuoroda plano ir paslaugų puslapiuose, paslaugų duomenų
## rinkinio pavadinimas ir aprašymas
data-link = Atvirieji duomenys
# $municipality: the municipality's name, as municipality-name writes it.
data-services-title = { $municipality }: paslaugos naujiems gyventojams
data-services-about = Šio portalo paslaugos kaip atvirieji duomenys: pavadinimas, trumpas aprašymas, kontaktai, darbo laikas, kalbos ir kaina, kiek jie nurodyti turinyje.
