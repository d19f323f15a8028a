package crawler

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// blogPost is a post of an old blog template (Seesaa, Movable Type): the
// day's date header, the post in div.blog with its h3.title, the "posted by"
// line, and a <title> that is the post's and the blog's joined by ": ".
func blogPost(title, body string) string {
	return `<html><head><meta property="og:site_name" content="例商店街 事務局ブログ">
<meta property="og:title" content="` + title + `: 例商店街 事務局ブログ"><title>` + title + `: 例商店街 事務局ブログ</title></head><body>
<div id="banner"><h1 id="banner-header"><a href="/">例商店街 事務局ブログ</a></h1></div>
<div id="center"><div class="content"><h2 class="date">2026年11月27日</h2>
<div class="blog"><h3 class="title">` + title + `</h3><div class="text">` + body + `</div>
<div class="posted">posted by 事務局 at 19:05| <a href="#comment">Comment(0)</a> | お知らせ</div></div></div></div></body></html>`
}

// The date header says when the post was written: a post that names no
// day of its own is no event, and the post's title is not the blog's.
func TestAutoEventBlogDateHeaderIsThePostsDay(t *testing.T) {
	_, err := readEventPage(docOf(t, blogPost("ブログを始めました", "はじめまして。例商店街振興組合 事務局です。<br />商店街のお知らせを発信してまいります。")),
		mustURL("https://example.seesaa.net/article/1.html"), goldenRef, nil)
	if !errors.Is(err, ErrNotEvent) {
		t.Errorf("a post with only its date header read as an event (err %v)", err)
	}
	e, _ := autoEventOf(t, blogPost("11月店主勉強会「はじめてのSNS集客」のご案内",
		"組合員の皆様<br /><br />■日時　11月17日（火）19:00～20:30<br />■会場　例会館 2階 会議室<br />■申込　11月13日（金）まで"))
	if e.Title != "11月店主勉強会「はじめてのSNS集客」のご案内" {
		t.Errorf("title %q, want the post's without the blog's name", e.Title)
	}
	if got := e.StartsAt.In(time.FixedZone("JST", 9*3600)).Format("2006-01-02 15:04"); got != "2026-11-17 19:00" {
		t.Errorf("start %s, want the ■日時 line's", got)
	}
}

