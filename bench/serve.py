"""A tiny static server that gzips responses, as a real host would, for Lighthouse.

``python -m bench.serve site 8765`` serves ``site/`` on http://127.0.0.1:8765/.
"""

from __future__ import annotations

import gzip
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest")


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves files gzip -6 compressed when the client accepts it."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache" if path.suffix == ".html" or path.name == "sw.js" else "max-age=31536000")
        self.end_headers()
        return BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path, port: int = 0) -> ThreadingHTTPServer:
    """Start serving ``site`` in a background thread; the caller shuts it down."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    running = serve(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8765)
    print(f"http://127.0.0.1:{running.server_address[1]}/")
    threading.Event().wait()
