//! Embed-mode shell: whether the page sits in a frame, the portal
//! configuration read from `portal.json` (next to `index.html`, edited by the
//! administrator), the page height sent to the portal page, and the portal's messages.
//!
//! Messages go only to a configured portal origin (never `"*"`), and only when the
//! parent page is that origin; messages from any other origin or window are ignored. The
//! parsing and validation are pure, in `crate::core::codec::portal_config`. No storage here.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Reflect;
use web_sys::{HtmlElement, MessageEvent, ResizeObserver, Response, Window};

use crate::core::codec::portal_config::{
    height_message, normalise_origin, parse_config, parse_portal_message, EmbedConfig,
    PortalMessage,
};

thread_local! {
    static STARTED: Cell<bool> = const { Cell::new(false) };
    static LAST_HEIGHT: Cell<Option<u32>> = const { Cell::new(None) };
}

fn warn(text: &str, detail: &JsValue) {
    web_sys::console::warn_2(&JsValue::from_str(text), detail);
}

/// Whether the page is shown inside a frame (a portal's iframe). Browsers then keep its
/// storage apart from the standalone app's (partitioned by the embedding site), so the
/// drafts UI should say where drafts live.
pub fn is_framed() -> bool {
    let this = window();
    match this.top() {
        Ok(Some(top)) => JsValue::from(top) != JsValue::from(this),
        Ok(None) => false,
        // A browser that will not say is treated as framed: the cautious answer.
        Err(_) => true,
    }
}

fn parent() -> Option<Window> {
    window().parent().ok().flatten()
}

/// The origin of the page that frames this one, as far as the browser tells.
fn parent_origin() -> Option<String> {
    let location = window().location();
    let from_ancestors = Reflect::get(&location, &"ancestorOrigins".into())
        .ok()
        .filter(|list| !list.is_undefined())
        .and_then(|list| Reflect::get_u32(&list, 0).ok())
        .and_then(|first| first.as_string());
    from_ancestors
        .or_else(|| {
            let referrer = document().referrer();
            let (scheme, rest) = referrer.split_once("://")?;
            let host = rest.split('/').next()?;
            Some(format!("{scheme}://{host}"))
        })
        .and_then(|o| normalise_origin(&o))
}

/// The configured origin to send to: the parent's, when it is configured; or the only
/// configured one when the browser does not say who the parent is.
fn target_origin(config: &EmbedConfig) -> Option<String> {
    match parent_origin() {
        Some(origin) => config.trusts(&origin).then_some(origin),
        None => match config.portal_origins.as_slice() {
            [only] => Some(only.clone()),
            _ => None,
        },
    }
}

fn page_height() -> Option<u32> {
    let root = document()
        .document_element()?
        .dyn_into::<HtmlElement>()
        .ok()?;
    u32::try_from(root.offset_height()).ok()
}

fn send_height(origin: &str, reply_to: Option<&str>) {
    let (Some(parent), Some(height)) = (parent(), page_height()) else {
        return;
    };
    LAST_HEIGHT.with(|h| h.set(Some(height)));
    let message = JsValue::from_str(&height_message(height, reply_to));
    if let Err(err) = parent.post_message(&message, origin) {
        warn("planner: could not send the height to the portal", &err);
    }
}

/// Starts embed mode's link with the portal page: reads `portal.json`, then reports the
/// page height whenever it changes and answers the portal's pings. Runs once, and only
/// in a frame. `untrusted` is set when the page framing this one is not a configured
/// portal (or none is configured): where the server cannot send `frame-ancestors`, that
/// is the only sign of a page framing the app without permission (reliability case G3).
pub fn start(untrusted: RwSignal<bool>) {
    if STARTED.with(|s| s.replace(true)) || !is_framed() {
        return;
    }
    let on_response = Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
        let Ok(response) = value.dyn_into::<Response>() else {
            return;
        };
        if !response.ok() {
            untrusted.set(true);
            warn(
                "planner: no portal.json; the height is not reported",
                &JsValue::from(response.status()),
            );
            return;
        }
        let on_text = Closure::<dyn FnMut(JsValue)>::new(move |text: JsValue| {
            match parse_config(&text.as_string().unwrap_or_default()) {
                Ok(config) => {
                    if config.portal_origins.is_empty() || target_origin(&config).is_none() {
                        untrusted.set(true);
                    }
                    connect(config);
                }
                Err(e) => warn(
                    "planner: portal.json ignored",
                    &JsValue::from_str(&e.to_string()),
                ),
            }
        });
        if let Ok(text) = response.text() {
            let _ = text.then(&on_text);
        }
        on_text.forget();
    });
    let on_failed = Closure::<dyn FnMut(JsValue)>::new(move |err: JsValue| {
        warn("planner: could not read portal.json", &err);
    });
    let _ = window()
        .fetch_with_str("portal.json")
        .then2(&on_response, &on_failed);
    on_response.forget();
    on_failed.forget();
}

fn connect(config: EmbedConfig) {
    if config.portal_origins.is_empty() {
        return;
    }
    let Some(origin) = target_origin(&config) else {
        warn(
            "planner: the page framing this one is not a configured portal; nothing is sent to it",
            &JsValue::UNDEFINED,
        );
        return;
    };

    let to = origin.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let changed = page_height() != LAST_HEIGHT.with(Cell::get);
        if changed {
            send_height(&to, None);
        }
    });
    if let (Ok(observer), Some(root)) = (
        ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document().document_element(),
    ) {
        observer.observe(&root);
    }
    on_resize.forget();

    let reply_to = origin.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // Only the configured portal, and only the window that frames this page.
        if !config.trusts(&event.origin()) {
            return;
        }
        let from_parent = match (event.source(), parent()) {
            (Some(source), Some(parent)) => JsValue::from(source) == JsValue::from(parent),
            _ => false,
        };
        if !from_parent {
            return;
        }
        let Some(text) = event.data().as_string() else {
            return;
        };
        if let Some(PortalMessage::Ping { id }) = parse_portal_message(&text) {
            send_height(&reply_to, Some(&id));
        }
    });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
    send_height(&origin, None);
}
