package crawler

import (
	"testing"
	"time"
)

// post is a blog post as WordPress themes write it, body the entry's
// content.
func post(title, body string) string {
	return `<html><head><meta charset="utf-8"><title>` + title + ` | 例ビジネス交流会</title>
<meta property="article:published_time" content="2026-11-20T21:00:00+09:00"></head><body>
<header class="site-header"><p class="site-title"><a href="/">例ビジネス交流会</a></p></header>
<main><article class="post type-post"><header class="entry-header"><h1 class="entry-title">` + title + `</h1>
<div class="entry-meta"><time class="entry-date published" datetime="2026-11-20T21:00:00+09:00">2026年11月20日</time></div></header>
<div class="entry-content">` + body + `</div></article></main>
<aside class="widget-area"><section class="widget"><h2>最近の投稿</h2><ul><li><a href="/p/9/">11月の交流会のご報告</a></li></ul></section></aside>
<footer class="site-footer">© 例ビジネス交流会</footer></body></html>`
}

// meetingsOf reads page as a crawl of kind auto reads an event page, and
// returns the fields of each meeting it lists (nil when it is one event).
func meetingsOf(t *testing.T, page string) []Fields {
	t.Helper()
	doc := docOf(t, page)
	f, err := autoEvent(doc, mustURL("https://www.example.jp/2026/11/20/post/"), testNow, nil)
	if err != nil {
		t.Fatalf("not read as an event: %v", err)
	}
	var out []Fields
	for _, m := range pageMeetings(doc, f, testNow) {
		out = append(out, m.fields(f))
	}
	return out
}

// wantMeeting is one meeting a page lists: its start and end, title, venue.
type wantMeeting struct {
	start, end   time.Time
	title, venue string
}

func checkMeetings(t *testing.T, got []Fields, want []wantMeeting) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d meetings, want %d: %q", len(got), len(want), got)
	}
	for i, w := range want {
		e, err := BuildEvent(&Source{ID: "ex", Area: "大阪市"}, "https://www.example.jp/2026/11/20/post/", true, got[i], testNow)
		if err != nil {
			t.Fatalf("meeting %d: %v", i, err)
		}
		if !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) || e.Title != w.title || e.Venue != w.venue {
			t.Errorf("meeting %d: %v–%v %q at %q; want %v–%v %q at %q", i, e.StartsAt, e.EndsAt, e.Title, e.Venue, w.start, w.end, w.title, w.venue)
		}
	}
}

func TestPageMeetingsLines(t *testing.T) {
	// The next three meetings of a series, one a line without a year,
	// the venue and the fee stated once under them.
	page := post("朝活もくもく会 1月〜3月の日程", `<p>毎月第2水曜日の朝、出勤前にもくもく作業をする会です。次の3回の日程が決まりました。</p>
<h3>日程</h3>
<ul><li>#31　1月13日（水）7:00〜8:30</li><li>#32　2月10日（水）7:00〜8:30</li><li>#33　3月10日（水）7:00〜8:30　満席</li></ul>
<h3>概要</h3>
<ul><li>会場：例カフェ 2F（地下鉄本町駅 徒歩2分）</li><li>参加費：500円（ドリンク付）</li></ul>
<p>申込は各回の前日までにフォームから。</p>`)
	got := meetingsOf(t, page)
	checkMeetings(t, got, []wantMeeting{
		{tokyo(2027, 1, 13, 7, 0), tokyo(2027, 1, 13, 8, 30), "朝活もくもく会 #31", "例カフェ 2F"},
		{tokyo(2027, 2, 10, 7, 0), tokyo(2027, 2, 10, 8, 30), "朝活もくもく会 #32", "例カフェ 2F"},
		{tokyo(2027, 3, 10, 7, 0), tokyo(2027, 3, 10, 8, 30), "朝活もくもく会 #33", "例カフェ 2F"},
	})
	if len(got) == 3 && (statusOf(got[2][FieldStatus], got[2][FieldTitle]) != "full" || statusOf(got[0][FieldStatus], got[0][FieldTitle]) != "scheduled") {
		t.Errorf("statuses %q, %q: the third alone is full", got[0][FieldStatus], got[2][FieldStatus])
	}
}

