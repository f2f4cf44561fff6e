import os

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, env

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests run tasks at once; a test that starts real workers switches to the
# database backend, and so do the workers it starts (TEST_TASKS_BACKEND).
TASKS = {
    "default": {
        "BACKEND": env(
            "TEST_TASKS_BACKEND",
            default="django_tasks.backends.immediate.ImmediateBackend",
        )
    }
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory, so that a worker process a test starts sees the same
    # database; one per test process so parallel runs do not collide.
    DATABASES["default"]["TEST"] = {
        "NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")
    }
# The folders tests write to, one set per pytest-xdist worker (scripts/test.sh
# runs two): tests that need their own folders still set them per test.
_WORKER_VAR = BASE_DIR / "var" / f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
# (A variable in the environment still wins: the backup tests' manage.py runs.)
MEDIA_ROOT = env("MEDIA_ROOT", default=str(_WORKER_VAR / "media"))
KIOSK_BUILD_ROOT = env("KIOSK_BUILD_ROOT", default=str(_WORKER_VAR / "kiosk"))
RELEASE_STORE_ROOT = env("RELEASE_STORE_ROOT", default=str(_WORKER_VAR / "releases"))
RELEASE_SIGNING_KEY = env(
    "RELEASE_SIGNING_KEY",
    default=str(_WORKER_VAR / "release-keys" / "release-signing-key.pem"),
)
RELEASE_ROOT_METADATA = env(
    "RELEASE_ROOT_METADATA", default=str(_WORKER_VAR / "release-keys" / "root.json")
)
BACKUP_ROOT = env("BACKUP_ROOT", default=str(_WORKER_VAR / "backups"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
KIOSK_SNAPSHOT_PUBLIC = True
# Tests that need a kiosk rebuild ask for it; publishing alone does not build.
KIOSK_REBUILD_ON_PUBLISH = False
# Tests that publish point the release settings at their own folders.
RELEASE_PUBLISH_ON_BUILD = False
RELEASE_KEYGEN_IF_MISSING = False
