package app

import (
	"strconv"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/assess"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Export and import: files the person downloads and chooses themselves.
// Nothing is uploaded anywhere: the browser writes and reads the file.

// io is the export and import controls, and what an import has to ask.
func (p *assessPage) io(a *ladder.Assessment) app.UI {
	var ask app.UI
	if len(p.pending) > 0 {
		name := p.pending[0].Name
		ask = el("div", attrs{"class", "notice", "id", "import-conflict"},
			txt("p", nil, "“"+name+"” is already here. Replace it with the imported one, or keep both?"),
			button(attrs{"id", "import-replace"}, "Replace it", p.resolveImport(true)),
			app.Text(" "),
			button(attrs{"id", "import-keep"}, "Keep both", p.resolveImport(false)),
		)
	}
	return el("section", attrs{"class", "io", "aria-labelledby", "io-title"},
		txt("h2", attrs{"id", "io-title"}, "Export and import"),
		el("p", attrs{"class", "manager-actions"},
			button(attrs{"id", "export-json", "disabled", flag(a == nil)}, "Download as JSON", p.exportJSON),
			button(attrs{"id", "export-md", "disabled", flag(a == nil)}, "Download as Markdown", p.exportMarkdown),
			button(attrs{"id", "print"}, "Print", printPage),
		),
		el("p", nil,
			txt("label", attrs{"for", "import"}, "Import a JSON file "),
			void("input", attrs{"type", "file", "id", "import", "accept", ".json,application/json"}, "change", p.importFile),
		),
		when(p.ioMsg != "", txt("p", attrs{"class", "notice", "id", "import-message", "aria-live", "polite"}, p.ioMsg)),
		ask,
	)
}

// printPage opens the browser's print dialogue: the stylesheet prints the
// placements, notes and summary without the controls.
func printPage(ctx app.Context, _ app.Event) { app.Window().Call("print") }

func (p *assessPage) exportJSON(ctx app.Context, _ app.Event) {
	if a := p.store.Find(p.current); a != nil {
		download(fileName(a, ".json"), "application/json", string(assess.Export([]ladder.Assessment{*a}, now())))
	}
}

func (p *assessPage) exportMarkdown(ctx app.Context, _ app.Event) {
	if a := p.store.Find(p.current); a != nil {
		download(fileName(a, ".md"), "text/markdown", markdown(a, p.role))
	}
}

// fileName is a download's name: the role and the assessment's date.
func fileName(a *ladder.Assessment, ext string) string {
	return "assessment-" + a.Role + "-" + assess.Day(a.Updated) + ext
}

// download has the browser save text as a file.
func download(name, mime, text string) {
	w := app.Window()
	opts := w.Get("Object").New()
	opts.Set("type", mime)
	blob := w.Get("Blob").New(w.Get("Array").New(text), opts)
	url := w.Get("URL").Call("createObjectURL", blob)
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Call("click")
	w.Get("URL").Call("revokeObjectURL", url)
}

// importFile reads the chosen file, refusing one too big before reading.
func (p *assessPage) importFile(ctx app.Context, _ app.Event) {
	input := ctx.JSSrc()
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	f := files.Index(0)
	input.Set("value", "") // the same file can be chosen again
	if f.Get("size").Int() > assess.MaxFile {
		p.ioMsg = "The file is over 1 MB: an export is at most 1 MB, so this is not one."
		return
	}
	var then app.Func
	then = app.FuncOf(func(_ app.Value, args []app.Value) any {
		text := ""
		if len(args) > 0 {
			text = args[0].String()
		}
		// The file's roles are checked against every role's outline.
		var add func(app.Context)
		add = func(ctx app.Context) {
			if p.cat.NeedOutline(ctx, add) {
				p.imported(text)
			}
		}
		ctx.Dispatch(add)
		then.Release()
		return nil
	})
	f.Call("text").Call("then", then)
}

// imported adds what a file holds: new assessments at once, one already
// here only when the person says so.
func (p *assessPage) imported(text string) {
	as, err := assess.Import([]byte(text), func(id string) bool { return p.cat.Outline().Role(id) != nil })
	if err != nil {
		p.ioMsg = importRefused(err)
		return
	}
	added, conflicts := p.store.AddImported(as)
	p.pending = append(p.pending, conflicts...)
	for _, a := range added {
		if a.Role == p.role.ID {
			p.current = a.ID
		}
	}
	p.ioMsg = importMessage(len(added), len(as))
	p.save()
}

func importMessage(added, total int) string {
	switch {
	case total == 0:
		return "The file holds no assessment."
	case added == total:
		return "Imported " + plural(added, "assessment") + "."
	}
	return "Imported " + plural(added, "assessment") + "; the others are already here: see below."
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// resolveImport answers the question about the first pending import:
// replace the assessment already here, or keep both under a new ID.
func (p *assessPage) resolveImport(replace bool) app.EventHandler {
	return func(ctx app.Context, _ app.Event) {
		if len(p.pending) == 0 {
			return
		}
		a := p.store.Settle(p.pending[0], replace, newID(), p.pending[0].Name+" (imported)")
		p.pending = p.pending[1:]
		if a.Role == p.role.ID {
			p.current = a.ID
		}
		p.save()
	}
}
