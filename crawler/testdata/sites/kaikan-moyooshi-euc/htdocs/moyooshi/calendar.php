<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">
<title>催し物カレンダー 2026年12月｜なにわ東産業会館</title>
<link rel="stylesheet" href="/css/base.css" type="text/css">
</head>
<body>
<div id="header"><a href="/"><img src="/img/logo.gif" alt="なにわ東産業会館（公益財団法人 なにわ東産業振興財団）" border="0"></a></div>
<div id="navi"><a href="/">トップ</a>｜<a href="/shisetsu/">施設案内</a>｜<a href="/riyou/">ご利用案内・料金</a>｜<a href="/moyooshi/calendar.php">催し物カレンダー</a>｜<a href="/access.html">交通アクセス</a></div>
<div id="main">
<h2>催し物カレンダー</h2>
<p class="lead">当館で開催される催し物のご案内です。内容・参加方法は各主催者にお問い合わせください。</p>
<h3 class="month">2026年12月の催し物</h3>
<p class="monthnav"><a href="/moyooshi/calendar.php?ym=202701">1月の催し物 &gt;&gt;</a></p>
<table class="cal" border="1" cellspacing="0" cellpadding="4" width="100%">
<tr><th width="6%">日</th><th width="6%">曜</th><th>催し物</th><th width="14%">時間</th><th width="16%">会場</th><th width="20%">主催・問合せ</th></tr>
<tr><td class="day">3</td><td class="youbi">木</td><td class="title">ものづくり企業 合同就職面接会</td><td class="time">13:00〜16:00</td><td class="room">1階 展示ホール</td><td class="org">ハローワーク布施南 06-6780-9999</td></tr>
<tr><td class="day">8</td><td class="youbi">火</td><td class="title"><a href="/moyooshi/detail.php?no=341">創業セミナー「開業資金の集め方」</a></td><td class="time">14:00〜16:00</td><td class="room">5階 研修室</td><td class="org">当館 産業振興課</td></tr>
<tr><td class="day">10</td><td class="youbi">木</td><td class="title">東部異業種交流会 12月例会</td><td class="time">18:30〜20:30</td><td class="room">7階 大会議室</td><td class="org">東部異業種交流会 事務局</td></tr>
<tr><td class="day">15・16</td><td class="youbi">火・水</td><td class="title">東大阪ものづくり見本市2026</td><td class="time">10:00〜17:00</td><td class="room">1階 展示ホール</td><td class="org">見本市実行委員会</td></tr>
<tr><td class="day">21</td><td class="youbi">月</td><td class="title">年末 経営なんでも相談会（予約制）</td><td class="time">10:00〜16:00</td><td class="room">3階 相談室</td><td class="org">当館 経営相談窓口</td></tr>
<tr class="kyukan"><td class="day">28〜31</td><td class="youbi">月〜木</td><td colspan="4">年末年始休館（12月28日〜1月4日）</td></tr>
</table>
<p class="note">※催し物は主催者の都合により変更・中止となる場合があります。</p>
</div>
<div id="footer">なにわ東産業会館　〒578-0099 東大阪市荒本北1-4-17　TEL 06-6748-9999<br>開館時間 9:00〜21:00　休館日：年末年始・設備点検日</div>
</body>
</html>
