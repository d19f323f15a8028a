package classifier

import (
	"strings"
	"testing"

	"kouryu/internal/event"
)

func TestExplain(t *testing.T) {
	r := sharedRules()
	for _, c := range []struct {
		e    *event.Event
		want string
	}{
		// The host decided.
		{&event.Event{Title: "新年互礼会", Description: "会員事業所が一堂に会します。", Organizer: "堺商工会議所"},
			"分類：地域イベント主体の交流会（主催：堺商工会議所）"},
		{&event.Event{Title: "第1197回 モーニングセミナー", Organizer: "堺市倫理法人会"}, "分類：勉強会（主催：堺市倫理法人会）"},
		// A phrase in the title or the description decided.
		{&event.Event{Title: "梅田 異業種交流会", Description: "業種を問わず名刺交換。", Organizer: "〇〇ネットワーク"},
			"分類：様々な業種が集まる異業種交流会（タイトルの「異業種交流」から）"},
		{&event.Event{Title: "春の勉強会", Description: "工務店の方限定の会です。"},
			"分類：特定業種などを集めた交流会（案内文の「工務店の方」から）"},
		{&event.Event{Title: "天神橋 秋のマルシェ", Organizer: "天神橋商店街振興組合"}, "分類：その他（タイトルの「マルシェ」から）"},
		// Nothing applied.
		{&event.Event{Title: "春の集い", Description: "楽しいひとときを。"}, "分類：その他（交流会や勉強会とわかる言葉がない）"},
		// A long organizer is cut short.
		{&event.Event{Title: "新年互礼会", Organizer: "堺商工会議所 " + strings.Repeat("中小企業振興部会 ", 8)},
			"分類：地域イベント主体の交流会（主催：堺商工会議所 中小企業振興部会 中小企業振興部会 中小企業振興部会 中小企業振…）"},
	} {
		r.Apply(c.e)
		if got := Explain(c.e); got != c.want {
			t.Errorf("%q: Explain = %q, want %q\nreasons: %v", c.e.Title, got, c.want, c.e.Reasons)
		}
	}

	// Not classified, or reasons it cannot read.
	if got := Explain(&event.Event{Title: "x"}); got != "" {
		t.Errorf("unclassified: %q", got)
	}
	if got := Explain(&event.Event{Title: "x", Label: event.StudyGroup, Reasons: []string{"old rules"}}); got != "分類：勉強会" {
		t.Errorf("unreadable reasons: %q", got)
	}
	// A line of another label, or a negative group, does not decide.
	e := &event.Event{Title: "x", Label: event.SameIndustry, Organizer: "〇〇会", Reasons: []string{
		"study_group ← organizer「倫理法人会」 (rule 2, 倫理法人会, +5)",
		"same_industry ← organizer「〇〇」 (rule 3, held back, -5)",
		"same_industry ← description「税理士」 (rule 3, +1)",
		"same_industry ← title「士の交流会」, organizer「士の会」 (rule 3, 業種の人々, +3)",
	}}
	if got := Explain(e); got != "分類：特定業種などを集めた交流会（主催：〇〇会）" {
		t.Errorf("mixed reasons: %q", got)
	}
}
