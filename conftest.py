import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(request, tmp_path_factory):
    """Keep uploaded and generated files out of the work tree."""
    if "settings" not in request.fixturenames and not request.node.get_closest_marker(
        "django_db"
    ):
        try:
            import django.conf

            if not django.conf.settings.configured:
                return
        except ImportError:
            return
    settings = request.getfixturevalue("settings")
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
