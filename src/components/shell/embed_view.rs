//! Embed mode: the compact view a portal shows in an iframe, one indicator's
//! "what is needed" panel (`?nhung=can-dat&ct=<id>`) or one group of the dashboard
//! (`?nhung=nhom&nhom=<id>`), with a link that opens the full app in a new tab and a
//! notice that drafts made here are kept apart from the standalone app's. Starts the
//! height reports to the portal (`crate::platform::portal`).

use leptos::prelude::*;

use crate::app::state::{link_from_state, AppContext};
use crate::components::dashboard::target_table::TargetTable;
use crate::components::indicator::indicator_detail::IndicatorDetail;
use crate::components::indicator::needs_panel::NeedsPanel;
use crate::components::shell::language_switch::LanguageSwitch;
use crate::core::codec::view_link::{encode, EmbedView};
use crate::present::dashboard::dashboard;
use crate::present::i18n::{pick, t, Msg};

/// The compact view; `embed` is what the link asked for.
#[component]
pub fn EmbedPage(embed: EmbedView) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let untrusted = RwSignal::new(false);
    crate::platform::portal::start(untrusted);

    // The same view in the full app: the link without its embed part.
    let full_app = move || {
        let query = ctx.state.with(|s| {
            let mut link = link_from_state(s, ctx.models);
            link.embed = None;
            encode(&link)
        });
        format!("./{query}")
    };

    let not_found = move || {
        view! {
            <p class="banner banner-error" data-testid="embed-not-found">
                {t(Msg::EmbedNotFound, ctx.locale())}
            </p>
        }
        .into_any()
    };
    let group_embed = matches!(embed, EmbedView::Group(_));
    let body = move || {
        let locale = ctx.locale();
        let Some(model) = ctx.model() else {
            return not_found();
        };
        match &embed {
            EmbedView::Needs => {
                let Some(id) = ctx.selected.get() else {
                    return not_found();
                };
                let Some(indicator) = model.indicator(&id) else {
                    return not_found();
                };
                view! {
                    <h1 class="embed-title">{pick(&indicator.name, locale).to_string()}</h1>
                    <NeedsPanel indicator=id.clone() />
                }
                .into_any()
            }
            EmbedView::Group(group_id) => {
                match dashboard(model, "", locale)
                    .into_iter()
                    .find(|g| &g.id == group_id)
                {
                    Some(group) => view! { <TargetTable group=group /> }.into_any(),
                    None => not_found(),
                }
            }
        }
    };

    view! {
        <div class="embed" data-testid="embed">
            <div class="embed-bar">
                <a
                    class="embed-open-full"
                    data-testid="embed-open-full"
                    href=full_app
                    target="_blank"
                    rel="noopener"
                >
                    {move || t(Msg::EmbedOpenFull, ctx.locale())}
                </a>
                <LanguageSwitch />
            </div>
            {body}
            {group_embed.then(|| view! { <IndicatorDetail /> })}
            {move || untrusted.get().then(|| view! {
                <p class="notice warning" role="alert" data-testid="embed-untrusted">
                    {t(Msg::EmbedUntrustedFrame, ctx.locale())}
                </p>
            })}
            <p class="embed-notice" data-testid="embed-drafts-notice">
                {move || t(Msg::EmbedDraftsApart, ctx.locale())}
            </p>
        </div>
    }
}
