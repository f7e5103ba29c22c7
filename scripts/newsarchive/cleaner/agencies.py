"""News agencies by the names they print, to the short name used in front matter."""

from __future__ import annotations

import re

AGENCIES = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP", "reuters": "Reuters",
    "reuter": "Reuters", "thomson reuters": "Reuters", "afp": "AFP",
    "agence france-presse": "AFP", "agence france presse": "AFP", "cnn": "CNN", "dpa": "dpa",
    "deutsche presse-agentur": "dpa", "ukrinform": "Ukrinform", "unian": "UNIAN",
    "interfax": "Interfax", "interfax-ukraine": "Interfax-Ukraine", "tass": "TASS",
    "ria novosti": "RIA Novosti", "xinhua": "Xinhua", "ansa": "ANSA", "efe": "EFE",
    "agencia efe": "EFE", "europa press": "Europa Press", "anadolu": "Anadolu", "pap": "PAP",
    "apa": "APA", "kyodo": "Kyodo", "yonhap": "Yonhap", "belga": "Belga", "anp": "ANP",
    "pti": "PTI", "ians": "IANS", "cp": "The Canadian Press",
    "the canadian press": "The Canadian Press", "canadian press": "The Canadian Press",
    "bloomberg": "Bloomberg", "upi": "UPI", "sda": "SDA", "ats": "ATS", "kna": "KNA",
    "epd": "epd", "ctk": "ČTK", "mti": "MTI", "bta": "BTA", "lusa": "Lusa", "aap": "AAP",
}  # fmt: skip


def agency_name(text: str) -> str | None:
    """The agency a credit names ('Agencia EFE', 'AP/Name'), or None."""
    key = re.sub(r"^(?:agencia|agence|agentur|agenzia|agência)\s+", "", text.strip().lower())
    key = key.split("/")[0].strip(" .")
    return AGENCIES.get(key) or AGENCIES.get(text.strip().lower())
