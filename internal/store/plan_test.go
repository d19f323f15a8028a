package store

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
)

// TestQueryPlansUseIndexes fills PostgreSQL with 20,000 events over two
// years, then asks EXPLAIN how each shape of Query the API and the feeds send
// is read: by an index of events, never by a scan of the whole table, and
// ordered by the index (with at most an Incremental Sort of the rows that
// share its key) wherever the filter lets it.
func TestQueryPlansUseIndexes(t *testing.T) {
	t.Parallel()
	s := openStore(t, postgresConfig(t))
	ctx := context.Background()
	labels := []event.Label{event.Regional, event.SeminarSocial, event.SameIndustry, event.CrossIndustry, event.StudyGroup, event.Other}
	areas := []string{"大阪市北区", "大阪市中央区", "堺市", "東大阪市", "豊中市"}
	start := jst(2026, 1, 1, 18, 0)
	const n, batch = 20000, 500
	for i := 0; i < n; i += batch {
		b := make([]event.Event, batch)
		for k := range b {
			e := newEvent(i+k, start.Add(time.Duration(i+k)*52*time.Minute))
			e.Label, e.Area = labels[(i+k)%len(labels)], areas[(i+k)%len(areas)]
			b[k] = e
		}
		upsert(t, s, b...)
	}
	if _, err := s.db.(*pgStore).pool.Exec(ctx, `ANALYZE events`); err != nil {
		t.Fatal(err)
	}
	now := jst(2026, 12, 1, 0, 0)
	firstPage, err := s.Query(ctx, Query{From: now, Limit: 50})
	if err != nil || firstPage.Next == "" {
		t.Fatalf("first page: %v, next %q", err, firstPage.Next)
	}
	afterStart, err := decodeCursor(firstPage.Next, ByStart)
	if err != nil {
		t.Fatal(err)
	}
	fed, err := s.Query(ctx, Query{Label: event.StudyGroup, From: now, Order: ByAnnounced, Limit: 50})
	if err != nil || fed.Next == "" {
		t.Fatalf("feed page: %v, next %q", err, fed.Next)
	}
	afterAnnounced, err := decodeCursor(fed.Next, ByAnnounced)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		q       Query
		after   *cursor
		ordered bool // the index gives the order: no full Sort
	}{
		{"upcoming", Query{From: now, Limit: 50}, nil, true},
		{"upcoming, next page", Query{From: now, Limit: 50}, &afterStart, true},
		{"label", Query{Label: event.StudyGroup, From: now, Limit: 50}, nil, true},
		{"label, next page", Query{Label: event.StudyGroup, From: now, Limit: 50}, &afterStart, true},
		{"area prefix", Query{Area: "大阪市", From: now, To: now.AddDate(0, 1, 0), Limit: 50}, nil, false},
		{"feed of a label", Query{Label: event.StudyGroup, From: now, Order: ByAnnounced, Limit: 50}, nil, false},
		{"feed, next page", Query{From: now, Order: ByAnnounced, Limit: 50}, &afterAnnounced, true},
	} {
		sql, args := querySQL(postgresDialect, c.q, c.after)
		rows, err := s.db.(*pgStore).pool.Query(ctx, "EXPLAIN "+sql, args...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var plan strings.Builder
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(line + "\n")
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		p := plan.String()
		if !strings.Contains(p, "Index Scan using events_") || strings.Contains(p, "Seq Scan") {
			t.Errorf("%s: not read by an index of events:\n%s", c.name, p)
		}
		if c.ordered && fullSort.MatchString(p) {
			t.Errorf("%s: sorted in full, not in the index's order:\n%s", c.name, p)
		}
		// A next page starts the index scan at the cursor, not at From.
		if c.after != nil && !indexCondAt(p, c.after.At) {
			t.Errorf("%s: the index scan is not bounded by the cursor (%v):\n%s", c.name, c.after.At, p)
		}
	}
}

// fullSort matches a Sort node of a plan (not an Incremental Sort).
var fullSort = regexp.MustCompile(`(?m)^(\s*->)?\s*Sort  \(`)

// indexCondAt reports whether an Index Cond line of plan holds the time t.
func indexCondAt(plan string, t time.Time) bool {
	at := t.UTC().Format("2006-01-02 15:04:05.999999")
	for _, line := range strings.Split(plan, "\n") {
		if strings.Contains(line, "Index Cond:") && strings.Contains(line, at) {
			return true
		}
	}
	return false
}
