# En ansökan för alla tillstånd (samlad ansökan, issue 6).
bundle-caption = Samlad ansökan
bundle-offer-title = Ansök om allt på en gång
bundle-offer-text = Fyll i en enda ansökan för alla tillstånd i listan. Gemensamma uppgifter och dokument lämnar du bara en gång, och en företagslots samordnar handläggningen mellan förvaltningarna.
bundle-sign-in-to-apply = Logga in för att ansöka
bundle-needs-mandate = För att ansöka för ett företag behöver du vara behörig företrädare för det. Du saknar behörighet för något företag. Kontakta företagslotsen om du tror att det är fel.
bundle-choose-organisation = Vilket företag ansöker du för?
bundle-start = Starta en ansökan för alla { $count } tillstånd
bundle-continue-draft = Fortsätt ansökan för { $organisation } (sparad { $date })
bundle-error-organisation = Välj ett av företagen i listan.
bundle-error-no-mandate = Du är inte behörig att företräda det företaget. Välj ett företag du företräder, eller be den som är firmatecknare om behörighet.
bundle-apply-title = Din ansökan
bundle-apply-intro = Gör klart varje del i valfri ordning. Allt sparas när du går vidare, och du kan fortsätta senare från Mina sidor.
bundle-tasks-done = { $done } av { $count } delar klara.
bundle-task-facts = Gemensamma uppgifter
bundle-task-documents = Dokument
bundle-task-done = Klar
bundle-task-todo = Inte klar
bundle-task-nothing = Inget mer att fylla i
bundle-go-check = Kontrollera och skicka in
bundle-not-ready = När alla delar är klara kan du kontrollera och skicka in ansökan.
bundle-expires = Ansökan sparas till { $date } om du inte fortsätter med den.
bundle-discard = Ta bort ansökan
bundle-saved = Dina uppgifter är sparade.
bundle-facts-title = Gemensamma uppgifter
bundle-facts-intro = De här uppgifterna används i alla tillstånd: { $permits }.
bundle-organisation = Företag
bundle-contact-person = Kontaktperson
bundle-documents-title = Dokument
bundle-documents-intro = Ladda upp varje dokument en gång. Det bifogas alla tillstånd som behöver det.
bundle-document-for = Behövs för: { $permits }.
bundle-document-choose = Välj fil: { $name }
bundle-documents-done = Tillbaka till ansökan
bundle-check-title = Kontrollera din ansökan
bundle-permit-nothing-more = Inga fler frågor för det här tillståndet.
bundle-incomplete-title = Det här behöver du göra klart innan du kan skicka in
bundle-submit-explained = När du skickar in blir varje tillstånd ett ärende hos den förvaltning som beslutar. Tillstånd från andra myndigheter skickar staden vidare åt dig. Du följer allt på en sida.
bundle-declaration = Jag intygar att uppgifterna är riktiga och att jag har rätt att företräda företaget.
bundle-submit = Skicka in ansökan
bundle-draft-line = Ansökan för { $organisation }
bundle-draft-saved = sparad { $date }, sparas till { $expires }
bundle-my-title = Samlade ansökningar för företag
bundle-status-title = Samlad ansökan { $number }
bundle-progress = { $decided } av { $total } tillstånd beslutade
bundle-all-decided = Alla tillstånd är beslutade
bundle-submitted = Inskickad
bundle-coordinator = Företagslots
bundle-coordinator-none = Utses inom kort
bundle-applicant = Sökande
bundle-parts-title = Tillstånden
bundle-parts-caption = Varje tillstånd med status, handläggare och nästa steg
bundle-col-permit = Tillstånd
bundle-col-holder = Hos
bundle-col-case = Ärende
bundle-col-status = Status
bundle-col-due = Beslut senast
bundle-col-next = Nästa steg
bundle-col-number = Nummer
bundle-col-progress = Beslutade
bundle-col-messages = Meddelanden
bundle-holder-authority = { $name } (via företagslotsen)
bundle-waiting-for = Väntar på: { $name }
bundle-on-hold = Vilande: { $name } beviljades inte. Företagslotsen kontaktar dig om hur du går vidare.
bundle-next-submitted = Förvaltningen börjar handlägga ärendet.
bundle-next-in-progress = Ärendet handläggs. Du behöver inte göra något nu.
bundle-next-completion = Du behöver komplettera – svara nedan.
bundle-next-decided = Beslutet är klart.
bundle-next-withdrawn = Du har återkallat ansökan.
bundle-next-authority = Staden har skickat ansökan till myndigheten och för in svaret här.
bundle-read-decision = Läs beslutet
bundle-completions-title = Kompletteringar att svara på
bundle-inbox-title = Meddelanden
bundle-inbox-intro = Ett meddelande här når din företagslots, som samordnar med alla förvaltningar.
bundle-message-label = Skriv till din företagslots
bundle-message-label-coordinator = Skriv till den sökande (för alla förvaltningar)
bundle-error-message = Skriv ett meddelande (högst 4 000 tecken).
bundle-from-guide-team = Företagslotsen
bundle-saved-submitted = Tack! Din ansökan är inskickad. Varje tillstånd är nu ett ärende hos den som beslutar.
bundle-saved-message = Meddelandet är skickat.
bundle-saved-completion = Tack! Kompletteringen är skickad.
bundle-saved-referral = Myndighetens svar är registrerat.
bundle-saved-statement = Remissen är skickad.
bundle-saved-statement-answer = Yttrandet är skickat.
bundle-saved-stale = Någon annan ändrade ärendet samtidigt. Se den aktuella statusen nedan.
bundle-saved-not-possible = Det gick inte just nu, eftersom ärendets status har ändrats.
bundle-fact-premises-address = Verksamhetens adress
bundle-fact-opening-date = Startdatum
bundle-fact-opening-hours = Öppettider
bundle-fact-contact-phone = Telefon till kontaktperson
bundle-event-submitted = Ansökan skickades in
bundle-event-part-filed = { $permit }: ärende { $detail } skapat
bundle-event-referral-sent = { $permit }: skickad till { $detail }
bundle-event-referral-answered = { $permit }: myndighetens svar registrerat ({ $detail })
bundle-event-part-decided = { $permit }: beslut ({ $detail })
bundle-event-part-withdrawn = { $permit }: återkallad
bundle-event-part-on-hold = { $permit }: vilande eftersom { $detail } inte beviljades
bundle-event-all-decided = Alla tillstånd är beslutade
bundle-event-message = Meddelande
bundle-event-statement-requested = { $permit }: remiss till { $detail }
bundle-event-statement-answered = { $permit }: yttrande från { $detail }
bundle-officer-title = Samlade ansökningar
bundle-officer-intro = Ansökningar där din förvaltning handlägger ett av tillstånden. Du ser alla delars status och ditt eget ärende i sin helhet.
bundle-officer-intro-coordinator = Alla samlade ansökningar. Som företagslots ser du alla delar, skriver till den sökande för alla förvaltningar och registrerar andra myndigheters svar.
bundle-officer-none = Inga samlade ansökningar just nu.
bundle-officer-own-unit = Du ser andra förvaltningars ärenden bara som status. Ditt eget ärende öppnar du via ärendenumret.
bundle-unread = { $count } olästa
bundle-part-of = Del av en samlad ansökan
bundle-decide-waits = Tillståndet väntar på ett annat tillstånd i samma ansökan och kan inte beviljas förrän det är beviljat. Du kan avslå eller vänta.
bundle-decide-on-hold = Tillståndet är vilande eftersom ett tillstånd det bygger på inte beviljades. Det kan inte beslutas nu; företagslotsen tar kontakt med den sökande.
bundle-error-held = Tillståndet väntar på ett annat tillstånd i ansökan och kan inte beslutas ännu.
bundle-referral-title = Svar från myndigheten: { $permit }
bundle-referral-outcome = Myndighetens beslut
bundle-referral-text = Myndighetens beslut i korthet (med deras diarienummer)
bundle-referral-record = Registrera svaret
bundle-error-referral-text = Skriv myndighetens beslut i korthet.
bundle-statements-title = Remisser
bundle-statements-none = Inga remisser.
bundle-statement-route = från { $from } till { $to } om { $case } ({ $who })
bundle-statement-due = Svar senast { $date }
bundle-statement-overdue = Försenad – skulle besvaras senast { $date }
bundle-statement-answered = Besvarad av { $who }
bundle-statement-answer = Ert yttrande
bundle-statement-send = Skicka yttrandet
bundle-statement-request = Begär yttrande från en annan förvaltning
bundle-statement-case = Gäller ärende
bundle-statement-unit = Till förvaltning
bundle-statement-question = Fråga
bundle-statement-due-label = Svar senast
bundle-statement-ask = Skicka remissen
bundle-error-statement-unit = Välj en annan förvaltning i samma ansökan.
bundle-error-statement-question = Skriv frågan (minst 5 tecken).
bundle-error-statement-answer = Skriv ert yttrande.
notify-bundle-receipt-subject = Vi har tagit emot din samlade ansökan { $case_number }
notify-bundle-receipt-body =
    Hej!

    Vi har tagit emot din ansökan { $case_number } om { $count } tillstånd. Varje tillstånd är nu ett ärende hos den som beslutar, och en företagslots samordnar.

    Följ allt på ett ställe: { $link }
notify-bundle-message-subject = Nytt meddelande om din ansökan { $case_number }
notify-bundle-message-body =
    Hej!

    Din företagslots har skrivit ett meddelande om ansökan { $case_number }.

    Läs det i Mina sidor: { $link }
notify-referral-subject = Remiss från Stockholms stad: { $service } ({ $case_number })
notify-referral-body =
    Ärende: { $service }

    Stockholms stad skickar en ansökan från { $organisation_name } ({ $organisation }) som kommit in genom stadens företagslots, samlad ansökan { $bundle_number }.

    Ange stadens ärendenummer { $case_number } i ert svar och skicka svaret till företagslotsen.

    Ansökan i sin helhet följer nedan. Bilagorna finns hos staden; företagslotsen skickar dem på begäran.
