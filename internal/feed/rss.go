package feed

import (
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"strings"
	"time"
)

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	AtomNS  string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Generator     string    `xml:"generator"`
	TTL           int       `xml:"ttl,omitempty"` // minutes
	Self          *atomLink `xml:"atom:link,omitempty"`
	Items         []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string       `xml:"title"`
	Link        string       `xml:"link,omitempty"`
	Description string       `xml:"description"`
	Category    *rssCategory `xml:"category,omitempty"`
	GUID        rssGUID      `xml:"guid"`
	PubDate     string       `xml:"pubDate,omitempty"`
}

type rssCategory struct {
	Domain string `xml:"domain,attr,omitempty"`
	Value  string `xml:",chardata"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

// RSS writes items as an RSS 2.0 document in the order given. Each item's
// guid is the event id (isPermaLink="false"), its pubDate when the event was
// first seen, its description HTML made from Fields. An error is the writer's.
func RSS(w io.Writer, m Meta, items []Item) error {
	doc := rssDoc{
		Version: "2.0",
		AtomNS:  "http://www.w3.org/2005/Atom",
		Channel: rssChannel{
			Title:       oneLine(m.Title),
			Link:        oneLine(m.Link),
			Description: oneLine(m.Description),
			Language:    "ja",
			Generator:   "kouryu",
			Items:       make([]rssItem, 0, len(items)),
		},
	}
	if !m.Updated.IsZero() {
		doc.Channel.LastBuildDate = m.Updated.UTC().Format(time.RFC1123Z)
	}
	if m.Refresh > 0 {
		doc.Channel.TTL = max(1, int(m.Refresh/time.Minute))
	}
	if m.SelfURL != "" {
		doc.Channel.Self = &atomLink{Href: oneLine(m.SelfURL), Rel: "self", Type: "application/rss+xml"}
	}
	for _, it := range items {
		e := it.Event
		ri := rssItem{
			Title:       Title(e),
			Link:        oneLine(e.URL),
			Description: htmlDescription(it.fields()),
			GUID:        rssGUID{IsPermaLink: "false", Value: oneLine(e.ID)},
		}
		if j := e.Label.Japanese(); j != "" {
			ri.Category = &rssCategory{Value: j}
		}
		if !it.Published.IsZero() {
			ri.PubDate = it.Published.UTC().Format(time.RFC1123Z)
		}
		doc.Channel.Items = append(doc.Channel.Items, ri)
	}
	return writeXML(w, doc)
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write feed: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write feed: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write feed: %w", err)
	}
	return nil
}

// htmlDescription renders fields as an HTML fragment, one line per field,
// the source link as a link. The fragment travels escaped inside the XML.
func htmlDescription(fields [][2]string) string {
	var b strings.Builder
	for i, kv := range fields {
		if i > 0 {
			b.WriteString("<br>\n")
		}
		b.WriteString(html.EscapeString(kv[0]))
		b.WriteString("：")
		v := html.EscapeString(kv[1])
		if (kv[0] == "詳細" || kv[0] == "申込") && (strings.HasPrefix(kv[1], "http://") || strings.HasPrefix(kv[1], "https://")) {
			v = `<a href="` + v + `">` + v + `</a>`
		}
		// 掲載: the source's id, then the listing's page.
		if name, u, ok := strings.Cut(kv[1], " "); ok && kv[0] == "掲載" && (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) {
			v = html.EscapeString(name) + ` <a href="` + html.EscapeString(u) + `">` + html.EscapeString(u) + `</a>`
		}
		b.WriteString(strings.ReplaceAll(v, "\n", "<br>\n"))
	}
	return b.String()
}
