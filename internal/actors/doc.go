// Package actors recognises actor mentions in tokenized sentences and
// resolves them to CAMEO/Phoenix actor codes and, for people, to the office
// they held on the event's date.
//
// It is pure: dictionaries are read from the io.Readers or fs.FS it is
// handed, a compiled Dictionary is immutable and safe for concurrent use, and
// there is no global state.
//
// # Dictionaries
//
// Three formats are loaded (see Loader):
//
//   - Phoenix/TABARI actor dictionaries: a primary phrase, '+' synonyms and
//     codes in brackets, optionally date-restricted ("[CHNGOV >20121115]",
//     "[CHNGOV 681031-720224]", "[USAELI <20170120]"; six-digit dates are
//     YYMMDD with years 00–30 read as 2000–2030). Restrictions are tried in
//     order and the unrestricted code is the default; when none applies the
//     phrase is null-coded: it still consumes its words but yields no
//     mention. A compound code "GME/GMW" keeps its first code. Lines that are
//     not valid UTF-8 are decoded as Latin-1.
//   - The Phoenix agents dictionary: common nouns ("DIPLOMAT [~GOV]") that
//     compose with a preceding country mention ("U.S. diplomats" is
//     USAGOV), with !MARKER! substitution sets and plural conventions.
//     Default adds a few plain nouns Phoenix lacks ("OFFICIAL [~GOV]").
//   - dyad's own actors file (offices with dated holders, people, collective
//     actors and metonyms), documented in the header of
//     dictionaries/dyad.actors.txt. Its entries beat Phoenix ones of the same
//     length.
//
// Every phrase is tokenized with the same text.Tokenizer as the documents
// (Phoenix '_' becomes a blank first), so a phrase matches text exactly when
// their token Norms agree. A Phoenix phrase that ends in '_' must match its
// last word exactly; regular plurals (S, ES, IES) of the last word are
// generated, as in PETRARCH. A phrase without the trailing '_' is a stem in
// the TABARI manual (§5.2.2: its last word may be a prefix, AMERICA matching
// AMERICAN). PETRARCH, for which the Phoenix files were written, does not
// stem, and stemming the shipped files would let "PLA" match "PLAN", so it is
// off unless Loader.Stems is set.
//
// # Resolution
//
// DocTagger.Tag scans a sentence left to right and at each token keeps the
// longest candidate (dyad entries beat Phoenix ones on equal length; a
// candidate that starts with "the" gives way to a longer one starting at
// the next word, so "the UN" does not cut short "the UN High Commission
// for Refugees"):
//
//   - full names and aliases of people, resolved to the office they held on
//     the date (the highest level if several);
//   - titles, optionally led by a country ("Chinese President", "China's top
//     diplomat") and chained with "and" ("State Councilor and Foreign
//     Minister"), followed by a name: one mention of the person;
//   - titles alone: the holder on the date (Rule "office"); a title without
//     a country that fits several offices goes to the office whose holder was
//     mentioned last in the document, else the office of the document's
//     side, else it is left unresolved;
//   - surnames, bare or after an honorific ("Mr. Wang", "Secretary
//     Blinken"): the person with that surname mentioned last in the document
//     (Rule "coref"), else the one person with that surname in office on the
//     date;
//   - metonyms and collective actors from dyad actor blocks;
//   - "the Chinese side" (Rule "side"), "both sides", "the two countries"
//     (Rule "both", empty Code: the coder expands it to the dyad);
//   - a country mention followed by an agent noun (Rule "agent");
//   - Phoenix phrases (Rule "dict").
//
// Then, outside TABARI's rules, mentions whose state comes from the
// sentence (Rule "context", with an Entry saying where from):
//
//   - a bare agent noun of a group outside the government (rebels,
//     opposition groups, protesters, refugees, students, workers, the
//     press, militants, the police; not officials or troops) that no
//     country composes with takes the state of a place phrase attached to
//     it ("Rebels in the Ivory Coast", "a newspaper based in Beirut",
//     "rebels of Sudan"), else, when plural, the one state the sentence
//     names; with neither, or right after an organisation or another
//     state's mention ("NATO relief workers"), it is no mention;
//   - a government title or military rank followed by a name no entry
//     resolves ("President Abdelaziz Bouteflicka", "Gen. Ali Ghoz") is an
//     official (GOV, MIL) of the one state the sentence names; the end of a
//     compound title ("Attorney-General") is no military rank, and
//     "Secretary-General" or "Director-General" with a name is an official
//     of the organization (IGO, NGO) named right before it ("Arab League
//     Secretary-General X"), else no mention;
//   - "ethnic" and a demonym ("ethnic Albanians") is a group of the state
//     of its place phrase, else of the first other state named (Code
//     state + CVL, or + the group's own sector).
//
// A one-word Phoenix phrase does not match a word written in lower case
// (outside TABARI projects): some entries list common words as synonyms
// of one group ("youth" for the Basque GAZTERIAK, "organization" for
// TANZIM, "male" for the Maldives). Actor.Country is an ISO-3 code: the
// legacy codes Phoenix writes (East Timor TMP) map to today's (TLS), and
// Actor.Code keeps Phoenix's code.
//
// Dictionary.With sets Options: TABARI's agent rules (an agent composes
// with any actor, before or after it, or across OF/IN; FORMER makes it an
// elite) and SET: CONVERT AGENTS, for coding with a TABARI project. A
// Phoenix/TABARI phrase ending in '=' matches its words exactly, with no
// plural.
//
// Pronouns ("he", "they", "the two") are not resolved. Phoenix entries for
// people do not set Actor.Person: only dyad person blocks do. A short
// single-word entry (three letters or fewer) does not match a word written
// all in lower case, so "us" is not the United States.
package actors
