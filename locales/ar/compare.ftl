# مقارنة مقدمي الخدمات: رياض الأطفال والمدارس ودور الرعاية والرعاية المنزلية.

nav-compare = قارن الخدمات
compare-title = قارن رياض الأطفال والمدارس ورعاية المسنين
compare-title-kind = قارن: { $kind }
compare-intro = قارن وحدات المدينة ومقدمي الخدمات الخاصين وفق الحقائق ومؤشرات الجودة نفسها. تُعرض كل قيمة مع سنتها وعدد المجيبين، ويمكنك التقديم مباشرة من المقارنة.
compare-kinds-label = اختر ما تريد مقارنته
compare-kind-preschool = رياض الأطفال
compare-kind-compulsory-school = المدارس الأساسية
compare-kind-upper-secondary = المدارس الثانوية
compare-kind-elderly-home = دور الرعاية
compare-kind-home-care = الرعاية المنزلية
compare-count-preschool = { $count ->
    [one] روضة أطفال واحدة
    [two] روضتا أطفال
   *[other] { $count } روضة أطفال
}
compare-count-compulsory-school = { $count ->
    [one] مدرسة أساسية واحدة
    [two] مدرستان أساسيتان
   *[other] { $count } مدرسة أساسية
}
compare-count-upper-secondary = { $count ->
    [one] مدرسة ثانوية واحدة
    [two] مدرستان ثانويتان
   *[other] { $count } مدرسة ثانوية
}
compare-count-elderly-home = { $count ->
    [one] دار رعاية واحدة
    [two] داران للرعاية
   *[other] { $count } دار رعاية
}
compare-count-home-care = { $count ->
    [one] مقدم رعاية منزلية واحد
    [two] مقدما رعاية منزلية
   *[other] { $count } مقدم رعاية منزلية
}
compare-open-data = نزّل بيانات المقارنة كبيانات مفتوحة

compare-filter-legend = التصفية والترتيب
compare-filter-kind = نوع الوحدة
compare-filter-q = الاسم
compare-filter-district = الحي
compare-any-district = جميع الأحياء
compare-filter-operator = الجهة المشغلة
compare-any-operator = البلدية والخاصة
compare-operator-city = تابعة للبلدية
compare-operator-private = مقدم خدمة خاص
compare-filter-language = اللغات المستخدمة (إلى جانب السويدية)
compare-filter-profile = التوجه
compare-any-profile = جميع التوجهات
compare-filter-hours = ساعات العمل في أيام الأسبوع
compare-filter-open_from = مفتوح ابتداءً من الساعة كحد أقصى
compare-filter-open_until = مفتوح حتى الساعة على الأقل
compare-hours-hint = مثلاً 06:30
compare-filter-places = فقط التي لديها أماكن شاغرة
compare-filter-from = المسافة من عنوان أو حي
compare-from-hint = مثلاً Götgatan 14 أو Bromma
compare-filter-sort = الترتيب
compare-filter-page = الصفحة
compare-sort-name = الاسم
compare-sort-distance = الأقرب أولاً
compare-sort-by = { $indicator }
compare-more-filters = المزيد من عوامل التصفية: الاسم، المسافة، التوجه، اللغات، ساعات العمل، الأماكن الشاغرة
compare-filter-submit = اعرض
compare-filter-reset = امسح عوامل التصفية
compare-live-hint = تتحدث القائمة عندما تغيّر عوامل التصفية.
compare-sorted-high = مرتبة حسب { $indicator }، الأعلى أولاً. الوحدات التي لا قيمة لها تظهر في الأخير.
compare-sorted-low = مرتبة حسب { $indicator }، الأدنى أولاً (الأدنى أفضل). الوحدات التي لا قيمة لها تظهر في الأخير.
compare-sorted-distance = مرتبة حسب المسافة، الأقرب أولاً.
compare-list-indicators = تعرض القائمة { $shown } من أصل { $total } من مؤشرات الجودة. وتجدها كلها في صفحة كل وحدة وفي المقارنة جنباً إلى جنب.
compare-empty = لا توجد وحدات تطابق عوامل التصفية. أزل أحدها وحاول مرة أخرى.
compare-select-unit = قارن { $name }
compare-selection-legend = اختر حتى { $max } وحدات لمقارنتها جنباً إلى جنب.
compare-selection-button = قارن المختارة جنباً إلى جنب

