"""Importers: existing letters (text, Markdown, HTML, Word) and form responses (CSV).

``sources`` and the format readers turn a file into blocks; ``listparse`` finds
and reads the signatory list among them (``region``, the list shapes of ``shapes/``,
``classify``, ``repairs``); ``letter_import`` matches it against
the roster and writes the letter; ``form_csv`` signs form responses on a letter.
"""
