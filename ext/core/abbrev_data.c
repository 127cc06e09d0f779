/* Abbreviations that keep their final period, and the words that may start a
** sentence after a "weak" abbreviation. Data, not code: add a line to add one.
**
** kind 'T': title or label that is always followed by more of the sentence
**           (Mr. Smith, No. 10, Gen. Lee): never ends a sentence.
** kind 'W': weak: usually inside a sentence (U.S., Inc., a.m.) but may end
**           one; a sentence break is taken only before a starter word.
** kind 'M': month: no break before a number (Feb. 4), weak otherwise. */
#include "abbrev_data.h"

const nw_abbrev nw_abbrevs[] = {
  {"Mr", 'T'}, {"Mrs", 'T'}, {"Ms", 'T'}, {"Messrs", 'T'}, {"Dr", 'T'}, {"Prof", 'T'},
  {"Gen", 'T'}, {"Lt", 'T'}, {"Col", 'T'}, {"Maj", 'T'}, {"Capt", 'T'}, {"Cmdr", 'T'},
  {"Adm", 'T'}, {"Sgt", 'T'}, {"Cpl", 'T'}, {"Pvt", 'T'}, {"Brig", 'T'}, {"Sen", 'T'},
  {"Rep", 'T'}, {"Reps", 'T'}, {"Sens", 'T'}, {"Gov", 'T'}, {"Lt.Gov", 'T'}, {"Pres", 'T'},
  {"Supt", 'T'}, {"Insp", 'T'}, {"Det", 'T'}, {"Rev", 'T'}, {"Fr", 'T'}, {"Hon", 'T'},
  {"St", 'T'}, {"Mt", 'T'}, {"Ft", 'T'}, {"No", 'T'}, {"Nos", 'T'}, {"Vol", 'T'},
  {"Art", 'T'}, {"Fig", 'T'}, {"vs", 'T'}, {"v", 'T'}, {"cf", 'T'}, {"approx", 'T'},
  {"Atty", 'T'}, {"Gens", 'T'}, {"Amb", 'T'}, {"Sec", 'T'}, {"Secy", 'T'}, {"Asst", 'T'},
  {"Jan", 'M'}, {"Feb", 'M'}, {"Mar", 'M'}, {"Apr", 'M'}, {"Jun", 'M'}, {"Jul", 'M'},
  {"Aug", 'M'}, {"Sep", 'M'}, {"Sept", 'M'}, {"Oct", 'M'}, {"Nov", 'M'}, {"Dec", 'M'},
  {"Inc", 'W'}, {"Corp", 'W'}, {"Co", 'W'}, {"Ltd", 'W'}, {"Bros", 'W'}, {"Jr", 'W'},
  {"Sr", 'W'}, {"Ph.D", 'W'}, {"etc", 'W'}, {"al", 'W'}, {"Ave", 'W'}, {"Blvd", 'W'},
  {"Rd", 'W'}, {"Dept", 'W'}, {"Univ", 'W'}, {"Assn", 'W'}, {"est", 'W'}, {"ca", 'W'},
  {"Calif", 'W'}, {"Ariz", 'W'}, {"Ala", 'W'}, {"Ark", 'W'}, {"Colo", 'W'}, {"Conn", 'W'},
  {"Del", 'W'}, {"Fla", 'W'}, {"Ga", 'W'}, {"Ill", 'W'}, {"Ind", 'W'}, {"Kan", 'W'},
  {"Ky", 'W'}, {"La", 'W'}, {"Md", 'W'}, {"Mass", 'W'}, {"Mich", 'W'}, {"Minn", 'W'},
  {"Miss", 'W'}, {"Mo", 'W'}, {"Mont", 'W'}, {"Neb", 'W'}, {"Nev", 'W'}, {"Okla", 'W'},
  {"Ore", 'W'}, {"Pa", 'W'}, {"Tenn", 'W'}, {"Tex", 'W'}, {"Va", 'W'}, {"Vt", 'W'},
  {"Wash", 'W'}, {"Wis", 'W'}, {"Wyo", 'W'}, {"D.C", 'W'}, {"U.S", 'W'}, {"U.K", 'W'},
  {"U.N", 'W'}, {"E.U", 'W'}, {"a.m", 'W'}, {"p.m", 'W'}, {"e.g", 'T'}, {"i.e", 'T'},
  {"Gov't", 'W'}, {"Intl", 'W'}, {"Natl", 'W'}, {"Govt", 'W'},
};
const size_t nw_abbrevs_count = sizeof nw_abbrevs / sizeof nw_abbrevs[0];

/* Words that commonly open a sentence; after a weak abbreviation
** ("... in the U.S. The talks") they signal a sentence break. */
const char *const nw_sentence_starters[] = {
  "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
  "Those", "There", "But", "And", "Yet", "So", "Or", "In", "On", "At", "For", "As", "If",
  "When", "While", "After", "Before", "Since", "Although", "Though", "However", "Meanwhile",
  "Still", "Also", "Its", "His", "Her", "Their", "Our", "My", "Your", "Some", "Many", "Most",
  "Officials", "Other", "Others", "No", "Not", "What", "Why", "How", "Who", "Where", "Asked",
  "Earlier", "Later", "Last", "Next", "Now", "Then", "Both", "Each", "Such", "Under", "With",
  "By", "From", "To", "One", "Two", "Three",
};
const size_t nw_sentence_starters_count = sizeof nw_sentence_starters / sizeof nw_sentence_starters[0];
