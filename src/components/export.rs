//! Taking the map away as a picture: the map on screen as an SVG or PNG file, with its legend,
//! the timeline, the date and the permalink printed on it.

use super::map::pan_zoom::map_box;
use super::LegendEntry;
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The width of the band beside the map that holds the title and the legend, in pixels.
const BAND: f64 = 300.0;

/// `&`, `<`, `>` and quotes written as entities: text from the data stays text in the file.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The rules the map's lines and names take from the page's stylesheet, for a file that has
/// none; `px` is the map's units per screen pixel.
fn style(px: f64) -> String {
    format!(
        ".region-lines{{fill:none;stroke:rgba(40,40,40,0.22);stroke-width:{a}}}\
         .coast{{fill:none;stroke:#5a7384;stroke-width:{b}}}\
         .state-borders path{{fill:none;stroke:#1d232b;stroke-width:{c};stroke-linejoin:round}}\
         .selection{{fill:none;stroke:#b42318;stroke-width:{d}}}\
         .differs{{stroke:#c026d3;stroke-width:{e};stroke-dasharray:{f} {g}}}\
         .place{{fill:#fff;stroke:#1d232b;stroke-width:{h}}}\
         .labels text{{fill:#111;paint-order:stroke;stroke:rgba(255,255,255,0.85);stroke-width:0.18em;\
         font-weight:600;font-family:sans-serif}}",
        a = 0.5 * px,
        b = 0.8 * px,
        c = 1.4 * px,
        d = 3.0 * px,
        e = 2.5 * px,
        f = 6.0 * px,
        g = 3.0 * px,
        h = 1.5 * px,
    )
}

/// The whole picture as an SVG document: the map's own SVG (`inner` and `view_box`, drawn at
/// `width` × `height` pixels) beside a band with the title, the legend and the link.
pub fn picture(
    inner: &str,
    view_box: &str,
    (width, height): (f64, f64),
    px: f64,
    title: &str,
    legend: &[LegendEntry],
    link: &str,
) -> String {
    let full = width + BAND;
    let mut items = String::new();
    // As many legend lines as the height holds.
    let rows = ((height - 120.0) / 18.0).max(0.0) as usize;
    for (k, e) in legend.iter().take(rows).enumerate() {
        let y = 92.0 + 18.0 * k as f64;
        // A long name is cut to the band's width.
        let name: String = if e.name.chars().count() > 34 {
            e.name.chars().take(33).chain(['…']).collect()
        } else {
            e.name.clone()
        };
        items.push_str(&format!(
            "<rect x=\"{x}\" y=\"{r}\" width=\"12\" height=\"12\" fill=\"{c}\" stroke=\"#555\"/>\
             <text x=\"{t}\" y=\"{y}\" font-size=\"13\">{n}</text>",
            x = width + 16.0,
            r = y - 10.5,
            c = escape(&e.colour),
            t = width + 34.0,
            n = escape(&name),
        ));
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{full}\" height=\"{height}\" \
         viewBox=\"0 0 {full} {height}\" font-family=\"sans-serif\">\
         <style>{style}</style>\
         <rect width=\"{full}\" height=\"{height}\" fill=\"#fbf8f1\"/>\
         <rect width=\"{width}\" height=\"{height}\" fill=\"#dce8ef\"/>\
         <svg x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" viewBox=\"{view_box}\" \
         preserveAspectRatio=\"xMidYMid meet\">{inner}</svg>\
         <text x=\"{tx}\" y=\"30\" font-size=\"17\" font-weight=\"700\">{title}</text>\
         <text x=\"{tx}\" y=\"62\" font-size=\"13\" font-weight=\"700\">States on the map</text>\
         {items}\
         <text x=\"{tx}\" y=\"{ly}\" font-size=\"10\" fill=\"#444\">{link}</text>\
         <text x=\"{tx}\" y=\"{sy}\" font-size=\"10\" fill=\"#444\">Uchronia · Natural Earth (public domain)</text>\
         </svg>",
        style = style(px),
        tx = width + 16.0,
        title = escape(title),
        ly = height - 28.0,
        sy = height - 12.0,
        link = escape(link),
    )
}

