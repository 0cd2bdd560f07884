"""Stdlib-only checks that a server answers its own wire protocol, not just that a port is open."""

from __future__ import annotations

import socket
import struct

_TIMEOUT_S = 3.0


def port_open(host: str, port: int, *, timeout_s: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return True
    except OSError:
        return False


def kafka_broker_count(host: str, port: int) -> int | None:
    """Brokers listed by a Metadata request, or None when nothing answered.

    Kafka enables its client listener only once the broker has caught up with the KRaft
    metadata log, so one registered broker means producers and admin clients can work.
    """
    # Metadata v4 (non-flexible): topics = null (all), allow_auto_topic_creation = false.
    client_id = b"signalpipe-probe"
    body = struct.pack(">hhih", 3, 4, 1, len(client_id)) + client_id + struct.pack(">ib", -1, 0)
    try:
        with socket.create_connection((host, port), timeout=_TIMEOUT_S) as sock:
            sock.sendall(struct.pack(">i", len(body)) + body)
            (size,) = struct.unpack(">i", _recv_exact(sock, 4))
            response = _recv_exact(sock, size)
    except OSError:
        return None
    # correlation_id int32, throttle_time_ms int32, brokers array length int32.
    try:
        correlation_id, _throttle, brokers = struct.unpack_from(">iii", response)
    except struct.error:
        return None
    return int(brokers) if correlation_id == 1 else None


def cql_ready(host: str, port: int) -> bool:
    """OPTIONS then STARTUP in native protocol v4; READY or AUTHENTICATE means queries can flow."""
    try:
        with socket.create_connection((host, port), timeout=_TIMEOUT_S) as sock:
            if _cql_exchange(sock, opcode=0x05, body=b"") != 0x06:  # OPTIONS -> SUPPORTED
                return False
            startup = _cql_string_map({"CQL_VERSION": "3.0.0"})
            return _cql_exchange(sock, opcode=0x01, body=startup) in (0x02, 0x03)
    except (OSError, struct.error):
        return False


def redis_ping(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=_TIMEOUT_S) as sock:
            sock.sendall(b"*1\r\n$4\r\nPING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _cql_exchange(sock: socket.socket, *, opcode: int, body: bytes) -> int:
    sock.sendall(struct.pack(">BBhBi", 0x04, 0, 0, opcode, len(body)) + body)
    _version, _flags, _stream, reply, length = struct.unpack(">BBhBi", _recv_exact(sock, 9))
    _recv_exact(sock, length)
    return int(reply)


def _cql_string_map(values: dict[str, str]) -> bytes:
    out = struct.pack(">H", len(values))
    for key, value in values.items():
        for text in (key.encode(), value.encode()):
            out += struct.pack(">H", len(text)) + text
    return out


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    chunks: list[bytes] = []
    while size:
        chunk = sock.recv(min(size, 65536))
        if not chunk:
            raise ConnectionError("connection closed mid-frame")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
