# Data as data: every file under data/<module>/ (but README.md) is compiled by
# one generator, tools/gendata.c, into build/gen/<module>_data.c. It stops the
# build on a file it does not know or a malformed line, naming file and line.
# (data/identity/ is only checked and hashed here: the identity module embeds
# it as it is, see mk/identity.mk.)
# (The models, data/ner/model.bin and ext/quotes/quotes_weights_data.c, carry a
# stamp of the data they were trained with: see data/*/README.md.)
.DEFAULT_GOAL := all
DATA_MODULES := core dates quotes articles ner identity outlets
# A folder of data/ the generator is not told about would be silently left out.
UNKNOWN_DATA_DIRS := $(filter-out $(DATA_MODULES),$(notdir $(patsubst %/,%,$(dir $(wildcard data/*/*)))))
ifneq ($(UNKNOWN_DATA_DIRS),)
$(error data/$(firstword $(UNKNOWN_DATA_DIRS))/: a data folder that mk/data.mk and tools/gendata.c do not know (add it to DATA_MODULES and its files to the schema))
endif
PCRE2_LIBS := $(shell pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
data_files = $(sort $(filter-out %/README.md,$(wildcard data/$(1)/*)))

build/tools/gendata: tools/gendata.c
	@mkdir -p $(dir $@)
	@echo CC $<; $(CC) $(WARN) -D_GNU_SOURCE -O1 $(PKG_CFLAGS) -o $@ $< $(PCRE2_LIBS)

define data_module
build/gen/$(1)_data.c: build/tools/gendata $(call data_files,$(1))
	@mkdir -p $$(dir $$@)
	@echo GEN $$@; build/tools/gendata $$@ $(call data_files,$(1))
endef
$(foreach m,$(DATA_MODULES),$(eval $(call data_module,$(m))))
GEN_SRC += $(patsubst %,build/gen/%_data.c,$(DATA_MODULES))
TEST_PREP += build/tools/gendata
