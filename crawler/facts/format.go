package facts

import (
	"regexp"
	"strings"
)

// hybridRE finds what says both a room and the Internet: ハイブリッド,
// 会場＋オンライン, 会場参加とオンライン参加, 来場またはZoom, オンライン参加も,
// 同時配信, ライブ配信も.
var hybridRE = regexp.MustCompile(`ハイブリッド|` +
	`(?:会場|来場|対面|リアル)(?:参加|受講)?\s*(?:と|・|/|\+|＋|または|又は|or|および|及び|か)\s*(?:オンライン|zoom|web|ウェブ|teams|ライブ配信)|` +
	`(?:オンライン|zoom|web|ウェブ)(?:参加|受講)?\s*(?:と|・|/|\+|＋|または|又は|or|および|及び|か)\s*(?:会場|来場|対面|リアル)|` +
	`同時配信|併用開催|オンライン併用|(?:オンライン|zoom|web|ライブ)(?:で|での)?(?:参加|受講|視聴|配信)?(?:も|でも)(?:可|可能|いただけ|ご参加|参加|受講|視聴|あり|行い|実施|ok)|` +
	`(?:ライブ配信|オンライン配信|zoom配信)(?:も|あり)`)

// onlineRE finds what says the event is held on the Internet only.
var onlineRE = regexp.MustCompile(`オンライン(?:で|にて)?(?:開催|のみ|形式|実施|セミナー|講座|交流会)|` +
	`【オンライン】|web(?:開催|セミナー|会議)|ウェビナー|webinar|zoom(?:で|にて|による|を使用|を利用|ウェビナー)|` +
	`zoom(?:開催|ミーティング)|youtube\s*live|youtubeライブ|teamsで開催|teams会議`)

// inPersonPhrases say the event is held in a room only.
var inPersonPhrases = []string{"対面形式", "対面開催", "対面式", "対面のみ", "会場開催", "会場のみ", "集合形式", "集合型",
	"リアル開催", "来場型", "オンライン配信はありません", "オンライン配信は行いません", "オンライン配信なし",
	"オンライン配信の予定はありません", "オンライン配信はございません"}

// formatHints are in every text hybridRE or onlineRE matches.
var formatHints = []string{"ハイブリッド", "オンライン", "zoom", "web", "ウェブ", "ウェビナー", "webinar", "youtube", "teams", "配信", "併用"}

// onlineWords in a venue or a 開催形式 value name the Internet.
var onlineWords = []string{"オンライン", "zoom", "web", "ウェブ", "teams", "ウェビナー", "webinar", "youtube", "配信", "リモート"}

// placeWords in a venue name a room, a building or an address.
var placeWords = []string{"階", "館", "ホール", "センター", "ホテル", "会議室", "ビル", "会議所", "市", "区", "町", "丁目",
	"プラザ", "ルーム", "ドーム", "公会堂", "スペース", "カフェ", "レストラン", "教室", "研修室", "サロン", "会場", "対面",
	"来場", "リアル", "庁舎", "神社", "寺"}

// noPlace are venues that name no place yet.
var noPlace = []string{"未定", "調整中", "後日", "追って", "お申込者", "申込者に"}

// format says how the event is held: from its 開催形式 label, else from
// what says hybrid, else the venue and what says online or in a room. A
// venue that names a place and a text that says nothing of a live online
// part make it in_person; a room and "online only" at once, nothing.
func (l *listing) format() string {
	for _, v := range l.values[catFormat] {
		if f := formatOfValue(v); f != "" {
			return f
		}
	}
	hybrid, online := false, false
	for t := range l.with(hintOnline, true, false) {
		// The patterns are written in lower case, and run only on a line
		// that holds one of their words: most lines hold none.
		if t = strings.ToLower(t); containsAny(t, formatHints) {
			hybrid = hybrid || hybridRE.MatchString(t)
			online = online || onlineRE.MatchString(t)
		}
	}
	// inPerson reports whether the listing says the event is in a room
	// only; asked only where it decides.
	inPerson := func() bool {
		for t := range l.with(hintRoom, true, false) {
			if containsAny(t, inPersonPhrases) {
				return true
			}
		}
		return false
	}
	venue := l.venue
	if venue == "" && len(l.values[catVenue]) > 0 {
		venue = l.values[catVenue][0]
	}
	v := venueFormat(venue)
	switch {
	case hybrid || v == Hybrid:
		return Hybrid
	case v == Online:
		if inPerson() {
			return ""
		}
		return Online
	case online:
		if v == InPerson || inPerson() {
			return "" // a room and "online only": the listing contradicts itself
		}
		return Online
	case v == InPerson || inPerson():
		return InPerson
	}
	return ""
}

// formatOfValue reads a 開催形式 value: 会場 and オンライン, one or both.
func formatOfValue(v string) string {
	lower := strings.ToLower(v)
	on := containsAny(lower, onlineWords)
	room := containsAny(v, []string{"会場", "対面", "来場", "リアル", "集合"})
	switch {
	case hybridRE.MatchString(lower) || on && room:
		return Hybrid
	case on:
		return Online
	case room:
		return InPerson
	}
	return ""
}

// venueFormat reads a venue: Online when it names only the Internet
// (オンライン（Zoom）), Hybrid when it names a place and the Internet,
// InPerson for a place, "" for none.
func venueFormat(venue string) string {
	v := strings.TrimSpace(venue)
	if v == "" || containsAny(v, noPlace) {
		return ""
	}
	lower := strings.ToLower(v)
	if !containsAny(lower, onlineWords) {
		return InPerson
	}
	rest := lower
	for _, w := range onlineWords {
		rest = strings.ReplaceAll(rest, w, "")
	}
	if containsAny(rest, placeWords) {
		return Hybrid
	}
	return Online
}
