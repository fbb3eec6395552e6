//! Pan and zoom: drag, wheel, pinch and keys move the camera; the map's size on screen is
//! measured with a `ResizeObserver` (a phone's bottom sheet resizes it without a window resize);
//! a view that settles is reported at most a few times a second. While a wheel or pinch turns,
//! the map is scaled on screen and laid out at its new scale once the gesture rests (see
//! [`Lens`]).

use crate::model::camera::Camera;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// Screen pixels a pointer may move before a press counts as a drag, not a click.
const CLICK_SLOP_PX: f64 = 3.0;
/// The shortest time between two reports of a view that keeps changing (wheel, drag).
const SETTLE_EVERY: Duration = Duration::from_millis(250);
/// How long a wheel must rest before the map is laid out at its new scale.
const LAY_OUT_AFTER: Duration = Duration::from_millis(150);

/// The view of the maps that move together (a map, and the one compared beside it): where the
/// view is (`camera`) and the camera their drawing is laid out for (`drawn`).
///
/// The two differ only while a wheel or a pinch turns. Laying the whole map out again at each
/// new scale (every path, stroke and name) costs several frames a step; so, while the gesture
/// lasts, the drawing keeps its scale and the map is moved on screen to the camera by a CSS
/// transform, which the browser composites without laying anything out. The map is laid out
/// once, when the gesture rests. The buttons and keys lay it out at once; a pan or a link does
/// when no wheel or pinch is turning (and is previewed the same way while one is).
#[derive(Clone, Copy)]
pub struct Lens {
    /// Where the view is: what the gestures move and the address records.
    pub camera: RwSignal<Camera>,
    /// The camera the drawing is laid out for: `camera`, or the one held during a gesture.
    pub drawn: Memo<Camera>,
    held: RwSignal<Option<Camera>>,
    /// The timer that lays the map out once a wheel rests.
    rest: StoredValue<Option<TimeoutHandle>>,
}

impl Lens {
    pub fn new(camera: RwSignal<Camera>) -> Lens {
        let held = RwSignal::new(None::<Camera>);
        Lens {
            camera,
            drawn: Memo::new(move |_| held.get().unwrap_or_else(|| camera.get())),
            held,
            rest: StoredValue::new(None),
        }
    }

    /// Keeps the drawing's scale while a gesture turns; laid out after `LAY_OUT_AFTER` of
    /// rest, or by [`Lens::lay_out`].
    fn hold(&self) {
        if self.held.with_untracked(Option::is_none) {
            self.held.set(Some(self.camera.get_untracked()));
        }
        if let Some(t) = self.rest.get_value() {
            t.clear();
        }
        let lens = *self;
        self.rest
            .set_value(set_timeout_with_handle(move || lens.lay_out(), LAY_OUT_AFTER).ok());
    }

    /// Lays the map out for the camera now (when a gesture ends).
    pub fn lay_out(&self) {
        if let Some(t) = self.rest.get_value() {
            t.clear();
            self.rest.set_value(None);
        }
        if self.held.with_untracked(Option::is_some) {
            self.held.set(None);
        }
    }

    /// Whether the drawing is held at another scale than the camera's.
    pub fn previewing(&self) -> bool {
        self.held.with(Option::is_some)
    }

    /// The CSS transform that moves the drawing on screen to the camera ("none" when it is
    /// laid out for it).
    pub fn transform(&self, unit_m: f64, screen: (f64, f64)) -> String {
        match self.held.get() {
            None => "none".to_string(),
            Some(held) => {
                let (k, tx, ty) = held.screen_transform_to(&self.camera.get(), unit_m, screen);
                format!("translate({tx:.2}px, {ty:.2}px) scale({k:.5})")
            }
        }
    }
}

impl From<RwSignal<Camera>> for Lens {
    fn from(camera: RwSignal<Camera>) -> Lens {
        Lens::new(camera)
    }
}

