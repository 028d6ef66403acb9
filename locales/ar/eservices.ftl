# الخدمات الإلكترونية: النماذج والقضايا والمعالجة والتعريفات والإشعارات.

apply-back = رجوع
apply-change = تغيير
apply-check-title = تحقق من إجاباتك
apply-confirm-required = ضع علامة في المربع لتأكيد صحة المعلومات قبل الإرسال
apply-continue = متابعة
apply-continue-draft = تابع الطلب الذي حفظته في { $date }
apply-days = { $days } يومًا
apply-working-days = { $days } يوم عمل
apply-declaration-title = التأكيد والإرسال
apply-documents-heading = ما تحتاج إلى تجهيزه
apply-drafts-heading = لديك طلبات غير مكتملة
apply-file-choose = اختر ملفًا
apply-file-constraints = أنواع الملفات المسموح بها: { $types }. { $count } ملفات كحد أقصى.
apply-file-held = في انتظار فحص الفيروسات
apply-file-limit = يجب ألا يتجاوز حجم الملف { $mb } ميغابايت.
apply-file-remove = إزالة { $name }
apply-file-upload = رفع الملف
apply-go-to-step = الانتقال إلى الخطوة
apply-handled-by = الجهة المسؤولة
apply-handling-time = مدة المعالجة
apply-incomplete = الطلب غير مكتمل: صحّح الخطوة „{ $step }“ قبل الإرسال.
apply-needs-organisation = هذه الخدمة الإلكترونية مخصصة للشركات. اختر أولاً تمثيل شركة في صفحاتي.
apply-needs-resident = هذه الخدمة الإلكترونية مخصصة للأفراد الذين سجلوا الدخول بالهوية الإلكترونية.
apply-not-answered = لم تتم الإجابة
apply-notify-email = سنرسل الإشعارات إلى { $email }. يمكنك تغيير ذلك في صفحاتي.
apply-notify-portal = ستجد الإشعارات الخاصة بالقضية في صفحاتي. لتلقي بريد إلكتروني أو رسائل نصية، غيّر ذلك في صفحاتي.
apply-notify-sms = سنرسل رسائل نصية إلى { $phone }. يمكنك تغيير ذلك في صفحاتي.
apply-save-later = احفظ وتابع لاحقًا
apply-sent-to = سيُرسل الطلب إلى { $unit }.
apply-sign-in = سجّل الدخول وقدّم الطلب
apply-sign-in-first = تسجّل الدخول بالهوية الإلكترونية. يُحفظ الطلب بعد كل خطوة.
apply-preselected = اخترت { $unit } في المقارنة. وهي مختارة مسبقاً في «{ $field }» عندما تبدأ.
apply-start = ابدأ الطلب
apply-step-of = الخطوة { $n } من { $count }
apply-step-conditional = إذا كان ينطبق عليك
apply-steps-heading = كيف تسير العملية
apply-submit = إرسال الطلب
field-address-city = المدينة
field-address-postcode = الرمز البريدي
field-address-street = عنوان الشارع
field-choose = اختر
field-date-format = اكتب التاريخ بالصيغة YYYY-MM-DD، مثل 2027-01-15.
field-max-characters = { $max } حرفًا كحد أقصى.
field-optional = اختياري
form-error-prefix = خطأ
field-error-characters = يحتوي النص على رموز لا يمكن حفظها. احذفها وحاول مرة أخرى.
field-error-choose = اختر أحد الخيارات
field-error-city = أدخل المدينة
field-error-date = أدخل تاريخًا صحيحًا بالصيغة YYYY-MM-DD
field-error-date-too-early = يجب أن يكون التاريخ { $date } أو بعده
field-error-date-too-late = يجب أن يكون التاريخ { $date } أو قبله
field-error-email = أدخل بريدًا إلكترونيًا مثل anna@example.se
field-error-file-empty = اختر ملفًا لرفعه
field-error-file-infected = يحتوي الملف على شيفرة ضارة ولم يُقبل
field-error-file-required = ارفع ملفًا
field-error-file-storage = تعذّر حفظ الملف الآن. حاول مرة أخرى بعد قليل.
field-error-file-too-large = الملف كبير جدًا. الحد الأقصى { $mb } ميغابايت.
field-error-file-type = يجب أن يكون الملف من نوع { $types }
field-error-integer = أدخل عددًا صحيحًا
field-error-max-choices = اختر { $max } كحد أقصى
field-error-min-choices = اختر { $min } على الأقل
field-error-number = أدخل رقمًا، مثل 40
field-error-number-max = يجب أن يكون الرقم { $max } أو أقل
field-error-number-min = يجب أن يكون الرقم { $min } أو أكثر
field-error-option = اختر أحد الخيارات في القائمة
field-error-phone = أدخل رقم هاتف من 7 إلى 15 رقمًا، مثل 070-123 45 67
field-error-postcode = أدخل رمزًا بريديًا من خمسة أرقام، مثل 118 46
field-error-required = املأ هذا الحقل
field-error-same-as = اختر شيئًا مختلفًا عن اختيار سابق
field-error-street = أدخل عنوان الشارع (100 حرف كحد أقصى)
field-error-too-long = يجب ألا يتجاوز النص { $max } حرفًا
field-error-too-many-files = يمكنك رفع { $max } ملفات كحد أقصى هنا
field-error-too-short = اكتب { $min } أحرف على الأقل
error-pnr-check-digit = رقم الهوية الشخصية غير صحيح – تحقق من الرقم الأخير
error-pnr-date = يحتوي رقم الهوية الشخصية على تاريخ غير موجود
error-pnr-format = أدخل رقم الهوية الشخصية من 12 رقمًا بالصيغة YYYYMMDD-NNNN
error-orgnr-check-digit = رقم المنظمة غير صحيح – تحقق من الرقم الأخير
error-orgnr-format = أدخل رقم المنظمة من عشرة أرقام، مثل 556677-8899
error-orgnr-not-legal-person = الرقم ليس رقم شركة أو منظمة
receipt-title = تم إرسال الطلب
receipt-case-number = رقم قضيتك هو
receipt-due = { $days } يومًا – في موعد أقصاه { $date }
receipt-due-working = { $days } يوم عمل – في موعد أقصاه { $date }
receipt-follow = تابع القضية في قضاياي
receipt-next-heading = ماذا يحدث الآن؟
receipt-service = الخدمة الإلكترونية
receipt-submitted = تاريخ الإرسال
receipt-unit = الجهة المسؤولة
my-cases-title = قضاياي
my-cases-actions = الإجراءات
my-cases-cases = القضايا
my-cases-discard = حذف المسودة
my-cases-discarded = تم حذف المسودة وملفاتها.
my-cases-draft-saved = تم حفظ الطلب. تابع متى شئت هنا في قضاياي.
my-cases-drafts = طلبات قيد الإعداد
my-cases-drafts-hint = تُحذف الطلبات غير المكتملة إذا لم تتابعها. سنذكّرك قبل ذلك.
my-cases-expires = تاريخ الحذف
my-cases-find-service = ابحث عن خدمة إلكترونية
my-cases-no-drafts = ليس لديك طلبات قيد الإعداد.
my-cases-none = ليس لديك قضايا بعد.
my-cases-saved = آخر حفظ
my-cases-service = الخدمة الإلكترونية
my-cases-unread = { $count } غير مقروءة
case-heading = القضية { $number }
case-number = رقم القضية
case-status = الحالة
case-due = موعد القرار
case-answers = الإجابات
case-answers-staff = إجابات مقدم الطلب
case-appeal = إذا لم تكن راضيًا عن القرار يمكنك الطعن فيه خلال ثلاثة أسابيع من استلامه. اكتب إلى اللجنة التي أصدرت القرار؛ وسيساعدك مركز الخدمة.
case-appeal-heading = كيفية الطعن
case-completion-answer = إجابتك
case-completion-answered = تمت الإجابة في { $date }
case-completion-closed = أُغلق دون إجابة
case-completion-needed = نحتاج إلى مزيد من المعلومات منك
case-completion-open = أجب في موعد أقصاه { $date }
case-completion-send = إرسال الاستكمال
case-completions = طلبات الاستكمال
case-decided-at = تاريخ القرار
case-decided-by = صادر عن
case-decision = القرار
case-file-removed = محذوف
case-files = الملفات المرفقة
case-from-city = مدينة ستوكهولم
case-internal = داخلي
case-message-file = إرفاق ملف (اختياري، PDF أو JPEG أو PNG)
case-message-label = رسالة جديدة
case-message-send = إرسال الرسالة
case-messages = الرسائل
case-motivation = الأسباب
case-not-possible = لم يكن ذلك ممكنًا: تغيّرت القضية في هذه الأثناء. هكذا تبدو الآن.
case-print-decision = طباعة القرار
case-receipt-link = عرض الإيصال
case-saved-completion = شكرًا! تم إرسال الاستكمال وتستمر المعالجة.
case-saved-message = تم إرسال الرسالة.
case-saved-withdrawn = تم سحب القضية.
case-timeline = الأحداث
case-withdraw = سحب القضية
case-withdraw-confirm = أريد سحب القضية. أفهم أنه لا يمكن التراجع عن ذلك.
case-withdraw-confirm-error = ضع علامة في المربع إذا كنت تريد سحب القضية
case-withdraw-reason = لماذا تسحب القضية؟ (اختياري)
case-withdraw-submit = سحب
case-status-submitted = مُرسلة
case-status-in-progress = قيد المعالجة
case-status-awaiting-completion = في انتظار الاستكمال
case-status-decided = صدر القرار
case-status-closed = مغلقة
case-status-withdrawn = مسحوبة
case-outcome-approved = موافقة
case-outcome-rejected = رفض
case-outcome-partly-approved = موافقة جزئية
case-event-submitted = وصل الطلب
case-event-start = بدأت المعالجة
case-event-request-completion = طُلب الاستكمال
case-event-complete = وصل الاستكمال
case-event-resume-without-completion = استؤنفت المعالجة دون استكمال
case-event-decide = صدر القرار
case-event-close = أُغلقت القضية
case-event-withdraw = سُحبت القضية
case-event-message = رسالة
case-event-note = ملاحظة داخلية
case-event-assigned = تم التعيين
sla-on-track = ضمن الموعد
sla-due-soon = يستحق قريبًا
sla-overdue = متأخر
sla-paused = متوقف – بانتظار مقدم الطلب
survey-heading = ما رأيك؟ (اختياري)
survey-anonymous = تُحفظ إجاباتك دون اسمك ودون ربطها بالقضية.
survey-score = ما مدى رضاك عن الخدمة الإلكترونية؟
survey-score-low = غير راضٍ إطلاقًا
survey-score-high = راضٍ جدًا
survey-useful = قدمت لي الخدمة الإلكترونية ما احتجته
survey-easy = كانت الخدمة الإلكترونية سهلة الاستخدام
survey-disagree = لا أوافق إطلاقًا
survey-agree = أوافق تمامًا
survey-comment = هل تريد إضافة شيء؟ (لا تكتب بيانات شخصية)
survey-send = إرسال الإجابة
survey-thanks = شكرًا على إجابتك!
survey-error-score = اختر مدى رضاك (1–5)
survey-error-scale = اختر قيمة من 1 إلى 7
survey-error-comment = يجب ألا يتجاوز التعليق 1000 حرف
officer-queue-title = قائمة القضايا
officer-units = قضايا { $units }
officer-filters = تصفية القضايا
officer-filter-service = الخدمة الإلكترونية
officer-filter-deadline = الموعد النهائي
officer-filter-assignee = الموظف المسؤول
officer-filter-apply = عرض
officer-any = الكل
officer-open-cases = كل القضايا المفتوحة
officer-assignee-me = قضاياي
officer-assignee-nobody = غير معيّنة
officer-sort = ترتيب
officer-sort-due = الأكثر إلحاحًا أولاً
officer-sort-newest = الأحدث أولاً
officer-sort-oldest = الأقدم أولاً
officer-sort-number = رقم القضية
officer-export = تصدير التحديد بصيغة CSV
officer-queue-empty = لا توجد قضايا مطابقة للتحديد.
officer-queue-count = { $count ->
    [one] قضية واحدة
    [two] قضيتان
    [few] { $count } قضايا
   *[other] { $count } قضية
}
officer-select = تحديد
officer-select-case = تحديد القضية { $number }
officer-applicant = مقدم الطلب
officer-unassigned = بلا موظف
officer-bulk = تعيين القضايا المحددة
officer-bulk-to = إلى
officer-bulk-me = أنا
officer-bulk-nobody = لا أحد (تحرير)
officer-bulk-submit = تعيين
officer-assigned = { $count ->
    [one] تم تعيين قضية واحدة.
    [two] تم تعيين قضيتين.
    [few] تم تعيين { $count } قضايا.
   *[other] تم تعيين { $count } قضية.
}
officer-assignment = الموظف المسؤول
officer-assigned-to = مُعيّنة إلى { $name }
officer-take = تولي القضية
officer-release = تحرير القضية
officer-assign-to = تعيين إلى
officer-assign = تعيين
officer-actions = الإجراءات
officer-start = بدء المعالجة
officer-resume = المتابعة دون استكمال
officer-close = إغلاق القضية
officer-request-completion = طلب استكمال
officer-completion-message = ما الذي يجب على مقدم الطلب استكماله؟
officer-reply-by = الرد في موعد أقصاه
officer-clock-pauses = تتوقف مدة المعالجة حتى يرد مقدم الطلب.
officer-send-request = إرسال الطلب
officer-decide = إصدار قرار
officer-outcome = النتيجة
officer-template-lang = نموذج القرار بلغة مقدم الطلب ({ $lang }).
officer-decide-submit = إصدار القرار
officer-error-motivation = اكتب الأسباب (10 أحرف على الأقل)
officer-error-reply-by = اختر تاريخًا بعد اليوم
officer-notes = ملاحظات داخلية
officer-notes-hint = لا تظهر الملاحظات أبدًا لمقدم الطلب.
officer-note-label = ملاحظة جديدة
officer-add-note = حفظ الملاحظة
officer-stale = غيّر شخص آخر القضية في هذه الأثناء. هكذا تبدو الآن.
officer-saved-take = توليت القضية.
officer-saved-release = تم تحرير القضية.
officer-saved-assign = تم تعيين القضية.
officer-saved-note = تم حفظ الملاحظة.
officer-saved-start = بدأت المعالجة.
officer-saved-request-completion = تم إرسال طلب الاستكمال. توقفت مدة المعالجة.
officer-saved-resume-without-completion = تستمر المعالجة.
officer-saved-decide = صدر القرار وتم إبلاغ مقدم الطلب.
officer-saved-close = تم إغلاق القضية.
officer-saved-message = تم إرسال الرسالة.
services-title = الخدمات الإلكترونية
services-versions = جميع إصدارات تعريفات الخدمات الإلكترونية
services-service = الخدمة الإلكترونية
services-version = الإصدار
services-version-n = الإصدار { $version }
services-status = الحالة
services-status-draft = مسودة
services-status-live = منشور
services-status-retired = متقاعد
services-unit = الوحدة المستلمة
services-uploaded = تاريخ الرفع
services-published = تاريخ النشر
services-upload = رفع تعريف
services-upload-hint = التعريف ملف بصيغة TOML. يُفحص بالكامل؛ ويصبح الإصدار الجديد مسودة تعاينها ثم تنشرها. تحتفظ القضايا المقدمة سابقًا بإصدارها.
services-file = ملف
services-source = أو الصق التعريف
services-upload-submit = فحص ورفع
services-errors = يحتوي التعريف على أخطاء ولم يُحفظ
services-error-empty = اختر ملفًا أو الصق تعريفًا
services-saved-uploaded = تم فحص التعريف وحفظه كمسودة. راجعه ثم انشره.
services-saved-published = تم نشر الإصدار. تستخدمه الطلبات الجديدة.
services-publish = نشر هذا الإصدار
services-intro = نص صفحة البداية
services-languages = اللغات
services-condition = يظهر فقط إذا كان { $field } = { $value }
def-error-syntax = تعذرت قراءة الملف: { $detail }
def-error-slug = „{ $detail }“ ليس معرّف خدمة صالحًا
def-error-version = يجب أن يكون الإصدار 1 أو أكثر
def-error-unit = „{ $detail }“ ليس رمز وحدة
def-error-handling-days = يجب أن تكون مدة المعالجة 1–730 يومًا (الآن { $detail })
def-error-unknown-language = لغة غير معروفة: { $detail }
def-error-duplicate = „{ $detail }“ مكرر
def-error-language-required = اللغة { $detail } مطلوبة
def-error-missing-translation = الترجمة إلى { $detail } مفقودة
def-error-undeclared-language = يوجد نص بلغة { $detail } غير المدرجة في languages
def-error-no-steps = لا يحتوي التعريف على خطوات
def-error-id = لا يمكن استخدام „{ $detail }“ كمعرّف (أحرف صغيرة وأرقام و- و_؛ وليس start أو check أو declaration أو submit أو receipt)
def-error-no-fields = لا تحتوي الخطوة { $detail } على حقول
def-error-different-kind = تتم مقارنة الحقل بـ { $detail } وهو من نوع مختلف
def-error-unknown-field = الحقل { $detail } غير موجود
def-error-attachments-required = المرفقات مطلوبة لكن لا يوجد حقل ملف إلزامي
def-error-route-field = لا يمكن للحقل { $detail } تحديد الوحدة المستلمة (يجب أن يكون اختيارًا إلزاميًا ظاهرًا دائمًا)
def-error-rule-not-for-kind = القاعدة { $detail } لا تناسب نوع الحقل
def-error-bounds = الحدود غير متسقة: { $detail }
def-error-options = يحتاج الحقل إلى { $detail } خيارات على الأقل
def-error-options-from = مصدر خيارات غير معروف: { $detail } (استخدم provider-units أو provider-units:<النوع>)
def-error-shared-kind = لا يمكن للحقل أن يحمل المعلومة المشتركة { $detail } (نوع حقل خاطئ)
def-error-option-value = قيمة خيار غير صالحة: „{ $detail }“
def-error-condition-tests = يجب أن يحتوي الشرط على واحد فقط من equals أو one_of أو includes أو answered (يحتوي على { $detail })
def-error-condition-not-earlier = يشير الشرط إلى { $detail } غير الموجود في خطوة سابقة
def-error-includes-not-checkboxes = لا يمكن استخدام includes إلا مع مربعات الاختيار ({ $detail })
def-error-unknown-option = الخيار „{ $detail }“ غير موجود في الحقل
def-error-unknown-service = الخدمة { $detail } غير موجودة في الدليل
def-error-unknown-unit = الوحدة { $detail } غير موجودة
def-error-version-published = تم نشر الإصدار { $detail } ولا يمكن تغييره؛ ارفع إصدارًا جديدًا
def-error-reply-days = يجب أن تكون أيام الرد على العرض من 1 إلى 60 (القيمة { $detail })
def-error-remind-days = يجب إرسال التذكير قبل آخر موعد للرد ({ $detail } أيام قبل ذلك مبكر جدًا)
notify-receipt-subject = استلمنا طلبك { $case_number }
notify-receipt-body =
    مرحبًا،
    {""}
    استلمنا طلبك „{ $service }“. رقم القضية: { $case_number }. مدة المعالجة { $days } يومًا.
    {""}
    تابع القضية في صفحاتي: { $link }
    {""}
    مدينة ستوكهولم
