"""Rendering: turns results into Rich output, JSON or files. Decides nothing."""
