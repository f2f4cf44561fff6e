from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class CharacterClassValidator:
    """Ask for letters of both cases, a digit and a symbol."""

    def validate(self, password, user=None):
        missing = []
        if not any(c.islower() for c in password):
            missing.append(_("a lower-case letter"))
        if not any(c.isupper() for c in password):
            missing.append(_("an upper-case letter"))
        if not any(c.isdigit() for c in password):
            missing.append(_("a digit"))
        if all(c.isalnum() for c in password):
            missing.append(_("a symbol such as ! or #"))
        if missing:
            raise ValidationError(
                _("This password needs %(missing)s.") % {"missing": ", ".join(missing)},
                code="password_too_simple",
            )

    def get_help_text(self):
        return _(
            "Your password must mix lower- and upper-case letters, digits and symbols."
        )
