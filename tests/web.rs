//! Components in a real browser (headless Chromium through wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use uchronia::components::{Gesture, YearSlider};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page to mount one component into.
fn container() -> HtmlElement {
    let doc = document();
    let el: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// Moves a range input the way a browser does when the user drags its thumb.
fn drag_to(input: &HtmlInputElement, value: i32) {
    input.set_value(&value.to_string());
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

fn release(input: &HtmlInputElement) {
    input
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
}

/// Lets the reactive system run the effects of the last change.
async fn next_frame() {
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn moving_the_slider_changes_the_year_shown() {
    let root = container();
    let year = RwSignal::new(1925);
    let gestures = RwSignal::new(Vec::<Gesture>::new());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <YearSlider
                year=year
                on_change=Callback::new(move |(y, g)| {
                    year.set(y);
                    gestures.update(|v| v.push(g));
                })
            />
        }
    });
    let input: HtmlInputElement = root
        .query_selector("input[type=range]")
        .unwrap()
        .expect("the slider is a range input")
        .unchecked_into();
    let shown = || {
        root.query_selector(".year-value")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    };
    assert_eq!(input.value(), "1925");
    assert_eq!(shown(), "1925");
    assert_eq!(input.min(), "1918");
    assert_eq!(input.max(), "1941");
    let label = root.query_selector("label").unwrap().unwrap();
    assert_eq!(label.text_content().as_deref(), Some("Year"));

    drag_to(&input, 1931);
    drag_to(&input, 1933);
    release(&input);
    next_frame().await;
    assert_eq!(shown(), "1933");
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("31 December 1933"));
    assert_eq!(
        gestures.get_untracked(),
        [Gesture::Dragging, Gesture::Dragging, Gesture::Settled]
    );

    // The page can move the slider too (Back, a link): the input follows.
    year.set(1919);
    next_frame().await;
    assert_eq!(input.value(), "1919");
    assert_eq!(shown(), "1919");
}

mod picker_panel_legend {
    use super::*;
    use uchronia::components::{
        Legend, LegendEntry, PanelSubject, PassagePanel, ShownPassage, TimelineChoice,
        TimelinePicker,
    };
    use uchronia::model::date::Date;
    use uchronia::model::passages::{Kind, Passage, Period, Source};
    use web_sys::HtmlSelectElement;

    fn choices() -> Vec<TimelineChoice> {
        vec![
            TimelineChoice {
                id: "real".into(),
                name: "Real history".into(),
                summary: "As it happened".into(),
                sources: "Schlange".into(),
            },
            TimelineChoice {
                id: "red-triumph".into(),
                name: "Red Triumph".into(),
                summary: "The German revolution of 1923 wins".into(),
                sources: "BrushHikka".into(),
            },
        ]
    }

    #[wasm_bindgen_test]
    async fn the_picker_is_a_named_select_of_timeline_ids_with_a_summary() {
        let root = container();
        let value = RwSignal::new("real".to_string());
        let _m = leptos::mount::mount_to(root.clone(), move || {
            view! { <TimelinePicker choices=choices() value=value on_change=Callback::new(move |t| value.set(t)) /> }
        });
        let select: HtmlSelectElement = root
            .query_selector("select")
            .unwrap()
            .unwrap()
            .unchecked_into();
        assert_eq!(
            root.query_selector("label")
                .unwrap()
                .unwrap()
                .text_content()
                .as_deref(),
            Some("Timeline")
        );
        let ids: Vec<String> = (0..select.length())
            .filter_map(|i| select.item(i))
            .map(|o| o.get_attribute("value").unwrap_or_default())
            .collect();
        assert_eq!(ids, ["real", "red-triumph"]);
        assert!(root
            .text_content()
            .unwrap_or_default()
            .contains("As it happened"));

        select.set_value("red-triumph");
        select
            .dispatch_event(&Event::new("change").unwrap())
            .unwrap();
        next_frame().await;
        assert_eq!(value.get_untracked(), "red-triumph");
        let text = root.text_content().unwrap_or_default();
        assert!(
            text.contains("The German revolution of 1923 wins") && text.contains("BrushHikka"),
            "{text}"
        );
    }

