//! The inbox's filters as the handler sets them, and the query string they become.

/// What the inbox shows. Empty strings mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxQuery {
    /// A core state code, `open` for every open complaint, or empty for all.
    pub state: String,
    /// A core reason code.
    pub reason: String,
    pub handler: String,
    pub overdue_only: bool,
    /// Part of a reference, order number or e-mail address.
    pub search: String,
}

impl InboxQuery {
    /// The query string of `GET /api/shop/complaints`, next due first.
    ///
    /// ```
    /// use redress_desk::query::InboxQuery;
    /// let query = InboxQuery { state: "open".into(), search: "anna@example.com".into(), ..InboxQuery::default() };
    /// assert_eq!(query.to_query_string(), "sort=due&open=true&q=anna%40example.com");
    /// ```
    pub fn to_query_string(&self) -> String {
        let mut parts = vec!["sort=due".to_owned()];
        match self.state.trim() {
            "" => {}
            "open" => parts.push("open=true".to_owned()),
            state => parts.push(format!("status={}", encode(state))),
        }
        if !self.reason.trim().is_empty() {
            parts.push(format!("reason={}", encode(self.reason.trim())));
        }
        if !self.handler.trim().is_empty() {
            parts.push(format!("handler={}", encode(self.handler.trim())));
        }
        if self.overdue_only {
            parts.push("overdue=true".to_owned());
        }
        if !self.search.trim().is_empty() {
            parts.push(format!("q={}", encode(self.search.trim())));
        }
        parts.join("&")
    }

    /// Whether any filter is set (the "clear filters" button shows then).
    pub fn is_filtered(&self) -> bool {
        *self != InboxQuery::default()
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), for a query value or
/// a path segment.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_filter_becomes_its_parameter_and_text_is_encoded() {
        let query = InboxQuery {
            state: "acknowledged".into(),
            reason: "wrong_item".into(),
            handler: "Sanne de Vries".into(),
            overdue_only: true,
            search: " RD-1001 ".into(),
        };
        assert_eq!(
            query.to_query_string(),
            "sort=due&status=acknowledged&reason=wrong_item&handler=Sanne%20de%20Vries&overdue=true&q=RD-1001"
        );
        assert!(query.is_filtered());
        assert!(!InboxQuery::default().is_filtered());
        assert_eq!(encode("é&="), "%C3%A9%26%3D");
    }
}
