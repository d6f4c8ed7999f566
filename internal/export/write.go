package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-dev/dyad"
)

// Formats lists the names accepted by Write.
var Formats = []string{"jsonl", "csv", "gdelt", "icews", "plover"}

// Write writes events to w in the named format. Events should have their
// Sources filled; lk supplies documents and code names.
func Write(w io.Writer, format string, events []*dyad.Event, lk Lookup) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "jsonl", "json":
		err = writeJSONL(bw, events, lk)
	case "csv":
		err = writeCSV(bw, events, lk)
	case "gdelt":
		err = writeGDELT(bw, events, lk)
	case "icews":
		err = writeICEWS(bw, events, lk)
	case "plover":
		err = writePLOVER(bw, events, lk)
	default:
		return dyad.Errorf(dyad.EINVALID, "unknown export format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	return bw.Flush()
}

func writeJSONL(w io.Writer, events []*dyad.Event, lk Lookup) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, ev := range events {
		if err := enc.Encode(NewRecord(ev, "", lk)); err != nil {
			return err
		}
	}
	return nil
}

// CSVHeader is the header row of dyad's CSV format.
var CSVHeader = []string{
	"id", "key", "date", "date_end", "date_precision", "date_from_doc",
	"source_text", "source_code", "source_country", "source_person", "source_office",
	"target_text", "target_code", "target_country", "target_person", "target_office",
	"cameo", "cameo_name", "plover", "mode", "quad", "goldstein", "status",
	"issues", "location", "object", "n_sources", "doc_id", "document", "publisher", "side", "sentence", "span_start", "span_end", "text",
}

