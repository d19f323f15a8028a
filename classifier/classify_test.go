package classifier

import (
	"strings"
	"sync"
	"testing"

	"kouryu/internal/event"
)

// ev builds an event from title, description and organizer.
// labelCase is an event, the label it must get and a word its reasons must
// quote.
type labelCase struct {
	name string
	e    *event.Event
	want event.Label
	why  string
}

// checkLabels classifies each case with r in a subtest.
func checkLabels(t *testing.T, r *Rules, cases []labelCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := r.Classify(c.e)
			if res.Label != c.want {
				t.Fatalf("%q: got %s, want %s; reasons:\n%s", c.e.Title, res.Label, c.want, strings.Join(res.Reasons, "\n"))
			}
			if !strings.Contains(strings.ToLower(strings.Join(res.Reasons, "\n")), strings.ToLower(c.why)) {
				t.Errorf("reasons do not mention %q:\n%s", c.why, strings.Join(res.Reasons, "\n"))
			}
		})
	}
}

func ev(title, desc, org string) *event.Event {
	return &event.Event{Title: title, Description: desc, Organizer: org}
}

func TestClassifyRules(t *testing.T) {
	r := sharedRules()
	cases := []labelCase{
		// Rule 1: other.
		{"rotary", ev("例会（会員卓話）", "会員による卓話と昼食。", "北浜ロータリークラブ"), event.Other, "ロータリークラブ"},
		{"alumni", ev("関西支部 総会と懇親会", "同窓生の親睦を深めます。", "〇〇大学同窓会 関西支部"), event.Other, "同窓会"},
		{"family branch", ev("朝の集い", "家庭の幸せを学ぶ会", "家庭倫理の会 大阪府"), event.Other, "家庭倫理の会"},
		{"consumer market", ev("天神橋 秋のマルシェ", "地元野菜や雑貨の販売。どなたでもお越しください。", "天神橋商店街振興組合"), event.Other, "マルシェ"},
		{"job fair", ev("合同企業説明会 2027卒向け", "学生の皆さんと企業の出会いの場", "大阪商工会議所"), event.Other, "企業説明会"},
		{"golf", ev("会員親睦ゴルフコンペ", "春の恒例ゴルフ。", "〇〇経営者協会"), event.Other, "ゴルフ"},
		{"disaster talk", ev("防災講演会", "南海トラフ地震に備える家庭の防災。", "〇〇町会連合"), event.Other, "防災"},
		{"jc cleanup", ev("河川敷クリーン作戦", "メンバーでゴミ拾いをしました。", "一般社団法人〇〇青年会議所"), event.Other, "クリーン作戦"},
		{"nothing business", ev("春の集い", "楽しいひとときを。", ""), event.Other, "no rule"},
		{"matchmaking in disguise", ev("異業種交流パーティー（婚活）", "独身の方限定", ""), event.Other, "婚活"},
		{"a firm's client seminar", ev("相続対策セミナー", "ご家族の相続のお悩みに", "〇〇税理士法人"), event.Other, "相続対策"},
		{"live stream is no concert", ev("事業承継セミナー（ライブ配信あり）", "", "〇〇銀行"), event.StudyGroup, "事業承継"},

		// Rule 2: study_group.
		{"rinri morning", ev("経営者モーニングセミナー", "朝6時半から。講話のあと朝食会。", "大阪市北区倫理法人会"), event.StudyGroup, "倫理法人会"},
		{"doyukai reikai", ev("北支部 7月例会", "経営指針をテーマにグループ討論。", "大阪府中小企業家同友会 北支部"), event.StudyGroup, "中小企業家同友会"},
		{"seiwajuku successor", ev("フィロソフィ勉強会 定例会", "旧盛和塾の有志が続ける学びの場。", "〇〇経営者の会"), event.StudyGroup, "盛和塾"},
		{"one-off management seminar", ev("事業承継セミナー", "後継者に何を引き継ぐか。どなたでも参加できます。", "〇〇コンサルティング"), event.StudyGroup, "事業承継"},
		{"chamber's founders course", ev("創業塾（全5回）", "創業に必要な知識を学ぶ", "〇〇商工会"), event.StudyGroup, "創業"},

		// Rule 3: same_industry.
		{"tax accountants", ev("若手税理士の交流会", "情報交換と親睦。", ""), event.SameIndustry, "税理士"},
		{"web designers", ev("なんばウェブ制作者の集い", "フリーランスのWebデザイナーが集まる会です。", "なんばWeb部"), event.SameIndustry, "デザイナー"},
		{"care professionals", ev("地域の多職種連携の会", "医療・介護に関わる専門職の交流会です。", ""), event.SameIndustry, "専門職"},
		{"builders", ev("職人ナイト大阪", "建設業に関わる職人が集まります。", ""), event.SameIndustry, "職人"},

		// Rule 4: seminar_social.
		{"lecture then party", ev("記念講演会と懇親会", "講演のあと懇親会を行います。", "〇〇経済研究所"), event.SeminarSocial, "講演会と懇親会"},
		{"seminar and exchange", ev("DX活用セミナー＆交流会", "", "〇〇ITベンダー"), event.SeminarSocial, "セミナー"},
		{"chamber section lecture and party", ev("ものづくり部会 講演会・懇親会", "", "〇〇商工会議所"), event.SeminarSocial, "講演会・懇親会"},
		{"ruled out", ev("記念セミナー", "講師による講演。懇親会なし。交流会は行いません。", "〇〇協会"), event.Other, "ruled out"},

		// Rule 5: regional.
		{"chamber new year", ev("新年互礼会", "会員事業所が一堂に会します。", "堺商工会議所"), event.Regional, "商工会議所"},
		{"shopping street", ev("商店主の交流会", "", "〇〇筋商店街"), event.Regional, "商店街"},
		{"area purpose", ev("地元企業マッチング交流会", "区内の事業者どうしで地域活性化を。", "〇〇合同会社"), event.Regional, "地域活性"},
		{"support centre", ev("創業者交流会", "起業家支援の一環として開催。", "大阪産業創造館"), event.Regional, "産業創造館"},

		// Rule 6: cross_industry.
		{"cross trade", ev("梅田 異業種交流会", "業種を問わず名刺交換。", "〇〇ネットワーク"), event.CrossIndustry, "異業種交流"},
		{"referral", ev("ビジネス定例会", "リファラルで売上を伸ばす。", "BNI 〇〇チャプター"), event.CrossIndustry, "bni"},
		{"min-sho is not shokokai", ev("異業種交流会", "業種のちがう12人が参加。", "〇〇民主商工会"), event.CrossIndustry, "異業種交流"},
	}
	checkLabels(t, r, cases)
}

