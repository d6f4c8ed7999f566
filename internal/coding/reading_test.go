package coding_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad/internal/coding"
)

// TestCode_Readings checks the readings that decide which words are acts
// and whose acts they are (outside TABARI's rules): past forms as verbs,
// participles and act nouns inside noun phrases, reduced relatives,
// appositives, pronoun and demonstrative subjects, domestic targets,
// commitments with SHOULD, READY/WILLING frames, refused offers, demand
// nouns and resignations; and the verb patterns of dyad.verbs.txt's
// seventh round (protests, suspensions, defiance, easing, summons).
func TestCode_Readings(t *testing.T) {
	c := defaultCoder(t)
	st := func(txt, code string) m { return m{txt, code, code[:3], "", "dict"} }
	kor := func(txt string) m { return m{txt, "KOR", "KOR", "", "dict"} }
	tests := []codeCase{
		{name: "declining to resign is a declined resignation (PLOVER REJECT by the frame)",
			text: "The Korean prime minister declined to resign on Tuesday.",
			ms:   []m{st("Korean prime minister", "KORGOV")},
			want: []string{"KORGOV>- 0831 declined"}},
		{name: "launching a mediation effort between two states mediates",
			text: "Japan launched a mediation effort between Korea and China.",
			ms:   []m{jpn("Japan"), kor("Korea"), chn("China")},
			want: []string{"JPN>CHN 045 occurred", "JPN>KOR 045 occurred"}},
		{name: "placing someone under investigation investigates them",
			text: "Japanese prosecutors placed a Korean diplomat under investigation.",
			ms:   []m{st("Japanese prosecutors", "JPNJUD"), st("Korean diplomat", "KORGOV")},
			want: []string{"JPNJUD>KORGOV 090 occurred"}},
		{name: "blocking roads or a bridge is obstructing passage (144)",
			text: "Korean farmers blocked the main bridge to the capital on Monday.",
			ms:   []m{st("Korean farmers", "KORAGR")},
			want: []string{"KORAGR>KORGOV 144 occurred"}},
		{name: "blocking a port keeps the Phoenix blockade code",
			text: "Japanese warships blocked the port of Busan.",
			ms:   []m{st("Japanese warships", "JPNMIL"), kor("Busan")},
			want: []string{"JPNMIL>KOR 170 occurred"}},
		{name: "blocking the transport of goods is not a protest",
			text: "Korean customs officers blocked the transport of Japanese rice.",
			ms:   []m{st("Korean customs officers", "KORGOV"), jpn("Japanese")},
			want: []string{"KORGOV>JPN 170 occurred"}},
		{name: "an -ING form after a plural object noun describes that noun",
			text: "Japan will provide emergency food aid to refugees fleeing Korea.",
			ms:   []m{jpn("Japan"), st("refugees", "KORREF"), kor("Korea")},
			want: []string{"JPN>KORREF 0333 planned"}},
		{name: "an -ING form after a singular noun is still read as the act",
			text: "Japan issued a declaration demanding that Korea release the fishermen.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 100 occurred"}},
		{name: "the tail of a hyphenated modifier is no pattern word",
			text: "Korean dockworkers stopped work on the first day of an open-ended strike.",
			ms:   []m{st("Korean dockworkers", "KORLAB")},
			want: []string{"KORLAB>KORGOV 143 occurred"}},
		{name: "IN PROTEST AGAINST gives the reason of the act before it",
			text: "Korean students staged a hunger strike in protest against Japan's refusal to apologize.",
			ms:   []m{st("Korean students", "KOREDU"), jpn("Japan")},
			want: []string{"KOREDU>JPN 142 occurred"}},
		{name: "calling off a meeting cancels it; CALL alone is a phone call",
			text: "The Korean foreign minister called off a meeting with Japan.",
			ms:   []m{st("Korean foreign minister", "KORGOV"), jpn("Japan")},
			want: []string{"KORGOV>JPN 040 cancelled"}},
		{name: "a state after ON in a consultation is its topic, not a party",
			text: "Korea and Japan exchanged views on the China issue.",
			ms:   []m{kor("Korea"), jpn("Japan"), chn("China")},
			want: []string{"JPN>KOR 040 occurred", "KOR>JPN 040 occurred"}},
		{name: "exercises held by two states together are military cooperation",
			text: "Korean and Japanese warships launched five days of naval drills on Monday.",
			ms:   []m{kor("Korean"), st("Japanese warships", "JPNMIL")},
			want: []string{"JPNMIL>KOR 062 occurred", "KOR>JPNMIL 062 occurred"}},
		{name: "exercises held by one state show force",
			text: "Japan conducted war games near Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 150 occurred"}},
		{name: "conducting an investigation investigates",
			text: "Korea conducted an investigation into the Japanese firm.",
			ms:   []m{kor("Korea"), jpn("Japanese")},
			want: []string{"KOR>JPN 090 occurred"}},
		{name: "blowing up a pipeline destroys property",
			text: "Korean insurgents blew up a gas pipeline near the border.",
			ms:   []m{st("Korean insurgents", "KORREB")},
			want: []string{"KORREB>KOR 1712 occurred"}},
		{name: "going on strike is a strike",
			text: "Korean dockworkers went on strike on Tuesday.",
			ms:   []m{st("Korean dockworkers", "KORLAB")},
			want: []string{"KORLAB>KORGOV 143 occurred"}},
		{name: "going on a hunger strike is a hunger strike",
			text: "Korean detainees went on a hunger strike last week.",
			ms:   []m{st("Korean detainees", "KORCVL")},
			want: []string{"KORCVL>KORGOV 142 occurred"}},
		{name: "staging a hunger strike is a hunger strike, not a strike",
			text: "Korean students staged a hunger strike outside parliament.",
			ms:   []m{st("Korean students", "KOREDU")},
			want: []string{"KOREDU>KORGOV 142 occurred"}},
		{name: "stopping work is a strike whatever follows",
			text: "Korean miners stopped work after the accident at the mine.",
			ms:   []m{st("Korean miners", "KORLAB")},
			want: []string{"KORLAB>KORGOV 143 occurred"}},
		{name: "walking out is a strike",
			text: "Korean teachers walked out on Thursday.",
			ms:   []m{st("Korean teachers", "KOREDU")},
			want: []string{"KOREDU>KORGOV 143 occurred"}},
		{name: "walking out of talks halts them",
			text: "Japanese negotiators walked out of the talks with Korea.",
			ms:   []m{st("Japanese negotiators", "JPNGOV"), kor("Korea")},
			want: []string{"JPNGOV>KOR 164 occurred"}},
		{name: "announcing a suspension of flights reduces relations",
			text: "Japan announced a suspension of flights to Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 160 occurred"}},
		{name: "suspending trade talks is the talks' status, not an embargo",
			text: "Japan suspended trade talks with Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 040 suspended"}},
		{name: "suspending air links reduces relations",
			text: "Japan suspended air links with Korea on Friday.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 160 occurred"}},
		{name: "suspending humanitarian aid stops it",
			text: "Japan suspended humanitarian aid to Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 1623 occurred"}},
		{name: "ordering a suspension of trade is an embargo",
			text: "Japan ordered a suspension of trade with Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 163 occurred"}},
		{name: "violating a ban defies it",
			text: "A Korean newspaper violated a ban by the Korean military.",
			ms:   []m{st("Korean newspaper", "KORMED"), st("Korean military", "KORMIL")},
			want: []string{"KORMED>KORMIL 128 occurred"}},
		{name: "violating a ceasefire keeps its own code",
			text: "Korea violated the ceasefire on Sunday.",
			ms:   []m{kor("Korea")},
			want: []string{"KOR>- 196 occurred"}},
		{name: "ruling something out rejects it",
			text: "Japan ruled out a military response.",
			ms:   []m{jpn("Japan")},
			want: []string{"JPN>- 120 occurred"}},
		{name: "shortening a curfew eases it",
			text: "Japan shortened the nightly curfew by two hours.",
			ms:   []m{jpn("Japan")},
			want: []string{"JPN>- 0813 occurred"}},
		{name: "relaxing martial law eases it",
			text: "Japan relaxed martial law in the southern provinces.",
			ms:   []m{jpn("Japan")},
			want: []string{"JPN>- 0814 occurred"}},
		{name: "clashing with police is a violent protest",
			text: "Korean students clashed with police outside parliament.",
			ms:   []m{st("Korean students", "KOREDU")},
			want: []string{"KOREDU>KORGOV 145 occurred"}},
		{name: "ordering patrols is a show of force",
			text: "Korean police ordered patrols along the coast.",
			ms:   []m{st("Korean police", "KORCOP")},
			want: []string{"KORCOP>- 150 occurred"}},
		{name: "seeking refuge in a state is a demand to be let in",
			text: "Korean refugees sought refuge in Japan last month.",
			ms:   []m{st("Korean refugees", "KORREF"), jpn("Japan")},
			want: []string{"KORREF>JPN 1033 occurred"}},
		{name: "summoning an envoy to complain is an official complaint",
			text: "Japan summoned the envoy of Korea to complain about the tests.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 114 occurred"}},
		{name: "defending the right of another endorses it",
			text: "Japan defended the right of Korea to hold the drills.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 051 occurred"}},
		{name: "suing is a lawsuit, not an arrest",
			text: "A Japanese company sued Korea over the contract.",
			ms:   []m{st("Japanese company", "JPNBUS"), kor("Korea")},
			want: []string{"JPNBUS>KOR 115 occurred"}},
		{name: "dismissing a demand rejects it",
			text: "Korea dismissed the Japanese demand on Friday.",
			ms:   []m{kor("Korea"), jpn("Japanese")},
			want: []string{"KOR>JPN 120 occurred"}},
		{name: "dismissing allegations denies them",
			text: "Korea dismissed Japanese allegations of cheating.",
			ms:   []m{kor("Korea"), jpn("Japanese")},
			want: []string{"KOR>JPN 016 occurred"}},
		{name: "hacking into computers is coercion",
			text: "Korea hacked into the computers of Japanese officials.",
			ms:   []m{kor("Korea"), jpn("Japanese")},
			want: []string{"KOR>JPN 170 occurred"}},
		{name: "expelling inspectors is a withdrawal (166), not a deportation",
			text: "Korea expelled Japanese inspectors on Monday.",
			ms:   []m{kor("Korea"), jpn("Japanese")},
			want: []string{"KOR>JPN 166 occurred"}},
		{name: "ending mediation halts it",
			text: "Japan ended its mediation between Korea and China.",
			ms:   []m{jpn("Japan"), kor("Korea"), chn("China")},
			want: []string{"JPN>CHN 165 occurred", "JPN>KOR 165 occurred"}},
		{name: "reneging on a commitment is a rejection",
			text: "Japan reneged on its commitment to Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 120 occurred"}},
		{name: "beating up detainees is a physical assault",
			text: "Japanese soldiers beat up Korean prisoners.",
			ms:   []m{st("Japanese soldiers", "JPNMIL"), kor("Korean")},
			want: []string{"JPNMIL>KOR 182 occurred"}},
		{name: "a past form after a possessive is a verb",
			text: "Washington and its allies demanded that Beijing halt the drills.",
			ms:   []m{wash("Washington"), beijing("Beijing")},
			want: []string{"USAGOV>CHNGOV 100 occurred"}},
		{name: "a participle between a possessive and an act noun is an adjective",
			text: "Japan urged the rebels to give up their armed struggle against Korea.",
			ms:   []m{jpn("Japan"), st("rebels", "XXXREB"), kor("Korea")},
			want: []string{"JPN>XXXREB 020 occurred"}},
		{name: "an act noun after ALL is the object of the verb",
			text: "Japan said it would boycott all official contact with Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 1312 planned"}},
		{name: "an appositive names, it does not report, and the subject is before it",
			text: "Japan, a key U.S. ally in the region, has refused to deploy troops to Korea.",
			ms:   []m{jpn("Japan"), usa("U.S."), kor("Korea")},
			want: []string{"JPN>KOR 150 declined"}},
		{name: "a reduced relative describes the noun before it",
			text: "Japan condemned the attack on a village by militiamen armed with rifles.",
			ms:   []m{jpn("Japan")},
			want: []string{"JPN>- 111 occurred"}},
		{name: "a reduced relative after a prepositional phrase",
			text: "Japan suspended a military aid program for Korea aimed at training border guards.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 172 occurred"}},
		{name: "the main verb after a subject with an adjectival participle is coded",
			text: "The leaders of the divided peninsula of Korea agreed on a new exchange.",
			ms:   []m{kor("Korea")},
			want: []string{"KOR>- 030 occurred"}},
		{name: "an irregular verb between its subject and object is not a topic noun",
			text: "A group of Japanese diplomats held a meeting with Chinese officials.",
			ms:   []m{m{"Japanese diplomats", "JPNGOV", "JPN", "", "agent"}, cngov("Chinese officials")},
			want: []string{"CHNGOV>JPNGOV 040 occurred", "JPNGOV>CHNGOV 040 occurred"}},
		{name: "a coercive act in a domestic sentence falls on the state named after it",
			text: "Kenyan police imposed a curfew in the town of Garissa in northern Kenya.",
			ms:   []m{st("Kenyan police", "KENCOP"), st("Kenya#2", "KEN")},
			want: []string{"KENCOP>KEN 1723 occurred"}},
		{name: "a domestic target is not taken for a non-coercive act",
			text: "Kenyan police praised the residents of Kenya.",
			ms:   []m{st("Kenyan police", "KENCOP"), st("Kenya#2", "KEN")},
			want: []string{"KENCOP>- 051 occurred"}},
		{name: "a resignation is coded, and the clause after AS has its own subject",
			text: "The Georgian president resigned on Sunday as the opposition threatened to storm his office.",
			ms:   []m{st("Georgian president", "GEOGOV")},
			want: []string{"GEOGOV>- 0831 occurred"}},
		{name: "what was agreed with SHOULD is planned",
			text: "Japanese and Korean officials agreed on Tuesday that their countries should cooperate on energy.",
			ms:   []m{jpn("Japanese"), kor("Korean")},
			want: []string{"JPN>KOR 019 occurred", "JPN>KOR 060 planned", "KOR>JPN 019 occurred", "KOR>JPN 060 planned"}},
		{name: "willing to is a commitment",
			text: "Japan says it is willing to withdraw its troops from Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 087 planned"}},
		{name: "the author of a refused offer is the target",
			text: "Korea rejected a Japanese offer to host a summit between the Koreans and the Chinese.",
			ms:   []m{kor("Korea"), jpn("Japanese"), kor("Koreans"), chn("Chinese")},
			want: []string{"KOR>JPN 043 declined"}},
		{name: "a demand noun with its content is an event and its content is not",
			text: "The ILO reiterated its demand today that Japan ease restrictions on foreign workers.",
			ms:   []m{st("ILO", "IGOLAB"), jpn("Japan")},
			want: []string{"IGOLAB>JPN 100 occurred"}},
		{name: "a demonstrative subject is no actor",
			text: "Japan said that lifting the sanctions is out of the question as that would reward Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>- 120 occurred"}},
		{name: "an appositive's verb has no actor for its subject",
			text: "Japan and Korea resumed talks, an issue likely to dominate relations this year.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 040 resumed", "KOR>JPN 040 resumed"}},
		{name: "a threat falls on the subject of its condition",
			text: "Japan threatened to end the talks if Korea goes ahead with the tests.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 130 occurred"}},
		{name: "an act noun after IN THE is the setting of what is said",
			text: "Japan accused Korea of spreading lies in the negotiations with China.",
			ms:   []m{jpn("Japan"), kor("Korea"), chn("China")},
			want: []string{"JPN>KOR 112 occurred"}},
		{name: "an act noun after a verb and IN THE is still coded",
			text: "Japan participated in the negotiations with China.",
			ms:   []m{jpn("Japan"), chn("China")},
			want: []string{"CHN>JPN 046 occurred", "JPN>CHN 046 occurred"}},
		{name: "an -S form between a mention and a plural noun is a noun",
			text: "Japan mobilized reservists while UN arms inspectors said they needed more time.",
			ms:   []m{jpn("Japan"), st("UN", "IGOUNO")},
			want: []string{"IGOUNO>- 020 occurred", "JPN>- 150 occurred"}},
		{name: "an infinitive of purpose across a parenthesis is part of the act",
			text: "Japan will give Korea a grant of 580 million yen (5 million dollars) over the next three years to finance several projects.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 0333 planned"}},
		{name: "accepting demands is yielding",
			text: "The Korean government accepted demands from the opposition.",
			ms:   []m{st("Korean government", "KORGOV")},
			want: []string{"KORGOV>- 080 occurred"}},
		{name: "sharing intelligence with a state",
			text: "Japanese intelligence officials have shared evidence with Korea about the tests.",
			ms:   []m{st("Japanese intelligence officials", "JPNSPY"), kor("Korea")},
			want: []string{"JPNSPY>KOR 064 occurred"}},
		{name: "a riot",
			text: "Korean prisoners rioted on Monday.",
			ms:   []m{st("Korean prisoners", "KORCVL")},
			want: []string{"KORCVL>KORGOV 145 occurred"}},
		{name: "sworn to is a commitment",
			text: "Korean rebels have sworn to fight the government.",
			ms:   []m{st("Korean rebels", "KORREB")},
			want: []string{"KORREB>- 190 planned"}},
		{name: "a past participle clause after a comma elaborates the event",
			text: "Japanese and Korean warships launched joint drills on Monday, expected to be joined later by Chinese vessels.",
			ms:   []m{jpn("Japanese"), kor("Korean"), chn("Chinese")},
			want: []string{"JPN>KOR 062 occurred", "KOR>JPN 062 occurred"}},
		{name: "a gerund after a noun and IN is a topic",
			text: "A Japanese national is under investigation for her role in rioting in Korea.",
			ms:   []m{jpn("Japanese"), kor("Korea")},
			want: nil},
		{name: "a gerund after a verb and IN is an act",
			text: "Japan persisted in attacking Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 190 occurred"}},
		{name: "AND OTHER continues a list of objects",
			text: "Japan is providing aerial photographs and other military intelligence to Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 072 occurred"}},
		{name: "likely to is hypothetical",
			text: "Japan is likely to impose sanctions on Korea.",
			ms:   []m{jpn("Japan"), kor("Korea")},
			want: []string{"JPN>KOR 163 hypothetical"}},
	}
	runCodeCases(t, c, tests)
}

