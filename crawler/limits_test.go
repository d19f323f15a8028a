package crawler

import (
	"strings"
	"testing"
	"unicode/utf8"

	"kouryu/internal/event"
)

// checkFinished fails t unless e is valid, within the field limits and
// free of control and bidi characters (a description may keep its line
// breaks and tabs).
func checkFinished(t *testing.T, e event.Event) {
	t.Helper()
	if err := e.Validate(); err != nil {
		t.Fatalf("invalid event %+v: %v", e, err)
	}
	for name, v := range map[string]string{FieldTitle: e.Title, FieldDescription: e.Description, FieldVenue: e.Venue,
		FieldAddress: e.Address, FieldOrganizer: e.Organizer, FieldFee: e.Fee} {
		if n := utf8.RuneCountInString(v); n > fieldLimit(name) {
			t.Fatalf("%s of %d characters", name, n)
		}
		for _, r := range v {
			if unsafeRune(r) && !(name == FieldDescription && (r == '\n' || r == '\t')) {
				t.Fatalf("%s holds %U: %q", name, r, v)
			}
		}
	}
}

var limitSource = &Source{ID: "limits", Name: "limits", Area: "大阪市"}

func TestFieldLimitsAndControls(t *testing.T) {
	long := strings.Repeat("大阪の中小企業の経営者が集まる交流会です。", 2000) // 40,000 characters
	e := event.Event{
		Source: "hostile", URL: "https://f.jp/e/1",
		Title:       "異業種交流会\u202e会流交\u202c \x1b[2J\x1b[31m梅田\x07" + strings.Repeat("あ", 1000),
		Description: "1行目\x1b]0;owned\x07\r\n\t2行目\u2066隠し\u2069\u0085\x00" + long,
		StartsAt:    tokyo(2026, 12, 3, 18, 30),
		Venue:       "梅田の会議室\u200f" + strings.Repeat("ビル", 500),
		Address:     "大阪市北区梅田1-1-1\u009b31m",
		Organizer:   strings.Repeat("株式会社", 300),
		Fee:         "3,000円" + strings.Repeat("（税込）", 300),
	}
	fe, notes, err := finishEvent(limitSource, e, "")
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"title": fe.Title, "description": fe.Description, "venue": fe.Venue,
		"address": fe.Address, "organizer": fe.Organizer, "fee": fe.Fee} {
		for _, r := range v {
			if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || (r >= 0x202a && r <= 0x202e) ||
				(r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f {
				t.Errorf("%s keeps %U: %q", name, r, v[:min(len(v), 80)])
				break
			}
		}
		if name != "description" && strings.ContainsAny(v, "\n\t") {
			t.Errorf("%s keeps a line break or tab: %q", name, v[:min(len(v), 80)])
		}
	}
	if !strings.HasPrefix(fe.Title, "異業種交流会会流交 [2J[31m梅田ああ") {
		t.Errorf("title %q", fe.Title[:80])
	}
	if !strings.HasPrefix(fe.Description, "1行目]0;owned\n2行目隠し") && !strings.HasPrefix(fe.Description, "1行目]0;owned\n\t2行目隠し") {
		t.Errorf("description %q", fe.Description[:60])
	}
	for name, v := range map[string]string{"title": fe.Title, "description": fe.Description, "venue": fe.Venue,
		"organizer": fe.Organizer, "fee": fe.Fee} {
		if n := utf8.RuneCountInString(v); n > fieldLimit(name) || !strings.HasSuffix(v, "…") {
			t.Errorf("%s: %d characters, want %d ending in …", name, n, fieldLimit(name))
		}
	}
	if fe.Address != "大阪市北区梅田1-1-131m" || fe.Area != "大阪市北区" {
		t.Errorf("address %q area %q", fe.Address, fe.Area)
	}
	joined := strings.Join(notes, "\n")
	for _, f := range []string{"title", "description", "venue", "organizer", "fee"} {
		if !strings.Contains(joined, " "+f+" cut to ") {
			t.Errorf("no note for %s: %q", f, notes)
		}
	}
	if strings.Contains(joined, "address cut") || len(notes) != 5 {
		t.Errorf("notes %q", notes)
	}

	// A URL longer than any real one is refused, not cut.
	e.URL = "https://f.jp/e/1?q=" + strings.Repeat("a", 5000)
	if _, _, err := finishEvent(limitSource, e, ""); err == nil || !strings.Contains(err.Error(), "url") {
		t.Errorf("a 5,000-byte URL: %v", err)
	}
}

func TestCrawlNamesCutFields(t *testing.T) {
	// An RSS item whose text is far longer than an announcement: the event
	// is kept, cut, and the cut is a problem of the crawl.
	body := strings.Repeat("<p>当日は名刺を多めにお持ちください。</p>", 500)
	feed := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>北区商工会 お知らせ</title><link>https://kita-shoko.example.jp/</link>
<item><title>` + "\u202e" + `12月の異業種交流会のご案内</title><link>https://kita-shoko.example.jp/news/1201</link>
<pubDate>Mon, 16 Nov 2026 10:00:00 +0900</pubDate>
<description><![CDATA[<p>【日時】2026年12月9日（水）18:30～20:30</p><p>【会場】大阪市北区 北区民センター</p>` + body + `]]></description></item>
</channel></rss>`
	srv := servePage(t, "application/rss+xml; charset=utf-8", []byte(feed))
	rep, evs, err := crawlYAML(t, `
sources:
  - id: kita-news
    name: 北区商工会
    kind: rss
    start_urls: [%s/]
    area: 大阪市北区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	if len(evs) != 1 || evs[0].Title != "12月の異業種交流会のご案内" || utf8.RuneCountInString(evs[0].Description) != fieldLimit("description") {
		t.Fatalf("events %+v", evs)
	}
	if !strings.Contains(strings.Join(rep.Problems, "\n"), "https://kita-shoko.example.jp/news/1201: \"12月の異業種交流会のご案内\": description cut to 4000 characters") {
		t.Errorf("problems %q", rep.Problems)
	}
}

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<h1>概要</h1><p>事例発表会です。<br />初心者歓迎。</p><ul><li>13:00 開場</li><li>懇親会 &amp; 名刺交換</li></ul>",
			"概要\n事例発表会です。\n初心者歓迎。\n13:00 開場\n懇親会 & 名刺交換"},
		{"参加費<会員>無料\nA&B 商会 共催", "参加費<会員>無料\nA&B 商会 共催"},
		{"詳細は <https://ev.example.jp/> をご覧ください", "詳細は <https://ev.example.jp/> をご覧ください"},
		{"続きを読む &#8230;\n1行目\n\n2行目", "続きを読む …\n1行目\n2行目"},
	} {
		if got := plainText(tc.in); got != tc.want {
			t.Errorf("plainText(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
