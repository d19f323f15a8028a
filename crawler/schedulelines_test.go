package crawler

import (
	"strings"
	"testing"
	"time"
)

// Schedules written as lines of text: a site builder's paragraphs under a
// heading that alone gives the year, the hours and the place stated once
// above them, a meeting's theme among its speaker and notes.

func TestAutoListScheduleLinesUnderAYearHeading(t *testing.T) {
	// A site builder's page (generated classes, nested divs, one
	// <p><span> per line): the hours and the hall once, then one line per
	// Tuesday under "2027年2月・3月の予定"; a week off.
	lp := autoItems(t, "https://www.example.jp/view/kita-rinri/ms", `<html><body><div class="UtePc" role="main">
<section class="yaqOZd"><div class="mYVXT"><div class="tyJCtd"><h2 class="zfr3Q duRjpb"><span class="C9DxTc">毎週火曜日 朝6時から</span></h2>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">経営者モーニングセミナーは、毎週火曜日の早朝に開いている勉強会です。</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc" style="font-weight: 700;">日時：毎週火曜日　朝6:00～7:00（受付5:45～）</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc" style="font-weight: 700;">会場：ホテル北浜クレスト 3階 会議室「桜」</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">参加費：無料</span></p>
</div></div></section>
<section class="yaqOZd"><div class="mYVXT"><div class="tyJCtd"><h2 class="zfr3Q duRjpb"><span class="C9DxTc">2027年2月・3月の予定</span></h2>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc" style="font-weight: 700;">2月</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">2月2日　講師：株式会社北浜商事 代表取締役　木村 亮 氏　テーマ「素直な心が道をひらく」</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">2月9日　休会（会場都合のため）</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">2月16日　講師：倫理研究所 法人アドバイザー　佐藤 由美 氏　テーマ「働く喜びと感謝」</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc" style="font-weight: 700;">3月</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">3月2日　講師：有限会社天満工務店 専務　西田 隼 氏　テーマ「後継者としての覚悟」</span></p>
</div></div></section></div></body></html>`)
	want := []struct {
		title      string
		start, end time.Time
	}{
		{"素直な心が道をひらく", tokyo(2027, 2, 2, 6, 0), tokyo(2027, 2, 2, 7, 0)},
		{"働く喜びと感謝", tokyo(2027, 2, 16, 6, 0), tokyo(2027, 2, 16, 7, 0)},
		{"後継者としての覚悟", tokyo(2027, 3, 2, 6, 0), tokyo(2027, 3, 2, 7, 0)},
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("items %+v, refused %v", lp.Items, lp.Refused)
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) || e.Venue != "ホテル北浜クレスト 3階 会議室「桜」" {
			t.Errorf("%d: %q %v – %v at %q, want %+v", i, e.Title, e.StartsAt, e.EndsAt, e.Venue, w)
		}
	}
	if len(lp.Refused) != 1 {
		t.Errorf("refused %v, want the week off", lp.Refused)
	}
}

func TestAutoListDatedLinesOfPostsWithoutYearHeading(t *testing.T) {
	// Lines that start with a day but stand under no heading naming a
	// year are not read as a schedule: the date may be a post's.
	lp := autoItems(t, "https://www.example.jp/news.html", `<html><body><div class="news">
<h2>お知らせ</h2>
<p>12月1日　年末年始の窓口業務についてのお知らせ</p>
<p>11月20日　会報第120号を発行しました</p>
<p>11月5日　ホームページをリニューアルしました</p>
</div></body></html>`)
	if len(lp.Items) != 0 {
		t.Errorf("items %+v", lp.Items)
	}
}

