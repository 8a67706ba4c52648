#!/usr/bin/env python3
"""Writes src/model/country/table.rs: the ISO 3166-1 countries with English and Spanish names.

The data is the Unicode Common Locale Data Repository (CLDR), as its npm packages carry it
(Unicode License v3, the notice is src/model/country/LICENSE-UNICODE). The generator is not part
of the build: the table it writes is in the repository, and nothing is downloaded at run time.
To bring the names up to a new CLDR release:

    npm pack cldr-localenames-full@48.2.0 cldr-core@48.2.0
    mkdir names core
    tar xzf cldr-localenames-full-48.2.0.tgz -C names
    tar xzf cldr-core-48.2.0.tgz -C core
    python3 tools/countries.py names/package core/package > src/model/country/table.rs

What it takes:
- the countries: the regions of CLDR's code mappings that have an ISO 3166-1 numeric code
  below 900 (900-999 are for private use) and are not deprecated (CLDR's territory aliases):
  the 249 officially assigned ISO 3166-1 alpha-2 codes;
- English names: CLDR's international English (`en-001`), with "&" spelled "and" and "St" or
  "St." spelled "Saint", as formal documents write them ("Trinidad and Tobago", "Saint Vincent
  and the Grenadines"); where CLDR qualifies a name with " - " ("Congo - Kinshasa"), its
  variant ("Congo (DRC)");
- Spanish names: CLDR's Latin American Spanish (`es-419`) as it is ("Perú", "Brasil",
  "Estados Unidos", "Trinidad y Tobago");
- other names people write, accepted as input: CLDR's `en`, `en-001`, `es` and `es-419` names
  and their short and variant forms ("UK", "EE. UU.", "Ivory Coast", "Swaziland"), except one
  that reads as another country's code (Spanish "R. U." for the United Kingdom is Russia's
  code).
"""

import json
import re
import sys
import unicodedata
from pathlib import Path


def territories(names: Path, locale: str) -> dict:
    path = names / "main" / locale / "territories.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["main"][locale]["localeDisplayNames"]["territories"]


def iso_codes(core: Path) -> dict:
    """The alpha-2 codes of ISO 3166-1 with their alpha-3 codes."""
    supplemental = core / "supplemental"
    mappings = json.loads((supplemental / "codeMappings.json").read_text(encoding="utf-8"))
    aliases = json.loads((supplemental / "aliases.json").read_text(encoding="utf-8"))
    deprecated = aliases["supplemental"]["metadata"]["alias"]["territoryAlias"]
    codes = {}
    for code, entry in mappings["supplemental"]["codeMappings"].items():
        numeric = entry.get("_numeric")
        if (
            len(code) == 2
            and code.isalpha()
            and numeric is not None
            and int(numeric) < 900
            and code not in deprecated
        ):
            codes[code] = entry["_alpha3"]
    return dict(sorted(codes.items()))


def formal_english(name: str) -> str:
    name = name.replace(" & ", " and ")
    return re.sub(r"\bSt\.? ", "Saint ", name)


def forms(table: dict, code: str) -> list:
    """A region's name and its short and variant forms, in CLDR's order."""
    found = []
    for key in (code, f"{code}-alt-short", f"{code}-alt-variant"):
        if key in table:
            found.append(table[key])
    return found


def folded(text: str) -> str:
    """The text as input is compared: no accents, no case, letters and digits only."""
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", plain.lower())


def rust_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def main() -> None:
    names, core = Path(sys.argv[1]), Path(sys.argv[2])
    en, en001 = territories(names, "en"), territories(names, "en-001")
    es, es419 = territories(names, "es"), territories(names, "es-419")
    codes = iso_codes(core)
    if len(codes) != 249:
        sys.exit(f"expected the 249 codes of ISO 3166-1, found {len(codes)}")
    out = sys.stdout
    out.write(
        "//! The ISO 3166-1 countries with their English and Spanish names, written by\n"
        "//! `tools/countries.py` from Unicode CLDR 48.2 (its npm packages `cldr-localenames-full`\n"
        "//! and `cldr-core`; Unicode License v3, see `LICENSE-UNICODE` beside this file). Do not\n"
        "//! edit it by hand: run the generator again.\n\n"
        "use super::Entry;\n\n"
        "/// Every country, in code order.\n"
        "pub(super) const COUNTRIES: &[Entry] = &[\n"
    )
    for code, alpha3 in codes.items():
        english = en001.get(code, en[code])
        if " - " in english:
            english = en.get(f"{code}-alt-variant", english)
        english = formal_english(english)
        spanish = es419.get(code, es[code])
        others = []
        for name in forms(en, code) + forms(en001, code) + forms(es, code) + forms(es419, code):
            if name in (english, spanish) or name in others:
                continue
            if folded(name).upper() in codes and folded(name).upper() != code:
                continue
            others.append(name)
        aliases = ", ".join(rust_string(name) for name in others)
        out.write(
            f"    Entry {{\n"
            f"        code: {rust_string(code)},\n"
            f"        alpha3: {rust_string(alpha3)},\n"
            f"        en: {rust_string(english)},\n"
            f"        es: {rust_string(spanish)},\n"
            f"        aliases: &[{aliases}],\n"
            f"    }},\n"
        )
    out.write("];\n")


if __name__ == "__main__":
    main()
