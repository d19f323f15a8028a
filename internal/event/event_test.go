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
	if e.ContentHash() != h {
		t.Error("fetched_at or reasons changed the content hash")
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
