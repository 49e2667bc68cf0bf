import pytest

from tests.factories import BoardMemberFactory


@pytest.fixture
def board_member(db):
    return BoardMemberFactory()


@pytest.fixture
def board_client(client, board_member):
    client.force_login(board_member)
    return client
