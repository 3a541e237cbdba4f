"""toc.matcher: the one place typed names become activity and vestiging ids."""

from __future__ import annotations

import pytest

from toc.matcher import Matcher, normalise
from toc.models import Activity, Catalogue, Gemeente, Opgave, Programmalijn, Vestiging


def small_catalogue() -> Catalogue:
    activities = [
        Activity(id="voorleesuurtje", name="Voorleesuurtje", programmalijn="lees"),
        Activity(id="taalcafe", name="Taalcafé", programmalijn="lees"),
        Activity(id="klik-en-tik", name="Klik & Tik", programmalijn="lees", kind="reeks"),
        Activity(id="digisterker", name="Digisterker", programmalijn="lees", kind="reeks"),
        Activity(
            id="ido-spreekuur",
            name="IDO-spreekuur",
            programmalijn="lees",
            kind="spreekuur",
            aliases=["IDO", "Informatiepunt Digitale Overheid"],
        ),
    ]
    vestigingen = [
        Vestiging(id="havelte", name="Bibliotheek Havelte", gemeente="westerveld",
                  aliases=["Havelte"]),
        Vestiging(id="diever", name="Bibliotheek Diever", gemeente="westerveld",
                  aliases=["Diever"]),
        Vestiging(id="beilen", name="Bibliotheek Beilen", gemeente="midden-drenthe",
                  aliases=["Beilen"]),
        Vestiging(id="smilde", name="Smilde", gemeente="midden-drenthe"),
        Vestiging(id="bovensmilde", name="Bovensmilde", gemeente="midden-drenthe"),
        Vestiging(id="nieuw-buinen", name="Nieuw-Buinen", gemeente="borger-odoorn"),
    ]  # fmt: skip
    return Catalogue(
        opgaven={"o": Opgave(id="o", name="Opgave", goal="Doel")},
        programmalijnen={"lees": Programmalijn(id="lees", name="Lezen", opgave="o")},
        activities={a.id: a for a in activities},
        effects={},
        kengetallen={},
        gemeenten={
            g: Gemeente(id=g, name=g.title())
            for g in ("westerveld", "midden-drenthe", "borger-odoorn")
        },
        vestigingen={v.id: v for v in vestigingen},
    )


@pytest.fixture(scope="module")
def activities() -> Matcher:
    return Matcher.for_activities(small_catalogue())


@pytest.fixture(scope="module")
def vestigingen() -> Matcher:
    return Matcher.for_vestigingen(small_catalogue())


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Klik & Tik", "klikentik"),
        ("Klik&Tik", "klikentik"),
        ("klik en tik", "klikentik"),
        ("klik-en-tik", "klikentik"),
        ("Taalcafé", "taalcafe"),
        ("  TAALCAFÉ!! ", "taalcafe"),
        ("Nieuw-Buinen", "nieuwbuinen"),
    ],
)
def test_normalise(raw: str, key: str) -> None:
    assert normalise(raw) == key


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Voorleesuurtje", "voorleesuurtje"),
        ("voorleesuurtje", "voorleesuurtje"),
        ("VOORLEESUURTJE", "voorleesuurtje"),
        ("voorlees uurtje", "voorleesuurtje"),
        ("voorleesuutje", "voorleesuurtje"),
        ("voorleesuurtj", "voorleesuurtje"),
        ("klik & tik", "klik-en-tik"),
        ("Klik&Tik", "klik-en-tik"),
        ("klik en tik", "klik-en-tik"),
        ("klik-en-tik", "klik-en-tik"),
        ("KLIK EN TIK", "klik-en-tik"),
        ("klik & tikk", "klik-en-tik"),
        ("Digi sterker", "digisterker"),
        ("digisterkr", "digisterker"),
        ("Taalcafé", "taalcafe"),
        ("taalcafe", "taalcafe"),
        ("taal café", "taalcafe"),
        ("IDO", "ido-spreekuur"),
        ("ido spreekuur", "ido-spreekuur"),
        ("informatiepunt digitale overheid", "ido-spreekuur"),
    ],
)
def test_match_activities(activities: Matcher, typed: str, expected: str) -> None:
    assert activities.match(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Havelte", "havelte"),
        ("havelte", "havelte"),
        ("havlte", "havelte"),
        ("Bibliotheek Havelte", "havelte"),
        ("diever", "diever"),
        ("smilde", "smilde"),
        ("Bovensmilde", "bovensmilde"),
        ("nieuw buinen", "nieuw-buinen"),
        ("Nieuw-Buinen", "nieuw-buinen"),
    ],
)
def test_match_vestigingen(vestigingen: Matcher, typed: str, expected: str) -> None:
    assert vestigingen.match(typed) == expected


