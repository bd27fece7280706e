//! The "Photos and documents" step: file picker, camera on phones, drag and drop, and a
//! line per file with its progress, what was removed from it, and cancel / retry.

use std::rc::Rc;

use leptos::prelude::*;

use super::Form;
use super::state::AttachedEvidence;
use crate::evidence::{self, FileProblem, Prepared, UploadEvent, UploadFailure, UploadHandle};
use crate::messages::Messages;
use crate::webcrypto;

/// A file the shopper added that is not (yet) on the complaint. Its state is a signal of
/// its own: a progress event updates one bar, never the list (a list re-rendered under
/// the pointer would swallow a click on Cancel).
#[derive(Clone, Copy)]
pub struct Pending {
    key: u32,
    name: StoredValue<String>,
    state: RwSignal<PendingState>,
    prepared: StoredValue<Option<Rc<Prepared>>, LocalStorage>,
    handle: StoredValue<UploadHandle, LocalStorage>,
}

#[derive(Clone, PartialEq)]
enum PendingState {
    Preparing,
    Uploading { percent: u32 },
    Failed(UploadFailure),
    Refused(FileProblem),
}

impl Pending {
    /// Still working: the shopper waits before going on.
    pub fn busy(&self) -> bool {
        self.state.with(|state| {
            matches!(
                state,
                PendingState::Preparing | PendingState::Uploading { .. }
            )
        })
    }
}

/// The files being prepared or uploaded, shared by every step so an upload runs on while
/// the shopper moves on and is still shown on return.
pub type PendingFiles = RwSignal<Vec<Pending>, LocalStorage>;

fn megabytes(bytes: u64) -> String {
    let mb = bytes.div_ceil(1024 * 1024);
    format!("{mb} MB")
}

/// The message for a refused file, with its name and the limit filled in.
fn problem_text(t: &'static Messages, name: &str, problem: &FileProblem) -> String {
    let template = t.evidence_problem(problem.code);
    let limit = problem.limit.unwrap_or_default();
    let limit_text = match problem.code {
        "evidence.too_many" => limit.to_string(),
        _ => megabytes(limit),
    };
    template
        .replace("{name}", name)
        .replace("{limit}", &limit_text)
}

fn failure_text(t: &'static Messages, name: &str, failure: &UploadFailure) -> String {
    match failure {
        UploadFailure::Network => t.evidence_failed.replace("{name}", name),
        UploadFailure::Cancelled => t.evidence_cancelled.replace("{name}", name),
        UploadFailure::Refused(code) => t
            .evidence_problem(code)
            .replace("{name}", name)
            .replace("{limit}", ""),
    }
}

fn find(pending: PendingFiles, key: u32) -> Option<Pending> {
    pending.with_untracked(|list| list.iter().find(|p| p.key == key).copied())
}

fn set_state(pending: PendingFiles, key: u32, state: PendingState) {
    if let Some(p) = find(pending, key) {
        p.state.set(state);
    }
}

/// Uploads a prepared file; on success it moves from `pending` onto the complaint.
fn upload(form: Form, pending: PendingFiles, key: u32, prepared: Rc<Prepared>) {
    set_state(pending, key, PendingState::Uploading { percent: 0 });
    let url = evidence::upload_url(
        &form.endpoint.get_value(),
        &prepared.file.sha256,
        &prepared.file.file_name,
    );
    let file = prepared.clone();
    let handle = evidence::start(
        &url,
        &prepared.file.media_type,
        &prepared.bytes,
        move |event| match event {
            UploadEvent::Progress { sent, total } => {
                let percent = (sent.saturating_mul(100) / total.max(1)).min(100) as u32;
                set_state(pending, key, PendingState::Uploading { percent });
            }
            UploadEvent::Finished(Ok(uploaded)) => {
                pending.update(|list| list.retain(|p| p.key != key));
                form.filing.update(|f| {
                    f.attach(AttachedEvidence {
                        id: uploaded.id,
                        file: file.file.clone(),
                        location_removed: file.location_removed,
                        metadata_removed: file.metadata_removed,
                    })
                });
            }
            UploadEvent::Finished(Err(failure)) => {
                set_state(pending, key, PendingState::Failed(failure));
            }
        },
    );
    if let Some(p) = find(pending, key) {
        p.handle.set_value(handle);
    }
}

