package area

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Osaka is what Prefecture returns for a place in Osaka prefecture.
const Osaka = "大阪府"

// prefectures are the 47 prefectures: the full name, then the name
// without its suffix, in hiragana, and in Latin letters. The Latin name is
// matched as a whole word of the text in any case; Saga and Mie are left
// out (an English word, a given name).
var prefectures = []struct{ name, bare, kana, latin string }{
	{"北海道", "北海道", "ほっかいどう", "hokkaido"}, {"青森県", "青森", "あおもり", "aomori"},
	{"岩手県", "岩手", "いわて", "iwate"}, {"宮城県", "宮城", "みやぎ", "miyagi"},
	{"秋田県", "秋田", "あきた", "akita"}, {"山形県", "山形", "やまがた", "yamagata"},
	{"福島県", "福島", "ふくしま", "fukushima"}, {"茨城県", "茨城", "いばらき", "ibaraki"},
	{"栃木県", "栃木", "とちぎ", "tochigi"}, {"群馬県", "群馬", "ぐんま", "gunma"},
	{"埼玉県", "埼玉", "さいたま", "saitama"}, {"千葉県", "千葉", "ちば", "chiba"},
	{"東京都", "東京", "とうきょう", "tokyo"}, {"神奈川県", "神奈川", "かながわ", "kanagawa"},
	{"新潟県", "新潟", "にいがた", "niigata"}, {"富山県", "富山", "とやま", "toyama"},
	{"石川県", "石川", "いしかわ", "ishikawa"}, {"福井県", "福井", "ふくい", "fukui"},
	{"山梨県", "山梨", "やまなし", "yamanashi"}, {"長野県", "長野", "ながの", "nagano"},
	{"岐阜県", "岐阜", "ぎふ", "gifu"}, {"静岡県", "静岡", "しずおか", "shizuoka"},
	{"愛知県", "愛知", "あいち", "aichi"}, {"三重県", "三重", "みえ", ""},
	{"滋賀県", "滋賀", "しが", "shiga"}, {"京都府", "京都", "きょうと", "kyoto"},
	{"大阪府", "大阪", "おおさか", "osaka"}, {"兵庫県", "兵庫", "ひょうご", "hyogo"},
	{"奈良県", "奈良", "なら", "nara"}, {"和歌山県", "和歌山", "わかやま", "wakayama"},
	{"鳥取県", "鳥取", "とっとり", "tottori"}, {"島根県", "島根", "しまね", "shimane"},
	{"岡山県", "岡山", "おかやま", "okayama"}, {"広島県", "広島", "ひろしま", "hiroshima"},
	{"山口県", "山口", "やまぐち", "yamaguchi"}, {"徳島県", "徳島", "とくしま", "tokushima"},
	{"香川県", "香川", "かがわ", "kagawa"}, {"愛媛県", "愛媛", "えひめ", "ehime"},
	{"高知県", "高知", "こうち", "kochi"}, {"福岡県", "福岡", "ふくおか", "fukuoka"},
	{"佐賀県", "佐賀", "さが", ""}, {"長崎県", "長崎", "ながさき", "nagasaki"},
	{"熊本県", "熊本", "くまもと", "kumamoto"}, {"大分県", "大分", "おおいた", "oita"},
	{"宮崎県", "宮崎", "みやざき", "miyazaki"}, {"鹿児島県", "鹿児島", "かごしま", "kagoshima"},
	{"沖縄県", "沖縄", "おきなわ", "okinawa"},
}

// cities are places outside Osaka that event pages name without their
// prefecture: designated cities, prefectural seats and the districts
// where events gather. Names shared with Osaka (天神橋, 日本橋), with a
// common surname (松本, 神田) or too short to tell (津) are left out.
var cities = map[string]string{
	"札幌": "北海道", "函館": "北海道", "旭川": "北海道", "盛岡": "岩手県", "仙台": "宮城県",
	"郡山": "福島県", "水戸": "茨城県", "つくば": "茨城県", "宇都宮": "栃木県", "前橋": "群馬県",
	"高崎": "群馬県", "さいたま": "埼玉県", "大宮": "埼玉県", "浦和": "埼玉県", "川越": "埼玉県",
	"幕張": "千葉県", "横浜": "神奈川県", "川崎市": "神奈川県", "相模原": "神奈川県", "横須賀": "神奈川県",
	"藤沢": "神奈川県", "渋谷": "東京都", "新宿": "東京都", "品川": "東京都", "六本木": "東京都",
	"秋葉原": "東京都", "丸の内": "東京都", "池袋": "東京都", "大手町": "東京都", "恵比寿": "東京都",
	"五反田": "東京都", "虎ノ門": "東京都", "浜松町": "東京都", "八王子": "東京都", "立川": "東京都",
	"金沢": "石川県", "甲府": "山梨県", "浜松": "静岡県", "名古屋": "愛知県", "豊橋": "愛知県",
	"四日市": "三重県", "彦根": "滋賀県", "宇治": "京都府", "神戸": "兵庫県", "姫路": "兵庫県",
	"尼崎": "兵庫県", "西宮": "兵庫県", "芦屋": "兵庫県", "明石": "兵庫県", "松江": "島根県",
	"倉敷": "岡山県", "福山": "広島県", "下関": "山口県", "高松": "香川県", "松山": "愛媛県",
	"博多": "福岡県", "北九州": "福岡県", "那覇": "沖縄県",
}

