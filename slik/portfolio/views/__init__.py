"""Views of the portfolio, one module per domain noun: the dashboard and its settings, status
reports, board meetings, plan goals and commissions (goals.py); access.py fetches their
objects inside the tenant."""
