package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
)

// ldPage is an event page of a WordPress event plugin: its JSON-LD and its
// text.
func ldPage(ld, body string) string {
	return `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>歳末 異業種交流会 | 例の会</title>
<script type="application/ld+json">` + ld + `</script></head>
<body><header class="site-header"><a href="/">例の会</a></header>
<main id="main"><article class="event type-event"><h1 class="entry-title">歳末 異業種交流会</h1>
<div class="entry-content">` + body + `</div></article></main>
<footer class="site-footer"><p>例の会 事務局（平日 9:00～17:00）</p></footer></body></html>`
}

// autoEventOf reads an event page with auto as a crawl does and builds its
// event; note is the disagreement it names, if any.
func autoEventOf(t *testing.T, page string) (event.Event, string) {
	t.Helper()
	u := mustURL("https://www.example.jp/events/saimatsu/")
	f, err := autoEvent(docOf(t, page), u, goldenRef, nil)
	if err != nil {
		t.Fatal(err)
	}
	note := f[fieldLDConflict]
	e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, u.String(), true, f, goldenRef)
	if err != nil {
		t.Fatalf("%v (fields %q)", err, f)
	}
	return e, note
}

func TestAutoEventJSONLDAndTheText(t *testing.T) {
	const text = `<dl class="event-meta"><dt>日時</dt><dd>2026年12月18日（金）18:30～20:30</dd>
<dt>会場</dt><dd>例会館 3階 大会議室</dd></dl>
<p>一年の締めくくりに、会員の皆さまと語り合いましょう。</p>`
	for _, c := range []struct {
		name, ld, body string
		start, end     time.Time
		venue, addr    string
		fee, noteHolds string
	}{{
		// The plugin writes the local time as UTC: its start falls on
		// the next day at 3:30. The page's 日時 is kept, the place and
		// fee JSON-LD adds are taken, and the disagreement is named.
		name: "JSON-LD start in the wrong zone",
		ld: `{"@context":"https://schema.org","@type":"Event","name":"歳末 異業種交流会","startDate":"2026-12-18T18:30:00+00:00",
"endDate":"2026-12-18T20:30:00+00:00","location":{"@type":"Place","name":"例会館 3階 大会議室","address":"大阪市中央区本町9-9-9"},
"offers":{"@type":"Offer","price":"3000","priceCurrency":"JPY"}}`,
		body: text, start: tokyo(2026, 12, 18, 18, 30), end: tokyo(2026, 12, 18, 20, 30),
		venue: "例会館 3階 大会議室", addr: "大阪市中央区本町9-9-9", fee: "3000円", noteHolds: "2026-12-19 03:30",
	}, {
		// JSON-LD gives the day only; the text its hours.
		name: "JSON-LD day, the text's hours",
		ld:   `{"@context":"https://schema.org","@type":"Event","name":"歳末 異業種交流会","startDate":"2026-12-18","location":{"@type":"Place","name":"例会館 3階 大会議室"}}`,
		body: text, start: tokyo(2026, 12, 18, 18, 30), end: tokyo(2026, 12, 18, 20, 30), venue: "例会館 3階 大会議室",
	}, {
		// The text gives the day only; JSON-LD its hours.
		name: "the text's day, JSON-LD hours",
		ld: `{"@context":"https://schema.org","@type":"Event","name":"歳末 異業種交流会","startDate":"2026-12-18T18:30:00+09:00",
"endDate":"2026-12-18T20:30:00+09:00"}`,
		body:  `<dl class="event-meta"><dt>開催日</dt><dd>2026年12月18日（金）</dd><dt>会場</dt><dd>例会館 3階 大会議室</dd></dl>`,
		start: tokyo(2026, 12, 18, 18, 30), end: tokyo(2026, 12, 18, 20, 30), venue: "例会館 3階 大会議室",
	}, {
		// JSON-LD names no place; the text's sentence does.
		name: "the place from the text",
		ld:   `{"@context":"https://schema.org","@type":"Event","name":"歳末 異業種交流会","startDate":"2026-12-18T18:30:00+09:00"}`,
		body: `<p>今年最後の交流会を、12月18日（金）18時30分から開催します。会場は例会館 3階 大会議室です。</p>
<p>参加費は3,000円です。お気軽にご参加ください。</p>`,
		start: tokyo(2026, 12, 18, 18, 30), venue: "例会館 3階 大会議室",
	}, {
		// No label names the text's date: auto's guess among the page's
		// dates is the styled one, but the sentence writes JSON-LD's day
		// too, and JSON-LD settles it.
		name: "JSON-LD settles the text's guess",
		ld: `{"@context":"https://schema.org","@type":"Event","name":"歳末 異業種交流会","startDate":"2026-12-18T18:30:00+09:00",
"location":{"@type":"Place","name":"例会館 3階 大会議室"}}`,
		body:  `<p class="event-date">2026年12月4日（金）</p><p>先週の例会に続き、12月18日（金）にも会員交流会を行います。ぜひご参加ください。</p>`,
		start: tokyo(2026, 12, 18, 18, 30), venue: "例会館 3階 大会議室",
	}} {
		t.Run(c.name, func(t *testing.T) {
			e, note := autoEventOf(t, ldPage(c.ld, c.body))
			if !e.StartsAt.Equal(c.start) || !e.EndsAt.Equal(c.end) || e.Venue != c.venue || e.Address != c.addr || c.fee != "" && e.Fee != c.fee {
				t.Errorf("got %v–%v venue %q address %q fee %q; want %v–%v %q %q %q", e.StartsAt, e.EndsAt, e.Venue, e.Address, e.Fee, c.start, c.end, c.venue, c.addr, c.fee)
			}
			if (note != "") != (c.noteHolds != "") || !strings.Contains(note, c.noteHolds) {
				t.Errorf("note %q, want one naming %q", note, c.noteHolds)
			}
		})
	}
}

