"""The synonym list's first groups, and who may edit it.

Words people search for where the council's pages use others: "laddstolpar" for what the
news calls laddplatser and laddinfrastruktur, "H2" for vätgas, "LCA" for livscykelanalys.
The secretariat keeps the list from here on (Inställningar → Söksynonymer); Redaktör does
not see it. Groups are added only to an empty list, so running this again changes nothing.
"""

from django.db import migrations

GROUPS = [
    "laddstolpe, laddstolpar, laddplats, laddpunkt, laddstation, laddinfrastruktur",
    "solcell, solceller, solpanel, solpaneler",
    "solenergi, solkraft",
    "vindkraft, vindenergi",
    "vätgas, H2",
    "fordonsgas, biogas, biometan",
    "LCA, livscykelanalys",
    "elbil, elbilar, elfordon",
    "koldioxid, CO2",
    "återbruk, återanvändning",
    "energieffektivisering, energibesparing",
    "bilpool, bilpooler, bildelning",
    "skyfall, störtregn",
]

PERMISSIONS = {"Sekretariat": ["add", "change", "delete", "view"]}


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    if not SynonymGroup.objects.exists():
        SynonymGroup.objects.bulk_create(SynonymGroup(words=words) for words in GROUPS)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="synonymgroup")
    for group_name, actions in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_synonymgroup",
                defaults={"name": f"Can {action} synonymgrupp"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_synonymgroup"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
