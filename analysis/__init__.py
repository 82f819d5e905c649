"""Criminalisation scenarios: parameters, flow model, risk, sensitivity, reports."""