// A crawl names the page whose JSON-LD contradicts its text among its
// problems and publishes the text's start.
func TestCrawlNamesJSONLDDisagreement(t *testing.T) {
	page := ldPage(`{"@context":"https://schema.org","@type":"Event","name":"歳末 異業種交流会","startDate":"2026-12-18T18:30:00Z"}`,
		`<dl class="event-meta"><dt>日時</dt><dd>2026年12月18日（金）18:30～20:30</dd><dt>会場</dt><dd>例会館 3階 大会議室</dd></dl>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		switch r.URL.Path {
		case "/events/":
			fmt.Fprint(w, `<html><head><title>イベント | 例の会</title></head><body><main><h1>イベント</h1><ul class="events">
<li><a href="/events/saimatsu/">歳末 異業種交流会</a> 12月18日（金）</li>
<li><a href="/events/shinshun/">新春 賀詞交歓会</a> 1月8日（金）</li></ul></main></body></html>`)
		case "/events/saimatsu/":
			fmt.Fprint(w, page)
		case "/events/shinshun/":
			fmt.Fprint(w, `<html><head><title>新春 賀詞交歓会 | 例の会</title></head><body><main><h1>新春 賀詞交歓会</h1>
<dl><dt>日時</dt><dd>2027年1月8日（金）11:00～13:00</dd><dt>会場</dt><dd>ホテル例 2階</dd></dl></main></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c, err := New(Config{AllowPrivate: true, Now: func() time.Time { return goldenRef }, MaxRetries: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	pub := &collect{}
	rep, err := c.Crawl(context.Background(), Source{ID: "rei", Name: "例の会", Kind: KindAuto, StartURLs: []string{srv.URL + "/events/"}, Delay: time.Millisecond}, pub)
	if err != nil || len(pub.events) != 2 {
		t.Fatalf("%d events, %v; problems %q", len(pub.events), err, rep.Problems)
	}
	for _, e := range pub.events {
		if e.Title == "歳末 異業種交流会" && !e.StartsAt.Equal(tokyo(2026, 12, 18, 18, 30)) {
			t.Errorf("start %v, want the text's 18:30", e.StartsAt)
		}
	}
	named := 0
	for _, p := range rep.Problems {
		if strings.Contains(p, srv.URL+"/events/saimatsu/") && strings.Contains(p, "JSON-LD") {
			named++
		}
	}
	if named != 1 {
		t.Errorf("problems %q: want one naming the page and its JSON-LD", rep.Problems)
	}
}
