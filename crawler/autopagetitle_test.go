package crawler

import (
	"errors"
	"testing"
)

// A shop's product page: its <title> is the shop's name and the product's
// joined by " / ", and the product's name is a heading.
func TestPageTitleHeadingAfterTheShopsName(t *testing.T) {
	page := `<html><head><title>例ビジネスアカデミー オンラインストア / 【12/17開催】年末 異業種交流会（忘年会）</title></head><body>
<div class="ec-headerRole"><div class="ec-headerTitle"><a href="/">例ビジネスアカデミー オンラインストア</a></div></div>
<div class="ec-productRole"><div class="ec-productRole__title"><h2 class="ec-headingTitle">【12/17開催】年末 異業種交流会（忘年会）</h2></div>
<div class="ec-productRole__description"><p>■開催日時<br>2026年12月17日（木）19:00～21:00</p><p>■会場<br>例ビル 8F ラウンジ</p></div></div>
</body></html>`
	if got, want := pageTitle(docOf(t, page)), "【12/17開催】年末 異業種交流会（忘年会）"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
}

// A calendar module's event page (XOOPS piCal) has no heading of the
// event, and its <title> names the site, the module and the event: the
// list's title for it tells which part is the event's. An office's debit
// day in the same calendar is no event.
func TestEventPageTitleThePartTheListNames(t *testing.T) {
	view := func(title, start, end, place string) string {
		return `<html><head><title>例法人会 - 行事予定 - ` + title + `</title></head><body>
<div id="header"><a href="/"><img src="/logo.gif" alt="公益社団法人 例法人会"></a></div>
<div id="content"><h2 class="pical_title">予定の詳細</h2>
<table class="outer"><tr><td class="head">開始日時</td><td class="even">` + start + `</td></tr>
<tr><td class="head">終了日時</td><td class="even">` + end + `</td></tr>
<tr><td class="head">予定</td><td class="even"><b>` + title + `</b></td></tr>
<tr><td class="head">場所</td><td class="even">` + place + `</td></tr>
<tr><td class="head">連絡先</td><td class="even">例法人会 事務局　TEL 06-6781-XXXX</td></tr></table></div>
<div id="footer">公益社団法人 例法人会</div></body></html>`
	}
	u := mustURL("https://www.example.jp/modules/piCal/index.php?action=View&event_id=0000000118")
	f, err := readEventPage(docOf(t, view("年末調整説明会", "2026年12月 3日(木) 14:00", "2026年12月 3日(木) 16:00", "例法人会館 2F 大会議室")), u, goldenRef, Fields{FieldTitle: "年末調整説明会"})
	if err != nil {
		t.Fatal(err)
	}
	if f[FieldTitle] != "年末調整説明会" {
		t.Errorf("title %q, want the event's", f[FieldTitle])
	}
	_, err = readEventPage(docOf(t, view("会費 口座振替日", "2027年1月29日(金)", "2027年1月29日(金)", "")), u, goldenRef, Fields{FieldTitle: "会費 口座振替日"})
	if !errors.Is(err, ErrNotEvent) {
		t.Errorf("the debit day read as an event (err %v)", err)
	}
}

// A hand-edited post whose <h1> is never closed: the parser puts the rest
// of the page in it (the date, the hall, a related post marked 満席). Its
// name is the part of the <title> it starts with, and the related post's
// 満席 is no status of this event.
func TestPageTitleUnclosedHeading(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>新春経営セミナー＆交流会のご案内 | 例商工会議所 東支部</title></head><body><div id="main">
<h1>新春経営セミナー＆交流会のご案内<p>日時：令和9年1月21日（木）15:00～19:00<p>会場：例会館 3階 ホール
<div class="related"><h4>関連記事</h4><ul><li><a href="/x">【満席となりました】忘年会</a></ul></div>`)
	if e.Title != "新春経営セミナー＆交流会のご案内" {
		t.Errorf("title %q, want the <title>'s first part", e.Title)
	}
	if !e.StartsAt.Equal(tokyo(2027, 1, 21, 15, 0)) || e.Venue != "例会館 3階 ホール" || e.Status != "scheduled" {
		t.Errorf("%v at %q, %s", e.StartsAt, e.Venue, e.Status)
	}
}

// An ASP.NET detail page: its <h1> names the kind of page, an <h2> the
// seminar, and the <title> runs from the seminar to the site.
func TestPageTitleTheTitlesFirstHeading(t *testing.T) {
	page := `<html><head><title>
	事業承継セミナー　親族内承継と第三者承継の基礎 | セミナー詳細 | 公益財団法人 例産業支援財団
</title></head><body><form id="form1"><div id="main"><h1 class="page-title">セミナー詳細</h1>
<div class="detail"><h2 class="detail-title"><span id="MainContent_lblTitle">事業承継セミナー　親族内承継と第三者承継の基礎</span></h2>
<table><tr><td class="th">開催日時</td><td>2027年3月4日（木）14:00～16:30</td></tr></table></div></div></form></body></html>`
	if got, want := pageTitle(docOf(t, page)), "事業承継セミナー 親族内承継と第三者承継の基礎"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
}

// EventPrime shows an event inside the WordPress page of its list
// (/events/?event=2270): the <title>, og:title and <h1> are the page's,
// 行事予定; the heading the plugin marks as the single event's title names
// the event.
func TestPageTitlePluginEventInsideTheListPage(t *testing.T) {
	page := `<html><head><title>行事予定 | 例精工金属協同組合</title><meta property="og:title" content="行事予定 | 例精工金属協同組合"></head>
<body><main class="l-mainContent"><h1 class="c-pageTitle"><span class="c-pageTitle__inner">行事予定</span></h1>
<div class="ep-single-event"><h2 class="ep-fw-bold ep-fs-2" id="ep_single_event_title">【組合員向け研修会】価格転嫁・取引適正化の進め方</h2>
<div class="ep-single-event-date">10 12月 18:30</div></div></main></body></html>`
	if got, want := pageTitle(docOf(t, page)), "【組合員向け研修会】価格転嫁・取引適正化の進め方"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
}
