# One application for every permit (bundle, issue 6).
bundle-caption = One application
bundle-offer-title = Apply for everything at once
bundle-offer-text = Fill in a single application for every permit in the list. You give shared details and documents only once, and a business guide coordinates the handling between the city's administrations.
bundle-sign-in-to-apply = Sign in to apply
bundle-needs-mandate = To apply for a company you must be authorised to represent it. You are not authorised for any company. Contact the business guide team if you think this is wrong.
bundle-choose-organisation = Which company are you applying for?
bundle-start = Start one application for all { $count } permits
bundle-continue-draft = Continue the application for { $organisation } (saved { $date })
bundle-error-organisation = Choose one of the companies in the list.
bundle-error-no-mandate = You are not authorised to represent that company. Choose a company you represent, or ask an authorised signatory for a mandate.
bundle-apply-title = Your application
bundle-apply-intro = Complete each part in any order. Everything is saved as you go on, and you can continue later from My pages.
bundle-tasks-done = { $done } of { $count } parts complete.
bundle-task-facts = Shared details
bundle-task-documents = Documents
bundle-task-done = Complete
bundle-task-todo = Not complete
bundle-task-nothing = Nothing more to fill in
bundle-go-check = Check and submit
bundle-not-ready = When every part is complete you can check and submit the application.
bundle-expires = The application is kept until { $date } unless you continue with it.
bundle-discard = Delete the application
bundle-saved = Your details are saved.
bundle-facts-title = Shared details
bundle-facts-intro = These details are used in every permit: { $permits }.
bundle-organisation = Company
bundle-contact-person = Contact person
bundle-documents-title = Documents
bundle-documents-intro = Upload each document once. It is attached to every permit that needs it.
bundle-document-for = Needed for: { $permits }.
bundle-document-choose = Choose a file: { $name }
bundle-documents-done = Back to the application
bundle-check-title = Check your application
bundle-permit-nothing-more = No further questions for this permit.
bundle-incomplete-title = Complete these before you can submit
bundle-submit-explained = When you submit, each permit becomes a case with the administration that decides it. The city forwards permits from other authorities for you. You follow everything on one page.
bundle-declaration = I declare that the information is correct and that I may represent the company.
bundle-submit = Submit the application
bundle-draft-line = Application for { $organisation }
bundle-draft-saved = saved { $date }, kept until { $expires }
bundle-my-title = Combined applications for companies
bundle-status-title = Combined application { $number }
bundle-progress = { $decided } of { $total } permits decided
bundle-all-decided = All permits are decided
bundle-submitted = Submitted
bundle-coordinator = Business guide
bundle-coordinator-none = To be appointed shortly
bundle-applicant = Applicant
bundle-parts-title = The permits
bundle-parts-caption = Each permit with its status, officer and next step
bundle-col-permit = Permit
bundle-col-holder = Handled by
bundle-col-case = Case
bundle-col-status = Status
bundle-col-due = Decision by
bundle-col-next = Next step
bundle-col-number = Number
bundle-col-progress = Decided
bundle-col-messages = Messages
bundle-holder-authority = { $name } (through the business guide team)
bundle-waiting-for = Waiting for: { $name }
bundle-on-hold = On hold: { $name } was not granted. The business guide team will contact you about how to go on.
bundle-next-submitted = The administration will start handling the case.
bundle-next-in-progress = The case is being handled. You need do nothing now.
bundle-next-completion = You need to add information – answer below.
bundle-next-decided = The decision is ready.
bundle-next-withdrawn = You withdrew the application.
bundle-next-authority = The city has sent the application to the authority and records its answer here.
bundle-read-decision = Read the decision
bundle-completions-title = Requests for more information
bundle-inbox-title = Messages
bundle-inbox-intro = A message here reaches your business guide, who coordinates with every administration.
bundle-message-label = Write to your business guide
bundle-message-label-coordinator = Write to the applicant (for all administrations)
bundle-error-message = Write a message (at most 4,000 characters).
bundle-from-guide-team = The business guide team
bundle-saved-submitted = Thank you! Your application is submitted. Each permit is now a case with whoever decides it.
bundle-saved-message = The message is sent.
bundle-saved-completion = Thank you! Your additional information is sent.
bundle-saved-referral = The authority's answer is recorded.
bundle-saved-statement = The request for a statement is sent.
bundle-saved-statement-answer = The statement is sent.
bundle-saved-stale = Someone else changed the case at the same time. See the current status below.
bundle-saved-not-possible = That was not possible just now, because the case's status has changed.
bundle-fact-premises-address = Address of the business
bundle-fact-opening-date = Start date
bundle-fact-opening-hours = Opening hours
bundle-fact-contact-phone = Contact person's phone
bundle-event-submitted = The application was submitted
bundle-event-part-filed = { $permit }: case { $detail } created
bundle-event-referral-sent = { $permit }: sent to { $detail }
bundle-event-referral-answered = { $permit }: the authority's answer recorded ({ $detail })
bundle-event-part-decided = { $permit }: decision ({ $detail })
bundle-event-part-withdrawn = { $permit }: withdrawn
bundle-event-part-on-hold = { $permit }: on hold because { $detail } was not granted
bundle-event-all-decided = All permits are decided
bundle-event-message = Message
bundle-event-statement-requested = { $permit }: statement requested from { $detail }
bundle-event-statement-answered = { $permit }: statement from { $detail }
bundle-officer-title = Combined applications
bundle-officer-intro = Applications in which your administration handles one of the permits. You see every part's status and your own case in full.
bundle-officer-intro-coordinator = All combined applications. As business guide you see every part, write to the applicant for all administrations and record other authorities' answers.
bundle-officer-none = No combined applications at the moment.
bundle-officer-own-unit = You see other administrations' cases only as a status. Open your own case through its case number.
bundle-unread = { $count } unread
bundle-part-of = Part of a combined application
bundle-decide-waits = This permit waits for another permit in the same application and cannot be granted until that one is. You may reject it or wait.
bundle-decide-on-hold = This permit is on hold because a permit it depends on was not granted. It cannot be decided now; the business guide team will contact the applicant.
bundle-error-held = This permit waits for another permit in the application and cannot be decided yet.
bundle-referral-title = The authority's answer: { $permit }
bundle-referral-outcome = The authority's decision
bundle-referral-text = The authority's decision in brief (with its reference number)
bundle-referral-record = Record the answer
bundle-error-referral-text = Write the authority's decision in brief.
bundle-statements-title = Requests for statements
bundle-statements-none = No requests for statements.
bundle-statement-route = from { $from } to { $to } about { $case } ({ $who })
bundle-statement-due = Answer by { $date }
bundle-statement-overdue = Late – was to be answered by { $date }
bundle-statement-answered = Answered by { $who }
bundle-statement-answer = Your statement
bundle-statement-send = Send the statement
bundle-statement-request = Ask another administration for a statement
bundle-statement-case = About case
bundle-statement-unit = To administration
bundle-statement-question = Question
bundle-statement-due-label = Answer by
bundle-statement-ask = Send the request
bundle-error-statement-unit = Choose another administration in the same application.
bundle-error-statement-question = Write the question (at least 5 characters).
bundle-error-statement-answer = Write your statement.
notify-bundle-receipt-subject = We have received your combined application { $case_number }
notify-bundle-receipt-body =
    Hello,

    We have received your application { $case_number } for { $count } permits. Each permit is now a case with whoever decides it, and a business guide coordinates.

    Follow everything in one place: { $link }
notify-bundle-message-subject = New message about your application { $case_number }
notify-bundle-message-body =
    Hello,

    Your business guide has written a message about application { $case_number }.

    Read it in My pages: { $link }
notify-referral-subject = Referral from the City of Stockholm: { $service } ({ $case_number })
notify-referral-body =
    Subject: { $service }

    The City of Stockholm forwards an application from { $organisation_name } ({ $organisation }) received through the city's business guide team, combined application { $bundle_number }.

    Quote the city's case number { $case_number } in your answer and send the answer to the business guide team.

    The application in full follows below. The attachments are held by the city; the business guide team sends them on request.
