"""scoring.py against hand-computed figures, and against the reference shared/eval/score.py itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from evaluation.scoring import (
    overlap,
    person_key,
    prf,
    render_score_py_text,
    score_corpus,
    score_dirs,
    score_statements,
    score_strikes,
    speaker_ok,
    speaker_ok_surname,
    strike_argument_checks,
)

SHARED = Path(__file__).parents[2].parent / "shared"
SCORE_PY = SHARED / "eval" / "score.py"
CORPUS_GOLD = SHARED / "corpus" / "gold"


def statement(speaker: str | None, quote: str, kind: str = "direct", **extra: Any) -> dict[str, Any]:
    return {"speaker": speaker, "speaker_aliases": [], "speaker_title": None, "anonymous": False,
            "kind": kind, "quote": quote, "cue": "said", **extra}  # fmt: skip


def strike(actor: str, kind: str, day: str | None, **extra: Any) -> dict[str, Any]:
    return {"actor": actor, "kind": kind, "date": day, "location": {"country": None, "region": None}, **extra}


GOLD_STATEMENTS = [
    statement("Peter Cook", "cordial and professional", speaker_title="Pentagon Press Secretary"),
    statement("Steve Warren", "the strikes did not hit Islamic State targets", "indirect",
              speaker_aliases=["Col. Steve Warren"]),
    statement(None, "a small number of fighters were killed", "indirect", anonymous=True,
              speaker_title="senior defense official"),
    statement("Ash Carter", "we will seek an explanation from Russia"),
]  # fmt: skip

PRED_STATEMENTS = [
    # Matched (overlap 1.0: all gold tokens inside), surname only, kind right.
    statement("Cook", "the talks were cordial and professional"),
    # Matched, speaker by alias, kind wrong.
    statement("Col. Steve Warren", "The strikes did not hit Islamic State targets, Warren said"),
    # Matched, anonymous source attributed right, kind right.
    statement(None, "a small number of fighters were killed in the strikes", "indirect", anonymous=True),
    # Overlap with Carter's quote is 2/4 = 0.5 < 0.6: no match.
    statement("Carter", "an explanation is needed"),
    statement("official", "the Pentagon said nothing"),
]

GOLD_STRIKES = [
    strike("Russia", "airstrike", "2016-06-16", actor_aliases=["Russian Federation"],
           location={"country": "Syria", "region": "southern Syria"}, targets=["U.S.-backed rebels"],
           casualties={"killed": "a small number"}),
    strike("US-led coalition", "airstrike", None, location={"country": "Syria", "region": None}),
    strike("Israel", "airstrike", "2024-08", location={"country": "Palestine, State of", "region": None},
           targets=["school"], casualties={"killed": "7"}),
]  # fmt: skip

RUSSIA = strike("russia", "air strikes", "2016-06-16",
                location={"country": "Syria", "region": "in southern Syria near Tanf"},
                targets=["rebels backed by the U.S."], casualties={"killed": "some"})  # fmt: skip
PRED_STRIKES = [
    RUSSIA,  # fits gold 0; all four arguments right
    RUSSIA,  # the same event again: a false positive
    # Fits gold 1 (which has no date); gives no country.
    strike("US-led coalition", "bombing", "2015-10-01", location={}),
    strike("Israel", "airstrike", "2024-07-30"),  # wrong month: a false positive
]


# ---------------------------------------------------------------- pieces


def test_overlap_is_shared_tokens_over_the_shorter_text() -> None:
    assert overlap("cordial and professional", "the talks were cordial and professional") == 1.0
    assert overlap("an explanation is needed", "we will seek an explanation from Russia") == 0.5
    assert overlap("Russia’s strikes", "russia's STRIKES") == 1.0  # curly quote and case folded
    assert overlap("", "anything") == 0.0


def test_person_key_drops_titles() -> None:
    assert person_key("Pentagon Press Secretary Peter Cook") == "pentagon peter cook"
    assert person_key("Col. Steve Warren") == "steve warren"
    assert person_key(None) == ""


def test_speaker_rules() -> None:
    gold = GOLD_STATEMENTS[0]
    assert not speaker_ok({"speaker": "Cook"}, gold)
    assert speaker_ok_surname({"speaker": "Cook"}, gold)
    assert speaker_ok({"speaker": "Mr. Peter Cook"}, gold)
    # Nothing is left of "Mr." without its title, and an empty name must not equal an empty one.
    secretary = statement("Ash Carter", "q", speaker_title="Defense Secretary")
    assert not speaker_ok_surname({"speaker": "Mr."}, secretary)
    anonymous = GOLD_STATEMENTS[2]
    assert speaker_ok({"speaker": None}, anonymous)
    assert speaker_ok({"speaker": "a U.S. official", "anonymous": True}, anonymous)
    assert not speaker_ok({"speaker": "a U.S. official"}, anonymous)
    # The head of the description is enough in the lenient figure ("defense" is a title word).
    assert speaker_ok_surname({"speaker": "a U.S. official"}, anonymous)


def test_prf_rounds_f1_from_unrounded_p_and_r() -> None:
    assert prf(2, 4, 3) == {"p": 0.5, "r": 0.667, "f1": 0.571, "tp": 2, "pred": 4, "gold": 3}
    assert prf(0, 0, 5) == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 5}


# ---------------------------------------------------------------- statements


def test_statements() -> None:
    s = score_statements(PRED_STATEMENTS, GOLD_STATEMENTS)
    assert (s.span.tp, s.span.pred, s.span.gold) == (3, 5, 4)
    assert s.attributed.tp == 2
    assert s.surname_only.tp == 3
    assert (s.kind_ok, s.matched) == (2, 3)
    assert s.misses == ["we will seek an explanation from Russia"]
    assert s.wrong_speakers == [("Cook", "Peter Cook")]


def test_statement_ties_go_to_the_later_gold_statement() -> None:
    # score.py sorts (overlap, i, j) in reverse, so an exact tie matches the higher gold index.
    gold = [statement("Alice Smith", "yes we can"), statement("Bob Jones", "yes we can")]
    s = score_statements([statement("Alice Smith", "yes we can")], gold)
    assert s.attributed.tp == 0
    assert s.wrong_speakers == [("Alice Smith", "Bob Jones")]


def test_misses_are_cut_to_70_characters_and_anonymous_wrong_speaker_shows_the_title() -> None:
    long = "word " * 30
    gold = [statement("A B", long), statement(None, "they left", anonymous=True, speaker_title="an aide")]
    s = score_statements([statement("Someone", "they left")], gold)
    assert s.misses == [long[:70]]
    assert s.wrong_speakers == [("Someone", "an aide")]


# ---------------------------------------------------------------- strikes


def test_strikes() -> None:
    k = score_strikes(PRED_STRIKES, GOLD_STRIKES)
    assert (k.events.tp, k.events.pred, k.events.gold) == (2, 4, 3)
    assert (k.args_ok, k.args_n) == (5, 6)
    assert k.misses == ["Israel airstrike 2024-08"]


def test_strike_argument_checks() -> None:
    gold = GOLD_STRIKES[2]
    palestine = strike("Israel", "airstrike", "2024-08-20", location={"country": "Palestine"},
                       targets=["a school in Gaza City"])  # fmt: skip
    # country contained in "Palestine, State of"; target overlaps; no casualties where gold has some
    assert strike_argument_checks(palestine, gold) == [True, True, False]
    # A gold strike without a country wants none predicted.
    no_country = strike("X", "missile", None, location={"country": None})
    assert strike_argument_checks(strike("X", "missile", None, location={}), no_country) == [True, True]
    iraq = strike("X", "missile", None, location={"country": "Iraq"})
    assert strike_argument_checks(iraq, no_country) == [False, True]


# ---------------------------------------------------------------- corpus


HAND_GOLD = {
    "a": {"statements": GOLD_STATEMENTS, "strikes": GOLD_STRIKES},
    "b": {
        "statements": [statement("Jane Doe", "nothing was hit")],
        "strikes": [strike("Iran", "missile", None)],
    },
}
HAND_PRED = {"a": {"statements": PRED_STATEMENTS, "strikes": PRED_STRIKES}}  # "b" has no prediction


def test_corpus_summary_is_micro_averaged() -> None:
    score = score_corpus((name, HAND_PRED.get(name, {}), gold) for name, gold in HAND_GOLD.items())
    assert score.summary() == {
        "statements_span": {"p": 0.6, "r": 0.6, "f1": 0.6, "tp": 3, "pred": 5, "gold": 5},
        "statements_attributed": {"p": 0.4, "r": 0.4, "f1": 0.4, "tp": 2, "pred": 5, "gold": 5},
        "statements_attributed_surname_only": {"p": 0.6, "r": 0.6, "f1": 0.6, "tp": 3, "pred": 5, "gold": 5},
        "statement_kind_accuracy": 0.667,
        "strikes": {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 2, "pred": 4, "gold": 4},
        "strike_argument_accuracy": 0.833,
    }
    assert score.detail()["b"] == {
        "statement_misses": ["nothing was hit"],
        "wrong_speaker": [],
        "strike_misses": ["Iran missile None"],
    }


def write_dir(path: Path, files: dict[str, Any]) -> Path:
    path.mkdir(parents=True)
    for name, content in files.items():
        (path / f"{name}.json").write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


# ---------------------------------------------------------------- against score.py


def perturbed(gold: dict[str, Any], seed: int) -> dict[str, Any]:
    """A plausible, imperfect prediction made from a gold file, deterministic in `seed`.

    Drops, truncates and re-attributes statements, flips kinds, duplicates and misdates
    strikes, so that every branch of the metric is taken on real labels.
    """
    statements = []
    for n, g in enumerate(gold["statements"]):
        k = n + seed
        if k % 5 == 0:
            continue  # a miss
        words = g["quote"].split()
        quote = " ".join(words[: max(1, len(words) * (2 + k % 3) // 4)])  # half to all of the quote
        speaker = g["speaker"]
        if speaker and k % 3 == 0:
            speaker = speaker.split()[-1]  # surname only
        elif k % 7 == 0:
            speaker = "Someone Else"
        kind = g["kind"] if k % 4 else ("direct" if g["kind"] == "indirect" else "indirect")
        statements.append({"speaker": speaker, "anonymous": g["anonymous"] and k % 2 == 0, "kind": kind,
                           "quote": quote})  # fmt: skip
    statements.append({"speaker": "Nobody", "kind": "direct", "quote": "entirely made up words here"})
    strikes = []
    for n, g in enumerate(gold["strikes"]):
        k = n + seed
        p = {**g, "location": dict(g["location"])}
        if k % 3 == 1:
            p["date"] = "1999-01-01"  # a miss and a false positive
        if k % 2:
            p["location"]["country"] = None
            p["targets"] = ["somewhere else"]
            p["casualties"] = None
        strikes.append(p)
        if k % 4 == 0:
            strikes.append(p)  # reported twice
    return {"statements": statements, "strikes": strikes}


def run_score_py(gold_dir: Path, pred_dir: Path, *args: str) -> str:
    cmd = [sys.executable, str(SCORE_PY), str(gold_dir), str(pred_dir), *args]
    return subprocess.run(cmd, check=True, capture_output=True, text=True, encoding="utf-8").stdout


needs_shared = pytest.mark.skipif(not SCORE_PY.exists(), reason="no ../shared/eval/score.py beside the repo")


@needs_shared
def test_same_figures_as_score_py_on_hand_made_files(tmp_path: Path) -> None:
    gold_dir = write_dir(tmp_path / "gold", HAND_GOLD)
    pred_dir = write_dir(tmp_path / "pred", HAND_PRED)
    ours = score_dirs(gold_dir, pred_dir)
    assert json.loads(run_score_py(gold_dir, pred_dir, "--json")) == ours.to_json_dict()
    assert run_score_py(gold_dir, pred_dir) == render_score_py_text(ours)


@needs_shared
@pytest.mark.skipif(not CORPUS_GOLD.exists(), reason="../shared/corpus is not beside the repo")
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_same_figures_as_score_py_on_the_corpus_labels(tmp_path: Path, seed: int) -> None:
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS_GOLD.glob("*.json"))}
    # Leave one article without a prediction file: score.py counts it as empty.
    preds = {name: perturbed(gold, seed) for n, (name, gold) in enumerate(golds.items()) if n != seed}
    pred_dir = write_dir(tmp_path / "pred", preds)
    ours = score_dirs(CORPUS_GOLD, pred_dir)
    reference = json.loads(run_score_py(CORPUS_GOLD, pred_dir, "--json"))
    assert reference["summary"] == ours.summary()
    assert reference == ours.to_json_dict()
    assert run_score_py(CORPUS_GOLD, pred_dir) == render_score_py_text(ours)
    # Not a vacuous comparison: the perturbations leave partial scores.
    assert 0 < ours.summary()["statements_span"]["f1"] < 1
    assert 0 < ours.summary()["strikes"]["f1"] < 1
