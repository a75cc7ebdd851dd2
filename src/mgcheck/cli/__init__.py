"""The command line: Typer only."""
