"""Models and pure logic: the bank, a profile and its answers, scoring, results and comparisons."""
