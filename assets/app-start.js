// Starts the app's module (issue #15). The first view's module (src/first_view/, Trunk's
// main module) adds provincial-planner.js (wasm-bindgen's no-modules script, which
// defines wasm_bindgen) and then this file. The app's main() mounts it; it replaces the
// pre-rendered view once its data are read. The events tell the first view (and the
// benchmark) whether the module started.
{
  // A provincial-planner.js that is not wasm-bindgen's (a proxy's or a captive portal's page
  // served in its place) defines no wasm_bindgen: that is a failure to start too.
  const failed = (error) => dispatchEvent(new CustomEvent('planner-app-failed', { detail: String(error) }));
  if (typeof wasm_bindgen === 'function') {
    wasm_bindgen({ module_or_path: './provincial-planner_bg.wasm' }).then(
      (wasm) => dispatchEvent(new CustomEvent('planner-app-started', { detail: { wasm } })),
      failed,
    );
  } else {
    failed('provincial-planner.js did not define wasm_bindgen');
  }
}
