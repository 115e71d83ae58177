from django.shortcuts import render


def overview(request, org_slug):
    return render(request, "organisations/overview.html", {})


def settings_page(request, org_slug):
    return render(request, "organisations/overview.html", {})


def members(request, org_slug):
    return render(request, "organisations/overview.html", {})
