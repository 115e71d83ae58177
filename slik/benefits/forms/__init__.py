"""Forms of the benefits app, one module per domain noun; the filters of the list pages are in
`slik.benefits.filters`."""

from slik.core.forms import NumberField

from .benefits import BenefitForm, BenefitStatusForm
from .categories import BenefitSettingsForm, CategoryForm
from .fields import PersonChoiceField
from .indicators import IndicatorForm
from .map import MapEdgeForm, MapNodeForm
from .measurements import ImportConfirmForm, ImportForm, MeasurementForm
from .plan import BenefitsPlanForm

__all__ = [
    "BenefitForm",
    "BenefitSettingsForm",
    "BenefitStatusForm",
    "BenefitsPlanForm",
    "CategoryForm",
    "ImportConfirmForm",
    "ImportForm",
    "IndicatorForm",
    "MapEdgeForm",
    "MapNodeForm",
    "MeasurementForm",
    "NumberField",
    "PersonChoiceField",
]
