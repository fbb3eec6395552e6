//! The SVG paths of the map, built from the topology's arcs: one per region, one per border
//! pair, the thin lines between regions and the coast. Pure, so that the page and the
//! pipeline's first map (`first_map`) draw the same lines.

use super::topology::{arc_index, simplify_arc, svg_path, Decoded, Point};

/// The SVG paths of the map at one level of detail.
#[derive(Debug, Default)]
pub struct Paths {
    /// One path per region.
    pub regions: Vec<String>,
    /// One path per border pair: the arcs between the two regions.
    pub pairs: Vec<String>,
    /// Every border between regions in one path (the thin lines drawn whoever holds them).
    pub region_lines: String,
    /// All coast arcs (one region on them) in one path.
    pub coast: String,
}

/// Map units of the coarse paths' tolerance: 6 km, about a pixel and a half when the whole of
/// Europe is on a wide screen. The coarse paths have a third of the points of the full ones,
/// and a year step over them paints in half the time in a software renderer.
pub const COARSE_TOLERANCE: f64 = 24.0;
/// Map units per screen pixel above which the coarse paths are drawn: their error stays
/// within two pixels.
pub const COARSE_ABOVE_UNITS_PER_PX: f64 = 12.0;

/// The arcs of the coarse paths.
pub fn coarse_arcs(decoded: &Decoded) -> Vec<Vec<Point>> {
    decoded
        .arcs
        .iter()
        .map(|a| simplify_arc(a, COARSE_TOLERANCE))
        .collect()
}

/// The paths of a topology whose arcs are `arcs` (the decoded ones or simplified ones).
pub fn paths(decoded: &Decoded, pairs: &[[usize; 2]], arcs: &[Vec<Point>]) -> Paths {
    let regions = decoded
        .topology
        .regions
        .iter()
        .map(|region| {
            let mut d = String::new();
            for ring in region.polygons.iter().flatten() {
                // Each arc starts where the one before it ended: that point is taken once.
                let mut points: Vec<Point> = Vec::new();
                for &reference in ring {
                    let (i, reversed) = arc_index(reference);
                    let Some(arc) = arcs.get(i) else { continue };
                    let skip = usize::from(!points.is_empty());
                    if reversed {
                        points.extend(arc.iter().rev().skip(skip));
                    } else {
                        points.extend(arc.iter().skip(skip));
                    }
                }
                svg_path(&points, &mut d);
                d.push('Z');
            }
            d
        })
        .collect();
    let mut pair_paths = vec![String::new(); pairs.len()];
    let mut coast = String::new();
    let mut region_lines = String::new();
    for (arc, sides) in arcs.iter().zip(&decoded.sides) {
        match sides[..] {
            [_] => svg_path(arc, &mut coast),
            [a, b] => {
                if let Ok(k) = pairs.binary_search(&[a.min(b), a.max(b)]) {
                    svg_path(arc, &mut pair_paths[k]);
                }
                svg_path(arc, &mut region_lines);
            }
            _ => {}
        }
    }
    Paths {
        regions,
        pairs: pair_paths,
        region_lines,
        coast,
    }
}
