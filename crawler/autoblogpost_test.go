package crawler

import (
	"errors"
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
