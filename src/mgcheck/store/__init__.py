"""All disk I/O: data files, answers files, the diary, exports, private files."""
