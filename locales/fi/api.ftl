## Stadsportenin rajapinta kaupungin muille järjestelmille (/api/v1/docs)

api-docs-title = Stadsportenin rajapinta
api-docs-intro = Kaupungin muut järjestelmät lukevat täältä palveluluettelon, käyttötiedotteet ja hallintokunnan asiat. Järjestelmä saa Stadsportenilta avaimen ja hakee sillä käyttöoikeustunnuksen. Jokainen kutsu on kuvattu englanniksi.
api-docs-json = Kuvaus OpenAPI 3.1 -muodossa (JSON)
api-docs-scopes = Käyttöoikeudet
api-docs-operations = Kutsut
api-docs-needs = Vaatii
api-docs-parameters = Parametrit
api-docs-name = Nimi
api-docs-in = Sijainti
api-docs-description = Kuvaus
api-docs-responses = Vastaukset
api-docs-status = Tila
