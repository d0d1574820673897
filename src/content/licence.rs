//! The licence of a portal's open-data export (`licence:` in `site.yaml`): one of a few open
//! licences by its SPDX identifier (`NLOD-2.0`), written into the export as the address that
//! names it, so that a catalogue harvesting the export can read it (docs/data.md). Anything else
//! is refused: a licence is a legal statement, and a misspelt or home-made one would leave reusers
//! unsure what they may do.

use crate::content::model::Site;
use crate::diagnostic::{Diagnostic, Report, did_you_mean};
use crate::layout;

/// The licences a portal may publish its data under, by SPDX identifier and canonical address: the
/// Norwegian Licence for Open Government Data 2.0, Creative Commons Attribution 4.0, and CC0 1.0.
pub const LICENCES: [(&str, &str); 3] = [
    ("NLOD-2.0", "https://data.norge.no/nlod/no/2.0"),
    ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
    (
        "CC0-1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
];

/// The address of the licence `id` names, if torg knows it.
pub fn licence_address(id: &str) -> Option<&'static str> {
    LICENCES
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(_, address)| *address)
}

/// Refuses a `licence:` that is not one of [`LICENCES`], on its line.
pub fn check_licence(site: &Site, report: &mut Report) {
    let Some(licence) = &site.config.licence else {
        return;
    };
    if licence_address(&licence.value).is_some() {
        return;
    }
    let ids: Vec<&str> = LICENCES.iter().map(|(id, _)| *id).collect();
    let span = &licence.referenced;
    report.push(
        Diagnostic::error(
            "invalid-value",
            &layout::site_file(&site.dir),
            format!(
                "`licence: {}` is not one of the open licences torg knows.{}",
                licence.value,
                did_you_mean(&licence.value, &ids)
            ),
        )
        .at(span.line() as usize, Some(span.column() as usize))
        .hint("Write one of NLOD-2.0 (the Norwegian Licence for Open Government Data), CC-BY-4.0 or CC0-1.0."),
    );
}
