package facts

import (
	"regexp"
	"strings"
)

// membersOnlyRE finds 会員限定, 会員のみ, 会員専用, 会員企業の皆様限定, 会員の方のみ.
var membersOnlyRE = regexp.MustCompile(`会員(?:企業|事業所|様)?(?:様|の皆様|の皆さま|の方|の方々)?(?:限定|のみ|専用)`)

// notAboutComing follow 会員限定 where it is about something else than who
// may come: a price, a benefit, a page of the site.
var notAboutComing = []string{"価格", "料金", "割引", "特典", "特価", "ページ", "コンテンツ", "サイト", "情報", "記事",
	"メニュー", "サービス", "プラン", "エリア", "ログイン", "登録", "販売", "プレゼント", "配信", "動画", "公開"}

// othersRE finds a sentence about people who are not members.
var othersRE = regexp.MustCompile(`(?:非会員|会員以外|会員外|会員でない)の?方`)

// othersWords and guestWords are in every text othersRE and guestRE
// match: a regular expression without a literal prefix walks the whole
// sentence, a search for a word does not.
var (
	othersWords = []string{"非会員", "会員以外", "会員外", "会員でない"}
	guestWords  = []string{"ゲスト", "ビジター", "オブザーバー"}
)

// refusals say, in a sentence about non-members, that they may not come.
var refusals = []string{"いただけません", "できません", "出来ません", "不可", "ご遠慮", "お断り", "参加できない", "ご参加いただけない"}

// openPhrases say that people who are not members may come.
var openPhrases = []string{"一般参加可", "一般参加OK", "一般の方も", "一般の方のご参加", "一般公開", "非会員可", "非会員OK",
	"非会員も", "会員外可", "会員外OK", "会員以外も"}

// guestRE finds ゲスト参加歓迎, ビジター参加可, オブザーバー参加OK.
var guestRE = regexp.MustCompile(`(?:ゲスト|ビジター|オブザーバー)[^。]{0,12}?(?:可|歓迎|OK|大歓迎|参加いただけ)`)

// anyoneRE finds どなたでも with what they may do: ご参加, 参加OK, ご来場.
var anyoneRE = regexp.MustCompile(`どなた(?:でも|も)[^。]{0,16}?(?:参加|来場|歓迎|OK|可能|受講|お越し)`)

// regardlessRE finds 会員・非会員問わず, 会員、非会員を問わず.
var regardlessRE = regexp.MustCompile(`会員[^。]{0,8}?問わず`)

// memberWords name members in a 対象 line.
var memberWords = []string{"会員", "メンバー", "組合員", "塾生"}

// openInWho, in a 対象 line, name others than members.
var openInWho = []string{"一般", "非会員", "会員外", "会員以外", "どなたでも", "どなたも", "問わず", "ゲスト", "ビジター", "オブザーバー"}

// membersOnly says whether only members may come: true where the listing
// says so (会員限定, 対象：会員), false where it says others may (非会員可,
// どなたでも, a price for 一般 or 非会員: forOthers), nil where it says
// neither or both.
func (l *listing) membersOnly(forOthers bool) *bool {
	only, open := false, forOthers
	for _, v := range l.values[catWho] {
		switch {
		case containsAny(v, openInWho):
			open = true
		case containsAny(v, memberWords):
			only = true
		}
	}
	for s := range l.sentencesWith(hintWho, true, true) {
		o, p := whoIn(s)
		only, open = only || o, open || p
	}

	if only == open {
		return nil
	}
	return &only
}

// whoIn reads one sentence: whether it says only members may come, and
// whether it says others may.
func whoIn(s string) (only, open bool) {
	// 会員 and どなた start what membersOnlyRE, regardlessRE and anyoneRE
	// match: a sentence without them is not run through the machines.
	member, anyone := strings.Contains(s, "会員"), strings.Contains(s, "どなた")
	if member {
		for _, m := range membersOnlyRE.FindAllStringIndex(s, -1) {
			if strings.HasSuffix(s[:m[0]], "非") || hasAnyPrefix(s[m[1]:], notAboutComing) {
				continue
			}
			only = true
		}
	}
	if containsAny(s, othersWords) && othersRE.MatchString(s) {
		if containsAny(s, refusals) {
			only = true
		} else {
			open = true
		}
	}
	if containsAny(s, openPhrases) || containsAny(s, guestWords) && guestRE.MatchString(s) ||
		anyone && anyoneRE.MatchString(s) || member && regardlessRE.MatchString(s) {
		open = true
	}
	return only, open
}
