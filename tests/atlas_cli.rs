//! The `atlas` command on the committed data: who held a place in real history, the borders
//! of a year as GeoJSON, and the validator's verdict.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::collections::BTreeMap;
mod common;

use common::atlas;

fn owner(timeline: &str, year: i32, lon: f64, lat: f64) -> Value {
    let at = format!("{lon},{lat}");
    let (ok, out, err) = atlas(&[
        "owner",
        "--timeline",
        timeline,
        "--year",
        &year.to_string(),
        "--at",
        &at,
    ]);
    assert!(ok, "{err}");
    serde_json::from_str(&out).expect("owner prints JSON")
}

/// Region, holder and status of an owner answer.
fn held(v: &Value) -> (String, String, String) {
    let text = |v: &Value| v.as_str().unwrap_or("-").to_string();
    (
        text(&v["region"]["id"]),
        text(&v["holder"]["id"]),
        text(&v["status"]),
    )
}

#[test]
fn owner_answers_real_history_before_and_after_its_changes() {
    // (place, lon, lat, year, region, holder, status)
    let cases = [
        ("Vienna", 16.37, 48.21, 1930, "austria", "austria", "part"),
        ("Vienna", 16.37, 48.21, 1938, "austria", "germany", "part"),
        ("Danzig", 18.65, 54.35, 1930, "danzig", "danzig", "part"),
        ("Danzig", 18.65, 54.35, 1939, "danzig", "germany", "part"),
        (
            "Gdynia",
            18.53,
            54.52,
            1930,
            "polish-corridor",
            "poland",
            "part",
        ),
        (
            "Königsberg",
            20.51,
            54.71,
            1930,
            "east-prussia",
            "germany",
            "part",
        ),
        (
            "Vilnius", 25.28, 54.69, 1925, "vilnius", "poland", "disputed",
        ),
        (
            "Vilnius",
            25.28,
            54.69,
            1939,
            "vilnius",
            "lithuania",
            "disputed",
        ),
        (
            "Vilnius",
            25.28,
            54.69,
            1940,
            "vilnius",
            "soviet-union",
            "occupied",
        ),
        (
            "Saarbrücken",
            7.00,
            49.23,
            1930,
            "saar",
            "league-of-nations",
            "occupied",
        ),
        ("Saarbrücken", 7.00, 49.23, 1935, "saar", "germany", "part"),
        ("Klaipėda", 21.13, 55.71, 1930, "memel", "lithuania", "part"),
        ("Klaipėda", 21.13, 55.71, 1939, "memel", "germany", "part"),
        (
            "Chișinău",
            28.85,
            47.00,
            1930,
            "bessarabia",
            "romania",
            "disputed",
        ),
        (
            "Chișinău",
            28.85,
            47.00,
            1940,
            "bessarabia",
            "soviet-union",
            "part",
        ),
        (
            "Chișinău",
            28.85,
            47.00,
            1941,
            "bessarabia",
            "romania",
            "occupied",
        ),
        (
            "Katowice",
            19.02,
            50.26,
            1930,
            "upper-silesia-east",
            "poland",
            "part",
        ),
        ("Essen", 7.00, 51.45, 1923, "ruhr", "france", "occupied"),
        ("Essen", 7.00, 51.45, 1926, "ruhr", "germany", "part"),
        (
            "Strasbourg",
            7.75,
            48.58,
            1930,
            "alsace-lorraine",
            "france",
            "part",
        ),
        (
            "Strasbourg",
            7.75,
            48.58,
            1940,
            "alsace-lorraine",
            "germany",
            "occupied",
        ),
        (
            "Prague",
            14.42,
            50.09,
            1930,
            "bohemia-moravia",
            "czechoslovakia",
            "part",
        ),
        (
            "Bratislava",
            17.11,
            48.15,
            1939,
            "slovakia",
            "slovakia",
            "puppet",
        ),
        (
            "Košice",
            21.26,
            48.72,
            1938,
            "southern-slovakia",
            "hungary",
            "part",
        ),
        (
            "Lviv",
            24.03,
            49.84,
            1930,
            "eastern-galicia",
            "poland",
            "part",
        ),
        (
            "Lviv",
            24.03,
            49.84,
            1940,
            "eastern-galicia",
            "soviet-union",
            "occupied",
        ),
        (
            "Lviv",
            24.03,
            49.84,
            1941,
            "eastern-galicia",
            "germany",
            "occupied",
        ),
        ("Paris", 2.35, 48.86, 1940, "paris", "germany", "occupied"),
        ("Kazan", 49.12, 55.79, 1926, "kazan", "soviet-union", "part"),
    ];
    let mut wrong = Vec::new();
    for (place, lon, lat, year, region, holder, status) in cases {
        let v = owner("real", year, lon, lat);
        let got = held(&v);
        if got != (region.to_string(), holder.to_string(), status.to_string()) {
            wrong.push(format!(
                "{place} {year}: expected {region}/{holder}/{status}, got {got:?}"
            ));
        }
        assert_eq!(
            v["date"],
            format!("{year}-12-31"),
            "a year stands for 31 December"
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn owner_at_sea_names_no_region() {
    let v = owner("real", 1930, -20.0, 45.0);
    assert!(v["region"].is_null() && v["holder"].is_null(), "{v}");
}

#[test]
fn bad_arguments_get_a_reason_and_a_non_zero_exit() {
    for (args, reason) in [
        (
            vec![
                "owner",
                "--timeline",
                "real",
                "--year",
                "1950",
                "--at",
                "1,1",
            ],
            "--year must be a year from 1918 to 1941",
        ),
        (
            vec!["owner", "--timeline", "real", "--year", "1930", "--at", "x"],
            "--at must be LON,LAT",
        ),
        (
            vec![
                "owner",
                "--timeline",
                "narnia",
                "--year",
                "1930",
                "--at",
                "1,1",
            ],
            "no timeline 'narnia'",
        ),
        (vec!["export", "--timeline", "real"], "--year is required"),
        (vec!["frobnicate"], "no command 'frobnicate'"),
    ] {
        let (ok, _, err) = atlas(&args);
        assert!(!ok, "{args:?} should fail");
        assert!(err.contains(reason), "{args:?}: {err}");
    }
}

#[test]
fn export_parses_as_geojson_and_its_states_cover_the_regions_exactly() {
    let topology: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/geodata/build/topology.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let regions: BTreeMap<String, f64> = topology["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["area_km2"].as_f64().unwrap(),
            )
        })
        .collect();
    for year in ["1919", "1930", "1941"] {
        let (ok, out, err) = atlas(&["export", "--timeline", "real", "--year", year]);
        assert!(ok, "{err}");
        let fc = geojson::FeatureCollection::try_from(
            out.parse::<geojson::GeoJson>().expect("valid GeoJSON"),
        )
        .unwrap();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for f in &fc.features {
            let state = f
                .property("id")
                .and_then(Value::as_str)
                .unwrap()
                .to_string();
            assert_eq!(f.property("timeline").and_then(Value::as_str), Some("real"));
            assert_eq!(
                f.property("date").and_then(Value::as_str),
                Some(format!("{year}-12-31").as_str())
            );
            assert!(f
                .property("name")
                .and_then(Value::as_str)
                .is_some_and(|n| !n.is_empty()));
            let geometry = f.geometry.as_ref().expect("each state has a shape");
            let shape = geo::Geometry::<f64>::try_from(geometry.value.clone()).unwrap();
            // WGS84 longitude and latitude.
            use geo::BoundingRect;
            let bbox = shape.bounding_rect().unwrap();
            assert!(
                bbox.min().x >= -180.0
                    && bbox.max().x <= 180.0
                    && bbox.min().y >= -90.0
                    && bbox.max().y <= 90.0
            );
            for r in f.property("regions").and_then(Value::as_array).unwrap() {
                let r = r.as_str().unwrap().to_string();
                if let Some(other) = seen.insert(r.clone(), state.clone()) {
                    panic!("{year}: region {r} in both {other} and {state}");
                }
            }
        }
        let all: Vec<&String> = regions.keys().collect();
        let covered: Vec<&String> = seen.keys().collect();
        assert_eq!(
            covered, all,
            "{year}: every region belongs to exactly one state"
        );
    }
}

#[test]
fn the_committed_data_passes_the_validator() {
    let (ok, out, err) = atlas(&["validate"]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("is sound"), "{out}");
}

#[test]
fn the_alternate_timelines_show_what_their_texts_tell() {
    // (what the text says, timeline, year, lon, lat, region, holder, status)
    let cases = [
        (
            "Berlin's council takes the city, Nov 1923",
            "red-triumph",
            1923,
            13.40,
            52.52,
            "berlin",
            "german-commune",
            "part",
        ),
        (
            "Bavaria outside the Commune, Dec 1923",
            "red-triumph",
            1923,
            11.58,
            48.14,
            "bavaria",
            "bavarian-state",
            "part",
        ),
        (
            "the Rhine region occupied by France",
            "red-triumph",
            1923,
            6.95,
            50.94,
            "rhineland-north",
            "france",
            "occupied",
        ),
        (
            "the Bavarian front broken",
            "red-triumph",
            1925,
            11.58,
            48.14,
            "bavaria",
            "german-commune",
            "part",
        ),
        (
            "Prussia under Polish administration after Poznań",
            "red-triumph",
            1925,
            20.51,
            54.71,
            "east-prussia",
            "prussian-directory",
            "puppet",
        ),
        (
            "the Rhineland regained in 1930",
            "red-triumph",
            1930,
            6.95,
            50.94,
            "rhineland-north",
            "german-commune",
            "part",
        ),
        (
            "the Saar still French",
            "red-triumph",
            1930,
            7.00,
            49.23,
            "saar",
            "france",
            "occupied",
        ),
        (
            "the Iberian SSR",
            "red-triumph",
            1940,
            -3.70,
            40.40,
            "spain",
            "iberian-ssr",
            "part",
        ),
        (
            "the Polish People's Republic, Sept 1940",
            "red-triumph",
            1940,
            21.01,
            52.23,
            "central-poland",
            "polish-peoples-republic",
            "puppet",
        ),
        (
            "Paris after the siege",
            "red-triumph",
            1941,
            2.35,
            48.86,
            "paris",
            "german-commune",
            "occupied",
        ),
        (
            "the Low Countries",
            "red-triumph",
            1941,
            4.90,
            52.37,
            "netherlands",
            "german-commune",
            "occupied",
        ),
        (
            "the Iberian front at Perpignan",
            "red-triumph",
            1941,
            2.90,
            42.70,
            "roussillon",
            "france",
            "disputed",
        ),
        (
            "Austria not yet joined",
            "red-triumph",
            1941,
            16.37,
            48.21,
            "austria",
            "austria",
            "part",
        ),
        (
            "Hannover province captured, July 1920",
            "rosas-reich",
            1920,
            9.73,
            52.37,
            "hanover",
            "council-germany",
            "part",
        ),
        (
            "the Ruhr seized from the French",
            "rosas-reich",
            1920,
            7.01,
            51.46,
            "ruhr",
            "council-germany",
            "part",
        ),
        (
            "the south outside Berlin's control",
            "rosas-reich",
            1920,
            11.58,
            48.14,
            "bavaria",
            "germany",
            "disputed",
        ),
        (
            "after the text: July 1920 kept",
            "rosas-reich",
            1935,
            7.01,
            51.46,
            "ruhr",
            "council-germany",
            "part",
        ),
        (
            "a red Germany in the late 1920s",
            "strasser",
            1926,
            13.40,
            52.52,
            "berlin",
            "red-germany",
            "part",
        ),
        (
            "before the divergence, real history",
            "strasser",
            1923,
            13.40,
            52.52,
            "berlin",
            "germany",
            "part",
        ),
        (
            "after the text: no Anschluss assumed",
            "strasser",
            1939,
            16.37,
            48.21,
            "austria",
            "austria",
            "part",
        ),
    ];
    let mut wrong = Vec::new();
    for (what, timeline, year, lon, lat, region, holder, status) in cases {
        let got = held(&owner(timeline, year, lon, lat));
        if got != (region.into(), holder.into(), status.into()) {
            wrong.push(format!(
                "{timeline} {year} ({what}): expected {region}/{holder}/{status}, got {got:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn export_all_writes_every_year_of_every_timeline() {
    let out = std::env::temp_dir().join(format!("uchronia-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let (ok, stdout, err) = atlas(&["export", "--all", "--out", out.to_str().unwrap()]);
    assert!(ok, "{err}");
    let atlas: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/geodata/build/atlas.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let timelines: Vec<&str> = atlas["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    let years = uchronia::model::date::FIRST_YEAR..=uchronia::model::date::LAST_YEAR;
    let files = timelines.len() * years.clone().count();
    assert!(stdout.contains(&format!("wrote {files} files")), "{stdout}");
    for t in &timelines {
        for y in years.clone() {
            let path = out.join(t).join(format!("{y}.geojson"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{} missing", path.display()));
            let geojson::GeoJson::FeatureCollection(fc) = text.parse::<geojson::GeoJson>().unwrap()
            else {
                panic!("{} is not a FeatureCollection", path.display())
            };
            // RFC 7946: exterior rings counter-clockwise, holes clockwise.
            for f in &fc.features {
                let geo: geo::MultiPolygon<f64> =
                    f.geometry.clone().unwrap().value.try_into().unwrap();
                for p in &geo.0 {
                    use geo::Winding;
                    assert!(
                        p.exterior().is_ccw(),
                        "{}: {:?}",
                        path.display(),
                        f.properties
                    );
                    assert!(
                        p.interiors().iter().all(|h| h.is_cw()),
                        "{}",
                        path.display()
                    );
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&out);
}

/// WCAG relative luminance of a `#rrggbb` colour.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

#[test]
fn every_state_colour_keeps_dark_labels_readable() {
    // Labels are #111 with a light halo; the fill alone must already give 4.5:1.
    let label = luminance("#111111");
    let mut low = Vec::new();
    for file in std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/geodata/authored/timelines"
    ))
    .unwrap()
    {
        let t: Value =
            serde_json::from_str(&std::fs::read_to_string(file.unwrap().path()).unwrap()).unwrap();
        for s in t["states"].as_array().unwrap() {
            let colour = s["colour"].as_str().unwrap();
            let ratio = (luminance(colour) + 0.05) / (label + 0.05);
            if ratio < 4.5 {
                low.push(format!("{} {} {colour}: {ratio:.2}", t["id"], s["id"]));
            }
        }
    }
    assert!(low.is_empty(), "{}", low.join("\n"));
}

#[test]
fn a_dissolved_state_has_no_hairline_holes_along_former_borders() {
    // Germany at the end of 1938 took in Austria and the Sudetenland: their old borders
    // must not leave slivers inside it.
    let (ok, out, err) = atlas(&["export", "--timeline", "real", "--year", "1938"]);
    assert!(ok, "{err}");
    let fc =
        geojson::FeatureCollection::try_from(out.parse::<geojson::GeoJson>().unwrap()).unwrap();
    let germany = fc
        .features
        .iter()
        .find(|f| f.property("id").and_then(Value::as_str) == Some("germany"))
        .expect("Germany is on the 1938 map");
    let shape = geo::Geometry::<f64>::try_from(germany.geometry.clone().unwrap().value).unwrap();
    let geo::Geometry::MultiPolygon(m) = shape else {
        panic!("Germany with East Prussia is a MultiPolygon")
    };
    let holes: usize = m.0.iter().map(|p| p.interiors().len()).sum();
    assert_eq!(holes, 0);
    let regions: Vec<&str> = germany
        .property("regions")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        regions.contains(&"austria") && regions.contains(&"sudetenland"),
        "{regions:?}"
    );
}

#[test]
fn validate_checks_a_single_timeline_file_and_names_its_broken_records() {
    let dir = std::env::temp_dir().join(format!("uchronia-own-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = serde_json::json!({
        "id": "own-danube", "name": "Danube", "summary": "A southern German union",
        "base": "real", "diverges": "1925-01-01",
        "states": [{ "id": "danubian-federation", "name": "Danubian Federation", "colour": "#e6a57e" }],
        "records": [
            { "region": "bavaria", "holder": "danubian-federation", "status": "part",
              "from": "1925-03-01", "cite": "A. Author (1931), p. 12", "confidence": "stated" },
            { "region": "southwest-germany", "holder": "danubian-federation", "status": "part",
              "from": "1925-03-01", "confidence": "invented" }
        ]
    });
    let path = dir.join("own-danube.json");
    std::fs::write(&path, good.to_string()).unwrap();
    let (ok, out, _) = atlas(&["validate", "--timeline", path.to_str().unwrap()]);
    assert!(ok, "{out}");
    assert!(out.contains("is sound"), "{out}");

    let mut bad = good.clone();
    bad["records"][1]["region"] = "atlantis".into();
    bad["records"][0]["passages"] = serde_json::json!(["999-999"]);
    std::fs::write(&path, bad.to_string()).unwrap();
    let (ok, out, _) = atlas(&["validate", "--timeline", path.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        out.contains("records[1] (atlantis from 1925-03-01): no region 'atlantis'"),
        "{out}"
    );
    assert!(
        out.contains("cites passage '999-999', which the corpus does not have"),
        "{out}"
    );

    std::fs::write(&path, "{ not json").unwrap();
    let (ok, out, _) = atlas(&["validate", "--timeline", path.to_str().unwrap()]);
    assert!(!ok);
    assert!(out.contains("not JSON"), "{out}");

    // Put into the data's timelines, the file is part of the next build.
    let data = dir.join("geodata");
    copy_dir(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/geodata")),
        &data,
    );
    std::fs::write(
        data.join("authored/timelines/own-danube.json"),
        good.to_string(),
    )
    .unwrap();
    let d = data.to_str().unwrap();
    let (ok, out, err) = atlas(&["build", "--text-only", "--data", d]);
    assert!(ok, "{out}{err}");
    let (ok, out, err) = atlas(&["validate", "--data", d]);
    assert!(ok, "{out}{err}");
    let (ok, out, err) = atlas(&[
        "owner",
        "--timeline",
        "own-danube",
        "--date",
        "1925-03-01",
        "--at",
        "11.58,48.14",
        "--data",
        d,
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("\"danubian-federation\""), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
