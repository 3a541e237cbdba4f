"""Write the spreadsheet fixtures as libraries really have them, with LibreOffice itself.

Run from the repository root on a machine with LibreOffice (`apt-get install -y
libreoffice-calc-nogui`): `python tests/data/sheets/make_sheets.py`. A fresh machine has no
LibreOffice, so the files it makes are committed; the tests only read them.

- `bieb-2025.xlsx`: written here with openpyxl; three sheets: "Westerveld" (a title line and
  an empty line above the header, date cells, a quote), "Midden-Drenthe" (other header
  spellings, a course with enrolment, spreekuur questions) and "Toelichting" (only notes).
- `bieb-2025.ods`, `bieb-2025.xls`: that workbook converted by LibreOffice Calc (ODF, and
  "MS Excel 97").
- `bieb-2025-libreoffice.csv`: the "Westerveld" sheet as typed into LibreOffice Calc in a
  Dutch locale (language nl-NL: "14-3-2025" becomes a date cell with the Dutch short date
  format) and saved by LibreOffice as CSV: ',' between cells, Windows-1252, dates as dd-mm-jj
  (14-03-25), the title lines above the header kept.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

WESTERVELD = [
    ["Datum activiteit", "Activiteit", "Locatie", "Aantal deelnemers", "Kinderen", "Volwassenen",
     "Citaat", "Citaat van", "Toestemming"],
    [date(2025, 3, 14), "Voorleesuurtje", "Havelte", 20, 12, 8,
     "Isa wil nu elke avond voorlezen, zegt ze", "moeder van Isa", "ja"],
    [date(2025, 3, 21), "Voorleesuurtje", "Bibliotheek Havelte", 15, 9, 6, None, None, None],
    [date(2025, 4, 2), "Taalcafé", "Diever", 7, None, None, None, None, None],
    [date(2025, 4, 9), "taalcafe", "Diever", 9, None, None, "Ik durf nu te praten", "cursist",
     "anoniem"],
    [date(2025, 5, 6), "Drents veurlezen", "Dwingeloo", 14, None, None, None, None, None],
]  # fmt: skip
MIDDEN_DRENTHE = [
    ["Datum", "Activiteit", "Bieb", "Deelnemers", "Vragen", "Cursus", "Ingeschreven"],
    [date(2025, 2, 3), "Klik & Tik", "Beilen", 6, None, "Klik & Tik voorjaar", 8],
    [date(2025, 2, 10), "Klik & Tik", "Beilen", 7, None, "Klik & Tik voorjaar", 8],
    [date(2025, 2, 11), "IDO-spreekuur", "Westerbork", 3, 5, None, None],
    [date(2025, 10, 1), "Breicafé", "Smilde", 11, None, None, None],
]  # fmt: skip


def workbook(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Westerveld"
    sheet.append(["Activiteiten Westerveld 2025 (bijgehouden door de vestigingen)"])
    sheet.append([])
    for row in WESTERVELD:
        sheet.append(row)
    for cell in sheet["A"][3:]:
        cell.number_format = "dd-mm-yyyy"
    other = book.create_sheet("Midden-Drenthe")
    for row in MIDDEN_DRENTHE:
        other.append(row)
    notes = book.create_sheet("Toelichting")
    notes.append(["Vul per bijeenkomst één regel in."])
    notes.append(["Vragen? Mail de regiomanager."])
    book.save(path)


def soffice(*args: str, cwd: Path) -> None:
    # LibreOffice in a Dutch locale: its default formats (dates dd-mm-jj) are nl-NL's.
    env = {**os.environ, "HOME": str(cwd / "home"), "LANG": "nl_NL.UTF-8", "LC_ALL": "nl_NL.UTF-8"}
    subprocess.run(["soffice", "--headless", *args], cwd=cwd, env=env, check=True)


def main() -> None:
    xlsx = HERE / "bieb-2025.xlsx"
    workbook(xlsx)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(xlsx, work / "bieb-2025.xlsx")
        soffice("--convert-to", "ods", "bieb-2025.xlsx", cwd=work)
        soffice("--convert-to", "xls:MS Excel 97", "bieb-2025.xlsx", cwd=work)
        shutil.copy(work / "bieb-2025.ods", HERE / "bieb-2025.ods")
        shutil.copy(work / "bieb-2025.xls", HERE / "bieb-2025.xls")
        # What a person types in Dutch Calc, read as nl-NL (1043): ';' (59), '"' (34), UTF-8
        # (76). Saved as CSV: ',' (44), '"' (34), Windows-1252 (1), nl-NL dates (dd-mm-jj).
        typed = work / "typed" / "bieb-2025-libreoffice.csv"
        typed.parent.mkdir()
        with typed.open("w", encoding="utf-8", newline="") as f:
            out = csv.writer(f, delimiter=";")
            out.writerows([["Activiteiten Westerveld 2025 (bijgehouden door de vestigingen)"], []])
            for row in WESTERVELD:
                out.writerow(
                    [f"{v.day}-{v.month}-{v.year}" if isinstance(v, date) else v for v in row]
                )
        soffice("--infilter=CSV:59,34,76,1,,1043", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,1,1,,1043", "--outdir", "out",
                str(typed), cwd=work)  # fmt: skip
        shutil.copy(work / "out" / typed.name, HERE / typed.name)


if __name__ == "__main__":
    main()
