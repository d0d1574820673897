//! Checks that depend on today's date, which only `torg check` runs: a build must give the same
//! result tomorrow as today, but a portal can go stale without anyone touching it.

use jiff::civil::Date as Day;

use crate::content::model::{Site, Timing};
use crate::diagnostic::{Diagnostic, Report};

/// When "today" is, and how old a review may get.
#[derive(Debug, Clone, Copy)]
pub struct Freshness {
    pub today: Day,
    pub max_review_age_days: i32,
}

/// Services not reviewed for too long, a plan whose period is over, measures past their timing
/// with no status.
pub fn check_freshness(site: &Site, f: Freshness, report: &mut Report) {
    for service in &site.services {
        let Some(reviewed) = service.facts.reviewed.and_then(|d| d.civil()) else {
            continue;
        };
        let age = (f.today - reviewed).get_days();
        if age > f.max_review_age_days {
            report.push(
                Diagnostic::warning("stale-review", &service.facts_path, format!("The facts of this service were last checked {age} days ago ({reviewed})."))
                    .hint(format!("Check the contact details, hours and price with the service, then set `reviewed: {}`.", f.today)),
            );
        }
    }
    let Some(plan) = &site.plan else { return };
    let year = f.today.year();
    if i32::from(plan.facts.period.to) < i32::from(year) {
        report.push(
            Diagnostic::warning("plan-ended", &plan.facts_path, format!("The plan's period ended in {}.", plan.facts.period.to))
                .hint("Publish the plan that replaced it, or say on the plan page that it is the latest one the municipality has adopted."),
        );
    }
    for theme in &plan.themes {
        for m in &theme.facts.measures {
            let last_year = match m.timing {
                Some(Timing::Year(y)) => y,
                Some(Timing::Period(p)) => p.to,
                Some(Timing::Ongoing) | None => continue,
            };
            if m.status.is_none() && i32::from(last_year) < i32::from(year) {
                report.push(
                    Diagnostic::warning("measure-overdue", &theme.facts_path, format!("The measure `{}` was due in {last_year}, and has no status.", m.id))
                        .hint("Add `status: done`, `in-progress` or `planned` to the measure, as the municipality reports it."),
                );
            }
        }
    }
}
