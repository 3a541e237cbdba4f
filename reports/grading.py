"""The grading rule: what the data on one effect can carry, and the sentences behind it.

Levels (after the evidence standards of the field: Nesta's levels, contribution analysis):
nog niet gemeten / eerste aanwijzingen / aannemelijk / goed onderbouwd. Self-report right
after a session is the first level; change over time (the follow-up, a before/after count)
the next; no level claims proof or cause, which needs a comparison group. Leaders' signals
and the quotes those same leaders pass on are one source, not two. Impact-level effects are
never graded: outcomes contribute to them. Every threshold is a constant in
reports/thresholds.py; EVIDENCE_RULE prints them in the method notes.
"""

from __future__ import annotations

from ground.dutch import count, number, percent
from reports.evidence_model import LABEL_WORDS, LABELS, EffectEvidence, Label, StatementFigures
from reports.thresholds import (
    MAX_INTERVAL_WIDTH,
    MAX_MEASURED_CHANGE,
    MIN_AGREE_LOW,
    MIN_COVERAGE,
    MIN_COVERAGE_WELL_FOUNDED,
    MIN_FOLLOWUP,
    MIN_GAIN_POINTS,
    MIN_LOCATIONS,
    MIN_MEASURED,
    MIN_OBSERVED_SESSIONS,
    MIN_OBSERVED_SHARE,
    MIN_QUOTES,
    MIN_RESPONDENTS,
    MIN_RESPONDENTS_FOR_SHARE,
    MIN_RESPONSE,
)

__all__ = [
    "EVIDENCE_RULE",
    "LABELS",
    "LABEL_WORDS",
    "Label",
    "grounds_for",
    "label_for",
]

# What each statement kind asks, in words for the reader.
KIND_WORDS = {
    "kennis": "iets nieuws geleerd",
    "vertrouwen": "meer zelfvertrouwen",
    "toepassing": "gaat het gebruiken",
    "bewustzijn": "weet wat de bibliotheek biedt",
}
# Knowing what the library offers is shown, but it is no evidence of the effect itself.
GRADED_KINDS = ("kennis", "vertrouwen", "toepassing")

