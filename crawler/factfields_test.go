package crawler

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"kouryu/internal/event"
)

// chamberList and chamberPage are a chamber's list and event pages with the
// facts in a th/td table and in the text, a registration link among other
// links, and a navigation and a side column saying what is not this event's
// (どなたでもご参加いただけるイベント一覧, 会員限定コンテンツ). The page has no
// main element: its text is the body's, without those.
const chamberList = `<!doctype html><html><head><meta charset="utf-8"><title>セミナー・イベント</title></head><body>
<ul class="events">
<li><span class="date">2026年12月10日</span> <a href="/event/1210.html">年末 異業種交流会</a></li>
<li><span class="date">2026年12月15日</span> <a href="/event/1215.html">会員 忘年懇親会</a></li>
</ul></body></html>`

const chamberPage = `<!doctype html><html><head><meta charset="utf-8"><title>%[1]s｜例商工会議所</title></head><body>
<header><nav><a href="/">ホーム</a> <a href="/member/">会員専用ページ</a> <a href="/open/">どなたでもご参加いただけるイベント一覧</a></nav></header>
<div class="contents">
<h1>%[1]s</h1>
<p>%[2]s</p>
<table>
<tr><th>日　時</th><td>2026年12月%[3]d日（%[4]s）18:30～20:30</td></tr>
<tr><th>会　場</th><td>例商工会議所 5階 会議室（大阪市中央区本町9-9）</td></tr>
<tr><th>参加費</th><td>%[5]s</td></tr>
<tr><th>定　員</th><td>50名（先着順）</td></tr>
<tr><th>申込締切</th><td>12月%[6]d日（火）</td></tr>
</table>
<p><a href="/files/flyer.pdf">チラシ・FAX申込書（PDF）</a></p>
<p><a href="/form/entry?e=%[3]d">お申込みはこちら</a></p>
</div>
<aside><h2>会員限定コンテンツ</h2><p>会員の皆様限定の情報です。</p></aside>
<footer>例商工会議所　TEL 06-0000-0000</footer>
</body></html>`

// TestEventPageFacts crawls a chamber's pages and reads each event's facts
// from its page: the table and the text of the page's main part, and the
// registration link, not the PDF; never the navigation or the side column
// (read, they would make both events' members_only contradict itself).
func TestEventPageFacts(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, _ *http.Request) {})
	mux.HandleFunc("/event/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/event/":
			fmt.Fprint(w, chamberList)
		case "/event/1210.html":
			fmt.Fprintf(w, chamberPage, "年末 異業種交流会", "業種を問わず交流を深めましょう。非会員の方もご参加いただけます。", 10, "木", "会員 2,000円／一般 4,000円（税込）", 1)
		case "/event/1215.html":
			fmt.Fprintf(w, chamberPage, "会員 忘年懇親会", "本懇親会は会員限定です。", 15, "火", "お一人 ５，０００円", 8)
		default:
			http.NotFound(w, r)
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: example-cci
    name: 例商工会議所
    kind: auto
    start_urls: [%s/event/]
    area: 大阪市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	got := byTitle(evs)
	open := got["年末 異業種交流会"]
	if len(open) != 1 {
		t.Fatalf("events %v; problems %q", evs, rep.Problems)
	}
	checkFacts(t, open[0], "2000-4000", 50, tokyo(2026, 12, 1, 23, 59).Add(59*time.Second), "false", event.InPerson, srv.URL+"/form/entry?e=10")
	members := got["会員 忘年懇親会"]
	if len(members) != 1 {
		t.Fatalf("events %v; problems %q; refused %+v", evs, rep.Problems, rep.Refusals)
	}
	checkFacts(t, members[0], "5000-5000", 50, tokyo(2026, 12, 8, 23, 59).Add(59*time.Second), "true", event.InPerson, srv.URL+"/form/entry?e=15")
}

// checkFacts compares e's facts with the wanted ones: fee as "min-max" ("" for
// none), members_only as "true", "false" or "".
func checkFacts(t *testing.T, e event.Event, fee string, capacity int, applyBy time.Time, membersOnly string, format event.Format, applyURL string) {
	t.Helper()
	gotFee, gotMO := "", ""
	if e.FeeYenMin != nil && e.FeeYenMax != nil {
		gotFee = fmt.Sprintf("%d-%d", *e.FeeYenMin, *e.FeeYenMax)
	}
	if e.MembersOnly != nil {
		gotMO = fmt.Sprint(*e.MembersOnly)
	}
	if gotFee != fee || e.Capacity != capacity || !e.ApplyBy.Equal(applyBy) || gotMO != membersOnly || e.Format != format || e.ApplyURL != applyURL {
		t.Errorf("%s: fee %q capacity %d apply_by %v members_only %q format %q apply_url %q\nwant fee %q capacity %d apply_by %v members_only %q format %q apply_url %q",
			e.Title, gotFee, e.Capacity, e.ApplyBy, gotMO, e.Format, e.ApplyURL, fee, capacity, applyBy, membersOnly, format, applyURL)
	}
}

