<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja">
<head><meta http-equiv="Content-Type" content="text/html; charset=shift_jis" /><meta http-equiv="X-UA-Compatible" content="IE=edge" /><title>
	セミナー検索 | セミナー・イベント | 公益財団法人 おおさか産業支援財団
</title><meta name="viewport" content="width=device-width, initial-scale=1.0" /><link href="/common/css/reset.css" rel="stylesheet" type="text/css" /><link href="/common/css/layout.css?v=20190401" rel="stylesheet" type="text/css" /><link href="/common/css/seminar.css?v=20230915" rel="stylesheet" type="text/css" />
	<script type="text/javascript" src="/common/js/jquery-1.12.4.min.js"></script>
	<script type="text/javascript" src="/common/js/common.js"></script>
	<!-- Global site tag (gtag.js) - Google Analytics -->
	<script async src="https://www.googletagmanager.com/gtag/js?id=G-8QX2K4PZ7N"></script>
	<script>
	  window.dataLayer = window.dataLayer || [];
	  function gtag(){dataLayer.push(arguments);}
	  gtag('js', new Date());
	  gtag('config', 'G-8QX2K4PZ7N');
	</script>
</head>
<body>
    <form method="post" action="./SeminarList.aspx" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__LASTFOCUS" id="__LASTFOCUS" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTE4MjM3NzE4NDUPFgIepp3xlSu2iMq+bcFylMqSxvKPf7GqqNjQDph1bJIlcCz0kjK24eLviQOuJkC+C5D27EazvEMzsTdKJlpvOO+pIjUSquMGurB3XbGAbkjV7tRK+uB1Xu7S3+Vl8jC/TvwDlWZaLuE512OxRwMWhbkMT/SlbDt8dpSutAWyoJgM9cfRfj/aDSPi5cg+XQ+MX1wp+pmWAr7vuCBmj6iQ3aOPFzvrzjsT0/T4uea+vOW5g6nxZfXkIiCaQblqC9OPTWKKM7Ywne3yBY3g3c4lOHqx270+Xn2yVZNyoOVJpIrLI7pJs9ZN7171Grn920JsYk10uUug6uKvQn9n/fUzhcf0w26uMueuaPa8i5t1RAVp5GkjqfGY6LV9K3LU23VK5/HUSdgVoePGQFShBudsBSbk4pGNDK/rAdrdHfdE8e+98zW6CWVJHpB5oDNOGHIabekSYserssy/o8tkOsacwya6tx9xS7vCFwDacYGx14ZOJFrVC1pIUsXQaVZuCxo6IzJQWGMAg6uRs6MgUXdqPe9ZDzthFyplKRSkV13A0PTDVfGf8DVXbJeLIv+RTXD39sEdQKfLF+I+T4fHGqNntBjNZklwj/P+JPuapi6NEqXIU+Do0F9/JxcQubJH3f4hxa7aZQ4xlUJGBGj2Ee+XMKZQcWWPF0rFhQZNggNtdIJpn8y1DuQ3VyCrjUoOKZx3bLsfzUYwHUpLTYqoYlDWjAev2MkCPcjueaZPNHUDN+V3pzubnbyfHvzAGDklEIYDmsFyXsa667ogszzAwkHkbjXdl25w+iUxF6gMQpa2a1y88CHtg5pdgUxYpYSSa+XKeKhpR5R6iK5zMgZjxVsJ78epvBVRC6JCywD6QoKe+5LvYk4ulVMzICOEzpVUiWH/chZC3K3eXChPkhKzM9Ig0fgFEi19qs8ktvgl1ba4Y/5ymsuoTfsoR8N24eErnJJRAL9LChGs/vivmd3EivvPRW+LMj5vW0kg2hQuIOHHAgge789Es7I4PLvXna4fnwBBBWovcWspjSG1zDKdkmbQWiJZ6QVjQ1ycztnWty3sC9vdprZmWg5PCX5+7I0YVNkRcjevX37+hcLCfVFOmWGf3Jnhqi+WYiYSOhPQENdnKFHDqA8tnzF6PMhNX7uqJwyIQPaXdWFDzDAvzlYEjZjXFoSEEUf4v6WeLX8A2sO/cIMXVrYAq4ZQ5cCbMpzVO+6yqkqxc74p2ml4qdaKrEf3Z7oCBnwm8c3f9ECYRqLRcjGEp5Jsdc1OgtmnWzFktg+jZotQFQh429ZZBsqXZOFezKy9yDzTsHvzNvoc2MjVim+18o2Ml+kVsZA/5BrQnia7QQJgtmm0cGC+CaPJbbXVKtJnF50qH7vmYW8TI/TnYSnsS7q0L/89XeWyEZ6nSjR9rr1YtLjQXaWk+NuRcmG5u7EFF8ygL/GdtEHC3h2gX2ekwY7mBFnMKuvlQlBkRjElkmwE5D6aT8tcsW1re/9wG88yZyi1ivNAzcCmAIw7VTglBH/yRzh4n3e/dstgeGWcDkq6hIDAkTHTyL9iIqojGg8X4K82kZWZ04vDEAjAMiNJjyoTbPETCbTK2xvfBLyRv9T1jKvy4q7Ahvs8wtMVIYQ8MSAHtyPtQfvj2v7oKqb+PBtzJql5qS13z45IjpWtV0iO1eteLOYeb/SUgVQDvV5uYCCbrhuc0I/cJuRCxrR+xpXOTzeUnbJ9eZdrJZNP1n3h4zv3KaVVoMKtnCpYMgcqq8ca+QbaXgyvQKuTOYYALC1AHrAw7HAfsKepwCK0Yvm6do2AXMGg7irT8tKGEhhN8QUuEbFTM2ntAsCqtF1kM9KadcdG4Ft5zlI72rtVBwbkiWmLCNH3POQJEYe63gUu3Zl2/ryC6whCUGwqvN6WXL9MAncbt3ifk5KRifQcoJ++NJTbDunSur7LhXuHlzmU7/KFFwNNlQyGw+q9NH7p7DH7BGStVIcCGks0vpEjm3thcrVcw5ooNCT8cPuKkA7+fOiVkstaZsNe+5OS5c+3ygZH4rvm6pOuxJETZLWXrXXR4KB1QugtE53wF6+Xsgn/22TqX1Puiyi6mrfVDvwr2NSz7Lal9DubHiuGKU3VSZRF5uPTaAUkFuVwK+kfBZA9xmW5l/BFjLb60fzSeepVxx4QMnrfosGoVUcMRAU2n5njewDErI9KVacOrc1J0mvhUPOEzZgJOr2Wj2RMkem1k+9qzgRpSFkqhQyWuVBZtTXRHJoSOC2QRMrpxo911RRoPCnackeUotWnClKq+TKUeJtiTFvy1tmUc2ftYpjMSc/QtdE/5iiyFDILyDviKxeDibC9IC3zzvgh+3DXhOMqkIY+twtLTSwLgPggncq/5QAItk4rd5xrxQjBA78LqdYBFRcZhahD/KfTHPd6sXDYG4eKzqkRr9decnHP4oKyf09k2iXoVKmgmPZoBytR/Bf5lVMO4sIu5plf3+p38I4Xgq5ySGotumdGiy2aqIcBzzIm//mmUDiEd7DpEKYsh5bU8mAJxEAJFhsI4oWDb7wLFL3j8WsGPgirM298svduRKBtqVi54rl4QgI2CNgZZjdd6fLvnQxplSx22OJOrpPJj0KJF+vMMqr2wCgNKP99UV71VMpqYGFoUt/vxKe02VROnDdz5E0cMsHyRW/m9fdW+t15Z7qtAc7NbJc1LmuFf0/X3i0/kGrtyw4LnnjKHglvfQLAOA48WWurtZRfTitK/7KQSP5f4LLV6W9mOBMxhzyQIAv5nGWNGCkHYXgX5JePOSv+mFSb+dIGR2F2CAaRTtEYszv9J9t9yJ0cqfn8oAni2+9JTr0zIIJ/F+vA4jbtHs6Fye5a8qx02G03MQ0VHbS6zN33DHTrp/d8zPDrxzGs68SqwmkEFqxasOp3NVQit4mU3+NhXcOObM9v5oweG0uWLVBaHiI3dhfgJryLpwHphc/mkV0dTRiabYmVi0dwJ7WYmPEX1LsS0X/eZKHrq++FQb4yIk1S3fx+0n0EurzoB/rhw67ccEZ5iKvHyLWynWiDa7bGF8o+k6omKeBvfPD+2S/vNsmz4D6HGXe3+ZxKTB04OkxU0q+G3z7wJzBVNaWp62lNHYzhex7fmNQetXngpuyVfBhieY+w5PTIchsNMJ6E7zxorBSPMyZuir9qB8/jB4uxOXkIEwUu2/Xuz0kGZodmcXNVWNMvfR2dETos5w3JZnhgr/4f+B9NOXKZpwEX8QbMBESYX6E7zAfd09m+K6m2WYzC+NORRWoUpJVYBwmPmUNt8+ad6EYAwjEzRlXM7+cT0xAetg+jWYC7vUPHlHsYSGScv7hHu7W5mC2apOjHVOavvrrNDqEnID5xHtfUzmJYgnLtj6nl4HRp4OfIESb0DwYZxJeXqRkF1MvMBY1kypASdeJ1iPb6KnpeLGNRiVrW2+w8YhlMoaoWGBkzr3qDnxj+4LX2NkTi2d4QBuNJpaeM9C0hzJMHcwz0oMhqLkMAa7h1Hys3SZUfUqG2Ko005BDWD4PQxhtsm9F4TH673MRp16FWb71qXkv3k2DGA1PdnNbTmXNTGnJ5JuXkzKx+chlNGGHwPQ44O3x0YAuRpvlI0IlhTO5rnqTXkgA8kPwC94rGvhWw6cIF+5wTvKLz8GfqM13rlTDc2EFTwBq2Ibj7t6K4u2o2kecfAICKVuMXlGmIK+veghE1D5oiT+BWZHidTQFpoJsK4grh7+wYUwLVloW/mLoRH7J8mgxAn1PlxOts4T1V8e4gk3AX9Xtkd0hNQLyHohb/ZLRWtkSqZtl1eJM/IMiK9HvW8TjedXZAGd0oiuucKDMbpqjKqLLr47MKqhgq/Mt2Uyoqmv6a0VSr9FJLqdNi1+73yITGEsQRD0jCNzp9+QIi+F4J5czjVyiNvmoLJyBCUUkUgQGRj4h0iomElKvtiLAIHP10I9UUboaQ6t2I4i40MWL7C0N74pFDHH+3fWkJhSpZEFYDckekhuDv2QF+zFzAdvxatSH6P4oZ4iC4FejabqLknfzBvBzCwJh8bm4evqMldts0rIF3+NcUDEGWn6XUaeldBymmuDFid/zRTdYm28VqN6IBrCn24DeroBdu24+MjOMYtaEQA5gL3/7NOY8l4vk+gISj3k5oGFs/I8ap3ncHbTYTPuEY9zVR/FdYo1M5WVr/A6+x1sLLKvgRk9fgKrNWuohSOXFF5Z/0P0j3c7ov3PfdZLAJz5lHEwLUs1squLQzl/YuMDONPdNnUDzUsD1HgI0G8rbuQ70+5ZI/tcf5Db+JDosEzdyhDCO5TuEuysPieKdFzBGkRs65hckj8iCY7o6AYADONNJWTxYfVxUwtBukW1brzTqqjk4GXZ4unUhx2NFyWLHoNSIhV/KCkT2J/AAK3/EtU1LMLv+bA5OzyPz8GLIMapx1M7x38hZ/VFvqGMZHF8jwjhi1GbSL5iZTZV6LqvK9sK0yyfOzyGgOkZTbXq+wvq8uObDsAvrmo+14ecTSbUPy8cAg3KWcr0vGHd2RdaChAD6szfg4SwJvJKFd7c4LOZQJudGE849LLtAb4rv0qtDalwyBpsvALzmXJByuGxV2gN77SkQFfD4rerFvgyiOu+AsWHiy1iEUoFVQE92S4NsWUePHye8D1MofzHc8HUB0aTUCtzwGXnr9RI0mkvpam8JXqN2m97Mzm97zq3kXFiL89K7TxguNXkcFUIghoLDLI3mBU3/Sp/tQ6UrrOxoKg19E8OJvm0L8QKkJiQwyB9DvW4qn4UtPtRV+nip4Ssm41Kb9AVAlvqAUvbX9If7neLx+DZ1TyYzcwrcwTbLgwqDHM+4GwiXTblMpE5FGaCxaMc8KXbIECwNVzOUsoyFH8LnqESFDhLC4O6/HTe5CLOtgFXdPL2wauDDIR+k2Xv2ZAm+L1f/Ijk5lnR5aNPEb8aW302RwcjEvzwjjPFWX1xejWjhzwkxjAg7vl7l+l1aQxfx/MIxXNOB3xjWwKCYUnF4dA2jfSLW9EDfn1gK+WubMpJeqtyAfxOrwb96qoC24sjWROa6IVfetCQ3k0SuwfDCQqy0SYoiyfA8lit+wn8QU67oyIE6u6ySFs7MTyb+rz0CDpnRMOJ6mpAtTjOFsX7VfYiAvXySHcGa42Nd7PQHKB7LVsc25WLGVnd2bLQF5mhifbNtLQisscmQzafQ7NikhQCzc3P6IVyjTN0s5bYstQpvYR9gWbXM//UH3u099L+5SasyXp3CYxzbgS6lwkgdSR3jOM/Kx5lqgoSjUgNhwBDefLppCUt9ePxHXKJQAf+ml+mWUqKoJRpofOqdlDSO/qLQKMSTqGvNdOnckLO2RBUasahm6gs/GWfgLjoSCygx2HH1SBB0FNHJiKPbbF8yJpHZERtVQfh/GFhwIJF1rYhutY9KsIa4GV2qf4a8jahpOxHSEJZSafdoT/1bP8dn+W6UFDDGwPT7uDAkAm8P6CYk/kIAxCh4aJKEibdUYosF8GVCsNs6QUVUV4mbWAebgCXmuK6x+jLXjp9MVqbtlHJnJxVEV3i5Jf8f6FFKexewPr+oIvQbdk+m/RBHH3iJXorOnIpKeF9KLkNx1Z2hnPns1AAr7NlTrUGL3PlUO7t1tU0YFMh0UzxFEBxRHL1J6AaFu2Arqaunypjne/YDDKuGq1hwZwsZxuOrb4+42V3HGuyfx4tllPDEyk5OUzrcqiHJLhAflVkQhLSzptgh0PWUJ0hbq9sjJjV4mVW8KYCzIz8cxL9WWxal4oqBpGMrTO7BI0yb7j7HXT4nceeU35vWyNrH/D3bwnAzaOmat3E+gbule3CpCk03Ve1vLq1mgnyiq1YWQGDkxhdPL57ohro9miPwNaS1JOQJI61Y3u3LJYmrCiGCKWHB2S/gxDLxUrmMBd/tkyEB1NNfw/TmqWLf7tWQTY6Zv/rJ11ILetWduU7PE25o33CC9VKnybKEt780+FvlpvrXJn4NGRlhwhDho5EoeHXjIkRiDE3y4+LAj3IhFfqWPEJSc84zRjfsdAwinaVISIyJKlw4mfo3Gu+rv/iud/kk6qtAwuIu5P0k3A90LzkFHtdfdJw/DWR8+1lh0fp92mQQWfTrDXs/UpOQur/3HrA2xbvmM/JYQ2e6yZBw8Tny+pBOKrX8sKmQfe4BtZK7CAvpYT3Il7a+JbbXM1KB7L9zXdnad3KYsY8WpjfcKinnTrmhFnppIE3cVXVRmQewDGf2ICxUmeVaEnYEwq5gkw0l+VOhQK5QTaPwgFaTVB85427CqcN/5N1I+/pOututpuSMBo+N9LXXOUnQ5FxUzRHeRZJ1DM7BQ3kPMAv71Wso3T+ubxtcElbFu6tfhY0yV5y/j15QqR07uFkDZdF2DbvCPRda0Zh9/4dHiq/dIGBhfiieewbk26IfuMrMjOtNLgv8I/aS86k4vESHgpfBvncUT76ahTOd2bsG/AlhjJvR9tCMg/x4rDgcaONjPl3qwKjKFL8v5OC9mFpvW5l8zssV2VFwMJvgtD6yLKmdw7WOnx7el6mboLMYl7UU6WeTHJPCHtgUzO6RH9d2nh2wijIi/XyQDmie877P8B0+m/SFkfZtNHVVRZGdPD1PPMYNZaS6wiosjERK/fGNk20Hy1+XcKFPsaOG0em0O8QLq2ylbzDzqJD4vvsJOAETarztdA6LnsKKukc3RL0LzAPU0kN9pE+Tk9ixlAVtI7C8ESVFq3KaKsQPt35jVWjUHkN7LT9wDhBLxmBdVcsr4qxK1vidudd4Dd5bRahSwPRzB6mMS/gqYxeKRTqeA9xNSklz1bZbURXent2YML6jiQ06ojJHfMYa14tUG8C232n/tHV1hv0FGVqLf7cZYXcVBjVAq53t1KI7lJWFXhswVGqAmi0x1JoqMkf6UAJmengkdiFfTc8lwETffyunj10pt3UJGCckNjEoM486nWGGBibRBBw==" />
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


