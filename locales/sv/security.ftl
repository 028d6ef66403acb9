## Informationssäkerhet (issue 21): klassning som styr skyddet, skyddade personuppgifter,
## säkerhetsincidenter och skydd mot missbruk.

rate-limit-title = För många försök
rate-limit-wait = Du har gjort många försök på kort tid. Vänta { $seconds } sekunder och försök sedan igen.
rate-limit-kept = Det du skrev finns kvar. Tryck på knappen när tiden har gått.
rate-limit-send-again = Skicka igen
rate-limit-file = Gå tillbaka med webbläsarens bakåtknapp när tiden har gått. Filen behöver du välja igen.
rate-limit-try-again = Försök igen
rate-limit-home = Till startsidan
