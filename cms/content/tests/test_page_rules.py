import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from cms.content.models import EventPage, NoticePage, PlacePage

pytestmark = pytest.mark.django_db


def test_emergency_notice_without_expiry_is_refused():
    page = NoticePage(
        title="Bão", slug="bao", category="essential.emergency", severity="emergency"
    )
    with pytest.raises(ValidationError) as err:
        page.clean()
    assert "expires_at" in err.value.message_dict


def test_notice_expiring_before_it_starts_is_refused():
    now = dt.datetime(2026, 11, 24, 8, tzinfo=dt.UTC)
    page = NoticePage(
        title="T",
        slug="t",
        category="essential.security",
        valid_from=now,
        expires_at=now - dt.timedelta(hours=1),
    )
    with pytest.raises(ValidationError) as err:
        page.clean()
    assert "expires_at" in err.value.message_dict


def test_event_ending_before_it_starts_is_refused():
    page = EventPage(
        title="Hội chợ",
        slug="hoi-cho",
        category="achievements",
        start_date=dt.date(2026, 12, 5),
        end_date=dt.date(2026, 12, 1),
        venue="Bờ Y",
    )
    with pytest.raises(ValidationError) as err:
        page.clean()
    assert "end_date" in err.value.message_dict


def test_place_with_impossible_latitude_is_refused():
    page = PlacePage(
        title="Ngã ba Đông Dương",
        slug="nga-ba",
        category="border_foreign",
        place_kind="sight",
        latitude=95,
        longitude=107.5,
        address="Ngọc Hồi",
    )
    with pytest.raises(ValidationError) as err:
        page.clean()
    assert "latitude" in err.value.message_dict


def test_translators_cannot_change_coordinates_dates_or_targeting():
    from wagtail_localize.fields import SynchronizedField

    synced = {
        f.field_name
        for f in PlacePage.override_translatable_fields
        if isinstance(f, SynchronizedField)
    }
    assert {
        "latitude",
        "longitude",
        "category",
        "target_clusters",
        "hero_image",
    } <= synced