compare-language-sv = السويدية
compare-language-en = الإنجليزية
compare-language-fi = الفنلندية
compare-language-ar = العربية
compare-language-so = الصومالية
compare-language-fa = الفارسية
compare-language-ti = التغرينية
compare-language-es = الإسبانية
compare-language-pl = البولندية
compare-language-tr = التركية
compare-language-de = الألمانية
compare-language-fr = الفرنسية
compare-profile-outdoor = التعليم في الهواء الطلق
compare-profile-montessori = مونتيسوري
compare-profile-reggio-emilia = ريجيو إميليا
compare-profile-waldorf = والدورف
compare-profile-language = توجه لغوي
compare-profile-music = الموسيقى
compare-profile-science = العلوم الطبيعية
compare-profile-sports = الرياضة
compare-profile-finnish = توجه سويدي فنلندي
compare-profile-dementia = رعاية مرضى الخرف

compare-no-data = لا توجد بيانات
compare-value-year = { $year }
compare-value-n = N = { $n }
compare-value-rate = نسبة الاستجابة { $rate }٪
compare-caution-few = عدد المجيبين قليل (أقل من { $min }) – اقرأ النتيجة بحذر.
compare-caution-small-base = أساس صغير (أقل من { $min }) – اقرأ النتيجة بحذر.
compare-caution-low-rate = نسبة استجابة منخفضة (أقل من { $rate }٪) – اقرأ النتيجة بحذر.
compare-threshold-note = القيم المبنية على أقل من { $min } مجيبين أو على نسبة استجابة أقل من { $rate }٪ معلَّمة بـ ⚠. «لا توجد بيانات» تعني أنه لا توجد قيمة للوحدة في تلك السنة، وليس صفراً.
compare-distance-m = على بعد { $m } م
compare-distance-km = على بعد { $km } كم
compare-hours-weekdays = { $range } أيام الأسبوع
compare-hours-all-days = { $range } كل يوم
compare-hours-always = على مدار الساعة، كل يوم
compare-has-places = أماكن شاغرة
compare-queue = قائمة انتظار

compare-notice-malformed = احتوى العنوان على رموز تعذرت قراءتها، لذلك لم تُستخدم عوامل التصفية.
compare-notice-bad-value = كان لعامل التصفية «{ $name }» قيمة لا نعرفها، فلم يُستخدم.
compare-notice-unknown-filter = لا يوجد عامل تصفية باسم «{ $name }»، فلم يُستخدم.
compare-notice-hours-order = يجب أن يكون وقت «من» قبل وقت «حتى»، لذلك لم تُستخدم ساعات العمل.
compare-notice-distance-needs-place = أدخل عنواناً أو حياً للترتيب حسب المسافة.
compare-notice-sort-unknown = لا يمكن ترتيب هذا النوع من الوحدات حسب «{ $name }». القائمة مرتبة حسب الاسم.
compare-notice-address-unknown = لم نجد «{ $name }». اكتب عنوان شارع في ستوكهولم أو اسم حي.
compare-notice-unknown-unit = لم نجد وحدة باسم «{ $name }». ربما أُغلقت أو غيّرت اسمها.
compare-notice-too-many = يمكنك مقارنة { $name } وحدات كحد أقصى في المرة الواحدة. نعرض أول { $name }.
compare-notice-mixed-kinds = أنت تقارن أنواعاً مختلفة من الوحدات. المؤشرات التي تخص نوعاً واحداً تظهر «لا توجد بيانات» للأنواع الأخرى.

