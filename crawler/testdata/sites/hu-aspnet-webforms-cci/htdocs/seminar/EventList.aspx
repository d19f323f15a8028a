<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja">
<head><meta http-equiv="Content-Type" content="text/html; charset=shift_jis" /><meta http-equiv="X-UA-Compatible" content="IE=edge" /><title>
	セミナー・イベント一覧 | 門真商工会議所
</title><meta name="keywords" content="門真,商工会議所,セミナー,講習会,経営相談,会員" /><meta name="description" content="門真商工会議所は、門真市の商工業の振興と地域経済の発展のために活動しています。" /><link href="/css/common.css" rel="stylesheet" type="text/css" /><link href="/css/layout.css" rel="stylesheet" type="text/css" /><link href="/css/seminar.css" rel="stylesheet" type="text/css" />
<link rel="alternate" media="only screen and (max-width: 640px)" href="/sp/seminar/EventList.aspx" />
<script type="text/javascript" src="/js/jquery-1.8.3.min.js"></script>
<script type="text/javascript" src="/js/common.js"></script>
<script type="text/javascript">
  var _gaq = _gaq || [];
  _gaq.push(['_setAccount', 'UA-XXXXXXXX-1']);
  _gaq.push(['_trackPageview']);
  (function() {
    var ga = document.createElement('script'); ga.type = 'text/javascript'; ga.async = true;
    ga.src = ('https:' == document.location.protocol ? 'https://ssl' : 'http://www') + '.google-analytics.com/ga.js';
    var s = document.getElementsByTagName('script')[0]; s.parentNode.insertBefore(ga, s);
  })();
