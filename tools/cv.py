"""make cv: deterministic k-fold cross-validation over the bench TRAIN splits.

Document i of a train file belongs to fold i % 5. For each fold the model is
retrained on the other folds with the project's own trainer, a library is
linked into build/cv/TASK/fold-K/news.so with that fold's model in place of the
committed one, and the held-out fold is tagged (bench predict.sh) and scored
(bench score.py). Nothing in the source tree changes: the fold library is the
release objects with one object swapped:
  ner:    ext/entities/ner_blob.c assembled in the fold's directory, so its
          .incbin "data/ner/model.bin" reads the fold's model;
  quotes: the fold's generated quotes_weights_data.c for the committed one.
  dates:  nothing (the date rules do not train): dist/news.so itself, so the
          folds only report how the figures spread over TimeBank's documents.
Fold files (copies of bench documents) live only under build/cv/.

  cv.py run [--folds 0,1,2,3,4] [--tasks ner,quotes]
  cv.py errors TASK FOLD     (gold vs predicted of one held-out fold)
Build settings come from mk/cv.mk through the environment (CV_*).
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import time

NFOLDS = 5
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
OUT = os.path.join(ROOT, 'build', 'cv')
GOLD = {'ner': 'ner/conll2003-train.jsonl', 'quotes': 'quotes/polnear-train.jsonl', 'dates': 'dates/timebank.jsonl'}
DEV_SCORE = {'ner': 'build/eval/ner-conll-dev.score.json', 'quotes': 'build/eval/quotes-polnear-dev.score.json',
             'dates': 'build/eval/dates-timebank.score.json'}
# The object each task replaces in the release library.
SWAP = {'ner': 'build/rel/ext/entities/ner_blob.o', 'quotes': 'build/rel/ext/quotes/quotes_weights_data.o'}


def env(name):
    v = os.environ.get(name)
    if v is None:
        sys.exit(f'cv: {name} is not set (run through make cv)')
    return v


def bench():
    return os.path.abspath(os.environ.get('BENCH', os.path.join(ROOT, '..', 'shared', 'bench')))


def sh(cmd, cwd=ROOT, log=None, stdout=None):
    """Runs a command; on failure shows its log and stops."""
    with open(log, 'w') if log else open(os.devnull, 'w') as err:
        r = subprocess.run(cmd, cwd=cwd, stdout=stdout or err, stderr=err)
    if r.returncode:
        tail = open(log).read()[-2000:] if log else ''
        sys.exit(f'cv: failed ({r.returncode}): {" ".join(cmd)}\n{tail}')


def fold_dir(task, k):
    return os.path.join(OUT, task, f'fold-{k}')


def split(task, k):
    """Writes the fold's train (other folds) and test (this fold) files."""
    d = fold_dir(task, k)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(bench(), GOLD[task])) as f:
        docs = [line for line in f if line.strip()]
    with open(os.path.join(d, 'train.jsonl'), 'w') as tr, open(os.path.join(d, 'test.jsonl'), 'w') as te:
        for i, line in enumerate(docs):
            (te if i % NFOLDS == k else tr).write(line)
    return d


def abs_flags(flags):
    """Compiler flags with relative -I made absolute (the blob compiles in the fold's directory)."""
    out = []
    for f in shlex.split(flags):
        if f.startswith('-I') and not os.path.isabs(f[2:]):
            f = '-I' + os.path.join(ROOT, f[2:])
        out.append(f)
    return out