/// Offers `bytes` (or text) as a file to download under `name`.
pub fn download(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The SVG of the main map on screen, with what it needs to stand alone.
fn current_picture(title: &str, legend: &[LegendEntry], link: &str) -> Option<(String, f64, f64)> {
    let svg = document()
        .query_selector(".map-wrap[data-map=\"main\"] svg.map")
        .ok()??;
    // The map draws its regions once it has measured its size.
    svg.query_selector("path.region").ok()??;
    let rect = map_box(&svg);
    let (w, h) = (rect.width().round(), rect.height().round());
    let px = window()
        .get_computed_style(&svg)
        .ok()??
        .get_property_value("--px")
        .ok()?
        .trim()
        .parse::<f64>()
        .ok()?;
    let view_box = svg.get_attribute("viewBox")?;
    let picture = picture(
        &svg.inner_html(),
        &view_box,
        (w, h),
        px,
        title,
        legend,
        link,
    );
    Some((picture, w + BAND, h))
}

/// A blob of text of the given media type.
pub fn text_blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = web_sys::js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Draws the SVG into a canvas twice the size and offers it as a PNG.
fn download_png(svg: &str, (w, h): (f64, f64), name: String) -> Result<(), JsValue> {
    let image = web_sys::HtmlImageElement::new()?;
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
    let scale = 2.0;
    canvas.set_width((w * scale) as u32);
    canvas.set_height((h * scale) as u32);
    let onload = {
        let image = image.clone();
        Closure::once_into_js(move || {
            let drawn = (|| -> Result<(), JsValue> {
                let ctx: web_sys::CanvasRenderingContext2d = canvas
                    .get_context("2d")?
                    .ok_or_else(|| JsValue::from_str("no 2d context"))?
                    .unchecked_into();
                ctx.scale(scale, scale)?;
                ctx.draw_image_with_html_image_element(&image, 0.0, 0.0)?;
                let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
                    if let Some(blob) = blob {
                        if let Err(e) = download(&blob, &name) {
                            leptos::logging::warn!("could not offer the PNG: {e:?}");
                        }
                    }
                });
                canvas.to_blob_with_type(done.unchecked_ref(), "image/png")
            })();
            if let Err(e) = drawn {
                leptos::logging::warn!("could not draw the PNG: {e:?}");
            }
        })
    };
    image.set_onload(Some(onload.unchecked_ref()));
    // A data URL: the page's policy allows images from data: and from the page only.
    let encoded: String = web_sys::js_sys::encode_uri_component(svg).into();
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    Ok(())
}

#[component]
pub fn ExportButtons(
    /// "Red Triumph — 31 December 1935", printed on the picture.
    #[prop(into)]
    title: Signal<String>,
    /// The states on the map, as the legend lists them.
    #[prop(into)]
    legend: Signal<Vec<LegendEntry>>,
    /// The permalink of the moment, printed on the picture.
    #[prop(into)]
    link: Signal<String>,
    /// The file name without its extension.
    #[prop(into)]
    file: Signal<String>,
    /// The map on screen as GeoJSON (made when asked for).
    geojson: Callback<(), String>,
) -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    let take = move |png: bool| {
        let made = legend
            .with_untracked(|l| current_picture(&title.get_untracked(), l, &link.get_untracked()));
        let Some((svg, w, h)) = made else {
            failed.set(Some("The map is not on screen yet.".into()));
            return;
        };
        let name = file.get_untracked();
        let result = if png {
            download_png(&svg, (w, h), format!("{name}.png"))
        } else {
            text_blob(&svg, "image/svg+xml").and_then(|b| download(&b, &format!("{name}.svg")))
        };
        failed.set(
            result
                .err()
                .map(|e| format!("The picture could not be made: {e:?}")),
        );
    };
    view! {
        <div class="export" role="group" aria-label="Download the map">
            <button type="button" on:click=move |_| take(false) title="The map on screen as an SVG picture">
                "SVG"
            </button>
            <button type="button" on:click=move |_| take(true) title="The map on screen as a PNG picture">
                "PNG"
            </button>
            <button
                type="button"
                title="The borders of the moment on screen as GeoJSON: one feature per state"
                on:click=move |_| {
                    let name = format!("{}.geojson", file.get_untracked());
                    let result = text_blob(&geojson.run(()), "application/geo+json")
                        .and_then(|b| download(&b, &name));
                    failed.set(result.err().map(|e| format!("The file could not be made: {e:?}")));
                }
            >
                "GeoJSON"
            </button>
            {move || failed.get().map(|f| view! { <span class="export-error" role="alert">{f}</span> })}
        </div>
    }
}
