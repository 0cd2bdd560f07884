"""The services command line, reached through `signalpipe services ...` (which calls `main`).

`python -m signalpipe.services` runs it too; the documented way in is `signalpipe services`.
"""

import sys

from .command import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
