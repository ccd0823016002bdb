"""Unique, valid identifiers for demo enterprises: tax codes, personal IDs, foreign registrations."""

import random

from fairmatch.common.keys import tax_check_digit


class IdentifierBook:
    """Issues identifiers that are valid and never repeat within one generated fair."""

    def __init__(self, rng: random.Random):
        self._rng = rng
        self._issued: set[str] = set()

    def _digits(self, count: int) -> str:
        return f"{self._rng.randrange(10**count):0{count}d}"

    def _fresh(self, make) -> str:
        while True:
            value = make()
            if value is not None and value not in self._issued:
                self._issued.add(value)
                return value

    def tax_code(self, prefix: str = "01") -> str:
        """A 10-digit enterprise tax code of the province `prefix` with a correct check digit."""

        def make():
            first_nine = prefix + self._digits(9 - len(prefix))
            check = tax_check_digit(first_nine)
            return None if check is None else f"{first_nine}{check}"

        return self._fresh(make)

    def branch_code(self, prefix: str) -> str:
        """A branch code `NNNNNNNNNN-00N` under a head office registered in province `prefix`."""
        return f"{self.tax_code(prefix)}-{self._rng.randint(1, 3):03d}"

    def personal_id(self) -> str:
        """A 12-digit citizen ID of a Hanoi-born owner (province 001), as households use since 2025."""
        rng = self._rng

        def make():
            born = rng.randint(1965, 2002)
            century_and_sex = (0 if born < 2000 else 2) + rng.randrange(2)
            return f"001{century_and_sex}{born % 100:02d}{self._digits(6)}"

        return self._fresh(make)

    def registration_no(self, country: str) -> str:
        """A home registration number in the style of the country (JP corporate number, KR BRN, …)."""
        rng, digits = self._rng, self._digits
        formats = {
            "JP": lambda: f"{rng.randint(1, 9)}{digits(12)}",
            "KR": lambda: f"{digits(3)}-{rng.choice(('81', '86', '87'))}-{digits(5)}",
            "DE": lambda: f"HRB{rng.randint(10000, 999999)}",
            "SG": lambda: f"20{rng.randint(5, 23):02d}{digits(5)}{rng.choice('KMNRWZ')}",
            "US": lambda: f"{rng.randint(10, 99)}-{digits(7)}",
            "AU": lambda: f"{rng.randint(10, 99)}{digits(9)}",
            "TH": lambda: f"0105{digits(9)}",
            "FR": lambda: f"{rng.randint(3, 9)}{digits(8)}",
            "TW": lambda: f"{rng.randint(1, 9)}{digits(7)}",
            "CN": lambda: f"91{digits(6)}MA{digits(8)}",
        }
        return self._fresh(lambda: f"{country}-{formats[country]()}").split("-", 1)[1]
