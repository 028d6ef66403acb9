## ما نعرفه عنك (/my/data) ومستخرج السجل

my-data-intro = اطّلع على المعلومات التي يحتفظ بها Stadsporten عنك، ولماذا، وإلى متى، ونزّل نسخة منها كلها.
my-data-link = ما نعرفه عنك
mydata-title = ما نعرفه عنك
mydata-intro = ترى هنا المعلومات التي تحتفظ بها مدينة ستوكهولم عنك في Stadsporten، ولماذا نحتفظ بها، وإلى متى تُحفظ. يمكنك تنزيل نسخة منها كلها.
mydata-held-heading = المعلومات التي لدينا
mydata-held-caption = معلومات عنك، ولماذا نحتفظ بها، وإلى متى تُحفظ
mydata-col-what = المعلومات
mydata-col-why = لماذا
mydata-col-kept = إلى متى
mydata-kind-profile = الاسم والرقم الشخصي وبيانات الاتصال
mydata-kind-cases = { $count ->
    [one] قضية واحدة مع الإجابات والرسائل والقرارات
   *[other] { $count } قضايا مع الإجابات والرسائل والقرارات
}
mydata-kind-files = { $count ->
    [one] ملف واحد
   *[other] { $count } ملفات
}
mydata-kind-drafts = { $count ->
    [one] طلب واحد بدأته
   *[other] { $count } طلبات بدأتها
}
mydata-kind-errands = { $count ->
    [one] تواصل واحد مع مركز الاتصال
   *[other] { $count } مرات تواصل مع مركز الاتصال
}
mydata-kind-lookups = { $count ->
    [one] مرة واحدة بحث فيها مركز الاتصال عنك
   *[other] { $count } مرات بحث فيها مركز الاتصال عنك
}
mydata-kind-access = { $count ->
    [one] قيد واحد في سجل من قرأ معلوماتك أو غيّرها
   *[other] { $count } قيود في سجل من قرأ معلوماتك أو غيّرها
}
mydata-why-profile = لنعرف من أنت عند تسجيل الدخول ولنتواصل معك بشأن قضاياك.
mydata-why-cases = لمعالجة ما تقدّمت به أو أخبرتنا به.
mydata-why-drafts = لتتمكن من المتابعة من حيث توقفت.
mydata-why-errands = لمساعدتك عندما تتواصل معنا والتأكد من حصولك على رد.
mydata-why-lookups = لترى متى ولماذا اطّلع مركز الاتصال على معلوماتك.
mydata-why-access = لحماية معلوماتك: تُسجَّل كل قراءة وكل تغيير.
mydata-kept-profile = ما دامت لديك قضايا لدينا أو تستخدم Stadsporten.
mydata-kept-cases = وفق خطة إدارة الوثائق في المدينة لكل خدمة: تُتلف بعد مدة محددة أو تُحفظ في أرشيف المدينة.
mydata-kept-drafts = { $days } يومًا بعد آخر حفظ، ثم يُحذف.
mydata-kept-errands = وفق خطة إدارة الوثائق لمركز الاتصال.
mydata-kept-lookups = طالما بقي السجل.
mydata-kept-access = لا يمكن تغيير السجل، ويُحفظ وفق خطة إدارة الوثائق.
mydata-legal-basis = نعالج المعلومات لأداء مهام للمصلحة العامة وممارسة السلطة الرسمية (المادة 6(1)(هـ) من اللائحة العامة لحماية البيانات) وللالتزام بقوانين مثل قانون الإجراءات الإدارية وقانون الأرشيف (المادة 6(1)(ج)). المسؤول عن المعالجة هو اللجنة التي تعالج قضيتك.
mydata-internal-notes = لا تتضمن النسخة الملاحظات الداخلية للموظفين المختصين. يمكنك طلبها من الوحدة التي تعالج قضيتك، وتُسلَّم بعد مراجعة السرية.
mydata-download-heading = تنزيل نسخة (مستخرج السجل)
mydata-download-intro = تحتوي النسخة على كل ما سبق. يمكن طباعة النسخة المقروءة. ويمكنك نقل النسخة القابلة للقراءة الآلية (JSON) إلى نظام آخر.
mydata-download-html = تنزيل نسخة مقروءة (HTML)
mydata-download-json = تنزيل نسخة قابلة للقراءة الآلية (JSON)
mydata-correct-heading = هل هناك خطأ؟
mydata-correct-intro = إذا كانت معلومة عنك خاطئة يمكنك طلب تصحيحها. اكتب ما هو خطأ وما هو الصحيح، فيُرسل الطلب كقضية إلى الوحدة المسؤولة عن المعلومة.
mydata-correct-link = اطلب التصحيح
mydata-rights = يحق لك أيضًا طلب حذف المعلومات أو تقييد معالجتها، وتقديم شكوى إلى هيئة حماية الخصوصية السويدية (IMY).

extract-title = مستخرج السجل من Stadsporten
extract-intro = هذا كل ما كان لدى Stadsporten عنك عند إنشاء المستخرج.
extract-generated = أُنشئ
extract-profile = عنك
extract-email = البريد الإلكتروني
extract-address = عنوان القيد في السجل السكاني
extract-organisations = الشركات التي تمثلها
extract-cases = القضايا
extract-case-facts = عن القضية
extract-unit = الوحدة
extract-status = الحالة
extract-submitted = أُرسلت
extract-closed = أُغلقت
extract-answers = إجاباتك
extract-timeline = الأحداث
extract-messages = الرسائل
extract-decision = القرار
extract-files = الملفات
extract-file-name = اسم الملف
extract-size = الحجم (بايت)
extract-when = متى
extract-what = ماذا
extract-from = من
extract-text = النص
extract-outcome = النتيجة
extract-drafts = الطلبات التي بدأتها
extract-service = الخدمة
extract-errands = التواصل مع مركز الاتصال
extract-number = الرقم
extract-lookups = متى بحث مركز الاتصال عنك
extract-reason = السبب
extract-access = من قرأ معلوماتك أو غيّرها
extract-by = بواسطة
