"""Kennisnavigator: offline kennis over (ex-)partnergeweld, huiselijk geweld en complexe scheiding."""

__version__ = "0.1.0"
