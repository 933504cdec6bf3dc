//! Starts the sheet worker (`src/worker/`, the second wasm module `sheet_worker_bg.wasm`
//! that Trunk builds beside the app) for one opened spreadsheet file, hands it the
//! file's bytes, and gives back its `SheetReply`. The worker is started only here, so
//! its code (the `calamine` crate) is fetched only when a person opens a spreadsheet;
//! the service worker precaches its files like every other file of the build, so it
//! also works offline. One worker per file read, ended once it has answered.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Uint8Array};
use web_sys::{MessageEvent, Worker};

use crate::core::import::sheet::{decode_reply, SheetError, SheetReply};

/// The worker's start-up script, written by Trunk (`data-loader-shim`), beside
/// index.html.
const LOADER: &str = "sheet_worker_loader.js";
/// What the worker posts once it listens (`worker::scope::READY`).
const READY: &str = "ready";

type Reply = Rc<RefCell<Option<Box<dyn FnOnce(SheetReply)>>>>;

/// Reads sheet `sheet` of `bytes` in a worker and calls `on_reply` once with the
/// answer (or [`SheetError::ReaderFailed`] when the worker cannot start or stops).
pub fn read_spreadsheet(
    bytes: Rc<Vec<u8>>,
    sheet: usize,
    on_reply: impl FnOnce(SheetReply) + 'static,
) {
    let reply: Reply = Rc::new(RefCell::new(Some(Box::new(on_reply))));
    let finish = |reply: &Reply, answer: SheetReply| {
        if let Some(f) = reply.borrow_mut().take() {
            f(answer);
        }
    };
    let Ok(worker) = Worker::new(LOADER) else {
        finish(&reply, SheetReply::Failed(SheetError::ReaderFailed));
        return;
    };
    let started = Rc::new(std::cell::Cell::new(false));
    let on_message = {
        let (worker, reply, started) = (worker.clone(), reply.clone(), started.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let text = ev.data().as_string().unwrap_or_default();
            if text == READY {
                started.set(true);
                let message = Array::new();
                message.push(&Uint8Array::from(bytes.as_slice()).into());
                message.push(&JsValue::from_f64(f64::from(
                    u32::try_from(sheet).unwrap_or(0),
                )));
                if worker.post_message(&message).is_err() {
                    worker.terminate();
                    finish(&reply, SheetReply::Failed(SheetError::ReaderFailed));
                }
                return;
            }
            worker.terminate();
            let answer = decode_reply(&text);
            finish(&reply, answer);
        })
    };
    let on_error = {
        let (worker, reply) = (worker.clone(), reply.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |_ev: JsValue| {
            worker.terminate();
            // A reader that stopped half-way (a trap in calamine) read a damaged file;
            // one that never answered did not start.
            let why = if started.get() {
                SheetError::Corrupt
            } else {
                SheetError::ReaderFailed
            };
            finish(&reply, SheetReply::Failed(why));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The closures live as long as the worker may call them: a few per file read.
    on_message.forget();
    on_error.forget();
}
