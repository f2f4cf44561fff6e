"""Emergency control: messages or a programme on a cluster's screens, faces off/on.

The head of board and administrators act on every cluster; a cluster operator
(e.g. a border-guard post) on the clusters assigned to them (`OperatorClusters`).
Each cluster's state is served to its agent signed with the release key
(`api`, format in `kiosk_site.agent.emergency_format`); every action is
audit-logged (Wagtail log entries ``emergency.*``).
"""
