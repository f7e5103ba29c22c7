"""How a sentence ends, in every script the archive reads.

Latin, Greek and Cyrillic text ends with . ! ? …; other scripts have their own marks, and
Thai, Lao and many headlines or list items end with none at all.
"""

from __future__ import annotations

import re

# . ! ? … and the Greek question mark (NFKC turns U+037E into ';'); CJK full and half
# width stops; Devanagari and Bengali danda; Arabic question mark and Urdu full stop;
# Armenian full stop; Ethiopic full stop and question mark; Myanmar section; Khmer khan
# and bariyoosan; Tibetan shad.
SENTENCE_TERMINALS = ".!?…;\u037e。！？｡।॥؟۔։።፧။។៕།"
# Closing quotes and brackets that may follow the terminal ('… he said.”', '…した。」').
CLOSERS = "\"'”’»)]」』）】"

_ENDS_SENTENCE = re.compile(f"[{re.escape(SENTENCE_TERMINALS)}][{re.escape(CLOSERS)}]*$")


def ends_sentence(text: str) -> bool:
    """Whether `text` ends like a sentence in any script ('…said.', '…ครับ' does not)."""
    return bool(_ENDS_SENTENCE.search(text.rstrip()))
