//! The browser entry: install the panic report, mount the atlas.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic anywhere shows a message that offers a reload, instead of a frozen page.
    std::panic::set_hook(Box::new(|info| {
        uchronia::app::report_panic(&info.to_string())
    }));
    leptos::mount::mount_to_body(uchronia::app::App);
}

/// The viewer runs in a browser; natively this binary only says how to get there.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Uchronia viewer runs in a browser: see README.md (tests/serve.sh).");
    std::process::exit(2);
}
