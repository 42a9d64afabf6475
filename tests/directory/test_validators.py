"""Organisation numbers: format, the personal-identity-number rule and the check digit."""

import pytest
from django.core.exceptions import ValidationError

from directory.validators import (
    is_valid_org_number,
    luhn_check_digit,
    normalise_org_number,
    validate_org_number,
)


@pytest.mark.parametrize(
    "typed",
    ["232100-0214", "2321000214", "232100 0214", " 232100-0214 ", "16232100-0214", "232100–0214"],
)
def test_the_usual_ways_of_typing_a_number_are_accepted_and_normalised(typed):
    assert normalise_org_number(typed) == "232100-0214"


def test_check_digit_is_the_luhn_digit_over_the_first_nine():
    assert luhn_check_digit("232100021") == 4
    assert luhn_check_digit("559629419") == 8


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("232100-0215", "invalid_check_digit"),
        ("23210-0214", "invalid_length"),
        ("232100-02145", "invalid_length"),
        ("abc100-0214", "invalid_characters"),
        ("232100-02l4", "invalid_characters"),
        ("²³²100-0214", "invalid_characters"),
        # A personal identity number (born 12 March 1985): a sole trader's number.
        ("850312-1234", "personal_identity_number"),
        ("231900-0000", "personal_identity_number"),
    ],
)
def test_bad_numbers_are_refused_with_a_reason(value, code):
    with pytest.raises(ValidationError) as error:
        normalise_org_number(value)
    assert error.value.code == code
    assert error.value.messages[0]  # a Swedish message the user can act on
    assert not is_valid_org_number(value)


def test_the_field_validator_leaves_empty_values_to_blank():
    validate_org_number("")
    validate_org_number("232100-0214")
    with pytest.raises(ValidationError):
        validate_org_number("232100-0215")
