package crawler

import (
	"slices"

	"kouryu/internal/event"
	"strings"
	"testing"
)

// A baserCMS blog's category list: posts at numbered permalinks under
// /news/archives/, each card with its category in a <span> whose link
// leads to the category's own list (/news/archives/category/event). The
// posts are the events' pages; the category and the date archives list
// again.
func TestAutoListArchivesPermalinks(t *testing.T) {
	card := func(id, day, cat, catPath, title string) string {
		return `<article class="bs-blog-post__item"><a href="/news/archives/` + id + `" class="bs-blog-post__item-eye-catch"><img src="/img/noimage.png" alt="` + title + `"></a>
<span class="bs-blog-post__item-date">` + day + `</span>
<span class="bs-blog-post__item-category"><a href="/news/archives/category/` + catPath + `">` + cat + `</a></span>
<span class="bs-blog-post__item-title"><a href="/news/archives/` + id + `">` + title + `</a></span>
<div class="bs-blog-post__item-detail">支部では下記のとおり開催いたします。会員の皆さまのご参加をお待ちしております...</div></article>`
	}
	lp := autoItems(t, "https://www.example.jp/news/archives/category/event/", `<html><body><main><h2>イベント・セミナー</h2><section class="bs-blog-post">`+
		card("71", "2026.11.24", "交流会", "event/koryukai", "会員交流ボウリング大会のご案内")+
		card("70", "2026.11.18", "セミナー", "event/seminar", "事業承継セミナーのご案内")+
		`</section><div class="bs-blog-pagination"><a href="/news/archives/category/event/page:2">次へ</a></div></main>
<aside><h2>月別アーカイブ</h2><ul><li><a href="/news/archives/date/2026/11">2026年11月</a></li></ul></aside></body></html>`)
	var links []string
	for _, it := range lp.Items {
		links = append(links, it.Link)
	}
	if len(links) != 2 || links[0] != "https://www.example.jp/news/archives/71" || links[1] != "https://www.example.jp/news/archives/70" {
		t.Errorf("items link %q, want the two posts", links)
	}
	for _, p := range []string{"/news/archives/category/event", "/news/archives/date/2026/11", "/archives/", "/news/archives/category/event/page:2", "/archives/2026/11"} {
		if !filterPath.MatchString(p) {
			t.Errorf("%s is no list of posts", p)
		}
	}
	for _, p := range []string{"/news/archives/71", "/archives/1234", "/event/archive-seminar/"} {
		if filterPath.MatchString(p) {
			t.Errorf("%s read as a list of posts", p)
		}
	}
}

