"""The minute renders: LibreOffice turns it into a PDF without error, page numbers filled in.

Needs LibreOffice Writer (`soffice`) and poppler-utils (`pdftotext`, `pdftoppm`), which `make test`
installs (scripts/system-deps.sh); skipped with the reason when they are missing.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from export.minute_cli import minute_for_meeting
from facilitation import services as s
from facilitation.demo import create_demo_case
from facilitation.storage import Database
from tests.conftest import ACTOR

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm")
pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        SOFFICE is None or not POPPLER,
        reason="needs LibreOffice Writer (soffice) and poppler-utils: apt-get install libreoffice-writer poppler-utils",
    ),
]


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LibreOffice user profile of these tests' own (made once), so other soffice runs cannot collide."""
    return tmp_path_factory.mktemp("lo-profile")


def _to_pdf(docx: Path, folder: Path, profile: Path) -> Path:
    """Convert a .docx to PDF in `folder` with LibreOffice, headless."""
    done = subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        capture_output=True, text=True, timeout=240, check=False,
    )
    pdf = folder / (docx.stem + ".pdf")
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    return pdf


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60,
                          check=True).stdout


@pytest.mark.parametrize("anonymised", [False, True])
def test_libreoffice_converts_the_minute_to_a_numbered_confidential_pdf(
    db: Database, tmp_path: Path, profile: Path, anonymised: bool
) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    s.record_evaluation(db, ACTOR, mid, "Sanne Juhl", 4, 5, "Godt møde 💛")
    docx = tmp_path / "referat.docx"
    docx.write_bytes(minute_for_meeting(db, mid, anonymised=anonymised, now=datetime(2026, 11, 25, 10), viewer=ACTOR))
    pdf = _to_pdf(docx, tmp_path, profile)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = _pdf_text(pdf)
    pages = text.count("\f") + (0 if text.endswith("\f") else 1)
    assert pages >= 3
    assert "Referat og aftaler" in text and "FORTROLIGT" in text
    assert f"Side 1 af {pages}" in text and f"Side {pages} af {pages}" in text
    assert ("Sanne Juhl" in text) is not anonymised
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    picture = next(tmp_path.glob("page*.png"))
    assert picture.stat().st_size > 10_000, "the first page is not blank"