func TestScheduleTitle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"第47回　2026年12月18日(金)　19:00～21:00　忘年会スペシャル　残りわずか", "第47回 忘年会スペシャル"},
		{"第48回 2027年1月15日(金) 19:00～21:00 新春名刺交換会 満席", "第48回 新春名刺交換会"},
		{"第49回 2027年2月19日(金) 19:00～21:00 テーマ「飲食・小売×IT」 受付中", "第49回 飲食・小売×IT"},
		{"第46回 2026年11月20日(金) テーマ「1分自己紹介グランプリ」 参加者41名", "第46回 1分自己紹介グランプリ"},
		{"第50回 2027年3月19日(金) 18:30～21:30 50回記念パーティー ※2月1日(月)より受付開始", "第50回 50回記念パーティー"},
		{"講師：倫理研究所 法人アドバイザー 山下 恵子 氏 テーマ「苦難は幸福の門」", "苦難は幸福の門"},
		{"新春モーニングセミナー 講師：同会 会長 藤原 義明 氏 テーマ「年頭にあたり 今年の誓い」", "年頭にあたり 今年の誓い"},
		{"経営セミナー「人手不足時代の採用と定着」 講師：社会保険労務士 田中 誠 氏", "経営セミナー「人手不足時代の採用と定着」"},
		{"【中止】新春交流会", "【中止】新春交流会"},
		{"満席御礼セミナー", "満席御礼セミナー"},
	} {
		if got := scheduleTitle(c.in); got != c.want {
			t.Errorf("scheduleTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAutoListLandingPageScheduleParagraphs(t *testing.T) {
	// A landing page builder's monthly meet-up: schedule paragraphs with
	// the number, date, hours, name and booking state; one meeting with a
	// note that opens its bookings later and moves it to another hall; the
	// standing hours and hall in the 開催概要 table below.
	lp := autoItems(t, "https://www.example.jp/landing_pages/view/umedamix", `<html><body>
<div class="p-section"><div class="container">
<div class="p-block p-block--heading"><h2 class="p-heading"><strong>開催スケジュール</strong></h2></div>
<div class="p-block p-block--text">
<p>■ 第21回　2027年1月22日(金)　19:00～21:00　新年名刺交換会　<span class="sold-out">満席</span></p>
<p>■ 第22回　2027年2月26日(金)　19:00～21:00　テーマ「製造業×デザイン」　受付中</p>
<p>■ 第23回　2027年3月26日(金)　18:00～21:00　2周年記念パーティー　※2月1日(月)より受付開始<br>
<span style="font-size: 13px;">※第23回のみ会場が「ホテル梅田スカイ 5F 銀河の間」（大阪市北区梅田3丁目1-1）となります。</span></p>
<p style="font-size: 12px;">※満席の回はキャンセル待ちを受け付けています。</p>
</div></div></div>
<div class="p-section"><div class="container">
<div class="p-block p-block--heading"><h2 class="p-heading"><strong>開催概要・アクセス</strong></h2></div>
<table class="p-table"><tr><th>開催日時</th><td>毎月第4金曜日 19:00～21:00</td></tr>
<tr><th>会場</th><td>梅田ビジネスラウンジ 12F セミナールーム<br>大阪市北区梅田1丁目2-3</td></tr>
<tr><th>参加費</th><td>3,000円</td></tr></table>
</div></div></body></html>`)
	want := []struct {
		title, venue, status string
		start, end           time.Time
	}{
		{"第21回 新年名刺交換会", "梅田ビジネスラウンジ 12F セミナールーム", "full", tokyo(2027, 1, 22, 19, 0), tokyo(2027, 1, 22, 21, 0)},
		{"第22回 製造業×デザイン", "梅田ビジネスラウンジ 12F セミナールーム", "scheduled", tokyo(2027, 2, 26, 19, 0), tokyo(2027, 2, 26, 21, 0)},
		{"第23回 2周年記念パーティー", "ホテル梅田スカイ 5F 銀河の間", "scheduled", tokyo(2027, 3, 26, 18, 0), tokyo(2027, 3, 26, 21, 0)},
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("items %+v, refused %v", lp.Items, lp.Refused)
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || e.Venue != w.venue || string(e.Status) != w.status || !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) {
			t.Errorf("%d: %q %q %s %v – %v, want %+v", i, e.Title, e.Venue, e.Status, e.StartsAt, e.EndsAt, w)
		}
	}
}

func TestSentencesSplitBeforeANote(t *testing.T) {
	got := strings.Join(sentences("第23回 2027年3月26日(金) 18:00～21:00 記念パーティー ※2月1日(月)より受付開始。詳細は後日"), " | ")
	want := "第23回 2027年3月26日(金) 18:00～21:00 記念パーティー | ※2月1日(月)より受付開始 | 詳細は後日"
	if got != want {
		t.Errorf("sentences: %q, want %q", got, want)
	}
}

func TestAutoListTableRowPostponedByItsNote(t *testing.T) {
	// A branch office's seminar table: the 【延期】 row still shows its
	// old date, the note under its title the new one; credit lines (共催：
	// …, 講師：…) under titles are no part of them.
	lp := autoItems(t, "https://www.example.jp/branch/sakai_seminar.html", `<html><body><div id="main">
<h2>堺支店 セミナー・相談会のご案内</h2>
<table class="tbl-seminar"><thead><tr><th scope="col">開催日</th><th scope="col">セミナー名</th><th scope="col">会場</th><th scope="col">定員</th><th scope="col">申込</th></tr></thead>
<tbody>
<tr><td>令和9年1月20日(水)<br>14:00-16:00</td>
<td><span class="txt-red">【延期】</span>補助金活用セミナー<br><span class="txt-small txt-red">※講師の都合により、令和9年2月17日(水)14:00-16:00に延期いたします。</span></td>
<td>堺支店 4階会議室<br>（堺市堺区北瓦町2-1-1）</td><td>20名</td>
<td><a href="https://forms.example.net/f/a1b2c3" class="btn-apply">申込フォーム</a></td></tr>
<tr><td>令和9年2月3日(水)<br>13:30-15:30</td>
<td>事業承継セミナー「親族内承継の進め方」<br><span class="txt-small">共催：堺事業承継ネットワーク</span></td>
<td>堺支店 4階会議室<br>（堺市堺区北瓦町2-1-1）</td><td>30名</td>
<td><a href="https://forms.example.net/f/d4e5f6" class="btn-apply">申込フォーム</a></td></tr>
<tr><td>令和9年3月10日(水)<br>14:00-16:00</td>
<td>経営セミナー<br>「価格転嫁の進め方」<br>講師：中小企業診断士 山田 太郎 氏</td>
<td>堺支店 4階会議室</td><td>30名</td>
<td><a href="https://forms.example.net/f/g7h8i9" class="btn-apply">申込フォーム</a></td></tr>
</tbody></table></div></body></html>`)
	want := []struct {
		title, status string
		start, end    time.Time
	}{
		{"【延期】補助金活用セミナー", "postponed", tokyo(2027, 2, 17, 14, 0), tokyo(2027, 2, 17, 16, 0)},
		{"事業承継セミナー「親族内承継の進め方」", "scheduled", tokyo(2027, 2, 3, 13, 30), tokyo(2027, 2, 3, 15, 30)},
		{"経営セミナー 「価格転嫁の進め方」", "scheduled", tokyo(2027, 3, 10, 14, 0), tokyo(2027, 3, 10, 16, 0)},
	}
	if len(lp.Items) != len(want) {
		t.Fatalf("items %+v, refused %v", lp.Items, lp.Refused)
	}
	for i, w := range want {
		e := wholeEvent(t, lp.Items[i])
		if e.Title != w.title || string(e.Status) != w.status || !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) || e.Venue != "堺支店 4階会議室" {
			t.Errorf("%d: %q %s %v – %v at %q, want %+v", i, e.Title, e.Status, e.StartsAt, e.EndsAt, e.Venue, w)
		}
	}
}

