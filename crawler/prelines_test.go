package crawler

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// A study group's schedule written as one <pre>: sections between rules,
// labels spaced to align (演　題, 会　場), the usual hours and hall stated
// once in a sentence, past meetings as a text table under a dashed line.
func TestAutoListPreformattedSchedule(t *testing.T) {
	lp := autoItems(t, "https://www.example.jp/yotei.html", `<HTML><BODY><PRE>
<A HREF="index.html">トップ</A>　｜　<B>例会予定</B>　｜　<A HREF="kaisoku.html">会則</A>

━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　　<B>北浜経営懇話会</B>　　例会予定　令和８年度（下期）
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

　当会の例会は、原則として毎月第三水曜日、午後六時から八時まで、
　北浜ビジネス会館（北浜２－１）３階　大会議室にて開いております。

────────────────────────────────
■第２０５回例会　　１２月１６日（水）
────────────────────────────────
　演　題　「中小企業の価格交渉　実例と準備」
　講　師　中小企業診断士　木村　誠　氏
　会　場　いつもの会場（北浜ビジネス会館３階　大会議室）

────────────────────────────────
■青年部　勉強会　　１２月２０日（日）　午前十時～正午
────────────────────────────────
　会　場　事務局会議室（北浜第二ビル５階）

────────────────────────────────
■第２０６回例会　　１月２０日（水）
────────────────────────────────
　演　題　「事業承継の落とし穴」
　講　師　税理士　山田　花子　氏

━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
◇これまでの例会（令和８年度）
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　回　　 月　日　　　　演　題　　　　　　　　　　講　師
　－－－ －－－－－－－ －－－－－－－－－－－－ －－－－－－
　２０４ １１月１８日（水） 補助金申請の勘所　 行政書士　中村　徹　氏
　２０３ １０月２１日（水） 物流コストの見直し方　 物流コンサルタント　林　一郎　氏
</PRE></BODY></HTML>`)
	type want struct {
		start, end time.Time
		venue      string
	}
	hall := "北浜ビジネス会館３階 大会議室"
	wants := map[string]want{
		"中小企業の価格交渉 実例と準備": {tokyo(2026, 12, 16, 18, 0), tokyo(2026, 12, 16, 20, 0), "北浜ビジネス会館３階 大会議室"},
		"青年部 勉強会":         {tokyo(2026, 12, 20, 10, 0), tokyo(2026, 12, 20, 12, 0), "事務局会議室（北浜第二ビル５階）"},
		"事業承継の落とし穴":       {tokyo(2027, 1, 20, 18, 0), tokyo(2027, 1, 20, 20, 0), hall},
		"補助金申請の勘所":        {tokyo(2026, 11, 18, 18, 0), tokyo(2026, 11, 18, 20, 0), hall},
		"物流コストの見直し方":      {tokyo(2026, 10, 21, 18, 0), tokyo(2026, 10, 21, 20, 0), hall},
	}
	got := map[string]bool{}
	for _, it := range lp.Items {
		e := wholeEvent(t, it)
		got[e.Title] = true
		w, ok := wants[e.Title]
		if !ok {
			t.Errorf("unexpected %q (fields %q)", e.Title, it.Fields)
			continue
		}
		if !e.StartsAt.Equal(w.start) || !e.EndsAt.Equal(w.end) || e.Venue != w.venue {
			t.Errorf("%s: %v–%v at %q, want %v–%v at %q", e.Title, e.StartsAt, e.EndsAt, e.Venue, w.start, w.end, w.venue)
		}
	}
	for title := range wants {
		if !got[title] {
			t.Errorf("%s: not found", title)
		}
	}
}

// A building and its floor in brackets after a room name the place; only
// an address is moved out of the venue.
func TestSplitAddressKeepsBuildingFloor(t *testing.T) {
	for venue, want := range map[string][2]string{
		"事務局会議室（本町センタービル７階）": {"事務局会議室（本町センタービル７階）", ""},
		"例会館（大阪市北区中之島9-2-2）": {"例会館", "大阪市北区中之島9-2-2"},
		"研修センター（堺市美原区）":      {"研修センター", "堺市美原区"},
	} {
		f := Fields{FieldVenue: venue}
		splitAddress(f)
		if f[FieldVenue] != want[0] || f[FieldAddress] != want[1] {
			t.Errorf("%s: venue %q address %q, want %q %q", venue, f[FieldVenue], f[FieldAddress], want[0], want[1])
		}
	}
}

