// Package area finds the Osaka municipality or ward an event takes place in
// from the text of its address or venue: 大阪市北区, 堺市, 東大阪市, or "online".
//
// It is a small pure gazetteer: text in, a name out, no I/O. It knows all 43
// municipalities of 大阪府, the 24 wards of 大阪市, and the districts and
// stations event pages name instead of an address (梅田, 本町, 難波, 新大阪,
// 堺東, 江坂, 千里中央 …). A ward written alone is read when no other city
// has one of that name (福島区, 東住吉区); the others (北区, 中央区 — 堺市,
// 神戸市 and 東京 have them too) only after 大阪市 or next to a known Osaka
// district (北区梅田). Prefecture tells Osaka from the rest of Japan.
package area

import (
	"slices"
	"strings"
	"unicode"
)

// Online is the area of an event held on the Internet.
const Online = "online"

// osakaWards are the 24 wards of 大阪市.
var osakaWards = []string{
	"都島区", "福島区", "此花区", "西区", "港区", "大正区", "天王寺区", "浪速区",
	"西淀川区", "東淀川区", "東成区", "生野区", "旭区", "城東区", "阿倍野区", "住吉区",
	"東住吉区", "西成区", "淀川区", "鶴見区", "住之江区", "平野区", "北区", "中央区",
}

// municipalities are the 43 cities, towns and villages of 大阪府.
var municipalities = []string{
	"大阪市", "堺市", "岸和田市", "豊中市", "池田市", "吹田市", "泉大津市", "高槻市",
	"貝塚市", "守口市", "枚方市", "茨木市", "八尾市", "泉佐野市", "富田林市", "寝屋川市",
	"河内長野市", "松原市", "大東市", "和泉市", "箕面市", "柏原市", "羽曳野市", "門真市",
	"摂津市", "高石市", "藤井寺市", "東大阪市", "泉南市", "四條畷市", "交野市", "大阪狭山市",
	"阪南市", "島本町", "豊能町", "能勢町", "忠岡町", "熊取町", "田尻町", "岬町",
	"太子町", "河南町", "千早赤阪村",
}

// districts are places event pages name without a municipality: districts,
// stations and landmarks. The first area is the default; the others are
// taken when the text also names that ward (難波 in 中央区難波 is 中央区).
// Longer names come first where one holds another (新大阪 before 大阪).
var districts = []struct {
	name  string
	areas []string
}{
	{"新大阪", []string{"大阪市淀川区"}},
	{"西中島", []string{"大阪市淀川区"}},
	{"北新地", []string{"大阪市北区"}},
	{"梅田", []string{"大阪市北区"}},
	{"大阪駅", []string{"大阪市北区"}},
	{"グランフロント", []string{"大阪市北区"}},
	{"中之島", []string{"大阪市北区"}},
	{"天満橋", []string{"大阪市中央区", "大阪市北区"}},
	{"天神橋", []string{"大阪市北区"}},
	{"天満", []string{"大阪市北区"}},
	{"南森町", []string{"大阪市北区"}},
	{"扇町", []string{"大阪市北区"}},
	{"中崎町", []string{"大阪市北区"}},
	{"堂島", []string{"大阪市北区"}},
	{"西梅田", []string{"大阪市北区"}},
	{"淀屋橋", []string{"大阪市中央区", "大阪市北区"}},
	{"堺筋本町", []string{"大阪市中央区"}},
	{"上本町", []string{"大阪市天王寺区"}},
	{"本町", []string{"大阪市中央区"}},
	{"心斎橋", []string{"大阪市中央区"}},
	{"北浜", []string{"大阪市中央区"}},
	{"谷町", []string{"大阪市中央区"}},
	{"森ノ宮", []string{"大阪市中央区"}},
	{"大阪城", []string{"大阪市中央区"}},
	{"長堀橋", []string{"大阪市中央区"}},
	{"日本橋", []string{"大阪市中央区", "大阪市浪速区"}},
	{"船場", []string{"大阪市中央区"}},
	{"難波", []string{"大阪市浪速区", "大阪市中央区"}},
	{"なんば", []string{"大阪市浪速区", "大阪市中央区"}},
	{"阿倍野", []string{"大阪市阿倍野区"}},
	{"あべの", []string{"大阪市阿倍野区"}},
	{"天王寺", []string{"大阪市天王寺区", "大阪市阿倍野区"}},
	{"京橋", []string{"大阪市都島区", "大阪市城東区"}},
	{"弁天町", []string{"大阪市港区"}},
	{"南港", []string{"大阪市住之江区"}},
	{"咲洲", []string{"大阪市住之江区"}},
	{"ATC", []string{"大阪市住之江区"}},
	{"インテックス大阪", []string{"大阪市住之江区"}},
	{"夢洲", []string{"大阪市此花区"}},
	{"西九条", []string{"大阪市此花区"}},
	{"鶴橋", []string{"大阪市生野区", "大阪市天王寺区"}},
	{"堺東", []string{"堺市"}},
	{"堺筋", []string{"大阪市中央区"}},
	{"中百舌鳥", []string{"堺市"}},
	{"なかもず", []string{"堺市"}},
	{"江坂", []string{"吹田市"}},
	{"千里中央", []string{"豊中市"}},
	{"万博記念公園", []string{"吹田市"}},
	{"布施", []string{"東大阪市"}},
	{"荒本", []string{"東大阪市"}},
	{"樟葉", []string{"枚方市"}},
	{"くずは", []string{"枚方市"}},
	{"りんくう", []string{"泉佐野市"}},
}

