import gc

import jinja2
import markupsafe
import pytest
from markupsafe import Markup

from bench.sample import make_snapshot
from kiosk_site.build import parallel as build_parallel
from kiosk_site.build.assets import assets_build
from kiosk_site.build.site import _kiosk_config, site_build
from kiosk_site.errors import KioskSiteError
from kiosk_site.render import gettext_for
from kiosk_site.render.pages import SiteInputs, _escape_output, environment, page_jobs
from kiosk_site.snapshot import snapshot_read

from .conftest import SMALL


class _Html:
    def __html__(self) -> str:
        return "<b>already safe</b>"


VALUES = [
    "Cửa khẩu <Bờ Y> & \"Đà Nẵng\" 'Lào'",
    "",
    Markup("<em>kept</em>"),
    _Html(),
    42,
    1.5,
    None,
    ["<li>", "&"],
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_output_escaping_gives_markupsafes_characters(value):
    assert _escape_output(value) == str(markupsafe.escape(value))


def test_templates_escape_output_without_a_markup_per_expression():
    env = environment()
    template = env.from_string(
        "{% macro m(v) %}<i>{{ v }}</i>{% endmacro %}{{ a }}|{{ b }}|{{ m(a) }}|{{ n }}"
    )
    # Every compiled module (blocks and macros share its namespace) uses it.
    assert template.root_render_func.__globals__["escape"] is _escape_output
    out = template.render(a="<a href='x'>&", b=Markup("<b>"), n=7)
    a = "&lt;a href=&#39;x&#39;&gt;&amp;"
    assert out == f"{a}|<b>|<i>{a}</i>|7"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_pages_render_as_stock_jinja_renders_them(tmp_path):
    stock = jinja2.Environment(
        loader=environment().loader,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    stock.filters.update(environment().filters)
    stock.getattr = environment().getattr
    data = snapshot_read(make_snapshot(tmp_path / "snap", **SMALL)).data
    assets, _files = assets_build(config=_kiosk_config(data))
    site = SiteInputs(data=data, assets=assets, image_urls={}, video_urls={})
    for _rel, template, make, _key in page_jobs(site):
        context = make()
        tr = gettext_for(context["ui_lang"], context.get("source_lang"))
        ours = environment().get_template(template).render(context, _=tr)
        theirs = stock.get_template(template).render(context, _=tr)
        assert ours == theirs, template


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
