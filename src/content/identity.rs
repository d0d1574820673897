//! The municipality's own look in `site.yaml`: a logo or coat of arms and an accent colour.
//! The theme puts white text on the accent (header, «start here» box, search button) and on the
//! page around it, so a colour is accepted only when white text on it meets WCAG 2.2 AA.

use std::path::Path;

use csscolorparser::Color;
use serde_saphyr::Spanned;

use super::model::{Logo, Site};
use crate::diagnostic::{Diagnostic, Report};
use crate::layout;

/// WCAG 2.2 AA for normal text (1.4.3): the header's name and links are not large text.
pub const MIN_CONTRAST: f32 = 4.5;

/// Image types every phone browser shows in an `<img>`; SVG there cannot run scripts.
const IMAGE_TYPES: [&str; 6] = ["svg", "png", "webp", "avif", "jpg", "jpeg"];

/// Every page loads the logo; above this, a warning says it slows the first visit on a phone.
const LOGO_WARN_BYTES: u64 = 100 * 1024;

/// Checks the logo and accent colour of `site`, when given.
pub fn check_identity(site: &Site, report: &mut Report) {
    let path = layout::site_file(&site.dir);
    if let Some(accent) = &site.config.accent
        && let Err(d) = accent_hex(&accent.value, &path)
    {
        report.push(at(d, accent));
    }
    if let Some(logo) = &site.config.logo {
        for d in logo_problems(site, &logo.value, &path) {
            report.push(at(d, logo));
        }
    }
}

fn at<T>(d: Diagnostic, spanned: &Spanned<T>) -> Diagnostic {
    let span = &spanned.referenced;
    d.at(span.line() as usize, Some(span.column() as usize))
}

/// The accent as `#rrggbb`, the only form written into pages (so no CSS can be slipped in), or
/// why it cannot be used, as a problem of the file `path`.
pub fn accent_hex(text: &str, path: &Path) -> Result<String, Diagnostic> {
    let problem = |message: String, hint: String| {
        Err(Diagnostic::error("invalid-value", path, message).hint(hint))
    };
    let Ok(color) = Color::from_html(text) else {
        return problem(
            format!("`accent: {text}` is not a colour."),
            "Write the colour as a hex code such as `\"#0b3d62\"` (in quotes), as design guides and image programs show it.".into(),
        );
    };
    if color.a < 1.0 {
        return problem(
            format!(
                "The accent colour `{text}` is partly transparent, so how readable the text on it is would depend on what shows through."
            ),
            "Write a colour without transparency, such as `\"#0b3d62\"`.".into(),
        );
    }
    let ratio = contrast_with_white(&color);
    if ratio < MIN_CONTRAST {
        return problem(
            format!(
                "The accent colour `{text}` is too light: white text on it has a contrast of {ratio:.1}:1, and readers need at least {MIN_CONTRAST}:1 (WCAG 2.2, level AA)."
            ),
            format!(
                "Use a darker shade, such as `\"{}\"`, the same colour darkened just enough.",
                darkened(&color).to_css_hex()
            ),
        );
    }
    let [r, g, b, _] = color.to_rgba8();
    Ok(format!("#{r:02x}{g:02x}{b:02x}"))
}

/// WCAG's contrast ratio between `color` and white: (L1 + 0.05) / (L2 + 0.05).
fn contrast_with_white(color: &Color) -> f32 {
    let [r, g, b, _] = color.to_linear_rgba();
    let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    1.05 / (luminance + 0.05)
}

/// `color` with its OKLCH lightness lowered until white text on it passes, hue and chroma kept,
/// so the suggestion still looks like the municipality's colour.
fn darkened(color: &Color) -> Color {
    let [l, c, h, _] = color.to_oklcha();
    (0..=100)
        .map(|step| Color::from_oklcha(l * (1.0 - step as f32 / 100.0), c, h, 1.0).clamp())
        // Rounding to `#rrggbb` must not push it back under the line.
        .map(|dark| {
            let [r, g, b, _] = dark.to_rgba8();
            Color::from_rgba8(r, g, b, 255)
        })
        .find(|dark| contrast_with_white(dark) >= MIN_CONTRAST)
        .unwrap_or(Color::new(0.0, 0.0, 0.0, 1.0))
}

