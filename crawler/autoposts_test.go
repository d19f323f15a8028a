package crawler

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"kouryu/crawler/jpdate"
	"kouryu/internal/event"
)

// Posts that thank the participants of a finished event or report on it
// are no events; an announcement whose title thanks for a full house is
// one, and so is a report that announces the next date.
func TestAutoEventReportPosts(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		event      bool
		start      time.Time
		status     event.Status
	}{
		{
			name: "thanks after a campaign",
			page: `<html><head><title>夏まつり福引、たくさんのご来場ありがとうございました - 例通商店会ブログ</title></head><body>
<div id="main"><div class="entry"><h2 class="entry_header"><a href="/blog-entry-88.html">夏まつり福引、たくさんのご来場ありがとうございました</a></h2>
<div class="entry_body">11月14日（土）・15日（日）に行った「例通り 秋の福引」には、2日間でのべ860名の方にご来場いただきました。<br>
当選番号は店頭に掲示しています。景品の引き換えは11月30日（月）までです。</div>
<div class="entry_footer">2026-11-18 12:10:00 | <a href="/blog-category-1.html">イベント</a></div></div></div></body></html>`,
		},
		{
			name: "御礼 after a seminar",
			page: `<html><head><title>【ご参加御礼】事業承継セミナー | 例商工会</title></head><body><article>
<h1>【ご参加御礼】事業承継セミナー</h1><p class="date">掲載日：2026年11月24日</p>
<p>11月20日（金）14時より例会館にて開催した事業承継セミナーには、32名の方にご参加いただきました。</p>
<p>当日の資料は会員ページからダウンロードできます。</p></article></body></html>`,
		},
		{
			name:   "満席御礼 is a status, not thanks",
			page:   `<html><head><title>【満席御礼】新春経営講演会 | 例の会</title></head><body><article><h1>【満席御礼】新春経営講演会</h1><p>日時：2027年1月15日（金）18:30～20:00</p><p>会場：例ホテル 3階</p></article></body></html>`,
			event:  true,
			start:  tokyo(2027, 1, 15, 18, 30),
			status: event.StatusFull,
		},
		{
			name: "a report that names the next date in passing",
			page: `<html><head><title>第31回 例ビジネス交流会 開催報告 - 例交流協会</title></head><body><main>
<div class="item-page"><h1>第31回 例ビジネス交流会 開催報告</h1>
<div class="com-content-article__body"><p>11月18日（水）、第31回 例ビジネス交流会を開催しました。36名にご参加いただき、ありがとうございました。</p>
<p>今回は「新しい販路」をテーマに事例紹介をしていただきました。次回は12月9日（水）です。</p></div></div></main></body></html>`,
		},
		{
			name: "the recording of a seminar on sale",
			page: `<html><head><title>例アカデミー ストア / 【アーカイブ配信】ミニセミナー「値上げ交渉の伝え方」見逃し視聴チケット</title></head><body>
<div class="ec-productRole"><h2 class="ec-headingTitle">【アーカイブ配信】ミニセミナー「値上げ交渉の伝え方」見逃し視聴チケット</h2>
<div class="ec-productRole__description"><p>2026年11月20日の経営者交流会で行ったミニセミナー（約40分）の録画を、ご購入から30日間視聴いただけます。</p></div></div></body></html>`,
		},
		{
			name: "a year's membership, other products beside it",
			page: `<html><head><title>例アカデミー ストア / 2027年度 年間会員（交流会 参加し放題）</title></head><body>
<div class="ec-productRole"><h2 class="ec-headingTitle">2027年度 年間会員（交流会 参加し放題）</h2>
<div class="ec-productRole__description"><p>2027年4月1日～2028年3月31日の1年間、毎月の経営者交流会に無料でご参加いただける年間会員です。</p>
<p>■お申込み期間<br>2027年3月31日（水）まで</p></div></div>
<div class="ec-role"><div class="ec-secHeading"><span>RELATED</span><span>関連商品</span></div>
<ul class="ec-shelfGrid"><li><a href="/products/detail/38"><p>【3/10開催】ランチ交流会（3月）in 梅田</p><p>￥3,300</p></a></li></ul></div></body></html>`,
		},
		{
			name: "a report that announces the next date",
			page: `<html><head><title>創業塾 第1回 開催報告と第2回のご案内 | 例商工会議所</title></head><body><div id="contents">
<h2>創業塾 第1回 開催報告と第2回のご案内</h2><p class="news_date">掲載日：2026年11月25日</p>
<p>11月20日（金）に創業塾の第1回を開き、18名の方が受講されました。</p>
<p>第2回は12月11日（金）14:00～16:00、例会館 3階 第1会議室で行います。途中からのご参加も歓迎します。</p></div></body></html>`,
			event: true,
			start: tokyo(2026, 12, 11, 14, 0),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := AutoEvent(docOf(t, tc.page), mustURL("https://www.example.jp/news/88.html"), goldenRef)
			if !tc.event {
				if !errors.Is(err, ErrNotEvent) {
					t.Fatalf("read as an event (err %v): %q", err, f)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, "https://www.example.jp/news/88.html", true, f, goldenRef)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.status
			if want == "" {
				want = event.StatusScheduled
			}
			if !e.StartsAt.Equal(tc.start) || e.Status != want {
				t.Errorf("%v %s, want %v %s", e.StartsAt, e.Status, tc.start, want)
			}
		})
	}
}

