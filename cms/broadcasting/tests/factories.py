import datetime as dt

from cms.agencies.models import Agency
from cms.broadcasting.days import DayType
from cms.broadcasting.models import AirtimePolicy, AirtimeWindow
from cms.clusters.models import Cluster
from cms.editorial.services import user_create

ALL_DAYS = tuple(DayType.values)


def policy_make(*, regulation: str, windows: dict, name: str = "Thử") -> AirtimePolicy:
    """A policy with ``windows``: {day types (or one): [("07:00", "11:00"), …]}."""
    policy = AirtimePolicy.objects.create(name=name, regulation=regulation)
    for day_types, spans in windows.items():
        for day_type in (day_types,) if isinstance(day_types, str) else day_types:
            for start, end in spans:
                AirtimeWindow.objects.create(
                    policy=policy,
                    day_type=day_type,
                    start=dt.time.fromisoformat(start),
                    end=dt.time.fromisoformat(end),
                )
    return AirtimePolicy.objects.prefetch_related("windows").get(pk=policy.pk)


def cluster_make(code: str = "bo-y") -> Cluster:
    agency, _created = Agency.objects.get_or_create(
        slug="sotttt", defaults={"name": "Sở TT&TT", "kind": "department"}
    )
    return Cluster.objects.create(
        code=code,
        name=code,
        kind="border_gate",
        place="Cửa khẩu",
        operating_agency=agency,
        languages=["vi"],
    )


PASSWORD = "Kiểm-tra#2026-Biên-giới"


def user(username: str, role: str, **kwargs):
    return user_create(
        username=username,
        password=PASSWORD,
        role=role,
        email=f"{username}@example.org",
        **kwargs,
    )


def policy_form_data(
    *, name: str, regulation: str, windows: list, clusters: list = ()
) -> dict:
    """POST data of the policy edit form: windows are (day type, start, end)."""
    data = {"name": name, "regulation": regulation, "notes": ""}
    data.update(_formset("windows", len(windows)))
    for i, (day_type, start, end) in enumerate(windows):
        data.update(
            {
                f"windows-{i}-day_type": day_type,
                f"windows-{i}-start": start,
                f"windows-{i}-end": end,
                f"windows-{i}-ORDER": str(i + 1),
                f"windows-{i}-id": "",
                f"windows-{i}-DELETE": "",
            }
        )
    data.update(_formset("cluster_links", len(clusters)))
    for i, cluster in enumerate(clusters):
        data.update(
            {
                f"cluster_links-{i}-cluster": str(cluster.pk),
                f"cluster_links-{i}-ORDER": str(i + 1),
                f"cluster_links-{i}-id": "",
                f"cluster_links-{i}-DELETE": "",
            }
        )
    return data


def _formset(prefix: str, count: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(count),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
