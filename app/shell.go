package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// ShellPath is the app shell's page: the service worker answers an
// address with it, offline, when it has no copy of that address's page
// (it keeps none). The shell starts the app at once, and the app shows
// the page of the address from the data. It is only ever prerendered: in
// the browser the address is the page's own.
const ShellPath = "/app-shell"

// shell is the app shell: the frame, and a word while the app starts.
type shell struct {
	app.Compo
	cat *Catalog
}

func (s *shell) OnPreRender(ctx app.Context) {
	setMeta(ctx, s.cat, ShellPath, "", "")
}

func (s *shell) Render() app.UI {
	return frame(s.cat, nil, "", txt("p", attrs{"class", "loading", "role", "status"}, "Starting the app…"))
}
