"""Accounts in the Django admin: a read-only list for the platform, with "anonymise" in place of
delete. Deleting an account would take the person's work with it or leave their name in the
history; anonymising keeps the work and removes the person (services.user_anonymise)."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import User
from .services import user_anonymise


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ("email", "full_name", "is_active", "is_staff", "date_joined", "anonymised_at")
    list_filter = ("is_active", "is_staff")
    search_fields = ("email", "full_name")
    ordering = ("email",)
    fields = (
        "email",
        "full_name",
        "language",
        "is_active",
        "is_staff",
        "is_superuser",
        "date_joined",
        "last_login",
        "anonymised_at",
    )
    readonly_fields = fields
    actions = ["anonymise"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_anonymise_permission(self, request):
        return request.user.is_superuser

    @admin.action(
        permissions=["anonymise"], description=gettext_lazy("Anonymise the selected accounts")
    )
    def anonymise(self, request, queryset):
        # One account at a time, each in its own short write (see user_anonymise): a transaction
        # around them all would hold the write lock for every search.
        for user in queryset.filter(anonymised_at__isnull=True):
            result = user_anonymise(actor=request.user, user=user)
            for notice in result.notices:
                self.message_user(request, notice, messages.WARNING)
        self.message_user(request, _("The accounts were anonymised."), messages.SUCCESS)
