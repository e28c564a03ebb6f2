"""Entry point of the console program (navigator.exe): validate, build-index, search, export."""

import sys

from navigator.cli import main

sys.exit(main())