</script>
</head>
<body>
    <form method="post" action="./EventList.aspx" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTM0NjU4NzUxNw9kFgJmD2QWAgIDD2QWBAIBD2QWAmYPFgIeBFRleHQFmNUR/sFFp91Ri8/e5lljvD4FdKLRTg93f6RS26GjJrpn/Ob3++y3yYHVtq9PZTQ0+tgqE7FEImOsp1qGAHv8BbujOvgv/vqWROyDg+ODwIsy2ku2vPylhqrzEjJ6EYzSxhfmvrDnHm0aTHhmcWG7LATWByaRBg3AzEYzHnlT43cZWx26Du/i7tAkqg3o0huYIwJxcaHC9DokaT3QY8CeVn0c9i9+PV+LMQI2dWKay8iwbY5sPZ6E+sPBlr0jH+UPkTZhiLwACqyu/2YBhHaUgXJhXgCyUehf7ONUTI+JgFTBw4mIW3pwm3keg8uox5TJJ2wOhvmGoeGJe8Rrz9U1HJgWEFwT9cKcHUs+IipEKP6YnTLkU6voyNMOIBiU0VB/3DF8dZIfSoI9dgcD+Pwqf58OK9Pto9dbQkiiJ9rmvpmklMO1tNqEEEXarq5SW90eH1ahlR/EHPe0rKUZTzrLgsQ3E1fmrEqb2VBi7gkQ51S0J70YD/AVqkaNNcHhnYQ5SFqn7j87ADBRWaiQNQ2PKeK62sqAx5jZs7eqztWOh7aO7Q7MCoMbwTgRoS5IU5pph4F79oQ0GyDogRL6ZP0+QfO5pihNSzffnpAh3MtAhxzuWyqaZfvRojIOoz97qbslcWBNZLeCVnvmzkUJD8/eWXirq5firLWntJ3m2XbPEzkJGsAW1q0UYphQlreXANrVEttPWduSyse7O9y5uR1qQjqEsXafThdhHpzhHR+e2g3vtF/vQt2XFZ/cAVbuZlgTHSjl7RiO6lRVP7NVM/r/xASWuNrcsLWiGFKzms7wCaOy9S4godCIPlwl8aHR45p/WupeEJXdTfytIoX83qiPpBn/psB/d7NDNPa+CDTKwTtwN/p04vGp7TjjMX8+Owdt6i6PvXpJ6jSigEpovPlt50QAo/KFxuJ6pn5pLv5/6mCJeLnPas7XrOakwsx03UJiwtN8aTEpM7VJTmX5L1ClYWkpF5xro/LHf6reSKzjkjhI9HDC1/tMq7AJ8nZ3jNRG5PEPqdt/Kj47jFkJwOvfvjI24sPXli8ztdLx9cjV7RHiT3ITdm767sf5pg/bD/vMtCFLcLoFydavXmDwQq53V9WrGJjSLZFpY8hlyA422fG7GRCVsdchaHu4LerAY8+bciFFlOyj1+rtW9UDcE8/m1Ag9ERUyGtMYd0jq3cJW2VC8/ZvyjAMZ6y2m9CSenbR85SEl8Kj0wEECmTsLMrQkEm9CCFcAISBF7oCRKX2Rs46IFUu4PT4TxvoYIwCxkTa+YvHs0HEYAT62f1R/6eroiQHoQ7ajHnAJOYh5ZXRo57WCaID/v5eFVJRcInSBj6IIdRQGltckv8mvS+yLU8IuI2Yexj/xxofNq6btQY7vT03ci4yg0labPe1M6OgK2IchXq8E154KKZN6cQLo5oqB7HBzi84dBfRiB4hamjqwYlLfR+haUjUmar9B7ybOSIXYNWcfPRJL/dyN9f7l/scrIzWzsJnipE4MYsHfKQ34acTGyLHHPcI+EGK8hxO0JX9r2a/MhLvWPwIlnM4d97flhH7wxiWEBr0YIxNND+WrSCVm4UVX5hMd0LwwcpM2ZI65fjI144onOnxc9lkHLdAfNz36w0Q6FFVvK7hcyOvFPWsxD6CuODcnprrxD0A80DhVIAywmoCc7awy2d9WIoP5F7qGSKmSCmGOCJVOt0x4uR/gF0Pu/xCCdN1d+XFOYuTb9LGQs31jbSpTV9kzHMIStuNihghJvw4Zj1xowMaNFKwQunByET7P24jaOCtFa1g4zFV3H/csYgB2yVrE28AS2TNdFJ15XTasFfC9uM99EQupTW/hSMdVmp6+f/DUnOkniRw3k+Cd2KejZbLyaM57VMA+HUdGeI311tWe/7mTa43j4n0OcwFipfISLqpiIpystiRxOiwPmhLllkCwVRJhJM8y/Z2cod2wU241xIFE7Lpfei9vgl3fcvgoCdygVzIWSy5dUE79oB1JXoV0UcPpEZYKhED4982nirj8lrXZuZG5x2bXtgYLESt64AbQtBbeidA5F+Fx7rzyH8ElQU3LzN55PVwXNS+tLtVOyD6yY2e4E1ms2ADymG3lSR998Cq2GaD7HVj3xUcgCHeSix18A2wln1MUV3XpAGdCXLKIL0FjQVKOboOzP8vqrYel9TT/PYkGzo2/CeEn5dGJlA9zuA9XI0O8C1sRoCwb5r0H+A8vt1qHBkdxt/6W8qj6iCpdOCg7QCbNa+xvNY+E70aq1zBVtAEuRyzcV131JAU6cVAftHifpg7NYSJkbVz2Ch2ZrTer+bTuSv2S5L0IXr1DgN9YxUVwEFM5u7Fpd+nWtSKrB0pSEAhcESGkB+4+d9OAZ0UWerILv0gSrI9bRdYgrmxaWWyMLFcj4GWAavqS8aP4KldC+JZfURLGwJnQkvv4E0KumaAmU42k2W/VL/M5dynuVflyFLWQjYrJizrbYrCn1D7o3PUCMc00Mod4MrnEmFs2ilc4D21sRo6ziEfMWxmqt1tYFk/Y9mdKaLa1zln7Fr/acdr9WgIKwdhK+mRlOd2JHnFmQXBhbikTpJY7Zrf3i33Iy7REPpfsz0xGR+AUA/2VAcVpm1x5y8sjET2gMqaK0vs2ENgHOlcu7yJwgpjuFmcYU1QphyFUkwG2mTqlJ18BwqBcFiJeoz4Q0wWO6OSA70Nov2cYbDPyOXdi3v7tEt5s/OSv8riq4kkhWYXyky5cnePAAwkqozaRKMO6/YPjY6ir4sENJftptftrPcGxiOdaUy2d0GXWCcZXstG9XIGCoS++64r0Z4z/QZrownt5FSCtdmly2SO77oK4WmRZNrYtOAEDK8kUnvV6YQjSscNgf8PDmW9uk62s25GZwyTxd/KFi4hM8+5ATCT1JDAIuuHZaIBTd/8T5lXRCjk79FIDtDKYGYGfw9sBBmzRGYRZKMykOHARmYP/eK5HYpZh0cCADr0bpH9L3qbGEgAUymppRl9XyNewoT5xeVT4Og3+UH+7+WIGuO/VKAPplMYMUyHYaYRt4PV+z+nLr54G6tNZeAU+YAicE9G1VicOyO/JeAlOng5q9UEl5xBlE8eW4S+pMFgeSF3oBrPSyuLlt6bpOPRxHAY+oiKiQ9CETtHdwL18um/UutrCSTQOOGL4eYbNN+fHozRIJlqQMufaUkY5A86v4vB4Q8IBnOM" />
