import pytest
from django.contrib.auth.models import Group

from events.roles import BOARD_GROUP, BOARD_PERMISSIONS
from tests.factories import BoardMemberFactory

pytestmark = pytest.mark.django_db


def test_board_group_has_exactly_the_listed_permissions():
    group = Group.objects.get(name=BOARD_GROUP)

    granted = {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }

    assert granted == set(BOARD_PERMISSIONS)


def test_board_member_cannot_delete_or_enter_the_admin():
    member = BoardMemberFactory()

    assert member.has_perm("events.change_event") is True
    assert member.has_perm("events.delete_event") is False
    assert member.has_perm("contacts.delete_person") is False
    assert member.is_staff is False
