"""Checks Telegram applies to what a bot sends, so the stand-in fails where Telegram would.

- parse_mode HTML: only Telegram's tags, properly nested; the stored text has the tags
  removed and entities decoded, like the text a user sees.
- inline keyboards: every button has a text and exactly one action; callback_data is 1-64
  bytes.
- message texts are at most 4096 characters (after parsing), captions 1024.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from standin.model import ApiError

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64

_HTML_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
}
_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


class _TelegramHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HTML_TAGS:
            raise _bad(f'can\'t parse entities: Unsupported start tag "{tag}"')
        if tag == "span" and ("class", "tg-spoiler") not in attrs:
            raise _bad('can\'t parse entities: Tag "span" must have class "tg-spoiler"')
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            raise _bad(f'can\'t parse entities: Unmatched end tag "{tag}"')
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def parse_text(text: str, parse_mode: str | None, *, limit: int = MAX_TEXT) -> str:
    """The text as a user would see it; raises ApiError where Telegram would refuse it."""
    shown = text
    if parse_mode and parse_mode.upper() == "HTML":
        parser = _TelegramHtml()
        parser.feed(text)
        parser.close()
        if parser.open:
            raise _bad(
                f"can't parse entities: Can't find end tag corresponding to start tag \""
                f'{parser.open[-1]}"'
            )
        shown = "".join(parser.parts)
    elif parse_mode and parse_mode not in ("Markdown", "MarkdownV2"):
        raise _bad(f"unsupported parse_mode {parse_mode}")
    if not shown.strip():
        raise _bad("message text is empty")
    if len(shown) > limit:
        raise _bad("message is too long")
    return shown


def check_reply_markup(markup: Any) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Split a reply_markup into (inline keyboard, other keyboard) after validating it."""
    if markup is None:
        return None, None
    if not isinstance(markup, dict):
        raise _bad("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return None, markup
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise _bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                raise _bad(
                    "can't parse inline keyboard button: Text buttons are unallowed in "
                    "the inline keyboard"
                )
            actions = [a for a in _BUTTON_ACTIONS if a in button]
            if len(actions) != 1:
                raise _bad(
                    "can't parse inline keyboard button: exactly one of the optional "
                    "fields must be used"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= MAX_CALLBACK_DATA:
                raise _bad("BUTTON_DATA_INVALID")
    return markup, None


def command_entities(text: str) -> list[dict[str, Any]]:
    """The bot_command entity Telegram adds to a message that starts with /command."""
    if not text.startswith("/"):
        return []
    word = text.split(maxsplit=1)[0]
    # Offsets and lengths are in UTF-16 code units.
    return [{"type": "bot_command", "offset": 0, "length": len(word.encode("utf-16-le")) // 2}]
