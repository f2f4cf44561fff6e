"""Operators, technicians and inspectors in the admin: clusters, not content."""

import pytest
from django.urls import reverse

from cms.clusters.models import Cluster


@pytest.fixture
def cluster(world):
    return Cluster.objects.create(
        code="bo-y",
        name="Cửa khẩu quốc tế Bờ Y",
        kind=Cluster.Kind.BORDER_GATE,
        place="Ngọc Hồi, Kon Tum",
        latitude=14.716,
        longitude=107.561,
        operating_agency=world.border,
        languages=["vi", "en", "lo"],
    )


def _status(client, user, url_name, *args):
    client.force_login(user)
    response = client.get(reverse(url_name, args=args))
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
        return "refused"
    assert response.status_code == 200
    return "allowed"


@pytest.mark.parametrize(
    ("role", "add_cluster", "edit_cluster", "add_programme", "list_programmes"),
    [
        ("technician", "allowed", "allowed", "refused", "refused"),
        ("operator", "refused", "allowed", "refused", "allowed"),
        ("inspector", "refused", "refused", "refused", "allowed"),
        ("translator", "refused", "refused", "refused", "refused"),
        ("provider", "refused", "refused", "allowed", "allowed"),
    ],
)
def test_cluster_roles_reach_only_their_screens(
    world,
    cluster,
    client,
    role,
    add_cluster,
    edit_cluster,
    add_programme,
    list_programmes,
):
    user = world.users[role]
    assert _status(client, user, "wagtailsnippets_clusters_cluster:add") == add_cluster
    assert (
        _status(client, user, "wagtailsnippets_clusters_cluster:edit", cluster.pk)
        == edit_cluster
    )
    assert (
        _status(client, user, "wagtailsnippets_programmes_programme:add")
        == add_programme
    )
    assert (
        _status(client, user, "wagtailsnippets_programmes_programme:list")
        == list_programmes
    )
