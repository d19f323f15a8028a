package classifier

import (
	"strings"
	"testing"
	"unicode/utf8"

	"kouryu/internal/event"
)

// FuzzClassify: whatever the text, Classify does not panic and gives exactly
// one valid label with at least one reason, and Normalize is idempotent.
func FuzzClassify(f *testing.F) {
	f.Add("異業種交流会", "名刺交換", "〇〇商工会議所", "梅田")
	f.Add("ﾓｰﾆﾝｸﾞｾﾐﾅｰ", "懇親会なし", "民主商工会", "")
	f.Add("ハ゜ーティー\u3099", "\xff\xfe", "家庭倫理の会", "\u309c")
	f.Add("", "", "", "")
	r := sharedRules()
	f.Fuzz(func(t *testing.T, title, desc, org, venue string) {
		res := r.Classify(&event.Event{Title: title, Description: desc, Organizer: org, Venue: venue})
		if !res.Label.Valid() {
			t.Fatalf("label %q is not valid", res.Label)
		}
		if len(res.Reasons) == 0 {
			t.Fatal("no reasons")
		}
		for _, reason := range res.Reasons {
			if !strings.Contains(reason, "←") {
				t.Fatalf("reason %q", reason)
			}
		}
		if utf8.ValidString(title) {
			n := Normalize(title)
			if Normalize(n) != n {
				t.Fatalf("Normalize not idempotent on %q: %q then %q", title, n, Normalize(n))
			}
		}
	})
}