func TestPageMeetingsSections(t *testing.T) {
	// A section per meeting, each with its heading, date and venue; the
	// last at another hall.
	page := post("【1月・2月】経営者勉強会のご案内", `<p>1月・2月の勉強会の日程をまとめてお知らせします。</p>
<p><strong>■第8回 経営者勉強会</strong><br>日時：2027年1月19日（火）18:30〜20:30<br>会場：例商工会館 3F 会議室<br>テーマ：事業承継の準備</p>
<p><strong>■第9回 経営者勉強会（特別編）</strong><br>日時：2027年2月16日（火）18:00〜20:30<br>会場：例ホテル 2F 宴会場<br>テーマ：新年度の資金繰り</p>
<p>参加費：1,000円／申込締切：各回の1週間前</p>`)
	checkMeetings(t, meetingsOf(t, page), []wantMeeting{
		{tokyo(2027, 1, 19, 18, 30), tokyo(2027, 1, 19, 20, 30), "第8回 経営者勉強会", "例商工会館 3F 会議室"},
		{tokyo(2027, 2, 16, 18, 0), tokyo(2027, 2, 16, 20, 30), "第9回 経営者勉強会（特別編）", "例ホテル 2F 宴会場"},
	})
}

func TestPageMeetingsCourse(t *testing.T) {
	// A course of two sessions on different days: each session is the
	// course the title names.
	page := post("創業セミナー（全2回）受講者募集", `<p>創業の準備を2回で学ぶ講座です。</p>
<p><strong>■日時</strong><br>第1回　2027年1月16日（土）13:00～15:00「資金計画の立て方」<br>第2回　2027年1月30日（土）13:00～15:00「販路の作り方」</p>
<p><strong>■場所</strong><br>例区民センター 2階 第1会議室（2回とも）</p>
<p><strong>■申込締切</strong><br>2027年1月8日（金）</p>`)
	checkMeetings(t, meetingsOf(t, page), []wantMeeting{
		{tokyo(2027, 1, 16, 13, 0), tokyo(2027, 1, 16, 15, 0), "創業セミナー（全2回）受講者募集", "例区民センター 2階 第1会議室"},
		{tokyo(2027, 1, 30, 13, 0), tokyo(2027, 1, 30, 15, 0), "創業セミナー（全2回）受講者募集", "例区民センター 2階 第1会議室"},
	})
}

// Pages whose other dates are no meetings of their own: one event each.
func TestPageMeetingsOneEvent(t *testing.T) {
	for _, tc := range []struct{ name, page string }{
		{"a course's two days", post("例DX実践講座", `<p>2日間で自社のDX計画を作る講座です。</p>
<h3>■1日目</h3><p>日時：12月5日（土）10:00〜17:00</p><h3>■2日目</h3><p>日時：12月12日（土）10:00〜16:00</p><p>会場：例産業会館 研修室</p>`)},
		{"a report of past meetings", post("定例交流会について", `<p>毎月第3木曜日に開いている異業種交流会です。</p>
<ul><li>第20回　10月15日（木）19:00〜21:00　28名が参加しました</li><li>第21回　11月19日（木）19:00〜21:00　31名が参加しました</li></ul>`)},
		{"two days in a row", post("例ものづくりフェア2026", `<p>会員企業の製品展示と商談会です。</p>
<ul><li>12月10日（木）10:00〜17:00</li><li>12月11日（金）10:00〜16:00</li></ul><p>会場：例産業会館 展示ホール</p>`)},
		{"a deadline and the next meeting", post("第22回 定例交流会のご案内", `<p>日時：12月17日（木）19:00〜21:00</p><p>会場：例ビル 5F</p>
<p>申込締切：12月10日（木）</p><p>次回は1月21日（木）19:00〜の予定です。</p>`)},
		{"one date of a recurring event", post("朝活読書会", `<div class="em-event-meta"><h3>日時</h3><p>2027/01/13</p><p>07:30 - 08:30</p></div>
<p>12月から2月までの3回シリーズです。</p><h3>開催日</h3>
<p>第1回 2026年12月9日（水）<br>第2回 2027年1月13日（水）<br>第3回 2027年2月10日（水）</p><p>いずれも7:30～8:30です。</p>`)},
		{"meetings that took place", post("定例交流会について", `<p>毎月第3木曜日に開いている異業種交流会です。会場は例ビル 5Fです。</p>
<h3>これまでの開催</h3><ul><li>第20回　10月15日（木）19:00〜21:00</li><li>第21回　11月19日（木）19:00〜21:00</li></ul>`)},
		{"a schedule of other events", post("12月例会のご案内", `<p>12月の例会を下記のとおり開催します。</p><h3>今後の予定</h3>
<ul><li>12月10日（木）18:30〜 例会</li><li>1月14日（木）18:30〜 新年会</li></ul><p>会場：例会館 2F</p>`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := meetingsOf(t, tc.page); got != nil {
				t.Errorf("read as %d meetings: %q", len(got), got)
			}
		})
	}
}

