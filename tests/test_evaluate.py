"""The TempEval-3 scorer: its arithmetic on a written example, and a real run on TBAQ when present."""

from __future__ import annotations

import pytest
from conftest import TBAQ

from timeline.evaluate import Scores, evaluate, read_timeml, value_difference

SAMPLE = """<?xml version="1.0" ?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Shares fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after a
<TIMEX3 tid="t2" type="DURATION" value="P5Y">five year</TIMEX3> low &amp; a rally in
<TIMEX3 tid="t3" type="DATE" value="1997">1997</TIMEX3>.</TEXT>
</TimeML>"""


def test_reads_timeml_offsets(tmp_path):
    path = tmp_path / "s.tml"
    path.write_text(SAMPLE, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.dct == "1998-01-08"
    assert [(g.text, g.value) for g in doc.gold] == [("yesterday", "1998-01-07"), ("five year", "P5Y"), ("1997", "1997")]
    assert all(doc.text[g.start:g.end] == g.text for g in doc.gold)
    assert "& a rally" in doc.text


def test_scores_sample(tmp_path):
    (tmp_path / "s.tml").write_text(SAMPLE, encoding="utf-8")
    scores, _, _ = evaluate([str(tmp_path)])
    assert (scores.gold, scores.system, scores.strict, scores.value) == (3, 3, 3, 3)


@pytest.mark.parametrize(("gold", "system", "kind"), [
    ("1989-WXX", "1989-W43", "gold leaves unspecified what the text and DCT give"),
    ("1949-XX", "1949", "gold leaves unspecified what the text and DCT give"),
    ("2000-01-05", "2000-01-05TNI", "part of day only"),
    ("1998-08-07", "1998-08-14", "other"),
    ("1988-XX", "1989", "other"),
])
def test_value_difference_kinds(gold, system, kind):
    assert value_difference(gold, system) == kind


def test_f1_arithmetic():
    assert Scores.f1(8, 10, 16) == pytest.approx((0.8, 0.5, 2 * 0.4 / 1.3))


@pytest.mark.skipif(not TBAQ.exists(), reason="TBAQ corpus not beside the checkout")
def test_tbaq_floors():
    """The development-corpus figures stay at the floors (strict, relaxed, type) and at the value reached so far."""
    scores, _, _ = evaluate([str(TBAQ / "TimeBank"), str(TBAQ / "AQUAINT")])
    f1 = {name: Scores.f1(getattr(scores, name), scores.system, scores.gold)[2]
          for name in ("strict", "relaxed", "value", "type")}
    assert f1["strict"] >= 0.85 and f1["relaxed"] >= 0.92 and f1["type"] >= 0.88, f1
    assert f1["value"] >= 0.80, f1
