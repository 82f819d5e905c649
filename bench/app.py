"""Benchmark of the workbench: time to the first rendered page after `streamlit run app.py` with a
warm corpus cache (in Debian's Chromium), and the server time of the main interactions (the
script run each one causes, timed inside the run). Prints one JSON line.

Targets (issue 8): first page ≤ 3 s; each main interaction ≤ 300 ms.
"""

from __future__ import annotations

import builtins
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

from app_harness import (  # noqa: E402 - the harness lives with the tests
    APP,
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGES,
    fresh_data_dir,
    running_app,
)
from streamlit.testing.v1 import AppTest  # noqa: E402

REPEATS = 5
# The entry point, timed from inside: the seconds of each script run land in a list.
TIMED = (
    "import builtins, runpy, time\n"
    "start = time.perf_counter()\n"
    "try:\n"
    f"    runpy.run_path({str(APP)!r})\n"
    "finally:\n"
    "    builtins.qanun_bench_runs.append(time.perf_counter() - start)\n"
)


def first_page_seconds(data: Path) -> tuple[float, float]:
    """From starting the server to the Law page drawn in the browser (corpus cache warm), and
    the part of it the server took to answer its health check."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        start = time.perf_counter()
        with running_app(data) as url:
            ready = time.perf_counter() - start
            page = browser.new_page()
            page.goto(url)
            page.get_by_text("Bütün aktlarda axtarış").wait_for(timeout=120_000)
            seconds = time.perf_counter() - start
        browser.close()
    return seconds, ready


def _timed_run(at: AppTest, act: Callable[[AppTest], object]) -> float:
    builtins.qanun_bench_runs = []
    act(at)
    at.run()
    return builtins.qanun_bench_runs[-1]


def _seed_package() -> None:
    """One package with one amendment of the DV law, as the Packages page opens it."""
    from amendments.operations import SubstituteWords, Target
    from amendments.packages import Amendment, Package
    from amendments.store import open_store

    store = open_store()
    store.add_user("bench", "drafter")
    operation = SubstituteWords(Target("dv-law", "1.0.1", "art_1__para_0__point_1"),
                                old="yaxın qohumluq", new="qohumluq")
    amendment = Amendment("1", "dv-law", [operation], justification="bench")
    store.create(Package("bench-package", "Bench", amendments=[amendment]), actor="bench")


def interactions() -> dict[str, float]:
    """Median milliseconds of the script run behind each main interaction, after a warm-up."""
    os.environ["QANUN_PREWARM"] = "0"
    builtins.qanun_bench_runs = []
    at = AppTest.from_string(TIMED, default_timeout=600)
    at.query_params["act"] = "criminal-code"
    at.query_params["eid"] = "art_128"
    at.run()  # warm-up: corpus, search index, graph
    at.text_input(key="user_name").set_value("bench").run()
    at.selectbox(key="role_az").set_value("drafter").run()
    _seed_package()
    at.session_state["pkg_selected"] = "bench-package"
    cases: dict[str, Callable[[AppTest], object]] = {
        "law_open_provision": lambda a: a.query_params.update(eid="art_132"),
        "law_search_meiset": lambda a: a.text_input(key="law_query").set_value("meiset zorak"),
        "law_rerun_provision": lambda a: a.query_params.update(eid="art_128"),
        "packages_page": lambda a: a.switch_page(str(PAGES / "packages.py")),
        "scenarios_page": lambda a: a.switch_page(str(PAGES / "scenarios.py")),
        "corpus_page": lambda a: a.switch_page(str(PAGES / "corpus.py")),
    }
    timings: dict[str, float] = {}
    for name, act in cases.items():
        runs = []
        for repeat in range(REPEATS):
            if name.startswith("law") and repeat:
                at.text_input(key="law_query").set_value("").run()
            runs.append(_timed_run(at, act))
        timings[name] = round(statistics.median(runs) * 1000, 1)
    at.switch_page(str(PAGES / "scenarios.py")).run()
    at.multiselect(key="scn_chosen").set_value(["S1", "S4"])
    at.number_input(key="scn_draws").set_value(1000)
    timings["scenarios_run_2x1000_draws"] = round(statistics.median(
        _timed_run(at, lambda a: a.button(key="scn_run").click()) for _ in range(3)
    ) * 1000, 1)
    return timings


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        first_page_seconds(Path(folder) / "warm-up")  # builds the corpus cache if it is cold
        seconds, ready = first_page_seconds(Path(folder) / "measured")
        data = fresh_data_dir(Path(folder) / "interactions")
        os.environ["QANUN_DATA"] = str(data)
        timings = interactions()
    print(json.dumps({
        "bench": "app",
        "first_page_seconds": round(seconds, 2),
        "first_page_target_seconds": 3.0,
        "server_ready_seconds": round(ready, 2),
        "interaction_ms": timings,
        "interaction_target_ms": 300,
        "interactions_over_target": sorted(k for k, v in timings.items() if v > 300),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
