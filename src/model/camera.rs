//! The view of the map: its centre, its zoom, the rectangle it shows, and how a pan or a zoom
//! about a point moves it. Pure math in map units (x east, y south), apart from any screen.

use super::permalink::{MAX_ZOOM, MIN_ZOOM};
use super::topology::Topology;

/// Width of the map at zoom 1, in metres: Europe from the Atlantic to the Urals.
pub const WIDTH_AT_ZOOM_1_M: f64 = 4_600_000.0;
/// Height over width of the view box.
pub const ASPECT: f64 = 0.62;

/// Where the map opens: central Europe (longitude, latitude).
pub const HOME_LON_LAT: (f64, f64) = (17.0, 51.0);

/// What is on screen: the centre in map units and the zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    pub cx: f64,
    pub cy: f64,
    pub zoom: f64,
}

/// A rectangle in map units: `[min x, min y, max x, max y]`.
pub type Rect = [f64; 4];

/// Whether two rectangles overlap.
pub fn overlaps(a: Rect, b: Rect) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

impl Camera {
    /// A camera at a point, its zoom kept within the limits a permalink accepts.
    pub fn new(cx: f64, cy: f64, zoom: f64) -> Camera {
        Camera {
            cx,
            cy,
            zoom: clamp_zoom(zoom),
        }
    }

    /// The map's opening view of `topology`: [`HOME_LON_LAT`] at zoom 1.
    pub fn home(topology: &Topology) -> Camera {
        let p = topology
            .to_map(HOME_LON_LAT.0, HOME_LON_LAT.1)
            .unwrap_or([0.0, 0.0]);
        Camera::new(p[0], p[1], 1.0)
    }

    /// The width of the view box in map units of `unit_m` metres.
    pub fn width(&self, unit_m: f64) -> f64 {
        WIDTH_AT_ZOOM_1_M / unit_m / self.zoom
    }

    /// The view box: what the map shows, `ASPECT` times as high as wide.
    pub fn view_box(&self, unit_m: f64) -> Rect {
        let w = self.width(unit_m);
        let h = w * ASPECT;
        [
            self.cx - w / 2.0,
            self.cy - h / 2.0,
            self.cx + w / 2.0,
            self.cy + h / 2.0,
        ]
    }

    /// What a screen of `(width, height)` pixels shows: the view box grown on the long side,
    /// as SVG's `xMidYMid meet` does.
    pub fn visible(&self, unit_m: f64, screen: (f64, f64)) -> Rect {
        let s = self.units_per_px(unit_m, screen);
        let (hw, hh) = (screen.0.max(1.0) * s / 2.0, screen.1.max(1.0) * s / 2.0);
        [self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh]
    }

    /// Map units per screen pixel on a screen of `(width, height)` pixels ("meet": the larger
    /// of the two ratios).
    pub fn units_per_px(&self, unit_m: f64, (pw, ph): (f64, f64)) -> f64 {
        let w = self.width(unit_m);
        (w / pw.max(1.0)).max(w * ASPECT / ph.max(1.0))
    }

    /// Moved by `(dx, dy)` screen pixels: the map follows the pointer.
    pub fn panned_px(self, dx: f64, dy: f64, units_per_px: f64) -> Camera {
        Camera {
            cx: self.cx - dx * units_per_px,
            cy: self.cy - dy * units_per_px,
            ..self
        }
    }

    /// Zoomed by `factor` about a point `(ox, oy)` pixels from the screen's centre: the map
    /// point under it stays under it (unless the zoom limits stop the zoom).
    pub fn zoomed_about(self, factor: f64, (ox, oy): (f64, f64), units_per_px: f64) -> Camera {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let zoom = clamp_zoom(self.zoom * factor);
        let after = units_per_px * self.zoom / zoom;
        let (mx, my) = (self.cx + ox * units_per_px, self.cy + oy * units_per_px);
        Camera {
            cx: mx - ox * after,
            cy: my - oy * after,
            zoom,
        }
    }

    /// Zoomed by `factor` about the centre.
    pub fn zoomed(self, factor: f64) -> Camera {
        self.zoomed_about(factor, (0.0, 0.0), 1.0)
    }

    /// How a map drawn for this camera is moved on screen to show `to` instead: scaled by
    /// `k` about the screen's centre, then shifted by `(tx, ty)` pixels. A map point that this
    /// camera shows at `q` pixels from the centre, `to` shows at `k * q + (tx, ty)`.
    pub fn screen_transform_to(
        &self,
        to: &Camera,
        unit_m: f64,
        screen: (f64, f64),
    ) -> (f64, f64, f64) {
        let (from_s, to_s) = (
            self.units_per_px(unit_m, screen),
            to.units_per_px(unit_m, screen),
        );
        (
            from_s / to_s,
            (self.cx - to.cx) / to_s,
            (self.cy - to.cy) / to_s,
        )
    }
}

