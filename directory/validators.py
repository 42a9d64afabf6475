"""Swedish organisation numbers (organisationsnummer).

Shared by the organisation page, the CSV import and the membership form: one place that
knows the format, so a number accepted anywhere is accepted everywhere.

A number is ten digits, NNNNNN-NNNN. The first digit is the legal-form group, digits 3–4
are at least 20 (which is what tells it from a personal identity number, whose digits 3–4
are a month), and the last digit is a Luhn check digit over the first nine. A sole
trader's number is the owner's personal identity number: it is personal data and never
collected, and the "digits 3–4 at least 20" rule refuses it by construction.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORG_NUMBER_FORMAT = "NNNNNN-NNNN"
_SEPARATORS = re.compile(r"[\s\-–—]")


def luhn_check_digit(digits: str) -> int:
    """The check digit that makes `digits` + it pass the Luhn test (weights 2, 1, 2, …)."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def normalise_org_number(value: str) -> str:
    """The canonical form NNNNNN-NNNN of a number typed in any usual way.

    Accepts "556677-8899", "5566778899", "556677 8899" and the twelve-digit form with the
    century prefix 16 ("16556677-8899"). Raises ValidationError with a Swedish message
    saying what is wrong.
    """
    raw = (value or "").strip()
    digits = _SEPARATORS.sub("", raw)
    if not digits.isascii() or not digits.isdigit():
        raise ValidationError(
            _("Organisationsnumret får bara innehålla siffror och bindestreck (%(format)s).")
            % {"format": ORG_NUMBER_FORMAT},
            code="invalid_characters",
        )
    if len(digits) == 12 and digits.startswith("16"):
        digits = digits[2:]
    if len(digits) != 10:
        raise ValidationError(
            _("Ett organisationsnummer har tio siffror (%(format)s).")
            % {"format": ORG_NUMBER_FORMAT},
            code="invalid_length",
        )
    if int(digits[2:4]) < 20:
        raise ValidationError(
            _(
                "Det här ser ut som ett personnummer, inte ett organisationsnummer (siffra 3 "
                "och 4 ska vara minst 20). En enskild firmas nummer är ägarens personnummer "
                "och ska inte anges."
            ),
            code="personal_identity_number",
        )
    if luhn_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            _("Organisationsnumret stämmer inte: kontrollsiffran (den sista) är fel."),
            code="invalid_check_digit",
        )
    return f"{digits[:6]}-{digits[6:]}"


def validate_org_number(value: str) -> None:
    """Model and form field validator; empty values are left to `blank`."""
    if value:
        normalise_org_number(value)


def is_valid_org_number(value: str) -> bool:
    try:
        normalise_org_number(value)
    except ValidationError:
        return False
    return True
