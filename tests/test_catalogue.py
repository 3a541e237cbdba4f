"""The default catalogue and organisation: every fixed identifier, with the right links."""

from __future__ import annotations

import pytest

from toc.loader import default_catalogue, get_catalogue, load_catalogue
from toc.models import Catalogue

FIXED_ACTIVITIES = {
    "leesbevordering": [
        "voorleesuurtje",
        "kleintje-bieb",
        "boekstart-kinderopvang",
        "dbos-po",
        "dbos-vo",
    ],
    "geletterdheid": ["taalhuis", "taalcafe"],
    "meedoen": [
        "klik-en-tik",
        "digisterker",
        "digivitaler",
        "ido-spreekuur",
        "belastingspreekuur",
        "leerplein",
        "basisvaardigheden",
        "verhalenbrink",
    ],
    "leven-lang-ontwikkelen": [
        "lezing",
        "workshop",
        "biebfabriek",
        "makersplaats",
        "coderdojo",
        "samenlezen",
        "drents-veurlezen",
        "breicafe",
        "knutseluurtje",
    ],
    "robuuste-bibliotheek": ["platformactiviteit"],
}
KINDS = {
    "klik-en-tik": "reeks",
    "digisterker": "reeks",
    "digivitaler": "reeks",
    "ido-spreekuur": "spreekuur",
    "belastingspreekuur": "spreekuur",
}
OPGAVE_OF_LIJN = {
    "leesbevordering": "geletterde-samenleving",
    "geletterdheid": "participatie",
    "meedoen": "participatie",
    "leven-lang-ontwikkelen": "leven-lang-ontwikkelen",
    "robuuste-bibliotheek": "basis",
}
KENGETALLEN = [
    "leden",
    "bezoekers",
    "uitleningen",
    "boekstart-locaties",
    "boekstart-koffertjes",
    "dbos-scholen",
    "dbos-leerlingen",
    "vo-scholen",
]
GEMEENTEN = [
    "westerveld",
    "midden-drenthe",
    "de-wolden",
    "aa-en-hunze",
    "borger-odoorn",
    "coevorden",
    "meppel",
    "noordenveld",
    "tynaarlo",
]
VESTIGINGEN = {
    "havelte": "westerveld",
    "diever": "westerveld",
    "dwingeloo": "westerveld",
    "vledder": "westerveld",
    "beilen": "midden-drenthe",
    "bovensmilde": "midden-drenthe",
    "smilde": "midden-drenthe",
    "westerbork": "midden-drenthe",
    "zuidwolde": "de-wolden",
    "ruinerwold": "de-wolden",
    "de-wijk": "de-wolden",
    "gieten": "aa-en-hunze",
    "rolde": "aa-en-hunze",
    "odoorn": "borger-odoorn",
    "nieuw-buinen": "borger-odoorn",
    "meppel": "meppel",
    "coevorden": "coevorden",
    "dalen": "coevorden",
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_default_is_cached_and_equal_to_a_fresh_load(catalogue: Catalogue) -> None:
    assert default_catalogue() is default_catalogue()
    assert get_catalogue() is default_catalogue()
    assert default_catalogue() == catalogue


def test_opgaven_with_goal_sentences_from_the_strategy(catalogue: Catalogue) -> None:
    assert list(catalogue.opgaven) == [
        "geletterde-samenleving",
        "participatie",
        "leven-lang-ontwikkelen",
        "basis",
    ]
    assert catalogue.opgaven["geletterde-samenleving"].goal == (
        "Wij vergroten het leesplezier van alle kinderen in Drenthe en maken taal toegankelijk."
    )
    assert catalogue.opgaven["participatie"].goal == (
        "Wij vergroten de participatie en zelfredzaamheid van inwoners van Drenthe "
        "in een kwetsbare situatie."
    )
    assert catalogue.opgaven["geletterde-samenleving"].age_range == "0-18"
    for opgave in catalogue.opgaven.values():
        assert opgave.goal.startswith("Wij ")


def test_programmalijnen_belong_to_their_opgave(catalogue: Catalogue) -> None:
    assert {p: lijn.opgave for p, lijn in catalogue.programmalijnen.items()} == OPGAVE_OF_LIJN


@pytest.mark.parametrize(
    ("lijn", "activity_id"),
    [(lijn, a) for lijn, ids in FIXED_ACTIVITIES.items() for a in ids],
)
def test_fixed_activity_is_in_its_programmalijn(
    catalogue: Catalogue, lijn: str, activity_id: str
) -> None:
    activity = catalogue.activities[activity_id]
    assert activity.programmalijn == lijn
    assert activity.kind == KINDS.get(activity_id, "bijeenkomst")
    assert catalogue.opgave_of(activity_id) == OPGAVE_OF_LIJN[lijn]


def test_every_activity_leads_to_known_effects(catalogue: Catalogue) -> None:
    for activity in catalogue.activities.values():
        assert activity.effects, activity.id
        assert set(activity.effects) <= set(catalogue.effects), activity.id
        assert activity.wsob and all(1 <= n <= 5 for n in activity.wsob), activity.id
    for effect_id in catalogue.effects:
        assert catalogue.activities_for_effect(effect_id), effect_id


def test_indicators_fit_the_kind(catalogue: Catalogue) -> None:
    acts = catalogue.activities
    assert acts["ido-spreekuur"].indicators == ["bezoekers", "vragen"]
    assert acts["belastingspreekuur"].indicators == ["bezoekers", "vragen"]
    assert acts["klik-en-tik"].indicators == ["deelnemers"]
    assert acts["voorleesuurtje"].indicators == ["kinderen", "volwassenen"]
    assert acts["dbos-po"].indicators == ["kinderen"]


def test_aliases_as_staff_write_them(catalogue: Catalogue) -> None:
    acts = catalogue.activities
    assert "klik en tik" in acts["klik-en-tik"].aliases
    assert "VoorleesUurtje" in acts["voorleesuurtje"].aliases
    assert "Bibliotheek op school" in acts["dbos-po"].aliases
    assert {"IDO", "Informatiepunt Digitale Overheid"} <= set(acts["ido-spreekuur"].aliases)
    assert "boekpresentatie" in acts["lezing"].aliases
    assert "SamenLezen" in acts["samenlezen"].aliases
    assert "Taalcafé" in acts["taalcafe"].aliases
    assert "Breicafé" in acts["breicafe"].aliases


def test_effects_carry_assumptions_evidence_and_measurement(catalogue: Catalogue) -> None:
    dbos = [catalogue.effects[e] for e in catalogue.activities["dbos-po"].effects]
    assert any("Nielen & Bus" in source for e in dbos for source in e.sources)
    boekstart = [catalogue.effects[e] for e in catalogue.activities["kleintje-bieb"].effects]
    assert any("BoekStart maakt baby's slimmer" in s for e in boekstart for s in e.sources)
    email = catalogue.effects["zelfstandig-email"]
    assert email.measurable and email.measure_question
    assert "zelfstandig-email" in catalogue.activities["klik-en-tik"].effects
    for effect in catalogue.effects.values():
        assert not effect.measurable or effect.measure_question, effect.id
    assert catalogue.effects["woordenschat"].name.startswith("Een kind dat elke dag 15 minuten")


def test_kengetallen(catalogue: Catalogue) -> None:
    # PRODUCT.md's fixed ids, plus the rest of the jaarbericht's "De cijfers"
    assert set(KENGETALLEN) <= set(catalogue.kengetallen)
    for extra in ("leden-betalend", "inwoners", "bezoekers-website", "ebooks", "luisterboeken"):
        assert extra in catalogue.kengetallen


def test_effect_short_labels_fit_a_table(catalogue: Catalogue) -> None:
    for effect in catalogue.effects.values():
        assert len(effect.short) <= 40, effect.id
    assert catalogue.effects["kennisdeling"].short == "Kennisdeling"  # falls back to the name


def test_organisation(catalogue: Catalogue) -> None:
    assert catalogue.organisation_name == "Biblionet Drenthe"
    assert sorted(catalogue.gemeenten) == sorted(GEMEENTEN)
    for vestiging_id, gemeente in VESTIGINGEN.items():
        assert catalogue.vestigingen[vestiging_id].gemeente == gemeente, vestiging_id
    for gemeente in GEMEENTEN:
        assert catalogue.vestigingen_in(gemeente), gemeente
        for year in (2024, 2025):
            shipped = [c for c in catalogue.contracts if (c.gemeente, c.year) == (gemeente, year)]
            assert len(shipped) == 1 and shipped[0].activities_per_year, (gemeente, year)
            # the shipped afspraken are examples: no gemeente's agreement until replaced
            assert shipped[0].example and catalogue.contract(gemeente, year) is None
    assert "emmen" not in catalogue.vestigingen and "assen" not in catalogue.vestigingen


def test_schedule_uses_known_rules(catalogue: Catalogue) -> None:
    from toc.schedule import parse_rule

    rows = {(s.activity, s.vestiging): s for s in catalogue.schedules}
    assert rows[("voorleesuurtje", "havelte")].rule == "maandelijks:1:ma"
    for row in catalogue.schedules:
        parse_rule(row.rule)
        assert row.activity in catalogue.activities
        assert row.vestiging in catalogue.vestigingen


def test_every_effect_has_short_signals_and_activities_at_most_six(catalogue: Catalogue) -> None:
    ids: list[str] = []
    for effect in catalogue.effects.values():
        assert 1 <= len(effect.signals) <= 3, effect.id
        for signal in effect.signals:
            assert 0 < len(signal.text) <= 40, signal.text
            ids.append(signal.id)
    assert len(ids) == len(set(ids))
    for activity in catalogue.activities.values():
        chosen = catalogue.signals_for(activity.id)
        assert 1 <= len(chosen) <= 6, activity.id
        assert all(effect in activity.effects for _signal, effect in chosen)
    # By default the first signal of each effect, in the order of the activity's effects.
    voorlees = [e for _s, e in catalogue.signals_for("voorleesuurtje")]
    assert voorlees == catalogue.activities["voorleesuurtje"].effects[:6]
    # An activity with a single effect offers its signals in order.
    belasting = catalogue.signals_for("belastingspreekuur")
    assert [s.id for s, _e in belasting] == [
        s.id for s in catalogue.effects["zelfredzaamheid"].signals
    ]


def test_the_platform_programmalijn_is_marked_in_the_catalogue(default_catalogue) -> None:
    """The report's De cijfers opens with the platformactiviteiten: the catalogue says which
    programmalijn that is (no id in the code)."""
    marked = [p.id for p in default_catalogue.programmalijnen.values() if p.platform]
    assert marked == ["robuuste-bibliotheek"]
