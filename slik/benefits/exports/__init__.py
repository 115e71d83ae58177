"""Exports of the benefits realisation plan: Excel and PDF share `selectors.plan_data`."""
