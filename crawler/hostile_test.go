package crawler

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The hostile feeds are generated: each is one short VEVENT repeated, as an
// attacker (or a broken generator) would write it.

// hourlyFlood is n VEVENTs, each a daily series at every hour of the day
// from the day of the fetch: 24 occurrences a day, one event a day. Lines
// end in LF alone, as many generators write them, to fit 31,000 in 5 MB.
func hourlyFlood(n int) []byte {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//flood//JA\r\n")
	hours := make([]string, 24)
	for h := range hours {
		hours[h] = fmt.Sprint(h)
	}
	for i := range n {
		fmt.Fprintf(&b, "BEGIN:VEVENT\nUID:%d\nDTSTART:20261126T150000Z\nRRULE:FREQ=DAILY;BYHOUR=%s\nSUMMARY:交流会%d\nEND:VEVENT\n",
			i, strings.Join(hours, ","), i)
	}
	b.WriteString("END:VCALENDAR\r\n")
	return []byte(b.String())
}

// everySecond is one VEVENT recurring every second of every day since 1970:
// all of its occurrences up to the fetch are in the past.
func everySecond(summary string) string {
	list := func(n int) string {
		v := make([]string, n)
		for i := range v {
			v[i] = fmt.Sprint(i)
		}
		return strings.Join(v, ",")
	}
	return fmt.Sprintf("BEGIN:VEVENT\r\nUID:%s@burn.example\r\nDTSTART:19700101T000000Z\r\nRRULE:FREQ=DAILY;BYHOUR=%s;BYMINUTE=%s;BYSECOND=%s\r\nSUMMARY:%s\r\nEND:VEVENT\r\n",
		summary, list(24), list(60), list(60), summary)
}

func calendar(vevents ...string) []byte {
	return []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//burn//JA\r\n" + strings.Join(vevents, "") + "END:VCALENDAR\r\n")
}

// measure runs f alone and returns the bytes it allocated (the sum of every
// allocation, so at least its peak) and its duration.
func measure(f func()) (alloc uint64, took time.Duration) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	took = time.Since(start)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, took
}

var osakaSource = &Source{ID: "hostile", Name: "hostile", Area: "大阪市"}

func TestICalOccurrenceFloodIsBounded(t *testing.T) {
	data := hourlyFlood(31000)
	if len(data) >= DefaultMaxBodySize {
		t.Fatalf("the feed is %d bytes, over the body limit: it would never reach the parser", len(data))
	}
	var res FeedResult
	var err error
	alloc, took := measure(func() {
		res, err = ParseICal(context.Background(), data, osakaSource, "https://f.jp/cal.ics", goldenRef, DefaultHorizon)
	})
	t.Logf("31,000 hourly series (%d bytes): %d events, %d MB allocated, %v", len(data), len(res.Events), alloc>>20, took)
	if err != nil {
		t.Fatal(err)
	}
	if alloc > 512<<20 {
		t.Errorf("reading the feed allocated %d MB, want under 512 MB", alloc>>20)
	}
	if len(res.Events) > maxFeedEvents {
		t.Errorf("%d events, want at most %d", len(res.Events), maxFeedEvents)
	}
	probs := strings.Join(res.Problems, "\n")
	if !strings.Contains(probs, "budget") || !strings.Contains(probs, "VEVENTs not read") {
		t.Errorf("the cut is not named: %q", res.Problems)
	}
	// One event a day per series: the 24 hourly occurrences of a day are
	// one event (its id is its day), kept at the first hour.
	days := map[string]map[string]bool{}
	for _, e := range res.Events {
		if days[e.Title] == nil {
			days[e.Title] = map[string]bool{}
		}
		d := e.StartsAt.Format("2006-01-02")
		if days[e.Title][d] {
			t.Fatalf("%s: two events on %s", e.Title, d)
		}
		days[e.Title][d] = true
		if e.StartsAt.Hour() != 0 {
			t.Fatalf("%s: kept %v, want the day's first occurrence at 00:00", e.Title, e.StartsAt)
		}
	}
	if n := len(days["交流会0"]); n != 91 {
		t.Errorf("the first series has %d days, want 91 (the fetch day and 90 more)", n)
	}
}

