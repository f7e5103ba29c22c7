"""A built site on a local server and the headless Chromium that opens it.

Shared by the search benchmark and the browser tests: Debian's chromium, started the
way this closed network needs (no background services, no DNS but the local server).
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Debian's chromium; elsewhere (a GitHub runner's Chrome) NEWSARCHIVE_CHROMIUM names the binary.
CHROMIUM = os.environ.get("NEWSARCHIVE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    # No DNS but the local server: Material's web-font request fails at once, not at a timeout.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Quiet(SimpleHTTPRequestHandler):
    """Serves files without logging each request to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        return


class _Server(ThreadingHTTPServer):
    # A page load opens a dozen connections at once (Pagefind's chunks, the theme's assets);
    # the default backlog of 5 makes the kernel drop some and the browser retry a second later.
    request_queue_size = 128


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free local port for the duration; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
