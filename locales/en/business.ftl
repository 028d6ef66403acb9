# The business guide (/business) and its checklist.
business-caption = Starting and running a business
business-title = Which permits does your business need?
business-intro = Answer a few questions about the business and we list every permit and notification it needs, who decides, how long it takes and what it costs. You do not need to sign in.
business-notice-malformed = The address could not be read, so we started again from the first question.
business-notice-dropped = Some answers in the link were not recognised and were left out. Your other answers are kept.
business-answer-yes = Yes
business-answer-no = No
business-answer-none = Not given
business-error-answer = Answer the question: { $question }
business-next = Next
business-answers-title = Your answers
business-change = Change
business-change-answer = Change the answer to: { $question }
business-restart = Start again
business-catch-all-title = We will help you in person
business-catch-all-text = Your business does not fit the guide's questions. The business guide team finds out which permits you need and helps you with the applications.
business-catch-all-link = Contact the business guide team
business-contradictions-title = Some answers do not fit together
business-contradictions-text = Change one of the answers below and the guide will continue.
business-result-title = { $count ->
    [0] The business needs no permits
    [one] The business needs 1 permit
   *[other] The business needs { $count } permits and notifications
}
business-result-order = Apply in this order
business-responsible = Decided by
business-responsible-external = { $name } (the city forwards your application)
business-legal-basis = Legal basis
business-handling = Handling time
business-handling-statutory = { $days } days from a complete application (set by law)
business-handling-promised = { $days } days from a complete application (the city's promise)
business-fee = Fee
business-documents = Documents to attach
business-documents-none = None
business-waits-for = Waits for: { $names }
business-more = Read more about the service
business-notes-title = Good to know
business-checklist-link = Printable checklist
business-rules-version = Derived with the business guide's rules, version { $version }.
business-checklist-title = Permit checklist
business-checklist-intro = { $count ->
    [one] 1 permit to apply for, with the documents to prepare.
   *[other] { $count } permits and notifications to apply for, with the documents to prepare.
}
business-checklist-incomplete = The checklist is shown once you have answered the guide's questions.
business-checklist-back = Back to the guide
