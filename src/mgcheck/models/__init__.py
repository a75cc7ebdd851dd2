"""The shapes of mgcheck's data: data files, answers, diary entries."""
