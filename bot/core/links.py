"""Deep links into the bot (t.me), shared by the admin's /uitnodigen and `impactbot invite`."""

from __future__ import annotations


def invite_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username.lstrip('@')}?start={code}"
