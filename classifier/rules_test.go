package classifier

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kouryu/internal/event"
)

func TestDefaultLoadsEmbeddedFile(t *testing.T) {
	r, err := Parse(defaultRules)
	if err != nil {
		t.Fatalf("embedded rules.yaml: %v", err)
	}
	if len(r.Version()) != 12 || r.Version() != Default().Version() {
		t.Fatalf("version %q", r.Version())
	}
	want := []event.Label{event.Other, event.StudyGroup, event.SameIndustry, event.SeminarSocial, event.Regional, event.CrossIndustry}
	if got := r.Order(); strings.Join(labelStrings(got), ",") != strings.Join(labelStrings(want), ",") {
		t.Fatalf("order %v, want docs/labels.md's %v", got, want)
	}
}

func TestDefaultPanicsOnBrokenEmbeddedFile(t *testing.T) {
	saved := defaultRules
	defer func() { defaultRules = saved }()
	defaultRules = []byte("order: [other]\n")
	defer func() {
		if recover() == nil {
			t.Fatal("Default did not panic on a broken embedded file")
		}
	}()
	Default()
}

func labelStrings(ls []event.Label) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(l)
	}
	return out
}

const minimalRules = `
order: [other, study_group, same_industry, seminar_social, regional, cross_industry]
fallback: other
labels:
  study_group:
    rule: 2
    threshold: 3
    phrases:
      - match: [倫理法人会]
        in: {organizer: 5}
  same_industry: {rule: 3, threshold: 3, phrases: [{match: [税理士], in: [title], weight: 3}]}
  seminar_social: {rule: 4, threshold: 3, phrases: [{match: [セミナー交流会], in: [title], weight: 3}]}
  regional: {rule: 5, threshold: 3, phrases: [{match: [商工会], not_in: [民主商工会], in: [organizer], weight: 3}]}
  cross_industry: {rule: 6, threshold: 2, phrases: [{match: [異業種交流会], in: [title], weight: 2}]}
`