/// The state of the gestures on one map; `Copy`, so handlers can share it.
#[derive(Clone, Copy)]
pub struct PanZoom {
    pub lens: Lens,
    /// The map's size on screen in pixels.
    pub screen: RwSignal<(f64, f64)>,
    /// Whether that size has been measured: the map is drawn once it has, so that its
    /// lines and names are laid out once, at their size.
    pub measured: RwSignal<bool>,
    svg: NodeRef<leptos::svg::Svg>,
    unit_m: f64,
    home: Camera,
    on_settled: Callback<()>,
    /// Pointers down on the map: id and last position. One pans, two pinch.
    pointers: StoredValue<Vec<(i32, f64, f64)>>,
    moved: StoredValue<f64>,
    /// A report of the view is waiting for its turn.
    pending: StoredValue<bool>,
    /// The rectangle a shift-drag is drawing, in map units: two corners.
    pub boxing: RwSignal<Option<[f64; 4]>>,
    /// Whether a shift-drag draws a rectangle (picking regions) instead of panning.
    box_select: Signal<bool>,
    /// Called with a drawn rectangle, in map units: [min x, min y, max x, max y].
    on_box: Callback<[f64; 4]>,
    /// The lasso a drag is drawing, in map units: the points of its line so far.
    pub lassoing: RwSignal<Option<Vec<[f64; 2]>>>,
    /// Whether a drag draws a lasso (picking regions) instead of panning.
    pub lasso_select: Signal<bool>,
    /// Called with a drawn lasso, in map units.
    on_lasso: Callback<Vec<[f64; 2]>>,
}

/// What a shift-drag on the map does: whether it draws a rectangle now, and what to call
/// with the rectangle drawn; and whether a drag draws a lasso instead of panning, and what to
/// call with the lasso drawn.
#[derive(Clone, Copy)]
pub struct BoxSelect {
    pub enabled: Signal<bool>,
    pub on_box: Callback<[f64; 4]>,
    pub lasso: Signal<bool>,
    pub on_lasso: Callback<Vec<[f64; 2]>>,
}

/// A map's box on screen as laid out: its frame's, which the map fills (the map's own box
/// moves with the transform of a gesture's preview).
pub fn map_box(svg: &web_sys::Element) -> web_sys::DomRect {
    match svg.parent_element() {
        Some(frame) => frame.get_bounding_client_rect(),
        None => svg.get_bounding_client_rect(),
    }
}

fn box_on_screen(svg: NodeRef<leptos::svg::Svg>) -> Option<web_sys::DomRect> {
    svg.get_untracked().map(|svg| map_box(&svg))
}

/// Where the map lies on screen at an event, read once for the event's arithmetic: its box
/// as laid out now (the size the observer measures comes a frame later, after a change of the
/// page around the map), or the measured size if the map is not there.
#[derive(Clone, Copy)]
struct Frame {
    bounds: Option<(f64, f64, f64, f64)>,
    size: (f64, f64),
}

impl Frame {
    /// Offset of a client point from the map's centre, in pixels.
    fn offset(&self, x: f64, y: f64) -> (f64, f64) {
        self.bounds
            .map(|(left, top, w, h)| (x - left - w / 2.0, y - top - h / 2.0))
            .unwrap_or((0.0, 0.0))
    }
}

/// Sets up the gestures of the map drawn in `svg`; `screen` receives its size on screen.
pub fn use_pan_zoom(
    svg: NodeRef<leptos::svg::Svg>,
    lens: Lens,
    unit_m: f64,
    home: Camera,
    on_settled: Callback<()>,
    screen: RwSignal<(f64, f64)>,
    box_select: Option<BoxSelect>,
) -> PanZoom {
    let measured = RwSignal::new(false);
    let measure = move || {
        if let Some(r) = box_on_screen(svg) {
            if r.width() > 0.0 && r.height() > 0.0 {
                if screen.get_untracked() != (r.width(), r.height()) {
                    screen.set((r.width(), r.height()));
                }
                if !measured.get_untracked() {
                    measured.set(true);
                }
            }
        }
    };
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>);
    Effect::new(move |_| {
        let Some(el) = svg.get() else { return };
        measure();
        let callback = Closure::<dyn FnMut()>::new(measure);
        if let Ok(o) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            o.observe(&el);
            observer.set_value(Some((o, callback)));
        }
    });
    on_cleanup(move || {
        observer.update_value(|o| {
            if let Some((o, _)) = o.take() {
                o.disconnect();
            }
        })
    });
    PanZoom {
        lens,
        screen,
        measured,
        svg,
        unit_m,
        home,
        on_settled,
        pointers: StoredValue::new(Vec::new()),
        moved: StoredValue::new(0.0),
        pending: StoredValue::new(false),
        boxing: RwSignal::new(None),
        box_select: box_select.map_or(Signal::from(false), |b| b.enabled),
        on_box: box_select.map_or(Callback::new(|_| {}), |b| b.on_box),
        lassoing: RwSignal::new(None),
        lasso_select: box_select.map_or(Signal::from(false), |b| {
            Signal::derive(move || b.enabled.get() && b.lasso.get())
        }),
        on_lasso: box_select.map_or(Callback::new(|_| {}), |b| b.on_lasso),
    }
}

