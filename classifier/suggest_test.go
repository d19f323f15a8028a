package classifier

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"kouryu/internal/event"
)

// suggestRecords is a small labelled file written for this test: three
// gatherings of builders that name the trade in several ways, three
// cross-trade mixers and two listings of a chamber.
var suggestRecords = []Record{
	{Title: "若手工務店オーナーの会 12月定例会", Description: "工務店経営者どうしの情報交換。2026年12月3日", Label: event.SameIndustry},
	{Title: "工務店・リフォーム会社の勉強会", Description: "大工と工務店の仕事を語る夜。2026年12月10日", Label: event.SameIndustry},
	{Title: "職人と工務店の交流会", Description: "工務店の方限定の交流会です。2026年12月17日", Label: event.SameIndustry},
	{Title: "梅田 異業種交流会", Description: "業種を問わず名刺交換。2026年12月3日", Label: event.CrossIndustry},
	{Title: "なんば異業種交流会 vol.8", Description: "名刺交換と自己紹介。2026年12月10日", Label: event.CrossIndustry},
	{Title: "天満橋 異業種交流ランチ", Description: "名刺交換しながらランチ。", Label: event.CrossIndustry},
	{Title: "新年互礼会", Organizer: "堺商工会議所", Label: event.Regional},
	{Title: "会員交流会", Organizer: "八尾商工会議所", Label: event.Regional},
}

func TestSuggest(t *testing.T) {
	sug, err := Suggest(sharedRules(), suggestRecords, SuggestConfig{Top: 5})
	if err != nil {
		t.Fatal(err)
	}
	if sug.Records != 8 {
		t.Fatalf("records %d", sug.Records)
	}
	byLabel := map[event.Label]LabelPhrases{}
	var order []event.Label
	for _, lp := range sug.Labels {
		byLabel[lp.Label] = lp
		order = append(order, lp.Label)
	}
	// The labels come in rule order, and only those with records.
	if want := []event.Label{event.SameIndustry, event.Regional, event.CrossIndustry}; !slices.Equal(order, want) {
		t.Fatalf("labels %v, want %v", order, want)
	}
	find := func(l event.Label, text string) (Phrase, bool) {
		for _, p := range byLabel[l].Phrases {
			if p.Text == text {
				return p, true
			}
		}
		return Phrase{}, false
	}
	// 工務店 is in all three builders' records and in no other: the best
	// phrase of same_industry, and the rules know it.
	same := byLabel[event.SameIndustry]
	if same.Records != 3 || len(same.Phrases) == 0 || same.Phrases[0].Text != "工務店" {
		t.Fatalf("same_industry: %+v", same)
	}
	if p := same.Phrases[0]; p.In != 3 || p.Out != 0 || p.Score <= 0 ||
		!slices.Equal(p.Fields, []string{"title", "description"}) || !slices.Contains(p.Rules, event.SameIndustry) {
		t.Errorf("工務店: %+v", p)
	}
	// Its pieces (工務, 務店), found in the same records, are left out.
	for _, piece := range []string{"工務", "務店"} {
		if _, ok := find(event.SameIndustry, piece); ok {
			t.Errorf("%s, a piece of 工務店 in the same records, is suggested", piece)
		}
	}
	// 異業種交流 in the three mixers: the longest form held by all three.
	if p, ok := find(event.CrossIndustry, "異業種交流"); !ok || p.In != 3 || p.Out != 0 {
		t.Errorf("cross_industry lacks 異業種交流 in 3 records: %+v", byLabel[event.CrossIndustry].Phrases)
	}
	// 商工会議所 is only in the organizer.
	if p, ok := find(event.Regional, "商工会議所"); !ok || !slices.Equal(p.Fields, []string{"organizer"}) {
		t.Errorf("regional: %+v", byLabel[event.Regional].Phrases)
	}
	// Dates are in most records of two labels: never suggested, and neither
	// are pieces of Latin words.
	for _, lp := range sug.Labels {
		for _, p := range lp.Phrases {
			if strings.ContainsAny(p.Text, "0123456789") && strings.Trim(p.Text, "0123456789年月日") == "" || p.Text == "vo" {
				t.Errorf("%s: noise suggested: %q", lp.Label, p.Text)
			}
		}
	}
	// A phrase in as many of the label's records, in proportion, as in the
	// others' does not separate them: 交流会 is in 2 of 3 builders' records
	// and 2 of 5 others'.
	if _, ok := find(event.SameIndustry, "交流会"); ok {
		t.Error("交流会 suggested for same_industry")
	}

	var b strings.Builder
	if err := sug.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"same_industry (3 records)", "same_industry", "工務店\n", "organizer"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, b.String())
		}
	}
	if js, err := json.Marshal(sug); err != nil || !strings.Contains(string(js), `"text":"工務店","in":3,"out":0`) {
		t.Errorf("JSON %s %v", js, err)
	}
}

func TestSuggestLimits(t *testing.T) {
	sug, err := Suggest(sharedRules(), suggestRecords, SuggestConfig{Top: 2, MinCount: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, lp := range sug.Labels {
		if len(lp.Phrases) > 2 {
			t.Errorf("%s: %d phrases, want at most 2", lp.Label, len(lp.Phrases))
		}
		for _, p := range lp.Phrases {
			if p.In < 3 {
				t.Errorf("%s: %q in %d records, below the minimum 3", lp.Label, p.Text, p.In)
			}
		}
	}
	if lp := sug.Labels[1]; lp.Label != event.Regional || len(lp.Phrases) != 0 {
		t.Errorf("regional has 2 records, so no phrase reaches 3: %+v", lp)
	}
	for _, bad := range []SuggestConfig{{Top: -1}, {MinCount: -2}, {MinLen: 5, MaxLen: 3}, {MaxLen: 99}} {
		if _, err := Suggest(sharedRules(), suggestRecords, bad); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
	if _, err := Suggest(sharedRules(), nil, SuggestConfig{}); err == nil {
		t.Error("no records: no error")
	}
}
