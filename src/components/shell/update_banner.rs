//! The banner that announces a new version of the app. It never reloads by
//! itself: the person chooses when, with the button that calls
//! `crate::platform::offline::accept_update`, or hides it for now. Also starts the service worker.

use leptos::prelude::*;

use crate::app::drafts::DraftSession;
use crate::app::state::AppContext;
use crate::platform::offline::{accept_update, start};
use crate::present::i18n::drafts::{dt, DraftMsg};
use crate::present::i18n::{t, Msg};

/// Update banner; empty until a new version is installed and waiting.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let session = use_context::<DraftSession>();
    // Unsaved draft edits are written first; if they cannot be written (full or
    // blocked storage) the person is asked before the reload loses them.
    let accept = move |_| {
        let saved = session.is_none_or(|s| s.flush_for_reload());
        let go = saved
            || window()
                .confirm_with_message(dt(DraftMsg::ReloadLosesEdits, ctx.locale_untracked()))
                .unwrap_or(false);
        if go {
            accept_update();
        }
    };
    let waiting = RwSignal::new(false);
    let hidden = RwSignal::new(false);
    start(waiting);
    view! {
        // The live region stays in the page so screen readers announce the banner when
        // its content appears.
        <div class="update-region" role="status">
            <Show when=move || waiting.get() && !hidden.get()>
                <div class="banner update-banner" data-testid="update-banner">
                    <p>
                        <strong>{move || t(Msg::UpdateAvailable, ctx.locale())}</strong>
                        " "
                        {move || t(Msg::UpdateKeepsWorking, ctx.locale())}
                    </p>
                    <div class="update-actions">
                        <button
                            type="button"
                            class="update-accept"
                            data-testid="update-accept"
                            on:click=accept
                        >
                            {move || t(Msg::UpdateReload, ctx.locale())}
                        </button>
                        <button
                            type="button"
                            class="update-later"
                            data-testid="update-later"
                            on:click=move |_| hidden.set(true)
                        >
                            {move || t(Msg::UpdateLater, ctx.locale())}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