EVIDENCE_RULE = (
    "Wat we tellen zijn mensen, geen antwoorden: een respondent is één persoon die bij één "
    "bijeenkomst de vragen beantwoordde (in Telegram of op de webpagina), of één persoon in een "
    "telling van de begeleider. Per soort stelling (iets nieuws geleerd, meer zelfvertrouwen, "
    "gaat het gebruiken, weet wat de bibliotheek biedt) tellen we de respondenten en wie het eens "
    "was (4 of 5 van 5, of 'ja'), met een marge: het 95%-betrouwbaarheidsinterval volgens "
    f"Wilson. Onder {MIN_RESPONDENTS_FOR_SHARE} respondenten noemen we alleen aantallen, geen "
    "percentage. Een effect telt alleen de stellingen die erover gaan; 'weet wat de bibliotheek "
    "biedt' laten we zien, maar telt niet mee in het oordeel.\n\n"
    "Begeleiders kiezen zelf bij welke bijeenkomsten ze de deelnemers vragen, tenzij de "
    "activiteit vraagt door loting (bijvoorbeeld 1 op de 3 bijeenkomsten); daarom noemen we "
    "bij elk effect bij hoeveel bijeenkomsten en aanwezigen we het vroegen (de dekking) en "
    "hoeveel van de aanwezigen antwoordden (de respons).\n\n"
    "Het oordeel heeft vier stappen. Nog niet gemeten: niemand legde er iets over vast; dat zegt "
    "niets over het effect. Eerste aanwijzingen: er is iets gemeten, maar één bron of te weinig "
    "mensen. Aannemelijk: deelnemers zeiden het zelf en een tweede, onafhankelijke bron wijst "
    "dezelfde kant op. De deelnemers tellen als bron bij minstens "
    f"{MIN_RESPONDENTS} respondenten, een respons van minstens {percent(MIN_RESPONSE)}, een "
    f"dekking van minstens {percent(MIN_COVERAGE)} van de bijeenkomsten, en bij een soort "
    f"stelling een marge van hoogstens {number(MAX_INTERVAL_WIDTH * 100)} procentpunten "
    f"waarvan de onderkant minstens {percent(MIN_AGREE_LOW)} eens is; de tweede bron is wat "
    "begeleiders zagen en doorgaven, of verandering in de tijd. Goed onderbouwd: wat "
    "deelnemers zelf zeiden, en bovendien verandering in de tijd, bij het vervolg 4 tot 6 "
    "weken later (minstens "
    f"{MIN_FOLLOWUP} respondenten, onderkant van de marge minstens {percent(MIN_AGREE_LOW)}) of "
    f"een voor/na-telling in cursussen (minstens {MIN_MEASURED} cursisten bij de eerste én de "
    f"laatste les, minstens {number(MIN_GAIN_POINTS)} procentpunten meer die het kunnen), op "
    f"minstens {MIN_LOCATIONS} vestigingen, en gevraagd bij minstens "
    f"{percent(MIN_COVERAGE_WELL_FOUNDED)} van de bijeenkomsten. Een voor/na-telling is een "
    "telling van de groep door "
    "de begeleider; een cursus telt alleen als het aantal cursisten bij de laatste les hoogstens "
    f"{MAX_MEASURED_CHANGE}% afwijkt van dat bij de eerste; we vergelijken het aandeel dat het "
    "kan, niet de aantallen. Signalen die begeleiders zagen en de "
    "citaten die zij doorgaven zijn samen één bron: ze telt bij een signaal in minstens "
    f"{percent(MIN_OBSERVED_SHARE)} van minstens {MIN_OBSERVED_SESSIONS} bijeenkomsten, of bij "
    f"minstens {MIN_QUOTES} publiceerbare citaten.\n\nGeen van deze stappen bewijst dat de "
    "bibliotheek de oorzaak is; daarvoor is een vergelijkingsgroep nodig. "
    "Maatschappelijke impact (zoals lagere maatschappelijke kosten of een betere gezondheid) "
    "beoordelen we niet: de gemeten effecten dragen eraan bij, en we noemen wat het wel zou "
    "meten. Het oordeel per effect is één oordeel voor het hele verslag; een hoofdstuk noemt "
    "wat de eigen activiteiten eraan bijdragen. Landelijk onderzoek dat we noemen, telt niet "
    "mee in het oordeel: het laat zien waarom we het effect verwachten."
)


def kind_counts(s: StatementFigures) -> bool:
    """One statement kind carries the participants' voice: enough people, a narrow enough
    interval, and its lower end at or above MIN_AGREE_LOW."""
    interval = s.interval
    if s.respondents < MIN_RESPONDENTS or interval is None:
        return False
    low, high = interval
    return high - low <= MAX_INTERVAL_WIDTH and low >= MIN_AGREE_LOW


def participants_count(e: EffectEvidence) -> bool:
    share = e.coverage.session_share
    response = e.response
    return (
        e.respondents >= MIN_RESPONDENTS
        and response is not None
        and response >= MIN_RESPONSE
        and share is not None
        and share >= MIN_COVERAGE
        and any(kind_counts(s) for d, s in e.per_statement.items() if d in GRADED_KINDS)
    )


def followup_counts(e: EffectEvidence) -> bool:
    interval = e.followup.interval
    return (
        e.followup.respondents >= MIN_FOLLOWUP
        and interval is not None
        and interval[0] >= MIN_AGREE_LOW
    )


def measurement_counts(e: EffectEvidence) -> bool:
    gain = e.gain_points
    return (
        e.measured_before >= MIN_MEASURED
        and e.measured_after >= MIN_MEASURED
        and gain is not None
        and gain >= MIN_GAIN_POINTS
    )


def signals_count(e: EffectEvidence) -> bool:
    return e.sessions >= MIN_OBSERVED_SESSIONS and e.observed * 100 >= round(
        MIN_OBSERVED_SHARE * 100
    ) * max(e.sessions, 1)


def leaders_count(e: EffectEvidence) -> bool:
    """Signals and the quotes the same leaders chose: one source."""
    return signals_count(e) or e.quotes >= MIN_QUOTES