compare-fact-kind = النوع
compare-fact-operator = الجهة المشغلة
compare-fact-district = الحي
compare-fact-address = العنوان
compare-fact-hours = ساعات العمل
compare-fact-languages = اللغات
compare-fact-profiles = التوجه
compare-fact-places = الأماكن
compare-fact-phone = الهاتف
compare-fact-email = البريد الإلكتروني
compare-fact-website = الموقع الإلكتروني
compare-fact-distance = المسافة
compare-fact-size-preschool = عدد الأطفال
compare-fact-size-compulsory-school = عدد التلاميذ
compare-fact-size-upper-secondary = عدد التلاميذ
compare-fact-size-elderly-home = عدد الشقق
compare-fact-size-home-care = عدد متلقي الرعاية
compare-updated-provider = آخر تحديث من مقدم الخدمة ({ $name }) بتاريخ { $date }.
compare-updated-city = آخر تحديث من مدينة ستوكهولم بتاريخ { $date }.
compare-updated-register = المعلومات من سجل المدينة، آخر تحديث بتاريخ { $date }.
compare-indicators-heading = مؤشرات الجودة
compare-indicators-caption = مؤشرات الجودة لـ { $name }، جميع السنوات
compare-col-indicator = المؤشر
compare-col-value = القيمة
compare-col-basis = السنة والأساس
compare-col-note = ملاحظة
compare-no-indicators = لا توجد مؤشرات جودة لهذا النوع من الوحدات.
compare-source = المصدر: { $source }.
compare-apply = قدّم طلباً للحصول على مكان في { $name }
compare-apply-note-upper-secondary = يتم التقديم إلى المدرسة الثانوية عبر نظام القبول الإقليمي.
compare-apply-note-elderly-home = يُمنح مكان في دار الرعاية بعد تقييم الاحتياجات. تواصل مع الخدمات الاجتماعية في حيك.
compare-feedback = أرسل ملاحظات عن هذه الوحدة
compare-start-comparison = قارن مع غيرها
compare-back-to-list = { $kind } في { $district }

compare-sbs-title = المقارنة جنباً إلى جنب
compare-sbs-caption = الوحدات جنباً إلى جنب. تُعرض كل قيمة مع سنتها وأساسها.
compare-sbs-remove = أزل { $name } من المقارنة
compare-sbs-charts = رسوم بيانية
compare-sbs-empty = اختر وحدات من القائمة لمقارنتها جنباً إلى جنب.
compare-sbs-back = العودة إلى القائمة

