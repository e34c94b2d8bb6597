"""DISC rules: one module per rule, named after its code."""
