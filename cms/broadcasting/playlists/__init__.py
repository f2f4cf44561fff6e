"""LED playlists (issue 10 item 2): what each LED face plays, day by day.

``models`` holds the editors' order and frequency per face; ``planner`` turns
plain data into a day's loop and planned airtime (no database); ``selectors``
reads what the planner needs; ``views`` is the admin's plan chart. The cluster
snapshot (cms/headless/snapshot.py, section "led") ships 14 days of plans.
"""