def measured_at_all(e: EffectEvidence) -> bool:
    return bool(
        e.respondents or e.followup.respondents or e.observed or e.has_measurement or e.quotes
    )


def label_for(e: EffectEvidence) -> Label:
    """The rule in EVIDENCE_RULE, as code. The participants' own answers are the first
    source; a second must be independent of them: what leaders saw and quoted (one source),
    or change over time (the follow-up, a before/after count)."""
    if not e.graded:
        return "impact"
    participants = participants_count(e)
    over_time = followup_counts(e) or measurement_counts(e)
    share = e.coverage.session_share or 0.0
    if (
        participants
        and over_time
        and e.locations >= MIN_LOCATIONS
        and share * 100 >= round(MIN_COVERAGE_WELL_FOUNDED * 100)
    ):
        return "goed-onderbouwd"
    if participants and (over_time or leaders_count(e)):
        return "aannemelijk"
    if measured_at_all(e):
        return "eerste-aanwijzingen"
    return "niet-gemeten"


def agree_text(agrees: int, n: int, interval: tuple[float, float] | None) -> str:
    """'20 van de 23 eens (87%, marge 68-95%)'; below the minimum the count only."""
    text = f"{number(agrees)} van de {number(n)} eens"
    if interval is None:
        return text
    low, high = interval
    return f"{text} ({percent(agrees / n)}, marge {percent(low)}–{percent(high)})"


def grounds_for(e: EffectEvidence) -> list[str]:
    """Plain Dutch sentences, one per source, saying what the verdict rests on."""
    if not e.graded:
        return _impact_grounds(e)
    out: list[str] = []
    out += _participant_grounds(e)
    if e.followup.invited or e.followup.respondents:
        f = e.followup
        if f.response is None:
            line = (
                f"4 tot 6 weken later: {count(f.respondents, 'deelnemer', 'deelnemers')} "
                "antwoordden (hoeveel er waren uitgenodigd, is niet vastgelegd)"
            )
        else:
            line = (
                f"4 tot 6 weken later: {number(f.respondents)} van de "
                f"{count(f.invited, 'uitgenodigde', 'uitgenodigden')} antwoordden"
            )
            if f.invited >= MIN_RESPONDENTS_FOR_SHARE:
                line += f" ({percent(f.response)})"
        if f.respondents:
            line += f"; {agree_text(f.agrees, f.respondents, f.interval)} dat ze het gebruiken"
        out.append(line + ".")
    out += _measurement_grounds(e)
    leaders = _signal_grounds(e)
    if e.quotes:
        citaten = "citaat" if e.quotes == 1 else "citaten"
        quoted = f"Begeleiders gaven {number(e.quotes)} {citaten} door over dit effect"
        if leaders and e.observed:
            leaders[-1] = leaders[-1][:-1] + f", en gaven {number(e.quotes)} {citaten} door."
        else:
            leaders.append(quoted + ".")
    out += leaders
    if not e.askable and e.active_activities:
        line = "Niet met een vragenlijst te meten"
        if e.measured_by:
            line += f"; te meten met {e.measured_by}"
        elif e.measurable:
            line += "; wel met de voor/na-telling in cursussen"
        out.append(line + ".")
    if not measured_at_all(e) and e.active_activities:
        out.append("Nog niet gemeten: niemand heeft hier dit jaar iets over vastgelegd.")
    return out