// An event's own date over its title (a calendar's schedule_date, then
// h3.schedule_title) is its date, not a post's.
func TestAutoEventScheduleDateOverTitle(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>定例会 | 例交流会</title></head><body><div id="contents">
<div class="schedule_detail"><div class="schedule_date">2027年2月10日(水) 19:00〜</div><h3 class="schedule_title">定例会</h3>
<div class="schedule_body">第88回定例会<br />会場：例ビジネスプラザ 5階 会議室B</div></div></div></body></html>`)
	if got := e.StartsAt.In(time.FixedZone("JST", 9*3600)).Format("2006-01-02 15:04"); got != "2027-02-10 19:00" {
		t.Errorf("start %s, want the schedule's date", got)
	}
}

// A post that announces two events, each under its ◆ heading with its
// own ■日時 and ■会場, gives two events.
func TestAutoEventTwoEventsUnderMarkedHeadings(t *testing.T) {
	page := blogPost("新年互礼会・1月店主勉強会のご案内", `年明けの行事を2つご案内いたします。<br /><br />
<strong>◆新年互礼会</strong><br /><br />■日時　令和9年1月15日（金）午後6時30分～（受付 午後6時～）<br />■会場　割烹 例 2階 大広間<br />
■会費　お一人 6,000円<br />■申込　12月25日（金）までに事務局へ<br /><br />
<strong>◆1月店主勉強会</strong><br /><br />■日時　令和9年1月26日（火）19:00～20:30<br />■会場　例会館 2階 会議室<br />■参加費　無料<br />`)
	doc := docOf(t, page)
	f, err := readEventPage(doc, mustURL("https://example.seesaa.net/article/2.html"), goldenRef, nil)
	if err != nil {
		t.Fatal(err)
	}
	ms := pageMeetings(doc, f, goldenRef)
	if len(ms) != 2 {
		t.Fatalf("%d meetings, want 2: %+v", len(ms), ms)
	}
	for i, want := range []struct{ title, venue, day string }{{"新年互礼会", "割烹 例 2階 大広間", "2027-01-15"}, {"1月店主勉強会", "例会館 2階 会議室", "2027-01-26"}} {
		if m := ms[i]; m.title != want.title || m.venue != want.venue || m.day.Format("2006-01-02") != want.day {
			t.Errorf("meeting %d: %q at %q on %s, want %+v", i, m.title, m.venue, m.day.Format("2006-01-02"), want)
		}
	}
}

// A street's works and things handed out to member shops are notices.
func TestNoticeWordWorksAndHandouts(t *testing.T) {
	for _, title := range []string{"アーケード照明のLED化工事について", "歳末大売出し 抽選券の配布について", "停電のお知らせ"} {
		if noticeWord(title) == "" {
			t.Errorf("%q read as no notice", title)
		}
	}
	for _, title := range []string{"電気工事業 若手経営者交流会", "補助金の申請書 配布資料つき セミナー"} {
		if w := noticeWord(title); w != "" {
			t.Errorf("%q read as a notice (%s)", title, w)
		}
	}
}

// fc2Entry is an entry of an FC2 blog's top page, shown whole: the date
// header, the title linking the entry's page, the body, the footer with the
// posting time, the category and the comment count.
func fc2Entry(n, posted, title, body, category string) string {
	return `<div class="entry" id="e` + n + `"><h2 class="entry_date">` + posted + `</h2>
<h3 class="entry_header"><a href="/blog-entry-` + n + `.html" title="` + title + `">` + title + `</a></h3>
<div class="entry_body">` + body + `</div>
<div class="entry_footer"><ul class="entry_theme"><li>テーマ：<a href="https://blog.fc2.com/community/">地域活性化</a></li></ul>
<p class="entry_state">` + posted + ` 18:20:33 | <a href="/blog-category-2.html">カテゴリ:` + category + `</a> | <a href="/blog-entry-` + n +
		`.html#trackback">トラックバック:0</a> | <a href="/blog-entry-` + n + `.html#comment-top">コメント:0</a></p></div></div>`
}

