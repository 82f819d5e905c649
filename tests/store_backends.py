"""Fixtures that run the store tests on a real SQLite file and on a real PostgreSQL server.

Import the fixtures into a test module; `make_url` is parametrized over both backends, so every
test that uses it runs twice. Without PostgreSQL binaries the postgresql half skips, saying why.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from postgres_server import Server, start, why_unavailable

from amendments.operations import DeleteWords, InsertWords, SubstituteWords, Target
from amendments.packages import Amendment, Package
from amendments.store import PackageStore

BACKENDS = ("sqlite", "postgresql")
USERS = {"aysel": "approver", "rauf": "drafter", "leyla": "viewer"}


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    reason = why_unavailable()
    if reason:
        pytest.skip(f"PostgreSQL store tests need a server: {reason}")
    server = start()
    yield server
    server.stop()


def url_maker(backend: str, folder: Path, request: pytest.FixtureRequest) -> Callable[[], str]:
    if backend == "sqlite":
        counter = itertools.count()
        return lambda: f"sqlite:///{folder}/store-{next(counter)}.sqlite"
    server: Server = request.getfixturevalue("pg_server")
    return server.create_schema


@pytest.fixture(params=BACKENDS)
def make_url(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """A function giving the URL of a fresh, empty database on the backend of this run."""
    return url_maker(request.param, tmp_path, request)


def open_with_users(url: str) -> PackageStore:
    store = PackageStore(url)
    store.add_user("aysel", "approver")
    for name, role in USERS.items():
        store.add_user(name, role, by="aysel")
    return store


@pytest.fixture
def store(make_url: Callable[[], str]) -> Iterator[PackageStore]:
    opened = open_with_users(make_url())
    yield opened
    opened.close()


def dv_amendments() -> list[Amendment]:
    """The first items of the real 2024 amending law of the DV law, as amendments."""
    return [
        Amendment(
            id="1", act="dv-law",
            operations=[DeleteWords(Target("dv-law", "preamble"), old="yaxın")],
            justification="“yaxın qohum” anlayışı 4-cü maddədə dəqiqləşdirilir.",
            justification_en="The circle of relatives is defined in Article 4.",
            commencement="2024-03-29",
        ),
        Amendment(
            id="2", act="dv-law",
            operations=[
                DeleteWords(Target("dv-law", "1.0.1"), old="yaxın"),
                SubstituteWords(
                    Target("dv-law", "1.0.1"), old="şamil edildiyi",
                    new="4-cü maddəsində göstərilən",
                ),
            ],
            justification="Şəxslər dairəsi 4-cü maddəyə istinadla müəyyən edilir.",
        ),
        Amendment(
            id="3", act="dv-law",
            operations=[InsertWords(
                Target("dv-law", "4.0.1"), anchor="habelə",
                new="ərin və arvadın yaxın qohumlarına,", position="before",
            )],
        ),
    ]


def sample_package(package_id: str = "dv-2024", **fields: object) -> Package:
    base: dict[str, object] = {
        "id": package_id, "title": "Məişət zorakılığı qanununa dəyişikliklər",
        "title_en": "Amendments to the DV law", "purpose": "Şəxslər dairəsinin genişləndirilməsi",
        "authors": ["rauf"], "amendments": dv_amendments(),
    }
    return Package(**(base | fields))  # type: ignore[arg-type]
