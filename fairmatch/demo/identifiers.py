"""Unique, valid identifiers for demo enterprises: tax codes, personal IDs, foreign registrations."""

import random

from fairmatch.common.keys import tax_check_digit
from fairmatch.common.registration_numbers import issue


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
        """A home registration number that passes the country's check rule (AU ABN, JP 法人番号, KR BRN, …).

        Issued by `registration_numbers.issue`; its spaces (AU `51 824 753 556`, FR `552 032 534`) are dropped
        because keys allow none. Raises ValueError for a country whose check rule fairmatch does not know.
        """
        return self._fresh(lambda: f"{country}-{issue(country, self._rng).replace(' ', '')}").split("-", 1)[1]
