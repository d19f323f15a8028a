package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"kouryu/crawler"
	"kouryu/internal/demosite"
)

// TestSourcesCheckPrintsNoTerminalEscapes: what a feed writes reaches the
// operator's terminal only as text. A title carrying ESC [2J (clear the
// screen) or an OSC title change, a bidi override that shows a title
// backwards, and a URL with a control character must not act on the
// terminal, in the table or in the problem lines.
func TestSourcesCheckPrintsNoTerminalEscapes(t *testing.T) {
	t.Parallel()
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

// demoSourcesFile writes a sources file with one kind auto source on the
// demo site at url.
func demoSourcesFile(t *testing.T, url string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "sources.yaml")
	if err := os.WriteFile(f, fmt.Appendf(nil, "sources:\n  - {id: demo, name: デモ, kind: auto, start_urls: [%s/event/], delay: 1ms}\n", url), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// The demo site lists a members' event under a robots.txt Disallow:
// `sources check` names it, with the reason, in both forms.
func TestSourcesCheckNamesRefusals(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(demosite.Handler(time.Now))
	defer srv.Close()
	args := []string{"sources", "check", "demo", "--sources", demoSourcesFile(t, srv.URL), "--allow-private", "--log-level", "error"}

	var out, errb bytes.Buffer
	if err := Main(t.Context(), args, nil, &out, &errb); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "8 events, 0 errors, 0 unreadable dates, 1 refused") ||
		!strings.Contains(errb.String(), `refused: `+srv.URL+`/private/yakuin.html: "会員限定 役員懇談会": robots.txt disallows its page`) {
		t.Errorf("stderr:\n%s", errb.String())
	}

	out.Reset()
	errb.Reset()
	if err := Main(t.Context(), append(args, "--json"), nil, &out, &errb); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	if n := strings.Count(out.String(), "\n"); n != 8 {
		t.Errorf("%d event lines on stdout, want 8", n)
	}
	var summary struct {
		Events  int `json:"events"`
		Refused int `json:"refused"`
	}
	var refusals []map[string]string
	sc := bufio.NewScanner(&errb)
	for sc.Scan() {
		var line map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("stderr line %q is not JSON: %v", sc.Text(), err)
		}
		switch {
		case line["refused"] != nil && line["source"] == nil:
			var r map[string]string
			if err := json.Unmarshal(line["refused"], &r); err != nil {
				t.Fatal(err)
			}
			refusals = append(refusals, r)
		case line["source"] != nil:
			if err := json.Unmarshal(sc.Bytes(), &summary); err != nil {
				t.Fatal(err)
			}
		}
	}
	if summary.Events != 8 || summary.Refused != 1 || len(refusals) != 1 ||
		refusals[0]["url"] != srv.URL+"/private/yakuin.html" || refusals[0]["reason"] != "robots.txt disallows its page" {
		t.Errorf("summary %+v, refusals %v", summary, refusals)
	}
}

// A refusal's title comes from a site: in --json a bidi override in it is
// written as its escape, and decodes to the same text.
func TestCheckReportJSONEscapesBidi(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	rep := crawler.Report{Refused: 1, Refusals: []crawler.Refusal{{URL: "https://www.example.jp/n/1", Title: "休業\u202eのお知らせ", Reason: "a notice"}}}
	if err := checkReportJSON(&b, "t", rep); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(b.String(), '\u202e') || !strings.Contains(b.String(), `\u202e`) {
		t.Fatalf("output %q", b.String())
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	var got map[string]crawler.Refusal
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &got); err != nil || got["refused"].Title != "休業\u202eのお知らせ" {
		t.Errorf("decoded %+v, %v", got, err)
	}
}

