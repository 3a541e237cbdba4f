"""A photo from the chat to the PDF, over the wire: a leader sends a Telegram photo after a
report and gives the consent; the bot downloads it from the stand-in (getFile, file download)
and stores it. It is not in the gemeente edition before a manager approves it (/fotos), it is
after (with its alt text), and it is gone after /vergeet foto N."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from e2e_helpers import WAIT, has_button, library_today, read_only, start_demo, text_starts
from PIL import Image

from bot.leader import texts
from bot.manager import texts as mt
from demo.runner import DemoEnvironment
from standin import FakeUser, StandIn
from toc.models import Catalogue

ALT = "Kinderen op kussens luisteren naar het verhaal"


@pytest.fixture
def env(tmp_path: Path, default_catalogue: Catalogue) -> Iterator[DemoEnvironment]:
    environment = start_demo(tmp_path, default_catalogue)
    try:
        yield environment
    finally:
        environment.close()


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (160, 120), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def _report(tg: StandIn, johan: FakeUser, count: int) -> bytes:
    """The gemeente edition's PDF, as a manager gets it with /rapport."""
    johan.send(f"/rapport {library_today().year}")
    assert tg.state.wait_until(
        lambda: len([d for d in johan.documents() if (d.filename or "").endswith(".pdf")]) >= count,
        4 * WAIT,
    )
    return [d for d in johan.documents() if (d.filename or "").endswith(".pdf")][-1].data


def _photo_in(pdf: bytes) -> bool:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        images = {
            x.objgen
            for page in doc.pages
            for _, x in (page.resources.get("/XObject") or {}).items()
            if x.get("/Subtype") == "/Image"
        }
        alts = {
            str(o["/Alt"]) for o in doc.objects if isinstance(o, pikepdf.Dictionary) and "/Alt" in o
        }
    return bool(images) and ALT in alts


def test_a_photo_goes_in_after_approval_and_out_after_vergeet(env: DemoEnvironment) -> None:
    tg = env.standin
    assert tg is not None
    anne, johan, marieke = env.anne, env.johan, env.marieke
    anne.send("Voorleesuurtje Havelte 12 kinderen 8 ouders")
    anne.wait(has_button(texts.BUTTON_SAVE), WAIT)
    anne.tap(texts.BUTTON_SAVE)
    anne.wait(text_starts("Opgeslagen"), WAIT)

    tg.send_photo(anne.id, caption=ALT, data=_jpeg())
    anne.wait(has_button(texts.BUTTON_PHOTO_PARENT), WAIT)
    anne.tap(texts.BUTTON_PHOTO_PARENT)  # a child, and a parent agreed
    anne.wait(text_starts("De foto is bewaard"), WAIT)
    assert tg.calls_to("getFile")
    with read_only(env.database) as conn:
        ((photo, consent, review, size),) = conn.execute(
            "SELECT id, consent, review, length(data) FROM session_photos"
        ).fetchall()
    assert (consent, review, size) == ("ouder-toestemming", "new", len(_jpeg()))

    assert not _photo_in(_report(tg, johan, 1))  # not before a manager approved it
    johan.wait(text_starts("Nog niet beoordeeld: 1 foto"), 4 * WAIT)

    johan.send("/fotos")
    johan.wait(has_button(mt.BUTTON_PHOTO_OK), WAIT)
    johan.tap(mt.BUTTON_PHOTO_OK)
    johan.wait(text_starts(f"Foto {photo} is goedgekeurd"), WAIT)
    assert _photo_in(_report(tg, johan, 2))  # with its alt text

    marieke.send(f"/vergeet foto {photo}")
    marieke.wait(has_button(mt.BUTTON_FORGET_YES), WAIT)
    marieke.tap(mt.BUTTON_FORGET_YES)
    marieke.wait(text_starts(mt.FORGOTTEN_PHOTO), WAIT)
    assert not _photo_in(_report(tg, johan, 3))
    with read_only(env.database) as conn:
        assert conn.execute("SELECT count(*) FROM session_photos").fetchone()[0] == 0
