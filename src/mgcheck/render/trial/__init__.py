"""`mgcheck diary trial` as output, one module per form: ``terminal`` (Rich), ``json`` (the
``mgcheck.trial`` document), ``document`` (the report for the doctor, a document that
``render/document.py`` writes as HTML, Markdown or text). ``words`` holds the sentences they share.
"""
