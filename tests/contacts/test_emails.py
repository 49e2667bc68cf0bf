"""One stored form per mailbox, and the text people type: contacts.emails."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from contacts.emails import clean_text, normalize_email, validate_one_line


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # Caps Lock on a Turkish keyboard, lower-case Turkish text, and str.lower() of İ.
        ("İlknur.Demir@example.com", "ilknur.demir@example.com"),
        ("İLKNUR.DEMİR@EXAMPLE.COM", "ilknur.demir@example.com"),
        ("ILKNUR.DEMIR@EXAMPLE.COM", "ilknur.demir@example.com"),
        ("ılknur.demır@example.com", "ilknur.demir@example.com"),
        ("i\u0307lknur.demir@example.com", "ilknur.demir@example.com"),
        ("  ilknur.demir@example.com  ", "ilknur.demir@example.com"),
        # Quoted local parts that RFC 5321 allows unquoted.
        ('"a.person"@example.org', "a.person@example.org"),
        ('"A.Person"@Example.org', "a.person@example.org"),
        ('"a\\.person"@example.org', "a.person@example.org"),
        ('"a+tag"@example.org', "a+tag@example.org"),
        # Internationalised domains in their ASCII (IDNA 2008) form, whatever the case.
        ("user@bücher.de", "user@xn--bcher-kva.de"),
        ("user@BÜCHER.DE", "user@xn--bcher-kva.de"),
        ("user@xn--bcher-kva.de", "user@xn--bcher-kva.de"),
        ("user@XN--BCHER-KVA.DE", "user@xn--bcher-kva.de"),
        ("x@straße.de", "x@xn--strae-oqa.de"),
        ("x@İZMİR.com.tr", "x@izmir.com.tr"),
        ("x@ışık.com.tr", "x@xn--k-ekaa7p.com.tr"),
        ("x@gəncə.az", "x@xn--gnc-dtbc.az"),
        ("ali@ＥＸＡＭＰＬＥ.com", "ali@example.com"),
        ("ali@example.com.", "ali@example.com"),
        # NFD input (decomposed ü) is the same domain as NFC.
        ("user@bu\u0308cher.de", "user@xn--bcher-kva.de"),
        # Folded inside the quotes first, so the quotes go whenever the name needs none.
        ('"İlknur"@x.com', "ilknur@x.com"),
        ('"ILKNUR.DEMİR"@x.com', "ilknur.demir@x.com"),
        ('"a..b"@x.com', '"a..b"@x.com'),
        ('"a\\"b"@x.com', '"a\\"b"@x.com'),
        # The domain's capitals İ and I are i, as in the local part; the dotless ı is a letter.
        ("a@İX.de", "a@ix.de"),
        ("a@IX.de", "a@ix.de"),
        ("a@i\u0307x.de", "a@ix.de"),
        ("a@ıx.de", "a@xn--x-eka.de"),
        ("a@xn--x-eka.de", "a@xn--x-eka.de"),
    ],
)
def test_normalize_email_gives_one_form_per_mailbox(typed, stored):
    assert normalize_email(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "şule@example.com",
        "çelik@example.com",
        "gök@example.com",
        "müge@example.com",
        "ağa@example.com",
        "əli@example.az",
        "ñandu@example.es",
        "данил@example.ru",
        "δέλτα@example.gr",
        '"şule"@example.com',
    ],
)
def test_normalize_email_refuses_non_ascii_local_parts_with_a_reason(typed):
    with pytest.raises(ValidationError) as caught:
        normalize_email(typed)

    assert caught.value.code == "non_ascii_local"
    assert "before the @" in caught.value.messages[0]


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "plain",
        "a@b",
        "a@@example.com",
        "a\r\n@example.com",
        "a@exa mple.com",
        "a@-x-.com",
        # RFC 5321: a Dot-string or one Quoted-string, never a mixture of the two.
        '"a"."b"@x.de',
        '"a""b"@x.com',
        'a."b"@x.com',
        '"a"b@x.com',
        "a\\b@x.com",
        # No mailbox name at all, and a punycode label that does not decode.
        '""@x.de',
        "@x.de",
        "a@xn--zz.de",
        "a@XN--ZZ.de",
        "a..b@x.com",
    ],
)
def test_normalize_email_refuses_what_is_not_an_address(typed):
    with pytest.raises(ValidationError) as caught:
        normalize_email(typed)

    assert caught.value.code == "invalid"


_LOCAL_LETTERS = "aAzZiIİıi\u0307şŞçğöüə09._+-!#'\\\" @"
_DOMAIN_LETTERS = "aAxXiIİıi\u0307üÜßə09-."


@st.composite
def _addresses(draw):
    local = draw(st.text(_LOCAL_LETTERS, max_size=8))
    if draw(st.booleans()):
        local = f'"{local}"'
    domain = draw(st.text(_DOMAIN_LETTERS, min_size=1, max_size=8))
    tld = draw(st.sampled_from(["de", "com.tr", "AZ", "xn--x-eka", "xn--zz"]))
    return f"{local}@{domain}.{tld}"


@settings(max_examples=500, deadline=None)
@given(_addresses())
def test_normalize_email_is_its_own_normal_form(typed):
    try:
        stored = normalize_email(typed)
    except ValidationError:
        return

    assert normalize_email(stored) == stored


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("Mu\u0308ller", "Müller"),  # NFD becomes NFC
        ("Ayşe\u202e Yılmaz\u202c", "Ayşe Yılmaz"),
        ("\u202aLeyla\u202b \u202dMəmmədova\u202e", "Leyla Məmmədova"),
        ("\u2066Ali\u2067 \u2068Veli\u2069", "Ali Veli"),
        ("  Ali   Veli  ", "Ali Veli"),
    ],
)
def test_clean_text_normalises_and_strips_bidi_controls(typed, cleaned):
    assert clean_text(typed, required=True) == cleaned


@pytest.mark.parametrize(
    "typed",
    [
        "\u200b",
        "\u200b\u200c\u200d",
        "\u2060\ufeff",
        " \u200b ",
        "\u202e\u202c",
        "\u0301",
        "\u3164",
        "\u2800",
        "\u115f\u1160",
        "\uffa0",
    ],
)
def test_clean_text_refuses_invisible_names(typed):
    with pytest.raises(ValidationError) as caught:
        clean_text(typed, required=True)

    assert caught.value.code == "invisible"


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x1f", "\x7f"])
def test_clean_text_refuses_control_characters_in_any_field(control):
    for multiline in (False, True):
        with pytest.raises(ValidationError) as caught:
            clean_text(f"Ali{control}Veli", multiline=multiline)
        assert caught.value.code == "control_characters"


def test_clean_text_keeps_line_breaks_only_where_lines_are_expected():
    assert clean_text("Vegetarian\r\nWheelchair\n", multiline=True) == "Vegetarian\r\nWheelchair"
    with pytest.raises(ValidationError):
        clean_text("Ali\nVeli")


@pytest.mark.parametrize("title", ["Forum\r\nBcc: x@example.org", "Forum\nDay", "Forum\rDay"])
def test_one_line_fields_refuse_line_breaks(title):
    with pytest.raises(ValidationError) as caught:
        validate_one_line(title)

    assert caught.value.code == "one_line"
