//! The root component: loads the shipped models and the person's own models (from the
//! model store, once, before the first view), provides `AppContext`, keeps the page
//! language in step with the interface, and lays out the dashboard.

use leptos::prelude::*;

use crate::app::drafts::DraftSession;
use crate::app::state::{link_from_state, state_from_link, Action, AppContext};
use crate::components::dashboard::data_problems::DataProblems;
use crate::components::dashboard::model_picker::ModelPicker;
use crate::components::dashboard::search_box::SearchBox;
use crate::components::dashboard::target_table::{StartFilter, TargetTables};
use crate::components::drafts::draft_files::export_all;
use crate::components::drafts::drafts_panel::DraftsPanel;
use crate::components::drafts::storage_alerts::StorageAlerts;
use crate::components::indicator::indicator_detail::IndicatorDetail;
use crate::components::models::model_files::{ModelFiles, OwnModels};
use crate::components::models::model_import::ModelImport;
use crate::components::reports::print_report::{
    PrintButton, PrintReport, PrintRequest, ReportKind,
}; // Reports
use crate::components::shell::embed_view::EmbedPage;
use crate::components::shell::language_switch::LanguageSwitch;
use crate::components::shell::update_banner::UpdateBanner;
use crate::core::codec::view_link::{decode, encode, ViewLink};
use crate::core::draft::share_link::{decode_share, share_value, LinkOutcome};
use crate::core::model::catalog::{load_shipped, UNITS_JSON};
use crate::core::model::published::parse_published;
use crate::core::model::stored::read_stored;
use crate::platform::address_bar::replace_query;
use crate::platform::clock;
use crate::platform::model_store::{self, ModelStoreError};
use crate::platform::published;
use crate::present::dashboard::model_heading;
use crate::present::first_screen::RowFilter;
use crate::present::i18n::drafts::link_notice;
use crate::present::i18n::{t, Msg};
use crate::present::prerender::PRERENDERED_ID;

/// How long the first view waits for the model store (a store blocked by another tab
/// must not keep the app from starting). The shipped data are always waited for: they
/// come from the service worker's cache, and the pre-rendered rows in `index.html` are on
/// screen meanwhile.
const STARTUP_WAIT_MS: u64 = 5_000;

/// How long the first view waits for the published models once the shipped data and the
/// model store are in (a slow network must not hold the app back). Models published
/// later are in the service worker's cache for the next start.
const PUBLISHED_WAIT_MS: u64 = 1_000;

/// What the app reads before its first view: the model store's records and the models a
/// portal publishes (file, text).
#[derive(Clone, Debug, Default)]
struct Startup {
    records: Vec<(String, String)>,
    store_error: Option<ModelStoreError>,
    published: Vec<(String, String)>,
    published_failures: Vec<String>,
    timed_out: bool,
}

/// Published models: (file, text) read, and the files that failed.
type Published = (Vec<(String, String)>, Vec<String>);

async fn read_published() -> Published {
    let mut read = Vec::new();
    let mut failures = Vec::new();
    // No list, or an empty one, means nothing is published; a bad list is reported.
    if let Ok(text) = published::fetch_text(published::LIST).await {
        match parse_published(&text) {
            Ok(files) => {
                for file in files {
                    match published::fetch_text(&file).await {
                        Ok(text) => read.push((file, text)),
                        Err(_) => failures.push(file),
                    }
                }
            }
            Err(_) => failures.push(published::LIST.to_string()),
        }
    }
    (read, failures)
}

/// What start-up has read so far; the workspace starts once from it.
#[derive(Clone, Debug, Default)]
struct Reading {
    shipped: bool,
    store: Option<Result<Vec<(String, String)>, ModelStoreError>>,
    published: Option<Published>,
    published_late: bool,
    store_late: bool,
}

