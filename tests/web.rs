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
