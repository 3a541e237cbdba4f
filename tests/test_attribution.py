"""Who said a quote: a role, an age or one first name, never a full name (bot.leader.inputs)."""

from __future__ import annotations

import pytest

from bot.leader import texts
from bot.leader.inputs import InputError, looks_like_full_name, read_attribution

FULL_NAMES = [
    "mevrouw Jansen",
    "meneer de Vries",
    "Henk jansen",
    "henk jansen",
    "Isa (8), dochter van Jansen",
    "Isa Jansen",
    "Jan de Vries",
    "jan de vries",
    "mw. Bakker",
    "dhr. Jansen",
    "Mw Bakker",
    "mevr. van Dam",
    "de heer Jansen",
    "meester Bram",
    "juf Anouk",
    "meneer jansen",
    "van Dijk",
    "van dijk",
    "De Vries",
    "Van der Meer",
    "ter Horst",
    "zoon van de Vries",
    "moeder van Isa Jansen",
    "Fatima El Amrani",
    "Ahmed Yilmaz",
    "Piet Jansen, 72",
    "oma Truus de Boer",
    "Sem Bakker (9)",
    "Anna-Lisa Smit",
    "Jan van den Berg",
    "Bakker, 72",
    "Anne, moeder van Jansen",
]

NOT_FULL_NAMES = [
    # Two first names say no more than one: the child and the parent.
    "Isa, 8 jaar, dochter van Mark",
    "Merel, moeder van Isa",
    "bakker, 45",
    "moeder van Isa",
    "vader van Sem",
    "Jan, 72",
    "meisje, 5 jaar",
    "deelnemer Klik & Tik, 74",
    "opa",
    "Fatima",
    "juf",
    "moeder van Isa en Sem",
    "jongen, 8 jaar",
    "Moeder Isa",
    "oma Truus",
    "een trotse oma",
    "vrijwilliger",
    "man van 80",
    "meneer",
    "mevrouw, 80 jaar",
    "juf van groep 3",
    "juf van Isa",
    "cursist taalcafé",
    "bezoeker uit Diever",
    "Bram (9)",
    "nieuwe deelnemer",
    "de buurvrouw",
    "de moeder van Isa",
    "Isa, 8 jaar",
    "moeder van de tweeling",
    "opa van Sem, 70",
    "Anouk (juf)",
    "meneer van 80",
]


@pytest.mark.parametrize("text", FULL_NAMES)
def test_a_full_name_is_refused(text: str) -> None:
    assert looks_like_full_name(text)
    with pytest.raises(InputError) as refused:
        read_attribution(text)
    assert str(refused.value) == texts.ATTRIBUTION_FULL_NAME


@pytest.mark.parametrize("text", NOT_FULL_NAMES)
def test_a_role_age_or_first_name_is_kept(text: str) -> None:
    assert not looks_like_full_name(text)
    assert read_attribution(f" - {text} ") == text