compare-dataset-title = قارن الخدمات – رياض الأطفال والمدارس ورعاية المسنين في ستوكهولم
compare-dataset-description = رياض الأطفال والمدارس الأساسية والثانوية ودور الرعاية والرعاية المنزلية التابعة للمدينة ولمقدمي الخدمات الخاصين، مع الحقائق ومؤشرات الجودة لكل سنة، وعدد المجيبين (N) ونسب الاستجابة.
compare-dataset-publisher = الناشر
compare-dataset-licence = الترخيص
compare-dataset-modified = آخر تعديل
compare-dataset-downloads = التنزيل
compare-dataset-units-csv = الوحدات (CSV)
compare-dataset-values-csv = مؤشرات الجودة (CSV، بصيغة Kolada)
compare-dataset-all-json = كل شيء في ملف واحد (JSON)
compare-dataset-description-json = وصف مجموعة البيانات (JSON)
compare-dataset-unit-fields = حقول ملف الوحدات
compare-dataset-value-fields = حقول ملف المؤشرات
compare-dataset-indicators = مؤشرات الجودة
compare-field-id = معرّف الوحدة (من 2 إلى 60 حرفاً: A–Z وa–z و0–9 و- و_).
compare-field-kind = النوع: preschool أو compulsory-school أو upper-secondary أو elderly-home أو home-care.
compare-field-name = اسم الوحدة.
compare-field-operator-type = الجهة المشغلة: city (البلدية) أو private (خاص).
compare-field-organisation-number = الرقم التنظيمي للجهة المشغلة (مطلوب لمقدمي الخدمات الخاصين).
compare-field-operator-name = اسم الجهة المشغلة.
compare-field-district = الحي (مثلاً sodermalm أو Södermalm).
compare-field-street = عنوان الشارع.
compare-field-postcode = الرمز البريدي (خمسة أرقام).
compare-field-lat = خط العرض (WGS 84).
compare-field-lon = خط الطول (WGS 84).
compare-field-hours = ساعات العمل في أيام الأسبوع، مثلاً 06:30-18:00.
compare-field-weekends = مفتوح أيضاً في عطلة نهاية الأسبوع (true/false).
compare-field-languages = اللغات المستخدمة برموزها مفصولة بفاصلة منقوطة (sv;ar).
compare-field-profiles = التوجهات مفصولة بفاصلة منقوطة (outdoor;montessori).
compare-field-size = عدد الأطفال أو التلاميذ أو الشقق أو متلقي الرعاية.
compare-field-phone = رقم الهاتف.
compare-field-email = عنوان البريد الإلكتروني.
compare-field-website = الموقع الإلكتروني (https://…).
compare-field-has-places = توجد أماكن شاغرة (true/false).
compare-field-description-sv = الوصف بالسويدية (مطلوب).
compare-field-description-en = الوصف بالإنجليزية.
compare-field-description-fi = الوصف بالفنلندية.
compare-field-description-ar = الوصف بالعربية.
compare-field-value-kpi = مفتاح المؤشر (انظر قائمة المؤشرات).
compare-field-value-unit = معرّف الوحدة.
compare-field-value-period = السنة.
compare-field-value-value = القيمة (نقطة أو فاصلة كفاصل عشري).
compare-field-value-n = عدد المجيبين أو الأساس (مطلوب للاستطلاعات).
compare-field-value-response-rate = نسبة الاستجابة بالمئة (للاستطلاعات).

compare-error-description-required = اكتب وصفاً بالسويدية.
compare-error-language = لغة الوصف غير مدعومة.
compare-error-too-long = النص طويل جداً.
compare-error-hours = اكتب ساعات العمل بهذا الشكل 06:30-18:00، بحيث يكون الإغلاق بعد الفتح.
compare-error-spoken-language = لا نعرف إحدى اللغات.
compare-error-profile = لا نعرف أحد التوجهات.
compare-error-phone = اكتب رقم الهاتف بالأرقام، مثلاً 08-508 000 00.
compare-error-email = اكتب عنوان بريد إلكتروني مثل name@example.se.
compare-error-website = اكتب عنوان موقع يبدأ بـ https://.
compare-error-period = يجب أن تكون السنة بين 1990 و2100.
compare-error-value = القيمة ليست رقماً أو أنها خارج حدود المؤشر.
compare-error-n = يجب أن يكون العدد رقماً صحيحاً يساوي صفراً أو أكثر.
compare-error-n-required = يجب أن يكون لمؤشرات الاستطلاع عدد المجيبين (n).
compare-error-response-rate = يجب أن تكون نسبة الاستجابة بين 0 و100، وهي تخص الاستطلاعات فقط.

compare-import-too-large = الملف كبير جداً (20 ميغابايت كحد أقصى).
compare-import-not-utf8 = الملف غير محفوظ بترميز UTF-8. احفظه بصيغة «CSV UTF-8» وحاول مرة أخرى.
compare-import-empty = لا يحتوي الملف على صفوف.
compare-import-unknown-format = لا نتعرف على صيغة الملف. انظر صيغة الاستيراد في README أو في صفحة البيانات المفتوحة.
compare-import-unclosed-quote = علامة اقتباس لم تُغلق.
compare-import-column-count = في الصف { $value } أعمدة، لكن صف العناوين فيه عدد مختلف.
compare-import-json = الملف ليس JSON صالحاً: { $value }
compare-import-json-row = الصف ليس كائن JSON.
compare-import-unknown-column = عمود غير معروف «{ $value }».
compare-import-missing = يجب ملء هذا الحقل.
compare-import-duplicate = الصف نفسه موجود في وقت سابق من الملف ({ $value }).
compare-import-bad-id = معرّف غير صالح «{ $value }».
compare-import-bad-kind = نوع غير معروف «{ $value }».
compare-import-bad-operator = يجب أن تكون الجهة المشغلة city أو private، وليس «{ $value }».
compare-import-org-required = يجب أن يكون لمقدمي الخدمات الخاصين رقم تنظيمي.
compare-import-bad-district = حي غير معروف «{ $value }».
compare-import-bad-postcode = الرمز البريدي «{ $value }» لا يتكون من خمسة أرقام.
compare-import-bad-coordinates = الإحداثيات «{ $value }» ليست في ستوكهولم (خط العرض، خط الطول WGS 84).
compare-import-bad-number = «{ $value }» ليس رقماً صحيحاً.
compare-import-bad-boolean = يجب أن تكون «{ $value }» true أو false.
compare-import-unknown-kpi = مؤشر غير معروف «{ $value }».
compare-import-unknown-unit = وحدة غير معروفة «{ $value }».
compare-import-kpi-not-for-kind = المؤشر «{ $value }» لا يخص هذا النوع من الوحدات.
