package feed

import (
	"encoding/xml"
	"io"
	"time"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Gen     string      `xml:"generator"`
	Entries []atomEntry `xml:"entry"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string        `xml:"id"`
	Title     atomText      `xml:"title"`
	Updated   string        `xml:"updated"`
	Published string        `xml:"published,omitempty"`
	Links     []atomLink    `xml:"link"`
	Category  *atomCategory `xml:"category,omitempty"`
	Summary   atomText      `xml:"summary"`
	Content   atomText      `xml:"content"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// AtomEntryID is the atom:id of the event with the given id: a tag URI, so
// the id is permanent whatever host serves the feed.
func AtomEntryID(id string) string { return "tag:kouryu,2026:event:" + id }

// Atom writes items as an Atom 1.0 feed in the order given. An entry's id is
// AtomEntryID, published when the event was first seen, updated when it last
// changed; summary is the plain-text description and content its HTML form.
// The feed's id is its SelfURL (or Link). An error is the writer's.
func Atom(w io.Writer, m Meta, items []Item) error {
	updated := m.Updated
	feedID := oneLine(m.SelfURL)
	if feedID == "" {
		feedID = oneLine(m.Link)
	}
	if feedID == "" {
		feedID = "tag:kouryu,2026:feed"
	}
	f := atomFeed{
		Lang:    "ja",
		ID:      feedID,
		Title:   oneLine(m.Title),
		Sub:     oneLine(m.Description),
		Author:  atomAuthor{Name: "kouryu"},
		Gen:     "kouryu",
		Entries: make([]atomEntry, 0, len(items)),
	}
	if m.Link != "" {
		f.Links = append(f.Links, atomLink{Href: oneLine(m.Link), Rel: "alternate", Type: "text/html"})
	}
	if m.SelfURL != "" {
		f.Links = append(f.Links, atomLink{Href: oneLine(m.SelfURL), Rel: "self", Type: "application/atom+xml"})
	}
	for _, it := range items {
		e := it.Event
		u := it.updated()
		if updated.IsZero() || u.After(updated) && m.Updated.IsZero() {
			updated = u
		}
		ae := atomEntry{
			ID:      AtomEntryID(oneLine(e.ID)),
			Title:   atomText{Type: "text", Value: Title(e)},
			Updated: atomTime(u),
			Summary: atomText{Type: "text", Value: it.description()},
			Content: atomText{Type: "html", Value: htmlDescription(it.fields())},
		}
		if !it.Published.IsZero() {
			ae.Published = atomTime(it.Published)
		}
		if e.URL != "" {
			ae.Links = []atomLink{{Href: oneLine(e.URL), Rel: "alternate", Type: "text/html"}}
		}
		if j := e.Label.Japanese(); j != "" {
			ae.Category = &atomCategory{Term: string(e.Label), Label: j}
		}
		f.Entries = append(f.Entries, ae)
	}
	f.Updated = atomTime(updated)
	return writeXML(w, f)
}

func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}
