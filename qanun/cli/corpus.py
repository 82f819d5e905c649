"""`qanun corpus build|show|export-akn`: the parsed corpus from the command line."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from corpus import Corpus, load
from corpus.model import Act, Provision
from qanun.cli.output import emit_json, fail
from qanun.cli.reports import ReportLangOption, echo_report, language_of
from qanun.settings import SettingsError

app = typer.Typer(no_args_is_help=True, help="Parse and inspect the corpus of legal texts.")

CorpusOption = Annotated[
    Path | None,
    typer.Option("--corpus", help="Folder with a manifest.toml (default: QANUN_CORPUS or "
                 "../shared/corpus)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (a stable interface).")]


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="corpus")


def open_corpus(folder: Path | None, *, use_cache: bool = True) -> Corpus:
    """Load the corpus or exit with a clear message (shared by every command that needs it)."""
    try:
        return load(folder, use_cache=use_cache)
    except (SettingsError, ValueError, OSError) as error:
        raise fail(str(error)) from error


@app.command()
def build(corpus: CorpusOption = None, json: JsonOption = False,
          no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse again.")] = False,
          lang: ReportLangOption = "en") -> None:
    """Parse every text of the manifest and report what each act holds."""
    start = time.perf_counter()
    loaded = open_corpus(corpus, use_cache=not no_cache)
    seconds = round(time.perf_counter() - start, 3)
    data = {"acts": [_summary(act) for act in loaded.acts()], "seconds": seconds,
            "from_cache": loaded.from_cache}
    if json:
        emit_json(data)
        return
    echo_report("corpus_build", lang, **data)


def _summary(act: Act) -> dict[str, object]:
    return {
        "id": act.work_id, "language": act.language, "path": act.path, "kind": act.kind,
        "complete": act.complete, "articles": len(act.articles()),
        "provisions": len(act.provisions()), "footnotes": len(act.footnotes),
        "diagnostics": len(act.diagnostics),
    }


@app.command()
def show(act_id: Annotated[str, typer.Argument(metavar="ACT")],
         num_or_eid: Annotated[str, typer.Argument(metavar="NUM_OR_EID")],
         lang: Annotated[str, typer.Option("--lang", help="az or en")] = "az",
         corpus: CorpusOption = None, json: JsonOption = False) -> None:
    """Print one provision: its own text with artefacts repaired, its children and footnotes."""
    act = _act(open_corpus(corpus), act_id, lang)
    provision = act.find(num_or_eid)
    if provision is None:
        raise fail(f"{act_id} ({lang}) has no provision {num_or_eid!r}")
    data = _provision_json(act, provision)
    if json:
        emit_json(data)
        return
    footnotes = [{"number": number, "text": footnote.text if footnote else None}
                 for number in provision.footnotes for footnote in [act.footnote(number)]]
    # labels in the language of the act shown
    echo_report("corpus_show", language_of(act.language),
                title=act.title, heading=f"{provision.num}. {provision.heading}".strip(". ")
                or provision.heading, eid=provision.eid, text=provision.text,
                children=data["children"], footnotes=footnotes)


def _provision_json(act: Act, provision: Provision) -> dict[str, object]:
    return {
        "act": act.work_id, "eid": provision.eid, "num": provision.num,
        "heading": provision.heading, "text": provision.text,
        "children": [c.num or c.eid for c in provision.children],
        "footnotes": provision.footnotes, "kind": provision.kind,
        "language": act.language, "incomplete": provision.incomplete,
    }


@app.command("export-akn")
def export_akn(act_id: Annotated[str, typer.Argument(metavar="ACT")],
               out: Annotated[Path, typer.Option("--out", help="The XML file to write.")],
               lang: Annotated[str, typer.Option("--lang", help="az or en")] = "az",
               corpus: CorpusOption = None, json: JsonOption = False) -> None:
    """Write an act as Akoma Ntoso 3.0 XML (validated against the OASIS schema)."""
    from corpus.akn import AknError, write_act

    act = _act(open_corpus(corpus), act_id, lang)
    try:
        write_act(act, out)
    except AknError as error:
        raise fail(str(error)) from error
    if json:
        emit_json({"act": act.work_id, "language": act.language, "out": str(out),
                   "frbr_expression": act.frbr_expression, "elements": len(act.index()),
                   "valid": True})
        return
    echo_report("wrote", language_of(act.language), out=out)


def _act(loaded: Corpus, act_id: str, lang: str) -> Act:
    try:
        return loaded.act(act_id, lang)
    except KeyError as error:
        raise fail(error.args[0]) from error
