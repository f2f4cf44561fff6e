"""Settings shared by every environment. The environment is read only here."""

from pathlib import Path

import django.conf.locale
import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import get_language_info

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "cms.core",
    "cms.agencies",
    "cms.obligations",
    "cms.clusters",
    "cms.content",
    "cms.programmes",
    "cms.editorial",
    "cms.headless",
    "cms.kiosks",
    "cms.releases",
    "cms.broadcasting",
    "cms.operations",
    "cms.emergency",
    "cms.feedback",
    "cms.incidents",
    "cms.equipment",
    "cms.demo",
    "cms.reports",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.headless.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Must be last: it turns failed logins into lock-outs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# An empty DATABASE_URL means the default SQLite file, like an unset one.
DATABASES = {
    "default": env.db_url_config(
        env("DATABASE_URL", default="")
        or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Take the write lock when a transaction starts, so that two workers
    # claiming jobs are serialised instead of both reading the same free job.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

_DJANGO_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _DJANGO_VALIDATORS + "UserAttributeSimilarityValidator"},
    {
        "NAME": _DJANGO_VALIDATORS + "MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": _DJANGO_VALIDATORS + "CommonPasswordValidator"},
    {"NAME": _DJANGO_VALIDATORS + "NumericPasswordValidator"},
    {"NAME": "cms.core.passwords.CharacterClassValidator"},
]

