from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "slik.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from slik.accounts.pages import PROFILE_SECTIONS
        from slik.core.audit import register_actions
        from slik.core.seed import seed_texts_register

        from . import personal_data
        from .defaults import SECTOR_TRANSLATIONS
        from .views import profile_memberships

        personal_data.register()
        seed_texts_register(SECTOR_TRANSLATIONS)
        PROFILE_SECTIONS.register(profile_memberships)
        register_actions(
            {
                "membership.added": _("Member added"),
                "membership.changed": _("Membership changed"),
                "membership.removed": _("Member removed"),
                "membership.invited": _("Invitation sent"),
                "membership.invitation.resent": _("Invitation sent again"),
                "membership.invitation.withdrawn": _("Invitation withdrawn"),
                "membership.invitation.accepted": _("Invitation accepted"),
                "membership.invitation.declined": _("Invitation declined"),
                "sector.added": _("Sector added"),
                "sector.changed": _("Sector changed"),
                "user.profile.updated": _("Profile updated"),
                "organisation.imported": _("Organisation imported from the register"),
                "organisation.register.updated": _("Organisation updated from the register"),
                "partnership.created": _("Partnership created"),
                "partnership.members.changed": _("Partnership members changed"),
                "organisation.exported": _("All data of the organisation exported"),
                "organisation.erased": _("Organisation erased with all its data"),
            }
        )
