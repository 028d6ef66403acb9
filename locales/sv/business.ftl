# Företagsguiden (/business) och checklistan.
business-caption = Starta och driva företag
business-title = Vilka tillstånd behöver din verksamhet?
business-intro = Svara på några frågor om verksamheten, så listar vi alla tillstånd och anmälningar den behöver, vem som beslutar, hur lång tid det tar och vad det kostar. Du behöver inte logga in.
business-notice-malformed = Adressen gick inte att läsa, så vi började om från första frågan.
business-notice-dropped = Några svar i länken kände vi inte igen, så de togs bort. Dina övriga svar finns kvar.
business-answer-yes = Ja
business-answer-no = Nej
business-answer-none = Inte angivet
business-error-answer = Svara på frågan: { $question }
business-next = Nästa
business-answers-title = Dina svar
business-change = Ändra
business-change-answer = Ändra svaret på: { $question }
business-restart = Börja om från början
business-catch-all-title = Vi hjälper dig personligen
business-catch-all-text = Din verksamhet passar inte in i guidens frågor. Företagslotsen tar reda på vilka tillstånd du behöver och hjälper dig med ansökningarna.
business-catch-all-link = Kontakta Företagslotsen
business-contradictions-title = Några svar går inte ihop
business-contradictions-text = Ändra ett av svaren nedan, så fortsätter guiden.
business-result-title = { $count ->
    [0] Verksamheten behöver inga tillstånd
    [one] Verksamheten behöver 1 tillstånd
   *[other] Verksamheten behöver { $count } tillstånd och anmälningar
}
business-result-order = Sök i den här ordningen
business-responsible = Beslutar
business-responsible-external = { $name } (staden skickar din ansökan vidare)
business-legal-basis = Lagstöd
business-handling = Handläggningstid
business-handling-statutory = { $days } dagar från komplett ansökan (enligt lag)
business-handling-promised = { $days } dagar från komplett ansökan (stadens löfte)
business-fee = Avgift
business-documents = Handlingar att bifoga
business-documents-none = Inga
business-waits-for = Väntar på: { $names }
business-more = Läs mer om tjänsten
business-notes-title = Bra att veta
business-checklist-link = Utskriftsvänlig checklista
business-rules-version = Framtaget med företagsguidens regler, version { $version }.
business-checklist-title = Checklista för tillstånd
business-checklist-intro = { $count ->
    [one] 1 tillstånd att söka, med handlingarna att ta fram.
   *[other] { $count } tillstånd och anmälningar att söka, med handlingarna att ta fram.
}
business-checklist-incomplete = Checklistan visas när du har svarat på guidens frågor.
business-checklist-back = Tillbaka till guiden
