import pytest

from events.qr import qr_png, qr_svg
from events.tokens import CHECK_IN, SELF_SERVICE, BadToken, make_token, read_token
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_token_reads_back_its_registration():
    registration = RegistrationFactory()

    assert (
        read_token(make_token(registration, purpose=SELF_SERVICE), purpose=SELF_SERVICE)
        == registration
    )


def test_token_for_one_purpose_is_refused_for_another():
    token = make_token(RegistrationFactory(), purpose=SELF_SERVICE)

    with pytest.raises(BadToken):
        read_token(token, purpose=CHECK_IN)


def test_tampered_token_is_refused():
    token = make_token(RegistrationFactory(), purpose=SELF_SERVICE)

    with pytest.raises(BadToken):
        read_token(
            token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1], purpose=SELF_SERVICE
        )


def test_rotated_secret_revokes_old_tokens():
    registration = RegistrationFactory()
    token = make_token(registration, purpose=SELF_SERVICE)
    registration.secret = "rotated"
    registration.save()

    with pytest.raises(BadToken):
        read_token(token, purpose=SELF_SERVICE)


def test_qr_codes_render_as_png_and_svg():
    assert qr_png("https://example.org/x").startswith(b"\x89PNG")
    assert "<svg" in qr_svg("https://example.org/x")
