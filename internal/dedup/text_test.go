package dedup

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"kouryu/internal/event"
)

func TestNormTitle(t *testing.T) {
	for _, c := range []struct {
		title, core string
		nums        []int
	}{
		{"第5回 なにわ経営者交流会のお知らせ", "経営者交流会", []int{5}},
		{"【難波】経営者交流会 vol.5", "経営者交流会", []int{5}},
		{"なにわ経営者交流会 Vol.5＠心斎橋", "経営者交流会", []int{5}},
		{"第五回 経営者交流会", "経営者交流会", []int{5}},
		{"第十二回経営者交流会", "経営者交流会", []int{12}},
		{"Osaka Startup Night ＃12", "osakastartupnight", []int{12}},
		{"令和8年度 東大阪市ものづくりビジネスマッチング商談会の開催案内", "ものづくりビジネスマッチング商談会", nil},
		{"ひらかたビジネスフェア2026", "ビジネスフェア", nil},
		{"【2026年最終回】生成AIビジネス活用勉強会 vol.9", "生成aiビジネス活用勉強会", []int{9}},
		{"第87回 淀屋橋モーニング交流会☕朝7:30〜", "モーニング交流会朝", []int{87}},
		{"12/3(木) 18:30〜 異業種交流会【参加費3,000円・定員30名】", "異業種交流会", nil},
		{"2026年12月3日（木）異業種交流会", "異業種交流会", nil},
		{"ものづくり現場のカイゼン勉強会（全3回）第2回", "ものづくり現場のカイゼン勉強会", []int{2}},
		{"江坂ビジネス交流会 12月度", "ビジネス交流会", []int{12}},
		{"ｾﾐﾅｰ＆懇親会", "セミナー懇親会", nil},
		{"事業承継セミナーと懇親会のご案内", "事業承継セミナー懇親会", nil},
		{"女性起業家ランチ交流会 in 梅田【12月】", "女性起業家ランチ交流会", []int{12}},
		{"【朝7時・梅田】BNIビジネス交流会 見学OK", "bniビジネス交流会", nil},
		{"100人交流会 残り5席", "人交流会", []int{100}},
	} {
		core, nums := normTitle(c.title)
		if core != c.core || !slices.Equal(nums, c.nums) {
			t.Errorf("normTitle(%q) = %q %v, want %q %v", c.title, core, nums, c.core, c.nums)
		}
	}
}

func TestNormPlace(t *testing.T) {
	for _, c := range []struct {
		venue, core   string
		floors, rooms []string
		nums          []int
	}{
		{"ホテル日航大阪 5階 孔雀の間", "日航孔雀の間", []string{"5"}, []string{"孔雀"}, nil},
		{"日航大阪5F", "日航", []string{"5"}, nil, nil},
		{"大阪商工会議所 ７Ｆ 国際会議ホール", "商工会議所国際会議ホール", []string{"7"}, nil, nil},
		{"大阪商工会議所 地下1階 1号会議室", "商工会議所会議室", []string{"b1"}, nil, []int{1}},
		{"大阪商工会議所 B1F", "商工会議所", []string{"b1"}, nil, nil},
		{"産創館 6F 会議室E", "産業創造館会議室e", []string{"6"}, nil, nil},
		{"江坂ミーティングスペース 3F（江坂駅徒歩2分）", "江坂ミーティングスペース江坂駅", []string{"3"}, nil, nil},
		{"大阪駅前第3ビル 17階 会議室1", "駅前ビル会議室", []string{"17"}, nil, []int{1, 3}},
		{"心斎橋パルコ 14階", "心斎橋parco", []string{"14"}, nil, nil},
	} {
		p := normPlace(c.venue)
		if p.core != c.core || !slices.Equal(p.floors, c.floors) || !slices.Equal(p.rooms, c.rooms) || !slices.Equal(p.nums, c.nums) {
			t.Errorf("normPlace(%q) = %q floors %v rooms %v nums %v, want %q %v %v %v",
				c.venue, p.core, p.floors, p.rooms, p.nums, c.core, c.floors, c.rooms, c.nums)
		}
	}
}