# Lock an account+address pair out after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# --- Languages -------------------------------------------------------------
# Django has no locale data for Lao or for the minority languages of the
# Central Highlands; these entries make them real locales (with catalogues in
# locale/) instead of silent fallbacks to Vietnamese.
EXTRA_LANG_INFO = {
    "lo": {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ພາສາລາວ"},
    "bdq": {"bidi": False, "code": "bdq", "name": "Bahnar", "name_local": "Bahnar"},
    "sed": {"bidi": False, "code": "sed", "name": "Sedang", "name_local": "Xơ Đăng"},
}
django.conf.locale.LANG_INFO.update(
    {k: v for k, v in EXTRA_LANG_INFO.items() if k not in django.conf.locale.LANG_INFO}
)

# Each language named in its own script, as its readers look for it on a
# language button of a kiosk or the portal. These win over Django's LANG_INFO,
# whose name_local for Khmer is "Khmer" in Latin letters. A language added to
# CONTENT_LANGUAGES brings its name in CONTENT_LANGUAGE_NAMES
# (e.g. "sed=Xơ Đăng,jra=Jrai"), which wins over both.
ALL_LANGUAGES = {
    "vi": "Tiếng Việt",
    "en": "English",
    "zh-hans": "中文",
    "lo": "ພາສາລາວ",
    "km": "ភាសាខ្មែរ",
    "bdq": "Bahnar",
    "sed": "Xơ Đăng",
    **env.dict("CONTENT_LANGUAGE_NAMES", default={}),
}
for _code, _name in ALL_LANGUAGES.items():
    _info = django.conf.locale.LANG_INFO.get(_code)
    django.conf.locale.LANG_INFO[_code] = {
        **(_info or {"bidi": False, "code": _code, "name": _name}),
        "name_local": _name,
    }

# Source language first. A minority language is added here (with its name in
# CONTENT_LANGUAGE_NAMES unless Django knows it, and a catalogue in locale/),
# with no code change.
CONTENT_LANGUAGES = env.list(
    "CONTENT_LANGUAGES", default=["vi", "en", "zh-hans", "lo", "km", "bdq"]
)
LANGUAGE_CODE = "vi"
_UNNAMED = [
    code for code in CONTENT_LANGUAGES if code not in django.conf.locale.LANG_INFO
]
if _UNNAMED:
    raise environ.ImproperlyConfigured(
        f"CONTENT_LANGUAGES has {', '.join(_UNNAMED)} without a name: add it to "
        "CONTENT_LANGUAGE_NAMES in its own script, e.g. "
        f"CONTENT_LANGUAGE_NAMES={_UNNAMED[0]}=<its name in its own language>"
    )
LANGUAGES = [
    (code, get_language_info(code)["name_local"]) for code in CONTENT_LANGUAGES
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_USER_LOGIN_FORM = "cms.core.forms.AdminLoginForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The second entry carries cms.core's Vietnamese overrides of Wagtail's admin strings.
# It must be in LOCALE_PATHS (not only in cms/core/locale as an app catalogue) because
# the JavaScriptCatalog views of wagtail.admin and wagtail_localize read only their
# own package's locale folder plus LOCALE_PATHS.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "cms" / "core" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"

# --- Static and media ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))

# Uploads larger than this go to a temporary file instead of memory; a source
# video past PROGRAMME_UPLOAD_MAX_BYTES is dropped while it streams in.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "cms.programmes.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A request body that is not a file upload (a form, JSON for the API); the
# page editor posts StreamField pages far larger than Django's 2.5 MB default.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Where media live: "local" (MEDIA_ROOT) or "s3", an S3-compatible bucket
# through django-storages. Wagtail images and their renditions, documents,
# programme sources, subtitles and renditions all go to the default storage,
# so this one setting moves them all; cms.core.storage gives code that needs
# bytes or a local file (ffmpeg, the kiosk build, hashing) a streamed copy.
MEDIA_S3_REQUIRED = (
    "MEDIA_S3_BUCKET",
    "MEDIA_S3_ENDPOINT_URL",
    "MEDIA_S3_ACCESS_KEY_ID",
    "MEDIA_S3_SECRET_ACCESS_KEY",
)
# A signed URL's lifetime in seconds: S3 signatures (SigV4) allow 1 s to 7 days.
MEDIA_S3_EXPIRE_RANGE = (1, 7 * 24 * 3600)


def _media_s3_checked(env: environ.Env) -> dict[str, str]:
    """The MEDIA_S3_* values that MEDIA_STORAGE=s3 requires, checked."""
    found = {name: env.str(name, default="") for name in MEDIA_S3_REQUIRED}
    missing = [name for name, value in found.items() if not value]
    if missing:
        raise environ.ImproperlyConfigured(
            f"MEDIA_STORAGE is s3 but {', '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not set; set them in the "
            "environment (.env.example lists every MEDIA_S3_* setting)"
        )
    if not found["MEDIA_S3_ENDPOINT_URL"].startswith(("http://", "https://")):
        raise environ.ImproperlyConfigured(
            f'MEDIA_S3_ENDPOINT_URL is "{found["MEDIA_S3_ENDPOINT_URL"]}"; give the '
            "S3 server's URL with its scheme, e.g. https://s3.example.org"
        )
    return found


def _media_s3_urls(env: environ.Env) -> dict:
    """How media URLs are made: signed by the CMS's key (the default), or plain
    URLs on MEDIA_S3_CUSTOM_DOMAIN, a host that serves the bucket publicly."""
    domain = env.str("MEDIA_S3_CUSTOM_DOMAIN", default="")
    signed = env.bool("MEDIA_S3_QUERYSTRING_AUTH", default=not domain)
    expire = env.int("MEDIA_S3_QUERYSTRING_EXPIRE", default=3600)
    low, high = MEDIA_S3_EXPIRE_RANGE
    if "/" in domain:
        raise environ.ImproperlyConfigured(
            f'MEDIA_S3_CUSTOM_DOMAIN is "{domain}"; give the host name only, '
            "without scheme or path, e.g. media.example.org"
        )
    if domain and signed:
        raise environ.ImproperlyConfigured(
            f"MEDIA_S3_CUSTOM_DOMAIN ({domain}) serves media unsigned, but "
            "MEDIA_S3_QUERYSTRING_AUTH is true; set it to false (the bucket must "
            "then be publicly readable through that host) or unset the domain"
        )
    if not low <= expire <= high:
        raise environ.ImproperlyConfigured(
            f"MEDIA_S3_QUERYSTRING_EXPIRE is {expire}; a signed URL lives from "
            f"{low} to {high} seconds (7 days): set a value in that range"
        )
    return {
        "custom_domain": domain or None,
        "querystring_auth": signed,
        "querystring_expire": expire,
    }


def media_storage_settings(env: environ.Env, *, spool_bytes: int) -> dict:
    """STORAGES["default"] by MEDIA_STORAGE and the MEDIA_S3_* settings; with
    "s3" the bucket's are required (no default), and a bad or missing value
    stops start-up by name. ``spool_bytes``: how much of a file read from the
    bucket is held in memory before it spills to a temporary file."""
    storage = env.str("MEDIA_STORAGE", default="local")
    if storage == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if storage != "s3":
        raise environ.ImproperlyConfigured(
            f'MEDIA_STORAGE is "{storage}"; set it to "local" or "s3"'
        )
    found = _media_s3_checked(env)
    options = {
        "bucket_name": found["MEDIA_S3_BUCKET"],
        "endpoint_url": found["MEDIA_S3_ENDPOINT_URL"],
        "access_key": found["MEDIA_S3_ACCESS_KEY_ID"],
        "secret_key": found["MEDIA_S3_SECRET_ACCESS_KEY"],
        "region_name": env.str("MEDIA_S3_REGION", default="us-east-1"),
        "location": env.str("MEDIA_S3_PREFIX", default="").strip("/"),
        "addressing_style": "path",
        # Signed URLs with SigV4 (boto3 would sign them with the retired V2).
        "signature_version": "s3v4",
        "default_acl": None,
        # A stored name never changes its bytes (cms.headless caches sha256 by
        # name and size), as with local files: a new upload gets a new name.
        "file_overwrite": False,
        "max_memory_size": spool_bytes,
        **_media_s3_urls(env),
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": media_storage_settings(env, spool_bytes=FILE_UPLOAD_MAX_MEMORY_SIZE),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = env("SITE_NAME", default="Cụm thông tin điện tử")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Images: Wagtail refuses a larger file or one with more pixels (a PNG of a
# single colour declares 20000x20000 in a few KB), and cms.core sets Pillow's
# own limit to the same number so nothing else decodes such a bomb either
# (cms.core.images turns Pillow's refusal into the form's error).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.core.images.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int(
    "WAGTAILIMAGES_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024
)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int(
    "WAGTAILIMAGES_MAX_IMAGE_PIXELS", default=50_000_000
)
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "txt", "csv", "zip"]
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Nothing in the admin, the portal or the API loads from another host. A
# government CMS must not hand a foreign service its officials' data (Gravatar
# receives an MD5 of each e-mail address on every admin page) and must work on
# a network without internet. Avatars are uploaded under Account and stored in
# MEDIA_ROOT; without one, Wagtail's own default picture is shown.
# e2e/test_admin_no_external_requests.py checks every role's screens.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The dashboard would fetch releases.wagtail.org/latest.txt for superusers.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's own release news, in English, pointing at guide.wagtail.org.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No oEmbed look-ups: no field offers embeds, and one would make the server call
# the provider and every reader's browser load the provider's iframe.
WAGTAILEMBEDS_FINDERS = []

# Never let wagtail-localize make a translated page live by copying the
# source's live status: every translation goes through moderation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_DISABLE_ON_DELETE = True

# --- Security headers ---------------------------------------------------------
# One Content-Security-Policy (django-csp) for the admin, the portal, the API
# and the kiosk preview, in every environment, so that the browser tests run
# under it (e2e/test_admin_no_external_requests.py fails on any violation).
# Nothing loads from another host (see above); scripts only from files the CMS
# serves (and, for now, the admin's inline scripts: see script-src).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # 'unsafe-inline' only because Wagtail 7.4 still runs inline scripts
        # that no setting can give a nonce: the page explorer's two, the page
        # editor's StreamField fragments inserted by jQuery, and the
        # wagtail-localize editor's. Drop it when they are gone (the e2e test
        # reports each one as a violation).
        "script-src": [SELF, UNSAFE_INLINE],
        # Wagtail's admin (and wagtail-localize's editor) set style attributes
        # and inject <style> elements from their scripts, so styles need
        # 'unsafe-inline'; a style cannot run code.
        "style-src": [SELF, UNSAFE_INLINE],
        # data: for SVG icons in stylesheets; blob: for the image chooser's
        # previews of a file before it is uploaded.
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # blob: so programme previews can play a video picked from disk.
        "media-src": [SELF, "blob:"],
        # Wagtail's preview panel is a same-origin iframe.
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# Django's default DENY stays: Wagtail's preview views send SAMEORIGIN
# themselves, and the CSP's frame-ancestors says the same to current browsers.
SECURE_REFERRER_POLICY = "same-origin"

# --- Kiosk snapshot ---------------------------------------------------------
# Snapshots hold only published content; keep them private in production and
# give builders a token (Authorization: Bearer ...) or a login that may view
# clusters.
KIOSK_SNAPSHOT_PUBLIC = env.bool("KIOSK_SNAPSHOT_PUBLIC", default=False)
KIOSK_SNAPSHOT_TOKEN = env("KIOSK_SNAPSHOT_TOKEN", default="")

# --- Tasks ------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# TASKS_BACKEND=rq runs the same tasks on RQ workers over Redis instead of the
# database (README, "Transcoding" and "Scale-out").
TASKS_BACKEND = env("TASKS_BACKEND", default="database")
TASKS_REDIS_URL = env("TASKS_REDIS_URL", default="redis://127.0.0.1:6379/0")
# Every django-tasks queue is an RQ queue of the same name on TASKS_REDIS_URL.
# RQ kills a job after its timeout (RQ's own default is 180 s, shorter than
# the transcode of a long programme).
TASKS_QUEUES = ["default"]
TASKS_RQ_JOB_TIMEOUT_SECONDS = env.int("TASKS_RQ_JOB_TIMEOUT_SECONDS", default=3600)
RQ_QUEUES = {
    name: {"URL": TASKS_REDIS_URL, "DEFAULT_TIMEOUT": TASKS_RQ_JOB_TIMEOUT_SECONDS}
    for name in TASKS_QUEUES
}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq"]
    TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASKS_QUEUES}
    }
