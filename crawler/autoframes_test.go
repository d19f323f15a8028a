package crawler

import (
	"slices"
	"strings"
	"testing"
)

// TestCrawlAutoReadsAFrameset crawls a site of the 2000s whose top page
// is a <frameset>: a menu frame and a main frame, no <body>. The schedule
// is neither frame but the page the menu links as 行事予定; the main
// frame's news links it too. Auto reads the frames as the page they make
// up, and the menu, which lists no event, for the link to its schedule.
func TestCrawlAutoReadsAFrameset(t *testing.T) {
	pages := map[string]string{
		"/": `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">
<HTML><HEAD><META http-equiv="Content-Type" content="text/html; charset=UTF-8"><TITLE>例商工会青年部</TITLE></HEAD>
<FRAMESET cols="180,*" frameborder="0">
<FRAME src="menu.htm" name="menu" noresize>
<FRAME src="main.htm" name="main">
<NOFRAMES><BODY><A href="gyoji.htm">行事予定</A></BODY></NOFRAMES>
</FRAMESET></HTML>`,
		"/menu.htm": `<HTML><HEAD><TITLE>menu</TITLE></HEAD><BODY bgcolor="#003366">
<TABLE width="160"><TR><TD><A href="main.htm" target="main">トップ</A></TD></TR>
<TR><TD><A href="aisatsu.htm" target="main">部長あいさつ</A></TD></TR>
<TR><TD><A href="gyoji.htm" target="main">行事予定</A></TD></TR>
<TR><TD><A href="nyukai.htm" target="main">入会のご案内</A></TD></TR>
<TR><TD><A href="https://www.example-kenren.jp/" target="_blank">県連合会</A></TD></TR></TABLE>
<FONT size="1">事務局 TEL 06-0000-0000</FONT></BODY></HTML>`,
		"/main.htm": `<HTML><HEAD><TITLE>例商工会青年部</TITLE></HEAD><BODY>
<IMG src="img/top.jpg" alt="例商工会青年部"><BR>
<TABLE width="560"><TR><TD colspan="2"><B>■ 更新情報</B></TD></TR>
<TR><TD>2026.11.20</TD><TD>部長あいさつを更新しました</TD></TR>
<TR><TD>2026.10.01</TD><TD>新入部員を募集しています</TD></TR></TABLE></BODY></HTML>`,
		"/gyoji.htm": `<HTML><HEAD><TITLE>行事予定</TITLE></HEAD><BODY>
<B>2026年度 行事予定</B><BR>
<TABLE border="1" cellpadding="4">
<TR bgcolor="#003366"><TD>月日</TD><TD>行事名</TD><TD>場所</TD></TR>
<TR><TD>12月4日(金)<BR>19:00～</TD><TD>12月例会</TD><TD>例商工会館 2階 会議室</TD></TR>
<TR><TD>12月18日(金)<BR>18:30～</TD><TD>忘年会</TD><TD>割烹 例屋</TD></TR>
<TR><TD>1月15日(金)<BR>19:00～</TD><TD>新年例会</TD><TD>例商工会館 2階 会議室</TD></TR>
</TABLE></BODY></HTML>`,
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: frames
    name: 例商工会青年部
    kind: auto
    start_urls: ["%s/"]
    area: 大阪市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	var got []string
	for _, e := range evs {
		got = append(got, e.StartsAt.Format("2006-01-02T15:04")+" "+e.Title+" @ "+e.Venue)
	}
	slices.Sort(got)
	want := []string{
		"2026-12-04T19:00 12月例会 @ 例商工会館 2階 会議室",
		"2026-12-18T18:30 忘年会 @ 割烹 例屋",
		"2027-01-15T19:00 新年例会 @ 例商工会館 2階 会議室",
	}
	if !slices.Equal(got, want) {
		t.Errorf("events\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range rep.Problems {
		if strings.Contains(p, "no body") || strings.Contains(p, "/menu.htm") {
			t.Errorf("problem %q: the frameset and its menu lead to the schedule", p)
		}
	}
}

// TestAutoListFramesFromTheSiteOnly: a page's frames and iframes of its
// own host are read as its content; a map or a calendar service embedded
// from elsewhere is not.
func TestAutoListFramesFromTheSiteOnly(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/access.html", `<html><body><h1>アクセス・行事</h1>
<iframe src="https://www.google.com/maps/embed?pb=!1m18" width="600" height="450"></iframe>
<iframe src="/calendar/embed.html" width="600" height="400"></iframe>
<iframe src="https://calendar.google.com/calendar/embed?src=abc" width="600"></iframe>
</body></html>`)
	if want := []string{"https://www.example.jp/calendar/embed.html"}; !slices.Equal(lp.Next, want) {
		t.Errorf("next %q, want %q", lp.Next, want)
	}
}