func TestNormAddress(t *testing.T) {
	for _, c := range []struct {
		addr, town string
		nums       []int
	}{
		{"大阪府大阪市中央区西心斎橋1丁目3番3号", "西心斎橋", []int{1, 3, 3}},
		{"大阪市中央区西心斎橋1-3-3", "西心斎橋", []int{1, 3, 3}},
		{"東大阪市荒本北1-4-17", "荒本北", []int{1, 4, 17}},
		{"堺市北区長曽根町130-23", "長曽根町", []int{130, 23}},
		{"大阪市北区", "", nil},
	} {
		town, nums := normAddress(c.addr)
		if town != c.town || !slices.Equal(nums, c.nums) {
			t.Errorf("normAddress(%q) = %q %v, want %q %v", c.addr, town, nums, c.town, c.nums)
		}
	}
}

func TestParseOverrides(t *testing.T) {
	o, err := ParseOverrides([]byte("never:\n  - [b, a]\nalways:\n  - [c, a]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !o.Never("a", "b") || o.Never("a", "c") || !o.Always("a", "c") || !slices.Equal(o.Partners("a"), []string{"c"}) {
		t.Errorf("overrides read wrong: %+v", o)
	}
	if !slices.Equal(o.IDs(), []string{"a", "b", "c"}) {
		t.Errorf("IDs %v", o.IDs())
	}
	var none *Overrides
	if none.Never("a", "b") || none.Always("a", "b") || none.Partners("a") != nil {
		t.Error("nil overrides decide something")
	}
	for _, bad := range []string{
		"never:\n  - [a]\n",
		"never:\n  - [a, a]\n",
		"always:\n  - [a, '']\n",
		"never:\n  - [a, b]\nalways:\n  - [b, a]\n",
		"sometimes:\n  - [a, b]\n",
		"never: [a, b]\n",
	} {
		if _, err := ParseOverrides([]byte(bad)); err == nil {
			t.Errorf("ParseOverrides(%q) took it", bad)
		}
	}
	if o, err := ParseOverrides(nil); err != nil || len(o.IDs()) != 0 {
		t.Errorf("an empty file: %v, %v", o, err)
	}
}

// FuzzCompare: whatever the text of two listings, Compare neither panics
// nor depends on their order, and a listing is one event with a copy of
// itself from another source.
func FuzzCompare(f *testing.F) {
	f.Add("第5回 なにわ経営者交流会のお知らせ", "ホテル日航大阪 5階 孔雀の間", "大阪市中央区西心斎橋1-3-3", "【難波】経営者交流会 vol.5", "日航大阪5F", "")
	f.Add("12/3(木)18:30〜【残り3席】", "地下1階", "1丁目2番", "第〇回 ", "B1F第", "の")
	f.Add("in", "@", "1,0000000000000円", "vol.", "5f6階", "－１")
	f.Fuzz(func(t *testing.T, t1, v1, a1, t2, v2, a2 string) {
		for _, s := range []string{t1, v1, a1, t2, v2, a2} {
			if !utf8.ValidString(s) || len(s) > 400 {
				t.Skip()
			}
		}
		mk := func(id, src, title, venue, addr string) *event.Event {
			e := listing(id, src, title)
			e.Venue, e.Address = venue, addr
			return e
		}
		a, b := Prepare(mk("a", "s1", t1, v1, a1)), Prepare(mk("b", "s2", t2, v2, a2))
		if x, y := Compare(a, b), Compare(b, a); x.Same != y.Same || x.Hard != y.Hard {
			t.Errorf("Compare(a, b) = %v, Compare(b, a) = %v", x, y)
		}
		if c := Prepare(mk("c", "s3", t1, v1, a1)); strings.TrimSpace(t1) != "" && a.core != "" && len(a.grams) > 3 && !Compare(a, c).Same {
			t.Errorf("a listing is not the same event as its copy: %v", Compare(a, c).Why)
		}
		MatchKey(mk("a", "s1", t1, v1, a1))
	})
}

// foldFast folds as NFKC and lower case do, where it folds at all.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"第5回 なにわ経営者交流会のお知らせ", "ＤＸ推進セミナー ７Ｆ", "ｾﾐﾅｰ", "【難波】Vol.5★", "①〜③", "ヴァ", "\u3000", "‥…"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		want := strings.ToLower(norm.NFKC.String(s))
		if got, ok := foldFast(s); ok && got != want {
			t.Errorf("foldFast(%q) = %q, want %q", s, got, want)
		}
		if got := fold(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// Every rune foldFast takes, it folds as NFKC and lower case do.
func TestFoldFastEveryRune(t *testing.T) {
	bad := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if got, ok := foldFast(s); ok {
			if want := strings.ToLower(norm.NFKC.String(s)); got != want {
				if bad++; bad <= 10 {
					t.Errorf("foldFast(%U %q) = %q, want %q", r, s, got, want)
				}
			}
		}
	}
}
