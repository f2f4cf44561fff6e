"""Reads about programmes: which faces show them and which renditions they need."""

import hashlib
import json
from dataclasses import dataclass

from cms.clusters.models import LedFace

from .models import Programme, Rendition


@dataclass(frozen=True)
class RenditionNeed:
    """What one LED face needs from one programme."""

    face: LedFace
    input_key: str
    profile_key: str
    subtitle_languages: tuple[str, ...]
    subtitle_sha256: str


def programme_target_faces(programme: Programme) -> list[LedFace]:
    """The LED faces of active clusters that will show ``programme``."""
    faces = LedFace.objects.filter(cluster__is_active=True).select_related("cluster")
    # A revision being published holds its relations in memory (modelcluster),
    # so compare primary keys rather than sub-queries.
    chosen = [face.pk for face in programme.target_faces.all()]
    if chosen:
        faces = faces.filter(pk__in=chosen)
    elif not programme.all_clusters:
        faces = faces.filter(
            cluster__in=[cluster.pk for cluster in programme.target_clusters.all()]
        )
    return list(faces.order_by("cluster__code", "sort_order", "pk"))


def face_profile_fields(face: LedFace) -> dict:
    return {
        "width": face.width_px,
        "height": face.height_px,
        "fps": float(face.fps),
        "max_kbps": face.max_kbps,
        "audio": face.has_sound,
        "fit": face.fit,
    }


def _sha256_json(value) -> str:
    data = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def subtitle_text(track) -> str:
    if track.file:
        with track.file.open("rb") as handle:
            return handle.read().decode("utf-8-sig")
    return track.text


def face_subtitle_languages(face: LedFace, available: set[str]) -> tuple[str, ...]:
    """Up to two languages to burn in: the cluster's own order, source first."""
    return tuple(c for c in face.cluster.ordered_languages if c in available)[:2]


def programme_rendition_needs(programme: Programme) -> list[RenditionNeed]:
    """One need per target face; faces with identical inputs share an input key."""
    tracks = {t.language: t for t in programme.subtitle_tracks.all()}
    texts: dict[str, str] = {}
    needs = []
    for face in programme_target_faces(programme):
        languages = face_subtitle_languages(face, set(tracks))
        for code in languages:
            if code not in texts:
                texts[code] = subtitle_text(tracks[code])
        subtitle_sha = (
            _sha256_json([[code, texts[code]] for code in languages])
            if languages
            else ""
        )
        profile_key = _sha256_json(face_profile_fields(face))
        input_key = _sha256_json(
            {
                "source": programme.source_sha256,
                "profile": profile_key,
                "subtitles": subtitle_sha,
            }
        )
        needs.append(
            RenditionNeed(face, input_key, profile_key, languages, subtitle_sha)
        )
    return needs


# What the kiosk rendition's identity covers besides source and subtitles; its
# size and rate follow from the source (transcode.kiosk_profile), so a new
# version here makes every programme's kiosk rendition again.
KIOSK_PROFILE = {"kind": "kiosk", "v": 1}


@dataclass(frozen=True)
class KioskNeed:
    """What the kiosk pages need from one programme: one rendition, every
    subtitle language as a WebVTT track."""

    input_key: str
    profile_key: str
    subtitle_languages: tuple[str, ...]
    subtitle_sha256: str


def programme_kiosk_need(programme: Programme) -> KioskNeed:
    """The kiosk rendition a programme needs, whatever clusters show it."""
    tracks = list(programme.subtitle_tracks.all())
    languages = tuple(sorted(track.language for track in tracks))
    texts = {track.language: subtitle_text(track) for track in tracks}
    subtitle_sha = (
        _sha256_json([[code, texts[code]] for code in languages]) if tracks else ""
    )
    profile_key = _sha256_json(KIOSK_PROFILE)
    input_key = _sha256_json(
        {
            "source": programme.source_sha256,
            "profile": profile_key,
            "subtitles": subtitle_sha,
        }
    )
    return KioskNeed(input_key, profile_key, languages, subtitle_sha)


def programme_kiosk_rendition(programme: Programme) -> Rendition | None:
    """The kiosk rendition of the programme as it is now (any status), if any."""
    if not programme.source_sha256:
        return None
    need = programme_kiosk_need(programme)
    return Rendition.objects.filter(input_key=need.input_key).first()


def programme_kiosk_playable(programme: Programme) -> Rendition | None:
    """What kiosk pages show: the current kiosk rendition when it is done;
    while a new one is made (subtitles edited), the last finished one of the
    same source; else the current one, not playable yet (its poster may be)."""
    current = programme_kiosk_rendition(programme)
    if current is None or current.status == Rendition.Status.DONE:
        return current
    earlier = (
        Rendition.objects.filter(
            kind=Rendition.Kind.KIOSK,
            source_sha256=programme.source_sha256,
            status=Rendition.Status.DONE,
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
    return earlier or current


@dataclass(frozen=True)
class FaceReadiness:
    face: LedFace
    rendition: Rendition | None


def programme_readiness(programme: Programme) -> list[FaceReadiness]:
    """Each target face with the rendition it will play, if any."""
    needs = programme_rendition_needs(programme)
    by_key = Rendition.objects.in_bulk(
        [need.input_key for need in needs], field_name="input_key"
    )
    return [FaceReadiness(need.face, by_key.get(need.input_key)) for need in needs]


def programme_ready_count(programme: Programme) -> tuple[int, int]:
    """(faces with a finished rendition, faces in all)."""
    rows = programme_readiness(programme)
    done = sum(
        1 for r in rows if r.rendition and r.rendition.status == Rendition.Status.DONE
    )
    return done, len(rows)
