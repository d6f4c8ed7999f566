package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// EventService finds coded events. Events are written by
// DocumentService.CreateDocument, with the document that reports them.
type EventService struct {
	db *DB
}

// NewEventService returns an EventService on db.
func NewEventService(db *DB) *EventService {
	return &EventService{db: db}
}

// upsertEvent stores e as reported by document docID: a new events row when
// its key is new, and a report in event_sources either way.
func upsertEvent(ctx context.Context, st *statements, docID int64, e *dyad.Event) (eventRef, error) {
	r := eventRef{key: e.Key, docID: docID}
	if r.key == "" {
		r.key = e.ComputeKey()
	}
	// Insert first: most events are new, and a key already stored costs
	// one failed insert plus a look-up.
	id, err := insertEvent(ctx, st, docID, r.key, e)
	switch {
	case err != nil:
		return r, err
	case id != 0:
		r.id = id
	default:
		if err := st.eventByKey.QueryRowContext(ctx, r.key).Scan(&r.id, &r.docID); err != nil {
			return r, fmt.Errorf("find key %s: %w", r.key, err)
		}
	}
	if _, err := st.insertEventSource.ExecContext(ctx, r.id, docID, e.Sentence, e.Span.Start, e.Span.End,
		e.Verb.Start, e.Verb.End); err != nil {
		return r, fmt.Errorf("source: %w", err)
	}
	return r, nil
}

// insertEvent inserts e unless its key is stored already, and returns the
// new row's id, or 0 for a stored key.
func insertEvent(ctx context.Context, st *statements, docID int64, key string, e *dyad.Event) (int64, error) {
	context, err := marshalList(e.Context)
	if err != nil {
		return 0, fmt.Errorf("context: %w", err)
	}
	issues, err := marshalList(e.Issues)
	if err != nil {
		return 0, fmt.Errorf("issues: %w", err)
	}
	var t [8]any // target columns, NULL without a target
	if a := e.Target; a != nil {
		t = [8]any{a.Text, a.Code, a.Country, a.Person, a.Office, string(a.Level), a.Span.Start, a.Span.End}
	}
	dateStart, dateEnd := spanOrNil(e.DateSpan)
	locStart, locEnd := spanOrNil(e.LocationSpan)
	src := &e.Source
	res, err := st.insertEvent.ExecContext(ctx,
		key, e.CAMEO, e.Root(), e.PLOVER, e.Mode, context, e.Quad, e.Goldstein, string(e.Status),
		src.Text, src.Code, src.Country, src.Person, src.Office, string(src.Level), src.Span.Start, src.Span.End,
		t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7],
		formatDate(e.Date), formatDate(e.DateEnd), string(e.DatePrecision), e.DateFromDoc, dateStart, dateEnd,
		issues, e.Location, locStart, locEnd, e.Pattern, e.Object,
		docID, e.Sentence, e.Span.Start, e.Span.End, e.Verb.Start, e.Verb.End)
	if err != nil {
		return 0, fmt.Errorf("insert: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return 0, err // n == 0: the key is stored already
	}
	return res.LastInsertId()
}

// marshalList returns a JSON array, or nil (NULL) for an empty list.
func marshalList(l []string) (any, error) {
	if len(l) == 0 {
		return nil, nil
	}
	buf, err := json.Marshal(l)
	if err != nil {
		return nil, err
	}
	return string(buf), nil
}

// FindEventByID returns the event with the given id with its Sources.
// A missing event is an ENOTFOUND error.
func (s *EventService) FindEventByID(ctx context.Context, id int64) (*dyad.Event, error) {
	events, _, err := s.findEvents(ctx, newEventQuery(dyad.EventFilter{ID: &id, SkipTotal: true}))
	if err != nil {
		return nil, err
	}
	if len(events) == 0 {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "Event %d not found.", id)
	}
	return events[0], nil
}

// FindEvents returns the events that match f, ordered by date then id,
// with their Sources, and the number of matches ignoring f.Offset and
// f.Limit.
//
// Filters: DocID selects events reported by that document (in any report);
// Dyad matches source and target countries in either direction; From and
// To (inclusive days) select events whose [Date, DateEnd] overlaps them;
// Actor matches the source or target by code prefix, country or person
// (a substring of the name), ignoring ASCII case; Type is a CAMEO code
// prefix when it is all digits and a PLOVER type otherwise; Issue matches
// one of the event's issues.
func (s *EventService) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, int, error) {
	return s.findEvents(ctx, newEventQuery(f))
}

// findEvents runs q. Without a count it is one statement, which SQLite
// runs on one snapshot of the database, so it needs no transaction (and
// saves its BEGIN and ROLLBACK); with one, the count and the page run in a
// read transaction so that they agree.
func (s *EventService) findEvents(ctx context.Context, q eventQuery) ([]*dyad.Event, int, error) {
	// Prepared before any transaction begins: see readStatements.
	st, err := s.db.prepareRead(ctx, q.count, q.page)
	if err != nil {
		return nil, 0, fmt.Errorf("find events: %w", err)
	}
	count, page := st[0], st[1]
	if q.skipTotal {
		rows, err := s.db.queryRead(ctx, page, q.page, q.pageArgs...)
		if err != nil {
			return nil, 0, fmt.Errorf("find events: %w", err)
		}
		events, err := scanEvents(rows)
		return events, -1, err
	}
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.queryRow(ctx, count, q.count, q.countArgs...).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("count events: %w", err)
	}
	rows, err := tx.query(ctx, page, q.page, q.pageArgs...)
	if err != nil {
		return nil, 0, fmt.Errorf("find events: %w", err)
	}
	events, err := scanEvents(rows)
	return events, n, err
}

