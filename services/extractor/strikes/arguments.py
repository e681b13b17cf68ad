"""What a strike mention says besides its kind: when, whose campaign, what it hit, who did it.

Each function reads the dependency tree around one trigger of `strike_mentions`.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from services.extractor.strikes.actors import phrase_head, relative_clauses, without_clauses
from services.extractor.strikes.casualties import number_value
from services.extractor.strikes.mentions import (
    PROJECTILES,
    REPORTING_VERBS,
    clause_verb,
    free_relative_object,
    objects_of,
    subject_of,
    through_quantity,
    trigger_kind,
)
from services.extractor.text.datelines import dateline_end
from services.extractor.text.dates import resolve_date

HARM_VERBS = set("kill wound injure destroy damage eliminate target hit".split())
KILL_VERBS = {"kill", "eliminate", "assassinate"}
DEFENCE_VERBS = set("intercept shoot down destroy repel repulse neutralise neutralize jam".split())
LIGHT_VERBS = set(
    "carry conduct launch deliver do make order stage mount begin step intensify continue drop fire "
    "use unleash resume escalate broaden open respond retaliate keep maintain sustain pursue wage "
    "send".split()
) | {"wag"}  # the lemmatizer's reading of "waged"
ATTRIBUTING_VERBS = set("blame attribute carry conduct launch claim".split())
TARGET_VERBS = set("hit strike target aim bomb destroy pound flatten damage level shell attack".split())
TEMPORAL_MARKS = {"after", "before", "since", "until"}
SEQUENCE_VERBS = {"follow", "precede"}
STRIKE_WORDS = {"raid", "strike", "airstrike", "attack", "bombardment", "bombing", "shelling", "barrage"}
RELATIVE_DAYS = {"following", "next", "previous", "preceding"}
DAY_WORDS = {"yesterday", "today", "tonight", "overnight"}
REPEATED = {"repeatedly", "regularly", "daily", "nightly", "routinely", "frequently", "frequent"}
CAMPAIGN_CUES = set(
    "since majority repeatedly repeated daily nightly weeks months ongoing wave waves campaign past "
    "recent".split()
)


def _answered(token: Token) -> bool:
    """Whether a strike is what another answered: "in retaliation for", "in response to" a strike."""
    prep = through_quantity(token).head
    return prep.lower_ in ("for", "to") and prep.head.lemma_ in (
        "retaliation",
        "response",
        "revenge",
        "reply",
    )


def attachment(token: Token) -> set[int]:
    """Token indices whose modifiers describe the strike itself, not the report of it."""
    indices = {t.i for t in token.subtree}
    # "fired missiles on Saturday, a day after jets bombed ...": not Saturday's; but "five were
    # killed on Monday after jets bombed their home" tells the strike's own harm and day.
    if _temporal_mark(token) and token.head.lemma_ not in HARM_VERBS | {"die"}:
        return indices
    if _answered(token):
        # "struck on Friday in retaliation for a drone attack": the attack came before; but "a response
        # to a strike last week" may hang its day on the response
        response = through_quantity(token).head.head
        return indices | {response.i}
    for ancestor in token.ancestors:
        if ancestor.lemma_ in REPORTING_VERBS:
            break
        indices.add(ancestor.i)
        if ancestor.pos_ in ("VERB", "AUX"):
            # "drones struck what appeared to be a camp on Sunday": the date is the strike's.
            relative = free_relative_object(ancestor)
            while relative is not None and relative.head != ancestor:
                relative = relative.head
            indices |= {t.i for t in relative.subtree} if relative is not None else set()
            # "killed two, hours after X fired ...": a measured gap is another time ("died after" is not)
            marks = [c for c in ancestor.children if c.dep_ == "mark"]
            sequenced = _temporal_mark(ancestor) is not None and any(
                c.dep_ == "npadvmod" and c.lemma_ in ("hour", "day")
                for m in [ancestor, *marks]
                for c in m.children
            )
            if ancestor.dep_ == "advcl" and ancestor.head.lemma_ in HARM_VERBS | {"die"} and not sequenced:
                indices.add(ancestor.head.i)  # "six died on Monday when drones hit their house"
            elif ancestor.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" for c in ancestor.children):
                # "the attack came on Tuesday, when missiles hit ...": the time the clause hangs on
                for above in ancestor.ancestors:
                    if above.lemma_ in REPORTING_VERBS:
                        break
                    indices.add(above.i)
                    if above.pos_ in ("VERB", "AUX"):
                        break
            break
    return indices


def _temporal_mark(verb: Token) -> str | None:
    """ "after", "before" or "since" opening a clause whose verb this is."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("advcl", "conj"):
        return None
    return next((c.lower_ for c in verb.children if c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS), None)


