<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>イベントカレンダー（一覧表示）｜寝屋川市</title>
<meta name="author" content="寝屋川市">
<meta property="og:site_name" content="寝屋川市">
<meta property="og:title" content="イベントカレンダー（一覧表示）">
<meta property="og:type" content="article">
<link rel="shortcut icon" href="/favicon.ico">
<link rel="stylesheet" href="/shared/css/common.css" media="all">
<link rel="stylesheet" href="/shared/css/layout.css" media="all">
<link rel="stylesheet" href="/shared/css/print.css" media="print">
<link rel="stylesheet" href="/shared/css/fontsize_normal.css" id="fontsize_css">
<link rel="stylesheet" href="/shared/css/color_white.css" id="bgcolor_css">
<link rel="stylesheet" href="/shared/css/event_calendar.css" media="all">
<meta name="robots" content="noarchive">
<script src="/shared/js/jquery.js"></script>
<script src="/shared/js/jquery.cookie.js"></script>
<script src="/shared/js/setting_fontsize_color.js"></script>
<script src="/shared/js/common.js"></script>
<!-- Global site tag (gtag.js) - Google Analytics -->
<script async src="https://www.googletagmanager.com/gtag/js?id=G-NY0000SAMPLE"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-NY0000SAMPLE');
</script>
</head>
<body class="event_calendar list_mode">
<div id="wrapper">
<div id="skip_link"><a href="#main_body">本文へスキップ</a></div>
<!-- ヘッダー -->
<header id="header">
<div class="header_inner">
<div id="header_logo"><a href="/"><img src="/shared/images/header/logo.png" alt="寝屋川市" width="272" height="58"></a></div>
<div id="header_right">
<ul id="header_navi">
<li><a href="/site/foreign/index.html" lang="en">Foreign Language</a></li>
<li><a href="/sitemap.html">サイトマップ</a></li>
<li><a href="/soshiki/index.html">組織から探す</a></li>
<li><a href="/site/accessibility/index.html">ウェブアクセシビリティ方針</a></li>
</ul>
<div id="header_setting">
<dl id="fontsize_setting">
<dt>文字サイズ</dt>
<dd><button type="button" id="fontsize_normal" class="current" onclick="changeFontSize('normal');">標準</button></dd>
<dd><button type="button" id="fontsize_large" onclick="changeFontSize('large');">拡大</button></dd>
</dl>
<dl id="bgcolor_setting">
<dt>背景色</dt>
<dd><button type="button" id="bgcolor_white" class="current" title="背景色を白色に変更" onclick="changeColor('white');">白</button></dd>
<dd><button type="button" id="bgcolor_black" title="背景色を黒色に変更" onclick="changeColor('black');">黒</button></dd>
<dd><button type="button" id="bgcolor_blue" title="背景色を青色に変更" onclick="changeColor('blue');">青</button></dd>
</dl>
<p id="furigana_setting"><a href="javascript:void(0);" onclick="furiganaOn();">ふりがなをつける</a></p>
</div>
<form id="header_search" action="/search/result.html" method="get">
<label for="search_keyword">サイト内検索</label>
<input type="text" name="q" id="search_keyword" value="" placeholder="キーワードを入力">
<input type="submit" value="検索">
</form>
</div>
</div>
<nav id="global_navi">
<ul>
<li><a href="/kurashi/index.html">くらし・手続き</a></li>
<li><a href="/kosodate/index.html">子育て・教育</a></li>
<li><a href="/kenko/index.html">健康・福祉</a></li>
<li class="current"><a href="/sangyo/index.html">産業・ビジネス</a></li>
<li><a href="/kanko/index.html">観光・文化・スポーツ</a></li>
<li><a href="/shisei/index.html">市政情報</a></li>
</ul>
</nav>
</header>
<!-- ヘッダー ここまで -->
<!-- パンくず -->
<div id="pankuzu">
<ol>
<li><a href="/">トップページ</a></li>
<li><a href="/event/calendar.php">イベントカレンダー</a></li>
<li>一覧表示</li>
</ol>
</div>
<div id="container">
<div id="main">
<div id="main_body">
<h1>イベントカレンダー</h1>
<div class="cal_mode_tab">
<ul>
<li><a href="/event/calendar.php?mode=calendar&amp;y=2026&amp;m=12&amp;cate=6">カレンダー表示</a></li>
<li class="current"><span>一覧表示</span></li>
</ul>
</div>
<div class="cal_category">
<p class="cal_category_ttl">カテゴリで絞り込む</p>
<ul>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=12&amp;cate=0">すべて</a></li>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=12&amp;cate=1">講座・教室</a></li>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=12&amp;cate=2">子育て・教育</a></li>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=12&amp;cate=3">健康・福祉</a></li>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=12&amp;cate=4">文化・芸術</a></li>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=12&amp;cate=5">スポーツ</a></li>
<li class="current"><span>産業・ビジネス</span></li>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=12&amp;cate=7">観光・まつり</a></li>
<li><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=12&amp;cate=8">市民活動・その他</a></li>
</ul>
</div>
<div class="cal_month_navi">
<p class="prev"><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=11&amp;cate=6" class="prev_month">&lt;&nbsp;前の月</a></p>
<h2 class="cal_month_ttl">2026年12月</h2>
<p class="next"><a href="/event/calendar.php?mode=list&amp;y=2027&amp;m=1&amp;cate=6" class="next_month">次の月&nbsp;&gt;</a></p>
</div>
<p class="cal_this_month"><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=12&amp;cate=6">今月のイベントを表示</a></p>
<div class="cal_condition">
<p>表示条件：カテゴリ「産業・ビジネス」</p>
<p class="cal_count">12月のイベント：6件</p>
</div>
<div class="cal_list">
<div class="event_day">
<h3 class="day_ttl" id="day01">12月1日（火曜日）</h3>
<div class="event_item">
<ul class="event_cate"><li class="cate06">産業・ビジネス</li></ul>
<p class="event_ttl"><a href="/sangyo/monozukuri/1009188.html">「ねやがわのものづくり企業」パネル展を開催します</a></p>
<ul class="event_icon"><li class="icon_fuyou">申込不要</li><li class="icon_free">無料</li></ul>
<dl class="event_data">
<dt>開催期間</dt>
<dd>2026年12月1日（火曜日）から2027年1月15日（金曜日）まで</dd>
<dt>開催場所</dt>
<dd>寝屋川市役所</dd>
</dl>
</div>
<div class="event_item">
<ul class="event_cate"><li class="cate06">産業・ビジネス</li></ul>
<p class="event_ttl"><a href="/sangyo/hojokin/1009251.html">寝屋川市中小企業販路開拓支援補助金（第2次募集）のご案内</a></p>
<dl class="event_data">
<dt>開催期間</dt>
<dd>2026年12月1日（火曜日）から2027年1月29日（金曜日）まで</dd>
<dt>開催場所</dt>
<dd>寝屋川市役所</dd>
</dl>
</div>
</div>
<div class="event_day">
<h3 class="day_ttl" id="day10">12月10日（木曜日）</h3>
<div class="event_item">
<ul class="event_cate"><li class="cate06">産業・ビジネス</li></ul>
<p class="event_ttl"><a href="/sangyo/shoko/1009214.html">【受付終了】インボイス制度・電子帳簿保存法 実務対応セミナー</a></p>
<ul class="event_icon"><li class="icon_moushikomi">要申込</li><li class="icon_free">無料</li><li class="icon_shuryo">受付終了</li></ul>
<dl class="event_data">
<dt>開催日</dt>
<dd>2026年12月10日（木曜日）</dd>
<dt>開催場所</dt>
<dd>ねやがわビジネスプラザ</dd>
</dl>
</div>
</div>
<div class="event_day">
<h3 class="day_ttl" id="day17">12月17日（木曜日）</h3>
<div class="event_item">
<ul class="event_cate"><li class="cate06">産業・ビジネス</li></ul>
<p class="event_ttl"><a href="/sangyo/shoko/1009230.html">中小企業診断士による「経営なんでも相談会」（12月から2月）</a></p>
<ul class="event_icon"><li class="icon_moushikomi">要予約</li><li class="icon_free">無料</li></ul>
<dl class="event_data">
<dt>開催日</dt>
<dd>2026年12月17日（木曜日）</dd>
<dt>開催場所</dt>
<dd>ねやがわビジネスプラザ</dd>
</dl>
</div>
</div>
<div class="event_day">
<h3 class="day_ttl" id="day25">12月25日（金曜日）</h3>
<div class="event_item">
<ul class="event_cate"><li class="cate06">産業・ビジネス</li></ul>
<p class="event_ttl"><a href="/sangyo/monozukuri/1009266.html">「ねやがわものづくり技術展示商談会2027」の出展者を募集します</a></p>
<ul class="event_icon"><li class="icon_moushikomi">要申込</li><li class="icon_yuryo">有料</li></ul>
<dl class="event_data">
<dt>開催日</dt>
<dd>2026年12月25日（金曜日）</dd>
</dl>
</div>
</div>
<div class="event_day">
<h3 class="day_ttl" id="day29">12月29日（火曜日）</h3>
<div class="event_item">
<ul class="event_cate"><li class="cate06">産業・ビジネス</li></ul>
<p class="event_ttl"><a href="/shisetsu/bizplaza/1001420.html">ねやがわビジネスプラザの休館日</a></p>
<dl class="event_data">
<dt>開催期間</dt>
<dd>2026年12月29日（火曜日）から2027年1月3日（日曜日）まで</dd>
<dt>開催場所</dt>
<dd>ねやがわビジネスプラザ</dd>
</dl>
</div>
</div>
</div>
<div class="cal_month_navi cal_month_navi_bottom">
<p class="prev"><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=11&amp;cate=6" class="prev_month">&lt;&nbsp;前の月</a></p>
<p class="next"><a href="/event/calendar.php?mode=list&amp;y=2027&amp;m=1&amp;cate=6" class="next_month">次の月&nbsp;&gt;</a></p>
</div>
<div class="cal_notice">
<ul>
<li>イベントカレンダーには、前月から2027年3月（令和8年度末）までのイベントを掲載しています。前月より前のイベントは表示されません。</li>
<li>複数日にわたって開催するイベントは、開催期間の初日（月をまたぐ場合はその月の1日）に表示しています。</li>
<li>イベントの内容は変更になる場合があります。詳しくは各イベントのページをご確認いただくか、掲載している担当課へお問い合わせください。</li>
<li>市以外の団体が主催するイベントについては、主催者へ直接お問い合わせください。</li>
</ul>
</div>
</div><!-- /main_body -->
</div><!-- /main -->
<div id="side">
<div class="side_box side_minical">
<h2>カレンダー</h2>
<table class="mini_calendar">
<caption>2026年12月</caption>
<thead><tr><th class="sun">日</th><th>月</th><th>火</th><th>水</th><th>木</th><th>金</th><th class="sat">土</th></tr></thead>
<tbody>
<tr><td class="other">&nbsp;</td><td class="other">&nbsp;</td><td><a href="#day01">1</a></td><td>2</td><td>3</td><td>4</td><td class="sat">5</td></tr>
<tr><td class="sun today">6</td><td>7</td><td>8</td><td>9</td><td><a href="#day10">10</a></td><td>11</td><td class="sat">12</td></tr>
<tr><td class="sun">13</td><td>14</td><td>15</td><td>16</td><td><a href="#day17">17</a></td><td>18</td><td class="sat">19</td></tr>
<tr><td class="sun">20</td><td>21</td><td>22</td><td>23</td><td>24</td><td><a href="#day25">25</a></td><td class="sat">26</td></tr>
<tr><td class="sun">27</td><td>28</td><td><a href="#day29">29</a></td><td>30</td><td>31</td><td class="other">&nbsp;</td><td class="other">&nbsp;</td></tr>
</tbody>
</table>
<p class="minical_navi"><a href="/event/calendar.php?mode=list&amp;y=2026&amp;m=11&amp;cate=6" class="prev_month">&lt;&nbsp;前の月</a> <a href="/event/calendar.php?mode=list&amp;y=2027&amp;m=1&amp;cate=6" class="next_month">次の月&nbsp;&gt;</a></p>
</div>
<div class="side_box side_search">
<h2>イベントを探す</h2>
<form action="/event/calendar.php" method="get">
<input type="hidden" name="mode" value="list">
<p><label for="cal_ym">開催月</label>
<select name="ym" id="cal_ym">
<option value="2026-11">2026年11月</option>
<option value="2026-12" selected>2026年12月</option>
<option value="2027-1">2027年1月</option>
<option value="2027-2">2027年2月</option>
<option value="2027-3">2027年3月</option>
</select></p>
<p><label for="cal_cate">カテゴリ</label>
<select name="cate" id="cal_cate">
<option value="0">すべて</option>
<option value="1">講座・教室</option>
<option value="2">子育て・教育</option>
<option value="3">健康・福祉</option>
<option value="4">文化・芸術</option>
<option value="5">スポーツ</option>
<option value="6" selected>産業・ビジネス</option>
<option value="7">観光・まつり</option>
<option value="8">市民活動・その他</option>
</select></p>
<fieldset>
<legend>対象</legend>
<label><input type="checkbox" name="target[]" value="1">乳幼児</label>
<label><input type="checkbox" name="target[]" value="2">小学生</label>
<label><input type="checkbox" name="target[]" value="3">中学生・高校生</label>
<label><input type="checkbox" name="target[]" value="4">一般</label>
<label><input type="checkbox" name="target[]" value="5">高齢者</label>
<label><input type="checkbox" name="target[]" value="6">事業者</label>
</fieldset>
<p><label for="cal_keyword">キーワード</label>
<input type="text" name="keyword" id="cal_keyword" value=""></p>
<p><input type="submit" value="この条件で表示"></p>
</form>
</div>
<div class="side_box side_link">
<h2>関連リンク</h2>
<ul>
<li><a href="/sangyo/shoko/index.html">商工業の支援</a></li>
<li><a href="/sangyo/sogyo/index.html">創業支援</a></li>
<li><a href="/shisetsu/bizplaza/index.html">ねやがわビジネスプラザ</a></li>
<li><a href="/site/event/1000902.html">イベントカレンダーへの掲載について（市の事業・後援事業）</a></li>
</ul>
</div>
</div><!-- /side -->
</div><!-- /container -->
<div id="pagetop"><a href="#wrapper">ページの先頭へ戻る</a></div>
<!-- フッター -->
<footer id="footer">
<ul id="footer_navi">
<li><a href="/site/policy/privacy.html">個人情報の取り扱い</a></li>
<li><a href="/site/policy/link.html">リンク・著作権・免責事項</a></li>
<li><a href="/site/policy/riyo.html">ホームページの使い方</a></li>
<li><a href="/shisei/koho/1000120.html">ご意見・お問い合わせ</a></li>
</ul>
<div id="footer_info">
<p class="footer_name">寝屋川市役所</p>
<address>〒572-8555　大阪府寝屋川市本町1番1号</address>
<p>開庁時間：月曜日から金曜日　午前9時から午後5時30分まで（祝日・休日、年末年始を除く）</p>
<p><a href="/shisei/annai/1000310.html">市役所へのアクセス</a>　<a href="/soshiki/index.html">組織と業務内容</a>　<a href="/shisei/annai/1000325.html">法人番号</a></p>
</div>
<p id="copyright"><small>Copyright &copy; Neyagawa City. All Rights Reserved.</small></p>
</footer>
<!-- フッター ここまで -->
</div>
</body>
</html>
