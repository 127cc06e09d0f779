# Identity rules: the word lists in data/identity/ are assembled into the
# library (.incbin): rebuild the object that embeds them when they change.
build/rel/ext/identity/identity_data.o build/asan/ext/identity/identity_data.o: \
  data/identity/aliases.tsv data/identity/name_words.tsv data/identity/nicknames.tsv
