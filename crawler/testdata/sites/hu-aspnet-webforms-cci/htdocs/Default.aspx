<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja">
<head><meta http-equiv="Content-Type" content="text/html; charset=shift_jis" /><meta http-equiv="X-UA-Compatible" content="IE=edge" /><title>
	トップページ | 門真商工会議所
</title><meta name="keywords" content="門真,商工会議所,セミナー,講習会,経営相談,会員" /><meta name="description" content="門真商工会議所は、門真市の商工業の振興と地域経済の発展のために活動しています。" /><link href="/css/common.css" rel="stylesheet" type="text/css" /><link href="/css/layout.css" rel="stylesheet" type="text/css" /><link href="/css/seminar.css" rel="stylesheet" type="text/css" />
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
    <form method="post" action="./Default.aspx" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTM0NjU4NzUxNw9kFgJmD2QWAgIDD2QWBAIBD2QWAmYPFgIeBFRleHQFy1WEt9T3CJXb/2XuNHnGGw3Pj1u8Uo/1xHn/QlgNjMBm7RKmLcGUavJqIDH6EWtWRPyMclI06O2cgurTjhmM6h/9v1jLR8klA89P33MezqwfUrFPQebVCR4cS6FYTXdU6yiscEgEDsQKByic2Wv8HrLvtrgzjXZU2uubZL7VpYCQUHrKXRaOhBrIzFJ8kdODhOFojYMfMShUHsGoXtU33JfaYIjWD5kA6PnGib71t5LLw9U/nunCmh3h1D+PqaeRmMh6E7+rmbtJ3GBjAA4Fg9jxuJHNe89dfGeywH6lEaO2SUMlCfdnBFV/KNpuOuoEI80rIPn0BbeEG/RWwlVkxNTKAVV7UbBzYCKUWNLoiaUJ1rEJJG5tahp37uMdVDbestMdjH+cKNgCZNjMaiAio2KmEvcnqizM2PBdwYAXhwAiDX4oIs8qovA4sAv+pWpQVEaJnZeZ9WoV8IuXMqpzYOI+c8xK5vHaP3SUPGGYqYfwmsXKnfKmNNFm4HjMRMhD3aQa4fSdoL2uG9p7bYCB0Ukacltk9tA6weXEYa8QrOpeJPlcROxN2J8wEx3y/ysXkJuO0/0n2o1XHn+jgHgXFlE93RzbUsZlJn2gt8C2JKxgwEdmfdjFfUci2M1Ga7yFuSp4xCqw9AzdelJxXpXj4CnxuqAjqlnvWsN7f9Lc428xq7u2segZE/slDLa6orspbYRvvRkjcg9qtxx62u1J16q0lWlee8vgHp7aHJFG2y5lIcfGwKhmzsPiaTO6+51X7g3Fj0OAvMg9SDQ7h9hvi/jnCn/zQPz29WdkAREiQ02xCHsKmJGxnJqVjoa0vPlphPvypaNCIORedmP/C9TCyfs3a1eXkywZgo2JzaCqkkEyxQ6HCmPxeKXfUV02CxTz/YKqaL1vAVFIQ+owejb7ldjUbtBaVP3OXYIuWgmxkmr9ytWhAC2XdnEz2aebVrQ2/D+pFrCQ+x42aKlPQl06B8k8hEg10d19bz2W6YbFqTnK9dtREHLO+d41cp/mFa9EaGYIMqncEtjDpnGruAKgx3ZpDzxfM7P5yMXJtLFlTId5AgLYZ5kqI7KqaaxPIk3Yzok2JHSA07eRSDcYmhFQDDbMug7jFJFx0/7pezN3+RV5a3Qeg8YAykSgEbPDZhOSxOeP2v5pJCU0NiI1E7oCzGZstrYt4ZFkJhP5MSV2zwktDmbvvi0vmWGWPytTWRrjZv3eP642zv1f5RtNHM3AxYnf3JV9JkzkmOqQoef5QOY3bnKz+wctZ+Maw7LNmQyjwm47WroWQAW7PvztbIUvC59i46oEREXvkvE060xtl6q4RrZ5Ie8aqTFF4aSh+07672c3rXucOoWjTAtZe1djFuTtWD0n0NpTxbI0BtPDGwtWTDgZNzBlxIVBxBdps47Ox817dpz34EGgQwssCsIccouytvb8wkMfteK9KL6U6ikmF9a0jlSXnwdEiVc=" />
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

	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334" />
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAA4aL24IY/WYCocqL1mJY77A7R+sbAM4d2+Fx75PjIclKDetYP4+kF5Guo8qBN1/zMNzsCYjop6AzBO3" />
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
        
        <div id="container">
            <div id="main">

                <div id="mainVisual"><img src="/images/main_visual.jpg" alt="地域とともに、未来へ。門真商工会議所" width="700" height="240" /></div>

                <div class="topBox">
                    <h2 class="topTitle">お知らせ</h2>
                    <table class="newsTable" id="MainContent_rptNews">
                        <tr>
                            <td class="newsDate">2026/12/04</td>
                            <td class="newsTitle">年末年始休業のお知らせ（12月29日～1月4日）<br /><span class="newsBody">誠に勝手ながら、令和8年12月29日（火）から令和9年1月4日（月）まで休業とさせていただきます。1月5日（火）9時より通常業務を行います。</span></td>
                        </tr>
                        <tr>
                            <td class="newsDate">2026/12/02</td>
                            <td class="newsTitle"><a href="/info/NewsDetail.aspx?id=518">【中止】12月16日開催予定「年末経営者懇親会」中止のお知らせ</a></td>
                        </tr>
                        <tr>
                            <td class="newsDate">2026/12/01</td>
                            <td class="newsTitle"><a href="/upload/kaiho/kaiho_202612.pdf">会報「かどま商工」12月号を発行しました</a></td>
                        </tr>
                        <tr>
                            <td class="newsDate">2026/11/27</td>
                            <td class="newsTitle"><a href="/kentei/Boki.aspx">第166回 日商簿記検定試験（2月実施）の申込受付について</a></td>
                        </tr>
                        <tr>
                            <td class="newsDate">2026/11/16</td>
                            <td class="newsTitle"><a href="/support/Marukei.aspx">マル経融資（小規模事業者経営改善資金）の金利改定について</a></td>
                        </tr>
                        <tr>
                            <td class="newsDate">2026/11/05</td>
                            <td class="newsTitle"><a href="/support/Keiei.aspx">年末調整・法定調書の個別相談を受け付けています（12月25日まで）</a></td>
                        </tr>
                        <tr>
                            <td class="newsDate">2026/10/30</td>
                            <td class="newsTitle"><a href="/member/Pickup.aspx">会員事業所PR「会員ピックアップ」掲載企業を募集しています</a></td>
                        </tr>
                    </table>
                    <p class="more"><a href="/info/NewsList.aspx">お知らせ一覧へ</a></p>
                </div>

                <div class="topBox">
                    <h2 class="topTitle">新着セミナー・イベント</h2>
                    <ul class="topSeminar">
                        <li><span class="date">2026/12/08(火)</span><a href="/seminar/EventDetail.aspx?id=1286">SNS・ホームページ集客セミナー ～小さなお店のための情報発信術～</a></li>
                        <li><span class="date">2026/12/11(金)</span><a href="/seminar/EventDetail.aspx?id=1288">インボイス制度・電子帳簿保存法 実務対応セミナー</a></li>
                        <li><span class="date">2027/01/13(水)</span><a href="/seminar/EventDetail.aspx?id=1293">令和9年 新年賀詞交歓会</a></li>
                        <li><span class="date">2027/01/27(水)</span><a href="/seminar/EventDetail.aspx?id=1295">北河内ものづくりビジネスマッチング商談会2027</a></li>
                    </ul>
                    <p class="more"><a href="/seminar/EventList.aspx">セミナー・イベント一覧へ</a></p>
                </div>

                <div class="topBox">
                    <h2 class="topTitle">経営のご相談はお気軽に</h2>
                    <p>経営指導員が、金融・税務・労務・創業・事業承継など経営全般のご相談を無料でお受けします。相談日時はお電話でご予約ください（平日 9:00～17:00）。</p>
                </div>

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