// TestJSONLDFacts reads what schema.org states as data: the capacity, the
// attendance mode, each offer's price (for members and others), url and
// validThrough, and isAccessibleForFree.
func TestJSONLDFacts(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"BusinessEvent",
"name":"DX推進セミナー＆交流会","startDate":"2026-12-10T14:00:00+09:00","endDate":"2026-12-10T17:00:00+09:00",
"eventAttendanceMode":"https://schema.org/MixedEventAttendanceMode","maximumAttendeeCapacity":80,
"location":{"@type":"Place","name":"例産業会館 3階 ホール","address":"大阪市北区梅田9-9-9"},
"offers":[{"@type":"Offer","name":"会員","price":0,"priceCurrency":"JPY"},
 {"@type":"Offer","name":"一般","price":"3000","priceCurrency":"JPY","url":"https://tickets.example.jp/e/1210","validThrough":"2026-12-03"}]}
</script></head><body><p>定員50名</p></body></html>`
	free := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Event",
"name":"オンライン経営相談会","startDate":"2026-12-11T10:00:00+09:00","isAccessibleForFree":true,
"eventAttendanceMode":"https://schema.org/OnlineEventAttendanceMode","location":{"@type":"VirtualLocation","url":"https://zoom.example/j/1"}}
</script></head><body></body></html>`
	src := &Source{ID: "ld", Area: "大阪市"}
	fetched := tokyo(2026, 11, 20, 9, 0)
	for _, c := range []struct {
		page, fee, mo string
		capacity      int
		applyBy       time.Time
		format        event.Format
		applyURL      string
	}{
		{page, "0-3000", "false", 80, tokyo(2026, 12, 3, 23, 59).Add(59 * time.Second), event.Hybrid, "https://tickets.example.jp/e/1210"},
		{free, "0-0", "", 0, time.Time{}, event.Online, ""},
	} {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(c.page))
		if err != nil {
			t.Fatal(err)
		}
		e, err := BuildEvent(src, "https://www.example.jp/e/1", true, JSONLDFields(doc), fetched)
		if err != nil {
			t.Fatal(err)
		}
		checkFacts(t, e, c.fee, c.capacity, c.applyBy, c.mo, c.format, c.applyURL)
	}
}

// TestAPIFactsWinOverText: what an API gives as data (connpass's limit,
// Doorkeeper's ticket_limit) is the capacity, whatever the description
// says; a connpass event advertised there but registered elsewhere has no
// apply_url, one held there has its page.
func TestAPIFactsWinOverText(t *testing.T) {
	src := &Source{ID: "api", Area: "大阪市"}
	fetched := tokyo(2026, 11, 20, 9, 0)
	res, _, _, err := ParseConnpass([]byte(`{"results_returned":2,"results_available":2,"results_start":1,"events":[
{"id":1,"title":"Go 勉強会","url":"https://connpass.com/event/1/","started_at":"2026-12-10T19:00:00+09:00","limit":40,
 "event_type":"participation","place":"梅田の会議室","description":"<p>定員50名（会場の定員）。参加費 500円</p>"},
{"id":2,"title":"告知だけの交流会","url":"https://connpass.com/event/2/","started_at":"2026-12-11T19:00:00+09:00","limit":0,
 "event_type":"advertisement","place":"オンライン","description":"<p>お申込みは主催者のサイトから</p>"}]}`), src, fetched)
	if err != nil || len(res.Events) != 2 {
		t.Fatalf("%v %v", res, err)
	}
	checkFacts(t, res.Events[0], "500-500", 40, time.Time{}, "", event.InPerson, "https://connpass.com/event/1/")
	checkFacts(t, res.Events[1], "", 0, time.Time{}, "", event.Online, "")

	dk, _, err := ParseDoorkeeper([]byte(`[{"event":{"id":7,"title":"堺 交流会","starts_at":"2026-12-12T10:00:00.000Z",
"venue_name":"堺東の会議室","public_url":"https://sakai.doorkeeper.jp/events/7","ticket_limit":25,"description":"定員30名"}}]`), src, fetched)
	if err != nil || len(dk.Events) != 1 {
		t.Fatalf("%v %v", dk, err)
	}
	checkFacts(t, dk.Events[0], "", 25, time.Time{}, "", event.InPerson, "https://sakai.doorkeeper.jp/events/7")
}

