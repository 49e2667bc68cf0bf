import pytest

from tests.factories import BoardMemberFactory


@pytest.fixture
def board_member(db):
    return BoardMemberFactory()


@pytest.fixture
def board_client(client, board_member):
    # English pages, so that assertions on messages hold once Turkish translations exist.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(board_member)
    return client
