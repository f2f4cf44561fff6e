import gc

import jinja2
import pytest
from markupsafe import Markup

from bench.sample import make_snapshot, snapshot_write
from kiosk_site.build import parallel as build_parallel
from kiosk_site.build.site import site_build
from kiosk_site.errors import KioskSiteError
from kiosk_site.render.pages import environment
from kiosk_site.snapshot import page_output, snapshot_read

from .conftest import SMALL

HOSTILE = "<script>alert('x')</script> & \"Bờ Y\""


def test_templates_escape_output_and_keep_markup_as_it_is():
    env = environment()
    template = env.from_string(
        "{% macro m(v) %}<i>{{ v }}</i>{% endmacro %}{{ a }}|{{ b }}|{{ m(a) }}|{{ n }}"
    )
    out = template.render(a="<a href='x'>&", b=Markup("<b>"), n=7)
    a = "&lt;a href=&#39;x&#39;&gt;&amp;"
    assert out == f"{a}|<b>|<i>{a}</i>|7"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_hostile_text_in_a_snapshot_is_escaped_in_every_page(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    data = snapshot_read(snap).data
    for page in data["pages"]:
        page["title"] = HOSTILE
    snapshot_write(snap, data)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out, workers=1)
    escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;Bờ Y&#34;"
    pages = [page_output(p) for p in data["pages"]]
    for rel in pages:
        html = (out / rel).read_text(encoding="utf-8")
        assert "<script>alert(" not in html, rel
        assert escaped in html, rel


def test_a_build_leaves_the_collector_as_it_found_it(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    assert gc.isenabled()
    site_build(snapshot=snap, out_dir=warm_out("a"), workers=1)
    assert gc.isenabled()
    gc.disable()
    try:
        site_build(snapshot=snap, out_dir=warm_out("b"), workers=1)
        assert not gc.isenabled()
    finally:
        gc.enable()
    (tmp_path / "bad.json").write_text('{"schema_version": 1}', encoding="utf-8")
    with pytest.raises(KioskSiteError):
        site_build(snapshot=tmp_path / "bad.json", out_dir=warm_out("c"))
    assert gc.isenabled()


def test_rendering_collects_each_chunks_cyclic_garbage(tmp_path, monkeypatch):
    class Cycle:
        made = 0

        def __init__(self):
            self.me = self
            Cycle.made += 1

    def make():
        Cycle()  # garbage only the cyclic collector frees
        return {}

    monkeypatch.setattr(build_parallel, "render", lambda template, context: "x")
    todo = [(f"p{i}.html", "x.html", make) for i in range(10 * build_parallel.CHUNK)]
    gc.disable()
    try:
        gc.collect()
        build_parallel.render_chunks(todo, str(tmp_path), None)
        left = sum(isinstance(o, Cycle) for o in gc.get_objects())
    finally:
        gc.enable()
    assert Cycle.made == len(todo)
    assert left == 0  # each chunk's went with it
