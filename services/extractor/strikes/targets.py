"""What a strike hit: the trigger's objects, its "on"/"against"/"at" phrases, or those of the verb it
is the subject of ("the missile struck a playground", "the strikes were aimed at rebels")."""

from __future__ import annotations

from spacy.tokens import Token

from services.extractor.lexicon.casualties import KILL_VERBS
from services.extractor.lexicon.strikes import LIGHT_VERBS, TARGET_VERBS
from services.extractor.strikes.scope import other_actors_clauses
from services.extractor.strikes.syntax import free_relative_object, objects_of, through_quantity

ON = ("on", "against", "at")


def _phrase(token: Token) -> str:
    """A target's words: the noun with its modifiers and "of" phrases, without clauses or appositions."""
    keep = [token]
    for child in token.children:
        if child.dep_ in ("det", "poss") and child.i < token.i:
            continue
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advmod") or (
            child.dep_ == "prep" and child.lower_ != "of"
        ):
            continue
        keep += list(child.subtree)
    keep.sort(key=lambda t: t.i)
    return "".join(t.text_with_ws for t in keep).strip()


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.children if c.dep_ == "conj"]]


def _on_objects(word: Token, preps: tuple[str, ...] = ON) -> list[Token]:
    return [
        c
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for c in prep.children
        if c.dep_ == "pobj"
    ]


def own_objects(token: Token) -> list[Token]:
    """ "a hospital was bombed", "struck what were depots", "strikes on the port"."""
    heads: list[Token] = []
    if token.pos_ == "VERB":
        heads += [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if not heads:  # "struck what were depots", "struck militants operating from a school"
            heads += objects_of(token)
    return heads + _on_objects(token, ("on", "against", "at", "targeting"))


def target_verbs(token: Token) -> list[Token]:
    """Verbs that tell what the strike hit: in its words, the verb it is the subject or the means of."""
    elsewhere = other_actors_clauses(token)
    verbs = [t for t in token.subtree if t.lemma_ in TARGET_VERBS and t != token and t.i not in elsewhere]
    if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ != "VERB" and token.head.lemma_ in TARGET_VERBS:
        verbs.append(token.head)
    if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.pos_ == "VERB":
        verbs.append(token.head.head)  # "struck the rebels with airstrikes"
    return verbs


def governed_objects(token: Token) -> list[Token]:
    """Targets told by the verb that carries the strike: "fired rockets at the town", "carried out strikes
    on it"; "killed a senior commander in an airstrike": whom the strike was sent for."""
    governor = through_quantity(token)
    heads: list[Token] = []
    if governor.dep_ == "dobj" and governor.head.lemma_ in LIGHT_VERBS:
        heads += _on_objects(governor.head)
    if governor.dep_ == "pobj" and governor.head.lower_ == "in" and governor.head.head.lemma_ in KILL_VERBS:
        victims = [c for c in governor.head.head.children if c.dep_ == "dobj"]
        heads += [v for v in victims if v.pos_ in ("NOUN", "PROPN")]
    return heads


def verb_objects(verb: Token) -> list[Token]:
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    heads = [c for c in verb.children if c.dep_ == "dobj"] or list(filter(None, [free_relative_object(verb)]))
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against")):
        for obj in prep.children:
            heads += [obj] if obj.dep_ == "pobj" else [c for c in obj.children if c.dep_ == "dobj"]
    return heads


def mention_targets(token: Token) -> list[str]:
    """What the strike hit, as phrases, each once."""
    heads = own_objects(token) + governed_objects(token)
    verbs = target_verbs(token)
    heads += [h for verb in verbs for h in verb_objects(verb)]
    targets = []
    for head in heads:
        for target in _with_conjuncts(head):
            if target.lower_ in ("them", "they"):
                target = _plural_antecedent(target, token) or target
            if target.pos_ != "PRON" and target.ent_type_ not in ("DATE", "TIME"):
                targets.append(_phrase(target))
    return list(dict.fromkeys(t for t in targets if t))


def _plural_antecedent(pronoun: Token, trigger: Token) -> Token | None:
    """The plural noun "them" stands for, in this sentence or the one before ("civilians ... bombed them")."""
    doc = pronoun.doc
    sentences = list(doc.sents)
    index = next(i for i, s in enumerate(sentences) if s.start <= pronoun.i < s.end)
    start = sentences[max(0, index - 1)].start
    own = {t.i for t in trigger.subtree}
    for token in reversed(doc[start : pronoun.i]):
        if token.tag_ not in ("NNS", "NNPS") or token.dep_ == "compound" or token.i in own:
            continue
        if token.ent_type_ in ("NORP", "GPE"):
            continue
        # An apposition restates the noun before it: "civilians, his own people" are the civilians.
        before = token.left_edge.i - 1
        if before - 1 >= start and doc[before].text == "," and doc[before - 1].tag_ in ("NNS", "NNPS"):
            return doc[before - 1]
        return token
    return None
