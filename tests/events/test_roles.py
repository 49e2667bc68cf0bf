import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events.enums import EventStatus
from events.roles import BOARD_GROUP, BOARD_PERMISSIONS, ensure_board_group
from tests.factories import BoardMemberFactory, EventFactory, UserFactory

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


def test_logged_in_user_without_the_permission_gets_403_and_changes_nothing(client):

    event = EventFactory(status=EventStatus.PLANNED)
    client.force_login(UserFactory())

    page = client.get(reverse("board:dashboard"))
    action = client.post(reverse("board:event_confirm", kwargs={"slug": event.slug}))

    event.refresh_from_db()
    assert (page.status_code, action.status_code) == (403, 403)
    assert event.status == EventStatus.PLANNED


def test_anonymous_visitor_is_sent_to_the_login_page(client):

    response = client.get(reverse("board:my_items"))

    assert response["Location"] == f"{reverse('login')}?next={reverse('board:my_items')}"


def test_ensure_board_group_rebuilds_a_deleted_group_with_the_same_permissions():
    Group.objects.filter(name=BOARD_GROUP).delete()

    group = ensure_board_group()

    granted = {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    assert (group.name, granted) == (BOARD_GROUP, set(BOARD_PERMISSIONS))
