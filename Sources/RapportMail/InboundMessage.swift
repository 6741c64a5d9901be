import Foundation

/// Why a raw message could not be turned into an `InboundMessage`.
public enum MailParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyMessage
    case missingHeaderBodySeparator
    case missingFrom

    public var description: String {
        switch self {
        case .emptyMessage: "The message is empty."
        case .missingHeaderBodySeparator: "The message has no blank line separating the header from the body."
        case .missingFrom: "The message has no usable From address."
        }
    }
}

/// An inbound e-mail parsed from raw RFC 5322 / MIME bytes, reduced to what threading and display need.
public struct InboundMessage: Sendable, Equatable {
    public let headers: HeaderFields
    public let from: MailAddress
    public let to: [MailAddress]
    public let cc: [MailAddress]
    public let replyTo: [MailAddress]
    /// Decoded subject (encoded-words resolved, folding removed); empty when the header is absent.
    public let subject: String
    /// Message-ID without angle brackets.
    public let messageID: String?
    public let inReplyTo: [String]
    public let references: [String]
    public let date: Date?
    /// The best readable text: the first text/plain part, else the HTML part converted to text.
    public let textBody: String
    public let htmlBody: String?

    /// Every address the message was sent to (To then Cc), where a reply-to token in a plus-address would appear.
    public var recipients: [MailAddress] { to + cc }

    /// `textBody` with quoted history removed: everything from the first attribution line ("On … wrote:",
    /// "-----Original Message-----", an Outlook "From:/Sent:" block) or `>`-quoted line onwards.
    public var replyText: String { QuotedHistory.strip(textBody) }

    /// Parses a raw message as delivered by an MTA pipe or a raw-MIME webhook. CRLF and bare LF line endings are both accepted.
    public static func parse(_ raw: Data) throws -> InboundMessage {
        let bytes = MIMEEntity.normalizeLineEndings(Array(raw))
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }) else { throw MailParseError.emptyMessage }
        guard let entity = MIMEEntity(bytes, requireSeparator: true) else { throw MailParseError.missingHeaderBodySeparator }
        let headers = entity.headers

        guard let fromValue = headers["From"] ?? headers["Sender"],
              let from = MailAddress.parseList(fromValue).first
        else { throw MailParseError.missingFrom }

        var collector = BodyCollector()
        collector.walk(entity, depth: 0)

        let html = collector.html
        // Some senders include an empty text/plain alternative next to the real HTML; treat it as absent.
        let plain = collector.plain.flatMap { $0.isEmpty ? nil : $0 }
        // A NUL would end the text wherever it is stored as a C string; it becomes U+FFFD so the rest is kept.
        let text = (plain ?? html.map(HTMLText.toText) ?? "").replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        return InboundMessage(
            headers: headers,
            from: from,
            to: headers.values(for: "To").flatMap(MailAddress.parseList),
            cc: headers.values(for: "Cc").flatMap(MailAddress.parseList),
            replyTo: headers["Reply-To"].map(MailAddress.parseList) ?? [],
            subject: MIMEDecoding.decodeEncodedWords(headers["Subject"] ?? "").trimmingWhitespace()
                .replacingOccurrences(of: "\u{0}", with: "\u{FFFD}"),
            messageID: MIMEDecoding.messageIDs(headers["Message-ID"]).first,
            inReplyTo: MIMEDecoding.messageIDs(headers["In-Reply-To"]),
            references: MIMEDecoding.messageIDs(headers["References"]),
            date: MailDate.parse(headers["Date"]),
            textBody: text,
            htmlBody: html
        )
    }

    /// Convenience for fixtures and webhooks that hand over the message as a string.
    public static func parse(_ raw: String) throws -> InboundMessage {
        try parse(Data(raw.utf8))
    }
}

/// One MIME entity: its header and its still-encoded body bytes (line endings normalised to LF).
struct MIMEEntity {
    let headers: HeaderFields
    let body: ArraySlice<UInt8>

