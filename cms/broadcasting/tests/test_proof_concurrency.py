"""Concurrent play log uploads are chained one after another, never forked."""

import threading
import uuid

import pytest
from django.db import connection

from cms.broadcasting.proof import chain
from cms.broadcasting.proof.models import PlayRecord
from cms.releases.services import agent_upload_record

from .factories import cluster_make
from .proof_helpers import face_make, play

THREADS, EACH = 2, 6


@pytest.mark.django_db(transaction=True)
def test_two_threads_uploading_at_once_make_one_unbroken_chain():
    cluster = cluster_make("bo-y")
    face_make(cluster)
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def upload_plays(thread: int):
        try:
            barrier.wait()
            for n in range(EACH):
                agent_upload_record(
                    cluster=cluster,
                    kind="play_log",
                    idempotency_key=str(uuid.uuid4()),
                    payload=play(f"2026-11-24T08:{thread}{n}:00+07:00"),
                )
        except BaseException as err:  # reported below
            errors.append(err)
        finally:
            connection.close()

    threads = [threading.Thread(target=upload_plays, args=(t,)) for t in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    records = list(PlayRecord.objects.order_by("seq"))
    assert [r.seq for r in records] == list(range(1, THREADS * EACH + 1))
    assert records[0].prev_hash == chain.GENESIS
    assert [r.prev_hash for r in records[1:]] == [r.hash for r in records[:-1]]
    started = {r.started_at.minute for r in records}
    assert started == {t * 10 + n for t in range(THREADS) for n in range(EACH)}
