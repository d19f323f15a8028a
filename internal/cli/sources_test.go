package cli

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSourcesCheckPrintsNoTerminalEscapes: what a feed writes reaches the
// operator's terminal only as text. A title carrying ESC [2J (clear the
// screen) or an OSC title change, a bidi override that shows a title
// backwards, and a URL with a control character must not act on the
// terminal, in the table or in the problem lines.
func TestSourcesCheckPrintsNoTerminalEscapes(t *testing.T) {
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//example//JA\r\n" +
		"BEGIN:VEVENT\r\nUID:1@ev.example.jp\r\nDTSTART;TZID=Asia/Tokyo:20301203T183000\r\n" +
		"SUMMARY:異業種交流会\x1b[2J\x1b]0;pwned\x07 in 梅田\u202e会流交\u202c\r\n" +
		"LOCATION:梅田の会議室\x1b[31m\\, 大阪市北区梅田1-1-1\r\nURL:https://ev.example.jp/e/1\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:2@ev.example.jp\r\nDTSTART;TZID=Asia/Tokyo:20301204T183000\r\n" +
		"SUMMARY:名刺交換会\r\nURL:https://ev.example.jp/e/2\x1b[2J\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:3@ev.example.jp\r\nSUMMARY:日付なし\x1b[5m\u2066\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	// An RSS item's link is named as it is in the problem of an item
	// without a date; XML allows U+202E there.
	rss := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>お知らせ</title><link>https://ev.example.jp/</link>
<item><title>12月3日（木）18:30～ 北浜交流会</title><link>https://ev.example.jp/n/1</link><description>会場：北浜の会議室</description></item>
<item><title>年末年始の休業のお知らせ` + "\u202e" + `</title><link>https://ev.example.jp/n/2/` + "\u202e" + `fdp.exe</link><description>休業します。</description></item>
</channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/cal.ics":
			w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
			fmt.Fprint(w, ics)
		case "/news.rss":
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprint(w, rss)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "sources.yaml")
	yaml := fmt.Sprintf(`sources:
  - id: umeda
    name: 梅田の会
    kind: ical
    start_urls: [%[1]s/cal.ics]
    area: 大阪市北区
    delay: 1ms
  - id: news
    name: 北浜のお知らせ
    kind: rss
    start_urls: [%[1]s/news.rss]
    area: 大阪市中央区
    delay: 1ms
`, srv.URL)
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(id string) (stdout, stderr string) {
		var o, e bytes.Buffer
		err := Main(context.Background(), []string{"sources", "check", id, "--sources", path, "--allow-private"}, nil, &o, &e)
		if err != nil {
			t.Fatalf("%v\n%s", err, e.String())
		}
		out := o.String() + e.String()
		for _, r := range out {
			if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				t.Fatalf("sources check %s: output holds %U:\n%q", id, r, out)
			}
		}
		return o.String(), e.String()
	}

	stdout, stderr := check("news")
	if !strings.Contains(stdout, "北浜交流会") || !strings.Contains(stderr, `https://ev.example.jp/n/2/\u202efdp.exe`) {
		t.Errorf("the undated item is not named with its link escaped:\n%s\n%s", stdout, stderr)
	}

	stdout, stderr = check("umeda")
	if !strings.Contains(stdout, "異業種交流会[2J]0;pwned in 梅田会流交") {
		t.Errorf("the title is not shown cleaned:\n%s", stdout)
	}
	if !strings.Contains(stderr, "日付なし") {
		t.Errorf("the undated VEVENT is not named:\n%s", stderr)
	}
	if strings.Contains(stdout, "ev.example.jp/e/2") || !strings.Contains(stderr, `ev.example.jp/e/2\x1b[2J`) {
		t.Errorf("the URL with a control character is shown as a link, or not named in a problem:\n%s\n%s", stdout, stderr)
	}
}
