"""The header of the benefits realisation plan."""

from slik.core.concurrency import VersionedFormMixin
from slik.core.forms import DsModelForm

from ..models import BenefitsPlan


class BenefitsPlanForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = BenefitsPlan
        fields = ["rationale", "goals", "main_deliverables", "risks"]
