package crawler

import (
	_ "embed"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/cascadia"
	"go.yaml.in/yaml/v3"

	"kouryu/crawler/area"
	"kouryu/internal/event"
)

// Kind says how a source is read (html and auto in htmlcrawl.go, the others
// in kinds.go).
type Kind string

// The kinds of source.
const (
	KindHTML       Kind = "html"
	KindAuto       Kind = "auto"
	KindJSONLD     Kind = "jsonld"
	KindICal       Kind = "ical"
	KindRSS        Kind = "rss"
	KindConnpass   Kind = "connpass"
	KindDoorkeeper Kind = "doorkeeper"
)

var kinds = []Kind{KindHTML, KindAuto, KindJSONLD, KindICal, KindRSS, KindConnpass, KindDoorkeeper}

// The field names a list or detail selector may fill.
const (
	FieldTitle       = "title"
	FieldDate        = "date"
	FieldTime        = "time"
	FieldVenue       = "venue"
	FieldAddress     = "address"
	FieldOrganizer   = "organizer"
	FieldFee         = "fee"
	FieldDescription = "description"
	FieldStatus      = "status"
)

// FieldNames lists the fields a source's selectors may fill, in a fixed order.
var FieldNames = []string{FieldTitle, FieldDate, FieldTime, FieldVenue, FieldAddress,
	FieldOrganizer, FieldFee, FieldDescription, FieldStatus}

// Defaults applied by ParseSources (and by Crawl to a Source built in Go)
// when a key is absent or zero.
const (
	DefaultDelay    = time.Second
	DefaultMaxPages = 100
	DefaultEvery    = 6 * time.Hour
)

// Source is one entry of sources.yaml: where a site's events are and how to
// read them. A Source is data; adding a site with plain HTML lists needs no Go.
type Source struct {
	ID             string
	Name           string
	Kind           Kind
	StartURLs      []string
	AllowedDomains []string // host names without port; default: the hosts of StartURLs
	Area           string   // area of an event whose page names none
	Every          time.Duration
	Delay          time.Duration // between requests to one host
	MaxPages       int           // list + detail pages per crawl
	// Nationwide marks a source that lists events all over Japan (an iCal
	// feed of a national group, say): events held in Osaka prefecture or
	// online are kept, those held elsewhere dropped, those that name no
	// place kept and flagged (session.admit). Kinds connpass and doorkeeper
	// are always read so.
	Nationwide bool
	List       ListSpec
	Detail     DetailSpec
}

// ListSpec says how to read a list page: Item selects one element per event;
// Link, Next and Fields are read relative to it (Next relative to the page).
// Each is a goquery selector, optionally suffixed with @attr to read an
// attribute instead of the text; an empty selector before @ is the element itself.
//
// Until makes an event's block more than the element Item matches: that
// element and its next siblings up to the first that Until (or Item)
// matches — a <dt> and its <dd>s (until: dt), a heading and the paragraphs
// under it (until: "h2, h3"). Link and Fields are then read in every
// element of the block, the elements themselves included.
//
// YearFrom names a query parameter of the list page's URL whose value starts
// with the year (ym=202612, year=2026): list dates written without a year
// (12月3日, or 3日 in a month table) take that year and month, not a guess
// from the fetch time. Kind auto finds such a parameter by itself.
type ListSpec struct {
	Item     string
	Link     string
	Next     string
	Until    string
	Fields   map[string]string
	YearFrom string
}

// DetailSpec says which fields to read from an event's own page. They win
// over the list's fields.
type DetailSpec struct {
	Fields map[string]string
}

// SourcesError is returned for a sources file that is refused. Faults names
// every fault found, each with its source and key.
type SourcesError struct {
	Faults []string
}

func (e *SourcesError) Error() string {
	return "invalid sources: " + strings.Join(e.Faults, "; ")
}

//go:embed sources.yaml
var defaultSourcesYAML []byte

