import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation


def test_password_without_symbol_or_digit_is_refused_saying_what_is_missing():
    with translation.override("en"), pytest.raises(ValidationError) as err:
        validate_password("Bienphongboy")
    text = " ".join(err.value.messages)
    assert "digit" in text and "symbol" in text


def test_the_refusal_reads_naturally_in_vietnamese():
    with translation.override("vi"), pytest.raises(ValidationError) as err:
        validate_password("Bienphongboy")
    assert "chữ số" in " ".join(err.value.messages)


def test_strong_password_is_accepted():
    validate_password("Cua-khau-Bo-Y-2026")
