// Package eval measures how well a coder reproduces gold-standard event
// codings: it reads evaluation suites (the PLOVER gold-standard records,
// PETRARCH and TABARI validation files, dyad's own JSON Lines suites), runs
// a Coder over each record and scores what it finds against what the suite
// expects.
//
// The package never builds a coder itself. It is handed a Coder (cmd/dyad
// wraps the pipeline's Analyzer), and suites that bring their own
// dictionaries (PETRARCH, TABARI) name them in Suite.Dictionaries so the
// caller can build a coder from them.
//
// # Matching
//
// Every score compares, record by record, a multiset of expected keys with a
// multiset of found keys (Match): a found key matches at most one expected
// key and the other way round, so a duplicated event counts once as correct
// and once as extra. Summed over records, Correct is the number of matched
// pairs, Expected the number of gold keys and Found the number of found keys;
// precision is Correct/Found, recall Correct/Expected and F1 their harmonic
// mean (0 when undefined). Records a suite marks as not to be checked are
// skipped and counted in Report.Skipped.
//
// The keys of each suite:
//
//   - plover: a gold record is one event whose source and target may be
//     compound. The "type" score compares the set of distinct PLOVER types
//     found in the record (events with an empty type, CAMEO roots 01 and 02,
//     are left out and counted as "untyped") with the record's type, after
//     mapping the old names DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE,
//     FIGHT→ASSAULT. Distinct types are compared, not events, because PLOVER
//     codes a compound actor as one event where dyad emits one per member.
//     The "triple" score compares (type, source country, target country): the
//     gold triples are every source × target pair, both directions between
//     the sources when a compound source has no target (the "SRC/TAR"
//     markup), and (type, source, "") for a single source without target;
//     found triples are the distinct triples of typed events. Countries are
//     Actor.Country, else the first three letters of Actor.Code, with JAP→JPN,
//     ITL→ITA, VTN→VNM. "spurious" counts typed events whose type is not the
//     record's; the confusion table pairs each record's gold type with the
//     first unmatched type found ("-" for none).
//   - petr: each <EventCoding> is one expected event. "root" compares the
//     multisets of CAMEO roots (first two digits), "triple" the multisets of
//     (source country, target country, root) where a country is the first
//     three letters of the actor code. Records marked noevents expect no
//     event; records with an error attribute or evaluate="false" are skipped.
//   - tabari: each { SRC / TGT / CODE } is one expected event, compared as
//     the full (source code, target code, event code) triple; a missing
//     target is "---". A record passes when the two multisets are equal; a
//     record expecting {---} (no events) or {###} (discarded) passes when
//     nothing is coded. Records with {+++}, -{…} (complexity), only OPTION
//     lines, or no validation block are skipped.
//   - dyad: each expected event is (source country, target country, CAMEO
//     root); a record's found events are first collapsed by Event.Key, and
//     records sharing a group are coded as separate documents whose events
//     are collapsed together, so an event reported twice is found once.
//     Matched pairs prefer a found event with the expected status (and
//     person), then any with the same triple; "status" counts matched pairs
//     whose status agrees, "person" and "code" likewise where the suite
//     names a person or a full code.
//
// The first score of a Report is its headline (precision, recall, f1 in
// JSON): the triple for every suite, since an event is who did what to whom.
//
// Unmatched keys are paired into error classes (Classify): a found key that
// agrees with a missed one in all but one field is a wrong source, target or
// code; the rest are missed or spurious.
package eval
