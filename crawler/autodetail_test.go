package crawler

import (
	"errors"
	"strings"
	"testing"
	"time"

	"kouryu/internal/event"
)

// Event pages that carry neither JSON-LD nor a 日時 label: where the date,
// the times and the place are, and what is not the start.
func TestAutoEventPageShapes(t *testing.T) {
	for _, tc := range []struct {
		name, page   string
		title        string
		start, end   time.Time
		allDay       bool
		venue        string
		status       event.Status
		wantFeeOrEmp string
	}{
		{
			name: "styled date paragraph, times on their own line",
			page: `<html><head><title>第12回 ものづくり交流会｜例商工会議所</title></head><body>
<div id="header"><a href="/"><img src="/img/logo.png" alt="例商工会議所"></a></div>
<div id="contents"><h2 class="ttl">第12回 ものづくり交流会</h2>
<p class="ymd">令和8年12月9日（水）</p>
<div class="txt"><p>開場 18:00 / 開始 18:30</p>
<p>会員企業同士の交流を深める場として、下記のとおり開催いたします。</p>
<p>お申込みは12月2日（水）までに、申込フォームよりお願いします。</p></div>
<div class="contact"><p>お問い合わせ：中小企業振興課 TEL 06-0000-0000（受付時間 9:00～17:00）</p></div>
</div>
<div id="side"><h3>その他のイベント</h3><ul><li>12月16日（水）<a href="/e/88.html">経営セミナー</a></li></ul></div>
</body></html>`,
			title: "第12回 ものづくり交流会", start: tokyo(2026, 12, 9, 18, 30),
		},
		{
			name: "date only in og:title, posting date in the byline",
			page: `<html><head><title>【12/10開催】士業の集い vol.5 | 例の士業ネット</title>
<meta property="og:title" content="【12/10開催】士業の集い vol.5">
<meta property="article:published_time" content="2026-11-18T09:12:00+09:00"></head><body>
<header class="site-header"><p class="site-title"><a href="https://www.example.jp/">例の士業ネット</a></p></header>
<main><article class="post"><h1 class="entry-title">【12/10開催】士業の集い vol.5</h1>
<div class="entry-meta"><time class="entry-date published" datetime="2026-11-18T09:12:00+09:00">2026年11月18日</time></div>
<div class="entry-content"><p>税理士・社労士・司法書士など士業どうしの集まりです。今回は事業承継をテーマに語り合います。</p>
<p>18時45分より、本町の例ビル5階会議室にて。どなたでもご参加いただけます。</p></div></article></main>
<aside class="widget-area"><section class="widget"><h2>最近の投稿</h2><ul><li><a href="/p/3/">11月の集いのご報告</a> <span>2026年11月12日</span></li></ul></section></aside>
</body></html>`,
			title: "【12/10開催】士業の集い vol.5", start: tokyo(2026, 12, 10, 18, 45),
		},
		{
			name: "time element in the text, another in the byline",
			page: `<html><head><title>経営者モーニングセミナー | 例倫理の会</title></head><body>
<article><header><h1>経営者モーニングセミナー「感謝の経営」</h1>
<p class="byline">投稿日 <time datetime="2026-11-20">2026.11.20</time></p></header>
<div class="entry-content"><p>次回のモーニングセミナーは <time datetime="2026-12-08T06:30:00+09:00">12月8日（火）6時30分</time> から開催します。</p>
<p>会場：例ホテル 2階 宴会場</p><p>朝食代 1,000円</p></div></article></body></html>`,
			title: "経営者モーニングセミナー「感謝の経営」", start: tokyo(2026, 12, 8, 6, 30), venue: "例ホテル 2階 宴会場",
		},
		{
			name: "the date in prose, a deadline before it",
			page: `<html><head><title>女性経営者ランチ交流会のご案内 - 例の会</title></head><body>
<div class="post"><h1>女性経営者ランチ交流会のご案内</h1><p class="date">2026年11月16日</p>
<div class="body"><p>参加ご希望の方は11月30日（月）までにお申し込みください。</p>
<p>来る12月5日（土）正午から、梅田の例レストランにて女性経営者のランチ交流会を開催いたします。</p>
<p>会費は3,500円（ランチ代込み）です。</p></div></div></body></html>`,
			title: "女性経営者ランチ交流会のご案内", start: tokyo(2026, 12, 5, 12, 0),
		},
		{
			name: "label and value in divs",
			page: `<html><head><title>事業承継セミナー | 例信用金庫</title></head><body>
<div class="l-main"><h1 class="c-title">事業承継セミナー ～親族内承継と M&amp;A～</h1>
<div class="c-info"><div class="c-info__row"><div class="c-info__head">開催日時</div><div class="c-info__body">2026年12月15日（火）14:00～16:30</div></div>
<div class="c-info__row"><div class="c-info__head">会場</div><div class="c-info__body">例信用金庫 本店 4階ホール</div></div>
<div class="c-info__row"><div class="c-info__head">参加費</div><div class="c-info__body">無料</div></div>
<div class="c-info__row"><div class="c-info__head">申込締切</div><div class="c-info__body">2026年12月8日（火）</div></div></div></div>
</body></html>`,
			title: "事業承継セミナー ～親族内承継と M&A～", start: tokyo(2026, 12, 15, 14, 0), end: tokyo(2026, 12, 15, 16, 30), venue: "例信用金庫 本店 4階ホール",
		},
		{
			name: "the deadline row before the date row",
			page: `<html><head><title>新春賀詞交歓会 | 例商工会</title></head><body><h1>新春賀詞交歓会</h1>
<table class="detail"><tr><th>申込期限</th><td>令和8年12月25日（金）</td></tr>
<tr><th>開催日</th><td>令和9年1月8日（金）</td></tr><tr><th>時間</th><td>受付 17:30　開会 18:00　閉会 20:00</td></tr>
<tr><th>場所</th><td>例商工会館 2階大ホール</td></tr></table></body></html>`,
			title: "新春賀詞交歓会", start: tokyo(2027, 1, 8, 18, 0), end: tokyo(2027, 1, 8, 20, 0), venue: "例商工会館 2階大ホール",
		},
		{
			name: "posting date label, event date in a sentence",
			page: `<html><head><title>異業種交流ボウリング大会 | 例の青年会</title></head><body>
<div id="main"><h2>異業種交流ボウリング大会</h2><p class="info">掲載日：2026年11月10日　カテゴリ：イベント</p>
<p>恒例のボウリング大会を今年も行います。日程は2026年12月19日（土）、18時スタートです。</p>
<p>場所は例ボウル（なんば）です。終了後に懇親会があります。</p></div></body></html>`,
			title: "異業種交流ボウリング大会", start: tokyo(2026, 12, 19, 18, 0),
		},
		{
			name: "two days with hours",
			page: `<html><head><title>例の見本市2027 | 例産業振興センター</title></head><body><h1>例の見本市2027</h1>
<p class="lead">府内の製造業120社が出展する見本市です。</p>
<dl class="spec"><dt>会期</dt><dd>2027年2月6日（土）・7日（日）10:00～17:00</dd><dt>会場</dt><dd>例展示場 1号館</dd></dl></body></html>`,
			title: "例の見本市2027", start: tokyo(2027, 2, 6, 10, 0), end: tokyo(2027, 2, 7, 17, 0), venue: "例展示場 1号館",
		},
		{
			name: "parts on their own lines",
			page: `<html><head><title>創業セミナー＆交流会 | 例創業支援ネット</title></head><body><h1>創業セミナー＆交流会</h1>
<dl><dt>日時</dt><dd>2026年12月11日（金）<br>第1部 セミナー 14:00～16:00<br>第2部 交流会 16:30～18:30</dd>
<dt>会場</dt><dd>例インキュベーション施設 3F</dd></dl></body></html>`,
			title: "創業セミナー＆交流会", start: tokyo(2026, 12, 11, 14, 0), end: tokyo(2026, 12, 11, 18, 30), venue: "例インキュベーション施設 3F",
		},
		{
			name: "date and time in separate labelled lines of the text",
			page: `<html><head><title>12月例会 | 例中小企業家の会</title></head><body><div class="entry-content"><h1>12月例会「人を活かす経営」</h1>
<p>■日程：12月17日（木）<br>■時間：18:30～21:00（受付18:00）<br>■会場：例会館 5階<br>■報告者：例製作所 代表取締役 例 太郎 氏</p></div></body></html>`,
			title: "12月例会「人を活かす経営」", start: tokyo(2026, 12, 17, 18, 30), end: tokyo(2026, 12, 17, 21, 0), venue: "例会館 5階",
		},
		{
			name: "venue and closing time in the prose, links to the next posts",
			page: `<html><head><title>経営者の集い（忘年夕食会）のご案内 | 例倫理の会</title></head><body><div class="site-body"><main>
<article class="post"><header><h1 class="entry-title">経営者の集い（忘年夕食会）のご案内</h1>
<div class="entry-meta"><span class="published">2026年11月24日</span></div></header>
<div class="entry-body"><p>来る12月16日（水）午後6時30分より、例ホテル 3階「葵の間」（大阪市淀川区西中島9-9-9）にて、経営者の集いを開催いたします。午後8時30分終了予定です。</p>
<p>会費はお一人様6,000円です。お申込みは12月9日（水）までに事務局へお願いいたします。</p></div></article>
<div class="post-nav"><a href="/2026/11/20/a/" rel="prev">前の記事 12月12日 ボウリング大会のご案内</a> <a href="/2026/11/27/b/" rel="next">次の記事 1月例会のご案内</a></div>
</main></div></body></html>`,
			title: "経営者の集い（忘年夕食会）のご案内", start: tokyo(2026, 12, 16, 18, 30), end: tokyo(2026, 12, 16, 20, 30), venue: "例ホテル 3階「葵の間」",
		},
		{
			name: "venue named in a sentence of its own",
			page: `<html><head><title>倫理経営講演会 | 例倫理の会</title></head><body><article><h1>倫理経営講演会</h1>
<p>日時は令和九年一月二十二日（金）午後二時から午後四時まで、会場は例区民ホール 大ホールです。</p></article></body></html>`,
			title: "倫理経営講演会", start: tokyo(2027, 1, 22, 14, 0), end: tokyo(2027, 1, 22, 16, 0), venue: "例区民ホール 大ホール",
		},
		{
			name: "schema.org Event microdata, a theme's sidebar class on the body",
			page: `<html><head><title>第24回 例ノーコード勉強会 | 例コミュニティ</title></head><body class="community-page has-right-sidebar">
<div class="event-page" itemscope itemtype="http://schema.org/Event"><h1 class="event-title" itemprop="name">第24回 例ノーコード勉強会</h1>
<div class="event-meta"><p class="event-date-time"><time itemprop="startDate" datetime="2026-12-17T19:00:00+09:00">2026-12-17（木） 19:00</time> -
<time itemprop="endDate" datetime="2026-12-17T21:00:00+09:00">21:00</time></p></div>
<div class="event-description" itemprop="description"><p>定例イベントです。</p><ul><li>19:00 開場・受付</li></ul></div>
<div class="event-location" itemprop="location" itemscope itemtype="http://schema.org/Place"><h4>会場</h4>
<p class="venue-name" itemprop="name">例ワークプレイス 6F セミナールーム</p><p itemprop="address">大阪府大阪市中央区本町9-5-7</p></div></div>
<div class="sidebar"><h4>次回</h4><p>2027-01-21（木） 19:00 第25回</p></div></body></html>`,
			title: "第24回 例ノーコード勉強会", start: tokyo(2026, 12, 17, 19, 0), end: tokyo(2026, 12, 17, 21, 0), venue: "例ワークプレイス 6F セミナールーム",
		},
		{
			name: "a date field printed unformatted",
			page: `<html><head><title>北摂ビジネス交流会 | 例の会</title></head><body class="right-sidebar"><main><article><h1>北摂ビジネス交流会</h1>
<div class="acf-event-fields"><div class="acf-field"><div class="acf-label">開催日</div><div class="acf-value">20261217</div></div>
<div class="acf-field"><div class="acf-label">時間</div><div class="acf-value">19:00～21:00</div></div>
<div class="acf-field"><div class="acf-label">会場</div><div class="acf-value">例セントラルビル 9F 会議室</div></div></div></article></main></body></html>`,
			title: "北摂ビジネス交流会", start: tokyo(2026, 12, 17, 19, 0), end: tokyo(2026, 12, 17, 21, 0), venue: "例セントラルビル 9F 会議室",
		},
		{
			name: "a theme that sounds like a notice, the place with the fee on its line",
			page: `<html><head><title>3月 経営者勉強会「採用できる会社の求人票」 | 例の経営塾</title></head><body><main>
<p class="update">更新日：2026年12月1日</p><h1>3月 経営者勉強会「採用できる会社の求人票」</h1>
<p class="deadline">申込締切：2027年2月26日（金）</p>
<p>3月5日（金）午後6時半から、求人票の書き方を学びます。</p>
<p>場所：例第2ビル 6F 会議室　参加費：2,000円</p></main></body></html>`,
			title: "3月 経営者勉強会「採用できる会社の求人票」", start: tokyo(2027, 3, 5, 18, 30), venue: "例第2ビル 6F 会議室",
		},
		{
			name: "the time element's date over a weekday printed wrong",
			page: `<html><head><title>新春 経営者勉強会 | 例の経営塾</title></head><body><main><h1 class="title">新春 経営者勉強会</h1>
<p class="when"><time datetime="2027-01-15T18:30">1月15日(木) 18:30</time>〜20:30</p>
<div class="info"><div class="row"><div class="label">会場</div><div class="value">例産業ビル 10F 大会議室</div></div></div></main></body></html>`,
			title: "新春 経営者勉強会", start: tokyo(2027, 1, 15, 18, 30), end: tokyo(2027, 1, 15, 20, 30), venue: "例産業ビル 10F 大会議室",
		},
		{
			name: "a forum in three parts, each on its line",
			page: `<html><head><title>新春経営者フォーラム2027 | 例の同友会</title></head><body><main><article>
<p class="post-date">掲載日：2026.11.20</p><h1>新春経営者フォーラム2027</h1>
<div class="when"><p class="ymd">2027.01.16（土）</p>
<p class="time">第1部 基調講演 13:00～14:30<br>第2部 分科会 14:45～17:30<br>第3部 懇親会 18:00～20:00</p></div>
<div class="info"><div class="info__label">申込締切</div><div class="info__value">2027.01.08（金）</div></div></article></main></body></html>`,
			title: "新春経営者フォーラム2027", start: tokyo(2027, 1, 16, 13, 0), end: tokyo(2027, 1, 16, 20, 0),
		},
		{
			name: "two days, each day's hours on its line",
			page: `<html><head><title>青年経営者全国交流会 | 例の同友会</title></head><body><main><article><h1>青年経営者全国交流会</h1>
<p class="ymd">2027.02.25（木）～02.26（金）</p><p class="time">1日目 13:00～（受付 12:00～）<br>2日目 9:00～12:00</p></article></main></body></html>`,
			title: "青年経営者全国交流会", start: tokyo(2027, 2, 25, 13, 0), end: tokyo(2027, 2, 26, 12, 0),
		},
		{
			name: "date, place and end in one sentence, in kanji",
			page: `<html><head><title>交流懇親会のご案内 | 例商工会議所</title></head><body><div id="contents"><h2>交流懇親会のご案内</h2>
<p class="news_date">掲載日：2026年12月2日</p><div class="news_body">
<p>令和八年十二月十八日（金）午後六時より、例ホテル 4階「大和の間」において開催し、午後八時に終了の予定です。</p>
<p>お申込みは12月11日（金）までにお願いします。</p></div></div></body></html>`,
			title: "交流懇親会のご案内", start: tokyo(2026, 12, 18, 18, 0), end: tokyo(2026, 12, 18, 20, 0), venue: "例ホテル 4階「大和の間」",
		},
		{
			name: "English labels alone in their divs, a sentence starting with Place",
			page: `<html><head><title>BUILD NIGHT vol.4 | 例 FOUNDERS</title></head><body><div id="app"><div class="sd">
<div class="sd"><h1 class="text sd">BUILD NIGHT vol.4</h1></div>
<div class="sd"><div class="text sd">Place your bets: five teams, one night.</div></div>
<div class="sd"><div class="sd"><div class="text sd">DATE</div></div><div class="sd"><div class="text sd">2026.12.16 WED 19:00-21:00</div></div></div>
<div class="sd"><div class="sd"><div class="text sd">PLACE</div></div><div class="sd"><div class="text sd">例LAB 3F ラウンジ</div></div></div>
<div class="sd"><div class="sd"><div class="text sd">ADDRESS</div></div><div class="sd"><div class="text sd">大阪市北区例町1-2-3</div></div></div>
<div class="sd"><div class="sd"><div class="text sd">FEE</div></div><div class="sd"><div class="text sd">1,000円</div></div></div></div></div></body></html>`,
			title: "BUILD NIGHT vol.4", start: tokyo(2026, 12, 16, 19, 0), end: tokyo(2026, 12, 16, 21, 0), venue: "例LAB 3F ラウンジ",
		},
		{
			name: "a press release: the name in its outline, not the headline",
			page: `<html><head><title>「例 ものづくり商談会 2027」を1月27日に開催｜例株式会社のプレスリリース</title></head><body><main><article>
<h1 class="release-title">「例 ものづくり商談会 2027」を1月27日に開催</h1><time class="release-date" datetime="2026-11-20T10:00:00+09:00">2026年11月20日 10時00分</time>
<div class="release-body rich-text"><p>例株式会社は、府内の製造業と発注企業の商談会を開催します。</p>
<p><strong>■開催概要</strong></p><p>名称：例 ものづくり商談会 2027<br>開催日時：2027年1月27日（水）13:00～17:00（受付開始 12:30）<br>
会場：例産業ビル 3階 展示ホール（大阪市北区例町1-1）<br>申込締切：2027年1月13日（水）</p>
<p><strong>■会社概要</strong><br>会社名：例株式会社<br>所在地：大阪市中央区例町2-2</p></div></article></main></body></html>`,
			title: "例 ものづくり商談会 2027", start: tokyo(2027, 1, 27, 13, 0), end: tokyo(2027, 1, 27, 17, 0), venue: "例産業ビル 3階 展示ホール",
		},
		{
			name: "a blog's name in its header's h1, the entry's title in another",
			page: `<html><head><title>12月9日(水) 第8回 例ビジネス交流会のご案内｜例ビジネス交流会　山田のブログ</title>
<meta property="og:title" content="12月9日(水) 第8回 例ビジネス交流会のご案内｜例ビジネス交流会　山田のブログ"><meta property="og:site_name" content="例ビジネス交流会　山田のブログ"></head>
<body class="skin-bg"><div class="skin-blogHeader"><div class="skin-blogTitle"><h1 class="skin-blogTitleText"><a href="/rei-biz/">例ビジネス交流会　山田のブログ</a></h1></div></div>
<div class="skin-blogMain"><article class="skin-entry"><div class="skin-entryHead"><h1 class="skin-entryTitle"><a href="/rei-biz/entry-12870000001.html" rel="bookmark">12月9日(水) 第8回 例ビジネス交流会のご案内</a></h1>
<p class="skin-entryPubdate"><time datetime="2026-11-20" pubdate="pubdate">2026-11-20 21:05:11</time></p></div>
<div class="skin-entryBody"><p>こんばんは。<br>12月の交流会のご案内です。</p><p>★日時★<br>12月9日(水) 19:00〜21:00</p><p>★場所★<br>例ビジネスセンター 5階 会議室</p></div></article></div></body></html>`,
			title: "12月9日(水) 第8回 例ビジネス交流会のご案内", start: tokyo(2026, 12, 9, 19, 0), end: tokyo(2026, 12, 9, 21, 0), venue: "例ビジネスセンター 5階 会議室",
		},
		{
			name: "a year in the title is no date's; the place the markup names",
			page: `<html><head><title>Go 2026 年末LT大会 - 例</title><meta property="og:title" content="Go 2026 年末LT大会 (12/19 14:00〜)"></head><body>
<div id="main"><h2 class="event_title">Go 2026 年末LT大会</h2><div class="schedule"><p class="ymd">2026/12/19(土)</p><p class="hi">14:00 〜 18:00</p></div>
<div class="event_place_area"><p class="place_name">オンライン</p><p class="adr">参加者への情報に URL を記載しています</p></div></div></body></html>`,
			title: "Go 2026 年末LT大会", start: tokyo(2026, 12, 19, 14, 0), end: tokyo(2026, 12, 19, 18, 0), venue: "オンライン",
		},
		{
			name: "a heading label, the day and its hours on lines of their own",
			page: `<html><head><title>IT導入補助金 活用相談会 – 例のIT経営研究会</title></head><body>
<header class="siteHeader"><a href="/">例のIT経営研究会</a></header>
<main><article class="event type-event"><h1 class="entry-title">IT導入補助金 活用相談会</h1>
<div class="event-meta"><section class="when"><h3>開催日時</h3>
<div class="meta-line date"><span class="icon"></span> 2027/01/20&nbsp;&nbsp;</div>
<div class="meta-line time"><span class="icon"></span> 14:00 - 16:30</div></section>
<section class="where"><h3>会場</h3><div class="meta-line"><a href="/locations/3/">例ビジネスセンター 4F 研修室</a></div></section></div>
<p>申込締切：1月15日（金）</p></article></main></body></html>`,
			title: "IT導入補助金 活用相談会", start: tokyo(2027, 1, 20, 14, 0), end: tokyo(2027, 1, 20, 16, 30), venue: "例ビジネスセンター 4F 研修室",
		},
		{
			name: "a link to the way there after the venue",
			page: `<html><head><title>知財セミナー｜例大学 産学連携本部</title></head><body><div id="contents">
<h1 class="pageTtl">知財セミナー「大学との共同出願」</h1><p>企業の知財ご担当者向けのセミナーです。</p>
<h2>開催概要</h2><dl class="outline"><dt>日時</dt><dd>2027年2月3日（水）15:00～17:00</dd>
<dt>会場</dt><dd>例大学 梅田サテライト 8階 セミナー室<br><span class="small">（<a href="/access/">アクセス</a>）</span></dd>
<dt>申込締切</dt><dd>2027年1月27日（水）</dd><dt>掲載日</dt><dd>2026年11月30日</dd></dl></div></body></html>`,
			title: "知財セミナー「大学との共同出願」", start: tokyo(2027, 2, 3, 15, 0), end: tokyo(2027, 2, 3, 17, 0), venue: "例大学 梅田サテライト 8階 セミナー室",
		},
		{
			name: "applications closed is not full; the address labelled under the venue",
			page: `<html><head><title>海外展開セミナー | 例貿易協会</title></head><body><div id="main">
<h1>海外展開セミナー「ASEAN市場の最新動向」</h1><p class="status">受付終了</p>
<p>※申込締切日を過ぎたため、受付を終了しました。</p>
<table class="detail"><tr><th>日時</th><td>2026年12月8日（火）14:00～16:00</td></tr><tr><th>場所</th><td>例貿易協会 大阪本部 セミナールーム<br>所在地：大阪市中央区本町9-9-9 例ビル8階（<a href="/access.html">アクセス</a>）</td></tr></table></div></body></html>`,
			title: "海外展開セミナー「ASEAN市場の最新動向」", start: tokyo(2026, 12, 8, 14, 0), end: tokyo(2026, 12, 8, 16, 0), venue: "例貿易協会 大阪本部 セミナールーム",
		},
		{
			name: "cancelled, said in the text",
			page: `<html><head><title>歳末チャリティー交流会 | 例の会</title></head><body><article><h1>歳末チャリティー交流会</h1>
<p class="notice">諸般の事情により、本年の交流会は中止となりました。</p>
<p>日時：2026年12月22日（火）18:00～</p><p>場所：例ホテル</p></article></body></html>`,
			title: "歳末チャリティー交流会", start: tokyo(2026, 12, 22, 18, 0), venue: "例ホテル", status: event.StatusCancelled,
		},
		{
			name: "a shop's ticket: the item name dated, the name on the line under its label",
			page: `<html><head><title>【12/12(土)】経営者交流会 in 本町 参加チケット | 例の研究会 オンラインショップ</title></head><body>
<header id="shopHeader"><h1 class="shopHeader__logo"><a href="/"><img src="/logo.png" alt="例の研究会 オンラインショップ"></a></h1></header>
<main id="main"><div id="itemDetail"><div class="itemDetail__info">
<h2 class="itemDetail__title">【12/12(土)】経営者交流会 in 本町 参加チケット</h2>
<p class="itemDetail__price">¥3,000<span>（税込）</span></p>
<form action="/cart/add" method="post"><div class="itemDetail__quantity"><p>数量</p><select name="amount"><option>1</option><option>2</option></select></div><button type="submit">カートに入れる</button></form>
<div class="itemDetail__description">■イベント名<br>経営者交流会 in 本町<br><br>■日時<br>2026年12月12日(土) 18:00〜20:00<br><br>■会場<br>例ビジネスセンター 5階 大会議室<br>（大阪市中央区本町9丁目X-X）<br><br>※ご購入後のキャンセルは開催3日前まで承ります。</div>
</div></div></main></body></html>`,
			title: "経営者交流会 in 本町", start: tokyo(2026, 12, 12, 18, 0), end: tokyo(2026, 12, 12, 20, 0), venue: "例ビジネスセンター 5階 大会議室",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := AutoEvent(docOf(t, tc.page), mustURL("https://www.example.jp/event/1.html"), goldenRef)
			if err != nil {
				t.Fatalf("refused: %v (fields %q)", err, f)
			}
			e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, "https://www.example.jp/event/1.html", true, f, goldenRef)
			if err != nil {
				t.Fatalf("%v (fields %q)", err, f)
			}
			if e.Title != tc.title {
				t.Errorf("title %q, want %q", e.Title, tc.title)
			}
			if !e.StartsAt.Equal(tc.start) || !e.EndsAt.Equal(tc.end) || e.AllDay != tc.allDay {
				t.Errorf("%v – %v all_day %v, want %v – %v (date %q, time %q)", e.StartsAt, e.EndsAt, e.AllDay, tc.start, tc.end, f[FieldDate], f[FieldTime])
			}
			if tc.venue != "" && e.Venue != tc.venue {
				t.Errorf("venue %q, want %q", e.Venue, tc.venue)
			}
			if want := tc.status; want != "" && e.Status != want || want == "" && e.Status != event.StatusScheduled {
				t.Errorf("status %q, want %q", e.Status, tc.status)
			}
		})
	}
}

