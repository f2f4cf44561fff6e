"""Writes of proof of play: a play log into the chain, a day's signed head."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kiosk_site.release.keys import signer_load

from . import chain
from .models import DailyHead, PlayRecord, ProofChain
from .payload import play_fields


def play_log_ingest(*, upload) -> PlayRecord:
    """Append the play of one ``play_log`` agent upload to its cluster's chain.

    Runs in a transaction with the cluster's chain row locked, so concurrent
    uploads are chained one after the other. Raises `PlayLogError` for a
    payload it cannot record. An upload already recorded returns its record.
    """
    cluster = upload.cluster
    fields = play_fields(
        upload.payload, faces=set(cluster.led_faces.values_list("code", flat=True))
    )
    with transaction.atomic():
        ProofChain.objects.get_or_create(cluster=cluster)
        head = ProofChain.objects.select_for_update().get(cluster=cluster)
        existing = PlayRecord.objects.filter(source_upload=upload).first()
        if existing is not None:
            return existing
        record = PlayRecord(
            cluster=cluster,
            seq=head.last_seq + 1,
            source_upload=upload,
            received_at=timezone.now(),
            prev_hash=head.last_hash,
            **fields,
        )
        record.hash = chain.record_hash(
            record.chain_fields(
                cluster_code=cluster.code, upload_key=upload.idempotency_key
            ),
            head.last_hash,
        )
        record.save()
        head.last_seq, head.last_hash = record.seq, record.hash
        head.save(update_fields=["last_seq", "last_hash"])
    return record


class SealError(Exception):
    """A day that cannot be sealed (not over yet)."""


def _day_end(day: dt.date) -> dt.datetime:
    midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    return timezone.make_aware(midnight)


def _head_for(*, proof_chain: ProofChain, day: dt.date, signer) -> DailyHead:
    cluster = proof_chain.cluster
    end = _day_end(day)
    records = PlayRecord.objects.filter(cluster=cluster, received_at__lt=end)
    last = records.order_by("-seq").first()
    head = DailyHead(
        cluster=cluster,
        date=day,
        last_seq=last.seq if last else 0,
        last_hash=last.hash if last else chain.GENESIS,
        count=records.filter(received_at__gte=_day_end(day - dt.timedelta(1))).count(),
    )
    signature = signer.sign(chain.head_bytes(head_fields(head, cluster.code)))
    head.key_id, head.signature = signature.keyid, signature.signature
    head.save()
    return head


def head_fields(head: DailyHead, cluster_code: str) -> dict:
    """The fields of ``head`` its signature covers, in their canonical form."""
    return {
        "cluster": cluster_code,
        "date": head.date.isoformat(),
        "last_seq": head.last_seq,
        "last_hash": head.last_hash,
        "count": head.count,
    }


def proof_seal(*, day: dt.date) -> list[DailyHead]:
    """Sign each cluster's chain head as at the end of ``day`` (local time).

    A cluster sealed for ``day`` already is left as it is. Raises `SealError`
    for a day not over yet.
    """
    if _day_end(day) > timezone.now():
        raise SealError(
            f"{day:%Y-%m-%d} is not over yet; seal a day after its midnight "
            f"({settings.TIME_ZONE})"
        )
    signer = signer_load(key_path=Path(settings.RELEASE_SIGNING_KEY))
    sealed = set(DailyHead.objects.filter(date=day).values_list("cluster", flat=True))
    made = []
    for proof_chain in ProofChain.objects.select_related("cluster"):
        if proof_chain.cluster_id in sealed:
            continue
        with transaction.atomic():
            made.append(_head_for(proof_chain=proof_chain, day=day, signer=signer))
    return made


def play_logs_backfill() -> tuple[int, list[str]]:
    """Record the play_log uploads kept before proof of play existed.

    Returns (records made, one line per upload that cannot be recorded,
    naming its key and the fault). Such uploads stay as they are.
    """
    from cms.releases.models import AgentUpload

    from .payload import PlayLogError

    pending = AgentUpload.objects.filter(
        kind=AgentUpload.Kind.PLAY_LOG, play_record__isnull=True
    ).order_by("received_at", "id")
    made, problems = 0, []
    for upload in pending.select_related("cluster"):
        try:
            play_log_ingest(upload=upload)
        except PlayLogError as err:
            problems.append(f"{upload.cluster.code} {upload.idempotency_key}: {err}")
        else:
            made += 1
    return made, problems