def _participant_grounds(e: EffectEvidence) -> list[str]:
    c = e.coverage
    if not e.respondents:
        return []
    verb = "antwoordde" if e.respondents == 1 else "antwoordden"
    line = f"Deelnemers direct na afloop: {count(e.respondents, 'deelnemer', 'deelnemers')} {verb}"
    if e.tallied:
        line += f" (van wie {number(e.tallied)} geteld op papier of met handen omhoog)"
    if c.sessions:
        base = c.answerable or c.asked_attendance
        if e.respondents >= MIN_RESPONDENTS_FOR_SHARE and base:
            who = "volwassenen" if base != c.asked_attendance else "aanwezigen"
            line += f", {percent(min(e.response or 0.0, 1.0))} van {number(base)} {who}"
        line += (
            f"; gevraagd bij {number(c.asked_sessions)} van "
            f"{count(c.sessions, 'bijeenkomst', 'bijeenkomsten')} "
            f"({number(c.asked_attendance)} van {number(c.attendance)} aanwezigen)"
        )
    out = [line + "."]
    kinds = [
        f"{KIND_WORDS.get(d, d)}: {agree_text(s.agrees, s.respondents, s.interval)}"
        + (" (niet in het oordeel)" if d not in GRADED_KINDS else "")
        for d, s in e.per_statement.items()
    ]
    if kinds:
        text = "; ".join(kinds)
        out.append(text[0].upper() + text[1:] + ".")
    if c.plans:
        plan = " en ".join(f"{name} 1 op de {n}" for name, n in c.plans.items())
        out.append(
            f"Volgens plan vragen we bij {plan} bijeenkomsten, door loting: "
            f"{count(c.drawn, 'bijeenkomst', 'bijeenkomsten')} geloot, bij "
            f"{number(c.drawn_sessions)} daarvan gevraagd; {number(c.adhoc_sessions)} op eigen "
            "keuze van de begeleider."
        )
    if c.low:
        out.append("Dat is een klein deel van de bijeenkomsten: het zegt vooral iets over die.")
    return out


def _measurement_grounds(e: EffectEvidence) -> list[str]:
    out: list[str] = []
    if e.has_measurement:
        out.append(
            f"Voor/na-telling door de begeleider in "
            f"{count(e.courses_measured, 'cursus', 'cursussen')}: bij de eerste les "
            f"{_able(e.able_before, e.measured_before)}, bij de laatste les "
            f"{_able(e.able_after, e.measured_after)}."
        )
    elif e.measurable:
        bruikbare = "bruikbare " if e.courses_incomparable else ""
        out.append(f"Er is geen {bruikbare}voor/na-telling gedaan.")
    if e.courses_incomparable:
        verb = "telt" if e.courses_incomparable == 1 else "tellen"
        out.append(
            f"{count(e.courses_incomparable, 'cursus', 'cursussen')} {verb} niet mee in de "
            "voor/na-telling: het aantal gemeten cursisten bij de laatste les wijkt meer dan "
            f"{MAX_MEASURED_CHANGE}% af van dat bij de eerste les."
        )
    if e.courses_only_before:
        out.append(
            f"Bij {count(e.courses_only_before, 'cursus', 'cursussen')} ontbreekt de telling bij "
            "de laatste les."
        )
    return out


def _able(able: int, measured: int) -> str:
    text = f"{number(able)} van de {count(measured, 'cursist', 'cursisten')} kon het"
    if measured >= MIN_RESPONDENTS_FOR_SHARE:
        text += f" ({percent(able / measured)})"
    return text


def _signal_grounds(e: EffectEvidence) -> list[str]:
    if not e.sessions:
        if e.activities:
            return ["Er waren geen bijeenkomsten van de activiteiten die hierop gericht zijn."]
        return []
    if not e.observed:
        if e.sessions == 1:
            return ["In de ene bijeenkomst tikte de begeleider (nog) geen signaal aan."]
        return [
            f"In de {number(e.sessions)} bijeenkomsten tikten begeleiders (nog) geen signaal aan."
        ]
    seen = f" (vooral: „{e.top_signal}”)" if e.top_signal else ""
    if e.sessions == 1:
        return [f"Begeleiders zagen een signaal bij de enige bijeenkomst{seen}."]
    share = f" ({percent(e.observed / e.sessions)})" if e.sessions >= 5 else ""
    return [
        f"Begeleiders zagen een signaal bij {number(e.observed)} van de "
        f"{number(e.sessions)} bijeenkomsten{share}{seen}."
    ]


def _impact_grounds(e: EffectEvidence) -> list[str]:
    out = [
        "Maatschappelijke impact: dit beoordelen we niet uit wat deelnemers na een bijeenkomst "
        "zeggen. De gemeten effecten van de activiteiten dragen eraan bij."
    ]
    if e.measured_by:
        out.append(f"Te meten met {e.measured_by}.")
    return out
