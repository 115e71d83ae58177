"""The permission table as a role × action matrix (adhocracy-plus style)."""

import pytest

ROLES = [
    "coordinator",
    "leader",
    "project_leader",
    "employee",
    "politician",
    "observer",
    "outsider",
]

# permission → roles that hold it on an unpublished floke owned by someone else
TABLE = {
    "challenges.view_challenge": {
        "coordinator",
        "leader",
        "project_leader",
        "employee",
        "observer",
    },
    "challenges.add_challenge": {"coordinator", "leader", "project_leader", "employee"},
    "challenges.change_challenge": {"coordinator", "leader"},
    "challenges.prioritise_challenge": {"coordinator", "leader"},
    "challenges.publish_challenge": {"coordinator", "leader"},
    "challenges.delete_challenge": {"coordinator", "leader"},
    "challenges.score_challenge": {"leader"},
    "challenges.view_matrix": {"coordinator", "leader", "project_leader", "employee", "observer"},
    "challenges.manage_criteria": {"coordinator", "leader"},
    "challenges.change_stakeholder": {"coordinator", "leader", "project_leader"},
    "challenges.view_keyfigure": {
        "coordinator",
        "leader",
        "project_leader",
        "employee",
        "politician",
        "observer",
    },
    "challenges.change_keyfigure": {"coordinator", "leader", "project_leader", "employee"},
}


@pytest.fixture
def everyone(personas, outsider):
    return {**personas, "outsider": outsider}


@pytest.fixture
def unpublished(org, make_challenge):
    return make_challenge(org, title="Upublisert")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", sorted(TABLE))
def test_permission_table(everyone, unpublished, role, perm):
    assert everyone[role].has_perm(perm, unpublished) is (role in TABLE[perm])


@pytest.mark.parametrize("role", ROLES)
def test_politicians_see_published_floker_only(everyone, org, make_challenge, role):
    published = make_challenge(org, title="Publisert", is_published=True)
    expected = role != "outsider"
    assert everyone[role].has_perm("challenges.view_challenge", published) is expected


@pytest.mark.parametrize("role", ROLES)
def test_owner_may_change_own_floke(everyone, org, make_challenge, role):
    owned = make_challenge(org, title="Eid", owner=everyone[role])
    expected = role in {"coordinator", "leader", "project_leader", "employee"}
    assert everyone[role].has_perm("challenges.change_challenge", owned) is expected


@pytest.mark.parametrize("role", ROLES)
def test_organisation_level_permissions(everyone, org, role):
    # Politicians may open the list (filtered to published rows); the outsider nothing.
    assert everyone[role].has_perm("challenges.view_challenge", org) is (role != "outsider")
    expected_add = role in {"coordinator", "leader", "project_leader", "employee"}
    assert everyone[role].has_perm("challenges.add_challenge", org) is expected_add
