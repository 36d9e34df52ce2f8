package ladder

// Prose is a piece of the content's text in two forms: safe HTML for display
// and plain text for search and diffs.
type Prose struct {
	// HTML is rendered Markdown in which raw HTML is escaped and links with
	// unsafe schemes are dropped: it can be inserted into a page as it is.
	HTML string `json:"html"`
	// Text is the same words without markup: paragraphs and list items are
	// separated by a newline, soft line breaks become spaces.
	Text string `json:"text"`
}

// IsEmpty reports whether the prose holds no words.
func (p Prose) IsEmpty() bool {
	return p.Text == "" && p.HTML == ""
}