// The place of an event stands under more labels than 会場 and 場所: what
// a visit goes to, the tent of a lottery, 開催会場, 会場名. A meeting point
// is not the place; a note after the place, or the hours, are not part of
// it.
func TestAutoEventVenueLabels(t *testing.T) {
	for _, tc := range []struct{ name, page, venue string }{
		{
			name: "見学先 of a factory tour, the meeting point before it",
			page: `<html><head><title>工場見学会のご案内｜例工業会</title></head><body><div id="contents"><h2>工場見学会のご案内</h2>
<table class="tbl"><tr><th>日　時</th><td>2026年12月17日（木）13:00～16:00</td></tr>
<tr><th>集合場所</th><td>JR放出駅 北口改札前（12:40集合）</td></tr>
<tr><th>見学先</th><td>例精工株式会社 東大阪第二工場<br>（東大阪市高井田本通9-9-9）</td></tr>
<tr><th>定　員</th><td>15名</td></tr></table></div></body></html>`,
			venue: "例精工株式会社 東大阪第二工場",
		},
		{
			name: "a meeting point alone is no venue",
			page: `<html><head><title>まち歩きツアー｜例の会</title></head><body><article><h1>まち歩きツアー</h1>
<p>日時：2026年12月19日（土）10:00～12:00</p><p>集合場所：地下鉄 天満橋駅 2番出口</p></article></body></html>`,
			venue: "",
		},
		{
			name: "a lottery's tent, its hours after it",
			page: `<html><head><title>年末ガラポン抽選会のお知らせ - 例商店会ブログ</title></head><body><div id="main"><div class="entry">
<h2 class="entry_header">年末ガラポン抽選会のお知らせ</h2><div class="entry_body">今年も抽選会を行います！<br><br>
■期間　12月12日（土）～12月20日（日）<br>■抽選所　例通り 第2駐車場（特設テント）　10時～17時<br>■景品　商品券ほか<br></div>
<div class="entry_footer">2026-11-26 10:00:00 | イベント</div></div></div></body></html>`,
			venue: "例通り 第2駐車場（特設テント）",
		},
		{
			name: "開催会場",
			page: `<html><head><title>経営セミナー｜例の会</title></head><body><main><h1>経営セミナー</h1><dl>
<dt>開催日</dt><dd>2026年12月8日（火）14:00～16:00</dd><dt>開催会場</dt><dd>例会館 5階 大会議室</dd></dl></main></body></html>`,
			venue: "例会館 5階 大会議室",
		},
		{
			name: "a note after the place",
			page: `<html><head><title>価格交渉セミナー｜例センター</title></head><body><main><h1>価格交渉セミナー</h1>
<p>日時：2027年1月14日（木）15:00～16:30<br>会場：オンライン（Zoom）※前日までに参加URLをメールでお送りします<br>定員：50名</p></main></body></html>`,
			venue: "オンライン（Zoom）",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := AutoEvent(docOf(t, tc.page), mustURL("https://www.example.jp/news/3.html"), goldenRef)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if f[FieldVenue] != tc.venue {
				t.Errorf("venue %q, want %q", f[FieldVenue], tc.venue)
			}
		})
	}
}

