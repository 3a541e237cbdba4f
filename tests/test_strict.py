"""ground.strict: a number from outside is ASCII digits of a bounded length, nothing else."""

from __future__ import annotations

import pytest

from ground.strict import MAX_DIGITS, is_int, read_id, read_int


@pytest.mark.parametrize("text", ["0", "7", "42", "9" * MAX_DIGITS])
def test_ascii_digits_are_read(text: str) -> None:
    assert read_int(text) == int(text) and is_int(text) and read_id(text) == int(text)


@pytest.mark.parametrize(
    "text",
    [None, "", "²", "4²", "١٢", "٣", "-1", "+1", " 1", "1 ", "1_000", "1.0", "0x1", "9" * 19],
)
def test_anything_else_is_none(text: str | None) -> None:
    assert read_int(text) is None and not is_int(text) and read_id(text) == -1


def test_a_shorter_bound_for_small_numbers() -> None:
    assert read_int("2025", max_digits=4) == 2025
    assert read_int("20250", max_digits=4) is None


def test_hidden_characters() -> None:
    from ground.strict import has_hidden_characters

    for text in ("Ana\u202e", "A\u200bna", "\u2066Ana", "Ana\x00", "Ana\ufeff"):
        assert has_hidden_characters(text), repr(text)
    for text in ("Ana", "Zoë van 't Hof", "Anne-Fleur", "José", "Ø"):
        assert not has_hidden_characters(text), text
