<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja-JP" lang="ja-JP">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP" />

<!-- meta information for search engines -->
<meta name="generator" content="Nucleus CMS v3.41" />
<meta name="name" content="忠岡みなと商工会 お知らせブログ" />
<meta name="description" content="泉北郡忠岡町の忠岡みなと商工会から、講習会・相談会・部会行事などのお知らせをお届けします。" />

<!-- site stylesheet (site colors and layout definitions：サイドバー左用) -->
<link rel="stylesheet" type="text/css" href="/blog/skins/default/default_left.css" title="left bar" />

<!-- site stylesheet ADDED (some adjustment) -->
<link rel="stylesheet" type="text/css" href="/blog/skins/default/minato.css" />

<!-- RSS 2.0 feed -->
<link rel="alternate" type="application/rss+xml" title="RSS" href="/blog/xml-rss2.php" />

<!-- favorite icon -->
<link rel="shortcut icon" href="/blog/skins/default/favicon.ico" />
<link rel="icon" href="/blog/skins/default/favicon.ico" />
<!-- navigation & page titles -->
<!-- index: page title and extra navigational links -->
<link rel="archives" title="Archives" href="/blog/index.php?archivelist=1" />
<link rel="top" title="Today" href="/blog/index.php" />

<title>忠岡みなと商工会 お知らせブログ</title>
</head>
<body>
<!-- page header -->
<!-- page header -->
<div id="header"><a name="top"></a>
<h1>
		<a href="/blog/">忠岡みなと商工会 お知らせブログ</a>
</h1>
</div>

<!-- begin wrapper divs -->
<div id="mainwrapper"><div id="wrapper">

<!-- page content -->
<div id="container">
<div class="content">
<div class="blogdesc">忠岡みなと商工会からのお知らせ・講習会・相談会・青年部/女性部の行事などを掲載しています。</div>
<div class="datetitle">2026年12月04日(金)</div>

<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=412" title="投稿を読む: 年末年始の休業について">年末年始の休業について</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1">
<small class="contentitemcategory">
カテゴリー: <a href="/blog/index.php?catid=1" title="カテゴリー: お知らせ">お知らせ</a>
</small>
</div>
<div class="contentitem2">
<small class="contentitempostedby">
投稿者: <a href="/blog/index.php?memberid=1" title="投稿者: jimukyoku">jimukyoku</a>
</small>
</div>
<div class="contentitem3">
<small class="contentitemtime">09:12</small>
</div>
</div>
<div class="contentbody">
平素は当会の事業運営にご理解・ご協力を賜り、厚く御礼申し上げます。<br />
誠に勝手ながら、下記の期間は年末年始休業とさせていただきます。<br />
<br />
■休業期間　令和8年12月29日（火）〜令和9年1月4日（月）<br />
<br />
新年は1月5日（火）午前9時より通常どおり業務を行います。<br />
ご不便をおかけいたしますが、何卒よろしくお願い申し上げます。
</div>

<div class="datetitle">2026年12月02日(水)</div>

<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=411" title="投稿を読む: 個別税務相談会のお知らせ">個別税務相談会のお知らせ</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1">
<small class="contentitemcategory">
カテゴリー: <a href="/blog/index.php?catid=3" title="カテゴリー: 相談窓口">相談窓口</a>
</small>
</div>
<div class="contentitem2">
<small class="contentitempostedby">
投稿者: <a href="/blog/index.php?memberid=1" title="投稿者: jimukyoku">jimukyoku</a>
</small>
</div>
<div class="contentitem3">
<small class="contentitemtime">15:40</small>
</div>
</div>
<div class="contentbody">
決算・確定申告を控えた個人事業者の皆様を対象に、税理士による個別の税務相談会を開催いたします。日頃の記帳の疑問や、消費税・インボイスに関するご相談もお受けします。<br />
<br />
■日時　令和8年12月16日（水）午前10時〜午後4時（お一人様40分程度）
<p>&raquo;
<a href="/blog/index.php?itemid=411#more" title="&#39;個別税務相談会のお知らせ&#39; の続きを読む">続きを読む</a>
</p>
</div>

