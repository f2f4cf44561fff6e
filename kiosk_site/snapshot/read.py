"""Read a content snapshot from a file or URL and check it against the schema."""

from __future__ import annotations

import hashlib
import itertools
import json
import operator
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema

from kiosk_site.config import SCHEMA_PATH
from kiosk_site.errors import SnapshotError
from kiosk_site.snapshot.lines import (
    canonical_json,
    lines_cache_clear,
    page_columns,
    parse_by_lines,
    snapshot_dumps,  # noqa: F401 - where callers import it
)
from kiosk_site.snapshot.sanitise import page_sanitise


def snapshot_cache_clear() -> None:
    """Forget the last snapshot read (the next read parses every page)."""
    lines_cache_clear()


@dataclass(frozen=True)
class Snapshot:
    """A validated snapshot and where it came from (to resolve relative media).

    `top_digest` is the sha256 of everything but the pages when the file was
    written one page per line (see snapshot_dumps), else "".
    """

    data: dict[str, Any]
    source: str  # absolute file path or URL
    top_digest: str = ""

    @property
    def is_url(self) -> bool:
        return self.source.startswith(("http://", "https://"))


def page_content_hash(page: dict[str, Any]) -> str:
    """`sha256:` + hex digest of the page's canonical JSON without content_hash."""
    body = {k: v for k, v in page.items() if k != "content_hash"}
    return "sha256:" + hashlib.sha256(canonical_json(body)).hexdigest()


def snapshot_content_hash(data: dict[str, Any]) -> str:
    """Hash over the whole snapshot but `generated_at`, pages by their hash.

    Equal hashes mean identical snapshots apart from generation time
    (schema/README.md); the CMS computes the same value.
    """
    covered = {
        key: value
        for key, value in data.items()
        if key not in ("generated_at", "content_hash", "pages")
    }
    covered["pages"] = [p["content_hash"] for p in data["pages"]]
    return "sha256:" + hashlib.sha256(canonical_json(covered)).hexdigest()


@cache
def _fast_validator() -> Any:
    """The same schema compiled to Python code: the quick check for valid input.

    fastjsonschema knows drafts up to 7; the schema uses nothing newer than
    `$defs` and if/then, so it compiles unchanged under the draft-07 dialect.
    """
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(schema, use_formats=True)


@cache
def _fast_page_validators() -> dict[str | None, Any]:
    """The page schema compiled once per page type, keyed by type (None for a
    type no branch names).

    The page schema picks each type's `fields` rules with if/then branches;
    compiled as they are, every page raises and catches an exception for
    each branch of another type, half the cost of checking it. A page of
    type T is valid exactly when it passes the base rules and T's branch.
    """
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    page = schema["$defs"]["page"]
    base = {k: v for k, v in page.items() if k != "allOf"}
    branches: dict[str, dict] = {}
    others = []
    for part in page.get("allOf", []):
        test = part.get("if", {})
        condition = test.get("properties", {}).get("type", {})
        if (
            set(part) == {"if", "then"}
            and set(test) == {"properties"}
            and set(test["properties"]) == {"type"}
            and set(condition) == {"const"}
        ):
            branches[condition["const"]] = part["then"]
        else:
            others.append(part)

    def compiled(then: dict | None) -> Any:
        rules = {**base, "allOf": others + ([then] if then else [])}
        return fastjsonschema.compile(
            {
                "$schema": "http://json-schema.org/draft-07/schema#",
                "$id": schema["$id"],
                "$defs": schema["$defs"],
                **rules,
            },
            use_formats=True,
        )

    validators: dict[str | None, Any] = {None: compiled(None)}
    for kind, then in branches.items():
        validators[kind] = compiled(then)
    return validators


def _fast_check(data: Any, pages: list[Any]) -> None:
    """Raise JsonSchemaException unless `data` without its pages, and each
    of `pages`, pass the compiled schema (the quick path; errors are then
    reported by snapshot_validate)."""
    _fast_validator()({**data, "pages": []})
    validators = _fast_page_validators()
    for page in pages:
        kind = page.get("type") if isinstance(page, dict) else None
        validators.get(kind if isinstance(kind, str) else None, validators[None])(page)


