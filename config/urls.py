from django.contrib import admin
from django.urls import include, path

from slik.core import views as core_views
from slik.organisations import views as organisation_views

urlpatterns = [
    path("", organisation_views.home, name="home"),
    path("helse/", core_views.health, name="health"),
    path("konto/invitasjon/", include("slik.organisations.urls_invitation")),
    path("konto/", include("slik.accounts.urls")),
    path("k/<slug:org_slug>/", include("slik.organisations.urls")),
    path("k/<slug:org_slug>/floker/", include("slik.challenges.urls")),
    path("k/<slug:org_slug>/case/", include("slik.cases.urls")),
    path("k/<slug:org_slug>/gevinster/", include("slik.benefits.urls")),
    path("k/<slug:org_slug>/portefolje/", include("slik.portfolio.urls")),
    path("k/<slug:org_slug>/rapporter/", include("slik.reports.urls")),
    path("kalender/", include("slik.benefits.urls.feed")),
    path("admin/", admin.site.urls),
]
# A locked database gets a "busy, try again" page even where only the error handler sees it.
handler500 = "slik.core.busy.server_error"
