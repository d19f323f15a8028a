package area

import (
	"slices"
	"testing"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"大阪府大阪市中央区本町橋2-8", "大阪市中央区"},
		{"大阪市 北区 梅田1丁目", "大阪市北区"},
		{"大阪市東住吉区", "大阪市東住吉区"},
		{"大阪市住吉区", "大阪市住吉区"},
		{"大阪府東大阪市荒本北1-4-17", "東大阪市"},
		{"堺市堺区南瓦町", "堺市"},
		{"大阪狭山市役所", "大阪狭山市"},
		{"大阪市内のホテル", "大阪市"},
		{"北区梅田のホテル", "大阪市北区"}, // a ward beside a known district
		{"北区の会議室", ""},        // a ward alone is ambiguous
		{"オンライン（Zoom）", Online},
		{"千早赤阪村", "千早赤阪村"},
		{"", ""},
		{"東京都千代田区", ""},
		{"梅田スカイビル 会議室", "大阪市北区"},
		{"北新地のレストラン", "大阪市北区"},
		{"淀屋橋駅前ビル", "大阪市中央区"},
		{"北区中之島5丁目 国際会議場", "大阪市北区"},
		{"堺筋本町駅すぐ", "大阪市中央区"},
		{"上本町のホール", "大阪市天王寺区"},
		{"なんばパークス", "大阪市浪速区"},
		{"中央区難波5丁目", "大阪市中央区"},
		{"大阪市中央区難波", "大阪市中央区"},
		{"新大阪駅前の貸会議室", "大阪市淀川区"},
		{"京橋 城東区側出口", "大阪市城東区"},
		{"堺東駅前", "堺市"},
		{"江坂の会議室", "吹田市"},
		{"千里中央 ライフサイエンスセンター", "豊中市"},
		{"布施駅前", "東大阪市"},
		{"ウェビナー", Online},
		{"YouTube ライブ配信", Online},
		{"福島区民センター", "大阪市福島区"}, // only 大阪市 has a 福島区
		{"東住吉区の会館", "大阪市東住吉区"},
		{"西淀川区民ホール", "大阪市西淀川区"},
		{"鶴見区の会議室", ""}, // 横浜市にもある
		{"天神橋筋商店街", "大阪市北区"},
	} {
		if got := Lookup(tc.text); got != tc.want {
			t.Errorf("Lookup(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  string
	}{
		{[]string{"大阪市", "梅田の会議室"}, "大阪市北区"},  // a ward wins over its city
		{[]string{"堺市堺区", "大阪市北区のホテル"}, "堺市"}, // the address wins over the venue
		{[]string{"", "オンライン開催"}, Online},
		{[]string{"大阪市北区", "Zoom併用"}, "大阪市北区"},
		{[]string{"東京都港区", "大阪市北区"}, "大阪市北区"},
		{[]string{"", ""}, ""},
	} {
		if got := Resolve(tc.texts...); got != tc.want {
			t.Errorf("Resolve(%q) = %q, want %q", tc.texts, got, tc.want)
		}
	}
}

func TestInOsaka(t *testing.T) {
	for a, want := range map[string]bool{
		"大阪市": true, "大阪市北区": true, "堺市": true, "千早赤阪村": true,
		"大阪市港北区": false, Online: false, "": false, "京都市": false,
	} {
		if got := InOsaka(a); got != want {
			t.Errorf("InOsaka(%q) = %v", a, got)
		}
	}
}

func TestValid(t *testing.T) {
	for a, want := range map[string]bool{
		"大阪市": true, "大阪市北区": true, "堺市": true, "堺市堺区": true, "堺市南区": true,
		Online: true, "島本町": true,
		"osaka-city": false, "Osaka": false, "": false, "大阪": false, "大阪府": false,
		"大阪市港北区": false, "京都市": false, "京都市北区": false, "堺市区": false,
		"堺市 北区": false, "大阪市北区梅田": false,
	} {
		if got := Valid(a); got != want {
			t.Errorf("Valid(%q) = %v", a, got)
		}
	}
}

func FuzzLookup(f *testing.F) {
	f.Add("大阪市北区梅田")
	f.Add("中央区難波")
	f.Fuzz(func(t *testing.T, s string) {
		a := Lookup(s)
		if a != "" && a != Online && !InOsaka(a) {
			t.Fatalf("Lookup(%q) = %q, not an Osaka area", s, a)
		}
		if p := Prefecture(s); p != "" && !slices.ContainsFunc(prefectures, func(q struct{ name, bare, kana, latin string }) bool { return q.name == p }) {
			t.Fatalf("Prefecture(%q) = %q, not a prefecture", s, p)
		}
	})
}

func TestPrefecture(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		// Osaka, however it is written.
		{"大阪府大阪市中央区本町1-4-5 (大阪産業創造館)", Osaka},
		{"OSC大阪 2027", Osaka},
		{"Go Conference 2027 Osaka", Osaka},
		{"梅田スカイビル 会議室", Osaka},
		{"堺市産業振興センター（堺市北区長曽根町130-42）", Osaka},
		{"河内長野市立市民交流センター", Osaka}, // not 長野
		{"泉大津市の会議室", Osaka},       // not 大津
		{"福島区民センター", Osaka},       // 大阪市福島区, not 福島県
		{"東京・大阪 同時開催", Osaka},     // held in Osaka too
		// Elsewhere, by prefecture, city or Latin name.
		{"香川県高松市サンポート2-1 (高松シンボルタワー)", "香川県"},
		{"宮城県仙台市青葉区本町2-16-10 (本町の貸会議室)", "宮城県"}, // 本町 of 仙台
		{"仙台駅前の会議室", "宮城県"},
		{"東京都千代田区丸の内1-9-2", "東京都"},
		{"東京都中央区日本橋本町2-1-1 会議室A", "東京都"},
		{"京都府京都市下京区中堂寺南町134", "京都府"},
		{"山口県山口市中央2-5-1 (山口市民会館 小ホール)", "山口県"},
		{"沖縄 IT 勉強会 in 那覇", "沖縄県"},
		{"Python mini Hack-a-thon Kagawa #5", "香川県"},
		{"Sendai.go #20", "宮城県"},
		{"Go Tokyo Meetup #31", "東京都"},
		{"兵庫県神戸市中央区御幸通8-1-6", "兵庫県"},
		{"兵庫県揖保郡太子町", "兵庫県"}, // not 太子町 of 大阪
		{"神戸国際会館 セミナーハウス", "兵庫県"},
		{"博多バスターミナル 9F 大ホール", "福岡県"},
		{"やまぐち Tech 交流会", "山口県"},
		{"北海道札幌市中央区", "北海道"},
		// No place, or a name that is not one.
		{"LT 大会 #30", ""},
		{"山口さんの LT 会", ""},
		{"天神橋筋商店街", Osaka},
		{"オンライン（Zoom）", ""},
		{"関西オープンフォーラム2027", ""},
		{"The Saga of a Startup", ""},
		{"", ""},
	} {
		if got := Prefecture(tc.text); got != tc.want {
			t.Errorf("Prefecture(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