<script src="/WebResource.axd?d=pynGkmcFUV13He1Qd6_TZBtrPrCfOs7NvOKUyJyO1BEiLbq-JJ7IA6vZ5uf3XZnlzWaLBdF7OQyqkjeEhSzRCg2&amp;t=638285826880000000" type="text/javascript"></script>

<script src="/ScriptResource.axd?d=NJmAwtEo3Ipnlaxl6CMhvhPkn1dLNsZrMNqPrfSC8JMGsY2hdu_zWDCTNsn3JxPHWPSz6WkRkcJDFXJqxCSUpTHP0pT04Ti0uhu8WaBuiUq0YCnUeQCp_fMBxBpbfoyhMIQFjEjNWqz2ctvN3Wc2NeGuf3DS_zIpiTs6WaCu7nM1&amp;t=ffffffffe6692900" type="text/javascript"></script>
<script type="text/javascript">
//<![CDATA[
function WebForm_OnSubmit() {
if (typeof(ValidatorOnSubmit) == "function" && ValidatorOnSubmit() == false) return false;
return true;
}
//]]>
</script>

    <div id="wrapper">
        <div id="skip"><a href="#main">本文へ移動</a></div>
        <div id="header">
            <div class="header-inner">
                <p class="logo"><a href="/"><img src="/common/img/logo.gif" alt="公益財団法人 おおさか産業支援財団" width="320" height="48" /></a></p>
                <ul class="header-util">
                    <li><a href="/sitemap/">サイトマップ</a></li>
                    <li><a href="/access/">アクセス</a></li>
                    <li><a href="/contact/">お問い合わせ</a></li>
                    <li class="fontsize">文字サイズ <a href="javascript:void(0);" class="fs-s">小</a><a href="javascript:void(0);" class="fs-m">中</a><a href="javascript:void(0);" class="fs-l">大</a></li>
                </ul>
                <div class="header-search">
                    <input name="ctl00$txtSiteSearch" type="text" id="txtSiteSearch" class="site-search" placeholder="サイト内検索" />
                    <input type="submit" name="ctl00$btnSiteSearch" value="検索" id="btnSiteSearch" class="site-search-btn" />
                </div>
            </div>
            <ul id="gnav">
                <li class="gnav01"><a href="/">ホーム</a></li>
                <li class="gnav02"><a href="/about/">財団について</a></li>
                <li class="gnav03"><a href="/consult/">経営相談</a></li>
                <li class="gnav04 current"><a href="/seminar/SeminarList.aspx">セミナー・イベント</a></li>
                <li class="gnav05"><a href="/subsidy/">補助金・助成金</a></li>
                <li class="gnav06"><a href="/facility/">施設のご案内</a></li>
                <li class="gnav07"><a href="/mailmagazine/">メールマガジン</a></li>
            </ul>
        </div>

        <div id="topicpath">
            <ol>
                <li><a href="/">ホーム</a></li>
                <li><a href="/seminar/SeminarList.aspx">セミナー・イベント</a></li>
                <li>セミナー検索</li>
            </ol>
        </div>

        <div id="contents" class="clearfix">
            <div id="main">
                
    <h1 class="page-title">セミナー・イベント検索</h1>

    <div class="lead">
        <p>当財団が主催・共催するセミナー、講座、交流会をご案内しています。カテゴリや開催月で絞り込んで検索できます。</p>
        <p>お申込みは各セミナーの詳細ページから受け付けています（一部、FAXでのお申込みも可能です）。</p>
    </div>

    <div id="MainContent_pnlSearch" class="search-box" onkeypress="javascript:return WebForm_FireDefaultButton(event, &#39;MainContent_btnSearch&#39;)">
	
        <table class="search-table">
            <tr>
                <th><label for="MainContent_txtKeyword" id="MainContent_lblKeyword">キーワード</label></th>
                <td><input name="ctl00$MainContent$txtKeyword" type="text" maxlength="50" id="MainContent_txtKeyword" class="txt-keyword" /></td>
            </tr>
            <tr>
                <th><label for="MainContent_ddlCategory" id="MainContent_lblCategory">カテゴリ</label></th>
                <td>
                    <select name="ctl00$MainContent$ddlCategory" onchange="javascript:setTimeout(&#39;__doPostBack(\&#39;ctl00$MainContent$ddlCategory\&#39;,\&#39;\&#39;)&#39;, 0)" id="MainContent_ddlCategory" class="ddl-category">
						<option selected="selected" value="">すべて</option>
						<option value="01">経営</option>
						<option value="02">創業</option>
						<option value="03">販路開拓</option>
						<option value="04">IT・DX</option>
						<option value="05">補助金・助成金</option>
						<option value="06">事業承継</option>
						<option value="07">海外展開</option>
						<option value="08">知的財産</option>
						<option value="09">人材・雇用</option>

					</select>
                </td>
            </tr>
            <tr>
                <th><label for="MainContent_ddlMonth" id="MainContent_lblMonth">開催月</label></th>
                <td>
                    <select name="ctl00$MainContent$ddlMonth" id="MainContent_ddlMonth" class="ddl-month">
						<option selected="selected" value="">指定なし</option>
						<option value="202609">2026年9月</option>
						<option value="202610">2026年10月</option>
						<option value="202611">2026年11月</option>
						<option value="202612">2026年12月</option>
						<option value="202701">2027年1月</option>
						<option value="202702">2027年2月</option>
						<option value="202703">2027年3月</option>

					</select>
                </td>
            </tr>
            <tr>
                <th>受付状況</th>
                <td>
                    <span class="chk"><input id="MainContent_chkOpenOnly" type="checkbox" name="ctl00$MainContent$chkOpenOnly" /><label for="MainContent_chkOpenOnly">受付中のみ表示</label></span>
                    <span class="chk"><input id="MainContent_chkOnline" type="checkbox" name="ctl00$MainContent$chkOnline" /><label for="MainContent_chkOnline">オンライン開催のみ</label></span>
                </td>
            </tr>
        </table>
        <div class="search-btns">
            <input type="submit" name="ctl00$MainContent$btnSearch" value="この条件で検索する" id="MainContent_btnSearch" class="btn-search" />
            <input type="submit" name="ctl00$MainContent$btnClear" value="条件をクリア" id="MainContent_btnClear" class="btn-clear" />
        </div>
    
