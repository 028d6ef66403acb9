# طلب واحد لجميع التراخيص (طلب مجمّع، issue 6).
bundle-caption = طلب مجمّع
bundle-offer-title = قدّم طلباً لكل شيء مرة واحدة
bundle-offer-text = املأ طلباً واحداً لجميع التراخيص في القائمة. تقدّم البيانات المشتركة والمستندات مرة واحدة فقط، ويتولى مرشد الأعمال تنسيق المعالجة بين إدارات المدينة.
bundle-sign-in-to-apply = سجّل الدخول لتقديم الطلب
bundle-needs-mandate = لتقديم طلب باسم شركة يجب أن تكون مفوّضاً بتمثيلها. ليس لديك تفويض لأي شركة. تواصل مع فريق مرشدي الأعمال إذا كنت تعتقد أن هذا خطأ.
bundle-choose-organisation = لأي شركة تقدّم الطلب؟
bundle-start = ابدأ طلباً واحداً لجميع التراخيص ({ $count })
bundle-continue-draft = تابع طلب { $organisation } (حُفظ { $date })
bundle-error-organisation = اختر إحدى الشركات في القائمة.
bundle-error-no-mandate = لست مفوّضاً بتمثيل هذه الشركة. اختر شركة تمثّلها، أو اطلب التفويض من المخوّل بالتوقيع.
bundle-apply-title = طلبك
bundle-apply-intro = أكمل كل جزء بالترتيب الذي تريده. يُحفظ كل شيء عند المتابعة، ويمكنك المتابعة لاحقاً من صفحاتي.
bundle-tasks-done = اكتمل { $done } من { $count } أجزاء.
bundle-task-facts = البيانات المشتركة
bundle-task-documents = المستندات
bundle-task-done = مكتمل
bundle-task-todo = غير مكتمل
bundle-task-nothing = لا شيء آخر لملئه
bundle-go-check = راجع وأرسل
bundle-not-ready = عندما تكتمل جميع الأجزاء يمكنك مراجعة الطلب وإرساله.
bundle-expires = يُحفظ الطلب حتى { $date } ما لم تتابعه.
bundle-discard = احذف الطلب
bundle-saved = حُفظت بياناتك.
bundle-facts-title = البيانات المشتركة
bundle-facts-intro = تُستخدم هذه البيانات في جميع التراخيص: { $permits }.
bundle-organisation = الشركة
bundle-contact-person = الشخص المسؤول عن التواصل
bundle-documents-title = المستندات
bundle-documents-intro = ارفع كل مستند مرة واحدة. يُرفق بكل ترخيص يحتاج إليه.
bundle-document-for = مطلوب لـ: { $permits }.
bundle-document-choose = اختر ملفاً: { $name }
bundle-documents-done = العودة إلى الطلب
bundle-check-title = راجع طلبك
bundle-permit-nothing-more = لا توجد أسئلة أخرى لهذا الترخيص.
bundle-incomplete-title = أكمل ما يلي قبل أن تتمكن من الإرسال
bundle-submit-explained = عند الإرسال يصبح كل ترخيص قضية لدى الإدارة التي تبتّ فيه. وتحيل المدينة تراخيص الجهات الأخرى نيابةً عنك. تتابع كل شيء في صفحة واحدة.
bundle-declaration = أُقرّ بأن البيانات صحيحة وبأنه يحق لي تمثيل الشركة.
bundle-submit = أرسل الطلب
bundle-draft-line = طلب { $organisation }
bundle-draft-saved = حُفظ { $date }، ويُحفظ حتى { $expires }
bundle-my-title = الطلبات المجمّعة للشركات
bundle-status-title = الطلب المجمّع { $number }
bundle-progress = صدر القرار في { $decided } من { $total } تراخيص
bundle-all-decided = صدرت القرارات في جميع التراخيص
bundle-submitted = أُرسل
bundle-coordinator = مرشد الأعمال
bundle-coordinator-none = سيُعيَّن قريباً
bundle-applicant = مقدّم الطلب
bundle-parts-title = التراخيص
bundle-parts-caption = كل ترخيص مع حالته والموظف المسؤول والخطوة التالية
bundle-col-permit = الترخيص
bundle-col-holder = لدى
bundle-col-case = القضية
bundle-col-status = الحالة
bundle-col-due = القرار في موعد أقصاه
bundle-col-next = الخطوة التالية
bundle-col-number = الرقم
bundle-col-progress = صدر فيها قرار
bundle-col-messages = الرسائل
bundle-holder-authority = { $name } (عن طريق فريق مرشدي الأعمال)
bundle-waiting-for = بانتظار: { $name }
bundle-on-hold = معلّق: لم يُمنح { $name }. سيتواصل معك فريق مرشدي الأعمال بشأن الخطوات التالية.
bundle-next-submitted = ستبدأ الإدارة في معالجة القضية.
bundle-next-in-progress = القضية قيد المعالجة. لا يلزمك فعل شيء الآن.
bundle-next-completion = عليك استكمال المعلومات – أجب أدناه.
bundle-next-decided = القرار جاهز.
bundle-next-withdrawn = لقد سحبت الطلب.
bundle-next-authority = أرسلت المدينة الطلب إلى الجهة المختصة وستسجّل ردّها هنا.
bundle-read-decision = اقرأ القرار
bundle-completions-title = طلبات استكمال تنتظر ردّك
bundle-inbox-title = الرسائل
bundle-inbox-intro = تصل الرسالة هنا إلى مرشد الأعمال الخاص بك، الذي ينسّق مع جميع الإدارات.
bundle-message-label = اكتب إلى مرشد الأعمال
bundle-message-label-coordinator = اكتب إلى مقدّم الطلب (باسم جميع الإدارات)
bundle-error-message = اكتب رسالة (4000 حرف كحد أقصى).
bundle-from-guide-team = فريق مرشدي الأعمال
bundle-saved-submitted = شكراً! أُرسل طلبك. أصبح كل ترخيص الآن قضية لدى الجهة التي تبتّ فيه.
bundle-saved-message = أُرسلت الرسالة.
bundle-saved-completion = شكراً! أُرسل الاستكمال.
bundle-saved-referral = سُجّل ردّ الجهة المختصة.
bundle-saved-statement = أُرسل طلب الرأي.
bundle-saved-statement-answer = أُرسل الرأي.
bundle-saved-stale = غيّر شخص آخر القضية في الوقت نفسه. انظر الحالة الحالية أدناه.
bundle-saved-not-possible = لم يكن ذلك ممكناً الآن لأن حالة القضية تغيّرت.
bundle-fact-premises-address = عنوان النشاط
bundle-fact-opening-date = تاريخ البدء
bundle-fact-opening-hours = ساعات العمل
bundle-fact-contact-phone = هاتف الشخص المسؤول عن التواصل
bundle-event-submitted = أُرسل الطلب
bundle-event-part-filed = { $permit }: أُنشئت القضية { $detail }
bundle-event-referral-sent = { $permit }: أُرسل إلى { $detail }
bundle-event-referral-answered = { $permit }: سُجّل ردّ الجهة المختصة ({ $detail })
bundle-event-part-decided = { $permit }: القرار ({ $detail })
bundle-event-part-withdrawn = { $permit }: سُحب
bundle-event-part-on-hold = { $permit }: معلّق لأن { $detail } لم يُمنح
bundle-event-all-decided = صدرت القرارات في جميع التراخيص
bundle-event-message = رسالة
bundle-event-statement-requested = { $permit }: طُلب رأي { $detail }
bundle-event-statement-answered = { $permit }: رأي { $detail }
bundle-officer-title = الطلبات المجمّعة
bundle-officer-intro = الطلبات التي تعالج فيها إدارتك أحد التراخيص. ترى حالة جميع الأجزاء وقضيتك كاملة.
bundle-officer-intro-coordinator = جميع الطلبات المجمّعة. بصفتك مرشد أعمال ترى جميع الأجزاء، وتكتب إلى مقدّم الطلب باسم جميع الإدارات، وتسجّل ردود الجهات الأخرى.
bundle-officer-none = لا توجد طلبات مجمّعة حالياً.
bundle-officer-own-unit = ترى قضايا الإدارات الأخرى كحالة فقط. افتح قضيتك من رقمها.
bundle-unread = { $count } غير مقروءة
bundle-part-of = جزء من طلب مجمّع
bundle-decide-waits = ينتظر هذا الترخيص ترخيصاً آخر في الطلب نفسه ولا يمكن منحه قبل منح ذلك الترخيص. يمكنك الرفض أو الانتظار.
bundle-decide-on-hold = هذا الترخيص معلّق لأن ترخيصاً يعتمد عليه لم يُمنح. لا يمكن البتّ فيه الآن؛ سيتواصل فريق مرشدي الأعمال مع مقدّم الطلب.
bundle-error-held = ينتظر هذا الترخيص ترخيصاً آخر في الطلب ولا يمكن البتّ فيه بعد.
bundle-referral-title = ردّ الجهة المختصة: { $permit }
bundle-referral-outcome = قرار الجهة المختصة
bundle-referral-text = قرار الجهة المختصة باختصار (مع رقم قيدها)
bundle-referral-record = سجّل الردّ
bundle-error-referral-text = اكتب قرار الجهة المختصة باختصار.
bundle-statements-title = طلبات الرأي
bundle-statements-none = لا توجد طلبات رأي.
bundle-statement-route = من { $from } إلى { $to } بشأن { $case } ({ $who })
bundle-statement-due = الرد في موعد أقصاه { $date }
bundle-statement-overdue = متأخر – كان يجب الرد في موعد أقصاه { $date }
bundle-statement-answered = ردّ عليه { $who }
bundle-statement-answer = رأيكم
bundle-statement-send = أرسل الرأي
bundle-statement-request = اطلب رأي إدارة أخرى
bundle-statement-case = بشأن القضية
bundle-statement-unit = إلى الإدارة
bundle-statement-question = السؤال
bundle-statement-due-label = الرد في موعد أقصاه
bundle-statement-ask = أرسل الطلب
bundle-error-statement-unit = اختر إدارة أخرى في الطلب نفسه.
bundle-error-statement-question = اكتب السؤال (5 أحرف على الأقل).
bundle-error-statement-answer = اكتب رأيكم.
notify-bundle-receipt-subject = استلمنا طلبك المجمّع { $case_number }
notify-bundle-receipt-body =
    مرحباً،

    استلمنا طلبك { $case_number } الخاص بـ { $count } تراخيص. أصبح كل ترخيص الآن قضية لدى الجهة التي تبتّ فيه، ويتولى مرشد الأعمال التنسيق.

    تابع كل شيء في مكان واحد: { $link }
notify-bundle-message-subject = رسالة جديدة بشأن طلبك { $case_number }
notify-bundle-message-body =
    مرحباً،

    كتب مرشد الأعمال رسالة بشأن الطلب { $case_number }.

    اقرأها في صفحاتي: { $link }
notify-referral-subject = إحالة من مدينة ستوكهولم: { $service } ({ $case_number })
notify-referral-body =
    الموضوع: { $service }

    تحيل مدينة ستوكهولم طلباً من { $organisation_name } ({ $organisation }) ورد عن طريق فريق مرشدي الأعمال في المدينة، الطلب المجمّع { $bundle_number }.

    اذكروا رقم قضية المدينة { $case_number } في ردّكم وأرسلوا الرد إلى فريق مرشدي الأعمال.

    يرد الطلب كاملاً أدناه. المرفقات محفوظة لدى المدينة، ويرسلها فريق مرشدي الأعمال عند الطلب.
