from django.shortcuts import render


def case_list(request, org_slug):
    return render(request, "organisations/overview.html", {})