</div>

    <div class="result-head clearfix">
        <p class="result-count"><span id="MainContent_lblCount">検索結果：<strong>16</strong>件中 1～10件を表示</span></p>
        <p class="result-sort">
            並び順：
            <select name="ctl00$MainContent$ddlSort" onchange="javascript:setTimeout(&#39;__doPostBack(\&#39;ctl00$MainContent$ddlSort\&#39;,\&#39;\&#39;)&#39;, 0)" id="MainContent_ddlSort">
						<option selected="selected" value="date_desc">開催日の新しい順</option>
						<option value="date_asc">開催日の古い順</option>
						<option value="new">掲載の新しい順</option>

					</select>
        </p>
    </div>

    <div>
	<table class="grid" cellspacing="0" rules="all" border="1" id="MainContent_gvSeminar" style="border-collapse:collapse;">
		<tr class="grid-header">
			<th class="col-date" scope="col"><a href="javascript:__doPostBack(&#39;ctl00$MainContent$gvSeminar&#39;,&#39;Sort$EventDate&#39;)">開催日</a></th><th class="col-title" scope="col">セミナー名</th><th class="col-place" scope="col">会場</th><th class="col-status" scope="col"><a href="javascript:__doPostBack(&#39;ctl00$MainContent$gvSeminar&#39;,&#39;Sort$StatusCode&#39;)">受付状況</a></th>
		</tr><tr class="grid-row">
			<td class="col-date">
                        <span id="MainContent_gvSeminar_lblDate_0">2027/03/04(木)</span><br />
                        <span id="MainContent_gvSeminar_lblTime_0" class="time">14:00～16:30</span>
                    </td><td class="col-title">
                        <span id="MainContent_gvSeminar_lblCategory_0" class="cat cat06">事業承継</span>
                        <a id="MainContent_gvSeminar_hlTitle_0" href="SeminarDetail.aspx?id=3107">事業承継セミナー　親族内承継と第三者承継（M&amp;A）の基礎</a>
                    </td><td class="col-place">
                        <span id="MainContent_gvSeminar_lblPlace_0">本町橋ビジネスセンター</span>
                    </td><td class="col-status">
                        <span id="MainContent_gvSeminar_lblStatus_0" class="status st-open">受付中</span>
                    </td>
		</tr><tr class="grid-alt">
			<td class="col-date">
                        <span id="MainContent_gvSeminar_lblDate_1">2027/02/17(水)</span><br />
                        <span id="MainContent_gvSeminar_lblTime_1" class="time">13:30～16:30</span>
                    </td><td class="col-title">
                        <span id="MainContent_gvSeminar_lblCategory_1" class="cat cat03">販路開拓</span>
                        <a id="MainContent_gvSeminar_hlTitle_1" href="SeminarDetail.aspx?id=3098">BtoB展示会 出展準備講座　～ブースづくりから来場者フォローまで～</a>
                    </td><td class="col-place">
                        <span id="MainContent_gvSeminar_lblPlace_1">本町橋ビジネスセンター</span>
                    </td><td class="col-status">
                        <span id="MainContent_gvSeminar_lblStatus_1" class="status st-open">受付中</span>
                    </td>
		</tr><tr class="grid-row">
			<td class="col-date">
                        <span id="MainContent_gvSeminar_lblDate_2">2027/01/28(木)</span><br />
                        <span id="MainContent_gvSeminar_lblTime_2" class="time">15:00～18:30</span>
                    </td><td class="col-title">
                        <span id="MainContent_gvSeminar_lblCategory_2" class="cat cat01">経営</span>
                        <a id="MainContent_gvSeminar_hlTitle_2" href="SeminarDetail.aspx?id=3092">新春 ものづくり経営セミナー＆交流会　「人手不足時代の現場改善」</a>
                    </td><td class="col-place">
                        <span id="MainContent_gvSeminar_lblPlace_2">本町橋ビジネスセンター</span>
                    </td><td class="col-status">
                        <span id="MainContent_gvSeminar_lblStatus_2" class="status st-open">受付中</span>
                    </td>
		</tr><tr class="grid-alt">
			<td class="col-date">
                        <span id="MainContent_gvSeminar_lblDate_3">2027/01/21(木)</span><br />
                        <span id="MainContent_gvSeminar_lblTime_3" class="time">10:00～12:00</span>
                    </td><td class="col-title">
                        <span id="MainContent_gvSeminar_lblCategory_3" class="cat cat04">IT・DX</span>
                        <a id="MainContent_gvSeminar_hlTitle_3" href="SeminarDetail.aspx?id=3089">【オンライン】インボイス・電子帳簿保存法 実務対応セミナー</a>
                    </td><td class="col-place">
                        <span id="MainContent_gvSeminar_lblPlace_3">オンライン</span>
                    </td><td class="col-status">
                        <span id="MainContent_gvSeminar_lblStatus_3" class="status st-open">受付中</span>
                    </td>
		</tr><tr class="grid-row">
			<td class="col-date">
                        <span id="MainContent_gvSeminar_lblDate_4">2026/12/17(木)</span><br />
                        <span id="MainContent_gvSeminar_lblTime_4" class="time">14:00～16:00</span>
                    </td><td class="col-title">
                        <span id="MainContent_gvSeminar_lblCategory_4" class="cat cat05">補助金・助成金</span>
                        <a id="MainContent_gvSeminar_hlTitle_4" href="SeminarDetail.aspx?id=3071">はじめての補助金申請セミナー　～ものづくり補助金・省力化投資補助金のポイント～</a>
                    </td><td class="col-place">
                        <span id="MainContent_gvSeminar_lblPlace_4">本町橋ビジネスセンター</span>
                    </td><td class="col-status">
                        <span id="MainContent_gvSeminar_lblStatus_4" class="status st-full">満席</span>
                    </td>
		</tr><tr class="grid-alt">
			<td class="col-date">
                        <span id="MainContent_gvSeminar_lblDate_5">2026/12/10(木)</span><br />
                        <span id="MainContent_gvSeminar_lblTime_5" class="time">18:30～20:30</span>
                    </td><td class="col-title">
                        <span id="MainContent_gvSeminar_lblCategory_5" class="cat cat02">創業</span>
                        <a id="MainContent_gvSeminar_hlTitle_5" href="SeminarDetail.aspx?id=3066">【中止】創業スクール特別編　先輩起業家と語る夜</a>
                    </td><td class="col-place">
                        <span id="MainContent_gvSeminar_lblPlace_5">本町橋ビジネスセンター</span>
                    </td><td class="col-status">
                        <span id="MainContent_gvSeminar_lblStatus_5" class="status st-cancel">中止</span>
                    </td>
		</tr><tr class="grid-row">
			<td class="col-date">
                        <span id="MainContent_gvSeminar_lblDate_6">2026/12/09(水)</span><br />
                        <span id="MainContent_gvSeminar_lblTime_6" class="time">13:30～16:30</span>
                    </td><td class="col-title">
                        <span id="MainContent_gvSeminar_lblCategory_6" class="cat cat07">海外展開</span>
                        <a id="MainContent_gvSeminar_hlTitle_6" href="SeminarDetail.aspx?id=3064">海外展開セミナー　ベトナム・タイ市場の最新動向と進出事例</a>
                    </td><td class="col-place">
                        <span id="MainContent_gvSeminar_lblPlace_6">マイドームおおさか</span>
                    </td><td class="col-status">
                        <span id="MainContent_gvSeminar_lblStatus_6" class="status st-closed">受付終了</span>
                    </td>
		</tr><tr class="grid-alt">
			<td class="col-date">
                        <span id="MainContent_gvSeminar_lblDate_7">2026/11/26(木)</span><br />
                        <span id="MainContent_gvSeminar_lblTime_7" class="time">14:00～16:00</span>
                    </td><td class="col-title">
                        <span id="MainContent_gvSeminar_lblCategory_7" class="cat cat04">IT・DX</span>
                        <a id="MainContent_gvSeminar_hlTitle_7" href="SeminarDetail.aspx?id=3052">製造業のための生成AI活用入門　～見積・日報・技術伝承への使い方～</a>
                    </td><td class="col-place">
                        <span id="MainContent_gvSeminar_lblPlace_7">本町橋ビジネスセンター</span>
                    </td><td class="col-status">
                        <span id="MainContent_gvSeminar_lblStatus_7" class="status st-end">終了</span>
                    </td>
		</tr><tr class="grid-row">
			<td class="col-date">
                        <span id="MainContent_gvSeminar_lblDate_8">2026/11/12(木)</span><br />
                        <span id="MainContent_gvSeminar_lblTime_8" class="time">14:00～17:00</span>
                    </td><td class="col-title">
                        <span id="MainContent_gvSeminar_lblCategory_8" class="cat cat08">知的財産</span>
                        <a id="MainContent_gvSeminar_hlTitle_8" href="SeminarDetail.aspx?id=3044">知的財産セミナー　中小企業のための商標・意匠戦略</a>
                    </td><td class="col-place">
                        <span id="MainContent_gvSeminar_lblPlace_8">本町橋ビジネスセンター</span>
                    </td><td class="col-status">
                        <span id="MainContent_gvSeminar_lblStatus_8" class="status st-end">終了</span>
                    </td>
		</tr><tr class="grid-alt">
			<td class="col-date">
                        <span id="MainContent_gvSeminar_lblDate_9">2026/10/22(木)</span><br />
                        <span id="MainContent_gvSeminar_lblTime_9" class="time">13:30～16:00</span>
                    </td><td class="col-title">
                        <span id="MainContent_gvSeminar_lblCategory_9" class="cat cat01">経営</span>
                        <a id="MainContent_gvSeminar_hlTitle_9" href="SeminarDetail.aspx?id=3031">BCP（事業継続計画）策定ワークショップ</a>
                    </td><td class="col-place">
                        <span id="MainContent_gvSeminar_lblPlace_9">本町橋ビジネスセンター</span>
                    </td><td class="col-status">
                        <span id="MainContent_gvSeminar_lblStatus_9" class="status st-end">終了</span>
                    </td>
		</tr><tr class="grid-pager">
			<td colspan="4"><table>
				<tr>
					<td><span>1</span></td><td><a href="javascript:__doPostBack(&#39;ctl00$MainContent$gvSeminar&#39;,&#39;Page$2&#39;)">2</a></td><td><a href="javascript:__doPostBack(&#39;ctl00$MainContent$gvSeminar&#39;,&#39;Page$Next&#39;)">次へ &gt;</a></td>
				</tr>
			</table></td>
		</tr>
	</table>