def train(task, d):
    if task == 'dates':  # no model: the fold library is the release library
        lib = os.path.join(d, 'news.so')
        if os.path.lexists(lib):
            os.remove(lib)
        os.symlink(os.path.join(ROOT, 'dist', 'news.so'), lib)
        return
    cc = shlex.split(env('CV_CC')) + abs_flags(env('CV_CFLAGS'))
    obj = os.path.join(d, 'model.o')
    if task == 'ner':
        model = os.path.join(d, 'data', 'ner', 'model.bin')
        os.makedirs(os.path.dirname(model), exist_ok=True)
        sh([os.path.join(ROOT, 'build/rel/tools/ner_train'), os.path.join(d, 'train.jsonl')]
           + shlex.split(env('CV_NER_ARGS')) + ['-o', model], log=os.path.join(d, 'train.log'))
        sh(cc + ['-Iext/entities', '-c', os.path.join(ROOT, 'ext/entities/ner_blob.c'), '-o', obj], cwd=d)
    else:
        weights = os.path.join(d, 'quotes_weights_data.c')
        sh([sys.executable, 'tools/quotes_train.py', '--dump', 'build/rel/tools/quotes_dump',
            '--train', os.path.join(d, 'train.jsonl'), '--dev', os.path.join(bench(), 'quotes/polnear-dev.jsonl'),
            '--out', weights], log=os.path.join(d, 'train.log'))
        sh(cc + ['-I' + os.path.join(ROOT, 'ext/quotes'), '-c', weights, '-o', obj])
    objs = [o if o != SWAP[task] else obj for o in shlex.split(env('CV_OBJ'))]
    if obj not in objs:
        sys.exit(f'cv: {SWAP[task]} is not among the library objects')
    lib = os.path.join(d, 'news.so')
    sh(shlex.split(env('CV_CC')) + ['-shared', '-o', lib] + objs + shlex.split(env('CV_LIBS')))
    # Guard against scoring the committed model by mistake: the fold's model must be in the library.
    if task == 'ner' and open(model, 'rb').read() not in open(lib, 'rb').read():
        sys.exit(f'cv: {lib} does not embed {model}')


def predict_and_score(task, d):
    test, pred = os.path.join(d, 'test.jsonl'), os.path.join(d, 'pred.jsonl')
    with open(pred, 'w') as out:
        sh(['sh', os.path.join(bench(), 'predict.sh'), task, test, os.path.join(d, 'news')], stdout=out,
           log=os.path.join(d, 'predict.err'))
    with open(os.path.join(d, 'score.json'), 'w') as out:
        sh([sys.executable, os.path.join(bench(), 'score.py'), task, test, pred, '--json'], stdout=out)
    return json.load(open(os.path.join(d, 'score.json')))


def figures(task, s):
    """The figures of one score.py --json result, as (name, value) in percent."""
    if task == 'ner':
        a = s.get('overall', {})
        return [('F1', a.get('f1', 0)), ('P', a.get('p', 0)), ('R', a.get('r', 0))]
    if task == 'dates':
        return [('value F1', s.get('value', {}).get('f1', 0)), ('strict F1', s.get('strict', {}).get('f1', 0)),
                ('relaxed F1', s.get('relaxed', {}).get('f1', 0))]
    att = s.get('attributed', {})
    return [('attributed F1', att.get('f1', 0)), ('speaker accuracy', s.get('speaker_acc', 0)),
            ('speaker name all', s.get('speaker_name_all', 0)), ('quote recall', s.get('quote_recall', 0))]


def pct(v):
    # score.py gives None where the gold lacks the field (PolNeAR train has no speaker_canonical).
    return 'n/a' if v is None else f'{100 * v:.1f}'


def fmt(figs):
    return ', '.join(f'{n} {pct(v)}' for n, v in figs)


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


# build/cv.json: the fold means as fractions, under the names issue 14 gives
# (ner_f1, quotes_attributed_f1), plus each task's other figures and folds.
JSON_NAMES = {'ner': ['ner_f1', 'ner_precision', 'ner_recall'],
              'quotes': ['quotes_attributed_f1', 'quotes_speaker_accuracy', 'quotes_speaker_name_all'],
              'dates': ['dates_value_f1', 'dates_strict_f1']}


def write_json(results):
    path = os.path.join(ROOT, 'build', 'cv.json')
    old = {}
    if os.path.exists(path):  # a run over some tasks keeps the others' figures
        with open(path) as f:
            old = json.load(f)
    old.update(results)
    with open(path, 'w') as f:
        json.dump(old, f, indent=1, sort_keys=True)
    print(f'wrote {os.path.relpath(path, ROOT)}')


