package crawler

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestCrawlAutoBoardRepliesAnswerTheBoard crawls a CGI event board: posts
// newest first, each a table with its number, subject, poster, a 返信 link
// and the poster's text; the script answers every query it does not know
// (the reply form, the search) with the board's first page. Those links
// are no event pages: each post is read from the board, under its subject,
// and a search page is not an event.
func TestCrawlAutoBoardRepliesAnswerTheBoard(t *testing.T) {
	post := func(no, subject, poster, body string) string {
		return `<table width="90%" border="1" cellspacing="0" cellpadding="8"><tr><td>
<span class="num">[` + no + `]</span> <span class="sub"><b>` + subject + `</b></span><br>
<font size="2">投稿者：<b>` + poster + `</b>　投稿日：2026/12/0` + no[len(no)-1:] + `(土) 10:02</font> <font size="2">[<a href="board.cgi?mode=res&amp;no=` + no + `">返信</a>]</font>
<blockquote>` + body + `</blockquote>
</td></tr></table><br>`
	}
	board := `<html><head><title>イベント告知板 - 例のFM</title></head><body>
<font size="4"><b>■ イベント告知板</b></font><br>
<font size="2">[<a href="/">トップに戻る</a>] [<a href="board.cgi?mode=form">新規投稿</a>] [<a href="board.cgi?mode=find">ワード検索</a>]</font><hr>
` + post("33", "例の異業種交流会 3月例会", "事務局 中谷", `3月例会のご案内です。<br><br>日時：2027年3月12日（金）18:30〜20:30<br>会場：例の産業センター 4F 研修室（例線 例駅すぐ）<br>参加費：1,000円`) +
		post("32", "女性起業家の集い vol.5", "実行委員会", `ミニ講座と交流会です。<br><br>日時：12月12日（土）13:30〜16:30<br>会場：例のコミュニティルーム<br>参加費：1,500円`) +
		post("31", "朝活経営者の会 12月例会", "朝活の会", `日時：12月8日（火）6:30〜7:30（朝食付き）<br>会場：例のホテル 1F レストラン<br>会費：1,500円`) +
		`<font size="2">- YY-BOARD -</font></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/bbs/board.cgi" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(board)) // whatever the query
	}))
	defer srv.Close()
	rep, evs, err := crawlYAML(t, `
sources:
  - id: fm
    name: 例のFM
    kind: auto
    start_urls: ["%s/bbs/board.cgi"]
    area: 堺市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	want := map[string]string{
		"例の異業種交流会 3月例会":  "2027-03-12 18:30",
		"女性起業家の集い vol.5": "2026-12-12 13:30",
		"朝活経営者の会 12月例会":  "2026-12-08 06:30",
	}
	for _, e := range evs {
		w, ok := want[e.Title]
		if !ok {
			t.Errorf("event %q on %v from %s", e.Title, e.StartsAt, e.URL)
			continue
		}
		if got := e.StartsAt.Format("2006-01-02 15:04"); got != w {
			t.Errorf("%s: starts %s, want %s", e.Title, got, w)
		}
		if e.Title == "例の異業種交流会 3月例会" && e.Venue != "例の産業センター 4F 研修室" {
			t.Errorf("%s: venue %q, without the way there", e.Title, e.Venue)
		}
		delete(want, e.Title)
	}
	for title := range want {
		t.Errorf("%s not read", title)
	}
}
