//! Names on the map: each sizeable state in its largest part on screen, then the places the
//! texts speak of where there is room. A name that would overlap one placed before it is left
//! out, and a state's name too long for the state gives its short form.

use super::camera::{overlaps, Rect};
use super::topology::Region;

/// States smaller than this get no name on the map.
pub const MIN_LABELLED_KM2: f64 = 15_000.0;

/// How much wider than the state a name may run (as names commonly run over a border) before
/// its short form is taken.
const OVERRUN: f64 = 1.25;

/// A name placed on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub name: String,
    /// Map units: the middle of a state's name, or the place's dot.
    pub at: [f64; 2],
    /// Font size in screen pixels.
    pub size_px: f64,
    pub place: bool,
}

/// A state to name: its name, its area and its regions (indices into the topology's regions,
/// largest first).
#[derive(Debug, Clone, Copy)]
pub struct StateName<'a> {
    pub name: &'a str,
    pub area_km2: f64,
    pub parts: &'a [usize],
}

/// A place to name, at its dot (map units).
#[derive(Debug, Clone, Copy)]
pub struct PlaceName<'a> {
    pub name: &'a str,
    pub at: [f64; 2],
}

/// The map as it lies on screen.
#[derive(Debug, Clone, Copy)]
pub struct OnScreen {
    /// The visible map, in map units.
    pub view: Rect,
    /// Map units per screen pixel.
    pub px: f64,
    pub zoom: f64,
    /// Metres per map unit.
    pub unit_m: f64,
    /// The screen's width in pixels: names are smaller on a narrow one, so that a phone shows
    /// more than three.
    pub width_px: f64,
}

/// Roughly how wide a name is on screen, in pixels.
fn text_width_px(name: &str, size_px: f64) -> f64 {
    name.chars().count() as f64 * size_px * 0.6
}

/// A label's box in map units, `px` map units per pixel.
pub fn label_box(l: &Label, px: f64) -> Rect {
    let (w, h) = (text_width_px(&l.name, l.size_px) * px, l.size_px * px * 1.2);
    if l.place {
        // Right of the dot.
        let x = l.at[0] + 5.0 * px;
        [x, l.at[1] - h / 2.0, x + w, l.at[1] + h / 2.0]
    } else {
        [
            l.at[0] - w / 2.0,
            l.at[1] - h / 2.0,
            l.at[0] + w / 2.0,
            l.at[1] + h / 2.0,
        ]
    }
}

/// A state's name as the map prints it: whole when it fits across the state (`across_px`, the
/// side of a square of the state's area on screen), else what comes before its parenthesis
/// ("Yugoslavia (Kingdom of Serbs, Croats and Slovenes)" gives "Yugoslavia"). The legend,
/// the tooltip and the region's accessible name keep the whole name.
pub fn name_that_fits(name: &str, size_px: f64, across_px: f64) -> &str {
    if text_width_px(name, size_px) <= across_px * OVERRUN {
        return name;
    }
    match name.split_once(" (") {
        Some((short, _)) if !short.trim().is_empty() => short.trim_end(),
        _ => name,
    }
}

