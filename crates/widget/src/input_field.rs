//! One labelled text input with its hint and its error, tied together by
//! `aria-describedby`: the one way every form of the widget asks for text.
//!
//! It takes signals and callbacks rather than closures so it is compiled once, however
//! many forms use it: each distinct view costs the shopper's bundle its own code.

use leptos::prelude::*;

/// What an input is; everything but its value and error.
#[derive(Debug, Clone, Copy)]
pub struct InputSpec {
    pub id: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    /// `text`, `email`, `tel`, `date`.
    pub input_type: &'static str,
    pub autocomplete: &'static str,
    /// `decimal` for amounts, so phones show a number pad.
    pub inputmode: Option<&'static str>,
}

impl InputSpec {
    /// A plain text input.
    pub const fn text(id: &'static str, label: &'static str) -> InputSpec {
        InputSpec {
            id,
            label,
            hint: None,
            input_type: "text",
            autocomplete: "off",
            inputmode: None,
        }
    }

    /// With a hint under the label.
    pub const fn hint(self, hint: &'static str) -> InputSpec {
        InputSpec {
            hint: Some(hint),
            ..self
        }
    }

    /// Of another input type, with the browser's autofill token.
    pub const fn kind(self, input_type: &'static str, autocomplete: &'static str) -> InputSpec {
        InputSpec {
            input_type,
            autocomplete,
            ..self
        }
    }

    /// With an `inputmode`.
    pub const fn mode(self, inputmode: &'static str) -> InputSpec {
        InputSpec {
            inputmode: Some(inputmode),
            ..self
        }
    }
}

/// The input's view. `on_blur` hears the shopper leaving the field (errors that wait
/// until then use it).
pub fn input_field(
    spec: InputSpec,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Signal<Option<&'static str>>,
    on_blur: Option<Callback<()>>,
) -> AnyView {
    let InputSpec {
        id,
        label,
        hint,
        input_type,
        autocomplete,
        inputmode,
    } = spec;
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
    view! {
        <div class="redress-field" class:redress-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="redress-hint" id=hint_id.clone()>{h}</p> })}
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:blur=move |_| {
                    if let Some(blur) = on_blur {
                        blur.run(());
                    }
                }
            />
            {move || error.get().map(|text| view! { <p class="redress-error" id=error_id.clone()>{text}</p> })}
        </div>
    }
    .into_any()
}
