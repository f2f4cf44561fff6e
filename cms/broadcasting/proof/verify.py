"""Check a proof-of-play export with only the export and the public key.

    python -m cms.broadcasting.proof.verify EXPORT.json|EXPORT.csv --root root.json

``root.json`` is the province's public root metadata (the release trust
anchor every agent holds). Recomputes every record's hash and the chain,
checks each daily head's signature and that its last record is in the
export unchanged. Exits 0 if all holds, 1 naming the first bad record or
head (a changed field, a missing or reordered record, a bad signature), 2
for an unreadable file. Imports no Django.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from securesystemslib.exceptions import UnverifiedSignatureError
from securesystemslib.signer import Signature

from kiosk_site.errors import ReleaseError
from kiosk_site.release.keys import root_load

from . import chain

_INTS = {"seq", "duration_ms", "last_seq", "count"}


class ExportError(Exception):
    """An export file that cannot be read."""


def _typed(row: dict) -> dict:
    out = {}
    for name, value in row.items():
        if name in _INTS:
            value = int(value)
        elif name == "programme_id":
            value = int(value) if value else None
        elif name == "advertising":
            value = value == "true"
        out[name] = value
    return out


def _from_csv(text: str) -> dict:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"type", *chain.RECORD_FIELDS, *chain.HEAD_FIELDS} - set(
        reader.fieldnames or ()
    )
    if missing:
        raise ValueError(f"the header row lacks {', '.join(sorted(missing))}")
    rows = list(reader)
    records = [r for r in rows if r.get("type") == "record"]
    heads = [r for r in rows if r.get("type") == "daily_head"]
    return {
        "records": [
            _typed({c: r[c] for c in (*chain.RECORD_FIELDS, "prev_hash", "hash")})
            for r in records
        ],
        "heads": [
            _typed({c: r[c] for c in (*chain.HEAD_FIELDS, "key_id", "signature")})
            for r in heads
        ],
    }


def export_read(path: Path) -> dict:
    """The records and heads of an export file (JSON or CSV)."""
    try:
        text = path.read_text(encoding="utf-8")
        if not text.lstrip("\ufeff").startswith("{"):
            return _from_csv(text)
        data = json.loads(text)
        if data.get("format") != chain.FORMAT:
            raise ValueError(
                f"its format is {data.get('format')!r}, not {chain.FORMAT}"
            )
        return data
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise ExportError(
            f"{path} is not a proof-of-play export (JSON or CSV from "
            f"manage.py proof_export): {err}"
        ) from err


def _head_problem(head: dict, keys: dict) -> str | None:
    key = keys.get(head["key_id"])
    where = f"daily head {head['date']} (last seq {head['last_seq']})"
    if key is None:
        return f"{where}: signed by key {head['key_id']}, not in the root metadata"
    try:
        key.verify_signature(
            Signature(head["key_id"], head["signature"]), chain.head_bytes(head)
        )
    except UnverifiedSignatureError:
        return f"{where}: bad signature — the head was changed after it was sealed"
    return None


def _record_problem(
    record: dict, prev: dict | None, anchor: str | None, seqs: set[int]
) -> str | None:
    seq = record["seq"]
    where = f"record seq {seq} (started {record['started_at']}, face {record['face']})"
    if prev is not None and seq != prev["seq"] + 1:
        if seq <= prev["seq"] or prev["seq"] + 1 in seqs:
            return f"{where}: comes after seq {prev['seq']} — records reordered"
        return (
            f"{where}: follows seq {prev['seq']} — record(s) {prev['seq'] + 1}–"
            f"{seq - 1} missing"
        )
    expected = prev["hash"] if prev else anchor
    if expected is not None and record["prev_hash"] != expected:
        return (
            f"{where}: prev_hash {record['prev_hash'][:12]}… is not the hash "
            f"{expected[:12]}… of the record before"
        )
    recomputed = chain.record_hash(record, record["prev_hash"])
    if recomputed != record["hash"]:
        return (
            f"{where}: its fields give hash {recomputed[:12]}…, not its recorded "
            f"{record['hash'][:12]}… — a field was changed after it was recorded"
        )
    return None


def _anchor(first: dict, heads: list[dict]) -> str | None:
    if first["seq"] == 1:
        return chain.GENESIS
    for head in heads:
        if head["last_seq"] == first["seq"] - 1:
            return head["last_hash"]
    return None


def _chain_problem(records: list[dict], heads: list[dict]) -> str | None:
    prev, seqs = None, {record["seq"] for record in records}
    for record in records:
        anchor = _anchor(record, heads) if prev is None else None
        problem = _record_problem(record, prev, anchor, seqs)
        if problem:
            return problem
        prev = record
    return None


def _heads_match(records: list[dict], heads: list[dict]) -> str | None:
    by_seq = {r["seq"]: r for r in records}
    first = records[0]["seq"] if records else None
    last = records[-1]["seq"] if records else 0
    for head in heads:
        seq, where = head["last_seq"], f"daily head {head['date']}"
        if seq in by_seq and by_seq[seq]["hash"] != head["last_hash"]:
            return f"{where} ends at record seq {seq}, whose hash differs from it"
        if first is not None and seq > last:
            return (
                f"{where} ends at record seq {seq}; the export ends at seq {last} "
                f"— record(s) {last + 1}–{seq} missing"
            )
    return None


def verify(data: dict, *, keys: dict) -> str | None:
    """The first problem of an export's records and heads, or None if it holds."""
    records, heads = data["records"], data["heads"]
    for head in heads:
        problem = _head_problem(head, keys)
        if problem:
            return problem
    return _chain_problem(records, heads) or _heads_match(records, heads)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cms.broadcasting.proof.verify")
    parser.add_argument("export", type=Path, help="the proof_export file")
    parser.add_argument("--root", type=Path, required=True, help="root.json")
    args = parser.parse_args(argv)
    try:
        data = export_read(args.export)
        keys = root_load(root_path=args.root).signed.keys
    except (ExportError, ReleaseError) as err:
        print(f"proof verify: {err}", file=sys.stderr)
        return 2
    problem = verify(data, keys=keys)
    if problem:
        print(f"FAILED: {problem}", file=sys.stderr)
        return 1
    seqs = [r["seq"] for r in data["records"]]
    span = f"seq {seqs[0]}–{seqs[-1]}" if seqs else "none"
    print(
        f"OK: {len(seqs)} records ({span}), {len(data['heads'])} signed daily "
        "heads; chain and signatures hold"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
