package crawler

import "fmt"

// Refusal is a block or a page that looked like an event and was left out
// by kind auto, with the reason: a list row whose printed weekday
// contradicts its date, a linked page that is a notice or names no event
// date, a row whose event page failed and that says too little to stand
// alone. Nothing auto leaves out goes unnamed.
type Refusal struct {
	URL    string `json:"url"`             // the page it was found on, or its own page
	Title  string `json:"title,omitempty"` // as the block or page names it
	Reason string `json:"reason"`
}

func (r Refusal) String() string {
	if r.Title == "" {
		return fmt.Sprintf("%s: %s", r.URL, r.Reason)
	}
	return fmt.Sprintf("%s: %q: %s", r.URL, r.Title, r.Reason)
}

// refuse records what auto left out, up to maxProblems of them; Refused
// counts them all.
func (s *session) refuse(r Refusal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rep.Refused++
	if len(s.rep.Refusals) < maxProblems {
		s.rep.Refusals = append(s.rep.Refusals, r)
	}
}