func TestPostponedTo(t *testing.T) {
	for _, c := range []struct{ note, want string }{
		{"※講師の都合により、令和9年1月27日(水)10:00-12:00に延期いたします。既にお申込みの方には個別にご連絡いたします。", "令和9年1月27日(水)10:00-12:00"},
		{"※荒天のため2月5日（金）へ延期します", "2月5日（金）"},
		{"※延期となりました。新しい日程は決まり次第お知らせします。", ""},
		{"※雨天の場合は翌日に延期します", ""},
	} {
		if got := postponedTo(c.note); got != c.want {
			t.Errorf("postponedTo(%q) = %q, want %q", c.note, got, c.want)
		}
	}
}

func TestAutoListTableRowOfABusTour(t *testing.T) {
	// A business club's schedule table (HTML 4.01 layout): a bus tour
	// whose time cell gives when it gathers and parts, whose place cell
	// names the plant visited with the meeting point in a labelled
	// bracket under it, and whose title cell notes it is full.
	lp := autoItems(t, "https://www.example.jp/club/gyoji.html", `<html><body>
<table width="740" border="0" cellpadding="0" cellspacing="0"><tr><td id="main">
<p><b>令和8年度 行事予定</b></p>
<table width="100%" border="1" cellpadding="4" cellspacing="0">
<tr><th bgcolor="#D9E8F5">日程</th><th bgcolor="#D9E8F5">時間</th><th bgcolor="#D9E8F5">行事</th><th bgcolor="#D9E8F5">会場</th><th bgcolor="#D9E8F5">ご案内</th></tr>
<tr><td align="center">2月18日(木)</td><td align="center">8:00集合<br>18:00頃解散</td>
<td>視察研修会<br>「播磨の酒蔵と造船所を訪ねる」<br><font color="#CC0000">※定員（35名）に達したため、受付を締め切りました。</font></td>
<td>見学先：播州造船株式会社 相生工場<br>（集合：JR天王寺駅 東口、貸切バスにて移動）</td>
<td align="center"><a href="pdf/r8_0218_shisatsu.pdf">案内チラシ</a></td></tr>
<tr><td align="center">3月11日(木)</td><td align="center">14:00～16:00</td>
<td>経営セミナー「インボイス後の価格交渉」</td><td>当金庫本店 5階 大会議室</td>
<td align="center"><a href="pdf/r8_0311_seminar.pdf">案内チラシ</a></td></tr>
</table></td></tr></table></body></html>`)
	if len(lp.Items) != 2 {
		t.Fatalf("items %+v, refused %v", lp.Items, lp.Refused)
	}
	e := wholeEvent(t, lp.Items[0])
	if !e.StartsAt.Equal(tokyo(2027, 2, 18, 8, 0)) || !e.EndsAt.Equal(tokyo(2027, 2, 18, 18, 0)) || e.Venue != "播州造船株式会社 相生工場" || string(e.Status) != "full" {
		t.Errorf("tour: %v – %v at %q, %s", e.StartsAt, e.EndsAt, e.Venue, e.Status)
	}
	e = wholeEvent(t, lp.Items[1])
	if !e.StartsAt.Equal(tokyo(2027, 3, 11, 14, 0)) || e.Venue != "当金庫本店 5階 大会議室" || string(e.Status) != "scheduled" {
		t.Errorf("seminar: %v at %q, %s", e.StartsAt, e.Venue, e.Status)
	}
}

