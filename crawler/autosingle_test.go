package crawler

import (
	"strings"
	"testing"
)

// TestCrawlAutoStartsOnAnEventsOwnPage crawls a source whose start URL is
// one event's own page, as an operator adds a gathering they were sent a
// link to: a WordPress post of a chamber branch with its 日時/会場 table,
// a sidebar of other posts and a link to the next post. The page is the
// event; the sidebar's posts and the next post are not crawled.
func TestCrawlAutoStartsOnAnEventsOwnPage(t *testing.T) {
	pages := map[string]string{
		"/2026/11/shinshun/": `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8">
<title>【会員限定】新春賀詞交歓会のご案内 | 例商工会議所 北支部</title>
<meta property="og:title" content="【会員限定】新春賀詞交歓会のご案内">
<meta property="article:published_time" content="2026-11-20T09:12:33+09:00">
<link rel="next" href="/2026/11/zeimu-soudan/"></head>
<body class="post-template-default single single-post">
<header id="masthead"><nav><ul><li><a href="/">ホーム</a></li><li><a href="/category/event/">イベント情報</a></li><li><a href="/about/">支部について</a></li></ul></nav></header>
<main id="main"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">【会員限定】新春賀詞交歓会のご案内</h1>
<div class="entry-meta"><time class="entry-date published" datetime="2026-11-20T09:12:33+09:00">2026年11月20日</time> <span class="cat-links"><a href="/category/event/">イベント</a></span></div></header>
<div class="entry-content">
<p>新年を迎え、会員事業所の皆さまが一堂に会する賀詞交歓会を下記のとおり開催いたします。名刺交換を通じて、地域の事業者同士のつながりを深める機会としてご活用ください。</p>
<table class="wp-block-table"><tbody>
<tr><th>日時</th><td>令和9年1月14日（木）18:00～20:00（受付17:30～）</td></tr>
<tr><th>会場</th><td>ホテル例ノ森 2階 鳳凰の間（大阪市北区例町1-2-3）</td></tr>
<tr><th>会費</th><td>お一人 5,000円（当日受付にて）</td></tr>
<tr><th>定員</th><td>120名（先着順）</td></tr>
<tr><th>申込締切</th><td>令和8年12月25日（金）</td></tr>
</tbody></table>
<p>お申込みは下記フォームよりお願いいたします。</p>
<p><a href="/contact/">お問い合わせ</a></p>
</div>
<nav class="navigation post-navigation"><div class="nav-previous"><a href="/2026/11/koryu-golf/" rel="prev">前の記事 秋の会員親睦ゴルフ大会 開催報告</a></div>
<div class="nav-next"><a href="/2026/11/zeimu-soudan/" rel="next">次の記事 12月の税務相談日のお知らせ</a></div></nav>
</article></main>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">最近の投稿</h2><ul>
<li><a href="/2026/11/zeimu-soudan/">12月の税務相談日のお知らせ</a><span class="post-date">2026年11月18日</span></li>
<li><a href="/2026/11/dx-seminar/">12月10日 DX活用セミナー＆交流会</a><span class="post-date">2026年11月12日</span></li>
</ul></section></aside>
<footer id="colophon"><p>© 例商工会議所 北支部</p></footer></body></html>`,
		"/2026/11/zeimu-soudan/": `<html><head><title>12月の税務相談日のお知らせ</title></head><body><h1>12月の税務相談日のお知らせ</h1><p>日時：2026年12月9日（水）13:00～16:00</p></body></html>`,
		"/2026/11/dx-seminar/":   `<html><head><title>DX活用セミナー＆交流会</title></head><body><h1>DX活用セミナー＆交流会</h1><p>日時：2026年12月10日（木）15:00～</p></body></html>`,
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: one-event
    name: 例商工会議所 北支部
    kind: auto
    start_urls: ["%s/2026/11/shinshun/"]
    area: 大阪市北区
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	if len(evs) != 1 {
		t.Fatalf("events %v, want the page's one event; problems %q", evs, rep.Problems)
	}
	ev := evs[0]
	if !strings.Contains(ev.Title, "新春賀詞交歓会") || strings.Contains(ev.Title, "例商工会議所") {
		t.Errorf("title %q, want the post's heading", ev.Title)
	}
	if !ev.StartsAt.Equal(tokyo(2027, 1, 14, 18, 0)) || !ev.EndsAt.Equal(tokyo(2027, 1, 14, 20, 0)) {
		t.Errorf("when %v–%v, want 2027-01-14 18:00–20:00 (not the posting date nor the deadline)", ev.StartsAt, ev.EndsAt)
	}
	if !strings.HasPrefix(ev.Venue, "ホテル例ノ森") {
		t.Errorf("venue %q", ev.Venue)
	}
	if ev.URL != srv.URL+"/2026/11/shinshun/" {
		t.Errorf("url %q, want the page itself", ev.URL)
	}
	if strings.Contains(ev.Description, "税務相談") || strings.Contains(ev.Description, "ゴルフ") {
		t.Errorf("description holds the sidebar or the post links: %q", ev.Description)
	}
	for _, p := range rep.Problems {
		if strings.Contains(p, "no block that reads as an event") {
			t.Errorf("problem %q for a page that is an event", p)
		}
	}
	if rep.Pages != 1 {
		t.Errorf("%d pages fetched, want the start page only (no next post, no sidebar post)", rep.Pages)
	}
}

// TestCrawlAutoStartPageWithNoEvent keeps the operator's warning for a
// start page that is neither a list nor an event, and says why it is no
// event: a branch's about page (no event date), an owners' club's page of
// office notices whose lines carry dates (the office moves on 12月14日, a
// reply is due by 1月8日).
func TestCrawlAutoStartPageWithNoEvent(t *testing.T) {
	pages := map[string]string{
		"/about/": `<html><head><title>支部について | 例商工会議所 北支部</title></head><body>
<main><h1>支部について</h1><p>北支部は昭和52年に設立され、北区内の約1,200の会員事業所で構成されています。</p>
<table><tr><th>所在地</th><td>大阪市北区例町1-2-3 例会館4階</td></tr><tr><th>受付時間</th><td>平日 9:00～17:00</td></tr></table></main></body></html>`,
		"/oshirase.html": `<HTML><HEAD><TITLE>例北経営者クラブ　事務局からのお知らせ</TITLE></HEAD>
<BODY BGCOLOR="#FFFFEE"><TABLE WIDTH="640"><TR><TD>
<A HREF="index.html">ホーム</A> ｜ <A HREF="nyukai.html">入会案内</A> ｜ <B>事務局より</B>
<HR>
<P><FONT SIZE="+1"><B>例北経営者クラブ　事務局からのお知らせ</B></FONT></P>
<P>◆事務局の移転について<BR>
令和８年１２月１４日（月）より、事務局を例北ビル３階に移転いたします。電話番号は変わりません。</P>
<P>◆例会出欠のご連絡<BR>
１月例会の出欠は、１月８日（金）までに事務局へＦＡＸでお知らせください。</P>
</TD></TR></TABLE></BODY></HTML>`,
	}
	srv := servePages(t, pages)
	for _, c := range []struct{ path, why string }{
		{"/about/", "no event date"},
		{"/oshirase.html", "page of notices"},
	} {
		rep, evs, _ := crawlYAML(t, `
sources:
  - id: not-a-list
    name: 例商工会議所 北支部
    kind: auto
    start_urls: ["%s`+c.path+`"]
    delay: 1ms
`, srv.URL)
		if len(evs) != 0 {
			t.Errorf("%s: events %v", c.path, evs)
		}
		all := strings.Join(rep.Problems, "\n")
		if !strings.Contains(all, "no block that reads as an event found, nor is the page one event (") || !strings.Contains(all, c.why) {
			t.Errorf("%s: problems %q, want the page named as holding no event, %s", c.path, rep.Problems, c.why)
		}
	}
}
