import pytest
from django.core.exceptions import ValidationError

from cms.agencies.models import Agency
from cms.clusters.models import Cluster, LedFace


@pytest.fixture
def agency(db):
    return Agency.objects.create(name="Sở TT&TT", slug="sotttt", kind="department")


def test_cluster_always_shows_the_source_language(agency):
    cluster = Cluster(
        code="bo-y",
        name="Bờ Y",
        kind="border_gate",
        place="Ngọc Hồi",
        operating_agency=agency,
        languages=["lo", "en"],
    )
    cluster.full_clean()
    assert cluster.languages[0] == "vi"
    assert cluster.ordered_languages == ["vi", "en", "lo"]


def test_cluster_refuses_an_unknown_language_naming_it(agency):
    cluster = Cluster(
        code="x",
        name="X",
        kind="town",
        place="X",
        operating_agency=agency,
        languages=["vi", "xx"],
    )
    with pytest.raises(ValidationError) as err:
        cluster.full_clean()
    assert "xx" in str(err.value)


def test_language_field_offers_only_content_languages_as_check_boxes():
    field = Cluster._meta.get_field("languages").formfield()
    codes = [code for code, _name in field.choices]
    assert codes == ["vi", "en", "zh-hans", "lo", "km", "bdq"]


def test_led_face_with_odd_width_is_refused_with_the_value(agency):
    cluster = Cluster.objects.create(
        code="c",
        name="C",
        kind="town",
        place="P",
        operating_agency=agency,
        languages=["vi"],
    )
    face = LedFace(cluster=cluster, code="a", name="A", width_px=1345, height_px=756)
    with pytest.raises(ValidationError) as err:
        face.full_clean()
    assert "1345" in str(err.value)
