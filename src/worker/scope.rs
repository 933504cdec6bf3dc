//! The worker's message loop (wasm only). The page posts `[bytes, sheet]` (a
//! `Uint8Array` and the index of the sheet); the worker answers with a
//! `core::import::sheet::SheetReply` as text (`encode_reply`). It posts `"ready"` first: a message
//! posted before its wasm has loaded would be dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{global, Array, Uint8Array};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::core::import::sheet::{encode_reply, SheetError, SheetReply};
use crate::worker::read_sheet;

/// What the worker posts once it listens.
pub const READY: &str = "ready";

/// Starts listening for files and says so.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let reply = answer(&ev.data());
        let text = encode_reply(&reply);
        let _ = reply_to.post_message(&JsValue::from_str(&text));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

fn answer(data: &JsValue) -> SheetReply {
    let message = Array::from(data);
    let Ok(bytes) = message.get(0).dyn_into::<Uint8Array>() else {
        return SheetReply::Failed(SheetError::ReaderFailed);
    };
    let sheet = message
        .get(1)
        .as_f64()
        .and_then(|n| format!("{n:.0}").parse::<usize>().ok())
        .unwrap_or(0);
    read_sheet(&bytes.to_vec(), sheet)
}
