"""Real nginx and Apache (Debian packages) serving a built site with the shipped configurations.

Each server runs as root on 127.0.0.1 and a free high port, with its main configuration
written into a temporary folder that ``include``s the file ``python -m generator hosting``
generated; it is stopped when the test session ends. The site's files are copied into a
world-readable folder, since the servers' workers drop root for ``nobody``/``www-data``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator import hosting

APACHE_MODULES = ("mpm_event", "authz_core", "mime", "dir", "alias", "headers", "deflate", "filter")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, log: Path, timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}): {log.read_text() if log.exists() else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server on {port} did not start: {log.read_text() if log.exists() else ''}")


@dataclass
class Server:
    name: str
    port: int
    site_path: str
    process: subprocess.Popen

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.site_path}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def publish_folder(site: Path, site_path: str) -> Path:
    """A world-readable copy of ``site`` at ``<docroot><site_path>``; returns the site folder."""
    docroot = Path(tempfile.mkdtemp(prefix="nq57-www-"))
    docroot.chmod(0o755)
    target = docroot / site_path.strip("/")
    shutil.copytree(site, target)
    for path in [target, *target.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return target


def start_nginx(site_dir: Path, site_path: str, embed_origins: list[str], port: int, work: Path) -> Server:
    work.mkdir(parents=True, exist_ok=True)
    hosting.write(hosting.rules(site_path, str(site_dir), embed_origins), work)
    conf = work / "main-nginx.conf"
    temp = "\n".join(f"    {kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf.write_text(f"""daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
{temp}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {work}/nginx.conf;
    }}
}}
""")
    log = work / "nginx-error.log"
    check = subprocess.run(["nginx", "-t", "-q", "-e", str(log), "-c", str(conf)], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(check.stderr)
    process = subprocess.Popen(["nginx", "-e", str(log), "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for(port, process, log)
    return Server("nginx", port, site_path, process)


def start_apache(site_dir: Path, site_path: str, embed_origins: list[str], port: int, work: Path) -> Server:
    work.mkdir(parents=True, exist_ok=True)
    hosting.write(hosting.rules(site_path, str(site_dir), embed_origins), work)
    modules = "\n".join(f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so" for name in APACHE_MODULES)
    conf = work / "main-apache.conf"
    conf.write_text(f"""ServerRoot "{work}"
DefaultRuntimeDir "{work}"
PidFile "{work}/apache.pid"
Mutex file:{work} default
ErrorLog "{work}/apache-error.log"
LogLevel warn
{modules}
User www-data
Group www-data
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
TypesConfig /etc/mime.types
<Directory />
    AllowOverride None
    Require all denied
</Directory>
DocumentRoot "{work}/empty"
Include "{work}/apache.conf"
""")
    (work / "empty").mkdir(exist_ok=True)
    log = work / "apache-error.log"
    check = subprocess.run(["apache2", "-t", "-f", str(conf)], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(check.stdout + check.stderr)
    process = subprocess.Popen(["apache2", "-f", str(conf), "-DFOREGROUND"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    wait_for(port, process, log)
    return Server("apache", port, site_path, process)


STARTERS = {"nginx": start_nginx, "apache": start_apache}
EXECUTABLES = {"nginx": "nginx", "apache": "apache2"}
