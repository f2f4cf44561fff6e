"""Preview a page exactly as a kiosk shows it, through the kiosk renderer.

The draft is put into its cluster's snapshot in place of the published page,
the cluster's preview site is rebuilt incrementally (only what the draft
changes is re-rendered), and the page's HTML is served with its asset links
pointing at the preview files view.
"""

import fcntl
import re
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.clusters.models import Cluster
from cms.headless.snapshot import DraftNotShown

from .services import kiosk_build

ROOT_LINK = re.compile(r'(["\'(])/(assets|media|data|search)/')


def preview_root() -> Path:
    return Path(settings.KIOSK_BUILD_ROOT) / ".preview"


def preview_cluster_for(page) -> Cluster | None:
    """A cluster that shows the page's language, preferring its targets."""
    code = page.locale.language_code
    clusters = list(Cluster.objects.active().order_by("code"))
    if not getattr(page, "all_clusters", True) and page.pk:
        targeted = {c.pk for c in page.target_clusters.all()}
        clusters.sort(key=lambda c: c.pk not in targeted)
    for cluster in clusters:
        if code in cluster.ordered_languages:
            return cluster
    return None


def rewrite_root_links(text: str, prefix: str) -> str:
    """Point the kiosk's root-relative asset links at the preview files view."""
    return ROOT_LINK.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}/", text)


def preview_files_prefix(cluster: Cluster) -> str:
    return reverse("kiosk_preview_root", args=[cluster.code])


def _message(request, page, message: str):
    return TemplateResponse(
        request,
        "kiosks/preview_unavailable.html",
        {"page": page, "message": message},
    )


def kiosk_preview_response(request, page):
    """The HTML a kiosk would show for ``page`` (an unsaved draft)."""
    from kiosk_site.snapshot import page_output

    cluster = preview_cluster_for(page)
    if cluster is None:
        return _message(
            request,
            page,
            _(
                "No active cluster shows %(language)s, so no kiosk would show this "
                "page. Add the language to a cluster to preview it here."
            )
            % {"language": page.locale.get_display_name()},
        )
    if page.pk is None:
        page.pk = page.id = 0
    if not page.url_path:
        page.set_url_path(page.get_parent())
    out_dir = preview_root() / cluster.code
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir.parent / f"{cluster.code}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one preview build per cluster at a time
        try:
            # In this process: a web server's threads and fork() do not mix.
            kiosk_build(cluster=cluster, out_dir=out_dir, draft=page, workers=1)
        except DraftNotShown:
            return _message(
                request,
                page,
                _(
                    "This page sits below a page that no kiosk shows yet. Publish "
                    "its section first, then preview it here."
                ),
            )
        entry_path = out_dir / page_output(
            {"locale": page.locale.language_code, "path": _locale_path(page)}
        )
        html = entry_path.read_text(encoding="utf-8")
    return HttpResponse(rewrite_root_links(html, preview_files_prefix(cluster)))


def _locale_path(page) -> str:
    home = page.get_ancestors(inclusive=True).filter(depth=2).first()
    if home is None or page.depth <= 2:
        return "/"
    return page.url_path[len(home.url_path) - 1 :]
