package store

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/testutil"
)

func TestConfigValidate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		cfg Config
		ok  bool
	}{
		{Config{Path: "var/kouryu.db"}, true},
		{Config{URL: "postgres://h/db"}, true},
		{Config{URL: "postgresql://h/db", MaxConns: 4}, true},
		{Config{}, false},
		{Config{URL: "mysql://h/db"}, false},
		{Config{Path: "x.db", MaxConns: -1}, false},
	} {
		if err := c.cfg.Validate(); (err == nil) != c.ok {
			t.Errorf("%+v: Validate() = %v, want ok=%v", c.cfg, err, c.ok)
		}
	}
}

func TestUpsertLifecycle(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		a := newEvent(1, jst(2026, 3, 10, 18, 30))
		b := newEvent(2, jst(2026, 3, 11, 19, 0))
		b.EndsAt, b.AllDay, b.Reasons = time.Time{}, true, nil

		if r := upsert(t, s, a, b); r != (UpsertResult{Inserted: 2}) {
			t.Fatalf("first insert: %+v", r)
		}
		first := get(t, s, a.ID)
		if first.Title != a.Title || first.Area != a.Area || first.Label != event.CrossIndustry ||
			first.Score != a.Score || !slices.Equal(first.Reasons, a.Reasons) || first.RulesVersion != "v1" ||
			!first.StartsAt.Equal(a.StartsAt) || !first.EndsAt.Equal(a.EndsAt) || !first.FetchedAt.Equal(a.FetchedAt) ||
			first.Status != event.StatusScheduled || first.Fee != a.Fee || first.Organizer != a.Organizer {
			t.Fatalf("stored record differs:\n got %+v\nwant %+v", first.Event, a)
		}
		if first.StartsAt.Location() != event.Tokyo {
			t.Errorf("starts_at comes back in %v, want Tokyo", first.StartsAt.Location())
		}
		if first.Revision != 0 || !first.UpdatedAt.Equal(first.FirstSeenAt) || !first.LastSeenAt.Equal(first.FirstSeenAt) {
			t.Fatalf("fresh row bookkeeping: %+v", first)
		}
		gb := get(t, s, b.ID)
		if !gb.EndsAt.IsZero() || !gb.AllDay || gb.Reasons != nil {
			t.Fatalf("optional fields: ends_at %v all_day %v reasons %v", gb.EndsAt, gb.AllDay, gb.Reasons)
		}

		// The same records again: nothing changed but last_seen_at.
		if r := upsert(t, s, a, b); r != (UpsertResult{Unchanged: 2}) {
			t.Fatalf("unchanged re-upsert: %+v", r)
		}
		again := get(t, s, a.ID)
		if !again.UpdatedAt.Equal(first.UpdatedAt) || again.Revision != 0 || !again.FirstSeenAt.Equal(first.FirstSeenAt) {
			t.Fatalf("unchanged re-upsert moved updated_at/revision: %+v -> %+v", first, again)
		}
		if !again.LastSeenAt.After(first.LastSeenAt) {
			t.Fatalf("last_seen_at did not move: %v -> %v", first.LastSeenAt, again.LastSeenAt)
		}

		// A new rules version with other reasons: not a content change, but stored.
		a.Reasons, a.Score, a.RulesVersion = []string{"organizer: 商工会議所"}, 0.9, "v2"
		if r := upsert(t, s, a); r != (UpsertResult{Unchanged: 1}) {
			t.Fatalf("reclassified re-upsert: %+v", r)
		}
		re := get(t, s, a.ID)
		if !slices.Equal(re.Reasons, a.Reasons) || re.Score != 0.9 || re.RulesVersion != "v2" || !re.UpdatedAt.Equal(first.UpdatedAt) {
			t.Fatalf("classification not refreshed or updated_at moved: %+v", re)
		}

		// A changed venue: updated_at and revision move, first_seen_at stays.
		a.Venue = "例ビル 5階会議室"
		if r := upsert(t, s, a, b); r != (UpsertResult{Updated: 1, Unchanged: 1}) {
			t.Fatalf("changed content: %+v", r)
		}
		ch := get(t, s, a.ID)
		if ch.Venue != a.Venue || ch.Revision != 1 || !ch.UpdatedAt.After(first.UpdatedAt) ||
			!ch.FirstSeenAt.Equal(first.FirstSeenAt) || !ch.UpdatedAt.Equal(ch.LastSeenAt) {
			t.Fatalf("changed content bookkeeping: %+v", ch)
		}
		// A changed label is a content change too (the reader sees it).
		a.Label = event.Regional
		if r := upsert(t, s, a); r != (UpsertResult{Updated: 1}) {
			t.Fatalf("changed label: %+v", r)
		}
		if got := get(t, s, a.ID); got.Revision != 2 || got.Label != event.Regional {
			t.Fatalf("changed label: revision %d label %s", got.Revision, got.Label)
		}
	})
}

