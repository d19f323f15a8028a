package area

import "testing"

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

func FuzzLookup(f *testing.F) {
	f.Add("大阪市北区梅田")
	f.Add("中央区難波")
	f.Fuzz(func(t *testing.T, s string) {
		a := Lookup(s)
		if a != "" && a != Online && !InOsaka(a) {
			t.Fatalf("Lookup(%q) = %q, not an Osaka area", s, a)
		}
	})
}
