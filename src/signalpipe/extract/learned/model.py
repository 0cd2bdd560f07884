"""A logistic-regression message scorer: hashed features in, P(states an event) out.

Why this shape: triage runs on every message of every batch before any token is paid for, so it
must be cheap (pure Python, no new runtime dependency, thousands of messages a second), load
offline, and behave the same on every machine. A linear model over hashed n-grams (features.py)
is all three, and it learns the phrasing of announcements from real text instead of a word list.

The weights ship in the package as ``triage_weights.bin`` (rebuilt by ``python -m
signalpipe.extract.learned.train``). Format, little-endian, no pickle:

    b"SPLW1\\n" | uint32 header length | JSON header | int16[DIM] weights

The header holds the bias, the int16 scale, the hashed space's size and what the model was
trained on. Weights are quantised to int16 (512 KB); a model trained in memory is quantised the
same way, so the leave-one-source-out figures score exactly what would ship.
"""

from __future__ import annotations

import json
import math
import struct
import sys
from array import array
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Self

from signalpipe.extract.learned import features as F
from signalpipe.extract.learned.features import DIM, DIM_BITS

MAGIC = b"SPLW1\n"
WEIGHTS_FILE = Path(__file__).with_name("triage_weights.bin")
_INT16_MAX = 32767


class ModelFileError(ValueError):
    """The weight file is missing, truncated or of another format."""


class MessageScorer:
    """Scores a message text to the probability that it states a business event."""

    def __init__(self, weights: Sequence[int], *, scale: float, bias: float,
                 meta: dict[str, Any] | None = None) -> None:
        if len(weights) != DIM:
            raise ModelFileError(f"expected {DIM} weights, got {len(weights)}")
        self._weights = weights
        self.scale = scale
        self.bias = bias
        self.meta = dict(meta or {})

    def score(self, text: str) -> float:
        """P(event) in (0, 1) for one message text (subject and body joined by the caller)."""
        ids, whole = F.features(text)
        w = self._weights
        z = self.bias + self.scale * (sum(map(w.__getitem__, ids)) * F.norm(len(ids))
                                      + sum(map(w.__getitem__, whole)))
        if z < -30.0:
            return 1e-13
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def from_floats(cls, weights: Sequence[float], *, bias: float,
                    meta: dict[str, Any] | None = None) -> Self:
        """Quantise trained float weights to int16, as the shipped file holds them."""
        top = max((abs(x) for x in weights), default=0.0) or 1.0
        scale = top / _INT16_MAX
        quantised = array("h", (round(x / scale) for x in weights))
        return cls(quantised, scale=scale, bias=bias, meta=meta)

    def to_bytes(self) -> bytes:
        """The file form (same bytes for the same model on every platform)."""
        header = json.dumps({"dim_bits": DIM_BITS, "scale": self.scale, "bias": self.bias,
                             **self.meta}, sort_keys=True).encode("utf-8")
        weights = array("h", self._weights)
        if sys.byteorder == "big":
            weights.byteswap()
        return MAGIC + struct.pack("<I", len(header)) + header + weights.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Self:
        """Parse the file form; raises ModelFileError on anything else."""
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
            raise ModelFileError("not a signalpipe weight file")
        (size,) = struct.unpack_from("<I", data, len(MAGIC))
        start = len(MAGIC) + 4
        try:
            header = json.loads(data[start:start + size])
        except ValueError as exc:
            raise ModelFileError("unreadable weight file header") from exc
        if header.pop("dim_bits", None) != DIM_BITS:
            raise ModelFileError("weight file was built for another feature space")
        weights = array("h")
        weights.frombytes(data[start + size:])
        if sys.byteorder == "big":
            weights.byteswap()
        return cls(weights, scale=float(header.pop("scale")), bias=float(header.pop("bias")),
                   meta=header)

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> Self:
        """Read a weight file (the shipped one by default)."""
        try:
            return cls.from_bytes(path.read_bytes())
        except OSError as exc:
            raise ModelFileError(f"cannot read {path}: {exc}") from exc


@cache
def default_scorer() -> MessageScorer:
    """The shipped model, read once per process."""
    return MessageScorer.load()


def score(text: str) -> float:
    """P(event) for `text` by the shipped model."""
    return default_scorer().score(text)
