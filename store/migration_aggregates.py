"""Migration 11: aggregate tables that SQLite triggers keep in step with the raw tables.

Why triggers, not Python: every write path (a report, a correction, a deletion, an import, an
erasure that cascades, a survey answer, a tally) then updates the aggregates in the same
statement, so in the same transaction, and a path added later cannot forget to. The cost is
paid on writes (a few upserts per session); reads of /stand and the year report no longer
grow with the number of sessions (bench/scale.py). A bulk import sets the insert triggers
aside inside its own transaction and adds its sessions set-wise (store.aggregates.bulk_load).

The tables, all WITHOUT ROWID with the grouping columns as key, and no other index: a period
is a range of the key, a gemeente or vestiging a filter on that range (a few thousand rows),
which is cheaper than a second index whose every row costs a lookup in the key:
- agg_day:   per date, gemeente, vestiging and activity: bijeenkomsten, the summed counts, and
             participants' answers right after a session (antwoorden, of which eens).
- agg_month: the same per year and month (a year's figures read at most 12 x activities x
             vestigingen rows).
- agg_series_year: lessons per course, year and gemeente (a course counts in a year when it
             had a lesson in it).
- agg_effect: per year, gemeente, vestiging, activity and effect: the sessions where a leader
             ticked the effect or saw one of its signals (a session counts once per effect).
- agg_signal: per year, gemeente, vestiging, activity, signal and effect: how often it was seen.

A row whose count drops to 0 is deleted, so grouping an aggregate gives the same keys as
grouping the raw rows. store/aggregates.py recomputes every table from the raw rows and compares.

Trigger order on a session's deletion: the BEFORE DELETE trigger on sessions removes the
session with all it contributed through its children; the children's own DELETE triggers then
find no session (a cascade runs after the parent row is gone) and do nothing. Rows of
observations, session_signals and survey_answers are never updated in place (a correction
deletes and inserts), so an UPDATE of those tables is refused rather than counted wrongly.
"""

from __future__ import annotations

import sqlite3

_DAY_KEY = ("date", "gemeente", "vestiging", "activity")
_MONTH_KEY = ("year", "gemeente", "month", "vestiging", "activity")
_EFFECT_KEY = ("year", "gemeente", "vestiging", "activity")
_COUNTERS = ("bijeenkomsten", "deelnemers", "kinderen", "volwassenen", "vragen")

TABLES = """
CREATE TABLE agg_day (
    date TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    vestiging TEXT NOT NULL,
    activity TEXT NOT NULL,
    year INTEGER NOT NULL,
    bijeenkomsten INTEGER NOT NULL,
    deelnemers INTEGER NOT NULL,
    kinderen INTEGER NOT NULL,
    volwassenen INTEGER NOT NULL,
    vragen INTEGER NOT NULL,
    antwoorden INTEGER NOT NULL DEFAULT 0,
    eens INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (date, gemeente, vestiging, activity)
) WITHOUT ROWID;
CREATE TABLE agg_month (
    year INTEGER NOT NULL,
    gemeente TEXT NOT NULL,
    month INTEGER NOT NULL,
    vestiging TEXT NOT NULL,
    activity TEXT NOT NULL,
    bijeenkomsten INTEGER NOT NULL,
    deelnemers INTEGER NOT NULL,
    kinderen INTEGER NOT NULL,
    volwassenen INTEGER NOT NULL,
    vragen INTEGER NOT NULL,
    antwoorden INTEGER NOT NULL DEFAULT 0,
    eens INTEGER NOT NULL DEFAULT 0,
    -- gemeente before month: one gemeente's year is one stretch of the key
    PRIMARY KEY (year, gemeente, month, vestiging, activity)
) WITHOUT ROWID;
CREATE TABLE agg_series_year (
    year INTEGER NOT NULL,
    gemeente TEXT NOT NULL,
    series_id INTEGER NOT NULL,
    lessons INTEGER NOT NULL,
    PRIMARY KEY (year, gemeente, series_id)
) WITHOUT ROWID;
CREATE TABLE agg_effect (
    year INTEGER NOT NULL,
    gemeente TEXT NOT NULL,
    vestiging TEXT NOT NULL,
    activity TEXT NOT NULL,
    effect TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    PRIMARY KEY (year, gemeente, vestiging, activity, effect)
) WITHOUT ROWID;
-- The report counts a year's quotes by consent and review (reports/reflection.py): in this
-- order the groups come out of the index sorted, for a gemeente or the whole organisation.
CREATE INDEX quotes_year_consent ON quotes (year, consent, review, gemeente);
CREATE TABLE agg_signal (
    year INTEGER NOT NULL,
    gemeente TEXT NOT NULL,
    vestiging TEXT NOT NULL,
    activity TEXT NOT NULL,
    signal TEXT NOT NULL,
    effect TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (year, gemeente, vestiging, activity, signal, effect)
) WITHOUT ROWID;
"""