def _shifted_date(verb: Token, published_at: date | None, anchor: date | None) -> str | None:
    """ "X on Saturday, a day after Y": Y's day is Saturday less one; "hours after Y", Saturday."""
    if _temporal_mark(verb) is None and verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS:
        verb = verb.head  # "X came two days after the army said it had downed a drone"
    mark = _temporal_mark(verb)
    if mark not in ("after", "before"):
        return None
    marks = [c for c in verb.children if c.dep_ == "mark"]
    measures = [c for t in [verb, *marks] for c in t.children if c.dep_ == "npadvmod"]
    # "the barrage came a day after drones hit X": the parser may hang the gap on the main verb
    measures += [c for c in verb.head.children if c.dep_ == "npadvmod" and c.i < verb.i]
    measure = next((c for c in measures if c.lemma_ in ("day", "hour")), None)
    if measure is None:
        return None
    main_verb = verb.head
    if main_verb.lemma_ in REPORTING_VERBS:  # "X struck overnight, officials said, two days after Y"
        told = [c for c in main_verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        main_verb = told[0] if told else main_verb
    main = mention_date(main_verb, published_at, anchor)
    teller = subject_of(main_verb)
    if main is None and anchor is not None and teller is not None and teller.lemma_ in STRIKE_WORDS:
        main = anchor.isoformat()  # "The raids came two days after ...": the raids are the day told
    if not main or len(main) != 10:
        return None
    if measure.lemma_ == "hour":
        # "early on Sunday, hours after X": X may well have been the night before
        small_hours = any(t.lower_ in ("early", "overnight", "dawn") for t in main_verb.subtree)
        return None if small_hours else main
    count = next((c for c in measure.children if c.dep_ in ("det", "nummod")), None)
    days = 1 if count is None or count.lower_ in ("a", "one") else number_value(count.text)
    if not days:
        return None
    sign = -1 if mark == "after" else 1
    return (date.fromisoformat(main) + timedelta(days=sign * days)).isoformat()


def other_actors_clauses(verb: Token) -> set[int]:
    """Token indices of clauses under a verb that tell what someone else did: in "struck the sites
    after the rebels fired at a ship in the gulf", the ship and the gulf are not the strike's."""
    found: set[int] = set()
    for child in verb.children:
        if child.dep_ not in ("advcl", "conj", "ccomp") or child.pos_ not in ("VERB", "AUX"):
            continue
        if child.left_edge.lower_ == "what":
            continue  # "struck what officials said were depots": the object, in a clause of its own
        subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.tag_ not in ("WDT", "WP") for s in subjects):
            found |= {t.i for t in child.subtree}
    return found


def clause(token: Token) -> set[int]:
    """Token indices of the clause that tells the strike: where its place and targets are named."""
    verb = token if token.pos_ == "VERB" else next((a for a in token.ancestors if a.pos_ == "VERB"), token)
    if verb.lemma_ in REPORTING_VERBS:
        return {t.i for t in token.subtree}
    own = {t.i for t in token.subtree} if token != verb else set()
    # "pounded the capital and struck a market in Saada": the second strike's place is its own
    others = {t.i for c in verb.children if c.dep_ == "conj" and trigger_kind(c)[0] for t in c.subtree}
    return {t.i for t in verb.subtree} - other_actors_clauses(verb) - subject_described(verb) - others | own


def subject_described(verb: Token) -> set[int]:
    """Token indices of what the subject is said to be: "the Houthis, who say they act for Gaza, fired
    ..." names no place of the strike."""
    return {i for s in verb.children if s.dep_ == "nsubj" for i in relative_clauses(s)}


