"""``python -m kiosk_site.agent``."""

from kiosk_site.agent.cli import main

raise SystemExit(main())
