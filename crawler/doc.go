// Package crawler fetches the event pages of the sources in sources.yaml and
// hands each event it finds to a Publisher; its Runner is the crawl stage,
// which publishes them on kouryu.raw.<source>.
//
// A crawl goes: sources file → a session per crawl → pages fetched by the
// polite client (package crawler/fetch) and decoded to UTF-8 by fetch.Decode
// → extraction, a pure function from a parsed page or a feed to fields and
// events → Publisher. The files:
//
//   - sources.go: the sources file (ParseSources, LoadSources,
//     DefaultSources from the embedded sources.yaml). A bad file is refused
//     as a whole with every fault named by source id and key.
//   - crawler.go: Config, Crawler, Crawl and CrawlIncremental, the Report.
//     A crawl has a deadline (Config.MaxCrawlTime) and ends within moments
//     of its context's cancellation.
//   - session.go: one crawl's session: its fetch.Client, its budget
//     (max_pages), the pages it visited, its problems; fetchChecked is where
//     every body is fetched, decoded and accounted for.
//   - htmlcrawl.go: kinds html and auto, list pages followed one after the
//     other while workers read the event pages they list.
//   - kinds.go: the other kinds (jsonld, ical, rss, connpass, doorkeeper),
//     an event once each; jsonld.go, connpass.go and doorkeeper.go hold
//     their crawls.
//   - extract.go (ExtractList, ExtractDetail, Merge, BuildEvent), auto.go,
//     autolist.go and autodetail.go (kind auto: AutoList finds a list
//     page's events by structure and content — blocks repeated in the page
//     that read as events, dated or not; blocks that are the whole event;
//     schedule and calendar tables with the year from a caption, a heading
//     or the URL — and AutoEvent reads an event page: the event's date
//     among every date it writes, the time, the venue, the end; what auto
//     leaves out is a Refusal with its reason, refused.go; when a list page
//     has no event in its HTML, the crawl reads the feed it advertises;
//     a frameset's frames are read as list pages, and a page of links
//     without events leads to the site's schedule),
//     jsonld.go
//     (schema.org Event), ical.go (ParseICal), rssfeed.go (ParseFeed),
//     connpass.go and doorkeeper.go (ParseConnpass, ParseDoorkeeper): the
//     pure readers. Dates are read by crawler/jpdate, areas by crawler/area.
//   - suggest.go: Crawler.Suggest, behind `kouryu sources suggest URL`:
//     one fetch of a site's page, the kind it reads best as, and for kind
//     auto the list selectors inferred and checked against the page.
//   - limits.go: what an event may hold. Its text is cleaned of control and
//     bidi characters and cut to the field limits in finishEvent, the one
//     place every kind's event passes; a cut is a problem of the crawl.
//     ical.go bounds the expansion of recurring events (occurrences
//     visited, events, time) per series and per feed.
//   - place.go: where an event is held, read from its own text (address,
//     venue, the place lines of its description, its title) for its area
//     and, in notes.go, for a nationwide source's choice: keep it (Osaka
//     prefecture, online), drop it (elsewhere) or keep and flag it (no
//     place named). Report.DroppedEvents and FlaggedEvents name each.
//   - textdate.go: checkStart, a structured start (DTSTART, started_at)
//     against the dates the event's own text writes.
//   - factfields.go: what a person needs to decide whether to go (fee,
//     capacity, deadline, who may come, format, where to register), from
//     every kind: as data where a reader has it (JSON-LD, connpass's limit,
//     Doorkeeper's ticket_limit), else read by crawler/facts in
//     finishEvent from the event's text and its page's main text.
//   - state.go: what incremental crawls remember in a State shared by every
//     process (page validators, event content hashes).
//   - metrics.go: Prometheus metrics (the crawls', and the sources' health
//     read from their records at each scrape) and Config.Progress.
//   - runner.go, health.go: the crawl stage, Runner, shaped like
//     classifier.Worker and publisher.Writer: each source on its `every`,
//     crawl jobs shared by the processes through a JetStream work queue, a
//     lease per source in its Health record (bus.BucketHealth) so that no
//     two processes crawl it at once, and the history of its last crawls.
//   - drift.go: what a crawl keeps of its events (the fill rate of each
//     field, the share of dates read) and the checks that call a source
//     unhealthy: its yield or a field's fill rate well below its own
//     recent level, or crawls failing in a row.
//   - alerts.go: the Alert a webhook (internal/alert) receives when a
//     source turns unhealthy and when it recovers, once per transition
//     whichever process crawls it.
//
// Colly makes the requests, in one file, crawler/fetch/colly.go, with a
// fresh collector per crawl and every setting explicit. Much of what Colly
// offers is switched off there, and deliberately: robots.txt (Colly's
// cannot read Crawl-delay), its per-host limits (they cannot pause a host
// after a 429 nor retry a URL), its revisit check (the session keeps the
// crawl's visited pages, redirects included), its async mode (the crawl
// runs its own workers) and its charset decoding (it reads only the header;
// fetch.Decode also reads the BOM, the <meta> and the bytes, which is what
// Shift_JIS and EUC-JP sites need). Each of those is fetch.Client's;
// Colly keeps the request itself, its redirect handler and the body read.
//
// Every event is Normalize()d and Validate()d before it is published; an
// unreadable date, a selector that matched nothing or a failed fetch is a
// problem in the crawl's Report, not a crash and not a guessed event.
package crawler
