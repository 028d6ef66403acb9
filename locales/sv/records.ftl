## Det här vet vi om dig (/my/data) och registerutdraget

my-data-intro = Se vilka uppgifter Stadsporten har om dig, varför och hur länge, och ladda ner en kopia av allt.
my-data-link = Det här vet vi om dig
mydata-title = Det här vet vi om dig
mydata-intro = Här ser du vilka uppgifter Stockholms stad har om dig i Stadsporten, varför vi har dem och hur länge de sparas. Du kan ladda ner en kopia av allt.
mydata-held-heading = Uppgifter vi har
mydata-held-caption = Uppgifter om dig, varför vi har dem och hur länge de sparas
mydata-col-what = Uppgifter
mydata-col-why = Varför
mydata-col-kept = Hur länge
mydata-kind-profile = Namn, personnummer och kontaktuppgifter
mydata-kind-cases = { $count ->
    [one] 1 ärende med svar, meddelanden och beslut
   *[other] { $count } ärenden med svar, meddelanden och beslut
}
mydata-kind-files = { $count ->
    [one] 1 fil
   *[other] { $count } filer
}
mydata-kind-drafts = { $count ->
    [one] 1 påbörjad ansökan
   *[other] { $count } påbörjade ansökningar
}
mydata-kind-errands = { $count ->
    [one] 1 kontakt med kontaktcenter
   *[other] { $count } kontakter med kontaktcenter
}
mydata-kind-lookups = { $count ->
    [one] 1 gång har kontaktcenter slagit upp dig
   *[other] { $count } gånger har kontaktcenter slagit upp dig
}
mydata-kind-access = { $count ->
    [one] 1 händelse i loggen om vem som läst eller ändrat dina uppgifter
   *[other] { $count } händelser i loggen om vem som läst eller ändrat dina uppgifter
}
mydata-why-profile = För att veta vem du är när du loggar in och kunna kontakta dig om dina ärenden.
mydata-why-cases = För att handlägga det du har ansökt om eller berättat för oss.
mydata-why-drafts = För att du ska kunna fortsätta där du slutade.
mydata-why-errands = För att kunna hjälpa dig när du kontaktar oss och följa upp att du får svar.
mydata-why-lookups = Du ska kunna se när och varför kontaktcenter har tittat på dina uppgifter.
mydata-why-access = För att skydda dina uppgifter: varje läsning och ändring loggas.
mydata-kept-profile = Så länge du har ärenden hos oss eller använder Stadsporten.
mydata-kept-cases = Enligt stadens dokumenthanteringsplan för varje tjänst: gallras efter en bestämd tid eller bevaras i stadsarkivet.
mydata-kept-drafts = { $days } dagar efter att du senast sparade, sedan raderas den.
mydata-kept-errands = Enligt dokumenthanteringsplanen för kontaktcenter.
mydata-kept-lookups = Lika länge som loggen.
mydata-kept-access = Loggen kan inte ändras och sparas enligt dokumenthanteringsplanen.
mydata-legal-basis = Vi behandlar uppgifterna för att utföra uppgifter av allmänt intresse och som myndighetsutövning (artikel 6.1 e i dataskyddsförordningen) och för att följa lagar som förvaltningslagen och arkivlagen (artikel 6.1 c). Personuppgiftsansvarig är den nämnd som handlägger ditt ärende.
mydata-internal-notes = Handläggares interna anteckningar ingår inte i utdraget. Du kan begära dem hos den enhet som har ditt ärende; de lämnas ut efter sekretessprövning.
mydata-download-heading = Ladda ner en kopia (registerutdrag)
mydata-download-intro = Kopian innehåller allt ovan. Den läsbara versionen går att skriva ut. Den maskinläsbara versionen (JSON) kan du flytta till ett annat system.
mydata-download-html = Ladda ner läsbar kopia (HTML)
mydata-download-json = Ladda ner maskinläsbar kopia (JSON)
mydata-correct-heading = Är något fel?
mydata-correct-intro = Om en uppgift om dig är fel kan du begära att den rättas. Skriv vad som är fel och vad som är rätt, så går begäran som ett ärende till den enhet som ansvarar för uppgiften.
mydata-correct-link = Begär rättelse
mydata-rights = Du har också rätt att begära att uppgifter raderas eller att behandlingen begränsas, och att klaga hos Integritetsskyddsmyndigheten (IMY).

extract-title = Registerutdrag från Stadsporten
extract-intro = Det här är allt Stadsporten har om dig när utdraget skapades.
extract-generated = Skapat
extract-profile = Om dig
extract-email = E-postadress
extract-address = Folkbokföringsadress
extract-organisations = Företag du företräder
extract-cases = Ärenden
extract-case-facts = Om ärendet
extract-unit = Enhet
extract-status = Status
extract-submitted = Skickat
extract-closed = Avslutat
extract-answers = Dina svar
extract-timeline = Händelser
extract-messages = Meddelanden
extract-decision = Beslut
extract-files = Filer
extract-file-name = Filnamn
extract-size = Storlek (byte)
extract-when = När
extract-what = Vad
extract-from = Från
extract-text = Text
extract-outcome = Utfall
extract-drafts = Påbörjade ansökningar
extract-service = Tjänst
extract-errands = Kontakter med kontaktcenter
extract-number = Nummer
extract-lookups = När kontaktcenter slog upp dig
extract-reason = Skäl
extract-access = Vem som läst eller ändrat dina uppgifter
extract-by = Av