    fn passage(id: &str, text: &str, kind: Kind) -> ShownPassage {
        ShownPassage {
            segments: Vec::new(),
            passage: Passage {
                id: id.into(),
                source: "000".into(),
                kind,
                text: text.into(),
                heading: None,
                period: Period {
                    from: Date::parse("1923-12-01").unwrap(),
                    to: Date::parse("1923-12-31").unwrap(),
                    inferred: false,
                    basis: "stated".into(),
                },
                places: vec![],
                regions: vec!["bavaria".into()],
            },
            source: Some(Source {
                id: "000".into(),
                title: "Red Triumph. Germany".into(),
                author: "BrushHikka".into(),
                published: "2019".into(),
                language: "en".into(),
                timeline: "red-triumph".into(),
            }),
            evidence: None,
        }
    }

    #[wasm_bindgen_test]
    async fn the_panel_lists_passages_as_text_and_says_when_there_are_none() {
        let root = container();
        let subject = RwSignal::new(Some(PanelSubject {
            name: "Bavaria".into(),
            summary: None,
            note: None,
        }));
        let list = RwSignal::new(vec![
            passage(
                "000-012",
                "Most of Germany was in the hands of the Trotskyists <b>then</b>.",
                Kind::Story,
            ),
            passage(
                "000-046",
                "<img src=x onerror=alert(1)> nice map",
                Kind::Commentary,
            ),
        ]);
        let read = RwSignal::new(None::<String>);
        let _m = leptos::mount::mount_to(root.clone(), move || {
            view! {
                <PassagePanel
                    subject=subject
                    passages=list
                    on_read=Callback::new(move |id| read.set(Some(id)))
                    on_close=Callback::new(move |()| subject.set(None))
                />
            }
        });
        let panel = root
            .query_selector("section[aria-label=Passages]")
            .unwrap()
            .expect("a landmark named Passages");
        let items = panel.query_selector_all("li.passage").unwrap();
        assert_eq!(items.length(), 2);
        let text = panel.text_content().unwrap_or_default();
        assert!(
            text.contains("December 1923")
                && text.contains("story")
                && text.contains("reader comment")
        );
        assert!(text.contains("Red Triumph. Germany — BrushHikka"));
        // Markup in a text is shown as text, never turned into elements.
        assert!(text.contains("<b>then</b>") && text.contains("<img src=x onerror=alert(1)>"));
        assert!(panel.query_selector("b, img").unwrap().is_none());

        let button: HtmlElement = panel
            .query_selector("button.link")
            .unwrap()
            .unwrap()
            .unchecked_into();
        button.click();
        assert_eq!(read.get_untracked().as_deref(), Some("000-012"));

        list.set(Vec::new());
        next_frame().await;
        assert!(panel
            .text_content()
            .unwrap_or_default()
            .contains("The texts of this timeline say nothing about Bavaria here."));
    }

    #[wasm_bindgen_test]
    async fn the_legend_lists_the_states_of_the_year_with_their_colours() {
        let root = container();
        let entries = RwSignal::new(vec![
            LegendEntry {
                name: "Germany".into(),
                colour: "#a3a3a3".into(),
                area_km2: 470_000.0,
            },
            LegendEntry {
                name: "Free City of Danzig".into(),
                colour: "#e8c0a8".into(),
                area_km2: 1_900.0,
            },
        ]);
        let _m =
            leptos::mount::mount_to(root.clone(), move || view! { <Legend entries=entries /> });
        let items = root.query_selector_all(".legend li").unwrap();
        assert_eq!(items.length(), 2);
        let swatch: HtmlElement = root
            .query_selector(".legend li .swatch")
            .unwrap()
            .unwrap()
            .unchecked_into();
        let background = swatch
            .style()
            .get_property_value("background")
            .unwrap_or_default();
        assert!(background.contains("163, 163, 163"), "{background}");
        entries.update(|e| e.truncate(1));
        next_frame().await;
        assert_eq!(root.query_selector_all(".legend li").unwrap().length(), 1);
        assert!(!root.text_content().unwrap_or_default().contains("Danzig"));
    }
}

#[wasm_bindgen_test]
fn a_panic_shows_a_message_that_offers_a_reload() {
    uchronia::app::report_panic("index out of bounds: <b>the len is 3</b>");
    let alert = document()
        .get_element_by_id("panic")
        .expect("the panic message is shown");
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("the atlas stopped"), "{text}");
    // The panic's text is shown as text.
    assert!(text.contains("<b>the len is 3</b>"), "{text}");
    assert!(alert.query_selector("b").unwrap().is_none());
    let link = alert.query_selector("a").unwrap().expect("a reload link");
    assert_eq!(link.text_content().as_deref(), Some("Reload the page"));
    assert_eq!(link.get_attribute("href"), window().location().href().ok());
    // A second panic does not stack a second message.
    uchronia::app::report_panic("again");
    assert_eq!(document().query_selector_all("#panic").unwrap().length(), 1);
}

