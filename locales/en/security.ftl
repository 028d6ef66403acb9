## Information security (issue 21): classification that drives controls, protected personal
## data, security incidents and abuse resistance.

rate-limit-title = Too many attempts
rate-limit-wait = You have made many attempts in a short time. Wait { $seconds } seconds and then try again.
rate-limit-kept = What you typed is still here. Press the button when the time has passed.
rate-limit-send-again = Send again
rate-limit-file = Go back with your browser's back button when the time has passed. You will need to choose the file again.
rate-limit-try-again = Try again
rate-limit-home = To the start page
