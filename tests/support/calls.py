"""Record what a function was asked, while it still does its work."""

from __future__ import annotations

from typing import Any

import pytest


def record_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, arg: int) -> list[Any]:
    """Positional argument ``arg`` of each call to ``owner.name``, in the order they come."""
    seen: list[Any] = []
    real = getattr(owner, name)

    def recording(*args: Any, **kwargs: Any) -> Any:
        seen.append(args[arg])
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, recording)
    return seen
