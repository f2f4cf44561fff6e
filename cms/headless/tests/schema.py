import json
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator

SCHEMA_PATH = (
    Path(settings.BASE_DIR) / "kiosk_site" / "schema" / "snapshot-1.schema.json"
)


def snapshot_errors(snapshot: dict) -> list[str]:
    """Every way a snapshot breaks the version-1 schema (empty when valid)."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = Draft202012Validator(
        schema, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(snapshot)
    ]