def _date_head(entity: Span) -> Token:
    """The word a date expression modifies: "on Thursday" modifies the verb above "on"."""
    head = entity.root.head
    while head.head != head and (head.dep_ == "prep" or head.ent_type_ in ("DATE", "TIME")):
        head = head.head
    return head


def mention_date(
    token: Token, published_at: date | None, anchor: date | None = None, shared: bool = True
) -> str | None:
    """The date attached to the strike; failing that, one that opens the sentence and is not a report's,
    or one of a deed told with it by the same subject ("launched strikes on X and used drones to hit Y
    early on Wednesday")."""
    attached = attachment(token)
    # "used drones to hit a camp on Wednesday": the day of the deed the weapon was used for
    attached |= {c.i for i in list(attached) for c in token.doc[i].children if c.dep_ == "xcomp"}
    dates: list[tuple[bool, int, str]] = []
    sent = token.sent
    expressions = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    # The tagger does not always see these as dates ("hit the city overnight").
    expressions += [sent.doc[t.i : t.i + 1] for t in sent if t.lower_ in DAY_WORDS and not t.ent_type_]
    # Nor "The following day", "the previous day".
    expressions += [
        sent.doc[t.left_edge.i : t.i + 1]
        for t in sent
        if t.lower_ == "day" and not t.ent_type_ and any(c.lower_ in RELATIVE_DAYS for c in t.children)
    ]
    # Nor "Hours later", which the story's own day dates, whoever tells it.
    same_day = [
        sent.doc[t.i - 1 : t.i + 1]
        for t in sent
        if t.lower_ in ("later", "earlier") and t.i > sent.start and t.nbor(-1).lower_ in ("hours", "minutes")
    ]
    if anchor and same_day:
        expressions += same_day
    dateline = dateline_end(sent)
    expressions = [e for e in expressions if e.start_char >= dateline]
    own_clause = clause(token)
    subtree = {t.i for t in token.subtree}
    for entity in expressions:
        head = _date_head(entity)
        # A date that opens the sentence ("Then this morning, ...") frames all of it.
        lead = token.doc[token.sent.start : entity.start]
        opening = all(t.is_punct or t.pos_ in ("ADV", "CCONJ") for t in lead)
        # "On Monday, the ministry said ..." dates the saying; "Last week, the army said a strike had
        # killed ..." dates what was said: a report is told within the day, not over a week.
        vague = opening and (resolve_date(entity.text, published_at, anchor) or "").count("-") == 1
        # nor "On Saturday night, X said its fighters had fired ...": a night is a deed's time
        fronted = all(t.is_punct or t.pos_ in ("ADV", "CCONJ", "ADP") for t in lead)  # "On Saturday night,"
        nightly = any(t.lower_ in ("night", "overnight") for t in token.doc[entity.start : entity.end + 1])
        vague = vague or (fronted and nightly)
        opening = opening or (fronted and nightly)
        if head.lemma_ in REPORTING_VERBS and head.i not in attached and entity not in same_day and not vague:
            continue
        if (
            head.lemma_ in SEQUENCE_VERBS
            and phrase_head(token).head == head
            and phrase_head(token).dep_ == "nsubj"
        ):
            continue  # "the bombing followed an attack two days earlier": the attack's day, not the bombing's
        # The parser may hang the day on the place: "dropped bombs on the village late on Wednesday".
        in_clause = (
            head.i in own_clause
            and head.pos_ in ("NOUN", "PROPN", "ADV")
            and entity.root.dep_ in ("pobj", "npadvmod", "advmod")
        )  # not "in revenge for last week's massacre", another event's day
        if head.i not in attached and not opening and not in_clause:
            continue
        # The preposition says how to read a bare month: "since April", "last April".
        before = entity.doc[entity.start - 1] if entity.start > sent.start else None
        text = (
            f"{before.text} {entity.text}"
            if before is not None and before.pos_ in ("ADP", "SCONJ")
            else entity.text
        )
        resolved = resolve_date(text, published_at, anchor)
        if resolved:
            # A day on the trigger's own words beats one on the verb it hangs from: in "pounded X on
            # Thursday night and struck Y early on Friday", Friday is the striking's.
            own = head.i in subtree
            dates.append((head.i not in attached, not own, abs(entity.start - token.i), resolved))
    if dates:
        return min(dates)[3]
    verb = token if token.pos_ == "VERB" else clause_verb(token)
    shifted = _shifted_date(verb, published_at, anchor) or _since_clause_date(verb, published_at)
    if shifted or not shared:
        return shifted
    for deed in _same_subject_deeds(verb):
        told = mention_date(deed, published_at, anchor, shared=False)
        if told:
            return told
    return None


