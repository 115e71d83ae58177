from django.shortcuts import render


def challenge_list(request, org_slug):
    return render(request, "organisations/overview.html", {})


def matrix(request, org_slug):
    return render(request, "organisations/overview.html", {})
