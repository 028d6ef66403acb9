## واجهة برمجة Stadsporten لأنظمة المدينة الأخرى (/api/v1/docs)

api-docs-title = واجهة برمجة Stadsporten
api-docs-intro = تقرأ أنظمة المدينة الأخرى هنا دليل الخدمات ورسائل التشغيل وقضايا الإدارة. يحصل النظام على مفتاح من Stadsporten ويستخدمه للحصول على رمز وصول. وصف كل استدعاء باللغة الإنجليزية.
api-docs-json = الوصف بصيغة OpenAPI 3.1 (JSON)
api-docs-scopes = الصلاحيات
api-docs-operations = الاستدعاءات
api-docs-needs = يتطلب
api-docs-parameters = المعاملات
api-docs-name = الاسم
api-docs-in = الموضع
api-docs-description = الوصف
api-docs-responses = الاستجابات
api-docs-status = الحالة
