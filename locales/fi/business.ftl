# Yritysopas (/business) ja tarkistuslista.
business-caption = Yrityksen perustaminen ja toiminta
business-title = Mitä lupia yrityksesi tarvitsee?
business-intro = Vastaa muutamaan kysymykseen toiminnasta, niin luettelemme kaikki tarvittavat luvat ja ilmoitukset, kuka päättää, kauanko käsittely kestää ja mitä se maksaa. Sinun ei tarvitse kirjautua.
business-notice-malformed = Osoitetta ei voitu lukea, joten aloitimme alusta ensimmäisestä kysymyksestä.
business-notice-dropped = Joitakin linkin vastauksia ei tunnistettu, joten ne jätettiin pois. Muut vastauksesi ovat tallessa.
business-answer-yes = Kyllä
business-answer-no = Ei
business-answer-none = Ei annettu
business-error-answer = Vastaa kysymykseen: { $question }
business-next = Seuraava
business-answers-title = Vastauksesi
business-change = Muuta
business-change-answer = Muuta vastausta: { $question }
business-restart = Aloita alusta
business-catch-all-title = Autamme sinua henkilökohtaisesti
business-catch-all-text = Toimintasi ei sovi oppaan kysymyksiin. Yritysluotsi selvittää, mitä lupia tarvitset, ja auttaa hakemuksissa.
business-catch-all-link = Ota yhteyttä yritysluotsiin
business-contradictions-title = Jotkin vastaukset eivät sovi yhteen
business-contradictions-text = Muuta jotakin alla olevista vastauksista, niin opas jatkaa.
business-result-title = { $count ->
    [0] Toiminta ei tarvitse lupia
    [one] Toiminta tarvitsee 1 luvan
   *[other] Toiminta tarvitsee { $count } lupaa ja ilmoitusta
}
business-result-order = Hae tässä järjestyksessä
business-responsible = Päättää
business-responsible-external = { $name } (kaupunki välittää hakemuksesi)
business-legal-basis = Oikeusperuste
business-handling = Käsittelyaika
business-handling-statutory = { $days } päivää täydellisestä hakemuksesta (lain mukaan)
business-handling-promised = { $days } päivää täydellisestä hakemuksesta (kaupungin lupaus)
business-fee = Maksu
business-documents = Liitettävät asiakirjat
business-documents-none = Ei mitään
business-waits-for = Odottaa: { $names }
business-more = Lue lisää palvelusta
business-notes-title = Hyvä tietää
business-checklist-link = Tulostettava tarkistuslista
business-rules-version = Laadittu yritysoppaan säännöillä, versio { $version }.
business-checklist-title = Lupien tarkistuslista
business-checklist-intro = { $count ->
    [one] 1 haettava lupa ja valmisteltavat asiakirjat.
   *[other] { $count } haettavaa lupaa ja ilmoitusta sekä valmisteltavat asiakirjat.
}
business-checklist-incomplete = Tarkistuslista näytetään, kun olet vastannut oppaan kysymyksiin.
business-checklist-back = Takaisin oppaaseen
