"""signon: compose sign-on letters from a roster of organizations and coalitions."""

__version__ = "0.1.0"
