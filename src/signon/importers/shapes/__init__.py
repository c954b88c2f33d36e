"""The list shapes (see the modules)."""
