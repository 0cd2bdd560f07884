"""The registry in backends.py: every name loads a class that inherits its seam."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from signalpipe import backends
from signalpipe.backends import Registry
from signalpipe.bus.base import Bus
from signalpipe.errors import ConfigError
from signalpipe.settings import Settings

REGISTRIES: list[Registry[Any]] = [
    backends.BUSES, backends.MESSAGE_STORES, backends.EVENT_STORES, backends.BATCHERS,
    backends.EXTRACTORS, backends.CHAT_CLIENTS, backends.COMPOSERS, backends.SOURCES]


@pytest.mark.parametrize(("registry", "name"),
                         [(r, n) for r in REGISTRIES for n in r.targets],
                         ids=[f"{r.role}:{n}" for r in REGISTRIES for n in r.targets])
def test_every_registered_class_inherits_its_seam(registry: Registry[Any], name: str) -> None:
    cls = registry.load(name)
    assert registry.seam in cls.__mro__


def test_an_unknown_name_lists_the_choices() -> None:
    with pytest.raises(ConfigError, match=r"unknown bus 'rabbit'; choose one of memory, kafka"):
        backends.BUSES.load("rabbit")


def test_a_class_that_does_not_inherit_the_seam_is_refused() -> None:
    odd: Registry[Bus] = Registry("bus", Bus, {"odd": "signalpipe.stats:RunStats"})
    with pytest.raises(TypeError, match="does not inherit Bus"):
        odd.load("odd")


@pytest.mark.parametrize("fmt", list(backends.WRITERS))
def test_every_sample_writer_resolves(fmt: str) -> None:
    module_name, _, attr = backends.WRITERS[fmt].partition(":")
    assert callable(getattr(importlib.import_module(module_name), attr))
    assert callable(backends.load_writer(fmt))


def test_the_composers_close() -> None:
    settings = Settings()
    composer = backends.make_composer(settings, "template")
    composer.close()  # declared on the seam: nothing to release for the template
