"""Parse: normalised, classified lines → the tree of an act (containers, articles, points, notes),
its preamble, its footnotes and its trailing lists.

The parse never raises on text: whatever is odd becomes a `Diagnostic` (line, what was odd, what
was done). Three regions are told apart: the front (title, table of contents, preamble), the body
(from the containers just above the first article), and the trailer (source documents, the list
of amending laws, court decisions, footnote bodies). A footnote body met inside the body (where
the PDF had it at the foot of a page) is read until the body resumes with a number later than
any seen so far, so the `Maddə N.` headings quoted in its previous wording are not articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.ids import Num, container_eid
from corpus.lines import CONTAINERS, DATED_RE, MARKER_RE, Classified, Kind, classify
from corpus.model import Diagnostic, Footnote, Provision
from corpus.normalize import Line
from corpus.points import comes_after, split_run_together
from corpus.regions import ITEM, as_item, body_start, read_front, split_trailing_headings

_LEVEL = {Kind.PART: 0, Kind.DIVISION: 1, Kind.CHAPTER: 2, Kind.SECTION: 3}
_KIND_NAME = {Kind.PART: "part", Kind.DIVISION: "division", Kind.CHAPTER: "chapter",
              Kind.SECTION: "section"}
_CUT_OFF = re.compile(r"^\[\.\.\.\s*source excerpt ends here\s*\.\.\.\]$")
_TERMINAL = (".", ";", ":", "!", "?")


@dataclass
class Parsed:
    """What the structure stage hands on: the raw tree before the repair layer."""

    body: list[Provision] = field(default_factory=list)
    preamble: str = ""
    title_lines: list[str] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    trailer: dict[str, list[str]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _is_law_list_item(text: str) -> bool:
    """`2. 27 dekabr 2001-ci il tarixli 240-IIQD nömrəli … Qanunu`: an item of the list of
    amending laws, which no provision of a code reads like."""
    if not text[:1].isdigit():  # spares the pattern on every line of prose
        return False
    match = ITEM.match(text)
    return bool(match and DATED_RE.match(match["text"]) and "tarixli" in text[:60])


class _Builder:
    """Walks the body and trailer lines once, keeping the open containers, article and points."""

    def __init__(self, parsed: Parsed) -> None:
        self.out = parsed
        self.containers: list[tuple[int, Provision]] = []
        self.article: Provision | None = None
        self.points: dict[str, Provision] = {}
        self.parts: set[str] = set()
        self.skipped: list[str] | None = None
        self.eids: set[str] = set()
        self.target: Provision | None = None
        self.awaiting_title: Provision | None = None
        self.footnote: Footnote | None = None
        self.trailer: list[str] | None = None
        self.paragraph_break = False
        self.last_article: Num | None = None
        self.last_point: Num | None = None
        self.last_container: dict[Kind, int] = {}

    def diagnose(self, line: int, problem: str, action: str, code: str) -> None:
        self.out.diagnostics.append(Diagnostic(line, problem, action, code))

    # -- dispatch -------------------------------------------------------------------------
    def feed(self, line: Line, item: Classified) -> None:
        if line.text[:1] == "[" and _CUT_OFF.match(line.text):
            self._cut_off(line)
            return
        if item.kind is Kind.BLANK:
            self.paragraph_break = True
            return
        if item.kind is Kind.TRAILER:
            self.footnote, self.trailer = None, self.out.trailer.setdefault(line.text, [])
            return
        if self.trailer is None and _is_law_list_item(line.text):
            # the list of amending laws with its heading lost (Criminal Procedure Code)
            self.diagnose(line.number, "a list of amending laws without its heading",
                          "read it as the list, not as text of the last article", "law-list")
            self.footnote, self.trailer = None, self.out.trailer.setdefault(
                "dəyişikliklər etmiş qanunlar", [])
            self.trailer.append(line.text)
            return
        if item.kind is Kind.FOOTNOTE and (self.trailer is not None or self.footnote is not None
                                           or DATED_RE.match(item.text)):
            self._start_footnote(line, item)
            return
        if self.skipped is not None:
            if not self._resumes_body(item):
                if item.kind is not Kind.BLANK:
                    self.skipped.append(line.text)
                return
            self.skipped = None
        if self.footnote is not None or self.trailer is not None:
            if not self._resumes_body(item):
                self._absorb(line, item)
                return
            self.footnote = None
            self.diagnose(line.number, "footnote body inside the text", "closed it where the "
                          "body resumes", "interleaved-footnote")
        self._feed_body(line, item)
        self.paragraph_break = False

    def _feed_body(self, line: Line, item: Classified) -> None:
        if item.kind is Kind.FOOTNOTE:  # a marker at the start of a line, then more text
            self._attach_markers((int(item.num),), line)
            self._feed_body(line, classify(item.text))
        elif item.kind in CONTAINERS:
            self._container(line, item)
        elif item.kind is Kind.ARTICLE and item.content:
            self._article(line, item.num, "", item.markers, inferred=True).inferred = False
            self._append(line, item.text)
        elif item.kind is Kind.ARTICLE:
            self._article(line, item.num, item.text, item.markers)
        elif item.kind is Kind.POINT:
            self._point(line, item)
        elif item.kind is Kind.NOTE:
            self._note(line, item)
        elif item.kind is Kind.MARKER:
            self._attach_markers(item.markers, line)
        elif self._numbered_part(line):
            return
        else:
            self._text(line)

    # -- footnotes and trailer ------------------------------------------------------------
    def _start_footnote(self, line: Line, item: Classified) -> None:
        self.footnote = Footnote(int(item.num), item.text, line.number)
        self.out.footnotes.append(self.footnote)

    def _absorb(self, line: Line, item: Classified) -> None:
        if self.footnote is not None:
            if item.kind is Kind.MARKER and len(item.markers) == 1 and self.trailer is not None:
                self.footnote = Footnote(item.markers[0], "", line.number)
                self.out.footnotes.append(self.footnote)
                return
            if item.kind is not Kind.BLANK:
                joiner = "\n" if self.footnote.text else ""
                self.footnote.text += joiner + line.text
        elif self.trailer is not None:
            if item.kind is Kind.MARKER and len(item.markers) == 1:
                self.footnote = Footnote(item.markers[0], "", line.number)
                self.out.footnotes.append(self.footnote)
            else:
                self.trailer.append(line.text)

    def _resumes_body(self, item: Classified) -> bool:
        """Inside a footnote of the body, only a number later than any seen resumes the body."""
        if self.trailer is not None:
            return False
        if item.kind is Kind.ARTICLE:
            return comes_after(self.last_article, Num.parse(item.num))
        if item.kind is Kind.POINT:
            num = Num.try_parse(item.num)
            return num is not None and comes_after(self.last_point, num)
        if item.kind in CONTAINERS and item.num.isdigit():
            return int(item.num) > self.last_container.get(item.kind, 0)
        return False

    # -- containers, articles, points, notes ---------------------------------------------
    def _container(self, line: Line, item: Classified) -> None:
        level = _LEVEL[item.kind]
        self.containers = [(lvl, c) for lvl, c in self.containers if lvl < level]
        kind = _KIND_NAME[item.kind]
        eid = container_eid(kind, item.num)
        if item.kind is Kind.SECTION and self.containers:
            eid = f"{self.containers[-1][1].eid}__{eid}"
        if eid in self.eids:
            self.diagnose(line.number, f"{eid} heading appears again (a table of contents or "
                          "a form after the body?)", "set the lines aside until the body "
                          "resumes", "repeated-heading")
            self.skipped = self.out.trailer.setdefault("repeated headings", [line.text])
            return
        self.eids.add(eid)
        container = Provision(eid, kind, item.num, heading=item.text, line=line.number)  # type: ignore[arg-type]
        container.footnotes.extend(item.markers)
        self._place(container, self.containers[-1][1] if self.containers else None)
        self.containers.append((level, container))
        self.article, self.points, self.target = None, {}, container
        self.awaiting_title = None if item.text else container
        if item.num.isdigit():
            self.last_container[item.kind] = int(item.num)

    def _article(self, line: Line, num: str, heading: str, markers: tuple[int, ...],
                 inferred: bool = False) -> Provision:
        parsed = Num.parse(num)
        eid = self._unique(parsed.eid, line)
        article = Provision(eid, "article", num, heading=heading, line=line.number,
                            inferred=inferred)
        article.footnotes.extend(markers)
        self._place(article, self.containers[-1][1] if self.containers else None)
        self.article, self.points, self.target = article, {}, article
        self.parts = set()
        self.awaiting_title = article if not heading and not inferred else None
        self.last_article = parsed if comes_after(self.last_article, parsed) else self.last_article
        return article

    def _point(self, line: Line, item: Classified) -> None:
        for num, text in split_run_together(item.num, item.text):
            if num != item.num:
                self.diagnose(line.number, f"point {num} run into the line of the point before",
                              "split it off", "run-together")
            self._one_point(line, num, text)

    def _one_point(self, line: Line, num_text: str, text: str) -> None:
        num = Num.parse(num_text)
        outside = self.article is None or self.article.num != num.article
        if outside and not self._infer_article(line, num):
            self.diagnose(line.number, f"point {num_text} outside its article",
                          "kept it as text", "stray-point")
            self._text(Line(line.number, f"{num_text}. {text}".strip()))
            return
        assert self.article is not None
        parent = self.points.get(num.parent.text) if num.parent and num.depth > 2 else None
        if num.depth > 2 and parent is None:
            self.diagnose(line.number, f"point {num_text} has no parent point",
                          "placed it under its article", "orphan-point")
        kind = "paragraph" if num.depth == 2 else "point"
        point = Provision(self._unique(num.eid, line), kind, num_text, line=line.number)
        self._place(point, parent or self.article)
        self.points[num_text] = point
        self.target, self.awaiting_title = point, None
        self.last_point = num if comes_after(self.last_point, num) else self.last_point
        if text:
            self._append(line, text)

    def _infer_article(self, line: Line, num: Num) -> bool:
        """An article whose heading the conversion dropped is inferred from its first point."""
        article_num = Num((num.article,))
        if num.depth != 2 or num.parts[1] not in ("1", "0"):
            return False
        if not comes_after(self.last_article, article_num):
            return False
        self.diagnose(line.number, f"article {num.article} has no heading",
                      f"inferred article {num.article} from point {num.text}", "inferred-article")
        self._article(line, num.article, "", (), inferred=True)
        return True

    def _numbered_part(self, line: Line) -> bool:
        """`1. …`, `2. …` under an article without decimal points are its parts (hissə):
        Land Code 4.2 is `Torpaq Məcəlləsinin 4-cü maddəsinin 2-ci hissəsi`."""
        match = ITEM.match(line.text)
        if match is None or self.article is None or self.target is None:
            return False
        if self.target.kind == "note" or len(self.points) > len(self.parts):
            return False  # the article has decimal points: `1.` is not one of its parts
        if int(match["num"]) != len(self.parts) + 1:
            return False
        num = f"{self.article.num}.{match['num']}"
        part = Provision(self._unique(Num.parse(num).eid, line), "paragraph", num,
                         line=line.number)
        self._place(part, self.article)
        self.points[num] = part
        self.parts.add(num)
        self.target, self.awaiting_title = part, None
        self._append(line, match["text"])
        return True

    def _note(self, line: Line, item: Classified) -> None:
        parent = self.article or (self.containers[-1][1] if self.containers else None)
        if parent is None:
            self._text(line)
            return
        count = sum(c.kind == "note" for c in parent.children) + 1
        note = Provision(self._unique(f"{parent.eid}__hcontainer_note{count}", line), "note", "",
                         heading=line.text[: len(line.text) - len(item.text)].strip(" :."),
                         line=line.number)
        self._place(note, parent)
        self.target, self.awaiting_title = note, None
        if item.text:
            self._append(line, item.text)

    # -- text -----------------------------------------------------------------------------
    def _text(self, line: Line) -> None:
        if self.awaiting_title is not None and len(line.text) < 200:
            # A heading on its own lines: `I Fəsil` / `ÜMUMİ MÜDDƏALAR`; `Article 1` /
            # `GENERAL CONDİTİONS` / `Basic Definitions`. Capitals continue it.
            node = self.awaiting_title
            node.heading = f"{node.heading} {line.text}".strip() if node.heading else line.text
            if not line.text.isupper():
                self.awaiting_title = None
            return
        self.awaiting_title = None
        if self.target is None:
            self.diagnose(line.number, "text before any provision", "dropped", "stray-text")
            return
        if self.target.kind in ("paragraph", "point"):
            # a wrapped line may carry the next point run into it: `… cəzalandırılır. 131.2. …`
            segments = split_run_together(self.target.num, line.text)
            self._append(line, segments[0][1])
            for num, text in segments[1:]:
                self.diagnose(line.number, f"point {num} run into the line of the point "
                              "before", "split it off", "run-together")
                self._one_point(line, num, text)
            return
        self._append(line, line.text)

    def _append(self, line: Line, text: str) -> None:
        assert self.target is not None
        markers = tuple(int(n) for n in MARKER_RE.findall(text))
        if markers:
            self._attach_markers(markers, line)
        previous = self.target.raw_text
        if not previous:
            self.target.raw_text = text
        else:
            joiner = "\n" if self.paragraph_break and previous.endswith(_TERMINAL) else " "
            self.target.raw_text = previous + joiner + text

    def _attach_markers(self, markers: tuple[int, ...], line: Line) -> None:
        node = self.target or (self.containers[-1][1] if self.containers else None)
        if node is None:
            self.diagnose(line.number, f"footnote marker {list(markers)} before any provision",
                          "ignored", "stray-marker")
            return
        node.footnotes.extend(m for m in markers if m not in node.footnotes)

    def _cut_off(self, line: Line) -> None:
        node = self.target
        if node is not None:
            node.incomplete = True
        where = f"{node.kind} {node.num}".strip() if node else "the text"
        self.diagnose(line.number, "the source excerpt ends here", f"marked {where} incomplete",
                      "cut-off")

    # -- tree -----------------------------------------------------------------------------
    def _place(self, node: Provision, parent: Provision | None) -> None:
        (parent.children if parent else self.out.body).append(node)

    def _unique(self, eid: str, line: Line) -> str:
        if eid not in self.eids:
            self.eids.add(eid)
            return eid
        n = 2
        while f"{eid}-dup{n}" in self.eids:
            n += 1
        self.diagnose(line.number, f"{eid} appears again", f"named the repeat {eid}-dup{n}",
                      "duplicate")
        self.eids.add(f"{eid}-dup{n}")
        return f"{eid}-dup{n}"


def parse_lines(lines: list[Line], diagnostics: list[Diagnostic]) -> Parsed:
    lines = split_trailing_headings(lines)
    items = [classify(line.text) for line in lines]
    if not any(c.kind is Kind.ARTICLE for c in items):
        items = [as_item(line, item) for line, item in zip(lines, items, strict=True)]
    parsed = Parsed(diagnostics=diagnostics)
    start = body_start(items)
    front = read_front(lines[:start], items[:start])
    parsed.title_lines, parsed.preamble = front.title_lines, front.preamble
    if front.approval:
        parsed.trailer["approval"] = front.approval
    builder = _Builder(parsed)
    for line, item in zip(lines[start:], items[start:], strict=True):
        builder.feed(line, item)
    return parsed