// TestDeadlineAfterEventDropped: a deadline given as data after the event's
// day is no deadline of it.
func TestDeadlineAfterEventDropped(t *testing.T) {
	src := &Source{ID: "s", Area: "大阪市"}
	f := Fields{FieldTitle: "交流会", FieldDate: "2026-12-10T18:30:00+09:00", fieldApplyBy: "2026-12-20"}
	e, err := BuildEvent(src, "https://www.example.jp/e/1", true, f, tokyo(2026, 11, 20, 9, 0))
	if err != nil {
		t.Fatal(err)
	}
	if !e.ApplyBy.IsZero() {
		t.Errorf("apply_by %v after the event", e.ApplyBy)
	}
	if _, err := url.Parse(e.URL); err != nil {
		t.Fatal(err)
	}
}

// pageText collapses white space (full-width and no-break spaces too) as
// blockText does, and stops at maxPageTextRunes.
func TestPageText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  定員\u3000 50名\u00a0（先着順）  ", "定員 50名 （先着順）"},
		{"\n\n申込締切\t12月1日\n", "申込締切 12月1日"},
	} {
		var p pageText
		p.write(c.in)
		if got := p.String(); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
	var p pageText
	p.write(strings.Repeat("あ", maxPageTextRunes+10))
	p.newline()
	p.write("い")
	if n := len([]rune(p.String())); n != maxPageTextRunes {
		t.Errorf("%d runes, want %d", n, maxPageTextRunes)
	}
}

// TestSpaceAt holds spaceAt's bytes to unicode.IsSpace: every rune above
// 0x7f, alone, cut short and followed by more text; and no byte string of
// up to three bytes that does not decode to a space.
func TestSpaceAt(t *testing.T) {
	want := func(s string) bool {
		r, _ := utf8.DecodeRuneInString(s)
		return r > 0x7f && unicode.IsSpace(r)
	}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		s := string(r)
		for _, c := range []string{s, s + "あ", s[:len(s)-1]} {
			if got := spaceAt(c); got != want(c) {
				t.Fatalf("spaceAt(%q) = %v, want %v", c, got, !got)
			}
		}
	}
	for _, lead := range []byte{0xC2, 0xE1, 0xE2, 0xE3} {
		for b1 := range 256 {
			for b2 := range 256 {
				s := string([]byte{lead, byte(b1), byte(b2)})
				if got := spaceAt(s); got != want(s) {
					t.Fatalf("spaceAt(%q) = %v, want %v", s, got, !got)
				}
			}
		}
	}
}

// TestElementSets holds notMainNode and blockNode to the maps they
// read by atom: every HTML element and every name of both maps, with its
// atom and built by hand without one, and a name that has none.
func TestElementSets(t *testing.T) {
	names := append([]string{"custom-element"}, strings.Fields(`a abbr address area article aside audio b base bdi bdo
		blockquote body br button canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl dt
		em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input
		ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option output p
		picture pre progress q rp rt ruby s samp script search section select slot small source span strong style sub
		summary sup svg math table tbody td template textarea tfoot th thead time title tr track u ul var video wbr`)...)
	for name := range notMain {
		names = append(names, name)
	}
	for name := range blockElements {
		names = append(names, name)
	}
	for _, name := range names {
		for _, n := range []*html.Node{
			{Type: html.ElementNode, Data: name, DataAtom: atom.Lookup([]byte(name))},
			{Type: html.ElementNode, Data: name},
		} {
			if got, want := notMainNode(n), notMain[name]; got != want {
				t.Errorf("notMainNode(%s, atom %v) = %v, want %v", name, n.DataAtom, got, want)
			}
			if got, want := blockNode(n), blockElements[name]; got != want {
				t.Errorf("blockNode(%s, atom %v) = %v, want %v", name, n.DataAtom, got, want)
			}
		}
	}
}

// TestIndexLong holds indexLong to strings.Index: a needle that is there,
// once or after a false start sharing its first 32 bytes, and one that is
// not.
func TestIndexLong(t *testing.T) {
	start := strings.Repeat("交流会", 11) // 33 bytes
	sub := start + "のご案内です。お申し込みはフォームから。"
	for _, s := range []string{
		"前置き" + sub + "後書き",
		start + "の日程です。" + sub,
		start + "の日程です。" + sub[:len(sub)-3],
		sub,
		sub[:40],
		"",
	} {
		if got, want := indexLong(s, sub), strings.Index(s, sub); got != want {
			t.Errorf("indexLong(%q) = %d, want %d", s, got, want)
		}
	}
}
