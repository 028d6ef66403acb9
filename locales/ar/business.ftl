# دليل الأعمال (/business) وقائمة التحقق.
business-caption = تأسيس مشروع وإدارته
business-title = ما التصاريح التي يحتاجها مشروعك؟
business-intro = أجب عن بعض الأسئلة حول النشاط، وسنعرض كل التصاريح والإشعارات التي يحتاجها، ومن يقرر، وكم يستغرق ذلك، وكم يكلف. لا تحتاج إلى تسجيل الدخول.
business-notice-malformed = تعذرت قراءة العنوان، فبدأنا من السؤال الأول.
business-notice-dropped = لم نتعرف على بعض الإجابات في الرابط فحُذفت. إجاباتك الأخرى محفوظة.
business-answer-yes = نعم
business-answer-no = لا
business-answer-none = لم يُذكر
business-error-answer = أجب عن السؤال: { $question }
business-next = التالي
business-answers-title = إجاباتك
business-change = تغيير
business-change-answer = غيّر الإجابة عن: { $question }
business-restart = ابدأ من جديد
business-catch-all-title = سنساعدك شخصياً
business-catch-all-text = نشاطك لا يناسب أسئلة الدليل. سيعرف فريق إرشاد الأعمال التصاريح التي تحتاجها ويساعدك في الطلبات.
business-catch-all-link = تواصل مع فريق إرشاد الأعمال
business-contradictions-title = بعض الإجابات لا تتوافق
business-contradictions-text = غيّر إحدى الإجابات أدناه ليتابع الدليل.
business-result-title = { $count ->
    [zero] لا يحتاج النشاط إلى تصاريح
    [one] يحتاج النشاط إلى تصريح واحد
    [two] يحتاج النشاط إلى تصريحين
    [few] يحتاج النشاط إلى { $count } تصاريح وإشعارات
   *[other] يحتاج النشاط إلى { $count } تصريحاً وإشعاراً
}
business-result-order = قدّم الطلبات بهذا الترتيب
business-responsible = الجهة المقررة
business-responsible-external = { $name } (تحيل المدينة طلبك إليها)
business-legal-basis = الأساس القانوني
business-handling = مدة المعالجة
business-handling-statutory = { $days } يوماً من اكتمال الطلب (بحكم القانون)
business-handling-promised = { $days } يوماً من اكتمال الطلب (وعد المدينة)
business-fee = الرسوم
business-documents = المستندات المطلوب إرفاقها
business-documents-none = لا شيء
business-waits-for = بانتظار: { $names }
business-more = اقرأ المزيد عن الخدمة
business-notes-title = معلومات مفيدة
business-checklist-link = قائمة تحقق للطباعة
business-rules-version = أُعدّ وفق قواعد دليل الأعمال، الإصدار { $version }.
business-checklist-title = قائمة تحقق التصاريح
business-checklist-intro = { $count ->
    [one] تصريح واحد للتقديم، مع المستندات المطلوب تجهيزها.
    [two] تصريحان للتقديم، مع المستندات المطلوب تجهيزها.
   *[other] { $count } تصاريح وإشعارات للتقديم، مع المستندات المطلوب تجهيزها.
}
business-checklist-incomplete = تظهر قائمة التحقق بعد أن تجيب عن أسئلة الدليل.
business-checklist-back = العودة إلى الدليل
