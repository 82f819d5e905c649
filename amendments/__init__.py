"""Amendment operations, packages, consolidation, history and Word export."""
