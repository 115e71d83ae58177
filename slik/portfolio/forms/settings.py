"""The portfolio settings: the limit for active cases and when a case is stuck."""

from slik.core.concurrency import VersionedFormMixin
from slik.core.forms import DsModelForm

from ..models import PortfolioSettings


class PortfolioSettingsForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = PortfolioSettings
        fields = ["wip_limit", "stuck_after_days"]
