// Package classifier labels business events with one of the kinds of
// gathering of docs/labels.md, by rules an operator can read and tune.
//
// The rules are data (rules.yaml, embedded; --rules FILE replaces it): per
// label, phrases with the fields they are looked for in and a weight, phrases
// that rule a label out, and the organisations that decide a label on their
// own. Rules.Classify normalises the event's title, description, organizer and
// venue (NFKC, width, case, dashes, spaces, variant kanji), runs one
// Aho-Corasick automaton built once per Rules over each field, adds up each
// label's score and takes the first label, in the order of the guide's rules,
// whose score reaches its threshold; when none does, the event is "other".
// The result carries reasons that name the rule, the field and the words, and
// Explain turns them into one short Japanese line for people.
//
// Live holds the rules in use and swaps them on SIGHUP or when the file
// changes; Evaluate scores a set of rules on labelled records (a tune or a
// holdout part of them, split by a hash of the record id), and Suggest finds
// the phrases that separate their labels.
//
// The engine is pure: no NATS, no SQL. The JetStream worker (worker.go)
// consumes kouryu.raw.> and publishes kouryu.classified.<label>.
package classifier
