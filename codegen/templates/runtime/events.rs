//! The `text/event-stream` format, parsed as the HTML Standard's "event stream interpretation"
//! says: one leading byte-order mark skipped, lines ended by CRLF, LF or a lone CR, comments
//! (`:`), the `event`, `data`, `id` and `retry` fields, and an event dispatched at each blank
//! line. Bytes after the last blank line are an incomplete event and are dropped.
//!
//! The same parser reads newline-delimited JSON (`application/x-ndjson`, `application/jsonl`,
//! `application/json-seq`): each line that is not blank is one event's `data`, record
//! separators and surrounding spaces trimmed, and a last line without its end counts.
//!
//! Every byte is looked at once, whatever the chunks it arrives in, so parsing is linear in
//! the stream's length; and no event (with the comments and blank lines before it) may take
//! more than a limit of bytes, so a line that never ends cannot take all memory.

/// One event, before its `data` is decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RawEvent {
    pub(super) event: String,
    pub(super) data: String,
    pub(super) id: String,
    pub(super) retry: Option<u64>,
}

/// The stream sent more than the limit's bytes without completing an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct EventTooLarge;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The parser's state between chunks.
#[derive(Debug)]
pub(super) struct EventParser {
    /// Each line is an event (JSON lines), not a field of one.
    lines: bool,
    limit: u64,
    /// Bytes since the last dispatched event: what the limit bounds.
    pending: u64,
    /// Until the stream's first 3 bytes are seen, whether they are a byte-order mark is open.
    start: Option<Vec<u8>>,
    line: Vec<u8>,
    /// The last line ended with CR, so an LF that comes next ends nothing.
    after_cr: bool,
    event: String,
    data: String,
    has_data: bool,
    last_id: String,
    retry: Option<u64>,
}

impl EventParser {
    /// A parser for JSON lines (`lines`) or for events, that fails once `limit` bytes pass
    /// without an event.
    pub(super) fn new(limit: u64, lines: bool) -> Self {
        EventParser {
            lines,
            limit,
            pending: 0,
            start: Some(Vec::new()),
            line: Vec::new(),
            after_cr: false,
            event: String::new(),
            data: String::new(),
            has_data: false,
            last_id: String::new(),
            retry: None,
        }
    }

    /// Reads a chunk, appending the events it completes to `out`.
    pub(super) fn feed(&mut self, chunk: &[u8], out: &mut impl Extend<RawEvent>) -> Result<(), EventTooLarge> {
        let Some(mut start) = self.start.take() else {
            return self.lines(chunk, out);
        };
        start.extend_from_slice(chunk);
        if start.len() < BOM.len() && BOM.starts_with(&start) {
            self.start = Some(start);
            return Ok(());
        }
        let body = start.strip_prefix(BOM).unwrap_or(&start);
        self.lines(body, out)
    }

    fn lines(&mut self, mut bytes: &[u8], out: &mut impl Extend<RawEvent>) -> Result<(), EventTooLarge> {
        while let Some(&first) = bytes.first() {
            if std::mem::take(&mut self.after_cr) && first == b'\n' {
                bytes = &bytes[1..];
                self.count(1)?;
                continue;
            }
            match bytes.iter().position(|&b| b == b'\n' || b == b'\r') {
                Some(end) => {
                    self.count(end as u64 + 1)?;
                    self.line.extend_from_slice(&bytes[..end]);
                    self.after_cr = bytes[end] == b'\r';
                    bytes = &bytes[end + 1..];
                    let line = std::mem::take(&mut self.line);
                    out.extend(self.line_done(&line));
                    self.line = line;
                    self.line.clear();
                }
                None => {
                    self.count(bytes.len() as u64)?;
                    self.line.extend_from_slice(bytes);
                    bytes = &[];
                }
            }
        }
        Ok(())
    }

    fn count(&mut self, bytes: u64) -> Result<(), EventTooLarge> {
        self.pending = self.pending.saturating_add(bytes);
        if self.pending > self.limit {
            Err(EventTooLarge)
        } else {
            Ok(())
        }
    }

    /// At the end of the stream: the last JSON line, if it did not end with a line end. (An
    /// event stream's unfinished event is dropped, as the standard says.)
    pub(super) fn finish(&mut self) -> Option<RawEvent> {
        let line = std::mem::take(&mut self.line);
        if self.lines {
            self.json_line(&line)
        } else {
            None
        }
    }

    /// One line of JSON lines: an event unless it is blank.
    fn json_line(&mut self, line: &[u8]) -> Option<RawEvent> {
        let line = String::from_utf8_lossy(line);
        let data = line.trim_matches(|c: char| c == '\u{1e}' || c.is_whitespace());
        if data.is_empty() {
            return None;
        }
        self.pending = 0;
        Some(RawEvent { event: "message".to_owned(), data: data.to_owned(), id: String::new(), retry: None })
    }