mod map {
    use super::*;
    use std::sync::Arc;
    use uchronia::components::map::places::PlaceMarker;
    use uchronia::components::map::scene::{shown_states, Maps, Scene};
    use uchronia::components::MapView;
    use uchronia::data::MapData;
    use uchronia::model::atlas::Atlas;
    use uchronia::model::camera::Camera;
    use uchronia::model::map_state::TimelineMaps;
    use uchronia::model::permalink::Names;
    use uchronia::model::topology::Topology;

    /// Two squares side by side, `a` and `b`, sharing one edge; `b` changes hands in 1925.
    fn two_regions() -> MapData {
        let topology: Topology = serde_json::from_value(serde_json::json!({
            "format": "uchronia-topology", "version": 1, "projection": "EPSG:3035",
            "unit_m": 250.0, "origin": [4321000.0, 3210000.0], "width": 20, "height": 10,
            "arcs": [[10, 0, 0, 10], [10, 10, -10, 0, 0, -10, 10, 0], [10, 0, 10, 0, 0, 10, -10, 0]],
            "regions": [
                { "id": "a", "en": "Aland", "local": "Aland", "polygons": [[[0, 1]]],
                  "label": [5, 5], "area_km2": 6.0 },
                { "id": "b", "en": "Beland", "local": "Beland", "polygons": [[[2, -1]]],
                  "label": [15, 5], "area_km2": 6.0 }
            ]
        }))
        .unwrap();
        let atlas: Atlas = serde_json::from_value(serde_json::json!({ "timelines": [{
            "id": "real", "name": "Real", "summary": "",
            "states": [
                { "id": "x", "name": "Xland", "colour": "#aa0000" },
                { "id": "y", "name": "Yland", "colour": "#0000aa" }
            ],
            "records": [
                { "region": "a", "holder": "x", "status": "part", "from": "1918-11-11" },
                { "region": "b", "holder": "x", "status": "part", "from": "1918-11-11" },
                { "region": "b", "holder": "y", "status": "occupied", "of": "x", "from": "1925-01-01" }
            ]
        }]}))
        .unwrap();
        MapData::new(topology.decode().unwrap(), atlas)
    }

    /// What the map of the two regions follows: the year, the selected region, the selected
    /// place and the places a passage names (one place, `p`, lies in `a`).
    #[derive(Clone, Copy)]
    struct Moment {
        year: RwSignal<i32>,
        selected: RwSignal<Option<usize>>,
        selected_place: RwSignal<Option<String>>,
        named: RwSignal<Vec<String>>,
    }

    impl Moment {
        fn new(year: i32) -> Moment {
            Moment {
                year: RwSignal::new(year),
                selected: RwSignal::new(None),
                selected_place: RwSignal::new(None),
                named: RwSignal::new(Vec::new()),
            }
        }
    }

    /// The map of the two regions, mounted and drawn, following `moment`; the map stays on
    /// the page while the second value (its handle) lives.
    async fn map_of_two(moment: Moment) -> (HtmlElement, Box<dyn std::any::Any>) {
        let Moment {
            year: year_signal,
            selected: selected_signal,
            selected_place,
            named,
        } = moment;
        let root = container();
        let data = Arc::new(two_regions());
        let mounted = leptos::mount::mount_to(root.clone(), {
            let data = data.clone();
            move || {
                let year = Memo::new(move |_| year_signal.get());
                let maps = Memo::new({
                    let data = data.clone();
                    move |_| {
                        Maps(Arc::new(
                            TimelineMaps::new(&data.atlas(), "real", &data.region_ids()).unwrap(),
                        ))
                    }
                });
                let scene = Scene::follow(
                    data.clone(),
                    maps,
                    year,
                    Signal::derive(|| None),
                    Signal::derive(Names::default),
                );
                let states = Memo::new({
                    let data = data.clone();
                    move |_| {
                        maps.with(|m| {
                            shown_states(&data, &m.0, m.0.year(year.get()), Names::English)
                        })
                    }
                });
                view! {
                    <MapView
                        data=data.clone()
                        scene=scene
                        states=states
                        selected=selected_signal
                        places=Signal::derive(|| {
                            vec![PlaceMarker {
                                id: "p".into(),
                                name: "Port".into(),
                                at: [5.0, 5.0],
                            }]
                        })
                        selected_place=selected_place
                        named=named
                        on_select_place=Callback::new(|_| {})
                        camera=RwSignal::new(Camera::new(10.0, 5.0, 64.0))
                        home=Camera::new(10.0, 5.0, 64.0)
                        on_select=Callback::new(|_| {})
                        on_camera_settled=Callback::new(|_| {})
                    />
                }
            }
        });
        // The map draws once it has measured its size on screen.
        for _ in 0..20 {
            if root.query_selector("path.region").unwrap().is_some() {
                break;
            }
            next_frame().await;
        }
        (root, Box::new(mounted))
    }