</div>

<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['form1'];
if (!theForm) {
    theForm = document.form1;
}
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
//]]>
</script>


<script src="/WebResource.axd?d=pynGkmcFUV13He1Qd6_TZAG0REM8qqEBAHCZinHsmTftbBz8ARFqQG4SmTbTGQGNsxByiuhhp7M8BL__qlDclA2&amp;t=638459198460000000" type="text/javascript"></script>

<div class="aspNetHidden">

	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="4D6C1A2E" />
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAIq6Qf4U4Q5zq6c0ytgd5p7FDIJSJcYffjJNVNYicAc3OBk5a8bfd0nRM0zgfyLCrIAISIOVxL5OKZIRN3BBJhRLUy6n6LEOihLIqCoOvhxb06RrlsMRq86q0L9GQ6Zp+6k8f925woQ8FOvv9sR9GXV04X/br4Eh71NLZU/6sLOpFyPmNimOlWW4rgY2GtGkQecAdpAMdMmxAibMJt43GiPEYKKeSrfSgPy0qDsrHlcbv+D/LfkE4eIbnswbdqwLySOa0VCde6dxA33Eh1+0wg8qyh+epBJojnvca5tSHMWDn8SqBeoe9Jy3gE3XtZT7OJeCyxKGAscHdk7o+qJhsVZ2y+cL8EUId+Vy+qLqaZT7COUl36dtJd7BxtHigvub9yPgtSAfCg+QKndZuL/Bdjbwy58CZdqMjbTvm0qKii1pc5omOj/W/S1W24V77RPX6PNwIIhFBy0qcKmegylzvaaXqCX0vYxzUotNdwtirUV2CKX53XGv5Wh+112IB82pk5Ea3jKyQmjzFSDXTGTzrjBBK/kqFnqYuC7LJgm1h8MUyNt" />
</div>
    <div id="wrapper">
        <div id="header">
            <div id="logo"><a href="/Default.aspx"><img src="/images/logo.gif" alt="門真商工会議所 Kadoma Chamber of Commerce and Industry" width="320" height="60" /></a></div>
            <div id="headerRight">
                <ul id="headerNav">
                    <li><a href="/info/Access.aspx">アクセス</a></li>
                    <li><a href="/info/Inquiry.aspx">お問い合わせ</a></li>
                    <li><a href="/info/Sitemap.aspx">サイトマップ</a></li>
                    <li><a href="/member/Login.aspx">会員ログイン</a></li>
                </ul>
                <p class="tel">TEL 06-6XXX-XXXX（平日 9:00～17:00）</p>
            </div>
        </div>
        <div id="gNav">
            <ul>
                <li><a href="/Default.aspx">ホーム</a></li>
                <li><a href="/about/Greeting.aspx">会議所について</a></li>
                <li><a href="/support/Default.aspx">経営支援・相談</a></li>
                <li class="current"><a href="/seminar/EventList.aspx">セミナー・イベント</a></li>
                <li><a href="/kentei/Default.aspx">検定試験</a></li>
                <li><a href="/join/Default.aspx">入会案内</a></li>
                <li><a href="/member/Default.aspx">会員専用</a></li>
            </ul>
        </div>
        <div id="breadcrumb"><a href="/Default.aspx">ホーム</a> &gt; <span>セミナー・イベント</span></div>
        <div id="container">
            <div id="main">

                <h2 class="pageTitle">セミナー・イベント</h2>
                <p class="lead">門真商工会議所が主催・共催するセミナー、講習会、交流会などのご案内です。<br />
                セミナー名をクリックすると詳細をご覧いただけます。お申込みは各詳細ページの申込フォーム、またはFAXにて承ります。</p>

                <div class="searchBox">
                    <table class="searchTable">
                        <tr>
                            <th>カテゴリ</th>
                            <td><select name="ctl00$MainContent$ddlCategory" onchange="javascript:setTimeout(&#39;__doPostBack(\&#39;ctl00$MainContent$ddlCategory\&#39;,\&#39;\&#39;)&#39;, 0)" id="MainContent_ddlCategory">
	<option selected="selected" value="0">すべて</option>
	<option value="1">セミナー・講習会</option>
	<option value="2">交流会・行事</option>
	<option value="3">商談会・展示会</option>
	<option value="4">その他</option>

