"""/board/report/...: included by the board's URLs, so the names are board:report_*."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.report_index, name="report_index"),
    # The report's stylesheet, from the same template the PDF inlines: one source, and the page
    # stays free of inline style (Content-Security-Policy).
    path("report.css", views.report_css, name="report_css"),
    path("<int:year>/", views.report_page, name="report"),
    path("<int:year>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<int:year>/export/<slug:table>.<str:fmt>", views.report_export, name="report_export"),
    path("<int:year>/list/<slug:subject>/", views.report_list, name="report_list"),
]