// An FC2 top page's entries are each one post whose page is read: not a
// list of its body and its footer, nor a day's links.
func TestAutoListBlogEntriesShownWhole(t *testing.T) {
	page := `<html><head><title>例商工会青年部ブログ</title></head><body><div id="container"><div id="main">` +
		fc2Entry("16", "2026/12/04(金)", "歳末夜警パトロールのお願い", "部員各位<br /><br />毎年恒例の歳末夜警パトロールを、今年も実施します。<br /><br />日時：12月28日（月）20:00〜21:30<br />集合：商工会館 駐車場<br />", "お知らせ") +
		fc2Entry("15", "2026/12/01(火)", "新年互礼会のご案内", "部員各位<br /><br />日時：令和9年1月15日（金）<br />　　　受付 18:00／開始 18:30（20:30 終了予定）<br />場所：例ホテル 3階「鳳凰の間」<br />", "イベント") +
		fc2Entry("14", "2026/11/27(金)", "忘年会のご案内", "部員各位<br /><br />日時：令和8年12月18日（金）19:00〜21:00<br />場所：例居酒屋 2階 座敷<br />会費：5,000円<br />", "イベント") +
		`</div></div></body></html>`
	lp := autoItems(t, "https://www.example.jp/", page)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Link+" "+it.Fields[FieldTitle])
	}
	want := []string{"https://www.example.jp/blog-entry-16.html 歳末夜警パトロールのお願い", "https://www.example.jp/blog-entry-15.html 新年互礼会のご案内",
		"https://www.example.jp/blog-entry-14.html 忘年会のご案内"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The hours under a labelled date, the doors and the start on one line,
// are the event's.
func TestAutoEventDoorsAndStartUnderTheDate(t *testing.T) {
	e, _ := autoEventOf(t, blogPost("新年互礼会のご案内", "部員各位<br /><br />日時：令和9年1月15日（金）<br />　　　受付 18:00／開始 18:30（20:30 終了予定）<br />場所：例ホテル 3階「鳳凰の間」<br />"))
	if jst(e.StartsAt) != "2027-01-15 18:30" || jst(e.EndsAt) != "2027-01-15 20:30" {
		t.Errorf("%s – %s, want 18:30 – 20:30", jst(e.StartsAt), jst(e.EndsAt))
	}
}

// A post that moves a meeting to a new day names the meeting: the event on
// that day is it, as planned; a meeting's report that names the next
// meeting in passing is no event.
func TestAutoEventPostponedToANewDay(t *testing.T) {
	e, _ := autoEventOf(t, blogPost("経営勉強会 延期のお知らせ", `部員各位<br /><br />11月19日（木）に予定しておりました第3回 経営勉強会「SNS活用術」は、講師の先生が体調を崩されたため、延期とさせていただきます。<br />
延期後の日程は以下のとおりです。<br /><br />日時：2027年1月21日（木）19:00〜20:30<br />場所：例会館 2階 大会議室（変更なし）<br />`))
	if e.Title != "第3回 経営勉強会「SNS活用術」" || jst(e.StartsAt) != "2027-01-21 19:00" || e.Status != "scheduled" {
		t.Errorf("%q %s %s, want the meeting on its new day, scheduled", e.Title, jst(e.StartsAt), e.Status)
	}
	_, err := readEventPage(docOf(t, blogPost("11月例会 報告", "11月12日（木）、11月例会を開催しました。出席19名。<br />次回の12月例会は12月10日（木）19:00〜、例会館 2階 大会議室です。<br />")),
		mustURL("https://example.fc2.com/blog-entry-10.html"), goldenRef, nil)
	if !errors.Is(err, ErrNotEvent) {
		t.Errorf("a report read as the next meeting (err %v)", err)
	}
}

// cocologPost is a ココログ (TypePad) post's page: the banner's heading
// linking the blog's top, the date header, h3.entry-header, the footer's
// 固定リンク, and a <title> of the post's and the blog's joined by ": ".
func cocologPost(title, body string) string {
	return `<html><head><title>` + title + `: 例同友会 支部ブログ</title></head><body><div id="container">
<div id="banner"><h1 id="banner-header"><a href="/blog/" accesskey="1">例同友会 支部ブログ</a></h1></div>
<div id="center"><div class="content"><h2 class="date-header">2026年11月 6日 (金)</h2><div class="entry">
<h3 class="entry-header">` + title + `</h3><div class="entry-body">` + body + `</div>
<p class="entry-footer"><span class="post-footers">投稿者 支部事務局 時刻 10:12 | <a href="/blog/cat1/index.html">例会案内</a></span> | <a class="permalink" href="/blog/2026/11/post-71b6.html">固定リンク</a></p>
</div></div></div></div></body></html>`
}

// A course's sessions in a table, a cell a line (第1回 | 日時 | 内容), each
// an event at the sessions' shared hall; its 定員になり次第 is no full.
func TestAutoEventCourseTableOfSessions(t *testing.T) {
	doc := docOf(t, cocologPost("第8期 経営指針成文化セミナー 受講生募集（全5回）", `<p>来年1月から開講します。</p><p><strong>【日程】</strong>（いずれも土曜日）</p>
<table border="1"><tr><th>回</th><th>日時</th><th>内容</th></tr>
<tr><td>第1回</td><td>2027年1月16日（土）13:30～17:30</td><td>オリエンテーション</td></tr>
<tr><td>第2回</td><td>1月30日（土）13:30～17:30</td><td>経営理念をつくる</td></tr>
<tr><td>第3回</td><td>2月13日（土）13:30～17:30</td><td>10年ビジョンと経営方針</td></tr></table>
<p>■会場<br />第1回～第3回：例市民センター 2階 研修室</p><p>■定員　8社（先着順。定員になり次第締め切ります）</p>`))
	f, err := readEventPage(doc, mustURL("https://example.cocolog-nifty.com/blog/2026/11/post-71b6.html"), goldenRef, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f[FieldTitle] != "第8期 経営指針成文化セミナー 受講生募集（全5回）" || f[FieldVenue] != "例市民センター 2階 研修室" {
		t.Errorf("title %q venue %q, want the post's and the hall", f[FieldTitle], f[FieldVenue])
	}
	if st, ok := statusIn(f[FieldStatus]); ok && st != "scheduled" {
		t.Errorf("status %q", f[FieldStatus])
	}
	ms := pageMeetings(doc, f, goldenRef)
	if len(ms) != 3 || jst(ms[1].day) != "2027-01-30 13:30" || ms[1].theme != "経営理念をつくる" {
		t.Fatalf("meetings %+v, want the three sessions", ms)
	}
}

// A post posted again (【再掲】) and a member's death are notices.
func TestNoticeWordRepostAndDeath(t *testing.T) {
	for _, title := range []string{"【再掲】12月例会 申込受付中です（12/16）", "【訃報】例田 正男 様（例田工業株式会社 会長）"} {
		if noticeWord(title) == "" {
			t.Errorf("%q read as no notice", title)
		}
	}
}

// An archive page of ココログ shows its posts whole, each linking its page
// by its title and its 固定リンク: the posts are its list, not the table
// of sessions inside one of them.
func TestAutoListArchiveOfWholePosts(t *testing.T) {
	entry := func(n, title, body string) string {
		return `<h2 class="date-header">2026年11月 ` + n + `日</h2><div class="entry"><h3 class="entry-header"><a href="/blog/2026/11/post-` + n + `.html">` + title + `</a></h3>
<div class="entry-body">` + body + `</div><p class="entry-footer">投稿者 事務局 時刻 10:12 | <a href="/blog/cat1/index.html">例会案内</a> | <a class="permalink" href="/blog/2026/11/post-` + n + `.html">固定リンク</a></p></div>`
	}
	page := `<html><head><title>2026年11月: 例同友会 支部ブログ</title></head><body><div id="banner"><h1 id="banner-header"><a href="/blog/">例同友会 支部ブログ</a></h1></div><div class="content">` +
		entry("20", "【12月例会】「社員が辞めない会社」は何が違うのか", "<p>■日時　2026年12月16日（水）18:30～21:00<br />■会場　例市民センター 3階 大会議室</p>") +
		entry("6", "第8期 経営指針成文化セミナー 受講生募集（全3回）", `<table border="1"><tr><th>回</th><th>日時</th><th>内容</th></tr>
<tr><td>第1回</td><td>2027年1月16日（土）13:30～17:30</td><td>オリエンテーション</td></tr><tr><td>第2回</td><td>1月30日（土）13:30～17:30</td><td>経営理念をつくる</td></tr>
<tr><td>第3回</td><td>2月13日（土）13:30～17:30</td><td>10年ビジョンと経営方針</td></tr></table>`) +
		entry("2", "11月 3支部合同例会のご案内", "<p>■日時　11月18日（水）18:00～21:00<br />■会場　例市民会館 2階 大集会室</p>") + `</div></body></html>`
	lp := autoItems(t, "https://www.example.jp/blog/2026/11/index.html", page)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Link)
	}
	want := []string{"https://www.example.jp/blog/2026/11/post-20.html", "https://www.example.jp/blog/2026/11/post-6.html", "https://www.example.jp/blog/2026/11/post-2.html"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("items %q, want the three posts", got)
	}
}