</select></td>
                            <th>表示</th>
                            <td><span id="MainContent_rblTerm"><input id="MainContent_rblTerm_0" type="radio" name="ctl00$MainContent$rblTerm" value="all" checked="checked" /><label for="MainContent_rblTerm_0">すべて</label><input id="MainContent_rblTerm_1" type="radio" name="ctl00$MainContent$rblTerm" value="future" onclick="javascript:setTimeout(&#39;__doPostBack(\&#39;ctl00$MainContent$rblTerm$1\&#39;,\&#39;\&#39;)&#39;, 0)" /><label for="MainContent_rblTerm_1">開催予定のみ</label></span></td>
                            <td><input type="submit" name="ctl00$MainContent$btnSearch" value="表示" id="MainContent_btnSearch" class="btnSearch" /></td>
                        </tr>
                    </table>
                </div>

                <p class="count"><span id="MainContent_lblCount">全10件中 1～8件を表示</span></p>

                <div>
	<table class="gvEvent" cellspacing="0" rules="all" border="1" id="MainContent_gvEventList" style="border-collapse:collapse;">
		<tr class="gvHeader">
			<th scope="col">開催日</th><th scope="col">セミナー名</th><th scope="col">会場</th><th scope="col">受付状況</th>
		</tr>
		<tr class="gvRow">
			<td class="colDate">2027/03/09(火)</td><td class="colTitle">
                        <a id="MainContent_gvEventList_lnkTitle_0" href="EventDetail.aspx?id=1302">働き方改革・労務管理セミナー ～4月施行の法改正と就業規則の見直し～</a>
                    </td><td class="colPlace">門真商工会館 3階 大会議室</td><td class="colStatus">
                        <span id="MainContent_gvEventList_lblStatus_0" class="stBefore">受付前</span>
                    </td>
		</tr>
		<tr class="gvAltRow">
			<td class="colDate">2027/02/18(木)</td><td class="colTitle">
                        <a id="MainContent_gvEventList_lnkTitle_1" href="EventDetail.aspx?id=1299">事業承継セミナー ～親族内承継とM&amp;Aの基礎知識～</a>
                    </td><td class="colPlace">門真商工会館 2階 第1会議室</td><td class="colStatus">
                        <span id="MainContent_gvEventList_lblStatus_1" class="stOpen">受付中</span>
                    </td>
		</tr>
		<tr class="gvRow">
			<td class="colDate">2027/02/04(木)</td><td class="colTitle">
                        <a id="MainContent_gvEventList_lnkTitle_2" href="EventDetail.aspx?id=1297">【会員限定】会員交流会「かどまビジネスネットワーク」</a>
                    </td><td class="colPlace">ホテルかどまガーデン 2階 宴会場「葵」</td><td class="colStatus">
                        <span id="MainContent_gvEventList_lblStatus_2" class="stMember">受付中（会員限定）</span>
                    </td>
		</tr>
		<tr class="gvAltRow">
			<td class="colDate">2027/01/27(水)</td><td class="colTitle">
                        <a id="MainContent_gvEventList_lnkTitle_3" href="EventDetail.aspx?id=1295">北河内ものづくりビジネスマッチング商談会2027</a>
                    </td><td class="colPlace">門真市立産業交流センター 1階 多目的ホール</td><td class="colStatus">
                        <span id="MainContent_gvEventList_lblStatus_3" class="stOpen">受付中</span>
                    </td>
		</tr>
		<tr class="gvRow">
			<td class="colDate">2027/01/13(水)</td><td class="colTitle">
                        <a id="MainContent_gvEventList_lnkTitle_4" href="EventDetail.aspx?id=1293">令和9年 新年賀詞交歓会</a>
                    </td><td class="colPlace">ホテルかどまガーデン 3階 鳳凰の間</td><td class="colStatus">
                        <span id="MainContent_gvEventList_lblStatus_4" class="stOpen">受付中</span>
                    </td>
		</tr>
		<tr class="gvAltRow">
			<td class="colDate">2026/12/16(水)</td><td class="colTitle">
                        <a id="MainContent_gvEventList_lnkTitle_5" href="EventDetail.aspx?id=1290">【中止】年末経営者懇親会</a>
                    </td><td class="colPlace">料亭 かどま苑</td><td class="colStatus">
                        <span id="MainContent_gvEventList_lblStatus_5" class="stCancel">中止</span>
                    </td>
		</tr>
		<tr class="gvRow">
			<td class="colDate">2026/12/11(金)</td><td class="colTitle">
                        <a id="MainContent_gvEventList_lnkTitle_6" href="EventDetail.aspx?id=1288">インボイス制度・電子帳簿保存法 実務対応セミナー</a>
                    </td><td class="colPlace">門真商工会館 3階 大会議室</td><td class="colStatus">
                        <span id="MainContent_gvEventList_lblStatus_6" class="stFull">満席</span>
                    </td>
		</tr>
		<tr class="gvAltRow">
			<td class="colDate">2026/12/08(火)</td><td class="colTitle">
                        <a id="MainContent_gvEventList_lnkTitle_7" href="EventDetail.aspx?id=1286">SNS・ホームページ集客セミナー ～小さなお店のための情報発信術～</a>
                    </td><td class="colPlace">門真商工会館 2階 第1会議室</td><td class="colStatus">
                        <span id="MainContent_gvEventList_lblStatus_7" class="stClose">受付終了</span>
                    </td>
		</tr>
		<tr class="gvPager">
			<td colspan="4"><table>
				<tr>
					<td><span>1</span></td><td><a href="javascript:__doPostBack(&#39;ctl00$MainContent$gvEventList&#39;,&#39;Page$2&#39;)">2</a></td>
				</tr>
			</table></td>
		</tr>
	</table>
