"""Stage 6: costs by agency, each a volume of the year times its unit cost (AZN)."""

from __future__ import annotations

import numpy as np

AGENCIES = ("police", "investigation", "courts", "prisons", "probation", "support", "programme")


def agency_costs(volumes: dict[str, np.ndarray],
                 unit: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Yearly cost per agency from the year's volumes, e.g. prisons = prison_stock × c_prison_year.

    Police pay for handling every complaint and for the orders they issue; the investigation for
    each criminal case; the courts for each case prosecuted; prisons and probation for each
    person-year in their stock; support centres for each victim served; the perpetrator
    programme for each participant.
    """
    costs = {
        "police": volumes["complaints"] * unit["c_complaint"]
        + volumes["protection_orders"] * unit["c_po"],
        "investigation": volumes["criminal_cases"] * unit["c_crime_case"],
        "courts": volumes["prosecuted"] * unit["c_court_case"],
        "prisons": volumes["prison_stock"] * unit["c_prison_year"],
        "probation": volumes["probation_stock"] * unit["c_probation_year"],
        "support": volumes["support_served"] * unit["c_support_victim"],
        "programme": volumes["programme_participants"] * unit["c_programme"],
    }
    named = {f"cost_{agency}": value for agency, value in costs.items()}
    named["cost_total"] = sum(costs.values())
    return named
