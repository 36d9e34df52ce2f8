package site

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// The icon is web/icon.svg drawn again in pixels: a ladder on the theme
// colour, its top rung highlighted. Shapes are in units of the icon's side.
var (
	iconBackground = color.RGBA{0x1d, 0x4f, 0x4a, 0xff}
	iconLadder     = color.RGBA{0xfb, 0xfa, 0xf7, 0xff}
	iconRung       = color.RGBA{0xf2, 0xb1, 0x34, 0xff}
)

type shape struct {
	x0, y0, x1, y1 float64
	c              color.RGBA
}

var ladderShapes = []shape{
	{0.30, 0.18, 0.37, 0.84, iconLadder},
	{0.63, 0.18, 0.70, 0.84, iconLadder},
	{0.37, 0.26, 0.63, 0.33, iconRung},
	{0.37, 0.42, 0.63, 0.48, iconLadder},
	{0.37, 0.57, 0.63, 0.63, iconLadder},
	{0.37, 0.72, 0.63, 0.78, iconLadder},
}

// supersample is how many samples a pixel's side takes, for smooth edges.
const supersample = 4

// iconPNG draws the icon with the given side in pixels. A maskable icon
// fills its whole square, the ladder inside the safe zone (the middle 80%)
// that launchers never crop; the others have rounded corners.
func iconPNG(side int, maskable bool) []byte {
	img := image.NewRGBA(image.Rect(0, 0, side, side))
	n := float64(side * supersample)
	for py := 0; py < side; py++ {
		for px := 0; px < side; px++ {
			var r, g, b, a int
			for sy := 0; sy < supersample; sy++ {
				for sx := 0; sx < supersample; sx++ {
					x := (float64(px*supersample+sx) + 0.5) / n
					y := (float64(py*supersample+sy) + 0.5) / n
					c := iconAt(x, y, maskable)
					r, g, b, a = r+int(c.R), g+int(c.G), b+int(c.B), a+int(c.A)
				}
			}
			k := supersample * supersample
			img.SetRGBA(px, py, color.RGBA{uint8(r / k), uint8(g / k), uint8(b / k), uint8(a / k)})
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img) // encoding to memory cannot fail
	return buf.Bytes()
}

// iconAt is the icon's colour at (x, y), both in [0, 1).
func iconAt(x, y float64, maskable bool) color.RGBA {
	if maskable {
		// Shrink the ladder towards the centre, into the safe zone.
		x, y = 0.5+(x-0.5)/0.8, 0.5+(y-0.5)/0.8
	} else if !inRoundedSquare(x, y, 0.18) {
		return color.RGBA{}
	}
	for _, s := range ladderShapes {
		if x >= s.x0 && x < s.x1 && y >= s.y0 && y < s.y1 {
			return s.c
		}
	}
	return iconBackground
}

// inRoundedSquare reports whether (x, y) is inside the unit square with
// corners of radius r.
func inRoundedSquare(x, y, r float64) bool {
	cx := min(max(x, r), 1-r)
	cy := min(max(y, r), 1-r)
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= r*r
}