def _column(column: str, row: str) -> str:
    """A key column's value for a session row; the month comes from the date."""
    if column == "month":
        return f"CAST(substr({row}.date, 6, 2) AS INTEGER)"
    return f"{row}.{column}"


def _match(key: tuple[str, ...], row: str) -> str:
    """`a = R.a AND b = R.b ...`: the aggregate row of session row R."""
    return " AND ".join(f"{c} = {_column(c, row)}" for c in key)


def _values(key: tuple[str, ...], row: str) -> str:
    return ", ".join(_column(c, row) for c in key)


def _answers(row: str, what: str) -> str:
    return f"(SELECT {what} FROM survey_answers WHERE session_id = {row}.id AND moment = 'direct')"


def _effects_of(row: str) -> str:
    return (
        f"SELECT effect FROM observations WHERE session_id = {row}.id "
        f"UNION SELECT effect FROM session_signals WHERE session_id = {row}.id"
    )


def _add_session(row: str, children: bool = True) -> str:
    """Statements that add one session (with all its children) to every aggregate. A new
    session has no children yet (they point at it), so its trigger skips those lookups."""
    out = []
    answers = _answers(row, "count(*)") if children else "0"
    agrees = _answers(row, "coalesce(sum(agrees), 0)") if children else "0"
    for table, key in (("agg_day", _DAY_KEY), ("agg_month", _MONTH_KEY)):
        extra = ", year" if table == "agg_day" else ""
        extra_value = f", {row}.year" if table == "agg_day" else ""
        out.append(
            f"INSERT INTO {table} ({', '.join(key)}{extra}, {', '.join(_COUNTERS)}, "
            f"antwoorden, eens) SELECT {_values(key, row)}{extra_value}, 1, {row}.deelnemers, "
            f"coalesce({row}.kinderen, 0), coalesce({row}.volwassenen, 0), "
            f"coalesce({row}.vragen, 0), {answers}, {agrees} WHERE true "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
            + ", ".join(f"{c} = {c} + excluded.{c}" for c in (*_COUNTERS, "antwoorden", "eens"))
            + ";"
        )
    out.append(
        "INSERT INTO agg_series_year (year, gemeente, series_id, lessons) "
        f"SELECT {row}.year, {row}.gemeente, {row}.series_id, 1 "
        f"WHERE {row}.series_id IS NOT NULL "
        "ON CONFLICT (year, gemeente, series_id) DO UPDATE SET lessons = lessons + 1;"
    )
    if not children:
        return "\n".join(out)
    out.append(
        f"INSERT INTO agg_effect ({', '.join(_EFFECT_KEY)}, effect, sessions) "
        f"SELECT {_values(_EFFECT_KEY, row)}, e.effect, 1 FROM ({_effects_of(row)}) e "
        "WHERE true ON CONFLICT DO UPDATE SET sessions = sessions + 1;"
    )
    out.append(
        f"INSERT INTO agg_signal ({', '.join(_EFFECT_KEY)}, signal, effect, n) "
        f"SELECT {_values(_EFFECT_KEY, row)}, g.signal, g.effect, 1 FROM session_signals g "
        f"WHERE g.session_id = {row}.id ON CONFLICT DO UPDATE SET n = n + 1;"
    )
    return "\n".join(out)


