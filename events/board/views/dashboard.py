from django.views.generic import TemplateView

from events.board import selectors as board_selectors
from events.board.views.base import BoardPermissionMixin


class DashboardView(BoardPermissionMixin, TemplateView):
    """What needs attention on a Monday morning."""

    permission_required = "events.view_event"
    template_name = "board/dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(dashboard=board_selectors.dashboard(), **kwargs)