/// A zoom within the limits a permalink accepts.
pub fn clamp_zoom(z: f64) -> f64 {
    if z.is_nan() {
        MIN_ZOOM
    } else {
        z.clamp(MIN_ZOOM, MAX_ZOOM)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNIT: f64 = 250.0;

    #[test]
    fn the_view_box_is_centred_and_narrows_as_the_zoom_grows() {
        let c = Camera::new(1000.0, 2000.0, 2.0);
        let b = c.view_box(UNIT);
        assert_eq!(b[2] - b[0], WIDTH_AT_ZOOM_1_M / UNIT / 2.0);
        assert!(((b[3] - b[1]) - (b[2] - b[0]) * ASPECT).abs() < 1e-9);
        assert_eq!(((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0), (1000.0, 2000.0));
    }

    #[test]
    fn zoom_stays_within_the_permalink_limits() {
        assert_eq!(Camera::new(0.0, 0.0, 0.1).zoom, MIN_ZOOM);
        assert_eq!(Camera::new(0.0, 0.0, 1e9).zoom, MAX_ZOOM);
        assert_eq!(Camera::new(0.0, 0.0, f64::NAN).zoom, MIN_ZOOM);
        let c = Camera::new(0.0, 0.0, MAX_ZOOM).zoomed(4.0);
        assert_eq!(c.zoom, MAX_ZOOM);
        assert_eq!(Camera::new(5.0, 5.0, 2.0).zoomed(f64::NAN).zoom, 2.0);
    }

    #[test]
    fn zooming_about_a_point_keeps_the_map_point_under_it() {
        let screen = (1000.0, 600.0);
        let c = Camera::new(5000.0, 4000.0, 1.5);
        let s = c.units_per_px(UNIT, screen);
        let at = (-230.0, 140.0);
        let under = (c.cx + at.0 * s, c.cy + at.1 * s);
        let z = c.zoomed_about(2.0, at, s);
        let s2 = z.units_per_px(UNIT, screen);
        let after = (z.cx + at.0 * s2, z.cy + at.1 * s2);
        assert!((under.0 - after.0).abs() < 1e-6 && (under.1 - after.1).abs() < 1e-6);
        assert_eq!(z.zoom, 3.0);
    }

    #[test]
    fn a_map_drawn_for_one_camera_is_moved_on_screen_to_show_another() {
        let screen = (1000.0, 600.0);
        let drawn = Camera::new(5000.0, 4000.0, 1.5);
        let s = drawn.units_per_px(UNIT, screen);
        let to = drawn
            .zoomed_about(1.7, (-230.0, 140.0), s)
            .panned_px(35.0, -12.0, s / 1.7);
        let (k, tx, ty) = drawn.screen_transform_to(&to, UNIT, screen);
        assert!((k - 1.7).abs() < 1e-9);
        let s_to = to.units_per_px(UNIT, screen);
        for q in [(0.0, 0.0), (-230.0, 140.0), (480.0, -290.0)] {
            // The map point shown at `q` by the drawn camera…
            let p = (drawn.cx + q.0 * s, drawn.cy + q.1 * s);
            // …is where `to` shows it once moved.
            let shown = ((p.0 - to.cx) / s_to, (p.1 - to.cy) / s_to);
            let moved = (k * q.0 + tx, k * q.1 + ty);
            assert!((shown.0 - moved.0).abs() < 1e-6 && (shown.1 - moved.1).abs() < 1e-6);
        }
        assert_eq!(
            drawn.screen_transform_to(&drawn, UNIT, screen),
            (1.0, 0.0, 0.0)
        );
    }

    #[test]
    fn a_pan_follows_the_pointer() {
        let c = Camera::new(100.0, 100.0, 1.0).panned_px(10.0, -20.0, 3.0);
        assert_eq!((c.cx, c.cy), (70.0, 160.0));
    }

    #[test]
    fn a_narrow_screen_sees_more_height_than_the_view_box() {
        let c = Camera::new(0.0, 0.0, 1.0);
        let phone = c.visible(UNIT, (390.0, 600.0));
        let b = c.view_box(UNIT);
        assert!((phone[2] - phone[0] - (b[2] - b[0])).abs() < 1e-6);
        assert!(phone[3] - phone[1] > b[3] - b[1]);
        assert!(overlaps(phone, b) && !overlaps(b, [b[2] + 1.0, 0.0, b[2] + 2.0, 1.0]));
    }
}
