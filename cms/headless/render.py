"""Body HTML for the kiosk: internal links, images and programmes by reference.

The kiosk works offline from a static release, so nothing here points at the
CMS: page links become ``kiosk:page:<id>``, images ``<img data-image-id>``
without ``src`` and programmes ``<figure data-programme-id>``; the builder
fills them in from the snapshot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.html import escape, format_html, strip_tags
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from cms.content.blocks import WEEKDAYS, HotlineBlock

DAY_LABELS = dict(WEEKDAYS)
HOTLINE_KIND_LABELS = dict(HotlineBlock.KINDS)


@dataclass
class RenderContext:
    """What one page's rendering needs to know, and what it collects.

    ``page_link`` maps a linked page id to the id of the page to link to in this
    snapshot (the same page in this locale), or None to drop the link.
    ``programme_id`` maps a programme to the id the snapshot lists it under,
    or None when it may not be shown (not live).
    """

    language_code: str
    page_link: Callable[[int], int | None]
    programme_id: Callable[[object], int | None]
    document_url: Callable[[int], str | None]
    image_exists: Callable[[int], bool]
    image_ids: list[int] = field(default_factory=list)
    programme_ids: list[int] = field(default_factory=list)

    def use_image(self, image_id: int) -> None:
        if image_id not in self.image_ids:
            self.image_ids.append(image_id)

    def use_programme(self, programme_id: int) -> None:
        if programme_id not in self.programme_ids:
            self.programme_ids.append(programme_id)


def _img(ctx: RenderContext, image_id, alt: str) -> str:
    if image_id is None or not ctx.image_exists(int(image_id)):
        return ""
    ctx.use_image(int(image_id))
    return format_html('<img data-image-id="{}" alt="{}">', int(image_id), alt)


def rich_text_html(source: str, ctx: RenderContext) -> str:
    """Rich text from the database format to kiosk HTML."""

    def page_link(attrs):
        try:
            target = ctx.page_link(int(attrs.get("id", "")))
        except ValueError:
            target = None
        return f'<a href="kiosk:page:{target}">' if target else "<a>"

    def document_link(attrs):
        try:
            url = ctx.document_url(int(attrs.get("id", "")))
        except ValueError:
            url = None
        return format_html('<a href="{}">', url) if url else "<a>"

    def image_embed(attrs):
        return _img(ctx, attrs.get("id"), attrs.get("alt", ""))

    rewriter = MultiRuleRewriter(
        [
            LinkRewriter(rules={"page": page_link, "document": document_link}),
            EmbedRewriter(rules={"image": image_embed}),
        ]
    )
    return rewriter(source or "")


def _periods(value, language_code: str) -> list[dict]:
    periods = []
    with translation.override(language_code):
        for period in value.get("periods") or []:
            days = list(period.get("days") or [])
            opens, closes = period.get("opens"), period.get("closes")
            periods.append(
                {
                    "days": days,
                    "day_labels": [str(DAY_LABELS.get(d, d)) for d in days],
                    "opens": opens.strftime("%H:%M") if opens else None,
                    "closes": closes.strftime("%H:%M") if closes else None,
                    "closed": bool(period.get("closed")),
                    "note": period.get("note") or "",
                }
            )
    return periods


def hours_data(stream_value, language_code: str) -> list[dict]:
    """Opening-hours StreamField to the snapshot's list of periods."""
    return [
        period
        for child in stream_value or []
        for period in _periods(child.value, language_code)
    ]


def _hours_html(value, ctx: RenderContext) -> str:
    rows = []
    for period in _periods(value, ctx.language_code):
        hours = "–".join(t for t in (period["opens"], period["closes"]) if t)
        rows.append(
            format_html(
                "<tr><th>{}</th><td>{}</td><td>{}</td></tr>",
                ", ".join(period["day_labels"]),
                "×" if period["closed"] else hours,
                period["note"],
            )
        )
    title = value.get("title") or ""
    caption = format_html("<caption>{}</caption>", title) if title else ""
    return (
        f'<table class="opening-hours">{caption}<tbody>{"".join(rows)}</tbody></table>'
    )


def _table_headers(value: dict) -> tuple[bool, bool]:
    """Whether the first row and the first column are headers.

    TableBlock keeps both the old flags and ``table_header_choice`` (Wagtail 6+,
    which spells the column choice "col" or "column" depending on the path).
    """
    choice = value.get("table_header_choice") or ""
    header_row = bool(value.get("first_row_is_table_header")) or choice in (
        "row",
        "both",
    )
    header_col = bool(value.get("first_col_is_header")) or choice in (
        "col",
        "column",
        "both",
    )
    return header_row, header_col