// TestAutoListLeavesCodeSamples reads a Hatena Blog's top page of whole
// posts: a report's Python sample (Hatena's highlighted <pre> of spans)
// prints a run's output, three dated lines of other groups' events, and
// is no part of any event; the schedule a post types as text between
// >|| and ||< (a <pre> that names no language) is read.
func TestAutoListLeavesCodeSamples(t *testing.T) {
	entry := func(id, day, title, body string) string {
		return `<article class="entry hentry test-hentry js-entry-article date-first autopagerize_page_element" id="entry-` + id + `">
<div class="entry-inner"><header class="entry-header">
<div class="date entry-date first"><a href="/archive/` + strings.ReplaceAll(day, "-", "/") + `" rel="nofollow"><time datetime="` + day + `T12:00:00Z" class="updated">` + day + `</time></a></div>
<h1 class="entry-title"><a href="/entry/` + strings.ReplaceAll(day, "-", "/") + `/` + id[8:] + `" class="entry-title-link bookmark">` + title + `</a></h1>
</header>
<div class="entry-content hatenablog-entry">
` + body + `
</div>
<footer class="entry-footer"><div class="entry-tags-wrapper"><div class="entry-tags"></div></div></footer>
</div></article>
`
	}
	page := `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>例.py 大阪 ブログ</title></head><body>
<div id="blog-title"><div id="blog-title-inner"><h1 id="title"><a href="https://example-py.hatenablog.com/">例.py 大阪 ブログ</a></h1></div></div>
<div id="container"><div id="main"><div id="main-inner">
` + entry("20261124210000", "2026-11-24", "年明けのもくもく会の日程", `<p>年明けのもくもく会の日程です。会場はいずれも本町の例コワーキング 3F ラウンジです。</p>
<pre class="code" data-lang="" data-unlink>1月14日（木）19:30～21:30　例.py もくもく会 #44
2月18日（木）19:30～21:30　例.py もくもく会 #45
3月11日（木）19:30～21:30　例.py もくもく会 #46</pre>
<p>参加登録は connpass のグループページからお願いします。</p>`) +
		entry("20261116220000", "2026-11-16", "LT会 #18 を開催しました", `<p>11月12日のLT会には28名の方にご参加いただきました。発表のひとつ、connpass の API から大阪のイベントを集めるスクリプトを紹介します。</p>
<pre class="code lang-python" data-lang="python" data-unlink>import requests

<span class="synComment"># 大阪府で開かれるイベントを月ごとに取得</span>
params = {<span class="synConstant">&quot;prefecture&quot;</span>: <span class="synConstant">&quot;osaka&quot;</span>, <span class="synConstant">&quot;ym&quot;</span>: <span class="synConstant">&quot;202612&quot;</span>}
res = requests.get(<span class="synConstant">&quot;https://connpass.com/api/v1/event/&quot;</span>, params=params)

<span class="synStatement">for</span> ev <span class="synStatement">in</span> res.json()[<span class="synConstant">&quot;events&quot;</span>]:
    <span class="synIdentifier">print</span>(ev[<span class="synConstant">&quot;started_at&quot;</span>], ev[<span class="synConstant">&quot;title&quot;</span>])

<span class="synComment"># 実行結果</span>
<span class="synComment"># 2026-12-03T19:00:00+09:00 Python もくもく会 @ 梅田</span>
<span class="synComment"># 2026-12-10T19:30:00+09:00 例.py もくもく会 #43</span>
<span class="synComment"># 2026-12-17T19:00:00+09:00 データ分析 勉強会 in 難波</span>
</pre>
<p>スライドは Speaker Deck で公開されています。</p>`) + `
</div></div></div></body></html>`
	doc := docOf(t, page)
	lp := AutoList(doc, mustURL("https://example-py.hatenablog.com/"), func(h string) bool { return h == "example-py.hatenablog.com" }, goldenRef)
	var titles []string
	for _, it := range lp.Items {
		titles = append(titles, it.Fields[FieldTitle])
		if strings.Contains(it.Fields[FieldDate]+it.Fields[FieldTitle], "# 2026-") {
			t.Errorf("a line of the code sample read as an event: %q", it.Fields)
		}
	}
	for _, w := range []string{"例.py もくもく会 #44", "例.py もくもく会 #45", "例.py もくもく会 #46"} {
		if !slices.Contains(titles, w) {
			t.Errorf("%s: not found in %q", w, titles)
		}
	}
	if code := doc.Find("pre.lang-python"); !strings.Contains(code.Text(), "import requests\n\n# 大阪府で") {
		t.Errorf("the code sample was rewritten: %q", code.Text())
	}
}

