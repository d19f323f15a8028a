package crawler

import (
	"context"
	"errors"
	"strings"

	"golang.org/x/text/unicode/norm"

	"kouryu/internal/event"
)

// A chamber's news list often calls an event off in a post of its own
// (「組合BCP策定セミナー」開催中止のお知らせ) and leaves the event's own post
// as it was. Kind auto reads such a post as no event (namedCancel), and
// notes what it calls off; once the source's events are read, an event of
// the same source whose title holds the name, still scheduled, is
// published again as cancelled (or postponed), so that no one goes to it.

// callOff is a post that calls off an event it names.
type callOff struct {
	name   string       // the event's name, as the post quotes it
	status event.Status // cancelled or postponed
	url    string       // the post
}

// calledOff reads the title of a post kind auto refused: the call-off it
// is (namedCancel: 「…」開催中止のお知らせ, 「…」の延期について), if it is one.
func calledOff(title, url string) (callOff, bool) {
	m := namedCancel.FindStringSubmatch(title)
	if m == nil {
		return callOff{}, false
	}
	st := event.StatusCancelled
	if m[2] == "延期" {
		st = event.StatusPostponed
	}
	return callOff{name: m[1], status: st, url: url}, true
}

// sentEvent is an event a session published, with its page's validators;
// emitted is false when it was unchanged since the crawl before.
type sentEvent struct {
	ev         event.Event
	page       string
	validators Validators
	emitted    bool
}

// applyCallOffs publishes again, with the status a call-off post gives,
// each scheduled event of sent whose title holds the name it quotes.
func (s *session) applyCallOffs(ctx context.Context, pub Publisher, sent []sentEvent) {
	s.mu.Lock()
	offs := s.callOffs
	s.mu.Unlock()
	for _, c := range offs {
		name := foldName(c.name)
		for _, se := range sent {
			ev := se.ev
			if ev.Status != event.StatusScheduled || !strings.Contains(foldName(ev.Title), name) {
				continue
			}
			ev.Status = c.status
			s.problem("%s: %q is %s: %s calls it off", ev.URL, cutRunes(ev.Title, 60), c.status, c.url)
			// Counted once already, with the same fields but its status.
			if err := s.mem.emit(ctx, pub, ev, se.page, se.validators); err == nil && !se.emitted {
				s.mu.Lock()
				s.rep.Unchanged--
				s.rep.Events++
				s.mu.Unlock()
			} else if err != nil && !errors.Is(err, errUnchanged) {
				s.publishFailed(&ev, err)
			}
		}
	}
}

// foldName is a name as compared: width folded (ＢＣＰ is BCP), spaces
// and brackets left out.
func foldName(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '　', '「', '」', '【', '】':
			return -1
		}
		return r
	}, s)
}
