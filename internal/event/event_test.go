package event

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestIDStableAcrossCosmeticChanges(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 12, 3, 18, 30, 0, 0, Tokyo)
	a := ID("osaka-cci", "https://WWW.example.jp:443/event/12?utm_source=x&b=2&a=1#top", start, "")
	b := ID("osaka-cci", "https://www.example.jp/event/12?a=1&b=2", start.Add(time.Hour), "")
	if a != b {
		t.Fatalf("same event, same day: ids differ: %s vs %s", a, b)
	}
	if c := ID("osaka-cci", "https://www.example.jp/event/12?a=1&b=2", start.AddDate(0, 0, 1), ""); c == a {
		t.Fatal("another day gave the same id")
	}
	if c := ID("other", "https://www.example.jp/event/12?a=1&b=2", start, ""); c == a {
		t.Fatal("another source gave the same id")
	}
	l1 := ID("s", "https://x.jp/list", start, "異業種 交流会")
	l2 := ID("s", "https://x.jp/list", start, "異業種交流会")
	l3 := ID("s", "https://x.jp/list", start, "新年会")
	if l1 != l2 || l1 == l3 {
		t.Fatalf("title keys: %s %s %s", l1, l2, l3)
	}
}

func TestValidateNamesEveryFault(t *testing.T) {
	t.Parallel()
	e := Event{Source: "Bad Source", URL: "/relative", Status: "maybe", Label: "party"}
	err := e.Validate()
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("want ErrInvalid, got %v", err)
	}
	for _, want := range []string{"id is empty", "source", "url", "title is empty", "starts_at is missing", "status", "label"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	ok := Event{ID: "x", Source: "osaka-cci", URL: "https://x.jp/e/1", Title: "交流会", StartsAt: time.Now()}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestJSONWireFormat(t *testing.T) {
	t.Parallel()
	e := Event{ID: "x", Source: "s", URL: "https://x.jp/", Title: "t",
		StartsAt: time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC)}
	e.Normalize()
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"starts_at":"2026-12-03T18:30:00+09:00"`, `"status":"scheduled"`, `"all_day":false`} {
		if !strings.Contains(s, want) {
			t.Errorf("%s lacks %s", s, want)
		}
	}
	if strings.Contains(s, "ends_at") || strings.Contains(s, "label") {
		t.Errorf("zero fields should be left out: %s", s)
	}
}

func TestHashesFollowContent(t *testing.T) {
	t.Parallel()
	e := Event{ID: "x", Source: "s", URL: "https://x.jp/", Title: "t", StartsAt: time.Now()}
	h, m := e.ContentHash(), e.MsgID()
	e.FetchedAt = time.Now()
	e.Reasons = []string{"r"}
	e.CanonicalID = "y"
	if e.ContentHash() != h || e.MsgID() != m {
		t.Error("fetched_at, reasons or canonical_id changed the content hash or the message id")
	}
	e.RulesVersion = "v2"
	if e.MsgID() == m {
		t.Error("a new rules version must be a new message")
	}
	e.Venue = "梅田"
	if e.ContentHash() == h {
		t.Error("venue did not change the content hash")
	}
}

// The content hash is stored with every row: a change to how it is computed
// would make every stored event look changed on the next crawl.
func TestContentHashIsStable(t *testing.T) {
	t.Parallel()
	e := Event{ID: "x", Source: "osaka-cci", URL: "https://x.jp/e/1", Title: "異業種交流会", Description: "名刺交換",
		StartsAt: time.Date(2026, 12, 3, 18, 30, 0, 0, Tokyo), EndsAt: time.Date(2026, 12, 3, 20, 30, 0, 0, Tokyo),
		Venue: "梅田", Address: "大阪市北区梅田1-1", Area: "大阪市北区", Organizer: "大阪商工会議所", Fee: "3,000円",
		Status: StatusScheduled, Label: CrossIndustry}
	const want = "15af438870e3c7cb9b1295d101cd14478a80212f95430243330596f0654a5e4a"
	if got := e.ContentHash(); got != want {
		t.Errorf("ContentHash = %s, want %s", got, want)
	}
	e.AllDay, e.EndsAt = true, time.Time{}
	const wantAllDay = "1ebac5a475fe912bfcd98861adee28e1c46f5016bbbbbe51cbc57653add8d457"
	if got := e.ContentHash(); got != wantAllDay {
		t.Errorf("all-day ContentHash = %s, want %s", got, wantAllDay)
	}
}

// Each fact is content: changing it changes the hash, so the crawler sends
// the event again and the table moves updated_at.
func TestFactsAreContent(t *testing.T) {
	base := Event{ID: "x", Source: "s", URL: "https://x.jp/", Title: "t", StartsAt: time.Date(2026, 12, 3, 18, 30, 0, 0, Tokyo)}
	zero, one, yes, no := 0, 1000, true, false
	seen := map[string]string{base.ContentHash(): "no facts"}
	for name, set := range map[string]func(*Event){
		"free":         func(e *Event) { e.FeeYenMin, e.FeeYenMax = &zero, &zero },
		"1000 yen":     func(e *Event) { e.FeeYenMin, e.FeeYenMax = &one, &one },
		"0 to 1000":    func(e *Event) { e.FeeYenMin, e.FeeYenMax = &zero, &one },
		"capacity":     func(e *Event) { e.Capacity = 50 },
		"apply by":     func(e *Event) { e.ApplyBy = time.Date(2026, 12, 1, 23, 59, 59, 0, Tokyo) },
		"members only": func(e *Event) { e.MembersOnly = &yes },
		"open":         func(e *Event) { e.MembersOnly = &no },
		"online":       func(e *Event) { e.Format = Online },
		"apply url":    func(e *Event) { e.ApplyURL = "https://x.jp/form" },
	} {
		e := base
		set(&e)
		if !e.HasFacts() {
			t.Errorf("%s: HasFacts false", name)
		}
		h := e.ContentHash()
		if other, dup := seen[h]; dup {
			t.Errorf("%s hashes as %s does", name, other)
		}
		seen[h] = name
	}
}

func TestValidateFacts(t *testing.T) {
	ok := Event{ID: "x", Source: "osaka-cci", URL: "https://x.jp/e/1", Title: "交流会", StartsAt: time.Now()}
	lo, hi, neg := 4000, 2000, -1
	for name, c := range map[string]struct {
		set  func(*Event)
		want string
	}{
		"min above max": {func(e *Event) { e.FeeYenMin, e.FeeYenMax = &lo, &hi }, "fee_yen_min 4000 and fee_yen_max 2000"},
		"negative fee":  {func(e *Event) { e.FeeYenMin, e.FeeYenMax = &neg, &hi }, "not 0 <= min <= max"},
		"one bound":     {func(e *Event) { e.FeeYenMin = &lo }, "not both set"},
		"capacity":      {func(e *Event) { e.Capacity = -5 }, "capacity -5"},
		"format":        {func(e *Event) { e.Format = "zoom" }, `format "zoom"`},
		"apply url":     {func(e *Event) { e.ApplyURL = "/form" }, `apply_url "/form"`},
	} {
		e := ok
		c.set(&e)
		err := e.Validate()
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error naming %q", name, err, c.want)
		}
	}
	e := ok
	e.FeeYenMax = &hi
	e.Normalize()
	if err := e.Validate(); err != nil || e.FeeYenMin == nil || *e.FeeYenMin != hi {
		t.Errorf("Normalize of a single fee: min %v, %v", e.FeeYenMin, err)
	}
}

// On the wire a fact the listing states is written even when it is 0 or
// false (free, open to all), and a fact it does not state is left out.
func TestFactsOnTheWire(t *testing.T) {
	e := Event{ID: "x", Source: "s", URL: "https://x.jp/", Title: "t", StartsAt: time.Date(2026, 12, 3, 18, 30, 0, 0, Tokyo)}
	b, err := Encode(&e)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"fee_yen", "capacity", "apply_by", "members_only", "format", "apply_url"} {
		if strings.Contains(string(b), name) {
			t.Errorf("%s written for an event that states none: %s", name, b)
		}
	}
	free, open := 0, false
	e.FeeYenMin, e.FeeYenMax, e.MembersOnly = &free, &free, &open
	if b, err = Encode(&e); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"fee_yen_min":0`, `"fee_yen_max":0`, `"members_only":false`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
	back, err := Decode(b)
	if err != nil || back.FeeYenMin == nil || *back.FeeYenMin != 0 || back.MembersOnly == nil || *back.MembersOnly {
		t.Errorf("read back %+v, %v", back, err)
	}
	good := `{"id":"e1","source":"s","url":"https://x.jp/","title":"t","starts_at":"2026-12-03T09:30:00Z"`
	for _, bad := range []string{`,"capacity":1.5}`, `,"format":"zoom"}`, `,"fee_yen_min":3000,"fee_yen_max":1000}`, `,"members_only":"yes"}`} {
		if e, err := Decode([]byte(good + bad)); err == nil {
			t.Errorf("%s read as %+v", bad, e)
		}
	}
	if e, err := Decode([]byte(good + `,"fee_yen_min":null,"members_only":null,"apply_by":"2026-12-01T23:59:59+09:00"}`)); err != nil ||
		e.FeeYenMin != nil || e.MembersOnly != nil || e.ApplyBy.IsZero() {
		t.Errorf("nulls and a deadline: %+v, %v", e, err)
	}
}
