"""The hostile-content corpus of issue #13: a few hundred malformed studio folders.

Every module here adds its cases to ``CASES`` as it is imported; ``base`` says what a case
is and how it is judged.
"""

from __future__ import annotations

from . import documents, fields, files, front_matter, media  # noqa: F401 - they add the cases
from .base import CASES, Case

__all__ = ["CASES", "Case"]
