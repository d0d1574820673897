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
language-switcher-label = قراءة هذه الصفحة بلغة أخرى
footer-label = عن هذا الموقع
footer-accessibility = بيان إمكانية الوصول
footer-made-with = أُنشئ هذا الموقع باستخدام torg
municipality-website = الموقع الإلكتروني للبلدية:
breadcrumb-label = موقعك الحالي

## قائمة البوابات واختيار اللغة
portals-title = بوابات المعلومات البلدية
portals-intro = يُرجى اختيار البلدية.
chooser-title = اختيار اللغة
chooser-intro = هذه البوابة متاحة باللغات التالية.

## الفئات
category-settlement = الاستقرار والسكن
category-settlement-about = الوصول، وإيجاد مسكن، والخطوات الأولى.
category-health = الصحة
category-health-about = الطبيب، والمركز الصحي (helsestasjon)، والمساعدة عند المرض.
category-schooling = المدرسة والتعليم
category-schooling-about = رياض الأطفال، والمدرسة، وتعلّم اللغة النرويجية، وتعليم الكبار.
category-leisure = أوقات الفراغ والحياة المجتمعية
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
home-intro = تجمع هذه الصفحة الخدمات والمساعدة المتاحة للسكان الجدد في { $municipality }، وتعرض ما خططت له البلدية في مجال الاندماج.
home-services-heading = في أي مجال تحتاجون إلى المساعدة؟
home-plan-heading = خطة البلدية
home-plan-link = قراءة الخطة كاملة
home-contact-heading = التواصل مع البلدية
home-emergency-heading = أرقام الطوارئ
emergency-medical = الطوارئ الطبية، الإسعاف
emergency-police = الشرطة
emergency-fire = الإطفاء
emergency-out-of-hours = عيادة الطوارئ (legevakt)، عندما تكون عيادة الطبيب العام (fastlege) مغلقة

## صفحة الخدمة
service-facts = معلومات أساسية
service-provider = الجهة المقدِّمة للخدمة
service-contact = التواصل
service-contact-municipality = لا توجد هنا بيانات اتصال خاصة بهذه الخدمة. تواصلوا مع البلدية:
# $whom: the provider's name, or the municipality's when the content gives none.
service-ask = للاستفسار عن هذه الخدمة، تواصلوا مع: { $whom }.
service-phone = الهاتف
service-email = البريد الإلكتروني
service-address = العنوان
service-address-map = { $address } (الخريطة)
service-web = الموقع الإلكتروني
service-hours = ساعات العمل
service-audience = لمن هذه الخدمة؟
service-cost = ما التكلفة؟
cost-free = مجانًا
cost-paid = الخدمة مقابل رسوم
cost-price = { PLURAL($amount) ->
    [zero] { $amount } كرونة
    [one] كرونة واحدة
    [two] كرونتان
    [few] { $amount } كرونات
    [many] { $amount } كرونة
   *[other] { $amount } كرونة
}
service-languages = اللغات المستخدمة
service-interpreter-yes = يمكن الحصول على مترجم فوري.
service-interpreter-no = لا توفّر هذه الخدمة مترجمًا فوريًّا.
service-measures = تندرج هذه الخدمة ضمن الإجراءات التالية في الخطة
service-reviewed = تاريخ آخر مراجعة: { $date }
service-category = الفئة
service-more = المزيد في هذه الفئة

## لمن الخدمة
audience-everyone = الجميع
audience-refugees = اللاجئون
audience-family-immigrants = القادمون في إطار لمّ شمل الأسرة
audience-labour-immigrants = المهاجرون لأغراض العمل
audience-immigrants = المهاجرون
audience-children = الأطفال
audience-youth = الشباب
audience-adults = البالغون
audience-parents = أولياء الأمور

## الأيام والأوقات
day-mon = الاثنين
day-tue = الثلاثاء
day-wed = الأربعاء
day-thu = الخميس
day-fri = الجمعة
day-sat = السبت
day-sun = الأحد
time-range = { $opens }–{ $closes }

## التواريخ: أسماء الأشهر كما تُكتب في التاريخ، ونمط التاريخ
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
spoken-prs = الدرية
spoken-ku = الكردية

