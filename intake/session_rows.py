"""One spreadsheet row of sessions -> a checked SessionIn (used by intake.importer).

Each distinct cell value is parsed once (100,000 rows hold only a few hundred different dates,
names and counts); the row then gets the same checks as a session from the bot
(`store.sessions.validate_session`, and the chat's rule for the day: `day_problem`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from intake.names import full_name_in_quote, full_name_problem
from intake.tables import (
    Cell,
    CellError,
    Resolver,
    Table,
    cell_text,
    parse_count,
    parse_date,
)
from store.session_model import attendance_problem
from store.session_notes import MAX_STORY, StoryIn
from store.sessions import (
    MeasurementIn,
    QuoteIn,
    SessionIn,
    SessionInvalid,
    day_problem,
)
from store.sessions import validate_session as check_session
from toc.matcher import Matcher
from toc.models import Catalogue

# progress(phase, done, total); phase is a Dutch word for the terminal ("controleren", "opslaan").
Progress = Callable[[str, int, int], None]
PROGRESS_EVERY = 1000
ACTOR = "import"

SESSION_REQUIRED = ("datum", "activiteit", "vestiging")
ATTENDANCE = ("deelnemers", "kinderen", "volwassenen")
# Columns an export writes besides the basic ones, so reading it back loses nothing.
EXPORT_ONLY = (
    "signalen/effecten",
    "voor/na",
    "beoordeling",
    "citaat effecten",
    "bijzonder beoordeling",
)
OPTIONAL = (
    "vragen",
    "reeks",
    "ingeschreven",
    "citaat",
    "citaat van",
    "toestemming",
    # "Met wie?" (names separated by ';') and "Wat was bijzonder?" with its consent
    "partners",
    "bijzonder",
    "bijzonder toestemming",
    "bron",
)
SESSION_COLUMNS = (*SESSION_REQUIRED, *ATTENDANCE, *OPTIONAL, *EXPORT_ONLY)
CONSENTS = ("ja", "anoniem", "nee")
# The review state as the export writes it (Dutch) and as the store keeps it.
REVIEWS = {"nieuw": "new", "goedgekeurd": "approved", "afgewezen": "rejected"}
REVIEW_NAMES = {v: k for k, v in REVIEWS.items()}
NO_ROWS = "Er staan geen gegevens in het bestand, alleen een kopregel."
STORY_FULL_NAME = (
    "in 'bijzonder' staat een voor- en achternaam; laat de achternaam weg, "
    "bijvoorbeeld 'een moeder' in plaats van de hele naam"
)
STORY_TOO_LONG = "'bijzonder' is langer dan {max} tekens; maak het korter (één of twee zinnen)"


def tick(progress: Progress | None, phase: str, done: int, total: int) -> None:
    if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
        progress(phase, done, total)


def session_missing(found: set[str]) -> list[str]:
    missing = [c for c in SESSION_REQUIRED if c not in found]
    if not any(c in found for c in ATTENDANCE):
        missing.append("deelnemers")
    return missing


def day_reader(today: date) -> Callable[[Cell], date]:
    """parse_date plus the chat's rule for a session's day (store.sessions.day_problem)."""

    def read(value: Cell) -> date:
        day = parse_date(value)
        problem = day_problem(day, today)
        shown = f"{day.day:02d}-{day.month:02d}-{day.year:04d}"  # strftime drops zeros of 0001
        if problem == "toekomst":
            raise CellError(f"datum {shown} ligt in de toekomst; is het jaartal goed?")
        if problem == "te-oud":
            raise CellError(f"datum {shown} is vóór het jaar 2000; is het jaartal goed?")
        return day

    return read


def split_partners(value: Cell) -> list[str]:
    """'Theater Havelte; Dorpshuis Dwingeloo' (or with commas) -> the names."""
    return [p.strip() for p in cell_text(value).replace(";", ",").split(",") if p.strip()]


def split_ids(value: Cell) -> list[str]:
    """'effect-a, effect-b' (an export's list of ids) -> ['effect-a', 'effect-b']."""
    text = cell_text(value).replace(";", ",")
    return [part.strip() for part in text.split(",") if part.strip()]


# -- sessions -----------------------------------------------------------------------------------


@dataclass(slots=True)
class SessionRow:
    table: Table
    line: int
    session: SessionIn

    @property
    def where(self) -> str:
        return self.table.where(self.line)


# Cells read for every row besides the parsed ones (in this order in RowParser.parse).
_OPTIONAL_CELLS = (
    "citaat",
    "toestemming",
    "signalen/effecten",
    "voor/na",
    "reeks",
    "bron",
    "partners",
    "bijzonder",
    "bijzonder toestemming",
)


class RowParser:
    """One spreadsheet row -> a checked SessionIn. Each distinct cell value is parsed once:
    100,000 rows hold only a few hundred different dates, names and counts."""

    def __init__(self, catalogue: Catalogue, today: date) -> None:
        self.catalogue = catalogue
        activities = Resolver(Matcher.for_activities(catalogue), "activiteit")
        vestigingen = Resolver(Matcher.for_vestigingen(catalogue), "vestiging")

        def count(column: str) -> Callable[[Cell], int | None]:
            return lambda value: parse_count(value, column)

        self.parsers: list[tuple[str, str, Callable[[Cell], object]]] = [
            ("date", "datum", day_reader(today)),
            ("activity", "activiteit", activities),
            ("vestiging", "vestiging", vestigingen),
            *((name, name, count(name)) for name in (*ATTENDANCE, "vragen")),
            ("enrolled", "ingeschreven", count("ingeschreven")),
        ]
        # per field: cell value -> parsed value or CellError (a str is its own key; other
        # cells carry their type, since 1 == 1.0 == True)
        self.memos: dict[str, dict[object, object]] = {name: {} for name, _, _ in self.parsers}
        self.bound: dict[int, list[tuple[str, str, Callable[[Cell], object], dict]]] = {}
        self.optional: dict[int, tuple[str | None, ...]] = {}

    def _bind(self, cols: dict[str, str]) -> list[tuple[str, str, Callable[[Cell], object], dict]]:
        """The parsers of the columns this sheet has (a missing count column is None)."""
        return [
            (name, cols[column], parse, self.memos[name])
            for name, column, parse in self.parsers
            if column in cols
        ]

    def parse(
        self, cols: dict[str, str], row: dict[str, Cell]
    ) -> tuple[SessionIn | None, list[str]]:
        """The session, or every problem found in the row (without the 'regel' prefix)."""

        def cell(column: str) -> Cell:
            header = cols.get(column)
            return None if header is None else row.get(header)

        bound = self.bound.get(id(cols))
        if bound is None:
            bound = self.bound[id(cols)] = self._bind(cols)
            self.optional[id(cols)] = tuple(map(cols.get, _OPTIONAL_CELLS))
        # Most cells of these columns are empty: read them once, parse them only when filled.
        get = row.get
        text, consent, observed, measured, series, source, partners, story, told = (
            get(h) if h else None for h in self.optional[id(cols)]
        )
        problems: list[str] = []
        values: dict[str, object] = {}
        for name, header, parse, memo in bound:
            value = row.get(header)
            key = value if type(value) is str else (type(value), value)
            result = memo.get(key, memo)
            if result is memo:
                try:
                    result = memo[key] = parse(value)
                except CellError as exc:
                    result = memo[key] = exc
            if isinstance(result, CellError):
                problems.append(str(result))
            values[name] = result  # a CellError here is never used: the row has problems
        counts = [values.get(n) for n in ATTENDANCE]
        if all(c is None for c in counts):
            problems.append("geen aantal: vul 'deelnemers' in, of 'kinderen' en 'volwassenen'")
        total, kinderen, volwassenen = (c if isinstance(c, int) else None for c in counts)
        if problem := attendance_problem(total, kinderen, volwassenen):
            problems.append(problem)
        quotes = self.quotes(cell, problems) if text or consent else []
        measurements = self.measurements(measured, problems) if measured else []
        stories = self.stories(cell, problems) if story or told else []
        partner_names = split_partners(partners) if partners else []
        for partner in partner_names:
            if full_name_in_quote(partner, self.catalogue):
                problems.append(
                    f"partner '{partner}' lijkt de naam van een persoon; noem hier organisaties"
                )
                break
        if problems:
            return None, problems
        observed_ids = split_ids(observed) if observed else []
        session = SessionIn(
            **values,
            series_name=(cell_text(series) or None) if series is not None else None,
            quotes=quotes,
            # one column for both: the catalogue tells a signal id from an effect id
            effects=[i for i in observed_ids if self.catalogue.signal(i) is None],
            signals=[i for i in observed_ids if self.catalogue.signal(i) is not None],
            measurements=measurements,
            partners=partner_names,
            stories=stories,
            source="import",
            # An export names each session's own key ('bron'): read back, the same session.
            source_key=(cell_text(source) or None) if source is not None else None,
        )
        try:
            check_session(self.catalogue, session)
        except SessionInvalid as exc:
            return None, [str(exc)]
        return session, []

    def quotes(self, cell: Callable[[str], Cell], problems: list[str]) -> list[QuoteIn]:
        raw_text, raw_consent = cell("citaat"), cell("toestemming")
        if not raw_text and not raw_consent:
            return []
        text, written = cell_text(raw_text), cell_text(raw_consent)
        if not text and not written:
            return []
        consent = written.lower() or "nee"
        if consent not in CONSENTS:
            problems.append(f"toestemming '{written}' is onbekend; kies ja, anoniem of nee")
            return []
        if not text:
            return []
        attribution = cell_text(cell("citaat van")) or None
        if problem := full_name_problem(text, attribution, self.catalogue):
            problems.append(problem)
            return []
        state = cell_text(cell("beoordeling")).lower()
        review = REVIEWS.get(state, state if state in REVIEW_NAMES else None)
        if state and review is None:
            problems.append(
                f"beoordeling '{state}' is onbekend; kies nieuw, goedgekeurd of afgewezen"
            )
            return []
        effects = split_ids(cell("citaat effecten"))
        quote = QuoteIn(
            text=text, attribution=attribution, consent=consent, effects=effects, review=review
        )
        return [quote]

    def stories(self, cell: Callable[[str], Cell], problems: list[str]) -> list[StoryIn]:
        """'bijzonder' with 'bijzonder toestemming' (and an export's 'bijzonder beoordeling'):
        the same consent rule as a quote, and never a participant's full name."""
        text, written = cell_text(cell("bijzonder")), cell_text(cell("bijzonder toestemming"))
        consent = written.lower() or "nee"
        if consent not in CONSENTS:
            problems.append(
                f"bijzonder toestemming '{written}' is onbekend; kies ja, anoniem of nee"
            )
            return []
        if not text:
            return []
        if len(" ".join(text.split())) > MAX_STORY:
            problems.append(STORY_TOO_LONG.format(max=MAX_STORY))
            return []
        if full_name_in_quote(text, self.catalogue):
            problems.append(STORY_FULL_NAME)
            return []
        state = cell_text(cell("bijzonder beoordeling")).lower()
        review = REVIEWS.get(state, state if state in REVIEW_NAMES else None)
        if state and review is None:
            problems.append(
                f"bijzonder beoordeling '{state}' is onbekend; kies nieuw, goedgekeurd of afgewezen"
            )
            return []
        return [StoryIn(text=text, consent=consent, review=review)]

    @staticmethod
    def measurements(value: Cell, problems: list[str]) -> list[MeasurementIn]:
        """'effect voor 3/8, effect na 6/8' (the export's form) -> before/after counts."""
        out: list[MeasurementIn] = []
        for item in split_ids(value):
            parts = item.split()
            try:
                effect, moment, fraction = parts
                able, measured = (int(n) for n in fraction.split("/"))
                out.append(
                    MeasurementIn(effect=effect, moment=moment, able=able, measured=measured)
                )
            except ValueError:
                problems.append(
                    f"voor/na '{item}' is onleesbaar; schrijf bijvoorbeeld 'effect-id voor 3/8'"
                )
        return out
