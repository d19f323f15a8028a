<!DOCTYPE html>
<html lang="ja" class="no-js">
<head>
<meta charset="utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="CODE_LANGUAGE" content="C#" />
<meta name="description" content="例信用金庫（東大阪市）の公式ホームページです。" />
<meta name="format-detection" content="telephone=no" />
<title>インボイス・電子帳簿保存法 実務対応セミナー｜セミナー・イベント｜例信用金庫</title>
<link rel="canonical" href="https://www.rei-shinkin.example.jp/hojin/seminar/2026/1112-invoice.aspx" />
<link rel="alternate" hreflang="ja" href="https://www.rei-shinkin.example.jp/hojin/seminar/2026/1112-invoice.aspx" />
<meta property="og:title" content="インボイス・電子帳簿保存法 実務対応セミナー｜セミナー・イベント｜例信用金庫" />
<meta property="og:type" content="article" />
<meta property="og:site_name" content="例信用金庫" />
<meta property="og:image" content="/-/media/images/common/ogp.png?la=ja&amp;hash=C69F52E931652F4F60A983ECB2454C58" />
<link rel="icon" href="/-/media/images/common/favicon.ico?la=ja" />
<link rel="stylesheet" href="/assets/css/common.css?v=20260915" />
<link rel="stylesheet" href="/assets/css/hojin.css?v=20260915" />
<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" data-document-language="true" type="text/javascript" charset="UTF-8" data-domain-script="0190c2a4-XXXX-7d5e-9c31-XXXXXXXXXXXX"></script>
<script type="text/javascript">function OptanonWrapper() { }</script>
<!-- Google Tag Manager -->
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-XXXX7Q');</script>
<!-- End Google Tag Manager -->
</head>
<body class="p-hojin">
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-XXXX7Q" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>
<form method="post" action="/hojin/seminar/2026/1112-invoice.aspx?sc_lang=ja" id="mainform">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTksku+gNKQRnVgdg+FHXufHnxmhXJXG2C+9kmo7efS8wmyS76A0pBGdWB2D4Ude58efGaFclcbYL72Sajt59LzZGRk" />
</div>
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="352153F2" />
</div>
<div id="wrapper" class="l-wrapper">
<a href="#main" class="c-skip">本文へスキップ</a>
<header class="l-header" id="header">
<div class="l-header__inner">
<div class="l-header__top">
<div class="l-header__logo"><a href="/?sc_lang=ja"><img src="/-/media/images/common/logo.svg?la=ja&amp;hash=96D6F2E7E1F705AB5E59C84A6DC009B2" alt="例信用金庫" width="220" height="40" /></a></div>
<div class="l-header__utility">
<ul class="l-header__utilityList">
<li class="l-header__fontsize"><span>文字サイズ</span><button type="button" class="js-fontsize is-active" data-size="m">標準</button><button type="button" class="js-fontsize" data-size="l">大</button></li>
<li><a href="/tenpo.aspx">店舗・ATM検索</a></li>
<li><a href="/faq.aspx">よくあるご質問</a></li>
<li><a href="/contact.aspx">お問い合わせ</a></li>
<li class="l-header__lang"><a href="/hojin/seminar/2026/1112-invoice.aspx?sc_lang=ja" class="is-active" lang="ja">日本語</a> / <a href="/en.aspx?sc_lang=en" lang="en">English</a></li>
</ul>
<div class="l-header__search">
<input name="ctl00$header$txtSearch" type="text" id="header_txtSearch" class="c-search__input" placeholder="サイト内検索" />
<input type="submit" name="ctl00$header$btnSearch" value="検索" id="header_btnSearch" class="c-search__btn" />
</div>
</div>
<div class="l-header__ib">
<a href="https://www.ib.example-shinkin.jp/rei/kojin/" class="c-btn c-btn--ib" target="_blank" rel="noopener">個人IB ログイン</a>
<a href="https://www.ib.example-shinkin.jp/rei/hojin/" class="c-btn c-btn--ib" target="_blank" rel="noopener">法人IB ログイン</a>
</div>
</div>
</div>
<nav class="l-gnav" id="js-gnav" aria-label="グローバルナビゲーション">
<div class="l-gnav__inner">
<ul class="l-gnav__list">
<li class="l-gnav__item l-gnav__item--hasmega"><a href="/kojin.aspx" class="l-gnav__link"><span>個人のお客さま</span></a>
<div class="l-megamenu" aria-hidden="true">
<div class="l-megamenu__inner">
<div class="l-megamenu__row">
<div class="l-megamenu__col">
<p class="l-megamenu__ttl"><a href="/kojin/tameru.aspx">ためる・ふやす</a></p>
<ul class="l-megamenu__list">
<li><a href="/kojin/tameru/futsu.aspx">普通預金</a></li>
<li><a href="/kojin/tameru/teiki.aspx">定期預金</a></li>
<li><a href="/kojin/tameru/toshin.aspx">投資信託</a></li>
<li><a href="/kojin/tameru/ideco.aspx">iDeCo</a></li>
</ul>
</div>
<div class="l-megamenu__col">
<p class="l-megamenu__ttl"><a href="/kojin/kariru.aspx">かりる</a></p>
<ul class="l-megamenu__list">
<li><a href="/kojin/kariru/jutaku.aspx">住宅ローン</a></li>
<li><a href="/kojin/kariru/car.aspx">マイカーローン</a></li>
<li><a href="/kojin/kariru/kyoiku.aspx">教育ローン</a></li>
</ul>
</div>
<div class="l-megamenu__col">
<p class="l-megamenu__ttl"><a href="/kojin/sonaeru.aspx">そなえる</a></p>
<ul class="l-megamenu__list">
<li><a href="/kojin/sonaeru/hoken.aspx">保険</a></li>
<li><a href="/kojin/sonaeru/sozoku.aspx">相続・遺言</a></li>
</ul>
</div>
</div>
</div>
</div>
</li>
<li class="l-gnav__item l-gnav__item--hasmega is-current"><a href="/hojin.aspx" class="l-gnav__link"><span>法人・個人事業主のお客さま</span></a>
<div class="l-megamenu" aria-hidden="true">
<div class="l-megamenu__inner">
<div class="l-megamenu__row">
<div class="l-megamenu__col">
<p class="l-megamenu__ttl"><a href="/hojin/yushi.aspx">ご融資</a></p>
<ul class="l-megamenu__list">
<li><a href="/hojin/yushi/unten.aspx">運転資金</a></li>
<li><a href="/hojin/yushi/setsubi.aspx">設備資金</a></li>
<li><a href="/hojin/yushi/seido.aspx">制度融資</a></li>
</ul>
</div>
<div class="l-megamenu__col">
<p class="l-megamenu__ttl"><a href="/hojin/honbu.aspx">本業支援</a></p>
<ul class="l-megamenu__list">
<li><a href="/hojin/honbu/matching.aspx">ビジネスマッチング</a></li>
<li><a href="/hojin/honbu/shokei.aspx">事業承継・M&amp;A</a></li>
<li><a href="/hojin/honbu/sogyo.aspx">創業支援</a></li>
<li><a href="/hojin/seminar.aspx?sc_lang=ja">セミナー・イベント</a></li>
</ul>
</div>
<div class="l-megamenu__col">
<p class="l-megamenu__ttl"><a href="/hojin/kessai.aspx">決済・サービス</a></p>
<ul class="l-megamenu__list">
<li><a href="/hojin/kessai/ib.aspx">法人インターネットバンキング</a></li>
<li><a href="/hojin/kessai/densai.aspx">でんさいネット</a></li>
<li><a href="/hojin/kessai/kyuyo.aspx">給与振込サービス</a></li>
</ul>
</div>
</div>
</div>
</div>
</li>
<li class="l-gnav__item"><a href="/tenpo.aspx" class="l-gnav__link"><span>店舗・ATM</span></a></li>
<li class="l-gnav__item"><a href="/about.aspx" class="l-gnav__link"><span>例しんきんについて</span></a></li>
</ul>
</div>
</nav>
</header>
<main id="main" class="l-main">
<div class="c-breadcrumb">
<div class="l-container">
<ol class="c-breadcrumb__list" itemscope itemtype="https://schema.org/BreadcrumbList">
<li class="c-breadcrumb__item" itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/?sc_lang=ja"><span itemprop="name">ホーム</span></a><meta itemprop="position" content="1" /></li>
<li class="c-breadcrumb__item" itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/hojin.aspx?sc_lang=ja"><span itemprop="name">法人・個人事業主のお客さま</span></a><meta itemprop="position" content="2" /></li>
<li class="c-breadcrumb__item" itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/hojin/seminar.aspx?sc_lang=ja"><span itemprop="name">セミナー・イベント</span></a><meta itemprop="position" content="3" /></li>
<li class="c-breadcrumb__item is-current" itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><span itemprop="name">インボイス・電子帳簿保存法 実務対応セミナー</span><meta itemprop="position" content="4" /></li>
</ol>
</div>
</div>
<div class="l-contents">
<div class="l-container">
<div class="l-row">
<div class="l-col l-col--main">
<article class="p-article">
<div class="p-article__head">
<div class="p-article__tags"><span class="c-tag c-tag--seminar">セミナー・イベント</span><span class="c-badge c-badge--closed">受付終了</span></div>
<h1 class="p-article__ttl">インボイス・電子帳簿保存法 実務対応セミナー</h1>
<p class="p-article__date"><span>掲載日：2026年9月25日</span></p>
</div>
<div class="c-alert c-alert--info">
<p>本セミナーは終了しました。多数のご参加ありがとうございました。</p>
</div>
<div class="component rich-text">
<div class="component-content">
<p>インボイス制度の導入から数年が経ち、経過措置の縮小や電子取引データの保存など、実務で改めて確認しておきたいポイントが増えています。税理士の講師が、経理の現場でつまずきやすい点を中心に解説します。</p>
</div>
</div>
<div class="component p-outline">
<div class="component-content">
<h2 class="c-heading2">開催概要</h2>
<div class="c-table c-table--th20">
<table>
<tbody>
<tr>
<th scope="row">開催日時</th>
<td>2026年11月12日（木）14:00～16:00</td>
</tr>
<tr>
<th scope="row">会場</th>
<td>例信用金庫 本店 4階 大会議室<br />東大阪市例町一丁目1番1号</td>
</tr>
<tr>
<th scope="row">講師</th>
<td>例山 拓也 氏（例山税理士事務所 税理士）</td>
</tr>
<tr>
<th scope="row">対象</th>
<td>当金庫お取引先企業の経営者・経理ご担当者さま</td>
</tr>
<tr>
<th scope="row">定員</th>
<td>60名</td>
</tr>
<tr>
<th scope="row">参加費</th>
<td>無料</td>
</tr>
</tbody>
</table>
</div>
</div>
</div>
<div class="component p-contact">
<div class="component-content">
<h2 class="c-heading2">お問い合わせ</h2>
<div class="p-contact__box">
<p>例信用金庫 地域創生部 本業支援グループ<br />
TEL 06-67XX-XXXX（受付時間 平日9:00～17:00）</p>
</div>
</div>
</div>
<div class="c-backlink"><a href="/hojin/seminar.aspx?sc_lang=ja">セミナー・イベント一覧へ戻る</a></div>
</article>