@pytest.mark.parametrize("typed", ["kaas", "fietsenmaker", "", "   ", "12", "zwemles"])
def test_unrelated_is_none(activities: Matcher, vestigingen: Matcher, typed: str) -> None:
    assert activities.match(typed) is None
    assert vestigingen.match(typed) is None


def test_two_equally_close_candidates_is_none() -> None:
    matcher = Matcher([("leesclub-a", ["Leesclub Anna"]), ("leesclub-b", ["Leesclub Anne"])])
    assert matcher.match("leesclub ann") is None
    assert matcher.match("Leesclub Anna") == "leesclub-a"  # exact always wins
    assert matcher.match("Leesclub Anne") == "leesclub-b"
    assert set(matcher.suggest("leesclub ann", n=2)) == {"leesclub-a", "leesclub-b"}


def test_shared_key_is_ambiguous() -> None:
    matcher = Matcher([("a", ["Open Huis"]), ("b", ["open-huis"])])
    assert matcher.match("open huis") is None
    assert matcher.exact("open huis") is None


def test_start_of_several_names_is_ambiguous() -> None:
    matcher = Matcher(
        [
            ("kleintje-bieb", ["BoekStart voor baby's"]),
            ("boekstart-kinderopvang", ["BoekStart kdv"]),
            ("boekstartcoach", ["BoekStartcoach"]),
        ]
    )
    assert matcher.match("boekstart") is None
    assert matcher.match("BoekStart") is None
    assert matcher.match("boekstart kdv") == "boekstart-kinderopvang"
    assert set(matcher.suggest("boekstart")) == {
        "kleintje-bieb", "boekstart-kinderopvang", "boekstartcoach",
    }  # fmt: skip
    assert matcher.find_in_text("boekstart smilde 6 peuters") == []
    # The start of names of one candidate only is still matched.
    assert Matcher([("a", ["Voorleesuurtje", "Voorleesuurtjes"])]).match("voorleesuurtj") == "a"


def test_exact_beats_fuzzy() -> None:
    matcher = Matcher([("smilde", ["Smilde"]), ("bovensmilde", ["Bovensmilde"])])
    assert matcher.match("smilde") == "smilde"
    assert matcher.match("bovensmilde") == "bovensmilde"


def test_suggest(activities: Matcher) -> None:
    assert activities.suggest("voorlezen")[0] == "voorleesuurtje"
    assert activities.suggest("digi")[0] == "digisterker"
    assert len(activities.suggest("taal", n=2)) <= 2
    assert activities.suggest("") == []
    assert activities.suggest("xyzxyzxyz") == []


def test_find_in_text(activities: Matcher, vestigingen: Matcher) -> None:
    text = "Voorlees uurtje in Havelte met 12 kinderen"
    [activity] = activities.find_in_text(text)
    assert activity.id == "voorleesuurtje"
    assert text[activity.start : activity.end] == "Voorlees uurtje"
    [place] = vestigingen.find_in_text(text)
    assert (place.id, text[place.start : place.end]) == ("havelte", "Havelte")