// TestSourcesCheckAndStatusNameDroppedAndFlagged: a nationwide calendar
// of three events, one in Osaka, one in 高松, one naming no place.
// sources check names the one it drops and the one it flags, with why;
// crawl and status count them.
func TestSourcesCheckAndStatusNameDroppedAndFlagged(t *testing.T) {
	t.Parallel()
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//connpass.com//connpass//JA\r\nX-WR-TIMEZONE:Asia/Tokyo\r\n" +
		"BEGIN:VEVENT\r\nSUMMARY:大阪 Go 勉強会 #13\r\nDTSTART:20301212T040000Z\r\nDTEND:20301212T080000Z\r\nDTSTAMP:20301101T021344Z\r\n" +
		"UID:https://osaka-go.connpass.com/event/401101/\r\nDESCRIPTION:開催場所: 大阪府大阪市中央区本町1-4-5 (大阪産業創造館)\\n\\n<p>事例発表会です。</p>\r\n" +
		"URL:https://osaka-go.connpass.com/event/401101/\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nSUMMARY:香川 IT 交流会 #8\r\nDTSTART:20301219T050000Z\r\nDTSTAMP:20301105T090000Z\r\n" +
		"UID:https://kagawa-it.connpass.com/event/401104/\r\nDESCRIPTION:開催場所: 香川県高松市サンポート2-1 (高松シンボルタワー)\r\n" +
		"URL:https://kagawa-it.connpass.com/event/401104/\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nSUMMARY:LT 大会 #30\r\nDTSTART:20301218T100000Z\r\nDTSTAMP:20301119T101010Z\r\n" +
		"UID:https://lt-kai.connpass.com/event/401110/\r\nDESCRIPTION:<p>5分の LT を何本でも。</p>\r\n" +
		"URL:https://lt-kai.connpass.com/event/401110/\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/ja.ics" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		fmt.Fprint(w, ics)
	}))
	defer srv.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "sources.yaml")
	yaml := fmt.Sprintf("sources:\n  - id: group\n    name: 勉強会\n    kind: ical\n    start_urls: [%s/ja.ics]\n    nationwide: true\n    delay: 1ms\n", srv.URL)
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	var o, e bytes.Buffer
	if err := Main(context.Background(), []string{"sources", "check", "group", "--sources", path, "--allow-private"}, nil, &o, &e); err != nil {
		t.Fatalf("%v\n%s", err, e.String())
	}
	for _, want := range []string{
		"2 events, 0 errors, 0 unreadable dates, 0 refused, 1 dropped, 1 flagged",
		`dropped: https://kagawa-it.connpass.com/event/401104/ "香川 IT 交流会 #8" 2030-12-19 14:00: held in 香川県 (address: "香川県高松市サンポート2-1"), outside Osaka prefecture`,
		`flagged: https://lt-kai.connpass.com/event/401110/ "LT 大会 #30" 2030-12-18 19:00: names no place`,
	} {
		if !strings.Contains(e.String(), want) {
			t.Errorf("sources check: no %q in\n%s", want, e.String())
		}
	}

	flags := []string{"--data-dir", dir, "--sources", path, "--log-level", "warn"}
	if err := Main(t.Context(), append([]string{"crawl", "--allow-private"}, flags...), nil, &o, &e); err != nil {
		t.Fatalf("crawl: %v\n%s", err, e.String())
	}
	o.Reset()
	if err := Main(t.Context(), append([]string{"status", "--json"}, flags...), nil, &o, &e); err != nil {
		t.Fatalf("status: %v\n%s", err, e.String())
	}
	var st statusReport
	if err := json.Unmarshal(o.Bytes(), &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Sources) != 1 || st.Sources[0].Dropped != 1 || st.Sources[0].Flagged != 1 || st.Sources[0].Events != 2 {
		t.Errorf("status: %+v", st.Sources)
	}
	o.Reset()
	if err := Main(t.Context(), append([]string{"status"}, flags...), nil, &o, &e); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(o.String(), "DROPPED") || !strings.Contains(o.String(), "FLAGGED") {
		t.Errorf("status table:\n%s", o.String())
	}
}

