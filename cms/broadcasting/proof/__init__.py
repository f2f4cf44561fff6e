"""Proof of play: play records per cluster, hash-chained, sealed daily, exported.

The LED player's play logs arrive as agent uploads (kind ``play_log``);
``services.play_log_ingest`` turns each into a ``PlayRecord`` chained to the
cluster's previous one. ``proof_seal`` signs each day's chain head with the
release signing key; ``proof_export`` writes records and heads for
inspectors; ``verify`` (standalone: ``python -m cms.broadcasting.proof.verify``)
checks an export with only the public root metadata. ``chain`` holds the
canonical form and hashing both sides share; it imports no Django.
Formats: cms/broadcasting/README.md, "Proof of play".
"""
