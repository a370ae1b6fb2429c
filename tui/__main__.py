"""`python -m tui` does exactly what the `oases-tui` console script does."""

from tui.cli import main

raise SystemExit(main())