func TestUpsertDuplicateIDsLastWins(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		a1 := newEvent(1, jst(2026, 4, 1, 18, 0))
		b := newEvent(2, jst(2026, 4, 2, 18, 0))
		a2 := a1
		a2.Title = "第1回 ビジネス交流会（会場変更）"
		if r := upsert(t, s, a1, b, a2); r != (UpsertResult{Inserted: 2}) {
			t.Fatalf("batch with a duplicate: %+v", r)
		}
		if got := get(t, s, a1.ID); got.Title != a2.Title || got.Revision != 0 {
			t.Fatalf("duplicate id: title %q revision %d, want the last record at revision 0", got.Title, got.Revision)
		}
		// Again, with the first duplicate holding the stored content: still the last wins.
		if r := upsert(t, s, a2, a1); r != (UpsertResult{Updated: 1}) {
			t.Fatalf("second batch: %+v", r)
		}
		if got := get(t, s, a1.ID); got.Title != a1.Title {
			t.Fatalf("title %q, want %q", got.Title, a1.Title)
		}
	})
}

// One batch of new, changed, unchanged and stale events: each is counted and
// kept as it would be alone, and the new and the changed rows carry the same
// transaction time (PostgreSQL COPYs the new ones apart from the others).
func TestUpsertMixedBatch(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		changed := newEvent(1, jst(2026, 6, 1, 18, 0))
		same := newEvent(2, jst(2026, 6, 2, 18, 0))
		stale := newEvent(3, jst(2026, 6, 3, 18, 0))
		stale.FetchedAt = stale.FetchedAt.Add(time.Hour)
		upsert(t, s, changed, same, stale)
		before := get(t, s, changed.ID)

		changed.Venue = "例ビル 8階"
		stale.FetchedAt = stale.FetchedAt.Add(-2 * time.Hour)
		stale.Title = "古い版"
		fresh := newEvent(4, jst(2026, 6, 4, 18, 0))
		fresh2 := newEvent(5, jst(2026, 6, 5, 18, 0))
		want := UpsertResult{Inserted: 2, Updated: 1, Unchanged: 1, Stale: 1}
		if r := upsert(t, s, fresh2, stale, changed, fresh, same); r != want {
			t.Fatalf("mixed batch: %+v, want %+v", r, want)
		}
		ch, nw := get(t, s, changed.ID), get(t, s, fresh.ID)
		if ch.Venue != changed.Venue || ch.Revision != 1 || !ch.FirstSeenAt.Equal(before.FirstSeenAt) {
			t.Errorf("changed row: %+v", ch)
		}
		if nw.Title != fresh.Title || nw.Revision != 0 || !nw.FirstSeenAt.Equal(ch.UpdatedAt) ||
			!nw.UpdatedAt.Equal(nw.FirstSeenAt) || !nw.LastSeenAt.Equal(nw.FirstSeenAt) {
			t.Errorf("new row %+v, want first seen, updated and last seen at %v", nw, ch.UpdatedAt)
		}
		if got := get(t, s, same.ID); !got.UpdatedAt.Equal(before.UpdatedAt) || !got.LastSeenAt.Equal(ch.LastSeenAt) {
			t.Errorf("unchanged row: updated %v (was %v), last seen %v, want %v", got.UpdatedAt, before.UpdatedAt, got.LastSeenAt, ch.LastSeenAt)
		}
		if got := get(t, s, stale.ID); got.Title == stale.Title {
			t.Errorf("stale record overwrote the stored one: %q", got.Title)
		}
		if st, err := s.Stamp(context.Background()); err != nil || st.Count != 5 {
			t.Fatalf("stamp: %+v %v, want 5 rows", st, err)
		}
	})
}