elif TASKS_BACKEND != "database":
    raise environ.ImproperlyConfigured(
        f'TASKS_BACKEND is "{TASKS_BACKEND}"; set it to "database" or "rq"'
    )

# --- E-mail -----------------------------------------------------------------
EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="cms@localhost")

# --- Programmes / transcoding ----------------------------------------------
PROGRAMME_UPLOAD_MAX_BYTES = env.int("PROGRAMME_UPLOAD_MAX_BYTES", default=2 * 1024**3)
# A worker renews its lease on a rendition while ffmpeg reports progress; a
# rendition whose lease ran out belongs to a dead worker and is redone.
TRANSCODE_LEASE_SECONDS = env.int("TRANSCODE_LEASE_SECONDS", default=120)
TRANSCODE_MAX_ATTEMPTS = env.int("TRANSCODE_MAX_ATTEMPTS", default=3)
TRANSCODE_RETRY_BASE_SECONDS = env.int("TRANSCODE_RETRY_BASE_SECONDS", default=60)

# --- Kiosk builds --------------------------------------------------------------
KIOSK_BUILD_ROOT = env.path("KIOSK_BUILD_ROOT", default=str(BASE_DIR / "var" / "kiosk"))
# Rebuild the kiosks a publish affects (a task per cluster).
KIOSK_REBUILD_ON_PUBLISH = env.bool("KIOSK_REBUILD_ON_PUBLISH", default=True)