// A post page names other posts in a related box (関連記事) under it: a
// related post's 【満席となりました】 is not this event's status, and the
// way a fee is paid (当日現金にて申し受けます) is not its place. Its title
// is the theme's h3 under an h2 of the blog's name.
func TestAutoEventPostBesideRelatedPosts(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>女性経営者ランチ交流会を開催します｜ニュース｜例商工会議所 北支部</title></head><body>
<header><h1 class="logo"><a href="/"><img src="/logo.png" alt="例商工会議所 北支部"></a></h1></header>
<main class="bs-main-contents"><h2 class="bs-blog-title">ニュース</h2>
<article class="bs-single-post"><h3 class="bs-single-post__title">女性経営者ランチ交流会を開催します</h3>
<div class="bs-single-post__meta"><span class="bs-single-post__meta-date">2026.11.20</span></div>
<div class="bs-single-post__content">
<p>日程は令和9年2月17日（水）正午から午後1時30分まで、会場は例レストラン 2階個室です。</p>
<p>参加費はお一人様3,500円（当日現金にて申し受けます）、定員は先着16名です。</p></div>
<div class="bs-single-post__prev-next"><a href="/news/archives/61" class="bs-single-post__prev-link">≪ 支部会報12月号を発行しました</a></div>
</article>
<div class="bs-blog-related-posts"><h4 class="bs-blog-related-posts__title">関連記事</h4>
<ul><li><a href="/news/archives/54">【満席となりました】会員忘年交流会のご案内</a></li></ul></div>
</main></body></html>`)
	if e.Title != "女性経営者ランチ交流会を開催します" {
		t.Errorf("title %q", e.Title)
	}
	if e.Status != "scheduled" {
		t.Errorf("status %q, want scheduled (満席 is a related post's)", e.Status)
	}
	if !e.StartsAt.Equal(tokyo(2027, 2, 17, 12, 0)) || e.Venue != "例レストラン 2階個室" {
		t.Errorf("%v at %q", e.StartsAt, e.Venue)
	}
	if strings.Contains(e.Description, "満席") {
		t.Errorf("description holds the related post: %q", e.Description)
	}
}

// A Blogger post page: the post sits in the theme's <div class="widget
// Blog">, a "widget" by name that is the page's content, not a sidebar's.
func TestAutoEventBloggerWidget(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>例ものづくり協議会 ブログ: 1月例会 工場見学会のご案内</title></head><body>
<div class="header"><h1 class="title"><a href="https://www.example.jp/">例ものづくり協議会 ブログ</a></h1></div>
<div class="main section" id="main"><div class="widget Blog" id="Blog1">
<h2 class="date-header"><span>2026年12月2日水曜日</span></h2>
<div class="post hentry"><h3 class="post-title entry-title">1月例会 工場見学会のご案内</h3>
<div class="post-body entry-content">会員各位<br>下記のとおり工場見学会を開催いたします。<br><br>日時：1月20日（水）14:00～16:00<br>見学先：例精工株式会社 本社工場</div></div></div></div>
<div class="sidebar section"><div class="widget Label"><h2>ラベル</h2></div></div></body></html>`)
	if !e.StartsAt.Equal(tokyo(2027, 1, 20, 14, 0)) || !e.EndsAt.Equal(tokyo(2027, 1, 20, 16, 0)) {
		t.Errorf("%v–%v, want 2027-01-20 14:00–16:00", e.StartsAt, e.EndsAt)
	}
	if e.Title != "1月例会 工場見学会のご案内" {
		t.Errorf("title %q", e.Title)
	}
}

// A schedule kept in a Google Sheet published to the web: the sheet is
// shown by a script (display:none until switchToSheet('0') runs), every
// row starts with its row number in a <th>, the column letters head the
// table, and the sheet's own header row comes after a note and a blank
// row.
func TestAutoListPublishedSheet(t *testing.T) {
	row := func(n, a, b, c, d, e, f, g string) string {
		return `<tr style="height: 20px"><th class="row-headers-background"><div class="row-header-wrapper">` + n + `</div></th><td class="s4">` + a + `</td><td class="s4">` + b +
			`</td><td class="s5">` + c + `</td><td class="s6">` + d + `</td><td class="s6">` + e + `</td><td class="s6">` + f + `</td><td class="s7">` + g + `</td></tr>`
	}
	page := `<html><head><title>例の会 開催予定 - Google ドライブ</title></head><body>
<div id="doc-title"><span class="name">例の会 開催予定</span></div>
<div id="sheet-menu"><ul><li id="sheet-button-0" class="active"><a href="#" onclick="switchToSheet('0')">2026下期</a></li></ul></div>
<div id="sheets-viewport"><div id="0" style="display:none;position:relative;"><div class="ritz grid-container"><table class="waffle">
<thead><tr><th class="row-header freezebar-origin-ltr"></th><th class="column-headers-background">A</th><th class="column-headers-background">B</th><th class="column-headers-background">C</th><th class="column-headers-background">D</th><th class="column-headers-background">E</th><th class="column-headers-background">F</th><th class="column-headers-background">G</th></tr></thead><tbody>` +
		row("1", "最終更新：2026/11/27", "", "", "", "", "", "") + row("2", "", "", "", "", "", "", "") +
		row("3", "回", "日付", "曜日", "時間", "会場", "テーマ", "備考") +
		row("4", "63", "2026/12/10", "木", "18:30～21:00", "例居酒屋 2F座敷", "忘年会", "満席") +
		row("5", "64", "1/14", "木", "19:00～21:00", "例ビル 5F 会議室B", "新年会＆今年の抱負発表", "") +
		`</tbody></table></div></div></div>
<script>function switchToSheet(gid) { document.getElementById(gid).style.display = "block"; }</script></body></html>`
	doc := docOf(t, page)
	dropHidden(doc)
	lp := AutoList(doc, mustURL("https://www.example.jp/spreadsheets/d/e/2PACX-x/pubhtml"), func(h string) bool { return h == "www.example.jp" }, goldenRef)
	if len(lp.Items) != 2 {
		t.Fatalf("%d items %v, want the two meetings; problems %q", len(lp.Items), lp.Items, lp.Problems)
	}
	e := wholeEvent(t, lp.Items[0])
	if e.Title != "忘年会" || !e.StartsAt.Equal(tokyo(2026, 12, 10, 18, 30)) || e.Venue != "例居酒屋 2F座敷" || e.Status != "full" {
		t.Errorf("first row %q %v at %q (%s)", e.Title, e.StartsAt, e.Venue, e.Status)
	}
}

