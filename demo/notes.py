"""Demo "Met wie?" and "Wat was bijzonder?": what leaders add to a report, in the voice of the
Jaarbericht 2024 Westerveld (seed 001): the partners a session was done with, and a story of
one or two sentences without participants' names, with its consent and review state.

Each note names its activity and the vestiging it happened at; it is attached to one session of
that activity there (the last lesson of a course). Notes whose activity or vestiging is missing
from a loaded catalogue are left out, so any organisation's catalogue works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class DemoNote:
    activity: str
    vestiging: str
    partners: tuple[str, ...] = ()
    story: str | None = None
    consent: Literal["ja", "anoniem", "nee"] = "ja"
    review: Literal["new", "approved"] = "approved"
    year_offset: int = 0


N = DemoNote

# fmt: off
NOTES: tuple[DemoNote, ...] = (
    # --- Westerveld, the demo's gemeente ---------------------------------------------------
    N("workshop", "diever", ("Garage TDI",),
      "11 kinderen maakten met theaterdocenten van Garage TDI een eigen theaterstuk bij het "
      "boek Word nooit groot, en speelden het later voor hun ouders."),
    N("workshop", "havelte", ("Mad Science",),
      "In Havelte deden 11 enthousiaste kinderen proeven met statische elektriciteit. "
      "Na afloop leenden ze samen 14 boeken over uitvinders."),
    N("lezing", "vledder", ("Scholengemeenschap Stad en Esch", "Stichting Lezen & Schrijven"),
      "54 leerlingen speelden een escapespel over laaggeletterdheid. Niemand won: zo voelden "
      "ze hoe lastig het is als je niet goed kunt lezen."),
    N("digivitaler", "havelte", ("Huisartsenpraktijk Havelte",),
      "Bij elke les was iemand van de huisartsenpraktijk. De cursus zat zo snel vol dat we "
      "hem nog drie keer gaven."),
    N("leerplein", "vledder", ("SeniorWeb Vledder", "Naobuur"),
      "Elke dinsdagavond komen er nieuwe mensen binnenlopen met een eigen vraag over hun "
      "telefoon. De vrijwilligers helpen ze op hun eigen tempo.", review="new"),
    N("taalhuis", "havelte", ("Welzijn Mensenwerk", "Albert Heijn Havelte"),
      "Bij het Koffie-uurtje in de supermarkt vroeg een bezoeker voor het eerst hulp bij "
      "een brief van de gemeente.", consent="anoniem"),
    N("voorleesuurtje", "diever", ("Consultatiebureau Diever",),
      "Drie ouders die elkaar bij het voorleesuurtje leerden kennen, spreken nu elke week "
      "samen af in de bibliotheek."),
    N("ido-spreekuur", "havelte", ("Geldpunt", "Gemeente Westerveld")),
    N("klik-en-tik", "diever", ("Vrouwen van Nu", "Dorpshuis Over Entinghe"),
      "Twaalf dames van Vrouwen van Nu leerden in het dorpshuis videobellen. Aan het eind "
      "belden ze samen met een kleinkind in Australië.", consent="nee", review="new"),
    # --- elsewhere in Drenthe --------------------------------------------------------------
    N("coderdojo", "meppel", ("Makerscommunity Meppel",),
      "Twee meiden van 10 bouwden een spel dat ze daarna aan de hele groep uitlegden."),
    N("breicafe", "zuidwolde", ("Zonnebloem Zuidwolde",),
      "De breiclub maakte 40 mutsen voor de voedselbank."),
    # --- the year before -------------------------------------------------------------------
    N("workshop", "diever", ("Garage TDI",),
      "Kinderen bedachten zelf een toneelstuk bij de Kinderboekenweek en speelden het in "
      "de bibliotheek.", year_offset=-1),
)
# fmt: on
