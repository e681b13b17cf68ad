"""Scoring extractions against gold labels: a typed port of `shared/eval/score.py`.

The reference scorer is the judge of the extractor, so this module must give the very same
figures on the same inputs (`tests/unit/test_scoring.py` checks it against the script).
Its rules, in short (`shared/corpus/README.md` has the full text):

- statements match one-to-one, best token overlap first, when the overlap coefficient of
  their quotes is at least 0.6; `attributed` also needs the speaker right, `surname_only`
  accepts the last name (or the head of an anonymous source's description);
- a predicted strike matches the first unmatched gold strike with the same actor, kind and
  (prefix) date; its arguments (country, region, targets, casualties) are then checked.

Predictions and gold records are plain JSON dicts in the corpus shape, as both sides come from
JSON files (or from `Extraction.to_json_dict()`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Record = Mapping[str, Any]

# Overlap coefficient at which two statement texts count as the same statement.
STATEMENT_MATCH = 0.6
# Overlap coefficient at which a predicted strike target fits a gold one.
TARGET_MATCH = 0.5
# Gold quotes are cut to this length in the list of misses (as score.py does).
MISS_QUOTE_CHARS = 70

# Words dropped from a name before comparing people: "Col. Steve Warren" is "steve warren".
TITLES = frozenset(
    {"col", "colonel", "gen", "general", "lt", "maj", "capt", "sgt", "adm", "mr", "mrs", "ms", "dr",
     "president", "secretary", "minister", "sen", "senator", "rep", "gov", "press", "spokesman",
     "spokeswoman", "deputy", "defense", "foreign", "chairman", "prime"}
)  # fmt: skip

# Spellings of strike kinds that count as the same kind; anything else is compared as written.
KIND_SYNONYMS: Mapping[str, str] = {
    "air strike": "airstrike", "air strikes": "airstrike", "airstrikes": "airstrike",
    "air raid": "airstrike", "bombing": "airstrike", "airstrike": "airstrike",
    "barrel bomb": "barrel bomb", "barrel bombs": "barrel bomb", "barrel-bomb": "barrel bomb",
    "chemical": "chemical", "chemical weapons": "chemical", "chemical attack": "chemical",
    "drone strike": "drone strike", "missile": "missile", "missile strike": "missile",
    "artillery": "artillery", "shelling": "artillery",
}  # fmt: skip


# ---------------------------------------------------------------- text comparison


def fold(text: str | None) -> str:
    """Case- and compatibility-folded text, with curly single quotes made straight."""
    text = unicodedata.normalize("NFKC", text or "").replace("\u2019", "'").replace("\u2018", "'")
    return text.lower()


def tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", fold(text))


def overlap(a: str | None, b: str | None) -> float:
    """Overlap coefficient of the word multisets: shared tokens / tokens of the shorter text."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    shorter = min(ta.total(), tb.total())
    return (ta & tb).total() / shorter if shorter else 0.0


def person_key(name: str | None) -> str:
    """A name without titles, to compare people: "Press Secretary Peter Cook" -> "peter cook"."""
    return " ".join(t for t in tokens(name) if t not in TITLES)


def speaker_ok(pred: Record, gold: Record) -> bool:
    """Full attribution: the canonical name or an alias, or 'anonymous' for an unnamed gold source."""
    if gold.get("anonymous"):
        # An unnamed source is attributed right when the prediction names no one.
        return bool(pred.get("anonymous")) or not pred.get("speaker")
    names = {person_key(n) for n in [gold["speaker"], *gold.get("speaker_aliases", [])]}
    return person_key(pred.get("speaker") or "") in names


def speaker_ok_surname(pred: Record, gold: Record) -> bool:
    """Lenient attribution: the last word will do ('Warren' for 'Steve Warren', 'official' for an aide)."""
    if speaker_ok(pred, gold):
        return True
    got = person_key(pred.get("speaker") or "").split()
    if not got:
        return False
    wanted = [gold["speaker"] or "", *gold.get("speaker_aliases", []), gold.get("speaker_title") or ""]
    # `[-1:]` rather than `[-1]`: a name made only of titles has no last word and must not match.
    return any(person_key(w).split()[-1:] == got[-1:] for w in wanted if w)


# ---------------------------------------------------------------- counts


