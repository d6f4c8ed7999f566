package coding_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad"
)

// ev is an expected event: "USAGOV>CHNGOV 042 occurred"; target "-" for none.
type codeCase struct {
	name   string
	text   string
	side   string
	ms     []m
	ds     []d
	want   []string
	issues []string
}

func summarize(evs []dyad.Event) []string {
	var out []string
	for _, e := range evs {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		out = append(out, fmt.Sprintf("%s>%s %s %s", e.Source.Code, tgt, e.CAMEO, e.Status))
	}
	sort.Strings(out)
	return out
}

func TestCode(t *testing.T) {
	c := defaultCoder(t)
	tests := []codeCase{
		{name: "visit by third-country location is 044",
			text: "Secretary Blinken met Foreign Minister Wang Yi in Bali on the sidelines of the G20.",
			ms:   []m{blinken("Secretary Blinken"), wang("Foreign Minister Wang Yi")},
			want: []string{"CHNGOV>USAGOV 044 occurred", "USAGOV>CHNGOV 044 occurred"}},
		{name: "meeting in Beijing is a visit and a host",
			text: "Secretary Blinken met with Director Wang Yi in Beijing on June 18.",
			ms:   []m{blinken("Secretary Blinken"), wang("Director Wang Yi"), beijing("Beijing")},
			ds:   []d{{"June 18", "2023-06-18", "2023-06-18", dyad.PrecisionDay}},
			want: []string{"CHNGOV>USAGOV 043 occurred", "USAGOV>CHNGOV 042 occurred"}},
		{name: "hosting",
			text: "President Xi hosted Secretary Blinken at the Great Hall of the People.",
			ms:   []m{xi("President Xi"), blinken("Secretary Blinken")},
			want: []string{"CHNGOV>USAGOV 043 occurred", "USAGOV>CHNGOV 042 occurred"}},
		{name: "phone call",
			text: "Secretary Austin held a phone call with Minister Li Shangfu.",
			ms:   []m{austin("Secretary Austin"), li("Minister Li Shangfu")},
			want: []string{"CHNMIL>USAMIL 041 occurred", "USAMIL>CHNMIL 041 occurred"}},
		{name: "spoke by phone",
			text: "Blinken spoke by phone with Wang on Tuesday.",
			ms:   []m{blinken("Blinken"), wang("Wang")},
			want: []string{"CHNGOV>USAGOV 041 occurred", "USAGOV>CHNGOV 041 occurred"}},
		{name: "travel is a visit",
			text: "Blinken traveled to Beijing to meet senior officials.",
			ms:   []m{blinken("Blinken"), beijing("Beijing")},
			want: []string{"CHNGOV>USAGOV 043 occurred", "USAGOV>CHNGOV 042 occurred"}},
		{name: "compound subject consults both ways",
			text: "Blinken and Wang discussed the situation in the Taiwan Strait.",
			ms:   []m{blinken("Blinken"), wang("Wang")},
			want: []string{"CHNGOV>USAGOV 040 occurred", "USAGOV>CHNGOV 040 occurred"}, issues: []string{"taiwan"}},
		{name: "the two sides agreed",
			text: "The two sides agreed on the importance of maintaining open lines of communication.",
			ms:   []m{both("The two sides")},
			want: []string{"CHN>USA 030 occurred", "USA>CHN 030 occurred"}},
		{name: "one event per target",
			text: "Blinken met with Wang Yi and Qin Gang.",
			ms:   []m{blinken("Blinken"), wang("Wang Yi"), qin("Qin Gang")},
			want: []string{"CHNGOV>USAGOV 040 occurred", "CHNGOV>USAGOV 040 occurred", "USAGOV>CHNGOV 040 occurred", "USAGOV>CHNGOV 040 occurred"}},
		{name: "statement alone",
			text: "Wang said the relationship was at a critical juncture.",
			ms:   []m{wang("Wang")},
			want: []string{"CHNGOV>- 010 occurred"}},
		{name: "demand via reported speech",
			text: "Wang said the United States must stop interfering in China's internal affairs.",
			ms:   []m{wang("Wang"), usa("the United States"), chn("China")},
			want: []string{"CHNGOV>USA 100 occurred"}},
		{name: "demand stated by the document's side",
			text: "The U.S. side should stop arming Taiwan.",
			side: "CHN",
			ms:   []m{usgov("The U.S. side")},
			want: []string{"CHNGOV>USAGOV 100 occurred"}, issues: []string{"taiwan"}},
		{name: "sign agreement",
			text: "The United States and China signed an agreement on climate cooperation.",
			ms:   []m{usa("The United States"), chn("China")},
			want: []string{"CHN>USA 057 occurred", "USA>CHN 057 occurred"}, issues: []string{"climate"}},
		{name: "rejection of accusations",
			text: "China rejected the accusations made by Washington.",
			ms:   []m{chn("China"), wash("Washington")},
			want: []string{"CHN>USAGOV 016 occurred"}},
		{name: "express concern",
			text: "Blinken expressed concern about China's human rights abuses in Xinjiang.",
			ms:   []m{blinken("Blinken"), chn("China")},
			want: []string{"USAGOV>CHN 111 occurred"}, issues: []string{"human-rights"}},
		{name: "declined a meeting",
			text: "China declined a meeting between Secretary Austin and Minister Li.",
			ms:   []m{chn("China"), austin("Secretary Austin"), li("Minister Li")},
			want: []string{"CHN>USAMIL 040 declined"}},
		{name: "declined a request for a call",
			text: "Beijing declined a U.S. request for a call between defense chiefs.",
			ms:   []m{beijing("Beijing"), usa("U.S.")},
			want: []string{"CHNGOV>USA 041 declined"}, issues: []string{"military"}},
		{name: "trip postponed (passive, no agent)",
			text: "Blinken's trip to Beijing was postponed after the balloon incident.",
			ms:   []m{blinken("Blinken"), beijing("Beijing")},
			want: []string{"USAGOV>CHNGOV 042 postponed"}, issues: []string{"airspace"}},
		{name: "postponed a visit",
			text: "Secretary Blinken postponed his visit to China.",
			ms:   []m{blinken("Secretary Blinken"), chn("China")},
			want: []string{"USAGOV>CHN 042 postponed"}},
		{name: "talks cancelled by China (passive)",
			text: "Military talks with the United States were cancelled by China in August.",
			ms:   []m{usa("the United States"), chn("China")},
			want: []string{"CHN>USA 040 cancelled"}, issues: []string{"military"}},
		{name: "list item with implied source",
			text: "1. Canceling China-U.S. Theater Commanders Talk.",
			side: "CHN",
			ms:   []m{chn("China"), usa("U.S.")},
			want: []string{"CHNGOV>USA 040 cancelled"}, issues: []string{"military"}},
		{name: "suspending cooperation in a list item",
			text: "6. Suspending China-U.S. counternarcotics cooperation.",
			side: "CHN",
			ms:   []m{chn("China"), usa("U.S.")},
			want: []string{"CHNGOV>USA 063 suspended"}, issues: []string{"narcotics"}},
		{name: "planned with would",
			text: "Qin would visit the United States later this year.",
			ms:   []m{qin("Qin"), usa("the United States")},
			want: []string{"CHNGOV>USA 042 planned", "USA>CHNGOV 043 planned"}},
		{name: "planned with will",
			text: "Secretary Blinken will travel to Beijing next week.",
			ms:   []m{blinken("Secretary Blinken"), beijing("Beijing")},
			want: []string{"CHNGOV>USAGOV 043 planned", "USAGOV>CHNGOV 042 planned"}},
		{name: "the visit will take place",
			text: "Blinken said the visit to China will take place when conditions allow.",
			ms:   []m{blinken("Blinken"), chn("China")},
			want: []string{"CHN>USAGOV 043 planned", "USAGOV>CHN 042 planned"}},
		{name: "agreed to resume military talks is planned",
			text: "The two sides agreed to resume military-to-military communication channels.",
			ms:   []m{both("The two sides")},
			want: []string{"CHN>USA 030 occurred", "USA>CHN 030 occurred"}, issues: []string{"military"}},
		{name: "agreed to resume talks",
			text: "Xi and Biden agreed to resume high-level military talks.",
			ms:   []m{xi("Xi"), {"Biden", "USAGOV", "USA", "Joe Biden", "dict"}},
			want: []string{"CHNGOV>USAGOV 040 planned", "USAGOV>CHNGOV 040 planned"}, issues: []string{"military"}},
		{name: "invitation proposed",
			text: "Blinken invited Wang to visit Washington.",
			ms:   []m{blinken("Blinken"), wang("Wang"), wash("Washington")},
			want: []string{"USAGOV>CHNGOV 043 proposed"}},
		{name: "passive invitation",
			text: "Wang was invited by Blinken to visit the United States.",
			ms:   []m{wang("Wang"), blinken("Blinken"), usa("the United States")},
			want: []string{"USAGOV>CHNGOV 043 proposed"}},
		{name: "proposed a meeting",
			text: "The United States proposed a meeting between defense ministers.",
			ms:   []m{usa("The United States")},
			want: []string{"USA>- 040 proposed"}, issues: []string{"military"}},
		{name: "negated reiteration",
			text: "China did not reiterate its call for a ceasefire.",
			ms:   []m{chn("China")},
			want: []string{"CHN>- 010 negated"}},
		{name: "never visited",
			text: "Li has never visited the United States as defense minister.",
			ms:   []m{li("Li"), usa("the United States")},
			want: []string{"CHNMIL>USA 042 negated"}, issues: []string{"military"}},
		{name: "failed to meet",
			text: "Austin failed to meet Li at the Shangri-La Dialogue in Singapore.",
			ms:   []m{austin("Austin"), li("Li")},
			want: []string{"USAMIL>CHNMIL 044 negated"}},
		{name: "hypothetical if: the condition is no event and its subject the target",
			text: "If the United States sanctions Chinese companies, China would take countermeasures.",
			ms:   []m{usa("the United States"), cngov("Chinese companies"), chn("China")},
			want: []string{"CHN>USA 160 hypothetical"}},
		{name: "suspended cooperation",
			text: "China suspended climate cooperation with the United States.",
			ms:   []m{chn("China"), usa("the United States")},
			want: []string{"CHN>USA 060 suspended"}, issues: []string{"climate"}},
		{name: "resumed talks (intransitive)",
			text: "Military talks between the United States and China resumed in January.",
			ms:   []m{usa("the United States"), chn("China")},
			want: []string{"CHN>USA 040 resumed", "USA>CHN 040 resumed"}, issues: []string{"military"}},
		{name: "ongoing",
			text: "The United States and China continue to hold talks on fentanyl.",
			ms:   []m{usa("The United States"), chn("China")},
			want: []string{"CHN>USA 040 ongoing", "USA>CHN 040 ongoing"}, issues: []string{"narcotics"}},
		{name: "two events: met and agreed",
			text: "Biden met Xi and agreed to maintain communication.",
			ms:   []m{{"Biden", "USAGOV", "USA", "Joe Biden", "dict"}, xi("Xi")},
			want: []string{"CHNGOV>USAGOV 040 occurred", "USAGOV>-  030 occurred", "USAGOV>CHNGOV 040 occurred"}},
		{name: "sanctions",
			text: "The United States sanctioned Chinese Defense Minister Li Shangfu in 2018.",
			ms:   []m{usa("The United States"), li("Chinese Defense Minister Li Shangfu")},
			ds:   []d{{"2018", "2018-01-01", "2018-12-31", dyad.PrecisionYear}},
			want: []string{"USA>CHNMIL 163 occurred"}, issues: []string{"military"}},
		{name: "no actor no event",
			text: "The weather in the region was unusually warm.",
			want: nil},
		{name: "no verb no event",
			text: "Secretary Blinken and Foreign Minister Wang Yi.",
			ms:   []m{blinken("Secretary Blinken"), wang("Foreign Minister Wang Yi")},
			want: nil},
		{name: "demand with a THAT-clause targets its subject and codes nothing inside",
			text: "Wang demanded that Washington stop arming Taiwan.",
			ms:   []m{wang("Wang"), wash("Washington"), {"Taiwan", "TWN", "TWN", "", "dict"}},
			want: []string{"CHNGOV>USAGOV 100 occurred"}, issues: []string{"taiwan"}},
		{name: "accusation: the gerund after OF is its content",
			text: "China accused the United States of violating the trade agreement.",
			ms:   []m{chn("China"), usa("the United States")},
			want: []string{"CHN>USA 112 occurred"}, issues: []string{"trade"}},
		{name: "a verb after a date under ON is not a topic noun",
			text: "China on Tuesday demanded that Japan release the detained crew.",
			ms:   []m{chn("China"), jpn("Japan")},
			ds:   []d{{"Tuesday", "2023-06-13", "2023-06-13", dyad.PrecisionDay}},
			want: []string{"CHN>JPN 100 occurred"}},
		{name: "purpose infinitive after a visit is not an event",
			text: "Blinken visited Tokyo to mediate between China and Japan.",
			ms:   []m{blinken("Blinken"), {"Tokyo", "JPNGOV", "JPN", "", "metonym"}, chn("China"), jpn("Japan")},
			want: []string{"JPNGOV>USAGOV 043 occurred", "USAGOV>JPNGOV 042 occurred"}},
		{name: "the subject of a clause after AFTER is its own",
			text: "Japan restored diplomatic ties with China five years after crowds attacked its embassy.",
			ms:   []m{jpn("Japan"), chn("China")},
			want: []string{"JPN>CHN 050 occurred"}},
		{name: "future date makes a plan",
			text: "Blinken meets Wang on June 25.",
			ms:   []m{blinken("Blinken"), wang("Wang")},
			ds:   []d{{"June 25", "2023-06-25", "2023-06-25", dyad.PrecisionDay}},
			want: []string{"CHNGOV>USAGOV 040 planned", "USAGOV>CHNGOV 040 planned"}},
		{name: "domestic sentence keeps a target of the source's state",
			text: "Kenyan police arrested opposition supporters after the vote.",
			ms:   []m{{"Kenyan police", "KENCOP", "KEN", "", "agent"}, {"opposition supporters", "KENOPP", "KEN", "", "agent"}},
			want: []string{"KENCOP>KENOPP 173 occurred"}},
		{name: "same-state target dropped when another state is named",
			text: "China rejected a U.S. request for a call between Minister Li Shangfu and Secretary Austin.",
			ms:   []m{chn("China"), usa("U.S."), li("Minister Li Shangfu"), austin("Secretary Austin")},
			want: []string{"CHN>USAMIL 041 declined"}},
		{name: "the state itself is no target of its own agents",
			text: "Secretary Blinken reaffirmed the U.S. commitment to its allies.",
			ms:   []m{blinken("Secretary Blinken"), usa("U.S.")},
			want: []string{"USAGOV>- 030 occurred"}},
		{name: "same code is still the source",
			text: "Chinese officials criticized Beijing's own statistics bureau.",
			ms:   []m{cngov("Chinese officials"), beijing("Beijing")},
			want: []string{"CHNGOV>- 111 occurred"}},
		{name: "arrival in a city of another state is a visit to it",
			text: "Foreign Minister Wang Yi arrived in Washington on Thursday.",
			ms:   []m{wang("Foreign Minister Wang Yi"), wash("Washington")},
			want: []string{"CHNGOV>USAGOV 042 occurred", "USAGOV>CHNGOV 043 occurred"}},
		{name: "arrival in a city of the own state is no visit",
			text: "Foreign Minister Wang Yi arrived in Beijing on Thursday.",
			ms:   []m{wang("Foreign Minister Wang Yi"), beijing("Beijing")},
			want: nil},
		{name: "the two countries are the two states named before",
			text: "Vietnam and India signed a pact on maritime cooperation between the two countries.",
			ms: []m{{"Vietnam", "VNM", "VNM", "", "dict"}, {"India", "IND", "IND", "", "dict"},
				both("the two countries")},
			want: []string{"IND>VNM 057 occurred", "VNM>IND 057 occurred"}},
		{name: "the two sides alone are the dyad",
			text: "The two sides signed a memorandum on climate cooperation.",
			ms:   []m{both("The two sides")},
			want: []string{"CHN>USA 057 occurred", "USA>CHN 057 occurred"}, issues: []string{"climate"}},
		{name: "a visit under DURING is the setting of the event already coded",
			text: "Japan criticized China during a short official visit to Beijing.",
			ms:   []m{jpn("Japan"), chn("China"), beijing("Beijing")},
			want: []string{"JPN>CHN 111 occurred"}},
		{name: "a meeting under DURING before the main verb is coded",
			text: "During his visit to Tokyo, Blinken praised Japan.",
			ms:   []m{{"Tokyo", "JPNGOV", "JPN", "", "metonym"}, blinken("Blinken"), jpn("Japan")},
			want: []string{"USAGOV>JPN 051 occurred"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(t, tt.text, tt.side, tt.ms, tt.ds)
			evs := c.Code(in)
			got := summarize(evs)
			want := append([]string(nil), tt.want...)
			for i := range want {
				want[i] = strings.Join(strings.Fields(want[i]), " ")
			}
			sort.Strings(want)
			if strings.Join(got, "; ") != strings.Join(want, "; ") {
				var why []string
				for _, e := range c.Explain(in) {
					why = append(why, e.Pattern+" / "+e.Source+" / "+e.Target+" / "+e.Status)
				}
				t.Errorf("Code(%q) = %v, want %v\n  %s", tt.text, got, want, strings.Join(why, "\n  "))
			}
			for _, e := range evs {
				if strings.Join(e.Issues, ",") != strings.Join(tt.issues, ",") {
					t.Errorf("Code(%q) issues = %v, want %v", tt.text, e.Issues, tt.issues)
					break
				}
			}
		})
	}
}