    /// Acts on one complete line; a blank one may dispatch an event.
    fn line_done(&mut self, line: &[u8]) -> Option<RawEvent> {
        if self.lines {
            return self.json_line(line);
        }
        if line.is_empty() {
            return self.dispatch();
        }
        let line = String::from_utf8_lossy(line);
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (&*line, ""),
        };
        match field {
            "event" => value.clone_into(&mut self.event),
            "data" => {
                if self.has_data {
                    self.data.push('\n');
                }
                self.data.push_str(value);
                self.has_data = true;
            }
            "id" if !value.contains('\0') => value.clone_into(&mut self.last_id),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                // Too many digits for a u64 is no delay anyone can wait for: ignored.
                self.retry = value.parse().ok().or(self.retry);
            }
            _ => {}
        }
        None
    }

    fn dispatch(&mut self) -> Option<RawEvent> {
        let event = std::mem::take(&mut self.event);
        if !std::mem::take(&mut self.has_data) {
            return None;
        }
        self.pending = 0;
        Some(RawEvent {
            event: if event.is_empty() { "message".to_owned() } else { event },
            data: std::mem::take(&mut self.data),
            id: self.last_id.clone(),
            retry: self.retry.take(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(chunks: &[&[u8]]) -> Vec<RawEvent> {
        let mut parser = EventParser::new(1 << 20, false);
        let mut out = Vec::new();
        for chunk in chunks {
            parser.feed(chunk, &mut out).unwrap();
        }
        out
    }

    fn data(events: &[RawEvent]) -> Vec<&str> {
        events.iter().map(|e| e.data.as_str()).collect()
    }

    #[test]
    fn line_endings_of_every_kind_end_lines() {
        for stream in ["data: a\n\ndata: b\n\n", "data: a\r\n\r\ndata: b\r\n\r\n", "data: a\r\rdata: b\r\r"] {
            assert_eq!(data(&parse(&[stream.as_bytes()])), ["a", "b"], "{stream:?}");
        }
    }

    #[test]
    fn one_leading_byte_order_mark_is_skipped_even_split() {
        let events = parse(&[b"\xEF", b"\xBB", b"\xBFdata: x\n\n"]);
        assert_eq!(data(&events), ["x"]);
        // A second mark is part of the first field's name, which is then unknown.
        assert!(parse(&[b"\xEF\xBB\xBF\xEF\xBB\xBFdata: x\n\n"]).is_empty());
    }

    #[test]
    fn fields_follow_the_standard() {
        let stream = b": comment\nevent: turn\nid: 7\nretry: 1500\ndata\ndata:  two\ndata:x\n\ndata: y\n\n";
        let events = parse(&[stream]);
        assert_eq!(events[0], RawEvent { event: "turn".into(), data: "\n two\nx".into(), id: "7".into(), retry: Some(1500) });
        assert_eq!(events[1], RawEvent { event: "message".into(), data: "y".into(), id: "7".into(), retry: None });
    }

    #[test]
    fn blank_lines_without_data_dispatch_nothing_and_a_trailing_event_is_dropped() {
        assert!(parse(&[b"event: x\n\n\n\nretry: x\nid: a\0b\n\n"]).is_empty());
        assert_eq!(data(&parse(&[b"data: done\n\ndata: cut off"])), ["done"]);
        assert_eq!(data(&parse(&[b"data:\n\n"])), [""], "empty data is an event");
    }

    #[test]
    fn a_crlf_split_between_chunks_ends_one_line() {
        assert_eq!(data(&parse(&[b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"])), ["a\nb"]);
    }

    #[test]
    fn random_splits_and_random_bytes_parse_as_the_whole_does() {
        let conformance: &[u8] = b"\xEF\xBB\xBF: c\r\nevent: a\rid: 1\nretry: 5\r\ndata: x\r\ndata:\n\r\n\ndata: \xF0\x9F\x98\x80 \xFF\r\r";
        let mut rng = fastrand::Rng::with_seed(19);
        for round in 0..2000 {
            let stream: Vec<u8> = if round % 2 == 0 {
                conformance.to_vec()
            } else {
                // Random bytes from the alphabet that matters: line ends, colons, field names.
                let alphabet: &[&[u8]] = &[b"\r", b"\n", b":", b" ", b"data", b"event", b"id", b"retry", b"1", b"\xEF\xBB\xBF", b"\xFF"];
                (0..rng.usize(0..60)).flat_map(|_| alphabet[rng.usize(..alphabet.len())].to_vec()).collect()
            };
            let whole = parse(&[&stream]);
            let mut chunks = Vec::new();
            let mut rest = stream.as_slice();
            while !rest.is_empty() {
                let (chunk, tail) = rest.split_at(rng.usize(0..=rest.len().min(7)));
                chunks.push(chunk);
                rest = tail;
            }
            assert_eq!(parse(&chunks), whole, "{stream:?} split as {chunks:?}");
        }
        assert_eq!(data(&parse(&[conformance])), ["x\n", "\u{1F600} \u{FFFD}"]);
    }

    #[test]
    fn json_lines_are_one_event_a_line_with_the_last_line_kept() {
        let mut parser = EventParser::new(1 << 20, true);
        let mut out = Vec::new();
        parser.feed(b"\xEF\xBB\xBF{\"a\":1}\r\n\n  \n\x1e{\"a\":2}\n{\"a\"", &mut out).unwrap();
        parser.feed(b":3}", &mut out).unwrap();
        out.extend(parser.finish());
        assert_eq!(data(&out), [r#"{"a":1}"#, r#"{"a":2}"#, r#"{"a":3}"#]);
        assert!(out.iter().all(|e| e.event == "message" && e.id.is_empty()));
        let mut parser = EventParser::new(8, true);
        assert_eq!(parser.feed(b"{\"long\": true}", &mut out), Err(EventTooLarge), "a line is bounded");
        assert_eq!(EventParser::new(64, false).finish(), None);
    }

    #[test]
    fn bytes_without_an_event_are_bounded() {
        let mut parser = EventParser::new(64, false);
        let mut out = Vec::new();
        assert_eq!(parser.feed(&[b'a'; 65], &mut out), Err(EventTooLarge));
        let mut parser = EventParser::new(64, false);
        assert_eq!(parser.feed(&[b'\n'; 65], &mut out), Err(EventTooLarge), "blank lines count too");
        let mut parser = EventParser::new(64, false);
        for _ in 0..100 {
            parser.feed(b"data: 0123456789\n\n", &mut out).unwrap();
        }
        assert_eq!(out.len(), 100, "the limit is per event, not per stream");
    }
}
