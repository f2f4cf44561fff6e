from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
SECRET_KEY = env("SECRET_KEY", default="dev-only-not-secret-1b9f0c7e5d")
KIOSK_SNAPSHOT_PUBLIC = env.bool("KIOSK_SNAPSHOT_PUBLIC", default=True)
