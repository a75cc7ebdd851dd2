"""mgcheck: a bilingual command-line self-check about magnesium and restless legs."""
