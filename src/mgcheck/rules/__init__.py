"""Pure rules: no I/O, no printing. Commands call them and render what they return."""
