package crawler

import "testing"

func TestSplitAddressDropsWayThereAndNotes(t *testing.T) {
	for _, c := range []struct{ in, venue, addr string }{
		{"淀川区役所 5階 502会議室（阪急十三駅・JR塚本駅から徒歩約10分）", "淀川区役所 5階 502会議室", ""},
		{"西中島ビジネスプラザ 5F セミナールーム（地下鉄御堂筋線 西中島南方駅 徒歩2分）", "西中島ビジネスプラザ 5F セミナールーム", ""},
		{"天満橋OMMビル 2階 会議室（京阪天満橋駅 直結、地下鉄3番出口すぐ）", "天満橋OMMビル 2階 会議室", ""},
		{"東成区民センター 2階 第1会議室（2回とも）", "東成区民センター 2階 第1会議室", ""},
		{"ホテル北浜クレスト（大阪市中央区北浜2-1-5）", "ホテル北浜クレスト", "大阪市中央区北浜2-1-5"},
		{"堺商工会議所（本館）", "堺商工会議所（本館）", ""},
		{"例ホテル 3F 天満の間（懇親会は同ホテル 2F レストラン「エトワール」）", "例ホテル 3F 天満の間", ""},
		{"例産業ホール 1F 展示場（吹田市江の木町X-X）", "例産業ホール 1F 展示場", "吹田市江の木町X-X"},
		{"例酒造資料館（神戸市東灘区）", "例酒造資料館", "神戸市東灘区"},
		{"割烹 例田（宿院町）", "割烹 例田（宿院町）", ""},
		// The address after a space, on the place's line.
		{"カフェ&バル 例 大阪市西区靱本町1丁目 1F", "カフェ&バル 例", "大阪市西区靱本町1丁目 1F"},
		{"例会館 3階 大ホール 大阪市西区靱本町1丁目X-X", "例会館 3階 大ホール", "大阪市西区靱本町1丁目X-X"},
		// A city's name that is no address: the hall's.
		{"大阪市中央公会堂 3階 中集会室", "大阪市中央公会堂 3階 中集会室", ""},
		{"例ホテル 堺市役所前", "例ホテル 堺市役所前", ""},
	} {
		f := Fields{FieldVenue: c.in}
		splitAddress(f)
		if f[FieldVenue] != c.venue || f[FieldAddress] != c.addr {
			t.Errorf("splitAddress(%q) = %q, %q; want %q, %q", c.in, f[FieldVenue], f[FieldAddress], c.venue, c.addr)
		}
	}
}

func TestVenueChangePostIsNoEvent(t *testing.T) {
	// A blog post moving an event announced in its own post: the post is
	// no event of its own.
	page := `<html><head><title>【会場変更】12/19 経営者交流会 vol.12 - 例ネット</title></head><body>
<div class="post"><h1>【会場変更】12/19 経営者交流会 vol.12</h1>
<p class="date">2026年12月1日</p>
<p>11月18日の記事でご案内した12月19日（土）の経営者交流会 vol.12 は、会場の都合により会場を変更いたします。日時に変更はありません。</p>
<p>【変更前】<br>北区民センター 2階 会議室</p>
<p>【変更後】<br>梅田ビジネスプラザ 6F 会議室A（大阪市北区梅田2-4-9）</p>
</div></body></html>`
	_, err := readEventPage(docOf(t, page), mustURL("https://www.example.jp/2026/12/01/henko/"), goldenRef, Fields{})
	if err == nil {
		t.Fatal("read as an event")
	}
	if got := venueChange.FindString("会場変更のお知らせ 交流会"); got != "" {
		t.Errorf("a title naming the change without brackets matched %q", got)
	}
}

