//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts with the real
//! shipped data, the language switch re-renders it, and the number formatter agrees with
//! the browser's own `Intl.NumberFormat` for `vi-VN` and `en-US`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Intl, Object, Promise, Reflect};
use provincial_planner::core::numfmt::{format_number, Locale};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for the browser to run pending tasks (Leptos effects are scheduled, not inline).
async fn next_tick() {
    let promise = Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("tick");
}

fn intl_format(locale: Locale, max_fraction_digits: u8, value: f64) -> String {
    let options = Object::new();
    Reflect::set(
        &options,
        &"maximumFractionDigits".into(),
        &JsValue::from(max_fraction_digits),
    )
    .expect("set");
    Reflect::set(&options, &"minimumFractionDigits".into(), &JsValue::from(0)).expect("set");
    let locales = Array::of1(&JsValue::from_str(locale.tag()));
    let formatter = Intl::NumberFormat::new(&locales, &options);
    let format: Function = formatter.format();
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .expect("format")
        .as_string()
        .expect("string")
}

#[wasm_bindgen_test]
fn number_formatter_agrees_with_intl_number_format() {
    let values = [
        0.0,
        1.0,
        7.32,
        12.5,
        97.62,
        999.0,
        1000.0,
        4200.0,
        18938.78,
        20225.0,
        1234567.8,
        118000.0,
        -5.25,
        -1234.5,
        0.125,
        2.5,
        1.005,
        9.995,
        99.995,
        0.5,
        63.85,
        135323.9,
        1e15,
        123456789.123,
        24280.0,
        0.045,
        123.456,
    ];
    let mut mismatches = Vec::new();
    for locale in [Locale::Vi, Locale::En] {
        for max in [0u8, 1, 2, 3] {
            for v in values {
                let ours = format_number(v, locale, max);
                let intl = intl_format(locale, max, v);
                if ours != intl {
                    mismatches.push(format!(
                        "{} max={max} {v}: ours {ours:?} intl {intl:?}",
                        locale.tag()
                    ));
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

fn document() -> web_sys::Document {
    web_sys::window()
        .expect("window")
        .document()
        .expect("document")
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .expect("selector")
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_mounts_with_the_shipped_data_and_switches_language() {
    leptos::mount::mount_to_body(provincial_planner::components::app::App);
    next_tick().await;

    let rows = document()
        .query_selector_all("[data-testid=indicator-row]")
        .expect("rows")
        .length();
    assert!(rows > 300, "only {rows} indicator rows");

    let grdp = text_of("[data-indicator-id=grdp_per_capita]");
    assert!(
        grdp.contains("58,42 triệu đồng"),
        "GRDP per capita row: {grdp}"
    );

    let switch = document()
        .query_selector("[data-testid=lang-switch]")
        .expect("query")
        .expect("language switch")
        .dyn_into::<web_sys::HtmlElement>()
        .expect("element");
    switch.click();
    next_tick().await;

    let grdp = text_of("[data-indicator-id=grdp_per_capita]");
    assert!(grdp.contains("58.42 million VND"), "after switch: {grdp}");
    let lang = document()
        .document_element()
        .expect("html")
        .get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("en"));
}
