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
		ask = app.Div().Class("notice").ID("import-conflict").Body(
			app.P().Text("“"+name+"” is already here. Replace it with the imported one, or keep both?"),
			app.Button().Type("button").ID("import-replace").Text("Replace it").OnClick(p.resolveImport(true)),
			app.Text(" "),
			app.Button().Type("button").ID("import-keep").Text("Keep both").OnClick(p.resolveImport(false)),
		)
	}
	return app.Section().Class("io").Aria("labelledby", "io-title").Body(
		app.H2().ID("io-title").Text("Export and import"),
		app.P().Class("manager-actions").Body(
			app.Button().Type("button").ID("export-json").Disabled(a == nil).Text("Download as JSON").OnClick(p.exportJSON),
			app.Button().Type("button").ID("export-md").Disabled(a == nil).Text("Download as Markdown").OnClick(p.exportMarkdown),
		),
		app.P().Body(
			app.Label().For("import").Text("Import a JSON file "),
			app.Input().Type("file").ID("import").Accept(".json,application/json").OnChange(p.importFile),
		),
		app.If(p.ioMsg != "", app.P().Class("notice").ID("import-message").Aria("live", "polite").Text(p.ioMsg)),
		ask,
	)
}

func (p *assessPage) exportJSON(ctx app.Context, _ app.Event) {
	if a := p.find(p.current); a != nil {
		download(fileName(a, ".json"), "application/json", string(assess.Export([]ladder.Assessment{*a}, now())))
	}
}

func (p *assessPage) exportMarkdown(ctx app.Context, _ app.Event) {
	if a := p.find(p.current); a != nil {
		download(fileName(a, ".md"), "text/markdown", assess.Markdown(a, p.role))
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
		ctx.Dispatch(func(ctx app.Context) { p.imported(text) })
		then.Release()
		return nil
	})
	f.Call("text").Call("then", then)
}

// imported adds what a file holds: new assessments at once, one already
// here only when the person says so.
func (p *assessPage) imported(text string) {
	as, err := assess.Import([]byte(text), func(id string) bool { return p.cat.Framework().Role(id) != nil })
	if err != nil {
		p.ioMsg = err.Error()
		return
	}
	added := 0
	for _, a := range as {
		if p.find(a.ID) != nil {
			p.pending = append(p.pending, a)
			continue
		}
		p.store.Assessments = append(p.store.Assessments, a)
		if a.Role == p.role.ID {
			p.current = a.ID
		}
		added++
	}
	p.ioMsg = importMessage(added, len(as))
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
		a := p.pending[0]
		p.pending = p.pending[1:]
		if replace {
			*p.find(a.ID) = a
		} else {
			a.ID = newID()
			a.Name += " (imported)"
			p.store.Assessments = append(p.store.Assessments, a)
		}
		if a.Role == p.role.ID {
			p.current = a.ID
		}
		p.save()
	}
}