// gooブログ's top page: each post whole, its date and category above its
// linked title, its comments and trackbacks below, on its own page. The
// posts are the list, not the bullets of a month's schedule in one.
func TestAutoListGooPostsShownWhole(t *testing.T) {
	entry := func(id, date, title, body string) string {
		return `<div class="entry" id="entry-` + id + `"><div class="entry-top"><span class="entry-top-info"><span class="entry-top-info-time">` + date +
			`</span> | <span class="entry-top-info-category"><a href="/shotengai/c/1">イベント</a></span></span><h3><a href="/shotengai/e/` + id + `">` + title +
			`</a></h3></div><div class="entry-body"><div class="entry-body-text">` + body + `</div></div><div class="entry-bottom"><span class="entry-bottom-comment"><a href="/shotengai/e/` + id +
			`#comment-list">コメント (0)</a></span> | <span class="entry-bottom-trackback"><a href="/shotengai/e/` + id + `#trackback-list">Trackback ( )</a></span></div></div>`
	}
	page := `<html><head><title>例本通商店街ブログ - gooブログ</title></head><body><div id="main">` +
		entry("a1", "2026年12月1日", "12月の商店街行事予定", `<ul><li>12月9日（水）19:00～　定例役員会</li><li>12月22日（火）19:30～　年末特別防犯パトロール</li><li>12月27日（日）10:00～　歳末もちつき大会</li></ul>`) +
		entry("b2", "2026年11月28日", "年末特別防犯パトロールを実施します", "■日時　12月22日（火）19:30～21:00<br>■集合　例会館前") +
		entry("c3", "2026年11月20日", "歳末もちつき大会のお知らせ", "■日時　12月27日（日）10:00～<br>■場所　例公園") + `</div></body></html>`
	lp := autoItems(t, "https://www.example.jp/shotengai/", page)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Link)
	}
	want := "https://www.example.jp/shotengai/e/a1 https://www.example.jp/shotengai/e/b2 https://www.example.jp/shotengai/e/c3"
	if strings.Join(got, " ") != want {
		t.Errorf("items %q, want the three posts", got)
	}
	_, err := readEventPage(docOf(t, `<html><head><title>12月の商店街行事予定 - 例本通商店街ブログ</title></head><body><h3>12月の商店街行事予定</h3>
<ul><li>12月9日（水）19:00～　定例役員会</li><li>12月22日（火）19:30～　年末特別防犯パトロール</li></ul></body></html>`), mustURL("https://blog.example.jp/shotengai/e/a1"), goldenRef, nil)
	if !errors.Is(err, ErrNotEvent) {
		t.Errorf("a month's schedule read as one event (err %v)", err)
	}
}

