from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "slik.demo"
    label = "demo"
    verbose_name = _("Demo data")

    def ready(self):
        from slik.accounts.pages import DEMO_LOGINS, DemoLogins

        from .accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

        # Listed on the sign-in page only while settings.SLIK_DEMO is on (accounts checks).
        DEMO_LOGINS.register(DemoLogins(password=DEMO_PASSWORD, accounts=tuple(DEMO_ACCOUNTS)))
