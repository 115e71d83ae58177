"""Exports of the benefits realisation plan: Excel and PDF share `services.plan.plan_data`."""
