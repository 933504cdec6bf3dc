//! The drafts panel: the open draft's name, note and save status; new, duplicate,
//! delete with undo; the list of this province's drafts to switch between; and where
//! drafts are kept (this browser or memory, protected or not, last export).

use leptos::prelude::*;

use crate::app::drafts::DraftSession;
use crate::app::state::AppContext;
use crate::components::drafts::draft_compare::DraftCompare;
use crate::components::drafts::draft_files::DraftFiles;
use crate::core::draft::session::{Protection, SaveStatus};
use crate::core::draft::storage_policy::export_reminder;
use crate::platform::clock;
use crate::present::dates::saved_time_text;
use crate::present::draft_label::draft_label;
use crate::present::i18n::drafts::{dt, protection_text, status_code, status_text, DraftMsg};
use crate::present::series::draft_revision_note;

/// "17:30 22/11/2026" in the browser's time zone.
pub fn time_text(ms: i64) -> String {
    saved_time_text(ms, clock::timezone_offset_minutes())
}

/// The panel.
#[component]
pub fn DraftsPanel() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let session = expect_context::<DraftSession>();
    let locale = move || ctx.locale();

    let status = move || {
        session.status.with(|s| {
            let time = match s {
                SaveStatus::Saved(ms) | SaveStatus::WrittenBack(ms) => time_text(*ms),
                _ => String::new(),
            };
            status_text(s, locale(), &time)
        })
    };
    let status_attr = move || session.status.with(status_code);
    let has_open = move || session.open.with(Option::is_some);
    let unsaved_link = move || {
        session
            .open
            .with(|o| o.as_ref().is_some_and(|o| !o.stored && !o.read_only))
            && session.persistent()
    };
    let name_value = move || {
        session
            .open
            .with(|o| o.as_ref().map(|o| o.name.clone()).unwrap_or_default())
    };
    let note_value = move || {
        session
            .open
            .with(|o| o.as_ref().map(|o| o.note.clone()).unwrap_or_default())
    };
    let open_id = Memo::new(move |_| {
        session
            .open
            .with(|o| o.as_ref().map(|o| o.saved.id.clone()))
    });

    let list = move || {
        let locale = locale();
        let current = open_id.get();
        let drafts = session.drafts_of_model();
        if drafts.is_empty() {
            return view! {
                <p class="drafts-empty" data-testid="no-drafts">
                    {dt(DraftMsg::NoDraftsYet, locale)} " " {dt(DraftMsg::RestoreHint, locale)}
                </p>
            }
            .into_any();
        }
        view! {
            <ul class="draft-list">
                {drafts
                    .into_iter()
                    .map(|d| {
                        let is_open = current.as_deref() == Some(d.id.as_str());
                        let id = d.id.clone();
                        let count = d.overrides.len();
                        let read_only = session.read_only_ids.with(|r| r.contains(&d.id));
                        view! {
                            <li
                                class="draft-item"
                                class:is-open=is_open
                                data-testid="draft-item"
                                data-draft-id=d.id.clone()
                            >
                                <button
                                    type="button"
                                    class="link-button"
                                    aria-current=is_open.then_some("true")
                                    on:click=move |_| session.switch_to(&id)
                                >
                                    {draft_label(&d.name, locale)}
                                </button>
                                <span class="draft-meta">
                                    {format!(
                                        "{} {} · {} {}",
                                        dt(DraftMsg::Changed, locale),
                                        time_text(d.changed_ms),
                                        count,
                                        dt(DraftMsg::Inputs, locale),
                                    )}
                                    {is_open.then(|| format!(" · {}", dt(DraftMsg::IsOpen, locale)))}
                                    {read_only.then(|| format!(" · {}", dt(DraftMsg::ReadOnlyWarning, locale)))}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    let health = move || {
        let locale = locale();
        let where_text = if !session.persistent() {
            dt(DraftMsg::LivesInMemory, locale)
        } else if crate::platform::portal::is_framed() {
            dt(DraftMsg::LivesInPortal, locale)
        } else if session.persistent() {
            dt(DraftMsg::LivesInBrowser, locale)
        } else {
            dt(DraftMsg::LivesInMemory, locale)
        };
        let protection = session.protection.get();
        let meta = session.meta.get();
        let exported = match meta.last_export_ms {
            Some(ms) => format!("{}: {}", dt(DraftMsg::LastExported, locale), time_text(ms)),
            None => dt(DraftMsg::NeverExported, locale).to_string(),
        };
        let oldest_change = session
            .drafts
            .with(|all| all.iter().map(|d| d.changed_ms).min());
        let unexported = match meta.last_export_ms {
            Some(last) => session.drafts.with(|all| {
                all.iter()
                    .filter(|d| d.changed_ms > last)
                    .map(|d| d.changed_ms)
                    .min()
                    .or(Some(last))
            }),
            None => oldest_change,
        };
        let remind = export_reminder(
            clock::now_ms(),
            meta.last_export_ms,
            unexported,
            protection == Protection::Protected,
        )
        .is_some();
        let protection_code = match protection {
            Protection::Protected => "protected",
            Protection::NotProtected => "not-protected",
            Protection::Unknown => "unknown",
        };
        view! {
            <div class="storage-health" data-testid="storage-health" data-protection=protection_code>
                <p>{where_text}</p>
                <p>{protection_text(protection, locale)}</p>
                <p data-testid="last-export">{exported}</p>
                {remind.then(|| view! {
                    <p class="notice warning" role="status" data-testid="export-reminder">
                        {dt(DraftMsg::ExportReminder, locale)}
                    </p>
                })}
            </div>
        }
    };

    // A draft made on an older revision of its model: which figures it relied on changed.
    let revision_note = move || {
        let model = ctx.model()?;
        let note = session.open.with(|o| {
            o.as_ref()
                .and_then(|o| draft_revision_note(&o.saved, model, locale()))
        })?;
        Some(
            view! { <p class="notice warning" role="status" data-testid="draft-revision-note">{note}</p> },
        )
    };

    let undo = move || {
        session.deleted.get().map(|d| {
            let locale = locale();
            view! {
                <p class="notice" role="status" data-testid="draft-deleted">
                    {format!("{} «{}». ", dt(DraftMsg::DeletedNotice, locale), draft_label(&d.name, locale))}
                    <button type="button" data-testid="draft-undo" on:click=move |_| session.undo_delete()>
                        {dt(DraftMsg::Undo, locale)}
                    </button>
                </p>
            }
        })
    };

    view! {
        <section
            class="drafts-panel"
            class:is-empty=move || !has_open() && session.drafts_of_model().is_empty()
            aria-labelledby="drafts-heading"
            data-testid="drafts-panel"
        >
            <div class="drafts-head">
                <h2 id="drafts-heading">{move || dt(DraftMsg::Drafts, locale())}</h2>
                <span class="save-status" data-testid="save-status" data-status=status_attr role="status">
                    {status}
                </span>
            </div>
            {revision_note}
            {move || has_open().then(|| view! {
                <div class="draft-fields">
                    <label>
                        <span>{move || dt(DraftMsg::Name, locale())}</span>
                        <input
                            type="text"
                            data-testid="draft-name"
                            maxlength="120"
                            prop:value=name_value
                            on:input=move |ev| session.rename(event_target_value(&ev))
                        />
                    </label>
                    <label>
                        <span>{move || dt(DraftMsg::Note, locale())}</span>
                        <textarea
                            data-testid="draft-note"
                            rows="2"
                            maxlength="4000"
                            prop:value=note_value
                            on:input=move |ev| session.set_note(event_target_value(&ev))
                        ></textarea>
                    </label>
                </div>
            })}
            <div class="draft-actions">
                <button type="button" data-testid="draft-new" on:click=move |_| session.create()>
                    {move || dt(DraftMsg::New, locale())}
                </button>
                {move || unsaved_link().then(|| view! {
                    <button type="button" data-testid="draft-save" on:click=move |_| session.save_now()>
                        {dt(DraftMsg::SaveDraft, locale())}
                    </button>
                })}
                <button
                    type="button"
                    data-testid="draft-duplicate"
                    disabled=move || !has_open()
                    on:click=move |_| session.duplicate(dt(DraftMsg::CopySuffix, locale()))
                >
                    {move || dt(DraftMsg::Duplicate, locale())}
                </button>
                <button
                    type="button"
                    data-testid="draft-delete"
                    disabled=move || open_id.get().is_none()
                    on:click=move |_| {
                        if let Some(id) = open_id.get_untracked() {
                            session.delete(&id);
                        }
                    }
                >
                    {move || dt(DraftMsg::Delete, locale())}
                </button>
            </div>
            {undo}
            <DraftFiles />
            <h3>{move || dt(DraftMsg::YourDrafts, locale())}</h3>
            {list}
            <DraftCompare />
            {health}
        </section>
    }
}
