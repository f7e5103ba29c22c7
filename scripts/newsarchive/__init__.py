"""newsarchive: raw translated news articles in, a clean static archive out."""

__version__ = "0.1.0"