## الخطة
plan-period = مدة الخطة: { $from }–{ $to }
plan-status-adopted = خطة معتمدة
plan-status-draft = مسودة
plan-status-consultation = مسودة مطروحة للتشاور العام
plan-adopted = تاريخ الاعتماد: { $date }
plan-vision = الرؤية
plan-goals = الأهداف الرئيسية
plan-themes = مجالات الأولوية
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
timing-ongoing-from = بدءًا من { $year } وبصورة مستمرة
status-planned = مخطَّط له
status-in-progress = قيد التنفيذ
status-done = مُنجَز

## مسرد المصطلحات
glossary-title = مسرد المصطلحات
glossary-intro = كلمات مهمة للسكان الجدد، مشروحة بلغة بسيطة.

## عند غياب الترجمة
untranslated-notice = لم تُترجم هذه الصفحة إلى اللغة العربية بعد. النص أدناه باللغة: { $language }.
translation-behind = قد تكون هذه الترجمة قديمة: فقد تغيّر النص الأصلي (اللغة: { $language }) بعد إعدادها.
translation-behind-sections = قد تكون هذه الترجمة قديمة: فقد تغيّرت الأقسام التالية في النص الأصلي (اللغة: { $language }):
translation-behind-link = اقرأ النص الأصلي (اللغة: { $language })
translation-made = أُعدّت الترجمة في { $date }.

## الصفحة غير موجودة
not-found-title = الصفحة غير موجودة
not-found-text = لم نتمكن من العثور على هذه الصفحة. ربما نُقلت، أو أن العنوان غير صحيح.
not-found-home = الذهاب إلى الصفحة الرئيسية

## بيان إمكانية الوصول الافتراضي
accessibility-title = بيان إمكانية الوصول
accessibility-intro = نريد أن يتمكن الجميع من استخدام هذا الموقع، بمن فيهم مستخدمو قارئات الشاشة أو لوحة المفاتيح أو أدوات التكبير، ومن يقرؤون من اليمين إلى اليسار.
accessibility-measures = صُممت الصفحات لتستوفي معايير WCAG 2.2 بالمستوى AA: بنية عناوين واضحة، ورابط للانتقال مباشرة إلى المحتوى، ومؤشر تركيز مرئي، وتباين كافٍ، ونص يمكن تكبيره. كل شيء يعمل دون JavaScript وعلى الشاشات الصغيرة؛ ودون JavaScript تعرض صفحة البحث جميع الخدمات بدلًا من نتائج البحث.
accessibility-languages = المعلومات متاحة بعدة لغات. وإذا لم تُترجم صفحة ما بعد، فسيُذكر ذلك بوضوح ويُعرض النص بلغته الأصلية.
accessibility-feedback = إذا لم يعمل شيء ما كما ينبغي، يُرجى إبلاغ البلدية بذلك.

## البحث
search-title = البحث
search-label = عمّ تبحثون؟
search-button = بحث
search-hint = اكتبوا كلمة أو أكثر، مثل «طبيب» أو «مدرسة» أو «سكن». لا داعي للتشكيل، ولا فرق بين أشكال الألف.
search-count = عدد النتائج
search-none = لا توجد نتائج. جرّبوا كلمة أخرى، أو اطّلعوا على جميع الخدمات أدناه.
search-busy = جارٍ البحث…
search-failed = البحث لا يعمل حاليًا. اطّلعوا على جميع الخدمات أدناه.
search-no-script = يحتاج البحث إلى JavaScript، وهو معطَّل في متصفحكم. تجدون أدناه جميع الخدمات مرتبةً حسب الفئة.
search-results = نتائج البحث
search-all-services = جميع الخدمات

## البيانات المفتوحة (docs/data.md): الرابط في صفحات الخطة والخدمات، وعنوان مجموعة بيانات
## الخدمات ووصفها
data-link = بيانات مفتوحة
# $municipality: the municipality's name, as municipality-name writes it.
data-services-title = خدمات للسكان الجدد في { $municipality }
data-services-about = خدمات هذه البوابة كبيانات مفتوحة: الاسم ووصف قصير ومعلومات الاتصال وساعات العمل واللغات والتكلفة، بقدر ما يذكرها المحتوى.
