"""Read a content snapshot from a file or URL and check it against the schema."""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from .config import SCHEMA_PATH
from .errors import SnapshotError


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


def canonical_json(value: Any) -> bytes:
    """Keys sorted, no whitespace, UTF-8: the form the snapshot hashes cover."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


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
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@cache
def _fast_validator() -> Any:
    """The same schema compiled to Python code: the quick check for valid input.

    fastjsonschema knows drafts up to 7; the schema uses nothing newer than
    `$defs` and if/then, so it compiles unchanged under the draft-07 dialect.
    Errors are always reported through `jsonschema`, the reference validator.
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
    """Render a jsonschema error path as `$.pages[3].fields.latitude`."""
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def snapshot_validate(data: Any, *, source: str = "snapshot") -> None:
    """Raise SnapshotError naming the first bad path if `data` breaks the schema."""
    try:
        _fast_check(data, data["pages"])
    except (fastjsonschema.JsonSchemaException, KeyError, TypeError):
        pass
    else:
        return
    errors = sorted(
        _validator().iter_errors(data),
        key=lambda e: [(0, p) if isinstance(p, int) else (1, str(p)) for p in e.path],
    )
    if errors:
        first = errors[0]
        # For if/then branches the deepest cause names the real field.
        while first.context:
            first = min(first.context, key=lambda e: len(list(e.absolute_path)))
        raise SnapshotError(
            f"snapshot {source} is invalid at {json_path(first.absolute_path)}: "
            f"{first.message} ({len(errors)} error(s) in all); fix the snapshot "
            "or the CMS export so it matches kiosk_site/schema/snapshot-1.schema.json"
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


def changed_pages(data: Any, known: dict[int, list]) -> list[Any] | None:
    """Pages whose content_hash is not `known[id][0]` (what the last build
    saw), or None when `data` is not shaped like a snapshot at all."""
    try:
        return [
            page
            for page in data["pages"]
            if (old := known.get(page["id"])) is None or old[0] != page["content_hash"]
        ]
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


# The pages of the last snapshot this process read, by the bytes of their line.
# A worker that rebuilds a cluster after an edit parses only the changed lines.
# Callers never modify snapshot data, so the parsed pages can be shared.
_PARSED_LINES: dict[bytes, dict[str, Any]] = {}
_PAGES_START = b'"pages":['
# Written after the pages, so that the first line changes only when the
# cluster, navigation, images or the like do.
VOLATILE_KEYS = ("content_hash", "generated_at")


def snapshot_cache_clear() -> None:
    """Forget the pages parsed so far (the next read parses every line)."""
    _PARSED_LINES.clear()


def snapshot_dumps(data: dict[str, Any]) -> bytes:
    """Compact JSON, each page on a line of its own:

        {<top-level blocks>,"pages":[
        <page>,
        <page>
        ],"content_hash":...,"generated_at":...}

    Any JSON reader takes it. Raw newlines cannot occur inside JSON strings,
    so snapshot_read can cut the pages apart without parsing them, skip the
    pages it parsed before, and tell from the first line whether the
    top-level blocks changed.
    """
    head = canonical_json(
        {k: v for k, v in data.items() if k != "pages" and k not in VOLATILE_KEYS}
    )
    tail = canonical_json({k: data[k] for k in VOLATILE_KEYS if k in data})
    lines = [canonical_json(page) for page in data["pages"]]
    opening = head[:-1] + (b',"pages":[' if len(head) > 2 else b'{"pages":[')
    closing = b"]" + (b"," + tail[1:] if len(tail) > 2 else b"}")
    return opening + b"\n" + b",\n".join(lines) + b"\n" + closing + b"\n"


def _parse_by_lines(raw: bytes) -> tuple[dict[str, Any], str] | None:
    """Parse a snapshot in the shape snapshot_dumps writes, reusing pages
    parsed before; None for any other shape."""
    global _PARSED_LINES
    parts = raw.split(b"\n")
    if parts[-1] == b"":
        parts.pop()
    if len(parts) < 3:
        return None
    head, lines, tail = parts[0], parts[1:-1], parts[-1]
    if not head.endswith(_PAGES_START) or not (tail == b"]}" or tail.startswith(b"],")):
        return None
    if lines == [b""]:
        lines = []
    if lines and lines[-1].endswith(b","):
        return None
    for line in lines[:-1]:
        if not line.endswith(b","):
            return None
    try:
        # head + "]}" is a complete object only if the array the head opens
        # is the top-level "pages" member; the tail's members follow it.
        data = json.loads(head + b"]}")
        after = json.loads(b"{" + tail[2:]) if tail != b"]}" else {}
        if not isinstance(data, dict) or data.get("pages") != [] or "pages" in after:
            return None
        data.update(after)
        # Each line is parsed on its own, which proves it holds one value.
        known = _PARSED_LINES
        pages = [
            known.get(line) or json.loads(line.removesuffix(b",")) for line in lines
        ]
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    _PARSED_LINES = dict(zip(lines, pages, strict=True))
    data["pages"] = pages
    return data, hashlib.sha256(head).hexdigest()


def snapshot_read(source: str | Path) -> Snapshot:
    """Load and parse a snapshot without validating it (see snapshot_load)."""
    source = str(source)
    if not source.startswith(("http://", "https://")):
        source = str(Path(source).resolve())
    raw = _read_bytes(source)
    by_lines = _parse_by_lines(raw)
    if by_lines is not None:
        return Snapshot(data=by_lines[0], source=source, top_digest=by_lines[1])
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise SnapshotError(
            f"snapshot {source} is not UTF-8 JSON: {err}; re-export it from the CMS"
        ) from err
    return Snapshot(data=data, source=source)


def snapshot_load(source: str | Path) -> Snapshot:
    """Load, parse and validate a snapshot from a file path or http(s) URL."""
    snapshot = snapshot_read(source)
    snapshot_validate(snapshot.data, source=snapshot.source)
    return snapshot
