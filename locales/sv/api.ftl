## Stadsportens API för stadens andra system (/api/v1/docs)

api-docs-title = Stadsportens API
api-docs-intro = Stadens andra system läser tjänstekatalogen, driftmeddelanden och en förvaltnings ärenden här. Ett system får en nyckel från Stadsporten och hämtar en åtkomsttoken med den. Beskrivningen av varje anrop är på engelska.
api-docs-json = Beskrivningen som OpenAPI 3.1 (JSON)
api-docs-scopes = Behörigheter
api-docs-operations = Anrop
api-docs-needs = Kräver
api-docs-parameters = Parametrar
api-docs-name = Namn
api-docs-in = Var
api-docs-description = Beskrivning
api-docs-responses = Svar
api-docs-status = Status
