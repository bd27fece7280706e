//! Why a policy document was refused, naming the JSON path of the bad key.

use crate::json::JsonError;

/// A policy that cannot be used. Every variant names where the problem is, so whoever
/// wrote the JSON (a shop's developer, a trustmark) can fix it without guessing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// The text is not JSON at all.
    #[error("policy is not valid JSON: {message} (line {line}, column {column})")]
    Syntax {
        /// What the JSON parser saw.
        message: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
    },
    /// The JSON does not have the policy's shape: an unknown key, a wrong type, a
    /// negative number where a count belongs.
    #[error("{message} at {path}")]
    Shape {
        /// The dotted path to the offending key, e.g. `evidence.max_file_bytes`;
        /// `.` for the document itself.
        path: String,
        /// What is wrong there, e.g. ``unknown field `colour`, expected one of ...``.
        message: String,
    },
    /// The JSON has the right shape but breaks a rule of a usable policy.
    #[error("{path}: {rule}")]
    Rule {
        /// The dotted path to the key, e.g. `description.max_chars`.
        path: String,
        /// The rule, e.g. `must be > 0`.
        rule: String,
    },
}

impl PolicyError {
    /// The dotted JSON path of the problem (`"."` for a syntax error or the whole document).
    pub fn path(&self) -> &str {
        match self {
            PolicyError::Syntax { .. } => ".",
            PolicyError::Shape { path, .. } | PolicyError::Rule { path, .. } => path,
        }
    }

    /// A stable code: `policy.syntax`, `policy.shape` or `policy.rule`.
    pub fn code(&self) -> &'static str {
        match self {
            PolicyError::Syntax { .. } => "policy.syntax",
            PolicyError::Shape { .. } => "policy.shape",
            PolicyError::Rule { .. } => "policy.rule",
        }
    }

    pub(crate) fn rule(path: impl Into<String>, rule: impl Into<String>) -> PolicyError {
        PolicyError::Rule {
            path: path.into(),
            rule: rule.into(),
        }
    }
}

impl From<JsonError> for PolicyError {
    fn from(error: JsonError) -> PolicyError {
        match error {
            JsonError::Syntax { line, column } => PolicyError::Syntax {
                message: "not valid JSON".to_owned(),
                line,
                column,
            },
            other => PolicyError::Shape {
                path: other.path().to_owned(),
                message: other.rule(),
            },
        }
    }
}
