"""The figures of docs/performance.md: `python -m benchmarks` (`make bench`) prints them."""
