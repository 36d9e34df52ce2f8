// Package search finds the places of a framework where words appear: a
// role, a skill's definition, a level's introduction, a level's
// expectation of a skill. It folds text as readers expect a search to
// (case, diacritics, typographic quotes and dashes), reads a query's
// words, prefixes and quoted phrases, and ranks names and titles above
// body text. It is pure: the build makes the documents, the browser
// indexes and searches them.
package search
