"""The one entry point: `navigator` opens the app; subcommands validate, build the index and search."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, paths

if TYPE_CHECKING:
    import argparse

    from .search import OpenInfo, SearchEngine


def count(n: int, one: str, many: str) -> str:
    """ "1 probleem", "3 problemen": the number with the right form of the noun."""
    return f"{n} {one if n == 1 else many}"


def no_content_message(core: Path) -> str:
    return (
        f"Geen inhoud gevonden: de map {core} bestaat niet of bevat geen kaarten. Installeer het programma "
        "opnieuw, of wijs de map met kaarten aan met NAVIGATOR_CONTENT."
    )


def _parser() -> argparse.ArgumentParser:
    import argparse  # here, not at the top: opening the app without arguments skips it (start-up time)

    parser = argparse.ArgumentParser(
        prog="navigator",
        description="Kennisnavigator: offline kennis over (ex-)partnergeweld, huiselijk geweld en complexe scheiding. "
        "Zonder opdracht opent de app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    pack_help = "extra inhoudspakket (map met pack.yaml); mag vaker; ook via NAVIGATOR_PACKS"
    sub = parser.add_subparsers(dest="command")

    validate = sub.add_parser("validate", help="controleer de inhoud; meldt elk probleem als pad:regel: melding")
    validate.add_argument("packs", nargs="*", metavar="PACK", help="extra pakketten naast het kernpakket")
    validate.add_argument("--pack", action="append", default=[], help=pack_help)

    build = sub.add_parser("build-index", help="bouw de zoekindex")
    build.add_argument("--out", type=Path, help="doelmap (standaard: index/ naast het programma)")
    build.add_argument("--pack", action="append", default=[], help=pack_help)

    search = sub.add_parser("search", help="zoek vanaf de opdrachtregel")
    search.add_argument("query", nargs="?", default="", help="zoekwoorden (leeg: alles binnen de filters)")
    search.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="facetfilter, bijv. type=interventie; mag vaker (OF binnen een facet, EN ertussen)",
    )
    search.add_argument("--limit", type=int, default=20, help="hoeveel resultaten (standaard 20)")
    search.add_argument("--json", action="store_true", help="uitvoer als JSON")
    search.add_argument("--pack", action="append", default=[], help=pack_help)

    exp = sub.add_parser("export", help="een kaart (of scenario) als PDF, zoals de app hem afdrukt")
    exp.add_argument("card_id", metavar="ID", help="id van de kaart, bijv. meldcode")
    exp.add_argument("--out", type=Path, required=True, help="PDF-bestand om te schrijven")
    exp.add_argument(
        "--hand-out",
        dest="handout",
        action="store_true",
        help="bij een scenario: de hand-out, zonder de notities van de trainer",
    )
    exp.add_argument("--pack", action="append", default=[], help=pack_help)

    ui = sub.add_parser("app", help="open de app (hetzelfde als zonder opdracht)")
    ui.add_argument("--pack", action="append", default=[], help=pack_help)
    ui.add_argument("--open", metavar="ID", dest="open_id", help="open meteen deze kaart of dit scenario")
    ui.add_argument(
        "--trainer", action="store_true", help="met --open en een scenario: meteen in trainermodus, volledig scherm"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    if not (sys.argv[1:] if argv is None else argv):  # no arguments: the app, without building the parser
        return cmd_app([])
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            return cmd_validate(args.packs + args.pack)
        if args.command == "build-index":
            return cmd_build_index(args.out, args.pack)
        if args.command == "search":
            return cmd_search(args)
        if args.command == "export":
            return cmd_export(args.card_id, args.out, args.pack, args.handout)
        if args.command == "app" and args.trainer and not args.open_id:
            print(
                "--trainer hoort bij --open ID (een scenario), bijv.: navigator app --open leo-en-nora --trainer",
                file=sys.stderr,
            )
            return 2
        return cmd_app(getattr(args, "pack", []), getattr(args, "open_id", None), getattr(args, "trainer", False))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `navigator search … | head` is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def cmd_validate(packs: list[str]) -> int:
    from .content import load_corpus

    pack_dirs = paths.pack_dirs(packs)
    corpus = load_corpus(pack_dirs)
    org_problems = paths.settings(with_user=False).problems
    for problem in org_problems + corpus.problems:
        print(problem)
    if not corpus.cards and not corpus.left_out:
        print(no_content_message(pack_dirs[0]), file=sys.stderr)
        return 1
    failed = False
    if org_problems:
        print(f"{count(len(org_problems), 'probleem', 'problemen')} in {paths.org_config_file()}.", file=sys.stderr)
        failed = True
    left_out = len(set(corpus.left_out))
    total = len(corpus.cards) + left_out
    if corpus.problems:
        print(
            f"{count(len(corpus.problems), 'probleem', 'problemen')} in de inhoud; "
            f"{count(left_out, 'kaart', 'kaarten')} van {total} weggelaten, {len(corpus.cards)} in orde.",
            file=sys.stderr,
        )
        failed = True
    if failed:
        return 1
    print(
        f"In orde: {count(len(corpus.cards), 'kaart', 'kaarten')} in "
        f"{count(len(corpus.packs), 'pakket', 'pakketten')}.",
        file=sys.stderr,
    )
    return 0


def cmd_build_index(out: Path | None, packs: list[str]) -> int:
    from .search import build

    pack_dirs = paths.pack_dirs(packs)
    if not pack_dirs[0].is_dir():
        print(no_content_message(pack_dirs[0]), file=sys.stderr)
        return 1
    out = out or paths.shipped_index_dir()
    corpus = build(pack_dirs, out)
    for problem in corpus.problems:
        print(problem, file=sys.stderr)
    if not corpus.cards:
        print(no_content_message(pack_dirs[0]), file=sys.stderr)
        return 1
    left_out = len(set(corpus.left_out))
    print(
        f"Index gebouwd in {out}: {count(len(corpus.cards), 'kaart', 'kaarten')}"
        + (f", {left_out} weggelaten (zie navigator validate)" if left_out else "")
        + ".",
        file=sys.stderr,
    )
    return 0


def open_default_engine(
    packs: list[str] | None = None, progress: Callable[[int, int], None] | None = None
) -> tuple[SearchEngine, OpenInfo]:
    """The engine over the core pack plus extra packs, using the shipped index when it matches."""
    from .search import open_engine

    return open_engine(paths.pack_dirs(packs), [paths.shipped_index_dir()], paths.user_index_dir(), progress)


def _open_with_content(packs: list[str]) -> tuple[SearchEngine, OpenInfo] | None:
    """The engine, or None (after saying why on stderr) when there is no content at all."""
    core = paths.core_content_dir()
    if not core.is_dir():
        print(no_content_message(core), file=sys.stderr)
        return None
    engine, info = open_default_engine(packs)
    if not engine.card_count:
        print(no_content_message(core), file=sys.stderr)
        engine.close()
        return None
    return engine, info


def parse_filters(items: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    filters: dict[str, list[str]] = {}
    bad = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            bad.append(item)
            continue
        filters.setdefault(key.strip(), []).append(value.strip())
    return filters, bad


def cmd_search(args: argparse.Namespace) -> int:
    filters, bad = parse_filters(args.filter)
    for item in bad:
        print(f"filter genegeerd (schrijf KEY=VALUE): {item}", file=sys.stderr)
    opened = _open_with_content(args.pack)
    if opened is None:
        return 1
    engine, info = opened
    if info.rebuilt:
        print(f"Index opnieuw gebouwd in {info.index_dir}.", file=sys.stderr)
    if info.problems:
        print(
            f"Let op: {count(len(info.problems), 'probleem', 'problemen')} in de inhoud; "
            "kaarten met fouten zijn weggelaten (zie navigator validate).",
            file=sys.stderr,
        )
    response = engine.search(args.query, filters, limit=max(0, args.limit))
    for message in response.to_json().get("messages", []):
        print(message, file=sys.stderr)
    if args.json:
        import json

        json.dump(response.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if response.suggestion:
        print(f"Bedoelde je: {response.suggestion}")
    if response.weak:
        print(f"Geen kaart gaat over “{response.query.strip()}”.")
        if response.hits:
            print("Wat er wel mee te maken heeft:")
    elif response.relaxed:
        print("Geen kaart bevat alle woorden; dit zijn kaarten met een deel ervan.")
    if response.unknown_words:
        print(f"Onbekende woorden: {', '.join(response.unknown_words)}")
    print(f"{count(response.total, 'kaart', 'kaarten')} gevonden.")
    for n, hit in enumerate(response.hits, 1):
        print(f"{n:>3}. {hit.title}  [{hit.type}]  ({hit.id})")
        print(f"     {hit.snippet}")
    return 0


def cmd_export(card_id: str, out: Path, packs: list[str], handout: bool = False) -> int:
    opened = _open_with_content(packs)
    if opened is None:
        return 1
    engine, _ = opened
    card = engine.load_card(card_id)  # a card a pack replaced under a new id is found by its old id too
    if card is None:
        print(f"Geen kaart met id '{card_id}'. Zoek de id op met: navigator search WOORDEN", file=sys.stderr)
        return 2
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a PDF needs no screen
    from PySide6.QtGui import QGuiApplication

    from .ui import export

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts need it)
    if card.type == "scenario":  # with the trainer's notes, as the app exports it, unless a handout is asked
        from .ui.scenario import latest_session

        job = export.scenario_job(card, engine, latest_session(paths.user_data_dir(), card.id), handout=handout)
    else:
        job = export.card_job(card, engine)
    try:
        export.write_pdf(out, job)
    except OSError as exc:
        print(f"De PDF kan niet geschreven worden: {exc}", file=sys.stderr)
        return 1
    print(f"PDF geschreven: {out}", file=sys.stderr)
    return 0


def cmd_app(packs: list[str], open_id: str | None = None, trainer: bool = False) -> int:
    no_content = not paths.core_content_dir().is_dir()
    if no_content:  # said here for a console, and in the window itself (with what to do) for everyone else
        print(no_content_message(paths.core_content_dir()), file=sys.stderr)
    try:
        from .ui.app import run
    except ImportError as exc:
        print(f"De app kan niet starten: {exc}", file=sys.stderr)
        return 1
    code = run(packs, open_id=open_id, trainer=trainer)
    return 1 if no_content else code
