//! `atlas`: builds, checks and queries the atlas's data. Native only.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command line has no meaning inside a browser; the wasm32 build compiles this binary
/// only because Cargo builds every target of the package.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::PathBuf;
    use std::process::ExitCode;
    use uchronia::model::date::{Date, FIRST_YEAR, LAST_YEAR};
    use uchronia::pipeline::{build, export, validate};

    const USAGE: &str = "\
usage:
  atlas build [--natural-earth GPKG] [--data DIR] [--out DIR]
        rebuild DIR/build/ from Natural Earth and DIR/authored/ (default DIR: geodata;
        GPKG default: $UCHRONIA_NATURAL_EARTH or target/natural-earth/world_map.gpkg,
        fetched by tests/natural-earth.sh)
  atlas build --text-only [--data DIR]
        rebuild DIR/build/atlas.json and corpus.json from DIR/authored/ and DIR/sources/
        (the timelines and the texts), keeping the committed geometry
  atlas validate [--data DIR]
  atlas validate --timeline FILE [--data DIR]
        check one timeline file (a reader's own, downloaded from the page) against the data
  atlas export --timeline T --year Y [--data DIR]
  atlas export --all --out DIR [--data DIR]
  atlas owner --timeline T (--year Y | --date YYYY-MM-DD) --at LON,LAT [--data DIR]
  atlas passages --timeline T --year Y (--at LON,LAT | --region ID | --place ID) [--data DIR]
        the passages about that region or place, nearest in date first, as JSON

Timelines: real, red-triumph, rosas-reich, strasser. A year stands for 31 December of it.";

    struct Args(Vec<String>);

    impl Args {
        fn flag(&mut self, name: &str) -> bool {
            let before = self.0.len();
            self.0.retain(|a| a != name);
            self.0.len() != before
        }

        fn value(&mut self, name: &str) -> Result<Option<String>, String> {
            let Some(i) = self.0.iter().position(|a| a == name) else {
                return Ok(None);
            };
            if i + 1 >= self.0.len() {
                return Err(format!("{name} needs a value"));
            }
            let v = self.0.remove(i + 1);
            self.0.remove(i);
            Ok(Some(v))
        }

        fn required(&mut self, name: &str) -> Result<String, String> {
            self.value(name)?
                .ok_or_else(|| format!("{name} is required"))
        }

        fn done(self) -> Result<(), String> {
            match self.0.first() {
                Some(a) => Err(format!("unexpected argument '{a}'")),
                None => Ok(()),
            }
        }
    }

    fn year(text: &str) -> Result<i32, String> {
        match text.parse::<i32>() {
            Ok(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => Ok(y),
            _ => Err(format!(
                "--year must be a year from {FIRST_YEAR} to {LAST_YEAR}, not '{text}'"
            )),
        }
    }

    fn day(text: &str) -> Result<Date, String> {
        match Date::parse(text) {
            Ok(d) if (Date::START..=Date::END).contains(&d) => Ok(d),
            Ok(_) => Err(format!(
                "--date must fall from {} to {}, not '{text}'",
                Date::START,
                Date::END
            )),
            Err(e) => Err(format!("--date must be YYYY-MM-DD: {e}")),
        }
    }

    fn lon_lat(text: &str) -> Result<(f64, f64), String> {
        let bad = || format!("--at must be LON,LAT in degrees (e.g. 16.37,48.21), not '{text}'");
        let (lon, lat) = text.split_once(',').ok_or_else(bad)?;
        let (lon, lat): (f64, f64) = (
            lon.trim().parse().map_err(|_| bad())?,
            lat.trim().parse().map_err(|_| bad())?,
        );
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return Err(bad());
        }
        Ok((lon, lat))
    }

    pub fn main() -> ExitCode {
        let mut args: Vec<String> = std::env::args().skip(1).collect();
        if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
            println!("{USAGE}");
            return if args.is_empty() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
        let command = args.remove(0);
        match run(&command, Args(args)) {
            Ok(code) => code,
            Err(message) => {
                eprintln!("atlas {command}: {message}");
                ExitCode::from(2)
            }
        }
    }

    fn run(command: &str, mut args: Args) -> Result<ExitCode, String> {
        let data = PathBuf::from(args.value("--data")?.unwrap_or_else(|| "geodata".into()));
        match command {
            "build" => {
                if args.flag("--text-only") {
                    args.done()?;
                    let (atlas, corpus, passages) =
                        build::build_text_data(&data, &data).map_err(|e| e.to_string())?;
                    println!(
                        "wrote atlas.json ({atlas} bytes), first-map.json and corpus.json ({corpus} bytes, {passages} passages) in {}",
                        data.join("build").display()
                    );
                    return Ok(ExitCode::SUCCESS);
                }
                let gpkg = args
                    .value("--natural-earth")?
                    .or_else(|| std::env::var("UCHRONIA_NATURAL_EARTH").ok())
                    .unwrap_or_else(|| "target/natural-earth/world_map.gpkg".into());
                let out = args
                    .value("--out")?
                    .map_or_else(|| data.clone(), PathBuf::from);
                args.done()?;
                let built =
                    build::build(&data, &PathBuf::from(gpkg), &out).map_err(|e| e.to_string())?;
                println!(
                    "built {} regions, {} arcs, {} points, {} passages; topology {} bytes, atlas {} bytes, corpus {} bytes, in {}",
                    built.regions,
                    built.arcs,
                    built.points,
                    built.passages,
                    built.topology_bytes,
                    built.atlas_bytes,
                    built.corpus_bytes,
                    out.join("build").display()
                );
                Ok(ExitCode::SUCCESS)
            }
            "validate" => {
                let file = args.value("--timeline")?;
                args.done()?;
                let problems = match &file {
                    Some(f) => validate::validate_timeline_file(&data, std::path::Path::new(f)),
                    None => validate::validate(&data),
                };
                for p in &problems {
                    println!("{p}");
                }
                if problems.is_empty() {
                    match &file {
                        Some(f) => println!("atlas validate: the timeline in {f} is sound"),
                        None => println!("atlas validate: the data in {} is sound", data.display()),
                    }
                    Ok(ExitCode::SUCCESS)
                } else {
                    println!("atlas validate: {} problem(s)", problems.len());
                    Ok(ExitCode::FAILURE)
                }
            }
            "export" | "owner" | "passages" => {
                let topology = build::load_topology(&data).map_err(|e| e.to_string())?;
                let decoded = topology.decode().map_err(|e| {
                    format!(
                        "{}: {e}",
                        data.join(uchronia::pipeline::files::TOPOLOGY).display()
                    )
                })?;
                let atlas = build::load_atlas(&data).map_err(|e| e.to_string())?;
                if command == "passages" {
                    let corpus = build::load_corpus(&data).map_err(|e| e.to_string())?;
                    let timeline = args.required("--timeline")?;
                    let y = year(&args.required("--year")?)?;
                    let (at, region, place) = (
                        args.value("--at")?,
                        args.value("--region")?,
                        args.value("--place")?,
                    );
                    args.done()?;
                    let region = match (at, region, place.as_ref()) {
                        (Some(at), None, None) => {
                            let (lon, lat) = lon_lat(&at)?;
                            let i = decoded
                                .topology
                                .to_map(lon, lat)
                                .and_then(|p| decoded.region_at(p))
                                .ok_or_else(|| {
                                    format!("{lon},{lat} lies in no region of the map")
                                })?;
                            Some(decoded.topology.regions[i].id.clone())
                        }
                        (None, Some(r), None) => {
                            decoded
                                .region_index(&r)
                                .ok_or_else(|| format!("no region '{r}'"))?;
                            Some(r)
                        }
                        (None, None, Some(p)) => {
                            if !corpus.places.iter().any(|x| &x.id == p) {
                                return Err(format!("no place '{p}'"));
                            }
                            None
                        }
                        _ => return Err("give exactly one of --at, --region, --place".into()),
                    };
                    let subject = match (&region, &place) {
                        (Some(r), _) => uchronia::model::passages::Subject::Region(r),
                        (None, Some(p)) => uchronia::model::passages::Subject::Place(p),
                        (None, None) => {
                            return Err("give exactly one of --at, --region, --place".into())
                        }
                    };
                    let answer = export::passages_json(&corpus, &atlas, &timeline, y, subject)
                        .map_err(|e| e.to_string())?;
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&answer).map_err(|e| e.to_string())?
                    );
                    return Ok(ExitCode::SUCCESS);
                }
                if command == "owner" {
                    let timeline = args.required("--timeline")?;
                    let date = match (args.value("--year")?, args.value("--date")?) {
                        (Some(y), None) => Date::for_year(year(&y)?),
                        (None, Some(d)) => day(&d)?,
                        _ => return Err("give exactly one of --year and --date".into()),
                    };
                    let (lon, lat) = lon_lat(&args.required("--at")?)?;
                    args.done()?;
                    let answer = export::owner_at(&decoded, &atlas, &timeline, date, lon, lat)
                        .map_err(|e| e.to_string())?;
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&answer).map_err(|e| e.to_string())?
                    );
                    return Ok(ExitCode::SUCCESS);
                }
                if args.flag("--all") {
                    let out = PathBuf::from(args.required("--out")?);
                    args.done()?;
                    let mut files = 0;
                    for t in &atlas.timelines {
                        let dir = out.join(&t.id);
                        std::fs::create_dir_all(&dir)
                            .map_err(|e| format!("{}: {e}", dir.display()))?;
                        for y in FIRST_YEAR..=LAST_YEAR {
                            let fc = export::export_year(&decoded, &atlas, &t.id, y)
                                .map_err(|e| e.to_string())?;
                            let path = dir.join(format!("{y}.geojson"));
                            std::fs::write(&path, format!("{}\n", geojson::GeoJson::from(fc)))
                                .map_err(|e| format!("{}: {e}", path.display()))?;
                            files += 1;
                        }
                    }
                    println!("wrote {files} files in {}", out.display());
                    return Ok(ExitCode::SUCCESS);
                }
                let timeline = args.required("--timeline")?;
                let y = year(&args.required("--year")?)?;
                args.done()?;
                let fc = export::export_year(&decoded, &atlas, &timeline, y)
                    .map_err(|e| e.to_string())?;
                println!("{}", geojson::GeoJson::from(fc));
                Ok(ExitCode::SUCCESS)
            }
            other => Err(format!("no command '{other}'\n{USAGE}")),
        }
    }
}
