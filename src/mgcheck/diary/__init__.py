"""The symptom and dose diary: storage (store), the entry model (entry) and file formats (files)."""
