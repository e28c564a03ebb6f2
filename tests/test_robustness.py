"""Robustness: hostile queries, unsafe content, damaged user files, interrupted writes, two instances."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from navigator.cli import main
from navigator.userdata import JsonStore, atomic_write_text

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent


def hostile_queries() -> list[str]:
    lines = (DATA / "hostile_queries.txt").read_text(encoding="utf-8").splitlines()
    queries = [
        line.encode("utf-8").decode("unicode_escape") if "\\x" in line or "\\u" in line or "\\t" in line else line
        for line in lines
        if not line.startswith("# ")
    ]
    return queries + ["a" * 10_000, "stalking " * 3000, "x" * 100_000]


@pytest.mark.parametrize("query", hostile_queries())
def test_cli_search_answers_every_hostile_string_with_valid_json(cli_pack, capsys, query):
    assert main(["search", "--json", "--", query]) == 0  # "--": a query may start with a dash
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data["results"], list) and data["total"] >= 0


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (["kleur=rood"], "onbekend filter genegeerd: kleur=rood"),
        (["type=bestaat-niet"], "onbekend filter genegeerd: type=bestaat-niet"),
        (["=x"], "filter genegeerd (schrijf KEY=VALUE): =x"),
        (["type="], "filter genegeerd (schrijf KEY=VALUE): type="),
        (["zonder"], "filter genegeerd (schrijf KEY=VALUE): zonder"),
        (["type=kennis", "type=kennis"], None),  # twice the same valid filter: no message, and it applies
        (["fase=veiligheid=extra"], "onbekend filter genegeerd: fase=veiligheid=extra"),
    ],
)
def test_cli_search_with_odd_filters_says_so_and_answers(cli_pack, capsys, filters, message):
    argv = ["search", "stalking", "--json"]
    for item in filters:
        argv += ["--filter", item]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["results"], "an ignored filter must not hide the answer"
    if message is None:
        assert err == ""
        assert {r["type"] for r in data["results"]} == {"kennis"}
    else:
        assert err.splitlines() == [message]
        assert data["results"][0]["id"] == "stalking"


def test_hostile_strings_through_a_real_process(cli_pack):
    env = dict(os.environ)
    for query in ("((", '"', "<script>", "💥", "title:x AND"):
        result = subprocess.run(
            [sys.executable, "-m", "navigator", "search", query, "--json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr
        json.loads(result.stdout)


# --- unsafe content -------------------------------------------------------------------------------------

UNSAFE = {
    "script": ("<script>alert('x')</script>Veilige tekst", "<script", "alert"),
    "event handler": ('<p onclick="alert(1)">klik</p>', "onclick", None),
    "img onerror": ('<img src="x" onerror="alert(1)">', "onerror", None),
    "javascript link": ("[klik](javascript:alert(1))", "javascript:", None),
    "file link": ("[wachtwoorden](file:///etc/passwd)", "file:", None),
    "remote image": ("![spion](https://tracker.example/pixel.png)", "<img", "tracker.example"),
    "iframe": ('<iframe src="https://example.org"></iframe>', "<iframe", None),
    "style tag": ("<style>body{display:none}</style>tekst", "<style", "display:none"),
    "object": ('<object data="x.swf"></object>', "<object", None),
    "form": ('<form action="https://example.org"><input name="x"></form>', "<form", "<input"),
    "data uri": ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:", None),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://example.org">', "<meta", None),
}


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_unsafe_markdown_is_sanitised(name):
    from navigator.ui.render import markdown_html

    source, forbidden, also_forbidden = UNSAFE[name]
    html = markdown_html(source).lower()
    assert forbidden.lower() not in html
    if also_forbidden:
        assert also_forbidden.lower() not in html


def test_card_links_and_web_links_survive_sanitising():
    from navigator.ui.render import markdown_html

    html = markdown_html("[Meldcode](kaart:meldcode) en [Movisie](https://www.movisie.nl)")
    assert 'href="kaart:meldcode"' in html and 'href="https://www.movisie.nl"' in html


def test_card_view_never_fetches_resources(qtbot):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from navigator.ui.widgets import CardView

    view = CardView()
    qtbot.addWidget(view)
    for url in ("https://tracker.example/pixel.png", "file:///etc/passwd", "http://example.org/x.css"):
        assert view.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(url)) is None


def test_app_starts_with_a_broken_pack_and_lists_what_it_left_out(qtbot, mini_pack, tmp_path):
    from navigator.search import open_engine
    from navigator.ui.mainwindow import MainWindow

    extra = tmp_path / "regio"
    extra.mkdir()
    (extra / "pack.yaml").write_text(
        "naam: Regio\nversie: '1'\nuitgever: Gemeente\ndatum: 2026-11-01\n", encoding="utf-8"
    )
    (extra / "kapot.md").write_text("---\nid: kapot\ntype: kennis\ntitel: [open\n---\n", encoding="utf-8")
    engine, info = open_engine([mini_pack, extra], [], tmp_path / "index")
    window = MainWindow(engine, info, tmp_path / "gebruiker")
    qtbot.addWidget(window)
    assert window.problems_button.isVisibleTo(window)
    assert "probleem" in window.statusBar().currentMessage()
    window.show_problems()
    assert "kapot.md:4" in window.card_view.toPlainText()
    assert engine.search("stalking").hits[0].id == "stalking"  # the rest is served
    window.close()
    engine.close()


# --- user files -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", [b"{kapot", b"\x00\x01\x02", b"", b'"een tekst"', b"[1, 2", "ü".encode("latin-1")])
def test_damaged_user_file_is_set_aside_and_a_fresh_one_started(tmp_path, damage):
    path = tmp_path / "bladwijzers.json"
    path.write_bytes(damage)
    store = JsonStore(path, [])
    assert store.load() == []
    assert store.message and "opzijgezet" in store.message
    aside = list(tmp_path.glob("bladwijzers.beschadigd-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == damage  # kept, not lost
    store.save(["stalking"])
    assert JsonStore(path, []).load() == ["stalking"]


def test_damaged_notes_file_is_set_aside(tmp_path):
    from navigator.sessions import SessionStore

    folder = tmp_path / "sessies"
    folder.mkdir()
    (folder / "leo-en-nora.json").write_text("[niet af", encoding="utf-8")
    store = SessionStore(tmp_path, "leo-en-nora")
    assert store.sessions() == [] and store.message
    session = store.new()
    session.set_note(1, "nieuwe notitie")
    store.save(session)
    latest = SessionStore(tmp_path, "leo-en-nora").latest()
    assert latest is not None and latest.get(1) == "nieuwe notitie"
    assert list(folder.glob("leo-en-nora.beschadigd-*.json"))


WRITER = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, {root!r})
    from navigator.userdata import atomic_write_text
    n = 0
    while True:
        n += 1
        atomic_write_text(__import__("pathlib").Path({path!r}), json.dumps({{"n": n, "vulling": "x" * 2_000_000}}))
        print(n, flush=True)
""")


