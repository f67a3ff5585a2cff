"""The data layer: reading, checking, writing and publishing the data folder's tables."""

from kulturensrige.data.interruption import quiet_start

# Before any module here imports pandas (seconds): a script's Ctrl+C while it still imports is one line.
quiet_start()
