// Package analytics computes analysts' reports from stored events: pure
// functions from events and settings to typed results, with no I/O. The
// first report is the relations index: cooperation and conflict per
// direction and period, and a bounded state score that flows from period
// to period, each value traceable to the events behind it.
package analytics
