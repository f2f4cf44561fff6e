"""The inspection export: a cluster's records and daily heads, CSV or JSON.

JSON: ``{"format", "cluster", "from", "to", "records": [...], "heads": [...]}``.
CSV (UTF-8 with BOM, for Excel): one header row, then one row per record
(``type`` = ``record``) and per daily head (``type`` = ``daily_head``).
Records are those received from ``from`` to ``to`` (local days); heads
from the day before ``from`` (the anchor of the first record) to ``to``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from django.utils import timezone

from . import chain
from .models import DailyHead, PlayRecord
from .services import head_fields

RECORD_COLUMNS = (*chain.RECORD_FIELDS, "prev_hash", "hash")
HEAD_COLUMNS = (*chain.HEAD_FIELDS, "key_id", "signature")
CSV_COLUMNS = ("type", *dict.fromkeys(RECORD_COLUMNS + HEAD_COLUMNS))


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def export_data(*, cluster, start: dt.date, end: dt.date) -> dict:
    """The export of ``cluster`` from ``start`` to ``end`` as one JSON-ready dict."""
    records = PlayRecord.objects.filter(
        cluster=cluster,
        received_at__gte=_midnight(start),
        received_at__lt=_midnight(end + dt.timedelta(days=1)),
    ).select_related("source_upload")
    heads = DailyHead.objects.filter(
        cluster=cluster, date__range=(start - dt.timedelta(days=1), end)
    )
    return {
        "format": chain.FORMAT,
        "cluster": cluster.code,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "records": [
            record.chain_fields(
                cluster_code=cluster.code,
                upload_key=record.source_upload.idempotency_key,
            )
            | {"prev_hash": record.prev_hash, "hash": record.hash}
            for record in records.order_by("seq")
        ],
        "heads": [
            head_fields(head, cluster.code)
            | {"key_id": head.key_id, "signature": head.signature}
            for head in heads.order_by("date")
        ],
    }


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def export_csv(data: dict) -> str:
    """``data`` as CSV text, BOM first (Excel then reads it as UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for kind, rows in (("record", data["records"]), ("daily_head", data["heads"])):
        for row in rows:
            writer.writerow([kind, *(_cell(row.get(c)) for c in CSV_COLUMNS[1:])])
    return "\ufeff" + out.getvalue()


def export_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
