"""One function per command: runs the use case, returns what is shown."""
