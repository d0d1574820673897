## Teksty interfejsu domyślnego motywu w języku polskim.
## Klucze są wspólne dla wszystkich języków; portal może nadpisać każdy z nich w
## content/<portal>/locales/pl/*.ftl.

## Sam język
language-name = Polski
# ltr albo rtl
language-direction = ltr

## Ramka strony
municipality-name = Gmina { $name }
portal-tagline = Informacje dla nowych mieszkańców
skip-to-content = Przejdź do treści głównej
nav-label = Menu główne
nav-home = Strona główna
nav-plan = Plan
nav-glossary = Słowniczek
language-switcher-label = Przeczytaj tę stronę w innym języku
footer-label = O tej stronie
footer-accessibility = Deklaracja dostępności
footer-made-with = Stworzono za pomocą torg
municipality-website = Strona internetowa gminy:
breadcrumb-label = Jesteś tutaj

## Lista portali i wybór języka
portals-title = Gminne portale informacyjne
portals-intro = Wybierz swoją gminę.
chooser-title = Wybierz język
chooser-intro = Ten portal jest dostępny w następujących językach.

## Kategorie
category-settlement = Osiedlenie się i mieszkanie
category-settlement-about = Przyjazd, znalezienie mieszkania i pierwsze kroki.
category-health = Zdrowie
category-health-about = Lekarz, ośrodek zdrowia (helsestasjon) i pomoc w razie choroby.
category-schooling = Szkoła i edukacja
category-schooling-about = Przedszkole, szkoła, nauka języka norweskiego i edukacja dorosłych.
category-leisure = Czas wolny i społeczność
category-leisure-about = Zajęcia, miejsca spotkań i wolontariat.
category-work = Praca
category-work-about = Program wprowadzający, zdobywanie kwalifikacji i szukanie pracy.
services-count = { PLURAL($count) ->
    [one] { $count } usługa
    [few] { $count } usługi
    [many] { $count } usług
   *[other] { $count } usługi
}
category-empty = W tej kategorii nie dodano jeszcze żadnych usług.

## Strona główna
home-intro = Znajdziesz tu usługi i pomoc dla nowych mieszkańców oraz informacje o tym, co w zakresie integracji zaplanowała { $municipality }.
home-services-heading = W czym potrzebujesz pomocy?
home-plan-heading = Plan gminy
home-plan-link = Przeczytaj cały plan
home-contact-heading = Kontakt z gminą
home-emergency-heading = Numery alarmowe
emergency-medical = Pomoc medyczna w nagłych wypadkach, karetka
emergency-police = Policja
emergency-fire = Straż pożarna
emergency-out-of-hours = Ostry dyżur lekarski (legevakt), gdy przychodnia lekarza rodzinnego (fastlege) jest zamknięta

## Strona usługi
service-facts = Najważniejsze informacje
service-provider = Usługę oferuje
service-contact = Kontakt
service-contact-municipality = Ta usługa nie ma tu własnych danych kontaktowych. Skontaktuj się z gminą:
# $whom: the provider's name, or the municipality's when the content gives none.
service-ask = W sprawie tej usługi zwróć się do: { $whom }.
service-phone = Telefon
service-email = E-mail
service-address = Adres
service-address-map = { $address } (mapa)
service-web = Strona internetowa
service-hours = Godziny otwarcia
service-audience = Dla kogo jest ta usługa?
service-cost = Ile to kosztuje?
cost-free = Bezpłatnie
cost-paid = Usługa jest płatna
cost-price = { PLURAL($amount) ->
    [one] { $amount } korona
    [few] { $amount } korony
    [many] { $amount } koron
   *[other] { $amount } korony
}
service-languages = Języki, w których można się porozumieć
service-interpreter-yes = Możesz skorzystać z pomocy tłumacza.
service-interpreter-no = Ta usługa nie zapewnia tłumacza.
service-measures = Usługa jest częścią tych działań z planu
service-reviewed = Ostatnio sprawdzono { $date }
service-category = Kategoria
service-more = Więcej w tej kategorii

## Dla kogo jest usługa
audience-everyone = Wszyscy
audience-refugees = Uchodźcy
audience-family-immigrants = Osoby, które przyjechały w ramach łączenia rodzin
audience-labour-immigrants = Imigranci zarobkowi
audience-immigrants = Imigranci
audience-children = Dzieci
audience-youth = Młodzież
audience-adults = Dorośli
audience-parents = Rodzice

## Dni i godziny
day-mon = poniedziałek
day-tue = wtorek
day-wed = środa
day-thu = czwartek
day-fri = piątek
day-sat = sobota
day-sun = niedziela
time-range = { $opens }–{ $closes }

