"""The LED player: one static page per LED face of the cluster.

Owns the files a release carries for its LED faces (`pages`): per face
`led/<code>/index.html`, `led/<code>/face.css` (the face's exact pixel
size) and `led/<code>/playlist.json` (14 days of airtime windows and loops,
each video named by its site URL and sha256), and the player's script and
style (`static/player.js`, `static/player.css`) under content-hashed names.
Imports only `kiosk_site.errors` and the standard library; the build imports
it (and hands it the media URLs), never the reverse.
"""

from kiosk_site.led.pages import led_files

__all__ = ["led_files"]
