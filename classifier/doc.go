// Package classifier labels business events with one of the kinds of
// gathering of DESIGN.md, by rules an operator can read and tune.
//
// The rules are data (rules.yaml, embedded; --rules FILE replaces it): per
// label, phrases with the fields they are looked for in and a weight, phrases
// that rule a label out, and the organisations that decide a label on their
// own. Rules.Classify normalises the event's title, description, organizer and
// venue (NFKC, width, case, dashes, spaces, variant kanji), runs one
// Aho-Corasick automaton built once per Rules over each field, adds up each
// label's score and takes the first label, in the order of LABELS.md, whose
// score reaches its threshold; when none does, the event is "other". The
// result carries reasons that name the rule, the field and the words.
//
// Live holds the rules in use and swaps them on SIGHUP or when the file
// changes; Evaluate scores a set of rules on labelled records.
//
// The engine is pure: no NATS, no SQL. The JetStream worker (worker.go)
// consumes kouryu.raw.> and publishes kouryu.classified.<label>.
package classifier
