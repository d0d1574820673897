//! Content: reading a portal's files ([`load`]), the types they become ([`model`]), the checks
//! across them ([`validate`], [`identity`] for the municipality's logo and colour, [`licence`] for the open data's licence) and how far each language's translation is ([`translations`]).

pub mod identity;
pub mod licence;
pub mod load;
pub mod model;
pub mod source;
pub(crate) mod texts;
pub mod translations;
pub mod validate;
