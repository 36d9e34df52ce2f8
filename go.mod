module github.com/ladder-explorer/ladder

go 1.26.8

require (
	github.com/andybalholm/brotli v1.3.0
	github.com/maxence-charriere/go-app/v9 v9.8.0
	github.com/yuin/goldmark v1.8.7
	golang.org/x/image v0.48.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/google/uuid v1.3.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
