"""Feedback typed on the kiosk reaches the CMS once and is handled there.

Every part is real: a kiosk built from a small sample snapshot is published by
the CMS (``live_server``) as a signed release; the real agent syncs it over
HTTP and serves it (``kiosk_site.agent.serve``); Chromium opens the kiosk's
feedback form through the agent and sends a message with a consented
contact; the agent spools it and uploads the spool to the CMS's agent API.
The same item spooled and uploaded again (a resend after a lost answer) is
answered "duplicate" and makes no second item. A secretary then logs in to
the admin in the same browser and takes the item through forward → answer →
close.
"""

import pytest

from bench.sample import make_snapshot
from cms.editorial.models import Role
from cms.feedback.models import Feedback
from cms.headless.tests.factories import AgencyFactory, ClusterFactory, tree_roots
from cms.releases.services import credential_issue, release_publish
from cms.releases.tests.factories import PASSWORD, user
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.report import spool_upload
from kiosk_site.agent.spool import Spool
from kiosk_site.build import site_build
from kiosk_site.release.keys import keygen

MESSAGE = "Bản đồ ở cổng 2 chỉ sai hướng"
CONTACT = "0912 345 678"

pytestmark = pytest.mark.usefixtures("orm_beside_playwright")


@pytest.fixture
def cms_cluster(settings, tmp_path):
    """Cluster bo-y with a published kiosk release and an agent credential."""
    keys = keygen(out_dir=tmp_path / "keys")
    settings.RELEASE_STORE_ROOT = str(tmp_path / "store")
    settings.KIOSK_BUILD_ROOT = str(tmp_path / "kiosk")
    settings.RELEASE_SIGNING_KEY = str(keys.private_key)
    settings.RELEASE_ROOT_METADATA = str(keys.root)
    settings.RELEASE_KEYGEN_IF_MISSING = False
    tree_roots()
    cluster = ClusterFactory(code="bo-y")
    snapshot = make_snapshot(
        tmp_path / "snapshot", locales=("vi", "en"), pages_per_locale=2
    )
    site_build(snapshot=snapshot, out_dir=tmp_path / "kiosk" / "bo-y")
    release_publish(cluster=cluster)
    return cluster, credential_issue(cluster=cluster).token


def _send_from_kiosk(page, url: str) -> None:
    page.goto(f"{url}/vi/feedback/?kiosk=bo-y-1")
    page.locator("#fb-message").fill(MESSAGE)
    page.locator("#fb-contact").fill(CONTACT)
    page.locator("#fb-consent").check()
    page.locator("button[type=submit]").tap()
    page.wait_for_function(
        "document.getElementById('feedback-form').dataset.state === 'sent'"
    )


def _handle_in_admin(page, base: str, item: Feedback, agency) -> None:
    page.goto(f"{base}/admin/login/?next=/admin/feedback/{item.pk}/")
    page.locator("input[name=username]").fill("secretary")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"**/admin/feedback/{item.pk}/")
    page.locator("#feedback-forward select[name=agency]").select_option(
        value=str(agency.pk)
    )
    page.locator("#feedback-forward button[type=submit]").click()
    page.wait_for_selector("#feedback-answer-form")
    page.locator("#feedback-answer-form textarea[name=answer]").fill(
        "Đã thay bản đồ mới tại cổng 2."
    )
    page.locator("#feedback-answer-form button[type=submit]").click()
    page.wait_for_selector("#feedback-answer")
    page.locator("#feedback-close button[type=submit]").click()
    page.wait_for_selector("#feedback-reopen")


@pytest.mark.django_db(transaction=True)
def test_feedback_from_the_kiosk_form_reaches_the_cms_once_and_is_handled(
    page, live_server, agent
):
    config, kiosk_url = agent
    agency = AgencyFactory(slug="border-guard", name="Bộ đội Biên phòng tỉnh")
    user("secretary", Role.SECRETARIAT)

    _send_from_kiosk(page, kiosk_url)
    spool = Spool(root=Layout(root=config.data_dir).spool)
    (spooled,) = spool.oldest(limit=10)
    sent = spool_upload(config=config)
    spool.add(kind="feedback", payload=spooled.payload)  # the same item again
    again = spool_upload(config=config)

    assert (sent.accepted, sent.rejected) == (1, 0)
    assert (again.accepted, again.duplicate) == (0, 1)
    item = Feedback.objects.get()
    assert (item.text, item.language, item.kiosk_code) == (MESSAGE, "vi", "bo-y-1")
    assert (item.contact, item.consent, item.page) == (CONTACT, True, "/vi/feedback/")
    assert item.upload.idempotency_key == spooled.idempotency_key

    _handle_in_admin(page, live_server.url, item, agency)

    item.refresh_from_db()
    assert item.status == Feedback.Status.CLOSED and item.agency == agency
    assert item.answer == "Đã thay bản đồ mới tại cổng 2."
    assert page.locator("#feedback-status").inner_text() == "Đã đóng"
    assert page.locator("#feedback-time").inner_text() in ("0 phút", "1 phút")
    assert Feedback.objects.count() == 1
