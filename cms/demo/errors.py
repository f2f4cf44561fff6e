class DemoSeedError(Exception):
    """The demo data could not be created; the message says why and what to do."""
