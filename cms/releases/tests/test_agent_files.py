"""GET /api/agent/v1/clusters/<code>/<metadata|targets|objects>/<path>."""

from pathlib import Path

import pytest

from cms.releases.services import credential_issue, release_publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["local", "s3"])
def store(request):
    """Every test here runs against the local folder and a real S3 bucket."""
    if request.param == "s3":
        request.getfixturevalue("s3_store")
    return request.param


@pytest.fixture
def published(settings, cluster, built_site):
    release_publish(cluster=cluster)
    return Path(settings.RELEASE_STORE_ROOT) / cluster.code


@pytest.fixture
def agent(client, cluster):
    token = credential_issue(cluster=cluster).token
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


def _clip(published: Path) -> tuple[str, bytes]:
    objects = sorted((published / "objects").glob("*/*"))
    clip = max(objects, key=lambda p: p.stat().st_size)
    return clip.relative_to(published).as_posix(), clip.read_bytes()


def _url(code: str, rel: str) -> str:
    return f"/api/agent/v1/clusters/{code}/{rel}"


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_whole_file_comes_with_its_etag_and_length(agent, published):
    rel, data = _clip(published)
    response = agent.get(_url("bo-y", rel))
    assert response.status_code == 200
    assert _body(response) == data
    assert response["Content-Length"] == str(len(data))
    assert response["Accept-Ranges"] == "bytes"
    assert response["ETag"].startswith('"')
    again = agent.get(_url("bo-y", rel), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_range_resumes_while_the_etag_matches(agent, published):
    rel, data = _clip(published)
    etag = agent.get(_url("bo-y", rel))["ETag"]

    part = agent.get(_url("bo-y", rel), HTTP_RANGE="bytes=1000-", HTTP_IF_RANGE=etag)
    assert part.status_code == 206
    assert _body(part) == data[1000:]
    assert part["Content-Range"] == f"bytes 1000-{len(data) - 1}/{len(data)}"
    assert part["Content-Length"] == str(len(data) - 1000)

    middle = agent.get(_url("bo-y", rel), HTTP_RANGE="bytes=10-19")
    assert (middle.status_code, _body(middle)) == (206, data[10:20])
    suffix = agent.get(_url("bo-y", rel), HTTP_RANGE="bytes=-5")
    assert (suffix.status_code, _body(suffix)) == (206, data[-5:])


def test_a_stale_if_range_gets_the_whole_file_again(agent, published):
    rel, data = _clip(published)
    response = agent.get(
        _url("bo-y", rel), HTTP_RANGE="bytes=1000-", HTTP_IF_RANGE='"old-etag"'
    )
    assert response.status_code == 200
    assert _body(response) == data


def test_a_range_past_the_end_is_416_with_the_size(agent, published):
    rel, data = _clip(published)
    response = agent.get(_url("bo-y", rel), HTTP_RANGE=f"bytes={len(data)}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(data)}"
    assert "past the end" in response.json()["error"]


def test_metadata_is_served_but_not_cached(agent, published):
    response = agent.get(_url("bo-y", "metadata/timestamp.json"))
    assert response.status_code == 200
    assert (
        b"".join(response.streaming_content)
        == (published / "metadata" / "timestamp.json").read_bytes()
    )
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    "rel",
    [
        "metadata/../builds/1.json",
        "metadata/%2e%2e/builds/1.json",
        "objects/../../le-thanh/metadata/timestamp.json",
        "targets/a\\..\\..\\x",
    ],
)
def test_paths_that_leave_the_served_folders_are_refused(agent, published, rel):
    response = agent.get(_url("bo-y", rel))
    assert response.status_code == 400
    assert "refused" in response.json()["error"]


def test_the_publishers_own_records_are_not_served(agent, published):
    assert (published / "builds" / "1.json").exists()
    response = agent.get(_url("bo-y", "builds/1.json"))
    assert response.status_code == 404


def test_a_missing_file_is_a_json_404(agent, published):
    response = agent.get(_url("bo-y", "objects/ab/" + "ab" * 32))
    assert response.status_code == 404
    assert "not in the release store of cluster bo-y" in response.json()["error"]
