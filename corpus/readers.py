"""Turn the files users have (text, Markdown, HTML saved from e-qanun.az, .docx) into one text.

Every reader returns lines shaped like the shared corpus's `.txt`/`.md` files, so a single
structure parser handles them all; a file that cannot be read raises `ReaderError` naming it.

Encodings (decided here, once): text and HTML must be UTF-8 (a BOM is dropped), or UTF-16/UTF-32
*with* a BOM, or an HTML file may declare its own charset (`<meta charset="windows-1254">`).
Nothing is guessed: a legacy code page such as cp1254 decodes almost any bytes, so guessing it
would turn a wrong file into silent mojibake; a caller who knows the encoding passes `encoding=`.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DOCX_SUFFIXES = (".docx",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES

# Longest first: the UTF-32 LE BOM begins with the UTF-16 LE one. These codecs drop the BOM
# themselves, so error offsets count from the start of the file.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class ReaderError(ValueError):
    """A file that cannot be turned into text; the message names the file and the reason."""


def read_text(path: Path, encoding: str | None = None) -> str:
    """The text of a file on disk, dispatched on its suffix.

    >>> from qanun.settings import corpus_dir
    >>> read_text(corpus_dir() / "az/dv-law/2010-original.eqanun.partial.txt")[:20]
    'Məişət zorakılığının'
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReaderError(f"{path}: cannot be read ({error.strerror or error})") from error
    return read_bytes(data, str(path), encoding=encoding)


def read_bytes(data: bytes, filename: str, encoding: str | None = None) -> str:
    """The text of an upload: `filename` picks the reader and names the file in errors."""
    suffix = Path(filename).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return normalize_newlines(decode(data, filename, encoding))
    # Imported here: they import ReaderError from this module, and python-docx is slow to load.
    if suffix in HTML_SUFFIXES:
        from corpus.read_html import html_to_text

        return html_to_text(decode_html(data, filename, encoding), filename)
    if suffix in DOCX_SUFFIXES:
        from corpus.read_docx import docx_to_text

        return docx_to_text(data, filename)
    if suffix == ".doc":
        raise ReaderError(f"{filename}: old binary Word (.doc) is not read; save it as .docx")
    supported = ", ".join(SUPPORTED_SUFFIXES)
    kind = suffix or "(no suffix)"
    raise ReaderError(f"{filename}: unknown kind of file {kind!r}; Qanun reads {supported}")


def decode(data: bytes, filename: str, encoding: str | None = None) -> str:
    """Bytes → str by the rule in the module docstring; `encoding` overrides it.

    >>> decode("Maddə 1.".encode("utf-16"), "x.txt")
    'Maddə 1.'
    """
    if encoding:
        return _decode_as(data, encoding, filename, "as asked")
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, bom_encoding, filename, "by its byte-order mark")
    return _check_text(_decode_as(data, "utf-8", filename, "as UTF-8 (the default)"), filename)


def decode_html(data: bytes, filename: str, encoding: str | None = None) -> str:
    """Like `decode`, but an HTML file's own `<meta charset>` is believed before UTF-8."""
    if encoding or any(data.startswith(bom) for bom, _ in _BOMS):
        return decode(data, filename, encoding)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii")
        try:
            codecs.lookup(name)
        except LookupError as error:
            raise ReaderError(f"{filename}: declares an unknown charset {name!r}") from error
        return _check_text(_decode_as(data, name, filename, "as its <meta charset> says"), filename)
    return decode(data, filename)


def normalize_newlines(text: str) -> str:
    """CRLF (all the shared codes) and lone CR become LF; line numbers do not change."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_as(data: bytes, encoding: str, filename: str, how: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError as error:
        raise ReaderError(f"{filename}: unknown encoding {encoding!r}") from error
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReaderError(
            f"{filename}: cannot be decoded {how}: byte {data[error.start]:#04x} at offset "
            f"{error.start} (line {line}) is not valid {encoding}; save the file as UTF-8 or "
            f"name its encoding (e.g. cp1254 for old Azerbaijani Latin files)"
        ) from error


def _check_text(text: str, filename: str) -> str:
    # NUL bytes are valid UTF-8, so UTF-16 without a BOM and binary files decode "successfully"
    # (with a NUL every other character). A few NULs are a real e-qanun artefact: the PDF
    # conversion put them where `№` was, and the normaliser maps them back.
    if text.count("\x00") > len(text) / 100:
        raise ReaderError(
            f"{filename}: contains NUL characters: binary data or UTF-16 without a byte-order "
            f"mark; save the file as UTF-8"
        )
    return text