func TestAutoVenueAndItsAddress(t *testing.T) {
	for _, tc := range []struct{ cell, venue, address string }{
		{`例ホテル 3階 鳳凰の間<br>（大阪市浪速区難波中9-8-1）`, "例ホテル 3階 鳳凰の間", "大阪市浪速区難波中9-8-1"},
		{`例会館 2階ホール<br />（〒530-0001 大阪市北区梅田9丁目9-9）`, "例会館 2階ホール", "〒530-0001 大阪市北区梅田9丁目9-9"},
		{`例会館 2階ホール（大阪市北区梅田9丁目9-9）`, "例会館 2階ホール", "大阪市北区梅田9丁目9-9"},
		{`例会館（旧 例ビル）`, "例会館（旧 例ビル）", ""},
		{`オンライン（Zoom）`, "オンライン（Zoom）", ""},
	} {
		page := `<html><head><title>交流会 | 例</title></head><body><h1>交流会</h1><table><tr><th>日時</th><td>2026年12月9日（水）18:30～</td></tr>
<tr><th>会場</th><td>` + tc.cell + `</td></tr></table></body></html>`
		f, err := AutoEvent(docOf(t, page), mustURL("https://www.example.jp/e/1"), goldenRef)
		if err != nil {
			t.Fatal(err)
		}
		if f[FieldVenue] != tc.venue || f[FieldAddress] != tc.address {
			t.Errorf("%s: venue %q address %q, want %q %q", tc.cell, f[FieldVenue], f[FieldAddress], tc.venue, tc.address)
		}
	}
}

