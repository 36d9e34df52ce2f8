// Package web holds the explorer's web assets, which ladder build copies
// into the site's web/ folder: the stylesheet and the icon drawn in SVG.
// The PNG icons are drawn from the same shapes at build time.
package web

import "embed"

// Static is the folder of assets, as "static/<name>".
//
//go:embed static
var Static embed.FS
