// Starts the app's module (issue #15). The first view's module (src/first_view/, Trunk's
// main module) adds provincial-planner.js (wasm-bindgen's no-modules script, which
// defines wasm_bindgen) and then this file. The app's main() mounts it; it replaces the
// pre-rendered view once its data are read. The events tell the first view (and the
// benchmark) whether the module started.
wasm_bindgen({ module_or_path: './provincial-planner_bg.wasm' }).then(
  (wasm) => dispatchEvent(new CustomEvent('planner-app-started', { detail: { wasm } })),
  (error) => dispatchEvent(new CustomEvent('planner-app-failed', { detail: String(error) })),
);
