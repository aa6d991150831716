#!/usr/bin/env python3
"""CI: checks the exercises' grade report (exercises/target/grade-report.json) after `mvn test`.

  check-grade.py zero            every exercise scored 0 and says "not implemented" (the shipped stubs)
  check-grade.py full            every point earned (the solutions copied into exercises/)
  check-grade.py lost ID[,ID..]  exactly those exercises lost all their points, every other one is full
"""
import json
import sys

report = json.load(open("exercises/target/grade-report.json", encoding="utf-8"))
mode = sys.argv[1]
score, top = report["score"], report["max_score"]
print(f"grade report: {score:g} / {top:g} points ({report['percent']}%), reason: {report['reason']}")
problems = []
if mode == "zero":
    if score != 0:
        problems.append(f"the shipped stubs scored {score:g}, not 0")
    for e in report["exercises"]:
        for t in e["tests"]:
            if not t["message"].startswith("not implemented"):
                problems.append(f"{t['test']}: {t['message'][:120]}")
elif mode == "full":
    if score != top:
        problems += [f"{e['id']}: {e['score']:g}/{e['max_score']:g} {e['status']}" for e in report["exercises"] if e["score"] != e["max_score"]]
elif mode == "lost":
    lost = set(sys.argv[2].split(","))
    for e in report["exercises"]:
        want = 0 if e["id"] in lost else e["max_score"]
        if e["score"] != want:
            problems.append(f"{e['id']}: expected {want:g}, got {e['score']:g} ({e['status']})")
    if not 0 < score < top:
        problems.append(f"a partial score was expected, got {score:g}/{top:g}")
else:
    sys.exit(f"unknown mode {mode}")
if problems:
    print("\n".join(problems))
    sys.exit(1)
