package crawler

import (
	"strings"
	"testing"
)

// strikinglyItem is a repeatable item of a Strikingly section: image,
// title, rich text, button.
func strikinglyItem(title, text, button string) string {
	b := `<div class="s-repeatable-item"><div class="six columns"><div class="s-component s-media"><img src="/img.jpg" alt=""></div></div>
<div class="ten columns s-right-in-row"><div class="s-item-text-group half-offset-left">
<div class="s-item-title"><div class="s-component s-text"><h3 class="s-component-content s-font-heading"><div class="s-rich-text-wrapper"><p>` + title + `</p></div></h3></div></div>
<div class="s-item-text"><div class="s-component s-text"><div class="s-component-content s-font-body"><div class="s-rich-text-wrapper">` + text + `</div></div></div></div></div>`
	if button != "" {
		b += `<div class="s-item-button"><div class="s-component s-button"><a class="s-common-button" href="` + button + `">申し込む</a></div></div>`
	}
	return b + `</div></div>`
}

// A one-page site: a hero that repeats the next event, sections (each a
// <li class="slide">) of upcoming and past items. The hero is no event of
// its own; a past item's place after the bar of its date line is its
// place; the one item's 場所 is no place of the others.
func TestAutoListOnePageSections(t *testing.T) {
	page := `<html><head><title>例ネットワーク</title></head><body><ul class="slides">
<li class="slide s-section-1"><div class="s-component s-text"><p>例ネットワーク</p></div>
<div class="s-component s-text"><p>大阪・北区で はたらく女性オーナーの つながる場所</p><p>NEXT EVENT ▶ 12/18(金) 12月定例会＆忘年会</p></div></li>
<li class="slide s-section-3"><p>開催予定</p><div class="s-repeatable">` +
		strikinglyItem("12月定例会＆忘年会", `<p>12/18(金) 19:00〜</p><p>場所：例ビストロ 北新地店（北区曽根崎新地1-X-X 例ビル2F）</p><p>会費：会員 5,000円</p>`, "https://forms.gle/a1") +
		strikinglyItem("朝活もくもく会 vol.8", `<p>1/9(土) 9:30〜11:30</p><p>場所：梅田某所</p>`, "https://forms.gle/a2") +
		strikinglyItem("春のお茶会", `<p>3.13 sat 14:00-16:00</p><p>中崎町のカフェにて（貸切）</p>`, "") +
		`</div></li>
<li class="slide s-section-4"><p>これまでのイベント</p><div class="s-repeatable">` +
		strikinglyItem("10月ランチ会", `<p>2026.10.17 sat｜中之島 例リストランテ</p><p>18名で川沿いのテラス席ランチを楽しみました。</p>`, "") +
		strikinglyItem("9月定例会「女性起業家のお金の話」", `<p>2026.9.25 fri｜オンライン（Zoom）</p><p>税理士の先生による税金とお金の話。</p>`, "") +
		`</div></li></ul></body></html>`
	lp := autoItems(t, "https://www.example.jp/", page)
	got := map[string]string{}
	for _, it := range lp.Items {
		got[it.Fields[FieldTitle]] = it.Fields[FieldVenue]
	}
	want := map[string]string{"12月定例会＆忘年会": "例ビストロ 北新地店", "朝活もくもく会 vol.8": "梅田某所", "春のお茶会": "",
		"10月ランチ会": "中之島 例リストランテ", "9月定例会「女性起業家のお金の話」": "オンライン（Zoom）"}
	if len(got) != len(want) {
		t.Errorf("items %q, want %q", got, want)
	}
	for title, venue := range want {
		if v, ok := got[title]; !ok || v != venue {
			t.Errorf("%s: venue %q (%v), want %q", title, v, ok, venue)
		}
	}
	for title := range got {
		if strings.Contains(title, "NEXT EVENT") {
			t.Errorf("the hero read as an event: %q", title)
		}
	}
}

// A past row that states its day links its report: the row is the event.
func TestPastRowOfReport(t *testing.T) {
	row := Fields{FieldTitle: "11月定例会「伝わる話し方講座」", FieldDate: "2026.11.20 fri"}
	if !pastRowOfReport(row, "【開催レポート】11月定例会「伝わる話し方講座」", goldenRef) {
		t.Error("a past row that links its report not kept")
	}
	if pastRowOfReport(Fields{FieldTitle: "12月例会", FieldDate: "2026年12月10日"}, "11月例会 報告", goldenRef) {
		t.Error("a row to come kept for a report")
	}
	if pastRowOfReport(Fields{FieldTitle: "11月例会 開催報告", fieldListDate: "2026.11.20"}, "11月例会 開催報告", goldenRef) {
		t.Error("a news row of a report kept")
	}
}

