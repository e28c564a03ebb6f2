"""UI layer: the only layer that imports Qt."""
