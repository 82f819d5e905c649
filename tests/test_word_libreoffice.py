"""Every produced document opens in headless LibreOffice and converts to PDF, and LibreOffice
reads the tracked document's revisions as revisions (with their authors)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from word_cases import AUTHOR, DRAFT, input_2024

from amendments.word import KINDS, DocumentInput, write

pytestmark = pytest.mark.libreoffice

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def _convert(documents: list[Path], target: str, profile: Path, out: Path) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: install Debian's "
                    "libreoffice-writer-nogui to run the conversion tests (CI does)")
    command = [
        SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--convert-to", target, "--outdir", str(out), *map(str, documents),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("word")
    written = {}
    for language in ("az", "en"):
        source = input_2024(language)
        source.illustrative = True
        for kind in KINDS:
            path = folder / f"{kind}-{language}.docx"
            write(source, kind, path)
            written[path.stem] = path
    # Two acts, with new and repealed provisions and items quoting new wording.
    several = input_2024("az")
    several.acts.append(DRAFT)
    for kind in KINDS:
        path = folder / f"{kind}-two-acts.docx"
        write(several, kind, path)
        written[path.stem] = path
    return written


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private LibreOffice profile, so parallel test runs never share one."""
    return tmp_path_factory.mktemp("lo-profile")


def test_every_document_converts_to_pdf(
    documents: dict[str, Path], profile: Path, tmp_path: Path
) -> None:
    _convert(list(documents.values()), "pdf", profile, tmp_path)
    for stem in documents:
        pdf = tmp_path / f"{stem}.pdf"
        assert pdf.is_file(), f"LibreOffice produced no PDF for {stem}"
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 5_000
        assert b"/Type /Page" in data or b"/Type/Page" in data


def test_libreoffice_reads_the_revisions(
    documents: dict[str, Path], profile: Path, tmp_path: Path
) -> None:
    _convert([documents["tracked-az"]], "fodt", profile, tmp_path)
    root = etree.parse(str(tmp_path / "tracked-az.fodt"), _SAFE).getroot()
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "dc": "http://purl.org/dc/elements/1.1/"}
    regions = root.xpath("//text:tracked-changes/text:changed-region", namespaces=ns)
    kinds = [etree.QName(r[0]).localname for r in regions]
    assert kinds.count("deletion") == 6 and kinds.count("insertion") == 4
    authors = root.xpath("//text:changed-region//dc:creator/text()", namespaces=ns)
    assert set(authors) == {AUTHOR}
    deletions = root.xpath("//text:changed-region[text:deletion]/@text:id", namespaces=ns)
    body = etree.tostring(root.find(".//{*}body"), encoding="unicode")
    marked = {
        change_id: re.sub(r"<[^>]+>", "", words)
        for change_id, words in _CHANGE.findall(body)
    }
    assert sorted(marked[d].strip() for d in deletions) == sorted(
        ["yaxın", "yaxın", "şamil edildiyi", "şamil edildiyi", "şamil edildiyi",
         "bir yerdə yaşadığı ailə üzvünün, yaxın qohumunun, qanuni nikahda olmadığı və ya "
         "əvvəllər birgə yaşadığı şəxsin ona"])


# LibreOffice keeps deleted text in place, between the change's start and end marks.
_CHANGE = re.compile(
    r'<text:change-start text:change-id="([^"]+)"/>(.*?)<text:change-end text:change-id="\1"/>'
)


def test_libreoffice_reads_whole_provisions_coming_and_going(
    profile: Path, tmp_path: Path
) -> None:
    path = tmp_path / "draft.docx"
    write(DocumentInput("s4", "Police barring orders", "draft", True, "az", [DRAFT]), "tracked",
          path)
    _convert([path], "fodt", profile, tmp_path)
    root = etree.parse(str(tmp_path / "draft.fodt"), _SAFE).getroot()
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "dc": "http://purl.org/dc/elements/1.1/"}
    regions = [
        (etree.QName(r[0]).localname, r.xpath("string(.//dc:creator)", namespaces=ns))
        for r in root.xpath("//text:tracked-changes/text:changed-region", namespaces=ns)
    ]
    # The new provision (heading, words and paragraph marks) is one insertion, the repealed one
    # one deletion; the changed provision keeps its four word-level revisions.
    assert sorted(regions) == sorted([
        ("deletion", "Aysel Məmmədova"), ("insertion", "Aysel Məmmədova"),
        ("deletion", "Aysel Məmmədova"), ("insertion", "Aysel Məmmədova"),
        ("insertion", "Rauf Əliyev"), ("deletion", "Qanun"),
    ])