@dataclass(frozen=True)
class Counts:
    """True positives, predictions and gold items for one P/R/F1 figure."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)

    def prf(self) -> dict[str, float | int]:
        return prf(self.tp, self.pred, self.gold)


def prf(tp: int, npred: int, ngold: int) -> dict[str, float | int]:
    """Precision, recall and F1 rounded to 3 places (F1 from the unrounded P and R), with the counts."""
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f1 = round(2 * p * r / (p + r), 3) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": f1, "tp": tp, "pred": npred, "gold": ngold}


def ratio(num: int, den: int) -> float:
    return round(num / den, 3) if den else 0.0


# ---------------------------------------------------------------- statements


@dataclass(frozen=True)
class StatementScore:
    span: Counts
    attributed: Counts
    surname_only: Counts
    kind_ok: int
    misses: list[str]
    """Gold quotes (cut to 70 characters) that no prediction matched."""
    wrong_speakers: list[tuple[str | None, str | None]]
    """(predicted speaker, gold speaker or its title) for matched statements attributed wrong."""

    @property
    def matched(self) -> int:
        return self.span.tp


def match_statements(pred: list[Record], gold: list[Record]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, greedily by best quote overlap."""
    # Sorting the (overlap, i, j) tuples in reverse breaks overlap ties towards the later
    # indices, exactly as score.py does; a different tie rule could change which pairs match.
    pairs = sorted(
        ((overlap(p["quote"], g["quote"]), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    matched: list[tuple[int, int]] = []
    for score, i, j in pairs:
        if score < STATEMENT_MATCH:
            break
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            matched.append((i, j))
    return matched


def score_statements(pred: list[Record], gold: list[Record]) -> StatementScore:
    """Score one article's predicted statements against its gold ones."""
    matched = match_statements(pred, gold)
    matched_gold = {j for _, j in matched}

    def counts(tp: int) -> Counts:
        return Counts(tp, len(pred), len(gold))

    return StatementScore(
        span=counts(len(matched)),
        attributed=counts(sum(speaker_ok(pred[i], gold[j]) for i, j in matched)),
        surname_only=counts(sum(speaker_ok_surname(pred[i], gold[j]) for i, j in matched)),
        kind_ok=sum(pred[i].get("kind") == gold[j]["kind"] for i, j in matched),
        misses=[g["quote"][:MISS_QUOTE_CHARS] for j, g in enumerate(gold) if j not in matched_gold],
        wrong_speakers=[
            (pred[i].get("speaker"), gold[j]["speaker"] or gold[j]["speaker_title"])
            for i, j in matched
            if not speaker_ok(pred[i], gold[j])
        ],
    )


# ---------------------------------------------------------------- strikes


@dataclass(frozen=True)
class StrikeScore:
    events: Counts
    args_ok: int
    args_n: int
    misses: list[str]
    """For each gold strike no prediction matched: its actor, kind and date, space-separated."""


def kind_of(kind: str) -> str:
    """The canonical strike kind for a spelling ("air strikes" -> "airstrike")."""
    folded = fold(kind).strip()
    return KIND_SYNONYMS.get(folded, folded)


def strike_fits(pred: Record, gold: Record) -> bool:
    """Same event: actor (or an alias), kind, and date (the gold date as prefix; any if gold has none)."""
    actors = {fold(a) for a in [gold["actor"], *gold.get("actor_aliases", [])]}
    if fold(pred.get("actor")) not in actors or kind_of(pred.get("kind") or "") != kind_of(gold["kind"]):
        return False
    return gold["date"] is None or str(pred.get("date") or "").startswith(gold["date"])


def strike_argument_checks(pred: Record, gold: Record) -> list[bool]:
    """One verdict per argument the gold strike gives: country, region, targets, casualties."""
    location = pred.get("location") or {}
    pred_country, gold_country = fold(location.get("country")), fold(gold["location"]["country"])
    if gold_country:
        # Containment either way, so "Palestine" fits "Palestine, State of".
        country_ok = bool(pred_country) and (pred_country in gold_country or gold_country in pred_country)
    else:
        country_ok = not pred_country
    checks = [country_ok]
    if gold["location"].get("region"):
        checks.append(fold(gold["location"]["region"]) in fold(location.get("region")))
    if gold.get("targets"):
        checks.append(
            any(overlap(t, gt) >= TARGET_MATCH for t in pred.get("targets") or [] for gt in gold["targets"])
        )
    # Only whether casualties are given: their wording varies too much to compare.
    checks.append(bool(pred.get("casualties")) == bool(gold.get("casualties")))
    return checks


def score_strikes(pred: list[Record], gold: list[Record]) -> StrikeScore:
    """Score one article's predicted strikes; a duplicate prediction is a false positive."""
    used: set[int] = set()
    args_ok = args_n = 0
    for p in pred:
        # First fit in gold order, not best fit: that is the reference rule.
        j = next((j for j, g in enumerate(gold) if j not in used and strike_fits(p, g)), None)
        if j is None:
            continue
        used.add(j)
        checks = strike_argument_checks(p, gold[j])
        args_ok += sum(checks)
        args_n += len(checks)
    return StrikeScore(
        events=Counts(len(used), len(pred), len(gold)),
        args_ok=args_ok,
        args_n=args_n,
        misses=[f"{g['actor']} {g['kind']} {g['date']}" for j, g in enumerate(gold) if j not in used],
    )


# ---------------------------------------------------------------- articles and corpus


@dataclass(frozen=True)
class ArticleScore:
    name: str
    statements: StatementScore
    strikes: StrikeScore

    def detail(self) -> dict[str, list[Any]]:
        """score.py's per-article detail: statement misses, wrong speakers, strike misses."""
        return {
            "statement_misses": list(self.statements.misses),
            "wrong_speaker": [list(pair) for pair in self.statements.wrong_speakers],
            "strike_misses": list(self.strikes.misses),
        }


def score_article(name: str, pred: Record, gold: Record) -> ArticleScore:
    """Score one prediction (`{"statements": [...], "strikes": [...]}`, maybe empty) against its gold file."""
    return ArticleScore(
        name=name,
        statements=score_statements(list(pred.get("statements") or []), list(gold["statements"])),
        strikes=score_strikes(list(pred.get("strikes") or []), list(gold["strikes"])),
    )


@dataclass(frozen=True)
class CorpusScore:
    """Per-article scores and their micro-averaged summary."""

    articles: list[ArticleScore] = field(default_factory=list)

    def _total(self, pick: Callable[[ArticleScore], Counts]) -> Counts:
        return sum((pick(a) for a in self.articles), Counts())

    def summary(self) -> dict[str, Any]:
        """score.py's summary, same keys, order and rounding."""
        matched = sum(a.statements.matched for a in self.articles)
        kind_ok = sum(a.statements.kind_ok for a in self.articles)
        args_ok = sum(a.strikes.args_ok for a in self.articles)
        args_n = sum(a.strikes.args_n for a in self.articles)
        return {
            "statements_span": self._total(lambda a: a.statements.span).prf(),
            "statements_attributed": self._total(lambda a: a.statements.attributed).prf(),
            "statements_attributed_surname_only": self._total(lambda a: a.statements.surname_only).prf(),
            "statement_kind_accuracy": ratio(kind_ok, matched),
            "strikes": self._total(lambda a: a.strikes.events).prf(),
            "strike_argument_accuracy": ratio(args_ok, args_n),
        }

    def detail(self) -> dict[str, dict[str, list[Any]]]:
        return {a.name: a.detail() for a in self.articles}

    def to_json_dict(self) -> dict[str, Any]:
        """The shape `score.py --json` prints: `{"summary": {...}, "detail": {...}}`."""
        return {"summary": self.summary(), "detail": self.detail()}


def score_corpus(items: Iterable[tuple[str, Record, Record]]) -> CorpusScore:
    """Score (name, prediction, gold) triples, in the order given."""
    return CorpusScore([score_article(name, pred, gold) for name, pred, gold in items])


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def gold_files(gold_dir: Path) -> list[Path]:
    """The gold files in score.py's order (sorted by path)."""
    return sorted(gold_dir.glob("*.json"))


def score_dirs(gold_dir: Path, pred_dir: Path) -> CorpusScore:
    """Score a prediction directory against a gold directory, as `score.py GOLD_DIR PRED_DIR` does.

    A missing prediction file counts as an empty prediction.
    """

    def prediction(gold_path: Path) -> Record:
        path = pred_dir / gold_path.name
        return load_json(path) if path.exists() else {}

    return score_corpus((g.stem, prediction(g), load_json(g)) for g in gold_files(gold_dir))


def summary_lines(score: CorpusScore) -> list[str]:
    """The summary as score.py prints it: `statements_span: {'p': ...}`, one figure a line."""
    return [f"{key}: {value}" for key, value in score.summary().items()]


def render_score_py_text(score: CorpusScore) -> str:
    """Exactly score.py's plain-text output (one JSON detail line per article, then the summary)."""
    lines = [f"{name} {json.dumps(detail, ensure_ascii=False)}" for name, detail in score.detail().items()]
    return "\n".join([*lines, *summary_lines(score)]) + "\n"