def _since_clause_date(verb: Token, published_at: date | None) -> str | None:
    """ "has been struck since the invasion began in February 2022": the month the strikes began."""
    for clause_ in (c for c in verb.children if c.dep_ == "advcl" and _temporal_mark(c) == "since"):
        for entity in (
            e for e in verb.doc.ents if e.label_ == "DATE" and e.root.i in {t.i for t in clause_.subtree}
        ):
            resolved = resolve_date(f"since {entity.text}", published_at)
            if resolved:
                return resolved
    return None


def _same_subject_deeds(verb: Token) -> list[Token]:
    """Verbs joined to this one by "and" that share its subject: "India launched X and used Y"."""
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        joined.append(verb.head)
    if verb.dep_ == "advcl" and any(c.lower_ == "while" for c in verb.children if c.dep_ == "mark"):
        return [verb.head]  # "Since April, jets have bombed X, while helicopters have dropped ...": one time
    return [
        v for v in joined if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) or v == verb.head
    ]


def is_campaign(token: Token, date_value: str | None) -> bool:
    """An ongoing campaign rather than one strike: "an air campaign", "have been conducting airstrikes",
    "hundreds of strikes since 2015", "the airstrikes, which began in March"."""
    if token.lemma_ == "campaign" or token.head.lemma_ == "campaign":
        return True
    verb = clause_verb(token)
    # The strike's own clause, not a source's aside beside it ("..., the ministry said, in the heaviest
    # bombardment since the ceasefire"): that "since" dates the comparison, not the strikes.
    aside = {t.i for c in verb.children if c.dep_ == "parataxis" for t in c.subtree}
    # Nor another's deed beside it: "..., as Kyiv pressed on with a campaign to ...".
    aside |= {
        t.i
        for c in verb.children
        if c.dep_ == "advcl" and any(s.dep_ == "nsubj" for s in c.children) and _temporal_mark(c) != "since"
        for t in c.subtree
    }  # but "since the invasion began" is the strikes' own time
    # Nor a comparison: "in the most serious flare-up in months" measures, it does not repeat.
    compared = [
        _compared(t) for t in verb.subtree if t.tag_ in ("JJS", "RBS") and t.dep_ in ("amod", "advmod")
    ]
    aside |= {t.i for noun in compared if noun.pos_ == "NOUN" and noun != verb for t in noun.subtree}
    words = [t for t in verb.subtree if t.i not in aside]
    scope = {t.lower_ for t in words} | {t.lemma_ for t in words}
    if scope & REPEATED:  # "has struck Lebanon repeatedly since October"
        return True
    many = through_quantity(token).lower_
    undated_strikes = (
        many == "dozens" and token.lemma_ not in PROJECTILES and (date_value or "").count("-") != 2
    )
    if many in ("hundreds", "thousands") or undated_strikes:
        return True  # "dropped hundreds of barrel bombs"; "dozens of strikes" (not rockets) told on no day
    plural = token.tag_ == "NNS" or any(o.tag_ == "NNS" for o in objects_of(token))
    progressive = any(c.lower_ == "been" for c in verb.children) and verb.tag_ == "VBG"
    started = bool(scope & {"begin", "start", "launch"}) and date_value is not None and len(date_value) == 7
    return plural and (bool(scope & CAMPAIGN_CUES) or progressive or started)


def _compared(word: Token) -> Token:
    """The noun a superlative grades: "most" -> "serious" -> "flare-up"."""
    while word.dep_ in ("advmod", "amod", "compound") and word.head != word and word.pos_ != "NOUN":
        word = word.head
    return word


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