func TestAutoPluginVenueAndItsAddress(t *testing.T) {
	// All-in-One Event Calendar's details: 場所: with the hall on one line
	// and the address under it.
	page := `<html><head><title>1月例会 | 例の会</title></head><body><article><h1>1月例会</h1>
<div class="ai1ec-event-details">
<div class="ai1ec-time ai1ec-row"><div class="ai1ec-field-label">日時:</div><div class="ai1ec-field-value">2027年1月21日 @ 18:30 – 20:30</div></div>
<div class="ai1ec-location ai1ec-row"><div class="ai1ec-field-label">場所:</div><div class="ai1ec-field-value p-location">例ホテル 3F 宴会場「桜」<br />
大阪府東大阪市例町1-2-3</div></div>
</div></article></body></html>`
	f, err := AutoEvent(docOf(t, page), mustURL("https://www.example.jp/event/reikai-2701/"), goldenRef)
	if err != nil {
		t.Fatal(err)
	}
	if f[FieldVenue] != "例ホテル 3F 宴会場「桜」" || f[FieldAddress] != "大阪府東大阪市例町1-2-3" {
		t.Errorf("venue %q address %q", f[FieldVenue], f[FieldAddress])
	}
}

// Posts of a news list that are no events: they name a date (a place, a
// time) and must yield nothing, with the reason.
func TestAutoEventPageRefusesNotices(t *testing.T) {
	for _, tc := range []struct{ name, page string }{
		{"closure", `<html><head><title>年末年始休業のお知らせ | 例商工会議所</title></head><body><div id="main">
<h2>年末年始休業のお知らせ</h2><p class="date">2026年11月25日</p>
<p>誠に勝手ながら、2026年12月29日（火）から2027年1月3日（日）まで休業いたします。</p>
<p>1月4日（月）9:00より通常どおり業務を行います。</p></div></body></html>`},
		{"office move with a place and hours", `<html><head><title>事務局移転のお知らせ | 例の会</title></head><body><article>
<h1>事務局移転のお知らせ</h1><time datetime="2026-11-02">2026年11月2日</time>
<p>12月1日（火）より、事務局を下記に移転いたします。</p><p>新住所：大阪市中央区本町9-9-9 例ビル5階</p>
<p>電話受付時間：平日 9:30～17:30</p></article></body></html>`},
		{"a campaign that ends on a day", `<html><head><title>新規入会キャンペーン（12月31日まで） | 例の会</title></head><body><article>
<h1>新規入会キャンペーン（12月31日まで）</h1><div class="entry-meta"><span class="published">2026年11月27日</span></div>
<p>12月31日（木）までにご入会の方は、1月分の会費が無料になります。</p></article>
<div class="next-prev"><a href="/p/1/" rel="prev">前の記事 12月16日 経営者の集いのご案内</a></div></body></html>`},
		{"newsletter", `<html><head><title>会報「例だより」12月号を発行しました | 例の会</title></head><body><article>
<h1>会報「例だより」12月号を発行しました</h1><p class="date">2026.11.30</p>
<p>12月号では、11月20日（金）に例ホテルで開かれた総会の模様をお伝えしています。PDFでご覧いただけます。</p></article></body></html>`},
		{"a report of a past gathering", `<html><head><title>11月例会を開催しました | 例中小企業家の会</title></head><body><article>
<h1>11月例会を開催しました</h1><p class="date">2026年11月21日</p>
<p>11月19日（木）18時30分より例会館にて11月例会を開催し、会員32名が参加しました。</p></article></body></html>`},
		{"a press release, its time stamp under the headline, the company's other releases", `<html><head><title>シリーズBで10億円を調達｜例株式会社のプレスリリース</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"シリーズBで10億円を調達","datePublished":"2026-11-10T10:00:00+09:00"}</script></head><body>
<main><article><header class="release-head"><h1 class="release-title">シリーズBで10億円を調達</h1>
<div class="release-info"><a href="/company/77">例株式会社</a><time class="release-date" datetime="2026-11-10T10:00:00+09:00">2026年11月10日 10時00分</time></div></header>
<div class="release-body"><p>例株式会社は、第三者割当増資により総額10億円の資金調達を実施しました。調達資金は交流会事業の拡大に充てます。</p></div></article>
<section class="company-releases"><h2>例株式会社のプレスリリース</h2><ul>
<li><a href="/r/78">「年末 経営者交流会」を12月18日に開催</a><time datetime="2026-11-20T11:00:00+09:00">2026年11月20日 11時00分</time></li>
<li><a href="/r/76">本社移転のお知らせ</a><time datetime="2026-11-02T13:00:00+09:00">2026年11月2日 13時00分</time></li></ul></section></main></body></html>`},
		{"a service's launch date", `<html><head><title>商談アプリに新機能を追加 | 例株式会社</title></head><body><main><article>
<h1>商談アプリに新機能を追加</h1><div class="entry-meta"><time class="entry-date published" datetime="2026-11-24T09:00:00+09:00">2026年11月24日</time></div>
<p>例株式会社は、商談会の参加企業向けアプリに商談メモ機能を追加し、12月1日より提供を開始します。</p>
<p>■提供開始日：2026年12月1日（火）<br>■料金：無料</p></article></main></body></html>`},
		{"a blog's greeting: <time pubdate>, links to the next and previous posts by their words", `<html><head><title>ご挨拶｜例交流会　田中のブログ</title><meta property="og:site_name" content="例交流会　田中のブログ"></head>
<body><div class="skin-blogTitle"><h1><a href="/rei/">例交流会　田中のブログ</a></h1></div><div class="skin-blogMain"><article class="skin-entry">
<div class="skin-entryHead"><h1 class="skin-entryTitle">ご挨拶</h1><p class="skin-entryPubdate skin-textQuiet"><time datetime="2026-11-25" pubdate="pubdate">2026-11-25 07:55:41</time></p></div>
<div class="skin-entryBody"><p>おはようございます。<br>交流会を始めて2年になりました。これからもよろしくお願いいたします！</p></div></article>
<div class="skin-entryPaging"><a href="/rei/entry-2.html" class="skin-pagingNext">次の記事 12月9日(水) 第8回 例交流会のご案内</a><a href="/rei/entry-0.html" class="skin-pagingPrev">前の記事 名刺を作りました</a></div></div></body></html>`},
		{"a page of notices: a sale's lottery hours, the office's holidays", `<html><head><title>お知らせ - 例商店会連合会</title></head><body>
<table width="760" border="0"><tr><td><a href="index.html"><img src="img/title.jpg" alt="例商店会連合会"></a></td></tr>
<tr><td><font size="4" color="#993300"><b>■ お知らせ</b></font><br><br>
<a name="saimatsu"></a><font size="3"><b>◆歳末大売出し（12月1日～12月31日）</b></font><br>
<font size="2">期間中、加盟店でお買い上げ500円ごとに福引補助券を1枚さしあげます。<br>
福引会場：例会館前　12月19日(土)～12月31日(木)　午前11時～午後6時（最終日は午後3時まで）<br></font><br>
<font size="3"><b>◆年末年始の事務所のお休み</b></font><br>
<font size="2">12月29日(火)～1月5日(火)は事務所をお休みします。</font></td></tr></table></body></html>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := AutoEvent(docOf(t, tc.page), mustURL("https://www.example.jp/news/1.html"), goldenRef)
			if err == nil {
				t.Fatalf("read as an event: %q", f)
			}
			if !errors.Is(err, ErrNotEvent) {
				t.Errorf("error %v, want ErrNotEvent", err)
			}
		})
	}
}

// A shop still lists the ticket of an event that took place, SOLD OUT: its
// sales closed, the event was not full.
func TestAutoEventPastSoldOut(t *testing.T) {
	page := `<html><head><title>【11/21(土)】業務改善ワークショップ 参加チケット | 例の研究会</title></head><body><main id="main">
<h2 class="itemDetail__title">【11/21(土)】業務改善ワークショップ 参加チケット</h2>
<p class="itemDetail__price">¥3,000</p><form action="/cart/add" method="post"><p class="itemDetail__soldout">SOLD OUT</p></form>
<div class="itemDetail__description"><strong>※本イベントは終了しました。ご参加いただいた皆さま、ありがとうございました。</strong><br><br>■日時<br>2026年11月21日(土) 13:30〜16:30<br><br>■会場<br>例スカイオフィス 12階 会議室A</div></main></body></html>`
	card := Fields{FieldTitle: "【11/21(土)】業務改善ワークショップ 参加チケット", FieldStatus: "満席"}
	for _, tc := range []struct {
		name string
		ref  time.Time
		want event.Status
	}{
		{"after the event", tokyo(2026, 12, 6, 10, 0), event.StatusScheduled},
		{"before it", tokyo(2026, 11, 1, 10, 0), event.StatusFull},
	} {
		f, err := autoEvent(docOf(t, page), mustURL("https://shop.example.jp/items/71"), tc.ref, card)
		if err != nil {
			t.Fatalf("%s: refused: %v", tc.name, err)
		}
		e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, "https://shop.example.jp/items/71", true, Merge(card, f), tc.ref)
		if err != nil {
			t.Fatalf("%s: %v (fields %q)", tc.name, err, f)
		}
		if e.Status != tc.want {
			t.Errorf("%s: status %q, want %q", tc.name, e.Status, tc.want)
		}
	}
}

// A schedule's row names the meeting with its theme (11月例会「事業承継を
// 考える」) and links a page that announces it (11月例会のご案内): the
// event is titled as the row names it, with its theme or without the
// page's のご案内. A row that names something more, or else, leaves the
// page's title.
func TestAutoEventRowTitleWithTheme(t *testing.T) {
	page := `<html><head><title>大阪西 若手経営者研究会 - 11月例会のご案内</title></head><body>
<div role="main"><h1>11月例会のご案内</h1>
<p>■テーマ「事業承継を考える ～2代目・3代目の本音～」</p>
<p>■日時 2026年11月18日(水) 19:00～20:30（受付 18:45～）</p>
<p>■会場 立売堀ビジネスセンター 5階 会議室A</p></div></body></html>`
	for _, tc := range []struct{ row, want string }{
		{"11月例会「事業承継を考える ～2代目・3代目の本音～」", "11月例会「事業承継を考える ～2代目・3代目の本音～」"},
		{"11月例会", "11月例会"},
		{"11月例会 懇親会", "11月例会のご案内"},
		{"12月例会「2027年 経済と中小企業の展望」", "11月例会のご案内"},
	} {
		f, err := autoEvent(docOf(t, page), mustURL("https://sites.example.com/view/ex/reikai-202611"), testNow,
			Fields{FieldTitle: tc.row, FieldDate: "2026年11月18日(水) 19:00～"})
		if err != nil {
			t.Fatal(err)
		}
		if f[FieldTitle] != tc.want {
			t.Errorf("row %q: title %q, want %q", tc.row, f[FieldTitle], tc.want)
		}
	}
}

// A city's list names a job fair; its page calls for exhibitors
// (…の出展企業を募集します): the event is the fair the list names.
func TestAutoEventRowTitleOfACall(t *testing.T) {
	page := `<html><head><title>合同企業説明会「例市しごとフェア2027」の出展企業を募集します｜例市</title></head><body>
<div id="tmp_contents"><h1>合同企業説明会「例市しごとフェア2027」の出展企業を募集します</h1>
<h2>開催日時</h2><p>令和9年2月17日（水曜日）午後1時から午後4時30分まで</p>
<h2>会場</h2><p>例市ビジネスプラザ 1階 多目的ホール</p>
<h2>申込締切</h2><p>令和8年12月25日（金曜日）</p></div></body></html>`
	f, err := autoEvent(docOf(t, page), mustURL("https://www.city.example.lg.jp/koyo/1004812.html"), testNow,
		Fields{FieldTitle: "合同企業説明会「例市しごとフェア2027」"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "合同企業説明会「例市しごとフェア2027」"; f[FieldTitle] != want {
		t.Errorf("title %q, want %q", f[FieldTitle], want)
	}
}

// A post labels its meetings' days (日時：1/15(金) 19時〜21時) and says the
// place once, in a sentence for all of them: each meeting is there.
func TestAutoEventPlaceSaidInASentence(t *testing.T) {
	got := meetingsOf(t, post("2027年1月の例会日程のお知らせ（1/15・1/29）", `<p>来年1月の例会日程が決まりましたのでお知らせします。</p>
<p>いずれも金曜日の19時〜21時、場所は梅田の貸会議室です（場所は申込者にご連絡します）。参加費は各回1,000円です。</p>
<h3>1月例会①『代表的日本人』</h3><p>日時：1/15(金) 19時〜21時</p><p>課題本：『代表的日本人』内村鑑三</p>
<h3>1月例会②『武士道』</h3><p>日時：1/29(金) 19時〜21時</p><p>課題本：『武士道』新渡戸稲造</p>`))
	checkMeetings(t, got, []wantMeeting{
		{tokyo(2027, 1, 15, 19, 0), tokyo(2027, 1, 15, 21, 0), "1月例会①『代表的日本人』", "梅田の貸会議室"},
		{tokyo(2027, 1, 29, 19, 0), tokyo(2027, 1, 29, 21, 0), "1月例会②『武士道』", "梅田の貸会議室"},
	})
}

// A 法人会's schedule row names the 表彰式 of a contest and links the
// contest's page, which gives the ceremony's day among its news: the
// event is the ceremony the row names.
func TestAutoEventRowNamesTheGatheringOfAPage(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>税に関する絵はがきコンクール｜例河内法人会</title></head><body>
<h2 class="midashi">税に関する絵はがきコンクール</h2>
<p>当会では、小学生を対象に「税に関する絵はがきコンクール」を実施しています。</p>
<p>■表彰式　令和8年12月16日(水) 15:00〜16:00　例文化会館 2階 会議室A</p></body></html>`
	f, err := autoEvent(docOf(t, page), mustURL("https://www.example.jp/oshirase/ehagaki.html"), testNow,
		Fields{FieldTitle: "第14回 税に関する絵はがきコンクール 表彰式", FieldDate: "令和8年12月16日(水) 15:00〜16:00"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "第14回 税に関する絵はがきコンクール 表彰式"; f[FieldTitle] != want {
		t.Errorf("title %q, want %q", f[FieldTitle], want)
	}
}

// An ASP.NET DetailsView writes each label in a row's first cell, a <td>
// like its value (<td class="dvField">開催日</td><td>2027年3月9日(火)</td>):
// the labels are read as a <th>'s would be.
func TestAutoEventDetailsViewLabels(t *testing.T) {
	page := `<html><head><title>セミナー詳細 | 例商工会議所</title></head><body><form method="post" action="./EventDetail.aspx?id=1302" id="form1">
<div id="MainContent_pnlDetail"><h2 class="pageTitle">セミナー・イベント詳細</h2>
<table class="dvEvent" cellspacing="0" rules="all" border="1" id="MainContent_dvEvent">
<tr><td class="dvField">セミナー名</td><td class="dvTitle">働き方改革・労務管理セミナー</td></tr>
<tr><td class="dvField">開催日</td><td>2027年3月9日(火)</td></tr>
<tr><td class="dvField">時間</td><td>14:00～16:30</td></tr>
<tr><td class="dvField">会場</td><td>例商工会館 3階 大会議室<br />（例市例町X番X号　例駅より徒歩7分）</td></tr>
<tr><td class="dvField">申込締切</td><td>2027年3月2日(火)</td></tr>
<tr><td class="dvField">備考</td><td>※受付は2027年2月1日(月)から開始します。</td></tr>
</table></div></form></body></html>`
	e, _ := autoEventOf(t, page)
	if !e.StartsAt.Equal(tokyo(2027, 3, 9, 14, 0)) || !e.EndsAt.Equal(tokyo(2027, 3, 9, 16, 30)) || e.Venue != "例商工会館 3階 大会議室" {
		t.Errorf("%v–%v at %q; want 2027-03-09 14:00–16:30 at 例商工会館 3階 大会議室", e.StartsAt, e.EndsAt, e.Venue)
	}
}

// A calendar app's event page shows its note with its line breaks by a
// style sheet's rule (.memo{white-space:pre-wrap}), the text one <p> of
// newlines: its ■会場 and the line under it are read as a browser shows
// them, a line each.
func TestAutoEventPreWrapNote(t *testing.T) {
	page := "<html><head><title>12月定例会 | 例交流会 | TimeTree</title><style data-styled=\"active\">.a1{margin:0}.nCjLsy{margin:0;font-size:14px;white-space:pre-wrap;word-break:break-all;}</style></head><body><main><article>" +
		"<h1>12月定例会「事業承継、うちの場合」</h1><div><p>2026年12月16日(水)</p><p>19:00<!-- --> - <!-- -->21:00</p></div>" +
		"<div><p class=\"a1\">メモ</p><p class=\"sc-1q7zcbe-6 nCjLsy\">■テーマ\n事業承継、うちの場合\n\n■会場\n例ビル 5階 第2会議室\n大阪市中央区例町2丁目X-X\n\n■会費\n会員 1,000円／ゲスト 2,000円</p></div></article></main></body></html>"
	e, _ := autoEventOf(t, page)
	if e.Venue != "例ビル 5階 第2会議室" || !e.StartsAt.Equal(tokyo(2026, 12, 16, 19, 0)) {
		t.Errorf("%v at %q, want 2026-12-16 19:00 at 例ビル 5階 第2会議室", e.StartsAt, e.Venue)
	}
}

// A consultation's page on a reservation service shows a grid of the
// week's half hours, ○ free and × taken: when it can be booked, not an
// event.
func TestAutoEventAvailabilityGrid(t *testing.T) {
	var grid strings.Builder
	grid.WriteString(`<table><tr><th></th><th>12/7(月)</th><th>12/8(火)</th><th>12/9(水)</th><th>12/10(木)</th><th>12/11(金)</th></tr>`)
	for _, h := range []string{"10:00", "10:30", "11:00", "13:30"} {
		grid.WriteString(`<tr><th>` + h + `</th><td>○</td><td>×</td><td>○</td><td>○</td><td>－</td></tr>`)
	}
	grid.WriteString(`</table>`)
	page := `<html><head><title>個別相談（労務・社会保険）30分 | 例事務所 | STORES 予約</title></head><body><main><h1>個別相談（労務・社会保険）30分</h1>
<dl><dt>料金</dt><dd>5,500円（税込）※初回無料</dd><dt>所要時間</dt><dd>30分</dd></dl><h2>予約日時を選ぶ</h2>` + grid.String() + `</main></body></html>`
	if _, err := autoEvent(docOf(t, page), mustURL("https://stores.example.jp/ex/2198495"), testNow, nil); !errors.Is(err, ErrNotEvent) {
		t.Errorf("read as an event (%v), want ErrNotEvent", err)
	}
}

// A calendar app's event note opens with 【満員御礼】 on a line of its own:
// the event is full.
func TestStatusNoticeMarkAlone(t *testing.T) {
	for text, want := range map[string]string{
		"【満員御礼】\nおかげさまで定員30名に達しましたので、お申込みの受付を締め切りました（12/4）。\n会場：例や 北浜店": "満員御礼",
		"【中止】\n講師の急病のため中止します。":   "中止",
		"【ご案内】\n12月の定例会のお知らせです。": "",
	} {
		if got := statusNotice(text); got != want {
			t.Errorf("statusNotice(%q) = %q, want %q", text, got, want)
		}
	}
}

// A date that only ends a period, or from which something resumes, is no
// event's start.
func TestUntilOnly(t *testing.T) {
	for s, want := range map[string]bool{
		"キャンペーン（12月31日まで）":              true,
		"12月18日までにお寄せください":              true,
		"12月5日から7日まで開催":                 false,
		"期間中のお問い合わせへの返信は1月6日（水）以降となります": true,
		"1月6日（水）18:30から新年例会を開催します":      false,
	} {
		if got := untilOnly(s); got != want {
			t.Errorf("untilOnly(%q) = %v, want %v", s, got, want)
		}
	}
}

// A page's note that another day's meeting is called off does not call off
// the page's own.
func TestOtherDayNotice(t *testing.T) {
	text := "12月8日（火）第1050回モーニングセミナー\n※12月15日（火）のモーニングセミナーは中止となりました。詳しくはこちら。"
	if !otherDayNotice(text, "中止", "12月8日（火）第1050回モーニングセミナーのご案内") {
		t.Error("the 15th's cancellation read as the 8th's")
	}
	if otherDayNotice(text, "中止", "12月15日（火）第1051回モーニングセミナー") {
		t.Error("the 15th's own cancellation set aside")
	}
	if otherDayNotice(text, "中止", "第1050回モーニングセミナーのご案内") {
		t.Error("a title without a day cannot tell")
	}
}
