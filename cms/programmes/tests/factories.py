import subprocess
import tempfile
from pathlib import Path

import factory
from django.core.files.base import ContentFile

from cms.agencies.models import Agency
from cms.clusters.models import Cluster, LedFace
from cms.programmes.models import Programme


def make_clip(path: Path, *, seconds: float = 1.0, size: str = "640x360") -> Path:
    """A real short H.264/AAC clip, generated with lavfi."""
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", str(seconds), "-c:v", "libx264", "-preset", "ultrafast",
            "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path),
        ],
        check=True,
    )  # fmt: skip
    return path


def clip_file(name: str = "bo-y.mp4", **kwargs) -> ContentFile:
    with tempfile.TemporaryDirectory() as tmp:
        clip = make_clip(Path(tmp) / name, **kwargs)
        return ContentFile(clip.read_bytes(), name=name)


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Đài Phát thanh - Truyền hình {n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    kind = Agency.Kind.RADIO_TV


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    code = factory.Sequence(lambda n: f"cluster-{n}")
    name = factory.Sequence(lambda n: f"Cụm {n}")
    kind = Cluster.Kind.BORDER_GATE
    place = "Ngọc Hồi"
    operating_agency = factory.SubFactory(AgencyFactory)
    languages = ["vi", "lo"]


class LedFaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LedFace

    cluster = factory.SubFactory(ClusterFactory)
    code = factory.Sequence(lambda n: f"face-{n}")
    name = "Mặt hướng Lào"
    width_px = 320
    height_px = 180
    fps = 25
    max_kbps = 1500
    has_sound = True


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title = "Cửa khẩu quốc tế Bờ Y"
    category = "border_foreign"
    all_clusters = True
    live = False
    source_video = factory.LazyFunction(clip_file)
