"""How long a text message is, and cutting one at a word: checked against the
GSM 03.38 rules written out by hand (160/153 characters in GSM-7, 70/67 in UCS-2,
two places for the extension table)."""

import pytest

from alianza.lib import sms


@pytest.mark.parametrize(
    ("text", "encoding", "length", "parts"),
    [
        ("", "GSM-7", 0, 0),
        ("Mañana a las 6", "GSM-7", 14, 1),  # ñ is in the GSM alphabet
        ("concentración", "UCS-2", 13, 1),  # ó is not
        ("¿Vienes?", "GSM-7", 8, 1),  # ¿ is
        ("Précis", "GSM-7", 6, 1),  # é is in the GSM alphabet
        ("fête", "UCS-2", 4, 1),  # ê is not
        ("10 €", "GSM-7", 5, 1),  # € takes two places
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("ó" * 70, "UCS-2", 70, 1),
        ("ó" * 71, "UCS-2", 71, 2),
        ("ó" * 134, "UCS-2", 134, 2),
        ("ó" * 135, "UCS-2", 135, 3),
        ("✊" + "a" * 69, "UCS-2", 70, 1),
        ("😀" + "a" * 69, "UCS-2", 71, 2),  # beyond the basic plane: two units
    ],
)
def test_segments(text, encoding, length, parts):
    found = sms.segments(text)
    assert (found.encoding, found.length, found.parts) == (encoding, length, parts)


def test_a_long_message_is_cut_at_a_word_and_keeps_its_link():
    text = (
        "Paro en Cananea: mañana a las 6:00, concentración en la puerta 3 de la mina, "
        "5285 E Williams Circle, Tucson. Traigan agua, gorra y la credencial del "
        "sindicato; habrá transporte desde el local de la sección a las 5:15."
    )
    link = "https://alianza.example.org/a/1234:abcdefghijklmnop"
    for parts in (1, 2, 3):
        fitted = sms.fit(text, link, parts)
        assert fitted.endswith(" " + link)
        assert sms.segments(fitted).parts <= parts
        shown = fitted.removesuffix(" " + link)
        # "…" is not GSM-7: where the rest is, "..." keeps the message GSM-7.
        mark = "..." if sms.segments(fitted).encoding == "GSM-7" else "…"
        assert shown.endswith(mark)
        kept = shown.removesuffix(mark)
        # What is kept is the start of the text, ending where a word ends.
        assert text.startswith(kept)
        next_char = text[len(kept)]
        assert next_char in " ,;:"
    # Short enough: sent whole, no mark.
    assert sms.fit("Mitin el sábado", link, 2) == f"Mitin el sábado {link}"


def test_a_gsm_message_is_cut_with_a_gsm_ellipsis_at_the_longest_whole_word():
    """Without accents the message stays GSM-7 (153 places a part): "..." marks the
    cut, since "…" would turn it into UCS-2 (67 a part). The oracle: the most words
    whose text, "...", a space and the link fit in 2 × 153 places."""
    words = [f"word{n:03d}" for n in range(80)]  # 7 letters each, no accents
    text = " ".join(words)
    link = "https://alianza.example.org/a/1234:abcdefghijklmnop"
    fitted = sms.fit(text, link, 2)
    found = sms.segments(fitted)
    assert (found.encoding, found.parts) == ("GSM-7", 2)
    n = max(
        k for k in range(len(words)) if len(" ".join(words[:k])) + 4 + len(link) <= 306
    )
    assert fitted == " ".join(words[:n]) + "... " + link


def test_a_word_longer_than_the_room_is_dropped_whole():
    link = "https://alianza.example.org/a/1"
    fitted = sms.fit("Hola " + "x" * 400, link, 1)
    assert fitted == "Hola... " + link
    assert sms.fit("y" * 400, link, 1) == link
