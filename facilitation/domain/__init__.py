"""The pure domain: types, rules, the timer, cadence, the network graph; no I/O, database or web code."""