// suggest runs `sources suggest URL` and returns what it printed, parsed.
func suggest(t *testing.T, u string) (string, crawler.Source) {
	t.Helper()
	var o, e bytes.Buffer
	if err := Main(t.Context(), []string{"sources", "suggest", u, "--allow-private", "--log-level", "error"}, nil, &o, &e); err != nil {
		t.Fatalf("suggest %s: %v\n%s", u, err, e.String())
	}
	srcs, err := crawler.ParseSources(o.Bytes())
	if err != nil || len(srcs) != 1 {
		t.Fatalf("suggest %s printed no sources file of one entry (%v):\n%s", u, err, o.String())
	}
	return o.String(), srcs[0]
}

// `sources suggest` on the demo chamber's list: kind auto with the table's
// selectors pinned, and the entry it prints, used as it is, reads every
// event of both list pages.
func TestSourcesSuggestPinsTheList(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(demosite.Handler(time.Now))
	defer srv.Close()
	out, src := suggest(t, srv.URL+"/event/")
	if src.Kind != crawler.KindAuto || src.List.Item == "" || src.List.Link == "" || src.List.Next == "" ||
		src.List.Fields[crawler.FieldTitle] == "" || src.List.Fields[crawler.FieldDate] == "" || src.Name != "浪速商工会議所" {
		t.Fatalf("suggested %+v:\n%s", src, out)
	}
	if !strings.Contains(out, "# detected: a list auto reads: 5 event block(s)") {
		t.Errorf("no finding in the comments:\n%s", out)
	}
	// The operator's one edit: this local site needs no second between
	// requests.
	edited := strings.Replace(out, "      every: 6h\n", "      every: 6h\n      delay: 1ms\n", 1)
	file := filepath.Join(t.TempDir(), "sources.yaml")
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	var o, e bytes.Buffer
	if err := Main(t.Context(), []string{"sources", "check", src.ID, "--sources", file, "--allow-private", "--log-level", "error"}, nil, &o, &e); err != nil {
		t.Fatalf("check: %v\n%s", err, e.String())
	}
	if !strings.Contains(e.String(), " 8 events,") {
		t.Errorf("the suggested entry reads:\n%s\n%s", o.String(), e.String())
	}
}