// eventColumns is the select list of an event: goldstein, a REAL kept as
// a column so that it keeps every bit; context and issues, JSON lists as
// stored (usually NULL); one json_array of every other column (read by
// jsonRow: one driver call instead of forty); and the event's reports as a
// JSON array of arrays, which scanSources puts in order (an ORDER BY in
// the aggregate would build a temporary index for every event). scanEvent
// reads these in this order.
const eventColumns = `e.goldstein, e.context, e.issues,
	json_array(e.id, e.key, e.cameo, e.plover, e.mode, e.quad, e.status,
		e.source_text, e.source_code, e.source_country, e.source_person, e.source_office, e.source_level, e.source_start, e.source_end,
		e.target_text, e.target_code, e.target_country, e.target_person, e.target_office, e.target_level, e.target_start, e.target_end,
		e.date, e.date_end, e.date_precision, e.date_from_doc, e.date_span_start, e.date_span_end,
		e.location, e.location_start, e.location_end, e.pattern, e.object,
		e.first_doc_id, e.first_sentence, e.span_start, e.span_end, e.verb_start, e.verb_end),
	(SELECT json_group_array(json_array(s.doc_id, s.sentence, s.start, s.end, d.publisher, d.side, d.date))
	 FROM event_sources s JOIN documents d ON d.id = s.doc_id
	 WHERE s.event_id = e.id)`

func eventWhere(f dyad.EventFilter) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	if f.ID != nil {
		add("e.id = ?", *f.ID)
	}
	if f.DocID != nil {
		add("EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.doc_id = ?)", *f.DocID)
	}
	if f.Dyad != nil {
		a, b := strings.ToUpper(f.Dyad[0]), strings.ToUpper(f.Dyad[1])
		add("((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))", a, b, b, a)
	}
	if f.From != nil {
		add("COALESCE(e.date_end, e.date) >= ?", f.From.UTC().Format(dateLayout))
	}
	if f.To != nil {
		add("e.date <= ?", f.To.UTC().Format(dateLayout))
	}
	if f.Actor != nil {
		prefix := likeEscape(*f.Actor) + "%"
		exact := likeEscape(*f.Actor)
		sub := "%" + likeEscape(*f.Actor) + "%"
		add(`(e.source_code LIKE ? ESCAPE '\' OR e.target_code LIKE ? ESCAPE '\'
		   OR e.source_country LIKE ? ESCAPE '\' OR e.target_country LIKE ? ESCAPE '\'
		   OR (e.source_person <> '' AND e.source_person LIKE ? ESCAPE '\')
		   OR (e.target_person <> '' AND e.target_person LIKE ? ESCAPE '\'))`,
			prefix, prefix, exact, exact, sub, sub)
	}
	if f.Type != nil {
		if t := *f.Type; isDigits(t) {
			add(`e.cameo LIKE ? ESCAPE '\'`, likeEscape(t)+"%")
		} else {
			add("e.plover = ?", strings.ToUpper(t))
		}
	}
	if f.Status != nil {
		add("e.status = ?", string(*f.Status))
	}
	if f.Issue != nil {
		add("EXISTS (SELECT 1 FROM json_each(e.issues) WHERE json_each.value = ?)", *f.Issue)
	}
	if len(where) == 0 {
		return "1", nil
	}
	return strings.Join(where, " AND "), args
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// eventQuery is the SQL of one FindEvents call. Its texts depend only on
// which filters are set, never on their values (those are arguments), so
// they repeat from call to call and stay prepared. count is "" when
// skipTotal is set.
type eventQuery struct {
	count, page         string
	countArgs, pageArgs []any
	skipTotal           bool
}

