<!DOCTYPE html>
<html lang="ja">
<head><meta http-equiv="Content-Type" content="text/html; charset=shift_jis" /><meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=yes" /><title>
	セミナー・イベント | 門真商工会議所 スマートフォン版
</title><link href="/sp/css/sp.css" rel="stylesheet" type="text/css" /><link rel="canonical" href="/seminar/EventList.aspx" /></head>
<body>
    <form method="post" action="./EventList.aspx?page=1" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTE4NzY1NDMyMQ9kFgJmD2QWAgIDD2QWAgIBpE35wUehuv1fbHB0SB7iZhx6JWLCSWvMxIKqwPcTW330tUZ0DSeuvkLrqYcISBQklb9E51llPGivBCOhT3c0CDp61zMSv0e/VqN4d1sL6KSmHFlXP9Bm9CcA/s9DRjkWaajv8VlOmdrJF5b7Dc6paiUYktFyukHe+VnyPgXyY/acB5vjwurM88T/A7wVB6ilFSq12LptDfKIr7+P+7tbn2WO7jnjzricRCs7THOOAjg2V7EouoOmHJA/DyCQWVZFEheBgim9KzrDXzLSI5u5SXCZciVqu9jd3rVdG+mii/viWT3OTO8+fVaYSjcH6CVMvkYlIprI//SNJrCkbACmWoB9kXRsz1akAVbgwsagrMk+BPqo/XkajLP1LP87KaQEYc4SPL8vgYwYLqPk" />
</div>

<div class="aspNetHidden">

	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="7C1E03AB" />
</div>
    <header id="spHeader">
        <h1><a href="/sp/Default.aspx"><img src="/sp/images/logo_sp.png" alt="門真商工会議所" width="200" height="36" /></a></h1>
        <a class="spTel" href="tel:06-6XXX-XXXX">電話</a>
    </header>
    <div id="spContents">
        <h2 class="spTitleBar">セミナー・イベント</h2>
        <ul class="spEventList">
            <li>
                <a href="/seminar/EventDetail.aspx?id=1302">
                    <span class="spDate">2027/03/09(火)</span>
                    <span class="spStatus stBefore">受付前</span>
                    <span class="spTitle">働き方改革・労務管理セミナー ～4月施行の法改正と就業規則の見直し～</span>
                    <span class="spPlace">門真商工会館 3階 大会議室</span>
                </a>
            </li>
            <li>
                <a href="/seminar/EventDetail.aspx?id=1299">
                    <span class="spDate">2027/02/18(木)</span>
                    <span class="spStatus stOpen">受付中</span>
                    <span class="spTitle">事業承継セミナー ～親族内承継とM&amp;Aの基礎知識～</span>
                    <span class="spPlace">門真商工会館 2階 第1会議室</span>
                </a>
            </li>
            <li>
                <a href="/seminar/EventDetail.aspx?id=1297">
                    <span class="spDate">2027/02/04(木)</span>
                    <span class="spStatus stMember">受付中（会員限定）</span>
                    <span class="spTitle">【会員限定】会員交流会「かどまビジネスネットワーク」</span>
                    <span class="spPlace">ホテルかどまガーデン 2階 宴会場「葵」</span>
                </a>
            </li>
            <li>
                <a href="/seminar/EventDetail.aspx?id=1295">
                    <span class="spDate">2027/01/27(水)</span>
                    <span class="spStatus stOpen">受付中</span>
                    <span class="spTitle">北河内ものづくりビジネスマッチング商談会2027</span>
                    <span class="spPlace">門真市立産業交流センター 1階 多目的ホール</span>
                </a>
            </li>
            <li>
                <a href="/seminar/EventDetail.aspx?id=1293">
                    <span class="spDate">2027/01/13(水)</span>
                    <span class="spStatus stOpen">受付中</span>
                    <span class="spTitle">令和9年 新年賀詞交歓会</span>
                    <span class="spPlace">ホテルかどまガーデン 3階 鳳凰の間</span>
                </a>
            </li>
        </ul>
        <div class="spPager">
                <span class="pageNum">1 / 2</span>
                <a id="MainContent_lnkNext" class="next" href="EventList.aspx?page=2">次の5件 &gt;</a>
        </div>
    </div>
    <footer id="spFooter">
        <p><a href="/seminar/EventList.aspx?pc=1">PC版を表示</a></p>
        <p class="copy">(C) Kadoma Chamber of Commerce and Industry</p>
    </footer>
    </form>
</body>
</html>
