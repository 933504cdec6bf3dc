//! The panel that opens for one indicator: every figure by period and kind, and for each
//! its source (the quote, the document's title and date) or, for a derived figure, its
//! formula. Focus moves to the panel when it opens and back to the table when it closes.

use leptos::html;
use leptos::prelude::*;

use crate::app::state::{Action, AppContext};
use crate::components::indicator::needs_panel::NeedsPanel;
use crate::components::reports::csv_button::CsvButton;
use crate::present::dashboard::{figure_views, FigureView, SourceView};
use crate::present::i18n::numbers::{nt, NumMsg};
use crate::present::i18n::{pick, t, Msg};

/// Detail panel of the selected indicator.
#[component]
pub fn IndicatorDetail() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let heading_ref = NodeRef::<html::H2>::new();
    let selected = ctx.selected;

    Effect::new(move |_| {
        if selected.get().is_some() {
            if let Some(h) = heading_ref.get() {
                let _ = h.focus();
            }
        }
    });

    move || {
        let locale = ctx.locale();
        let model = ctx.model()?;
        let id = selected.get()?;
        let indicator = model.indicator(&id)?;
        let figures = figure_views(model, &id, locale);
        // The CSV is built from the same figure views the table renders.
        let csv_figures = figures.clone();
        let csv_what = format!(
            "{} - {}",
            pick(&indicator.name, locale),
            t(Msg::FiguresAndSources, locale)
        );
        let build_csv = Callback::new(move |_| {
            (
                csv_what.clone(),
                crate::present::reports::figures_table(&csv_figures, locale),
            )
        });
        let rows = figures
            .into_iter()
            .map(|f| view! { <FigureRow figure=f /> })
            .collect_view();
        let close_id = id.clone();
        Some(view! {
            <section
                id="indicator-detail"
                class="detail"
                data-testid="indicator-detail"
                aria-labelledby="indicator-detail-title"
            >
                <div class="detail-head">
                    <h2 id="indicator-detail-title" tabindex="-1" node_ref=heading_ref>
                        {pick(&indicator.name, locale).to_string()}
                    </h2>
                    <button
                        type="button"
                        class="close"
                        data-testid="detail-close"
                        on:click=move |_| {
                            ctx.dispatch(Action::CloseIndicator);
                            focus_row_button(&close_id);
                        }
                    >
                        {t(Msg::Close, locale)}
                    </button>
                </div>
                <NeedsPanel indicator=id.clone() />
                <div class="table-wrap">
                    <div class="table-tools">
                        <CsvButton
                            table="figures"
                            caption=t(Msg::FiguresAndSources, locale)
                            contents=build_csv
                        />
                    </div>
                    <table class="figures">
                        <caption>{t(Msg::FiguresAndSources, locale)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(Msg::ColPeriod, locale)}</th>
                                <th scope="col">{t(Msg::ColKind, locale)}</th>
                                <th scope="col">{t(Msg::ColValue, locale)}</th>
                                <th scope="col">{t(Msg::ColSource, locale)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        })
    }
}

/// Returns focus to the row that opened the panel, so keyboard users keep their place.
fn focus_row_button(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    let selector = format!("tr[data-indicator-id=\"{id}\"] button.indicator-open");
    if let Ok(Some(el)) = document().query_selector(&selector) {
        if let Ok(button) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
    }
}

/// One figure with its source.
#[component]
fn FigureRow(figure: FigureView) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let locale = ctx.locale_untracked();
    let basis = figure.basis.clone();
    let source = match figure.source {
        SourceView::Quote {
            quote,
            title,
            issuer,
            date,
            public_report,
            url,
            quote_lang,
        } => view! {
            <blockquote class="quote" lang=quote_lang data-testid="source-quote">{quote}</blockquote>
            <p class="doc">
                <span class="doc-title" data-testid="source-title">{title}</span>
                <span class="doc-meta">
                    {issuer}
                    " · "
                    {t(Msg::Date, locale)}
                    ": "
                    <span data-testid="source-date">{date}</span>
                    {(!url.is_empty()).then(|| format!(" · {url}"))}
                    {public_report.then(|| format!(" · {}", t(Msg::PublicReport, locale)))}
                </span>
            </p>
        }
        .into_any(),
        SourceView::Derived { formula, inputs } => view! {
            <p class="formula" data-testid="source-formula">
                <span>{t(Msg::Formula, locale)} ": "</span>
                {formula}
            </p>
            <p class="inputs">{inputs.join(", ")}</p>
        }
        .into_any(),
    };
    view! {
        <tr data-testid="figure-row" data-figure-key=figure.key>
            <td>{figure.period}</td>
            <td>{figure.kind}</td>
            <td>
                <span class="value">{figure.value}</span>
                {(!figure.price_basis.is_empty()).then(|| view! { <span class="when">{figure.price_basis}</span> })}
                {(!figure.basis.is_empty()).then(|| view! { <span class="when" data-testid="figure-basis">{figure.basis}</span> })}
                {(!figure.note.is_empty()).then(|| view! {
                    <span class="note"><strong>{t(Msg::Note, locale)} ": "</strong>{figure.note}</span>
                })}
            </td>
            <td class="source">
                {source}
                {(!basis.is_empty()).then(|| view! {
                    <p class="basis" data-testid="source-basis">
                        {nt(NumMsg::BasisHeading, locale)} ": " {basis}
                    </p>
                })}
            </td>
        </tr>
    }
}
