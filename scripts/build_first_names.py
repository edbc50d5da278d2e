"""Build provenance/data/first_names.tsv: given names with their usual gender.

Pronoun resolution uses it for agreement ("she" does not take "Mark Duffy") and to tell a
person's name from a place or a body ("Douglas County" is not a "he"). The names come
from the person providers of the Faker package (MIT licence; its English lists come from
US Social Security and UK birth-name statistics), which is needed only to rebuild the
table, not to run provenance:

    pip install faker && python scripts/build_first_names.py

Output: one ``name<TAB>gender`` line per lower-cased name, gender ``m``, ``f`` or ``u``
(listed as both), sorted.
"""

import importlib
from pathlib import Path

LOCALES = (
    "en_US en_GB en_IN en_IE en_NZ en_PH fr_FR fr_CA es_ES es_MX de_DE it_IT pt_BR pt_PT nl_NL "
    "pl_PL sv_SE da_DK no_NO fi_FI ru_RU uk_UA tr_TR ar_AA fa_IR hi_IN ja_JP zh_CN ko_KR "
    "el_GR cs_CZ hu_HU ro_RO hr_HR sk_SK sl_SI bg_BG he_IL id_ID vi_VN th_TH yo_NG zu_ZA tw_GH"
).split()
# Given names that US, UK and Australian birth registers give both boys and girls in large
# numbers (Dakota Fanning, Blake Lively, Drew Barrymore), which Faker lists for one sex
# only: "she" must be able to take "Dakota Vellacourt". Listed as either.
UNISEX = frozenset(
    "billie blake cameron chris dakota drew eden ellis frankie hayden jessie jody kai logan parker "
    "lee peyton phoenix rowan sasha".split()
)
OUT = Path(__file__).resolve().parent.parent / "provenance" / "data" / "first_names.tsv"


def _names(locale: str) -> tuple[set[str], set[str]]:
    """Male and female given names of one Faker locale written in Latin letters."""
    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except ImportError:
        return set(), set()

    def latin(names) -> set[str]:
        return {n.strip().lower() for n in names if n.strip().isascii() and n.strip().isalpha()}

    return latin(getattr(provider, "first_names_male", ())), latin(getattr(provider, "first_names_female", ()))


def main() -> None:
    male: set[str] = set()
    female: set[str] = set()
    for locale in LOCALES:
        m, f = _names(locale)
        male |= m
        female |= f
    female |= UNISEX & male
    male |= UNISEX & female
    rows = [f"{n}\t{'u' if n in male and n in female else 'm' if n in male else 'f'}" for n in sorted(male | female)]
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
