//! The assumed exchange rate (VND per USD) of an indicator whose term target is in USD
//! (issue #13): a labelled box among the assumptions, typed in the interface language's
//! number format, and the target's conversion at that rate. Text from `present::term`.

use leptos::prelude::*;

use crate::app::state::{Action, AppContext};
use crate::core::text::numparse::parse_number;
use crate::present::i18n::term::{tt, TermMsg};
use crate::present::term::exchange_rate_view;

/// The box; renders nothing when the indicator's target needs no rate.
#[component]
pub fn ExchangeRateInput(indicator: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let key = indicator.clone();
    let text = Memo::new(move |_| {
        ctx.state
            .with(|s| s.exchange_rates.get(&key).cloned().unwrap_or_default())
    });
    let shown = {
        let id = indicator.clone();
        move || {
            let locale = ctx.locale();
            let model = ctx.model()?;
            let rate = parse_number(&text.get(), locale)
                .ok()
                .flatten()
                .map(|p| p.value);
            exchange_rate_view(model, &id, rate, locale)
        }
    };
    let set_id = indicator.clone();
    move || {
        let v = shown()?;
        let locale = ctx.locale();
        let set_id = set_id.clone();
        Some(view! {
            <div class="exchange-rate">
                <label for="exchange-rate-input">{tt(TermMsg::ExchangeRate, locale)}</label>
                " "
                <input
                    id="exchange-rate-input"
                    type="text"
                    inputmode="decimal"
                    data-testid="exchange-rate"
                    prop:value=move || text.get()
                    on:change=move |ev| ctx.dispatch(Action::SetExchangeRate {
                        indicator: set_id.clone(),
                        text: event_target_value(&ev),
                    })
                />
                <p class="hint">{tt(TermMsg::ExchangeRateHint, locale)}</p>
                {v.conversion.map(|c| view! {
                    <p class="echo" data-testid="exchange-rate-conversion">{c}</p>
                })}
            </div>
        })
    }
}