// A calendar's two tabs, 今後 and 過去: the second is its past events.
func TestPastTabsBare(t *testing.T) {
	doc := docOf(t, `<html><body><div class="tabs"><a class="jsx-1 tab active" href="/osaka-founders">今後</a>
<a class="jsx-1 tab" href="/osaka-founders?period=past">過去</a><a href="/blog/archive">過去ログ</a></div></body></html>`)
	u := mustURL("https://lu.example.com/osaka-founders")
	got := pastTabs(doc, u, u, func(string) bool { return true }, nil)
	if len(got) != 1 || got[0] != "https://lu.example.com/osaka-founders?period=past" {
		t.Errorf("past tabs %q, want the 過去 tab alone", got)
	}
}

// JSON-LD names the place; the page's line that runs on into a sentence of
// the way there does not refine it.
func TestAutoEventJSONLDPlaceNotASentence(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>Year-End Party 2026 · 例</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Event",
"name":"Year-End Party 2026","startDate":"2026-12-18T10:00:00.000Z","endDate":"2026-12-18T12:30:00.000Z","location":{"@type":"Place","name":"例ビアホール天満","address":"大阪市北区天神橋6丁目X-X"}}</script></head>
<body><h1>Year-End Party 2026</h1><div class="event-location">例ビアホール天満 2F（貸切）。天神橋筋六丁目駅から徒歩3分。</div></body></html>`)
	if e.Venue != "例ビアホール天満" {
		t.Errorf("venue %q, want JSON-LD's", e.Venue)
	}
}

// Amelia's event list: each card's date box writes its month and its day a
// line each (12月 / 10), its booking state beside its title. The day is
// the event's; the state is no part of its name; a law's name (育児・介護
// 休業法) is no closure.
func TestAutoListAmeliaCards(t *testing.T) {
	card := func(month, day, title, state, hours, place string) string {
		return `<div class="am-event"><div class="am-event-first"><div class="am-event-date"><div class="am-event-date-month">` + month +
			`</div><div class="am-event-date-day">` + day + `</div></div><div class="am-event-data"><div class="am-event-title">` + title +
			` <span class="am-event-booking-status">` + state + `</span></div><div class="am-event-sub-info"><div class="am-event-sub-info-time"><span>` + hours +
			`</span></div><div class="am-event-sub-info-location"><span>` + place + `</span></div></div></div><div class="am-event-price">¥1,000</div></div></div>`
	}
	page := `<html><head><title>セミナー・相談会 | 例社労士法人</title></head><body><main><h2>開催予定のセミナー・相談会</h2><div class="am-events-list">` +
		card("12月", "8", "朝活 経営者モーニング勉強会", "受付中", "07:30 - 08:30", "例ビル5階 セミナールーム") +
		card("12月", "10", "就業規則見直しセミナー ～育児介護休業法改正への実務対応～", "満席", "14:00 - 16:00", "例ビル5階 セミナールーム") +
		card("12月", "15", "【オンライン】2027年 労働・社会保険 法改正まとめ解説セミナー", "受付中", "13:30 - 15:00", "オンライン（Zoom）") +
		card("12月", "18", "無料個別相談会（労務・助成金・事業承継）", "受付中", "10:00 - 17:00", "例ビル5階 相談室") +
		card("1月", "27", "事業承継セミナー", "キャンセル済み", "14:00 - 16:30", "例ビル5階 セミナールーム") +
		`</div></main></body></html>`
	lp := autoItems(t, "https://www.example.jp/seminar/", page)
	var got []string
	for _, it := range lp.Items {
		sp, err := parseDate(it.Fields[FieldDate], it.Fields[FieldTime], goldenRef)
		if err != nil {
			t.Fatalf("%q: %v", it.Fields, err)
		}
		got = append(got, jst(sp.Start)+" "+it.Fields[FieldTitle]+" "+string(statusOf(it.Fields[FieldStatus], it.Fields[FieldTitle])))
	}
	want := []string{"2026-12-08 07:30 朝活 経営者モーニング勉強会 scheduled", "2026-12-10 14:00 就業規則見直しセミナー ～育児介護休業法改正への実務対応～ full",
		"2026-12-15 13:30 【オンライン】2027年 労働・社会保険 法改正まとめ解説セミナー scheduled", "2026-12-18 10:00 無料個別相談会（労務・助成金・事業承継） scheduled",
		"2027-01-27 14:00 事業承継セミナー cancelled"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A 財団's seminar page shows two seminars and a banner to the whole list
// on its form service (the banner's words are its image's alt): the list
// is followed.
func TestMoreScheduleEventsListBanner(t *testing.T) {
	doc := docOf(t, `<html><body><div id="main"><h2>注目のセミナー</h2><ul class="list01"><li><a href="/seminar/detail?id=1041">DX推進セミナー</a></li></ul>
