from types import SimpleNamespace

import pytest

from cms.editorial.tests import factories

from .factories import cluster_make, every_day_policy, local, played


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def world(db):
    return factories.world()


@pytest.fixture
def province(db):
    """Two operating bodies, each with a cluster, plays around the period's edges."""
    border = factories.AgencyFactory(slug="border-guard", name="Bộ đội Biên phòng")
    radio = factories.AgencyFactory(slug="radio-tv", name="Đài PT-TH tỉnh")
    policy = every_day_policy()
    bo_y = cluster_make("bo-y", border, ["lao", "vn"], policy)
    le_thanh = cluster_make("le-thanh", radio, ["wide"], policy)
    played(bo_y, "lao", local(2025, 12, 14, 8), 600, programme_id=1)  # day before
    played(bo_y, "lao", local(2025, 12, 15, 7), 3600, programme_id=1)
    played(bo_y, "vn", local(2025, 12, 15, 7), 1800, programme_id=2)
    played(bo_y, "lao", local(2026, 6, 1, 9), 600, programme_id=3, advertising=True)
    played(bo_y, "lao", local(2026, 6, 1, 20), 600, programme_id=3)  # after hours
    played(bo_y, "vn", local(2026, 12, 14, 17), 3600, programme_id=1)  # to 18:00
    played(bo_y, "lao", local(2026, 12, 15, 8), 600, programme_id=4)  # day after
    played(bo_y, "lao", local(2026, 3, 1, 8), 60, programme_id=None, kind="emergency")
    played(bo_y, "kiosk", local(2026, 3, 1, 8), 60, programme_id=5)
    played(le_thanh, "wide", local(2026, 2, 2, 7), 7200, programme_id=2)
    return SimpleNamespace(border=border, radio=radio, bo_y=bo_y, le_thanh=le_thanh)
