"""The airtime chart: bar heights follow the figures."""

import io

from PIL import Image

from cms.reports.chart import DELIVERED_COLOUR, REQUIRED_COLOUR, airtime_chart_png
from cms.reports.figures import ClusterAirtime


def bar_height(image: Image.Image, colour) -> int:
    """The tallest run of ``colour`` in any one column."""
    width, height = image.size
    pixels = image.load()
    return max(
        sum(1 for y in range(height) if pixels[x, y] == colour) for x in range(width)
    )


def test_delivered_bars_are_drawn_to_the_required_bars_scale():
    rows = [ClusterAirtime("bo-y", "Bờ Y", 600, 300, 0, 0)]

    png = airtime_chart_png(rows=rows, title="t", labels=("a", "b"))
    image = Image.open(io.BytesIO(png)).convert("RGB")

    required, delivered = (
        bar_height(image, c) for c in (REQUIRED_COLOUR, DELIVERED_COLOUR)
    )
    assert abs(delivered * 2 - required) <= 2
    assert image.size == (1600, 900)
