// Package page reads career-pathway pages, Markdown with YAML front matter
// as a Jekyll careers site writes them, into the ladder model.
//
// Reading is tolerant: hand-written pages drift, and the reader repairs what
// a person reading the page would repair (a heading one level off, a skill
// abbreviated at one level, a front-matter key written twice), reporting each
// repair as a warning. What it cannot repair is an error. Every diagnostic
// carries the line and column in the original file.
//
// This package is the only one that links goldmark and yaml.v3: the browser
// build uses the model alone.
package page