impl PanZoom {
    /// Map units per screen pixel of the drawing as laid out (see [`Lens`]).
    pub fn units_per_px(&self) -> f64 {
        self.lens
            .drawn
            .get()
            .units_per_px(self.unit_m, self.screen.get())
    }

    /// The CSS transform of the drawing (see [`Lens::transform`]).
    pub fn transform(&self) -> String {
        self.lens.transform(self.unit_m, self.screen.get())
    }

    /// Whether the last press moved the map (so its click is no selection).
    pub fn was_drag(&self) -> bool {
        self.moved.get_value() > CLICK_SLOP_PX
    }

    /// Reports the view now (a discrete step: a button, a key, a released drag).
    fn settle(&self) {
        self.on_settled.run(());
    }

    /// Reports the view soon: at most once per `SETTLE_EVERY` while it keeps changing.
    fn settle_soon(&self) {
        if self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        let (pending, on_settled) = (self.pending, self.on_settled);
        set_timeout(
            move || {
                pending.set_value(false);
                on_settled.run(());
            },
            SETTLE_EVERY,
        );
    }

    /// The map on screen now (see [`Frame`]).
    fn frame(&self) -> Frame {
        match box_on_screen(self.svg) {
            Some(r) => Frame {
                bounds: Some((r.left(), r.top(), r.width(), r.height())),
                size: (r.width(), r.height()),
            },
            None => Frame {
                bounds: None,
                size: self.screen.get_untracked(),
            },
        }
    }

    /// Map units per screen pixel of the camera (where the view is, held drawing or not) on
    /// the map as it lies on screen, for the gestures' arithmetic.
    fn camera_units_per_px(&self, frame: Frame) -> f64 {
        self.lens
            .camera
            .get_untracked()
            .units_per_px(self.unit_m, frame.size)
    }

    /// The map point under a client point, the map lying on screen as `frame`.
    fn map_point(&self, frame: Frame, x: f64, y: f64) -> (f64, f64) {
        let c = self.lens.camera.get_untracked();
        let s = self.camera_units_per_px(frame);
        let (ox, oy) = frame.offset(x, y);
        (c.cx + ox * s, c.cy + oy * s)
    }

    fn zoom_at(&self, frame: Frame, factor: f64, x: f64, y: f64) {
        let s = self.camera_units_per_px(frame);
        let at = frame.offset(x, y);
        self.lens
            .camera
            .update(|c| *c = c.zoomed_about(factor, at, s));
    }

    /// Zoom in or out by a factor about the centre, as the buttons and keys do.
    pub fn step_zoom(&self, factor: f64) {
        self.lens.camera.update(|c| *c = c.zoomed(factor));
        self.lens.lay_out();
        self.settle();
    }

    /// Back to the home view.
    pub fn reset(&self) {
        self.lens.camera.set(self.home);
        self.lens.lay_out();
        self.settle();
    }

    pub fn pointer_down(&self, ev: web_sys::PointerEvent) {
        // The pointer is captured only once it moves (below): capturing at once would send
        // the click of a plain tap to the map instead of to the region under it.
        let (id, x, y) = (
            ev.pointer_id(),
            f64::from(ev.client_x()),
            f64::from(ev.client_y()),
        );
        self.pointers.update_value(|p| {
            p.retain(|(i, _, _)| *i != id);
            p.push((id, x, y));
        });
        self.moved.set_value(0.0);
        let one = self.pointers.with_value(|p| p.len() == 1);
        if !one {
            // A second finger: the lasso gives way to a pinch.
            if self.lassoing.with_untracked(Option::is_some) {
                self.lassoing.set(None);
            }
        } else if ev.shift_key() && self.box_select.get_untracked() {
            let (mx, my) = self.map_point(self.frame(), x, y);
            self.boxing.set(Some([mx, my, mx, my]));
        } else if self.lasso_select.get_untracked() {
            let (mx, my) = self.map_point(self.frame(), x, y);
            self.lassoing.set(Some(vec![[mx, my]]));
        }
    }