notify-message-subject = رسالة جديدة في القضية { $case_number }
notify-message-body =
    مرحبًا،
    {""}
    لديك رسالة في القضية { $case_number }. اقرأها في صفحاتي: { $link }
    {""}
    مدينة ستوكهولم
notify-completion-request-subject = نحتاج إلى مزيد من المعلومات في القضية { $case_number }
notify-completion-request-body =
    مرحبًا،
    {""}
    لمعالجة القضية { $case_number } نحتاج إلى مزيد من المعلومات منك في موعد أقصاه { $reply_by }. أجب في صفحاتي: { $link }
    {""}
    مدينة ستوكهولم
notify-decision-subject = قرار في القضية { $case_number }
notify-decision-body =
    مرحبًا،
    {""}
    صدر قرار في القضية { $case_number }. اقرأه في صفحاتي: { $link }
    {""}
    مدينة ستوكهولم
notify-draft-expiring-subject = سيتم حذف طلبك غير المكتمل قريبًا
notify-draft-expiring-body =
    مرحبًا،
    {""}
    سيُحذف طلبك غير المكتمل „{ $service }“ في { $date } ما لم تتابعه. تابع في صفحاتي: { $link }
    {""}
    مدينة ستوكهولم
error-too-large-title = الملف كبير جدًا
error-too-large-body = ما أرسلته أكبر مما نقبله. ارجع واختر ملفًا أصغر (10 ميغابايت كحد أقصى) وحاول مرة أخرى – ما كتبته لا يزال في النموذج.
upload-progress = جارٍ الرفع … { $percent } %
upload-failed = فشل الرفع. حاول مرة أخرى.

