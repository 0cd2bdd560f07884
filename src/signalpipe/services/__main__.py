"""`python -m signalpipe.services up|down|status|start|stop|kill|restart [names...]`.

Importable too: `signalpipe services ...` calls `main(argv)` from here.
"""

import sys

from .command import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