</div>

    <div class="note-box">
        <h2>ご注意</h2>
        <ul>
            <li>受付状況が「満席」のセミナーは、キャンセルが出た場合に限りお電話（06-6947-4380）で受け付けます。</li>
            <li>「受付終了」は申込期限を過ぎたセミナーです。当日の参加をご希望の方はお問い合わせください。</li>
            <li>気象警報の発表などにより開催を中止する場合は、このページと申込者へのメールでお知らせします。</li>
            <li>会場の都合により、開催日時・会場が変更になる場合があります。</li>
        </ul>
    </div>

            </div>

            <div id="side">
                <div class="side-box">
                    <h3 class="side-title">セミナー・イベント</h3>
                    <ul class="side-menu">
                        <li class="current"><a href="/seminar/SeminarList.aspx">セミナー検索</a></li>
                        <li><a href="/seminar/guide.html">お申込みの流れ</a></li>
                        <li><a href="/seminar/faq.html">よくあるご質問</a></li>
                        <li><a href="/seminar/report/">開催レポート</a></li>
                        <li><a href="/mypage/Login.aspx">申込内容の確認・キャンセル</a></li>
                    </ul>
                </div>
                <div class="side-box side-news">
                    <h3 class="side-title">お知らせ</h3>
                    <dl class="side-news-list">
                        <dt>2026/12/01</dt>
                        <dd><a href="/news/20261201.html">年末年始の休館について（12月29日～1月3日）</a></dd>
                        <dt>2026/11/25</dt>
                        <dd><a href="/mailmagazine/backnumber/vol215.html">メールマガジン「OSBだより」12月号を配信しました</a></dd>
                        <dt>2026/11/16</dt>
                        <dd><a href="/subsidy/monozukuri2026-2.html">【公募】令和8年度 ものづくり技術開発支援補助金（二次募集）の受付を開始しました（締切：令和9年1月15日）</a></dd>
                        <dt>2026/11/02</dt>
                        <dd><a href="/news/20261102.html">本町橋ビジネスセンター 空調設備点検に伴う貸会議室のご利用制限について（11月21日）</a></dd>
                    </dl>
                    <p class="more"><a href="/news/">お知らせ一覧へ</a></p>
                </div>
                <div class="side-banner">
                    <p><a href="/consult/"><img src="/common/img/bnr_soudan.gif" alt="専門家による無料経営相談 予約受付中" width="220" height="80" /></a></p>
                    <p><a href="https://www.mirasapo-plus.go.jp/" target="_blank"><img src="/common/img/bnr_mirasapo.gif" alt="ミラサポplus（外部リンク）" width="220" height="60" /></a></p>
                    <p><a href="/mailmagazine/"><img src="/common/img/bnr_mailmag.gif" alt="メールマガジン登録" width="220" height="60" /></a></p>
                </div>
            </div>

        </div>

        <div id="pagetop"><a href="#wrapper">ページの先頭へ</a></div>
        <div id="footer">
            <ul class="footer-link">
                <li><a href="/privacy/">個人情報保護方針</a></li>
                <li><a href="/policy/">サイトポリシー</a></li>
                <li><a href="/accessibility/">ウェブアクセシビリティ</a></li>
                <li><a href="/disclosure/">情報公開</a></li>
            </ul>
            <address>
                公益財団法人 おおさか産業支援財団<br />
                〒540-0029　大阪市中央区本町橋2-8　本町橋ビジネスセンター 8階<br />
                TEL：06-6947-4380（代表）　FAX：06-6947-4381<br />
                開館時間：平日 9:00～17:30（土日祝・年末年始を除く）
            </address>
            <p class="copyright">Copyright &copy; Osaka Small Business Support Foundation. All Rights Reserved.</p>
        </div>
    </div>