def mention_targets(token: Token) -> list[str]:
    """What the strike hit: the trigger's object, its "on"/"against"/"at" phrase, or the object of a
    verb it is the subject of ("the missile struck a playground", "the strikes were aimed at rebels")."""
    heads: list[Token] = []
    if token.pos_ == "VERB":
        heads += [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]  # "a hospital was bombed"
        if not heads:  # "struck what were depots", "struck militants operating from a school"
            heads += objects_of(token)
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at", "targeting"):
            heads += [c for c in prep.children if c.dep_ == "pobj"]
    elsewhere = other_actors_clauses(token)
    verbs = [t for t in token.subtree if t.lemma_ in TARGET_VERBS and t != token and t.i not in elsewhere]
    if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ != "VERB" and token.head.lemma_ in TARGET_VERBS:
        verbs.append(token.head)
    if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.pos_ == "VERB":
        verbs.append(token.head.head)  # "struck the rebels with airstrikes"
    governor = through_quantity(token)
    if governor.dep_ == "dobj" and governor.head.lemma_ in LIGHT_VERBS:
        for prep in governor.head.children:  # "fired rockets at the town", "carried out strikes on it"
            if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at"):
                heads += [c for c in prep.children if c.dep_ == "pobj"]
    if governor.dep_ == "pobj" and governor.head.lower_ == "in" and governor.head.head.lemma_ in KILL_VERBS:
        # "killed a senior commander in an airstrike": whom the strike was sent for.
        victims = [c for c in governor.head.head.children if c.dep_ == "dobj"]
        heads += [v for v in victims if v.pos_ in ("NOUN", "PROPN")]
    for verb in verbs:
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        heads += [c for c in verb.children if c.dep_ == "dobj"] or list(
            filter(None, [free_relative_object(verb)])
        )
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against")):
            for obj in prep.children:
                heads += [obj] if obj.dep_ == "pobj" else [c for c in obj.children if c.dep_ == "dobj"]
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


def _blamed_on(token: Token) -> list[list[Token]]:
    """ "a strike blamed on Turkey", "a raid believed to have been carried out by Israel"."""
    found = []
    for verb in (t for t in token.subtree if t.lemma_ in ATTRIBUTING_VERBS and t != token):
        for prep in verb.children:
            if prep.lower_ in ("on", "to", "by") and prep.dep_ in ("prep", "agent", "dative"):
                found += [list(c.subtree) for c in prep.children if c.dep_ == "pobj"]
    return found


def _accused(verb: Token) -> Token | None:
    """ "X accused the government of carrying out the strike" / "of killing civilians in a strike":
    the accused, not the accuser, is who struck."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "of":
        return None
    return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)


def actor_sources(token: Token) -> list[list[Token]]:
    """Where a trigger's actor may be named, best first: its modifiers, its agent, its verb's subject."""
    if token.pos_ == "VERB":
        subject = subject_of(token)
        if subject is not None:
            return [without_clauses(subject)]
        # No subject parsed ("Assad barrel-bombed ..."): the words before the verb in its clause.
        left = [t for t in token.sent if t.i < token.i]
        stop = max((t.i for t in left if t.is_punct and t.text != "-" or t.pos_ == "VERB"), default=-1)
        return [[t for t in left if t.i > stop]]
    sources = [[t for t in token.subtree if t.i < token.i and t.dep_ != "det"]]
    sources += [list(c.subtree) for prep in token.children if prep.lower_ == "by" for c in prep.children]
    sources += _blamed_on(token)
    governor = through_quantity(token)
    head = governor.head
    if governor.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    if governor.dep_ == "pobj" and head.lower_ in ("in", "by"):
        harm = clause_verb(head)  # "the army said it killed 30 fighters in an airstrike"
        subject = subject_of(harm) if harm.lemma_ in HARM_VERBS else None
        if harm.lemma_ in HARM_VERBS:
            subject = _accused(harm) or subject
        if subject is not None:
            sources.append(list(subject.subtree))
    if token.lemma_ in PROJECTILES and head.lemma_ in DEFENCE_VERBS:
        return [s for s in sources if s]  # whoever shoots a drone down is not the one who sent it
    if (
        governor.dep_ in ("dobj", "pobj", "attr")
        and head.pos_ == "VERB"
        and head.lemma_ in LIGHT_VERBS | TARGET_VERBS | {"claim"}
    ):
        subject = _accused(head) or subject_of(head)
        if subject is not None:
            sources.append(without_clauses(subject))
    return [s for s in sources if s]
