"""A Lao translator changes a table cell in wagtail-localize's translation
editor, sends the translation for review, the secretariat and the head approve
it, and the rebuilt Lao kiosk page shows the new cell in its table header.

The demo CMS of test_admin_no_external_requests (migrated, seeded, served on
127.0.0.1) is reused; its LED page has a table translated into Lao.
"""

import os
import sqlite3
import threading
from pathlib import Path

from playwright.sync_api import Page, expect

from e2e.conftest import manage
from kiosk_site.serve import make_server

from .test_admin_no_external_requests import (  # noqa: F401 (fixtures)
    DemoCms,
    _log_in,
    cms,
    new_context,
    offline_browser,
)

TABLE_PAGE_SLUG = "lich-phat-song-man-hinh-led"
SOURCE_CELL = "Buổi sáng"
OLD_CELL = "ຕອນເຊົ້າ"
NEW_CELL = "ພາກເຊົ້າ"


def _query(demo: DemoCms, sql: str, *params):
    with sqlite3.connect(demo.media_root.parent / "db.sqlite3") as db:
        return db.execute(sql, params).fetchall()


def _lao_page_id(demo: DemoCms) -> int:
    [(page_id,)] = _query(
        demo,
        "SELECT p.id FROM wagtailcore_page p"
        " JOIN wagtailcore_locale l ON l.id = p.locale_id"
        " WHERE p.slug = ? AND l.language_code = 'lo'",
        TABLE_PAGE_SLUG,
    )
    return page_id


def _translate_cell(page: Page, demo: DemoCms, page_id: int) -> None:
    page.goto(f"{demo.url}/admin/pages/{page_id}/edit/")
    segment = page.locator(".js-translation-editor li").filter(
        has=page.locator("p", has_text=SOURCE_CELL)
    )
    expect(segment.last).to_contain_text(OLD_CELL)
    segment.last.get_by_role("button", name="Sửa").click()
    segment.last.locator("textarea").fill(NEW_CELL)
    with page.expect_response(lambda r: "/strings/" in r.url) as saved:
        segment.last.get_by_role("button", name="Lưu").click()
    assert saved.value.ok, f"saving the cell answered {saved.value.status}"
    page.reload()
    expect(segment.last).to_contain_text(NEW_CELL)


def _send_for_review(page: Page, demo: DemoCms, page_id: int) -> None:
    page.goto(f"{demo.url}/admin/editorial/translations/{page_id}/review/")
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi duyệt").click()
    expect(page.locator(".messages .success")).to_be_attached()


def _approve(page: Page, demo: DemoCms, page_id: int) -> None:
    """What the reviewer's "Approve" button posts, from the reviewer's session."""
    [(task_state_id,)] = _query(
        demo,
        "SELECT current_task_state_id FROM wagtailcore_workflowstate"
        " WHERE object_id = ? AND status = 'in_progress'",
        str(page_id),
    )
    page.goto(f"{demo.url}/admin/")
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    answer = page.request.post(
        f"{demo.url}/admin/pages/workflow/action/{page_id}/approve/{task_state_id}/",
        form={"comment": ""},
        headers={"X-CSRFToken": token, "Referer": f"{demo.url}/admin/"},
    )
    assert answer.ok, f"approve answered {answer.status}"


def _kiosk_build(demo: DemoCms) -> Path:
    root = demo.media_root.parent
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{root / 'db.sqlite3'}",
        "MEDIA_ROOT": str(demo.media_root),
        "STATIC_ROOT": str(root / "static"),
        "KIOSK_BUILD_ROOT": str(root / "kiosk"),
        "WAGTAILADMIN_BASE_URL": demo.url,
        "LOG_LEVEL": "WARNING",
    }
    out = root / "kiosk-table"
    manage(env, "kiosk_build", "--cluster", "bo-y", "--out", str(out))
    return out


def test_table_cell_translated_in_the_editor_reaches_the_lao_kiosk(
    cms,  # noqa: F811 (fixtures imported above)
    new_context,  # noqa: F811
    offline_browser,  # noqa: F811
):
    page_id = _lao_page_id(cms)
    context, traffic = new_context(cms)
    page = context.new_page()
    _log_in(page, traffic, cms, "translator_lo")
    _translate_cell(page, cms, page_id)
    _send_for_review(page, cms, page_id)
    for reviewer in ("secretary", "head"):
        context.clear_cookies()
        _log_in(page, traffic, cms, reviewer)
        _approve(page, cms, page_id)
    [(status,)] = _query(
        cms,
        "SELECT status FROM wagtailcore_workflowstate WHERE object_id = ?"
        " ORDER BY id DESC LIMIT 1",
        str(page_id),
    )
    assert status == "approved"
    traffic.assert_none()

    site = _kiosk_build(cms)
    [built] = [p for p in (site / "lo").rglob("*.html") if TABLE_PAGE_SLUG in p.name]
    server = make_server(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    kiosk = offline_browser.new_context(viewport={"width": 1080, "height": 1920})
    try:
        page = kiosk.new_page()
        kiosk_url = f"http://127.0.0.1:{server.server_port}/"
        page.goto(kiosk_url + built.relative_to(site).as_posix())
        caption = page.locator("caption", has_text="ເວລາອອກອາກາດເທິງຈໍ LED")
        expect(caption).to_have_count(1)
        table = page.locator("table").filter(has=caption)
        expect(table.locator('thead th[scope="col"]').nth(1)).to_have_text(NEW_CELL)
        expect(table.locator('tbody th[scope="row"]').first).to_have_text("ບໍອີ")
        expect(table).not_to_contain_text(OLD_CELL)
        expect(table).not_to_contain_text(SOURCE_CELL)
    finally:
        kiosk.close()
        server.shutdown()
        server.server_close()
