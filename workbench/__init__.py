"""The workbench's shared pieces: cached loaders of the heavy objects, labels, view helpers."""
