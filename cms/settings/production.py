from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
# No defaults: a missing value stops start-up rather than running unsafely.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES = {"default": env.db("DATABASE_URL")}
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_URL = env.email_url("EMAIL_URL")
vars().update(EMAIL_URL)
# HTTPS only. The CMS runs behind a TLS-terminating proxy, which must set
# X-Forwarded-Proto (and strip it from clients) for Django to see HTTPS; with
# SECURE_SSL_REDIRECT=false the proxy does the redirect itself.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
# A year, as the HSTS preload list asks; lower it only while first trying HTTPS.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Releases: the signing key and the root metadata agents trust have no safe
# default, and a missing key is never generated on a production server.
RELEASE_SIGNING_KEY = env.path("RELEASE_SIGNING_KEY")
RELEASE_ROOT_METADATA = env.path("RELEASE_ROOT_METADATA")
RELEASE_KEYGEN_IF_MISSING = False
