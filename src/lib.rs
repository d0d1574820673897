//! torg builds accessible, multilingual citizen portals from municipal integration plans.
//!
//! The pipeline, one module per stage: [`config`] → [`content`] (load, then validate) →
//! [`i18n`] → [`render`] (with [`markdown`], [`url`] and [`route`]) → [`output`]. [`build`] runs them in
//! that order, [`cache`] keeping each portal's output between builds; problems travel as [`diagnostic::Diagnostic`]s. [`serve`] keeps the
//! loaded portals in memory and reruns the stages for what an edit touched.

pub mod build;
pub mod cache;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod exchange;
pub mod i18n;
pub mod layout;
pub mod limits;
pub mod markdown;
pub mod new;
pub mod output;
pub mod render;
pub mod route;
pub mod schema;
pub mod search;
pub mod serve;
pub mod url;
