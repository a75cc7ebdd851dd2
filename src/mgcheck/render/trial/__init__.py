"""`mgcheck diary trial` as output, one module per form: ``terminal`` (Rich), ``json`` (the
``mgcheck.trial`` document), ``document`` (the report for the doctor, as sections) with
``markup`` (those sections as Markdown or HTML). ``words`` holds the sentences they share.
"""