// DefaultSources returns the embedded list of real Osaka sources. It panics if
// the embedded file is invalid, which the package's tests rule out.
func DefaultSources() []Source {
	srcs, err := ParseSources(defaultSourcesYAML)
	if err != nil {
		panic(fmt.Sprintf("crawler: embedded sources.yaml: %v", err))
	}
	return srcs
}

// LoadSources reads and parses the sources file at path.
func LoadSources(path string) ([]Source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read sources %q: %w", path, err)
	}
	srcs, err := ParseSources(data)
	if err != nil {
		return nil, fmt.Errorf("parse sources %q: %w", path, err)
	}
	return srcs, nil
}

// ParseSources parses a sources file (the format README.md describes) and applies
// the defaults. A bad file is refused as a whole: the error is a
// *SourcesError naming every fault, unknown keys included, by source id and key.
func ParseSources(data []byte) ([]Source, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &SourcesError{Faults: []string{fmt.Sprintf("not YAML: %v", err)}}
	}
	p := &sourceParser{}
	srcs := p.file(&doc)
	seen := map[string]bool{}
	for i := range srcs {
		s := &srcs[i]
		s.applyDefaults()
		for _, f := range s.faults() {
			p.faults = append(p.faults, s.label(i)+": "+f)
		}
		if s.ID != "" {
			if seen[s.ID] {
				p.faults = append(p.faults, fmt.Sprintf("%s: id: duplicate id", s.label(i)))
			}
			seen[s.ID] = true
		}
	}
	if len(p.faults) > 0 {
		return nil, &SourcesError{Faults: p.faults}
	}
	return srcs, nil
}

// Validate reports every fault of s, as ParseSources would, after the
// defaults are applied to a copy.
func (s Source) Validate() error {
	s.applyDefaults()
	if f := s.faults(); len(f) > 0 {
		for i := range f {
			f[i] = s.label(0) + ": " + f[i]
		}
		return &SourcesError{Faults: f}
	}
	return nil
}

func (s *Source) label(i int) string {
	if s.ID != "" {
		return fmt.Sprintf("source %q", s.ID)
	}
	return fmt.Sprintf("source #%d", i+1)
}

func (s *Source) applyDefaults() {
	if len(s.AllowedDomains) == 0 {
		for _, raw := range s.StartURLs {
			if u, err := url.Parse(raw); err == nil && u.Hostname() != "" {
				h := strings.ToLower(u.Hostname())
				if !slices.Contains(s.AllowedDomains, h) {
					s.AllowedDomains = append(s.AllowedDomains, h)
				}
			}
		}
	}
	if s.Delay == 0 {
		s.Delay = DefaultDelay
	}
	if s.MaxPages == 0 {
		s.MaxPages = DefaultMaxPages
	}
	if s.Every == 0 {
		s.Every = DefaultEvery
	}
}

var paramPattern = regexp.MustCompile(`^[A-Za-z0-9_.\[\]-]+$`)

var hostPattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$`)

// faults lists what is wrong with s, each prefixed by the key at fault.
func (s *Source) faults() []string {
	var f []string
	add := func(key, format string, args ...any) {
		f = append(f, key+": "+fmt.Sprintf(format, args...))
	}
	switch {
	case s.ID == "":
		add("id", "missing")
	case !event.ValidSourceID(s.ID):
		add("id", "%q is not [a-z0-9-]+", s.ID)
	}
	if strings.TrimSpace(s.Name) == "" {
		add("name", "missing")
	}
	switch {
	case s.Kind == "":
		add("kind", "missing (one of %v)", kinds)
	case !slices.Contains(kinds, s.Kind):
		add("kind", "unknown kind %q (one of %v)", s.Kind, kinds)
	}
	if len(s.StartURLs) == 0 {
		add("start_urls", "missing")
	}
	if s.Area != "" && !area.Valid(s.Area) {
		add("area", "%q is not an area of 大阪府 as the feeds write it (大阪市, 大阪市北区, 堺市, 堺市堺区, %s)", s.Area, area.Online)
	}
	for _, d := range s.AllowedDomains {
		if !hostPattern.MatchString(d) {
			add("allowed_domains", "%q is not a lower-case host name", d)
		}
	}
	for _, raw := range s.StartURLs {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.User != nil {
			add("start_urls", "%q is not an absolute http(s) URL", raw)
			continue
		}
		if !slices.Contains(s.AllowedDomains, strings.ToLower(u.Hostname())) {
			add("start_urls", "host of %q is not in allowed_domains %v", raw, s.AllowedDomains)
		}
	}
	if s.Every < time.Minute {
		add("every", "%v is less than 1m", s.Every)
	}
	if s.Delay < 0 || s.Delay > 5*time.Minute {
		add("delay", "%v is not between 0 and 5m", s.Delay)
	}
	if s.MaxPages < 1 || s.MaxPages > 10000 {
		add("max_pages", "%d is not between 1 and 10000", s.MaxPages)
	}
	checkSel := func(key, sel string) {
		if _, _, err := parseSelector(sel); err != nil {
			add(key, "%v", err)
		}
	}
	checkFields := func(key string, fields map[string]string) {
		for _, name := range sortedKeys(fields) {
			if !slices.Contains(FieldNames, name) {
				add(key+"."+name, "unknown field (one of %v)", FieldNames)
				continue
			}
			checkSel(key+"."+name, fields[name])
		}
	}
	if s.List.Item != "" {
		checkSel("list.item", s.List.Item)
	}
	if s.List.Link != "" {
		checkSel("list.link", s.List.Link)
	}
	if s.List.Next != "" {
		checkSel("list.next", s.List.Next)
	}
	if s.List.Until != "" {
		if sel, _, err := parseSelector(s.List.Until); err != nil {
			add("list.until", "%v", err)
		} else if sel.css == nil || sel.attr != "" {
			add("list.until", "%q: want a CSS selector without @attr", s.List.Until)
		}
		if s.List.Item == "" {
			add("list.until", "given but list.item is empty: no block to extend")
		}
	}
	if s.List.YearFrom != "" && !paramPattern.MatchString(s.List.YearFrom) {
		add("list.year_from", "%q is not a query parameter name", s.List.YearFrom)
	}
	switch s.Kind {
	case KindICal, KindRSS, KindConnpass, KindDoorkeeper:
		if s.List.Item != "" || s.List.Link != "" || s.List.Next != "" || s.List.Until != "" || len(s.List.Fields) > 0 || len(s.Detail.Fields) > 0 {
			add("list", "kind %s reads a feed or an API: no selectors", s.Kind)
		}
	}
	checkFields("list.fields", s.List.Fields)
	checkFields("detail.fields", s.Detail.Fields)
	if s.Kind == KindHTML {
		if s.List.Item == "" {
			add("list.item", "missing: kind html needs one element per event")
		}
		if len(s.Detail.Fields) > 0 && s.List.Link == "" {
			add("detail.fields", "given but list.link is empty: no event page to read them from")
		}
		for _, need := range []string{FieldTitle, FieldDate} {
			_, inList := s.List.Fields[need]
			_, inDetail := s.Detail.Fields[need]
			if !inList && !(inDetail && s.List.Link != "") {
				add("list.fields."+need, "missing: kind html needs a %s from the list or the event page", need)
			}
		}
	}
	return f
}

// selector is a parsed field selector: a CSS selector (empty: the context
// element itself) and, after @, an attribute to read instead of the text.
type selector struct {
	css  cascadia.Selector // nil: the context element
	attr string
}

var attrSuffix = regexp.MustCompile(`^(.*?)@([A-Za-z_:][-A-Za-z0-9_:.]*)$`)

// compiled keeps the selectors parsed so far: the same few selectors are read
// on every page of a crawl, and compiling one costs more than matching it.
// It is bounded; past the bound a selector is compiled on each use.
var compiled = struct {
	sync.Mutex
	m map[string]compiledSelector
}{m: map[string]compiledSelector{}}

type compiledSelector struct {
	sel     selector
	cssText string
	err     error
}

const maxCompiled = 4096

// parseSelector parses a field selector: CSS, optionally followed by @attr.
func parseSelector(s string) (selector, string, error) {
	compiled.Lock()
	c, ok := compiled.m[s]
	compiled.Unlock()
	if ok {
		return c.sel, c.cssText, c.err
	}
	sel, cssText, err := compileSelector(s)
	compiled.Lock()
	if len(compiled.m) < maxCompiled {
		compiled.m[s] = compiledSelector{sel, cssText, err}
	}
	compiled.Unlock()
	return sel, cssText, err
}

func compileSelector(s string) (selector, string, error) {
	raw := strings.TrimSpace(s)
	if raw == "" {
		return selector{}, "", errors.New("empty selector")
	}
	var out selector
	cssText := raw
	if m := attrSuffix.FindStringSubmatch(raw); m != nil {
		cssText, out.attr = strings.TrimSpace(m[1]), strings.ToLower(m[2])
	}
	if cssText == "" {
		if out.attr == "" {
			return selector{}, "", errors.New("empty selector")
		}
		return out, cssText, nil
	}
	css, err := cascadia.Compile(cssText)
	if err != nil {
		return selector{}, "", fmt.Errorf("malformed selector %q: %v", s, err)
	}
	out.css = css
	return out, cssText, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// sourceParser walks the YAML tree by hand rather than decoding into structs
// with KnownFields: that way an unknown or mistyped key is named with the id of
// the source it sits in, and every fault is reported, not just the first.
type sourceParser struct {
	faults []string
}

func (p *sourceParser) fault(where, key, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if key != "" {
		msg = key + ": " + msg
	}
	if where != "" {
		msg = where + ": " + msg
	}
	p.faults = append(p.faults, msg)
}

func (p *sourceParser) file(doc *yaml.Node) []Source {
	if doc.Kind == 0 || len(doc.Content) == 0 {
		p.fault("", "sources", "missing: the file is empty")
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.fault("", "", "line %d: want a mapping with the key sources", root.Line)
		return nil
	}
	var list *yaml.Node
	p.mapping(root, "", "", func(key string, v *yaml.Node) bool {
		if key != "sources" {
			return false
		}
		list = v
		return true
	})
	if list == nil {
		p.fault("", "sources", "missing")
		return nil
	}
	if list.Kind != yaml.SequenceNode {
		p.fault("", "sources", "line %d: want a list of sources", list.Line)
		return nil
	}
	if len(list.Content) == 0 {
		p.fault("", "sources", "empty list")
	}
	srcs := make([]Source, 0, len(list.Content))
	for i, n := range list.Content {
		srcs = append(srcs, p.source(i, n))
	}
	return srcs
}

// mapping calls f for every key of n; f reports whether it knows the key.
// Unknown and repeated keys are faults.
func (p *sourceParser) mapping(n *yaml.Node, where, prefix string, f func(key string, v *yaml.Node) bool) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		full := prefix + key
		if seen[key] {
			p.fault(where, full, "line %d: repeated key", k.Line)
			continue
		}
		seen[key] = true
		if !f(key, v) {
			p.fault(where, full, "line %d: unknown key", k.Line)
		}
	}
}

func (p *sourceParser) source(i int, n *yaml.Node) Source {
	var s Source
	where := fmt.Sprintf("source #%d", i+1)
	if n.Kind != yaml.MappingNode {
		p.fault(where, "", "line %d: want a mapping", n.Line)
		return s
	}
	// Name the source by its id in every fault, when it has a usable one.
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Value == "id" && n.Content[j+1].Kind == yaml.ScalarNode && n.Content[j+1].Value != "" {
			where = fmt.Sprintf("source %q", n.Content[j+1].Value)
		}
	}
	p.mapping(n, where, "", func(key string, v *yaml.Node) bool {
		switch key {
		case "id":
			s.ID = p.str(where, key, v)
		case "name":
			s.Name = p.str(where, key, v)
		case "kind":
			s.Kind = Kind(p.str(where, key, v))
		case "area":
			s.Area = p.str(where, key, v)
		case "start_urls":
			s.StartURLs = p.strs(where, key, v)
		case "allowed_domains":
			s.AllowedDomains = p.strs(where, key, v)
		case "every":
			s.Every = p.duration(where, key, v)
		case "delay":
			s.Delay = p.duration(where, key, v)
		case "max_pages":
			s.MaxPages = p.int(where, key, v)
		case "nationwide":
			s.Nationwide = p.bool(where, key, v)
		case "list":
			s.List = p.list(where, v)
		case "detail":
			s.Detail = p.detail(where, v)
		default:
			return false
		}
		return true
	})
	return s
}

func (p *sourceParser) list(where string, n *yaml.Node) ListSpec {
	var l ListSpec
	if n.Kind != yaml.MappingNode {
		p.fault(where, "list", "line %d: want a mapping", n.Line)
		return l
	}
	p.mapping(n, where, "list.", func(key string, v *yaml.Node) bool {
		switch key {
		case "item":
			l.Item = p.str(where, "list.item", v)
		case "link":
			l.Link = p.str(where, "list.link", v)
		case "next":
			l.Next = p.str(where, "list.next", v)
		case "until":
			l.Until = p.str(where, "list.until", v)
		case "fields":
			l.Fields = p.fields(where, "list.fields", v)
		case "year_from":
			l.YearFrom = p.str(where, "list.year_from", v)
		default:
			return false
		}
		return true
	})
	return l
}

func (p *sourceParser) detail(where string, n *yaml.Node) DetailSpec {
	var d DetailSpec
	if n.Kind != yaml.MappingNode {
		p.fault(where, "detail", "line %d: want a mapping", n.Line)
		return d
	}
	p.mapping(n, where, "detail.", func(key string, v *yaml.Node) bool {
		if key != "fields" {
			return false
		}
		d.Fields = p.fields(where, "detail.fields", v)
		return true
	})
	return d
}

func (p *sourceParser) fields(where, key string, n *yaml.Node) map[string]string {
	if n.Kind != yaml.MappingNode {
		p.fault(where, key, "line %d: want a mapping of field: selector", n.Line)
		return nil
	}
	m := map[string]string{}
	p.mapping(n, where, key+".", func(name string, v *yaml.Node) bool {
		// Unknown field names are reported by Source.faults, with the list of
		// known ones; here every key is taken.
		m[name] = p.str(where, key+"."+name, v)
		return true
	})
	return m
}

func (p *sourceParser) str(where, key string, n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.fault(where, key, "line %d: want a string", n.Line)
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (p *sourceParser) bool(where, key string, n *yaml.Node) bool {
	switch p.str(where, key, n) {
	case "true":
		return true
	case "false", "":
		return false
	}
	p.fault(where, key, "line %d: want true or false", n.Line)
	return false
}

func (p *sourceParser) strs(where, key string, n *yaml.Node) []string {
	if n.Kind != yaml.SequenceNode {
		p.fault(where, key, "line %d: want a list of strings", n.Line)
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		if s := p.str(where, key, c); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p *sourceParser) duration(where, key string, n *yaml.Node) time.Duration {
	s := p.str(where, key, n)
	if s == "" {
		return 0
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		p.fault(where, key, "line %d: bad duration %q (e.g. 6h, 1s)", n.Line, s)
		return 0
	}
	if d <= 0 {
		p.fault(where, key, "line %d: duration %q is not positive", n.Line, s)
	}
	return d
}

func (p *sourceParser) int(where, key string, n *yaml.Node) int {
	s := p.str(where, key, n)
	if s == "" {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		p.fault(where, key, "line %d: %q is not a whole number", n.Line, s)
		return 0
	}
	if v <= 0 {
		p.fault(where, key, "line %d: %d is not positive", n.Line, v)
	}
	return v
}

// hostAllowed reports whether host (no port) is one of the source's domains.
func (s *Source) hostAllowed(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return slices.Contains(s.AllowedDomains, host)
}
