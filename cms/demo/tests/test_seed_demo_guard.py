import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command

from cms.demo.services import password_generate

pytestmark = pytest.mark.django_db


def test_refuses_production_settings_and_says_why(settings):
    settings.SETTINGS_MODULE = "cms.settings.production"
    with pytest.raises(CommandError, match="cms.settings.production") as raised:
        call_command("seed_demo", "--password", "Kon-Tum-demo-2026!")
    assert "production database" in str(raised.value)
    assert not get_user_model().objects.exists()


def test_refuses_when_demo_data_is_not_allowed(settings):
    settings.DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="Refusing to load demo data"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()


def test_refuses_a_weak_password_with_the_validators_reasons():
    with pytest.raises(CommandError, match="--password was refused") as raised:
        call_command("seed_demo", "--password", "short")
    assert "12" in str(raised.value)
    assert not get_user_model().objects.exists()


def test_generated_passwords_pass_the_password_validators():
    passwords = {password_generate() for _ in range(20)}
    assert len(passwords) == 20
    for password in passwords:
        validate_password(password)