// A page with only an embedded calendar suggests its iCalendar feed; a page
// of schema.org Events suggests kind jsonld.
func TestSourcesSuggestFeedsAndJSONLD(t *testing.T) {
	t.Parallel()
	pages := map[string]string{
		"/schedule/": `<html><head><title>開催スケジュール | 例の交流サロン</title><link rel="alternate" type="text/calendar" href="/schedule/salon.ics"></head>
<body><h1>開催スケジュール</h1><iframe src="https://calendar.google.com/calendar/embed?src=example"></iframe></body></html>`,
		"/schedule/salon.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//example//JA\r\nBEGIN:VEVENT\r\nUID:a@example.jp\r\n" +
			"DTSTART;TZID=Asia/Tokyo:20301211T190000\r\nSUMMARY:ビジネス交流サロン\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"/events/": `<html><head><title>催し | 例の会</title><script type="application/ld+json">[{"@context":"https://schema.org","@type":"Event",
"name":"例の交流会","startDate":"2030-12-09T19:00:00+09:00","location":{"@type":"Place","name":"例ホール"}}]</script></head><body><h1>催し</h1></body></html>`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".ics") {
			w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		}
		fmt.Fprint(w, p)
	}))
	defer srv.Close()
	out, src := suggest(t, srv.URL+"/schedule/")
	if src.Kind != crawler.KindICal || len(src.StartURLs) != 1 || src.StartURLs[0] != srv.URL+"/schedule/salon.ics" {
		t.Errorf("calendar page: %+v\n%s", src, out)
	}
	out, src = suggest(t, srv.URL+"/events/")
	if src.Kind != crawler.KindJSONLD || src.StartURLs[0] != srv.URL+"/events/" {
		t.Errorf("JSON-LD page: %+v\n%s", src, out)
	}
}

// checkEvents runs `sources check ID --json` on a sources file and returns
// each event as a line of what a reader notices: id, start, end, title,
// venue, fee, status, sorted.
func checkEvents(t *testing.T, id, file string) []string {
	t.Helper()
	var o, e bytes.Buffer
	if err := Main(t.Context(), []string{"sources", "check", id, "--sources", file, "--allow-private", "--json", "--log-level", "error"}, nil, &o, &e); err != nil {
		t.Fatalf("check %s: %v\n%s", file, err, e.String())
	}
	var out []string
	sc := bufio.NewScanner(&o)
	for sc.Scan() {
		var ev struct {
			ID, Title, Venue, Fee, Status string
			StartsAt                      time.Time `json:"starts_at"`
			EndsAt                        time.Time `json:"ends_at"`
		}
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("event line %q: %v", sc.Text(), err)
		}
		out = append(out, fmt.Sprintf("%s %s–%s %s @%s ¥%s %s", ev.ID, ev.StartsAt.Format(time.RFC3339), ev.EndsAt.Format("15:04"), ev.Title, ev.Venue, ev.Fee, ev.Status))
	}
	slices.Sort(out)
	return out
}

// `sources suggest` on a 法人会 branch's schedule written as <dt>/<dd>
// pairs prints a kind html entry with list.until; pasted into a sources
// file it reads the events kind auto reads from the page.
func TestSourcesSuggestPinsDtDdAsHTML(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-8"><title>支部行事予定 | 例法人会 東支部</title></head>
<body><div id="container"><header><h1 class="site-name"><a href="/">例法人会 東支部</a></h1></header>
<div id="main"><h2>支部行事予定</h2>
<p>会員以外の方もご参加いただけます。お申込みは事務局まで。</p>
<dl class="gyoji">
<dt>2027年1月19日（火）18:30～20:30</dt>
<dd><span class="ttl">支部 新年互礼会</span><br>会場：ホテル例 3階 桜の間<br>参加費：8,000円</dd>
<dt>2027年2月9日（火）14:00～16:00</dt>
<dd><span class="ttl">決算・申告 直前セミナー</span><br>会場：例市民会館 2階 第1会議室<br>参加費：無料</dd>
<dt>2027年3月2日（火）15:00～17:00</dt>
<dd><span class="ttl">女性部会 経営講演会「地域で選ばれる店づくり」</span><br>会場：例市民会館 4階 ホール<br>参加費：1,000円</dd>
</dl>
<p class="contact">お問い合わせ：例法人会 東支部事務局 TEL 06-0000-0000</p>
</div></div></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/shibu/higashi/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	out, src := suggest(t, srv.URL+"/shibu/higashi/")
	if src.Kind != crawler.KindHTML || src.List.Item == "" || src.List.Until != "dt" || !strings.Contains(out, "      until: dt\n") {
		t.Fatalf("suggested %+v:\n%s", src, out)
	}
	dir := t.TempDir()
	pinned := filepath.Join(dir, "pinned.yaml")
	if err := os.WriteFile(pinned, []byte(strings.Replace(out, "      every: 6h\n", "      every: 6h\n      delay: 1ms\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	auto := filepath.Join(dir, "auto.yaml")
	if err := os.WriteFile(auto, fmt.Appendf(nil, "sources:\n  - id: %s\n    name: 例法人会\n    kind: auto\n    start_urls: [%s/shibu/higashi/]\n    delay: 1ms\n", src.ID, srv.URL), 0o644); err != nil {
		t.Fatal(err)
	}
	got, want := checkEvents(t, src.ID, pinned), checkEvents(t, src.ID, auto)
	if len(want) != 3 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the pinned entry reads\n%s\nkind auto\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(strings.Join(got, "\n"), "2027-01-19T18:30:00+09:00–20:30 支部 新年互礼会 @ホテル例 3階 桜の間 ¥8,000円 scheduled") {
		t.Errorf("the 新年互礼会 is not read whole:\n%s", strings.Join(got, "\n"))
	}
}
