"""`qanun history ACT` (a code's amendment history from its footnotes) and `qanun amend
parse|apply` (an amending law's items as operations, applied to an act of the corpus)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from amendments.apply_act import apply_instructions
from amendments.formulas_law import amended_title, parse_amending_law
from amendments.history_act import read_act_history
from amendments.history_replay import UNREBUILT, replay_act
from amendments.operations import Instruction
from amendments.render import render, render_report
from corpus.manifest import read_manifest
from qanun.cli.corpus import CorpusOption, JsonOption, open_corpus
from qanun.cli.output import emit_json, fail
from qanun.cli.reports import ReportLangOption, require_language
from qanun.settings import SettingsError, corpus_dir

amend = typer.Typer(no_args_is_help=True, help="Read and apply amending laws.")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command(name="history")(history)
    app.add_typer(amend, name="amend")


def history(
    act: Annotated[str, typer.Argument(help="Work id of a code, e.g. criminal-code.")],
    num: Annotated[str | None, typer.Option("--num", help="Only this provision: 184.1.")] = None,
    json: JsonOption = False,
    lang: ReportLangOption = "en",
    corpus: CorpusOption = None,
) -> None:
    """Every footnote of a code read into effects: which law changed what, and how."""
    loaded = open_corpus(corpus)
    try:
        code = loaded.act(act)
    except KeyError as error:
        raise fail(str(error.args[0])) from error
    read = read_act_history(code)
    effects = read.effects
    if num is not None:
        provision = code.find(num)
        if provision is None:
            raise fail(f"no provision {num!r} in {act} (numbers as citations write them: 184.1)")
        effects = read.for_provision(provision.eid)
    replay = replay_act(code, read)
    data = {
        "effects": [e.to_dict() for e in effects],
        "stats": {
            "footnotes": len(read.footnotes), "parsed": len(read.parsed),
            "unparsed": len(read.unparsed), "replayable": replay.replayable,
            "replay_ok": replay.replay_ok, "not_rebuilt": replay.not_rebuilt,
        },
        "unparsed": read.unparsed_list(),
        "not_rebuilt": [c.to_dict() for c in replay.checks if c.source == UNREBUILT],
    }
    _emit(data, json, "history_report", lang, act=act)


@amend.command("parse")
def amend_parse(
    file: Annotated[Path, typer.Argument(help="Text of an amending law (UTF-8).")],
    act: Annotated[str | None, typer.Option("--act", help="Work id of the amended act (default: "
                                            "found from the law's enacting clause).")] = None,
    json: JsonOption = False,
    lang: ReportLangOption = "en",
    corpus: CorpusOption = None,
) -> None:
    """The operations of an amending law, each with its item number."""
    text = _read(file)
    title = amended_title(text)
    act = act or _act_by_title(title, corpus)
    instructions = _items(parse_amending_law(text, act or "unknown"), file)
    operations = [
        {"item": i.item, **op.to_dict(), "formula": render(op)}
        for i in instructions for op in i.operations
    ]
    items = [{"item": i.item, "text": i.text, "incomplete": i.incomplete, "problems": i.problems}
             for i in instructions]
    data = {"amends": title, "act": act, "operations": operations, "items": items}
    _emit(data, json, "amend_report", lang)


@amend.command("apply")
def amend_apply(
    act: Annotated[str, typer.Option("--act", help="Work id of the act to amend: dv-law.")],
    instructions: Annotated[Path, typer.Option("--instructions", help="Amending law text.")],
    json: JsonOption = False,
    lang: ReportLangOption = "en",
    corpus: CorpusOption = None,
) -> None:
    """Apply an amending law to an act of the corpus; the stored act is not changed."""
    text = _read(instructions)
    loaded = open_corpus(corpus)
    try:
        target = loaded.act(act)
    except KeyError as error:
        raise fail(str(error.args[0])) from error
    report = apply_instructions(target, _items(parse_amending_law(text, act), instructions))
    _emit(report.to_dict(), json, "amend_report", lang)


def _items(instructions: list[Instruction], file: Path) -> list[Instruction]:
    """The numbered items of an amending law; a text with none is not an amending law."""
    if not instructions:
        raise fail(f"{file}: no numbered items (`1. …`, `2.1. …`) after an enacting formula "
                   "(`… aşağıdakı dəyişikliklər edilsin:`); is it an amending law?")
    return instructions


def _read(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise fail(f"no file {file}") from error
    except UnicodeDecodeError as error:
        raise fail(f"{file} is not UTF-8 text") from error
    except OSError as error:
        raise fail(f"cannot read {file}: {error}") from error


def _act_by_title(title: str | None, corpus: Path | None) -> str | None:
    """The corpus act whose manifest title holds the quoted title of the amended law."""
    if not title:
        return None
    try:
        entries = read_manifest(corpus_dir(corpus))
    except (SettingsError, ValueError, OSError):
        return None
    return next((e.id for e in entries if title in e.title and e.kind != "amending-law"), None)


def _emit(data: dict[str, Any], as_json: bool, report: str, lang: str, **extra: Any) -> None:
    if as_json:
        emit_json(data)
        return
    require_language(lang)
    typer.echo(render_report(report, lang, **data, **extra), nl=False)  # type: ignore[arg-type]
