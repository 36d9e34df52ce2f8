package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// LeaveLinksOffSite keeps go-app away from the links that do not lead to a
// page of the site, so that the browser follows them as it does without the
// app. go-app answers every click on a link (window.onclick): a link to
// another site it opens with window.open, which gives that site a handle on
// this tab (window.opener) and this page's address as referrer, whatever
// the link's rel="noreferrer" says; a link with another scheme, tel: among
// them, it pushes into the history, which throws and stops the app. A
// listener on the document hears a click before the window does, and
// stops it there for such links. Call it in the browser before
// app.RunWhenOnBrowser.
func LeaveLinksOffSite() {
	doc := app.Window().Get("document")
	doc.Call("addEventListener", "click", app.FuncOf(func(_ app.Value, args []app.Value) any {
		target := args[0].Get("target")
		if !target.Truthy() || !target.Get("closest").Truthy() {
			return nil
		}
		link := target.Call("closest", "a[href]")
		if link.Truthy() && link.Get("origin").String() != doc.Get("location").Get("origin").String() {
			args[0].Call("stopPropagation")
		}
		return nil
	}))
}
