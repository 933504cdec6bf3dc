//! Lasting warnings about drafts that must not be missed: storage unavailable, a save
//! refused (full storage, read-back mismatch), another tab's newer save, a read-only
//! draft, the open draft's record vanished and written back, stored records that cannot be read, storage nearly full. Each says what
//! happened to the work and offers the way out (export, retry, copy, download).

use leptos::prelude::*;

use crate::app::drafts::DraftSession;
use crate::app::state::AppContext;
use crate::core::draft::session::{SaveStatus, StoreError};
use crate::core::draft::storage_policy::WriteFailure;
use crate::platform::download::download_text;
use crate::present::i18n::drafts::{draft_error_text, dt, unavailable_text, DraftMsg};

/// The alerts; `on_export` exports every draft of the shown model.
#[component]
pub fn StorageAlerts(on_export: Callback<()>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let session = expect_context::<DraftSession>();
    let locale = move || ctx.locale();

    let unavailable = move || {
        session.unavailable.get().map(|u| {
            let locale = locale();
            view! {
                <div class="alert" role="alert" data-testid="storage-warning" data-kind="memory-only">
                    <p>{dt(DraftMsg::MemoryOnlyWarning, locale)}</p>
                    <p class="detail">{unavailable_text(&u, locale)}</p>
                    <button type="button" on:click=move |_| on_export.run(())>
                        {dt(DraftMsg::ExportNow, locale)}
                    </button>
                </div>
            }
        })
    };

    let save_problem = move || {
        let locale = locale();
        let status = session.status.get();
        let (kind, text) = match status {
            SaveStatus::Failed(StoreError::Write(WriteFailure::Quota)) => {
                ("quota", dt(DraftMsg::QuotaWarning, locale))
            }
            SaveStatus::Failed(StoreError::Mismatch) => {
                ("mismatch", dt(DraftMsg::MismatchWarning, locale))
            }
            SaveStatus::Failed(_) => ("failed", dt(DraftMsg::WriteFailedWarning, locale)),
            SaveStatus::Conflict(_) => {
                return Some(
                    view! {
                        <div class="alert" role="alert" data-testid="storage-warning" data-kind="conflict">
                            <p>{dt(DraftMsg::ConflictWarning, locale)}</p>
                            <button type="button" data-testid="take-theirs" on:click=move |_| session.take_stored_version()>
                                {dt(DraftMsg::TakeTheirs, locale)}
                            </button>
                            <button
                                type="button"
                                data-testid="keep-mine"
                                on:click=move |_| session.keep_mine_as_copy(dt(DraftMsg::CopySuffix, locale))
                            >
                                {dt(DraftMsg::KeepMine, locale)}
                            </button>
                        </div>
                    }
                    .into_any(),
                )
            }
            SaveStatus::WrittenBack(_) => {
                return Some(
                    view! {
                        <div class="alert" role="status" data-testid="storage-warning" data-kind="written-back">
                            <p>{dt(DraftMsg::WrittenBackNotice, locale)}</p>
                            <button type="button" data-testid="export-now" on:click=move |_| on_export.run(())>
                                {dt(DraftMsg::ExportNow, locale)}
                            </button>
                        </div>
                    }
                    .into_any(),
                )
            }
            SaveStatus::ReadOnly => {
                return Some(
                    view! {
                        <div class="alert" role="alert" data-testid="storage-warning" data-kind="read-only">
                            <p>{dt(DraftMsg::ReadOnlyWarning, locale)}</p>
                            <button
                                type="button"
                                data-testid="save-as-copy"
                                on:click=move |_| session.keep_mine_as_copy(dt(DraftMsg::CopySuffix, locale))
                            >
                                {dt(DraftMsg::SaveAsCopy, locale)}
                            </button>
                        </div>
                    }
                    .into_any(),
                )
            }
            _ => return None,
        };
        Some(
            view! {
                <div class="alert" role="alert" data-testid="storage-warning" data-kind=kind>
                    <p>{text}</p>
                    <button type="button" data-testid="export-now" on:click=move |_| on_export.run(())>
                        {dt(DraftMsg::ExportNow, locale)}
                    </button>
                    <button
                        type="button"
                        data-testid="retry-save"
                        on:click=move |_| {
                            session.status.set(SaveStatus::Pending);
                            session.save_now();
                        }
                    >
                        {dt(DraftMsg::TryAgain, locale)}
                    </button>
                </div>
            }
            .into_any(),
        )
    };

    let set_aside = move || {
        let records = session.set_aside.get();
        (!records.is_empty()).then(|| {
            let locale = locale();
            view! {
                <div class="alert" role="alert" data-testid="storage-warning" data-kind="set-aside">
                    <p>{dt(DraftMsg::SetAsideWarning, locale)}</p>
                    <ul>
                        {records
                            .into_iter()
                            .map(|r| {
                                let key = r.key.clone();
                                let raw = r.raw.clone();
                                let file = format!(
                                    "ban-nhap-khong-doc-duoc-{}.txt",
                                    key.rsplit('/').next().unwrap_or("x")
                                );
                                view! {
                                    <li data-testid="set-aside-record" data-key=r.key.clone()>
                                        <code>{r.key.clone()}</code>
                                        ": "
                                        {draft_error_text(&r.error, locale)}
                                        " "
                                        <button
                                            type="button"
                                            data-testid="download-record"
                                            on:click=move |_| {
                                                // A failed download leaves the record where it is.
                                                let _ = download_text(&file, "text/plain;charset=utf-8", &raw);
                                            }
                                        >
                                            {dt(DraftMsg::DownloadRecord, locale)}
                                        </button>
                                        <button
                                            type="button"
                                            data-testid="remove-record"
                                            on:click=move |_| {
                                                let sure = window()
                                                    .confirm_with_message(dt(DraftMsg::ConfirmRemoveRecord, locale))
                                                    .unwrap_or(false);
                                                if sure {
                                                    session.discard_set_aside(&key);
                                                }
                                            }
                                        >
                                            {dt(DraftMsg::RemoveRecord, locale)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    };

    let nearly_full = move || {
        session.nearly_full.get().then(|| {
            view! {
                <div class="alert" role="status" data-testid="storage-warning" data-kind="nearly-full">
                    <p>{dt(DraftMsg::NearlyFull, locale())}</p>
                </div>
            }
        })
    };

    view! {
        <div class="storage-alerts" aria-live="polite">
            {unavailable}
            {save_problem}
            {set_aside}
            {nearly_full}
        </div>
    }
}
