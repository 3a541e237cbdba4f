"""Photos beside their opgave: stored only with consent and under the size cap, printed in the
gemeente edition with alt text once a manager approved them, and gone after /vergeet."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from manager_fakes import add_session
from PIL import Image

from reports.model import build_report
from reports.render import render_html, render_json, render_pdf
from store.db import open_db
from store.photos import (
    MAX_PHOTO_BYTES,
    PhotoRefused,
    add_photo,
    forget_photo,
    publishable_photos,
    review_photo,
)
from toc.models import Catalogue

ALT = "Kinderen luisteren op kussens naar het voorleesverhaal"


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (15, 94, 89)).save(out, "JPEG")
    return out.getvalue()


def _images(pdf: bytes) -> int:
    """Distinct raster images in the PDF (pages may share one resource dictionary)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(
            {
                x.objgen
                for page in doc.pages
                for _, x in (page.resources.get("/XObject") or {}).items()
                if x.get("/Subtype") == "/Image"
            }
        )


def _alts(pdf: bytes) -> set[str]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return {
            str(o["/Alt"]) for o in doc.objects if isinstance(o, pikepdf.Dictionary) and "/Alt" in o
        }


def test_a_photo_appears_after_approval_and_not_after_vergeet(
    tmp_path: Path, default_catalogue: Catalogue
) -> None:
    db = open_db(tmp_path / "photos.db")
    add_session(db, default_catalogue, date(2025, 3, 3), deelnemers=14)
    session = db.execute("SELECT id FROM sessions").fetchone()[0]
    photo = add_photo(db, session, _jpeg(), ALT, "ouder-toestemming", file_unique_id="u1")
    assert add_photo(db, session, _jpeg(), ALT, "ouder-toestemming", file_unique_id="u1") == photo

    def edition() -> tuple[str, bytes, dict]:
        report = build_report(
            db, default_catalogue, 2025, "westerveld", today=date(2026, 1, 5), approved_only=True
        )
        import json

        return render_html(report), render_pdf(report), json.loads(render_json(report))

    html, pdf, _ = edition()
    assert ALT not in html and _images(pdf) == 0  # not before a manager approved it
    review_photo(db, photo, "approved", None)
    html, pdf, data = edition()
    assert f'alt="{ALT}"' in html and "data:image/jpeg;base64," in html
    assert _images(pdf) == 1
    assert ALT in _alts(pdf)  # tagged: the figure carries the alt text a screen reader reads
    assert data["fotos"]["geletterde-samenleving"][0]["alt"] == ALT
    assert forget_photo(db, photo, "test")
    html, pdf, _ = edition()
    assert ALT not in html and _images(pdf) == 0 and not publishable_photos(db, 2025, None)
    db.conn.close()


def test_a_photo_needs_consent_a_description_and_a_small_size(
    tmp_path: Path, default_catalogue: Catalogue
) -> None:
    db = open_db(tmp_path / "refused.db")
    add_session(db, default_catalogue, date(2025, 3, 3), deelnemers=14)
    session = db.execute("SELECT id FROM sessions").fetchone()[0]
    with pytest.raises(PhotoRefused, match="ouder"):
        add_photo(db, session, _jpeg(), ALT, "nee")
    with pytest.raises(PhotoRefused, match="te groot"):
        add_photo(db, session, b"x" * (MAX_PHOTO_BYTES + 1), ALT, "toestemming")
    with pytest.raises(PhotoRefused, match="wat er op de foto"):
        add_photo(db, session, _jpeg(), "  ", "niemand-herkenbaar")
    assert db.execute("SELECT count(*) FROM session_photos").fetchone()[0] == 0
    db.conn.close()


def test_photos_are_in_the_export(tmp_path: Path, default_catalogue: Catalogue) -> None:
    import zipfile

    from reports.export_bundle import export_bundle

    db = open_db(tmp_path / "export.db")
    add_session(db, default_catalogue, date(2025, 3, 3), deelnemers=14)
    session = db.execute("SELECT id FROM sessions").fetchone()[0]
    photo = add_photo(db, session, _jpeg(), ALT, "niemand-herkenbaar")
    bundle = export_bundle(db, default_catalogue, 2025, "westerveld")
    assert bundle is not None
    files = dict(bundle.files("2025-westerveld"))
    with zipfile.ZipFile(io.BytesIO(files["fotos-2025-westerveld.zip"])) as archive:
        assert archive.read(f"foto-{photo}.jpg") == _jpeg()
        listing = archive.read("fotos.csv").decode("utf-8-sig")
    assert ALT in listing and "niemand-herkenbaar" in listing
    review_photo(db, photo, "rejected", None)  # a rejected photo leaves nowhere
    bundle = export_bundle(db, default_catalogue, 2025, "westerveld")
    assert bundle is not None
    assert "fotos-2025-westerveld.zip" not in dict(bundle.files("2025-westerveld"))
    db.conn.close()
