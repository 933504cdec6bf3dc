//! The sheet worker's entry point: a second wasm module, built by Trunk
//! (`data-type="worker"` in index.html), that reads spreadsheet files with `calamine`
//! in a web worker. Everything lives in `provincial_planner::worker`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    provincial_planner::worker::scope::run();
}