func TestVenueLabelFamily(t *testing.T) {
	for label, want := range map[string]string{
		"会場": FieldVenue, "開催場所": FieldVenue, "会場名": FieldVenue, "開催会場": FieldVenue, "見学先": FieldVenue,
		"視察先": FieldVenue, "研修会場": FieldVenue, "実施場所": FieldVenue,
		"集合場所": "", "受付場所": "", "申込先": "", "問合せ先": "", "住所": FieldAddress, "会場住所": FieldAddress,
	} {
		if got := labelField(label); got != want {
			t.Errorf("labelField(%q) = %q, want %q", label, got, want)
		}
	}
}

func TestLabelledTextAfterASentence(t *testing.T) {
	f := labelledText("参加者 42名。会場：例ホテル 2階\n懇親会は終了しました。")
	if f[FieldVenue] != "例ホテル 2階" {
		t.Errorf("venue %q, want 例ホテル 2階", f[FieldVenue])
	}
	// A sentence that merely names a place is not a label.
	if f := labelledText("会場の都合により、時間を変更しました。場所は追ってお知らせします。"); f[FieldVenue] != "" {
		t.Errorf("venue %q from prose", f[FieldVenue])
	}
}

func TestCleanVenue(t *testing.T) {
	for in, want := range map[string]string{
		"オンライン（Zoom）※お申込みの方にURLをお送りします": "オンライン（Zoom）",
		"例会館 3階 ※駐車場はありません":             "例会館 3階",
		"例広場（特設テント）　10時～18時":            "例広場（特設テント）",
		"例会館 2階 ホール 13:30～":             "例会館 2階 ホール",
		"例ホテル 午後6時30分～午後8時":             "例ホテル",
		"例ビル 5F":   "例ビル 5F",
		"第2ビル 10階": "第2ビル 10階",
		"※会場は決まり次第お知らせします": "",
		"第1部：例プラザ 3階 会議室A": "例プラザ 3階 会議室A",
	} {
		if got := cleanVenue(in); got != want {
			t.Errorf("cleanVenue(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLabelledTextPartHours(t *testing.T) {
	// The day under its label, then each part's hours on a line of its
	// own: the first part starts the event, the last one ends it.
	f := labelledText("■開催日時\n2027年1月21日（木）\n第1部　セミナー　15:00～17:00（受付開始 14:30）\n第2部　懇親会　17:30～19:30\n■会場\n第1部：例プラザ 3階")
	if f[FieldDate] != "2027年1月21日（木）" || f[FieldTime] != "第1部 セミナー 15:00～17:00（受付開始 14:30） / 第2部 懇親会 17:30～19:30" {
		t.Errorf("date %q time %q", f[FieldDate], f[FieldTime])
	}
	sp, err := parseDate(f[FieldDate], f[FieldTime], corpusNow)
	if err != nil || sp.Start.Format("15:04") != "15:00" || sp.End.Format("15:04") != "19:30" {
		t.Errorf("%v – %v (%v), want 15:00 – 19:30", sp.Start, sp.End, err)
	}
}

func TestNoticeLine(t *testing.T) {
	for line, want := range map[string]bool{
		"【年末年始休業のお知らせ】12月29日（火）～1月4日（月）は休業いたします。ご返信は1月5日（火）以降となります。": true,
		"【開催日時】2027年1月21日（木）15:00～":   false,
		"【満席】12月10日（木）のセミナーは定員に達しました": false,
	} {
		if got := noticeLine(line); got != want {
			t.Errorf("noticeLine(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestActivityPlace(t *testing.T) {
	text := "■期間　12月5日（土）～6日（日）\n■事務所　例ビル 2階\n■抽選所　例通り 中央広場\n■景品　商品券"
	if got := activityPlace(text, "歳末ガラガラ抽選会"); got != "例通り 中央広場" {
		t.Errorf("place %q, want 例通り 中央広場", got)
	}
	// A label whose stem the title does not name is no place of the event.
	if got := activityPlace(text, "歳末大売り出し"); got != "" {
		t.Errorf("place %q, want none", got)
	}
}

func TestLabelledTextDecoratedLabels(t *testing.T) {
	// A blog's labels between stars or diamonds, the value on the next
	// line: ★日時★, ☆場所☆, ◆会費◆.
	f := labelledText("━━━━━━\n★日時★\n12月16日(水) 18:30〜21:00\n☆場所☆\n例居酒屋 2階座敷\n（吹田市例町1-2）\n◆会費◆\n5,500円")
	if f[FieldDate] != "12月16日(水) 18:30〜21:00" || f[FieldVenue] != "例居酒屋 2階座敷" || f[FieldFee] != "5,500円" {
		t.Errorf("date %q venue %q fee %q", f[FieldDate], f[FieldVenue], f[FieldFee])
	}
	for _, l := range []string{"★日時★", "◇会場◇", "□参加費□"} {
		if !bareLabel(l) || labelField(l) == "" {
			t.Errorf("%s: not read as a label", l)
		}
	}
}

func TestLabelledTextLabelsAfterASlash(t *testing.T) {
	// Two labels on one line, parted by a full-width slash or bar.
	for _, line := range []string{"会場：例コワーキング 3F ラウンジ／参加費：500円", "会場：例コワーキング 3F ラウンジ ｜ 参加費：500円"} {
		f := labelledText(line)
		if f[FieldVenue] != "例コワーキング 3F ラウンジ" {
			t.Errorf("%s: venue %q", line, f[FieldVenue])
		}
	}
	// A slash inside a place's name stays.
	if f := labelledText("会場：例ビル 2F／3F 会議室"); f[FieldVenue] != "例ビル 2F／3F 会議室" {
		t.Errorf("venue %q", f[FieldVenue])
	}
}

// TestAutoEventPostWhoseArticleIsDated reads a Hatena Blog post: its
// <article class="entry … date-first"> is the post, not its meta line,
// and the date its body writes is the event's.
func TestAutoEventPostWhoseArticleIsDated(t *testing.T) {
	page := `<html><head><title>定例ミートアップ 12月の日程 - 例Tech Community ブログ</title></head><body>
<div id="container"><div id="main"><div id="main-inner">
<article class="entry hentry test-hentry js-entry-article date-first autopagerize_page_element entry-odd" id="entry-20261120210000">
<div class="entry-inner"><header class="entry-header">
<div class="date entry-date first"><a href="/archive/2026/11/20"><time datetime="2026-11-20T12:00:00Z" class="updated">2026-11-20</time></a></div>
<h1 class="entry-title"><a href="/entry/2026/11/20/210000" class="entry-title-link bookmark">定例ミートアップ 12月の日程</a></h1>
</header>
<div class="entry-content hatenablog-entry">
<p>12月の定例ミートアップは、いつもの第3木曜日です。</p>
<p>12月17日（木）19:00〜21:00、例コワーキング 3F ラウンジにて。</p>
</div></div></article></div></div></div></body></html>`
	f, err := AutoEvent(docOf(t, page), mustURL("https://example-tech.hatenablog.com/entry/2026/11/20/210000"), testNow)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := parseDate(f[FieldDate], f[FieldTime], testNow)
	if err != nil || !sp.Start.Equal(tokyo(2026, 12, 17, 19, 0)) {
		t.Errorf("date %q time %q: %v %v", f[FieldDate], f[FieldTime], sp.Start, err)
	}
}

func TestSectionName(t *testing.T) {
	for in, want := range map[string]string{
		"【1】12月例会（第130回）のご案内":  "12月例会（第130回）",
		"11月例会（第129回）のご案内◆":    "11月例会（第129回）",
		"第128回 10月例会のご案内":      "第128回 10月例会",
		"新年会":                  "新年会",
		"のご案内":                 "のご案内",
		"2. 研修会「事業承継の実務」のお知らせ": "研修会「事業承継の実務」",
	} {
		if got := sectionName(in); got != want {
			t.Errorf("sectionName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDateRunsOn(t *testing.T) {
	if !dateRunsOn("2026年12月12日 - 2026年12月20日", "2026年12月12日") {
		t.Error("a span of days after its first day: not read as running on")
	}
	if dateRunsOn("12月16日(水) 第32回 忘年交流会のご案内", "12月16日(水)") {
		t.Error("a title after its date read as a span of days")
	}
}

func TestDatesAlone(t *testing.T) {
	for s, want := range map[string]bool{
		"12月19日（土曜日）":     true,
		"令和8年12月9日（水）":    true,
		"2026.12.10":      true,
		"12月19日（土曜日） 創業塾": false,
	} {
		if got := datesAlone(s); got != want {
			t.Errorf("datesAlone(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestEarlierMonths(t *testing.T) {
	// A month calendar at 2027-01 with its 前の月 link and a month
	// calendar of the fetch's month (December) with its « 11月: the months
	// before the fetch's are read back two months, not further, and not
	// into the fetch's month itself (its page is the calendar's own).
	page := func(prev string) *goquery.Document {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<html><body><p class="nav"><a href="` + prev +
			`" class="prev">« 前の月</a> <a href="/cal?ym=209901">次の月 »</a></p></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	ref := time.Date(2026, 12, 6, 10, 0, 0, 0, jpdate.Tokyo)
	base, _ := url.Parse("https://www.example.jp/cal")
	all := func(string) bool { return true }
	for _, c := range []struct {
		page, prev string
		want       int
	}{
		{"/cal", "/cal?ym=202611", 1},
		{"/cal?month=2026-11", "/cal?month=2026-10", 1},
		{"/cal?y=2026&m=10", "/cal?y=2026&m=9", 0},
		{"/cal?ym=202701", "/cal?ym=202612", 0},
	} {
		u, _ := url.Parse("https://www.example.jp" + c.page)
		if got := earlierMonths(page(c.prev), base, u, all, ref, nil); len(got) != c.want {
			t.Errorf("%s → %s: %q, want %d links", c.page, c.prev, got, c.want)
		}
	}
}

// A calendar's previous-month link that names itself only for screen
// readers (an arrow icon, aria-label="前の月") or only by its class
// (Modern Events Calendar's mec-previous-month around 11月) is read too.
func TestEarlierMonthsArrowsAndClasses(t *testing.T) {
	ref := time.Date(2026, 12, 6, 10, 0, 0, 0, jpdate.Tokyo)
	u, _ := url.Parse("https://www.example.jp/cal/")
	all := func(string) bool { return true }
	for _, nav := range []string{
		`<a href="/cal/?month=2026-11" aria-label="前の月"><svg viewBox="0 0 24 24"></svg></a>`,
		`<div class="mec-previous-month mec-load-month"><a href="?mec_month=2026-11" class="mec-load-month-link">11月</a></div>`,
	} {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<html><body><nav>` + nav + `</nav></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		if got := earlierMonths(doc, u, u, all, ref, nil); len(got) != 1 {
			t.Errorf("%s: %q, want November's link", nav, got)
		}
	}
}

func TestDayRun(t *testing.T) {
	for text, want := range map[string]string{
		"2026年12月12日（土曜日）\n2026年12月13日（日曜日）":               "2026年12月12日（土曜日）～2026年12月13日（日曜日）",
		"2027年2月6日（土曜日）\n2027年2月13日（土曜日）\n2027年2月20日（土曜日）": "", // a course's sessions
		"2026年12月12日（土曜日）":                                 "",
		"12月12日（土）\n12月13日（日）":                             "", // no year: left to the page's reading
	} {
		got, ok := dayRun(text)
		if got != want || ok != (want != "") {
			t.Errorf("dayRun(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
}

func TestLinkMonth(t *testing.T) {
	for raw, want := range map[string]yearMonth{
		"/sangyo/calendar/202611/list.html": {year: 2026, month: 11},
		"/event/calendar.php?y=2027&m=1":    {year: 2027, month: 1},
		"/calendar?month=2026-10":           {year: 2026, month: 10},
		"/archives/2026/11/":                {year: 2026, month: 11},
		"/gyoji/?mno=11&yno=2026":           {year: 2026, month: 11}, // Events Manager
		"/news/5131.html":                   {},
	} {
		u, _ := url.Parse(raw)
		if got := linkMonth(u); got != want {
			t.Errorf("linkMonth(%s) = %+v, want %+v", raw, got, want)
		}
	}
}

func TestWeekdayClass(t *testing.T) {
	for c, want := range map[string]bool{"wed": true, "is-holiday": true, "day-sat": true, "event": false, "wednesday-club": false} {
		if weekdayClass(c) != want {
			t.Errorf("weekdayClass(%q) = %v", c, !want)
		}
	}
}

func TestScheduleMore(t *testing.T) {
	for text, want := range map[string]bool{
		"今後の日程を見る": true, "日程一覧はこちら": true, "年間スケジュールを見る ＞": true, "開催予定を見る": true,
		"お知らせ一覧へ": false, "イベント": false, "詳しく見る": false, "モーニングセミナー": false,
	} {
		if got := scheduleMore.MatchString(text); got != want {
			t.Errorf("scheduleMore(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestAdMarkAndEmptyDays(t *testing.T) {
	for title, want := range map[string]bool{
		"【PR】年末の大掃除はプロにおまかせ！": true, "[PR] 無料体験レッスン受付中": true, "PR：新規オープン": true,
		"PRセミナー「広報のはじめ方」": false, "【広報部会】12月例会": false,
	} {
		if got := adMark.MatchString(title); got != want {
			t.Errorf("adMark(%q) = %v, want %v", title, got, want)
		}
	}
	if closure("予定はありません。") == "" {
		t.Error("a calendar's day without plans read as an event's")
	}
}

func TestMidHours(t *testing.T) {
	for title, want := range map[string][2]string{
		"大阪例北ライオンズクラブ 新年例会　12:30～　ホテル例 2F":  {"大阪例北ライオンズクラブ 新年例会", "ホテル例 2F"},
		"第2回 ゾーン・チェアパーソン会議 14:00～ 地区事務局会議室": {"第2回 ゾーン・チェアパーソン会議", "地区事務局会議室"},
	} {
		m := midHours.FindStringSubmatch(title)
		if m == nil || strings.TrimSpace(m[1]) != want[0] || m[2] != want[1] {
			t.Errorf("midHours(%q) = %q, want %q", title, m, want)
		}
	}
	// A number before the hours, and a day: what follows the hours is the
	// meeting's name (item checks these before splitting).
	if m := midHours.FindStringSubmatch("第47回 19:00～21:00 忘年会スペシャル"); m == nil || !ordinalOnly.MatchString(strings.TrimSpace(m[1])) {
		t.Errorf("第47回 before the hours not told apart: %q", m)
	}
	if m := midHours.FindStringSubmatch("第47回　2026年12月18日(金)　19:00～21:00　忘年会スペシャル"); m == nil || !dayInText.MatchString(m[1]) {
		t.Errorf("a day before the hours not told apart: %q", m)
	}
}

func TestHeadingLineYears(t *testing.T) {
	// The year of a list under a hand-made heading line, not that of a
	// month table's caption before it.
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<html><body>
<table><caption>2027年（令和9年）1月</caption><tr><td>7</td></tr></table>
<p><font color="#00337F"><b>■行事予定一覧（令和8年12月～令和9年1月）</b></font></p>
<ul><li>12月3日（木）例北クラブ 12月第1例会　12:30～　ホテル例 2F</li><li>1月7日（木）例北クラブ 新年例会　12:30～　ホテル例 2F</li></ul>
</body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://www.example.jp/schedule/")
	lp := autoList(doc, u, func(string) bool { return true }, time.Date(2026, 12, 6, 10, 0, 0, 0, jpdate.Tokyo), false)
	var dates []string
	for _, it := range lp.Items {
		dates = append(dates, it.Fields[FieldDate])
	}
	if len(dates) != 2 || !strings.HasPrefix(dates[0], "2026年12月3日") || !strings.HasPrefix(dates[1], "2027年1月7日") {
		t.Errorf("dates %q, want 2026年12月3日 and 2027年1月7日", dates)
	}
}

func TestBlogPostMeetingsUnderMonthHeadings(t *testing.T) {
	// An Ameba Ownd post: its posting time in blog-article__date, then
	// each month's meeting under a heading of its own month.
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<html><body><article class="blog-article">
<div class="blog-article__header"><div class="blog-article__date"><time datetime="2026-12-01T01:00:00Z">2026.12.01 10:00</time></div>
<h1 class="blog-article__title">12月と1月の朝活☀️のお知らせ</h1></div>
<div class="blog-article__body"><p>毎回ご好評の朝活、12月と1月の日程が決まりました！</p>
<p>🌟12月の朝活</p><p>12月16日（水）7:30〜8:45</p><p>🌟1月の朝活</p><p>1月13日（水）7:30〜8:45</p>
<p>📍場所：カフェ例 淀屋橋店 2階個室</p><p>💻開催 オンライン（Zoom）</p></div></article></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://www.example.jp/posts/48342190")
	f, err := readEventPage(doc, u, corpusNow, Fields{})
	if err != nil || !strings.HasPrefix(f[FieldDate], "12月16日") {
		t.Fatalf("read %q (%v), want the first meeting's day, not the posting time", f[FieldDate], err)
	}
	ms := pageMeetings(doc, f, corpusNow)
	if len(ms) != 2 || !strings.HasPrefix(ms[1].date, "1月13日") {
		t.Fatalf("meetings %+v, want 12月16日 and 1月13日", ms)
	}
	if got := ms[1].fields(f)[FieldTitle]; got != "12月と1月の朝活☀️のお知らせ" {
		t.Errorf("a meeting of no number nor theme titled %q, want the post's title", got)
	}
	if v := onlineForm(pageLines(doc)); v != "オンライン（Zoom）" {
		t.Errorf("online form %q", v)
	}
}

func TestTitleNotes(t *testing.T) {
	for cell, want := range map[string]string{
		"企業見学会（貸切バス）\n見学先：大和精工株式会社 滋賀工場\n※会議所前 8:30集合":               "企業見学会（貸切バス）",
		"講演会「地域密着サービス業の生き残り戦略」＋懇親会\n講演会 16:00～17:30／懇親会 17:45～19:30": "講演会「地域密着サービス業の生き残り戦略」＋懇親会",
		"経営セミナー\n「事業承継の進め方」":                                         "経営セミナー 「事業承継の進め方」",
		"決算説明会\n（12月・1月決算法人対象）":                                      "決算説明会（12月・1月決算法人対象）",
		// A name of a few characters that only says the kind: the line
		// under it names the meeting.
		"起業塾\n（先輩起業家のお話と座談会）":           "起業塾（先輩起業家のお話と座談会）",
		"部会員交流会\n（ボジョレー・ヌーボーを楽しむ会）":     "部会員交流会（ボジョレー・ヌーボーを楽しむ会）",
		"臨時総会\n（部会規約の改正について）":           "臨時総会",
		"女性のためのプチ起業カフェ\n（先輩起業家のお話と座談会）": "女性のためのプチ起業カフェ",
		"無料税務相談会\n（一般市民対象・予約不要）":        "無料税務相談会",
		"新春賀詞交歓会\n会費 5,000円":            "新春賀詞交歓会",
		"会員親睦ボウリング大会\n参加費 無料":           "会員親睦ボウリング大会",
	} {
		if got, _ := titleNotes(cell); got != want {
			t.Errorf("titleNotes(%q) = %q, want %q", cell, got, want)
		}
	}
}

func TestCoursePartSessions(t *testing.T) {
	for line, want := range map[string][2]string{
		"基礎編：令和9年1月16日（土曜日）午後1時30分から午後4時30分": {"基礎編", "令和9年1月16日（土曜日） 午後1時30分から午後4時30分"},
		"上級コース：2027年2月13日（土）13:30～16:30":     {"上級コース", "2027年2月13日（土） 13:30～16:30"},
	} {
		s, ok := sessionLine(pageLine{text: line}, corpusNow)
		if !ok || s.part != want[0] || s.date != want[1] {
			t.Errorf("sessionLine(%q) = %+v %v, want part %q date %q", line, s, ok, want[0], want[1])
		}
	}
	for name, want := range map[string]string{
		"創業セミナー（基礎編・実践編）": "創業セミナー（基礎編）",
		"創業セミナー":          "創業セミナー（基礎編）",
	} {
		if got := partTitle(name, "基礎編"); got != want {
			t.Errorf("partTitle(%q) = %q, want %q", name, got, want)
		}
	}
	if got := seriesName("創業セミナー（基礎編・実践編）を開催します"); got != "創業セミナー（基礎編・実践編）" {
		t.Errorf("seriesName = %q", got)
	}
}

func TestMicroformatSessionDate(t *testing.T) {
	// My Calendar's page of a course's second date: 日時 lists both
	// sessions, the calendar marks this page's (dtstart, twice alike).
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<html><body><main><h1>経営指針を創る会（全2講）</h1>
<div class="mc-event-container"><p><span class="time-wrapper"><span class='event-time dtstart'><time class='value-title' datetime='2027-01-14T18:30:00+09:00'>18:30</time></span> – <span class='end-time dtend'><time class='value-title' datetime='2027-01-14T21:00:00+09:00'>21:00</time></span></span><br>
<span class='mc-start-date dtstart' title='2027-01-14T18:30:00+09:00'>1月 14, 2027</span></p>
<table><tr><th>日時</th><td>第1講 12月3日（木）18:30～21:00 「なぜ経営理念が必要か」<br>第2講 2027年1月14日（木）18:30～21:00 「ビジョンから経営計画へ」</td></tr>
<tr><th>会場</th><td>みなみ淀川会館 2階 研修室</td></tr></table></div></main></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://www.example.jp/mc-events/keiei-shishin-2026/?mc_id=202")
	f, err := readEventPage(doc, u, corpusNow, Fields{})
	if err != nil || f[FieldDate] != "2027-01-14T18:30:00+09:00" || f[fieldEnd] != "2027-01-14T21:00:00+09:00" {
		t.Errorf("date %q end %q (%v), want the marked session 2027-01-14 18:30–21:00", f[FieldDate], f[fieldEnd], err)
	}
}

func TestCalendarWeek(t *testing.T) {
	row := func(cells string) *html.Node {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<table><tr>` + cells + `</tr></table>`))
		if err != nil {
			t.Fatal(err)
		}
		return doc.Find("tr").Nodes[0]
	}
	week := `<td>&nbsp;</td><td>&nbsp;</td><td><b>1</b></td><td><b>2</b></td><td><b>3</b><br>北LC例会 12:30<br>ホテル例</td><td><b>4</b></td><td><b>5</b></td>`
	if !calendarWeek(row(week)) {
		t.Error("a month grid's week not told")
	}
	event := `<td>12月3日（木）</td><td>例会</td><td>12:30～</td><td>ホテル例</td><td>受付中</td>`
	if calendarWeek(row(event)) {
		t.Error("a schedule's row read as a week")
	}
}