func TestAutoListEventSectionBesideASchedule(t *testing.T) {
	// A site builder's page: one section holds the schedule's lines, the
	// next one a single event of its own (heading, 日時 and 会場 lines, a
	// deadline), the last a contact button. The single event is read with
	// its own hours and hall, not the schedule's.
	lp := autoItems(t, "https://www.example.jp/view/kita-rinri/ms", `<html><body><div class="UtePc" role="main">
<section class="yaqOZd qeLZfd"><div class="mYVXT"><div class="tyJCtd">
<h2 class="zfr3Q duRjpb"><span class="C9DxTc">毎週水曜日 朝6時30分から</span></h2>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">日時：毎週水曜日　朝6:30～7:30</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">会場：北浜ビジネスホテル 1階 レストラン「楓」</span></p>
</div></div></section>
<section class="yaqOZd qeLZfd"><div class="mYVXT"><div class="tyJCtd">
<h2 class="zfr3Q duRjpb"><span class="C9DxTc">2027年2月の予定</span></h2>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">2月3日　講師：北浜印刷株式会社 代表取締役　小川 修 氏　テーマ「感謝の心で人が育つ」</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">2月10日　講師：倫理研究所 法人アドバイザー　中村 智子 氏　テーマ「明朗な職場のつくり方」</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">2月17日　講師：有限会社天満ベーカリー 代表　松本 亘 氏　テーマ「朝の一言が店を変えた」</span></p>
</div></div></section>
<section class="yaqOZd qeLZfd"><div class="mYVXT"><div class="tyJCtd">
<h2 class="zfr3Q duRjpb"><span class="C9DxTc">経営者のつどい 特別講演会</span></h2>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">会員以外の方もご参加いただけます。</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">日時：2月26日（金）18:30～20:30（受付18:00～）</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">会場：リーガロイヤル北浜 2階 桐の間</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">会費：3,000円</span></p>
<p class="zfr3Q CDt4Ke"><span class="C9DxTc">お申込みは</span><span class="C9DxTc"><a href="https://docs.google.com/forms/d/e/1FAIpQL/viewform">こちらのフォーム</a></span><span class="C9DxTc">から（締切：2月19日）</span></p>
</div></div></section>
<section class="yaqOZd qeLZfd"><div class="mYVXT"><div class="tyJCtd"><div class="sXd38c"><a href="/view/kita-rinri/contact"><div class="NsaAfc"><p>お問い合わせ</p></div></a></div></div></div></section>
</div></body></html>`)
	if len(lp.Items) != 4 {
		t.Fatalf("items %+v, refused %v", lp.Items, lp.Refused)
	}
	e := wholeEvent(t, lp.Items[3])
	if e.Title != "経営者のつどい 特別講演会" || !e.StartsAt.Equal(tokyo(2027, 2, 26, 18, 30)) || !e.EndsAt.Equal(tokyo(2027, 2, 26, 20, 30)) || e.Venue != "リーガロイヤル北浜 2階 桐の間" {
		t.Errorf("lecture: %q %v – %v at %q", e.Title, e.StartsAt, e.EndsAt, e.Venue)
	}
	e = wholeEvent(t, lp.Items[0])
	if e.Title != "感謝の心で人が育つ" || !e.StartsAt.Equal(tokyo(2027, 2, 3, 6, 30)) || e.Venue != "北浜ビジネスホテル 1階 レストラン「楓」" {
		t.Errorf("first seminar: %q %v at %q", e.Title, e.StartsAt, e.Venue)
	}
}
