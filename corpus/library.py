"""A corpus folder loaded: every manifest entry parsed into an `Act`, grouped into `Work`s.

`load()` is the wing's front door. A built corpus is cached on disk keyed by the content hashes
of the manifest, the texts and the parser's own source, so an unchanged corpus loads from the
cache and any changed file (or parser) rebuilds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from corpus import cache
from corpus.build import build
from corpus.manifest import Entry, read_manifest
from corpus.model import Act, Work
from qanun.settings import corpus_dir


@dataclass
class Corpus:
    """Every work of a corpus folder with its expressions."""

    folder: Path
    entries: list[Entry]
    works: dict[str, Work] = field(default_factory=dict)
    from_cache: bool = False

    def acts(self) -> list[Act]:
        return [act for work in self.works.values() for act in work.expressions]

    def act(self, work_id: str, language: str = "az") -> Act:
        """The principal expression of a work in a language (the first complete one)."""
        work = self.works.get(work_id)
        if work is None:
            known = ", ".join(sorted(self.works))
            raise KeyError(f"no act {work_id!r} in the corpus at {self.folder} (known: {known})")
        act = work.expression(language)
        if act is None:
            raise KeyError(f"act {work_id!r} has no {language!r} text (has: "
                           f"{', '.join(work.languages)})")
        return act


def with_acts(corpus: Corpus, acts: list[Act]) -> Corpus:
    """A corpus that also holds `acts` (texts a user uploaded) as expressions of their works;
    the corpus given is left as it was."""
    works = {key: Work(work.id, list(work.expressions)) for key, work in corpus.works.items()}
    merged = Corpus(corpus.folder, corpus.entries, works, corpus.from_cache)
    for act in acts:
        merged.works.setdefault(act.work_id, Work(act.work_id)).expressions.append(act)
    return merged


def load(folder: str | Path | None = None, *, use_cache: bool = True) -> Corpus:
    """Load the corpus at `folder` (default: the `QANUN_CORPUS` setting or `../shared/corpus`)."""
    root = corpus_dir(folder)
    entries = read_manifest(root)
    key = cache.key(root, entries) if use_cache else None  # hashing the texts takes a while
    acts = cache.read(key) if key else None
    from_cache = acts is not None
    if acts is None:
        acts = build(root, entries)
        if key:
            cache.write(key, acts)
    return _assemble(root, entries, acts, from_cache)


def _assemble(root: Path, entries: list[Entry], acts: list[Act], from_cache: bool) -> Corpus:
    corpus = Corpus(root, entries, from_cache=from_cache)
    for act in acts:
        corpus.works.setdefault(act.work_id, Work(act.work_id)).expressions.append(act)
    return corpus
