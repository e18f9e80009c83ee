"""consortium-ready: how ready is your organisation to bid as part of a consortium?"""

__version__ = "0.1.0"