    pub fn pointer_move(&self, ev: web_sys::PointerEvent) {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let mut down = self.pointers.get_value();
        let Some(k) = down.iter().position(|(id, _, _)| *id == ev.pointer_id()) else {
            return;
        };
        let (_, lx, ly) = down[k];
        let step = (x - lx).abs() + (y - ly).abs();
        let moved = self.moved.get_value();
        if moved <= CLICK_SLOP_PX && moved + step > CLICK_SLOP_PX {
            if let Some(target) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(ev.pointer_id());
            }
        }
        if self.lassoing.with_untracked(Option::is_some) {
            self.moved.set_value(moved + step);
            // A point every 3 pixels or so: enough for the line, few for the drawing.
            let frame = self.frame();
            let (mx, my) = self.map_point(frame, x, y);
            let min = 3.0 * self.camera_units_per_px(frame);
            self.lassoing.update(|l| {
                if let Some(l) = l {
                    if l.last().is_none_or(|p| (p[0] - mx).hypot(p[1] - my) >= min) {
                        l.push([mx, my]);
                    }
                }
            });
        } else if self.boxing.get_untracked().is_some() {
            self.moved.set_value(moved + step);
            let (mx, my) = self.map_point(self.frame(), x, y);
            self.boxing
                .update(|b| *b = b.map(|[x0, y0, _, _]| [x0, y0, mx, my]));
        } else if down.len() == 1 {
            self.moved.set_value(moved + step);
            let s = self.camera_units_per_px(self.frame());
            self.lens
                .camera
                .update(|c| *c = c.panned_px(x - lx, y - ly, s));
        } else if down.len() == 2 {
            let other = down[1 - k];
            let d0 = ((lx - other.1).powi(2) + (ly - other.2).powi(2)).sqrt();
            let d1 = ((x - other.1).powi(2) + (y - other.2).powi(2)).sqrt();
            if d0 > 0.0 && d1 > 0.0 {
                // The point between the fingers moves by half this finger's move: the map
                // follows it, and scales about it as the fingers spread or close.
                let (dx, dy) = ((x - lx) / 2.0, (y - ly) / 2.0);
                self.moved
                    .set_value(moved + (d1 - d0).abs() + dx.abs() + dy.abs());
                self.lens.hold();
                let frame = self.frame();
                let s = self.camera_units_per_px(frame);
                self.lens.camera.update(|c| *c = c.panned_px(dx, dy, s));
                self.zoom_at(frame, d1 / d0, (x + other.1) / 2.0, (y + other.2) / 2.0);
            }
        }
        down[k] = (ev.pointer_id(), x, y);
        self.pointers.set_value(down);
    }

    pub fn pointer_up(&self, ev: web_sys::PointerEvent) {
        self.pointers
            .update_value(|p| p.retain(|(id, _, _)| *id != ev.pointer_id()));
        if let Some(points) = self.lassoing.get_untracked() {
            self.lassoing.set(None);
            if self.was_drag() {
                self.on_lasso.run(points);
            }
            return;
        }
        if let Some([x0, y0, x1, y1]) = self.boxing.get_untracked() {
            self.boxing.set(None);
            if self.was_drag() {
                self.on_box
                    .run([x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)]);
            }
            return;
        }
        if self.pointers.with_value(Vec::is_empty) {
            // A pinch ends: laid out at its scale.
            self.lens.lay_out();
            if self.was_drag() {
                self.settle();
            }
        }
    }

    pub fn wheel(&self, ev: web_sys::WheelEvent) {
        ev.prevent_default();
        let factor = (-ev.delta_y() * 0.0015).exp();
        self.lens.hold();
        self.zoom_at(
            self.frame(),
            factor,
            f64::from(ev.client_x()),
            f64::from(ev.client_y()),
        );
        self.settle_soon();
    }

    /// Arrows pan, + and − zoom, 0 goes home.
    pub fn key(&self, ev: web_sys::KeyboardEvent) {
        let w = self.lens.camera.get_untracked().width(self.unit_m);
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-0.1 * w, 0.0),
            "ArrowRight" => (0.1 * w, 0.0),
            "ArrowUp" => (0.0, -0.1 * w),
            "ArrowDown" => (0.0, 0.1 * w),
            "+" | "=" => return self.step_zoom(1.5),
            "-" | "_" => return self.step_zoom(1.0 / 1.5),
            "0" => return self.reset(),
            _ => return,
        };
        // Arrow keys on a focused region pan the map too, instead of scrolling the page.
        ev.prevent_default();
        self.lens.camera.update(|c| {
            c.cx += dx;
            c.cy += dy;
        });
        self.lens.lay_out();
        self.settle();
    }
}
