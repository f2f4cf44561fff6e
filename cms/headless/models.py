from django.db import models
from django.utils.translation import gettext_lazy as _


class FileDigest(models.Model):
    """The sha256 of a stored media file, computed once.

    Wagtail keeps only a sha1 of images (``file_hash``) and nothing for
    programme videos; the snapshot promises sha256. A stored file name never
    changes its bytes (a replaced file gets a new name), so the name and size
    are a safe key.
    """

    name = models.CharField(_("file name"), max_length=500)
    size = models.BigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("sha256"), max_length=64)
    computed_at = models.DateTimeField(_("computed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("file digest")
        verbose_name_plural = _("file digests")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "size"], name="unique_file_digest_name_size"
            )
        ]

    def __str__(self):
        return f"{self.name} sha256:{self.sha256}"