// A bilingual page writes the place in English, then in Japanese, then
// the addresses: the place is the first line, not the four joined. A
// building's name over its room (Grand Front Osaka / タワーB 10階) is one
// place.
func TestVenueLinesBilingual(t *testing.T) {
	for _, c := range []struct{ text, venue, addr string }{
		{"Hotel Example Riverside, 3F Sakura Room\nホテル例リバーサイド 3階「桜の間」\n5-X-X Nakanoshima, Kita-ku, Osaka 530-00XX\n〒530-00XX 大阪市北区中之島5-X-X",
			"Hotel Example Riverside, 3F Sakura Room", "〒530-00XX 大阪市北区中之島5-X-X"},
		{"Online (Zoom)\nオンライン（Zoom）\nThe link will be sent to registered participants. / 参加URLは申込者にお送りします。", "Online (Zoom)", ""},
	} {
		v, a, ok := venueLines(c.text)
		if !ok || v != c.venue || a != c.addr {
			t.Errorf("%q: %q, %q, %v; want %q, %q", c.text, v, a, ok, c.venue, c.addr)
		}
	}
	if v, _, ok := venueLines("Grand Front Osaka\nタワーB 10階 会議室"); ok && v == "Grand Front Osaka" {
		t.Errorf("the building's room read as a translation: %q", v)
	}
}

// A place's cell may go on with a note to the reader under it: the place
// is the first line.
func TestVenueLinesNote(t *testing.T) {
	for _, text := range []string{"オンライン（Zoom）\nお申し込みの方に前日までに参加URLをお送りします", "例ビル 5階 会議室\n※駐車場はありません"} {
		want := strings.Split(text, "\n")[0]
		if v, a, ok := venueLines(text); !ok || v != want || a != "" {
			t.Errorf("%q: %q, %q, %v; want %q", text, v, a, ok, want)
		}
	}
}

