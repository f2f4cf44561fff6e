import mimetypes

from django.http import Http404, HttpResponse

from cms.clusters.models import Cluster

from .preview import preview_files_prefix, preview_root, rewrite_root_links

TEXT_TYPES = {"text/css", "text/javascript", "application/javascript", "text/html"}


def preview_file(request, code: str, path: str):
    """A file of a cluster's preview site (admin users only, via admin URLs)."""
    root = (preview_root() / code).resolve()
    target = (root / path).resolve()
    if root not in target.parents or not target.is_file():
        raise Http404(f"{path} is not part of the preview of {code}")
    content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    data = target.read_bytes()
    if content_type in TEXT_TYPES:
        cluster = Cluster(code=code)
        prefix = preview_files_prefix(cluster)
        data = rewrite_root_links(data.decode("utf-8"), prefix).encode("utf-8")
    return HttpResponse(data, content_type=content_type)
