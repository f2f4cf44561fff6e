"""The cluster agent: pulls, verifies and switches a cluster PC's kiosk release.

It owns the agent's config file (`config`), its HTTP downloads (`fetch`: a
python-tuf ngclient fetcher on the standard library, resumable with
Range/If-Range), USB bundles read through the same updater (`bundle_source`),
its data folder (`layout`: state file, object store, releases, the
``current`` pointer), the sync itself (`sync`), `rollback`, the
emergency state it polls from the CMS, checks against its root metadata and
serves (`emergency`, format in `emergency_format`) and the command line
(`cli`). It runs on small Debian or Windows PCs, so it may import only
the standard library, python-tuf (ngclient) and zstandard, and from this
project only `kiosk_site.errors`, `kiosk_site.config` and `kiosk_site.release`
(the pure format modules `paths`, `objects`, `manifest`, `pack`, and `bundle`
for its format); never the builder, Jinja or fonttools.
"""

AGENT_VERSION = "0.1.0"
