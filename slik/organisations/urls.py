from django.urls import path

from . import views, views_invitations

app_name = "organisations"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("innstillinger/", views.settings_page, name="settings"),
    path("innstillinger/sektorer/ny/", views.sector_add, name="sector_add"),
    path("innstillinger/sektorer/<int:sector_id>/", views.sector_edit, name="sector_edit"),
    path("innstillinger/sektorer/<int:sector_id>/bruk/", views.sector_toggle, name="sector_toggle"),
    path("medlemmer/", views.members, name="members"),
    path("medlemmer/ny/", views_invitations.member_add, name="member_add"),
    path(
        "medlemmer/invitasjoner/<int:invitation_id>/send-igjen/",
        views_invitations.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "medlemmer/invitasjoner/<int:invitation_id>/trekk-tilbake/",
        views_invitations.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("medlemmer/<int:member_id>/", views.member_edit, name="member_edit"),
    path("medlemmer/<int:member_id>/fjern/", views.member_remove, name="member_remove"),
]
