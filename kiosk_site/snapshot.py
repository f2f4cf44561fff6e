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
    """A validated snapshot and where it came from (to resolve relative media)."""

    data: dict[str, Any]
    source: str  # absolute file path or URL

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


def json_path(path: Any) -> str:
    """Render a jsonschema error path as `$.pages[3].fields.latitude`."""
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def snapshot_validate(data: Any, *, source: str = "snapshot") -> None:
    """Raise SnapshotError naming the first bad path if `data` breaks the schema."""
    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
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


def snapshot_validate_changed(
    data: Any, *, known: dict[str, str], source: str = "snapshot"
) -> int:
    """Validate a snapshot whose unchanged pages an earlier build validated.

    `known` maps page id (as text) to the content_hash the previous build saw
    in a snapshot that passed the whole schema. Pages whose hash is still the
    same are not checked again: the top-level blocks and the other pages go
    through the compiled schema, which costs as many pages as changed. Any
    failure is reported by `snapshot_validate` on the whole snapshot. Returns
    how many pages were checked.
    """
    try:
        pages = data["pages"]
        changed = [p for p in pages if known.get(str(p["id"])) != p["content_hash"]]
        _fast_validator()({**data, "pages": changed})
    except (fastjsonschema.JsonSchemaException, KeyError, TypeError):
        snapshot_validate(data, source=source)
        return len(data["pages"])
    return len(changed)


def snapshot_read(source: str | Path) -> Snapshot:
    """Load and parse a snapshot without validating it (see snapshot_load)."""
    source = str(source)
    if not source.startswith(("http://", "https://")):
        source = str(Path(source).resolve())
    raw = _read_bytes(source)
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