func TestParseMinimal(t *testing.T) {
	r, err := Parse([]byte(minimalRules))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Classify(ev("例会", "", "民主商工会")).Label; got != event.Other {
		t.Errorf("民主商工会: got %s, want other (not_in)", got)
	}
	if got := r.Classify(ev("例会", "", "〇〇商工会")).Label; got != event.Regional {
		t.Errorf("商工会: got %s, want regional", got)
	}
	// A change of comments or layout keeps the version; a change of content moves it.
	r2, err := Parse([]byte("# a comment\n" + minimalRules))
	if err != nil {
		t.Fatal(err)
	}
	if r2.Version() != r.Version() {
		t.Error("a comment changed the version")
	}
	r3, err := Parse([]byte(strings.Replace(minimalRules, "weight: 2", "weight: 2.5", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if r3.Version() == r.Version() {
		t.Error("a new weight kept the version")
	}
}

func TestParseNamesEveryFault(t *testing.T) {
	bad := `
order: [other, study_group, same_industry, seminar_social, regional, party, regional]
fallback: nothing
labels:
  study_group:
    rule: 0
    threshold: 0
    needs: [talk]
    phrases:
      - match: []
        in: [title]
      - match: [" "]
        in: [place]
  same_industry:
    rule: 3
    threshold: 3
    phrases:
      - match: [税理士]
        in: {title: 3}
        weight: 2
  party:
    rule: 9
    threshold: 1
    phrases: [{match: [x], in: [title]}]
organisations:
  - match: [倫理法人会]
    label: study
    in: [organizer]
`
	_, err := Parse([]byte(bad))
	if err == nil {
		t.Fatal("bad rules parsed")
	}
	for _, want := range []string{
		`order[5]`, `"party"`, `order[6]: label "regional" appears twice`,
		`label "cross_industry" is missing`, `fallback`,
		`labels.study_group: rule`, `labels.study_group: threshold`,
		`labels.study_group.phrases[0]: match: no phrases`,
		`labels.study_group.phrases[1]: match: phrase " " is empty`,
		`labels.study_group.phrases[1]: in: unknown field "place"`,
		`labels.study_group.needs: part "talk"`,
		`labels.same_industry.phrases[0]: weight`,
		`organisations[0]: name`, `organisations[0]: label`,
		`label "seminar_social" has no rules`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not name %q:\n%v", want, err)
		}
	}
}

func TestParseRejectsUnknownKeysAndBadYAML(t *testing.T) {
	for name, data := range map[string]string{
		"unknown key": strings.Replace(minimalRules, "threshold: 3\n    phrases", "threshhold: 3\n    phrases", 1),
		"bad yaml":    "order: [other\n",
		"empty":       "",
	} {
		if _, err := Parse([]byte(data)); err == nil {
			t.Errorf("%s: parsed", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}

func TestLoadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rules.yaml")
	if _, err := LoadFile(path); err == nil || !strings.Contains(err.Error(), "load rules") {
		t.Fatalf("missing file: %v", err)
	}
	if err := os.WriteFile(path, []byte(minimalRules), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.Classify(ev("異業種交流会", "", "")).Label != event.CrossIndustry {
		t.Fatal("loaded rules do not classify")
	}
	if err := os.WriteFile(path, []byte("order: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("broken file: error %v does not name the path", err)
	}
}

func TestExpandPhrase(t *testing.T) {
	for in, want := range map[string]string{
		"交流会":                "交流会",
		"{税理士|弁護士}向け":        "税理士向け,弁護士向け",
		"{市内|区内}の{企業|}":      "市内の企業,市内の,区内の企業,区内の",
		"第{1|2}講":            "第1講,第2講",
		"a{b}c":              "abc",
		"{x|y}{1|2}{p|q}end": "x1pend,x1qend,x2pend,x2qend,y1pend,y1qend,y2pend,y2qend",
	} {
		got, err := expandPhrase(in)
		if err != nil {
			t.Fatalf("expandPhrase(%q): %v", in, err)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("expandPhrase(%q) = %v, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"{a|b", "a}b", "a|b", "{a{b}}", strings.Repeat("{a|b|c|d}", 7)} {
		if _, err := expandPhrase(bad); err == nil {
			t.Errorf("expandPhrase(%q): want an error", bad)
		}
	}
}

func TestAlternativesInRules(t *testing.T) {
	const rules = `
order: [other, study_group, same_industry, seminar_social, regional, cross_industry]
fallback: other
labels:
  study_group: {rule: 2, threshold: 3, phrases: [{match: [倫理法人会], in: [organizer], weight: 3}]}
  same_industry: {rule: 3, threshold: 3, phrases: [{match: ["{税理士|弁護士}{向け|限定}"], in: [description], weight: 3}]}
  seminar_social: {rule: 4, threshold: 3, phrases: [{match: [セミナー交流会], in: [title], weight: 3}]}
  regional: {rule: 5, threshold: 3, phrases: [{match: [商工会], not_in: ["商工会{後援|の後援}"], in: [title], weight: 3}]}
  cross_industry: {rule: 6, threshold: 2, phrases: [{match: [交流会], in: [title], weight: 2}]}
`
	r, err := Parse([]byte(rules))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		e    *event.Event
		want event.Label
	}{
		{ev("交流会", "弁護士限定の会です", ""), event.SameIndustry},
		{ev("交流会", "税理士向け", ""), event.SameIndustry},
		{ev("交流会", "税理士が話します", ""), event.CrossIndustry},
		{ev("交流会（商工会後援）", "", ""), event.CrossIndustry},
		{ev("商工会 交流会", "", ""), event.Regional},
	} {
		if got := r.Classify(c.e); got.Label != c.want {
			t.Errorf("%q / %q: got %s, want %s %v", c.e.Title, c.e.Description, got.Label, c.want, got.Reasons)
		}
	}
	if _, err := Parse([]byte(strings.Replace(rules, `"{税理士|弁護士}{向け|限定}"`, `"{税理士|弁護士"`, 1))); err == nil ||
		!strings.Contains(err.Error(), "without }") {
		t.Errorf("an unclosed { parsed: %v", err)
	}
}

// TestNotAfterAndListAliases covers not_after (a hit right after one of its
// words does not count for the group, a later one in the same field still
// does, and another group using the same phrase is not affected) and
// lists of phrases written once and reused by an alias inside another list.
func TestNotAfterAndListAliases(t *testing.T) {
	const rules = `
order: [other, study_group, same_industry, seminar_social, regional, cross_industry]
fallback: other
labels:
  study_group: {rule: 2, threshold: 3, phrases: [{match: [倫理法人会], in: [organizer], weight: 3}]}
  same_industry:
    rule: 3
    threshold: 3
    phrases:
      - name: 業種の人々
        match: [&suffixes ["業の方", "業者向け"], 同業者]
        in: [description]
        weight: 3
        not_after: &generic [事, 企, 中小]
  seminar_social: {rule: 4, threshold: 3, phrases: [{match: [セミナー交流会], in: [title], weight: 3}]}
  regional: {rule: 5, threshold: 3, phrases: [{match: [商工会], in: [organizer], weight: 3}]}
  cross_industry:
    rule: 6
    threshold: 2
    phrases:
      - match: [交流会]
        in: [title]
        weight: 2
      - match: [*suffixes]
        in: [description]
        weight: 0.5
`
	r, err := Parse([]byte(rules))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		desc  string
		want  event.Label
		quote string // what the reasons quote, or must not ("-…")
	}{
		{"建設業の方ならどなたでも", event.SameIndustry, "description「業の方」"},
		{"事業の方ならどなたでも", event.CrossIndustry, "-業の方」 (rule 3"},
		{"中小企業者向けの会", event.CrossIndustry, "業者向け"}, // cross_industry has no not_after
		{"事業の方も、印刷業の方も", event.SameIndustry, "業の方"},
		{"同業者の集まり", event.SameIndustry, "同業者"},
	} {
		got := r.Classify(ev("交流会", c.desc, ""))
		if got.Label != c.want {
			t.Errorf("%q: got %s, want %s %v", c.desc, got.Label, c.want, got.Reasons)
			continue
		}
		joined := strings.Join(got.Reasons, "\n")
		if q, ok := strings.CutPrefix(c.quote, "-"); ok == strings.Contains(joined, q) {
			t.Errorf("%q: reasons %q, quote %q", c.desc, joined, c.quote)
		}
	}
	for name, bad := range map[string]string{
		"a map in a list":    strings.Replace(rules, "[*suffixes]", "[{a: b}]", 1),
		"an empty not_after": strings.Replace(rules, "[事, 企, 中小]", `[事, " "]`, 1),
	} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("%s: parsed", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}

// TestNotBefore covers not_before: a place's name right before the name of
// another body names that body (大阪府中小企業診断協会 is an association,
// not the prefecture), a later mention in the same field still counts, a
// word set shared by text with not_after is kept apart, and another group
// using the same phrase is not affected.
func TestNotBefore(t *testing.T) {
	regional := `  regional:
    rule: 5
    threshold: 3
    phrases:
      - name: 自治体
        match: [大阪府, 堺市]
        in: [organizer]
        weight: 3
        not_before: ["{中小企業|}診断協会", 立大学]
      - name: 大学
        match: [立大学]
        in: [organizer]
        weight: 1
        not_after: ["{中小企業|}診断協会", 立大学]
`
	r := testRules(t, map[string]string{"regional": regional, "cross_industry": `  cross_industry:
    rule: 6
    threshold: 2
    phrases:
      - {match: [大阪府, 診断協会], in: [organizer], weight: 2}
`})
	for _, c := range []struct {
		org  string
		want event.Label
	}{
		{"大阪府", event.Regional},
		{"大阪府商工労働部", event.Regional},
		{"大阪府中小企業診断協会", event.CrossIndustry},
		{"大阪府立大学", event.CrossIndustry}, // the other group still counts it
		{"堺市立大学 後援：堺市", event.Regional},
		{"堺市立大学", event.Other},
	} {
		got := r.Classify(ev("例会", "", c.org))
		if got.Label != c.want {
			t.Errorf("organizer %q: got %s, want %s %v", c.org, got.Label, c.want, got.Reasons)
		}
	}
	bad := "order: [other, regional]\nfallback: other\nlabels:\n" +
		strings.Replace(regional, `not_before: ["{中小企業|}診断協会", 立大学]`, `not_before: ["{a|"]`, 1)
	if _, err := Parse([]byte(bad)); err == nil || !strings.Contains(err.Error(), "not_before") {
		t.Errorf("a broken not_before word: %v", err)
	}
}

// TestNotInMasksUnless covers not_in over unless phrases: an unless phrase
// inside one of the group's not_in phrases does not stop the group (懇親会
// inside 懇親会はございません), one elsewhere still does, and a group
// without that not_in is stopped as before.
func TestNotInMasksUnless(t *testing.T) {
	r := testRules(t, map[string]string{
		"study_group": `  study_group:
    rule: 2
    threshold: 3
    phrases:
      - {match: [セミナー], in: [title], weight: 3, not_in: [懇親会はございません], unless: [懇親会]}
`,
		"cross_industry": `  cross_industry:
    rule: 6
    threshold: 2
    phrases:
      - {match: [セミナー], in: [title, description], weight: 2, unless: [懇親会]}
`})
	for _, c := range []struct {
		desc string
		want event.Label
	}{
		{"講演のみです。", event.StudyGroup},
		{"なお、懇親会はございません。", event.StudyGroup},
		{"終了後に懇親会を行います。", event.Other},
		{"懇親会はございません。別日に懇親会を予定しています。", event.Other},
	} {
		if got := r.Classify(ev("経営セミナー", c.desc, "")); got.Label != c.want {
			t.Errorf("%q: got %s, want %s %v", c.desc, got.Label, c.want, got.Reasons)
		}
	}
}

// TestNegatedBy covers negated_by: a match hit that one of the words
// follows in its sentence does not count (同業の方はご遠慮ください turns the
// trade away), one in the next sentence or further than negationRunes
// does; an unless hit it follows does not stop the group (商談会は実施して
// おりません); another group using the same phrase still counts it.
func TestNegatedBy(t *testing.T) {
	r := testRules(t, map[string]string{
		"same_industry": `  same_industry:
    rule: 3
    threshold: 3
    phrases:
      - {match: [同業], in: [description], weight: 3, negated_by: [ご遠慮, 実施しておりません], unless: [商談会]}
`,
		"cross_industry": `  cross_industry:
    rule: 6
    threshold: 2
    phrases:
      - {match: [同業], in: [description], weight: 2}
`})
	far := "同業の方が集まります、" + strings.Repeat("会場は駅から徒歩五分", 3) + "、見学はご遠慮ください。"
	for _, c := range []struct {
		desc string
		want event.Label
	}{
		{"同業の方が集まる会です。", event.SameIndustry},
		{"同業の方のお申込みはご遠慮ください。", event.CrossIndustry}, // the other group still counts 同業
		{"同業の方が集まります。見学はご遠慮ください。", event.SameIndustry},
		{"同業の方が集まります※見学はご遠慮ください", event.SameIndustry},
		{far, event.SameIndustry},
		{"同業の方が集まります。商談会もあります。", event.CrossIndustry},
		{"同業の方が集まります。商談会は実施しておりません。", event.SameIndustry},
	} {
		if got := r.Classify(ev("例会", c.desc, "")); got.Label != c.want {
			t.Errorf("%q: got %s, want %s %v", c.desc, got.Label, c.want, got.Reasons)
		}
	}
	for name, block := range map[string]string{
		"a broken word": "  other: {rule: 1, threshold: 3, phrases: [{match: [市民], in: [title], weight: 3, negated_by: [\"{a|\"]}]}\n",
		"in rule_out":   "  other: {rule: 1, threshold: 3, phrases: [{match: [市民], in: [title], weight: 3}], rule_out: [{match: [市民], in: [title], negated_by: [ません]}]}\n",
	} {
		if _, err := Parse([]byte("order: [other]\nfallback: other\nlabels:\n" + block)); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
}

// TestPrecededBy covers preceded_by: a hit that one of the words closely
// precedes (後援：浪花東商工会議所) does not count; one with a colon, a space
// or more than precededRunes runes between does (後援：大阪市 主催：…), and
// another group using the same phrase still counts it.
func TestPrecededBy(t *testing.T) {
	r := testRules(t, map[string]string{
		"regional": `  regional:
    rule: 5
    threshold: 3
    phrases:
      - {match: [商工会議所], in: [title, organizer], weight: 3, preceded_by: [後援, 協賛]}
`,
		"cross_industry": `  cross_industry:
    rule: 6
    threshold: 2
    phrases:
      - {match: [商工会議所], in: [title], weight: 2}
`})
	for _, c := range []struct {
		title, org string
		want       event.Label
	}{
		{"異業種交流会", "浪花東商工会議所", event.Regional},
		{"異業種交流会(後援：浪花東商工会議所)", "", event.CrossIndustry}, // the other group still counts it
		{"異業種交流会", "一般社団法人〇〇（協賛 浪花東商工会議所）", event.Other},
		{"異業種交流会 後援：大阪市 主催：浪花東商工会議所", "", event.Regional},
		{"後援いただいた皆さまと浪花東地区商工会議所", "", event.CrossIndustry}, // 14 runes between
		{"後援いただいた皆さまと浪花東地区の商工会議所", "", event.Regional},     // 15: too far
	} {
		if got := r.Classify(ev(c.title, "", c.org)); got.Label != c.want {
			t.Errorf("%q / %q: got %s, want %s %v", c.title, c.org, got.Label, c.want, got.Reasons)
		}
	}
}

// TestWeightsAgainstDoNotStack: negative weights of groups that share a
// label and a name are one reason against the label, said several ways:
// the strongest counts, not their sum; groups of other names still add.
func TestWeightsAgainstDoNotStack(t *testing.T) {
	r := testRules(t, map[string]string{"study_group": `  study_group:
    rule: 2
    threshold: 3
    phrases:
      - {match: [倫理法人会], in: [title], weight: 5}
      - {name: 一つの業種向け, match: [税理士], in: [title], weight: -2}
      - {name: 一つの業種向け, match: [工務店さん], in: [description], weight: -2}
      - {name: 別の理由, match: [ゴルフ], in: [description], weight: -1}
`})
	for _, c := range []struct {
		desc  string
		want  event.Label
		score float64
	}{
		{"工務店さんと名刺交換", event.StudyGroup, 3}, // 5 - 2, not 5 - 2 - 2
		{"工務店さんとゴルフの話", event.Other, 0},     // 5 - 2 - 1 = 2: another name adds
	} {
		got := r.Classify(ev("倫理法人会のモーニングセミナー｜税理士の日記", c.desc, ""))
		if got.Label != c.want || got.Score != c.score {
			t.Errorf("%q: got %s %v, want %s %v %v", c.desc, got.Label, got.Score, c.want, c.score, got.Reasons)
		}
	}
	// The reasons add up to the score: one of the name shows its weight,
	// the other 0.
	got := strings.Join(r.Classify(ev("倫理法人会のモーニングセミナー｜税理士の日記", "工務店さんと名刺交換", "")).Reasons, "\n")
	if strings.Count(got, "一つの業種向け, -2)") != 1 || strings.Count(got, "一つの業種向け, 0, counted once by its name)") != 1 {
		t.Errorf("reasons:\n%s", got)
	}
}

// TestAfter covers after: a phrase counts only right after one of the
// group's words (the words may hold alternatives), the reasons quote the
// word with the phrase, and another group using the same phrase without
// after is not affected.
func TestAfter(t *testing.T) {
	const rules = `
order: [other, study_group, same_industry, seminar_social, regional, cross_industry]
fallback: other
labels:
  study_group: {rule: 2, threshold: 3, phrases: [{match: [倫理法人会], in: [organizer], weight: 3}]}
  same_industry:
    rule: 3
    threshold: 3
    phrases:
      - name: 業種の人々
        match: [の会, 交流会, さん同士]
        after: [税理士, 美容師, "{不動産|建設}{業|会社}"]
        in: [title, description]
        weight: 3
  seminar_social: {rule: 4, threshold: 3, phrases: [{match: [セミナー交流会], in: [title], weight: 3}]}
  regional: {rule: 5, threshold: 3, phrases: [{match: [商工会], in: [organizer], weight: 3}]}
  cross_industry: {rule: 6, threshold: 2, phrases: [{match: [交流会], in: [title], weight: 2}]}
`
	r, err := Parse([]byte(rules))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		title, desc string
		want        event.Label
		quote       string
	}{
		{"若手税理士の会 新年会", "", event.SameIndustry, "title「税理士の会」"},
		{"交流会", "北摂の美容師さん同士で話しましょう", event.SameIndustry, "description「美容師さん同士」"},
		{"不動産会社交流会", "", event.SameIndustry, "title「不動産会社交流会」"},
		{"建設業交流会", "", event.SameIndustry, "「建設業交流会」"},
		{"異業種交流会", "", event.CrossIndustry, "title「交流会」"},
		{"ゴルフの会", "", event.Other, "no rule"},
		// A trade word elsewhere in the field does not make a later の会 count.
		{"税理士と語る経営者の会", "", event.Other, "no rule"},
	} {
		got := r.Classify(ev(c.title, c.desc, ""))
		joined := strings.Join(got.Reasons, "\n")
		if got.Label != c.want || !strings.Contains(joined, c.quote) {
			t.Errorf("%q / %q: got %s %q, want %s quoting %q", c.title, c.desc, got.Label, joined, c.want, c.quote)
		}
	}
	if _, err := Parse([]byte(strings.Replace(rules, `"{不動産|建設}{業|会社}"`, `" "`, 1))); err == nil {
		t.Error("an empty after word parsed")
	}
}

// TestAtMostAndLists covers at_most (a group whose hits follow more
// different words than it allows does not count: several trades named say
// the people are of many) and lists (families written once, used by alias,
// not part of the version).
func TestAtMostAndLists(t *testing.T) {
	const rules = `
order: [other, study_group, same_industry, seminar_social, regional, cross_industry]
fallback: other
lists:
  suffixes: &suffixes ["{屋|業|士}"]
  unused: [ずっと使わない言葉]
labels:
  study_group: {rule: 2, threshold: 3, phrases: [{match: [倫理法人会], in: [organizer], weight: 3}]}
  same_industry:
    rule: 3
    threshold: 3
    phrases:
      - name: 業種の人々
        match: [さん, の方]
        after: *suffixes
        not_after: ["{事|企}業"]
        at_most: 2
        in: [description]
        weight: 3
  seminar_social: {rule: 4, threshold: 3, phrases: [{match: [セミナー交流会], in: [title], weight: 3}]}
  regional: {rule: 5, threshold: 3, phrases: [{match: [商工会], in: [organizer], weight: 3}]}
  cross_industry: {rule: 6, threshold: 2, phrases: [{match: [交流会], in: [title], weight: 2}]}
`
	r, err := Parse([]byte(rules))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		desc string
		want event.Label
	}{
		{"酒屋さんの集まりです。酒屋さん同士、気軽に。", event.SameIndustry},
		{"建設業の方、工務店の大工さんも", event.SameIndustry}, // two words: within at_most
		{"果物屋さんや自転車屋さん、電気屋さんが参加", event.CrossIndustry},
		{"事業の方、企業の方", event.CrossIndustry}, // not_after written as a family
	} {
		if got := r.Classify(ev("交流会", c.desc, "")); got.Label != c.want {
			t.Errorf("%q: got %s, want %s %v", c.desc, got.Label, c.want, got.Reasons)
		}
	}
	// A second group of the same name is of the same family: the words
	// both follow count together (two trades by their endings, one by its
	// word: three), and a group of another name keeps its own.
	fam, err := Parse([]byte(strings.Replace(rules, `        weight: 3
  seminar_social:`, `        weight: 3
      - name: 業種の人々
        match: [さん, の方]
        after: [大工, 左官]
        at_most: 2
        in: [description]
        weight: 3
      - name: 別の家族
        match: [の会]
        after: [大工]
        at_most: 2
        in: [title]
        weight: 3
  seminar_social:`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		title, desc string
		want        event.Label
	}{
		{"交流会", "酒屋さんと建設業の方、それに左官さん", event.CrossIndustry},
		{"交流会", "酒屋さんと左官さん", event.SameIndustry},
		{"大工の会", "酒屋さんと建設業の方、それに左官さん", event.SameIndustry}, // 別の家族 counts on its own
	} {
		if got := fam.Classify(ev(c.title, c.desc, "")); got.Label != c.want {
			t.Errorf("family: %q %q: got %s, want %s %v", c.title, c.desc, got.Label, c.want, got.Reasons)
		}
	}
	r2, err := Parse([]byte(strings.Replace(rules, "ずっと使わない言葉", "別の言葉", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if r.Version() != r2.Version() {
		t.Errorf("an unused list changed the version: %s, %s", r.Version(), r2.Version())
	}
	if _, err := Parse([]byte(strings.Replace(rules, "at_most: 2", "at_most: -1", 1))); err == nil ||
		!strings.Contains(err.Error(), "at_most") {
		t.Errorf("a negative at_most: %v", err)
	}
}

// testRules returns a rules file of every label, each with one plain group,
// but for the labels given, whose blocks (YAML under labels:, indented two
// spaces) replace theirs.
func testRules(t *testing.T, blocks map[string]string) *Rules {
	t.Helper()
	plain := []struct{ label, block string }{
		{"study_group", "  study_group: {rule: 2, threshold: 3, phrases: [{match: [倫理法人会], in: [organizer], weight: 3}]}\n"},
		{"same_industry", "  same_industry: {rule: 3, threshold: 3, phrases: [{match: [税理士会], in: [organizer], weight: 3}]}\n"},
		{"seminar_social", "  seminar_social: {rule: 4, threshold: 3, phrases: [{match: [セミナー交流会], in: [title], weight: 3}]}\n"},
		{"regional", "  regional: {rule: 5, threshold: 3, phrases: [{match: [商工会], in: [organizer], weight: 3}]}\n"},
		{"cross_industry", "  cross_industry: {rule: 6, threshold: 2, phrases: [{match: [交流会], in: [title], weight: 2}]}\n"},
	}
	var b strings.Builder
	b.WriteString("order: [other, study_group, same_industry, seminar_social, regional, cross_industry]\nfallback: other\nlabels:\n")
	for _, l := range plain {
		if own, ok := blocks[l.label]; ok {
			b.WriteString(own)
			continue
		}
		b.WriteString(l.block)
	}
	r, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	return r
}