# --- Releases and cluster agents (cms/releases/README.md) ----------------------
# Where signed releases are kept and served from (one folder per cluster).
RELEASE_STORE_ROOT = env.path(
    "RELEASE_STORE_ROOT", default=str(BASE_DIR / "var" / "releases")
)
# The province's Ed25519 signing key (keep it on the CMS only; mode 0600) and
# the public root metadata every agent trusts; `manage.py release_keygen`.
RELEASE_SIGNING_KEY = env.path(
    "RELEASE_SIGNING_KEY",
    default=str(BASE_DIR / "var" / "release-keys" / "release-signing-key.pem"),
)
RELEASE_ROOT_METADATA = env.path(
    "RELEASE_ROOT_METADATA",
    default=str(BASE_DIR / "var" / "release-keys" / "root.json"),
)
# Dev and demo only: make the key pair on the first publish if it is missing.
# Production never does (cms/settings/production.py).
RELEASE_KEYGEN_IF_MISSING = env.bool("RELEASE_KEYGEN_IF_MISSING", default=True)
# Publish a new release after every kiosk build (the kiosk_rebuild task).
RELEASE_PUBLISH_ON_BUILD = env.bool("RELEASE_PUBLISH_ON_BUILD", default=True)
# The fleet view marks an agent silent after this many minutes without a report.
RELEASE_AGENT_SILENT_MINUTES = env.int("RELEASE_AGENT_SILENT_MINUTES", default=15)

