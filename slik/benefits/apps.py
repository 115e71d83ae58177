import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# How often the measurement reminders look for measurements that have fallen due. Each run
# creates only missing tasks and e-mails only tasks not yet e-mailed, so running often costs a
# few queries per organisation and lets a new indicator's first task appear the same hour.
REMINDER_INTERVAL = datetime.timedelta(hours=1)


class BenefitsConfig(AppConfig):
    name = "slik.benefits"
    label = "benefits"
    verbose_name = _("Benefits realisation")

    def ready(self):
        from slik.cases.panels import CASE_PAGE_PANELS
        from slik.cases.services.gates import GATE_CHECK_EXTENSIONS
        from slik.core.audit import register_actions
        from slik.core.schedule import ScheduledJob, scheduled_job_register
        from slik.core.seed import seed_texts_register
        from slik.organisations.services import DEFAULT_PROVIDERS

        from .audit_codes import ACTION_LABELS
        from .gates import gate_check_extension
        from .panels import case_benefits_panel
        from .services.categories import CATEGORY_TRANSLATIONS, benefit_defaults_ensure
        from .tasks import send_measurement_reminders

        seed_texts_register(CATEGORY_TRANSLATIONS)
        register_actions(ACTION_LABELS)
        DEFAULT_PROVIDERS.register(benefit_defaults_ensure)
        GATE_CHECK_EXTENSIONS.register(gate_check_extension)
        CASE_PAGE_PANELS.register("benefits", case_benefits_panel)
        scheduled_job_register(
            ScheduledJob(
                "benefits.measurement_reminders",
                send_measurement_reminders,
                REMINDER_INTERVAL,
                "Create measurement tasks that have fallen due and e-mail them.",
            )
        )