def _remove_session(row: str) -> str:
    """Statements that take one session (with all its children) out of every aggregate."""
    out = []
    for table, key in (("agg_day", _DAY_KEY), ("agg_month", _MONTH_KEY)):
        where = _match(key, row)
        out.append(
            f"UPDATE {table} SET bijeenkomsten = bijeenkomsten - 1, "
            f"deelnemers = deelnemers - {row}.deelnemers, "
            f"kinderen = kinderen - coalesce({row}.kinderen, 0), "
            f"volwassenen = volwassenen - coalesce({row}.volwassenen, 0), "
            f"vragen = vragen - coalesce({row}.vragen, 0), "
            f"antwoorden = antwoorden - {_answers(row, 'count(*)')}, "
            f"eens = eens - {_answers(row, 'coalesce(sum(agrees), 0)')} WHERE {where};"
        )
        out.append(f"DELETE FROM {table} WHERE {where} AND bijeenkomsten <= 0;")
    series = f"year = {row}.year AND gemeente = {row}.gemeente AND series_id = {row}.series_id"
    out.append(f"UPDATE agg_series_year SET lessons = lessons - 1 WHERE {series};")
    out.append(f"DELETE FROM agg_series_year WHERE {series} AND lessons <= 0;")
    where = _match(_EFFECT_KEY, row)
    out.append(
        f"UPDATE agg_effect SET sessions = sessions - 1 WHERE {where} "
        f"AND effect IN ({_effects_of(row)});"
    )
    out.append(f"DELETE FROM agg_effect WHERE {where} AND sessions <= 0;")
    out.append(
        f"UPDATE agg_signal SET n = n - 1 WHERE {where} AND (signal, effect) IN "
        f"(SELECT signal, effect FROM session_signals WHERE session_id = {row}.id);"
    )
    out.append(f"DELETE FROM agg_signal WHERE {where} AND n <= 0;")
    return "\n".join(out)


# The session a child row belongs to, as a one-row source `s`; none during a cascade.
_SESSION_OF = "FROM sessions s WHERE s.id = {child}.session_id"


def _key_of_session(key: tuple[str, ...], child: str) -> str:
    """`(a, b, ...) = (SELECT s.a, s.b, ... FROM sessions s WHERE s.id = child.session_id)`:
    the aggregate row of the child's session (no row during a cascade, so nothing matches)."""
    values = _values(key, "s")
    return f"({', '.join(key)}) = (SELECT {values} {_SESSION_OF.format(child=child)})"


def _child_triggers() -> str:
    effect_key = _values(_EFFECT_KEY, "s")
    no_signal = (
        "NOT EXISTS (SELECT 1 FROM session_signals g WHERE g.session_id = {r}.session_id "
        "AND g.effect = {r}.effect{other})"
    )
    no_tick = (
        "NOT EXISTS (SELECT 1 FROM observations o WHERE o.session_id = {r}.session_id "
        "AND o.effect = {r}.effect)"
    )

    def effect_change(r: str, sign: str, condition: str) -> str:
        if sign == "+":
            return (
                f"INSERT INTO agg_effect ({', '.join(_EFFECT_KEY)}, effect, sessions) "
                f"SELECT {effect_key}, {r}.effect, 1 {_SESSION_OF.format(child=r)} "
                f"AND {condition} ON CONFLICT DO UPDATE SET sessions = sessions + 1;"
            )
        row = f"{_key_of_session(_EFFECT_KEY, r)} AND effect = {r}.effect"
        return (
            f"UPDATE agg_effect SET sessions = sessions - 1 WHERE {row} AND {condition};\n"
            f"DELETE FROM agg_effect WHERE {row} AND sessions <= 0;"
        )

    def answers_change(r: str, sign: str) -> str:
        return "\n".join(
            f"UPDATE {table} SET antwoorden = antwoorden {sign} 1, eens = eens {sign} "
            f"{r}.agrees WHERE {_key_of_session(key, r)};"
            for table, key in (("agg_day", _DAY_KEY), ("agg_month", _MONTH_KEY))
        )

    signal_row = (
        f"{_key_of_session(_EFFECT_KEY, 'OLD')} AND signal = OLD.signal AND effect = OLD.effect"
    )
    refuse = "SELECT RAISE(ABORT, '{t} rows are aggregated: delete and insert instead');"
    return f"""
CREATE TRIGGER agg_observations_insert AFTER INSERT ON observations BEGIN
{effect_change("NEW", "+", no_signal.format(r="NEW", other=""))}
END;
CREATE TRIGGER agg_observations_delete AFTER DELETE ON observations BEGIN
{effect_change("OLD", "-", no_signal.format(r="OLD", other=""))}
END;
CREATE TRIGGER agg_observations_update BEFORE UPDATE ON observations BEGIN
{refuse.format(t="observations")}
END;
CREATE TRIGGER agg_signals_insert AFTER INSERT ON session_signals BEGIN
INSERT INTO agg_signal ({", ".join(_EFFECT_KEY)}, signal, effect, n)
SELECT {effect_key}, NEW.signal, NEW.effect, 1 {_SESSION_OF.format(child="NEW")}
ON CONFLICT DO UPDATE SET n = n + 1;
{effect_change("NEW", "+", no_tick.format(r="NEW") + " AND " + no_signal.format(r="NEW", other=" AND g.signal != NEW.signal"))}
END;
CREATE TRIGGER agg_signals_delete AFTER DELETE ON session_signals BEGIN
UPDATE agg_signal SET n = n - 1 WHERE {signal_row};
DELETE FROM agg_signal WHERE {signal_row} AND n <= 0;
{effect_change("OLD", "-", no_tick.format(r="OLD") + " AND " + no_signal.format(r="OLD", other=""))}
END;
CREATE TRIGGER agg_signals_update BEFORE UPDATE ON session_signals BEGIN
{refuse.format(t="session_signals")}
END;
CREATE TRIGGER agg_answers_insert AFTER INSERT ON survey_answers WHEN NEW.moment = 'direct'
BEGIN
{answers_change("NEW", "+")}
END;
CREATE TRIGGER agg_answers_delete AFTER DELETE ON survey_answers WHEN OLD.moment = 'direct'
BEGIN
{answers_change("OLD", "-")}
END;
CREATE TRIGGER agg_answers_update BEFORE UPDATE ON survey_answers BEGIN
{refuse.format(t="survey_answers")}
END;
"""  # noqa: E501


