// Package pipeline orchestrates dyad's stages: documents are segmented,
// tokenized, tagged with actors and dates, coded into events (Analyzer),
// and stored (Pipeline). It owns the concurrency: analysis runs on several
// workers, storing runs on one goroutine in input order, so the same input
// always produces the same database.
package pipeline
