"""A package and its consolidation turned into the writers' input (`DocumentInput`).

Rows come from the consolidation's wordings (each affected provision before and after the
package), items from each amendment's operations rendered by the formula templates; the acts are
named from their corpus titles (`… Azərbaycan Respublikasının Qanunu`, `… Məcəlləsi`).
"""

from __future__ import annotations

import re

from amendments.consolidate import Consolidation, Wording
from amendments.operations import Operation
from amendments.packages import Amendment, Package
from amendments.render import render
from amendments.word.inputs import ActKind, AmendedAct, DocumentInput, Item, Row, RowState
from amendments.word.wording import wording
from corpus.ids import Num
from corpus.model import Act

_LAW_AZ = re.compile(r"^(?P<name>.+?) Azərbaycan Respublikasının Qanunu$")
_CODE_AZ = re.compile(r"^Azərbaycan Respublikasının (?P<name>.+?) Məcəlləsi(?: \(.*\))?$")


def act_naming(title: str, title_en: str, language: str) -> tuple[ActKind, str]:
    """How the documents name an act: its kind and the name its title quotes.

    >>> act_naming("Məişət zorakılığının qarşısının alınması haqqında Azərbaycan "
    ...            "Respublikasının Qanunu", "Law on Prevention of Domestic Violence", "az")
    ('law', 'Məişət zorakılığının qarşısının alınması haqqında')
    >>> act_naming("Azərbaycan Respublikasının Cinayət-Prosessual Məcəlləsi",
    ...            "Code of Criminal Procedure", "en")
    ('code', 'Code of Criminal Procedure')
    """
    law, code = _LAW_AZ.match(title), _CODE_AZ.match(title)
    kind: ActKind = "law" if law else "code" if code else "other"
    if language == "en":
        return kind, title_en or title
    match = law or code
    return kind, match.group("name") if match else title


def document_input(package: Package, consolidation: Consolidation, language: str) -> DocumentInput:
    """The input of the three documents of `package` in `language` (`az` or `en`).

    The provision wordings are the Azerbaijani texts the package amends, in both languages: the
    corpus has no English expression of most acts, and the package's words are Azerbaijani.
    """
    date = package.updated or package.created
    author = ", ".join(package.authors)
    acts = []
    for act_id in package.acts:
        amendments = [a for a in package.amendments if a.act == act_id]
        base = consolidation.bases.get(act_id)
        act = _amended_act(act_id, base, language)
        act.items = [item for a in amendments for item in items_of(a, language)]
        act.rows = [
            _row(w, consolidation, amendments, language, author, date)
            for w in consolidation.wordings
            if w.act == act_id
        ]
        acts.append(act)
    title = package.title_en if language == "en" and package.title_en else package.title
    return DocumentInput(package.id, title, package.status, package.illustrative, language, acts,
                         date)


def _amended_act(act_id: str, base: Act | None, language: str) -> AmendedAct:
    if base is None:
        return AmendedAct(act_id, "other", act_id, act_id)
    kind, name = act_naming(base.title, base.title_en, language)
    return AmendedAct(act_id, kind, name, base.title)


def _row(
    wording: Wording,
    consolidation: Consolidation,
    amendments: list[Amendment],
    language: str,
    author: str,
    date: str,
) -> Row:
    touching = {
        ref.amendment
        for ref in consolidation.applied
        if ref.act == wording.act and (ref.eid or "") == wording.eid
    }
    reasons = [_justification(a, language) for a in amendments if a.id in touching]
    state: RowState = "changed"
    if not wording.before:
        state = "new"
    elif not wording.after:
        state = "repealed"
    return Row(wording.num, wording.before, wording.after, state,
               "\n".join(dict.fromkeys(r for r in reasons if r)), author, date)


def _justification(amendment: Amendment, language: str) -> str:
    if language == "en" and amendment.justification_en:
        return amendment.justification_en
    return amendment.justification


def items_of(amendment: Amendment, language: str) -> list[Item]:
    """The amending law's items for one amendment, worded by the formula templates.

    Word-level operations in a row become one item joined as the law joins them (`… çıxarılsın
    və … əvəz edilsin`); an added or restated provision is an item of its own whose quoted new
    wording follows it, one paragraph a line.
    """
    items: list[Item] = []
    pending: list[Operation] = []

    def flush() -> None:
        if pending:
            formulas = [render(op, language).rstrip(".") for op in pending]  # type: ignore[arg-type]
            joined = wording(language).amending_law.joined(formulas)
            items.append(Item(joined, _article(pending[0].target.num)))
            pending.clear()

    for op in amendment.operations:
        formula, _, quoted = render(op, language).partition("\n\n")  # type: ignore[arg-type]
        if not quoted:
            pending.append(op)
            continue
        flush()
        lines = quoted.strip().removeprefix("“").removesuffix(".").removesuffix("”").split("\n")
        items.append(Item(formula, _article(op.target.num), lines))
    flush()
    return items


def _article(num: str) -> str | None:
    parsed = Num.try_parse(num)
    return parsed.article if parsed else None
