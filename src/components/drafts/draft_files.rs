//! Drafts in and out of the browser: export the open draft or all of this province's
//! drafts to a versioned JSON file, import a file (validated; each bad entry reported
//! on its own; nothing already here replaced), and share one draft as a link whose
//! fragment carries it (past the size budget, the file is offered instead).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::app::drafts::DraftSession;
use crate::app::state::AppContext;
use crate::core::draft::file::{
    export_file, file_name, import_file, plan_import, ImportAction, ImportError, MAX_FILE_BYTES,
};
use crate::core::draft::record::Draft;
use crate::core::draft::share_link::{encode_share, ShareError, SHARE_FRAGMENT_KEY};
use crate::core::text::numfmt::Locale;
use crate::platform::clock;
use crate::platform::download::{download_text, read_file_bytes};
use crate::present::dates::file_day;
use crate::present::i18n::drafts::{
    draft_error_text, dt, export_failure_text, import_error_text, repairs_text, share_error_text,
    DraftMsg, ExportFailure,
};

fn date_suffix() -> String {
    file_day(clock::now_ms(), clock::timezone_offset_minutes())
}

/// Exports `drafts` to a file named after `base`; records the export time.
pub fn export_drafts(
    session: DraftSession,
    drafts: &[Draft],
    base: &str,
) -> Result<(), ExportFailure> {
    let text = export_file(drafts, clock::now_ms()).map_err(ExportFailure::Encode)?;
    download_text(&file_name(base, &date_suffix()), "application/json", &text)
        .map_err(|_| ExportFailure::Download)?;
    session.mark_exported();
    Ok(())
}

/// Exports every draft of the shown model (the open one as on screen).
pub fn export_all(ctx: AppContext, session: DraftSession) -> Result<(), ExportFailure> {
    let drafts = session.drafts_for_export();
    let province = ctx
        .model()
        .map(|m| crate::present::i18n::pick(&m.province, Locale::Vi).to_string())
        .unwrap_or_default();
    export_drafts(session, &drafts, &format!("ban-nhap {province}"))
}

/// What the last file or link action said.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    None,
    Error(String),
    Imported(Vec<String>),
    Link(String),
    LinkTooLong,
}