/// The state names and place names that fit, the states first, largest first.
pub fn fit(
    regions: &[Region],
    states: &[StateName],
    places: &[PlaceName],
    screen: OnScreen,
) -> Vec<Label> {
    let OnScreen {
        view,
        px,
        zoom,
        unit_m,
        width_px,
    } = screen;
    let narrow = (width_px / 1000.0).clamp(0.65, 1.0);
    let inside = |x: f64, y: f64| x > view[0] && x < view[2] && y > view[1] && y < view[3];
    let on_screen = |i: usize| {
        regions
            .get(i)
            .is_some_and(|r| inside(r.label[0] as f64, r.label[1] as f64))
    };
    let grow = zoom.powf(0.2) * narrow;
    let state_labels = states
        .iter()
        .filter(|s| s.area_km2 > MIN_LABELLED_KM2)
        .filter_map(|s| {
            let i = s
                .parts
                .iter()
                .copied()
                .find(|&i| on_screen(i))
                .or_else(|| s.parts.first().copied())?;
            let region = regions.get(i)?;
            // The size follows the part of the state on screen (the Netherlands' Indies do
            // not make its European label large): 9 to 22 pixels at zoom 1.
            let shown: f64 = s
                .parts
                .iter()
                .filter(|&&p| on_screen(p))
                .filter_map(|&p| regions.get(p))
                .map(|r| r.area_km2)
                .sum();
            let km2 = shown.max(region.area_km2).min(s.area_km2);
            let size = (km2.sqrt() * 0.022).clamp(9.0, 22.0) * grow;
            let across_px = km2.sqrt() * 1000.0 / unit_m / px;
            Some(Label {
                name: name_that_fits(s.name, size, across_px).to_string(),
                at: [region.label[0] as f64, region.label[1] as f64],
                size_px: size,
                place: false,
            })
        });
    let place_labels = places
        .iter()
        .filter(|p| inside(p.at[0], p.at[1]))
        .map(|p| Label {
            name: p.name.to_string(),
            at: p.at,
            size_px: 11.0 * narrow,
            place: true,
        });
    let mut placed: Vec<Rect> = Vec::new();
    state_labels
        .chain(place_labels)
        .filter(|l| {
            let b = label_box(l, px);
            let free = !placed.iter().any(|p| overlaps(b, *p));
            if free {
                placed.push(b);
            }
            free
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(id: &str, label: [i64; 2], area_km2: f64) -> Region {
        Region {
            id: id.into(),
            en: id.into(),
            local: id.into(),
            polygons: Vec::new(),
            label,
            area_km2,
        }
    }

    /// A screen of 1000 × 600 pixels, one map unit a kilometre, 4 km a pixel.
    fn screen() -> OnScreen {
        OnScreen {
            view: [0.0, 0.0, 4000.0, 2400.0],
            px: 4.0,
            zoom: 1.0,
            unit_m: 1000.0,
            width_px: 1000.0,
        }
    }

    #[test]
    fn a_long_name_gives_its_short_form_only_where_it_does_not_fit() {
        let long = "Yugoslavia (Kingdom of Serbs, Croats and Slovenes)";
        assert_eq!(name_that_fits(long, 11.0, 130.0), "Yugoslavia");
        assert_eq!(name_that_fits(long, 11.0, 400.0), long);
        // No parenthesis, no short form: the name stays as it is, however long.
        let plain = "Japanese-sponsored Chinese government";
        assert_eq!(name_that_fits(plain, 11.0, 10.0), plain);
        // A name that is all parenthesis keeps it.
        assert_eq!(name_that_fits("(unnamed)", 11.0, 1.0), "(unnamed)");
    }

    #[test]
    fn a_state_is_named_in_its_part_on_screen_in_the_form_that_fits() {
        let regions = vec![
            // Off screen, the state's largest part.
            region("far", [9000, 9000], 400_000.0),
            region("here", [2000, 1200], 250_000.0),
            region("small", [500, 500], 10_000.0),
        ];
        let parts = [0, 1];
        let states = [
            StateName {
                name: "Yugoslavia (Kingdom of Serbs, Croats and Slovenes)",
                area_km2: 650_000.0,
                parts: &parts,
            },
            StateName {
                name: "Tiny",
                area_km2: 10_000.0,
                parts: &[2],
            },
        ];
        let labels = fit(&regions, &states, &[], screen());
        assert_eq!(
            labels.len(),
            1,
            "a state under 15,000 km² is not named: {labels:?}"
        );
        assert_eq!(labels[0].name, "Yugoslavia");
        assert_eq!(labels[0].at, [2000.0, 1200.0]);
        // 250,000 km² on screen: 500 km across, 11 px type.
        assert!((labels[0].size_px - 11.0).abs() < 1e-9, "{labels:?}");

        // Zoomed in eight times (half a kilometre a pixel), the whole name fits.
        let near = OnScreen {
            view: [1500.0, 900.0, 2500.0, 1500.0],
            px: 0.5,
            zoom: 8.0,
            ..screen()
        };
        let labels = fit(&regions, &states, &[], near);
        assert_eq!(labels[0].name, states[0].name);
    }

    #[test]
    fn a_name_that_would_overlap_one_placed_before_is_left_out() {
        let regions = vec![
            region("a", [2000, 1200], 300_000.0),
            region("b", [2010, 1210], 200_000.0),
        ];
        let states = [
            StateName {
                name: "Alpha",
                area_km2: 300_000.0,
                parts: &[0],
            },
            StateName {
                name: "Beta",
                area_km2: 200_000.0,
                parts: &[1],
            },
        ];
        let places = [
            PlaceName {
                name: "Town",
                at: [2000.0, 1210.0],
            },
            PlaceName {
                name: "Village",
                at: [3000.0, 400.0],
            },
            PlaceName {
                name: "Off the map",
                at: [9000.0, 400.0],
            },
        ];
        let names: Vec<String> = fit(&regions, &states, &places, screen())
            .into_iter()
            .map(|l| l.name)
            .collect();
        assert_eq!(names, ["Alpha", "Village"]);
    }

    #[test]
    fn a_phone_prints_smaller_names() {
        let regions = vec![region("a", [2000, 1200], 250_000.0)];
        let states = [StateName {
            name: "Alpha",
            area_km2: 250_000.0,
            parts: &[0],
        }];
        let phone = OnScreen {
            width_px: 390.0,
            ..screen()
        };
        let wide = fit(&regions, &states, &[], screen());
        let small = fit(&regions, &states, &[], phone);
        assert!((small[0].size_px - wide[0].size_px * 0.65).abs() < 1e-9);
    }
}