// A redelivered older record (fetched before the stored one) must not undo
// the newer update that overtook it; the same fetch again, or a newer one,
// still writes.
func TestUpsertOlderFetchDoesNotOverwrite(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		old := newEvent(1, jst(2026, 5, 1, 18, 0))
		newer := old
		newer.Title = "第1回 ビジネス交流会（会場変更）"
		newer.FetchedAt = old.FetchedAt.Add(time.Hour)
		if r := upsert(t, s, newer); r != (UpsertResult{Inserted: 1}) {
			t.Fatalf("newer first: %+v", r)
		}
		if r := upsert(t, s, old); r != (UpsertResult{Stale: 1}) {
			t.Fatalf("older after newer: %+v, want it counted stale", r)
		}
		if got := get(t, s, old.ID); got.Title != newer.Title || !got.FetchedAt.Equal(newer.FetchedAt) || got.Revision != 0 {
			t.Fatalf("older record overwrote the newer: title %q fetched %v revision %d", got.Title, got.FetchedAt, got.Revision)
		}
		// Reclassifying the stored record (same fetch) still writes.
		newer.RulesVersion, newer.Score = "v2", 0.5
		if r := upsert(t, s, newer); r != (UpsertResult{Unchanged: 1}) {
			t.Fatalf("same fetch again: %+v", r)
		}
		if got := get(t, s, old.ID); got.RulesVersion != "v2" {
			t.Fatalf("same fetch was not written: rules %q", got.RulesVersion)
		}
		// A record without fetched_at always writes.
		undated := old
		undated.FetchedAt = time.Time{}
		undated.Title = "日付なし"
		if r := upsert(t, s, undated); r != (UpsertResult{Updated: 1}) {
			t.Fatalf("undated record: %+v", r)
		}
	})
}

// PostgreSQL refuses a NUL in text: the error says the content was refused,
// so a writer can set the record aside instead of retrying it.
func TestUpsertRejectedContent(t *testing.T) {
	t.Parallel()
	s := openStore(t, postgresConfig(t))
	bad := newEvent(1, jst(2026, 5, 1, 18, 0))
	bad.Title = "交流会\x00"
	_, err := s.Upsert(context.Background(), []event.Event{newEvent(2, jst(2026, 5, 2, 18, 0)), bad})
	if !errors.Is(err, ErrRejected) {
		t.Fatalf("want ErrRejected, got %v", err)
	}
}

func TestUpsertRefusesInvalidBatch(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		good := newEvent(1, jst(2026, 4, 1, 18, 0))
		bad := newEvent(2, jst(2026, 4, 2, 18, 0))
		bad.Title = " "
		_, err := s.Upsert(context.Background(), []event.Event{good, bad})
		if !errors.Is(err, event.ErrInvalid) {
			t.Fatalf("want event.ErrInvalid, got %v", err)
		}
		if _, err := s.Get(context.Background(), good.ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("a refused batch wrote its valid part: %v", err)
		}
	})
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		_, err := s.Get(context.Background(), "no-such-id")
		if !errors.Is(err, ErrNotFound) {
			t.Fatalf("want ErrNotFound, got %v", err)
		}
	})
}

