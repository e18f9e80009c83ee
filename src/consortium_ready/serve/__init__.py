"""The questionnaire in a web browser: textual-serve runs the terminal app once per browser tab.

Only `consortium-ready serve` imports this package (and so textual-serve and aiohttp).
"""