<script type="text/javascript">
//<![CDATA[
WebForm_AutoFocus('MainContent_txtKeyword');//]]>
</script>
<div class="aspNetHidden">

	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="4B9A3C21" />
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEWkMiLZMe/dDqgiuolkgb//QXvZmBWVa8vDC6K14Dr8d0Z3Wepspo78+24AdsWwogip/WHbpKw1zAm7qIBNlYVzCnlcqeF6deEx09Ud4IRVP5YmpNM5ncNJlM+8zS7VE0wcrFDf25XBI7HksDkEYlIUaXNza4hKCRqBGRwnhnPM3N0+l82UTnxj5ISbvQO+YRinDfkjWgBj/4xFM27UtjP8azCsvfUYuUpUMxGKBwU4NR/OagCHTKxLNMgNE2agH7NSmYNcphbjKwocWnBAmeoUEOR0f99YXD/2clq1yUZFn/e+3nvrD+T7IZATFibSCO4xnJ4t6HakxoSW4AkiQEYtmGnvzuJS5k5c1NDEgZbk692vYR9kic/CurSS1JbhL+ChxdkKhCCgYl0KZm2io9/FU5E5SJVMXkxg3zuEZntUKpJC9pSGIt/ZYvcisw9Wd/x9H9HKELiVuNetBQSEQsGL41cXRgnSKOrvdPhS0sMt9wuJLwO0YTWylKEat1OpAi0VAXYN7GQX3vVuU9vXTFQ1IQz0XMqDeYsSEj3H2KCVZYesWcVul63zAZ43lQDxUzd3T81qRtqbRUB1eC4VNyBUR93kJikGpXFVbNDnogG3cLhkhn5FXH0Ki4uIGU84EdYdNRD9X8JcWZ9rKthtRc1B7TDuGQqsy2wA7eBFUsOqr3AYU79Jizq1vVMob5Rx/K809Dnr4VLUUTVb97hs7Ow6zU7lG9vLl2delFzNga9ZOhrydd4wWS2a9pLtU1kpwvG9zTArMXrFHulOuJgVxdnADTS7r9zFmq3Gy5c+0at6VrFb5SWZZt+GA0qzdTzVUNApwBd0uvzK4PTWojNItNP9rFaqSsLD18+h18l216uVTYoFfYN6eZzQhZKfoYNmCUz8WteNAdzr0rN6M1cQk/W0w1aUTubmO/OkOKsrxB6SnDW/9vSMNCt99Rne9/2m/AEmwWWrqeEVwkemDKu1WH1gqEfxJfMg/DGFqK5YvQ2witPXQHpTfHxnA==" />
</div></form>
</body>
</html>
