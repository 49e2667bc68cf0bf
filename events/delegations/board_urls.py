"""Delegations in the board workspace, included from events/board/urls.py."""

from django.urls import path

from . import board_views

urlpatterns = [
    path("", board_views.delegation_list, name="delegation_list"),
]