// TestCode_ResignationIsRetreat checks that a resignation (CAMEO 0831) is
// PLOVER RETREAT, as the PLOVER reference's RETREAT section says.
func TestCode_ResignationIsRetreat(t *testing.T) {
	c := defaultCoder(t)
	const text = "The Peruvian prime minister resigned on Monday."
	in := input(t, text, "", []m{{"Peruvian prime minister", "PERGOV", "PER", "", "dict"}}, nil)
	evs := c.Code(in)
	if len(evs) != 1 || evs[0].CAMEO != "0831" || evs[0].PLOVER != "RETREAT" {
		t.Fatalf("Code(%q) = %v, want one 0831 RETREAT event", text, summarize(evs))
	}
}

// TestCode_DestroyPropertyIsCoerce checks that destroying property (CAMEO
// 1712) is PLOVER COERCE, as the PLOVER reference's COERCE modes say.
func TestCode_DestroyPropertyIsCoerce(t *testing.T) {
	c := defaultCoder(t)
	const text = "Japanese army bulldozers demolished Korean homes on Sunday."
	in := input(t, text, "", []m{{"Japanese army", "JPNMIL", "JPN", "", "dict"}, {"Korean", "KOR", "KOR", "", "dict"}}, nil)
	evs := c.Code(in)
	if len(evs) != 1 || evs[0].CAMEO != "1712" || evs[0].PLOVER != "COERCE" {
		t.Fatalf("Code(%q) = %v, want one 1712 COERCE event", text, summarize(evs))
	}
}

