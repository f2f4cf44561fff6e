import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


def test_password_without_symbol_or_digit_is_refused_saying_what_is_missing():
    with pytest.raises(ValidationError) as err:
        validate_password("Bienphongboy")
    text = " ".join(err.value.messages)
    assert "digit" in text and "symbol" in text


def test_strong_password_is_accepted():
    validate_password("Cua-khau-Bo-Y-2026")