# --- Incidents (cms/incidents) ----------------------------------------------
# A security incident is e-mailed at once to the Department and the provincial
# police (Lào Cai Art. 9.5); `manage.py check --deploy` fails while either is empty.
INCIDENT_DEPARTMENT_EMAILS = env.list("INCIDENT_DEPARTMENT_EMAILS", default=[])
INCIDENT_POLICE_EMAILS = env.list("INCIDENT_POLICE_EMAILS", default=[])
# A cluster whose agent has not reported for longer than this, inside one of
# its airtime windows, gets a "cluster silent" incident (manage.py
# incidents_watch).
INCIDENT_SILENT_MINUTES = env.int(
    "INCIDENT_SILENT_MINUTES", default=RELEASE_AGENT_SILENT_MINUTES
)
if INCIDENT_SILENT_MINUTES < 1:
    raise environ.ImproperlyConfigured(
        f"INCIDENT_SILENT_MINUTES is {INCIDENT_SILENT_MINUTES}; give 1 or more minutes"
    )


def bucket_storage_settings(env: environ.Env, part: str) -> dict[str, str]:
    """``<part>_STORAGE`` ("local" or "s3") and the ``<part>_S3_*`` settings of
    a bucket; with "s3" the bucket, endpoint and keys are required (no
    default), and a bad or missing one stops start-up by name."""
    storage = env.str(f"{part}_STORAGE", default="local")
    if storage not in ("local", "s3"):
        raise environ.ImproperlyConfigured(
            f'{part}_STORAGE is "{storage}"; set it to "local" or "s3"'
        )
    required = ("BUCKET", "ENDPOINT_URL", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY")
    found = {
        f"{part}_S3_{key}": env.str(f"{part}_S3_{key}", default="") for key in required
    }
    missing = [name for name, value in found.items() if not value]
    if storage == "s3" and missing:
        raise environ.ImproperlyConfigured(
            f"{part}_STORAGE is s3 but {', '.join(missing)} is not set; set it in "
            f"the environment (.env.example lists every {part}_S3_* setting)"
        )
    return found | {
        f"{part}_STORAGE": storage,
        f"{part}_S3_REGION": env.str(f"{part}_S3_REGION", default="us-east-1"),
        f"{part}_S3_PREFIX": env.str(f"{part}_S3_PREFIX", default=""),
    }


def release_storage_settings(env: environ.Env) -> dict[str, str]:
    """RELEASE_STORAGE and the RELEASE_S3_* settings."""
    return bucket_storage_settings(env, "RELEASE")


# Where agents are served from: "local" (RELEASE_STORE_ROOT itself) or "s3", an
# S3-compatible bucket (RELEASE_STORE_ROOT is then the publisher's working copy).
_release_storage = release_storage_settings(env)
RELEASE_STORAGE = _release_storage["RELEASE_STORAGE"]
RELEASE_S3_BUCKET = _release_storage["RELEASE_S3_BUCKET"]
RELEASE_S3_ENDPOINT_URL = _release_storage["RELEASE_S3_ENDPOINT_URL"]
RELEASE_S3_ACCESS_KEY_ID = _release_storage["RELEASE_S3_ACCESS_KEY_ID"]
RELEASE_S3_SECRET_ACCESS_KEY = _release_storage["RELEASE_S3_SECRET_ACCESS_KEY"]
RELEASE_S3_REGION = _release_storage["RELEASE_S3_REGION"]
RELEASE_S3_PREFIX = _release_storage["RELEASE_S3_PREFIX"]

# --- Backups (cms/operations; `manage.py backup` and `manage.py restore`) ------
# Where backups go: "local" (folders under BACKUP_ROOT) or "s3", an
# S3-compatible bucket (each backup is built under BACKUP_ROOT, then uploaded).
BACKUP_ROOT = env.path("BACKUP_ROOT", default=str(BASE_DIR / "var" / "backups"))


def backup_storage_settings(env: environ.Env) -> dict[str, str]:
    """BACKUP_STORAGE and the BACKUP_S3_* settings."""
    return bucket_storage_settings(env, "BACKUP")


_backup_storage = backup_storage_settings(env)
BACKUP_STORAGE = _backup_storage["BACKUP_STORAGE"]
BACKUP_S3_BUCKET = _backup_storage["BACKUP_S3_BUCKET"]
BACKUP_S3_ENDPOINT_URL = _backup_storage["BACKUP_S3_ENDPOINT_URL"]
BACKUP_S3_ACCESS_KEY_ID = _backup_storage["BACKUP_S3_ACCESS_KEY_ID"]
BACKUP_S3_SECRET_ACCESS_KEY = _backup_storage["BACKUP_S3_SECRET_ACCESS_KEY"]
BACKUP_S3_REGION = _backup_storage["BACKUP_S3_REGION"]
BACKUP_S3_PREFIX = _backup_storage["BACKUP_S3_PREFIX"]
# Rotation: the newest backup of each of the last N days, ISO weeks and months
# is kept (Đắk Nông Art. 10.2b: a copy to other storage at least once a week).
BACKUP_KEEP_DAILY = env.int("BACKUP_KEEP_DAILY", default=7)
BACKUP_KEEP_WEEKLY = env.int("BACKUP_KEEP_WEEKLY", default=8)
BACKUP_KEEP_MONTHLY = env.int("BACKUP_KEEP_MONTHLY", default=12)
for _name in ("BACKUP_KEEP_DAILY", "BACKUP_KEEP_WEEKLY", "BACKUP_KEEP_MONTHLY"):
    if globals()[_name] < 0:
        raise environ.ImproperlyConfigured(
            f"{_name} is {globals()[_name]}; give how many copies to keep, 0 or more"
        )

# --- Public feedback (cms/feedback) --------------------------------------------
# More items than this from one kiosk in an hour are kept but marked "suspected
# flood" and left out of the default queue; the same text again from one kiosk
# within FEEDBACK_DUPLICATE_MINUTES joins the first item's group. A contact is
# erased FEEDBACK_CONTACT_KEEP_DAYS after its item is closed
# (`manage.py feedback_erase_contacts`, daily).
FEEDBACK_FLOOD_PER_HOUR = env.int("FEEDBACK_FLOOD_PER_HOUR", default=10)
FEEDBACK_DUPLICATE_MINUTES = env.int("FEEDBACK_DUPLICATE_MINUTES", default=10)
FEEDBACK_CONTACT_KEEP_DAYS = env.int("FEEDBACK_CONTACT_KEEP_DAYS", default=180)
for _name in (
    "FEEDBACK_FLOOD_PER_HOUR",
    "FEEDBACK_DUPLICATE_MINUTES",
    "FEEDBACK_CONTACT_KEEP_DAYS",
):
    if globals()[_name] < 1:
        raise environ.ImproperlyConfigured(
            f"{_name} is {globals()[_name]}; give a whole number of 1 or more"
        )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