def test_killing_the_writer_mid_write_never_leaves_a_half_file(tmp_path):
    path = tmp_path / "notities.json"
    atomic_write_text(path, json.dumps({"n": 0, "vulling": ""}))
    for delay in (0.05, 0.13, 0.21, 0.37):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER.format(root=str(ROOT), path=str(path))], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None
        writer.stdout.readline()  # at least one complete write happened
        time.sleep(delay)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        writer.stdout.close()
        data = json.loads(path.read_text(encoding="utf-8"))  # always a whole file: old or new
        assert data["n"] >= 1
    leftovers = [p for p in tmp_path.iterdir() if p.name != "notities.json"]
    assert all(p.name.startswith(".notities.json.") for p in leftovers)  # only temp files, never the target


def test_two_instances_keep_both_users_bookmarks(tmp_path):
    from navigator.navigation import UserLists

    first, second = UserLists(tmp_path), UserLists(tmp_path)
    first.toggle_bookmark("stalking")
    second.toggle_bookmark("meldcode")
    first.toggle_bookmark("veilig-thuis")
    assert sorted(UserLists(tmp_path).bookmarks) == ["meldcode", "stalking", "veilig-thuis"]


def test_two_instances_share_the_read_only_index(mini_pack, tmp_path):
    from navigator.search import open_engine

    shipped = tmp_path / "shipped"
    open_engine([mini_pack], [], shipped)[0].close()
    os.chmod(shipped, 0o555)
    try:
        one, _ = open_engine([mini_pack], [shipped], tmp_path / "cache-1")
        two, _ = open_engine([mini_pack], [shipped], tmp_path / "cache-2")
        assert one.search("stalking").hits[0].id == two.search("stalking").hits[0].id == "stalking"
        one.close()
        two.close()
    finally:
        os.chmod(shipped, 0o755)