// runCodeCases codes each case with c and compares the events (not their
// issues: TestCode checks those).
func runCodeCases(t *testing.T, c *coding.Coder, tests []codeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(t, tt.text, tt.side, tt.ms, tt.ds)
			got := summarize(c.Code(in))
			want := append([]string(nil), tt.want...)
			sort.Strings(want)
			if strings.Join(got, "; ") != strings.Join(want, "; ") {
				t.Errorf("Code(%q) = %v, want %v", tt.text, got, want)
			}
		})
	}
}

// TestCode_Targets checks who an act falls on, and whose act it is, when
// the sentence does not say it plainly (outside TABARI's rules): domestic
// protests and coercion, passive '+' slots that matched the agent, and
// names chained to a prepositional phrase.
func TestCode_Targets(t *testing.T) {
	c := defaultCoder(t)
	st := func(txt, code string) m { return m{txt, code, code[:3], "", "dict"} }
	kor := func(txt string) m { return m{txt, "KOR", "KOR", "", "dict"} }
	tests := []codeCase{
		{name: "a protest aimed at no one named, in a sentence about one state, falls on its government",
			text: "Thousands of Korean workers demonstrated in the capital on Saturday.",
			ms:   []m{kor("Korean")},
			want: []string{"KOR>KORGOV 141 occurred"}},
		{name: "a protest at another state's embassy falls on that state",
			text: "Korean students demonstrated outside the Japanese embassy on Saturday.",
			ms:   []m{st("Korean students", "KOREDU"), jpn("Japanese")},
			want: []string{"KOREDU>JPN 141 occurred"}},
		{name: "a passive '+' that matched the agent leaves the target to the subject's group",
			text: "A shelter for Korean refugees was attacked by Japanese gunmen armed with rifles.",
			ms:   []m{st("Korean refugees", "KORREF"), st("Japanese gunmen", "JPNUAF")},
			want: []string{"JPNUAF>KORREF 194 occurred"}},
		{name: "coercion in a sentence about one state, with no one named, falls on that state",
			text: "The Korean government ordered an opposition weekly to suspend publication.",
			ms:   []m{st("Korean government", "KORGOV")},
			want: []string{"KORGOV>KOR 1721 occurred"}},
		{name: "military force with no one named gets no domestic target",
			text: "Korean troops opened fire on Sunday.",
			ms:   []m{st("Korean troops", "KORMIL")},
			want: []string{"KORMIL>- 193 occurred"}},
		{name: "a state or city after IN and a few lower-case words is the act's place",
			text: "Japanese gunmen killed a shopkeeper in the northern city of Pusan on Monday.",
			ms:   []m{st("Japanese gunmen", "JPNUAF"), kor("Pusan")},
			want: []string{"JPNUAF>KOR 1823 occurred"}},
		{name: "a name chained by a possessive and a title to a prepositional phrase is not the subject",
			text: "Fighters loyal to Japan's rebel commander Ito Hiro said they attempted to assassinate the Chinese prime minister.",
			ms:   []m{st("Fighters", "KORREB"), jpn("Japan"), st("Ito Hiro", "JPNREB"), st("Chinese prime minister", "CHNGOV")},
			want: []string{"KORREB>CHNGOV 185 occurred"}},
	}
	runCodeCases(t, c, tests)
}

// TestCode_StatePlace checks which state or city after IN or AT and a few
// lower-case words is an act's location: not a possessor.
func TestCode_StatePlace(t *testing.T) {
	c := defaultCoder(t)
	gunmen := m{"Japanese gunmen", "JPNUAF", "JPN", "", "dict"}
	tests := []struct {
		name, text, place string
		ms                []m
	}{
		{name: "a city after a descriptive phrase is the place",
			text:  "Japanese gunmen killed a shopkeeper in the northern city of Pusan on Monday.",
			place: "Pusan", ms: []m{gunmen, {"Pusan", "KOR", "KOR", "", "dict"}}},
		{name: "a possessor is no place",
			text:  "Japanese gunmen killed a shopkeeper in the heart of Korea's capital district.",
			place: "", ms: []m{gunmen, {"Korea", "KOR", "KOR", "", "dict"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := c.Code(input(t, tt.text, "", tt.ms, nil))
			if len(evs) == 0 {
				t.Fatalf("Code(%q) = no events, want one", tt.text)
			}
			if got := evs[0].Location; got != tt.place {
				t.Errorf("Code(%q) location = %q, want %q", tt.text, got, tt.place)
			}
		})
	}
}
