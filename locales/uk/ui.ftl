## Тексти інтерфейсу стандартної теми українською мовою.
## Ключі спільні для всіх мов; портал може перевизначити будь-який із них у
## content/<портал>/locales/uk/*.ftl.

## Сама мова
language-name = Українська
# ltr або rtl
language-direction = ltr

## Рамка сторінки
municipality-name = Комуна { $name }
portal-tagline = Інформація для нових мешканців
skip-to-content = Перейти до основного вмісту
nav-label = Головне меню
nav-home = Головна
nav-plan = План
nav-glossary = Словник
language-switcher-label = Читати цю сторінку іншою мовою
footer-label = Про цей сайт
footer-accessibility = Заява про доступність
footer-made-with = Створено за допомогою torg
municipality-website = Вебсайт комуни:
breadcrumb-label = Ви тут

## Список порталів і вибір мови
portals-title = Інформаційні портали комун
portals-intro = Виберіть свою комуну.
chooser-title = Виберіть мову
chooser-intro = Цей портал доступний такими мовами.

## Категорії
category-settlement = Поселення і житло
category-settlement-about = Прибуття, пошук житла і перші кроки.
category-health = Здоров’я
category-health-about = Лікар, центр здоров’я дітей і сім’ї (helsestasjon) і допомога, коли ви хворієте.
category-schooling = Школа й освіта
category-schooling-about = Дитячий садок (barnehage), школа, навчання норвезької мови та освіта для дорослих.
category-leisure = Дозвілля і спільнота
category-leisure-about = Заходи, місця зустрічей і волонтерство.
category-work = Робота
category-work-about = Вступна програма (introduksjonsprogrammet), кваліфікація і пошук роботи.
services-count = { PLURAL($count) ->
    [one] { $count } послуга
    [few] { $count } послуги
    [many] { $count } послуг
   *[other] { $count } послуги
}
category-empty = У цій категорії ще немає послуг.

## Головна сторінка
home-intro = { $municipality } розповідає тут про послуги й допомогу для нових мешканців і про те, що комуна запланувала для інтеграції.
home-services-heading = З чим вам потрібна допомога?
home-plan-heading = План комуни
home-plan-link = Читати весь план
home-contact-heading = Зв’язатися з комуною
home-emergency-heading = Номери екстреної допомоги
emergency-medical = Екстрена медична допомога (швидка)
emergency-police = Поліція
emergency-fire = Пожежна служба
emergency-out-of-hours = Черговий лікар (legevakt), коли ваш сімейний лікар (fastlege) не працює

## Сторінка послуги
service-facts = Основне
service-provider = Хто надає
service-contact = Контакти
service-contact-municipality = Для цієї послуги тут немає окремих контактів. Зверніться до комуни:
# $whom: the provider's name, or the municipality's when the content gives none.
service-ask = Щодо цієї послуги звертайтеся: { $whom }.
service-phone = Телефон
service-email = Електронна пошта
service-address = Адреса
service-address-map = { $address } (карта)
service-web = Вебсайт
service-hours = Години роботи
service-audience = Для кого ця послуга?
service-cost = Скільки це коштує?
cost-free = Безкоштовно
cost-paid = Послуга платна
cost-price = { PLURAL($amount) ->
    [one] { $amount } крона
    [few] { $amount } крони
    [many] { $amount } крон
   *[other] { $amount } крони
}
service-languages = Мови, якими можна спілкуватися
service-interpreter-yes = Ви можете отримати перекладача.
service-interpreter-no = Ця служба не надає перекладача.
service-measures = Послуга є частиною таких заходів плану
service-reviewed = Востаннє перевірено { $date }
service-category = Категорія
service-more = Ще в цій категорії

## Для кого послуга
audience-everyone = Усі
audience-refugees = Біженці
audience-family-immigrants = Ті, хто приїхав через возз’єднання сім’ї
audience-labour-immigrants = Трудові іммігранти
audience-immigrants = Іммігранти
audience-children = Діти
audience-youth = Молодь
audience-adults = Дорослі
audience-parents = Батьки

## Дні та час
day-mon = понеділок
day-tue = вівторок
day-wed = середа
day-thu = четвер
day-fri = п’ятниця
day-sat = субота
day-sun = неділя
time-range = { $opens }–{ $closes }

