"""A throwaway PostgreSQL server for the store tests: Debian's binaries, a temp dir, a unix socket.

`start()` runs `initdb` and `pg_ctl` (as the `postgres` user when the tests run as root, since
PostgreSQL refuses to run as root), listening only on a socket in its own temp dir on a free port;
`stop()` shuts it down and removes everything. Nothing is left behind and no port is opened.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa


def binaries() -> Path | None:
    """The newest `/usr/lib/postgresql/*/bin` that has initdb and pg_ctl, or None."""
    found = sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    usable = [p for p in found if (p / "initdb").exists() and (p / "pg_ctl").exists()]
    return usable[-1] if usable else None


def why_unavailable() -> str | None:
    if binaries() is None:
        return "no PostgreSQL binaries in /usr/lib/postgresql/*/bin (Debian package postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run the server as"
    return None


@dataclass
class Server:
    bindir: Path
    root: Path
    port: int

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres", schema: str | None = None) -> str:
        url = f"postgresql+psycopg://qanun@/{database}?host={self.socket_dir}&port={self.port}"
        return f"{url}&options=-csearch_path%3D{schema}" if schema else url

    def create_database(self) -> str:
        """A fresh, empty database; returns its SQLAlchemy URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def create_schema(self) -> str:
        """A fresh, empty schema in the server's own database, as a URL whose connections see
        only it: as isolated as a new database for the store, and a hundred times cheaper."""
        name = f"s_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE SCHEMA "{name}"')
        return self.url(schema=name)

    def _admin(self, statement: str) -> None:
        engine = sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(statement)
        engine.dispose()

    def stop(self) -> None:
        _run(self, [str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate",
                    "-w", "stop"], check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start() -> Server:
    bindir = binaries()
    if bindir is None:
        raise RuntimeError(why_unavailable() or "no PostgreSQL")
    root = Path(tempfile.mkdtemp(prefix="qanun-pg-"))
    server = Server(bindir, root, _free_port())
    server.socket_dir.mkdir()
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        for path in (root, server.socket_dir):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    _run(server, [str(bindir / "initdb"), "-D", str(server.data_dir), "-U", "qanun",
                  "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"])
    options = (
        f"-p {server.port} -k {server.socket_dir} -c listen_addresses='' -c fsync=off "
        "-c full_page_writes=off -c max_connections=50"
    )
    _run(server, [str(bindir / "pg_ctl"), "-D", str(server.data_dir), "-o", options,
                  "-l", str(root / "server.log"), "-w", "-t", "60", "start"])
    return server


def _run(server: Server, command: list[str], check: bool = True) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    done = subprocess.run(prefix + command, capture_output=True, text=True, cwd=server.root)
    if check and done.returncode != 0:
        log = server.root / "server.log"
        tail = log.read_text()[-2000:] if log.exists() else ""
        raise RuntimeError(f"{command[0]} failed: {done.stderr or done.stdout}\n{tail}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
