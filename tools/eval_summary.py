"""One summary line per gold set from score.py --json outputs (make eval)."""
import json
import sys


def pct(x):
    return f"{100 * x:.1f}"


for path in sys.argv[1:]:
    name = path.rsplit("/", 1)[-1].removesuffix(".score.json")
    try:
        s = json.load(open(path))
    except (OSError, ValueError):
        print(f"{name}: no score")
        continue
    task = s.get("task")
    if task == "ner":
        a = s.get("overall", {})
        print(f"{name}: F1 {pct(a.get('f1', 0))} (P {pct(a.get('p', 0))} R {pct(a.get('r', 0))})")
    elif task == "quotes":
        att = s.get("attributed", {})
        print(f"{name}: quote recall {pct(s.get('quote_recall', 0))}, attributed F1 {pct(att.get('f1', 0))}, "
              f"speaker accuracy {pct(s.get('speaker_acc', 0))}, speaker name all {pct(s.get('speaker_name_all', 0))}")
    elif task == "identity":
        parts = [f"{kind} B-cubed F1 {pct(v['f1'])} (P {pct(v['p'])} R {pct(v['r'])})"
                 for kind in ("entities", "speakers") if (v := s.get(kind))]
        print(f"{name}: " + ", ".join(parts))
    elif task == "dates":
        print(f"{name}: strict F1 {pct(s['strict']['f1'])}, value F1 {pct(s['value']['f1'])}, "
              f"relaxed F1 {pct(s['relaxed']['f1'])}")
    elif task == "outlets" and "pages" in s:
        print(f"outlets-{s['set']}: key = registered domain of the gold url on {s['right']}/{s['pages']} pages "
              f"({pct(s['right'] / max(s['pages'], 1))} %)")
    elif task == "outlets":
        print(f"outlets-{s['set']}: files with an outlet {s['with_outlet']}/{s['files']}, "
              f"prefixes whose files share one key {s['one_key']}/{s['prefixes']}")
    elif "fields" in s:
        parts = [f"{k} {v['right']}/{v['scored']}" for k, v in s["fields"].items()]
        if "body" in s:
            parts.append(f"body F1 {pct(s['body']['f1'])} (P {pct(s['body']['p'])} R {pct(s['body']['r'])})")
        if "boilerplate_removed" in s:
            parts.append(f"boilerplate removed {pct(s['boilerplate_removed'])}")
        if "body_starts_right" in s:
            parts.append(f"body starts right {pct(s['body_starts_right'])}")
        print(f"{name}: " + ", ".join(parts))
    else:
        keys = {k: v for k, v in s.items() if k not in ("task", "gold_file", "pred_file", "warnings")}
        print(f"{name}: " + json.dumps(keys, separators=(",", ":"))[:400])
