"""The index as a rebuildable cache, and the command line as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import make_extra_pack, organisation_card
from navigator.cli import main
from navigator.search import current_hash, open_engine
from navigator.search.index import read_manifest

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args, env=None, cwd=None):
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "navigator", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=300)


def test_build_writes_a_manifest_with_the_content_hash(mini_pack, tmp_path):
    engine, info = open_engine([mini_pack], [], tmp_path / "ix")
    engine.close()
    manifest = read_manifest(tmp_path / "ix")
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
    (mini_pack / "stalking.md").write_text((mini_pack / "stalking.md").read_text(encoding="utf-8").replace(
        "Stalking door een ex-partner", "Belaging door een ex-partner, ook via een zoemende drone,"), encoding="utf-8")
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


def test_validate_reports_broken_card_and_search_still_answers(mini_pack, tmp_path):
    extra = make_extra_pack(tmp_path / "regio", {
        "kapot.md": "---\nid: kapot\ntype: kennis\ntitel: Kapot\nfase: [nergens]\n---\n",
        "heel.md": organisation_card("regionaal-steunpunt", "Regionaal steunpunt", "Het steunpunt helpt bewoners.")})
    env = {"NAVIGATOR_CONTENT": str(mini_pack)}
    result = run_cli("validate", str(extra), env=env)
    assert result.returncode == 1
    assert f"{extra / 'kapot.md'}:5: onbekende waarde 'nergens' voor facet 'fase'" in result.stdout
    search = run_cli("search", "steunpunt", "--pack", str(extra), "--json", env=env)
    assert search.returncode == 0, search.stderr
    data = json.loads(search.stdout)
    assert data["results"][0]["id"] == "regionaal-steunpunt"
    assert "kapot" not in [r["id"] for r in data["results"]]
    assert "probleem" in search.stderr


def test_search_json_has_the_documented_shape(mini_pack, capsys, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_CONTENT", str(mini_pack))
    assert main(["search", "coercive control", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"query", "total", "results", "facets"}
    assert data["query"] == "coercive control"
    assert data["results"][0]["id"] == "intieme-terreur"
    assert set(data["results"][0]) == {"id", "type", "title", "score", "snippet"}
    assert data["facets"]["type"]["kennis"] >= 1


def test_search_json_counts_add_up_with_filters(mini_pack, capsys, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_CONTENT", str(mini_pack))
    main(["search", "", "--filter", "profiel=complexe-scheiding", "--json"])
    data = json.loads(capsys.readouterr().out)
    interventions = data["facets"]["type"]["interventie"]
    main(["search", "", "--filter", "profiel=complexe-scheiding", "--filter", "type=interventie", "--json"])
    filtered = json.loads(capsys.readouterr().out)
    assert filtered["total"] == interventions == len(filtered["results"])
    assert all(r["type"] == "interventie" for r in filtered["results"])


def test_human_output_and_bad_filter(mini_pack, capsys, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_CONTENT", str(mini_pack))
    assert main(["search", "stalkign", "--filter", "zonder-is-teken"]) == 0
    out, err = capsys.readouterr()
    assert "Bedoelde je: stalking" in out and "Stalking" in out
    assert "filter genegeerd" in err


def test_content_and_search_never_import_qt():
    code = ("import sys, navigator.content, navigator.search, navigator.cli, navigator.paths\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
            "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr


def test_navigator_packs_environment_variable_adds_packs(mini_pack, tmp_path):
    extra = make_extra_pack(tmp_path / "regio", {
        "wijkpunt.md": organisation_card("wijkpunt-zuid", "Wijkpunt Zuid", "Het wijkpunt is elke ochtend open.")})
    env = {"NAVIGATOR_CONTENT": str(mini_pack), "NAVIGATOR_PACKS": str(extra)}
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
