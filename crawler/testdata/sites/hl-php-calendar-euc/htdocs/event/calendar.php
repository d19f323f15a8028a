<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP" />
<title>行事カレンダー 2026年12月｜一般社団法人 東大阪ものづくり経営者協会</title>
<link rel="stylesheet" href="/css/common.css" type="text/css" />
<link rel="stylesheet" href="/event/calendar.css" type="text/css" />
</head>
<body>
<div id="wrap">
<div id="header">
<p class="catch">技術と人がつながるまち、東大阪。</p>
<h1><a href="/"><img src="/img/logo.gif" alt="一般社団法人 東大阪ものづくり経営者協会" width="360" height="48" /></a></h1>
<ul id="gnav">
<li><a href="/">ホーム</a></li>
<li><a href="/about/">協会について</a></li>
<li class="on"><a href="/event/calendar.php">行事カレンダー</a></li>
<li><a href="/bukai/">部会・委員会</a></li>
<li><a href="/kaiin/">会員企業紹介</a></li>
<li><a href="/nyukai/">入会のご案内</a></li>
<li><a href="/contact/">お問い合わせ</a></li>
</ul>
</div>
<div id="contents">
<div id="main">
<h2 class="ttl">行事カレンダー</h2>
<p class="lead">協会・各部会の行事予定です。行事名をクリックすると詳細をご覧いただけます。<br />会員外の方の参加可否は各行事の詳細をご確認ください。</p>
<table class="calnav"><tr><td class="prev"><a href="calendar.php?y=2026&amp;m=11">&laquo; 前の月</a></td><td class="month">2026年 12月</td><td class="next"><a href="calendar.php?y=2027&amp;m=1">次の月 &raquo;</a></td></tr></table>
<table class="cal" summary="行事カレンダー">
<tr><th class="w0">日</th><th class="w1">月</th><th class="w2">火</th><th class="w3">水</th><th class="w4">木</th><th class="w5">金</th><th class="w6">土</th></tr>
<tr>
<td class="w0 other">&nbsp;</td>
<td class="w1 other">&nbsp;</td>
<td class="w2"><span class="day">1</span></td>
<td class="w3"><span class="day">2</span></td>
<td class="w4"><span class="day">3</span></td>
<td class="w5"><span class="day">4</span></td>
<td class="w6"><span class="day">5</span></td>
</tr>
<tr>
<td class="w0 today"><span class="day">6</span></td>
<td class="w1"><span class="day">7</span></td>
<td class="w2"><span class="day">8</span></td>
<td class="w3"><span class="day">9</span><div class="ev cat-wakate"><a href="detail.php?id=305" title="若手経営者部会 12月例会「2027年の目標を語る会」">19:00〜<br />若手部会 例会</a></div></td>
<td class="w4"><span class="day">10</span></td>
<td class="w5"><span class="day">11</span></td>
<td class="w6"><span class="day">12</span></td>
</tr>
<tr>
<td class="w0"><span class="day">13</span></td>
<td class="w1"><span class="day">14</span></td>
<td class="w2"><span class="day">15</span></td>
<td class="w3"><span class="day">16</span><div class="ev cat-salon"><a href="detail.php?id=306" title="第59回 異業種交流サロン＆忘年会">18:30〜<br />サロン＆忘年会</a></div></td>
<td class="w4"><span class="day">17</span></td>
<td class="w5"><span class="day">18</span></td>
<td class="w6"><span class="day">19</span></td>
</tr>
<tr>
<td class="w0"><span class="day">20</span></td>
<td class="w1"><span class="day">21</span></td>
<td class="w2"><span class="day">22</span></td>
<td class="w3"><span class="day">23</span></td>
<td class="w4"><span class="day">24</span></td>
<td class="w5"><span class="day">25</span><div class="memo">会報第112号発行</div></td>
<td class="w6"><span class="day">26</span></td>
</tr>
<tr>
<td class="w0"><span class="day">27</span></td>
<td class="w1"><span class="day">28</span></td>
<td class="w2"><span class="day">29</span><div class="memo">事務局休業</div></td>
<td class="w3"><span class="day">30</span><div class="memo">事務局休業</div></td>
<td class="w4"><span class="day">31</span><div class="memo">事務局休業</div></td>
<td class="w5 other">&nbsp;</td>
<td class="w6 other">&nbsp;</td>
</tr>
</table>
<table class="calnav"><tr><td class="prev"><a href="calendar.php?y=2026&amp;m=11">&laquo; 前の月</a></td><td class="month">2026年 12月</td><td class="next"><a href="calendar.php?y=2027&amp;m=1">次の月 &raquo;</a></td></tr></table>
<p class="note">※行事予定は変更になる場合があります。最新の情報は各行事の詳細ページでご確認ください。</p>
</div>
<div id="side">
<div class="sbox">
<h3>お知らせ</h3>
<ul>
<li><span>2026.12.01</span> 年末年始の事務局業務について（12/29〜1/4休業）</li>
<li><span>2026.11.20</span> 会報 第111号を発行しました</li>
<li><span>2026.11.02</span> 「ものづくりビジネスマッチング商談会」発注企業を募集しています</li>
</ul>
</div>
<div class="sbox">
<h3>凡例</h3>
<ul class="legend">
<li><span class="cat-kyokai">■</span> 協会行事</li>
<li><span class="cat-salon">■</span> 異業種交流サロン</li>
<li><span class="cat-wakate">■</span> 若手経営者部会</li>
<li><span class="cat-gijutsu">■</span> 技術交流部会</li>
<li><span class="cat-josei">■</span> 女性経営者の会</li>
</ul>
</div>
<div class="sbox"><a href="/nyukai/"><img src="/img/bn_nyukai.gif" alt="入会のご案内" width="200" height="60" /></a></div>
</div>
</div>
<div id="footer">
<p>一般社団法人 東大阪ものづくり経営者協会　〒577-0054 東大阪市高井田元町1-X-XX 東大阪産業プラザ4F<br />
TEL 06-6789-XXXX　FAX 06-6789-XXXX　（受付 平日9:00〜17:00）</p>
<address>Copyright &copy; Higashiosaka Monozukuri Keieisha Kyokai. All rights reserved.</address>
</div>
</div>
</body>
</html>