func writeCSV(w io.Writer, events []*dyad.Event, lk Lookup) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, ev := range events {
		r := NewRecord(ev, "", lk)
		var t ActorRecord
		if r.Target != nil {
			t = *r.Target
		}
		var doc, pub, side string
		if len(r.Sources) > 0 {
			doc, pub, side = r.Sources[0].Document, r.Sources[0].Publisher, r.Sources[0].Side
		}
		row := []string{
			strconv.FormatInt(r.ID, 10), r.Key, r.Date, r.DateEnd, string(r.DatePrecision), strconv.FormatBool(r.DateFromDoc),
			r.Source.Text, r.Source.Code, r.Source.Country, r.Source.Person, r.Source.Office,
			t.Text, t.Code, t.Country, t.Person, t.Office,
			r.CAMEO, r.CAMEOName, r.PLOVER, r.Mode, strconv.Itoa(r.Quad), fmtFloat(r.Goldstein), string(r.Status),
			strings.Join(r.Issues, ";"), r.Location, r.Object, strconv.Itoa(max(len(r.Sources), 1)),
			strconv.FormatInt(r.DocID, 10), doc, pub, side, strconv.Itoa(r.Sentence), strconv.Itoa(r.Span[0]), strconv.Itoa(r.Span[1]), r.Text,
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// sector returns the sector part of an actor code: "GOV" of "USAGOV".
func sector(code, country string) string {
	if country != "" && strings.HasPrefix(code, country) {
		return code[len(country):]
	}
	return ""
}

// GDELTHeader names the 61 columns of the GDELT 2.0 event table, in order.
// GDELT's own files have no header row; Write leaves it out too, and
// cmd/dyad offers it with --header.
var GDELTHeader = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// WriteGDELTHeader writes the GDELT column names as one tab-separated line.
func WriteGDELTHeader(w io.Writer) error {
	_, err := io.WriteString(w, strings.Join(GDELTHeader, "\t")+"\n")
	return err
}

func gdeltActor(a *dyad.Actor) []string {
	if a == nil {
		return make([]string, 10)
	}
	name := a.Person
	if name == "" {
		name = a.Text
	}
	sec := sector(a.Code, a.Country)
	types := [3]string{}
	for i := 0; i < 3 && len(sec) >= 3*(i+1); i++ {
		types[i] = sec[3*i : 3*i+3]
	}
	return []string{a.Code, strings.ToUpper(name), a.Country, "", "", "", "", types[0], types[1], types[2]}
}

func writeGDELT(w io.Writer, events []*dyad.Event, lk Lookup) error {
	for _, ev := range events {
		d := ev.Date
		frac := float64(d.Year()) + float64(d.YearDay())/365.0
		docs, pubs := map[int64]bool{}, map[string]bool{}
		var url string
		for _, s := range ev.Sources {
			docs[s.DocID] = true
			pubs[s.Publisher] = true
		}
		if lk != nil {
			if doc := lk.Document(ev.DocID); doc != nil {
				url = doc.Source
			}
		}
		root := "0"
		if ev.Sentence == 0 {
			root = "1"
		}
		base := ev.CAMEO
		if len(base) > 3 {
			base = base[:3]
		}
		added := d
		row := []string{strconv.FormatInt(ev.ID, 10), d.Format("20060102"), d.Format("200601"), d.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64)}
		row = append(row, gdeltActor(&ev.Source)...)
		row = append(row, gdeltActor(ev.Target)...)
		row = append(row, root, ev.CAMEO, base, ev.Root(), strconv.Itoa(ev.Quad), fmtFloat(ev.Goldstein),
			strconv.Itoa(max(len(ev.Sources), 1)), strconv.Itoa(max(len(pubs), 1)), strconv.Itoa(max(len(docs), 1)), "0")
		geo := make([]string, 8)
		row = append(row, geo...) // Actor1Geo
		row = append(row, geo...) // Actor2Geo
		action := make([]string, 8)
		if ev.Location != "" {
			action[0], action[1] = "0", ev.Location
		}
		row = append(row, action...)
		row = append(row, added.Format("20060102")+"000000", url)
		if _, err := io.WriteString(w, strings.Join(clean(row), "\t")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// clean removes tabs and newlines that would break a tab-separated row.
func clean(row []string) []string {
	for i, s := range row {
		if strings.ContainsAny(s, "\t\n\r") {
			row[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
		}
	}
	return row
}

// ICEWSHeader names the columns of an ICEWS event file.
var ICEWSHeader = []string{
	"Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
	"Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
	"City", "District", "Province", "Country", "Latitude", "Longitude",
}

var sectorNames = map[string]string{
	"GOV": "Government", "MIL": "Military", "LEG": "Legislative / Parliamentary", "JUD": "Judicial",
	"ELI": "Elite", "MED": "News Media", "BUS": "Business", "CVL": "Civilian", "OPP": "Opposition",
	"PTY": "Parties", "COP": "Police", "SPY": "Intelligence", "EDU": "Education", "NGO": "NGOs",
	"IGO": "International Government Organization",
}

var countryNames = map[string]string{
	"USA": "United States", "CHN": "China", "TWN": "Taiwan", "RUS": "Russian Federation", "UKR": "Ukraine",
	"JPN": "Japan", "KOR": "South Korea", "PRK": "North Korea", "IND": "India", "GBR": "United Kingdom",
	"FRA": "France", "DEU": "Germany", "PHL": "Philippines", "VNM": "Vietnam", "AUS": "Australia", "IDN": "Indonesia",
}

func icewsActor(a *dyad.Actor) (name, sectors, country string) {
	if a == nil {
		return "NA", "NA", "NA"
	}
	name = a.Person
	if name == "" {
		name = a.Text
	}
	sec := sector(a.Code, a.Country)
	var parts []string
	for i := 0; i+3 <= len(sec); i += 3 {
		if n, ok := sectorNames[sec[i:i+3]]; ok {
			parts = append(parts, n)
		}
	}
	sectors = strings.Join(parts, ",")
	country = countryNames[a.Country]
	if country == "" {
		country = a.Country
	}
	return name, orNA(sectors), orNA(country)
}

func orNA(s string) string {
	if s == "" {
		return "NA"
	}
	return s
}

func writeICEWS(w io.Writer, events []*dyad.Event, lk Lookup) error {
	if _, err := io.WriteString(w, strings.Join(ICEWSHeader, "\t")+"\n"); err != nil {
		return err
	}
	for _, ev := range events {
		sn, ss, sc := icewsActor(&ev.Source)
		tn, ts, tc := icewsActor(ev.Target)
		var name, pub string
		if lk != nil {
			name = lk.CodeName(ev.CAMEO)
			if doc := lk.Document(ev.DocID); doc != nil {
				pub = doc.Publisher
			}
		}
		row := []string{
			strconv.FormatInt(ev.ID, 10), ev.Date.Format("2006-01-02"), sn, ss, sc, orNA(name), ev.CAMEO,
			fmtFloat(ev.Goldstein), tn, ts, tc, strconv.FormatInt(ev.DocID, 10), strconv.Itoa(ev.Sentence + 1), orNA(pub),
			orNA(ev.Location), "NA", "NA", "NA", "NA", "NA",
		}
		if _, err := io.WriteString(w, strings.Join(clean(row), "\t")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// ploverEvent is one event in PLOVER-style JSON (the PLOVER 2.0 event
// fields, with dyad's status and provenance added).
type ploverEvent struct {
	ID          string   `json:"id"`
	Date        string   `json:"date"`
	EventType   string   `json:"event_type"`
	Mode        string   `json:"mode"`
	Context     []string `json:"context"`
	SourceActor string   `json:"source_actor"`
	SourceAgent string   `json:"source_agent"`
	TargetActor string   `json:"target_actor"`
	TargetAgent string   `json:"target_agent"`
	EventText   string   `json:"event_text"`
	Location    string   `json:"location,omitempty"`
	CAMEO       string   `json:"cameo"`
	Goldstein   float64  `json:"goldstein"`
	Status      string   `json:"status"`
	Publisher   string   `json:"publisher,omitempty"`
	URL         string   `json:"url,omitempty"`
	DocID       int64    `json:"doc_id"`
	Sentence    int      `json:"sentence"`
}

// PLOVERLookup is a Lookup that also knows the PLOVER type and mode of a
// CAMEO code. With it, the PLOVER export writes each event by the type of
// its frame (Event.FrameCAMEO), as PLOVER codes events that have no
// status: a refused meeting is REJECT, a promise AGREE; negated and
// hypothetical acts are left out. Without it, the act's own type is
// written and the status says what became of it.
type PLOVERLookup interface {
	Lookup
	PLOVERType(code string) (typ, mode string, ok bool)
}

func writePLOVER(w io.Writer, events []*dyad.Event, lk Lookup) error {
	plk, frames := lk.(PLOVERLookup)
	out := make([]ploverEvent, 0, len(events))
	for _, ev := range events {
		r := NewRecord(ev, "", lk)
		typ, mode := r.PLOVER, r.Mode
		if frames {
			code := ev.FrameCAMEO()
			if code == "" {
				continue
			}
			if code != ev.CAMEO {
				if t, m, ok := plk.PLOVERType(code); ok {
					typ, mode = t, m
				}
			}
		}
		p := ploverEvent{
			ID: fmt.Sprintf("dyad-%d", ev.ID), Date: r.Date, EventType: typ, Mode: mode, Context: r.Context,
			SourceActor: ev.Source.Country, SourceAgent: sector(ev.Source.Code, ev.Source.Country),
			EventText: r.Text, Location: ev.Location, CAMEO: ev.CAMEO, Goldstein: ev.Goldstein, Status: string(ev.Status),
			DocID: ev.DocID, Sentence: ev.Sentence,
		}
		if p.Context == nil {
			p.Context = []string{}
		}
		if ev.Target != nil {
			p.TargetActor, p.TargetAgent = ev.Target.Country, sector(ev.Target.Code, ev.Target.Country)
		}
		if len(r.Sources) > 0 {
			p.Publisher, p.URL = r.Sources[0].Publisher, r.Sources[0].Document
		}
		out = append(out, p)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
