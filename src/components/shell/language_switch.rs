//! The button that switches the interface between Vietnamese and English.

use leptos::prelude::*;

use crate::app::state::{Action, AppContext};
use crate::present::i18n::{t, Locale, Msg};

/// Language switch; its text names the other language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    view! {
        <button
            type="button"
            class="lang-switch"
            data-testid="lang-switch"
            lang=move || match ctx.locale() { Locale::Vi => "en", Locale::En => "vi" }
            // A description, not the name: the name must hold the visible word (axe
            // label-content-name-mismatch), so a voice-control user can say it.
            title=move || t(Msg::SwitchLanguageLabel, ctx.locale())
            on:click=move |_| ctx.dispatch(Action::ToggleLocale)
        >
            {move || t(Msg::SwitchLanguage, ctx.locale())}
        </button>
    }
}