/// What is wrong with the logo: its file, or its text for readers who cannot see it.
fn logo_problems(site: &Site, logo: &Logo, path: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let folder = layout::theme_override(&site.dir).join(layout::STATIC_DIR);
    let error = |message: String| Diagnostic::error("invalid-logo", path, message);
    let kind = logo
        .file
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    match layout::static_file(&site.dir, &logo.file) {
        None => problems.push(error(format!("The logo `{}` is not a file in {}.", logo.file, folder.display()))
            .hint("Put the image in the portal's theme/static/ folder and write its file name, such as `file: coat-of-arms.svg`.")),
        Some(_) if !kind.as_deref().is_some_and(|k| IMAGE_TYPES.contains(&k)) => problems.push(error(format!("The logo `{}` is not an image type every phone shows.", logo.file))
            .hint(format!("Use an image saved as {}.", IMAGE_TYPES.join(", ")))),
        Some(file) => problems.extend(too_large(&file, &logo.file, path)),
    }
    let source = site.source_language();
    if logo.alt.get(source).is_none_or(|t| t.trim().is_empty()) {
        problems.push(error(format!("The logo has no text in {source}, the portal's first language, for readers who cannot see it.")).hint(format!("Add `{source}:` under `alt:` with a few words in that language saying what the image shows, such as the municipality's coat of arms.")));
    }
    for lang in logo
        .alt
        .keys()
        .filter(|l| !site.config.languages.contains(l))
    {
        problems.push(
            error(format!(
                "The logo's text is in `{lang}`, which is not one of the portal's languages."
            ))
            .hint(format!(
                "Use the portal's languages ({}) under `alt:`.",
                site.config.languages.join(", ")
            )),
        );
    }
    problems
}

/// A warning when every page's first load would carry a heavy logo.
fn too_large(file: &Path, name: &str, path: &Path) -> Option<Diagnostic> {
    let bytes = std::fs::metadata(file).ok()?.len();
    (bytes > LOGO_WARN_BYTES).then(|| {
        Diagnostic::warning("large-logo", path, format!("The logo `{name}` is {} KB; every page loads it, which is slow on a phone with a poor connection.", bytes / 1024))
            .hint(format!("Save it smaller than {} KB, as SVG or a PNG of about 100 pixels height.", LOGO_WARN_BYTES / 1024))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Result<String, Diagnostic> {
        accent_hex(text, Path::new("site.yaml"))
    }

    fn ratio(text: &str) -> f32 {
        contrast_with_white(&Color::from_html(text).unwrap())
    }

    /// Values from WCAG's own examples: black is 21:1, #767676 is the lightest grey passing AA.
    #[test]
    fn contrast_follows_wcag() {
        assert!((ratio("#000") - 21.0).abs() < 0.01);
        assert!((ratio("#fff") - 1.0).abs() < 0.01);
        assert!(ratio("#767676") >= MIN_CONTRAST);
        assert!(ratio("#777777") < MIN_CONTRAST);
    }

    #[test]
    fn accents_are_written_as_hex_whatever_the_editor_wrote() {
        assert_eq!(hex("#0B3D62").unwrap(), "#0b3d62");
        assert_eq!(hex("darkgreen").unwrap(), "#006400");
        assert_eq!(hex("rgb(139 0 0)").unwrap(), "#8b0000");
    }

    #[test]
    fn light_transparent_and_unknown_colours_are_refused() {
        for text in [
            "#ffcc00",
            "lightblue",
            "rgb(0 0 0 / 50%)",
            "red;}body{",
            "url(x)",
        ] {
            assert!(hex(text).is_err(), "{text}");
        }
    }

    /// The suggested shade passes, keeps the hue and is only as dark as needed.
    #[test]
    fn a_too_light_accent_gets_a_darker_shade_of_itself() {
        for text in ["#ffcc00", "#4a90d9", "#e30613", "#7fb3d5"] {
            let color = Color::from_html(text).unwrap();
            let dark = darkened(&color);
            assert!(contrast_with_white(&dark) >= MIN_CONTRAST, "{text}");
            assert!(
                contrast_with_white(&dark) < MIN_CONTRAST + 0.6,
                "{text}: darker than needed"
            );
            let hue = |c: &Color| c.to_oklcha()[2];
            assert!(
                (hue(&dark) - hue(&color)).abs() < 8.0,
                "{text}: hue changed"
            );
        }
    }
}
