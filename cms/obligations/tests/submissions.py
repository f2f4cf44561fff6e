"""Real submissions to moderation, at a chosen local time (freezegun)."""

import datetime as dt
from zoneinfo import ZoneInfo

from freezegun import freeze_time

from cms.content.models import InformationPage
from cms.core.categories import Category
from cms.editorial.tests import factories

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def local(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VN)


def page_submitted(world, when: dt.datetime, *, agency=None, user=None):
    """A kiosk page of the agency submitted for review by its provider."""
    agency = agency or world.border
    user = user or world.users["provider"]
    section = world.border_section if agency == world.border else world.radio_section
    with freeze_time(when):
        page = InformationPage(
            title=f"Tin {when:%Y%m%d%H%M%S}",
            live=False,
            owner=user,
            providing_agency=agency,
            category=Category.POLICY_LAW,
        )
        section.add_child(instance=page)
        page.save_revision(user=user)
        page.get_workflow().start(page, user)
    return page


def programme_submitted(world, when: dt.datetime, *, agency=None, user=None):
    agency = agency or world.border
    user = user or world.users["provider"]
    with freeze_time(when):
        item = factories.programme(agency, f"Phóng sự {when:%Y%m%d}", owner=user)
        item.get_workflow().start(item, user)
    return item
