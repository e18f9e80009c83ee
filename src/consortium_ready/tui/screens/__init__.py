"""One module per screen, each with its `.tcss` file beside it."""
