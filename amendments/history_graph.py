"""Amending laws as nodes of the corpus graph: one `amends` edge from a law to each provision
its footnoted effects changed (one amending law often changed several codes).

The graph module of `corpus` must not import `amendments`, so the edges are handed over as plain
tuples for the layer above to add:

>>> edges = amends_edges(corpus.load())                                  # doctest: +SKIP
>>> edges[0]                                                             # doctest: +SKIP
('law:360-IIQD', 'criminal-code', 'art_13__para_4', {'date': '2002-07-02', ...})
"""

from __future__ import annotations

from typing import Any, Protocol

from amendments.history_act import ActHistory, read_act_history
from corpus.model import Act

CODE_KINDS = ("code",)


class _Corpus(Protocol):
    def acts(self) -> list[Act]: ...


def code_acts(corpus: _Corpus) -> list[Act]:
    """The consolidated codes whose footnotes carry their history, one expression each."""
    seen: set[str] = set()
    acts = []
    for act in corpus.acts():
        if act.kind in CODE_KINDS and act.footnotes and act.work_id not in seen:
            seen.add(act.work_id)
            acts.append(act)
    return acts


def corpus_history(corpus: _Corpus) -> dict[str, ActHistory]:
    """Every code's history, keyed by work id."""
    return {act.work_id: read_act_history(act) for act in code_acts(corpus)}


def amends_edges(
    corpus: _Corpus, histories: dict[str, ActHistory] | None = None
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(law node id, act id, eId, attributes) for every provision an amending law changed.

    Law node ids are `law:<number>` (`law:68-VIQD`); acts cited without a number (court
    decisions) get `law:<date>:<kind>`. Attributes: the law's date and title, the footnotes
    that record the change and the operation kinds. `histories` saves reading them again."""
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for act_id, history in (histories or corpus_history(corpus)).items():
        for eid, effects in history.by_eid.items():
            for effect in effects:
                if effect.kind != "amendment" or not effect.law.number:
                    continue
                key = (effect.law.node_id, act_id, eid)
                attrs = merged.setdefault(key, {
                    "date": effect.law.date, "title": effect.law.title,
                    "footnotes": [], "operations": [],
                })
                if effect.footnote not in attrs["footnotes"]:
                    attrs["footnotes"].append(effect.footnote)
                for op in effect.operations:
                    if op.kind not in attrs["operations"]:
                        attrs["operations"].append(op.kind)
    return [(law, act, eid, attrs) for (law, act, eid), attrs in merged.items()]


def amending_laws(
    corpus: _Corpus, histories: dict[str, ActHistory] | None = None
) -> dict[str, dict[str, Any]]:
    """Law node id → its number, date, title and publication, for the graph's law nodes."""
    laws: dict[str, dict[str, Any]] = {}
    for history in (histories or corpus_history(corpus)).values():
        for effect in history.effects:
            if effect.law.number:
                laws.setdefault(effect.law.node_id, effect.law.to_dict())
    return laws
