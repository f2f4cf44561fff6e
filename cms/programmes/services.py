"""Writes for programmes: hashing sources, requesting and producing renditions."""

import hashlib
import logging
import os
import shutil
import socket
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from cms.core.errors import MediaStorageError
from cms.core.storage import media_local_file, storage_sha256

from .models import Programme, Rendition
from .selectors import (
    face_profile_fields,
    programme_kiosk_need,
    programme_rendition_needs,
    subtitle_text,
)

logger = logging.getLogger(__name__)

# Sent with ``programme_id`` and ``run_after`` (None: now) when a programme has
# renditions to encode. Its receiver, connected in ProgrammesConfig.ready(),
# queues the transcode task, which calls these services: they never import it.
transcode_due = Signal()
# Sent with ``rendition`` once a finished rendition is committed: a release that
# carries the programme can now play it (cms.kiosks queues the rebuild).
rendition_done = Signal()


def _transcode_queue(*, programme_id: int, run_after=None) -> None:
    transcode_due.send(sender=Programme, programme_id=programme_id, run_after=run_after)


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_native_id()}"


def file_sha256(field_file) -> str:
    return storage_sha256(storage=field_file.storage, name=field_file.name)


def programme_source_hash(*, programme: Programme) -> str:
    """Hash the source video and store it, so renditions can be matched."""
    digest = file_sha256(programme.source_video)
    if digest != programme.source_sha256:
        programme.source_sha256 = digest
        Programme.objects.filter(pk=programme.pk).update(source_sha256=digest)
    return digest


def programme_renditions_request(*, programme: Programme) -> list[Rendition]:
    """Make sure every target face has a rendition; queue one task for the rest.

    Renditions whose inputs did not change are reused, so editing a programme
    re-transcodes only what changed.
    """
    programme_source_hash(programme=programme)
    renditions = {}
    with transaction.atomic():
        for need in programme_rendition_needs(programme):
            if need.input_key in renditions:
                continue
            fields = face_profile_fields(need.face)
            rendition, _created = Rendition.objects.get_or_create(
                input_key=need.input_key,
                defaults={
                    "programme": programme,
                    "source_sha256": programme.source_sha256,
                    "profile_key": need.profile_key,
                    "width_px": fields["width"],
                    "height_px": fields["height"],
                    "fps": fields["fps"],
                    "max_kbps": fields["max_kbps"],
                    "has_audio": fields["audio"],
                    "fit": fields["fit"],
                    "subtitle_languages": list(need.subtitle_languages),
                    "subtitle_sha256": need.subtitle_sha256,
                },
            )
            renditions[need.input_key] = rendition
        kiosk = _kiosk_rendition_get_or_create(programme=programme)
        renditions[kiosk.input_key] = kiosk
        if any(r.status != Rendition.Status.DONE for r in renditions.values()):
            transaction.on_commit(lambda: _transcode_queue(programme_id=programme.pk))
    return list(renditions.values())


def _kiosk_rendition_get_or_create(*, programme: Programme) -> Rendition:
    """The kiosk pages' rendition of the programme (one, whatever it targets).

    Its size, rate and sound follow from the source; they are filled in when
    a worker probes it (see _kiosk_prepare).
    """
    from transcode.config import KIOSK_MAX_KBPS

    need = programme_kiosk_need(programme)
    rendition, _created = Rendition.objects.get_or_create(
        input_key=need.input_key,
        defaults={
            "kind": Rendition.Kind.KIOSK,
            "programme": programme,
            "source_sha256": programme.source_sha256,
            "profile_key": need.profile_key,
            "width_px": 0,
            "height_px": 0,
            "fps": 0,
            "max_kbps": KIOSK_MAX_KBPS,
            "has_audio": True,
            "fit": "pad",
            "subtitle_languages": list(need.subtitle_languages),
            "subtitle_sha256": need.subtitle_sha256,
        },
    )
    return rendition


