"""READ rules: plain language (an opt-in family; needs the [read] extra)."""