func TestCodeBlock(t *testing.T) {
	for _, c := range []struct {
		name, pre string
		code      bool
	}{
		{"goldmark, language named", "<pre><code class=\"language-yaml\">schedule:\n  - 日付: 2026-12-10\n    題名: 第30回 勉強会「非同期処理入門」\n    会場: 例コワーキング本町 3F\n</code></pre>", true},
		{"SyntaxHighlighter", "<pre class=\"brush: php; title: ; notranslate\">&lt;?php\n// 12月の勉強会を表示\necho $event['title'];\n</pre>", true},
		{"Pygments, no language named", "<div class=\"highlight\"><pre><span></span><span class=\"gp\">$ </span>python<span class=\"w\"> </span>events.py<span class=\"w\"> </span>--pref<span class=\"w\"> </span>osaka\n<span class=\"go\">2026-12-03 19:00  Python meetup @ Umeda</span>\n<span class=\"go\">2026-12-10 19:30  Rei.py mokumoku #43</span>\n</pre></div>", true},
		{"Hatena >|| ||<, plain text", "<pre class=\"code\" data-lang=\"\" data-unlink>1月14日（木）19:30～21:30　例.py もくもく会 #44\n2月18日（木）19:30～21:30　例.py もくもく会 #45\n</pre>", false},
		{"Markdown indented, no class", "<pre><code>■第31回 勉強会　1月14日（木）\n　テーマ：「はじめての型ヒント」\n　会　場：例コワーキング本町 3F\n</code></pre>", false},
		{"a mail issue", "<pre>━━━━━━━━━━━━━━━━━━━━\n　例支部メールニュース 12月号\n━━━━━━━━━━━━━━━━━━━━\n　日　時：2026年12月11日（金）18:30～20:30\n　会　場：支部 会議室\n　申込み：https://www.example.jp/form/\n</pre>", false},
	} {
		pre := docOf(t, "<html><body>"+c.pre+"</body></html>").Find("pre").Nodes[0]
		if got := codeBlock(pre); got != c.code {
			t.Errorf("%s: codeBlock = %v, want %v", c.name, got, c.code)
		}
	}
}

