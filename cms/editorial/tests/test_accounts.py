"""Accounts: strong passwords, deactivation and lock-out on the admin login."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cms.editorial.models import Role
from cms.editorial.services import user_create, user_deactivate

from . import factories


def test_user_create_refuses_a_weak_password_and_says_why(db):
    with pytest.raises(ValidationError) as info:
        user_create(username="bientap", password="bientap123", role=Role.SECRETARIAT)
    message = " ".join(info.value.messages)
    assert '"bientap"' in message
    assert "12" in message  # the minimum length it needs
    assert not factories.get_user_model().objects.filter(username="bientap").exists()


def test_user_create_puts_the_user_in_the_role_group(db):
    agency = factories.AgencyFactory(slug="cong-an")
    user = user_create(
        username="provider_police",
        password=factories.PASSWORD,
        role=Role.PROVIDER,
        agency=agency,
        email="police@example.org",
    )
    assert user.check_password(factories.PASSWORD)
    assert list(user.groups.values_list("editorial_role__agency", flat=True)) == [
        agency.id
    ]
    assert not user.is_superuser


def test_user_create_needs_an_agency_for_a_provider(db):
    with pytest.raises(ValidationError):
        user_create(username="p", password=factories.PASSWORD, role=Role.PROVIDER)
    assert not factories.get_user_model().objects.filter(username="p").exists()


def test_administrator_role_makes_a_superuser(db):
    user = user_create(
        username="root", password=factories.PASSWORD, role=Role.ADMINISTRATOR
    )
    assert user.is_superuser


def _login(client, username, password):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR="203.0.113.9",
    )


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_deactivated_user_cannot_log_in(world, client):
    user = world.users["provider"]
    assert _login(client, user.username, factories.PASSWORD).status_code == 302
    assert _logged_in(client)
    client.logout()
    user_deactivate(user=user)
    _login(client, user.username, factories.PASSWORD)
    assert not _logged_in(client)


def test_repeated_failed_logins_lock_the_account_out(world, client, settings):
    user = world.users["secretary"]
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, user.username, "Sai-mat-khau#1")
        assert not _logged_in(client)
    response = _login(client, user.username, factories.PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(client)


def test_failures_below_the_limit_do_not_lock_out(world, client, settings):
    user = world.users["secretary"]
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, user.username, "Sai-mat-khau#1")
    _login(client, user.username, factories.PASSWORD)
    assert _logged_in(client)
