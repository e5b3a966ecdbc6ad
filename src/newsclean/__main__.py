"""``python -m newsclean`` is the ``newsclean`` command."""

from .cli import main

raise SystemExit(main())
