//! The "Tải CSV" button beside a table: builds the table from the same view-model values
//! the table renders (`crate::present::reports`), writes it with `core::codec::csv` and saves it through
//! `crate::platform::download`. A failure is told to the person in their language.

use leptos::prelude::*;

use crate::app::state::AppContext;
use crate::core::codec::csv::{file_name, write, Delimiter, Table, MIME};
use crate::platform::download::download_text;
use crate::present::i18n::{t, Msg};

/// A download button for one table. `table` names the table in `data-table` (for tests
/// and styling); `contents` returns what the table is (the file is named after the province
/// and that) and the table, when clicked.
#[component]
pub fn CsvButton(
    /// Stable name of the table (`group-economy`, `figures`, `chart`…).
    #[prop(into)]
    table: String,
    /// The table's caption, for the button's accessible name.
    #[prop(into)]
    caption: String,
    /// Builds (what the table is, table) at the moment of the click.
    contents: Callback<(), (String, Table)>,
    /// The button's words, when not "Tải CSV" (the numbers-only table for Excel).
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let label = StoredValue::new(label);
    let ctx = expect_context::<AppContext>();
    let (failed, set_failed) = signal(false);
    let on_click = move |_| {
        let locale = ctx.locale_untracked();
        let (what, data) = contents.run(());
        let title = match ctx.models.get(ctx.model_index.get_untracked()) {
            Some(model) => crate::present::reports::file_title(model, &what, locale),
            None => what,
        };
        let text = write(&data, Delimiter::for_locale(locale));
        let result = download_text(&file_name(&title, "csv"), MIME, &text);
        set_failed.set(result.is_err());
    };
    view! {
        <span class="csv-export">
            <button
                type="button"
                class="csv-button"
                data-testid="csv-export"
                data-table=table
                title=move || t(Msg::CsvExportHint, ctx.locale())
                aria-label=move || {
                    let words = label
                        .get_value()
                        .unwrap_or_else(|| t(Msg::CsvExport, ctx.locale()).to_string());
                    format!("{words}: {caption}")
                }
                on:click=on_click
            >
                {move || {
                    label
                        .get_value()
                        .unwrap_or_else(|| t(Msg::CsvExport, ctx.locale()).to_string())
                }}
            </button>
            <Show when=move || failed.get()>
                <span class="csv-error" role="alert" data-testid="csv-error">
                    {move || t(Msg::CsvFailed, ctx.locale())}
                </span>
            </Show>
        </span>
    }
}