// A study group's hand-written page of its next meeting only, the whole
// one <PRE>, the meeting's heading between rules under the page's: the
// meeting is read; a page of the office's notices, typed the same way
// and dated, gives no event.
func TestAutoListPreformattedSingleMeeting(t *testing.T) {
	next := `<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Shift_JIS"><TITLE>例経営研究会　次回例会のご案内</TITLE></HEAD>
<BODY BGCOLOR="#FFFFFF"><PRE>
<A HREF="index.html">トップ</A>　｜　<B>次回例会</B>　｜　<A HREF="oshirase.html">お知らせ</A>　｜　<A HREF="nyukai.html">入会案内</A>

━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　　<B>例経営研究会</B>　　次回例会のご案内
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

────────────────────────────────
■第３０８回例会
────────────────────────────────
　日　時　令和８年１２月１６日（水）　午後６時３０分～８時３０分
　演　題　「値上げの伝え方　取引先との交渉実例」
　講　師　中小企業診断士　例田　誠　氏
　会　場　例ビジネス会館　５階　大会議室
　会　費　会員無料　／　ビジター　２，０００円

　※例会後、有志で懇親会を予定しております（会費別途）。

────────────────────────────────
　例経営研究会　事務局　ＴＥＬ　０６－ＸＸＸＸ－ＸＸＸＸ
</PRE></BODY></HTML>`
	lp := autoItems(t, "https://www.example.jp/jikai.html", next)
	if len(lp.Items) != 1 {
		t.Fatalf("%d items %v, want the meeting; refused %v, problems %q", len(lp.Items), lp.Items, lp.Refused, lp.Problems)
	}
	e := wholeEvent(t, lp.Items[0])
	if e.Title != "値上げの伝え方 取引先との交渉実例" {
		// A meeting its heading names by its number is known by its
		// theme, as the schedule's meetings are.
		t.Errorf("title %q, want the theme 値上げの伝え方 取引先との交渉実例", e.Title)
	}
	if !e.StartsAt.Equal(tokyo(2026, 12, 16, 18, 30)) || !e.EndsAt.Equal(tokyo(2026, 12, 16, 20, 30)) || e.Venue != "例ビジネス会館 ５階 大会議室" {
		t.Errorf("%v–%v at %q, want 2026-12-16 18:30–20:30 at 例ビジネス会館 ５階 大会議室", e.StartsAt, e.EndsAt, e.Venue)
	}

	notices := `<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Shift_JIS"><TITLE>例経営研究会　事務局からのお知らせ</TITLE></HEAD>
<BODY BGCOLOR="#FFFFFF"><PRE>
<A HREF="index.html">トップ</A>　｜　<A HREF="jikai.html">次回例会</A>　｜　<B>お知らせ</B>　｜　<A HREF="nyukai.html">入会案内</A>

━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　　<B>例経営研究会</B>　　事務局からのお知らせ
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

■年末年始の事務局休業
　令和８年１２月２６日（土）から令和９年１月５日（火）まで休業いたします。
　１月６日（水）より平常どおりです。

■年会費のお振込みについて
　令和９年度の年会費は、令和９年１月２９日（金）までにお振込みください。

────────────────────────────────
　例経営研究会　事務局　ＴＥＬ　０６－ＸＸＸＸ－ＸＸＸＸ
</PRE></BODY></HTML>`
	if lp := autoItems(t, "https://www.example.jp/oshirase.html", notices); len(lp.Items) != 0 {
		t.Errorf("notices read as events: %v", lp.Items)
	}
}

// A date struck out and followed by the one it moves to is no longer the
// event's; a struck-out date alone (a meeting called off) stays.
func TestDropMovedDates(t *testing.T) {
	for page, want := range map[string]string{
		`<p><span style="text-decoration: line-through;">2月10日（水）</span>　<span style="color:#e02b20"><strong>→ 2月17日（水）に変更</strong></span>　19:00～21:00</p>`: "→ 2月17日（水）に変更 19:00～21:00",
		`<p><del>12月8日（火）</del> ⇒ 12月15日（火）に延期</p>`: "⇒ 12月15日（火）に延期",
		`<p>【中止】<s>12月19日（土）11:00～16:00</s></p>`:    "【中止】12月19日（土）11:00～16:00",
	} {
		doc := docOf(t, "<html><body>"+page+"</body></html>")
		dropMovedDates(doc.Nodes[0])
		if got := normSpace(blockText(doc.Nodes[0])); got != want {
			t.Errorf("%s: %q, want %q", page, got, want)
		}
	}
}

// An update stamp in brackets (（11/24更新）) dates the text, not the event.
// So does a heading's 【12/5 追記】, and the day an earlier post went out
// (11月12日にご案内した忘年交流会) or a date a post crosses out (❌ 12/9)
// is not when the event is.
func TestLineDatesLeaveUpdateStamps(t *testing.T) {
	for _, text := range []string{"※講師のご都合により日程を変更いたしました（11/24更新）", "【12/5 追記】", "❌ 12/9(水) 14:00～",
		"11月12日にご案内した12/17（木）の忘年交流会、おかげさまで定員に達しました。"} {
		for _, c := range lineDates(pageLine{text: text}, 0, nil, goldenRef) {
			if c.score > 0 && c.day.Month() != time.December || c.score > 0 && c.day.Day() != 17 {
				t.Errorf("%q: date %q scores %d, want none", text, c.text, c.score)
			}
		}
	}
}
