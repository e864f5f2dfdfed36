import pytest

from alianza.lib.phones import normalise_phone


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # Mexico: ten digits take +52, whatever the spacing or the old prefixes
        ("55 1234 5678", "MX", "+525512345678"),
        ("(662) 123-4567", "MX", "+526621234567"),
        ("044 55 1234 5678", "MX", "+525512345678"),
        ("045 662 123 4567", "MX", "+526621234567"),
        ("01 662 123 4567", "MX", "+526621234567"),
        ("52 55 1234 5678", "MX", "+525512345678"),
        ("+52 1 55 1234 5678", "MX", "+525512345678"),
        ("+52 55 1234 5678", "US", "+525512345678"),
        ("00 52 55 1234 5678", "MX", "+525512345678"),
        # United States and Canada: +1, area code and exchange from 2 to 9
        ("(520) 555-0142", "US", "+15205550142"),
        ("1 520 555 0142", "US", "+15205550142"),
        ("416.555.0199", "CA", "+14165550199"),
        ("+1 416 555 0199", "MX", "+14165550199"),
        ("011 52 55 1234 5678", "US", "+525512345678"),
        # another country's number keeps the code it was written with
        ("+44 20 7946 0958", "MX", "+442079460958"),
    ],
)
def test_a_number_is_written_with_its_country_code(raw, country, expected):
    assert normalise_phone(raw, country) == expected


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("12345", "MX"),  # too short
        ("55 1234 567", "MX"),  # nine digits
        ("55 1234 56789", "MX"),  # eleven digits
        ("+52 000 000 0000", "MX"),  # Mexican numbers never start with 0
        ("555 0100", "US"),  # no area code
        ("+1 555 0100", "US"),
        ("(120) 555-0142", "US"),  # an area code never starts with 1
        ("(520) 155-0142", "US"),  # nor an exchange
        ("20 7946 0958", "GB"),  # no code known for the country: "+" needed
        ("55 1234 5678", ""),  # the vote's country is not known
        ("+44 0", "MX"),
        ("call me", "MX"),
        ("55-CALL-NOW", "MX"),
        ("+", "MX"),
    ],
)
def test_a_number_that_cannot_be_valid_is_refused(raw, country):
    assert normalise_phone(raw, country) is None
