"""Static, offline, touch-first kiosk site builder (no Django).

`python -m kiosk_site build --snapshot FILE_OR_URL --out DIR` turns a content
snapshot (see ``schema/README.md``) and its media into a static site;
`python -m kiosk_site serve DIR --port P` serves it for preview and on the kiosk PC.
"""

__all__ = ["__version__"]
__version__ = "1.0.0"
