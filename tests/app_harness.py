"""How the workbench tests start the app: Streamlit's AppTest in-process, Chromium against a server.

AppTest runs `app.py` from a one-line script in a temporary folder, as `runpy` would, so the
pages are found by the absolute paths `app.py` gives them; the real server (and `make run`)
start `app.py` itself.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from streamlit.testing.v1 import AppTest

PROJECT = Path(__file__).resolve().parent.parent
APP = PROJECT / "app.py"
PAGES = PROJECT / "app_pages"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def shared_cache() -> Path:
    """The corpus cache of the configured data folder, shared so that tests start warm."""
    path = Path(os.environ.get("QANUN_DATA", PROJECT / "var")) / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def fresh_data_dir(folder: Path) -> Path:
    """An empty data folder (own store, uploads, scenario edits) with the shared corpus cache."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cache").symlink_to(shared_cache(), target_is_directory=True)
    return folder


def app_test(timeout: float = 60) -> AppTest:
    """An AppTest of the whole workbench (top bar and navigation included).

    No background prewarming in-process: each test loads what its page needs, in its own run.
    """
    os.environ["QANUN_PREWARM"] = "0"
    entry = f"import runpy\nrunpy.run_path({str(APP)!r})\n"
    return AppTest.from_string(entry, default_timeout=timeout)


def page(name: str) -> str:
    """The path `AppTest.switch_page` wants for a page of the workbench."""
    return str(PAGES / f"{name}.py")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(data_dir: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run app.py` on a free local port with its own data folder; yields the base URL."""
    fresh_data_dir(data_dir)
    port = free_port()
    server_env = {**os.environ, "QANUN_DATA": str(data_dir), **(env or {})}
    command = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]
    log = (data_dir / "streamlit.log").open("w")
    process = subprocess.Popen(command, cwd=PROJECT, env=server_env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> float:
    """Seconds until the server answers its health check; a dead server is an error at once."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode} before serving")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout} s")
