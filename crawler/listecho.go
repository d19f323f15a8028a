package crawler

import (
	"crypto/sha256"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// A CGI board or a script that does not know a query answers it with its
// first page: event.cgi?mode=res&no=139 (a post's reply form) shows the
// whole board again. Such a link is no event page: read as one it gives
// the board's heading dated by whichever post comes first. A page whose
// text is that of a list page read in this crawl is the list again, and the
// list's row stands for the event as if the page had not answered.

// textSum is the fingerprint of a page's visible text and the links it
// gives (resolved: the same list links the same pages), ok false for a page
// without links, which lists nothing.
func textSum(p *page) (sum [sha256.Size]byte, ok bool) {
	body := p.doc.Find("body")
	h := sha256.New()
	h.Write([]byte(strings.Join(strings.Fields(blockText(body.Get(0))), " ")))
	body.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		if u, err := p.url.Parse(href); err == nil {
			h.Write([]byte("\x00" + u.String()))
			ok = true
		}
	})
	h.Sum(sum[:0])
	return sum, ok
}

// noteList remembers the text of a list page.
func (s *session) noteList(p *page) {
	if p.doc.Find("body").Length() == 0 {
		return
	}
	sum, ok := textSum(p)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lists == nil {
		s.lists = map[[sha256.Size]byte]bool{}
	}
	s.lists[sum] = true
}

// isListAgain reports whether p shows the text of a list page read before.
func (s *session) isListAgain(p *page) bool {
	if p.doc.Find("body").Length() == 0 {
		return false
	}
	sum, ok := textSum(p)
	if !ok {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lists[sum]
}
