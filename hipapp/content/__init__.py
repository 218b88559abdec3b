"""Read a content folder into one checked, immutable catalogue. No Flask here."""

from __future__ import annotations

from .loader import load_catalogue
from .model import Catalogue

__all__ = ["Catalogue", "load_catalogue"]
