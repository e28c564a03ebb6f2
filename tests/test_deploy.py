"""Locked-down workstations: organisation settings, read-only program folder, no network, rebuild with progress."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from navigator.config import load_settings

ROOT = Path(__file__).resolve().parent.parent


def org(tmp_path, text: str) -> Path:
    path = tmp_path / "organisatie.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def make_regional_pack(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(
        "naam: Regio Zuid\nversie: '1.0'\nuitgever: Gemeente Zuid\ndatum: 2026-11-01\n", encoding="utf-8"
    )
    (folder / "steunpunt.md").write_text(
        "---\nid: steunpunt-huiselijk-geweld-zuid\ntype: organisatie\ntitel: Steunpunt Huiselijk Geweld Zuid\n"
        "samenvatting: Regionaal steunpunt voor advies bij geweld thuis.\nrol: Advies en doorverwijzing.\n"
        "wanneer: Als je twijfelt wie je moet bellen.\nbronnen:\n  - {bron: kenniskaart, plek: Leeswijzer}\n"
        "gecontroleerd: 2026-11-01\n---\nHet steunpunt is bereikbaar op werkdagen.\n",
        encoding="utf-8",
    )
    return folder


def test_defaults_without_any_file(tmp_path):
    settings = load_settings(tmp_path / "nergens.yaml", tmp_path / "gebruiker.json")
    assert settings.get("externe_links") is True and settings.get("startscherm") == "start"
    assert settings.problems == [] and settings.packs == []


def test_precedence_defaults_org_user_and_locks(tmp_path):
    path = org(tmp_path, "externe_links: false\nstartscherm: zoeken\nvergrendeld: [externe_links]\n")
    user_file = tmp_path / "gebruiker.json"
    user_file.write_text(json.dumps({"externe_links": True, "startscherm": "start"}), encoding="utf-8")
    settings = load_settings(path, user_file)
    assert settings.get("externe_links") is False  # locked: the user's choice does not count
    assert settings.get("startscherm") == "start"  # not locked: the user's choice wins over the organisation
    assert settings.set("externe_links", True) is False
    assert settings.set("startscherm", "zoeken") is True
    assert json.loads(user_file.read_text(encoding="utf-8"))["startscherm"] == "zoeken"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("externe_links: misschien\n", "'externe_links' moet een van deze zijn"),
        ("pakketten: regio\n", "'pakketten' moet een lijst"),
        ("vergrendeld: [alles]\n", "'vergrendeld' moet een lijst"),
        ("kleur: rood\n", "onbekende instelling 'kleur'"),
        ("externe_links: [niet af\n", "ongeldige YAML"),
        ("- een lijst\n", "verwacht sleutels"),
    ],
)
def test_invalid_org_file_gives_a_clear_message_and_safe_defaults(tmp_path, text, fragment):
    settings = load_settings(org(tmp_path, text), None)
    assert any(fragment in p.message for p in settings.problems), [str(p) for p in settings.problems]
    assert str(settings.problems[0]).startswith(str(tmp_path / "organisatie.yaml") + ":")
    assert settings.get("externe_links") is True and settings.get("startscherm") == "start"


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("nee", False),
        ("Nee", False),
        ("uit", False),
        ("false", False),
        ("no", False),
        ("ja", True),
        ("aan", True),
        ("true", True),
    ],
)
def test_org_file_accepts_dutch_yes_and_no(tmp_path, word, value):
    settings = load_settings(org(tmp_path, f"externe_links: {word}\nvergrendeld: [externe_links]\n"), None)
    assert settings.problems == []
    assert settings.get("externe_links") is value and settings.is_locked("externe_links")


def test_invalid_value_of_a_locked_setting_falls_back_to_the_safe_value(tmp_path):
    settings = load_settings(org(tmp_path, "externe_links: neen\nvergrendeld: [externe_links]\n"), None)
    assert settings.get("externe_links") is False and settings.is_locked("externe_links")
    [problem] = settings.problems
    assert problem.line == 1 and "veilige waarde: nee" in problem.message and "'neen'" in problem.message


def test_a_lock_beside_a_typo_still_locks(tmp_path):
    settings = load_settings(org(tmp_path, "externe_links: nee\nvergrendeld: [externe_links, kleur]\n"), None)
    assert settings.get("externe_links") is False and settings.is_locked("externe_links")
    assert settings.set("externe_links", True) is False
    assert ["genegeerd: kleur" in p.message for p in settings.problems] == [True]


def test_org_pack_shows_up_in_search_after_an_automatic_rebuild(tmp_path):
    make_regional_pack(tmp_path / "regio")
    env = dict(os.environ, NAVIGATOR_ORG_CONFIG=str(org(tmp_path, "pakketten: [regio]\n")))
    result = subprocess.run(
        [sys.executable, "-m", "navigator", "search", "steunpunt zuid", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"][0]["id"] == "steunpunt-huiselijk-geweld-zuid"
    assert "opnieuw gebouwd" in result.stderr


def test_broken_org_pack_is_reported_and_the_rest_still_answers(tmp_path):
    pack = make_regional_pack(tmp_path / "regio")
    (pack / "kapot.md").write_text("---\nid: Kapot!\n---\n", encoding="utf-8")
    env = dict(os.environ, NAVIGATOR_ORG_CONFIG=str(org(tmp_path, "pakketten: [regio]\n")))
    validate = subprocess.run(
        [sys.executable, "-m", "navigator", "validate"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )
    assert validate.returncode == 1 and "kapot.md:2:" in validate.stdout
    search = subprocess.run(
        [sys.executable, "-m", "navigator", "search", "steunpunt", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert json.loads(search.stdout)["results"][0]["id"] == "steunpunt-huiselijk-geweld-zuid"


def test_rebuild_runs_behind_the_window_and_carries_on(qtbot, mini_pack, tmp_path):
    from navigator.ui.loading import IndexLoader
    from navigator.ui.mainwindow import MainWindow

    window = MainWindow(None, None, tmp_path / "gebruiker")
    qtbot.addWidget(window)
    window.show()
    loader = IndexLoader(window, [mini_pack], [tmp_path / "geen-index"], tmp_path / "cache")
    loader.start()
    qtbot.waitUntil(lambda: window.engine is not None, timeout=30000)
    assert window.engine is not None
    assert window.engine.search("stalking").hits[0].id == "stalking"
    assert "opnieuw opgebouwd" in window.statusBar().currentMessage()
    assert window.middle.currentWidget() is window.start_page
    window.close()


def test_locked_setting_is_shown_as_set_by_the_organisation(qtbot, mini_engine, tmp_path):
    from navigator.ui.mainwindow import MainWindow

    settings = load_settings(org(tmp_path, "externe_links: false\nvergrendeld: [externe_links]\n"), None)
    window = MainWindow(mini_engine, None, tmp_path / "gebruiker", settings=settings)
    qtbot.addWidget(window)
    window._fill_settings_menu()
    links = window.settings_menu.actions()[0]
    assert "ingesteld door je organisatie" in links.text() and not links.isEnabled() and not links.isChecked()
    window.open_card("oranje-huis-aanpak")
    from PySide6.QtCore import QUrl

    window.card_view.anchorClicked.emit(QUrl("https://www.movisie.nl/interventie/oranje-huis-aanpak"))
    assert window.link_bar.isVisibleTo(window) and not window.open_link_button.isVisibleTo(window)
    assert "niet toe" in window.link_label.text()
    window.close()


def test_a_full_session_with_no_network_at_all(qtbot, mini_pack, tmp_path, monkeypatch):
    """Start, search, open cards, follow a link, export: with every socket creation made to fail."""

    def no_network(*args, **kwargs):
        raise OSError("netwerk is in deze test verboden")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    from navigator.search import open_engine
    from navigator.ui.mainwindow import MainWindow

    engine, info = open_engine([mini_pack], [], tmp_path / "index")
    window = MainWindow(engine, info, tmp_path / "gebruiker")
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search_field, "kinderen")
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=5000)
    window.open_card(window.model.hits[0].id)
    window.open_card("intieme-terreur")
    window.toggle_bookmark()
    window.export_card_pdf(tmp_path / "kaart.pdf")
    assert (tmp_path / "kaart.pdf").stat().st_size > 1000
    window.close()
    engine.close()


def test_no_module_can_reach_the_network():
    import ast

    forbidden = {"socket", "urllib", "http", "requests", "ssl", "ftplib", "smtplib", "PySide6.QtNetwork", "asyncio"}
    for path in (ROOT / "navigator").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert name.split(".")[0] not in forbidden and name not in forbidden, f"{path}: {name}"


APP_SESSION = """
from navigator import paths
from navigator.search import open_engine
from navigator.ui.app import make_application
from navigator.ui.mainwindow import MainWindow
app = make_application()
engine, info = open_engine(paths.pack_dirs(), [paths.shipped_index_dir()], paths.user_index_dir())
window = MainWindow(engine, info, paths.user_data_dir(), settings=paths.settings())
window.show()
hit = engine.search("stalking").hits[0]
assert window.open_card(hit.id)
window.toggle_bookmark()
window.export_card_pdf(paths.user_data_dir() / "kaart.pdf")
window.close()
again = MainWindow(engine, info, paths.user_data_dir(), settings=paths.settings())
assert again.user.bookmarks == [hit.id]
again.close()
print("sessie klaar")
"""


# The app exactly as `python -m navigator` starts it; a timer types early and quits once results are shown.
APP_START = """
import json
from PySide6.QtCore import QTimer
from navigator import cli
from navigator.ui.app import make_application
from navigator.ui.mainwindow import MainWindow
app = make_application()
seen = {}
def poll():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows:
        return
    window = windows[0]
    if "typed_before_index" not in seen:
        seen["typed_before_index"] = window.engine is None
        window.search_field.setText("stalking")
    if window.engine is not None and window.body_built and window.model.rowCount():
        seen.update(first=window.model.hits[0].id, rebuilt=window.statusBar().currentMessage())
        print(json.dumps(seen), flush=True)
        app.quit()
