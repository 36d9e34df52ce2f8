package site

import (
	"encoding/json"

	ui "github.com/ladder-explorer/ladder/app"
)

type manifestIcon struct {
	Src     string `json:"src"`
	Type    string `json:"type"`
	Sizes   string `json:"sizes"`
	Purpose string `json:"purpose,omitempty"`
}

// manifest is the web app manifest. go-app writes one too, but without a
// maskable icon or an id.
func manifest(o *Options) []byte {
	m := struct {
		ID              string         `json:"id"`
		Name            string         `json:"name"`
		ShortName       string         `json:"short_name"`
		Description     string         `json:"description"`
		Lang            string         `json:"lang"`
		StartURL        string         `json:"start_url"`
		Scope           string         `json:"scope"`
		Display         string         `json:"display"`
		BackgroundColor string         `json:"background_color"`
		ThemeColor      string         `json:"theme_color"`
		Icons           []manifestIcon `json:"icons"`
	}{
		ID:              o.path("/"),
		Name:            ui.Name,
		ShortName:       "Ladders",
		Description:     description,
		Lang:            "en",
		StartURL:        o.path("/"),
		Scope:           o.path("/"),
		Display:         "standalone",
		BackgroundColor: backgroundColor,
		ThemeColor:      themeColor,
		Icons: []manifestIcon{
			{Src: o.path(icons.SVG), Type: "image/svg+xml", Sizes: "any"},
			{Src: o.path(icons.Default), Type: "image/png", Sizes: "192x192"},
			{Src: o.path(icons.Large), Type: "image/png", Sizes: "512x512"},
			{Src: o.path(maskableIcon), Type: "image/png", Sizes: "512x512", Purpose: "maskable"},
		},
	}
	b, _ := json.MarshalIndent(m, "", "  ") // plain strings always encode
	return append(b, '\n')
}