def json_path(path: Any) -> str:
    """Render an error path as `$.pages[3].fields.latitude`."""
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _first_error(check: Any, value: Any, where: list[Any]) -> list[str]:
    """The first way `value` breaks `check`, as `$.path: what is wrong`."""
    try:
        check(value)
    except fastjsonschema.JsonSchemaValueException as err:
        # err.path starts with "data" and err.message with its dotted name.
        wrong = err.message.removeprefix(err.name).strip()
        found = repr(err.value)
        found = found if len(found) <= 60 else found[:57] + "..."
        return [f"{json_path(where + err.path[1:])}: {wrong} (found {found})"]
    return []


def schema_errors(data: Any) -> list[str]:
    """The first error of the top-level blocks and of each page that breaks
    the schema (empty when `data` is a valid snapshot)."""
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, list):
        return _first_error(_fast_validator(), data, [])
    errors = _first_error(_fast_validator(), {**data, "pages": []}, [])
    validators = _fast_page_validators()
    for i, page in enumerate(pages):
        kind = page.get("type") if isinstance(page, dict) else None
        check = validators.get(kind if isinstance(kind, str) else None)
        errors += _first_error(check or validators[None], page, ["pages", i])
    return errors


def snapshot_validate(data: Any, *, source: str = "snapshot") -> None:
    """Raise SnapshotError naming the first bad path if `data` breaks the schema."""
    errors = schema_errors(data)
    if errors:
        raise SnapshotError(
            f"snapshot {source} is invalid at {errors[0]} ({len(errors)} error(s) "
            "in all); fix the snapshot or the CMS export so it matches "
            "kiosk_site/schema/snapshot-1.schema.json"
        )


def _read_bytes(source: str) -> bytes:
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=60) as resp:  # noqa: S310
                return resp.read()
        except (urllib.error.URLError, OSError) as err:
            raise SnapshotError(
                f"could not download snapshot {source}: {err}; check the URL and "
                "that the CMS is reachable"
            ) from err
    path = Path(source)
    try:
        return path.read_bytes()
    except OSError as err:
        raise SnapshotError(
            f"could not read snapshot file {source}: {err.strerror}; "
            "pass an existing file or an http(s) URL"
        ) from err


def changed_pages(data: Any, known: dict[int, str]) -> list[Any] | None:
    """Pages whose content_hash is not `known[id]` (what the last build saw),
    or None when `data` is not shaped like a snapshot at all."""
    try:
        pages = data["pages"]
        ids, _locales, _types, _paths, hashes = page_columns(pages)
        before = map(known.get, ids)
        return list(itertools.compress(pages, map(operator.ne, hashes, before)))
    except (KeyError, TypeError, AttributeError):  # e.g. an unhashable id
        return None


def snapshot_validate_changed(
    data: Any,
    *,
    changed: list[Any] | None,
    source: str = "snapshot",
    top_checked: bool = False,
) -> int:
    """Validate a snapshot whose other pages an earlier build validated.

    `changed` are the pages whose content_hash differs from the last valid
    build's (see changed_pages); only they and the top-level blocks go
    through the compiled schema, which costs as many pages as changed. With
    `top_checked` the navigation is byte for byte the last build's and is
    skipped too. Any failure is reported by `snapshot_validate` on the whole
    snapshot. Returns how many pages were checked.
    """
    if changed is not None:
        top = {**data, "navigation": {}} if top_checked else data
        try:
            _fast_check(top, changed)
        except fastjsonschema.JsonSchemaException:
            pass
        else:
            return len(changed)
    snapshot_validate(data, source=source)
    return len(data["pages"])


def snapshot_read(source: str | Path) -> Snapshot:
    """Load and parse a snapshot without validating it (see snapshot_load).

    Every HTML field of every page comes back sanitised (see `sanitise`):
    the builder trusts no markup of the snapshot."""
    source = str(source)
    if not source.startswith(("http://", "https://")):
        source = str(Path(source).resolve())
    raw = _read_bytes(source)
    by_lines = parse_by_lines(raw)
    if by_lines is not None:
        return Snapshot(data=by_lines[0], source=source, top_digest=by_lines[1])
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise SnapshotError(
            f"snapshot {source} is not UTF-8 JSON: {err}; re-export it from the CMS"
        ) from err
    pages = data.get("pages") if isinstance(data, dict) else None
    for page in pages if isinstance(pages, list) else ():
        page_sanitise(page)
    return Snapshot(data=data, source=source)


def snapshot_load(source: str | Path) -> Snapshot:
    """Load, parse and validate a snapshot from a file path or http(s) URL."""
    snapshot = snapshot_read(source)
    snapshot_validate(snapshot.data, source=snapshot.source)
    return snapshot
