//! Rendering one field of a step as accessible HTML: a visible label tied to its input, the help
//! text and the error linked by `aria-describedby`, `aria-invalid` on refused inputs, groups of
//! radios and checkboxes (and the address) in a fieldset with a legend.
//!
//! File fields have no input of their own in the step's form data: their "Upload" button posts
//! the whole step form as multipart to the upload route (`formaction`/`formenctype`), so what was
//! typed in the other fields is kept while the file is added.

use super::server::input_id;
use super::view::FieldView;
use crate::i18n::I18n;
use crate::ui::textarea_text;
use leptos::prelude::*;

fn described(f: &FieldView, input: &str) -> Option<String> {
    let mut ids = Vec::new();
    if f.help.is_some() {
        ids.push(format!("{}-hint", input_id(&f.id)));
    }
    // The format and limit hints the runner adds itself are read with the field too.
    if matches!(f.kind.as_str(), "date" | "long-text" | "file") {
        ids.push(format!("{}-rule", input_id(&f.id)));
    }
    if f.error.as_ref().is_some_and(|(i, _)| i == input) {
        ids.push(format!("{}-error", input_id(input)));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn invalid(f: &FieldView, input: &str) -> Option<&'static str> {
    f.error.as_ref().is_some_and(|(i, _)| i == input).then_some("true")
}

fn label_text(f: &FieldView, i18n: I18n) -> String {
    if f.required {
        f.label.clone()
    } else {
        format!("{} ({})", f.label, i18n.t("field-optional"))
    }
}

fn hint(f: &FieldView) -> Option<impl IntoView> {
    f.help.clone().map(|h| view! { <p class="hint" id=format!("{}-hint", input_id(&f.id))>{h}</p> })
}

fn error(f: &FieldView) -> Option<impl IntoView> {
    f.error.clone().map(|(input, msg)| {
        view! { <p class="field-error" id=format!("{}-error", input_id(&input))>{msg}</p> }
    })
}

/// One field.
pub fn field(f: &FieldView, upload_action: &str, i18n: I18n) -> AnyView {
    let id = input_id(&f.id);
    let class = if f.error.is_some() { "field has-error" } else { "field" };
    match f.kind.as_str() {
        "radio" | "checkboxes" => {
            let kind = if f.kind == "radio" { "radio" } else { "checkbox" };
            let items = f
                .options
                .iter()
                .enumerate()
                .map(|(i, (value, label))| {
                    let oid = format!("{id}-{i}");
                    let checked = f.values.contains(value) || f.value == *value;
                    view! {
                        <div class=kind>
                            <input type=kind id=oid.clone() name=f.id.clone() value=value.clone() checked=checked
                                aria-describedby=(i == 0).then(|| described(f, &f.id)).flatten()/>
                            <label for=oid>{label.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class=class>
                    <fieldset id=id aria-invalid=invalid(f, &f.id)>
                        <legend>{label_text(f, i18n)}</legend>
                        {hint(f)}
                        {error(f)}
                        {items}
                    </fieldset>
                </div>
            }
            .into_any()
        }
        "address" => {
            let part = |n: usize, name: &str, key: &str, autocomplete: &'static str| {
                let input = format!("{}.{name}", f.id);
                view! {
                    <div class="sub-field">
                        <label for=input_id(&input)>{i18n.t(key)}</label>
                        <input type="text" id=input_id(&input) name=input.clone() value=f.address[n].clone()
                            autocomplete=if f.other_person { "off" } else { autocomplete } aria-invalid=invalid(f, &input) aria-describedby=described(f, &input)/>
                    </div>
                }
            };
            view! {
                <div class=class>
                    <fieldset id=id>
                        <legend>{label_text(f, i18n)}</legend>
                        {hint(f)}
                        {error(f)}
                        {part(0, "street", "field-address-street", "street-address")}
                        {part(1, "postcode", "field-address-postcode", "postal-code")}
                        {part(2, "city", "field-address-city", "address-level2")}
                    </fieldset>
                </div>
            }
            .into_any()
        }
        "file" => {
            let listed = f
                .files
                .iter()
                .map(|file| {
                    view! {
                        <li>
                            <span class="file-name">{file.name.clone()}</span>" "
                            <span class="file-size">"("{file.size.clone()}")"</span>
                            {file.held.then(|| view! { " " <span class="tag">{i18n.t("apply-file-held")}</span> })}
                            " "
                            <button type="submit" class="link-button" name="remove" value=file.id.to_string()
                                formaction=upload_action.replace("/upload", "/remove")>
                                {i18n.ta("apply-file-remove", &[("name", file.name.clone().into())])}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let full = f.files.len() >= f.max_files as usize;
            let constraints = i18n.ta(
                "apply-file-constraints",
                &[("types", f.accept_labels.clone().into()), ("count", f.max_files.into())],
            );
            view! {
                <div class=class>
                    <fieldset id=id>
                        <legend>{label_text(f, i18n)}</legend>
                        {hint(f)}
                        <p class="hint" id=format!("{id}-rule")>{constraints}</p>
                        {error(f)}
                        {(!f.files.is_empty()).then(|| view! { <ul class="files">{listed}</ul> })}
                        {(!full).then(|| view! {
                            <div class="upload" data-upload=f.id.clone()>
                                <label for=format!("{id}-file")>{i18n.t("apply-file-choose")}</label>
                                <input type="file" id=format!("{id}-file") name=format!("file:{}", f.id) accept=f.accept.clone()
                                    aria-describedby=described(f, &f.id)/>
                                <button type="submit" class="secondary" name="upload" value=f.id.clone()
                                    formaction=upload_action.to_owned() formenctype="multipart/form-data">
                                    {i18n.t("apply-file-upload")}
                                </button>
                            </div>
                        })}
                    </fieldset>
                </div>
            }
            .into_any()
        }
        "select" => {
            // One string, not a view per option: a select of the comparison's units has 182.
            let options = crate::ui::option_list(&i18n.t("field-choose"), &f.options, &f.value);
            view! {
                <div class=class>
                    <label for=id.clone()>{label_text(f, i18n)}</label>
                    {hint(f)}
                    {error(f)}
                    <select id=id name=f.id.clone() aria-invalid=invalid(f, &f.id) aria-describedby=described(f, &f.id) inner_html=options>
                    </select>
                </div>
            }
            .into_any()
        }
        "long-text" => view! {
            <div class=class>
                <label for=id.clone()>{label_text(f, i18n)}</label>
                {hint(f)}
                {error(f)}
                <textarea id=id name=f.id.clone() rows="6" maxlength=f.max_length.map(|m| m.to_string())
                    aria-invalid=invalid(f, &f.id) aria-describedby=described(f, &f.id)>{textarea_text(&f.value)}</textarea>
                <p class="hint" id=format!("{}-rule", input_id(&f.id))>
                    {i18n.ta("field-max-characters", &[("max", f.max_length.unwrap_or(4000).into())])}
                </p>
            </div>
        }
        .into_any(),
        kind => {
            // Plain inputs. Numbers and identity numbers are text with a numeric keyboard: the
            // browser's number input rounds, drops leading zeros and ignores Swedish commas.
            // A date is typed as ÅÅÅÅ-MM-DD in every language: the browser's date input shows
            // its own order (mm/dd/yyyy in an English browser), which contradicts the hint.
            let (input_type, inputmode, autocomplete) = match kind {
                "date" => ("text", Some("numeric"), "off"),
                "email" => ("email", None, "email"),
                "phone" => ("tel", None, "tel"),
                "number" => ("text", Some("decimal"), "off"),
                "personnummer" | "organisationsnummer" => ("text", Some("numeric"), "off"),
                _ => ("text", None, "off"),
            };
            // Someone else's contact details: the browser must not offer the applicant's own.
            let autocomplete = if f.other_person { "off" } else { autocomplete };
            // Numbers, dates, personnummer, phone numbers and addresses of e-mail are written
            // left to right in every language: in an Arabic form they stay in their order.
            let dir = (kind != "text").then_some("ltr");
            view! {
                <div class=class>
                    <label for=id.clone()>{label_text(f, i18n)}</label>
                    {hint(f)}
                    {(kind == "date").then(|| view! {
                        <p class="hint" id=format!("{id}-rule")>{i18n.t("field-date-format")}</p>
                    })}
                    {error(f)}
                    <input type=input_type id=id.clone() name=f.id.clone() value=f.value.clone() inputmode=inputmode dir=dir
                        autocomplete=autocomplete spellcheck=(kind != "text").then_some("false")
                        maxlength=f.max_length.map(|m| m.to_string()).or_else(|| (kind == "date").then(|| "10".into()))
                        aria-invalid=invalid(f, &f.id) aria-describedby=described(f, &f.id)/>
                </div>
            }
            .into_any()
        }
    }
}
