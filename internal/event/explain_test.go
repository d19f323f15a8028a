package event

import "testing"

// Explain reads the reasons as the classifier writes them (its own tests
// run the rules; these take reasons written by hand).
func TestExplain(t *testing.T) {
	for _, c := range []struct {
		e    Event
		want string
	}{
		{Event{Label: Regional, Organizer: "堺商工会議所", Reasons: []string{
			"regional ← title「企業」「商談」, description「発注」 (rule 5, 事業者の集まり, +0.5)",
			"regional ← organizer「商工会議所」 (rule 1, 地域の団体, +3)"}}, "分類：地域イベント主体の交流会（主催：堺商工会議所）"},
		{Event{Label: CrossIndustry, Reasons: []string{"cross_industry ← title「異業種交流」 (rule 4, 異業種, +2)"}},
			"分類：様々な業種が集まる異業種交流会（タイトルの「異業種交流」から）"},
		{Event{Label: SameIndustry, Organizer: "〇〇会", Reasons: []string{
			"study_group ← organizer「倫理法人会」 (rule 2, 倫理法人会, +5)",
			"same_industry ← organizer「〇〇」 (rule 3, held back, -5)",
			"same_industry ← description「税理士」 (rule 3, +1)",
			"same_industry ← title「士の交流会」, organizer「士の会」 (rule 3, 業種の人々, +3)"}}, "分類：特定業種などを集めた交流会（主催：〇〇会）"},
		{Event{Label: Other, Reasons: []string{"other ← " + NoRuleReason}}, "分類：その他（交流会や勉強会とわかる言葉がない）"},
		{Event{Label: StudyGroup, Reasons: []string{"old rules"}}, "分類：勉強会"},
		{Event{}, ""},
	} {
		if got := Explain(&c.e); got != c.want {
			t.Errorf("%v: %q, want %q", c.e.Reasons, got, c.want)
		}
	}
}
