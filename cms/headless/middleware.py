from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

API_PREFIXES = ("/api/",)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of API 404s.

    With ``prefix_default_language`` Django answers a 404 by redirecting to
    ``/vi/<path>`` whenever that resolves - and Wagtail's catch-all page route
    resolves almost anything - so ``/api/v2/pages/<hidden>/`` would become a
    redirect to an HTML page instead of the API's JSON 404.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(API_PREFIXES):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
