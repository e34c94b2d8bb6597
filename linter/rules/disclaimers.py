"""Placeholder: rules arrive with their issue."""