    /// Splits header from body at the first empty line. A MIME part may legitimately have no header at all
    /// (it starts with the empty line) or no body; only the top-level message insists on a separator.
    init?(_ bytes: ArraySlice<UInt8>, requireSeparator: Bool) {
        let newline = UInt8(ascii: "\n")
        var headerEnd: Int?
        var bodyStart = bytes.endIndex
        if bytes.first == newline {
            headerEnd = bytes.startIndex
            bodyStart = bytes.startIndex + 1
        } else {
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                if bytes[index] == newline && bytes[index + 1] == newline {
                    headerEnd = index
                    bodyStart = index + 2
                    break
                }
                index += 1
            }
        }
        if headerEnd == nil {
            if requireSeparator { return nil }
            headerEnd = bytes.endIndex
        }
        let headerBytes = Array(bytes[bytes.startIndex..<headerEnd!])
        // RFC 6532 allows raw UTF-8 in headers; legacy clients send raw Latin-1, hence the fallback.
        let headerText = String(validatingUTF8Bytes: headerBytes) ?? MIMEDecoding.windows1252(headerBytes)
        let lines = headerText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        headers = HeaderFields.parse(lines: lines)
        body = bytes[bodyStart...]
    }

    init?(_ bytes: [UInt8], requireSeparator: Bool) {
        self.init(bytes[...], requireSeparator: requireSeparator)
    }

    var contentType: (value: String, parameters: [String: String]) {
        guard let raw = headers["Content-Type"] else { return ("text/plain", [:]) }
        let parsed = MIMEDecoding.parseParameterized(raw)
        // A missing or garbled type means text/plain per RFC 2045 §5.2.
        return parsed.value.contains("/") ? parsed : ("text/plain", parsed.parameters)
    }

    var isAttachment: Bool {
        if let disposition = headers["Content-Disposition"] {
            let parsed = MIMEDecoding.parseParameterized(disposition)
            if parsed.value == "attachment" || parsed.parameters.keys.contains(where: { $0.hasPrefix("filename") }) { return true }
        }
        return contentType.parameters.keys.contains { $0.hasPrefix("name") }
    }

    /// The decoded body text, with CRLF left by base64 payloads folded to LF.
    var decodedText: String {
        let bytes = MIMEDecoding.decodeTransfer(Array(body), encoding: headers["Content-Transfer-Encoding"])
        let text = MIMEDecoding.decode(bytes, charset: contentType.parameters["charset"])
        return text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The child parts of a multipart body. Preamble and epilogue are dropped; a missing close delimiter ends the last part at EOF.
    func parts(boundary: String) -> [MIMEEntity] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [MIMEEntity] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart, body[trimmedEnd - 1] == 0x20 || body[trimmedEnd - 1] == 0x09 || body[trimmedEnd - 1] == 0x0D {
                trimmedEnd -= 1
            }
            let line = body[lineStart..<trimmedEnd]
            if line.starts(with: delimiter) {
                let suffix = line.dropFirst(delimiter.count)
                if suffix.isEmpty || suffix.elementsEqual("--".utf8) {
                    if let start = partStart {
                        // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
                        let end = max(start, lineStart - 1)
                        if let part = MIMEEntity(body[start..<end], requireSeparator: false) { parts.append(part) }
                    }
                    if !suffix.isEmpty { return parts }
                    partStart = min(lineEnd + 1, body.endIndex)
                }
            }
            lineStart = lineEnd + 1
        }
        if let start = partStart, start < body.endIndex, let part = MIMEEntity(body[start...], requireSeparator: false) {
            parts.append(part)
        }
        return parts
    }

    static func normalizeLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A {
                index += 1
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }
}

/// Walks the MIME tree keeping the first inline text/plain and text/html parts.
private struct BodyCollector {
    /// Bounds recursion so a hostile message with thousands of nested multiparts cannot exhaust the stack.
    static let maxDepth = 20

    var plain: String?
    var html: String?

    mutating func walk(_ entity: MIMEEntity, depth: Int) {
        guard depth <= Self.maxDepth else { return }
        let (type, parameters) = entity.contentType
        if type.hasPrefix("multipart/") {
            guard let boundary = parameters["boundary"], !boundary.isEmpty else { return }
            for part in entity.parts(boundary: boundary) {
                walk(part, depth: depth + 1)
            }
            return
        }
        guard !entity.isAttachment else { return }
        switch type {
        case "text/plain" where plain == nil:
            plain = entity.decodedText.trimmingWhitespace()
        case "text/html" where html == nil:
            html = entity.decodedText
        default:
            // Forwarded messages (message/rfc822), calendar invites and binaries are not the reply's own text.
            break
        }
    }
}