</div>

                <div class="statusGuide">
                    <p>【受付状況について】</p>
                    <ul>
                        <li><span class="stOpen">受付中</span>　お申込みを受け付けています。</li>
                        <li><span class="stBefore">受付前</span>　受付開始日までお待ちください。</li>
                        <li><span class="stFull">満席</span>　定員に達しました（キャンセル待ちはお電話で）。</li>
                        <li><span class="stClose">受付終了</span>　申込締切日を過ぎました。</li>
                    </ul>
                </div>
                <p class="fax"><a href="/upload/seminar/fax_moushikomi.pdf">FAX申込書（PDF）はこちら</a>　FAX 06-6XXX-XXXX</p>

            </div>
            <div id="side">
                <div class="sideBox">
                    <h3>セミナー・イベント</h3>
                    <ul>
                        <li><a href="/seminar/EventList.aspx">開催予定・開催済み一覧</a></li>
                        <li><a href="/seminar/Guide.aspx">お申込みについて</a></li>
                        <li><a href="/seminar/Cancel.aspx">キャンセルについて</a></li>
                    </ul>
                </div>
                <div class="sideBox">
                    <h3>ご相談窓口</h3>
                    <ul>
                        <li><a href="/support/Keiei.aspx">経営相談</a></li>
                        <li><a href="/support/Marukei.aspx">マル経融資</a></li>
                        <li><a href="/support/Sogyo.aspx">創業支援</a></li>
                        <li><a href="/support/Jigyoshokei.aspx">事業承継</a></li>
                    </ul>
                </div>
                <div class="sideBanner">
                    <a href="/join/Default.aspx"><img src="/images/bnr_join.gif" alt="入会のご案内" width="200" height="60" /></a>
                    <a href="/kaiho/Default.aspx"><img src="/images/bnr_kaiho.gif" alt="会報「かどま商工」" width="200" height="60" /></a>
                </div>
            </div>
        </div>
        <div id="footer">
            <ul id="footerNav">
                <li><a href="/info/Privacy.aspx">個人情報保護方針</a></li>
                <li><a href="/info/SitePolicy.aspx">サイトポリシー</a></li>
                <li><a href="/info/Access.aspx">アクセス</a></li>
                <li><a href="/sp/seminar/EventList.aspx">スマートフォン版</a></li>
            </ul>
            <address>門真商工会議所　〒571-00XX 大阪府門真市例町X番X号（門真商工会館内）　TEL 06-6XXX-XXXX　FAX 06-6XXX-XXXX</address>
            <p id="copyright">Copyright (C) 2012-2026 Kadoma Chamber of Commerce and Industry. All Rights Reserved.</p>
        </div>
    </div>
    </form>
</body>
</html>