impl Reading {
    /// The start-up to begin with, once enough is read (or waited for).
    fn ready(&self) -> Option<Startup> {
        let store_done = self.store.is_some() || self.store_late;
        let published_done = self.published.is_some() || self.published_late;
        if !(self.shipped && store_done && published_done) {
            return None;
        }
        let mut startup = Startup {
            timed_out: self.store.is_none(),
            ..Startup::default()
        };
        match self.store.clone() {
            Some(Ok(records)) => startup.records = records,
            Some(Err(e)) => startup.store_error = Some(e),
            None => {}
        }
        if let Some((read, failures)) = self.published.clone() {
            startup.published = read;
            startup.published_failures = failures;
        }
        Some(startup)
    }
}

/// The whole app: fetches the shipped data and reads the person's own and the published
/// models at once, then shows the workspace (replacing the rows pre-rendered into
/// `index.html` at build time).
#[component]
pub fn App() -> impl IntoView {
    crate::platform::text::install();
    let (startup, set_startup) = signal(None::<Startup>);
    let reading = StoredValue::new(Reading::default());
    let step = move |change: fn(&mut Reading)| {
        reading.update_value(change);
        if startup.get_untracked().is_none() {
            if let Some(s) = reading.with_value(Reading::ready) {
                set_startup.set(Some(s));
            }
        }
    };
    leptos::task::spawn_local(async move {
        crate::platform::shipped::fetch_shipped().await;
        step(|r| r.shipped = true);
        set_timeout(
            move || step(|r| r.published_late = true),
            std::time::Duration::from_millis(PUBLISHED_WAIT_MS),
        );
    });
    leptos::task::spawn_local(async move {
        let read = model_store::read_all().await;
        reading.update_value(|r| r.store = Some(read));
        step(|_| {});
    });
    leptos::task::spawn_local(async move {
        let read = read_published().await;
        reading.update_value(|r| r.published = Some(read));
        step(|_| {});
    });
    set_timeout(
        move || step(|r| r.store_late = true),
        std::time::Duration::from_millis(STARTUP_WAIT_MS),
    );
    // Runs once: `startup` is set once. The pre-rendered rows go in the same task as the
    // workspace's are mounted, so no frame shows neither (or both).
    move || {
        startup.get().map(|s| {
            let workspace = view! { <Workspace startup=s /> };
            remove_prerendered();
            workspace
        })
    }
}

/// What the person chose in the live first view (`src/first_view/`) before the app had
/// loaded, kept on `#prerendered`: the dashboard filter and the search text.
fn first_view_choices() -> (Option<RowFilter>, String) {
    let Some(root) = document().get_element_by_id(PRERENDERED_ID) else {
        return (None, String::new());
    };
    let filter = root
        .get_attribute("data-filter")
        .and_then(|code| RowFilter::from_code(&code));
    (filter, root.get_attribute("data-query").unwrap_or_default())
}

/// Removes the dashboard rows written into `index.html` at build time (`#prerendered`).
fn remove_prerendered() {
    if let Some(node) = document().get_element_by_id(PRERENDERED_ID) {
        node.remove();
    }
}

