"""Min organisation (/min-organisation/) and Kontakta (/kontakta/). The application form
is a page (members.models.MembershipApplicationPage) under Gå med."""

from django.urls import path, register_converter

from members.views import account, auth, contact, personal_data


class IdConverter:
    """A database id: digits, at most 18 of them, so no number overflows a bigint."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")

app_name = "members"

org = "min-organisation/<id:org_id>/"

urlpatterns = [
    path("min-organisation/", account.home, name="home"),
    path("min-organisation/logga-in/", auth.login, name="login"),
    path("min-organisation/logga-ut/", auth.logout, name="logout"),
    path("min-organisation/losenord/", auth.password_reset, name="password_reset"),
    path(
        "min-organisation/losenord/skickat/", auth.password_reset_sent, name="password_reset_sent"
    ),
    path(
        "min-organisation/losenord/<uidb64>/<token>/",
        auth.PasswordSetView.as_view(),
        name="password_set",
    ),
    path("min-organisation/inbjudan/<str:token>/", account.invitation, name="invitation"),
    path(
        "min-organisation/bekrafta/<str:token>/",
        account.confirm_listing_link,
        name="confirm_listing",
    ),
    path(org, account.overview, name="organisation"),
    path(org + "bekrafta/", account.confirm_current, name="confirm_current"),
    path(org + "uppgifter/", account.listing_edit, name="listing"),
    path(org + "kontaktperson/", account.contact_person, name="contact_person"),
    path(org + "mojligheter/", account.opportunities, name="opportunities"),
    path(org + "mojligheter/ny/", account.opportunity_edit, name="opportunity_add"),
    path(org + "mojligheter/<id:opp_id>/", account.opportunity_edit, name="opportunity_edit"),
    path(
        org + "mojligheter/<id:opp_id>/ta-bort/",
        account.opportunity_delete,
        name="opportunity_delete",
    ),
    path(org + "kollegor/", account.colleagues, name="colleagues"),
    path(
        org + "kollegor/<id:membership_id>/ta-bort/",
        account.colleague_remove,
        name="colleague_remove",
    ),
    path(org + "personuppgifter/", personal_data.privacy_overview, name="privacy"),
    path(org + "personuppgifter/samtycke/", personal_data.consent, name="consent"),
    path(org + "personuppgifter/data.json", personal_data.export, name="export"),
    path(org + "personuppgifter/borttagning/", personal_data.removal, name="removal"),
    path("kontakta/<id:org_id>/", contact.organisation, name="contact"),
    path(
        "kontakta/<id:org_id>/mojlighet/<id:opp_id>/",
        contact.opportunity,
        name="contact_opportunity",
    ),
    path("kontakta/<id:org_id>/skickat/", contact.sent, name="contact_sent"),
    path("kontakta/<id:org_id>/skickat/<str:token>/", contact.receipt, name="contact_receipt"),
    path("kontakta/<id:org_id>/sekretariatet/", contact.secretariat, name="contact_secretariat"),
]
