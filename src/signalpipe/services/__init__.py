"""Start and stop real local servers for signalpipe: Kafka 4 (KRaft), Cassandra 5.0, PostgreSQL
and Redis, all on loopback with their jars, data and logs under one folder.

Stdlib only, so it works before any optional dependency is installed::

    from signalpipe import services

    endpoints = services.up()                  # idempotent: a no-op when all answer
    endpoints["kafka"].url                     # "127.0.0.1:9092"
    services.restart("cassandra", down_s=20)   # for fault tests
    services.down()

From a shell: ``signalpipe services up|down|status [names...] [--root DIR]`` (the command line
lives in ``command.py``; ``signalpipe services`` hands its arguments over).
"""

from .base import (
    SERVICE_NAMES,
    Endpoint,
    Layout,
    Service,
    ServiceError,
    ServicesConfig,
    ServiceStatus,
    default_root,
)
from .manager import UpResult, down, ensure_up, kill, restart, service, start, status, stop, up

__all__ = [
    "SERVICE_NAMES",
    "Endpoint",
    "Layout",
    "Service",
    "ServiceError",
    "ServiceStatus",
    "ServicesConfig",
    "UpResult",
    "default_root",
    "down",
    "ensure_up",
    "kill",
    "restart",
    "service",
    "start",
    "status",
    "stop",
    "up",
]
