start-title = مرحبًا بك في مدينة ستوكهولم
start-lead = ابحث عن المعلومات والخدمات الإلكترونية، وقدّم الطلبات وتابع قضاياك.
search-label = ابحث في خدمات المدينة
search-placeholder = مثلًا الروضة أو ترخيص البناء أو مواقف السيارات
search-button = بحث
situations-heading = مواقف الحياة
situation-count = { $count ->
    [zero] لا توجد خدمات
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
   *[other] { $count } خدمة
}
most-used-heading = الخدمات الأكثر استخدامًا
messages-heading = رسائل التشغيل
message-valid = سارية من { $from } إلى { $until }
severity-notice = معلومة
severity-disruption = عطل
situation-forskola-och-skola = الروضة والمدرسة
situation-bygga-och-bo = البناء والسكن
situation-starta-och-driva-foretag = تأسيس الشركات وإدارتها
situation-omsorg-och-stod = الرعاية والدعم
situation-trafik-och-parkering = المرور ومواقف السيارات
situation-kultur-och-fritid = الثقافة والترفيه
situation-miljo-och-avfall = البيئة والنفايات
situation-arbete-och-ekonomi = العمل والاقتصاد
situation-demokrati-och-paverkan = الديمقراطية والتأثير
audience-privatperson = الأفراد
audience-foretag = الشركات والجمعيات
channel-webb = الإنترنت
channel-telefon = الهاتف
channel-besok = الزيارة
catalogue-title = جميع الخدمات
filter-situation = موقف الحياة
filter-audience = الفئة المستهدفة
filter-all = الكل
results-count = { $count ->
    [0] لم يتم العثور على خدمات
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
   *[other] { $count } خدمة
}
results-for = لعبارة ”{ $query }“
no-results = لم نعثر على خدمات مطابقة. جرّب كلمة أخرى أو تحقق من الإملاء.
no-results-help = يمكنك أيضًا الاتصال بمركز الخدمة وسنساعدك.
pagination-label = الصفحات
page-previous = السابق
page-next = التالي
page-current = الصفحة { $page } من { $pages }
handling-time = مدة المعالجة: { $days ->
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
   *[other] { $days } يومًا
}
handling-days = { $days ->
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
   *[other] { $days } يومًا
}
handling-time-immediate = لا توجد مدة معالجة
results-updating = تتحدث النتائج أثناء الكتابة.
service-not-in-language = هذه المعلومات غير متوفرة باللغة العربية. تُعرض باللغة { $language }.
service-who = من يمكنه استخدام الخدمة
service-provider = من يقدم الخدمة
service-provider-city = إدارة تابعة لمدينة ستوكهولم
service-provider-external = منظمة أو مقدم خدمة آخر
service-cost = التكلفة
service-handling = مدة المعالجة (مستوى الخدمة)
service-channels = كيف يمكنك استخدام الخدمة
service-help = المساعدة والتواصل
service-phone = الهاتف: { $phone }
service-reviewed = آخر مراجعة { $date }
service-start = ابدأ الخدمة الإلكترونية
service-no-e-service = هذه الخدمة غير متوفرة إلكترونيًا. تواصل معنا هاتفيًا أو بالزيارة.
service-audience = الفئة المستهدفة
message-districts = يخص: { $districts }
service-email = البريد الإلكتروني: { $email }.
service-external-runs-it = تدير هذه الخدمة جهة { $provider }، وليس مدينة ستوكهولم. تقدّم طلبك على موقعها الإلكتروني.
service-external-link = الانتقال إلى { $provider } (موقع آخر)
service-external-leaving = أنت تغادر Stadsporten. ما تملؤه هناك تعالجه جهة { $provider }، وليس المدينة.
back-to-service = العودة إلى الخدمة
service-unit-contact = تتولّى المعالجة
service-unit-contact-value = { $unit }، الهاتف { $phone }
