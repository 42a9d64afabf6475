"""Small Swedish text helpers shared by the SQLite backend and the excerpt highlighter.

The light stemmer follows the published rules of Jacques Savoy's light Swedish stemmer
(the same rules Lucene's `light_swedish` applies): strip a final -s, then one suffix.
One change: a final -s goes only after a consonant (the genitive of "klimatets",
"kommunens"), not after a vowel, where it belongs to the word ("biogas", "vätgas").
It is deliberately conservative; PostgreSQL and the search cluster do the real
linguistics, this only has to bring "klimatets", "solceller" and "biogasen" close enough to
"klimat", "solcell" and "biogas" for prefix matching and highlighting.
"""

import re
import unicodedata

_SUFFIX_RULES = [
    (7, ("elser", "heten")),
    (6, ("arne", "erna", "ande", "else", "aste", "orna", "aren")),
    (5, ("are", "ast", "het")),
    (4, ("ar", "er", "or", "en", "at", "te", "et")),
]

WORD_RE = re.compile(r"[^\W_]+")
VOWELS = frozenset("aeiouyåäö")
# Shorter stems say too little to match on ("el", "is").
MIN_STEM_LENGTH = 3

# The Snowball project's Swedish stop words (the list PostgreSQL and Elasticsearch use).
_STOP_WORDS_TEXT = """
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde
något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under
någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev
oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom mellan
sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era
vilkas
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def light_stem(word: str) -> str:
    word = word.lower()
    if len(word) > 4 and word.endswith("s") and word[-2] not in VOWELS:
        word = word[:-1]
    for min_length, suffixes in _SUFFIX_RULES:
        if len(word) > min_length:
            for suffix in suffixes:
                if word.endswith(suffix):
                    return word[: -len(suffix)]
    if len(word) > 3 and word[-1] in "aent":
        return word[:-1]
    return word


def fold(text: str) -> str:
    """Lower case without diacritics, for comparisons that must ignore å/ä/ö typed as a/a/o."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def content_terms(terms) -> list[str]:
    """The terms that carry meaning: stop words dropped, as every backend does."""
    return [term for term in terms if term.lower() not in STOP_WORDS]
