"""Screenshots of the real app with the real content, for the README and docs (offscreen, no display needed).

.venv/bin/python tools/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from navigator.search import open_engine  # noqa: E402
from navigator.ui.app import make_application  # noqa: E402
from navigator.ui.mainwindow import MainWindow  # noqa: E402


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def presenter_view(window, out: Path) -> None:
    """The presenter view with a stand-in second screen: the laptop (left) and the projector (right), side by
    side in one picture, after two voices of the first step."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QPainter, QPixmap

    from navigator.ui.presenter import ScreenPlace
    from navigator.ui.scenario import ScenarioWindow

    window.open_card("leo-en-nora")
    trainer = ScenarioWindow(window.current_card, window.engine, window.user_folder, trainer=True)
    laptop, wall = QRect(0, 0, 1366, 768), QRect(1366, 0, 1600, 900)
    trainer.show_for_room([ScreenPlace(laptop), ScreenPlace(wall)])
    trainer.reveal_next()
    trainer.reveal_next()
    settle(800)
    gap = 24
    picture = QPixmap(laptop.width() + gap + wall.width(), wall.height())
    picture.fill(QColor("#404040"))
    painter = QPainter(picture)
    painter.drawPixmap(0, (wall.height() - laptop.height()) // 2, trainer.grab())
    painter.drawPixmap(laptop.width() + gap, 0, trainer.projector.grab())
    painter.end()
    picture.save(str(out))
    trainer.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application()  # noqa: F841  (kept alive while the windows are drawn)
    tmp = Path(tempfile.mkdtemp())
    engine, info = open_engine([ROOT / "content"], [ROOT / "index"], tmp / "index")
    window = MainWindow(engine, info, tmp / "gebruiker")
    window.show()
    settle()
    window.resize(1366, 768)  # a common laptop; after the first show, which fits the window to the screen
    settle()
    window.grab().save(str(args.out / "start.png"))

    window.search_field.setText("stalking ex-partner")
    settle()
    window.facets.boxes[("type", "interventie")].setChecked(True)
    settle()
    if window.model.hits:
        window.open_card(window.model.hits[0].id)
    settle()
    window.grab().save(str(args.out / "zoeken.png"))

    window.clear_filters()
    window.search_field.setText("intieme terreur")
    settle()
    window.open_card("intieme-terreur")
    settle()
    window.grab().save(str(args.out / "kaart.png"))

    for card_id in ("oranje-huis-aanpak", "multifocus", "switch"):
        if window.open_card(card_id):
            window.toggle_compare()
    window.show_compare()
    compare = window.compare_window
    compare.resize(1366, 768)
    settle()
    compare.grab().save(str(args.out / "vergelijken.png"))
    compare.close()

    scenarios = sorted(r["id"] for r in engine.records if r["type"] == "scenario")
    for scenario_id in scenarios:
        window.open_card(scenario_id)
        trainer = window.open_scenario(trainer=True)
        trainer.showNormal()  # the offscreen "screen" is small; show it at projector size
        trainer.resize(1600, 900)
        trainer.reveal_next()
        trainer.reveal_next()
        settle()
        trainer.grab().save(str(args.out / f"trainer-{scenario_id}.png"))
        trainer.close()
    presenter_view(window, args.out / "presentator.png")
    window.close()
    engine.close()
    print(f"Schermafbeeldingen in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
