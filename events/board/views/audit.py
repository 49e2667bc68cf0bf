from django.views.generic import ListView

from events.board.forms import AuditFilterForm
from events.board.selectors import audit_entries, describe_changes
from events.board.views.base import BoardPermissionMixin


class AuditLogView(BoardPermissionMixin, ListView):
    """Who changed what on events, registrations and contacts, newest first."""

    permission_required = "auditlog.view_logentry"
    template_name = "board/audit_log.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form = AuditFilterForm(self.request.GET or None)
        return audit_entries(**self.filter_form.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filter_form=self.filter_form, **kwargs)
        describe_changes(context["entries"])
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        return context
