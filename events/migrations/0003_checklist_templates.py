"""Starting checklists per event kind. Staff refine them in the admin; this only fills an empty
table, so re-running it (or running it after edits) keeps what is there."""

from django.db import migrations

# kind: (template title, [(item title, days before the start), ...])
TEMPLATES = {
    "b2b_meeting": (
        "B2B meeting",
        [
            ("Invite companies from both cities", 45),
            ("Collect company profiles and what each is looking for", 30),
            ("Match companies and book meeting tables", 21),
            ("Arrange interpreters for the tables", 14),
            ("Send each company its agenda of meetings", 7),
            ("Collect outcomes and follow-up contacts", 0),
        ],
    ),
    "official_visit": (
        "Delegation or official visit",
        [
            ("Send official invitations", 60),
            ("Visa letters and applications", 45),
            ("Book hotel rooms", 30),
            ("Book an interpreter", 21),
            ("Agree the protocol order and seating", 14),
            ("Prepare protocol gifts", 7),
            ("Airport pick-up and local transport", 3),
        ],
    ),
    "trade_delegation": (
        "Trade delegation",
        [
            ("Send invitations to chambers and companies", 60),
            ("Visa letters and applications", 45),
            ("Book flights and hotel rooms", 30),
            ("Book an interpreter", 21),
            ("Set the programme of company visits", 14),
            ("Prepare protocol gifts", 7),
        ],
    ),
    "business_forum": (
        "Business forum",
        [
            ("Book the venue", 60),
            ("Confirm speakers and moderators", 45),
            ("Open registration and announce", 30),
            ("Book interpreters and simultaneous-translation equipment", 21),
            ("Print programme and name badges", 7),
        ],
    ),
    "business_tour": (
        "Business tour",
        [
            ("Agree the route and the companies to visit", 45),
            ("Book transport", 30),
            ("Confirm each host company", 14),
            ("Send participants the schedule", 7),
        ],
    ),
    "cultural_festival": (
        "Cultural festival",
        [
            ("Book the venue and permits", 90),
            ("Confirm performers and artists", 60),
            ("Sound, stage and lighting", 30),
            ("Posters, press release and social media", 21),
            ("Volunteers and stewards rota", 7),
        ],
    ),
    "commemoration": (
        "Commemoration program",
        [
            ("Agree the programme with the municipality", 45),
            ("Invite officials and families", 30),
            ("Wreaths and flowers", 7),
            ("Press release", 3),
        ],
    ),
    "podcast_episode": (
        "Podcast episode",
        [
            ("Confirm the guest", 21),
            ("Prepare questions and research", 10),
            ("Book the studio and equipment", 7),
            ("Edit and send for approval", 0),
        ],
    ),
    "youth_program": (
        "Youth and volunteering program",
        [
            ("Call for participants", 45),
            ("Select participants and collect parental consent", 30),
            ("Travel and accommodation", 21),
            ("Mentors and daily programme", 14),
        ],
    ),
    "conference": (
        "Conference",
        [
            ("Book the venue", 90),
            ("Call for speakers and confirm the programme", 60),
            ("Open registration and announce", 45),
            ("Interpreters and technical equipment", 21),
            ("Print programme and name badges", 7),
        ],
    ),
    "exhibition": (
        "Exhibition",
        [
            ("Book the gallery or hall", 90),
            ("Select works and arrange loans", 60),
            ("Transport and insurance of the works", 30),
            ("Catalogue, labels and press", 14),
            ("Opening reception", 7),
        ],
    ),
    "other": (
        "General event",
        [
            ("Book the venue", 30),
            ("Send invitations", 21),
            ("Announce the event", 14),
            ("Final check with the venue", 2),
        ],
    ),
}


def add_templates(apps, schema_editor):
    ChecklistTemplate = apps.get_model("events", "ChecklistTemplate")
    ChecklistTemplateItem = apps.get_model("events", "ChecklistTemplateItem")
    for kind, (title, items) in TEMPLATES.items():
        template, created = ChecklistTemplate.objects.get_or_create(
            kind=kind, defaults={"title": title}
        )
        if not created:
            continue
        ChecklistTemplateItem.objects.bulk_create(
            ChecklistTemplateItem(
                template=template, title=item, days_before=days, position=position
            )
            for position, (item, days) in enumerate(items, start=1)
        )


def remove_templates(apps, schema_editor):
    apps.get_model("events", "ChecklistTemplate").objects.filter(kind__in=TEMPLATES).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0002_planning_checklists")]

    operations = [migrations.RunPython(add_templates, remove_templates)]