func TestSeriesName(t *testing.T) {
	for title, want := range map[string]string{
		"堺Tech定例ミートアップ 12月〜2月の日程": "堺Tech定例ミートアップ",
		"朝活もくもく会 10月・11月の日程":      "朝活もくもく会",
		"【1月〜3月】定例会の日程が決まりました":    "定例会",
		"2027年1月〜3月 例会のご案内":       "例会",
		"経営者勉強会":                  "経営者勉強会",
		"12月の日程":                  "12月の日程",
	} {
		if got := seriesName(title); got != want {
			t.Errorf("seriesName(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestCrawlAutoPostOfSeveralMeetings crawls a blog whose post lists the
// next three meetings: three events, one a meeting, each on its own day
// with its own id, all at the post's URL with the fee it states once.
func TestCrawlAutoPostOfSeveralMeetings(t *testing.T) {
	pages := map[string]string{
		"/blog/": `<html><head><title>お知らせ | 例ビジネス交流会</title></head><body><main><h1>お知らせ</h1>
<ul class="posts">
<li class="post-item"><time datetime="2026-11-20">2026.11.20</time> <a href="/blog/schedule-2027/">朝活もくもく会 1月〜3月の日程</a></li>
<li class="post-item"><time datetime="2026-11-10">2026.11.10</time> <a href="/blog/bonenkai/">12月18日（金）忘年交流会のご案内</a></li>
</ul></main></body></html>`,
		"/blog/schedule-2027/": post("朝活もくもく会 1月〜3月の日程", `<p>次の3回の日程が決まりました。</p><h3>日程</h3>
<ul><li>#31　1月13日（水）7:00〜8:30</li><li>#32　2月10日（水）7:00〜8:30</li><li>#33　3月10日（水）7:00〜8:30</li></ul>
<p>会場：例カフェ 2F／参加費：500円</p>`),
		"/blog/bonenkai/": post("12月18日（金）忘年交流会のご案内", `<p>日時：12月18日（金）19:00〜21:00</p><p>会場：例居酒屋 本町店</p>
<p>参加費：4,000円</p><p>申込締切：12月11日（金）</p>`),
	}
	srv := servePages(t, pages)
	rep, evs, err := crawlYAML(t, `
sources:
  - id: asakatsu
    name: 例ビジネス交流会
    kind: auto
    start_urls: ["%s/blog/"]
    area: 大阪市
    delay: 1ms
`, srv.URL)
	if err != nil {
		t.Fatalf("%v; problems %q", err, rep.Problems)
	}
	if len(evs) != 4 || rep.Events != 4 {
		t.Fatalf("%d events (report %d), want 4: %+v; problems %q", len(evs), rep.Events, evs, rep.Problems)
	}
	ids := map[string]bool{}
	for _, e := range evs {
		ids[e.ID] = true
	}
	if len(ids) != 4 {
		t.Errorf("%d ids for 4 events", len(ids))
	}
	titles := byTitle(evs)
	for i, day := range []time.Time{tokyo(2027, 1, 13, 7, 0), tokyo(2027, 2, 10, 7, 0), tokyo(2027, 3, 10, 7, 0)} {
		title := []string{"朝活もくもく会 #31", "朝活もくもく会 #32", "朝活もくもく会 #33"}[i]
		got := titles[title]
		if len(got) != 1 || !got[0].StartsAt.Equal(day) || got[0].URL != srv.URL+"/blog/schedule-2027/" ||
			got[0].Venue != "例カフェ 2F" || got[0].FeeYenMin == nil || *got[0].FeeYenMin != 500 {
			t.Errorf("%s: %+v", title, got)
		}
	}
	if got := titles["12月18日（金）忘年交流会のご案内"]; len(got) != 1 || !got[0].StartsAt.Equal(tokyo(2026, 12, 18, 19, 0)) {
		t.Errorf("忘年交流会: %+v", got)
	}
}

func TestPageMeetingsCourseSaidInTheText(t *testing.T) {
	// A 商工会's post: the text, not the title, says the course runs over
	// two sessions (2回にわたって); each session is the course the title
	// names. The page writes its 開催概要 as a table.
	page := post("記帳講習会（青色申告決算編）のご案内", `<p>個人事業者の方を対象に、記帳講習会を2回にわたって開催します。</p>
<table class="tbl01" summary="開催概要">
<tr><th>日時</th><td>第1回　令和9年1月19日（火）13:30〜16:00<br>第2回　令和9年1月26日（火）13:30〜16:00</td></tr>
<tr><th>場所</th><td>例商工会館 2階 研修室</td></tr>
<tr><th>受講料</th><td>会員無料、非会員1,000円（2回分）</td></tr></table>`)
	checkMeetings(t, meetingsOf(t, page), []wantMeeting{
		{tokyo(2027, 1, 19, 13, 30), tokyo(2027, 1, 19, 16, 0), "記帳講習会（青色申告決算編）のご案内", "例商工会館 2階 研修室"},
		{tokyo(2027, 1, 26, 13, 30), tokyo(2027, 1, 26, 16, 0), "記帳講習会（青色申告決算編）のご案内", "例商工会館 2階 研修室"},
	})
}

// A course's sessions written a date line each with the theme on the
// line under it: three meetings, each its own day, under the course's
// title.
func TestPageMeetingsThemeUnderItsDate(t *testing.T) {
	got := meetingsOf(t, post("組合向け研修会（全３回）のご案内", `<p>組合の役員・事務局職員の皆様を対象に、研修会を全３回にわたり開催いたします。</p>
<p>■日時・テーマ<br>
第１回　令和８年１２月９日（水）　午後２時～午後４時<br>
　　　　「組合運営の基礎」<br>
第２回　令和９年１月１４日（木）　午後２時～午後４時<br>
　　　　「組合の会計・税務の基本」<br>
第３回　令和９年２月１０日（水）　午後２時～午後４時３０分<br>
　　　　「情報セキュリティとＤＸ」</p>
<p>■会場　例産業会館　５階　会議室</p>`))
	title := "組合向け研修会（全３回）のご案内"
	checkMeetings(t, got, []wantMeeting{
		{tokyo(2026, 12, 9, 14, 0), tokyo(2026, 12, 9, 16, 0), title, "例産業会館 ５階 会議室"},
		{tokyo(2027, 1, 14, 14, 0), tokyo(2027, 1, 14, 16, 0), title, "例産業会館 ５階 会議室"},
		{tokyo(2027, 2, 10, 14, 0), tokyo(2027, 2, 10, 16, 30), title, "例産業会館 ５階 会議室"},
	})
}

// A course whose days are written as one month's list (12月3日（木曜日）、
// 10日（木曜日）…), the hours once under it for all of them: a meeting a
// day. A city's CMS writes it under 日時 headings; a 商工会's post as one
// labelled line with 各回 and the hours.
func TestPageMeetingsDayList(t *testing.T) {
	city := post("例市創業塾2026（全3回）", `<h2>日時</h2>
<p>令和8年12月3日（木曜日）、10日（木曜日）、17日（木曜日）<br>
いずれも午後6時30分から午後8時30分まで（全3回）</p>
<h2>場所</h2><p>例市ビジネスプラザ 3階 研修室<br>（例市江坂町X丁目X番X号）</p>
<h2>申込方法</h2><p>令和8年11月30日（月曜日）までに申込フォームからお申し込みください。</p>`)
	title := "例市創業塾2026（全3回）"
	checkMeetings(t, meetingsOf(t, city), []wantMeeting{
		{tokyo(2026, 12, 3, 18, 30), tokyo(2026, 12, 3, 20, 30), title, "例市ビジネスプラザ 3階 研修室"},
		{tokyo(2026, 12, 10, 18, 30), tokyo(2026, 12, 10, 20, 30), title, "例市ビジネスプラザ 3階 研修室"},
		{tokyo(2026, 12, 17, 18, 30), tokyo(2026, 12, 17, 20, 30), title, "例市ビジネスプラザ 3階 研修室"},
	})
	shokokai := post("パソコン講習会（全3回）受講者募集", `<p>■日時　1月13日（水）・20日（水）・2月3日（水）　各回 14:00～16:00</p>
<p>■会場　例商工会館 2階 研修室</p><p>■受講料　会員無料</p>`)
	title = "パソコン講習会（全3回）受講者募集"
	checkMeetings(t, meetingsOf(t, shokokai), []wantMeeting{
		{tokyo(2027, 1, 13, 14, 0), tokyo(2027, 1, 13, 16, 0), title, "例商工会館 2階 研修室"},
		{tokyo(2027, 1, 20, 14, 0), tokyo(2027, 1, 20, 16, 0), title, "例商工会館 2階 研修室"},
		{tokyo(2027, 2, 3, 14, 0), tokyo(2027, 2, 3, 16, 0), title, "例商工会館 2階 研修室"},
	})
	// The same said in a sentence: 日時は…の全3回、いずれも午後7時から9時.
	said := post("パソコン講習会「はじめてのエクセル」受講生募集", `<p>表計算ソフトの基本操作をわかりやすく指導します。<br>
日時は令和9年1月13日（水）・20日（水）・27日（水）の全3回、いずれも午後7時から9時までです（3回連続でのご受講をお願いします）。<br>
■会場　例みなと商工会館　2階　研修室<br>■申込締切　令和8年12月25日（金）</p>`)
	title = "パソコン講習会「はじめてのエクセル」受講生募集"
	checkMeetings(t, meetingsOf(t, said), []wantMeeting{
		{tokyo(2027, 1, 13, 19, 0), tokyo(2027, 1, 13, 21, 0), title, "例みなと商工会館 2階 研修室"},
		{tokyo(2027, 1, 20, 19, 0), tokyo(2027, 1, 20, 21, 0), title, "例みなと商工会館 2階 研修室"},
		{tokyo(2027, 1, 27, 19, 0), tokyo(2027, 1, 27, 21, 0), title, "例みなと商工会館 2階 研修室"},
	})
}

// A post lists two mornings under 日時, one a line, the second with a
// note after its hours: each is a meeting.
func TestPageMeetingsLineNote(t *testing.T) {
	page := post("役員朝礼（12月・1月）のご案内", `<p>役員・幹事の皆様へ。12月と1月の役員朝礼を下記のとおり行います。</p>
<div class="smb-box"><div class="smb-box__body"><p><strong>日時</strong></p>
<ul class="wp-block-list"><li>12月3日（木）7:00〜7:30</li>
<li>1月7日（木）7:00〜7:30　※新年最初の役員朝礼です</li></ul>
<p><strong>会場</strong>　株式会社例泉北商事 2階 会議室<br>（堺市南区城山台5丁1番2号）</p></div></div>`)
	title := "役員朝礼（12月・1月）のご案内"
	checkMeetings(t, meetingsOf(t, page), []wantMeeting{
		{tokyo(2026, 12, 3, 7, 0), tokyo(2026, 12, 3, 7, 30), title, "株式会社例泉北商事 2階 会議室"},
		{tokyo(2027, 1, 7, 7, 0), tokyo(2027, 1, 7, 7, 30), title, "株式会社例泉北商事 2階 会議室"},
	})
}

// A reservation service's menu page gives each date of a seminar its day
// over its hours over its seats (2027年1月14日(木) / 14:00 〜 16:00 /
// 残り3席予約する): each date is a meeting, with its own hours and state.
func TestPageMeetingsSlotLines(t *testing.T) {
	page := `<html><head><title>労務トピックス総点検セミナー | 例事務所 | STORES 予約</title></head><body><main>
<h1>労務トピックス総点検セミナー</h1><dl><dt>料金</dt><dd>3,300円（税込）</dd><dt>所要時間</dt><dd>120分</dd></dl>
<section><h2>開催日程</h2><ul>
<li><div><p>2027年1月14日(木)</p><p>14:00 〜 16:00</p></div><div><span>残り3席</span><a href="/booking/1">予約する</a></div></li>
<li><div><p>2027年1月21日(木)</p><p>18:30 〜 20:30</p></div><div><span>残り11席</span><a href="/booking/2">予約する</a></div></li>
<li><div><p>2027年1月28日(木)</p><p>14:00 〜 16:00</p></div><div><span>満席</span></div></li></ul></section>
<section><h2>会場</h2><p>例梅田ビル 8階 セミナールーム</p><p>大阪府大阪市北区例梅田1丁目X-X</p></section></main></body></html>`
	got := meetingsOf(t, page)
	title := "労務トピックス総点検セミナー"
	checkMeetings(t, got, []wantMeeting{
		{tokyo(2027, 1, 14, 14, 0), tokyo(2027, 1, 14, 16, 0), title, "例梅田ビル 8階 セミナールーム"},
		{tokyo(2027, 1, 21, 18, 30), tokyo(2027, 1, 21, 20, 30), title, "例梅田ビル 8階 セミナールーム"},
		{tokyo(2027, 1, 28, 14, 0), tokyo(2027, 1, 28, 16, 0), title, "例梅田ビル 8階 セミナールーム"},
	})
	if st := got[2][FieldStatus]; st != "満席" {
		t.Errorf("the third date's status %q, want 満席", st)
	}
}

// A reservation service's menu page lists the dates still open; its
// notice takes one off (12月15日(火) 14:00〜16:00の回は…中止): that date is
// one of the meetings, cancelled, beside the one still listed.
func TestPageMeetingsCalledOffDate(t *testing.T) {
	page := `<html><head><title>就業規則 見直し勉強会 | 例事務所 | STORES 予約</title></head><body><main>
<h1>就業規則 見直し勉強会</h1><dl><dt>料金</dt><dd>3,300円（税込）</dd></dl>
<div class="notice"><p>【重要なお知らせ】</p><p>12月15日(火) 14:00〜16:00の回は、講師の体調不良により中止とさせていただきます。</p>
<p>1月19日(火)の回へのお振替も承ります。</p></div>
<section><h2>開催日程</h2><ul><li><div><p>2027年1月19日(火)</p><p>14:00 〜 16:00</p></div><div><span>残り5席</span><a href="/booking/9">予約する</a></div></li></ul></section>
<section><h2>会場</h2><p>例梅田ビル 8階 セミナールーム</p></section></main></body></html>`
	got := meetingsOf(t, page)
	title := "就業規則 見直し勉強会"
	checkMeetings(t, got, []wantMeeting{
		{tokyo(2026, 12, 15, 14, 0), tokyo(2026, 12, 15, 16, 0), title, "例梅田ビル 8階 セミナールーム"},
		{tokyo(2027, 1, 19, 14, 0), tokyo(2027, 1, 19, 16, 0), title, "例梅田ビル 8階 セミナールーム"},
	})
	if st := got[0][FieldStatus]; st != "中止" {
		t.Errorf("12月15日's status %q, want 中止", st)
	}
}

func TestPageMeetingsPictographDatesAndHoursForEvery(t *testing.T) {
	// A newsletter's post of the next meetings, each under its heading
	// with a 📅 line; the hours and the place written once for every one
	// in a sentence, one meeting at another hall, and an extra morning
	// meeting with hours of its own (the only date with hours: the page's
	// own reading, whose hours are that meeting's, not the others').
	page := post("年明けからの例会、3回分の日程です", `<p>こんにちは、世話人の例川です。年明けからの例会の日程をまとめてお知らせします。</p>
<p>時間はどの回も <strong>18:30〜20:30</strong>（18:15から受付）、場所は <strong>例ベース 3F</strong>（大阪市北区例町1-2-3 例ビル3F／梅田駅から徒歩5分）です。</p>
<h3>1月例会「今年の目標発表会」</h3>
<p>📅 1月14日（木）</p>
<p>ひとり1分で今年の目標を発表します。</p>
<h3>2月例会「決算前のお金の話」</h3>
<p>📅 2月18日（木）</p>
<p>会場：<strong>例駅前センター 6F 会議室B</strong>（大阪市北区例町4-5-6／地下鉄 例駅 1番出口すぐ）<br>この回だけ会場が変わります。</p>
<h3>番外編：新春 朝活交流会</h3>
<p>📅 1月9日（土）8:00〜9:30<br>場所：例カフェ 2F</p>
<h4>お申し込み</h4><p>各回とも前日までにフォームからお申し込みください。</p>`)
	checkMeetings(t, meetingsOf(t, page), []wantMeeting{
		{tokyo(2027, 1, 14, 18, 30), tokyo(2027, 1, 14, 20, 30), "1月例会「今年の目標発表会」", "例ベース 3F"},
		{tokyo(2027, 2, 18, 18, 30), tokyo(2027, 2, 18, 20, 30), "2月例会「決算前のお金の話」", "例駅前センター 6F 会議室B"},
		{tokyo(2027, 1, 9, 8, 0), tokyo(2027, 1, 9, 9, 30), "番外編：新春 朝活交流会", "例カフェ 2F"},
	})
}
