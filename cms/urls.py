from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.editorial.urls import urlpatterns as editorial_urls
from cms.headless.urls import urlpatterns as headless_urls

urlpatterns = [
    # Before the admin's own URLs, which they narrow (audit log access).
    *editorial_urls,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    *headless_urls,
    path("api/agent/v1/", include("cms.releases.urls")),
    path("api/agent/v1/", include("cms.emergency.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)), prefix_default_language=True
)