func TestQueryFilters(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		mk := func(n int, start time.Time, label event.Label, area, title string) event.Event {
			e := newEvent(n, start)
			e.Label, e.Area, e.Title = label, area, title
			return e
		}
		kita := mk(1, jst(2026, 5, 1, 18, 0), event.CrossIndustry, "大阪市北区", "ＩＴ経営者 交流ナイト")
		chuo := mk(2, jst(2026, 5, 2, 18, 0), event.StudyGroup, "大阪市中央区", "早朝勉強会")
		city := mk(3, jst(2026, 5, 3, 18, 0), event.Regional, "大阪市", "商店街まつり")
		sakai := mk(4, jst(2026, 5, 4, 18, 0), event.CrossIndustry, "堺市", "Startup Meetup 堺")
		online := mk(5, jst(2026, 5, 5, 18, 0), event.SeminarSocial, "online", "オンライン セミナーと懇親会")
		online.Description = "講師: it コンサルタント"
		osakaLike := mk(6, jst(2026, 5, 6, 18, 0), event.Other, "大阪府", "展示会")
		osakaLike.Venue = "ＡＴＣホール"
		osakaLike.Description = "ﾋﾞｼﾞﾈｽﾏｯﾁﾝｸﾞ付き" // half-width kana, as some sites still write it
		upsert(t, s, kita, chuo, city, sakai, online, osakaLike)

		for _, c := range []struct {
			name string
			q    Query
			want []event.Event
		}{
			{"all", Query{}, []event.Event{kita, chuo, city, sakai, online, osakaLike}},
			{"label", Query{Label: event.CrossIndustry}, []event.Event{kita, sakai}},
			{"area prefix", Query{Area: "大阪市"}, []event.Event{kita, chuo, city}},
			{"area exact", Query{Area: "大阪市北区"}, []event.Event{kita}},
			{"area none", Query{Area: "京都市"}, nil},
			{"area and label", Query{Area: "大阪市", Label: event.StudyGroup}, []event.Event{chuo}},
			{"from", Query{From: jst(2026, 5, 4, 18, 0)}, []event.Event{sakai, online, osakaLike}},
			{"to is exclusive", Query{To: jst(2026, 5, 3, 18, 0)}, []event.Event{kita, chuo}},
			{"from to", Query{From: jst(2026, 5, 2, 0, 0), To: jst(2026, 5, 4, 0, 0)}, []event.Event{chuo, city}},
			{"q folds width and case", Query{Q: "it"}, []event.Event{kita, online}},
			{"q ascii case", Query{Q: "STARTUP"}, []event.Event{sakai}},
			{"q venue", Query{Q: "atc"}, []event.Event{osakaLike}},
			{"q folds half-width kana", Query{Q: "ビジネスマッチング"}, []event.Event{osakaLike}},
			{"q organizer", Query{Q: "例商工会議所"}, []event.Event{kita, chuo, city, sakai, online, osakaLike}},
			{"q japanese", Query{Q: "勉強会"}, []event.Event{chuo}},
			{"q none", Query{Q: "ゴルフ"}, nil},
			{"q is not a pattern", Query{Q: "%"}, nil},
			{"everything", Query{Label: event.CrossIndustry, Area: "大阪市", From: jst(2026, 5, 1, 0, 0), To: jst(2026, 5, 2, 0, 0), Q: "交流"}, []event.Event{kita}},
		} {
			p, err := s.Query(context.Background(), c.q)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			var want []string
			for _, e := range c.want {
				want = append(want, e.ID)
			}
			if got := ids(p.Rows); !slices.Equal(got, want) {
				t.Errorf("%s: got %d rows %v, want %d %v", c.name, len(got), got, len(want), want)
			}
			if p.Next != "" {
				t.Errorf("%s: Next %q on the only page", c.name, p.Next)
			}
		}
	})
}

