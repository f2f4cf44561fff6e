"""`manage.py check --deploy`: security incidents need somewhere to go."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

RECIPIENT_SETTINGS = {
    "INCIDENT_DEPARTMENT_EMAILS": "the Department of Information and Communications",
    "INCIDENT_POLICE_EMAILS": "the provincial police",
}


@checks.register(checks.Tags.security, deploy=True)
def security_recipients_check(app_configs=None, **kwargs):
    """An error per recipient setting that is empty or holds a bad address."""
    errors = []
    for name, who in RECIPIENT_SETTINGS.items():
        addresses = getattr(settings, name, [])
        if not addresses:
            errors.append(
                checks.Error(
                    f"{name} is empty, so a security incident would not be "
                    f"e-mailed to {who} (Lào Cai Art. 9.5).",
                    hint=f"Set {name} in the environment, comma-separated, "
                    "e.g. an@example.gov.vn,truc-ban@example.gov.vn",
                    id=f"incidents.E00{1 if 'DEPARTMENT' in name else 2}",
                )
            )
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                errors.append(
                    checks.Error(
                        f'{name} holds "{address}", which is not an e-mail address.',
                        hint=f"Correct it in {name} (comma-separated addresses).",
                        id="incidents.E003",
                    )
                )
    return errors