    fn attr(root: &HtmlElement, selector: &str, name: &str) -> String {
        root.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("{selector} is on the map"))
            .get_attribute(name)
            .unwrap_or_default()
    }

    #[wasm_bindgen_test]
    async fn the_border_between_two_regions_shows_exactly_when_their_holders_differ() {
        let moment = Moment::new(1924);
        let year_signal = moment.year;
        let (root, _map) = map_of_two(moment).await;
        let attr = |selector: &str, name: &str| attr(&root, selector, name);
        let border = r#"[data-between="a b"]"#;
        let hatched = || {
            root.query_selector(r#"path.hatch[data-region="b"]"#)
                .unwrap()
                .is_some()
        };
        assert_eq!(attr(border, "display"), "none", "one holder, no border");
        assert_eq!(attr(r#"path.region[data-region="b"]"#, "fill"), "#aa0000");
        assert!(!hatched());

        year_signal.set(1925);
        next_frame().await;
        assert_eq!(attr(border, "display"), "inline", "two holders, a border");
        assert_eq!(attr(r#"path.region[data-region="b"]"#, "fill"), "#0000aa");
        assert_eq!(
            attr(r#"path.region[data-region="b"]"#, "aria-label"),
            "Beland, Yland (occupied · Xland)"
        );
        assert!(hatched(), "an occupation is hatched");
        assert_eq!(attr(r#"path.region[data-region="a"]"#, "fill"), "#aa0000");

        year_signal.set(1920);
        next_frame().await;
        assert_eq!(attr(border, "display"), "none", "back to one holder");
        assert!(!hatched());
    }
    #[wasm_bindgen_test]
    async fn the_selected_region_alone_is_marked_and_stays_marked_through_a_year_step() {
        let moment = Moment::new(1924);
        let (year_signal, selected) = (moment.year, moment.selected);
        let (root, _map) = map_of_two(moment).await;
        let marked = || {
            ["a", "b"]
                .into_iter()
                .filter(|id| {
                    let selector = format!(r#"path.region[data-region="{id}"]"#);
                    attr(&root, &selector, "class")
                        .split(' ')
                        .any(|c| c == "selected")
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(marked(), Vec::<&str>::new(), "nothing selected");
        selected.set(Some(0));
        next_frame().await;
        assert_eq!(marked(), ["a"]);
        selected.set(Some(1));
        next_frame().await;
        assert_eq!(marked(), ["b"], "the region selected before is let go");
        year_signal.set(1925);
        next_frame().await;
        assert_eq!(marked(), ["b"], "a year step keeps the selection");
        selected.set(None);
        next_frame().await;
        assert_eq!(marked(), Vec::<&str>::new());
    }

    #[wasm_bindgen_test]
    async fn a_place_is_marked_selected_and_named_only_while_it_is() {
        let moment = Moment::new(1924);
        let (root, _map) = map_of_two(moment).await;
        let classes = || {
            attr(&root, r#"circle.place[data-place="p"]"#, "class")
                .split(' ')
                .filter(|c| *c == "selected" || *c == "named")
                .map(String::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(classes(), Vec::<String>::new());
        moment.selected_place.set(Some("p".into()));
        next_frame().await;
        assert_eq!(classes(), ["selected"]);
        moment.named.set(vec!["p".into()]);
        moment.year.set(1925);
        next_frame().await;
        assert_eq!(classes(), ["selected", "named"], "a year step keeps both");
        moment.selected_place.set(Some("elsewhere".into()));
        moment.named.set(vec!["elsewhere".into()]);
        next_frame().await;
        assert_eq!(
            classes(),
            Vec::<String>::new(),
            "let go when another is chosen"
        );
    }
}