// TestQueryPaging pages through both orders with small pages and checks the
// concatenation is the whole ordered set: no gaps, no repeats.
func TestQueryPaging(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		ctx := context.Background()
		var all []event.Event
		n := 0
		// Four batches, so first_seen_at takes four values; several events
		// share a start, so the id decides between them.
		for batch := range 4 {
			var evs []event.Event
			for i := range 6 {
				n++
				evs = append(evs, newEvent(n, jst(2026, 6, 1+(n%5), 18, 0)))
				if i%2 == 0 {
					evs[len(evs)-1].Label = event.StudyGroup
				}
			}
			upsert(t, s, evs...)
			all = append(all, evs...)
			_ = batch
		}
		rowsOf := func(q Query) []Row {
			t.Helper()
			var out []Row
			for pages := 0; ; pages++ {
				if pages > 100 {
					t.Fatal("paging does not end")
				}
				p, err := s.Query(ctx, q)
				if err != nil {
					t.Fatalf("page %d: %v", pages, err)
				}
				if len(p.Rows) > q.Limit {
					t.Fatalf("page of %d rows, limit %d", len(p.Rows), q.Limit)
				}
				out = append(out, p.Rows...)
				if p.Next == "" {
					return out
				}
				q.Cursor = p.Next
			}
		}

		byStart := slices.Clone(all)
		sort.Slice(byStart, func(i, j int) bool {
			if !byStart[i].StartsAt.Equal(byStart[j].StartsAt) {
				return byStart[i].StartsAt.Before(byStart[j].StartsAt)
			}
			return byStart[i].ID < byStart[j].ID
		})
		var want []string
		for _, e := range byStart {
			want = append(want, e.ID)
		}
		if got := ids(rowsOf(Query{Limit: 5})); !slices.Equal(got, want) {
			t.Errorf("by start, pages of 5:\n got %v\nwant %v", got, want)
		}
		if got := ids(rowsOf(Query{Limit: 24})); !slices.Equal(got, want) {
			t.Errorf("by start, one exact page: got %v", got)
		}

		rows := rowsOf(Query{Order: ByAnnounced, Limit: 4})
		if len(rows) != len(all) {
			t.Fatalf("by announced: %d rows, want %d", len(rows), len(all))
		}
		seen := map[string]bool{}
		for i, r := range rows {
			if seen[r.ID] {
				t.Fatalf("by announced: %s repeated", r.ID)
			}
			seen[r.ID] = true
			if i == 0 {
				continue
			}
			p := rows[i-1]
			if p.FirstSeenAt.Before(r.FirstSeenAt) || (p.FirstSeenAt.Equal(r.FirstSeenAt) && p.ID > r.ID) {
				t.Fatalf("by announced: row %d (%v %s) after (%v %s)", i, r.FirstSeenAt, r.ID, p.FirstSeenAt, p.ID)
			}
		}
		if !rows[0].FirstSeenAt.After(rows[len(rows)-1].FirstSeenAt) {
			t.Fatal("by announced: the newest batch does not come first")
		}
		// The last batch is the newest announcement.
		if last := all[len(all)-1].ID; !slices.Contains(ids(rows[:6]), last) {
			t.Errorf("by announced: the first page lacks %s from the last batch", last)
		}

		// With a filter, pages of 2.
		var wantStudy []string
		for _, e := range byStart {
			if e.Label == event.StudyGroup {
				wantStudy = append(wantStudy, e.ID)
			}
		}
		if got := ids(rowsOf(Query{Label: event.StudyGroup, Limit: 2})); !slices.Equal(got, wantStudy) {
			t.Errorf("study_group pages:\n got %v\nwant %v", got, wantStudy)
		}
	})
}

func TestQueryLimits(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		var evs []event.Event
		for i := range 520 {
			evs = append(evs, newEvent(i, jst(2026, 7, 1, 0, 0).Add(time.Duration(i)*time.Hour)))
		}
		upsert(t, s, evs...)
		for _, c := range []struct{ limit, want int }{{0, 50}, {-3, 50}, {7, 7}, {1000, 500}} {
			p, err := s.Query(context.Background(), Query{Limit: c.limit})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Rows) != c.want || p.Next == "" {
				t.Errorf("limit %d: %d rows (next %q), want %d and a next page", c.limit, len(p.Rows), p.Next, c.want)
			}
		}
	})
}

func TestQueryBadCursor(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		ctx := context.Background()
		upsert(t, s, newEvent(1, jst(2026, 8, 1, 18, 0)), newEvent(2, jst(2026, 8, 2, 18, 0)))
		p, err := s.Query(ctx, Query{Limit: 1})
		if err != nil || p.Next == "" {
			t.Fatalf("first page: %v, next %q", err, p.Next)
		}
		for name, c := range map[string]string{
			"not base64":     "***",
			"not json":       base64.RawURLEncoding.EncodeToString([]byte("garbage")),
			"empty json":     base64.RawURLEncoding.EncodeToString([]byte("{}")),
			"truncated":      p.Next[:len(p.Next)/2],
			"other order":    p.Next,
			"order in range": base64.RawURLEncoding.EncodeToString([]byte(`{"o":7,"t":"2026-01-01T00:00:00Z","i":"x"}`)),
		} {
			q := Query{Limit: 1, Cursor: c}
			if name == "other order" {
				q.Order = ByAnnounced
			}
			if _, err := s.Query(ctx, q); !errors.Is(err, ErrBadCursor) {
				t.Errorf("%s: want ErrBadCursor, got %v", name, err)
			}
		}
	})
}

