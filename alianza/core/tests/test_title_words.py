"""A vote's, an agreement's or a letter's title is "Título" / "Titre"; the title a
person holds (a seat, a membership, a participant, a signatory) is her "Cargo" /
"Fonction". The same English word, two meanings, told apart by a context."""

import pytest
from django.utils import translation

from alianza.bodies.forms import SeatForm
from alianza.contracts.forms import AgreementForm
from alianza.elections.forms import ElectionForm
from alianza.orgs.forms import NewPersonForm


@pytest.mark.parametrize(("language", "document", "position"), [
    ("es", "Título", "Cargo"), ("fr", "Titre", "Fonction"), ("en", "Title", "Title"),
])  # fmt: skip
def test_a_title_and_a_position_are_two_words(language, document, position):
    with translation.override(language):
        assert str(ElectionForm.base_fields["title"].label) == document
        assert str(AgreementForm.base_fields["title"].label) == document
        assert str(SeatForm.base_fields["title"].label) == position
        assert str(NewPersonForm.base_fields["title"].label) == position