func TestICalSmallFloodKeepsEverySeries(t *testing.T) {
	// 50 series of 91 days fit the feed's budget: nothing is cut.
	res, err := ParseICal(context.Background(), hourlyFlood(50), osakaSource, "https://f.jp/cal.ics", goldenRef, DefaultHorizon)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 50*91 || len(res.Problems) != 0 {
		t.Errorf("%d events (want %d), problems %q", len(res.Events), 50*91, res.Problems)
	}
}

func TestICalPastOccurrencesCountTowardTheBudget(t *testing.T) {
	data := calendar(everySecond("毎秒の会"))
	if len(data) < 500 || len(data) > 700 {
		t.Fatalf("the VEVENT is %d bytes; the attack is about 580", len(data))
	}
	var res FeedResult
	var err error
	alloc, took := measure(func() {
		res, err = ParseICal(context.Background(), data, osakaSource, "https://f.jp/cal.ics", goldenRef, DefaultHorizon)
	})
	t.Logf("every second since 1970: %v, %d MB allocated, problems %q", took, alloc>>20, res.Problems)
	if err != nil {
		t.Fatal(err)
	}
	if took > 5*time.Second {
		t.Errorf("took %v, want under 5 s", took)
	}
	if len(res.Events) != 0 {
		t.Errorf("%d events from a series cut in 1970", len(res.Events))
	}
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0], `"毎秒の会"`) || !strings.Contains(res.Problems[0], "occurrences") {
		t.Errorf("the cut series is not named: %q", res.Problems)
	}
}