def _table_spans(value: dict) -> tuple[dict, set]:
    """Merged cells: the span of each merge's first cell, and the cells it covers."""
    spans, covered = {}, set()
    for merge in value.get("mergeCells") or []:
        row, col = merge["row"], merge["col"]
        rowspan, colspan = int(merge["rowspan"]), int(merge["colspan"])
        spans[(row, col)] = (rowspan, colspan)
        covered.update(
            (r, c)
            for r in range(row, row + rowspan)
            for c in range(col, col + colspan)
            if (r, c) != (row, col)
        )
    return spans, covered


def _table_cell(tag: str, scope: str, text, span: tuple[int, int] | None) -> str:
    attrs = f' scope="{scope}"' if scope else ""
    if span:
        rowspan, colspan = span
        attrs += f' rowspan="{rowspan}"' if rowspan > 1 else ""
        attrs += f' colspan="{colspan}"' if colspan > 1 else ""
    lines = str(text or "").strip().split("\n")
    return f"<{tag}{attrs}>{'<br>'.join(escape(line) for line in lines)}</{tag}>"


def _table_html(value) -> str:
    """A TableBlock as a plain table: caption, header row in ``<thead>`` with
    ``scope="col"``, a header column with ``scope="row"``, merged cells spanned.
    Only table elements and scope/rowspan/colspan, as the kiosk sanitiser allows.
    """
    value = value or {}
    data = value.get("data") or []
    header_row, header_col = _table_headers(value)
    spans, covered = _table_spans(value)
    caption = value.get("table_caption") or ""
    head, body = [], []
    for row, cells in enumerate(data):
        in_head = header_row and row == 0
        html = []
        for col, cell in enumerate(cells or []):
            if (row, col) in covered:
                continue
            if in_head:
                tag, scope = "th", "col"
            elif header_col and col == 0:
                tag, scope = "th", "row"
            else:
                tag, scope = "td", ""
            html.append(_table_cell(tag, scope, cell, spans.get((row, col))))
        (head if in_head else body).append(f"<tr>{''.join(html)}</tr>")
    parts = ["<table>"]
    if caption:
        parts.append(format_html("<caption>{}</caption>", caption))
    if head:
        parts.append(f"<thead>{''.join(head)}</thead>")
    parts.append(f"<tbody>{''.join(body)}</tbody></table>")
    return "".join(parts)


def _image_figure(value, ctx: RenderContext) -> str:
    image = value.get("image")
    img = _img(ctx, image.pk if image else None, value.get("alt") or "")
    if not img:
        return ""
    caption = value.get("caption") or ""
    figcaption = format_html("<figcaption>{}</figcaption>", caption) if caption else ""
    return f'<figure class="image">{img}{figcaption}</figure>'


def _contact_html(value) -> str:
    lines = [format_html('<p class="name">{}</p>', value.get("name") or "")]
    if value.get("role"):
        lines.append(format_html('<p class="role">{}</p>', value["role"]))
    if value.get("phone"):
        lines.append(
            format_html(
                '<p class="phone"><a href="tel:{}">{}</a></p>',
                value["phone"].replace(" ", ""),
                value["phone"],
            )
        )
    if value.get("email"):
        lines.append(format_html('<p class="email">{}</p>', value["email"]))
    if value.get("address"):
        lines.append(format_html('<p class="address">{}</p>', value["address"]))
    return f'<address class="contact">{"".join(lines)}</address>'


def _programme_html(value, ctx: RenderContext) -> str:
    programme = value.get("programme")
    programme_id = ctx.programme_id(programme) if programme else None
    if programme_id is None:
        return ""
    ctx.use_programme(programme_id)
    caption = value.get("caption") or programme.title
    return format_html(
        '<figure class="programme" data-programme-id="{}">'
        "<figcaption>{}</figcaption></figure>",
        programme_id,
        caption,
    )


def stream_html(stream_value, ctx: RenderContext) -> str:
    """A body StreamField to kiosk HTML, one element per block."""
    parts = []
    for child in stream_value or []:
        kind, value = child.block_type, child.value
        if kind == "text":
            html = f'<div class="text">{rich_text_html(value.source, ctx)}</div>'
        elif kind == "image":
            html = _image_figure(value, ctx)
        elif kind == "gallery":
            figures = "".join(_image_figure(item, ctx) for item in value["images"])
            title = value.get("title") or ""
            heading = format_html("<h2>{}</h2>", title) if title else ""
            html = f'<section class="gallery">{heading}{figures}</section>'
        elif kind == "table":
            html = _table_html(value)
        elif kind == "contact":
            html = _contact_html(value)
        elif kind == "opening_hours":
            html = _hours_html(value, ctx)
        elif kind == "programme":
            html = _programme_html(value, ctx)
        else:
            html = ""
        parts.append(html)
    return "".join(parts)


def plain_text(*parts: str) -> str:
    """Text for the search index: tags removed, whitespace collapsed."""
    text = " ".join(strip_tags(p.replace("<", " <")) for p in parts if p)
    return " ".join(text.split())
