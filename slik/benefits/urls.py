"""Benefits URLs: the register, indicators and measurements (urls_core) and the plan, map,
imports, exports and calendar (urls_io)."""

from . import urls_core, urls_io

app_name = "benefits"

urlpatterns = urls_core.urlpatterns + urls_io.urlpatterns