def run(tasks, folds):
    summary = []
    results = {}
    for task in tasks:
        per = []
        for k in folds:
            t0 = time.time()
            d = split(task, k)
            train(task, d)
            figs = figures(task, predict_and_score(task, d))
            per.append(figs)
            print(f'cv {task} fold {k}: {fmt(figs)} ({time.time() - t0:.0f} s)', flush=True)
        names = [n for n, _ in per[0]]
        means = [(n, mean(f[i][1] for f in per)) for i, n in enumerate(names)]
        print(f'cv {task} mean over folds {",".join(map(str, folds))}: {fmt(means)}')
        dev = os.path.join(ROOT, DEV_SCORE[task])
        print(f'   {task} dev (make eval): ' + (fmt(figures(task, json.load(open(dev)))) if os.path.exists(dev)
                                                 else 'no build/eval score (run make eval)'))
        folds_of = lambda i: ' '.join(pct(f[i][1]) for f in per)
        for i, name in enumerate(JSON_NAMES[task][:len(means)]):
            results[name] = None if means[i][1] is None else round(means[i][1], 4)
            results[name + '_folds'] = [None if f[i][1] is None else round(f[i][1], 4) for f in per]
        if task == 'ner':
            summary.append(f'cv entities: F1 mean {pct(means[0][1])} (folds {folds_of(0)}), '
                           f'P {pct(means[1][1])}, R {pct(means[2][1])}')
        elif task == 'dates':
            summary.append(f'cv dates: value F1 mean {pct(means[0][1])} (folds {folds_of(0)}), '
                           f'strict F1 mean {pct(means[1][1])} (folds {folds_of(1)}) [no training: per-fold spread]')
        else:
            summary.append(f'cv quotes: attributed F1 mean {pct(means[0][1])} (folds {folds_of(0)}), '
                           f'speaker accuracy mean {pct(means[1][1])}, '
                           f'speaker name all mean {pct(means[2][1])} (folds {folds_of(2)})'
                           + (' [train gold has no speaker_canonical]' if means[2][1] is None else ''))
    print('\n== cv summary')
    print('\n'.join(summary))
    write_json(results)


def spans(doc, key):
    return {(x['start'], x['end']): x for x in doc.get(key, [])}


def errors(task, k):
    """Writes build/cv/TASK/fold-K/errors.txt: each document's gold vs predicted differences."""
    d = fold_dir(task, k)
    pred_path = os.path.join(d, 'pred.jsonl')
    if not os.path.exists(pred_path):
        sys.exit(f'cv: no predictions for {task} fold {k}: run make cv CV_TASKS={task} CV_FOLDS={k} first')
    preds = {}
    for line in open(pred_path):
        p = json.loads(line)
        preds[p['id']] = p
    key = {'ner': 'entities', 'quotes': 'quotes', 'dates': 'timexes'}[task]
    out_path = os.path.join(d, 'errors.txt')
    n = 0
    with open(out_path, 'w') as out:
        for line in open(os.path.join(d, 'test.jsonl')):
            g = json.loads(line)
            p = preds.get(g['id'], {})
            text = g['text']
            gs, ps = spans(g, key), spans(p, key)
            lines = []
            for span in sorted(set(gs) | set(ps)):
                a, b = gs.get(span), ps.get(span)
                label = lambda x: ((x.get('type') if task == 'ner' else
                                    f"{x.get('type')} {x.get('value')}" if task == 'dates' else
                                    (x.get('speaker') or {}).get('text'))
                                   if x else '(none)')
                if a and b and label(a) == label(b):
                    continue
                snippet = text[span[0]:span[1]].replace('\n', ' ')
                if task == 'quotes' and len(snippet) > 120:
                    snippet = snippet[:117] + '...'
                lines.append(f'  [{span[0]}:{span[1]}] gold {label(a)!r} predicted {label(b)!r}: {snippet}')
            if lines:
                out.write(f'== {g["id"]}\n' + '\n'.join(lines) + '\n')
                n += len(lines)
    print(f'cv errors: {n} differences in {out_path}')


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest='cmd', required=True)
    r = sub.add_parser('run')
    r.add_argument('--folds', default=','.join(map(str, range(NFOLDS))))
    r.add_argument('--tasks', default='ner,quotes,dates')
    e = sub.add_parser('errors')
    e.add_argument('task', choices=sorted(GOLD))
    e.add_argument('fold', type=int)
    a = ap.parse_args()
    if a.cmd == 'errors':
        return errors(a.task, a.fold)
    folds = [int(x) for x in a.folds.split(',') if x != '']
    tasks = [t for t in a.tasks.split(',') if t]
    if any(k not in range(NFOLDS) for k in folds) or any(t not in GOLD for t in tasks):
        sys.exit(f'cv: folds are 0..{NFOLDS - 1}, tasks ner, quotes and dates')
    t0 = time.time()
    run(tasks, folds)
    print(f'cv wall time: {time.time() - t0:.0f} s')


if __name__ == '__main__':
    main()
