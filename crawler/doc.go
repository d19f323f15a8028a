// Package crawler fetches the event pages of the sources in sources.yaml and
// hands each event it finds to a Publisher (in production: JetStream, subject
// kouryu.raw.<source>).
//
// The parts:
//
//   - sources.go: the sources file of DESIGN.md (ParseSources, LoadSources,
//     DefaultSources from the embedded sources.yaml). A bad file is refused
//     as a whole with every fault named by source id and key.
//   - crawler.go: Config, Crawler, Crawl and CrawlIncremental, the Report.
//     Each crawl has a deadline (Config.MaxCrawlTime) and its own session.
//   - session.go: the session of one crawl (budget, visited pages,
//     problems) and its fetch: every request goes through a fetch.Client
//     (package crawler/fetch: robots.txt, delays, retries, limits, the dial
//     guard and Colly), every body through fetch.Decode.
//   - htmlcrawl.go, kinds.go: the crawl of each kind.
//   - runner.go, health.go: the crawl stage, Runner (shaped like
//     classifier.Worker and publisher.Writer): the schedule of each
//     source's `every`, crawl jobs shared across processes, a lease per
//     source, its Health record, and the events published on
//     kouryu.raw.<source>.
//   - extract.go: pure extraction, a parsed page and its URL in, list items,
//     fields and events out (ExtractList, ExtractDetail, BuildEvent).
//
// Every event is Normalize()d and Validate()d before it is published; an
// unreadable date, a selector that matched nothing or a failed fetch is a
// problem in the crawl's Report, not a crash and not a guessed event.
package crawler
