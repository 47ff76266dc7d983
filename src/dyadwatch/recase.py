"""Headlines in Title Case, re-cased for the parser.

The statistical parser reads "Putin Meets Xi in Moscow for Talks" as a string of proper
nouns, and the actor stage takes "Putin Meets" for a longer name. Before both, a Title
Case sentence gets a token-for-token copy in which common English words are lower-cased
("Putin meets Xi in Moscow for talks"); words of dictionary names ("Putin", "China",
"Turkey"), acronyms and the first word keep their case. Lower-casing an ASCII letter keeps
every offset, so mentions, evidence spans and the original text (``Sentence.text``) stay as
they are.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .actors.fuzzy import is_english

MIN_WORDS = 3
TITLE_SHARE = 0.7  # share of alphabetic words that start with a capital
# title words kept before a name: the actor stage reads "President Lee" as a title and a name
TITLES = frozenset(
    "president prime minister premier chancellor king queen emperor emir crown prince sheikh "
    "secretary general foreign defence defense interior finance vice deputy acting supreme "
    "leader senator governor ambassador envoy chairman chairwoman pope ayatollah state".split()
)
# short headline words the English word list (5+ letters) leaves out
SHORT_WORDS = frozenset(
    "kill kills aid air arms army back ban bans bar call calls cut cuts deal deny end ends ease eye "
    "fear fire hail held hit hits hold holds host jail join lift meet meets new oust pact plan plans "
    "raid row sign signs slam talk talks top urge urges vow vows war warn warns seek seeks send sends "
    "sent open opens quit bomb bombs say says said set sets bid bids curb curbs vote votes fund rise "
    "ties visit halt nuke drop jets ship".split()
)


def _common(low: str) -> bool:
    return low in STOP_WORDS or low in SHORT_WORDS or (len(low) > 4 and is_english(low))


def is_title_case(doc: Doc) -> bool:
    """Do the common words after the first (the words a sentence writes in lower case) mostly
    start with a capital?"""
    words = [t for t in doc[1:] if t.is_alpha and len(t) > 3 and _common(t.lower_)]  # "in", "of" stay lower
    if len(words) < MIN_WORDS - 1:
        return False
    return sum(1 for t in words if t.text[0].isupper()) >= TITLE_SHARE * len(words)


def sentence_case(doc: Doc, names: Collection[int]) -> Doc:
    """``doc`` itself, or a re-cased copy when it is in Title Case (see the module doc).
    ``names``: indices of tokens that belong to dictionary names."""
    if not is_title_case(doc):
        return doc
    names = set(names)
    for tok in reversed(doc[:-1]):  # "President Lee", "Foreign Minister Wang": titles stay with names
        if tok.lower_ in TITLES and tok.i + 1 in names:
            names.add(tok.i)
    words = []
    for tok in doc:
        w = tok.text
        first, low = w[:1], w.lower()
        if tok.i > 0 and tok.i not in names and first.isascii() and first.isupper() and not w.isupper() \
                and _common(low):
            w = first.lower() + w[1:]
        words.append(w)
    out = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    out.user_data.update(doc.user_data)
    out.user_data.pop("dyadwatch.text", None)  # the cached text of the original case
    return out
