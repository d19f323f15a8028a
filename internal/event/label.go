package event

import "fmt"

// Label is the kind of gathering an event is. Exactly one per classified
// event; the zero value means "not classified yet".
type Label string

// The labels; docs/labels.md says what each one means. The wire and table
// value is the English key.
const (
	Regional      Label = "regional"
	SeminarSocial Label = "seminar_social"
	SameIndustry  Label = "same_industry"
	CrossIndustry Label = "cross_industry"
	StudyGroup    Label = "study_group"
	Other         Label = "other"
)

// Labels lists every label, in the order of the README's table of labels.
var Labels = []Label{Regional, SeminarSocial, SameIndustry, CrossIndustry, StudyGroup, Other}

var japanese = map[Label]string{
	Regional:      "地域イベント主体の交流会",
	SeminarSocial: "セミナーなどの懇親会",
	SameIndustry:  "特定業種などを集めた交流会",
	CrossIndustry: "様々な業種が集まる異業種交流会",
	StudyGroup:    "勉強会",
	Other:         "その他",
}

// Valid reports whether l is one of Labels.
func (l Label) Valid() bool { _, ok := japanese[l]; return ok }

// Japanese is the label's Japanese name, or "" for an unknown label.
func (l Label) Japanese() string { return japanese[l] }

// ParseLabel returns the label whose key is s, or an error naming the keys.
func ParseLabel(s string) (Label, error) {
	l := Label(s)
	if !l.Valid() {
		return "", fmt.Errorf("unknown label %q (want one of %v)", s, Labels)
	}
	return l, nil
}