@pytest.mark.parametrize(
    ("text", "activity_ids", "place_ids"),
    [
        ("les 3 klik en tik beilen 8 cursisten", ["klik-en-tik"], ["beilen"]),
        ("Klik&Tik @Beilen", ["klik-en-tik"], ["beilen"]),
        ("klik-en-tik bovensmilde", ["klik-en-tik"], ["bovensmilde"]),
        ("taalcafé smilde", ["taalcafe"], ["smilde"]),
        ("voorleesuutje diever", ["voorleesuurtje"], ["diever"]),
        ("digi sterker nieuw buinen", ["digisterker"], ["nieuw-buinen"]),
        ("we gingen bellen en lezen", [], []),
        ("12 kinderen 8 ouders", [], []),
        ("havelte en diever", [], ["havelte", "diever"]),
    ],
)
def test_find_in_text_cases(
    activities: Matcher,
    vestigingen: Matcher,
    text: str,
    activity_ids: list[str],
    place_ids: list[str],
) -> None:
    assert [m.id for m in activities.find_in_text(text)] == activity_ids
    assert [m.id for m in vestigingen.find_in_text(text)] == place_ids


def test_default_catalogue_matches() -> None:
    loader = pytest.importorskip("toc.loader")
    catalogue = loader.default_catalogue()
    activities = Matcher.for_activities(catalogue)
    vestigingen = Matcher.for_vestigingen(catalogue)
    for typed, expected in [
        ("klik & tik", "klik-en-tik"),
        ("Klik&Tik", "klik-en-tik"),
        ("klik en tik", "klik-en-tik"),
        ("klik-en-tik", "klik-en-tik"),
        ("voorlees uurtje", "voorleesuurtje"),
        ("voorleesuutje", "voorleesuurtje"),
        ("Digi sterker", "digisterker"),
        ("Taalcafé", "taalcafe"),
        ("taalcafe", "taalcafe"),
        ("ido spreekuur", "ido-spreekuur"),
        ("breicafe", "breicafe"),
        ("BoekStart kdv", "boekstart-kinderopvang"),
        ("boekstart kinderdagverblijf", "boekstart-kinderopvang"),
        ("BoekStart op de kinderopvang", "boekstart-kinderopvang"),
        ("Kleintje Bieb", "kleintje-bieb"),
        ("boekstart", None),
    ]:
        assert activities.match(typed) == expected, typed
    for typed, expected in [
        ("Havelte", "havelte"),
        ("bieb diever", "diever"),
        ("nieuw buinen", "nieuw-buinen"),
        ("de wijk", "de-wijk"),
    ]:
        assert vestigingen.match(typed) == expected, typed
    assert activities.match("fietsenmaker") is None
    # Every id in the fixed list resolves to itself.
    for activity_id in catalogue.activities:
        assert activities.match(activity_id) == activity_id
    for vestiging_id in catalogue.vestigingen:
        assert vestigingen.match(vestiging_id) == vestiging_id


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("kl&tik", "klik-en-tik"),
        ("Kl & Tik", "klik-en-tik"),
        ("kl en tik", "klik-en-tik"),
        ("info digitale overheid", "ido-spreekuur"),
        # A one-letter word, or one word alone: no short form.
        ("k en t", None),
        ("tik", None),
    ],
)
def test_short_forms_of_names(activities: Matcher, typed: str, expected: str | None) -> None:
    assert activities.match(typed) == expected


def test_short_forms_inside_a_message(activities: Matcher, vestigingen: Matcher) -> None:
    [mention] = activities.find_in_text("vandaag kl&tik in beilen")
    assert mention.id == "klik-en-tik"
    assert [m.id for m in vestigingen.find_in_text("taalcafe nw buinen 5")] == ["nieuw-buinen"]
    # Letters out of order, or every word shortened: no short form.
    assert activities.find_in_text("lk en tik beilen") == []
    assert activities.find_in_text("kl n tk beilen") == []
    # Two candidates fit the short form: none is chosen.
    two = Matcher([("a", ["Boekenclub Noord"]), ("b", ["Bakkerclub Noord"])])
    assert two.find_in_text("bk noord 5") == []
    assert [m.id for m in two.find_in_text("bkn noord 5")] == ["a"]
