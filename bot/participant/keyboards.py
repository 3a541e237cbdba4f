"""The participants' buttons. Data is built with bot.core.buttons from the prefixes in
bot/participant/prefixes.py; no Telegram call happens here."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core import buttons
from bot.participant import prefixes as P
from bot.participant import texts


def _scale(base: str) -> InlineKeyboardMarkup:
    """The 5-point scale, one answer a row (long words fit on a phone); each button's data is
    `base` followed by its score."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(label, callback_data=f"{base}{score}")]
            for score, label in enumerate(texts.SCALE, start=1)
        ]
    )


def statement(code: str, scores: str = "") -> InlineKeyboardMarkup:
    """The scale under the next statement; the data carries the answers so far."""
    return _scale(buttons.data(P.SCORE, code, scores))


def followup_statement(code: str, tag: str) -> InlineKeyboardMarkup:
    """The scale under the follow-up statement; `tag` says which chat may answer."""
    return _scale(buttons.data(P.FOLLOWUP_ANSWER, code, tag, ""))


def skip_words(code: str) -> InlineKeyboardMarkup:
    skip = InlineKeyboardButton(texts.BUTTON_SKIP, callback_data=buttons.data(P.SKIP_WORDS, code))
    return InlineKeyboardMarkup([[skip]])


def consent(code: str, attribution: str) -> InlineKeyboardMarkup:
    choices = [
        (texts.CONSENT_YES.format(attribution=attribution), "ja"),
        (texts.CONSENT_ANON, "anoniem"),
        (texts.CONSENT_NO, "nee"),
    ]
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(label, callback_data=buttons.data(P.CONSENT, code, c))]
            for label, c in choices
        ]
    )


def followup(code: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    texts.BUTTON_FOLLOWUP_YES, callback_data=buttons.data(P.FOLLOWUP, code, "ja")
                ),
                InlineKeyboardButton(
                    texts.BUTTON_FOLLOWUP_NO, callback_data=buttons.data(P.FOLLOWUP, code, "nee")
                ),
            ]
        ]
    )


def stop() -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(texts.BUTTON_STOP, callback_data=buttons.data(P.STOP, ""))
    return InlineKeyboardMarkup([[button]])
