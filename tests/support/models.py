"""View models as the browser reads them."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from hipapp.web.models import fields_of


def plain(value: object) -> Any:
    """``value`` (dataclasses, tuples, dicts) as JSON-ready values, through the pages' JSON.

    Dates are written as ISO dates, as links and the browser's plans write them.
    """
    return json.loads(json.dumps(value, default=_default))


def _default(value: object) -> Any:
    return value.isoformat() if isinstance(value, date) else fields_of(value)
