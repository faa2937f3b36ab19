//! The one error type of the stage; its text is the specification's, the same in both engines.

use std::fmt;

/// Bad input to the calculator: a unit or body style the symbol lacks, a drawing that does not
/// read, or geometry beyond KiCad's coordinate range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinError {
    message: String,
}

impl PinError {
    pub(crate) fn new(message: String) -> Self {
        PinError { message }
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for PinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PinError {}