var onlineWords = []string{"オンライン", "online", "zoom", "ウェビナー", "webinar", "teams", "youtube live", "web開催", "web会議", "配信"}

// Lookup returns the area one text names: "大阪市<ward>" when a ward of 大阪市
// follows 大阪市 (or the text names a known district of it), else the first
// municipality of 大阪府 in the text, else Online for an event held on the
// Internet, else "".
func Lookup(text string) string {
	s := compact(text)
	if s == "" {
		return ""
	}
	best, bestAt := "", -1
	for _, m := range municipalities {
		at := strings.Index(s, m)
		if at < 0 {
			continue
		}
		// The earliest match wins; at the same place the longer one
		// (東大阪市 holds 大阪市 three bytes in, so it starts earlier anyway).
		if bestAt < 0 || at < bestAt || (at == bestAt && len(m) > len(best)) {
			best, bestAt = m, at
		}
	}
	if best == "大阪市" {
		rest := s[bestAt+len(best):]
		for _, w := range osakaWards {
			if strings.HasPrefix(rest, w) {
				// 東住吉区 before 住吉区 cannot clash: HasPrefix anchors the match.
				return best + w
			}
		}
	}
	if best != "" && best != "大阪市" {
		return best
	}
	if best == "" {
		if w := uniqueWard(s); w != "" {
			return "大阪市" + w
		}
	}
	if d := district(s); d != "" && (best == "" || strings.HasPrefix(d, best)) {
		return d
	}
	if best != "" {
		return best
	}
	lower := strings.ToLower(s)
	for _, w := range onlineWords {
		if strings.Contains(lower, w) {
			return Online
		}
	}
	return ""
}

// sharedWards are the wards of 大阪市 that other cities have too (横浜市
// 旭区, 鶴見区; the 北区 of 堺, 神戸, 東京 …): written alone they place
// nothing.
var sharedWards = []string{"北区", "中央区", "西区", "港区", "旭区", "鶴見区"}

// uniqueWard finds a ward only 大阪市 has (福島区, 東住吉区) written alone,
// the longest first, so that 東住吉区 is not read as 住吉区.
func uniqueWard(s string) string {
	best := ""
	for _, w := range osakaWards {
		if slices.Contains(sharedWards, w) || len(w) <= len(best) {
			continue
		}
		if strings.Contains(s, w) {
			best = w
		}
	}
	return best
}

// district reads a known district or station of s, the ward it lies in
// chosen by a bare ward name beside it when the district spans two.
func district(s string) string {
	for _, d := range districts {
		if !strings.Contains(s, d.name) {
			continue
		}
		for _, a := range d.areas {
			if ward, ok := strings.CutPrefix(a, "大阪市"); ok && ward != "" && strings.Contains(s, ward) {
				return a
			}
		}
		return d.areas[0]
	}
	return ""
}

// Resolve returns the area of an event from its texts, most authoritative
// first (the address, then the venue, then anything else): the most precise
// area any of them names, a ward winning over its city, and among equally
// precise ones the earlier text. Online only when no text names a place.
func Resolve(texts ...string) string {
	best, bestRank := "", 0
	for _, t := range texts {
		a := Lookup(t)
		r := rank(a)
		if r > bestRank && (best == "" || best == Online || strings.HasPrefix(a, best) || !InOsaka(best)) {
			best, bestRank = a, r
		}
	}
	return best
}

func rank(a string) int {
	switch {
	case a == "":
		return 0
	case a == Online:
		return 1
	case a == "大阪市":
		return 2
	case strings.HasPrefix(a, "大阪市"):
		return 4
	default:
		return 3
	}
}

// InOsaka reports whether a (as Lookup returns it) is a municipality or a
// ward of 大阪府. Online and "" are not.
func InOsaka(a string) bool {
	if slices.Contains(municipalities, a) {
		return true
	}
	ward, ok := strings.CutPrefix(a, "大阪市")
	return ok && slices.Contains(osakaWards, ward)
}

// Valid reports whether a names an area as the feeds and the sources file
// write it: a municipality of 大阪府, a ward of 大阪市, a ward of another
// city of 大阪府 (堺市北区: kouryu knows no other city's wards, so any
// 〜区), or Online.
func Valid(a string) bool {
	if a == Online || InOsaka(a) {
		return true
	}
	for _, m := range municipalities {
		if ward, ok := strings.CutPrefix(a, m); ok && m != "大阪市" && isWard(ward) {
			return true
		}
	}
	return false
}

// isWard reports whether s is one name of kanji ending in 区.
func isWard(s string) bool {
	name, ok := strings.CutSuffix(s, "区")
	if !ok || name == "" {
		return false
	}
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// compact drops white space (ASCII and full-width), so that 大阪市 北区 reads
// as 大阪市北区.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
