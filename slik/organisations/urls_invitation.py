"""The invited person's page, outside any tenant: the e-mailed link leads here."""

from django.urls import path

from . import views_invitations

app_name = "invitations"

urlpatterns = [path("<str:token>/", views_invitations.invitation_answer, name="answer")]
