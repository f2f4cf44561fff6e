import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

PASSWORD = "Kon-Tum-demo-2026!"


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo seeded once for a whole test module, rolled back afterwards.

    Seeding takes several seconds; each test runs in a savepoint inside this
    outer transaction, so tests see the seeded data but cannot leak changes.
    """
    media_root = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media_root)),
        transaction.atomic(),
    ):
        out = io.StringIO()
        call_command("seed_demo", "--password", PASSWORD, stdout=out)
        yield SimpleNamespace(output=out.getvalue(), media_root=media_root)
        transaction.set_rollback(True)
