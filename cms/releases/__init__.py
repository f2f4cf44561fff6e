"""Releases and agents: the CMS side of signed kiosk releases.

Publishes a cluster's built kiosk into the release store (through
`kiosk_site.release`), serves each cluster's store to that cluster's agent only
(a bearer credential per cluster), records what agents report and the
feedback and play logs they upload (exactly once, by idempotency key), writes
USB bundles, and shows the fleet to operators and technicians. The HTTP formats
the agent uses are in this folder's README.md.
"""