timer = QTimer()
timer.timeout.connect(poll)
timer.start(5)
raise SystemExit(cli.main([]))
"""


def test_the_app_as_launched_paints_keeps_early_typing_and_opens_the_index(mini_pack, tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NAVIGATOR_CONTENT=str(mini_pack),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )

    def start() -> dict:
        result = subprocess.run(
            [sys.executable, "-c", APP_START], capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=120
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    first = start()
    assert first["typed_before_index"] is True
    assert first["first"] == "stalking"
    assert "opnieuw opgebouwd" in first["rebuilt"]  # no shipped index for this pack: built in the user's cache
    assert (tmp_path / "cache" / "Kennisnavigator" / "index" / "manifest.json").exists()
    again = start()  # now the index in the cache matches: opened in the background, not rebuilt
    assert again["first"] == "stalking" and "opnieuw opgebouwd" not in again["rebuilt"]


def _listing(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_read_only_program_folder_is_never_written():
    """The program folder read-only, HOME elsewhere: the CLI starts, searches, validates and exports."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="navigator-readonly-"))  # reachable for the unprivileged user
    os.chmod(base, 0o755)
    program = base / "programma"
    for name in ("navigator", "content", "index"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, program / name, ignore=shutil.ignore_patterns("__pycache__"))
    home = base / "thuis"
    home.mkdir()
    os.chmod(home, 0o777)
    before = _listing(program)
    for path in [program, *program.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(program) + os.pathsep + os.pathsep.join(p for p in sys.path if "site-packages" in p),
    }
    # Run as an unprivileged user, because root may write anywhere. Where that user cannot run this Python
    # (an interpreter under /root), run as ourselves: the listing check below still catches any write, and
    # bytecode goes to the user's cache as it would for a user who cannot write the program folder.
    prefix = (
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        if os.geteuid() == 0 and shutil.which("setpriv")
        else []
    )
    if prefix and subprocess.run(prefix + [sys.executable, "-c", "pass"], capture_output=True).returncode != 0:
        prefix = []
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")

    def run(*args):
        return subprocess.run(
            prefix + [sys.executable, "-m", "navigator", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=str(home),
            timeout=300,
        )

    try:
        where = subprocess.run(
            prefix + [sys.executable, "-c", "import navigator; print(navigator.__file__)"],
            capture_output=True,
            text=True,
            env=env,
            cwd=str(home),
            timeout=60,
        )
        assert where.stdout.strip().startswith(str(program)), where.stdout + where.stderr
        search = run("search", "stalking", "--json")
        assert search.returncode == 0, search.stderr
        assert json.loads(search.stdout)["results"]
        assert run("validate").returncode == 0
        export = run("export", "stalking", "--out", str(home / "stalking.pdf"))
        assert export.returncode == 0, export.stderr
        app = subprocess.run(
            prefix + [sys.executable, "-c", APP_SESSION],
            capture_output=True,
            text=True,
            env=env,
            cwd=str(home),
            timeout=300,
        )
        assert app.returncode == 0 and "sessie klaar" in app.stdout, app.stderr[-2000:]
        after = _listing(program)
    finally:
        for path in [program, *program.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
        shutil.rmtree(base, ignore_errors=True)
    assert after == before
