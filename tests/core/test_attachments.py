"""Attachments (PDF, office files, archives) a page links to: copied into the edition, linked from the rendered page,
served with their own type, and never opened by the view (the navigation policy's ATTACHMENT decision).

`write_attachment_source` is shared with tests/gui/test_attachments.py (which drives the dialog in the window).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reader.core import navigation as nav
from reader.core.edition import attachment_file, build_edition, opens_in_view, resolve_url
from reader.core.links import asset_url
from reader.core.navigation import Decision, NavigationRequest, decide

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def minimal_pdf() -> bytes:
    """A valid one-page PDF (a few hundred bytes), with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def minimal_xlsx() -> bytes:
    """A one-cell workbook: an xlsx is a zip of a few XML parts."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}">'
            '<sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>'
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def write_attachment_source(root: Path) -> Path:
    """An MkDocs source whose start page links to a PDF and an XLSX (and shows an image, which is no attachment)."""
    docs = root / "docs"
    (docs / "bijlagen").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Bijlagen\nnav:\n  - Start: index.md\n", encoding="utf-8")
    (docs / "index.md").write_text(
        "---\ntitle: Start\nsummary: Een pagina met bijlagen.\n---\n\n# Start\n\n"
        "Lees [het rapport](bijlagen/rapport.pdf) en [de tabel](bijlagen/tabel.xlsx#blad1).\n",
        encoding="utf-8",
    )
    (docs / "bijlagen" / "rapport.pdf").write_bytes(minimal_pdf())
    (docs / "bijlagen" / "tabel.xlsx").write_bytes(minimal_xlsx())
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("attachments")
    source = write_attachment_source(root / "src")
    build_edition(source, root / "edition")
    return source, root / "edition"


def test_the_fixtures_are_real_files():
    pdf = minimal_pdf()
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF") and len(pdf) < 600
    offset = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[offset:].startswith(b"xref")
    with zipfile.ZipFile(io.BytesIO(minimal_xlsx())) as archive:
        assert archive.testzip() is None and "xl/workbook.xml" in archive.namelist()


def test_attachments_are_copied_into_the_edition(built):
    source, edition = built
    for name in ("rapport.pdf", "tabel.xlsx"):
        copied = edition / "assets" / "bijlagen" / name
        assert copied.read_bytes() == (source / "docs" / "bijlagen" / name).read_bytes()


def test_the_rendered_page_links_to_them(built):
    _, edition = built
    html = (edition / "pages" / "index.html").read_text(encoding="utf-8")
    assert f'href="{asset_url("bijlagen/rapport.pdf")}"' in html
    assert f'href="{asset_url("bijlagen/tabel.xlsx")}#blad1"' in html


def test_they_are_served_with_their_own_type(built, tmp_path):
    _, edition = built
    resources = tmp_path / "resources"
    assert resolve_url(asset_url("bijlagen/rapport.pdf"), edition, resources).mime == "application/pdf"
    assert resolve_url(asset_url("bijlagen/tabel.xlsx"), edition, resources).mime == XLSX_TYPE
    served = attachment_file(asset_url("bijlagen/tabel.xlsx") + "#blad1", edition)
    assert served is not None and served.mime == XLSX_TYPE and served.path.name == "tabel.xlsx"
    assert attachment_file(asset_url("bijlagen/weg.pdf"), edition) is None
    assert attachment_file("rl://edition.invalid/page/index", edition) is None
    assert attachment_file(asset_url("../pages/index.html"), edition) is None


@pytest.mark.parametrize(
    "name, mime",
    [
        ("a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("a.doc", "application/msword"), ("a.xls", "application/vnd.ms-excel"),
        ("a.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        ("a.odt", "application/vnd.oasis.opendocument.text"),
        ("a.ods", "application/vnd.oasis.opendocument.spreadsheet"),
        ("a.odp", "application/vnd.oasis.opendocument.presentation"),
        ("a.csv", "text/csv"), ("a.zip", "application/zip"), ("a.epub", "application/epub+zip"),
        ("A.PDF", "application/pdf"),
    ],
)
def test_office_files_and_archives_are_attachments_with_their_type(tmp_path, name, mime):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / name).write_bytes(b"x")
    assert resolve_url(asset_url(name), tmp_path, tmp_path).mime == mime
    assert not opens_in_view(name)


@pytest.mark.parametrize("kind", [nav.TYPED, nav.BACK_FORWARD, nav.RELOAD, nav.REDIRECT, nav.FORM, nav.OTHER])
def test_only_a_click_offers_an_attachment_nothing_loads_it(kind):
    url = asset_url("bijlagen/rapport.pdf")
    assert decide(NavigationRequest(url, nav.LINK_CLICKED)) is Decision.ATTACHMENT
    assert decide(NavigationRequest(url + "#page=2", nav.LINK_CLICKED)) is Decision.ATTACHMENT
    assert decide(NavigationRequest(url, nav.LINK_CLICKED, main_frame=False)) is Decision.REFUSE
    assert decide(NavigationRequest(url, kind)) is Decision.REFUSE


def test_images_and_text_still_open_in_the_view_svg_never():
    assert decide(NavigationRequest(asset_url("foto.png"), nav.LINK_CLICKED)) is Decision.SHOW
    assert decide(NavigationRequest(asset_url("leesmij.txt"), nav.LINK_CLICKED)) is Decision.SHOW
    assert decide(NavigationRequest(asset_url("tekening.svg"), nav.LINK_CLICKED)) is Decision.REFUSE
    # A file of a type nobody names would only start a download in the view: it is an attachment too.
    assert decide(NavigationRequest(asset_url("gegevens.dat"), nav.LINK_CLICKED)) is Decision.ATTACHMENT
