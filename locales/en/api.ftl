## Stadsporten's API for the city's other systems (/api/v1/docs)

api-docs-title = Stadsporten API
api-docs-intro = The city's other systems read the service catalogue, operating messages and a unit's cases here. A system gets a key from Stadsporten and uses it to get an access token. Each call is described in English.
api-docs-json = The description as OpenAPI 3.1 (JSON)
api-docs-scopes = Scopes
api-docs-operations = Calls
api-docs-needs = Needs
api-docs-parameters = Parameters
api-docs-name = Name
api-docs-in = In
api-docs-description = Description
api-docs-responses = Responses
api-docs-status = Status