_WATCHED = (
    "date", "year", "activity", "vestiging", "gemeente", "deelnemers", "kinderen",
    "volwassenen", "vragen", "series_id",
)  # fmt: skip


def triggers() -> str:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _WATCHED)
    return f"""
CREATE TRIGGER agg_sessions_insert AFTER INSERT ON sessions BEGIN
{_add_session("NEW", children=False)}
END;
CREATE TRIGGER agg_sessions_delete BEFORE DELETE ON sessions BEGIN
{_remove_session("OLD")}
END;
CREATE TRIGGER agg_sessions_update AFTER UPDATE ON sessions WHEN {changed} BEGIN
{_remove_session("OLD")}
{_add_session("NEW")}
END;
{_child_triggers()}
"""


FILL = """
INSERT INTO agg_day
SELECT s.date, s.gemeente, s.vestiging, s.activity, s.year, count(*), sum(s.deelnemers),
    coalesce(sum(s.kinderen), 0), coalesce(sum(s.volwassenen), 0), coalesce(sum(s.vragen), 0),
    coalesce(sum(a.n), 0), coalesce(sum(a.agree), 0)
FROM sessions s LEFT JOIN (SELECT session_id, count(*) AS n, sum(agrees) AS agree
    FROM survey_answers WHERE moment = 'direct' GROUP BY session_id) a ON a.session_id = s.id
GROUP BY s.date, s.gemeente, s.vestiging, s.activity, s.year;
INSERT INTO agg_month
SELECT year, gemeente, CAST(substr(date, 6, 2) AS INTEGER), vestiging, activity,
    sum(bijeenkomsten), sum(deelnemers), sum(kinderen), sum(volwassenen), sum(vragen),
    sum(antwoorden), sum(eens)
FROM agg_day GROUP BY 1, 2, 3, 4, 5;
INSERT INTO agg_series_year
SELECT year, gemeente, series_id, count(*) FROM sessions WHERE series_id IS NOT NULL
GROUP BY year, gemeente, series_id;
INSERT INTO agg_effect
SELECT s.year, s.gemeente, s.vestiging, s.activity, e.effect, count(*)
FROM (SELECT session_id, effect FROM observations
      UNION SELECT session_id, effect FROM session_signals) e
JOIN sessions s ON s.id = e.session_id
GROUP BY s.year, s.gemeente, s.vestiging, s.activity, e.effect;
INSERT INTO agg_signal
SELECT s.year, s.gemeente, s.vestiging, s.activity, g.signal, g.effect, count(*)
FROM session_signals g JOIN sessions s ON s.id = g.session_id
GROUP BY s.year, s.gemeente, s.vestiging, s.activity, g.signal, g.effect;
"""


def trigger_statements() -> list[str]:
    """triggers(), one CREATE TRIGGER statement each (for a repair: store.aggregates.rebuild)."""
    out: list[str] = []
    statement = ""
    for line in triggers().splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            out.append(statement.strip().removesuffix(";"))
            statement = ""
    return out


TRIGGER_NAMES = tuple(s.split()[2] for s in trigger_statements())
