"""See what was cut and why: `cleaner explain` (one input, on the terminal or as
an HTML report) and `cleaner stats` (an output file's totals and flags).

Modules: model (clean one input, traced, into lines kept or cut), terminal and
report (its two views), palette (category colours both share), source (a file,
stdin or a URL), stats (an output file judged) and cli.
"""
