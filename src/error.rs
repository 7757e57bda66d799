//! Core errors. Per-document failures are data (`Document::error`), not errors: these are for
//! bad options and unreadable inputs that the caller must hear about.

use std::fmt;

/// An error from the newsclaims core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    InvalidOption {
        name: &'static str,
        reason: String,
    },
    Io {
        path: String,
        reason: String,
        not_found: bool,
    },
    Interrupted,
}

impl Error {
    /// An option that cannot be used, with the reason.
    pub fn invalid_option(name: &'static str, reason: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::InvalidOption {
                name,
                reason: reason.into(),
            },
        }
    }
    /// A file that cannot be read.
    pub fn io(path: &str, err: &std::io::Error) -> Self {
        Error {
            kind: ErrorKind::Io {
                path: path.to_owned(),
                reason: err.to_string(),
                not_found: err.kind() == std::io::ErrorKind::NotFound,
            },
        }
    }
    /// A call given up on request (its stop flag was set), before every document was done.
    pub fn interrupted() -> Self {
        Error {
            kind: ErrorKind::Interrupted,
        }
    }
    /// Whether the call was given up on request.
    pub fn is_interrupted(&self) -> bool {
        matches!(self.kind, ErrorKind::Interrupted)
    }
    /// Whether this is a missing file.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Io {
                not_found: true,
                ..
            }
        )
    }
    /// Whether this is a bad option.
    pub fn is_invalid_option(&self) -> bool {
        matches!(self.kind, ErrorKind::InvalidOption { .. })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidOption { name, reason } => {
                write!(f, "invalid option {name}: {reason}")
            }
            ErrorKind::Io { path, reason, .. } => write!(f, "cannot read {path}: {reason}"),
            ErrorKind::Interrupted => write!(f, "interrupted"),
        }
    }
}

impl std::error::Error for Error {}
