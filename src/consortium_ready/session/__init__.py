"""The assessment in progress, as every shell works on it: the session over the draft.

Textual-free, so that the terminal interface, plain mode and the browser share it.
"""
