"""`python -m labeliq.cli`: the same as the `labeliq` console script."""

from __future__ import annotations

import sys

from labeliq.cli.main import main

sys.exit(main())