/// Reads, prepares and uploads each file the shopper picked or dropped.
fn add_files(form: Form, pending: PendingFiles, files: web_sys::FileList) {
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let key = next_key();
        let name = file.name();
        pending.update(|list| {
            list.push(Pending {
                key,
                name: StoredValue::new(name.clone()),
                state: RwSignal::new(PendingState::Preparing),
                prepared: StoredValue::new_local(None),
                handle: StoredValue::new_local(UploadHandle::default()),
            })
        });
        leptos::task::spawn_local(async move {
            let cleaned = match read_bytes(&file).await {
                Some(bytes) => form
                    .policy
                    .with_value(|policy| evidence::clean(&name, &file.type_(), &bytes, policy)),
                None => Err(FileProblem {
                    code: "evidence.unreadable",
                    limit: None,
                }),
            };
            let outcome = match cleaned {
                Ok(cleaned) => {
                    let sha256 = webcrypto::sha256_hex(cleaned.bytes()).await;
                    // From here to taking its place nothing is awaited: files already
                    // attached, plus those still uploading, count for the limits.
                    let counted = form.filing.with_untracked(|f| f.draft.evidence.clone());
                    let in_flight: Vec<_> = pending.with_untracked(|list| {
                        list.iter()
                            .filter(|p| p.key != key)
                            .filter_map(|p| {
                                p.prepared
                                    .with_value(|x| x.as_ref().map(|x| x.file.clone()))
                            })
                            .collect()
                    });
                    let all: Vec<_> = counted.into_iter().chain(in_flight).collect();
                    form.policy
                        .with_value(|policy| cleaned.admit(sha256, policy, &all))
                }
                Err(problem) => Err(problem),
            };
            match outcome {
                Ok(prepared) => {
                    let prepared = Rc::new(prepared);
                    if let Some(p) = find(pending, key) {
                        p.prepared.set_value(Some(prepared.clone()));
                    }
                    upload(form, pending, key, prepared);
                }
                Err(problem) => set_state(pending, key, PendingState::Refused(problem)),
            }
        });
    }
}

fn next_key() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[cfg(target_arch = "wasm32")]
async fn read_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[cfg(not(target_arch = "wasm32"))]
async fn read_bytes(_file: &web_sys::File) -> Option<Vec<u8>> {
    None
}

/// The step's view.
pub fn evidence(form: Form, pending: PendingFiles) -> impl IntoView {
    let t = form.t;
    let (accept, rules) = form
        .policy
        .with_value(|p| (evidence::accept_attribute(p), p.evidence.clone()));
    let intro = t
        .evidence_intro
        .replace("{count}", &rules.max_count.to_string())
        .replace("{size}", &megabytes(rules.max_file_bytes));
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            add_files(form, pending, files);
        }
        // The same file can be picked again after a removal.
        input.set_value("");
    };
    view! {
        <p class="redress-hint" id="redress-evidence-files-hint">{intro}</p>
        <p class="redress-privacy">{t.evidence_privacy}</p>
        {super::steps::error_line(form, "evidence", "redress-evidence-files")}
        <div
            class="redress-drop"
            class:redress-drop-active=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
                    add_files(form, pending, files);
                }
            }
        >
            <input
                type="file"
                id="redress-evidence-files"
                class="redress-file-input"
                multiple
                accept=accept
                aria-describedby="redress-evidence-files-hint"
                on:change=on_pick
            />
            <label for="redress-evidence-files" class="redress-button redress-button-secondary">{t.evidence_choose}</label>
            <input
                type="file"
                id="redress-evidence-camera"
                class="redress-file-input redress-camera-input"
                accept="image/*"
                capture="environment"
                on:change=on_pick
            />
            <label for="redress-evidence-camera" class="redress-button redress-button-secondary redress-camera">{t.evidence_camera}</label>
            <p class="redress-drop-text">{t.evidence_drop}</p>
        </div>
        <ul class="redress-files" aria-label=t.evidence_list>
            {move || form.filing.with(|f| f.evidence.clone()).into_iter().map(|a| attached_line(form, a)).collect_view()}
            <For each=move || pending.get() key=|p| p.key let:item>
                {pending_line(form, pending, item)}
            </For>
        </ul>
    }
}

