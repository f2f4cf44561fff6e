import datetime as dt

import pytest
from django.utils import translation

from cms.editorial.models import Role
from cms.headless.tests.factories import AgencyFactory, ClusterFactory
from cms.releases.tests.factories import user

NOON = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def feedback_settings(settings):
    settings.FEEDBACK_FLOOD_PER_HOUR = 3
    settings.FEEDBACK_DUPLICATE_MINUTES = 10
    settings.FEEDBACK_CONTACT_KEEP_DAYS = 180
    return settings


@pytest.fixture
def cluster(db):
    return ClusterFactory(code="bo-y")


@pytest.fixture
def agency(db):
    return AgencyFactory(slug="border-guard", name="Bộ đội Biên phòng tỉnh")


@pytest.fixture
def secretary(db):
    return user("secretary", Role.SECRETARIAT)


@pytest.fixture(autouse=True)
def english():
    """Messages in English unless a test asks for Vietnamese (the site default)."""
    with translation.override("en"):
        yield
