sign-in-title = تسجيل الدخول
sign-in-lead = اختر طريقة تسجيل الدخول.
sign-in-resident = شخص عادي أو شركة
sign-in-resident-text = بالهوية الإلكترونية، مثل BankID أو Freja eID. إذا كنت تمثّل شركة فستختارها بعد تسجيل الدخول.
sign-in-staff = موظفو مدينة ستوكهولم
sign-in-staff-text = بحسابك في المدينة.
sign-in-privacy = نحفظ من يسجّل الدخول ومتى، من أجل سلامتك وسلامة الآخرين. لا يُكتب رقمك الشخصي أبدًا في السجلات التقنية.
signed-out-title = لقد سجّلت الخروج
signed-out-body = تم تسجيل خروجك. أغلق المتصفح إذا كنت تستخدم حاسوبًا يستخدمه آخرون أيضًا.
my-title = صفحاتي
my-saved-contact = تم حفظ بيانات الاتصال الخاصة بك.
my-saved-acting-for = لقد غيّرت الجهة التي تمثّلها.
my-me-heading = عنك
my-name = الاسم
my-personnummer = الرقم الشخصي
my-acting-heading = من تمثّل
my-acting-legend = أتصرّف نيابةً عن
my-acting-self = نفسي
my-acting-submit = تغيير
my-contact-heading = بيانات الاتصال
my-email-verified = البريد الإلكتروني: { $email } (مؤكَّد)
my-email-unverified = البريد الإلكتروني: { $email } (غير مؤكَّد)
my-email-none = لم تُدخل عنوان بريد إلكتروني.
my-phone = رقم الهاتف (اختياري)
my-phone-hint = مثلًا 070-123 45 67.
my-lang = لغة رسائلنا إليك
my-lang-same-as-site = نفس لغة الموقع
my-channel = كيف تريد أن تصلك أخبار معاملاتك؟
my-channel-email = البريد الإلكتروني
my-channel-sms = رسالة نصية
my-channel-portal = في صفحاتي فقط
my-contact-submit = حفظ بيانات الاتصال
my-error-phone = اكتب رقم الهاتف من 7 إلى 15 رقمًا، مثلًا 070-123 45 67.
my-error-choice = اختر أحد الخيارات.
my-cases-heading = معاملاتك
my-cases-intro = طلباتك غير المكتملة وقضاياك مع حالتها ورسائلها وقراراتها.
test-idp-title-eid = تسجيل دخول تجريبي: الهوية الإلكترونية
test-idp-title-staff = تسجيل دخول تجريبي: موظفو المدينة
test-idp-warning = هذا تسجيل دخول تجريبي للتطوير والعرض. لا يوجد في الخدمة الحقيقية.
test-idp-choose = تسجيل الدخول باسم
test-idp-sign-in = تسجيل الدخول
test-idp-cancel = إلغاء
role-resident = مقيم
role-business-representative = ممثّل شركة
role-provider-editor = محرّر لدى مقدّم خدمة
role-case-officer = موظف معالجة
role-contact-centre-agent = موظف مركز الاتصال
role-service-owner = مالك الخدمة
role-content-editor = محرر المحتوى
role-administrator = مسؤول النظام
role-auditor = مدقّق
my-saved-email-sent = أرسلنا رابط تأكيد. افتحه خلال 24 ساعة لتبدأ باستخدام العنوان.
my-email-pending = بانتظار التأكيد: { $email }
my-email-new = عنوان بريد إلكتروني جديد
my-email-hint = نرسل رابطًا إلى العنوان. يُستخدم العنوان بعد أن تفتح الرابط.
my-email-submit = إرسال رابط التأكيد
my-error-email = اكتب عنوان بريد إلكتروني مثل name@example.se.
my-error-email-send = لم نتمكن من إرسال البريد الإلكتروني الآن. حاول مرة أخرى بعد قليل.
email-confirm-subject = أكّد عنوان بريدك الإلكتروني في Stadsporten
email-confirm-body = مرحبًا { $name }،

    افتح الرابط لتأكيد عنوان بريدك الإلكتروني في Stadsporten:

    { $link }

    الرابط صالح لمدة 24 ساعة وفقط وأنت مسجّل الدخول. إذا لم تطلب ذلك يمكنك تجاهل هذه الرسالة.

    مدينة ستوكهولم
email-confirm-title = تم تأكيد عنوان البريد الإلكتروني
email-confirmed = سنرسل الرسائل المتعلقة بمعاملاتك إلى { $email }.
email-confirm-failed-title = الرابط لا يعمل
email-confirm-failed = الرابط مستخدم من قبل أو قديم جدًا أو يخص شخصًا آخر. اطلب رابطًا جديدًا في صفحاتي.
