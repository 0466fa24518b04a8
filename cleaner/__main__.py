"""`python -m cleaner` runs the same command line as the `cleaner` script."""

import sys

from .cli import main

sys.exit(main())
