"""An act at a date: later history undone, packages applied when they commence, unknown dates
reported as unknown."""

from __future__ import annotations

import pytest

from amendments.history_act import read_act_history
from amendments.packages import Amendment, Package
from amendments.pointintime import act_at
from amendments.shipped import load


@pytest.fixture(scope="module")
def packages(corpus):  # type: ignore[no-untyped-def]
    return [load("dv-law-2024", corpus.folder).package, load("mq-legal-status").package]


# The DV law's definition 1.0.1 at a date: (date, in force?, its first words, MQ point there?).
DV_LAW_AT = (
    ("2009-12-31", False, None, False),
    ("2015-01-01", True, "məişət zorakılığı - yaxın qohumluq", False),
    ("2024-03-28", True, "məişət zorakılığı - yaxın qohumluq", False),
    ("2024-03-29", True, "məişət zorakılığı - qohumluq münasibətlərindən", False),
    ("2027-01-01", True, "məişət zorakılığı - qohumluq münasibətlərindən", True),
)


@pytest.mark.parametrize(("date", "in_force", "start", "has_mq"), DV_LAW_AT)
def test_the_dv_law_at_a_date(  # type: ignore[no-untyped-def]
    corpus, packages, date: str, in_force: bool, start: str | None, has_mq: bool
) -> None:
    at = act_at(corpus, "dv-law", date, packages)
    assert at.in_force is in_force
    if not in_force:
        assert at.act is None and at.to_dict()["expression"] is None
        return
    assert at.act.find("1.0.1").text.startswith(start)
    assert (at.act.find("1.0.4-1") is not None) is has_mq
    assert at.act.frbr_expression.endswith(f"@{date}")


def test_unknown_and_pending_commencements_are_listed_not_guessed(corpus, packages) -> None:  # type: ignore[no-untyped-def]
    at = act_at(corpus, "civil-procedure-code", "2030-01-01", packages)
    states = {c.label: (c.state, c.date) for c in at.changes if c.source == "package"}
    assert states == {
        "mq-legal-status/2": ("applied", "2027-01-01"),
        "mq-legal-status/3": ("applied", "2027-01-01"),
        "mq-legal-status/4": ("unknown", "unknown"),
        "mq-legal-status/5": ("unknown", "unknown"),
    }
    assert at.act.find("355-4.5.5") is None
    assert at.act.find("355-3.4") is not None
    earlier = act_at(corpus, "civil-procedure-code", "2026-06-30", packages)
    assert {c.label: c.state for c in earlier.changes if c.source == "package"}[
        "mq-legal-status/2"] == "pending"


def test_the_civil_procedure_code_before_a_footnoted_amendment(corpus) -> None:  # type: ignore[no-untyped-def]
    code = corpus.act("civil-procedure-code")
    history = read_act_history(code)
    at = act_at(corpus, "civil-procedure-code", "2021-01-01", history=history)
    undone = [c for c in at.changes if c.state == "undone"]
    assert undone and all(c.date > "2021-01-01" for c in undone)
    assert all(c.reason for c in at.changes if c.state == "not-undone")
    # Article 355-18-1 was added by a law of 2021-07-09 (footnote 501): it did not exist before.
    assert code.find("355-18-1") is not None
    assert at.act.find("355-18-1") is None
    assert act_at(corpus, "civil-procedure-code", "2021-07-09", history=history).act.find(
        "355-18-1") is not None


def test_a_draft_amendment_on_a_missing_provision_fails_with_its_reason(corpus) -> None:  # type: ignore[no-untyped-def]
    uadm = load("uadm-legal-base").package
    dated = Package(id="uadm-dated", title="UADM", amendments=[
        Amendment(**{**a.__dict__, "commencement": "2027-07-01"}) for a in uadm.amendments
        if a.act == "dv-law"
    ])
    at = act_at(corpus, "dv-law", "2028-01-01", [dated])
    [change] = at.changes
    assert change.state == "failed" and "only an opening" in change.reason


def test_an_item_partly_beyond_the_opening_is_partly_applied(corpus, packages) -> None:  # type: ignore[no-untyped-def]
    at = act_at(corpus, "dv-law", "2025-01-01", packages)
    states = {c.label: c.state for c in at.changes}
    assert states["dv-law-2024/2.3"] == "partial"
    assert states["dv-law-2024/2.1"] == "applied"
    assert states["dv-law-2024/3.1"] == "failed"
    assert at.act.find("1.0.3").text.startswith("məişət zəminində fiziki zorakılıq - bu Qanunun "
                                                "4-cü maddəsində göstərilən")
