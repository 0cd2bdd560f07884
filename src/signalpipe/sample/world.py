"""The world one seed describes (who works here, which event identities are used) and the
many ways people write numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from random import Random
from typing import Any

from signalpipe.sample.vocab import (
    COMPETITORS,
    CUSTOMER_HEADS,
    CUSTOMER_TAILS,
    FIRST,
    LAST,
    MONTHS,
    MORE_CUSTOMER_HEADS,
    MORE_CUSTOMER_TAILS,
    MORE_FIRST,
    MORE_LAST,
    WEEKDAYS,
)

Raw = dict[str, Any]


# ---------------------------------------------------------------------------------------------
# Numbers, written the many ways people write them
# ---------------------------------------------------------------------------------------------

def trim(x: float) -> str:
    """1.375 -> "1.375", 12.0 -> "12": exact for the amounts generated (multiples of $1k)."""
    return f"{x:.3f}".rstrip("0").rstrip(".")


def money(rng: Random, usd: int) -> str:
    """$12M, $12 million, $12,000,000, 12m, USD 12M ... for amounts from $10k up."""
    if usd >= 1_000_000:
        m = trim(usd / 1e6)
        options: tuple[str, ...] = (f"${m}M", f"${m}M", f"${m} million", f"${usd:,}", f"{m}m",
                                    f"USD {m}M", f"${m}MM", f"{m} million")
    else:
        k = trim(usd / 1e3)
        options = (f"${k}k", f"${k}K", f"${usd:,}", f"{k}k", f"USD {usd:,}", f"${k}k")
    return rng.choice(options)


def count(rng: Random, n: int) -> str:
    """50k, 50K, 50,000, 50 thousand, 1.2M, 1.2 million ..."""
    if n >= 1_000_000:
        m = trim(n / 1e6)
        return rng.choice((f"{m}M", f"{m} million", f"{n:,}"))
    if n >= 1000 and n % 100 == 0:
        k = trim(n / 1e3)
        options: tuple[str, ...] = (f"{k}k", f"{k}K", f"{n:,}", f"{n:,}")
        if n % 1000 == 0:
            options += (f"{k} thousand",)
        return rng.choice(options)
    return f"{n:,}"


def big(rng: Random, n: int) -> str:
    """1.2 billion, 1.2B, 1,200,000,000, 1.2bn, 850 million ..."""
    if n >= 1_000_000_000:
        b = trim(n / 1e9)
        return rng.choice((f"{b} billion", f"{b}B", f"{n:,}", f"{b}bn"))
    m = trim(n / 1e6)
    return rng.choice((f"{m} million", f"{m}M", f"{n:,}"))


def percent(rng: Random, p: int) -> str:
    return rng.choice((f"{p}%", f"{p}%", f"{p} percent"))


def nice(n: float) -> int:
    """Round to two significant figures, the way people quote milestones."""
    digits = len(str(int(n))) - 2
    step = 10 ** max(digits, 0)
    return int(round(n / step) * step)


def pick(rng: Random, pool: tuple[str, ...]) -> str:
    return pool[int(rng.random() * len(pool))]


# ---------------------------------------------------------------------------------------------
# The world one seed describes: who works here, and which event keys are already used
# ---------------------------------------------------------------------------------------------

@dataclass
class World:
    rng: Random
    company: str
    display: str
    domain: str
    employees: list[str]
    used: dict[str, set[tuple[Any, ...]]] = field(default_factory=dict)
    arr_usd: int = 900_000
    users: int = 8_000

    @classmethod
    def create(cls, rng: Random, company: str) -> World:
        names = sorted({f"{pick(rng, FIRST)} {pick(rng, LAST)}" for _ in range(40)})
        rng.shuffle(names)
        display = company[:1].upper() + company[1:]
        return cls(rng=rng, company=company, display=display, domain=f"{company}.io",
                   employees=names[:32])

    def person(self) -> str:
        return self.employees[int(self.rng.random() * len(self.employees))]

    def email_of(self, name: str) -> str:
        return name.lower().replace(" ", ".") + "@" + self.domain

    def stranger(self, *, wide: bool = False) -> str:
        """Someone who does not work here; ``wide`` draws from the larger pool of names."""
        firsts, lasts = (FIRST + MORE_FIRST, LAST + MORE_LAST) if wide else (FIRST, LAST)
        while True:
            name = f"{pick(self.rng, firsts)} {pick(self.rng, lasts)}"
            if name not in self.employees:
                return name

    def customer(self, *, wide: bool = False) -> str:
        """A customer's name; ``wide`` draws from the larger pool of names."""
        if wide:
            return f"{pick(self.rng, CUSTOMER_HEADS + MORE_CUSTOMER_HEADS)} " \
                   f"{pick(self.rng, CUSTOMER_TAILS + MORE_CUSTOMER_TAILS)}"
        return f"{pick(self.rng, CUSTOMER_HEADS)} {pick(self.rng, CUSTOMER_TAILS)}"

    def common(self, sender: str) -> dict[str, str]:
        """Slots every template may use."""
        rng = self.rng
        first = sender.split(" ")[0] if "@" not in sender else sender.split(".")[0].title()
        return {"company": self.display, "person": self.person().split(" ")[0],
                "competitor": pick(rng, COMPETITORS), "month": pick(rng, MONTHS),
                "quarter": rng.choice(("Q1", "Q2", "Q3", "Q4", "next quarter")),
                "weekday": pick(rng, WEEKDAYS), "first": first, "domain": self.domain,
                "signoff": rng.choice(("Thanks,\n", "Best,\n", "Cheers,\n", "— ", "")) + first}

