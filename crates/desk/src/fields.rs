//! A labelled form field with its hint and its error, tied by `aria-describedby`.

use leptos::prelude::*;

/// What kind of control a [`Field`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Text,
    Date,
    Password,
    Paragraph,
}

/// One labelled control. `error` shows below it and marks it invalid.
#[component]
pub fn Field(
    id: String,
    label: String,
    #[prop(optional)] hint: Option<&'static str>,
    control: Control,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<&'static str>>,
    #[prop(optional)] min: Option<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.get().is_some().then_some("true");
    let input = match control {
        Control::Paragraph => view! {
            <textarea
                id=id.clone()
                name=id.clone()
                rows="4"
                aria-invalid=invalid
                aria-describedby=described_by.clone()
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            ></textarea>
        }
        .into_any(),
        _ => {
            let kind = match control {
                Control::Date => "date",
                Control::Password => "password",
                _ => "text",
            };
            view! {
                <input
                    id=id.clone()
                    name=id.clone()
                    type=kind
                    min=min
                    autocomplete=if control == Control::Password { "current-password" } else { "off" }
                    aria-invalid=invalid
                    aria-describedby=described_by.clone()
                    prop:value=move || value.get()
                    on:input:target=move |ev| value.set(ev.target().value())
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|text| view! { <p class="hint" id=hint_id.clone()>{text}</p> })}
            {input}
            {move || error.get().map(|text| view! { <p class="error" id=error_id.clone()>{text}</p> })}
        </div>
    }
}