// TestClassifyTies covers events that fit two rules: the earlier rule of
// docs/labels.md wins.
func TestClassifyTies(t *testing.T) {
	r := sharedRules()
	cases := []struct {
		name string
		e    *event.Event
		want event.Label
	}{
		{"1 over 5: chamber festival", ev("商工会議所 夏祭り", "屋台と盆踊りで地域を盛り上げます。", "〇〇商工会議所"), event.Other},
		{"1 over 6: alumni mixer", ev("同期会", "久しぶりの懇親会", "〇〇高校同窓会"), event.Other},
		{"1 over 3: golf of builders", ev("建設業協会 親睦ゴルフ", "", "〇〇建設業協会"), event.Other},
		{"2 over 4: rinri with party", ev("倫理経営講演会と懇親会", "講演の後に懇親会があります。", "東大阪市倫理法人会"), event.StudyGroup},
		{"2 over 5: doyukai in a chamber hall", ev("同友会 支部例会", "会場は商工会議所の会議室", "大阪府中小企業家同友会"), event.StudyGroup},
		{"2 over 1: rinri history talk", ev("モーニングセミナー「歴史に学ぶ」", "", "〇〇市倫理法人会"), event.StudyGroup},
		{"3 over 2: tax accountants study", ev("士業勉強会", "相続税の実務を税理士・司法書士で学ぶ", ""), event.SameIndustry},
		{"3 over 4: CPAs seminar and party", ev("公認会計士 研修会・懇親会", "", "〇〇会計士協会"), event.SameIndustry},
		{"3 over 6: one-trade group called 異業種", ev("建設業 異業種交流会", "建設業に関わる職人や工務店が集まります", ""), event.SameIndustry},
		{"4 over 5: chamber seminar & exchange", ev("セミナー＆交流会「人手不足をどう乗り越えるか」", "", "〇〇商工会議所"), event.SeminarSocial},
		{"4 over 6: cross-trade with keynote", ev("異業種交流会（講演・懇親会）", "基調講演のあと懇親会", "〇〇交流会"), event.SeminarSocial},
		{"3 over 4: doctors' lecture and party", ev("学術講演会・懇親会", "", "〇〇市医師会"), event.SameIndustry},
		{"3 over 5: trade association new year", ev("新春賀詞交歓会", "", "大阪府行政書士会"), event.SameIndustry},
		{"4 over 6: lecture and new-year greetings", ev("新春講演会・賀詞交歓会", "", "〇〇経済同友会"), event.SeminarSocial},
		{"1 over 5: bowling of a chamber youth section", ev("会員親睦ボウリング大会", "", "〇〇商工会青年部"), event.Other},
		{"5 over 6: chamber cross-trade", ev("異業種交流会", "会員企業の名刺交換会", "八尾商工会議所"), event.Regional},
		{"5: greetings do not make a seminar", ev("新年互礼会", "会頭挨拶のあと懇親会。", "〇〇商工会議所"), event.Regional},
		{"5 over 6: ward business matching", ev("ビジネスマッチング交流会", "区内の中小企業どうしの商談会", "〇〇区役所"), event.Regional},
		{"jc with area content", ev("7月例会 まちづくり討論会", "地域課題を語り合う異業種交流会", "〇〇青年会議所"), event.Regional},
		{"2 not 4: management seminar with party", ev("経営セミナーと懇親会", "財務の基本を学んだあと懇親会。", "〇〇コンサルティング"), event.SeminarSocial},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := r.Classify(c.e)
			if res.Label != c.want {
				t.Fatalf("%q: got %s, want %s; reasons:\n%s", c.e.Title, res.Label, c.want, strings.Join(res.Reasons, "\n"))
			}
		})
	}
}