<div class="datetitle">2026年11月27日(金)</div>

<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=410" title="投稿を読む: パソコン講習会「はじめてのエクセル」受講生募集">パソコン講習会「はじめてのエクセル」受講生募集</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1">
<small class="contentitemcategory">
カテゴリー: <a href="/blog/index.php?catid=2" title="カテゴリー: 講習会・セミナー">講習会・セミナー</a>
</small>
</div>
<div class="contentitem2">
<small class="contentitempostedby">
投稿者: <a href="/blog/index.php?memberid=2" title="投稿者: keiei">keiei</a>
</small>
</div>
<div class="contentitem3">
<small class="contentitemtime">11:05</small>
</div>
</div>
<div class="contentbody">
表計算ソフト「エクセル」の基本操作を、パソコンが苦手な方にもわかりやすく指導します。見積書・請求書や売上管理表づくりなど、日々の業務にお役立てください。<br />
<br />
日時は令和9年1月13日（水）・20日（水）・27日（水）の全3回、いずれも午後7時から9時までです（3回連続でのご受講をお願いします）。
<p>&raquo;
<a href="/blog/index.php?itemid=410#more" title="&#39;パソコン講習会「はじめてのエクセル」受講生募集&#39; の続きを読む">続きを読む</a>
</p>
</div>

<div class="datetitle">2026年11月20日(金)</div>

<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=409" title="投稿を読む: 青年部 研修旅行のご案内【定員に達しました】">青年部 研修旅行のご案内【定員に達しました】</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1">
<small class="contentitemcategory">
カテゴリー: <a href="/blog/index.php?catid=4" title="カテゴリー: 青年部">青年部</a>
</small>
</div>
<div class="contentitem2">
<small class="contentitempostedby">
投稿者: <a href="/blog/index.php?memberid=3" title="投稿者: seinenbu">seinenbu</a>
</small>
</div>
<div class="contentitem3">
<small class="contentitemtime">17:22</small>
</div>
</div>
<div class="contentbody">
<strong>【12月3日 追記】おかげさまで定員に達しましたので、申込受付を締め切らせていただきました。キャンセル待ちをご希望の方は事務局までご連絡ください。</strong><br />
<br />
青年部では、恒例の研修旅行を下記のとおり実施します。今回は石川県の伝統産業の事業所見学と、現地商工会青年部との交流会を予定しています。部員の皆様のご参加をお待ちしております。<br />
<br />
■日程　令和9年2月20日（土）〜21日（日）　1泊2日
<p>&raquo;
<a href="/blog/index.php?itemid=409#more" title="&#39;青年部 研修旅行のご案内【定員に達しました】&#39; の続きを読む">続きを読む</a>
</p>
</div>

<div class="datetitle">2026年11月13日(金)</div>

<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=408" title="投稿を読む: 女性部 クリスマス交流会のご案内">女性部 クリスマス交流会のご案内</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1">
<small class="contentitemcategory">
カテゴリー: <a href="/blog/index.php?catid=5" title="カテゴリー: 女性部">女性部</a>
</small>
</div>
<div class="contentitem2">
<small class="contentitempostedby">
投稿者: <a href="/blog/index.php?memberid=1" title="投稿者: jimukyoku">jimukyoku</a>
</small>
</div>
<div class="contentitem3">
<small class="contentitemtime">10:31</small>
</div>
</div>
<div class="contentbody">
女性部では、毎年恒例のクリスマス交流会を開催いたします。部員同士の親睦を深めるとともに、近隣商工会女性部の皆様との交流の場にもなっています。部員以外の会員事業所の女性の方のご参加も大歓迎です。<br />
<br />
■日時　12月11日（金）午後6時30分〜午後8時30分（受付 午後6時〜）
<p>&raquo;
<a href="/blog/index.php?itemid=408#more" title="&#39;女性部 クリスマス交流会のご案内&#39; の続きを読む">続きを読む</a>
</p>
</div>

<div class="datetitle">2026年11月06日(金)</div>

