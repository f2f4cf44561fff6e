"""The demo province's data: plain Python structures, no database access.

Texts are written in Vietnamese (the source) and translated by hand into the
languages of the clusters that show them. ``T`` holds one text in several
languages; ``Stream``/``Items``/``Img`` describe StreamField values so that the
source page and every translation share one structure (and block ids).
"""
