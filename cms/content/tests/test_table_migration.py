"""Tables saved before content 0002 (Wagtail's TableBlock) stay as they were,
in pages and their revisions, and become translatable cell by cell."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Revision
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from cms.content.blocks import TranslatableTableBlock
from cms.content.models import InformationPage
from cms.headless.tests.factories import information, site_home, tree_roots

BEFORE = ("content", "0001_initial")
# A table as the demo and editors saved it before: no table_header_choice.
OLD_TABLE = {
    "data": [
        ["Bờ Y", "07:00–11:00", "14:00–19:00"],
        ["Lệ Thanh", "07:00–11:00", None],
    ],
    "first_row_is_table_header": False,
    "first_col_is_header": True,
    "table_caption": "Khung giờ phát",
}
OLD_BODY = [{"type": "table", "value": OLD_TABLE, "id": "b7a1c2d3"}]


def _migrate(target=None):
    """Migrate content to ``target``, or to its latest migration."""
    executor = MigrationExecutor(connection)
    targets = [target] if target else executor.loader.graph.leaf_nodes("content")
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _write_old_table(apps, page_id: int) -> None:
    """Store the table through the models of the state before 0002."""
    Page = apps.get_model("content", "InformationPage")
    OldRevision = apps.get_model("wagtailcore", "Revision")
    Page.objects.filter(pk=page_id).update(body=OLD_BODY)
    for revision in OldRevision.objects.filter(object_id=str(page_id)):
        revision.content["body"] = json.dumps(OLD_BODY)
        revision.save(update_fields=["content"])


def _stored_body(page_id: int) -> list:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT body FROM content_informationpage WHERE page_ptr_id = %s", [page_id]
        )
        return json.loads(cursor.fetchone()[0])


# Migrations run outside a test transaction (SQLite's schema editor needs it).
@pytest.mark.django_db(transaction=True)
def test_old_tables_in_pages_and_revisions_survive_and_become_translatable():
    tree_roots()
    page = information(site_home())
    try:
        _write_old_table(_migrate(BEFORE), page.pk)
    finally:
        _migrate()

    assert _stored_body(page.pk) == OLD_BODY
    page = InformationPage.objects.get(pk=page.pk)
    revision = Revision.objects.filter(object_id=str(page.pk)).latest("pk")
    for version in (page, revision.as_object()):
        [table] = version.body
        assert isinstance(table.block, TranslatableTableBlock)
        assert table.value["data"] == OLD_TABLE["data"]
        assert table.value["table_caption"] == "Khung giờ phát"
    segments = {
        s.path: s.render_text()
        for s in extract_segments(page)
        if isinstance(s, StringSegmentValue)
    }
    assert segments["body.b7a1c2d3.cell-0-0"] == "Bờ Y"
    assert segments["body.b7a1c2d3.cell-1-0"] == "Lệ Thanh"
    assert segments["body.b7a1c2d3.caption"] == "Khung giờ phát"

    try:
        _migrate(BEFORE)  # and back: nothing to undo, the table stays
        assert _stored_body(page.pk) == OLD_BODY
    finally:
        _migrate()
