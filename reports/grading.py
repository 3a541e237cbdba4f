"""The grading rule: how strong the evidence for one effect is, and the sentences behind it.

Five sources, each with its own n, and one rule that weighs them (EVIDENCE_RULE, printed in
the report's method notes). Participants' own answers and a before/after count are the
strongest kinds; leaders' signals are observations by the library's own staff, so on their own
they can never make the evidence strong. No measurement at all is "nog niet gemeten": a
leader who skips the signals question has not said "no".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ground.dutch import count, number, percent

if TYPE_CHECKING:
    from reports.evidence import EffectEvidence

Label = Literal["sterk", "redelijk", "beperkt", "niet-gemeten"]
LABELS: tuple[Label, ...] = ("sterk", "redelijk", "beperkt", "niet-gemeten")
# The words in the JSON ("oordeel") and on the badge.
LABEL_WORDS: dict[Label, str] = {
    "sterk": "sterk",
    "redelijk": "redelijk",
    "beperkt": "beperkt",
    "niet-gemeten": "nog niet gemeten",
}

# The thresholds of the rule below. Change them here; the text follows.
MIN_ANSWERS = 20  # participants' answers right after the sessions, summed
MIN_FOLLOWUP = 10  # participants' answers at the follow-up weeks later
MIN_AGREE_SHARE = 0.6  # share of those answers that agrees (4 or 5 of 5, or "ja" in a tally)
MIN_MEASURED = 10  # cursisten measured at the last lesson, summed over courses
MIN_GAIN_POINTS = 10.0  # percentage points more who can do it after than before
MIN_OBSERVED_SHARE = 0.5  # share of the sessions in which leaders saw a signal
MIN_OBSERVED_SESSIONS = 5  # sessions of the aiming activities, at least
MIN_QUOTES = 3  # publishable quotes about the effect
# A course's before/after pair counts only when the number of cursisten measured at the last
# lesson differs at most this many percent from the number at the first lesson: otherwise
# the two shares are about different groups (drop-outs, newcomers) and not comparable.
MAX_MEASURED_CHANGE = 20

EVIDENCE_RULE = (
    "Per beoogd effect kijken we naar vijf bronnen, elk met een eigen aantal (n). "
    f"Deelnemers: wat deelnemers zelf zeiden direct na een bijeenkomst (in Telegram, op een "
    "webpagina of bij een telling op papier of met handen omhoog). Dit telt als we samen "
    f"minstens {MIN_ANSWERS} antwoorden hebben en minstens {percent(MIN_AGREE_SHARE)} het eens "
    "is (4 of 5 op een schaal van 5, of 'ja' bij een telling). "
    f"Vervolg: wat deelnemers 4 tot 6 weken later zeiden; dit telt bij minstens {MIN_FOLLOWUP} "
    f"antwoorden en minstens {percent(MIN_AGREE_SHARE)} eens. "
    f"Meting: een voor/na-telling in cursussen bij samen minstens {MIN_MEASURED} cursisten, "
    f"waarbij het aandeel dat het kan met minstens {number(MIN_GAIN_POINTS)} procentpunten "
    "stijgt. Een cursus telt alleen mee als er bij de eerste én bij de laatste les is geteld, "
    "en het aantal cursisten dat bij de laatste les is geteld hoogstens "
    f"{MAX_MEASURED_CHANGE}% afwijkt van het aantal bij de eerste les; anders gaan de twee "
    "tellingen over verschillende groepen. We vergelijken het aandeel dat het kan, niet de "
    "aantallen. "
    "Signalen: de begeleiders zagen of hoorden een signaal van het effect bij minstens "
    f"{percent(MIN_OBSERVED_SHARE)} van de gemelde bijeenkomsten van de activiteiten die erop "
    f"gericht zijn, en dat over minstens {MIN_OBSERVED_SESSIONS} bijeenkomsten. "
    f"Verhalen: minstens {MIN_QUOTES} publiceerbare citaten over het effect. "
    "Het bewijs is sterk als twee bronnen tellen en minstens één daarvan van de deelnemers "
    "zelf komt (direct of bij het vervolg) of een meting is. Signalen van begeleiders en "
    "verhalen samen zijn dus nooit sterk: begeleiders kijken naar hun eigen werk en kiezen zelf "
    "welke citaten ze doorgeven. Het bewijs is redelijk als één bron telt (deelnemers, "
    "vervolg, meting of signalen). Het is beperkt als er wel iets is gemeten (een antwoord, een "
    "signaal, een telling of een citaat), maar te weinig voor redelijk, of als minder dan "
    f"{percent(MIN_AGREE_SHARE)} van de deelnemers het eens was. Is er niets gemeten, dan staat "
    "er 'nog niet gemeten': dat zegt niets over het effect, alleen dat we het nog niet "
    "vastlegden. Een begeleider die de vraag naar signalen overslaat, zegt daarmee geen 'nee'. "
    "De respons is het aantal deelnemers dat antwoordde, gedeeld door het aantal aanwezigen "
    "bij de bijeenkomsten waar de vragen werden gesteld. "
    "In het hoofdstuk van een opgave telt alleen wat de activiteiten van die opgave "
    "opleverden. Een effect waar activiteiten van meer opgaven op gericht zijn, kan daardoor "
    "per hoofdstuk een ander oordeel hebben. Het overzicht per effect voor de hele organisatie "
    "(in de gegevensuitvoer onder 'effecten') telt de activiteiten van alle opgaven samen. "
    "Landelijk onderzoek dat we noemen, telt niet mee in het oordeel: het laat zien waarom we "
    "het effect verwachten, niet dat het bij ons optreedt."
)


def _agree_enough(answers: int, agrees: int, minimum: int) -> bool:
    # integer comparison, so exactly 60% counts without float noise
    return answers >= minimum and agrees * 100 >= round(MIN_AGREE_SHARE * 100) * answers


def participants_count(e: EffectEvidence) -> bool:
    return _agree_enough(e.answers, e.agrees, MIN_ANSWERS)


def followup_counts(e: EffectEvidence) -> bool:
    return _agree_enough(e.followup_answers, e.followup_agrees, MIN_FOLLOWUP)


def measurement_counts(e: EffectEvidence) -> bool:
    gain = e.gain_points
    return e.measured_after >= MIN_MEASURED and gain is not None and gain >= MIN_GAIN_POINTS


def signals_count(e: EffectEvidence) -> bool:
    return e.sessions >= MIN_OBSERVED_SESSIONS and e.observed * 100 >= round(
        MIN_OBSERVED_SHARE * 100
    ) * max(e.sessions, 1)


def stories_count(e: EffectEvidence) -> bool:
    return e.quotes >= MIN_QUOTES


def measured_at_all(e: EffectEvidence) -> bool:
    return bool(e.answers or e.followup_answers or e.observed or e.has_measurement or e.quotes)


def label_for(e: EffectEvidence) -> Label:
    """The rule in EVIDENCE_RULE, as code."""
    own_voice = [participants_count(e), followup_counts(e), measurement_counts(e)]
    counting = [*own_voice, signals_count(e), stories_count(e)]
    if any(own_voice) and sum(counting) >= 2:
        return "sterk"
    if any(own_voice) or signals_count(e):
        return "redelijk"
    if measured_at_all(e):
        return "beperkt"
    return "niet-gemeten"


def _share(k: int, n: int) -> str:
    return percent(k / n) if n else "–"


def grounds_for(e: EffectEvidence) -> list[str]:
    """Plain Dutch sentences, one per source, saying what the evidence consists of."""
    out: list[str] = []
    if e.answers:
        line = (
            f"Deelnemers direct na afloop: {number(e.agrees)} van de "
            f"{count(e.answers, 'antwoord', 'antwoorden')} eens ({_share(e.agrees, e.answers)})"
        )
        tallied = e.answers_by_source.get("telling", 0)
        if tallied:
            line += f", waarvan {number(tallied)} geteld op papier of met handen omhoog"
        if e.response is not None:
            line += f"; respons {percent(min(e.response, 1.0))} van de aanwezigen"
        out.append(line + ".")
    if e.followup_answers:
        out.append(
            f"Deelnemers 4 tot 6 weken later: {number(e.followup_agrees)} van de "
            f"{count(e.followup_answers, 'antwoord', 'antwoorden')} gebruikten het "
            f"({_share(e.followup_agrees, e.followup_answers)})."
        )
    if e.has_measurement:
        out.append(
            f"Voor/na-telling in {count(e.courses_measured, 'cursus', 'cursussen')}: bij de "
            f"eerste les kon {percent(e.share_before)} het, bij de laatste les "
            f"{percent(e.share_after)} ({count(e.measured_after, 'cursist', 'cursisten')} "
            "gemeten)."
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
    out += _signal_grounds(e)
    if e.quotes:
        citaten = "citaat gaat" if e.quotes == 1 else "citaten gaan"
        out.append(f"{number(e.quotes)} {citaten} over dit effect.")
    if not measured_at_all(e) and e.active_activities:
        out.append("Nog niet gemeten: niemand heeft hier dit jaar iets over vastgelegd.")
    return out


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
    return [
        f"Begeleiders zagen een signaal bij {number(e.observed)} van de "
        f"{number(e.sessions)} bijeenkomsten ({percent(e.observed / e.sessions)}){seen}."
    ]
