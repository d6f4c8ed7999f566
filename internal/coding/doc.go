// Package coding turns one tokenized sentence, with the actor and date
// mentions found in it, into CAMEO-coded events with PLOVER type and mode,
// Goldstein value, quad class, issues, location and a status. It is pure:
// dictionaries are read from an fs.FS it is handed, and a Coder holds no
// mutable state, so one Coder serves any number of goroutines.
//
// # Dictionaries
//
// Verb patterns use the TABARI/PETRARCH-1 language (see dyad.verbs.txt's
// header): synsets (&NAME), verb blocks (--- NAME [code] ---), verbs with
// generated or listed forms, multi-word verbs marked with '+', and patterns
// "- PRE * POST [code]" with $ (source), + (target), % (compound actor),
// ^ (skip an actor), &SYNSET, '_' for consecutive words and [a:b] for a
// paired reverse event. Patterns are matched TABARI-style on the flat token
// sequence, with no parser: words after '*' are looked for to the right of
// the verb, words before it to the left, each element skipping intervening
// words unless joined by '_', never across a clause boundary (comma,
// semicolon, conjunction, relative pronoun) except inside a compound actor.
// Pattern words match exactly, with a regular inflection, or as a stem of
// five letters or more. Patterns are tried longest first (by letters, as
// TABARI counts length); a match with [---] means "no event". With no
// match the verb's own code or its block's default applies. A word or
// synset looked for after the verb is not looked for past an actor when
// the pattern still wants its target: in "visited Tokyo to mediate between
// China and Japan", "* TO +" does not match, and Tokyo stays the object.
//
// TABARI's own syntax is read too (eval converts its flat verb files into
// blocks): an alternation "{ SANCTIONS | BOYCOTT }" in a pattern expands
// into one pattern per alternative, a verb written with blanks ("BURN
// DOWN") is a multi-word verb headed by its first word, and a file that
// marks exact verbs with a trailing '_' ("ACT_") follows TABARI's stemming
// convention: its other single-word verbs of four letters or more also
// match any word they begin ("RESTOR" matches RESTORE), the longest stem
// winning, when no verb form matches the word exactly.
//
// A '~' after a pattern word is TABARI's connector: the word matches any
// word it begins ("REAL~_PLEASANT" matches "really pleasant").
//
// # TABARI's engine rules
//
// Coder.Options switches on TABARI's own rules for coding with a TABARI
// project (see Options and ApplyTABARI, which reads its .options lines):
// a minimum sentence length; comma-delimited clauses removed before
// coding, after which only conjunctions and punctuation end a clause;
// pronouns standing for the first (compound) actor; only the first act of
// each clause coded (CODE BY CLAUSE); and no event without a source and a
// target unless DEFAULT codes are set. The zero Options keep every rule of
// this documentation unchanged.
//
// Files loaded later overlay earlier ones: for a verb form listed in both,
// the later file's block is tried first, and the earlier block only when the
// later one has no matching pattern and a null default. Patterns of the last
// file also take precedence over status frames (so "declined to comment"
// stays CAMEO 011). Malformed lines become diagnostics with file and line.
// The shipped Phoenix file gives 9 diagnostics (lines with two '*', a
// missing code, a stray '}' and the like); everything else loads.
//
// # Actors
//
// The source is the pattern's $ or %, else the agent after BY in the
// passive voice ("was hosted by X"), else the nearest mention before the
// verb group that is not a place and not governed by a preposition
// ("of China"); a verb coordinated with the previous one ("met Wang and
// discussed …") shares its subject. A sentence with no subject mention
// takes Input.Side+"GOV" ("1. Canceling China-U.S. talks." in a PRC
// list). The target is the pattern's +, else the nearest mention after the
// verb in the clause that is not a place, not the source and not of the
// source's state (where another state is named, a mention of the source's
// state is passed over for the next). In a domestic sentence, one that
// names no state but the source's, a target that is a sector of the
// source's state (another code than the source's, not the bare state) is
// kept, as event data code domestic events: "Kenyan police arrested
// opposition supporters" is KENCOP to KENOPP, while "Blinken reaffirmed
// the U.S. commitment" has no target.
// Mentions joined by "and", "-", "&" (and commas in such a list) form a
// compound actor: one event per member; a compound subject with no target
// gets reciprocal events for CAMEO roots 03–06. A mention with Rule
// "both" ("the two sides") stands for the two states named before it in
// the sentence when they are exactly two ("Vietnam and India signed a pact
// between the two countries"), else for both states of Input.Dyad.
// A verb whose clause follows AFTER, BEFORE or SINCE with other words
// between ("five years after crowds burned down the embassy") has a
// subject of its own there, so it takes none from before.
// A mention after "in"/"at" that is a known place (dyad.issues.txt) or a
// metonym ("in Beijing") is the location, not an actor. Meetings (040/042/
// 043/044) are refined by location: in the target's state a visit (042),
// in the source's a host (043), elsewhere a third-place meeting (044). A
// 04x act with no counterpart named whose place lies in another state
// than the source's takes that state's government as target ("arrived in
// Washington" is a visit to USAGOV); in the source's own state it is
// dropped like any consultation with no counterpart.
//
// Reported speech: "X said (that) Y must/should/needs to …" is a demand
// (100) by X on Y (the speaker is the subject of the nearest verb of
// saying or statement before Y), and the verbs of the demanded clause are
// not coded. A statement is coded only when the sentence yields nothing
// else (TABARI's subordinate code): any 010 event, and any event of CAMEO
// roots 01 or 02 coded from a verb of saying (sayWords in lexicon.go:
// say, tell, announce, note, add, report, brief, believe …), since some
// dictionaries code plain saying as 02x ("…, an official said").
//
// Complements: once a verb has coded an event other than speech, a later
// act in its complement is not coded on its own: an infinitive ("visited
// Dakar to mediate"), a THAT-clause with a subject ("demanded that the
// U.S. cancel the sale") or a gerund after OF or FOR ("accused Japan of
// violating …"), with no clause boundary between. Likewise an act named
// after DURING once a verb has coded an event ("clashed over … during a
// brief visit to Eriador") is the setting of that event, not an event of
// its own; a DURING phrase before the main verb ("During his visit to
// Tokyo, Blinken praised …") is still coded. Status frames are not
// verbs that code, so "agreed to resume talks" still codes the talks. A
// verb followed by THAT and no object ("demanded that Japan release …",
// "expressed hopes that X …") takes the subject of the THAT-clause as its
// target, unless it is a verb of saying.
//
// Outside TABARI's rules, modifiers and elaborations of an event are not
// events of their own either: a participle used as an adjective ("the
// divided island", "Vietnamese-led forces"), and, once a verb has coded
// an event, a participle clause after a comma (", killing one and
// arresting 12"), a relative clause (", whom they had taken hostage") or
// the THAT-clause of a demand, refusal or threat ("demanded that its
// partners refuse to recognize …"), with every later act of that clause.
// So are a form in -ING right after a plural noun that an earlier verb
// governs ("aid to refugees FLEEING Liberia"), a phrase of reason after a
// coded act ("a hunger strike IN PROTEST AGAINST …", "in retaliation
// for", "in response to") with the rest of its clause, and a word that
// ends a hyphenated modifier ("an open-ENDED strike"), which matches no
// pattern word.
//
// Outside TABARI's rules, what has not happened is not coded as if it had:
// an act under a modal of obligation ("Japan must withdraw", "needs to",
// not "should have acted") or in the THAT-clause of a demand word ("its
// demand that Israel ease …") is demanded, and neither it nor its
// complement is an event (the demand itself is, when its speaker is
// known: any verb with a THAT-clause states it, "concluded that Japan
// must …", and its target may be a noun phrase a mention opens, "Japan and
// its allies must", or a sector of the speaker's own state, not the state
// itself); an act in a condition (IF, UNLESS, WHETHER, a sentence-opening
// SHOULD) yields to the act it conditions, and a future made conditional
// ("will impose sanctions if …") is hypothetical like "would … if", with
// the condition's subject as the target of a conflictual act (its frame is
// then a threat, see dyad.Event.FrameCAMEO); a refusal on a condition is
// still a refusal; an act in a BEFORE or UNTIL clause of a demand,
// refusal or threat is what it waits for, not an event.
//
// Likewise outside TABARI's rules: an -ED form between a determiner and
// an act noun modifies it ("its armed struggle"); a one-word past form is
// a finite verb, never a possessed or compound noun ("its allies
// demanded"); an act noun in an appositive opened by an article after a
// comma names, it does not report (", a key U.S. ally in …"), and the
// verb after the appositive takes the subject before it; a reduced
// relative ("militiamen armed with machetes", "a program aimed at …") is
// no event when its noun phrase is the object of an earlier verb; an -S
// form between a mention and a plural noun is a noun ("UN arms
// inspectors"); an act noun after IN THE is the setting of what is said
// unless a verb or PART comes before IN ("took part in the talks"), and
// so is a gerund right after a noun and IN or FOR ("her role in
// rioting"); once an event is coded, a past participle clause after a
// comma (", expected to be joined later by …") is no event either. AND
// OTHER continues a list of objects, so the target search goes on past
// it ("photographs and other intelligence to Macedonia").
// Subjects: a clause after AS, THAT/THIS right before a verb and the
// infinitive of a comma-opened noun phrase have subjects of their own
// that are no actors; a personal pronoun stands for the speaker of the
// verb of saying before it, else for the sentence's first subject.
// Targets: a coercive act (roots 10–14, 17–20, 080/081) in a sentence
// about one state falls on that state when it is named after the verb,
// else on the state of the act's place; a threat falls on the subject
// of its IF/UNLESS condition; a refused offer's author ("rejected a US
// offer to host …") is the target unless the act names someone of the
// same state. A protest (root 14), or coercion or unconventional violence
// (roots 17–18), that names no target in a sentence naming one state falls
// on that state ("Young Algerians blocked roads"); other roots do not,
// since a threat or a use of force often aims at an unnamed state abroad.
// In a passive, the pattern's + is not the agent after BY: the target is
// the passive subject, or the group a place or thing is FOR ("a camp for
// Congolese refugees was attacked by …"). A name chained to a
// prepositional mention by a possessive, "al-" or title words ("loyal to
// Iraq's Al-Qaeda frontman al-Zarqawi") is governed by that preposition,
// so it is not a subject. IN/AT, up to four lower-case words and a state
// or city ("in the northern city of Kirkuk") is the act's place, never
// the pattern's $ source. SHOULD in the THAT-clause of a commitment (agreed, decided,
// pledged …) is planned, as are acts after WILLING, READY and SWEAR TO;
// LIKELY TO is hypothetical.
//
// A past form ("on Thursday demanded") and a noun after a preposition that
// governs a date are never topic nouns (below).
//
// # Status
//
// CAMEO codes acts; what became of an act is its status. The code of an
// event is always the code of the underlying act: "China cancelled the
// talks" is talks (040) with status cancelled, "suspended counternarcotics
// cooperation" is 063 suspended, "declined a call" is 041 declined, and
// "Blinken invited Wang to visit" is a proposed hosting, 043. We do not
// switch to CAMEO's 16x/12x codes for these, so an act and its later
// suspension or resumption share a code and can be followed over time;
// analyses must read Status before summing Goldstein values (a cancelled
// meeting is not cooperation). CAMEO's own codes are still used when a
// dictionary pattern says so (sanctions 163, reject 120, deny 016).
//
// Status comes from frame words around the act (lexicon.go), read without a
// parser: before the act ("agreed to resume talks", "declined a U.S.
// request for a call", "the planned visit"; the outermost frame wins) or
// after an act noun ("the trip was postponed", "talks resumed", "the visit
// will take place"); then from auxiliaries before the verb group: not/
// never/no -> negated (a negated acceptance is declined), if/unless/could/
// might/may or would in a conditional sentence -> hypothetical, will/shall/
// would/is to -> planned. An occurred act dated after the document date is
// planned. Paired [a:b] reverse events are emitted only for statuses both
// parties share (occurred, planned, ongoing, resumed): a cancellation is
// the canceller's act.
//
// Nouns that only name an act are not events: objects of another verb
// ("criticized the visit"), topics of a preposition ("an agreement on
// climate cooperation"), nouns after a possessive with nothing said of them
// ("its abuses"), and consultations with no counterpart.
package coding
