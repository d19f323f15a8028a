package event

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// NoRuleReason ends the reason the classifier gives an event no rule
// applied to; Explain looks for it.
const NoRuleReason = "no rule reached its threshold: nothing marks a business networking or study event"

// maxExplainName bounds the organizer or venue an explanation quotes, in
// characters: a feed line is not the place for a whole page's byline.
const maxExplainName = 40

// Explain returns a short Japanese reason for people, such as
// 分類：地域イベント主体の交流会（主催：堺商工会議所）, from a classified event:
// its label, the reasons Classify gave and the organizer. It names what
// decided in words a reader of a feed understands: the host when the
// organizer decided, otherwise the phrase and the part of the listing it was
// found in. The reasons stay the exact account for operators; this is a
// summary of the strongest of them.
//
// An event that is not classified (no label, or an unknown one) gives "".
// Reasons it cannot read (written by other rules, or by hand) give the label
// alone: 分類：勉強会.
//
// It lives beside the record, not in the classifier that writes the
// reasons, because the feeds and the page show it and do not import a
// stage. It reads the reasons in the form the classifier writes them:
// "<label> ← title「交流会」, … (rule N, name, +W)".
func Explain(e *Event) string {
	name := e.Label.Japanese()
	if name == "" {
		return ""
	}
	head := "分類：" + name
	field, word, ok := strongestEvidence(e.Label, e.Reasons)
	switch {
	case !ok && e.Label == Other && noRuleApplied(e.Reasons):
		return head + "（交流会や勉強会とわかる言葉がない）"
	case !ok:
		return head
	case field == "organizer" && strings.TrimSpace(e.Organizer) != "":
		return head + "（主催：" + clipName(e.Organizer) + "）"
	case field == "venue" && strings.TrimSpace(e.Venue) != "":
		return head + "（会場：" + clipName(e.Venue) + "）"
	case field == "title":
		return head + "（タイトルの「" + word + "」から）"
	default:
		return head + "（案内文の「" + word + "」から）"
	}
}

// strongestEvidence finds, among the reasons for label l, the line whose
// group weighed most, and in it the field that decides (the organizer
// before the title before the description) and the first word quoted there.
func strongestEvidence(l Label, reasons []string) (field, word string, ok bool) {
	best := 0.0
	prefix := string(l) + " ← "
	for _, line := range reasons {
		rest, found := strings.CutPrefix(line, prefix)
		if !found {
			continue
		}
		w, evidence, found := reasonWeight(rest)
		if !found || w <= best {
			continue
		}
		f, q, found := pickField(evidence)
		if !found {
			continue
		}
		best, field, word, ok = w, f, q, true
	}
	return field, word, ok
}

// reasonWeight splits "title「交流会」 (rule 6, name, +3)" into its weight
// and the evidence before the parenthesis.
func reasonWeight(rest string) (float64, string, bool) {
	open := strings.LastIndex(rest, " (rule ")
	if open < 0 || !strings.HasSuffix(rest, ")") {
		return 0, "", false
	}
	inner := rest[open+len(" (rule ") : len(rest)-1]
	comma := strings.LastIndex(inner, ", ")
	if comma < 0 {
		return 0, "", false
	}
	w, err := strconv.ParseFloat(strings.TrimPrefix(inner[comma+2:], "+"), 64)
	if err != nil {
		return 0, "", false
	}
	return w, rest[:open], true
}

// pickField reads evidence such as title「交流会」「懇親会」, organizer「商工会」
// and returns the deciding field and its first quoted word.
func pickField(evidence string) (field, word string, ok bool) {
	quoted := map[string]string{}
	for _, part := range strings.Split(evidence, ", ") {
		f, q, found := strings.Cut(part, "「")
		if !found {
			continue
		}
		if w, _, found := strings.Cut(q, "」"); found && w != "" {
			if _, seen := quoted[f]; !seen {
				quoted[f] = w
			}
		}
	}
	for _, f := range [...]string{"organizer", "title", "description", "venue"} {
		if w, found := quoted[f]; found {
			return f, w, true
		}
	}
	return "", "", false
}

// noRuleApplied reports whether the reasons say the fallback was taken.
func noRuleApplied(reasons []string) bool {
	for _, r := range reasons {
		if strings.HasSuffix(r, NoRuleReason) {
			return true
		}
	}
	return false
}

// clipName shortens s to maxExplainName characters, on one line.
func clipName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxExplainName {
		return s
	}
	r := []rune(s)
	return string(r[:maxExplainName-1]) + "…"
}