/// The dashboard and everything on it, over the shipped, published and own models.
#[component]
fn Workspace(startup: Startup) -> impl IntoView {
    // Models live as long as the page: leaking them once gives every component a
    // cheap `&'static` without cloning the models into signals.
    let (mut models, rejected) = load_shipped();
    let mut taken: Vec<String> = models.iter().map(|m| m.id.clone()).collect();
    let published = read_stored(
        startup.published,
        UNITS_JSON,
        &taken.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for (_, model) in published.loaded {
        taken.push(model.id.clone());
        models.push(model);
    }
    let stored = read_stored(
        startup.records,
        UNITS_JSON,
        &taken.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let mut own_files = Vec::new();
    for (file, model) in stored.loaded {
        own_files.push((model.id.clone(), file));
        models.push(model);
    }
    let all_ids: Vec<String> = models.iter().map(|m| m.id.clone()).collect();
    let mut published_problems: Vec<String> = startup.published_failures;
    published_problems.extend(published.set_aside.into_iter().map(|s| s.key));
    provide_context(OwnModels {
        files: StoredValue::new(own_files),
        all_ids: StoredValue::new(all_ids),
        set_aside: StoredValue::new(stored.set_aside),
        store_error: StoredValue::new(
            startup
                .store_error
                .filter(|e| *e == ModelStoreError::Unavailable),
        ),
        published_problems: StoredValue::new(published_problems),
        timed_out: startup.timed_out,
    });
    // The view in the URL query (a shared link, or a reload) is where the app starts.
    let search = window().location().search().unwrap_or_default();
    let mut link = decode(&search);
    // What of the link could not be read (a range or the seed), said once at the top.
    let link_problems = link.problems.clone();
    // Term: with an as-of date the models show only what was known on that day.
    if let Some(day) = link.as_of {
        models = models
            .iter()
            .map(|m| crate::core::model::as_of::model_as_of(m, day))
            .collect();
    }
    let as_of_error = link.as_of_error.clone();
    let models: &'static [_] = models.leak();
    link.model = start_model_id(models, &link); // Term: the model of the as-of date
    let initial = state_from_link(&link, models);
    let ctx = AppContext::with_state(models, rejected.leak(), initial);
    provide_context(ctx);
    // The live first view's filter and search carry on (issue #15).
    let (start_filter, start_query) = first_view_choices();
    provide_context(StartFilter(start_filter.unwrap_or_default()));
    if !start_query.is_empty() {
        ctx.dispatch(Action::SetQuery(start_query));
    }
    let session = DraftSession::start(ctx);
    provide_context(session);
    let link_notice = open_shared_draft(ctx, session);
    let on_export = Callback::new(move |()| {
        // A failed export is reported by the drafts panel's own button; here the
        // person is already looking at a storage warning.
        let _ = export_all(ctx, session);
    });
    provide_context(PrintRequest::default()); // Reports: what the print buttons ask for

    // Keep the URL in step with the view, without adding history entries per keystroke.
    // A new view (model, target, draft, language, date) is written at once; typing in a
    // box is written once the person pauses for URL_TYPING_PAUSE_MS (issue #15):
    // history.replaceState costs about 4 ms in Chromium, more than the recompute it
    // followed, and Chromium ignores calls past 200 in 10 s.
    // Each change takes a ticket; a write waiting for the pause goes ahead only if no
    // change came after it (a ticket, not clearTimeout: under a test's fake clock the
    // timer ids do not survive the trip through wasm).
    let url_ticket: StoredValue<u64> = StoredValue::new(0);
    let written_view: StoredValue<Option<ViewLink>> = StoredValue::new(None);
    Effect::new(move |_| {
        let link = ctx.state.with(|s| link_from_state(s, ctx.models));
        let ticket = url_ticket.get_value().wrapping_add(1);
        url_ticket.set_value(ticket);
        let view = link.view_only();
        let query = encode(&link);
        if written_view.with_value(|w| w.as_ref() != Some(&view)) {
            written_view.set_value(Some(view));
            replace_query(&query);
            return;
        }
        let later = query.clone();
        let waiting = set_timeout_with_handle(
            move || {
                if url_ticket.get_value() == ticket {
                    replace_query(&later);
                }
            },
            std::time::Duration::from_millis(URL_TYPING_PAUSE_MS),
        );
        // Without a timer the link is written now rather than lost.
        if waiting.is_err() {
            replace_query(&query);
        }
    });

    Effect::new(move |_| {
        let lang = ctx.locale().code();
        if let Some(root) = document().document_element() {
            // Screen readers pick their voice from <html lang>; failure only loses that.
            let _ = root.set_attribute("lang", lang);
        }
        document().set_title(t(Msg::AppTitle, ctx.locale()));
    });

    let heading = move || {
        let locale = ctx.locale();
        ctx.model()
            .map(|m| model_heading(m, locale))
            .unwrap_or_default()
    };

    // Embedding: a portal's iframe asked for the compact view.
    if let Some(embed) = ctx.state.with_untracked(|s| s.embed.clone()) {
        return view! {
            <UpdateBanner />
            <main id="main" class="embed-main" tabindex="-1">
                <EmbedPage embed=embed />
            </main>
        }
        .into_any();
    }

    view! {
        <UpdateBanner />
        <a class="skip-link" href="#main">{move || t(Msg::SkipToContent, ctx.locale())}</a>
        <header class="app-header">
            <div class="title-block">
                <p class="app-name">{move || t(Msg::AppTitle, ctx.locale())}</p>
                <h1 data-testid="model-title">{heading}</h1>
            </div>
            <div class="header-tools">
                <ModelPicker />
                <crate::components::shell::as_of_date::AsOfDate />
                <LanguageSwitch />
                <PrintButton kind=ReportKind::Dashboard /> // Reports
            </div>
        </header>
        <main id="main" tabindex="-1">
            <crate::components::shell::as_of_date::AsOfNote error=as_of_error />
            <DataProblems />
            <StorageAlerts on_export=on_export />
            {move || link_notice.get().map(|(kind, text)| view! {
                <p class="notice" role="status" data-testid="share-link-notice" data-kind=kind>{text}</p>
            })}
            {(!link_problems.is_empty()).then(|| {
                let problems = link_problems.clone();
                view! {
                    <div class="notice" role="status" data-testid="view-link-notice">
                        {move || problems.iter().map(|p| view! { <p>{crate::present::chance::link_problem_text(*p, ctx.locale())}</p> }).collect_view()}
                    </div>
                }
            })}
            <div class="model-tools">
                <ModelImport />
                <crate::components::models::model_editor::ModelEditor />
                <ModelFiles />
            </div>
            <SearchBox />
            <DraftsPanel />
            <div class="layout">
                <TargetTables />
                <IndicatorDetail />
            </div>
            // Below the tables, so the rows stand where the pre-rendered first view put them.
            <crate::components::dashboard::term_evaluation::TermEvaluation />
            <crate::components::dashboard::term_evaluation::ModelGaps />
        </main>
        <footer class="app-footer">
            <p>{move || t(Msg::DataFooter, ctx.locale())}</p>
        </footer>
        <PrintReport /> // Reports: mounted only while printing
    }
    .into_any()
}

/// The model the app opens on (`core::model::choice::start_model`): the link's, an old
/// link's Kon Tum, the remembered choice, or the model of the as-of date (today unless
/// the link names a day).
fn start_model_id(
    models: &[crate::core::model::Model],
    link: &crate::core::codec::view_link::ViewLink,
) -> Option<String> {
    use crate::core::model::choice::start_model;
    let year = link.as_of.unwrap_or_else(crate::app::state::today).year;
    let remembered = crate::platform::model_choice::remembered();
    let i = start_model(
        models,
        link.model.as_deref(),
        link.indicator.is_some(),
        year,
        remembered.as_deref(),
    );
    models.get(i).map(|m| m.id.clone())
}

/// Opens the draft carried by a share link (`#nhap=…`, percent-encoded or not) as a new
/// unsaved draft, leaving stored drafts untouched. Returns the notice to show (kind,
/// text), tracked by locale.
fn open_shared_draft(
    ctx: AppContext,
    session: DraftSession,
) -> Signal<Option<(&'static str, String)>> {
    let hash = window().location().hash().unwrap_or_default();
    let Some(value) = share_value(&hash) else {
        return Signal::stored(None);
    };
    let outcome = match decode_share(&value, &clock::new_id(), clock::now_ms()) {
        Ok(read) => {
            let model = ctx.models.iter().position(|m| m.id == read.draft.model.id);
            match model {
                Some(index) => {
                    ctx.dispatch(crate::app::state::Action::SelectModel(index));
                    session.open_unsaved(read.draft);
                    LinkOutcome::Opened {
                        repairs: read.repairs,
                    }
                }
                None => LinkOutcome::ModelMissing,
            }
        }
        Err(e) => LinkOutcome::Unreadable(e),
    };
    Signal::derive(move || Some(link_notice(&outcome, ctx.locale())))
}

/// How long typing pauses before the address bar follows it.
const URL_TYPING_PAUSE_MS: u64 = 300;
