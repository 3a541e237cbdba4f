"""A restart of the bot in the middle of a guided report loses nothing and stores it once.

The real bot (build_application, python-telegram-bot's polling over HTTP) is stopped the way
`impactbot run` stops (updater.stop, stop, shutdown), and a new Application is started on the
same SQLite file. Presses made while the bot is down wait at the stand-in, as at Telegram.
"""

from __future__ import annotations

from pathlib import Path

from e2e_helpers import (
    WAIT,
    assert_for_people,
    drafts_of,
    has_button,
    library_today,
    person_id,
    sessions_of,
    start_demo,
    text_starts,
)

from bot.leader import texts
from demo.people import ANNE
from toc.models import Catalogue


def test_a_guided_report_survives_two_restarts(tmp_path: Path, default_catalogue: Catalogue):
    env = start_demo(tmp_path, default_catalogue)
    try:
        anne, tg = env.anne, env.standin
        assert tg is not None
        first_app = env.bot.app if env.bot else None

        anne.send("/verslag")
        anne.wait(has_button("Drenthe leest: leesbevordering"), WAIT)
        anne.tap("Drenthe leest: leesbevordering")
        anne.wait(has_button("Voorleesuurtje"), WAIT)
        anne.tap("Voorleesuurtje")
        anne.wait(has_button("Havelte"), WAIT)
        anne.tap("Havelte")
        asked = anne.wait(has_button(texts.BUTTON_TODAY), WAIT)

        # Restart 1: the bot goes down; Anne taps "Vandaag" meanwhile.
        env.stop_bot()
        anne.press(asked, asked.button(texts.BUTTON_TODAY).callback_data or "")
        env.start_bot()
        assert env.bot is not None and env.bot.app is not first_app
        counts = anne.wait(text_starts("Hoeveel"), WAIT)
        assert_for_people(counts)
        anne.send("11 kinderen 6 ouders")
        anne.wait(has_button(texts.BUTTON_SKIP), WAIT)
        anne.tap(texts.BUTTON_SKIP)
        anne.wait(has_button(texts.BUTTON_NO_QUOTE), WAIT)
        anne.tap(texts.BUTTON_NO_QUOTE)
        summary = anne.wait(has_button(texts.BUTTON_SAVE), WAIT)
        assert "Voorleesuurtje" in (summary.text or "")
        assert "Havelte" in (summary.text or "")
        assert "11 kinderen, 6 volwassenen" in (summary.text or "")

        # Restart 2, at the summary: a new bot still knows this report.
        env.stop_bot()
        env.start_bot()
        anne.tap(texts.BUTTON_SAVE)
        saved = anne.wait(text_starts("Opgeslagen"), WAIT)
        assert (saved.text or "").startswith(texts.SAVED)

        # Pressing Opslaan once more (an old message) stores nothing new.
        anne.press(summary, summary.button(texts.BUTTON_SAVE).callback_data or "", strict=False)
        tg.state.wait_until(
            lambda: any(a.text == texts.ALREADY_SAVED for a in tg.answered_callbacks), WAIT
        )
        assert texts.ALREADY_SAVED in [a.text for a in tg.answered_callbacks]
    finally:
        env.close()

    stored = sessions_of(env.database, person_id(env.database, ANNE.telegram_id))
    assert [(s["activity"], s["vestiging"], s["kinderen"], s["volwassenen"]) for s in stored] == [
        ("voorleesuurtje", "havelte", 11, 6)
    ]
    assert stored[0]["date"] == library_today().isoformat()
    assert drafts_of(env.database, ANNE.telegram_id) == 0
