# Yksi hakemus kaikista luvista (koottu hakemus, issue 6).
bundle-caption = Koottu hakemus
bundle-offer-title = Hae kaikkea kerralla
bundle-offer-text = Täytä yksi hakemus kaikista luettelon luvista. Annat yhteiset tiedot ja asiakirjat vain kerran, ja yritysluotsi koordinoi käsittelyä hallintojen välillä.
bundle-sign-in-to-apply = Kirjaudu sisään hakeaksesi
bundle-needs-mandate = Hakeaksesi yrityksen puolesta sinun on oltava sen valtuutettu edustaja. Sinulla ei ole valtuutusta yhteenkään yritykseen. Ota yhteyttä yritysluotseihin, jos tämä on mielestäsi virhe.
bundle-choose-organisation = Minkä yrityksen puolesta haet?
bundle-start = Aloita yksi hakemus kaikista { $count } luvasta
bundle-continue-draft = Jatka yrityksen { $organisation } hakemusta (tallennettu { $date })
bundle-error-organisation = Valitse jokin luettelon yrityksistä.
bundle-error-no-mandate = Sinulla ei ole valtuutusta edustaa kyseistä yritystä. Valitse yritys, jota edustat, tai pyydä valtuutusta nimenkirjoittajalta.
bundle-apply-title = Hakemuksesi
bundle-apply-intro = Täytä kukin osa haluamassasi järjestyksessä. Kaikki tallentuu, kun jatkat, ja voit jatkaa myöhemmin Omilta sivuilta.
bundle-tasks-done = { $done }/{ $count } osaa valmiina.
bundle-task-facts = Yhteiset tiedot
bundle-task-documents = Asiakirjat
bundle-task-done = Valmis
bundle-task-todo = Kesken
bundle-task-nothing = Ei täytettävää
bundle-go-check = Tarkista ja lähetä
bundle-not-ready = Kun kaikki osat ovat valmiina, voit tarkistaa ja lähettää hakemuksen.
bundle-expires = Hakemus säilytetään { $date } asti, ellet jatka sitä.
bundle-discard = Poista hakemus
bundle-saved = Tietosi on tallennettu.
bundle-facts-title = Yhteiset tiedot
bundle-facts-intro = Näitä tietoja käytetään kaikissa luvissa: { $permits }.
bundle-organisation = Yritys
bundle-contact-person = Yhteyshenkilö
bundle-documents-title = Asiakirjat
bundle-documents-intro = Lataa kukin asiakirja kerran. Se liitetään kaikkiin lupiin, jotka sitä tarvitsevat.
bundle-document-for = Tarvitaan: { $permits }.
bundle-document-choose = Valitse tiedosto: { $name }
bundle-documents-done = Takaisin hakemukseen
bundle-check-title = Tarkista hakemuksesi
bundle-permit-nothing-more = Tähän lupaan ei ole enempää kysymyksiä.
bundle-incomplete-title = Täydennä nämä ennen lähettämistä
bundle-submit-explained = Kun lähetät hakemuksen, jokaisesta luvasta tulee asia sille hallinnolle, joka päättää siitä. Kaupunki välittää muiden viranomaisten luvat puolestasi. Seuraat kaikkea yhdellä sivulla.
bundle-declaration = Vakuutan, että tiedot ovat oikein ja että minulla on oikeus edustaa yritystä.
bundle-submit = Lähetä hakemus
bundle-draft-line = Yrityksen { $organisation } hakemus
bundle-draft-saved = tallennettu { $date }, säilytetään { $expires } asti
bundle-my-title = Yritysten kootut hakemukset
bundle-status-title = Koottu hakemus { $number }
bundle-progress = { $decided }/{ $total } luvasta päätetty
bundle-all-decided = Kaikista luvista on päätetty
bundle-submitted = Lähetetty
bundle-coordinator = Yritysluotsi
bundle-coordinator-none = Nimetään pian
bundle-applicant = Hakija
bundle-parts-title = Luvat
bundle-parts-caption = Jokainen lupa tilan, käsittelijän ja seuraavan vaiheen kanssa
bundle-col-permit = Lupa
bundle-col-holder = Käsittelijä
bundle-col-case = Asia
bundle-col-status = Tila
bundle-col-due = Päätös viimeistään
bundle-col-next = Seuraava vaihe
bundle-col-number = Numero
bundle-col-progress = Päätetty
bundle-col-messages = Viestit
bundle-holder-authority = { $name } (yritysluotsien kautta)
bundle-waiting-for = Odottaa: { $name }
bundle-on-hold = Odottaa: lupaa { $name } ei myönnetty. Yritysluotsit ottavat sinuun yhteyttä jatkosta.
bundle-next-submitted = Hallinto aloittaa asian käsittelyn.
bundle-next-in-progress = Asiaa käsitellään. Sinun ei tarvitse tehdä mitään nyt.
bundle-next-completion = Sinun on täydennettävä tietoja – vastaa alla.
bundle-next-decided = Päätös on valmis.
bundle-next-withdrawn = Peruit hakemuksen.
bundle-next-authority = Kaupunki on lähettänyt hakemuksen viranomaiselle ja kirjaa vastauksen tänne.
bundle-read-decision = Lue päätös
bundle-completions-title = Täydennyspyynnöt
bundle-inbox-title = Viestit
bundle-inbox-intro = Täällä lähetetty viesti menee yritysluotsillesi, joka koordinoi kaikkien hallintojen kanssa.
bundle-message-label = Kirjoita yritysluotsillesi
bundle-message-label-coordinator = Kirjoita hakijalle (kaikkien hallintojen puolesta)
bundle-error-message = Kirjoita viesti (enintään 4 000 merkkiä).
bundle-from-guide-team = Yritysluotsit
bundle-saved-submitted = Kiitos! Hakemuksesi on lähetetty. Jokainen lupa on nyt asia päättävällä taholla.
bundle-saved-message = Viesti on lähetetty.
bundle-saved-completion = Kiitos! Täydennys on lähetetty.
bundle-saved-referral = Viranomaisen vastaus on kirjattu.
bundle-saved-statement = Lausuntopyyntö on lähetetty.
bundle-saved-statement-answer = Lausunto on lähetetty.
bundle-saved-stale = Joku muu muutti asiaa samaan aikaan. Katso ajantasainen tila alta.
bundle-saved-not-possible = Se ei onnistunut juuri nyt, koska asian tila on muuttunut.
bundle-fact-premises-address = Toiminnan osoite
bundle-fact-opening-date = Aloituspäivä
bundle-fact-opening-hours = Aukioloajat
bundle-fact-contact-phone = Yhteyshenkilön puhelin
bundle-event-submitted = Hakemus lähetettiin
bundle-event-part-filed = { $permit }: asia { $detail } luotu
bundle-event-referral-sent = { $permit }: lähetetty: { $detail }
bundle-event-referral-answered = { $permit }: viranomaisen vastaus kirjattu ({ $detail })
bundle-event-part-decided = { $permit }: päätös ({ $detail })
bundle-event-part-withdrawn = { $permit }: peruttu
bundle-event-part-on-hold = { $permit }: odottaa, koska lupaa { $detail } ei myönnetty
bundle-event-all-decided = Kaikista luvista on päätetty
bundle-event-message = Viesti
bundle-event-statement-requested = { $permit }: lausuntopyyntö: { $detail }
bundle-event-statement-answered = { $permit }: lausunto: { $detail }
bundle-officer-title = Kootut hakemukset
bundle-officer-intro = Hakemukset, joissa hallintosi käsittelee jonkin luvista. Näet kaikkien osien tilan ja oman asiasi kokonaan.
bundle-officer-intro-coordinator = Kaikki kootut hakemukset. Yritysluotsina näet kaikki osat, kirjoitat hakijalle kaikkien hallintojen puolesta ja kirjaat muiden viranomaisten vastaukset.
bundle-officer-none = Ei koottuja hakemuksia tällä hetkellä.
bundle-officer-own-unit = Näet muiden hallintojen asiat vain tilana. Avaa oma asiasi asianumerosta.
bundle-unread = { $count } lukematonta
bundle-part-of = Osa koottua hakemusta
bundle-decide-waits = Tämä lupa odottaa toista saman hakemuksen lupaa, eikä sitä voi myöntää ennen kuin se on myönnetty. Voit hylätä tai odottaa.
bundle-decide-on-hold = Lupa odottaa, koska lupaa, johon se perustuu, ei myönnetty. Siitä ei voi päättää nyt; yritysluotsit ottavat yhteyttä hakijaan.
bundle-error-held = Lupa odottaa hakemuksen toista lupaa, eikä siitä voi vielä päättää.
bundle-referral-title = Viranomaisen vastaus: { $permit }
bundle-referral-outcome = Viranomaisen päätös
bundle-referral-text = Viranomaisen päätös lyhyesti (diaarinumeroineen)
bundle-referral-record = Kirjaa vastaus
bundle-error-referral-text = Kirjoita viranomaisen päätös lyhyesti.
bundle-statements-title = Lausuntopyynnöt
bundle-statements-none = Ei lausuntopyyntöjä.
bundle-statement-route = { $from } → { $to }, asia { $case } ({ $who })
bundle-statement-due = Vastaus viimeistään { $date }
bundle-statement-overdue = Myöhässä – vastaus piti antaa viimeistään { $date }
bundle-statement-answered = Vastannut: { $who }
bundle-statement-answer = Lausuntonne
bundle-statement-send = Lähetä lausunto
bundle-statement-request = Pyydä lausuntoa toiselta hallinnolta
bundle-statement-case = Koskee asiaa
bundle-statement-unit = Hallinnolle
bundle-statement-question = Kysymys
bundle-statement-due-label = Vastaus viimeistään
bundle-statement-ask = Lähetä pyyntö
bundle-error-statement-unit = Valitse toinen saman hakemuksen hallinto.
bundle-error-statement-question = Kirjoita kysymys (vähintään 5 merkkiä).
bundle-error-statement-answer = Kirjoita lausuntonne.
notify-bundle-receipt-subject = Olemme vastaanottaneet koottu hakemuksesi { $case_number }
notify-bundle-receipt-body =
    Hei!

    Olemme vastaanottaneet hakemuksesi { $case_number }, jossa on { $count } lupaa. Jokainen lupa on nyt asia päättävällä taholla, ja yritysluotsi koordinoi.

    Seuraa kaikkea yhdessä paikassa: { $link }
notify-bundle-message-subject = Uusi viesti hakemuksestasi { $case_number }
notify-bundle-message-body =
    Hei!

    Yritysluotsisi on kirjoittanut viestin hakemuksesta { $case_number }.

    Lue se Omilla sivuilla: { $link }
notify-referral-subject = Lausuntopyyntö Tukholman kaupungilta: { $service } ({ $case_number })
notify-referral-body =
    Asia: { $service }

    Tukholman kaupunki välittää yrityksen { $organisation_name } ({ $organisation }) hakemuksen, joka on saapunut kaupungin yritysluotsien kautta, koottu hakemus { $bundle_number }.

    Mainitse kaupungin asianumero { $case_number } vastauksessanne ja lähettäkää vastaus yritysluotseille.

    Hakemus kokonaisuudessaan on alla. Liitteet ovat kaupungilla; yritysluotsit lähettävät ne pyynnöstä.
