"""SSB population projections (table 14288) imported by the municipality, and the ready
figures computed from them. Reading and checking a file: `reading`, `summary`; the figures:
`figures`; how a projection is named: `words`."""
