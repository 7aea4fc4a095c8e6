"""French words for search: folding, little words, and a light stemmer of our own.

The stemmer maps the words of one family to one stem, so that a search for « accompagner »
also finds « accompagnement » and « accompagnateur », and « recruter » finds « recrutement ».
It is deliberately small and predictable (no dictionary), applied the same way to the indexed
text and to the query, so that it only has to be consistent, not linguistically perfect:

1. fold: lower case, accents removed, « œ » → « oe » (« Création » → « creation »);
2. plural: a final « s » or « x » is dropped, « -aux » becomes « -al » (« sociaux » → « social »,
   but « réseaux » → « reseau »);
3. one derivational or verbal ending is removed, the longest that leaves a stem of at least
   three letters (« -ement », « -ateur », « -ation », « -eur », « -er », « -ee », « -e »…;
   four before « -ance » and « -ence », so that « finance » stays with « financer »; never
   « -if » or « -ive », so that « dispositif » does not meet « disposition »);
4. a word of three letters or fewer is left as it is (« ANPE » → « anp » but « RH » → « rh »).

The stem is always a prefix of the folded word, except for « -aux » → « -al ».
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W_]+")

# Articles, prepositions, pronouns and conjunctions: ignored in queries and in the index.
STOPWORDS = frozenset(
    (
        *("a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "elle"),
        *("en", "est", "et", "il", "ils", "j", "l", "la", "le", "les", "leur", "leurs", "m", "ma", "mais", "me"),
        *("mes", "n", "ne", "ni", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui"),
        *("s", "sa", "se", "ses", "son", "sont", "sur", "t", "ta", "te", "tes", "un", "une", "vos", "votre"),
        *("vous", "y"),
    )
)

# Endings of singular words (the plural « s » is gone by then), longest first: the first one
# that leaves a long enough stem is removed.
_ENDINGS = tuple(
    sorted(
        (
            *("issement", "ionnaire", "ionnelle", "ionnel", "atrice", "ateur", "ation", "ement", "ment"),
            *("ance", "ence", "euse", "eur", "ite", "ique", "isme", "iste", "able", "ible"),
            *("ion", "ee", "er", "ez", "ir", "e"),
        ),
        key=len,
        reverse=True,
    )
)
MIN_STEM = 3
# « finance » keeps its family with « financer » and « financement »: not the stem « fin ».
_LONGER_STEM = {"ance": 4, "ence": 4}


_MARKS = re.compile("[\u0300-\u036f]+")  # combining diacritical marks, once decomposed


def fold(text: str) -> str:
    """Lower case without accents: « Œuvre Créée » → « oeuvre creee » (C-level steps only)."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    return _MARKS.sub("", unicodedata.normalize("NFKD", lowered)).replace("œ", "oe").replace("æ", "ae")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one folded word (see the module's rules)."""
    if len(word) <= MIN_STEM or word.isdigit():
        return word
    if word.endswith("aux") and not word.endswith("eaux") and len(word) > 4:
        word = word[:-3] + "al"
    elif word[-1] in "sx":
        word = word[:-1]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _LONGER_STEM.get(ending, MIN_STEM):
            return word[: -len(ending)]
    return word


def words(text: str) -> list[str]:
    """The folded words of a text, little words included."""
    return WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def _term(word: str) -> str:
    return "" if word in STOPWORDS else stem(word)


def terms(text: str) -> list[str]:
    """The stems of a text's meaningful words, in order (little words left out)."""
    return [t for t in map(_term, words(text)) if t]


def stemmed(folded_words: list[str]) -> str:
    """The stems of folded words, little words left out, as one space-separated text."""
    return " ".join(filter(None, map(_term, folded_words)))
