"""Issuing, cancelling and switching: who may, what the state becomes, the audit log."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from cms.editorial.models import Role
from cms.emergency.errors import EmergencyError
from cms.emergency.models import EmergencyOrder
from cms.emergency.selectors import cluster_state, clusters_for_user
from cms.emergency.services import emergency_cancel, emergency_issue, faces_switch
from cms.programmes.models import Rendition

from .factories import (
    ClusterFactory,
    face_rendition,
    operator,
    release_with_video,
    user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    """The messages are asserted in their source language (Vietnamese: admin tests)."""
    with translation.override("en"):
        yield


MESSAGES = {
    "vi": ("Cảnh báo lũ", "Không qua cầu tràn."),
    "en": ("Flood warning", "Do not cross the spillway."),
    "lo": ("ເຕືອນໄພນ້ຳຖ້ວມ", "ຢ່າຂ້າມຂົວ."),
}


@pytest.fixture
def head(db):
    return user("head", Role.HEAD)


@pytest.fixture
def bo_y(db):
    return ClusterFactory(code="bo-y")


@pytest.fixture
def le_thanh(db):
    return ClusterFactory(code="le-thanh", languages=["vi", "km"])


def _logged(instance, action, by) -> bool:
    return ModelLogEntry.objects.filter(
        object_id=str(instance.pk), action=action, user=by
    ).exists()


def test_the_head_issues_a_message_that_each_cluster_gets_in_its_languages(
    head, bo_y, le_thanh
):
    messages = {**MESSAGES, "km": ("ការព្រមាន", "កុំឆ្លងស្ពាន។")}
    until = timezone.now() + timedelta(hours=2)

    order = emergency_issue(
        user=head, clusters=[bo_y, le_thanh], messages=messages, until=until
    )

    state = cluster_state(cluster=bo_y)
    assert state["emergency"]["id"] == f"em-{order.pk}"
    assert [m["lang"] for m in state["emergency"]["messages"]] == ["vi", "en", "lo"]
    assert state["emergency"]["messages"][0] == {
        "lang": "vi",
        "title": "Cảnh báo lũ",
        "text": "Không qua cầu tràn.",
    }
    assert state["emergency"]["until"] == timezone.localtime(until).isoformat()
    assert state["emergency"]["until"].endswith("+07:00")
    assert state["sequence"] > 0 and state["faces_off"] == []
    khmer = cluster_state(cluster=le_thanh)["emergency"]["messages"]
    assert [m["lang"] for m in khmer] == ["vi", "km"]
    assert _logged(order, "emergency.issue", head)


def test_an_emergency_ends_by_itself_when_until_passes(head, bo_y):
    until = timezone.now() + timedelta(minutes=30)
    emergency_issue(user=head, clusters=[bo_y], messages=MESSAGES, until=until)

    before = cluster_state(cluster=bo_y, now=until - timedelta(seconds=1))
    after = cluster_state(cluster=bo_y, now=until)

    assert before["emergency"] is not None
    assert after["emergency"] is None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"messages": {}}, "Write a message or choose a programme"),
        (
            {"messages": {"vi": MESSAGES["vi"], "en": MESSAGES["en"]}},
            "write the message in lo too",
        ),
        ({"until": timezone.now() - timedelta(minutes=1)}, "has already passed"),
        ({"clusters": []}, "Choose at least one cluster"),
    ],
    ids=["nothing", "missing-language", "until-past", "no-cluster"],
)
def test_an_emergency_that_cannot_be_shown_is_refused_and_says_why(
    head, bo_y, change, reason
):
    kwargs = {"user": head, "clusters": [bo_y], "messages": MESSAGES} | change

    with pytest.raises(EmergencyError, match=reason):
        emergency_issue(**kwargs)

    assert not EmergencyOrder.objects.exists()
    assert cluster_state(cluster=bo_y)["sequence"] == 0


def test_an_operator_acts_only_on_the_clusters_assigned_to_them(bo_y, le_thanh):
    guard = operator("bp-bo-y", bo_y)
    unassigned = user("operator", Role.OPERATOR)

    assert list(clusters_for_user(user=guard)) == [bo_y]
    assert list(clusters_for_user(user=unassigned)) == []
    order = emergency_issue(user=guard, clusters=[bo_y], messages=MESSAGES)
    assert _logged(order, "emergency.issue", guard)
    with pytest.raises(EmergencyError, match=f"You may not act on {le_thanh.name}"):
        emergency_issue(
            user=guard,
            clusters=[bo_y, le_thanh],
            messages={**MESSAGES, "km": ("a", "b")},
        )
    with pytest.raises(EmergencyError, match="You may not act on"):
        faces_switch(user=guard, cluster=le_thanh, face_code="", switched_on=False)


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.TECHNICIAN, Role.INSPECTOR])
def test_roles_the_regulations_do_not_name_act_on_no_cluster(role, bo_y):
    person = user(f"u-{role}", role)

    assert list(clusters_for_user(user=person)) == []
    with pytest.raises(EmergencyError, match="You may not act on"):
        emergency_issue(user=person, clusters=[bo_y], messages=MESSAGES)


def test_administrators_act_on_every_cluster(bo_y, le_thanh):
    admin = user("admin", Role.ADMINISTRATOR)

    assert set(clusters_for_user(user=admin)) == {bo_y, le_thanh}


def test_cancelling_ends_the_emergency_at_once_and_is_logged(head, bo_y):
    order = emergency_issue(user=head, clusters=[bo_y], messages=MESSAGES)
    issued = cluster_state(cluster=bo_y)["sequence"]

    emergency_cancel(user=head, order=order)

    state = cluster_state(cluster=bo_y)
    assert state["emergency"] is None and state["sequence"] > issued
    assert _logged(order, "emergency.cancel", head)
    with pytest.raises(EmergencyError, match="already cancelled"):
        emergency_cancel(user=head, order=order)


def test_faces_switch_off_and_on_one_by_one_or_all_together(head, bo_y):
    from cms.clusters.models import LedFace

    LedFace.objects.create(
        cluster=bo_y, code="vn", name="Facing Vietnam", width_px=1920, height_px=1080
    )
    sequences = []

    def switched(face: str, on: bool) -> list[str]:
        switch = faces_switch(user=head, cluster=bo_y, face_code=face, switched_on=on)
        action = "emergency.faces_on" if on else "emergency.faces_off"
        assert _logged(switch, action, head)
        state = cluster_state(cluster=bo_y)
        sequences.append(state["sequence"])
        return state["faces_off"]

    assert switched("lao", False) == ["lao"]
    assert switched("", False) == ["lao", "vn"]
    assert switched("lao", True) == ["vn"]
    assert switched("", True) == []
    assert sequences == sorted(set(sequences))  # grew at every switch
    with pytest.raises(EmergencyError, match="has no LED face khm; its faces are"):
        faces_switch(user=head, cluster=bo_y, face_code="khm", switched_on=False)


def test_a_programme_without_a_finished_rendition_is_refused(head, bo_y):
    programme, _rendition = face_rendition(
        cluster=bo_y, status=Rendition.Status.RUNNING
    )
    release_with_video(cluster=bo_y)

    with pytest.raises(EmergencyError) as refused:
        emergency_issue(user=head, clusters=[bo_y], messages={}, programme=programme)

    assert str(refused.value) == (
        "This programme has no finished rendition for face Facing Laos on cluster "
        f"{bo_y.name}; wait for the transcode or choose a message."
    )


def test_a_programme_whose_rendition_the_release_lacks_is_refused(head, bo_y):
    programme, _rendition = face_rendition(cluster=bo_y)

    with pytest.raises(EmergencyError, match="no finished rendition for face Facing"):
        emergency_issue(user=head, clusters=[bo_y], messages={}, programme=programme)


def test_a_programme_in_the_release_is_sent_with_its_file_per_face(head, bo_y):
    programme, rendition = face_rendition(cluster=bo_y)
    path = release_with_video(cluster=bo_y)

    order = emergency_issue(
        user=head, clusters=[bo_y], messages={}, programme=programme
    )

    emergency = cluster_state(cluster=bo_y)["emergency"]
    assert emergency["id"] == f"em-{order.pk}" and emergency["messages"] == []
    assert emergency["programme"] == {
        "programme_id": programme.pk,
        "faces": {
            "lao": {"src": f"/{path}", "sha256": rendition.sha256, "duration_s": 30.0}
        },
    }
