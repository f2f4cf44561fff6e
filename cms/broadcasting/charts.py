"""SVG bar charts of airtime per day against the required minimum, drawn by
templates/broadcasting/includes/airtime_bar.html (no script). Used by the
proof-of-play page (delivered) and the LED plan page (planned)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

# Pixels of the longest bar.
BAR_WIDTH = 300


def airtime_bars(
    rows: Iterable[Any],
    *,
    seconds: Callable[[Any], float],
    advertising_seconds: Callable[[Any], float],
    required_minutes: Callable[[Any], int | None],
    label: Callable[[Any], str],
) -> list[dict]:
    """One bar per row, all on one scale: the row's airtime (red when short of
    the minimum), its advertising part and a mark at the required minimum."""
    values = [
        (row, seconds(row), advertising_seconds(row), required_minutes(row))
        for row in rows
    ]
    scale = max(
        [value for _row, value, _ads, _req in values]
        + [(req or 0) * 60 for *_rest, req in values]
        + [1]
    )
    return [
        {
            "row": row,
            "width": round(BAR_WIDTH * value / scale),
            "ads": round(BAR_WIDTH * ads / scale),
            "required": round(BAR_WIDTH * (req or 0) * 60 / scale),
            "has_required": bool(req),
            "short": req is not None and value < req * 60,
            "label": label(row),
        }
        for row, value, ads, req in values
    ]