## Дати: назви місяців у родовому відмінку (як у повній даті) і шаблон дати
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня
date-full = { $day } { $month } { $year } р.

## Мови, якими розмовляють у службі
spoken-nb = норвезька
spoken-en = англійська
spoken-pl = польська
spoken-lt = литовська
spoken-ar = арабська
spoken-uk = українська
spoken-ru = російська
spoken-so = сомалі
spoken-ti = тигринья
spoken-fa = перська
spoken-prs = дарі
spoken-ku = курдська

## План
plan-period = Період дії плану: { $from }–{ $to }
plan-status-adopted = Ухвалений план
plan-status-draft = Проєкт
plan-status-consultation = Проєкт для громадського обговорення
plan-adopted = Ухвалено { $date }
plan-vision = Бачення
plan-goals = Основні цілі
plan-themes = Пріоритетні напрями
theme-goals = Цілі
theme-measures = Заходи
measures-count = { PLURAL($count) ->
    [one] { $count } захід
    [few] { $count } заходи
    [many] { $count } заходів
   *[other] { $count } заходу
}
theme-source = Джерело в плані
measure-responsible = Відповідальний
measure-timing = Коли
measure-status = Стан
measure-services = Послуги
timing-ongoing = Постійно
timing-ongoing-from = З { $year } року, постійно
status-planned = Заплановано
status-in-progress = Виконується
status-done = Виконано

## Словник
glossary-title = Словник
glossary-intro = Слова, які ви зустрінете як новий мешканець, пояснені простою мовою.

## Коли перекладу немає
untranslated-notice = Цю сторінку ще не перекладено українською. Текст нижче подано мовою: { $language }.
translation-behind = Цей переклад може бути застарілим: оригінальний текст (мова: { $language }) змінився після того, як переклад було зроблено.
translation-behind-sections = Цей переклад може бути застарілим: в оригінальному тексті (мова: { $language }) змінилися такі розділи:
translation-behind-link = Читати оригінальний текст (мова: { $language })
# No full stop after the date: date-full already ends with «р.».
translation-made = Переклад зроблено { $date }

## Сторінку не знайдено
not-found-title = Сторінку не знайдено
not-found-text = Ми не змогли знайти цю сторінку. Можливо, її перенесено або адреса неправильна.
not-found-home = Перейти на головну сторінку

## Стандартна заява про доступність
accessibility-title = Заява про доступність
accessibility-intro = Ми хочемо, щоб цим сайтом могли користуватися всі, зокрема люди, які користуються програмою зчитування з екрана, клавіатурою чи збільшенням, а також ті, хто читає справа наліво.
accessibility-measures = Сторінки створено так, щоб вони відповідали WCAG 2.2 рівня AA: вони мають чітку структуру заголовків, посилання для переходу просто до вмісту, видимий фокус, достатній контраст і текст, який можна збільшити. Усе працює без JavaScript і на малих екранах; без JavaScript сторінка пошуку показує всі послуги замість результатів пошуку.
accessibility-languages = Інформація доступна кількома мовами. Якщо сторінку ще не перекладено, про це чітко сказано, а текст показано мовою оригіналу.
accessibility-feedback = Якщо щось не працює, повідомте про це комуну.

## Пошук
search-title = Пошук
search-label = Що ви шукаєте?
search-button = Шукати
search-hint = Введіть одне або кілька слів, наприклад «лікар», «школа» чи «житло».
search-count = Кількість результатів
search-none = Нічого не знайдено. Спробуйте інше слово або перегляньте всі послуги нижче.
search-busy = Пошук…
search-failed = Пошук зараз не працює. Перегляньте всі послуги нижче.
search-no-script = Для пошуку потрібен JavaScript, а його вимкнено у вашому браузері. Нижче ви знайдете всі послуги, упорядковані за категоріями.
search-results = Результати пошуку
search-all-services = Усі послуги

## Відкриті дані (docs/data.md): посилання на сторінках плану й послуг, назва та опис набору
## даних про послуги
data-link = Відкриті дані
# $municipality: the municipality's name, as municipality-name writes it.
data-services-title = { $municipality }: послуги для нових мешканців
data-services-about = Послуги цього порталу як відкриті дані: назва, короткий опис, контакти, години роботи, мови та вартість, наскільки їх подає вміст.
