//! Content: reading a portal's files ([`load`]), the types they become ([`model`]) and the checks
//! across them ([`validate`]).

pub mod load;
pub mod model;
pub mod source;
pub mod validate;