<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=407" title="投稿を読む: 事業承継セミナー「次の世代へバトンをつなぐ」のご案内">事業承継セミナー「次の世代へバトンをつなぐ」のご案内</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1">
<small class="contentitemcategory">
カテゴリー: <a href="/blog/index.php?catid=2" title="カテゴリー: 講習会・セミナー">講習会・セミナー</a>
</small>
</div>
<div class="contentitem2">
<small class="contentitempostedby">
投稿者: <a href="/blog/index.php?memberid=2" title="投稿者: keiei">keiei</a>
</small>
</div>
<div class="contentitem3">
<small class="contentitemtime">14:08</small>
</div>
</div>
<div class="contentbody">
<span style="color:#CC0000;"><strong>※会場変更のお知らせ（11月24日）<br />
お申込みが多数となったため、会場を「例浜公民館 3階 大ホール」に変更いたしました。お間違えのないようご注意ください。</strong></span><br />
<br />
「そろそろ後継者のことを考えないと…」「何から始めればいいのかわからない」という経営者の方へ。事業の引き継ぎの進め方や、税制・補助金などの支援策について、専門家が事例を交えてわかりやすく解説します。<br />
<br />
■日時　令和8年12月9日（水）午後2時〜午後4時
<p>&raquo;
<a href="/blog/index.php?itemid=407#more" title="&#39;事業承継セミナー「次の世代へバトンをつなぐ」のご案内&#39; の続きを読む">続きを読む</a>
</p>
</div>

<div class="datetitle">2026年10月30日(金)</div>

<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=406" title="投稿を読む: 【中止】第12回会員親睦ゴルフコンペ">【中止】第12回会員親睦ゴルフコンペ</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1">
<small class="contentitemcategory">
カテゴリー: <a href="/blog/index.php?catid=1" title="カテゴリー: お知らせ">お知らせ</a>
</small>
</div>
<div class="contentitem2">
<small class="contentitempostedby">
投稿者: <a href="/blog/index.php?memberid=1" title="投稿者: jimukyoku">jimukyoku</a>
</small>
</div>
<div class="contentitem3">
<small class="contentitemtime">16:45</small>
</div>
</div>
<div class="contentbody">
11月29日（日）に例カントリー倶楽部にて開催を予定しておりました「第12回会員親睦ゴルフコンペ」は、参加申込が少数にとどまったため、誠に残念ながら中止とさせていただくことになりました。<br />
<br />
お申込みいただいた皆様には大変ご迷惑をおかけいたしますこと、深くお詫び申し上げます。<br />
なお、次回は令和9年春ごろの開催を予定しております。決まり次第ご案内いたします。
</div>

<div class="datetitle">2026年10月23日(金)</div>

<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=405" title="投稿を読む: 年末調整説明会を開催しました">年末調整説明会を開催しました</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1">
<small class="contentitemcategory">
カテゴリー: <a href="/blog/index.php?catid=6" title="カテゴリー: 活動報告">活動報告</a>
</small>
</div>
<div class="contentitem2">
<small class="contentitempostedby">
投稿者: <a href="/blog/index.php?memberid=2" title="投稿者: keiei">keiei</a>
</small>
</div>
<div class="contentitem3">
<small class="contentitemtime">13:17</small>
</div>
</div>
<div class="contentbody">
10月21日（水）、当会館2階大会議室にて「年末調整説明会」を開催しました。当日は会員事業所の経理ご担当者を中心に28名の方にご参加いただきました。<br />
<br />
<img src="/blog/media/2/20261023-nencho01.jpg" width="400" height="300" alt="説明会の様子" title="説明会の様子" />
<p>&raquo;
<a href="/blog/index.php?itemid=405#more" title="&#39;年末調整説明会を開催しました&#39; の続きを読む">続きを読む</a>
</p>
</div>

<div class="datetitle">2026年10月16日(金)</div>

