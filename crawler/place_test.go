package crawler

import (
	"testing"

	"kouryu/internal/event"
)

func TestPlaceAndAreaFromTheEventsText(t *testing.T) {
	src := &Source{ID: "t", Name: "t", Area: "大阪市"}
	for _, tc := range []struct {
		name              string
		e                 event.Event
		venue, addr, area string
		pref              string
		online            bool
	}{
		{name: "connpass calendar: the place only in the description",
			e:     event.Event{Title: "大阪 Go 勉強会 #13", Description: "開催日時: 2026/12/12 13:00 ～ 2026/12/12 17:00\n開催場所: 大阪府大阪市中央区本町1-4-5 (大阪産業創造館)\n概要"},
			venue: "大阪産業創造館", addr: "大阪府大阪市中央区本町1-4-5", area: "大阪市中央区", pref: "大阪府"},
		{name: "elsewhere in the description: no area, not the source's",
			e:     event.Event{Title: "香川 IT 交流会 #8", Description: "開催場所: 香川県高松市サンポート2-1 (高松シンボルタワー)"},
			venue: "高松シンボルタワー", addr: "香川県高松市サンポート2-1", area: "", pref: "香川県"},
		{name: "本町 of 仙台",
			e:     event.Event{Title: "Sendai.go #20", Address: "宮城県仙台市青葉区本町2-16-10", Venue: "本町の貸会議室"},
			venue: "本町の貸会議室", addr: "宮城県仙台市青葉区本町2-16-10", area: "", pref: "宮城県"},
		{name: "the title names Osaka only: the source's Osaka area",
			e:    event.Event{Title: "オープンソースカンファレンス2027 OSC大阪", Description: "展示とセミナーは参加無料です。"},
			area: "大阪市", pref: "大阪府"},
		{name: "the title names elsewhere in Latin letters",
			e:    event.Event{Title: "Python mini Hack-a-thon Kagawa #5", Description: "電源と Wi-Fi あり。"},
			area: "", pref: "香川県"},
		{name: "the title says online",
			e:     event.Event{Title: "【オンライン】経営者のための DX 勉強会"},
			venue: "", area: "online", online: true},
		{name: "the description says online, nothing else a place",
			e:     event.Event{Title: "フロントエンド勉強会 #58", Description: "今回は Zoom で開催します。"},
			venue: "オンライン", area: "online", online: true},
		{name: "venue and address win over the title",
			e:     event.Event{Title: "東京から学ぶ DX", Venue: "梅田スカイビル 会議室"},
			venue: "梅田スカイビル 会議室", area: "大阪市北区", pref: "大阪府"},
		{name: "a building named for Tokyo in Osaka",
			e:     event.Event{Title: "交流会", Venue: "東京建物梅田ビル 3F"},
			venue: "東京建物梅田ビル 3F", area: "大阪市北区", pref: "大阪府"},
		{name: "venue（address） with a venue named for its city",
			e:     event.Event{Title: "IoT 勉強会", Description: "会場：堺市産業振興センター（堺市北区長曽根町130-42）"},
			venue: "堺市産業振興センター", addr: "堺市北区長曽根町130-42", area: "堺市", pref: "大阪府"},
		{name: "no place at all: the source's area",
			e:    event.Event{Title: "LT 大会 #30", Description: "5分の LT を何本でも。"},
			area: "大阪市"},
		{name: "場所：未定 names nothing",
			e:    event.Event{Title: "年末特別例会", Description: "場所：未定\n詳細は追って"},
			area: "大阪市"},
		{name: "a list row's 調整中 names nothing",
			e:    event.Event{Title: "3月例会", Venue: "調整中"},
			area: "大阪市"},
		{name: "会場 調整中 names nothing either",
			e:    event.Event{Title: "3月例会", Description: "会場\t調整中\n報告者\t調整中"},
			area: "大阪市"},
		{name: "a note after the venue is no part of it",
			e:     event.Event{Title: "12月例会", Venue: "梅田の貸会議室（申込者にご連絡します）"},
			venue: "梅田の貸会議室", area: "大阪市北区", pref: "大阪府"},
		{name: "nor a way to join from afar",
			e:     event.Event{Title: "経営セミナー", Venue: "例北商工会館 2階 研修室（Zoomでのオンライン参加もできます）"},
			venue: "例北商工会館 2階 研修室", area: "大阪市"},
		{name: "nor that it is streamed too",
			e:     event.Event{Title: "補助金セミナー", Venue: "例産業創造プラザ 6階 研修室（オンライン同時配信あり）"},
			venue: "例産業創造プラザ 6階 研修室", area: "大阪市"},
		{name: "a room taken whole stays so",
			e:     event.Event{Title: "年末 経営者交流会", Venue: "イタリアンバル 例本町（貸切）"},
			venue: "イタリアンバル 例本町（貸切）", area: "大阪市中央区", pref: "大阪府"},
		{name: "a row's dash after its hours names nothing",
			e:    event.Event{Title: "2月例会", Venue: "～"},
			area: "大阪市"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.e.Source, tc.e.URL, tc.e.StartsAt = "t", "https://ev.example.jp/e/1", tokyo(2026, 12, 12, 13, 0)
			fe, _, err := finishEvent(src, tc.e, "")
			if err != nil {
				t.Fatal(err)
			}
			if fe.Venue != tc.venue || fe.Address != tc.addr || fe.Area != tc.area {
				t.Errorf("venue %q address %q area %q; want %q %q %q", fe.Venue, fe.Address, fe.Area, tc.venue, tc.addr, tc.area)
			}
			if w := placeOf(fe); w.pref != tc.pref || w.online != tc.online {
				t.Errorf("placeOf: %+v, want prefecture %q online %v", w, tc.pref, tc.online)
			}
		})
	}
}

func TestCutVenueTown(t *testing.T) {
	for v, want := range map[string][2]string{
		"株式会社例西製作所 本社工場（東大阪市川俣）": {"株式会社例西製作所 本社工場", "東大阪市川俣"},
		"例会館 3階 ホール（大阪市北区梅田）":    {"例会館 3階 ホール", "大阪市北区梅田"},
		"イタリアンバル 例本町（貸切）":        {"イタリアンバル 例本町（貸切）", ""},
		"例ホール（梅田）":               {"例ホール（梅田）", ""},
		"オンライン（Zoom）":            {"オンライン（Zoom）", ""},
	} {
		if venue, town := cutVenueTown(v); venue != want[0] || town != want[1] {
			t.Errorf("cutVenueTown(%q) = %q, %q; want %q", v, venue, town, want)
		}
	}
}
