"""Random overlap features for the index's property tests (tests/test_overlaps.py, test_key_signatures.py):
claims drawn from small pools of words, names and numbers, with document frequencies to weigh them."""

import random

from provenance.overlaps import Features


def random_claims(seed: int, count: int) -> tuple[dict[str, int], list[Features]]:
    """Document frequencies and ``count`` claims, drawn from one ``random.Random(seed)``."""
    rnd = random.Random(seed)
    words = [f"w{i}" for i in range(40)]
    names = [f"n{i}" for i in range(12)]
    numbers = ["#30000", "#2016", "#14.3", "#7", "#250"]
    df = {x: rnd.randint(1, 400) for x in words + names + numbers + ["@" + n for n in names]}

    def claim() -> Features:
        return Features.of(set(rnd.sample(numbers, rnd.randint(0, 2))), set(rnd.sample(names, rnd.randint(0, 3))),
                           set(rnd.sample(words, rnd.randint(3, 12))))

    return df, [claim() for _ in range(count)]
