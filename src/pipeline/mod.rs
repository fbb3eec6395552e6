//! The authoring wing: native only. Turns Natural Earth and the project's authored files into
//! the committed data the page loads, checks it, and answers questions about it.

pub mod arcs;
pub mod build;
pub mod corpus;
pub mod export;
pub mod files;
pub mod gazetteer;
pub mod natural_earth;
pub mod regions;
pub mod validate;

use std::fmt;

/// Something the pipeline cannot do, with the file and record it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineError {
    /// The file concerned (as given on the command line or in the repository).
    pub file: String,
    /// The record within it (an id, an index, a path), or empty for the whole file.
    pub record: String,
    pub reason: String,
}

impl PipelineError {
    pub fn new(
        file: impl Into<String>,
        record: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        PipelineError {
            file: file.into(),
            record: record.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.record.is_empty() {
            write!(f, "{}: {}", self.file, self.reason)
        } else {
            write!(f, "{}: {}: {}", self.file, self.record, self.reason)
        }
    }
}

impl std::error::Error for PipelineError {}

pub type Result<T> = std::result::Result<T, PipelineError>;
