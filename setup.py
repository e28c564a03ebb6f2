"""Everything is declared in pyproject.toml; this only ships the core content (content/) inside the package,
as navigator/_content, so an installed copy finds its cards from any folder (see navigator/paths.py)."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithContent(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads content/ in the checkout itself
        target = Path(self.build_lib) / "navigator" / "_content"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "content", target, ignore=shutil.ignore_patterns(".*", "__pycache__"))


setup(cmdclass={"build_py": BuildWithContent})