func TestICalTimeBudgetAndCancel(t *testing.T) {
	// Rules that never occur (30 February) make the expander walk day by
	// day to year 9999 before it can say so: each costs tens of
	// milliseconds, visiting nothing. Only time bounds a feed of them.
	var vs []string
	for i := range 2000 {
		vs = append(vs, fmt.Sprintf("BEGIN:VEVENT\r\nUID:%d@never.example\r\nDTSTART:20261201T100000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\nSUMMARY:存在しない日%d\r\nEND:VEVENT\r\n", i, i))
	}
	data := calendar(vs...)
	// The budget is checked between calls into rrule-go, and the one call
	// that walks to year 9999 cannot be cut short: it takes 60 ms here, or
	// seconds under -race on a busy machine. So the bound is the budget
	// and a few such calls, measured now. Without the budget the feed
	// takes 2,000 of them. The budget is a shorter one than
	// icalTimeBudget: what is tested is that it holds, not its size.
	const budget = 400 * time.Millisecond
	_, one := measure(func() {
		ParseICal(context.Background(), calendar(vs[0]), osakaSource, "https://f.jp/cal.ics", goldenRef, DefaultHorizon)
	})

	var res FeedResult
	var err error
	_, took := measure(func() {
		res, err = parseICal(context.Background(), data, osakaSource, "https://f.jp/cal.ics", goldenRef, DefaultHorizon, budget)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("2,000 impossible rules: %v (one: %v), problems %q", took, one, res.Problems)
	if took > budget+5*one+time.Second {
		t.Errorf("took %v, want about the time budget %v (one rule: %v)", took, budget, one)
	}
	if p := strings.Join(res.Problems, "\n"); !strings.Contains(p, "time budget") || !strings.Contains(p, "VEVENTs not read") {
		t.Errorf("the time budget is not named: %q", res.Problems)
	}

	// A cancelled crawl stops the expansion at once, well before the
	// budget (the full one) is spent.
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, took = measure(func() {
		_, err = ParseICal(ctx, data, osakaSource, "https://f.jp/cal.ics", goldenRef, DefaultHorizon)
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("after cancel: err %v after %v, want context.Canceled before the time budget", err, took)
	}
}

func TestICalDuplicateRuleValuesAreOne(t *testing.T) {
	// BYHOUR written 5,000 times over: the expander would build every
	// combination of hour, minute and second it is given.
	hours := strings.Repeat("9,", 5000) + "9"
	mins := strings.Repeat("30,", 5000) + "30"
	data := calendar("BEGIN:VEVENT\r\nUID:dup@example.org\r\nDTSTART;TZID=Asia/Tokyo:20261202T093000\r\n" +
		"RRULE:FREQ=WEEKLY;BYDAY=WE;BYHOUR=" + hours + ";BYMINUTE=" + mins + ";BYSECOND=0,0,0\r\n" +
		"SUMMARY:水曜朝会\r\nEND:VEVENT\r\n")
	var res FeedResult
	var err error
	alloc, _ := measure(func() {
		res, err = ParseICal(context.Background(), data, osakaSource, "https://f.jp/cal.ics", goldenRef, DefaultHorizon)
	})
	if err != nil {
		t.Fatal(err)
	}
	if alloc > 64<<20 {
		t.Errorf("%d MB allocated for one weekly series", alloc>>20)
	}
	if len(res.Events) != 13 || !res.Events[0].StartsAt.Equal(tokyo(2026, 12, 2, 9, 30)) {
		t.Errorf("%d events, first %v; want 13 Wednesdays at 09:30 from 12-02", len(res.Events), res.Events)
	}
}

func TestICalOldSeriesStillExpands(t *testing.T) {
	// A weekly meeting running since 2009 (about 930 past Wednesdays)
	// is well within the budget.
	data := calendar("BEGIN:VEVENT\r\nUID:rinri@example.org\r\nDTSTART;TZID=Asia/Tokyo:20090107T063000\r\nDURATION:PT1H\r\n" +
		"RRULE:FREQ=WEEKLY;BYDAY=WE\r\nSUMMARY:倫理法人会 経営者モーニングセミナー\r\nLOCATION:ホテル大阪ベイタワー\\, 大阪市港区弁天1-2-1\r\nEND:VEVENT\r\n")
	res, err := ParseICal(context.Background(), data, osakaSource, "https://f.jp/cal.ics", goldenRef, DefaultHorizon)
	if err != nil || len(res.Problems) != 0 {
		t.Fatalf("err %v, problems %q", err, res.Problems)
	}
	if len(res.Events) != 13 || !res.Events[0].StartsAt.Equal(tokyo(2026, 12, 2, 6, 30)) || res.Events[0].Area != "大阪市港区" {
		t.Errorf("%d events, first %+v", len(res.Events), res.Events[0])
	}
}

// A page that turns into binary bytes after its first tags (a truncated
// upload, a file served as text/html) is no page to read events from: the
// crawl names it as a problem and publishes nothing, rather than an event
// titled by the garbage and dated by a number in it.
func TestCrawlBinaryPageIsRefused(t *testing.T) {
	body := []byte("<html><body><h1>交流会<p>日時：2026年12月<<<>>>")
	for i := range 4096 {
		body = append(body, byte(i*131+7)) // every byte value, NUL included
	}
	srv := servePage(t, "text/html", body)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: garbled
    name: 壊れたページ
    kind: auto
    start_urls: ["%s/"]
    area: 大阪市
    delay: 1ms
`, srv.URL)
	if len(evs) != 0 {
		t.Errorf("events %v from a binary page", evs)
	}
	if !strings.Contains(fmt.Sprint(err, rep.Problems), "binary bytes") {
		t.Errorf("error %v, problems %q: want the binary page named", err, rep.Problems)
	}
	// suggest refuses it too, rather than name a source by its garbage.
	c, err := New(Config{AllowPrivate: true, Now: func() time.Time { return corpusNow }, MaxRetries: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Suggest(context.Background(), srv.URL+"/"); err == nil || !strings.Contains(err.Error(), "binary bytes") {
		t.Errorf("suggest: %v, want the binary page named", err)
	}
	// Text of every kind the corpus serves is text: tabs, CRLF, ISO-2022-JP's
	// escapes; and a page padded with zeros still has its start read.
	for _, ok := range []string{"<p>日時：\t12月3日\r\n</p>", "\x1b$B$3$s$K$A$O\x1b(B", "<p>交流会</p>\x00\x00\x00\x00"} {
		if binaryBytes([]byte(ok)) {
			t.Errorf("%q read as binary", ok)
		}
	}
}
