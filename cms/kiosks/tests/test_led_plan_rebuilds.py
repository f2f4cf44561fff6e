"""A release carries its LED faces' 14-day plan, so what changes the plan
queues a rebuild: a face's playlist, an airtime policy, and the day itself
(`manage.py kiosks_rebuild`, run daily)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks import task_backends

from cms.broadcasting.models import PolicyCluster
from cms.broadcasting.playlists.models import FacePlaylist
from cms.broadcasting.tests.factories import cluster_make, policy_make
from cms.broadcasting.tests.playlist_helpers import face_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings):
    """The cluster codes whose rebuild was queued (the task itself not run)."""
    settings.KIOSK_REBUILD_ON_PUBLISH = True
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    backend = task_backends["default"]
    backend.clear()

    def codes():
        return [
            r.kwargs["cluster_code"]
            for r in backend.results
            if r.task.name == "kiosk_rebuild"
        ]

    class Codes:
        def __eq__(self, other):
            return codes() == other

        def __repr__(self):
            return repr(codes())

    return Codes()


def test_saving_a_face_playlist_rebuilds_its_cluster(
    queued, django_capture_on_commit_callbacks
):
    face = face_make(cluster_make("bo-y"), "lao")
    cluster_make("le-thanh")
    with django_capture_on_commit_callbacks(execute=True):
        FacePlaylist.objects.create(face=face)
    assert queued == ["bo-y"]


def test_saving_a_policy_rebuilds_the_active_clusters_following_it(
    queued, django_capture_on_commit_callbacks
):
    policy = policy_make(regulation="kon_tum", windows={})
    following, idle = cluster_make("bo-y"), cluster_make("dak-to")
    idle.is_active = False
    idle.save()
    cluster_make("le-thanh")  # follows no policy
    for cluster in (following, idle):
        PolicyCluster.objects.create(policy=policy, cluster=cluster)
    with django_capture_on_commit_callbacks(execute=True):
        policy.save()
    assert queued == ["bo-y"]


def test_nothing_is_queued_when_rebuilds_are_off(
    queued, settings, django_capture_on_commit_callbacks
):
    settings.KIOSK_REBUILD_ON_PUBLISH = False
    with django_capture_on_commit_callbacks(execute=True):
        FacePlaylist.objects.create(face=face_make(cluster_make("bo-y"), "lao"))
    assert queued == []


def test_the_daily_command_queues_every_active_cluster(queued):
    for code in ("le-thanh", "bo-y", "dak-to"):
        cluster_make(code)
    cluster = cluster_make("old")
    cluster.is_active = False
    cluster.save()
    out = StringIO()
    call_command("kiosks_rebuild", stdout=out)
    assert queued == ["bo-y", "dak-to", "le-thanh"]
    assert "3 cluster(s): bo-y, dak-to, le-thanh" in out.getvalue()


def test_a_finished_rendition_rebuilds_the_clusters_showing_its_programme(
    queued, django_capture_on_commit_callbacks
):
    from types import SimpleNamespace

    from cms.programmes.models import Rendition
    from cms.programmes.services import rendition_done
    from cms.programmes.tests.factories import ProgrammeFactory

    gate, town = cluster_make("bo-y"), cluster_make("thi-tran")
    programme = ProgrammeFactory(all_clusters=False)
    programme.target_clusters.set([gate])
    with django_capture_on_commit_callbacks(execute=True):
        rendition_done.send(
            sender=Rendition, rendition=SimpleNamespace(programme=programme)
        )
    assert queued == ["bo-y"]
    programme.all_clusters = True
    programme.save()
    with django_capture_on_commit_callbacks(execute=True):
        rendition_done.send(
            sender=Rendition, rendition=SimpleNamespace(programme=programme)
        )
    assert queued == ["bo-y", "bo-y", "thi-tran"]
    assert town.code == "thi-tran"