func TestReasonsNameRuleFieldAndWords(t *testing.T) {
	res := sharedRules().Classify(ev("モーニングセミナー", "", "〇〇倫理法人会"))
	joined := strings.Join(res.Reasons, "\n")
	want := "study_group ← organizer「倫理法人会」 (rule 2, 倫理法人会"
	if !strings.Contains(joined, want) {
		t.Fatalf("reasons %q lack %q", joined, want)
	}
	if res.Score < 5 {
		t.Errorf("score %v: want at least the organisation's weight 5", res.Score)
	}
}

func TestApplySetsEverything(t *testing.T) {
	r := sharedRules()
	e := ev("梅田 異業種交流会", "", "")
	r.Apply(e)
	if e.Label != event.CrossIndustry || e.Score <= 0 || len(e.Reasons) == 0 || e.RulesVersion != r.Version() || e.RulesVersion == "" {
		t.Fatalf("Apply left %+v", e)
	}
}

func TestNormalisationVariants(t *testing.T) {
	r := sharedRules()
	// Full-width, half-width katakana, a full-width hyphen for ー, line breaks
	// and spaces inside the phrase, variant kanji in the organizer.
	for _, e := range []*event.Event{
		ev("異業種\n交流 会", "", ""),
		ev("ｾﾐﾅｰ＆交流会", "", "〇〇商事"),
		ev("セミナ－＆交流会", "", "〇〇商事"),
		ev("ＢＮＩ 定例会", "", ""),
		ev("新年互礼会", "", "髙石商工會議所"),
	} {
		if res := r.Classify(e); res.Label == event.Other {
			t.Errorf("%q / %q: fell through to other: %v", e.Title, e.Organizer, res.Reasons)
		}
	}
	for in, want := range map[string]string{
		"ＡＢＣ　ｄｅｆ":    "abcdef",
		"ｾﾐﾅｰ":       "セミナー",
		"セミナ－":       "セミナー",
		"セミナ―":       "セミナー",
		"交流\r\n会":    "交流会",
		"髙﨑":         "高崎",
		"１０月〜１１月":    "10月~11月",
		"ハ゜ーティー":     "パーティー",
		"㈱大阪":        "(株)大阪",
		"Web-Design": "webーdesign",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNotInAcrossManyHits checks not_in on a long text full of hits: each
// 商工会 inside 民主商工会 is dropped, a free-standing one still counts.
func TestNotInAcrossManyHits(t *testing.T) {
	r := sharedRules()
	long := strings.Repeat("民主商工会の会員です。", 5000)
	if res := r.Classify(ev("異業種交流会", "", long)); res.Label != event.CrossIndustry {
		t.Fatalf("民主商工会 ×5000 in the organizer: got %s %v", res.Label, res.Reasons)
	}
	if res := r.Classify(ev("異業種交流会", "", long+"堺市商工会")); res.Label != event.Regional {
		t.Fatalf("a real 商工会 after them: got %s %v", res.Label, res.Reasons)
	}
}

// TestClassifyGeneralPatterns covers the general wording docs/labels.md describes,
// in words written for this test: who takes part, who hosts, what the theme
// is, whether a social part is advertised.
func TestClassifyGeneralPatterns(t *testing.T) {
	r := sharedRules()
	cases := []labelCase{
		// Rule 1: the public, not businesses.
		{"city produce fair", ev("泉北の特産品フェア", "地元農家の野菜を試食・販売します。", "〇〇市"), event.Other, "フェア"},
		{"ward lecture for residents", ev("くらしの講座", "区民のみなさまに、消費者トラブルの防ぎ方をお伝えします。", "〇〇区役所"), event.Other, "消費者トラブル"},
		{"human rights talk by a city", ev("人権を考える講演会", "", "〇〇市"), event.Other, "人権"},
		{"chamber members' day trip", ev("会員 日帰り旅行", "奈良の古寺を散策します。", "〇〇商工会議所"), event.Other, "日帰り"},
		{"tasting evening", ev("地酒の飲み比べナイト", "蔵元6社のお酒を楽しむ会。", "〇〇酒販"), event.Other, "飲み比べ"},
		{"cram school", ev("〇〇ゼミナール 冬期講習のご案内", "中学生の保護者の方へ。", "〇〇進学塾"), event.Other, "other"},

		// Rule 2: a one-off management seminar, even when a professional
		// gives it; a series on running a business, even with a party.
		{"lawyer gives the seminar", ev("取引先とのトラブルを防ぐ契約書セミナー", "顧問弁護士が条項ごとに解説します。", "〇〇経営支援"), event.StudyGroup, "契約書"},
		{"labour consultant webinar", ev("就業規則の見直しウェビナー", "社会保険労務士が改正点を説明します。", "〇〇労務オフィス"), event.StudyGroup, "就業規則"},
		{"chamber subsidy briefing", ev("持続化補助金 説明会", "申請の流れを中小企業診断士が説明します。", "〇〇商工会"), event.StudyGroup, "補助金"},
		{"management series with party", ev("後継者のための経営を学ぶ連続講座 第4講", "終了後に懇親会があります。", "〇〇経営アカデミー"), event.StudyGroup, "経営を学"},
		{"another trade's 同友会", ev("春の総会", "", "〇〇理容同友会"), event.SameIndustry, "理容"},

		// Rule 3: the text says the participants are one trade.
		{"engineers only", ev("Rust 勉強会 #3", "エンジニアの方ならどなたでも。LTと懇親会。", ""), event.SameIndustry, "rust"},
		{"for care operators", ev("処遇改善加算セミナー", "介護事業者向けに加算取得の実務を解説します。", "〇〇福祉会"), event.SameIndustry, "介護事業者向け"},
		{"manufacturers of a city", ev("ものづくり交流会", "市内の製造業者を対象とした受発注の交流会です。", "〇〇市"), event.SameIndustry, "製造業者を対象"},
		{"builders' young owners", ev("定例会「若手経営者の事業承継」", "", "〇〇建設業若手の会"), event.SameIndustry, "建設業"},
		{"insurance sellers calling it 異業種", ev("保険営業のための異業種交流会", "", ""), event.SameIndustry, "保険営業"},

		// Rule 4: a seminar and a social part, in other words.
		{"seminar and lunch", ev("創業セミナーと交流ランチ", "", "〇〇起業塾"), event.SeminarSocial, "交流ランチ"},
		{"webinar with breakout", ev("輸出入門ウェビナー", "後半はネットワーキングの時間です。", "〇〇貿易サポート"), event.SeminarSocial, "ネットワーキング"},

		// Rule 5: an area's own host or purpose.
		{"innovation hub", ev("ピッチ＆ネットワーキング", "スタートアップと事業会社の出会い。", "大阪イノベーションハブ"), event.Regional, "イノベーションハブ"},
		{"commercial facility", ev("テナント企業交流会", "", "ナレッジキャピタル"), event.Regional, "ナレッジキャピタル"},
		{"firms of the town", ev("商売繁盛ネットワーク", "町内で事業を営む方どうしの情報交換会。", "〇〇まちづくり協議会"), event.Regional, "町内で事業"},

		{"a city's event needs business", ev("はじめてのパソコン講座", "初心者の方にマウスの使い方から。", "堺市"), event.Other, "no rule"},
		{"a city's firms meet", ev("ものづくり産業フェスタ 出展者交流会", "", "堺市"), event.Regional, "事業者の集まり"},
		{"welfare council", ev("いきいき健康教室", "", "〇〇区社会福祉協議会"), event.Other, "社会福祉協議会"},
		{"job interviews", ev("就職面接会", "市内企業が正社員を募集します。", "堺市"), event.Other, "面接会"},
		{"lecture and evening party", ev("記念講演会と懇親の夕べ", "", "〇〇経済クラブ"), event.SeminarSocial, "懇親"},
		{"a short management primer", ev("原価計算入門", "中小企業の経営者向けに、専門家が解説します。", "〇〇経営研究所"), event.StudyGroup, "入門"},

		// Rule 6: across trades, and a chamber that only lends its name.
		{"professionals meet owners", ev("士業と経営者の交流会", "税理士・司法書士と経営者が気軽に話せる会。", ""), event.CrossIndustry, "交流会"},
		{"chamber as patron only", ev("異業種交流会（〇〇商工会議所 後援）", "", "〇〇企画"), event.CrossIndustry, "異業種交流"},
	}
	checkLabels(t, r, cases)
}

// sharedRules is Default() parsed once for the tests that only use the
// rules (TestDefaultLoadsEmbeddedFile and the rules tests parse their own):
// parsing takes most of a second under -race, and Parse's *Rules is never
// changed after it (Classify, Evaluate, Suggest and the rest only read it).
var sharedRules = sync.OnceValue(Default)
