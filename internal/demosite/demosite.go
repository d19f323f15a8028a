// Package demosite serves a small made-up site that looks like an Osaka
// chamber of commerce's event pages: a two-page event list in a <table>, one
// detail page per event with a <dl> of 日時/会場/参加費/主催, and a robots.txt.
//
// Like many older Japanese sites it is written in Shift_JIS and says so only
// in <meta http-equiv="Content-Type">; the HTTP header is a bare text/html.
// The crawler's tests crawl it through httptest and `make demo` serves it
// (demo/) for the whole pipeline. Event dates are relative to the now func
// given to Handler, so the events are always upcoming.
package demosite

import (
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/japanese"
)

// tokyo is Japan Standard Time (no daylight saving).
var tokyo = time.FixedZone("Asia/Tokyo", 9*60*60)

// Event is one event the site lists; exported so tests can compare what the
// crawler read with what the site says.
type Event struct {
	N           int    // detail page /event/detail/N.html
	Title       string // as shown, status marks such as 【中止】 included
	Days        int    // days after now
	Start, End  string // "18:30", "20:30"; End may be ""
	Venue       string // the place as a person names it
	Address     string // written in brackets after the venue, as publishers do
	Fee         string
	Organizer   string
	Description []string // paragraphs
	Page        int      // list page 1 or 2
}

// Place is the venue as the pages write it: its address in brackets after it.
func (e Event) Place() string {
	if e.Address == "" {
		return e.Venue
	}
	return e.Venue + "（" + e.Address + "）"
}

// Events returns the site's events in list order.
func Events() []Event {
	return []Event{
		{N: 1, Page: 1, Days: 3, Start: "18:30", End: "20:30",
			Title:     "第42回 会員企業 異業種交流会「なにわビジネス交流サロン」",
			Venue:     "浪速商工会議所 7階 大ホール",
			Address:   "大阪市中央区本町橋9-9",
			Fee:       "会員 2,000円／一般 4,000円（軽食・ドリンク付）",
			Organizer: "浪速商工会議所 会員サービス部",
			Description: []string{
				"製造・小売・サービス・士業など、さまざまな業種の会員企業が集まる定例の交流会です。",
				"冒頭に1分間の自社PRタイムを設けます。名刺を多めにお持ちください。",
			}},
		{N: 2, Page: 1, Days: 6, Start: "14:00", End: "17:30",
			Title:     "中小企業のためのDX入門セミナー＆懇親会",
			Venue:     "なんばスカイ会議室 Aルーム",
			Address:   "大阪市浪速区難波中9-1-1",
			Fee:       "セミナー無料／懇親会 3,000円",
			Organizer: "浪速商工会議所 経営支援課",
			Description: []string{
				"第1部 講演「明日からできる業務のデジタル化」（14:00～16:00）",
				"第2部 講師を囲んでの懇親会（16:15～17:30）。講師や参加者と気軽に情報交換いただけます。",
			}},
		{N: 3, Page: 1, Days: 9, Start: "18:00", End: "20:00",
			Title:     "税理士限定 若手交流会 ～事務所経営と採用の悩みを語ろう～",
			Venue:     "梅田ステーションホール 3F",
			Address:   "大阪市北区梅田9-2-3",
			Fee:       "3,500円",
			Organizer: "大阪若手税理士の会",
			Description: []string{
				"開業10年以内の税理士の方が対象です。同業ならではの情報交換と、協業パートナー探しの場としてご活用ください。",
			}},
		{N: 4, Page: 1, Days: 12, Start: "6:30", End: "7:30",
			Title:     "倫理法人会 経営者モーニングセミナー「朝の習慣が会社を変える」",
			Venue:     "ホテル西長堀 2階 宴会場",
			Address:   "大阪市西区北堀江9-4-5",
			Fee:       "無料（朝食会 500円）",
			Organizer: "大阪西倫理法人会",
			Description: []string{
				"毎週開催の朝の勉強会です。経営者の実践報告を聞き、倫理経営を学びます。初めての方も歓迎します。",
			}},
		{N: 5, Page: 1, Days: 15, Start: "19:00", End: "21:00",
			Title:     "堺・泉州 名刺交換会 in 堺東",
			Venue:     "堺東スクエア 4F イベントスペース",
			Address:   "堺市堺区中瓦町9-3-1",
			Fee:       "2,500円（1ドリンク付）",
			Organizer: "株式会社つながりラボ",
			Description: []string{
				"業種を問わず、堺・泉州エリアで事業をされている方どなたでも参加できる名刺交換会です。",
				"ビジネスマッチングのため、参加者リストを当日配布します。",
			}},
		{N: 6, Page: 2, Days: 20, Start: "10:00", End: "16:00",
			Title:     "布施えびす通り商店街 秋の大感謝祭",
			Venue:     "布施えびす通り商店街一帯",
			Address:   "東大阪市足代新町9-9",
			Fee:       "入場無料",
			Organizer: "布施えびす通り商店街振興組合",
			Description: []string{
				"地元のお店による屋台やワークショップ、スタンプラリーを開催します。どなたでもお気軽にお越しください。",
			}},
		{N: 7, Page: 2, Days: 24, Start: "18:30", End: "21:00",
			Title:     "【中止】若手経営者 新春交流パーティー",
			Venue:     "ホテル中之島 3階 孔雀の間",
			Address:   "大阪市北区中之島9-8-7",
			Fee:       "5,000円",
			Organizer: "浪速商工会議所 青年部",
			Description: []string{
				"本イベントは諸般の事情により中止となりました。お申込みの皆様には個別にご連絡いたします。",
			}},
		{N: 8, Page: 2, Days: 28, Start: "13:30", End: "17:00",
			Title:     "ものづくり企業 個別商談会【満席】",
			Venue:     "浪速商工会議所 4階 第1会議室",
			Address:   "大阪市中央区本町橋9-9",
			Fee:       "無料（事前申込制）",
			Organizer: "浪速商工会議所 ものづくり推進室",
			Description: []string{
				"金属加工・樹脂成形などの中小製造業と、発注を検討する企業との個別商談会です。",
				"定員に達したため受付を終了しました。",
			}},
	}
}

