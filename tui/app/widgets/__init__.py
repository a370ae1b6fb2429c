"""The app's widgets, one per module. They take model objects and never parse files."""
