// Package area finds the Osaka municipality or ward an event takes place in
// from the text of its address or venue: 大阪市北区, 堺市, 東大阪市, or "online".
//
// It is a small pure gazetteer: text in, a name out, no I/O. A ward of 大阪市
// is named only when 大阪市 stands before it, because 北区 or 中央区 alone
// could be in 堺市, 神戸市 or 東京.
package area

import (
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

var onlineWords = []string{"オンライン", "online", "zoom", "ウェビナー", "webinar", "teams"}

// Lookup returns the area named in text: "大阪市<ward>" when a ward of 大阪市
// follows 大阪市, else the first municipality of 大阪府 in the text, else
// Online for an event held on the Internet, else "".
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
