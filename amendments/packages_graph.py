"""A package as `amends` edges of the law graph: from the package to each provision it changes.

The corpus wing knows nothing of amendments; it takes these edges through
`LawGraph.add_amends`, so the graph can answer which packages touch a provision.
"""

from __future__ import annotations

from amendments.consolidate_edits import PREAMBLE
from amendments.packages import Package
from corpus.graph import Amendment as AmendsEdge
from corpus.ids import Num


def amends_edges(package: Package) -> list[AmendsEdge]:
    """One edge per provision and amendment, e.g. `package:mq-legal-status` →
    `civil-procedure-code#art_355-1__para_1`, labelled with the amendment's id."""
    edges: dict[tuple[str, str | None, str], AmendsEdge] = {}
    for amendment in package.amendments:
        for op in amendment.operations:
            num = Num.try_parse(op.target.num)
            eid = None if op.target.num == PREAMBLE else op.target.eid or (
                num.eid if num else None
            )
            key = (op.target.act, eid, amendment.id)
            date = "" if amendment.commencement == "unknown" else amendment.commencement
            edges.setdefault(key, AmendsEdge(
                source=f"package:{package.id}", act=op.target.act, eid=eid,
                label=f"{package.id} {amendment.id}", date=date,
            ))
    return list(edges.values())