</div>
<div class="l-col l-col--side">
<div class="c-localnav">
<p class="c-localnav__ttl"><a href="/hojin/honbu.aspx">本業支援</a></p>
<ul class="c-localnav__list">
<li><a href="/hojin/honbu/matching.aspx">ビジネスマッチング</a></li>
<li><a href="/hojin/honbu/shokei.aspx">事業承継・M&amp;A</a></li>
<li><a href="/hojin/honbu/sogyo.aspx">創業支援</a></li>
<li class="is-current"><a href="/hojin/seminar.aspx?sc_lang=ja">セミナー・イベント</a></li>
</ul>
</div>
<div class="c-sideBnr">
<a href="/hojin/honbu/shokei.aspx"><img src="/-/media/images/hojin/bnr_shokei.png?la=ja&amp;hash=F16ED2C586A641DE07FD4D9E63C58E71" alt="事業承継のご相談は例しんきんへ" width="260" height="120" /></a>
<a href="https://www.example-shinkin-kyokai.jp/" target="_blank" rel="noopener"><img src="/-/media/images/hojin/bnr_kyokai.png?la=ja&amp;hash=29E221233008703AAE7311C539080D43" alt="信用金庫の中小企業支援（外部サイト）" width="260" height="120" /></a>
</div>
</div>
</div>
</div>
</div>
</main>
<footer class="l-footer">
<div class="l-footer__inner">
<div class="l-footer__nav">
<div class="l-footer__col">
<p class="l-footer__ttl">個人のお客さま</p>
<ul><li><a href="/kojin/tameru.aspx">ためる・ふやす</a></li><li><a href="/kojin/kariru.aspx">かりる</a></li><li><a href="/kojin/sonaeru.aspx">そなえる</a></li></ul>
</div>
<div class="l-footer__col">
<p class="l-footer__ttl">法人・個人事業主のお客さま</p>
<ul><li><a href="/hojin/yushi.aspx">ご融資</a></li><li><a href="/hojin/honbu.aspx">本業支援</a></li><li><a href="/hojin/seminar.aspx?sc_lang=ja">セミナー・イベント</a></li><li><a href="/hojin/kessai.aspx">決済・サービス</a></li></ul>
</div>
<div class="l-footer__col">
<p class="l-footer__ttl">例しんきんについて</p>
<ul><li><a href="/about/gaiyo.aspx">金庫概要</a></li><li><a href="/about/disclosure.aspx">ディスクロージャー</a></li><li><a href="/news.aspx?sc_lang=ja">ニュースリリース</a></li><li><a href="/recruit.aspx">採用情報</a></li></ul>
</div>
</div>
<div class="l-footer__bottom">
<ul class="l-footer__links">
<li><a href="/policy/privacy.aspx">個人情報保護方針</a></li>
<li><a href="/policy/cookie.aspx">Cookieポリシー</a></li>
<li><a href="/policy/kanyu.aspx">勧誘方針</a></li>
<li><a href="/policy/antisocial.aspx">反社会的勢力に対する基本方針</a></li>
<li><a href="/sitemap.aspx">サイトマップ</a></li>
</ul>
<address class="l-footer__address">例信用金庫　本店 〒577-XXXX 大阪府東大阪市例町一丁目1番1号　TEL 06-67XX-XXXX（代表）<br />登録金融機関 近畿財務局長（登金）第XXX号</address>
<p class="l-footer__copy"><small>Copyright &copy; Rei Shinkin Bank. All Rights Reserved.</small></p>
</div>
</div>
</footer>
<div id="onetrust-consent-sdk-fallback" class="c-cookieBanner js-cookieBanner" role="dialog" aria-label="Cookieの利用について">
<div class="c-cookieBanner__inner">
<p class="c-cookieBanner__text">当金庫のウェブサイトでは、お客さまの利便性向上およびアクセス状況の分析のためにCookieを使用しています。「同意する」をクリックすると、Cookieの使用に同意したものとみなします。詳しくは<a href="/policy/cookie.aspx">Cookieポリシー</a>をご覧ください。</p>
<div class="c-cookieBanner__btns">
<button type="button" class="c-btn c-btn--primary js-cookieAccept">同意する</button>
<button type="button" class="c-btn c-btn--secondary js-cookieSetting">Cookie設定</button>
</div>
</div>
</div>
<a href="#wrapper" class="c-pagetop js-pagetop" aria-label="ページの先頭へ"></a>
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['mainform'];
if (!theForm) { theForm = document.mainform; }
//]]>
</script>
<div class="aspNetHidden">
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAND92D456F8A294D26D086B4659315A7B0" />
</div>
</form>
<script src="/assets/js/vendor/jquery-3.7.1.min.js"></script>
<script src="/assets/js/common.js?v=20260915"></script>
</body>
</html>