func TestArticleBodyHeadingTitlesTheEvent(t *testing.T) {
	// A note-like article: the headline carries a mark and the date; the
	// body's ■ heading, followed by the 日時 line, names the event; the
	// online form stands under 形式.
	page := `<html><head><title>【オンライン】12/10（木）夜のミニ講座「はじめての電子帳簿保存」｜例ネット</title></head><body>
<article><h1 class="o-noteContentHeader__title">【オンライン】12/10（木）夜のミニ講座「はじめての電子帳簿保存」</h1>
<div class="note-common-styles__textnote-body">
<p>仕事終わりの1時間で、電子帳簿保存のきほんを学びます。</p>
<h3>■夜のミニ講座「はじめての電子帳簿保存」</h3>
<p>日時：2026年12月10日（木）20:00〜21:00<br>形式：オンライン（Zoom）<br>講師：税理士 山口 直子 さん<br>参加費：無料</p>
</div></article></body></html>`
	f, err := readEventPage(docOf(t, page), mustURL("https://www.example.jp/n/n1a2b3c4d5e6f"), goldenRef, Fields{})
	if err != nil {
		t.Fatal(err)
	}
	if f[FieldTitle] != "夜のミニ講座「はじめての電子帳簿保存」" || f[FieldVenue] != "オンライン（Zoom）" {
		t.Errorf("title %q, venue %q", f[FieldTitle], f[FieldVenue])
	}
}

func TestStatusMarkDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"【中止】12/5（土）朝活勉強会「決算書の読み方入門」", "【中止】朝活勉強会「決算書の読み方入門」"},
		{"【延期】1月16日（土）新春交流会", "【延期】新春交流会"},
		{"【募集】12/5（土）朝活勉強会", "【募集】12/5（土）朝活勉強会"},
		{"【中止】12月例会", "【中止】12月例会"},
	} {
		if got := statusMarkDate(c.in); got != c.want {
			t.Errorf("statusMarkDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestVenueCellLeavesOutAddressMapAndNotes(t *testing.T) {
	// A component site's row: the address, the map link and a note are
	// spans and a link set after the hall in the same div, kept apart by
	// styles only.
	nuxt := `<html><head><title>経営者のための労務管理セミナー｜例商工会議所</title></head><body>
<div class="seminar-detail" data-v-6b2d4e8a><h1 class="seminar-detail__title" data-v-6b2d4e8a>経営者のための労務管理セミナー</h1>
<div class="info-row" data-v-6b2d4e8a><div class="info-row__label" data-v-6b2d4e8a>開催日時</div><div class="info-row__value" data-v-6b2d4e8a>2027年1月20日(水) 14:00〜16:00<span class="info-row__note" data-v-6b2d4e8a>（受付開始 13:30）</span></div></div>
<div class="info-row" data-v-6b2d4e8a><div class="info-row__label" data-v-6b2d4e8a>会場</div><div class="info-row__value" data-v-6b2d4e8a>例商工会議所 2階 第1会議室<span class="info-row__address" data-v-6b2d4e8a>大阪市淀川区西中島9丁目9-9</span><a href="https://maps.google.com/?q=大阪市淀川区西中島9丁目9-9" target="_blank" rel="noopener" class="info-row__map" data-v-6b2d4e8a>Google Mapで見る</a></div></div>
</div></body></html>`
	// A portal's dt/dd: the hall, its address, the map link and the
	// hybrid's stream each in a <p> of the dd.
	portal := `<html><head><title>例Meetup #39 - 例ポータル</title></head><body>
<main><h1 class="event-header__title">例Meetup #39</h1>
<section class="event-info">
<dl class="event-info__row"><dt>開催日時</dt><dd><p class="event-info__date">2027/01/21(木) 19:00 〜 21:00</p></dd></dl>
<dl class="event-info__row"><dt>会場</dt><dd><p class="event-info__venue">例デジタル 大阪オフィス 8F セミナールーム</p><p class="event-info__address">大阪府大阪市浪速区難波中2-10-70</p><p><a href="https://maps.google.com/?q=大阪府大阪市浪速区難波中2-10-70" target="_blank" rel="noopener">Google Mapで見る</a></p><p class="event-info__online">オンライン配信あり（YouTube Live）</p></dd></dl>
</section></main></body></html>`
	for _, c := range []struct{ page, venue string }{
		{nuxt, "例商工会議所 2階 第1会議室"},
		{portal, "例デジタル 大阪オフィス 8F セミナールーム"},
	} {
		f, err := AutoEvent(docOf(t, c.page), mustURL("https://www.example.jp/seminar/detail/2701008/"), goldenRef)
		if err != nil {
			t.Fatal(err)
		}
		if f[FieldVenue] != c.venue {
			t.Errorf("venue = %q, want %q", f[FieldVenue], c.venue)
		}
	}
}

func TestNoticesWithAsOfAndLastDaysAreNoEvents(t *testing.T) {
	// A 商工会's notices: a loan whose rate is stated as of a day, and the
	// exchange of gift certificates until its last day, open on weekday
	// mornings. Neither names a day someone goes to an event.
	for _, c := range []struct{ name, title, body string }{
		{"as of", "マル経融資（小規模事業者経営改善資金）のご案内", `<h2>マル経融資（小規模事業者経営改善資金）のご案内</h2>
<p>商工会の経営指導を受けている小規模事業者の方が、無担保・無保証人で日本政策金融公庫の融資を受けられる制度です。</p>
<p>融資限度額：2,000万円<br>返済期間：運転資金7年以内（据置1年以内）<br>利率：令和8年10月1日現在 年1.85％</p>`},
		{"last day", "かなん町プレミアム付商品券の換金について", `<h2>かなん町プレミアム付商品券の換金について</h2>
<p>取扱店舗の皆様へ</p><p>プレミアム付商品券の換金受付を下記のとおり行います。</p>
<p>換金受付：毎週月曜日・木曜日 9:00〜12:00（祝日を除く）<br>最終換金日：令和9年2月15日（月）<br>受付場所：例商工会 窓口</p>`},
	} {
		page := `<html><head><title>` + c.title + `｜例商工会</title></head><body><div id="main"><p class="detail_date">掲載日：2026年11月18日</p>` + c.body + `</div></body></html>`
		if f, err := readEventPage(docOf(t, page), mustURL("https://www.example.jp/27/news/detail_1444.html"), goldenRef, Fields{}); err == nil {
			t.Errorf("%s: read as an event: %q", c.name, f)
		}
	}
}

func TestLetterNumberedItems(t *testing.T) {
	// A 記…以上 letter numbers its items, the labels spaced to align.
	page := `<html><head><title>令和9年 新春賀詞交歓会のご案内｜例商工会</title></head><body><div id="main">
<h2 class="detail_ttl">令和9年 新春賀詞交歓会のご案内</h2>
<p>新春恒例の賀詞交歓会を下記のとおり開催いたします。</p>
<div style="text-align:center;">記</div>
<p>1．日　時　令和9年1月8日（金）午後5時〜午後7時<br>
2．場　所　割烹旅館 例荘 大広間<br>
3．会　費　5,000円（当日受付にて申し受けます）<br>
4．申込締切　12月18日（金）</p>
<div style="text-align:right;">以上</div></div></body></html>`
	f, err := AutoEvent(docOf(t, page), mustURL("https://www.example.jp/27/news/detail_1462.html"), goldenRef)
	if err != nil {
		t.Fatal(err)
	}
	if f[FieldVenue] != "割烹旅館 例荘 大広間" {
		t.Errorf("venue %q", f[FieldVenue])
	}
	// A date is no item's number.
	for l, want := range map[string]bool{"12.10 交流会": false, "1．日　時　令和9年1月8日": true, "（2）場所：例会館": true} {
		if got := itemNumber.MatchString(l); got != want {
			t.Errorf("itemNumber(%q) = %v, want %v", l, got, want)
		}
	}
}

func TestSplitAddressDropsRemarks(t *testing.T) {
	// A remark in brackets after the place — parking, a place not yet
	// fixed, the hall for rain, a change — is no part of its name; a
	// building, a floor or room, the hall's other name, the quarter it is
	// in and how it is booked are, as the pages write them.
	for _, c := range []struct{ in, venue string }{
		{"例市民会館 3階 大ホール（駐車場はございません）", "例市民会館 3階 大ホール"},
		{"例会館 2F 研修室（無料駐車場あり・30台）", "例会館 2F 研修室"},
		{"例ビジネスセンター 5F 会議室A（予定）", "例ビジネスセンター 5F 会議室A"},
		{"例公園 芝生広場（雨天時は例小学校 体育館）", "例公園 芝生広場"},
		{"例区民センター 第1会議室（会場が変更になりました）", "例区民センター 第1会議室"},
		{"例ホテル 3F 鳳凰の間（公共交通機関でお越しください）", "例ホテル 3F 鳳凰の間"},
		{"例区民センター 第1会議室（第2部は近隣店舗にて）", "例区民センター 第1会議室"},
		{"大阪産業創造館（6階 会議室A）", "大阪産業創造館（6階 会議室A）"},
		{"大阪国際会議場（グランキューブ大阪）", "大阪国際会議場（グランキューブ大阪）"},
		{"例支部 会議室（例ビル5F）", "例支部 会議室（例ビル5F）"},
		{"割烹 例田（宿院町）", "割烹 例田（宿院町）"},
		{"ダイニング 例 北新地（貸切）", "ダイニング 例 北新地（貸切）"},
		{"例産業会館（仮称）", "例産業会館（仮称）"},
	} {
		f := Fields{FieldVenue: c.in}
		splitAddress(f)
		if f[FieldVenue] != c.venue || f[FieldAddress] != "" {
			t.Errorf("splitAddress(%q) = %q, %q; want %q, no address", c.in, f[FieldVenue], f[FieldAddress], c.venue)
		}
	}
}

func TestFeedVenueDropsRemarks(t *testing.T) {
	// A club's RSS feed: each item's description (HTML in CDATA) states the
	// date and the place, a remark in brackets after some places.
	feed := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>例交流会 例会のご案内</title><link>https://koryu.example.jp/</link><description>事務局から</description>
<item><title>12月 定例会・忘年会</title><link>https://koryu.example.jp/#reikai</link>
<pubDate>Mon, 16 Nov 2026 10:30:00 +0900</pubDate>
<description><![CDATA[<p>12月は忘年会を兼ねて開催します。</p>
<ul><li>日時：2026年12月16日（水）18:30〜21:00</li>
<li>会場：例区民センター 第2会議室（第2部は近隣の居酒屋にて）</li><li>会費：4,000円</li></ul>]]></description></item>
<item><title>新春交流会 2027</title><link>https://koryu.example.jp/#shinshun</link>
<pubDate>Tue, 01 Dec 2026 09:00:00 +0900</pubDate>
<description><![CDATA[<ul><li>日時：2027年1月13日（水）18:00〜20:00</li>
<li>会場：例会館 3F ホール（駐車場はございません。公共交通機関でお越しください）</li></ul>]]></description></item>
<item><title>2月 定例会</title><link>https://koryu.example.jp/#reikai-2</link>
<pubDate>Tue, 01 Dec 2026 09:05:00 +0900</pubDate>
<description><![CDATA[<ul><li>日時：2027年2月17日（水）18:30〜20:30</li>
<li>会場：例ビジネスセンター 5F 会議室A（予定）</li></ul>]]></description></item>
<item><title>3月 工場見学会</title><link>https://koryu.example.jp/#kengaku</link>
<pubDate>Tue, 01 Dec 2026 09:10:00 +0900</pubDate>
<description><![CDATA[<ul><li>日時：2027年3月10日（水）14:00〜16:00</li>
<li>会場：例精工 本社工場（大阪市西区南堀江9-9-9）</li></ul>]]></description></item>
</channel></rss>`
	src := &Source{ID: "koryu", Name: "例交流会", Area: "大阪市西区", StartURLs: []string{"https://koryu.example.jp/feed.rss"}}
	res, err := ParseFeed([]byte(feed), src, goldenRef)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"12月 定例会・忘年会": {"例区民センター 第2会議室", ""},
		"新春交流会 2027":  {"例会館 3F ホール", ""},
		"2月 定例会":      {"例ビジネスセンター 5F 会議室A", ""},
		"3月 工場見学会":    {"例精工 本社工場", "大阪市西区南堀江9-9-9"},
	}
	if len(res.Events) != len(want) {
		t.Errorf("%d events, want %d; problems %q", len(res.Events), len(want), res.Problems)
	}
	for _, e := range res.Events {
		if w, ok := want[e.Title]; !ok || e.Venue != w[0] || e.Address != w[1] {
			t.Errorf("%s: venue %q, address %q; want %q", e.Title, e.Venue, e.Address, w)
		}
	}
}

// A venue cell that goes on to the fee: the place alone.
func TestCleanVenueLeavesTheFee(t *testing.T) {
	for in, want := range map[string]string{
		"旬彩 例（北区天神橋4丁目） 会費 5,000円": "旬彩 例（北区天神橋4丁目）",
		"例会館 3階 / 参加費：3,000円":      "例会館 3階",
		"会費制ビアガーデン 例":              "会費制ビアガーデン 例",
	} {
		if got := cleanVenue(in); got != want {
			t.Errorf("cleanVenue(%q) = %q, want %q", in, got, want)
		}
	}
}
