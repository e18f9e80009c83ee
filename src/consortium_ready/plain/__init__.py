"""Plain mode: the questionnaire as line-by-line prompts, for screen readers, braille and scripts.

No full-screen drawing, no colour, no box drawing: every word is printed once,
in order, and every answer is read from a line of standard input. It works on
the same session, draft and saved reports as the terminal interface.
"""
