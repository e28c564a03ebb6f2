"""The index as a rebuildable cache, and the command line as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_extra_pack, organisation_card

from navigator.cli import main
from navigator.search import current_hash, open_engine
from navigator.search.index import read_manifest

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args, env=None, cwd=None):
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "navigator", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or ROOT,
        timeout=300,
    )


def test_build_writes_a_manifest_with_the_content_hash(mini_pack, tmp_path):
    engine, info = open_engine([mini_pack], [], tmp_path / "ix")
    engine.close()
    manifest = read_manifest(tmp_path / "ix")
    assert manifest is not None
    assert info.rebuilt and manifest["content_hash"] == current_hash([mini_pack]) and manifest["cards"] == 9


def test_matching_index_is_opened_read_only_and_not_rebuilt(mini_pack, tmp_path):
    shipped = tmp_path / "shipped"
    open_engine([mini_pack], [], shipped)[0].close()
    before = {p: p.stat().st_mtime_ns for p in shipped.iterdir()}
    os.chmod(shipped, 0o555)
    try:
        engine, info = open_engine([mini_pack], [shipped], tmp_path / "cache")
        assert not info.rebuilt and info.index_dir == shipped
        assert engine.search("stalking").hits[0].id == "stalking"
        engine.close()
    finally:
        os.chmod(shipped, 0o755)
    assert {p: p.stat().st_mtime_ns for p in shipped.iterdir()} == before
    assert not (tmp_path / "cache").exists()


def test_stale_index_is_rebuilt_into_the_cache(mini_pack, tmp_path):
    shipped = tmp_path / "shipped"
    open_engine([mini_pack], [], shipped)[0].close()
    (mini_pack / "stalking.md").write_text(
        (mini_pack / "stalking.md")
        .read_text(encoding="utf-8")
        .replace("Stalking door een ex-partner", "Belaging door een ex-partner, ook via een zoemende drone,"),
        encoding="utf-8",
    )
    engine, info = open_engine([mini_pack], [shipped], tmp_path / "cache")
    assert info.rebuilt and info.index_dir == tmp_path / "cache"
    assert engine.search("drone").hits[0].id == "stalking"
    engine.close()


def test_damaged_index_is_detected_and_rebuilt(mini_pack, tmp_path):
    ix_dir = tmp_path / "ix"
    open_engine([mini_pack], [], ix_dir)[0].close()
    for segment in ix_dir.glob("*.seg"):
        segment.write_bytes(b"\x00garbage")
    engine, info = open_engine([mini_pack], [], ix_dir)
    assert info.rebuilt and "beschadigd" in info.reason
    assert engine.search("stalking").hits[0].id == "stalking"
    engine.close()


def test_index_with_incomplete_records_is_rebuilt(mini_pack, tmp_path):
    ix_dir = tmp_path / "ix"
    open_engine([mini_pack], [], ix_dir)[0].close()
    records = json.loads((ix_dir / "records.json").read_text(encoding="utf-8"))
    del records["stems"]
    (ix_dir / "records.json").write_text(json.dumps(records), encoding="utf-8")
    engine, info = open_engine([mini_pack], [], ix_dir)
    assert info.rebuilt and "mist stems" in info.reason
    assert engine.search("stalking").hits[0].id == "stalking"
    engine.close()


def test_half_written_index_without_manifest_is_never_used(mini_pack, tmp_path):
    ix_dir = tmp_path / "ix"
    open_engine([mini_pack], [], ix_dir)[0].close()
    (ix_dir / "manifest.json").unlink()
    engine, info = open_engine([mini_pack], [], ix_dir)
    assert info.rebuilt
    engine.close()


def test_validate_reports_broken_card_and_search_still_answers(cli_pack, tmp_path):
    extra = make_extra_pack(
        tmp_path / "regio",
        {
            "kapot.md": "---\nid: kapot\ntype: kennis\ntitel: Kapot\nfase: [nergens]\n---\n",
            "heel.md": organisation_card("regionaal-steunpunt", "Regionaal steunpunt", "Het steunpunt helpt bewoners."),
        },
    )
    result = run_cli("validate", str(extra))
    assert result.returncode == 1
    assert f"{extra / 'kapot.md'}:5: onbekende waarde 'nergens' voor facet 'fase'" in result.stdout
    search = run_cli("search", "steunpunt", "--pack", str(extra), "--json")
    assert search.returncode == 0, search.stderr
    data = json.loads(search.stdout)
    assert data["results"][0]["id"] == "regionaal-steunpunt"
    assert "kapot" not in [r["id"] for r in data["results"]]
    assert "Let op: 4 problemen in de inhoud" in search.stderr


def test_search_json_has_the_documented_shape(cli_pack, capsys):
    assert main(["search", "coercive control", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"query", "total", "results", "facets"}
    assert data["query"] == "coercive control"
    assert data["results"][0]["id"] == "intieme-terreur"
    assert set(data["results"][0]) == {"id", "type", "title", "score", "snippet"}
    assert data["facets"]["type"]["kennis"] >= 1


def test_search_json_counts_add_up_with_filters(cli_pack, capsys):
    main(["search", "", "--filter", "profiel=complexe-scheiding", "--json"])
    data = json.loads(capsys.readouterr().out)
    interventions = data["facets"]["type"]["interventie"]
    main(["search", "", "--filter", "profiel=complexe-scheiding", "--filter", "type=interventie", "--json"])
    filtered = json.loads(capsys.readouterr().out)
    assert filtered["total"] == interventions == len(filtered["results"])
    assert all(r["type"] == "interventie" for r in filtered["results"])


def test_human_output_and_bad_filter(cli_pack, capsys):
    assert main(["search", "stalkign", "--filter", "zonder-is-teken"]) == 0
    out, err = capsys.readouterr()
    assert "Bedoelde je: stalking" in out and "Stalking" in out
    assert "filter genegeerd" in err


def test_content_and_search_never_import_qt():
    code = (
        "import sys, navigator.content, navigator.search, navigator.cli, navigator.paths\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr


def test_navigator_packs_environment_variable_adds_packs(cli_pack, tmp_path):
    extra = make_extra_pack(
        tmp_path / "regio",
        {"wijkpunt.md": organisation_card("wijkpunt-zuid", "Wijkpunt Zuid", "Het wijkpunt is elke ochtend open.")},
    )
    env = {"NAVIGATOR_PACKS": str(extra)}
    assert run_cli("validate", env=env).returncode == 0
    data = json.loads(run_cli("search", "wijkpunt", "--json", env=env).stdout)
    assert data["results"][0]["id"] == "wijkpunt-zuid"


def test_the_index_still_matches_when_the_program_folder_moves(mini_pack, tmp_path):
    import shutil

    moved = tmp_path / "elders" / "content"
    shutil.copytree(mini_pack, moved)
    assert current_hash([mini_pack]) == current_hash([moved])
    (moved / "stalking.md").write_text("gewijzigd", encoding="utf-8")
    assert current_hash([mini_pack]) != current_hash([moved])


# --- a pack that replaces a core card under a new id ----------------------------------------------------


def test_links_to_a_card_a_pack_replaced_open_the_replacement(mini_pack, tmp_path):
    from navigator.search import CardRecord

    extra = make_extra_pack(
        tmp_path / "regio",
        {
            "vt.md": organisation_card("veilig-thuis-regio", "Veilig Thuis Regio", "Bel het regionale nummer.").replace(
                "type: organisatie", "type: organisatie\nvervangt: veilig-thuis"
            ),
            "wijkpunt.md": organisation_card("wijkpunt", "Wijkpunt", "Zie ook [Veilig Thuis](kaart:veilig-thuis)."),
        },
    )
    engine, _ = open_engine([mini_pack, extra], [], tmp_path / "ix")
    engine.close()
    # Opened again from the stored index (not rebuilt): the replacement is recorded in the index itself.
    engine, info = open_engine([mini_pack, extra], [], tmp_path / "ix")
    try:
        assert not info.rebuilt and info.problems == []
        record = engine.card_by_id("veilig-thuis")
        assert isinstance(record, CardRecord) and record.id == "veilig-thuis-regio" and record.pack == "Regio"
        assert engine.card_by_id("veilig-thuis-regio") == record
        assert engine.resolve_id("stalking") == "stalking" and engine.card_by_id("bestaat-niet") is None
        card = engine.load_card("veilig-thuis")
        assert card is not None and card.id == "veilig-thuis-regio" and "regionale nummer" in card.body
        assert "veilig-thuis" not in {c.id for c in engine.cards()}
        assert {c.id for c in engine.cards("organisatie")} >= {"veilig-thuis-regio", "wijkpunt"}
    finally:
        engine.close()


# --- counts, plurals and no content ---------------------------------------------------------------------


def test_validate_counts_with_the_right_plural(cli_pack, tmp_path, capsys):
    one = make_extra_pack(
        tmp_path / "een",
        {
            "kapot.md": "---\nid: kapot\ntype: kennis\ntitel: Kapot\n"
            "samenvatting: x\nbronnen:\n  - {bron: kenniskaart, plek: Inleiding}\n"
            "gecontroleerd: 2026-01-01\n"
            "fase: [nergens]\n---\n"
        },
    )
    assert main(["validate", str(one)]) == 1
    err = capsys.readouterr().err
    assert "1 probleem in de inhoud; 1 kaart van 10 weggelaten, 9 in orde." in err, err
    three = make_extra_pack(
        tmp_path / "drie", {"kapot.md": "---\nid: Kapot!\ntype: kennis\ntitel: Kapot\nfase: [nergens]\n---\n"}
    )
    assert main(["validate", str(three)]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 5 and "5 problemen in de inhoud; 1 kaart van 10 weggelaten" in err, (out, err)
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == "In orde: 9 kaarten in 1 pakket.\n"


def test_search_counts_with_the_right_plural(cli_pack, capsys):
    assert main(["search", "stalking", "--filter", "type=kennis", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "1 kaart gevonden." in out or "kaarten gevonden." in out
    assert "kaart(en)" not in out


@pytest.mark.parametrize(
    "command", [["search", "stalking"], ["validate"], ["build-index"], ["export", "x", "--out", "x.pdf"]]
)
@pytest.mark.parametrize("empty", [False, True])
def test_no_content_at_all_is_an_error(tmp_path, monkeypatch, capsys, command, empty):
    content = tmp_path / "inhoud"
    if empty:
        content.mkdir()
    monkeypatch.setenv("NAVIGATOR_CONTENT", str(content))
    monkeypatch.setenv("NAVIGATOR_INDEX", str(tmp_path / "index"))
    if command[0] == "build-index":
        command = [*command, "--out", str(tmp_path / "index")]
    assert main(command) == 1
    err = capsys.readouterr().err
    assert f"Geen inhoud gevonden: de map {content}" in err and "NAVIGATOR_CONTENT" in err