// A bilingual page's past events: a list group whose items are links
// when the event has a page and plain blocks when it has none, each title
// in English with its Japanese in a <span lang="ja">. Both items are
// events, titled as the page writes them first.
func TestAutoListLinkedAndPlainCards(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/events/", `<html><body><main><h2>Past events <span lang="ja">過去のイベント</span></h2>
<div class="list-group past-events">
<a href="/events/2026-11-networking-night/" class="list-group-item list-group-item-action"><h3 class="h6">Autumn Networking Night <span lang="ja">秋のネットワーキング・ナイト</span></h3>
<p class="small">Thu, 19 Nov 2026, 18:30–20:30 JST | <span lang="ja">2026年11月19日（木）18:30〜20:30</span></p></a>
<div class="list-group-item"><h3 class="h6">Seminar: Visa Update 2026 <span lang="ja">ビザ最新情報セミナー2026</span></h3>
<p class="small">Thu, 22 Oct 2026, 15:00–16:30 JST | <span lang="ja">2026年10月22日（木）15:00〜16:30</span></p></div>
</div></main></body></html>`)
	if len(lp.Items) != 2 {
		t.Fatalf("%d items %v, want both cards", len(lp.Items), lp.Items)
	}
	if lp.Items[0].Link != "https://www.example.jp/events/2026-11-networking-night/" {
		t.Errorf("first card's link %q", lp.Items[0].Link)
	}
	e := wholeEvent(t, lp.Items[1])
	if e.Title != "Seminar: Visa Update 2026" || !e.StartsAt.Equal(tokyo(2026, 10, 22, 15, 0)) {
		t.Errorf("plain card %q at %v", e.Title, e.StartsAt)
	}
}

func TestAutoListCourseCardDates(t *testing.T) {
	// A teaching platform's course cards, each with its dates linking the
	// course's page: each date is an event of that course, with its own
	// place and status.
	lp := autoItems(t, "https://www.example.jp/teachers/283615", `<html><body><main>
<section class="p-teacher__courses"><h2 class="c-heading">開催中の講座（2講座）</h2>
<article class="c-courseCard" data-course-id="51207">
<a class="c-courseCard__link" href="/classes/51207"><div class="c-courseCard__body"><p class="c-courseCard__cat">経営・起業</p>
<h3 class="c-courseCard__title">はじめての事業計画書</h3><p class="c-courseCard__price">3,500<span>円</span></p></div></a>
<div class="c-courseCard__schedules"><p class="c-courseCard__schedulesTtl">開催日程</p><ul class="c-scheduleMini">
<li class="c-scheduleMini__item"><a href="/classes/51207#schedule-884121"><span class="c-scheduleMini__date">12/10(木)</span> <span class="c-scheduleMini__time">19:00-21:00</span> <span class="c-scheduleMini__place">大阪・本町</span> <span class="c-seat">残り3席</span></a></li>
<li class="c-scheduleMini__item is-full"><a href="/classes/51207#schedule-884122"><span class="c-scheduleMini__date">12/19(土)</span> <span class="c-scheduleMini__time">10:00-12:00</span> <span class="c-scheduleMini__place">オンライン</span> <span class="c-seat">満席</span></a></li>
</ul></div></article>
<article class="c-courseCard" data-course-id="52390">
<a class="c-courseCard__link" href="/classes/52390"><div class="c-courseCard__body"><p class="c-courseCard__cat">経営・起業</p>
<h3 class="c-courseCard__title">創業融資の面談対策</h3><p class="c-courseCard__price">3,000<span>円</span></p></div></a>
<div class="c-courseCard__schedules"><p class="c-courseCard__schedulesTtl">開催日程</p><ul class="c-scheduleMini">
<li class="c-scheduleMini__item"><a href="/classes/52390#schedule-891050"><span class="c-scheduleMini__date">1/23(土)</span> <span class="c-scheduleMini__time">10:00-12:00</span> <span class="c-scheduleMini__place">大阪・本町</span> <span class="c-seat">残り6席</span></a></li>
<li class="c-scheduleMini__item"><a href="/classes/52390#schedule-891051"><span class="c-scheduleMini__date">2/13(土)</span> <span class="c-scheduleMini__time">10:00-12:00</span> <span class="c-scheduleMini__place">オンライン</span> <span class="c-seat">残り8席</span></a></li>
</ul></div></article>
</section></main></body></html>`)
	if len(lp.Items) != 4 {
		t.Fatalf("%d items %v, want a date each", len(lp.Items), lp.Items)
	}
	it := lp.Items[1]
	if it.Link != "https://www.example.jp/classes/51207" || it.Fields[FieldTitle] != "はじめての事業計画書" ||
		it.Fields[FieldVenue] != "オンライン" || it.Fields[FieldStatus] != "満席" || !strings.HasPrefix(it.Fields[FieldDate], "12/19(土) 10:00-12:00") {
		t.Errorf("second date read as %q → %s", it.Fields, it.Link)
	}
}

// Nucleus CMS's default skin writes each post of its top page as sibling
// boxes: the day (div.datetitle), the title (div.contenttitle), the
// category and author (div.contentitem), then the body (div.contentbody).
// Each title and the body after it are one post: a body that links no
// page is not an event of its first sentence, and a post that calls a
// meeting off is read with the day its body names.
func TestAutoListNucleusTitleAndBodyBoxes(t *testing.T) {
	post := func(day, id, title, cat, body string) string {
		return `<div class="datetitle">` + day + `</div>
<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=` + id + `" title="投稿を読む: ` + title + `">` + title + `</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1"><small class="contentitemcategory">カテゴリー: <a href="/blog/index.php?catid=1">` + cat + `</a></small></div>
<div class="contentitem2"><small class="contentitempostedby">投稿者: <a href="/blog/index.php?memberid=1">jimukyoku</a></small></div>
<div class="contentitem3"><small class="contentitemtime">09:12</small></div>
</div>
<div class="contentbody">
` + body + `
</div>
`
	}
	page := `<html><head><title>例みなと商工会 お知らせブログ</title></head><body><div id="container"><div class="content">
<div class="blogdesc">例みなと商工会からのお知らせ・講習会・相談会を掲載しています。</div>
` + post("2026年12月04日(金)", "412", "年末年始の休業について", "お知らせ",
		`平素は当会の事業運営にご理解・ご協力を賜り、厚く御礼申し上げます。<br />誠に勝手ながら、下記の期間は年末年始休業とさせていただきます。<br /><br />■休業期間　令和8年12月29日（火）〜令和9年1月4日（月）<br /><br />新年は1月5日（火）午前9時より通常どおり業務を行います。`) +
		post("2026年12月02日(水)", "411", "個別税務相談会のお知らせ", "相談窓口",
			`税理士による個別の税務相談会を開催いたします。<br />■日時　令和8年12月16日（水）午前10時〜午後4時<br /><p class="more"><a href="/blog/index.php?itemid=411#more">続きを読む</a></p>`) +
		post("2026年10月30日(金)", "406", "【中止】第12回会員親睦ゴルフコンペ", "お知らせ",
			`11月29日（日）に例カントリー倶楽部にて開催を予定しておりました「第12回会員親睦ゴルフコンペ」は、参加申込が少数にとどまったため、誠に残念ながら中止とさせていただくことになりました。<br /><br />なお、次回は令和9年春ごろの開催を予定しております。`) +
		`</div></div></body></html>`
	lp := autoItems(t, "http://www.example.jp/blog/", page)
	var titles []string
	for _, it := range lp.Items {
		titles = append(titles, it.Fields[FieldTitle])
		if it.Link == "" {
			t.Errorf("item %q links no post", it.Fields[FieldTitle])
		}
		if strings.Contains(it.Fields[FieldTitle], "ゴルフ") && !strings.HasPrefix(it.Fields[FieldDate], "11月29日") {
			t.Errorf("golf day %q, want the day its body names", it.Fields[FieldDate])
		}
	}
	if want := []string{"個別税務相談会のお知らせ", "【中止】第12回会員親睦ゴルフコンペ"}; !slices.Equal(titles, want) {
		t.Errorf("titles %q, want %q", titles, want)
	}
}

// The post's page of that skin heads it with its title and its posting day
// in brackets, which the page's <title> does not hold: the day the
// cancelled meeting was planned for, and its place, are the body's.
func TestAutoEventSkinHeadingDayIsThePosts(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>【中止】第12回会員親睦ゴルフコンペ &raquo; 例みなと商工会 お知らせブログ</title></head><body>
<div class="content"><div class="contenttitle"><h2>【中止】第12回会員親睦ゴルフコンペ (2026年10月30日)</h2></div>
<div class="contentbody">11月29日（日）に例カントリー倶楽部にて開催を予定しておりました「第12回会員親睦ゴルフコンペ」は、参加申込が少数にとどまったため、誠に残念ながら中止とさせていただくことになりました。<br /><br />
お申込みいただいた皆様には大変ご迷惑をおかけいたしますこと、深くお詫び申し上げます。</div></div></body></html>`)
	if got := jst(e.StartsAt)[:10]; got != "2026-11-29" {
		t.Errorf("day %s, want 2026-11-29, not the post's day", got)
	}
	if e.Venue != "例カントリー倶楽部" || e.Status != event.StatusCancelled {
		t.Errorf("venue %q status %s, want 例カントリー倶楽部, cancelled", e.Venue, e.Status)
	}
}