func TestStamp(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		ctx := context.Background()
		stamp := func() Stamp {
			t.Helper()
			st, err := s.Stamp(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return st
		}
		s0 := stamp()
		if s0.Count != 0 {
			t.Fatalf("empty table: count %d", s0.Count)
		}
		a := newEvent(1, jst(2026, 9, 1, 18, 0))
		upsert(t, s, a, newEvent(2, jst(2026, 9, 2, 18, 0)))
		s1 := stamp()
		if s1.Count != 2 || !s1.LastChange.After(s0.LastChange) {
			t.Fatalf("after insert: %+v (before %+v)", s1, s0)
		}
		if row := get(t, s, a.ID); row.UpdatedAt.After(s1.LastChange) {
			t.Errorf("stamp %v earlier than a row's updated_at %v", s1.LastChange, row.UpdatedAt)
		}
		upsert(t, s, a)
		if s2 := stamp(); s2 != s1 {
			t.Fatalf("unchanged re-upsert moved the stamp: %+v -> %+v", s1, s2)
		}
		a.Reasons = []string{"新しい理由"}
		upsert(t, s, a)
		s3 := stamp()
		if !s3.LastChange.After(s1.LastChange) || s3.Count != 2 {
			t.Fatalf("new reasons did not move the stamp: %+v -> %+v", s1, s3)
		}
		a.Description = "内容を更新しました。"
		upsert(t, s, a)
		if s4 := stamp(); !s4.LastChange.After(s3.LastChange) {
			t.Fatalf("changed content did not move the stamp: %+v -> %+v", s3, s4)
		}
	})
}

func TestOtherRules(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		ctx := context.Background()
		var evs []event.Event
		want := map[string]event.Event{}
		for i := range 7 {
			e := newEvent(i, jst(2026, 10, 1+i, 18, 0))
			switch i % 3 {
			case 0:
				e.RulesVersion = "v2"
			case 1:
				e.RulesVersion = "v1"
				want[e.ID] = e
			case 2:
				e.RulesVersion, e.Label, e.Score, e.Reasons = "", "", 0, nil
				want[e.ID] = e
			}
			evs = append(evs, e)
		}
		upsert(t, s, evs...)
		var got []event.Event
		after := ""
		for range 10 {
			page, err := s.OtherRules(ctx, "v2", after, 2)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) > 2 {
				t.Fatalf("page of %d, limit 2", len(page))
			}
			if len(page) == 0 {
				break
			}
			got = append(got, page...)
			after = page[len(page)-1].ID
		}
		if len(got) != len(want) {
			t.Fatalf("got %d events, want %d", len(got), len(want))
		}
		for i, e := range got {
			if i > 0 && got[i-1].ID >= e.ID {
				t.Fatalf("not ordered by id: %s then %s", got[i-1].ID, e.ID)
			}
			w, ok := want[e.ID]
			if !ok {
				t.Fatalf("%s (rules %q) should not be returned", e.ID, e.RulesVersion)
			}
			// The whole record, rebuilt from the columns, as it went in.
			w.Normalize()
			gj, _ := json.Marshal(e)
			wj, _ := json.Marshal(w)
			if !bytes.Equal(gj, wj) {
				t.Fatalf("stored record differs:\n got %s\nwant %s", gj, wj)
			}
		}
	})
}

func TestUpcomingEventsView(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		now := time.Now().In(event.Tokyo).Truncate(time.Second)
		past := newEvent(1, now.Add(-72*time.Hour))
		running := newEvent(2, now.Add(-time.Hour)) // ends in an hour
		later := newEvent(3, now.Add(48*time.Hour))
		soon := newEvent(4, now.Add(24*time.Hour))
		upsert(t, s, past, running, later, soon)
		got := selectIDs(t, s, `SELECT id FROM upcoming_events`)
		if want := []string{running.ID, soon.ID, later.ID}; !slices.Equal(got, want) {
			t.Fatalf("upcoming_events: got %v, want %v", got, want)
		}
	})
}