# Offers in decisions (issue 18).
offer-heading = العرض
offer-starts = ابتداءً من { $date }
offer-reply-by = أجب في موعد أقصاه { $date }.
offer-state-waiting = بانتظار ردك في موعد أقصاه { $date }.
offer-state-accepted = تم القبول في { $date } { $via }.
offer-state-declined = تم الرفض في { $date } { $via }.
offer-state-lapsed = لم يصل رد في الوقت المحدد. انتهت صلاحية العرض في { $date }.
offer-via-my-pages = في صفحاتي
offer-via-phone = عبر الهاتف
offer-accept = قبول العرض
offer-decline = رفض
offer-saved-accepted = لقد قبلت العرض.
offer-saved-declined = لقد رفضت العرض.
offer-saved-closed = تمت الإجابة على العرض بالفعل أو انتهت صلاحيته.
case-event-offer = تم تقديم عرض
case-event-offer-accepted = تم قبول العرض
case-event-offer-declined = تم رفض العرض
case-event-offer-lapsed = انتهت صلاحية العرض دون رد
officer-offer = العرض
officer-offer-starts = تاريخ البدء
officer-offer-reply-hint = يجيب مقدم الطلب في موعد أقصاه { $date } ({ $days } يومًا) في صفحاتي أو عبر الهاتف.
officer-offer-waiting = عرض بانتظار الرد في موعد أقصاه { $date }
officer-offer-phone = الرد على العرض عبر الهاتف
officer-offer-phone-hint = سجّل الرد عندما يجيب مقدم الطلب عبر الهاتف. تُظهر القضية أن الرد جاء عبر الهاتف.
officer-offer-accepted = قبل مقدم الطلب
officer-offer-declined = رفض مقدم الطلب
officer-saved-offer-accepted-by-phone = تم تسجيل الرد: قبل مقدم الطلب.
officer-saved-offer-declined-by-phone = تم تسجيل الرد: رفض مقدم الطلب.
officer-error-offer-what = اكتب ما يُعرض (300 حرف كحد أقصى).
officer-error-offer-starts = اكتب تاريخ البدء بالشكل YYYY-MM-DD، اليوم أو لاحقًا.
notify-offer-reminder-subject = أجب على العرض في القضية { $case_number }
notify-offer-reminder-body =
    مرحبًا،
    {""}
    لديك عرض في القضية { $case_number } يجب أن تجيب عليه في موعد أقصاه { $reply_by }. أجب في صفحاتي: { $link }
    {""}
    مدينة ستوكهولم
notify-offer-lapsed-subject = انتهت صلاحية العرض في القضية { $case_number }
notify-offer-lapsed-body =
    مرحبًا،
    {""}
    لم نتلقَّ ردًا على العرض في القضية { $case_number } في الوقت المحدد، وقد انتهت صلاحيته. اقرأ ما يعنيه ذلك في صفحاتي: { $link }
    {""}
    مدينة ستوكهولم

case-event-assisted = بدأها مركز الخدمة
case-event-assisted-agent-submitted = أرسلها مركز الخدمة ({ $agent }) نيابةً عنك، بموافقة أُعطيت عبر { $via } { $at }
case-event-assisted-agent-started = بدأها مركز الخدمة ({ $agent }) بموافقة أُعطيت عبر { $via } { $at }، وأرسلها مقدّم الطلب
case-from-contact-centre = مركز الخدمة في مدينة ستوكهولم
case-event-via-contact-centre = سجّلها مركز الخدمة
apply-assisted-not-allowed = لا يمكن إرسال هذه الخدمة إلا من مقدّم الطلب نفسه. اطلب من الشخص إكمالها في صفحاتي.
