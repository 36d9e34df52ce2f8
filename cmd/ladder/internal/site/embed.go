package site

import _ "embed"

// workerJS is the service worker's template; see worker.js.
//
//go:embed worker.js
var workerJS string
