#!/usr/bin/env python3
"""Train the quotes speaker chooser (make quotes-model).

The library's rules propose candidate speakers for each quotation (the rules'
answer, none, the clause subject, the previous speaker, the attribution of the
sentence before); tools/quotes_dump prints them with their hashed features.
The model decides only where the rules found no cue of the quotation's own.
An averaged perceptron learns to pick the candidate that overlaps the gold
speaker of PolNeAR train (none where the quotation is not a gold quote or the
gold speaker is among no candidate). The number of epochs is chosen by
cross-validation inside the train file (document i in inner fold i % 5: train
on four, score each epoch's averaged weights on the fifth, sum over the five);
dev, when given, is only scored once at the end, as a check. Deterministic:
documents in file order, no shuffling. Writes the weights as a C table
(ext/quotes/quotes_weights_data.c)."""
import argparse
import itertools
import json
import subprocess

WEIGHT_BITS = 13
SCALE = 64  # weights are stored as int16: averaged weight * SCALE, rounded
INNER_FOLDS = 5


def load(path):
    with open(path, encoding='utf-8') as fh:
        return [json.loads(line) for line in fh if line.strip()]


def byte_offsets(text):
    """Code point offset -> byte offset."""
    return [0] + list(itertools.accumulate(len(ch.encode('utf-8')) for ch in text))


def run_dump(tool, docs):
    payload = bytearray()
    for d in docs:
        b = d['text'].encode('utf-8')
        payload += str(len(b)).encode() + b'\n' + b
    out = subprocess.run([tool], input=bytes(payload), stdout=subprocess.PIPE, check=True).stdout.decode()
    quotes = []  # (doc, start, end, [(kind, s, e, feats)])
    stamp = None
    for line in out.splitlines():
        f = line.split()
        if f[0] == 'H':
            stamp = f[1]
        elif f[0] == 'Q':
            quotes.append((int(f[1]), int(f[2]), int(f[3]), [], f[4] == '1'))
        else:
            quotes[-1][3].append((int(f[1]), int(f[2]), int(f[3]), [int(x) for x in f[4:]]))
    return quotes, stamp


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def examples(docs, quotes):
    """Per quotation: candidates, the indexes that are right, whether a gold speaker
    exists, whether the model chooses, its document; and per document the number
    of gold quotes with a speaker."""
    golds = []
    for d in docs:
        off = byte_offsets(d['text'])
        golds.append([(off[q['start']], off[q['end']],
                       (off[q['speaker']['start']], off[q['speaker']['end']]) if q.get('speaker') else None)
                      for q in d['quotes']])
    out = []
    for doc, s, e, cands, learned in quotes:
        match = [g for g in golds[doc] if 2 * overlap(s, e, g[0], g[1]) >= g[1] - g[0]]
        spk = match[0][2] if match else None
        right = [i for i, c in enumerate(cands)
                 if (spk and c[1] >= 0 and overlap(c[1], c[2], spk[0], spk[1]) > 0)]
        if not right:
            right = [i for i, c in enumerate(cands) if c[1] < 0]
        out.append((cands, right, spk is not None, learned, doc))
    return out, [sum(1 for q in g if q[2]) for g in golds]


def score(w, feats):
    return sum(w[f] for f in feats)


def choose(w, cands):
    best, best_s = 0, None
    for i, c in enumerate(cands):
        s = score(w, c[3])
        if best_s is None or s > best_s:
            best, best_s = i, s
    return best


def counts(w, exs):
    """Attributed true positives and predictions with a speaker (the score.py proxy)."""
    tp = pred = 0
    for cands, right, has_spk, learned, _ in exs:
        i = choose(w, cands) if learned else 0
        if cands[i][1] >= 0:
            pred += 1
            if has_spk and i in right:
                tp += 1
    return tp, pred


