package site

import (
	"bytes"
	"image/png"
	"testing"
)

func TestIcons(t *testing.T) {
	for _, tt := range []struct {
		side     int
		maskable bool
	}{{192, false}, {512, false}, {512, true}} {
		img, err := png.Decode(bytes.NewReader(iconPNG(tt.side, tt.maskable)))
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Dx(); got != tt.side || img.Bounds().Dy() != tt.side {
			t.Fatalf("icon is %v, want %d square", img.Bounds(), tt.side)
		}
		_, _, _, cornerAlpha := img.At(0, 0).RGBA()
		if tt.maskable != (cornerAlpha == 0xffff) {
			t.Errorf("side %d maskable %v: corner alpha %#x; a maskable icon fills its square, others round their corners",
				tt.side, tt.maskable, cornerAlpha)
		}
		// The top rung's middle is at 29.5% of the height; a maskable icon
		// shrinks the ladder to 80% around the centre.
		y := 0.295
		if tt.maskable {
			y = 0.5 + (y-0.5)*0.8
		}
		r, g, b, _ := img.At(tt.side/2, int(y*float64(tt.side))).RGBA()
		if r>>8 != 0xf2 || g>>8 != 0xb1 || b>>8 != 0x34 {
			t.Errorf("side %d maskable %v: the top rung is not where the SVG draws it", tt.side, tt.maskable)
		}
	}
}