<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=404" title="投稿を読む: 電気設備点検に伴う臨時休館のお知らせ">電気設備点検に伴う臨時休館のお知らせ</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1">
<small class="contentitemcategory">
カテゴリー: <a href="/blog/index.php?catid=1" title="カテゴリー: お知らせ">お知らせ</a>
</small>
</div>
<div class="contentitem2">
<small class="contentitempostedby">
投稿者: <a href="/blog/index.php?memberid=1" title="投稿者: jimukyoku">jimukyoku</a>
</small>
</div>
<div class="contentitem3">
<small class="contentitemtime">09:03</small>
</div>
</div>
<div class="contentbody">
電気設備の法定点検に伴う停電のため、下記の日時は商工会館を臨時休館いたします。<br />
休館中は電話・FAX・メールもご利用いただけません。<br />
<br />
■日時　令和8年10月26日（月）午前9時〜正午<br />
<br />
午後1時からは通常どおり業務を行います。ご迷惑をおかけしますが、ご理解のほどよろしくお願いいたします。
</div>

<div class="datetitle">2026年10月09日(金)</div>

<div class="contenttitle">
<h2><a href="/blog/index.php?itemid=403" title="投稿を読む: 日本政策金融公庫 出張融資相談会のお知らせ">日本政策金融公庫 出張融資相談会のお知らせ</a></h2>
</div>
<div class="contentitem">
<div class="contentitem1">
<small class="contentitemcategory">
カテゴリー: <a href="/blog/index.php?catid=3" title="カテゴリー: 相談窓口">相談窓口</a>
</small>
</div>
<div class="contentitem2">
<small class="contentitempostedby">
投稿者: <a href="/blog/index.php?memberid=2" title="投稿者: keiei">keiei</a>
</small>
</div>
<div class="contentitem3">
<small class="contentitemtime">15:26</small>
</div>
</div>
<div class="contentbody">
日本政策金融公庫 岸和田支店の融資担当者が商工会に来所し、運転資金・設備資金などの融資に関するご相談をお受けします。年末の資金繰りや設備投資をご検討中の方はぜひご利用ください。<br />
<br />
■日時　令和8年11月12日（木）午前10時〜午後3時
<p>&raquo;
<a href="/blog/index.php?itemid=403#more" title="&#39;日本政策金融公庫 出張融資相談会のお知らせ&#39; の続きを読む">続きを読む</a>
</p>
</div>

<div class="pagelink"><a href="/blog/index.php?archive=2026-10&amp;blogid=1">&laquo; 以前の記事は月別アーカイブからご覧ください</a></div>
</div>

<!-- page menu -->
<h2 class="hidden">サイドバー</h2>
<div id="sidebarcontainer">
<!-- page menu -->
<div class="sidebar">
<dl class="sidebardl">
<dt>ナビゲーション</dt>

<dd><a href="/blog/index.php" title="最新の投稿">最新の投稿</a></dd>
<dd><a href="/blog/index.php?archivelist=1" title="過去の投稿">過去の投稿</a></dd>
</dl>
</div>

<!-- category list, not on error or member page -->
<div class="sidebar">
<dl class="sidebardl">
<dt>カテゴリ</dt>
<dd>
<a href="/blog/" title="全てのカテゴリー">全てのカテゴリー</a>
</dd>
<dd>
<a href="/blog/index.php?catid=1" title="カテゴリー: お知らせ">お知らせ</a>
</dd>
<dd>
<a href="/blog/index.php?catid=2" title="カテゴリー: 講習会・セミナー">講習会・セミナー</a>
</dd>
<dd>
<a href="/blog/index.php?catid=3" title="カテゴリー: 相談窓口">相談窓口</a>
</dd>
<dd>
<a href="/blog/index.php?catid=4" title="カテゴリー: 青年部">青年部</a>
</dd>
<dd>
<a href="/blog/index.php?catid=5" title="カテゴリー: 女性部">女性部</a>
</dd>
<dd>
<a href="/blog/index.php?catid=6" title="カテゴリー: 活動報告">活動報告</a>
</dd>
</dl>
</div>

