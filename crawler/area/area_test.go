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
		{"北区梅田のホテル", ""}, // a ward alone is ambiguous
		{"オンライン（Zoom）", Online},
		{"千早赤阪村", "千早赤阪村"},
		{"", ""},
		{"東京都千代田区", ""},
	} {
		if got := Lookup(tc.text); got != tc.want {
			t.Errorf("Lookup(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