// selectIDs runs a one-column query on the store's own connections.
func selectIDs(t *testing.T, s *Store, query string) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	if pg, ok := s.db.(*pgStore); ok {
		rows, err := pg.pool.Query(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var v any
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(v))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	rows, err := s.db.(*sqliteStore).rdb.QueryContext(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v any
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(v))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMigrateTwice(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		s := openStore(t, cfg)
		upsert(t, s, newEvent(1, jst(2026, 11, 1, 18, 0)))
		if err := s.Migrate(context.Background()); err != nil {
			t.Fatalf("second migrate: %v", err)
		}
		s2 := openStore(t, cfg) // Open migrates a third time
		if got := selectIDs(t, s2, `SELECT version FROM schema_migrations ORDER BY version`); len(got) != len(mustMigrations(t, s.Backend())) {
			t.Fatalf("schema_migrations: %v", got)
		}
		if st, err := s2.Stamp(context.Background()); err != nil || st.Count != 1 {
			t.Fatalf("data after migrating again: %+v %v", st, err)
		}
	})
}

func mustMigrations(t *testing.T, backend string) []migration {
	ms, err := migrations(backend)
	if err != nil || len(ms) == 0 {
		t.Fatalf("migrations(%s): %d, %v", backend, len(ms), err)
	}
	return ms
}

func TestConcurrentOpen(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		const n = 6
		var (
			wg     sync.WaitGroup
			stores [n]*Store
			errs   [n]error
		)
		for i := range n {
			wg.Go(func() { stores[i], errs[i] = Open(context.Background(), cfg, testutil.Logger(t)) })
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("open %d: %v", i, errs[i])
			}
			t.Cleanup(stores[i].Close)
		}
		got := selectIDs(t, stores[0], `SELECT version FROM schema_migrations`)
		if want := len(mustMigrations(t, stores[0].Backend())); len(got) != want {
			t.Fatalf("schema_migrations has %d rows, want %d", len(got), want)
		}
		// Every store writes and reads.
		var werr [n]error
		for i := range n {
			wg.Go(func() {
				_, werr[i] = stores[i].Upsert(context.Background(), []event.Event{newEvent(i, jst(2026, 12, 1+i, 18, 0))})
			})
		}
		wg.Wait()
		for i, err := range werr {
			if err != nil {
				t.Fatalf("upsert through store %d: %v", i, err)
			}
		}
		if st, err := stores[n-1].Stamp(context.Background()); err != nil || st.Count != n {
			t.Fatalf("stamp after concurrent writes: %+v %v", st, err)
		}
	})
}

// Writers racing for the same new ids (two publisher workers given
// overlapping redeliveries) each succeed, and each id is stored once: on
// PostgreSQL the loser of an id writes its batch again, as an update there.
func TestConcurrentUpsertsOfTheSameNewIDs(t *testing.T) {
	t.Parallel()
	eachBackend(t, func(t *testing.T, cfg Config) {
		const writers, rounds, perBatch = 4, 5, 50
		stores := make([]*Store, writers)
		for i := range stores {
			stores[i] = openStore(t, cfg)
		}
		for r := range rounds {
			batch := make([]event.Event, perBatch)
			for k := range batch {
				batch[k] = newEvent(r*perBatch+k, jst(2026, 12, 1, 18, 0).Add(time.Duration(k)*time.Hour))
			}
			var (
				wg   sync.WaitGroup
				res  [writers]UpsertResult
				errs [writers]error
			)
			for w := range writers {
				// Each writer its own order, so the rows are met in different orders.
				mine := slices.Clone(batch)
				if w%2 == 1 {
					slices.Reverse(mine)
				}
				wg.Go(func() { res[w], errs[w] = stores[w].Upsert(context.Background(), mine) })
			}
			wg.Wait()
			inserted := 0
			for w := range writers {
				if errs[w] != nil {
					t.Fatalf("round %d, writer %d: %v", r, w, errs[w])
				}
				if n := res[w].Inserted + res[w].Updated + res[w].Unchanged + res[w].Stale; n != perBatch {
					t.Errorf("round %d, writer %d: %+v accounts for %d of %d", r, w, res[w], n, perBatch)
				}
				inserted += res[w].Inserted
			}
			if inserted != perBatch {
				t.Errorf("round %d: %d inserted in all, want %d", r, inserted, perBatch)
			}
		}
		if st, err := stores[0].Stamp(context.Background()); err != nil || st.Count != rounds*perBatch {
			t.Fatalf("stamp: %+v %v, want %d rows", st, err, rounds*perBatch)
		}
	})
}