// latinPlaces are cities and Osaka districts written in Latin letters.
var latinPlaces = map[string]string{
	"sapporo": "北海道", "sendai": "宮城県", "yokohama": "神奈川県", "shibuya": "東京都",
	"shinjuku": "東京都", "akihabara": "東京都", "roppongi": "東京都", "shinagawa": "東京都",
	"nagoya": "愛知県", "kobe": "兵庫県", "hakata": "福岡県", "kitakyushu": "福岡県",
	"naha": "沖縄県", "takamatsu": "香川県", "matsuyama": "愛媛県", "kanazawa": "石川県",
	"umeda": Osaka, "namba": Osaka, "shinsaibashi": Osaka, "tennoji": Osaka, "honmachi": Osaka,
}

// notPlaceAfter follow a prefecture's name where it is a person's (山口さん)
// or part of an Osaka ward's (福島区).
var notPlaceAfter = []string{"さん", "氏", "様", "先生", "君", "くん", "ちゃん", "社長", "区"}

// osakaMasks are Osaka names that hold another place's: 河内長野 (長野),
// 泉大津 (大津 is not listed, but kept out all the same).
var osakaMasks = []string{"河内長野", "泉大津"}

// Prefecture returns the prefecture a text places something in, "" when
// it names none. In order:
//
//  1. Osaka (大阪府) when it names Osaka (大阪, おおさか): a text that names
//     Osaka and elsewhere (東京・大阪同時開催) is Osaka's, since the event
//     can be attended there;
//  2. another prefecture by its full name (香川県) or one of its cities
//     (高松, 仙台): this wins over an Osaka district (本町 is also one of
//     仙台's);
//  3. Osaka when Lookup finds an Osaka municipality, ward or district;
//  4. another prefecture by its bare name (香川, not 山口さん), in hiragana
//     (やまぐち) or in Latin letters (Kagawa, Sendai), which a building
//     in Osaka may bear (東京建物梅田ビル), hence after Lookup.
//
// Among names of one step, the first in the text wins.
func Prefecture(text string) string {
	s := compact(text)
	if s == "" {
		return ""
	}
	if strings.Contains(s, "大阪") || strings.Contains(s, "おおさか") {
		return Osaka
	}
	for _, m := range osakaMasks {
		s = strings.ReplaceAll(s, m, "〓")
	}
	var full, bare firstName
	for _, p := range prefectures {
		full.find(s, p.name, p.name, false)
		bare.find(s, p.bare, p.name, true)
		if utf8.RuneCountInString(p.kana) >= 4 { // ちば, なら, しが are in too many words
			bare.find(s, p.kana, p.name, true)
		}
	}
	for c, pref := range cities {
		full.find(s, c, pref, false)
	}
	if full.pref != "" {
		return full.pref
	}
	if a := Lookup(text); InOsaka(a) {
		return Osaka
	}
	if bare.pref != "" {
		return bare.pref
	}
	return latinPrefecture(text)
}

// firstName keeps the name found first in a text (the longer at one place).
type firstName struct {
	pref    string
	at, len int
}

// find looks for name in s; a bare name followed by an honorific or 区
// (山口さん, 福島区) is not a place.
func (f *firstName) find(s, name, pref string, bare bool) {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], name)
		if i < 0 {
			return
		}
		at := off + i
		off = at + len(name)
		if bare && hasAnyPrefix(s[off:], notPlaceAfter) {
			continue
		}
		if f.pref == "" || at < f.at || (at == f.at && len(name) > f.len) {
			f.pref, f.at, f.len = pref, at, len(name)
		}
		return
	}
}

// latinPrefecture reads the words of text in Latin letters for a
// prefecture or city name: the first one found.
func latinPrefecture(text string) string {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) }) {
		w = strings.ToLower(w)
		if p, ok := latinPlaces[w]; ok {
			return p
		}
		for _, p := range prefectures {
			if p.latin != "" && w == p.latin {
				return p.name
			}
		}
	}
	return ""
}

func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}
