"""`impactbot toc validate|show` through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from impactbot.cli import main
from toc.loader import default_catalogue

GOOD_ORG = """\
naam = "Testbieb"

[[gemeente]]
id = "westerveld"
naam = "Westerveld"

[[vestiging]]
id = "havelte"
naam = "Bibliotheek Havelte"
gemeente = "westerveld"
"""


@pytest.fixture(autouse=True)
def _no_config_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "IMPACTBOT_CONFIG",
        "IMPACTBOT_ORGANISATION_CATALOGUE",
        "IMPACTBOT_ORGANISATION_ORGANISATION",
    ):
        monkeypatch.delenv(name, raising=False)


def test_validate_default_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["toc", "validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: de verandertheorie klopt.")
    catalogue = default_catalogue()
    assert f"{len(catalogue.activities)} activiteiten" in out
    assert f"{len(catalogue.vestigingen)} vestigingen" in out
    # the shipped prestatieafspraken are examples, and validate says so while they are
    assert "zijn nog voorbeelden" in out and "voorbeeld = true" in out


def test_validate_given_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    org = tmp_path / "org.toml"
    org.write_text(GOOD_ORG, encoding="utf-8")
    # The default organisation's rooster and contracts need the default catalogue; a small
    # organisation without them fits the default catalogue too.
    assert main(["toc", "validate", "--organisatie", str(org)]) == 0
    out = capsys.readouterr().out
    assert "1 gemeenten, 1 vestigingen" in out
    assert "voorbeelden" not in out


def test_validate_broken_exits_1_with_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (Path(__file__).parent.parent / "toc" / "data" / "catalogue.toml").read_text(
        encoding="utf-8"
    )
    broken = source.replace('soort = "reeks"', 'soort = "cursus"', 1).replace(
        'programmalijn = "geletterdheid"', 'programmalijn = "taal"', 1
    )
    path = tmp_path / "catalogus.toml"
    path.write_text(broken, encoding="utf-8")
    assert main(["toc", "validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err
    assert "De verandertheorie klopt niet (2 problemen):" in err
    assert f"{path}, regel " in err
    assert "activiteit 'klik-en-tik': veld 'soort': 'cursus' is geen geldige waarde" in err
    assert (
        "activiteit 'taalhuis': veld 'programmalijn': de programmalijn 'taal' bestaat niet" in err
    )
    assert "Traceback" not in err


def test_validate_toml_syntax_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kapot.toml"
    path.write_text('[[opgave]]\nid = "x\n', encoding="utf-8")
    assert main(["toc", "validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: regel 2" in err and "geen geldige TOML" in err


def test_show_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["toc", "show"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Verandertheorie van Biblionet Drenthe")
    assert "Opgave: Geletterde samenleving [geletterde-samenleving]" in out
    assert "  Programmalijn: Heel Drenthe doet mee [meedoen]" in out
    assert "    Activiteit: Klik & Tik [klik-en-tik] · reeks · Basis" in out
    assert "      → Kan zelfstandig een e-mail versturen [zelfstandig-email] (meetbaar)" in out
    assert "· spreekuur ·" in out and "Basis Plus" in out


def test_show_mermaid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["toc", "show", "--format", "mermaid"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "flowchart LR"
    assert '    o_geletterde_samenleving["Geletterde samenleving"]' in lines
    assert "    o_participatie --> p_meedoen" in lines
    assert "    p_meedoen --> a_klik_en_tik" in lines
    assert "    a_klik_en_tik --> e_zelfstandig_email" in lines
    # Node ids are plain; quotes inside labels are escaped.
    for line in lines[1:]:
        assert line.startswith("    ")
        if "[" in line or "{{" in line or "([" in line:
            label = line.split('"', 1)[1].rsplit('"', 1)[0]
            assert '"' not in label


def test_show_json_has_every_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["toc", "show", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    catalogue = default_catalogue()
    assert list(data["opgaven"]) == list(catalogue.opgaven)
    assert list(data["programmalijnen"]) == list(catalogue.programmalijnen)
    assert list(data["activiteiten"]) == list(catalogue.activities)
    assert list(data["effecten"]) == list(catalogue.effects)
    assert list(data["kengetallen"]) == list(catalogue.kengetallen)
    assert list(data["gemeenten"]) == list(catalogue.gemeenten)
    assert list(data["vestigingen"]) == list(catalogue.vestigingen)
    tik = data["activiteiten"]["klik-en-tik"]
    assert tik["programmalijn"] == "meedoen" and tik["opgave"] == "participatie"
    assert tik["soort"] == "reeks" and "zelfstandig-email" in tik["effecten"]
    assert "klik-en-tik" in data["effecten"]["zelfstandig-email"]["activiteiten"]
    assert data["programmalijnen"]["meedoen"]["opgave"] == "participatie"
    assert "havelte" in data["gemeenten"]["westerveld"]["vestigingen"]
    assert data["opgaven"]["basis"]["programmalijnen"] == ["robuuste-bibliotheek"]
    for effect_id, effect in data["effecten"].items():
        assert 1 <= len(effect["signalen"]) <= 3, effect_id
        assert all(len(s["tekst"]) <= 40 and s["id"] for s in effect["signalen"])
    assert {"id": "luisterden-tot-eind", "tekst": "Kinderen luisterden tot het eind"} in data[
        "effecten"
    ]["luistervaardigheid"]["signalen"]
    assert len(data["activiteiten"]["verhalenbrink"]["signalen"]) == 6


def test_show_uses_catalogue_from_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org = tmp_path / "org.toml"
    org.write_text(GOOD_ORG, encoding="utf-8")
    config = tmp_path / "impactbot.toml"
    config.write_text('[organisation]\norganisation = "org.toml"\n', encoding="utf-8")
    assert main(["--config", str(config), "toc", "show", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["organisatie"] == "Testbieb"
    assert list(data["vestigingen"]) == ["havelte"]


def test_show_with_broken_config_catalogue_is_one_clean_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "cat.toml").write_text("[[opgave]]\n", encoding="utf-8")
    config = tmp_path / "impactbot.toml"
    config.write_text('[organisation]\ncatalogue = "cat.toml"\n', encoding="utf-8")
    assert main(["--config", str(config), "toc", "show"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fout: De verandertheorie klopt niet")
    assert "opgave 1 (zonder id): veld 'id': dit veld ontbreekt" in err


def test_validate_reports_only_the_users_own_mistakes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One activity renamed in their own catalogue: one problem of theirs, and one sentence
    about the shipped example organisation (not a problem per contract in it)."""
    from toc.loader import CATALOGUE_FILE

    shipped = Path(__file__).resolve().parent.parent / "toc" / "data" / CATALOGUE_FILE
    text = shipped.read_text(encoding="utf-8")
    assert 'id = "voorleesuurtje"' in text
    mine = tmp_path / "mijn.toml"
    mine.write_text(text.replace('id = "voorleesuurtje"', 'id = "voorleesuur"', 1), "utf-8")
    assert main(["toc", "validate", str(mine)]) == 1
    err = capsys.readouterr().err
    problems = [line for line in err.splitlines() if line.startswith("- ")]
    assert all(line.startswith(f"- {mine}") for line in problems), err
    assert "(1 probleem)" in err and "--organisatie" in err
