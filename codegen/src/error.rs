//! The generator's error type: every error says which file, where in it, and what is wrong.

use std::fmt;

/// Where in the input an error was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The spec or config file, as the caller named it.
    pub file: String,
    /// A JSON pointer into that file (RFC 6901); empty for the whole document.
    pub pointer: String,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            write!(f, "{}", self.file)
        } else {
            write!(f, "{}#{}", self.file, self.pointer)
        }
    }
}

/// Everything that can go wrong while generating code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The text is not valid YAML or JSON.
    #[error("{at}: cannot parse: {reason}")]
    Parse {
        /// Where parsing failed.
        at: Location,
        /// The parser's message.
        reason: String,
    },
    /// The document parses but is not a usable OpenAPI document.
    #[error("{at}: {reason}")]
    Invalid {
        /// Where the problem is.
        at: Location,
        /// What is wrong.
        reason: String,
    },
    /// A construct this generator does not support, rejected rather than guessed at.
    #[error("{at}: unsupported: {reason}")]
    Unsupported {
        /// Where the construct is.
        at: Location,
        /// What it is.
        reason: String,
    },
    /// Two fragments of one spec disagree.
    #[error("`{key}` is defined in both {first_file} and {second_file}: {reason}")]
    Conflict {
        /// The key both define, as a JSON pointer.
        key: String,
        /// The file with the first definition.
        first_file: String,
        /// The file with the conflicting definition.
        second_file: String,
        /// Why both definitions cannot stand.
        reason: &'static str,
    },
    /// The API's config file is wrong.
    #[error("{at}: {reason}")]
    Config {
        /// The config file and the offending key.
        at: Location,
        /// What is wrong.
        reason: String,
    },
    /// Generated tokens failed to parse as Rust: a generator bug, reported instead of panicking.
    #[error("internal error: generated code for {file} does not parse: {reason}")]
    Internal {
        /// The file being generated.
        file: String,
        /// The parser's message.
        reason: String,
    },
}

/// The generator's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
