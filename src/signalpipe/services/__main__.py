"""The services command line, reached through `signalpipe services ...` (which calls `main`).

`python -m signalpipe.services` still runs it, for the fault harness's subprocesses.
"""

import sys

from .command import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