## Daty: nazwy miesięcy w dopełniaczu (jak w pełnej dacie) i wzór daty
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia
date-full = { $day } { $month } { $year }

## Języki używane w usłudze
spoken-nb = norweski
spoken-en = angielski
spoken-pl = polski
spoken-lt = litewski
spoken-ar = arabski
spoken-uk = ukraiński
spoken-ru = rosyjski
spoken-so = somalijski
spoken-ti = tigrinia
spoken-fa = perski
spoken-prs = dari
spoken-ku = kurdyjski

## Plan
plan-period = Okres obowiązywania planu: { $from }–{ $to }
plan-status-adopted = Plan przyjęty
plan-status-draft = Projekt
plan-status-consultation = Projekt poddany konsultacjom społecznym
plan-adopted = Data przyjęcia: { $date }
plan-vision = Wizja
plan-goals = Główne cele
plan-themes = Obszary priorytetowe
theme-goals = Cele
theme-measures = Działania
measures-count = { PLURAL($count) ->
    [one] { $count } działanie
    [few] { $count } działania
    [many] { $count } działań
   *[other] { $count } działania
}
theme-source = Źródło w planie
measure-responsible = Kto odpowiada
measure-timing = Kiedy
measure-status = Status
measure-services = Usługi
timing-ongoing = Na bieżąco
timing-ongoing-from = Od { $year } r., na bieżąco
status-planned = Zaplanowane
status-in-progress = W trakcie realizacji
status-done = Zrealizowane

## Słowniczek
glossary-title = Słowniczek
glossary-intro = Ważne słowa dla nowych mieszkańców, wyjaśnione prostym językiem.

## Brak tłumaczenia
untranslated-notice = Ta strona nie została jeszcze przetłumaczona na język polski. Poniższy tekst jest w języku: { $language }.
translation-behind = To tłumaczenie może być nieaktualne: tekst źródłowy (język: { $language }) zmienił się od czasu jego przygotowania.
translation-behind-sections = To tłumaczenie może być nieaktualne: w tekście źródłowym (język: { $language }) zmieniły się te części:
translation-behind-link = Przeczytaj tekst źródłowy (język: { $language })
translation-made = Tłumaczenie przygotowano { $date }.

## Nie znaleziono strony
not-found-title = Nie znaleziono strony
not-found-text = Nie udało się znaleźć tej strony. Mogła zostać przeniesiona albo adres jest błędny.
not-found-home = Przejdź do strony głównej

## Domyślna deklaracja dostępności
accessibility-title = Deklaracja dostępności
accessibility-intro = Chcemy, aby każdy mógł korzystać z tej strony, także osoby używające czytnika ekranu, klawiatury lub powiększenia oraz osoby czytające od prawej do lewej.
accessibility-measures = Strony zostały przygotowane tak, aby spełniały WCAG 2.2 na poziomie AA: mają przejrzystą strukturę nagłówków, link prowadzący bezpośrednio do treści, widoczny fokus, wystarczający kontrast i tekst, który można powiększyć. Wszystko działa bez JavaScriptu i na małych ekranach; bez JavaScriptu strona wyszukiwania zamiast wyników pokazuje listę wszystkich usług.
accessibility-languages = Informacje są dostępne w kilku językach. Jeśli strona nie została jeszcze przetłumaczona, jest to wyraźnie zaznaczone, a tekst jest wyświetlany w języku oryginału.
accessibility-feedback = Jeśli coś nie działa, poinformuj o tym gminę.

## Wyszukiwanie
search-title = Wyszukiwanie
search-label = Czego szukasz?
search-button = Szukaj
search-hint = Wpisz jedno lub kilka słów, na przykład „lekarz”, „szkoła” albo „mieszkanie”. Polskie znaki nie są konieczne.
search-count = Liczba wyników
search-none = Brak wyników. Spróbuj innego słowa albo zobacz wszystkie usługi poniżej.
search-busy = Wyszukiwanie…
search-failed = Wyszukiwarka chwilowo nie działa. Zobacz wszystkie usługi poniżej.
search-no-script = Wyszukiwarka wymaga JavaScriptu, który jest wyłączony w przeglądarce. Poniżej znajduje się lista wszystkich usług według kategorii.
search-results = Wyniki wyszukiwania
search-all-services = Wszystkie usługi

## Otwarte dane (docs/data.md): odnośnik na stronach planu i usług oraz tytuł i opis zbioru
## danych o usługach
data-link = Otwarte dane
# $municipality: the municipality's name, as municipality-name writes it.
data-services-title = { $municipality }: usługi dla nowych mieszkańców
data-services-about = Usługi z tego portalu jako otwarte dane: nazwa, krótki opis, kontakt, godziny otwarcia, języki i koszt, o ile treść je podaje.
