package crawler

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// notes maps each named event's title to its reason.
func notes(ns []EventNote) map[string]string {
	m := map[string]string{}
	for _, n := range ns {
		m[n.Title] = n.Reason
	}
	return m
}

func setOf(ss []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		m[s] = true
	}
	return m
}

func sortedTitles[T any](m map[string]T) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// The connpass calendar of 11 events: with area 大阪市 each keeps the area
// its text names; with nationwide: true those held elsewhere are dropped
// and named, the one naming no place kept and flagged.
func TestCrawlICalPlacesFromTheDescription(t *testing.T) {
	srv, _ := fixtureServer(t, "feeds", map[string]string{".ics": "text/calendar; charset=utf-8"})
	rep, evs, err := crawlYAML(t, `
sources:
  - id: group
    name: 勉強会カレンダー
    kind: ical
    start_urls: [%s/connpass-group.ics]
    area: 大阪市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	areas := map[string]string{}
	for _, e := range evs {
		areas[e.Title] = e.Area
	}
	want := map[string]string{
		"大阪 Go 勉強会 #13": "大阪市中央区", "オープンソースカンファレンス2027 OSC大阪": "大阪市", "オンライン もくもく会 #45": "online",
		"香川 IT 交流会 #8": "", "Sendai.go #20": "", "Go Tokyo Meetup #31": "", "やまぐち Tech 交流会 vol.3": "",
		"沖縄 IT 勉強会 in 那覇": "", "Python mini Hack-a-thon Kagawa #5": "", "LT 大会 #30": "大阪市",
		"関西オープンフォーラム2027 10/2-3": "大阪市北区",
	}
	for title, a := range want {
		if got, ok := areas[title]; !ok || got != a {
			t.Errorf("%s: area %q (found %v), want %q", title, got, ok, a)
		}
	}
	if rep.Dropped != 0 {
		t.Errorf("a source that is not nationwide dropped %+v", rep.DroppedEvents)
	}

	rep, evs, err = crawlYAML(t, `
sources:
  - id: group
    name: 勉強会カレンダー
    kind: ical
    start_urls: [%s/connpass-group.ics]
    nationwide: true
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	kept := byTitle(evs)
	if got, want := sortedTitles(kept), []string{"LT 大会 #30", "オープンソースカンファレンス2027 OSC大阪", "オンライン もくもく会 #45",
		"大阪 Go 勉強会 #13", "関西オープンフォーラム2027 10/2-3"}; !slices.Equal(got, sortedTitles(setOf(want))) {
		t.Errorf("kept %q\nwant %q", got, want)
	}
	dropped := notes(rep.DroppedEvents)
	for title, pref := range map[string]string{"香川 IT 交流会 #8": "香川県", "Sendai.go #20": "宮城県", "Go Tokyo Meetup #31": "東京都",
		"やまぐち Tech 交流会 vol.3": "山口県", "沖縄 IT 勉強会 in 那覇": "沖縄県", "Python mini Hack-a-thon Kagawa #5": "香川県"} {
		if !strings.Contains(dropped[title], "held in "+pref) {
			t.Errorf("%s: dropped for %q, want held in %s", title, dropped[title], pref)
		}
	}
	if rep.Dropped != 6 || len(rep.DroppedEvents) != 6 {
		t.Errorf("%d dropped, %d named; want 6", rep.Dropped, len(rep.DroppedEvents))
	}
	if f := notes(rep.FlaggedEvents); !strings.Contains(f["LT 大会 #30"], "names no place") {
		t.Errorf("the event naming no place is not flagged: %+v", rep.FlaggedEvents)
	}
	if a := kept["LT 大会 #30"]; len(a) != 1 || a[0].Area != "" {
		t.Errorf("a nationwide source without area gives no area to an event naming no place: %+v", a)
	}
	// DTSTART is the generator's clock (equal to DTSTAMP): the one date of
	// the text wins, and the report says so; where the title and the
	// description disagree the event is flagged.
	if o := kept["オープンソースカンファレンス2027 OSC大阪"]; len(o) != 1 || !o[0].StartsAt.Equal(tokyo(2027, 1, 29, 10, 0)) ||
		!o[0].EndsAt.Equal(tokyo(2027, 1, 30, 17, 30)) {
		t.Errorf("OSC: %+v", o)
	}
	if !strings.Contains(strings.Join(rep.Problems, "\n"), `"オープンソースカンファレンス2027 OSC大阪": start 2026-11-20 12:15 was the time the entry was written: read 2027-01-29 10:00 – 2027-01-30 17:30 from its description`) {
		t.Errorf("the corrected start is not reported: %q", rep.Problems)
	}
	if f := notes(rep.FlaggedEvents)["関西オープンフォーラム2027 10/2-3"]; !strings.Contains(f, "is the time the entry was written, and its text is not clear") {
		t.Errorf("KOF: flagged %q", f)
	}
	if rep.Flagged != 2 {
		t.Errorf("%d flagged, want 2: %+v", rep.Flagged, rep.FlaggedEvents)
	}
}

func TestCrawlRSSNationwide(t *testing.T) {
	srv, _ := fixtureServer(t, "feeds", map[string]string{".rss": "application/rss+xml; charset=UTF-8"})
	rep, evs, err := crawlYAML(t, `
sources:
  - id: keieisha-net
    name: 全国中小企業経営者ネットワーク
    kind: rss
    start_urls: [%s/wp-events.rss]
    nationwide: true
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	kept := byTitle(evs)
	if got, want := sortedTitles(kept), []string{"【オンライン】経営者のための DX 勉強会", "【大阪支部】12月例会・経営者交流会のご案内",
		"年末特別例会のお知らせ（12月20日）"}; !slices.Equal(got, sortedTitles(setOf(want))) {
		t.Errorf("kept %q\nwant %q", got, want)
	}
	if e := kept["【大阪支部】12月例会・経営者交流会のご案内"]; len(e) != 1 || e[0].Area != "大阪市中央区" {
		t.Errorf("Osaka branch: %+v", e)
	}
	d := notes(rep.DroppedEvents)
	if !strings.Contains(d["【東京支部】異業種交流会（12/10）"], "東京都") || !strings.Contains(d["福岡支部 12月例会のご案内"], "福岡県") || rep.Dropped != 2 {
		t.Errorf("dropped %+v", rep.DroppedEvents)
	}
	if f := notes(rep.FlaggedEvents); rep.Flagged != 1 || f["年末特別例会のお知らせ（12月20日）"] == "" {
		t.Errorf("flagged %+v", rep.FlaggedEvents)
	}
}

func TestCrawlAPIsKeepEventsWithoutPlace(t *testing.T) {
	srv, _ := apiServer(t, "X-API-Key", "k", "start", map[string]string{"1": "connpass-places.json"})
	t.Setenv(EnvConnpassKey, "k")
	rep, evs, err := crawlYAML(t, `
sources:
  - id: connpass-osaka
    name: connpass
    kind: connpass
    start_urls: ["%s/api/v2/events/?prefecture=osaka&count=100&order=2"]
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	kept := byTitle(evs)
	if got, want := sortedTitles(kept), []string{"【12/19開催】北浜 経営者交流会", "スタートアップ 壁打ち会", "ナレッジキャピタル ビジネス交流会",
		"フロントエンド勉強会 #58", "堺 ものづくり IoT 勉強会"}; !slices.Equal(got, sortedTitles(setOf(want))) {
		t.Errorf("kept %q\nwant %q", got, want)
	}
	if e := kept["フロントエンド勉強会 #58"]; len(e) != 1 || e[0].Area != "online" {
		t.Errorf("online said in the description: %+v", e)
	}
	if e := kept["堺 ものづくり IoT 勉強会"]; len(e) != 1 || e[0].Area != "堺市" || e[0].Venue != "堺市産業振興センター" {
		t.Errorf("place in the description: %+v", e)
	}
	if f := notes(rep.FlaggedEvents); !strings.Contains(f["スタートアップ 壁打ち会"], "names no place") ||
		!strings.Contains(f["【12/19開催】北浜 経営者交流会"], "start 2026-12-12 18:30 contradicts its text") || rep.Flagged != 2 {
		t.Errorf("flagged %+v", rep.FlaggedEvents)
	}
	if e := kept["【12/19開催】北浜 経営者交流会"]; len(e) != 1 || !e[0].StartsAt.Equal(tokyo(2026, 12, 12, 18, 30)) {
		t.Errorf("a flagged start stays: %+v", e)
	}
	d := notes(rep.DroppedEvents)
	if rep.Dropped != 2 || !strings.Contains(d["神戸 IT 経営者の集い"], "兵庫県") || !strings.Contains(d["京都 スタートアップ ピッチナイト"], "京都府") {
		t.Errorf("dropped %+v", rep.DroppedEvents)
	}

	srv, _ = apiServer(t, "Authorization", "Bearer t", "page", map[string]string{"1": "doorkeeper-places.json", "2": "doorkeeper-2.json"})
	t.Setenv(EnvDoorkeeperToken, "t")
	rep, evs, err = crawlYAML(t, `
sources:
  - id: doorkeeper-osaka
    name: Doorkeeper
    kind: doorkeeper
    start_urls: ["%s/events?prefecture=osaka&sort=starts_at"]
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	kept = byTitle(evs)
	if got, want := sortedTitles(kept), []string{"オンライン 経営者朝活", "グランフロント 異業種交流会 12月", "事業承継 相談会"}; !slices.Equal(got, sortedTitles(setOf(want))) {
		t.Errorf("kept %q\nwant %q", got, want)
	}
	if e := kept["グランフロント 異業種交流会 12月"]; len(e) != 1 || e[0].Area != "大阪市北区" {
		t.Errorf("place in a 【会場】 line: %+v", e)
	}
	if rep.Dropped != 1 || rep.Flagged != 1 || notes(rep.FlaggedEvents)["事業承継 相談会"] == "" {
		t.Errorf("dropped %+v flagged %+v", rep.DroppedEvents, rep.FlaggedEvents)
	}
}

func TestCrawlHTMLNationwide(t *testing.T) {
	page := `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>全国の交流会一覧</title></head><body>
<h1>全国の交流会</h1>
<ul class="events">
<li><a href="/e/101">大阪 異業種交流会</a><span class="date">2026年12月8日(火) 18:30～</span><span class="place">大阪市北区梅田1-1-3 大阪駅前第3ビル</span></li>
<li><a href="/e/102">名古屋 異業種交流会</a><span class="date">2026年12月9日(水) 18:30～</span><span class="place">愛知県名古屋市中村区名駅1-1-4</span></li>
<li><a href="/e/103">オンライン 交流会</a><span class="date">2026年12月10日(木) 20:00～</span><span class="place">オンライン（Zoom）</span></li>
<li><a href="/e/104">年末 交流会</a><span class="date">2026年12月20日(日) 15:00～</span><span class="place">調整中</span></li>
</ul></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/events" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(srv.Close)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: zenkoku
    name: 全国の交流会
    kind: html
    start_urls: [%s/events]
    nationwide: true
    delay: 1ms
    list:
      item: "ul.events li"
      link: "a@href"
      fields: {title: "a", date: ".date", venue: ".place"}
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	if got, want := sortedTitles(byTitle(evs)), []string{"オンライン 交流会", "大阪 異業種交流会", "年末 交流会"}; !slices.Equal(got, sortedTitles(setOf(want))) {
		t.Errorf("kept %q\nwant %q", got, want)
	}
	if rep.Dropped != 1 || !strings.Contains(notes(rep.DroppedEvents)["名古屋 異業種交流会"], "愛知県") ||
		rep.Flagged != 1 || notes(rep.FlaggedEvents)["年末 交流会"] == "" {
		t.Errorf("dropped %+v flagged %+v", rep.DroppedEvents, rep.FlaggedEvents)
	}
}
