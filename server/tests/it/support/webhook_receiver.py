"""A webhook receiver for the tests: verifies each delivery with the `standardwebhooks` library
(an implementation of the Standard Webhooks specification independent of Stadsporten's), and
appends what it received to a file as JSON lines.

Usage: webhook_receiver.py PORT SECRET_FILE OUT_FILE FAIL_FIRST
  SECRET_FILE  read on every request (the test writes it once the subscription exists)
  FAIL_FIRST   answer 503 to this many requests first (an outage), then 204
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

port, secret_file, out_file, fail_first = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
state = {"requests": 0}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        state["requests"] += 1
        if state["requests"] <= fail_first:
            self.send_response(503)
            self.end_headers()
            return
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            with open(secret_file) as f:
                secret = f.read().strip()
            event = Webhook(secret).verify(body, headers)
            record = {"verified": True, "webhook_id": headers.get("webhook-id"), "event": event,
                      "content_type": headers.get("content-type")}
            status = 204
        except (WebhookVerificationError, OSError, ValueError) as e:
            record = {"verified": False, "error": str(e)}
            status = 401
        with open(out_file, "a") as f:
            f.write(json.dumps(record) + "\n")
        self.send_response(status)
        self.end_headers()


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
