<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">
<title>勉強会・イベント一覧 - なにわ士業ネットワーク</title>
<style type="text/css">
<!--
body { font-size:13px; color:#333333; background-color:#f4f4ee; margin:0; }
table.list { border-collapse:collapse; width:100%; }
table.list th { background-color:#33669a; color:#ffffff; padding:4px; }
table.list td { border:1px solid #cccccc; padding:4px; background-color:#ffffff; }
-->
</style>
</head>
<body>
<table width="760" align="center" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff">
<tr><td style="padding:10px; border-bottom:3px solid #33669a;"><a href="/"><img src="/img/logo.gif" alt="なにわ士業ネットワーク" width="300" height="40" border="0"></a>
<div style="font-size:11px; color:#666666;">税理士・社労士・司法書士・行政書士・弁護士・中小企業診断士の勉強会と交流の会</div></td></tr>
<tr><td style="padding:5px; background-color:#e8eef4;">
<a href="/">トップ</a> ｜ <a href="/about.html">会の紹介</a> ｜ <a href="/cgi-bin/event/event.cgi">勉強会・イベント</a> ｜ <a href="/cgi-bin/event/event.cgi?mode=past">過去の開催</a> ｜ <a href="/member.html">会員一覧</a> ｜ <a href="/nyukai.html">入会案内</a> ｜ <a href="/cgi-bin/contact/mail.cgi">お問い合わせ</a>
</td></tr>
<tr><td style="padding:15px;">
<h2 style="border-left:6px solid #33669a; padding-left:8px;">勉強会・イベント一覧</h2>
<div style="border:1px solid #e0c080; background-color:#fff8e8; padding:8px; margin-bottom:12px;">
<b>■事務局からのお知らせ</b><br>
・年末年始（12/29〜1/3）は事務局を休業します。期間中のお申込みは1/4以降に確認します。<br>
・2027年度の年会費（12,000円）のお振込みは3/31までにお願いします。
</div>
<p>定例勉強会は毎月第2火曜日、北浜で開催しています。会員以外の方もご参加いただけます。<br>
お申込みは各イベントの詳細ページの申込フォームからどうぞ。</p>
<table class="list">
<tr><th>開催日</th><th>時間</th><th>勉強会・イベント名</th><th>会場</th><th>状況</th></tr>
<tr>
<td nowrap>2026/12/08(火)</td>
<td nowrap>18:30〜20:30</td>
<td><a href="event.cgi?mode=detail&amp;no=90">第87回 定例勉強会「相続税の基礎と生前贈与の新ルール」</a></td>
<td>北浜フォーラムビル 5F 第2会議室</td>
<td nowrap align="center"><font color="#0066cc"><b>受付中</b></font></td>
</tr>
<tr>
<td nowrap>2026/12/15(火)</td>
<td nowrap>19:00〜21:30</td>
<td><a href="event.cgi?mode=detail&amp;no=91">士業交流忘年会</a></td>
<td>和食処 こよみ 北浜店</td>
<td nowrap align="center"><font color="#cc0000"><b>満席</b></font></td>
</tr>
<tr>
<td nowrap>2026/12/22(火)</td>
<td nowrap>12:00〜13:30</td>
<td><a href="event.cgi?mode=detail&amp;no=92">【中止】士業ランチ交流会（12月）</a></td>
<td>カフェ・ソレイユ 北浜</td>
<td nowrap align="center"><font color="#999999"><b>中止</b></font></td>
</tr>
<tr>
<td nowrap>2027/01/12(火)</td>
<td nowrap>18:30〜20:30</td>
<td><a href="event.cgi?mode=detail&amp;no=93">第88回 定例勉強会「取引適正化法（改正下請法）と中小企業の実務」</a></td>
<td>北浜フォーラムビル 5F 第2会議室</td>
<td nowrap align="center"><font color="#0066cc"><b>受付中</b></font></td>
</tr>
<tr>
<td nowrap>2027/01/26(火)</td>
<td nowrap>19:00〜20:30</td>
<td><a href="event.cgi?mode=detail&amp;no=94">オンライン勉強会「社労士が解説 2027年度の助成金」</a></td>
<td>オンライン（Zoom）</td>
<td nowrap align="center"><font color="#0066cc"><b>受付中</b></font></td>
</tr>
<tr>
<td nowrap>2027/02/09(火)</td>
<td nowrap>18:30〜20:30</td>
<td><a href="event.cgi?mode=detail&amp;no=95">第89回 定例勉強会「事業承継と民事信託の使いどころ」</a></td>
<td>北浜フォーラムビル 5F 第2会議室</td>
<td nowrap align="center"><font color="#0066cc"><b>受付中</b></font></td>
</tr>
<tr>
<td nowrap>2027/02/20(土)</td>
<td nowrap>13:00〜17:00</td>
<td><a href="event.cgi?mode=detail&amp;no=96">士業合同 経営者向けセミナー＆個別相談会</a></td>
<td>なにわ市民交流センター 3F 大会議室</td>
<td nowrap align="center"><font color="#0066cc"><b>受付中</b></font></td>
</tr>
<tr>
<td nowrap>2027/03/09(火)</td>
<td nowrap>18:30〜20:30</td>
<td><a href="event.cgi?mode=detail&amp;no=97">第90回 定例勉強会「不動産登記の義務化、その後」</a></td>
<td>北浜フォーラムビル 5F 第2会議室</td>
<td nowrap align="center"><font color="#339933"><b>受付前</b></font></td>
</tr>
</table>
<p style="text-align:right;">全8件 ／ <a href="event.cgi?mode=past">過去の開催はこちら</a></p>
</td></tr>
<tr><td style="padding:10px; border-top:1px solid #cccccc; font-size:11px; text-align:center; color:#666666;">
なにわ士業ネットワーク 事務局（北村税理士事務所内）　大阪市中央区北浜9-9-9 北浜フォーラムビル4F　TEL 06-6201-0000<br>
<!-- EventBoard v2.11 --><a href="http://www.weblabo-cgi.example.jp/" target="_blank">EventBoard v2.11</a>
</td></tr>
</table>
</body>
</html>
