"""`python -m cleaner.fetch ...`: the same as `cleaner fetch ...`."""

import sys

from .cli import main

sys.exit(main())