// Day returns the day of e when the site is served at now, in Tokyo.
func (e Event) Day(now time.Time) time.Time {
	d := now.In(tokyo).AddDate(0, 0, e.Days)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, tokyo)
}

// StartTime returns when e begins, for a site served at now.
func (e Event) StartTime(now time.Time) time.Time {
	h, m := clock(e.Start)
	return e.Day(now).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
}

func clock(s string) (int, int) {
	hh, mm, _ := strings.Cut(s, ":")
	h, _ := strconv.Atoi(hh)
	m, _ := strconv.Atoi(mm)
	return h, m
}

var weekdays = []string{"日", "月", "火", "水", "木", "金", "土"}

// dateText writes a day as Japanese listings do: 2026年12月3日（木）.
func dateText(d time.Time) string {
	return fmt.Sprintf("%d年%d月%d日（%s）", d.Year(), int(d.Month()), d.Day(), weekdays[d.Weekday()])
}

// Handler serves the site; now gives the day the events are relative to.
func Handler(now func() time.Time) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "User-agent: *\nAllow: /event/\nDisallow: /private/\n")
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/event/", http.StatusFound)
	})
	mux.HandleFunc("GET /event/{$}", func(w http.ResponseWriter, r *http.Request) {
		page := 1
		if p := r.URL.Query().Get("page"); p != "" {
			page, _ = strconv.Atoi(p)
		}
		if page != 1 && page != 2 {
			http.NotFound(w, r)
			return
		}
		writeSJIS(w, listPage(page, now()))
	})
	mux.HandleFunc("GET /event/detail/{file}", func(w http.ResponseWriter, r *http.Request) {
		num, ok := strings.CutSuffix(r.PathValue("file"), ".html")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || n < 1 || n > len(Events()) {
			http.NotFound(w, r)
			return
		}
		writeSJIS(w, detailPage(Events()[n-1], now()))
	})
	mux.HandleFunc("GET /private/", func(w http.ResponseWriter, _ *http.Request) {
		writeSJIS(w, layout("会員専用ページ", "<p>会員専用のページです。</p>"))
	})
	return mux
}

