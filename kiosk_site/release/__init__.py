"""Release format of a cluster's kiosk: content-addressed objects and signed metadata.

This subpackage owns everything a release is made of and everything needed to
check one: the path-safety rules (`paths`), the Ed25519 keys and the province
root metadata (`keys`), the content-addressed object store (`objects`), the
manifest of every file (`manifest`), the compressed packs (`pack`), the TUF
repository of each cluster (`metadata`) and the publishing step that turns a
built site folder into a new release in a release store (`publish`), plus a
small HTTP server with fault switches for tests and demos (`server`). It may
import only the standard library, python-tuf, securesystemslib, zstandard and
`kiosk_site.errors` / `kiosk_site.config`; never the builder, the renderer or
Django. The agent (`kiosk_site.agent`) imports its pure format modules
(`paths`, `manifest`, `pack`, `objects`).
"""
