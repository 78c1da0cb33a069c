"""``python -m scocoop``: the scocoop command line."""

import sys

from scocoop._cli import main

sys.exit(main())