// writeSJIS sends page in Shift_JIS with no charset in the header: the page's
// <meta http-equiv> is the only place that names it.
func writeSJIS(w http.ResponseWriter, page string) {
	b, err := japanese.ShiftJIS.NewEncoder().String(page)
	if err != nil {
		http.Error(w, "demosite: page not encodable in Shift_JIS: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html")
	_, _ = w.Write([]byte(b))
}

func layout(title, body string) string {
	return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>` + html.EscapeString(title) + `｜浪速商工会議所</title>
</head>
<body>
<div id="header"><a href="/">浪速商工会議所</a> ｜ <a href="/event/">イベント・セミナー</a></div>
<div id="contents">
` + body + `
</div>
<div id="footer">〒540-0000 大阪市中央区本町橋9-9 浪速商工会議所 TEL 06-0000-0000</div>
</body>
</html>
`
}

func listPage(page int, now time.Time) string {
	var b strings.Builder
	b.WriteString("<h1>イベント・セミナー一覧</h1>\n")
	b.WriteString(`<table class="event-list" summary="イベント一覧">` + "\n")
	b.WriteString("<tr><th>開催日</th><th>イベント名</th><th>会場</th></tr>\n")
	for _, e := range Events() {
		if e.Page != page {
			continue
		}
		fmt.Fprintf(&b, "<tr>\n <td class=\"date\">%s</td>\n <td class=\"title\"><a href=\"detail/%d.html\">%s</a></td>\n <td>%s</td>\n</tr>\n",
			dateText(e.Day(now)), e.N, html.EscapeString(e.Title), html.EscapeString(e.Place()))
	}
	if page == 2 {
		// A members-only event: robots.txt keeps crawlers out of /private/.
		d := now.In(tokyo).AddDate(0, 0, 26)
		fmt.Fprintf(&b, "<tr>\n <td class=\"date\">%s</td>\n <td class=\"title\"><a href=\"/private/yakuin.html\">会員限定 役員懇談会</a></td>\n <td>非公開</td>\n</tr>\n",
			dateText(d))
	}
	b.WriteString("</table>\n<p class=\"pager\">")
	if page == 1 {
		b.WriteString(`<a class="next" href="/event/?page=2">次へ ＞</a>`)
	} else {
		b.WriteString(`<a class="prev" href="/event/">＜ 前へ</a>`)
	}
	b.WriteString("</p>\n")
	return layout("イベント・セミナー一覧", b.String())
}

func detailPage(e Event, now time.Time) string {
	when := dateText(e.Day(now)) + e.Start
	if e.End != "" {
		when += "～" + e.End
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<h1 class=\"event-title\">%s</h1>\n<dl class=\"event-info\">\n", html.EscapeString(e.Title))
	for _, kv := range [][2]string{{"日時", when}, {"会場", e.Place()}, {"参加費", e.Fee}, {"主催", e.Organizer}} {
		fmt.Fprintf(&b, " <dt>%s</dt>\n <dd>%s</dd>\n", kv[0], html.EscapeString(kv[1]))
	}
	b.WriteString("</dl>\n<div class=\"event-body\">\n")
	for _, p := range e.Description {
		fmt.Fprintf(&b, " <p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString("</div>\n<p><a href=\"/event/\">一覧へ戻る</a></p>\n")
	return layout(e.Title, b.String())
}