/// The file and link buttons with their messages.
#[component]
pub fn DraftFiles() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let session = expect_context::<DraftSession>();
    let locale = move || ctx.locale();
    let (outcome, set_outcome) = signal(Outcome::None);
    let has_open = move || session.open.with(Option::is_some);

    let export_one = move |_| {
        let locale = locale();
        let Some(draft) = session.current_draft() else {
            return;
        };
        let name = draft.name.clone();
        match export_drafts(session, &[draft], &name) {
            Ok(()) => set_outcome.set(Outcome::None),
            Err(e) => set_outcome.set(Outcome::Error(export_failure_text(&e, locale))),
        }
    };
    let export_every = move |_| {
        let locale = locale();
        match export_all(ctx, session) {
            Ok(()) => set_outcome.set(Outcome::None),
            Err(e) => set_outcome.set(Outcome::Error(export_failure_text(&e, locale))),
        }
    };

    let on_bytes = move |bytes: Vec<u8>| {
        let locale = locale();
        let report = match import_file(&bytes) {
            Ok(r) => r,
            Err(e) => {
                set_outcome.set(Outcome::Error(import_error_text(&e, locale)));
                return;
            }
        };
        let mut lines = Vec::new();
        for rejected in &report.rejected {
            lines.push(format!(
                "{} {}: {}",
                dt(DraftMsg::Entry, locale),
                rejected.index + 1,
                draft_error_text(&rejected.error, locale)
            ));
        }
        // What the reader repaired is said once per draft, before what the import did.
        for entry in &report.drafts {
            if let Some(repaired) = repairs_text(&entry.read.repairs, locale) {
                lines.push(format!(
                    "{} {} ({}): {repaired}",
                    dt(DraftMsg::Entry, locale),
                    entry.index + 1,
                    entry.read.draft.name
                ));
            }
        }
        let incoming: Vec<Draft> = report.drafts.into_iter().map(|e| e.read.draft).collect();
        let existing = session.drafts.get_untracked();
        let mut new_id = clock::new_id;
        let actions = plan_import(
            &existing,
            incoming,
            dt(DraftMsg::ImportedSuffix, locale),
            &mut new_id,
        );
        let adds = actions
            .iter()
            .filter(|a| !matches!(a, ImportAction::Skip { .. }))
            .count();
        if adds > 0 {
            let question = format!("{} {adds}", dt(DraftMsg::ConfirmImport, locale));
            if !window().confirm_with_message(&question).unwrap_or(false) {
                set_outcome.set(Outcome::None);
                return;
            }
        }
        for action in actions {
            match action {
                ImportAction::Add(d) => {
                    lines.push(format!(
                        "{}: {}",
                        dt(DraftMsg::ImportedOne, locale),
                        crate::present::draft_label::draft_label(&d.name, locale)
                    ));
                    session.add_imported(d);
                }
                ImportAction::AddCopy { draft, .. } => {
                    lines.push(format!(
                        "{}: {}",
                        dt(DraftMsg::ImportedCopy, locale),
                        draft.name
                    ));
                    session.add_imported(draft);
                }
                ImportAction::Skip { name, .. } => {
                    lines.push(format!("{}: {name}", dt(DraftMsg::AlreadyHere, locale)));
                }
            }
        }
        set_outcome.set(Outcome::Imported(lines));
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // The same file can be chosen again later.
        input.set_value("");
        let size = file.size();
        // Reliability case D3: refused before reading.
        let within_cap = size.is_finite() && size <= MAX_FILE_BYTES as f64;
        if !within_cap {
            let bytes = crate::core::text::calendar::ms_from_f64(size);
            set_outcome.set(Outcome::Error(import_error_text(
                &ImportError::TooLarge {
                    bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                },
                locale(),
            )));
            return;
        }
        if read_file_bytes(&file, on_bytes).is_err() {
            set_outcome.set(Outcome::Error(
                dt(DraftMsg::FileNotRead, locale()).to_string(),
            ));
        }
    };

    let share = move |_| {
        let Some(draft) = session.current_draft() else {
            return;
        };
        match encode_share(&draft) {
            Ok(value) => {
                let location = window().location();
                // The link opens the same province and indicator; the draft itself
                // travels in the fragment, which browsers never send to a server.
                let view = ctx
                    .state
                    .with_untracked(|s| crate::core::codec::view_link::ViewLink {
                        model: ctx.models.get(s.model_index).map(|m| m.id.clone()),
                        indicator: s.selected.clone(),
                        ..Default::default()
                    });
                set_outcome.set(Outcome::Link(format!(
                    "{}{}{}#{SHARE_FRAGMENT_KEY}{value}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default(),
                    crate::core::codec::view_link::encode(&view),
                )));
            }
            Err(ShareError::TooLong { .. }) => set_outcome.set(Outcome::LinkTooLong),
            Err(e) => set_outcome.set(Outcome::Error(share_error_text(&e, locale()))),
        }
    };

    let message = move || {
        let locale = locale();
        match outcome.get() {
            Outcome::None => None,
            Outcome::Error(text) => Some(
                view! { <p class="notice error" role="alert" data-testid="file-error">{text}</p> }
                    .into_any(),
            ),
            Outcome::Imported(lines) => Some(
                view! {
                    <div class="notice" role="status" data-testid="import-report">
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
            ),
            Outcome::Link(url) => Some(
                view! {
                    <div class="notice" role="status">
                        <label>
                            <span>{dt(DraftMsg::ShareLinkLabel, locale)}</span>
                            <input type="text" readonly data-testid="share-link-url" prop:value=url />
                        </label>
                        <p class="detail">{dt(DraftMsg::ShareLinkHint, locale)}</p>
                    </div>
                }
                .into_any(),
            ),
            Outcome::LinkTooLong => Some(
                view! {
                    <div class="notice warning" role="status" data-testid="share-too-long">
                        <p>{dt(DraftMsg::ShareTooLong, locale)}</p>
                        <button type="button" on:click=export_one>{dt(DraftMsg::ExportDraft, locale)}</button>
                    </div>
                }
                .into_any(),
            ),
        }
    };

    view! {
        <div class="draft-files">
            <button type="button" data-testid="export-draft" disabled=move || !has_open() on:click=export_one>
                {move || dt(DraftMsg::ExportDraft, locale())}
            </button>
            <button type="button" data-testid="export-all" on:click=export_every>
                {move || dt(DraftMsg::ExportAll, locale())}
            </button>
            <label class="file-button">
                <span>{move || dt(DraftMsg::ImportFile, locale())}</span>
                <input type="file" accept=".json,application/json" data-testid="import-file" on:change=on_file />
            </label>
            <button type="button" data-testid="share-draft" disabled=move || !has_open() on:click=share>
                {move || dt(DraftMsg::ShareLink, locale())}
            </button>
            {message}
        </div>
    }
}
