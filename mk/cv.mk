# make cv: 5-fold cross-validation over the bench TRAIN splits (tools/cv.py,
# docs/accuracy-workflow.md). Each fold retrains the entity model and the speaker
# chooser on the other folds and links build/cv/TASK/fold-K/news.so with the
# fold's model; the committed models and dist/news.so are untouched.
#   make cv [CV_FOLDS=0,1,2,3,4] [CV_TASKS=ner,quotes,dates]   (dates: no training, per-fold figures)
#   make cv-errors TASK=quotes FOLD=2   (writes build/cv/quotes/fold-2/errors.txt)
.DEFAULT_GOAL := all
BENCH ?= ../shared/bench
CV_FOLDS ?= 0,1,2,3,4
CV_TASKS ?= ner,quotes,dates
# The trainer's arguments without the train file (each fold gives its own).
CV_TRAINER_ARGS = $(wordlist 2,$(words $(NER_TRAIN_ARGS)),$(NER_TRAIN_ARGS))
# The driver reads the build settings from the environment (no shell quoting).
cv: export BENCH := $(BENCH)
cv: export CV_CC = $(CC)
cv: export CV_CFLAGS = $(CFLAGS_COMMON) $(REL_FLAGS)
cv: export CV_OBJ = $(REL_OBJ)
cv: export CV_LIBS = $(LIBS)
cv: export CV_NER_ARGS = $(CV_TRAINER_ARGS)

.PHONY: cv cv-errors
cv: $(REL_OBJ) dist/news.so build/rel/tools/ner_train build/rel/tools/quotes_dump
	python3 tools/cv.py run --folds '$(CV_FOLDS)' --tasks '$(CV_TASKS)'

cv-errors:
	python3 tools/cv.py errors '$(TASK)' '$(FOLD)'
