//! Historical regions = unions of Natural Earth admin-1 units, cut by authored lines.
//!
//! Regions are made in the recipe's order and each takes only land no earlier region took,
//! so no two regions overlap; every modern country ends with a catch-all region that takes
//! the rest of it, so no land of a country in the recipe is left out.

use super::files::{Recipe, RegionRecipe};
use super::natural_earth::Admin1;
use super::{PipelineError, Result};
use geo::{BooleanOps, BoundingRect, Intersects, MultiPolygon, Polygon, Rect};
use std::collections::BTreeMap;

/// The part of the world the atlas draws, in degrees: Europe, Mediterranean Africa, the
/// Middle East and Asia (the Americas, sub-Saharan Africa and Oceania lie outside).
pub const SCOPE: [f64; 4] = [-32.0, -12.0, 180.0, 84.0];

/// A region of the recipe with its shape (longitude, latitude).
#[derive(Debug, Clone)]
pub struct Shaped {
    pub recipe: RegionRecipe,
    pub shape: MultiPolygon<f64>,
}

fn scope_rect() -> Rect<f64> {
    Rect::new((SCOPE[0], SCOPE[1]), (SCOPE[2], SCOPE[3]))
}

/// Clips a unit to the atlas's scope; `None` if nothing of it is inside.
fn in_scope(shape: &MultiPolygon<f64>) -> Option<MultiPolygon<f64>> {
    let scope = scope_rect();
    let bbox = shape.bounding_rect()?;
    let inside = |r: &Rect<f64>| {
        r.min().x >= scope.min().x
            && r.min().y >= scope.min().y
            && r.max().x <= scope.max().x
            && r.max().y <= scope.max().y
    };
    if inside(&bbox) {
        Some(shape.clone())
    } else if bbox.intersects(&scope) {
        let clipped = shape.intersection(&MultiPolygon(vec![scope.to_polygon()]));
        (!clipped.0.is_empty()).then_some(clipped)
    } else {
        None
    }
}

/// Builds every region of the recipe. `file` names the recipe in errors.
pub fn build_regions(
    admin1: &[Admin1],
    recipe: &Recipe,
    cuts: &BTreeMap<String, MultiPolygon<f64>>,
    file: &str,
) -> Result<Vec<Shaped>> {
    let mut by_country: BTreeMap<&str, Vec<(&str, MultiPolygon<f64>)>> = BTreeMap::new();
    for unit in admin1 {
        if let Some(shape) = in_scope(&unit.shape) {
            by_country
                .entry(unit.country.as_str())
                .or_default()
                .push((unit.name.as_str(), shape));
        }
    }
    let mut taken: Vec<(Rect<f64>, MultiPolygon<f64>)> = Vec::new();
    let mut out = Vec::with_capacity(recipe.regions.len());
    for (i, region) in recipe.regions.iter().enumerate() {
        let record = format!("regions[{i}] '{}'", region.id);
        let err = |reason: String| PipelineError::new(file, &record, reason);
        let mut pieces: Vec<&Polygon<f64>> = Vec::new();
        for take in &region.take {
            let units = by_country
                .get(take.country.as_str())
                .ok_or_else(|| err(format!("no country '{}' in Natural Earth", take.country)))?;
            match &take.admin1 {
                None => pieces.extend(units.iter().flat_map(|(_, s)| s.0.iter())),
                Some(names) => {
                    for name in names {
                        let before = pieces.len();
                        pieces.extend(
                            units
                                .iter()
                                .filter(|(n, _)| n == name)
                                .flat_map(|(_, s)| s.0.iter()),
                        );
                        if pieces.len() == before {
                            return Err(err(format!(
                                "no admin-1 unit '{name}' in country '{}'",
                                take.country
                            )));
                        }
                    }
                }
            }
        }
        let mut shape = geo::unary_union(pieces);
        if let Some(id) = &region.within {
            let cut = cuts.get(id).ok_or_else(|| err(format!("no cut '{id}'")))?;
            shape = shape.intersection(cut);
        }
        for id in &region.outside {
            let cut = cuts.get(id).ok_or_else(|| err(format!("no cut '{id}'")))?;
            shape = shape.difference(cut);
        }
        if let Some(bbox) = shape.bounding_rect() {
            let earlier: Vec<&MultiPolygon<f64>> = taken
                .iter()
                .filter(|(r, _)| r.intersects(&bbox))
                .map(|(_, s)| s)
                .collect();
            if !earlier.is_empty() {
                let earlier = geo::unary_union(earlier.into_iter().flat_map(|m| m.0.iter()));
                shape = shape.difference(&earlier);
            }
        }
        let bbox = shape.bounding_rect().ok_or_else(|| {
            err("ends up with no land: earlier regions or its cuts took all of it".into())
        })?;
        taken.push((bbox, shape.clone()));
        out.push(Shaped {
            recipe: region.clone(),
            shape,
        });
    }
    Ok(out)
}
