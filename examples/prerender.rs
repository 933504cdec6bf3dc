//! Prints the first view pre-rendered for `index.html` (`present::prerender::first_view`
//! of the model the app opens when the link asks for nothing, in the default language).
//! Run by `scripts/postbuild.mjs` during the Trunk build; by hand:
//! `cargo run --example prerender > prerendered.html`.

use provincial_planner::app::state::state_from_link;
use provincial_planner::core::codec::view_link::ViewLink;
use provincial_planner::core::model::catalog::load_shipped;
use provincial_planner::present::prerender::first_view;

fn main() {
    let (models, _) = load_shipped();
    let state = state_from_link(&ViewLink::default(), &models);
    print!("{}", first_view(&models, state.model_index, state.locale));
}
