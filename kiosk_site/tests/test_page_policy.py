"""Every kiosk page carries a Content-Security-Policy meta tag that lets only
the release's own files run and load."""

import re

from .conftest import CMS_DEFAULT_SITE_NAME

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=|javascript:|\sstyle=", re.I)


def test_every_page_forbids_inline_script_and_foreign_loads(build_named):
    out = build_named(CMS_DEFAULT_SITE_NAME)
    pages = sorted(p for p in out.rglob("*.html") if ".kiosk-build" not in p.parts)
    assert len(pages) > 6 * 8
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = CSP.findall(html)
        assert len(found) == 1, path
        # Before any script or stylesheet, or it would not cover them.
        assert html.index("Content-Security-Policy") < html.index("<link"), path
        directives = dict((d.split()[0], d.split()[1:]) for d in found[0].split("; "))
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["base-uri"] == ["'none'"]
        assert directives["form-action"] == ["'self'"]
        assert not any("unsafe" in v for vs in directives.values() for v in vs)
        assert "<script>" not in html, path
        assert not INLINE_HANDLER.search(html), path
