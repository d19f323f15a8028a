<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja">
<head>
<meta http-equiv="content-type" content="text/html; charset=EUC-JP" />
<meta http-equiv="content-language" content="ja" />
<meta name="robots" content="index,follow" />
<meta name="keywords" content="法人会,中河内,東大阪,租税教室,青年部会,女性部会,税務研修" />
<meta name="description" content="公益社団法人 中河内法人会の公式サイトです" />
<meta name="generator" content="XOOPS Cube" />
<title>中河内法人会 - 行事予定 - 2026年12月</title>
<link href="/favicon.ico" rel="SHORTCUT ICON" />
<link rel="stylesheet" type="text/css" media="all" href="/xoops.css" />
<link rel="stylesheet" type="text/css" media="all" href="/themes/nakakawachi/style.css" />
<script type="text/javascript" src="/include/xoops.js"></script>
<link rel="stylesheet" type="text/css" media="all" href="/modules/piCal/images/default/style.css" />
</head>
<body>
<div id="container">
<div id="header">
<a href="/"><img src="/themes/nakakawachi/images/logo.gif" width="380" height="60" alt="公益社団法人 中河内法人会" /></a>
<div id="headerlinks"><a href="/">トップ</a> | <a href="/modules/piCal/">行事予定</a> | <a href="/modules/news/">お知らせ</a> | <a href="/modules/contact/">お問い合わせ</a> | <a href="/modules/sitemap/">サイトマップ</a></div>
</div>
<table id="layout" cellspacing="0" cellpadding="0" width="100%">
<tr>
<td id="leftcolumn" valign="top">
<div class="blockTitle">メインメニュー</div>
<div class="blockContent">
<table cellspacing="0"><tr><td id="mainmenu">
<a class="menuTop" href="/">ホーム</a>
<a class="menuMain" href="/modules/pico/index.php?content_id=1">法人会について</a>
<a class="menuMain" href="/modules/pico/index.php?content_id=2">入会のご案内</a>
<a class="menuMain" href="/modules/news/">お知らせ</a>
<a class="menuMain" href="/modules/piCal/">行事予定</a>
<a class="menuSub" href="/modules/piCal/index.php?smode=List">&nbsp;&nbsp;予定一覧</a>
<a class="menuMain" href="/modules/pico/index.php?content_id=5">青年部会</a>
<a class="menuMain" href="/modules/pico/index.php?content_id=6">女性部会</a>
<a class="menuMain" href="/modules/pico/index.php?content_id=8">租税教室</a>
<a class="menuMain" href="/modules/d3downloads/">各種様式ダウンロード</a>
<a class="menuMain" href="/modules/contact/">お問い合わせ</a>
</td></tr></table>
</div>
<div class="blockTitle">ログイン</div>
<div class="blockContent">
<form style="margin-top: 0px;" action="/user.php" method="post">
ユーザ名: <br /><input type="text" name="uname" size="12" value="" maxlength="25" /><br />
パスワード: <br /><input type="password" name="pass" size="12" maxlength="32" /><br />
<input type="hidden" name="xoops_redirect" value="/modules/piCal/" />
<input type="hidden" name="op" value="login" />
<input type="submit" value="ログイン" /><br />
</form>
<a href="/lostpass.php">パスワード紛失</a>
</div>
</td>
<td id="centercolumn" valign="top">
<div id="content">
<table border="0" cellspacing="0" cellpadding="0" width="100%" class="pical_tabs">
<tr>
<td><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-6"><img src="/modules/piCal/images/default/tab_day.gif" alt="日表示" title="日表示" border="0" /></a></td>
<td><a href="/modules/piCal/index.php?smode=Weekly&amp;caldate=2026-12-6"><img src="/modules/piCal/images/default/tab_week.gif" alt="週表示" title="週表示" border="0" /></a></td>
<td><a href="/modules/piCal/index.php?smode=Monthly&amp;caldate=2026-12-6"><img src="/modules/piCal/images/default/tab_month.gif" alt="月表示" title="月表示" border="0" /></a></td>
<td><a href="/modules/piCal/index.php?smode=Yearly&amp;caldate=2026-12-6"><img src="/modules/piCal/images/default/tab_year.gif" alt="年表示" title="年表示" border="0" /></a></td>
<td><a href="/modules/piCal/index.php?smode=List&amp;caldate=2026-12-6"><img src="/modules/piCal/images/default/tab_list_on.gif" alt="予定一覧" title="予定一覧" border="0" /></a></td>
<td width="100%" align="right"><form action="/modules/piCal/index.php" method="get" style="margin:0px;"><select name="cid"><option value="0">全カテゴリー</option><option value="1">本会</option><option value="2">青年部会</option><option value="3">女性部会</option><option value="4">事務局</option></select><input type="hidden" name="smode" value="List" /><input type="submit" value="表示" /></form></td>
</tr>
</table>
<table border="0" cellspacing="0" cellpadding="0" width="100%"><tr>
<td align="left"><a href="/modules/piCal/index.php?smode=Monthly&amp;caldate=2026-11-1">&lt;&lt; 11月</a></td>
<td align="center"><span class="calhead" style="font-size:150%;font-weight:bold;">2026年 12月</span></td>
<td align="right"><a href="/modules/piCal/index.php?smode=Monthly&amp;caldate=2027-1-1">1月 &gt;&gt;</a></td></tr></table>
<table border="0" cellspacing="1" cellpadding="2" width="100%" class="outer" style="table-layout:fixed;">
<tr><th class="head">日</th><th class="head">月</th><th class="head">火</th><th class="head">水</th><th class="head">木</th><th class="head">金</th><th class="head">土</th></tr>
<tr>
<td class="calbody" style="background-color:#eeeeee;">&nbsp;</td>
<td class="calbody" style="background-color:#eeeeee;">&nbsp;</td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-1" style="color:#000000;font-weight:bold;">1</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-2" style="color:#000000;font-weight:bold;">2</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-3" style="color:#000000;font-weight:bold;">3</a><br /><span style="font-size:80%;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000118" class="calsummary" style="color:#3366cc;">14:00 年末調整説明会</a></span><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-4" style="color:#000000;font-weight:bold;">4</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-5" style="color:#0000ff;font-weight:bold;">5</a><br /></td>
</tr>
<tr>
<td class="calbody" valign="top" height="70" style="background-color:#ffffcc;"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-6" style="color:#ff0000;font-weight:bold;">6</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-7" style="color:#000000;font-weight:bold;">7</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-8" style="color:#000000;font-weight:bold;">8</a><br /><span style="font-size:80%;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000121" class="calsummary" style="color:#009933;">18:30 青年部会 12月例会・忘年会</a></span><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-9" style="color:#000000;font-weight:bold;">9</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-10" style="color:#000000;font-weight:bold;">10</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-11" style="color:#000000;font-weight:bold;">11</a><br /><span style="font-size:80%;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000119" class="calsummary" style="color:#3366cc;">13:30 決算法人説明会（11月・12月決算法人対象）</a></span><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-12" style="color:#0000ff;font-weight:bold;">12</a><br /></td>
</tr>
<tr>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-13" style="color:#ff0000;font-weight:bold;">13</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-14" style="color:#000000;font-weight:bold;">14</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-15" style="color:#000000;font-weight:bold;">15</a><br /><span style="font-size:80%;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000124" class="calsummary" style="color:#009933;">10:45 租税教室（青年部会）</a></span><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-16" style="color:#000000;font-weight:bold;">16</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-17" style="color:#000000;font-weight:bold;">17</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-18" style="color:#000000;font-weight:bold;">18</a><br /><span style="font-size:80%;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000125" class="calsummary" style="color:#cc3399;">15:00 【中止】女性部会 研修会「相続とお金の話」</a></span><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-19" style="color:#0000ff;font-weight:bold;">19</a><br /></td>
</tr>
<tr>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-20" style="color:#ff0000;font-weight:bold;">20</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-21" style="color:#000000;font-weight:bold;">21</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-22" style="color:#000000;font-weight:bold;">22</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-23" style="color:#000000;font-weight:bold;">23</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-24" style="color:#000000;font-weight:bold;">24</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-25" style="color:#000000;font-weight:bold;">25</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-26" style="color:#0000ff;font-weight:bold;">26</a><br /></td>
</tr>
<tr>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-27" style="color:#ff0000;font-weight:bold;">27</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-28" style="color:#000000;font-weight:bold;">28</a><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-29" style="color:#000000;font-weight:bold;">29</a><br /><span style="font-size:80%;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000101" class="calsummary" style="color:#999999;">事務局 年末年始休業</a></span><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-30" style="color:#000000;font-weight:bold;">30</a><br /><span style="font-size:80%;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000101" class="calsummary" style="color:#999999;">事務局 年末年始休業</a></span><br /></td>
<td class="calbody" valign="top" height="70"><a href="/modules/piCal/index.php?smode=Daily&amp;caldate=2026-12-31" style="color:#000000;font-weight:bold;">31</a><br /><span style="font-size:80%;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000101" class="calsummary" style="color:#999999;">事務局 年末年始休業</a></span><br /></td>
<td class="calbody" style="background-color:#eeeeee;">&nbsp;</td>
<td class="calbody" style="background-color:#eeeeee;">&nbsp;</td>
</tr>
</table>
</div>
</td>
<td id="rightcolumn" valign="top">
<div class="blockTitle">今後の予定</div>
<div class="blockContent">
<dl>
<dt style="font-size:90%;">12/8(火) 18:30</dt>
<dd style="margin-left:1em;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000121" class="calsummary">青年部会 12月例会・忘年会</a></dd>
<dt style="font-size:90%;">12/11(金) 13:30</dt>
<dd style="margin-left:1em;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000119" class="calsummary">決算法人説明会（11月・12月決算法人対象）</a></dd>
<dt style="font-size:90%;">12/15(火) 10:45</dt>
<dd style="margin-left:1em;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000124" class="calsummary">租税教室（青年部会）</a></dd>
<dt style="font-size:90%;">12/18(金) 15:00</dt>
<dd style="margin-left:1em;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000125" class="calsummary">【中止】女性部会 研修会「相続とお金の話」</a></dd>
<dt style="font-size:90%;">12/29〜1/4(火)</dt>
<dd style="margin-left:1em;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000101" class="calsummary">事務局 年末年始休業</a></dd>
<dt style="font-size:90%;">1/14(木) 16:00</dt>
<dd style="margin-left:1em;"><a href="/modules/piCal/index.php?action=View&amp;event_id=0000000126" class="calsummary">令和9年 新年賀詞交歓会</a></dd>
</dl>
<div style="text-align:right;"><a href="/modules/piCal/index.php?smode=List">もっと見る...</a></div>
</div>
<div class="blockTitle">お知らせ</div>
<div class="blockContent">
<ul>
<li><a href="/modules/news/article.php?storyid=212">年末年始の事務局休業について</a> (2026-11-30)</li>
<li><a href="/modules/news/article.php?storyid=211">「なかかわち」1月号を発行しました</a> (2026-11-27)</li>
<li><a href="/modules/news/article.php?storyid=210">令和8年度 税に関する絵はがきコンクール 入賞作品</a> (2026-11-20)</li>
<li><a href="/modules/news/article.php?storyid=209">福利厚生制度（経営者大型総合保障制度）のご案内</a> (2026-11-10)</li>
</ul>
</div>
<div class="blockTitle">リンク</div>
<div class="blockContent">
<a href="https://www.zenkokuhojinkai.or.jp/"><img src="/uploads/bnr_zenhoren.gif" width="150" height="40" alt="全国法人会総連合" /></a><br />
<a href="https://www.nta.go.jp/about/organization/osaka/"><img src="/uploads/bnr_osaka_kokuzei.gif" width="150" height="40" alt="大阪国税局" /></a><br />
<a href="https://www.e-tax.nta.go.jp/"><img src="/uploads/bnr_etax.gif" width="150" height="40" alt="e-Tax" /></a>
</div>
</td>
</tr>
</table>
<div id="footer">
公益社団法人 中河内法人会　〒577-0809 大阪府東大阪市永和1丁目XX-X 中河内法人会館<br />
TEL 06-6781-XXXX　FAX 06-6781-XXXX　（事務局：平日 9:00〜17:00）<br />
Copyright (C) 2008-2026 Nakakawachi Hojinkai. All rights reserved.　<a href="http://xoopscube.jp/" target="_blank">Powered by XOOPS Cube</a>
</div>
</div>
</body>
</html>
