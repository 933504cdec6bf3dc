//! Entry point: mounts the app on the page body. Nothing else lives here.

fn main() {
    leptos::mount::mount_to_body(provincial_planner::components::shell::app::App);
}
