"""Alianza: the software of a cross-border alliance of labour unions."""
