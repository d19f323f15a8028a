package cli

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"go.yaml.in/yaml/v3"

	"kouryu/crawler"
)

// suggestSource prints a sources.yaml entry for the site at rawURL: the
// kind Suggest detected and the list selectors it inferred (kind html when
// they read the same events as auto), with what it found as comments. The
// entry parses as a sources file.
func suggestSource(ctx context.Context, env *runEnv, c common, log *slog.Logger, rawURL string) error {
	cr, err := crawler.New(crawler.Config{AllowPrivate: c.allowPrivate}, log)
	if err != nil {
		return err
	}
	sg, err := cr.Suggest(ctx, rawURL)
	if err != nil {
		return &ExitError{Code: 1, Err: err}
	}
	out, err := suggestionYAML(sg)
	if err != nil {
		return err
	}
	_, err = env.stdout.Write(out)
	return err
}

// suggestionYAML writes a Suggestion as a sources file of one entry, its
// findings as comments above it.
func suggestionYAML(sg crawler.Suggestion) ([]byte, error) {
	src := sg.Source
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: printable(v)} }
	entry := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k string, v *yaml.Node) { entry.Content = append(entry.Content, str(k), v) }
	add("id", str(src.ID))
	add("name", str(src.Name))
	add("kind", str(string(src.Kind)))
	urls := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, u := range src.StartURLs {
		urls.Content = append(urls.Content, str(u))
	}
	add("start_urls", urls)
	add("every", str("6h"))
	if l := src.List; l.Item != "" || l.Link != "" || l.Next != "" || len(l.Fields) > 0 {
		list := &yaml.Node{Kind: yaml.MappingNode}
		ladd := func(k string, v *yaml.Node) { list.Content = append(list.Content, str(k), v) }
		if l.Item != "" {
			ladd("item", str(l.Item))
		}
		if l.Until != "" {
			ladd("until", str(l.Until))
		}
		if l.Link != "" {
			ladd("link", str(l.Link))
		}
		if l.Next != "" {
			ladd("next", str(l.Next))
		}
		if len(l.Fields) > 0 {
			fields := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			for _, name := range crawler.FieldNames {
				if v, ok := l.Fields[name]; ok {
					fields.Content = append(fields.Content, str(name), str(v))
				}
			}
			ladd("fields", fields)
		}
		if l.YearFrom != "" {
			ladd("year_from", str(l.YearFrom))
		}
		add("list", list)
	}
	var head strings.Builder
	fmt.Fprintf(&head, "# kouryu sources suggest %s\n", printable(strings.Join(src.StartURLs, " ")))
	fmt.Fprintf(&head, "# detected: %s\n", printable(sg.Detected))
	if sg.Items > 0 {
		fmt.Fprintf(&head, "# found on the page: %d\n", sg.Items)
	}
	for _, n := range sg.Notes {
		fmt.Fprintf(&head, "# note: %s\n", printable(n))
	}
	head.WriteString("# add the source's area (大阪市北区 …) and check it: kouryu sources check " + src.ID + " --sources FILE\n")
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("sources"), {Kind: yaml.SequenceNode, Content: []*yaml.Node{entry}}}}
	body, err := yaml.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("write suggestion: %w", err)
	}
	return append([]byte(head.String()), body...), nil
}
