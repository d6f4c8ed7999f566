package text_test

import (
	"slices"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/text"
)

// sentenceTexts returns the text of each sentence.
func sentenceTexts(in string, ss []dyad.Sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, in[s.Span.Start:s.Span.End])
	}
	return out
}

func TestSegmenter_Segment(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// Basics.
		{"Empty", "", nil},
		{"OnlySpace", " \n\t\n  \n", nil},
		{"OneSentence", "Xi met Biden.", []string{"Xi met Biden."}},
		{"NoFinalStop", "Xi met Biden", []string{"Xi met Biden"}},
		{"TwoSentences", "Xi met Biden. They talked.", []string{"Xi met Biden.", "They talked."}},
		{"SurroundingSpace", "  \n Xi met Biden.  They talked. \n ", []string{"Xi met Biden.", "They talked."}},
		{"Question", "Will they meet? Nobody knows.", []string{"Will they meet?", "Nobody knows."}},
		{"Exclamation", "Welcome to China! Thank you.", []string{"Welcome to China!", "Thank you."}},
		{"QuestionExclamation", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"LowerAfterQuestion", `"Is this the end?" he asked.`, []string{`"Is this the end?" he asked.`}},
		{"NoSpaceAfterPeriod", "The U.S.-China talks ended.", []string{"The U.S.-China talks ended."}},
		{"Unicode spaces", "He left.\u00a0\u00a0She stayed.\u3000", []string{"He left.", "She stayed."}},
		{"CRLF", "He left.\r\n\r\nShe stayed.\r\n", []string{"He left.", "She stayed."}},

		// Paragraphs and lines.
		{"BlankLineEndsSentence", "Xi Jinping said\n\nThe talks ended.", []string{"Xi Jinping said", "The talks ended."}},
		{"SpacesOnBlankLine", "First part\n   \t\nSecond part", []string{"First part", "Second part"}},
		{"SaidThenParagraph", "The meeting was productive, Xi Jinping said.\n\nBoth sides agreed to meet again.", []string{"The meeting was productive, Xi Jinping said.", "Both sides agreed to meet again."}},
		{"Headline", "Xi Meets Blinken in Beijing\nThe two sides held talks on Monday.", []string{"Xi Meets Blinken in Beijing", "The two sides held talks on Monday."}},
		{"HeadlineAndDateline", "Secretary Blinken's Meeting with Foreign Minister Wang Yi\nJune 20, 2023\nThe Secretary met Wang Yi.", []string{"Secretary Blinken's Meeting with Foreign Minister Wang Yi", "June 20, 2023", "The Secretary met Wang Yi."}},
		{"SentenceCaseHeadline", "Senior Chinese official meets with U.S. secretary of state\nJune 19, 2023", []string{"Senior Chinese official meets with U.S. secretary of state", "June 19, 2023"}},
		{"ShortHeadlineThenName", "Blinken meets Wang Yi in Washington\nSecretary of State Antony J. Blinken met Wang Yi.", []string{"Blinken meets Wang Yi in Washington", "Secretary of State Antony J. Blinken met Wang Yi."}},
		{"Dateline", "Office of the Spokesperson\n10/26/2023 11:52 PM EDT\nWASHINGTON, D.C. The Secretary met Wang Yi.", []string{"Office of the Spokesperson", "10/26/2023 11:52 PM EDT", "WASHINGTON, D.C.", "The Secretary met Wang Yi."}},
		{"Byline", "Beijing Warns Washington Over Chip Curbs\nBy Jane Roe\nBeijing on Tuesday warned Washington.", []string{"Beijing Warns Washington Over Chip Curbs", "By Jane Roe", "Beijing on Tuesday warned Washington."}},
		{"WrappedProseLower", "The two sides agreed to keep\nchannels of communication open.", []string{"The two sides agreed to keep\nchannels of communication open."}},
		{"WrappedAfterFunctionWord", "The Secretary met with the\nForeign Minister in Washington.", []string{"The Secretary met with the\nForeign Minister in Washington."}},
		{"WrappedAfterComma", "Wang Yi, director of the office,\nMet reporters.", []string{"Wang Yi, director of the office,\nMet reporters."}},
		{"WrappedBeforeName", "The Secretary discussed regional security issues with Foreign Minister\nQin Gang during a working lunch.", []string{"The Secretary discussed regional security issues with Foreign Minister\nQin Gang during a working lunch."}},
		{"WrappedMonthNumber", "The two delegations will reconvene in Geneva early next year, on June\n19, for another round.", []string{"The two delegations will reconvene in Geneva early next year, on June\n19, for another round."}},
		{"WrappedAfterCapitalThe", "Over the past few days the two sides have had candid talks, and The\nChinese side has made its decision clear.", []string{"Over the past few days the two sides have had candid talks, and The\nChinese side has made its decision clear."}},
		{"WrappedBeforeParen", "They addressed issues that affect people in the People's Republic of China\n(PRC) and around the world.", []string{"They addressed issues that affect people in the People's Republic of China\n(PRC) and around the world."}},
		{"WrappedBeforeAcronym", "Secretary of State Antony J. Blinken hosted the visiting Director\nCCP official Wang Yi in Washington.", []string{"Secretary of State Antony J. Blinken hosted the visiting Director\nCCP official Wang Yi in Washington."}},
		{"WrappedXiAtLineStart", "The statement was read out at the end of the talks by President\nXi. The talks ended.", []string{"The statement was read out at the end of the talks by President\nXi.", "The talks ended."}},
		{"WrappedBeforeInitial", "The two sides met in Beijing, where the Secretary of State Antony\nJ. Blinken spoke first.", []string{"The two sides met in Beijing, where the Secretary of State Antony\nJ. Blinken spoke first."}},
		{"LetterOutline", "A. Background\nB. Current Situation\nC. Recommendations", []string{"A. Background", "B. Current Situation", "C. Recommendations"}},
		{"LetterOutlineAfterHeading", "Summary of the Talks\nA. Background of the visit", []string{"Summary of the Talks", "A. Background of the visit"}},
		{"WrappedListItem", "1. Canceling China-U.S. Military Maritime Consultative\nAgreement (MMCA) meetings.\n2. Suspending talks.", []string{"1. Canceling China-U.S. Military Maritime Consultative\nAgreement (MMCA) meetings.", "2. Suspending talks."}},
		{"WrappedBlockBeforeStarter", "In disregard of China's strong opposition and serious representations,\nSpeaker of the U.S. House of Representatives Nancy Pelosi visited\nChina's Taiwan region. Chinese Foreign Ministry on Friday announced the\nfollowing countermeasures.",
			[]string{"In disregard of China's strong opposition and serious representations,\nSpeaker of the U.S. House of Representatives Nancy Pelosi visited\nChina's Taiwan region.", "Chinese Foreign Ministry on Friday announced the\nfollowing countermeasures."}},
		{"HeadlineBeforeStarter", "Pelosi visited the island despite strong opposition\nChina announced countermeasures on Friday.", []string{"Pelosi visited the island despite strong opposition", "China announced countermeasures on Friday."}},
		{"HeadlineShortNext", "Secretary Blinken's Meeting with Foreign Minister Wang Yi\nOffice of the Spokesperson", []string{"Secretary Blinken's Meeting with Foreign Minister Wang Yi", "Office of the Spokesperson"}},
		{"WrappedHyphen", "They pledged to resume military-\nto-military channels.", []string{"They pledged to resume military-\nto-military channels."}},
		{"PeriodAtLineEnd", "The talks ended.\nBoth sides issued statements.", []string{"The talks ended.", "Both sides issued statements."}},
		{"PeriodAtLineEndLowerNext", "The talks ended at the U.S.\nembassy late on Monday.", []string{"The talks ended at the U.S.\nembassy late on Monday."}},
		{"ColonLine", "The following is attributable to Spokesperson Matthew Miller:\nSecretary Blinken met Wang Yi.", []string{"The following is attributable to Spokesperson Matthew Miller:", "Secretary Blinken met Wang Yi."}},
		{"ColonParagraph", "The following is attributable to Spokesperson Matthew Miller:\n\nSecretary Blinken met Wang Yi.", []string{"The following is attributable to Spokesperson Matthew Miller:", "Secretary Blinken met Wang Yi."}},
		{"ColonInline", "He listed two goals: stability and trade. Talks continue.", []string{"He listed two goals: stability and trade.", "Talks continue."}},
		{"Times", "The meeting began at 10:30 in Beijing. It ended at noon.", []string{"The meeting began at 10:30 in Beijing.", "It ended at noon."}},

		// Abbreviations.
		{"Mr", "Mr. Secretary, welcome to China.", []string{"Mr. Secretary, welcome to China."}},
		{"Titles", "Gen. Li met Adm. Aquilino and Lt. Col. Smith. Dr. Wu and Prof. Chen attended.", []string{"Gen. Li met Adm. Aquilino and Lt. Col. Smith.", "Dr. Wu and Prof. Chen attended."}},
		{"MoreTitles", "Sen. Roe, Rep. Doe, Gov. Poe, Amb. Burns, Sec. Raimondo, Secy. Yellen, Capt. Ng, Maj. Ito and Sgt. Kay spoke.", []string{"Sen. Roe, Rep. Doe, Gov. Poe, Amb. Burns, Sec. Raimondo, Secy. Yellen, Capt. Ng, Maj. Ito and Sgt. Kay spoke."}},
		{"Pres", "Pres. Biden and Rev. Smith met. Mrs. Biden and Ms. Lee joined.", []string{"Pres. Biden and Rev. Smith met.", "Mrs. Biden and Ms. Lee joined."}},
		{"TitlesAllCaps", "MR. PRICE read the statement.", []string{"MR. PRICE read the statement."}},
		{"Months", "Talks on Jan. 5, Feb. 6, Mar. 7, Apr. 8, Aug. 9, Sept. 10, Sep. 11, Oct. 12, Nov. 13 and Dec. 14 were held.", []string{"Talks on Jan. 5, Feb. 6, Mar. 7, Apr. 8, Aug. 9, Sept. 10, Sep. 11, Oct. 12, Nov. 13 and Dec. 14 were held."}},
		{"No", "Resolution No. 2758 and Nos. 3 and 4 were cited.", []string{"Resolution No. 2758 and Nos. 3 and 4 were cited."}},
		{"VsEtc", "Trade vs. security, climate, drugs, etc. were on the agenda.", []string{"Trade vs. security, climate, drugs, etc. were on the agenda."}},
		{"EtcEndsSentence", "They discussed trade, climate, etc. The talks ended.", []string{"They discussed trade, climate, etc.", "The talks ended."}},
		{"EgIe", "Some issues, e.g. fentanyl, i.e. synthetic drugs, are urgent.", []string{"Some issues, e.g. fentanyl, i.e. synthetic drugs, are urgent."}},
		{"EgBeforeCapital", "Several agencies, e.g. Commerce and Treasury, objected.", []string{"Several agencies, e.g. Commerce and Treasury, objected."}},
		{"Companies", "Huawei Technologies Co. Ltd. and Apple Inc. and Boeing Corp. were named. Dept. officials and Univ. staff agreed.", []string{"Huawei Technologies Co. Ltd. and Apple Inc. and Boeing Corp. were named.", "Dept. officials and Univ. staff agreed."}},
		{"Approx", "The tariffs cover approx. 300 billion dollars of goods.", []string{"The tariffs cover approx. 300 billion dollars of goods."}},
		{"StJrSr", "He spoke at St. Regis with Martin Luther King Jr. and John Doe Sr. before leaving.", []string{"He spoke at St. Regis with Martin Luther King Jr. and John Doe Sr. before leaving."}},
		{"Initial", "Secretary of State Antony J. Blinken traveled to Beijing.", []string{"Secretary of State Antony J. Blinken traveled to Beijing."}},
		{"TwoInitials", "George H. W. Bush visited Beijing in 1975.", []string{"George H. W. Bush visited Beijing in 1975."}},
		{"USSecretary", "U.S. Secretary of State Antony Blinken arrived.", []string{"U.S. Secretary of State Antony Blinken arrived."}},
		{"USMidSentence", "The U.S. and China agreed.", []string{"The U.S. and China agreed."}},
		{"USEndsSentence", "Wang held talks with the U.S. The two sides agreed to meet again.", []string{"Wang held talks with the U.S.", "The two sides agreed to meet again."}},
		{"USBeforeChina", "The delegation left the U.S. China protested the visit.", []string{"The delegation left the U.S.", "China protested the visit."}},
		{"USBeforeHe", "Qin flew to the U.S. He met Biden.", []string{"Qin flew to the U.S.", "He met Biden."}},
		{"USBeforeQuote", `Beijing warned the U.S. "Stop interfering," it said.`, []string{"Beijing warned the U.S.", `"Stop interfering," it said.`}},
		{"USBeforeUN", "He briefed the U.S. U.N. mission.", []string{"He briefed the U.S. U.N. mission."}},
		{"PRCUN", "The P.R.C. and the U.N. and the U.K. and D.C. officials met.", []string{"The P.R.C. and the U.N. and the U.K. and D.C. officials met."}},
		{"PRCEndsSentence", "The statement criticized the P.R.C. Its ministry replied.", []string{"The statement criticized the P.R.C.", "Its ministry replied."}},
		{"AbbrevEndsParagraph", "The talks were held in Washington, D.C.\n\nBoth sides agreed.", []string{"The talks were held in Washington, D.C.", "Both sides agreed."}},
		{"AbbrevEndsText", "Wang met officials from the U.S.", []string{"Wang met officials from the U.S."}},
		{"USLineEndBeforeThe", "Wang held talks with the U.S.\nThe two sides agreed.", []string{"Wang held talks with the U.S.", "The two sides agreed."}},
		{"USBeforeListMarker", "Measures against the U.S. 1. Canceling talks.", []string{"Measures against the U.S.", "1. Canceling talks."}},
		{"TitleAtLineEnd", "The statement was read by Mr.\nMiller on Monday.", []string{"The statement was read by Mr.\nMiller on Monday."}},

		// Numbers, times, ellipses, cuts.
		{"Decimal", "Growth slowed to 3.5 percent. Exports fell.", []string{"Growth slowed to 3.5 percent.", "Exports fell."}},
		{"NumberEndsSentence", "They met in 2023. Talks resumed.", []string{"They met in 2023.", "Talks resumed."}},
		{"AM", "The meeting began at 10 a.m. on Monday and ended at 2 p.m. local time.", []string{"The meeting began at 10 a.m. on Monday and ended at 2 p.m. local time."}},
		{"PMEndsSentence", "The meeting ended at 2 p.m. The ministers then left.", []string{"The meeting ended at 2 p.m.", "The ministers then left."}},
		{"Ellipsis", "We will ... continue to talk. Then we leave.", []string{"We will ... continue to talk.", "Then we leave."}},
		{"EllipsisCapital", "He said the U.S. should... Beijing would respond.", []string{"He said the U.S. should... Beijing would respond."}},
		{"EllipsisChar", "We will… continue. Yes.", []string{"We will… continue.", "Yes."}},
		{"CutAlone", "The Secretary spoke.\n\n[...]\n\nThe talks ended.", []string{"The Secretary spoke.", "[...]", "The talks ended."}},
		{"CutAtEnd", "Secretary Blinken [...]", []string{"Secretary Blinken [...]"}},
		{"CutMidWord", "Reiterating the importance of ties bet[...]", []string{"Reiterating the importance of ties bet[...]"}},
		{"CutBeforeCapital", "The Secretary spoke [...] The talks ended.", []string{"The Secretary spoke [...]", "The talks ended."}},
		{"CutAfterStop", "The Secretary spoke. [...] The talks ended.", []string{"The Secretary spoke.", "[...]", "The talks ended."}},
		{"CutUnicode", "The talks […] ended.", []string{"The talks […] ended."}},

		// Lists.
		{"NumberedList", "Chinese Foreign Ministry announced the following countermeasures:\n1. Canceling China-U.S. Theater Commanders Talk\n2. Suspending China-U.S. talks on climate change.",
			[]string{"Chinese Foreign Ministry announced the following countermeasures:", "1. Canceling China-U.S. Theater Commanders Talk", "2. Suspending China-U.S. talks on climate change."}},
		{"NumberedListParagraphs", "1. Canceling China-U.S. Theater Commanders Talk.\n\n2. Canceling China-U.S. Defense Policy Coordination Talks (DPCT).",
			[]string{"1. Canceling China-U.S. Theater Commanders Talk.", "2. Canceling China-U.S. Defense Policy Coordination Talks (DPCT)."}},
		{"ParenList", "Measures\n(1) Canceling talks\n(2) Suspending cooperation\n3) Suspending dialogue", []string{"Measures", "(1) Canceling talks", "(2) Suspending cooperation", "3) Suspending dialogue"}},
		{"LetterList", "Steps:\na. Canceling talks\nb. Suspending cooperation", []string{"Steps:", "a. Canceling talks", "b. Suspending cooperation"}},
		{"RomanList", "iv. Suspending cooperation\nv. Canceling talks", []string{"iv. Suspending cooperation", "v. Canceling talks"}},
		{"Bullets", "Agreed outcomes\n• Resume military talks\n- Expand flights", []string{"Agreed outcomes", "• Resume military talks", "- Expand flights"}},

		// Quotes and brackets.
		{"ClosingQuote", `He said, "We will compete." Then he left.`, []string{`He said, "We will compete."`, "Then he left."}},
		{"CurlyQuote", "Xi said, “The two sides made progress.” Blinken agreed.", []string{"Xi said, “The two sides made progress.”", "Blinken agreed."}},
		{"SingleQuote", "He called it ‘a step forward.’ Others disagreed.", []string{"He called it ‘a step forward.’", "Others disagreed."}},
		{"Paren", "The talks ended (as planned.) Both sides left.", []string{"The talks ended (as planned.)", "Both sides left."}},
		{"QuestionInQuote", `"Why now?" Wang asked. "Because," Blinken said.`, []string{`"Why now?"`, `Wang asked.`, `"Because," Blinken said.`}},
		{"PhotoCredit", "Xi meets Blinken in Beijing, June 19, 2023. (Xinhua/Li Xueren)", []string{"Xi meets Blinken in Beijing, June 19, 2023.", "(Xinhua/Li Xueren)"}},

		// Transcripts.
		{"SpeakerLines", "PRESIDENT XI:  Mr. Secretary, welcome to China.  This is very good.\nSECRETARY BLINKEN:  Mr. President, thank you.",
			[]string{"PRESIDENT XI:  Mr. Secretary, welcome to China.", "This is very good.", "SECRETARY BLINKEN:  Mr. President, thank you."}},
		{"SpeakerAfterUnfinished", "QUESTION: And the chips, the export controls\nMR. MILLER: We have been clear.",
			[]string{"QUESTION: And the chips, the export controls", "MR. MILLER: We have been clear."}},
		{"SpeakerAfterComma", "MODERATOR: Next question, please,\nQ: Thank you.", []string{"MODERATOR: Next question, please,", "Q: Thank you."}},
		{"Inaudible", "The two sides have had candid (inaudible) discussions. Thank you.", []string{"The two sides have had candid (inaudible) discussions.", "Thank you."}},

		// Chinese.
		{"Chinese", "中美双方同意继续对话。王毅会见了布林肯！双方会谈了吗？", []string{"中美双方同意继续对话。", "王毅会见了布林肯！", "双方会谈了吗？"}},
		{"ChineseQuote", "习近平说：“中方立场是明确的。”双方同意。", []string{"习近平说：“中方立场是明确的。”", "双方同意。"}},
		{"ChineseSemicolon", "双方同意对话；中方表示欢迎。", []string{"双方同意对话；中方表示欢迎。"}},
		{"ChineseFullWidth", "真的吗？！是的。", []string{"真的吗？！", "是的。"}},
		{"ChineseBrackets", "（外交部发言人表示欢迎。）他说。", []string{"（外交部发言人表示欢迎。）", "他说。"}},
		{"ChineseCornerQuote", "他说「我们会合作。」然后离开。", []string{"他说「我们会合作。」", "然后离开。"}},
		{"ChineseMixed", "外交部发言人说，中方反对美方的做法。The U.S. rejected it.", []string{"外交部发言人说，中方反对美方的做法。", "The U.S. rejected it."}},

		// Realistic paragraphs.
		{"Readout", "The below is attributable to Spokesperson Ned Price:\n\nSecretary Blinken spoke today with PRC Foreign Minister Wang Yi.  The Secretary raised concerns about the P.R.C.'s support for Russia.  He stressed the need to keep lines of communication open.",
			[]string{"The below is attributable to Spokesperson Ned Price:", "Secretary Blinken spoke today with PRC Foreign Minister Wang Yi.", "The Secretary raised concerns about the P.R.C.'s support for Russia.", "He stressed the need to keep lines of communication open."}},
		{"NewsLead", "BEIJING, Aug. 5 (Xinhua) -- The Chinese Foreign Ministry on Friday announced eight countermeasures. The measures include suspending talks with the U.S. on climate change.",
			[]string{"BEIJING, Aug. 5 (Xinhua) -- The Chinese Foreign Ministry on Friday announced eight countermeasures.", "The measures include suspending talks with the U.S. on climate change."}},
		{"Statement", "Gen. Mark A. Milley spoke with Gen. Li Zuocheng on Dec. 20. The two leaders discussed the need to maintain open lines of communication. Lt. Gen. Smith attended.",
			[]string{"Gen. Mark A. Milley spoke with Gen. Li Zuocheng on Dec. 20.", "The two leaders discussed the need to maintain open lines of communication.", "Lt. Gen. Smith attended."}},
		{"WrappedNews", "WASHINGTON (Reuters) - The United States and China agreed on Friday to\nresume talks between their militaries, a senior U.S. official said,\nafter a months-long freeze. The official spoke on condition of anonymity.",
			[]string{"WASHINGTON (Reuters) - The United States and China agreed on Friday to\nresume talks between their militaries, a senior U.S. official said,\nafter a months-long freeze.", "The official spoke on condition of anonymity."}},
		{"TranscriptTurns", "SECRETARY BLINKEN: Good afternoon, everyone.\n\nQUESTION: Mr. Secretary, did you raise Taiwan?\n\nSECRETARY BLINKEN: I did. We discussed it at length.",
			[]string{"SECRETARY BLINKEN: Good afternoon, everyone.", "QUESTION: Mr. Secretary, did you raise Taiwan?", "SECRETARY BLINKEN: I did.", "We discussed it at length."}},
	}
	var seg text.Segmenter
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in, seg.Segment(tt.in))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Segment(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSegmenter_IndexPara(t *testing.T) {
	in := "Headline\n\nFirst one. Second one.\n\n\n\nThird one.\nFourth one."
	type sp struct{ Index, Para int }
	want := []sp{{0, 0}, {1, 1}, {2, 1}, {3, 2}, {4, 2}}
	var seg text.Segmenter
	var got []sp
	for _, s := range seg.Segment(in) {
		got = append(got, sp{s.Index, s.Para})
	}
	if !slices.Equal(got, want) {
		t.Errorf("Segment(%q) index/para = %v, want %v", in, got, want)
	}
}

func TestSegmenter_AppendSentences(t *testing.T) {
	var seg text.Segmenter
	in := "One. Two.\n\nThree."
	prefix := []dyad.Sentence{{Index: 9, Span: dyad.Span{Start: 0, End: 1}, Para: 9}}
	got := seg.AppendSentences(prefix, in)
	want := append(prefix[:1:1], seg.Segment(in)...)
	if !slices.Equal(got, want) {
		t.Errorf("AppendSentences(prefix, %q) = %v, want %v", in, got, want)
	}
	if got[1].Index != 0 || got[1].Para != 0 {
		t.Errorf("AppendSentences(prefix, %q)[1] = %+v, want Index 0, Para 0", in, got[1])
	}
	// Every path of the scanner, with a buffer of enough capacity, runs
	// without allocating.
	hard := "MR. PRICE met Gen. Li at 10 a.m. in the U.S. The talks, and The\nChinese side, went on.\n" +
		"Headline Of The Day\nJune 20, 2023\n\n1. Canceling China-U.S. Military Maritime\nConsultative talks\n" +
		"SECRETARY BLINKEN: Thank you [...] 中美双方同意。\nIn disregard of the strong opposition and serious representations,\n" +
		"Speaker of the House of Representatives Nancy Pelosi visited\nChina's Taiwan region."
	buf := make([]dyad.Sentence, 0, 32)
	if n := testing.AllocsPerRun(100, func() { buf = seg.AppendSentences(buf[:0], hard) }); n != 0 {
		t.Errorf("AppendSentences(%q) with capacity allocates %v times, want 0", hard, n)
	}
}
