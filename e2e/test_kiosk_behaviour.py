import json

from .conftest import tap_keys


def test_idle_timeout_returns_to_attract_and_clears_typed_text(page, kiosk):
    # Kiosk K2 in the generated snapshot has a 4 s idle timeout.
    page.goto(kiosk.url + "/vi/search/?kiosk=K2")
    tap_keys(page, "cua")
    assert page.locator("#q").input_value() == "cua"
    page.wait_for_url(kiosk.url + "/", timeout=9_000)
    page.goto(kiosk.url + "/vi/search/")
    assert page.locator("#q").input_value() == ""
    assert page.evaluate("window.kioskIdle.ms") == 4000


def test_default_idle_timeout_comes_from_the_first_kiosk(page, kiosk):
    page.goto(kiosk.url + "/en/")
    assert page.evaluate("window.kioskIdle.ms") == 90_000


def test_emergency_notice_takes_over_every_page_until_acknowledged(
    page, emergency_kiosk
):
    k = emergency_kiosk
    notice = next(
        p for p in k.pages("km", "notice") if p["fields"]["severity"] == "emergency"
    )
    page.goto(k.url + "/km/")
    takeover = page.locator("#emergency")
    takeover.wait_for(state="visible")
    assert takeover.locator("h2").inner_text() == notice["title"]
    assert takeover.get_attribute("lang") == "km"
    takeover.locator("[data-action=ack]").tap()
    assert takeover.is_hidden()
    page.goto(k.page_url(k.pages("km", "place")[0]))
    page.wait_for_load_state("networkidle")
    assert page.locator("#emergency").is_hidden()


def test_live_notice_shows_in_banner_and_expired_one_does_not(page, kiosk):
    page.goto(kiosk.url + "/en/")
    banner = page.locator("#notices")
    banner.wait_for(state="visible")
    texts = banner.locator("a").all_inner_texts()
    notices = kiosk.pages("en", "notice")
    live = next(n["title"] for n in notices if n["fields"]["expires_at"] is None)
    expired = next(n["title"] for n in notices if n["fields"]["expires_at"])
    assert live in texts and expired not in texts
    assert page.locator("#emergency").is_hidden()


def _feedback_lines(kiosk) -> list[dict]:
    if not kiosk.feedback_file.exists():
        return []
    return [
        json.loads(x)
        for x in kiosk.feedback_file.read_text(encoding="utf-8").splitlines()
    ]


def test_feedback_typed_on_keyboard_is_posted_to_the_local_agent(page, kiosk):
    before = len(_feedback_lines(kiosk))
    page.goto(kiosk.url + "/lo/feedback/")
    page.locator("#fb-message").tap()
    tap_keys(page, "ດ່ານ")
    assert page.locator("#fb-message").input_value() == "ດ່ານ"
    page.locator("button[type=submit]").tap()
    page.wait_for_function(
        "document.getElementById('feedback-form').dataset.state === 'sent'"
    )
    lines = _feedback_lines(kiosk)
    assert len(lines) == before + 1
    assert lines[-1]["message"] == "ດ່ານ" and lines[-1]["language"] == "lo"
    assert page.evaluate("window.kioskFeedback.outbox().length") == 0


def test_feedback_stays_in_the_browser_until_the_agent_answers(page, kiosk):
    before = len(_feedback_lines(kiosk))
    page.route("**/feedback", lambda route: route.fulfill(status=503, body="down"))
    page.goto(kiosk.url + "/en/feedback/")
    page.locator("#fb-message").fill("The map near gate 2 is wrong")
    page.locator("#fb-contact").fill("+84 912 345 678")
    page.locator("button[type=submit]").tap()
    status = page.locator(".feedback-status")
    assert "consent" in status.inner_text()
    page.locator("#fb-consent").check()
    page.locator("#fb-message").fill("The map near gate 2 is wrong")
    page.locator("#fb-contact").fill("+84 912 345 678")
    page.locator("button[type=submit]").tap()
    page.wait_for_function(
        "document.getElementById('feedback-form').dataset.state === 'queued'"
    )
    assert page.evaluate("window.kioskFeedback.outbox().length") == 1
    assert len(_feedback_lines(kiosk)) == before
    page.unroute("**/feedback")
    page.goto(kiosk.url + "/en/")  # any page load retries the outbox
    page.wait_for_function("window.kioskFeedback.outbox().length === 0")
    sent = _feedback_lines(kiosk)[-1]
    assert sent["message"] == "The map near gate 2 is wrong"
    assert sent["consent"] is True and sent["contact"] == "+84 912 345 678"


def test_keyboard_types_into_the_field_touched_last(page, kiosk):
    page.goto(kiosk.url + "/en/feedback/")
    tap_keys(page, "hi")
    page.locator("#fb-contact").tap()
    tap_keys(page, "0912")
    assert page.locator("#fb-message").input_value() == "hi"
    assert page.locator("#fb-contact").input_value() == "0912"


def test_guard_blocks_and_records_requests_leaving_localhost(
    page, kiosk, offsite_requests
):
    # Proves the guard every test relies on: the kiosk itself made no such request.
    page.goto(kiosk.url + "/vi/")
    assert offsite_requests == []
    # From a file without the pages' Content-Security-Policy, which refuses
    # such a request before it reaches the guard.
    page.goto(kiosk.url + "/data/notices-vi.js")
    page.evaluate("fetch('https://cdn.example.com/font.woff2').catch(() => 0)")
    page.wait_for_timeout(300)
    assert offsite_requests == ["https://cdn.example.com/font.woff2"]
    offsite_requests.clear()
