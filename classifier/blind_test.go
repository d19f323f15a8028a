package classifier

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBlindSets holds the default rules to floors on the tune parts of the
// sets of listings in testdata/blind-*.jsonl. Each set was written by
// someone who had read only LABELS.md's guide (docs/labels.md in the
// repository's words) and never the rules or the labelled sets: what
// Kansai chambers, public bodies and study groups publish (blind-a), what
// trade meetups, communities and networking organisers publish (blind-b),
// reports, news and blog posts written after the event (blind-c),
// entries of portals and calendars whose host and participants point to
// different labels (blind-d), what a month's search for Osaka's
// business gatherings turns up (blind-e), chambers' and public bodies'
// news pages (blind-g), meetup, trade and community pages (blind-h),
// study groups with their look-alikes (blind-i), the short entries of
// lists and calendars (blind-j), pages of Kyoto, Hyogo, Nara, Shiga and
// Wakayama (blind-k), pages as a crawler stores them, with their sidebars
// and footers (blind-l), owners' posts and local press after the event
// (blind-m), the line between rules 5, 6 and 1 (blind-n), networking
// organisers and their look-alikes (blind-o), public bodies' pages in
// their web staff's words (blind-p), chambers' and public bodies' pages
// again (blind-q), trade and community organisers (blind-r), study
// groups with their look-alikes (blind-s), event portals (blind-t), the
// borders of rules 2 to 6 (blind-u), rule 5's hosts (blind-v), rule 1's
// look-alikes (blind-w), study organisations (blind-x) and trade
// organisers (blind-y), in words of their own. Their holdout
// parts are neither scored nor printed here: they are measured by hand with
// `kouryu rules eval classifier/testdata/blind-a.jsonl --part holdout
// --summary`, once per round of changes, and the README keeps the figures.
// blind-f (borderline cases) is never tuned on and has no floors here.
func TestBlindSets(t *testing.T) {
	r := sharedRules()
	for _, c := range []struct {
		file string
		floors
	}{
		{"blind-a.jsonl", floors{59, 0.98, 0.98, 0.99, 0.99}},
		{"blind-b.jsonl", floors{60, 0.98, 0.98, 0.99, 0.99}},
		{"blind-c.jsonl", floors{52, 0.96, 0.95, 0.99, 0.99}},
		{"blind-d.jsonl", floors{56, 0.98, 0.98, 0.99, 0.99}},
		{"blind-e.jsonl", floors{56, 0.98, 0.96, 0.99, 0.99}},
		{"blind-g.jsonl", floors{57, 0.92, 0.91, 0.94, 0.94}},
		{"blind-h.jsonl", floors{55, 0.98, 0.97, 0.99, 0.99}},
		{"blind-i.jsonl", floors{57, 0.96, 0.95, 0.99, 0.99}},
		{"blind-j.jsonl", floors{56, 0.96, 0.95, 0.99, 0.99}},
		{"blind-k.jsonl", floors{51, 0.92, 0.90, 0.90, 0.89}},
		{"blind-l.jsonl", floors{56, 0.85, 0.84, 0.85, 0.84}},
		{"blind-m.jsonl", floors{51, 0.92, 0.91, 0.96, 0.95}},
		{"blind-n.jsonl", floors{57, 0.96, 0.85, 0.96, 0.77}},
		{"blind-o.jsonl", floors{55, 0.96, 0.95, 0.99, 0.99}},
		{"blind-p.jsonl", floors{52, 0.94, 0.91, 0.92, 0.87}},
		{"blind-q.jsonl", floors{52, 0.96, 0.95, 0.97, 0.97}},
		{"blind-r.jsonl", floors{54, 0.98, 0.97, 0.99, 0.99}},
		{"blind-s.jsonl", floors{56, 0.98, 0.97, 0.97, 0.97}},
		{"blind-t.jsonl", floors{53, 0.88, 0.87, 0.93, 0.92}},
		{"blind-u.jsonl", floors{57, 0.94, 0.94, 0.97, 0.97}},
		{"blind-v.jsonl", floors{56, 0.92, 0.93, 0.97, 0.97}},
		{"blind-w.jsonl", floors{56, 0.98, 0.96, 0.98, 0.96}},
		{"blind-x.jsonl", floors{56, 0.96, 0.96, 0.97, 0.98}},
		{"blind-y.jsonl", floors{51, 0.98, 0.98, 0.99, 0.99}},
	} {
		t.Run(strings.TrimSuffix(c.file, ".jsonl"), func(t *testing.T) {
			c.check(t, r, SelectPart(readLabelled(t, filepath.Join("testdata", c.file)), PartTune), PartTune)
		})
	}
}