// JUGEM links its posts from the site's top by a query (/?eid=12): a post's
// page, not the home page. A post announcing the next weeks' speakers
// writes each meeting's date as a heading, its 講師 and テーマ under it.
func TestAutoJugemPostsAndSpeakers(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/", `<html><head><title>例倫理法人会</title></head><body><div id="main">
<div class="entry"><div class="entry_date">2026.11.20 Friday</div><h2 class="entry_title"><a href="/?eid=4">11月19日（木）モーニングセミナー</a></h2>
<div class="entry_body">時間：午前6時～7時<br />会場：例ホテル 2階「桜の間」</div><div class="entry_state">by 事務局 | 09:12 | comments(0)</div></div>
<div class="entry"><div class="entry_date">2026.11.01 Sunday</div><h2 class="entry_title"><a href="/?eid=3">11月前半のモーニングセミナー講師</a></h2>
<div class="entry_body">講師が決まりました。</div><div class="entry_state">by 事務局 | 09:12 | comments(0)</div></div></div></body></html>`)
	var got []string
	for _, it := range lp.Items {
		got = append(got, it.Link)
	}
	if strings.Join(got, " ") != "https://www.example.jp/?eid=4 https://www.example.jp/?eid=3" {
		t.Errorf("items %q, want the two posts", got)
	}
	doc := docOf(t, `<html><head><title>11月前半のモーニングセミナー講師</title></head><body><h2>11月前半のモーニングセミナー講師</h2><div class="entry_body">
時間：毎週木曜日　午前6時～7時<br />会場：例ホテル 2階「桜の間」<br /><br /><b>■11月5日（木）</b><br />講師：例川 一郎（当会 会長）<br />テーマ：「純粋倫理と私」<br /><br />
<b>■11月12日（木）</b><br />講師：例口 信也 氏<br />テーマ：「家庭は経営の土台」<br /></div></body></html>`)
	f, err := readEventPage(doc, mustURL("https://www.example.jp/?eid=3"), goldenRef, nil)
	if err != nil {
		t.Fatal(err)
	}
	ms := pageMeetings(doc, f, goldenRef)
	if len(ms) != 2 || ms[0].theme != "「純粋倫理と私」" || ms[1].theme != "「家庭は経営の土台」" {
		t.Fatalf("meetings %+v, want the two with their themes", ms)
	}
}
