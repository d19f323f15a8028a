<html lang="ja">
<head>
<meta http-equiv="content-type" content="text/html; charset=shift_jis">
<meta http-equiv="content-style-type" content="text/css">
<style type="text/css">
<!--
body,td,th { font-size:13px; font-family:"MS UI Gothic",Osaka,sans-serif; }
a:hover { color:#DD0000; }
.num { color:#999999; }
.sub { color:#006699; font-size:15px; }
.res { color:#666666; }
-->
</style>
<title>ビジネス・地域活動イベント掲示板 - FMさかいベイ 79.3MHz</title>
</head>
<body bgcolor="#F8FAF0" text="#333333" link="#0000FF" vlink="#800080">
<div align="center">
<table width="100%" cellpadding="0" cellspacing="0"><tr><td bgcolor="#0A6E8A" height="56">
<font color="#FFFFFF" size="5"><b>　FMさかいベイ 79.3MHz</b></font>
<font color="#CFEFF5">　堺のまちの、いちばん近くに。</font></td></tr>
<tr><td bgcolor="#E3F1F4">
<font size="2">　<a href="/">トップ</a> ｜ <a href="/program/">番組表</a> ｜ <a href="/program/bizhour/">さかいビジネスアワー</a> ｜ <a href="/bbs/event.cgi">イベント掲示板</a> ｜ <a href="/request/">リクエスト</a> ｜ <a href="/company/">会社概要</a></font></td></tr></table>
<br>
<table width="90%" border="0"><tr><td>
<font size="4" color="#0A6E8A"><b>■ ビジネス・地域活動イベント掲示板</b></font><br>
<font size="2">「さかいビジネスアワー」（毎週土曜 9:00～）と連動した、堺・泉州のビジネスイベント、勉強会、交流会の告知掲示板です。<br>
番組で紹介させていただくことがあります。どなたでも投稿できますが、<b>営業・勧誘のみの投稿や、イベントでない宣伝は管理人が削除します。</b><br>
投稿はイベントの日時・会場・連絡先を必ず書いてください。終了したイベントの記事は2か月ほどで自動的に流れます。</font>
<hr size="1">
<font size="2">[<a href="/">トップに戻る</a>] [<a href="event.cgi?mode=form">新規投稿</a>] [<a href="event.cgi?mode=find">ワード検索</a>] [<a href="event.cgi?mode=howto">留意事項</a>] [<a href="event.cgi?mode=admin">管理用</a>]</font>
</td></tr></table>
<br>
<table width="90%" border="1" cellspacing="0" cellpadding="8" bordercolor="#BBCCAA" bgcolor="#FFFFFF"><tr><td>
<span class="num">[140]</span> <span class="sub"><b>【放送局より】年末年始の特別番組について</b></span><br>
<font size="2">投稿者：<b>FMさかいベイ 管理人</b>　投稿日：2026/12/05(土) 10:02</font> <font size="2">[<a href="event.cgi?mode=res&amp;no=140">返信</a>]</font>
<blockquote>
いつも掲示板をご利用いただきありがとうございます。<br>
12月26日（土）・1月2日（土）の「さかいビジネスアワー」は年末年始特別編成のため休止し、<br>
1月9日（土）から通常放送に戻ります。年末年始の掲示板への投稿の確認は1月5日以降となります。
</blockquote>
</td></tr></table>
<br>
<table width="90%" border="1" cellspacing="0" cellpadding="8" bordercolor="#BBCCAA" bgcolor="#FFFFFF"><tr><td>
<span class="num">[139]</span> <span class="sub"><b>堺・泉北 異業種交流会 3月例会「ビジネスプレゼン大会」</b></span><br>
<font size="2">投稿者：<b>堺・泉北異業種交流会 事務局 中谷</b>　投稿日：2026/12/04(金) 22:13</font> <font size="2">[<a href="event.cgi?mode=res&amp;no=139">返信</a>]</font>
<blockquote>
少し先ですが、3月例会の日程が決まりましたので告知させてください。<br>
会員6社が5分ずつ自社の新サービスをプレゼンし、参加者の投票で「ベストプレゼン賞」を決めます。<br>
<br>
日時：2027年3月12日（金）18:30～20:30<br>
会場：堺市産業振興センター 4F 研修室<br>
参加費：会員無料／一般 1,000円<br>
申込：sakai-senboku-igyoshu@example.jp（中谷）
</blockquote>
</td></tr></table>
<br>
<table width="90%" border="1" cellspacing="0" cellpadding="8" bordercolor="#BBCCAA" bgcolor="#FFFFFF"><tr><td>
<span class="num">[138]</span> <span class="sub"><b>さかいIT勉強会 #31「生成AIで業務改善 ～中小企業の実例～」</b></span><br>
<font size="2">投稿者：<b>さかいIT勉強会 運営 たけうち</b>　投稿日：2026/12/04(金) 08:45</font> <font size="2">[<a href="event.cgi?mode=res&amp;no=138">返信</a>]</font>
<blockquote>
堺で月1回やっているIT勉強会です。今回は生成AIを社内の事務作業にどう使っているか、<br>
地元の工務店さん・会計事務所さんの事例をお話しいただきます。ノートPC持参推奨。<br>
<br>
■日時：12月19日（土）14:00～17:00<br>
■場所：堺東ビジネスラボ 2F 会議室A（南海高野線 堺東駅 徒歩3分）<br>
■参加費：500円（会場費）<br>
■定員：30名　申込はconnpassのページから（「さかいIT勉強会」で検索）
</blockquote>
<div style="margin-left:40px"><hr size="1" noshade>
<span class="num">[141]</span> <span class="res"><b>Re: さかいIT勉強会 #31「生成AIで業務改善 ～中小企業の実例～」</b></span>　<font size="2">投稿者：<b>ふじわら</b>　投稿日：2026/12/05(土) 19:20</font>
<blockquote>初参加です。よろしくお願いします！前回のkintone回も行きたかったです。</blockquote></div>
</td></tr></table>
<br>
<table width="90%" border="1" cellspacing="0" cellpadding="8" bordercolor="#BBCCAA" bgcolor="#FFFFFF"><tr><td>
<span class="num">[137]</span> <span class="sub"><b>【満員御礼】堺・泉北 異業種交流会 新年会</b></span><br>
<font size="2">投稿者：<b>堺・泉北異業種交流会 事務局 中谷</b>　投稿日：2026/12/03(木) 12:30</font> <font size="2">[<a href="event.cgi?mode=res&amp;no=137">返信</a>]</font>
<blockquote>
毎年恒例の新年会です。会員以外の方も大歓迎です。<br>
<br>
日時：2027年1月15日（金）18:00～20:30<br>
会場：ホテル泉北 2F「鶴の間」（泉北高速 泉ケ丘駅すぐ）<br>
会費：6,000円<br>
<br>
<font color="#DD0000"><b>【12/5追記】おかげさまで定員60名に達しました。以降はキャンセル待ちでの受付となります。</b></font>
</blockquote>
</td></tr></table>
<br>
<table width="90%" border="1" cellspacing="0" cellpadding="8" bordercolor="#BBCCAA" bgcolor="#FFFFFF"><tr><td>
<span class="num">[136]</span> <span class="sub"><b>女性起業家の集い in 堺 vol.5</b></span><br>
<font size="2">投稿者：<b>女性起業家の集い 実行委員会</b>　投稿日：2026/12/01(火) 15:40</font> <font size="2">[<a href="event.cgi?mode=res&amp;no=136">返信</a>]</font>
<blockquote>
起業して間もない方、これから起業したい方、女性起業家どうしでつながりませんか？<br>
今回は「ひとり起業の値付けと集客」をテーマにミニ講座と交流会を行います。お子さま連れOKです。<br>
<br>
日時：12月12日（土）13:30～16:30<br>
会場：堺東コミュニティルーム「ひだまり」（堺市堺区三国ヶ丘御幸通）<br>
参加費：1,500円（お茶・お菓子付き）
</blockquote>
</td></tr></table>
<br>
<table width="90%" border="1" cellspacing="0" cellpadding="8" bordercolor="#BBCCAA" bgcolor="#FFFFFF"><tr><td>
<span class="num">[135]</span> <span class="sub"><b>堺 朝活経営者の会 12月例会</b></span><br>
<font size="2">投稿者：<b>堺 朝活経営者の会</b>　投稿日：2026/11/30(月) 06:58</font> <font size="2">[<a href="event.cgi?mode=res&amp;no=135">返信</a>]</font>
<blockquote>
朝の1時間で、経営者どうし1週間のスタートを切りませんか。<br>
12月のゲストスピーカーは、堺刃物の四代目 ○○刃物製作所の専務さんです。<br>
<br>
日時：12月8日（火）6:30～7:30（朝食付き）<br>
会場：ホテル大小路 1F レストラン「ル・ポン」<br>
会費：1,500円
</blockquote>
</td></tr></table>
<br>
<table width="90%" border="1" cellspacing="0" cellpadding="8" bordercolor="#BBCCAA" bgcolor="#FFFFFF"><tr><td>
<span class="num">[134]</span> <span class="sub"><b>【延期】創業セミナー「はじめての創業計画づくり」</b></span><br>
<font size="2">投稿者：<b>堺 創業応援ネット 川上</b>　投稿日：2026/11/28(土) 11:05</font> <font size="2">[<a href="event.cgi?mode=res&amp;no=134">返信</a>]</font>
<blockquote>
<font color="#DD0000"><b>※12/2追記：講師の急な都合により、下記セミナーは延期となりました。新しい日程は決まり次第この記事でお知らせします。申し訳ありません。</b></font><br>
<br>
これから創業を考えている方向けに、創業計画書の書き方を中小企業診断士がやさしく解説します。<br>
<br>
日時：2027年1月23日（土）10:00～12:00<br>
会場：堺市立東文化会館 3F 会議室<br>
参加費：無料
</blockquote>
</td></tr></table>
<br>
<table width="90%" border="1" cellspacing="0" cellpadding="8" bordercolor="#BBCCAA" bgcolor="#FFFFFF"><tr><td>
<span class="num">[133]</span> <span class="sub"><b>堺二代目クラブ 1月例会（後継者・若手経営者の会）</b></span><br>
<font size="2">投稿者：<b>堺二代目クラブ 会長 松本</b>　投稿日：2026/11/26(木) 21:33</font> <font size="2">[<a href="event.cgi?mode=res&amp;no=133">返信</a>]</font>
<blockquote>
家業を継いだ人、継ぐ予定の人の集まりです。1月例会は「先代とのコミュニケーション」をテーマに座談会をします。<br>
<br>
日時：2027年1月21日（木）19:00～21:00<br>
会場：堺市総合福祉会館 5F 第2研修室<br>
会費：1,000円（例会後、希望者で懇親会あり・別途）
</blockquote>
</td></tr></table>
<br>
<table width="90%" border="1" cellspacing="0" cellpadding="8" bordercolor="#BBCCAA" bgcolor="#FFFFFF"><tr><td>
<span class="num">[132]</span> <span class="sub"><b>ものづくり ビジネスマッチング交流会 in 堺</b></span><br>
<font size="2">投稿者：<b>堺ものづくり連携協議会</b>　投稿日：2026/11/25(水) 17:10</font> <font size="2">[<a href="event.cgi?mode=res&amp;no=132">返信</a>]</font>
<blockquote>
堺・泉州の製造業の「つくれる」と「つくってほしい」をつなぐ交流会です。<br>
出展企業（20社）の展示と、個別商談タイム、交流会を行います。<br>
<br>
・日時：2027年2月6日（土）13:00～17:00<br>
・会場：堺市産業振興センター 1F イベントホール<br>
・入場無料、商談は事前予約制（予約は1月末まで）
</blockquote>
<div style="margin-left:40px"><hr size="1" noshade>
<span class="num">[142]</span> <span class="res"><b>Re: ものづくり ビジネスマッチング交流会 in 堺</b></span>　<font size="2">投稿者：<b>泉州金属 いしだ</b>　投稿日：2026/11/27(金) 09:12</font>
<blockquote>出展募集はまだしていますか？</blockquote></div>
<div style="margin-left:40px"><hr size="1" noshade>
<span class="num">[143]</span> <span class="res"><b>Re: ものづくり ビジネスマッチング交流会 in 堺</b></span>　<font size="2">投稿者：<b>堺ものづくり連携協議会</b>　投稿日：2026/11/27(金) 13:40</font>
<blockquote>いしださん、出展は12月18日締切で受付中です。事務局までお電話ください。</blockquote></div>
</td></tr></table>
<br>
<table width="90%"><tr><td align="center"><font size="2">[1] <a href="event.cgi?page=2">[2]</a> <a href="event.cgi?page=2">次のページ &gt;&gt;</a></font></td></tr></table>
<br>
<form action="event.cgi" method="post"><input type="hidden" name="mode" value="admin">
<font size="2">記事No <input type="text" name="no" size="4"> 削除キー <input type="password" name="pwd" size="8"> <input type="submit" value="記事削除"></font></form>
<br>
<font size="2">FMさかいベイ株式会社　〒590-0077 堺市堺区中瓦町1-X-XX 堺東スタジオ　TEL 072-2XX-XXXX<br>
- <a href="http://www.kent-web.example/" target="_top">YY-BOARD</a> -</font>
</div>
</body>
</html>