def prf(tp, pred, n_gold_spk):
    p = tp / pred if pred else 0.0
    r = tp / n_gold_spk if n_gold_spk else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def train(exs, epochs):
    """Averaged perceptron; yields the averaged weights after each epoch."""
    size = 1 << WEIGHT_BITS
    w = [0.0] * size
    total = [0.0] * size  # sum of w over all steps, for averaging
    stamp = [0] * size
    step = 0
    for _ in range(epochs):
        for cands, right, _, learned, _ in exs:
            if not learned:
                continue
            step += 1
            i = choose(w, cands)
            if i in right:
                continue
            gold = max(right, key=lambda j: score(w, cands[j][3]))
            for f, delta in [(f, 1.0) for f in cands[gold][3]] + [(f, -1.0) for f in cands[i][3]]:
                total[f] += w[f] * (step - stamp[f])
                stamp[f] = step
                w[f] += delta
        yield [(total[i] + w[i] * (step - stamp[i])) / max(step, 1) for i in range(size)]


def choose_epochs(exs, n_gold, max_epochs):
    """The epoch count with the best attributed F1 summed over the inner folds (the fewest on ties)."""
    tp, pred = [0] * max_epochs, [0] * max_epochs
    for k in range(INNER_FOLDS):
        held = [x for x in exs if x[4] % INNER_FOLDS == k]
        rest = [x for x in exs if x[4] % INNER_FOLDS != k]
        for e, w in enumerate(train(rest, max_epochs)):
            t, p = counts(w, held)
            tp[e] += t
            pred[e] += p
    gold = sum(n_gold)
    best = None
    for e in range(max_epochs):
        f1, p, r = prf(tp[e], pred[e], gold)
        print(f'epoch {e + 1}: {INNER_FOLDS}-fold train attributed P {p:.3f} R {r:.3f} F1 {f1:.3f}')
        if best is None or f1 > best[0]:
            best = (f1, e + 1)
    return best


def write_weights(path, w, epoch, f1, stamp):
    vals = [max(-32767, min(32767, int(round(x * SCALE)))) for x in w]
    with open(path, 'w') as fh:
        fh.write('/* Weights of the speaker chooser, generated by tools/quotes_train.py (make quotes-model)\n'
                 f'** from PolNeAR train; {epoch} epochs chosen by {INNER_FOLDS}-fold cross-validation on train\n'
                 f'** (proxy attributed F1 {f1:.3f}). Do not edit. */\n')
        fh.write('#include "quotes_chooser.h"\n\n')
        fh.write('/* The data the features came from (data/core, data/ner, data/quotes): see data/quotes/README.md. */\n')
        fh.write(f'const char qx_weights_stamp[] = "{stamp}";\n\n')
        fh.write('const int16_t qx_weights[1 << QX_WEIGHT_BITS] = {\n')
        for k in range(0, len(vals), 16):
            fh.write('  ' + ', '.join(str(v) for v in vals[k:k + 16]) + ',\n')
        fh.write('};\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dump', required=True)
    ap.add_argument('--train', required=True)
    ap.add_argument('--dev', help='scored once at the end, as a check; never used to choose')
    ap.add_argument('--out', required=True)
    ap.add_argument('--epochs', type=int, default=8, help='the most epochs cross-validation tries')
    a = ap.parse_args()
    tr_docs = load(a.train)
    tr_quotes, stamp = run_dump(a.dump, tr_docs)
    tr_exs, tr_gold = examples(tr_docs, tr_quotes)
    f1, epoch = choose_epochs(tr_exs, tr_gold, a.epochs)
    w = list(train(tr_exs, epoch))[-1]
    write_weights(a.out, w, epoch, f1, stamp)
    print(f'wrote {a.out} ({epoch} epochs, {INNER_FOLDS}-fold train F1 {f1:.3f})')
    if a.dev:
        dv_docs = load(a.dev)
        dv_exs, dv_gold = examples(dv_docs, run_dump(a.dump, dv_docs)[0])
        for name, wts in (('rules alone', [0.0] * len(w)), ('rules and model', w)):
            f1, p, r = prf(*counts(wts, dv_exs), sum(dv_gold))
            print(f'{name}: dev attributed P {p:.3f} R {r:.3f} F1 {f1:.3f} (a check, not a choice)')


if __name__ == '__main__':
    main()