func newEventQuery(f dyad.EventFilter) eventQuery {
	// The total counts every match, wherever the cursor stands.
	all := f
	all.AfterID = nil
	cond, args := eventWhere(all)
	q := eventQuery{skipTotal: f.SkipTotal}
	if !f.SkipTotal {
		q.count, q.countArgs = `SELECT COUNT(*) FROM events e WHERE `+cond, args
	}
	q.pageArgs = append(q.pageArgs, args...)
	order := `e.date IS NULL, e.date, e.id`
	if f.AfterID != nil {
		cond += ` AND e.id > ?`
		q.pageArgs = append(q.pageArgs, *f.AfterID)
		order = `e.id`
	}
	// LIMIT -1 is no limit.
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	q.pageArgs = append(q.pageArgs, limit, max(f.Offset, 0))
	q.page = `SELECT ` + eventColumns + ` FROM events e WHERE ` + cond + `
		ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	return q
}

// scanEvents reads and closes rows of eventColumns.
func scanEvents(rows *sql.Rows) ([]*dyad.Event, error) {
	defer rows.Close()
	var events []*dyad.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		events = append(events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find events: %w", err)
	}
	return events, nil
}

func scanEvent(rows *sql.Rows) (*dyad.Event, error) {
	var e dyad.Event
	var context, issues sql.NullString
	var packed, sources string
	if err := rows.Scan(&e.Goldstein, &context, &issues, &packed, &sources); err != nil {
		return nil, fmt.Errorf("scan event: %w", err)
	}
	r := &jsonRow{s: packed}
	r.begin()
	e.ID, e.Key, e.CAMEO, e.PLOVER, e.Mode = r.int(), r.text(), r.text(), r.text(), r.text()
	e.Quad, e.Status = int(r.int()), dyad.Status(r.text())
	src := &e.Source
	src.Text, src.Code, src.Country, src.Person, src.Office = r.text(), r.text(), r.text(), r.text(), r.text()
	src.Level, src.Span = dyad.Level(r.text()), dyad.Span{Start: int(r.int()), End: int(r.int())}
	t := dyad.Actor{Text: r.text()}
	code, target := r.nullText()
	t.Code, t.Country, t.Person, t.Office = code, r.text(), r.text(), r.text()
	t.Level, t.Span = dyad.Level(r.text()), dyad.Span{Start: int(r.int()), End: int(r.int())}
	if target {
		e.Target = &t
	}
	date, dateEnd := r.text(), r.text()
	e.DatePrecision, e.DateFromDoc = dyad.Precision(r.text()), r.int() != 0
	e.DateSpan = r.span()
	e.Location = r.text()
	e.LocationSpan = r.span()
	e.Pattern, e.Object = r.text(), r.text()
	e.DocID, e.Sentence = r.int(), int(r.int())
	e.Span = dyad.Span{Start: int(r.int()), End: int(r.int())}
	e.Verb = dyad.Span{Start: int(r.int()), End: int(r.int())}
	r.end()
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("scan event: %w", err)
	}
	var err error
	if e.Date, err = parseDay(date); err != nil {
		return nil, fmt.Errorf("event %d: %w", e.ID, err)
	}
	if e.DateEnd, err = parseDay(dateEnd); err != nil {
		return nil, fmt.Errorf("event %d: %w", e.ID, err)
	}
	if context.Valid {
		if err := json.Unmarshal([]byte(context.String), &e.Context); err != nil {
			return nil, fmt.Errorf("event %d: context: %w", e.ID, err)
		}
	}
	if issues.Valid {
		if err := json.Unmarshal([]byte(issues.String), &e.Issues); err != nil {
			return nil, fmt.Errorf("event %d: issues: %w", e.ID, err)
		}
	}
	if e.Sources, err = scanSources(sources); err != nil {
		return nil, fmt.Errorf("event %d: sources: %w", e.ID, err)
	}
	return &e, nil
}

// scanSources reads the reports of an event, as eventColumns packs them,
// and orders them as Sources keeps them: by document date (unknown dates
// last), then document id and sentence.
func scanSources(packed string) ([]dyad.EventSource, error) {
	type report struct {
		src         dyad.EventSource
		date        string // as stored, for ordering
		dateUnknown bool
	}
	r := &jsonRow{s: packed}
	r.begin()
	var buf [2]report // most events have one or two reports
	reports := buf[:0]
	for r.more() {
		var p report
		r.begin()
		p.src.DocID, p.src.Sentence = r.int(), int(r.int())
		p.src.Span = dyad.Span{Start: int(r.int()), End: int(r.int())}
		p.src.Publisher, p.src.Side = r.text(), r.text()
		var known bool
		p.date, known = r.nullText()
		p.dateUnknown = !known
		r.end()
		if r.err != nil {
			break
		}
		var err error
		if p.src.DocDate, err = parseDay(p.date); err != nil {
			return nil, err
		}
		reports = append(reports, p)
	}
	if err := r.done(); err != nil {
		return nil, err
	}
	if len(reports) == 0 {
		return nil, nil
	}
	slices.SortFunc(reports, func(a, b report) int {
		if a.dateUnknown != b.dateUnknown {
			if a.dateUnknown {
				return 1
			}
			return -1
		}
		return cmp.Or(strings.Compare(a.date, b.date), cmp.Compare(a.src.DocID, b.src.DocID), cmp.Compare(a.src.Sentence, b.src.Sentence))
	})
	out := make([]dyad.EventSource, len(reports))
	for i := range reports {
		out[i] = reports[i].src
	}
	return out, nil
}

// span reads an optional span: two integers, or two nulls for none.
func (r *jsonRow) span() *dyad.Span {
	start, ok1 := r.nullInt()
	end, ok2 := r.nullInt()
	if !ok1 || !ok2 {
		return nil
	}
	return &dyad.Span{Start: int(start), End: int(end)}
}

// parseDay parses a stored day; "" (NULL) is the zero time.
func parseDay(s string) (time.Time, error) {
	return parseDate(sql.NullString{String: s, Valid: s != ""})
}
