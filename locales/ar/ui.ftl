## نصوص الواجهة في القالب الافتراضي، باللغة العربية.
## المفاتيح مشتركة بين جميع اللغات؛ ويمكن لأي بوابة أن تستبدل أيًّا منها في
## content/<البوابة>/locales/ar/*.ftl.

## اللغة نفسها
language-name = العربية
# ltr أو rtl
language-direction = rtl

## إطار الصفحة
municipality-name = بلدية { $name }
portal-tagline = معلومات للسكان الجدد
skip-to-content = الانتقال إلى المحتوى الرئيسي
nav-label = القائمة الرئيسية
nav-home = الصفحة الرئيسية
nav-plan = الخطة
nav-glossary = مسرد المصطلحات
language-switcher-label = اقرأ هذه الصفحة بلغة أخرى
footer-label = عن هذا الموقع
footer-accessibility = بيان إمكانية الوصول
footer-made-with = أُنشئ باستخدام torg
breadcrumb-label = أنت هنا

## قائمة البوابات واختيار اللغة
portals-title = بوابات المعلومات البلدية
portals-intro = اختر بلديتك.
chooser-title = اختر اللغة
chooser-intro = هذه البوابة متاحة باللغات التالية.

## الفئات
category-settlement = الاستقرار والسكن
category-settlement-about = الوصول، وإيجاد مسكن، والبدء في الحياة الجديدة.
category-health = الصحة
category-health-about = الطبيب، والمركز الصحي (helsestasjon)، والمساعدة عند المرض.
category-schooling = المدرسة والتعليم
category-schooling-about = رياض الأطفال، والمدرسة، وتعلّم اللغة النرويجية، وتعليم الكبار.
category-leisure = أوقات الفراغ والمجتمع
category-leisure-about = الأنشطة، وأماكن اللقاء، والعمل التطوعي.
category-work = العمل
category-work-about = برنامج التعريف، والتأهيل، والبحث عن عمل.
services-count = { PLURAL($count) ->
    [zero] لا توجد خدمات
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
    [many] { $count } خدمة
   *[other] { $count } خدمة
}
category-empty = لم تُضف أي خدمات إلى هذه الفئة بعد.

## الصفحة الرئيسية
home-intro = ستجد هنا الخدمات والمساعدة المتاحة للسكان الجدد في { $municipality }، وما خططت له البلدية في مجال الاندماج.
home-services-heading = في أي شيء تحتاج إلى مساعدة؟
home-plan-heading = خطة البلدية
home-plan-link = اقرأ الخطة كاملة
home-contact-heading = تواصل مع البلدية
home-emergency-heading = أرقام الطوارئ
emergency-medical = الطوارئ الطبية، سيارة الإسعاف
emergency-police = الشرطة
emergency-fire = الإطفاء
emergency-out-of-hours = الطوارئ الطبية (legevakt) عندما يكون طبيبك العام مغلقًا

## صفحة الخدمة
service-facts = معلومات أساسية
service-provider = الجهة المقدِّمة
service-contact = التواصل
service-phone = الهاتف
service-email = البريد الإلكتروني
service-address = العنوان
service-address-map = { $address } (الخريطة)
service-web = الموقع الإلكتروني
service-hours = ساعات العمل
service-audience = لمن هذه الخدمة؟
service-cost = كم تكلف؟
cost-free = مجانية
cost-paid = الخدمة مدفوعة
cost-price = { $amount } كرونة
cost-unknown = اسأل الجهة المقدِّمة عن السعر
service-languages = اللغات المستخدمة
service-interpreter-yes = يمكنك الحصول على مترجم.
service-interpreter-no = لا توفر هذه الخدمة مترجمًا.
service-measures = جزء من هذه الإجراءات في الخطة
service-reviewed = آخر مراجعة: { $date }
service-category = الفئة
service-more = المزيد في هذه الفئة

## لمن الخدمة
audience-everyone = الجميع
audience-refugees = اللاجئون
audience-family-immigrants = القادمون عن طريق لمّ شمل الأسرة
audience-labour-immigrants = المهاجرون من أجل العمل
audience-immigrants = المهاجرون
audience-children = الأطفال
audience-youth = الشباب
audience-adults = البالغون
audience-parents = الآباء والأمهات

## الأيام والأوقات
day-mon = الاثنين
day-tue = الثلاثاء
day-wed = الأربعاء
day-thu = الخميس
day-fri = الجمعة
day-sat = السبت
day-sun = الأحد
time-range = { $opens }–{ $closes }

## التواريخ: أسماء الأشهر ونمط التاريخ
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
date-full = { $day } { $month } { $year }

## اللغات المستخدمة في الخدمة
spoken-nb = النرويجية
spoken-en = الإنجليزية
spoken-pl = البولندية
spoken-lt = الليتوانية
spoken-ar = العربية
spoken-uk = الأوكرانية
spoken-ru = الروسية
spoken-so = الصومالية
spoken-ti = التغرينية
spoken-fa = الفارسية
spoken-prs = الدارية
spoken-ku = الكردية

## الخطة
plan-period = مدة الخطة: { $from }–{ $to }
plan-status-adopted = خطة معتمدة
plan-status-draft = مسودة
plan-status-consultation = مسودة مطروحة للاستشارة العامة
plan-adopted = اعتُمدت في { $date }
plan-vision = الرؤية
plan-goals = الأهداف الرئيسية
plan-themes = مجالات العمل
theme-goals = الأهداف
theme-measures = الإجراءات
measures-count = { PLURAL($count) ->
    [zero] لا توجد إجراءات
    [one] إجراء واحد
    [two] إجراءان
    [few] { $count } إجراءات
    [many] { $count } إجراءً
   *[other] { $count } إجراء
}
theme-source = المصدر في الخطة
measure-responsible = الجهة المسؤولة
measure-timing = التوقيت
measure-status = الحالة
measure-services = الخدمات
timing-ongoing = مستمر
status-planned = مخطط له
status-in-progress = قيد التنفيذ
status-done = منجز

## مسرد المصطلحات
glossary-title = مسرد المصطلحات
glossary-intro = كلمات ستصادفها بصفتك من السكان الجدد، مشروحة بلغة بسيطة.

## عند غياب الترجمة
untranslated-notice = لم تُترجم هذه الصفحة إلى اللغة العربية بعد. النص أدناه باللغة: { $language }.

## الصفحة غير موجودة
not-found-title = الصفحة غير موجودة
not-found-text = لم نتمكن من العثور على هذه الصفحة. ربما نُقلت، أو أن العنوان غير صحيح.
not-found-home = الذهاب إلى الصفحة الرئيسية

## بيان إمكانية الوصول الافتراضي
accessibility-title = بيان إمكانية الوصول
accessibility-intro = نريد أن يتمكن الجميع من استخدام هذا الموقع، بمن فيهم مستخدمو قارئات الشاشة أو لوحة المفاتيح أو التكبير، ومن يقرؤون من اليمين إلى اليسار.
accessibility-measures = صُممت الصفحات لتستوفي معايير WCAG 2.2 بالمستوى AA: عناوين واضحة، ورابط للانتقال مباشرة إلى المحتوى، وتركيز مرئي، وتباين جيد، ونص يمكن تكبيره. كل شيء يعمل دون JavaScript وعلى الشاشات الصغيرة.
accessibility-languages = المعلومات متاحة بعدة لغات. وإذا لم تُترجم صفحة ما بعد، فسيُذكر ذلك بوضوح ويُعرض النص بلغته الأصلية.
accessibility-feedback = إذا لم يعمل شيء ما معك، فأبلغ البلدية بذلك.
