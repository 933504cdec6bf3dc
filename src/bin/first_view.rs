//! The first-load module's entry point (Trunk's main module in index.html): makes the
//! pre-rendered dashboard answer its filters and search, then loads the app. Everything
//! lives in `provincial_planner::first_view`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    provincial_planner::first_view::run();
}