fn attached_line(form: Form, attached: AttachedEvidence) -> impl IntoView {
    let t = form.t;
    let id = attached.id.clone();
    let note = if attached.location_removed {
        Some(t.evidence_location_removed)
    } else if attached.metadata_removed {
        Some(t.evidence_metadata_removed)
    } else {
        None
    };
    let name = attached.file.file_name.clone();
    view! {
        <li class="redress-file redress-file-done">
            <span class="redress-file-name">{attached.file.file_name}</span>
            <span class="redress-file-status">
                {t.evidence_uploaded}" · "{megabytes_or_kb(attached.file.size_bytes)}
                {note.map(|n| view! { " · "{n} })}
            </span>
            <button type="button" class="redress-link" on:click=move |_| form.filing.update(|f| f.detach(&id))>
                {t.evidence_remove}<span class="redress-visually-hidden">": "{name}</span>
            </button>
        </li>
    }
}

fn megabytes_or_kb(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        megabytes(bytes)
    }
}

fn pending_line(form: Form, pending: PendingFiles, item: Pending) -> impl IntoView {
    let t = form.t;
    let key = item.key;
    let name = item.name.get_value();
    let state = item.state;
    let status = move || {
        let name = item.name.get_value();
        match state.get() {
            PendingState::Preparing => t.evidence_preparing.to_owned(),
            PendingState::Uploading { percent } => t
                .evidence_uploading
                .replace("{percent}", &percent.to_string()),
            PendingState::Failed(failure) => failure_text(t, &name, &failure),
            PendingState::Refused(problem) => problem_text(t, &name, &problem),
        }
    };
    let percent = move || match state.get() {
        PendingState::Uploading { percent } => Some(percent),
        _ => None,
    };
    let trouble = move || {
        matches!(
            state.get(),
            PendingState::Failed(_) | PendingState::Refused(_)
        )
    };
    let uploading = move || matches!(state.get(), PendingState::Uploading { .. });
    let retryable = move || matches!(state.get(), PendingState::Failed(_));
    let retry = move |_| {
        if let Some(prepared) = item.prepared.get_value() {
            upload(form, pending, key, prepared);
        }
    };
    let remove = move |_| pending.update(|list| list.retain(|p| p.key != key));
    let hidden_name = name.clone();
    let (cancel_name, retry_name) = (name.clone(), name.clone());
    view! {
        <li class="redress-file" class:redress-file-trouble=trouble>
            <span class="redress-file-name">{name.clone()}</span>
            <Show when=move || percent().is_some()>
                <progress class="redress-progress" max="100" value=move || percent().unwrap_or(0).to_string() aria-label=hidden_name.clone()></progress>
            </Show>
            <span class="redress-file-status" role=move || if trouble() { "alert" } else { "status" }>{status}</span>
            <span class="redress-file-actions">
                <Show when=uploading>
                    <button type="button" class="redress-link" on:click=move |_| item.handle.get_value().cancel()>
                        {t.evidence_cancel}<span class="redress-visually-hidden">": "{cancel_name.clone()}</span>
                    </button>
                </Show>
                <Show when=retryable>
                    <button type="button" class="redress-link" on:click=retry>
                        {t.evidence_retry}<span class="redress-visually-hidden">": "{retry_name.clone()}</span>
                    </button>
                </Show>
                <Show when=trouble>
                    <button type="button" class="redress-link" on:click=remove>{t.evidence_remove}</button>
                </Show>
            </span>
        </li>
    }
}
