//! The search box that filters indicators by name in either language, accents optional.

use leptos::prelude::*;

use crate::app::state::{Action, AppContext};
use crate::present::i18n::{t, Msg};

/// Search box.
#[component]
pub fn SearchBox() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    view! {
        <div class="search" role="search">
            <label for="indicator-search">{move || t(Msg::Search, ctx.locale())}</label>
            <input
                id="indicator-search"
                type="search"
                data-testid="search"
                autocomplete="off"
                placeholder=move || t(Msg::SearchPlaceholder, ctx.locale())
                prop:value=move || ctx.query.get()
                on:input=move |ev| ctx.dispatch(Action::SetQuery(event_target_value(&ev)))
            />
        </div>
    }
}