def rendition_retry(*, rendition: Rendition) -> None:
    """An editor asks to try a failed rendition again."""
    Rendition.objects.filter(pk=rendition.pk).update(
        status=Rendition.Status.QUEUED,
        attempts=0,
        error="",
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(lambda: _transcode_queue(programme_id=rendition.programme_id))


def _work_dir(input_key: str) -> Path:
    return Path(settings.MEDIA_ROOT) / "programmes" / "renditions" / ".work" / input_key


def renditions_recover(*, now=None) -> int:
    """Requeue renditions whose worker died, and clear what it left half-made.

    A rendition is only ever marked done after its verified file is stored, so
    recovery never has to undo a publication; it removes temporary files and
    hands the job to the next worker.
    """
    now = now or timezone.now()
    abandoned = list(
        Rendition.objects.filter(
            status=Rendition.Status.RUNNING, lease_expires_at__lt=now
        ).values_list("pk", "input_key", "programme_id")
    )
    for _pk, input_key, _programme in abandoned:
        shutil.rmtree(_work_dir(input_key), ignore_errors=True)
    Rendition.objects.filter(pk__in=[row[0] for row in abandoned]).update(
        status=Rendition.Status.QUEUED, progress=0, worker_id="", next_attempt_at=now
    )
    due = set(
        Rendition.objects.filter(
            status=Rendition.Status.QUEUED, next_attempt_at__lte=now
        ).values_list("programme_id", flat=True)
    )
    for programme_id in due:
        _transcode_queue(programme_id=programme_id)
    if abandoned:
        logger.warning("requeued %d abandoned rendition(s)", len(abandoned))
    return len(abandoned)


def claim_renditions(*, keys: list[str], worker_id: str) -> list[Rendition]:
    """Take the free renditions among ``keys`` for one worker (skip locked ones)."""
    now = timezone.now()
    lease = timedelta(seconds=settings.TRANSCODE_LEASE_SECONDS)
    with transaction.atomic():
        claimed = list(
            Rendition.objects.select_for_update(skip_locked=True)
            .filter(input_key__in=keys)
            .claimable(now=now)
        )
        for rendition in claimed:
            rendition.status = Rendition.Status.RUNNING
            rendition.lease_expires_at = now + lease
            rendition.worker_id = worker_id
            rendition.attempts += 1
            rendition.progress = 0
            rendition.error = ""
        Rendition.objects.bulk_update(
            claimed,
            [
                "status",
                "lease_expires_at",
                "worker_id",
                "attempts",
                "progress",
                "error",
            ],
        )
    return claimed


def _fail(rendition: Rendition, message: str) -> None:
    max_attempts = settings.TRANSCODE_MAX_ATTEMPTS
    now = timezone.now()
    if rendition.attempts < max_attempts:
        delay = settings.TRANSCODE_RETRY_BASE_SECONDS * 2 ** (rendition.attempts - 1)
        run_after = now + timedelta(seconds=delay)
        Rendition.objects.filter(pk=rendition.pk, worker_id=rendition.worker_id).update(
            status=Rendition.Status.QUEUED,
            next_attempt_at=run_after,
            error=message,
            worker_id="",
        )
        _transcode_queue(programme_id=rendition.programme_id, run_after=run_after)
    else:
        Rendition.objects.filter(pk=rendition.pk, worker_id=rendition.worker_id).update(
            status=Rendition.Status.FAILED,
            error=message,
            worker_id="",
            finished_at=now,
        )


class _ProgressWriter:
    """Throttled progress and lease updates; cancels when the job was taken away."""

    def __init__(self, renditions: list[Rendition], cancel: threading.Event):
        self.ids = [r.pk for r in renditions]
        self.worker_id = renditions[0].worker_id
        self.cancel = cancel
        self.last = 0.0

    def __call__(self, progress) -> None:
        now = time.monotonic()
        if now - self.last < 1.0:
            return
        self.last = now
        lease = timedelta(seconds=settings.TRANSCODE_LEASE_SECONDS)
        updated = Rendition.objects.filter(
            pk__in=self.ids, worker_id=self.worker_id, status=Rendition.Status.RUNNING
        ).update(
            progress=round(progress.percent or 0, 1),
            lease_expires_at=timezone.now() + lease,
        )
        if updated < len(self.ids):
            self.cancel.set()


def _subtitle_files(programme: Programme, languages, work: Path):
    import transcode

    tracks = {t.language: t for t in programme.subtitle_tracks.all()}
    files = []
    for code in languages:
        track = tracks[code]
        suffix = Path(track.file.name).suffix.lower() if track.file else ".srt"
        if not track.file and subtitle_text(track).lstrip().startswith("WEBVTT"):
            suffix = ".vtt"
        path = work / f"subtitles-{code}{suffix}"
        path.write_text(subtitle_text(track), encoding="utf-8")
        files.append(transcode.SubtitleTrack(lang=code, path=path))
    return files


def _store_webvtt(rendition: Rendition, texts: dict[str, str]) -> list[dict]:
    """Save a kiosk rendition's WebVTT tracks beside its video; describe them."""
    storage = rendition.file.storage
    stored = []
    for language, text in sorted(texts.items()):
        data = text.encode("utf-8")
        name = storage.save(
            f"programmes/renditions/{rendition.input_key[:16]}-{language}.vtt",
            ContentFile(data),
        )
        stored.append(
            {
                "language": language,
                "name": name,
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
            }
        )
    return stored


def _store(rendition: Rendition, output, tmp_path: Path, webvtt=None) -> None:
    name = f"{rendition.input_key[:16]}-{rendition.width_px}x{rendition.height_px}.mp4"
    with transaction.atomic():
        locked = Rendition.objects.select_for_update().get(pk=rendition.pk)
        if locked.worker_id != rendition.worker_id:
            return  # taken over by another worker after our lease ran out
        with tmp_path.open("rb") as handle:
            locked.file.save(name, File(handle), save=False)
        if webvtt is not None:
            locked.webvtt = _store_webvtt(locked, webvtt)
        locked.sha256 = output.sha256
        locked.duration_s = output.duration_s
        locked.avg_kbps = output.avg_kbps
        locked.peak_kbps = output.peak_kbps
        locked.ffmpeg_version = output.ffmpeg_version
        locked.status = Rendition.Status.DONE
        locked.progress = 100
        locked.error = ""
        locked.worker_id = ""
        locked.finished_at = timezone.now()
        locked.save()
        transaction.on_commit(
            lambda: rendition_done.send(sender=Rendition, rendition=locked)
        )


def _face_profile(rendition: Rendition):
    import transcode

    return transcode.Profile(
        width=rendition.width_px,
        height=rendition.height_px,
        fps=float(rendition.fps),
        max_kbps=rendition.max_kbps,
        audio=rendition.has_audio,
        fit=rendition.fit,
    )


def _kiosk_poster(rendition: Rendition, source: str, info, profile) -> None:
    """A still of the source at the kiosk size, stored at once: kiosk pages
    show it while the video is still being encoded."""
    import transcode

    with tempfile.TemporaryDirectory(prefix="poster-") as work:
        still = transcode.poster(
            source,
            Path(work) / "poster.jpg",
            width=profile.width,
            height=profile.height,
            at_s=transcode.poster_time(info.duration_s),
        )
        with still.open("rb") as handle:
            rendition.poster.save(
                f"{rendition.input_key[:16]}.jpg", File(handle), save=False
            )
    Rendition.objects.filter(pk=rendition.pk).update(poster=rendition.poster.name)


def _kiosk_prepare(programme: Programme, rendition: Rendition, source: Path):
    """Probe the source for a kiosk rendition: record its size, rate and sound,
    make its poster and WebVTT texts. Returns (KioskProfile, {lang: text})."""
    import transcode

    with tempfile.TemporaryDirectory(prefix="kiosk-") as work:
        info = transcode.probe(source)
        profile = transcode.kiosk_profile(info)
        if not rendition.poster:
            _kiosk_poster(rendition, str(source), info, profile)
        tracks = _subtitle_files(programme, rendition.subtitle_languages, Path(work))
        texts = {track.lang: transcode.webvtt(track) for track in tracks}
    rendition.width_px, rendition.height_px = profile.width, profile.height
    rendition.fps, rendition.has_audio = profile.fps, profile.audio
    Rendition.objects.filter(pk=rendition.pk).update(
        width_px=profile.width,
        height_px=profile.height,
        fps=profile.fps,
        has_audio=profile.audio,
    )
    return profile, texts


@dataclass
class _Job:
    """The renditions a worker claimed, with what each is encoded to."""

    programme: Programme
    profiles: dict[int, object] = field(default_factory=dict)  # pk -> Profile
    webvtt: dict[int, dict[str, str]] = field(default_factory=dict)  # kiosk only
    groups: dict[tuple, list[Rendition]] = field(default_factory=dict)


def _job(programme: Programme, claimed: list[Rendition], source: Path) -> _Job:
    """Profiles for the claimed renditions, grouped by the subtitles they burn
    (kiosk renditions burn none); a kiosk source that fails to probe fails
    its rendition alone."""
    import transcode

    job = _Job(programme)
    for rendition in claimed:
        if rendition.kind == Rendition.Kind.KIOSK:
            try:
                profile, texts = _kiosk_prepare(programme, rendition, source)
            except transcode.TranscodeError as err:
                _fail(rendition, str(err))
                continue
            job.webvtt[rendition.pk] = texts
            burned: tuple = ()
        else:
            profile = _face_profile(rendition)
            burned = tuple(rendition.subtitle_languages)
        job.profiles[rendition.pk] = profile
        job.groups.setdefault(burned, []).append(rendition)
    return job


def _encode_group(
    job: _Job, source: Path, languages: tuple, renditions: list[Rendition]
) -> int:
    """One ffmpeg pass for renditions that burn the same subtitles."""
    import transcode

    work = _work_dir(renditions[0].input_key) / "encode"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    outputs = [(job.profiles[r.pk], work / f"{r.input_key}.mp4") for r in renditions]
    try:
        cancel = threading.Event()
        results = transcode.transcode(
            source,
            outputs,
            subtitles=_subtitle_files(job.programme, languages, work) or None,
            on_progress=_ProgressWriter(renditions, cancel),
            cancel=cancel,
        )
        for rendition, (_profile, path), result in zip(
            renditions, outputs, results, strict=True
        ):
            _store(rendition, result, path, job.webvtt.get(rendition.pk))
        return len(renditions)
    except transcode.TranscodeError as err:
        for rendition in renditions:
            _fail(rendition, str(err))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def renditions_transcode(*, programme_id: int, worker_id: str | None = None) -> int:
    """Encode every claimable rendition of a programme; return how many finished.

    Faces that burn the same subtitles are encoded in one ffmpeg pass; the
    kiosk rendition joins the pass of the faces that burn none.
    """
    programme = Programme.objects.get(pk=programme_id)
    worker_id = worker_id or worker_identity()
    keys = {need.input_key for need in programme_rendition_needs(programme)}
    keys.add(programme_kiosk_need(programme).input_key)
    claimed = claim_renditions(keys=sorted(keys), worker_id=worker_id)
    if not claimed:
        return 0
    # The source is fetched once for all passes (a bucket's source may be
    # gigabytes), into the first claimed rendition's work folder, which
    # renditions_recover clears if this worker dies.
    home = _work_dir(claimed[0].input_key)
    shutil.rmtree(home, ignore_errors=True)
    (home / "source").mkdir(parents=True)
    try:
        with media_local_file(programme.source_video, work_dir=home / "source") as src:
            job = _job(programme, claimed, src)
            return sum(
                _encode_group(job, src, languages, renditions)
                for languages, renditions in job.groups.items()
            )
    except MediaStorageError as err:
        for rendition in claimed:
            _fail(rendition, str(err))
        return 0
    finally:
        shutil.rmtree(home, ignore_errors=True)
