"""A stand-in for the unions' translation server (LibreTranslate's HTTP API) on this
machine, for the tests: the ``server`` fixture starts it and points the settings at
it; its ``mode`` makes it fail as a real server may."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class StandIn(BaseHTTPRequestHandler):
    """A translation server: "translates" by tagging the text with its target
    language, leaving placeholders alone as LibreTranslate does."""

    mode = "up"
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length))
        type(self).received.append({"path": self.path, **body})
        if self.mode == "slow":
            time.sleep(1.5)
        if self.mode == "error" or self.path != "/translate":
            self._answer(500, {"error": "Internal error"})
            return
        if self.mode == "garbage":
            self._answer(200, {"something": "else"})
            return
        self._answer(200, {"translatedText": f"<{body['target']}> {body['q']}"})

    def _answer(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        return


@pytest.fixture
def server(settings):
    StandIn.mode = "up"
    StandIn.received = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    settings.TRANSLATION_SERVER_URL = f"http://127.0.0.1:{httpd.server_port}/"
    settings.TRANSLATION_SERVER_API_KEY = "the-unions-key"
    settings.TRANSLATION_SERVER_TIMEOUT = 0.5
    yield StandIn
    httpd.shutdown()
    httpd.server_close()
