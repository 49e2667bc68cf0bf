"""Admin for the planning checklists: staff refine the templates per event kind here."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from ..models import ChecklistTemplate, ChecklistTemplateItem, PlanningItem, per_language


class ChecklistTemplateItemInline(TranslationTabularInline):
    model = ChecklistTemplateItem
    extra = 1
    fields = ["position", "title", "days_before"]
    ordering = ["position", "pk"]


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(TranslationAdmin):
    list_display = ["title", "kind"]
    inlines = [ChecklistTemplateItemInline]


@admin.register(PlanningItem)
class PlanningItemAdmin(TranslationAdmin):
    list_display = ["title", "event", "owner", "due_on", "status"]
    list_filter = ["status", "event__kind"]
    list_select_related = ["event", "owner"]
    search_fields = [*per_language("title"), *per_language("event__title"), "notes"]
    autocomplete_fields = ["owner"]
    raw_id_fields = ["event"]
    date_hierarchy = "due_on"
