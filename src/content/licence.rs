//! The licence of a portal's open-data export (`licence:` in `site.yaml`): one of a few open
//! licences by the address that names it, so that a catalogue harvesting the export can read it
//! (docs/data.md). Anything else is refused: a licence is a legal statement, and a misspelt or
//! home-made one would leave reusers unsure what they may do.

use crate::content::model::Site;
use crate::diagnostic::{Diagnostic, Report, did_you_mean};
use crate::layout;

/// The licences a portal may publish its data under, by their canonical addresses: the Norwegian
/// Licence for Open Government Data 2.0, Creative Commons Attribution 4.0, and CC0 1.0.
pub const LICENCES: [&str; 3] = [
    "https://data.norge.no/nlod/no/2.0",
    "https://creativecommons.org/licenses/by/4.0/",
    "https://creativecommons.org/publicdomain/zero/1.0/",
];

/// Refuses a `licence:` that is not one of [`LICENCES`], on its line.
pub fn check_licence(site: &Site, report: &mut Report) {
    let Some(licence) = &site.config.licence else {
        return;
    };
    if LICENCES.contains(&licence.value.as_str()) {
        return;
    }
    let span = &licence.referenced;
    report.push(
        Diagnostic::error(
            "invalid-value",
            &layout::site_file(&site.dir),
            format!(
                "`licence: {}` is not one of the open licences torg knows.{}",
                licence.value,
                did_you_mean(&licence.value, &LICENCES)
            ),
        )
        .at(span.line() as usize, Some(span.column() as usize))
        .hint(format!(
            "Write the address of one of them: {} (NLOD 2.0), {} (CC BY 4.0) or {} (CC0 1.0).",
            LICENCES[0], LICENCES[1], LICENCES[2]
        )),
    );
}