<p class="bnr center"><a href="/seminar/list"><img src="/images/bnr_list.gif" alt="セミナー・イベント一覧・お申込みはこちら" /></a></p>
<ul class="nav"><li><a href="/about/">財団概要</a></li><li><a href="/seminar/report/">開催報告一覧</a></li></ul></div></body></html>`)
	u := mustURL("https://www.example.jp/seminar/index.html")
	got := moreSchedule(doc, u, u, func(string) bool { return true }, nil)
	if len(got) != 1 || got[0] != "https://www.example.jp/seminar/list" {
		t.Errorf("followed %q, want the seminars' list alone", got)
	}
}

// A city's page of seminars, its sections (h3) sorted under headings of
// their kind (h2): each section is an event, whichever h2 it is under;
// the 創業相談 by appointment is none.
func TestAutoListSectionsUnderSortingHeadings(t *testing.T) {
	page := `<html><head><title>創業・経営支援セミナーのご案内｜例市</title></head><body><div id="tmp_contents">
<h1>創業・経営支援セミナーのご案内（令和8年度）</h1>
<p class="update">ページ番号：1004821　更新日：2026年11月20日</p>
<p>市では、創業を目指す方や市内の中小企業の皆さまを対象に、各種セミナーを開催しています。</p>
<h2>創業を目指す方へ</h2>
<h3>女性起業家交流サロン</h3>
<p>12月8日（火曜日）午前10時から正午まで、例市ビジネスプラザ 2階 交流スペースにおいて、創業に関心のある女性を対象とした交流サロンを開催します。</p>
<h3>創業相談（予約制）</h3>
<p>中小企業診断士による創業相談を、毎月第2・第4水曜日の午後1時から午後5時まで行っています。お電話でご予約ください。</p>
<h2>経営支援セミナー</h2>
<h3>事業承継セミナー「次の世代にバトンをつなぐ」</h3>
<p>円滑な事業承継に向けた準備のポイントを解説します。令和9年2月4日（木曜日）午後2時から午後4時まで、例市ビジネスプラザ 2階 大会議室で開催します。</p>
<ul><li><a href="https://logoform.jp/form/ex/1">事業承継セミナー 申込フォーム（外部リンク）</a></li></ul>
<h2>交流・人材確保</h2>
<h3>例市ビジネス交流会2027</h3>
<p>令和9年1月28日（木曜日）午後3時から午後5時30分まで、ホテル例示 2階 宴会場において、事業PRタイムと名刺交換会を行います。</p>
</div></body></html>`
	lp := autoItems(t, "https://www.city.example.lg.jp/jigyosha/sogyo/1004821.html", page)
	want := map[string]string{
		"女性起業家交流サロン":             "2026年12月8日",
		"事業承継セミナー「次の世代にバトンをつなぐ」": "令和9年2月4日",
		"例市ビジネス交流会2027":          "令和9年1月28日",
	}
	got := map[string]string{}
	for _, it := range lp.Items {
		got[it.Fields[FieldTitle]] = it.Fields[FieldDate]
	}
	if len(got) != len(want) {
		t.Errorf("items %q, want %d", got, len(want))
	}
	for title, day := range want {
		if d, ok := got[title]; !ok || !strings.Contains(d, day) {
			t.Errorf("%s: date %q (%v), want one of %s", title, d, ok, day)
		}
	}
	// The place the date's sentence names, after the hours.
	for _, it := range lp.Items {
		want := map[string]string{"女性起業家交流サロン": "例市ビジネスプラザ 2階 交流スペース",
			"事業承継セミナー「次の世代にバトンをつなぐ」": "例市ビジネスプラザ 2階 大会議室", "例市ビジネス交流会2027": "ホテル例示 2階 宴会場"}[it.Fields[FieldTitle]]
		if it.Fields[FieldVenue] != want {
			t.Errorf("%s: venue %q, want %q", it.Fields[FieldTitle], it.Fields[FieldVenue], want)
		}
	}
}

// A group's home page shows its next meeting and links its schedule on a
// calendar app, the link a sentence's worth of words: the schedule is
// followed.
func TestMoreScheduleOnACalendarApp(t *testing.T) {
	doc := docOf(t, `<html><body><section id="schedule"><h2>開催予定</h2><div class="next"><h3>次回の定例会</h3><p>12月16日（水）19:00～</p></div>
<p>開催日程・会場・会費は、TimeTreeの公開カレンダーで随時更新しています。</p>
<p class="btn"><a href="/public_calendars/ex/">公開カレンダーで予定を見る（TimeTree）</a></p></section>
<section id="join"><a href="/join/">入会・見学について</a></section></body></html>`)
	u := mustURL("https://www.example.jp/")
	got := moreSchedule(doc, u, u, func(string) bool { return true }, nil)
	if len(got) != 1 || got[0] != "https://www.example.jp/public_calendars/ex/" {
		t.Errorf("followed %q, want the calendar alone", got)
	}
}
