// Package export writes events in the formats event-data users already
// read: dyad's own JSON Lines and CSV, the GDELT 2.0 event table, ICEWS
// event files and PLOVER-style JSON.
//
// Writers take events with their Sources filled and a Lookup for the
// documents and codebook entries they cite; they never touch the store.
package export