<!-- archive list -->
<div class="sidebar">
<dl class="sidebardl">
<dt>月別アーカイブ</dt>
<dd>
<a href="/blog/index.php?archive=2026-12&amp;blogid=1" title="過去の投稿 2026年12月">2026年12月</a>
</dd>
<dd>
<a href="/blog/index.php?archive=2026-11&amp;blogid=1" title="過去の投稿 2026年11月">2026年11月</a>
</dd>
<dd>
<a href="/blog/index.php?archive=2026-10&amp;blogid=1" title="過去の投稿 2026年10月">2026年10月</a>
</dd>
<dd>
<a href="/blog/index.php?archive=2026-09&amp;blogid=1" title="過去の投稿 2026年09月">2026年09月</a>
</dd>
<dd>
<a href="/blog/index.php?archive=2026-08&amp;blogid=1" title="過去の投稿 2026年08月">2026年08月</a>
</dd>
<dd>
<a href="/blog/index.php?archive=2026-07&amp;blogid=1" title="過去の投稿 2026年07月">2026年07月</a>
</dd>
<dd>
<a href="/blog/index.php?archive=2026-06&amp;blogid=1" title="過去の投稿 2026年06月">2026年06月</a>
</dd>
<dd>
<a href="/blog/index.php?archive=2026-05&amp;blogid=1" title="過去の投稿 2026年05月">2026年05月</a>
</dd>
<dd>
<a href="/blog/index.php?archive=2026-04&amp;blogid=1" title="過去の投稿 2026年04月">2026年04月</a>
</dd>
</dl>
</div>

<!-- search form -->
<div class="sidebar">
<dl class="sidebardl">
<dt>検索</dt>
<dd><form method="get" action="/blog/index.php">
	<div class="searchform">
<input type="hidden" name="amount" value="0" />
<input type="hidden" name="blogid" value="1" />
		<input name="query" class="formfield" size="10" maxlength="60" accesskey="4" value="" />
		<input type="submit" value="検索" class="formbutton" />
	</div>
</form>
</dd>
</dl>
</div>

<!-- login form -->
<div class="sidebar">
<dl class="sidebardl">
<dt>ログイン</dt>
<dd><form method="post" action="/blog/action.php">
	<div class="loginform">
<input type="hidden" name="action" value="login" />
		<label for="nucleus_lf_name" accesskey="l">ログインID</label>: <input id="nucleus_lf_name" name="login" size="10" value="" class="formfield" /><br />
		<label for="nucleus_lf_pwd">パスワード</label>: <input id="nucleus_lf_pwd" name="password" size="10" type="password" value="" class="formfield" /><br />
		<input type="checkbox" value="1" name="shared" id="nucleus_lf_shared" /><label for="nucleus_lf_shared">共有PC</label><br />
		<input type="submit" value="ログイン" class="formbutton" />
	</div>
</form>
</dd>
</dl>
</div>

<!-- links -->
<div class="sidebar">
<dl class="sidebardl">
<dt>リンク</dt>
<dd><a href="/" title="忠岡みなと商工会 ホームページ">忠岡みなと商工会 ホームページ</a></dd>
<dd><a href="https://mirasapo-plus.go.jp/" title="ミラサポplus">中小企業庁 ミラサポplus</a></dd>
</dl>
</div>

<!-- Powered by -->
<div class="sidebar">
<div class="sidebardl centerize">
<a href="http://japan.nucleuscms.org/"><img src="/blog/nucleus/images/nucleus.gif" width="85" height="31" alt="Powered by Nucleus CMS" title="Powered by Nucleus CMS" /></a>
</div>
</div>
</div>

<div class="clearing">&nbsp;</div>
</div></div>
<!-- end wrapper divs -->

<!-- page footer, copyrights, etc. -->
<div id="footer">
<div id="copyrights">
	<small>Copyright &copy; 忠岡みなと商工会（〒595-08XX 大阪府泉北郡忠岡町忠岡東X丁目X-X　TEL 0725-2X-XXXX　FAX 0725-2X-XXXX） | <a href="http://japan.nucleuscms.org/">Nucleus CMS v3.41</a> | 
	<a href="#top">ページの先頭に戻る</a></small>
</div>
</div>

</body>
</html>
