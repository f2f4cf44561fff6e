"""QR codes as compact SVG paths (deterministic, no images to fetch)."""

from __future__ import annotations

from functools import lru_cache

import qrcode
import qrcode.constants


@lru_cache(maxsize=65536)
def qr_path(data: str) -> tuple[int, str]:
    """Return (module count, SVG path of the dark modules) for `data`.

    A fixed mask pattern keeps encoding fast (the automatic choice scores all
    eight masks); every mask gives a valid, readable code.
    """
    code = qrcode.QRCode(
        border=0, error_correction=qrcode.constants.ERROR_CORRECT_M, mask_pattern=2
    )
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    parts = []
    for y, row in enumerate(matrix):
        x = 0
        n = len(row)
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return len(matrix), "".join(parts)


def qr_context(data: str, margin: int = 2) -> dict[str, object]:
    size, path = qr_path(data)
    return {"size": size + 2 * margin, "path": path, "margin": margin}
