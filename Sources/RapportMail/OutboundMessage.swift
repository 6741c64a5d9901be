import Foundation

/// Why an `OutboundMessage`, or one of its extra headers, cannot be rendered.
public enum OutboundMessageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name is not an RFC 5322 field name (printable ASCII without ":").
    case invalidHeaderName(String)
    /// The named header's value contains CR, LF, another control character or non-ASCII text.
    case invalidHeaderValue(header: String)
    /// The named header is one `OutboundMessage` writes itself and may not be added as an extra header.
    case reservedHeader(String)
    /// An id in the named header (Message-ID, In-Reply-To or References) is not a valid message id.
    case invalidMessageID(header: String, id: String)
    /// A mailbox in the named header has an invalid address or a display name containing a line break.
    case invalidAddress(header: String, mailbox: String)
    /// The message has no To recipient.
    case missingRecipient
    /// The named header has an unbreakable run longer than 998 characters.
    case lineTooLong(header: String)
    /// A caller-supplied multipart boundary is not 1–70 RFC 2046 boundary characters.
    case invalidBoundary(String)
    /// A caller-supplied multipart boundary occurs in the encoded content.
    case boundaryInContent(String)

    public var description: String {
        switch self {
        case .invalidHeaderName(let name): "\"\(name)\" is not a valid header field name."
        case .invalidHeaderValue(let header): "The value of the \(header) header contains a line break, control or non-ASCII character."
        case .reservedHeader(let name): "The \(name) header is written by OutboundMessage itself and cannot be added."
        case .invalidMessageID(let header, let id): "\"\(id)\" in the \(header) header is not a valid message id."
        case .invalidAddress(let header, let mailbox): "\"\(mailbox)\" in the \(header) header is not a valid mailbox."
        case .missingRecipient: "The message has no To recipient."
        case .lineTooLong(let header): "The \(header) header cannot be folded into lines of at most 998 characters."
        case .invalidBoundary(let boundary): "\"\(boundary)\" is not a valid multipart boundary."
        case .boundaryInContent(let boundary): "The multipart boundary \"\(boundary)\" occurs in the message content."
        }
    }
}

/// One e-mail Rapport sends to a candidate, rendered to RFC 5322 / MIME bytes ready for SMTP DATA or a `.eml` file.
///
/// The body is quoted-printable UTF-8: a single text/plain part, or a multipart/alternative with text/plain then
/// text/html when `html` is set. Rendering validates the fields and throws `OutboundMessageError` for anything that
/// would produce a malformed or injectable message.
public struct OutboundMessage: Sendable, Equatable {
    /// A header beyond the standard ones, such as `List-Unsubscribe`, `List-Unsubscribe-Post` or `X-Rapport-Outreach`.
    public struct ExtraHeader: Sendable, Equatable {
        /// Headers the message writes itself; adding them again would produce duplicates.
        static let reservedNames: Set<String> = [
            "date", "from", "to", "reply-to", "subject", "message-id", "in-reply-to", "references",
            "mime-version", "content-type", "content-transfer-encoding",
        ]

        /// The field name as written, e.g. `List-Unsubscribe`.
        public let name: String
        /// The raw value: printable ASCII, spaces and tabs. It is folded at whitespace when rendered, never encoded.
        public let value: String

        /// Creates a header, refusing names that are not RFC 5322 field names, reserved names, and values with CR, LF,
        /// other control characters or non-ASCII text. Errors name the header.
        public init(name: String, value: String) throws {
            guard !name.isEmpty, name.utf8.allSatisfy({ MIMEEncoding.isPrintableASCII($0) && $0 != UInt8(ascii: ":") }) else {
                throw OutboundMessageError.invalidHeaderName(name)
            }
            guard !Self.reservedNames.contains(name.lowercased()) else { throw OutboundMessageError.reservedHeader(name) }
            guard value.utf8.allSatisfy({ MIMEEncoding.isPrintableASCII($0) || MIMEEncoding.isWhitespace($0) }) else {
                throw OutboundMessageError.invalidHeaderValue(header: name)
            }
            self.name = name
            self.value = value
        }
    }

    /// The sender; a non-ASCII display name is RFC 2047-encoded.
    public var from: MailAddress
    /// The recipients; at least one is required.
    public var to: [MailAddress]
    /// Where replies should go, e.g. a plus-address carrying a reply token; omitted when empty.
    public var replyTo: [MailAddress]
    /// The subject as displayed; encoded as RFC 2047 encoded-words where needed. It may not contain line breaks.
    public var subject: String
    /// This message's id without angle brackets, e.g. `outreach-42@rapport.example`.
    public var messageID: String
    /// The id of the message this one replies to, without angle brackets.
    public var inReplyTo: String?
    /// The thread's message ids, oldest first, without angle brackets.
    public var references: [String]
    /// Rendered in UTC.
    public var date: Date
    /// The plain-text body; any line break style is sent as CRLF.
    public var text: String
    /// An optional HTML alternative to `text`.
    public var html: String?
    /// Written after MIME-Version, in this order.
    public var extraHeaders: [ExtraHeader]

    /// Creates a message. Nothing is validated until it is rendered, so fields can be adjusted freely first.
    public init(
        from: MailAddress,
        to: [MailAddress],
        replyTo: [MailAddress] = [],
        subject: String,
        messageID: String,
        inReplyTo: String? = nil,
        references: [String] = [],
        date: Date,
        text: String,
        html: String? = nil,
        extraHeaders: [ExtraHeader] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.text = text
        self.html = html
        self.extraHeaders = extraHeaders
    }

    /// The message as CRLF-terminated 7-bit ASCII, with a random multipart boundary.
    public func rendered() throws -> [UInt8] {
        try rendered(boundaryCandidates: RandomBoundaries())
    }

    /// The message with a fixed multipart boundary, for reproducible output in tests and fixtures.
    /// Throws `invalidBoundary` or `boundaryInContent` when the boundary is unusable; it is ignored without `html`.
    public func rendered(boundary: String) throws -> [UInt8] {
        guard MIMEEncoding.isValidBoundary(boundary) else { throw OutboundMessageError.invalidBoundary(boundary) }
        return try rendered(boundaryCandidates: [boundary])
    }

    /// `rendered()` as `Data`, e.g. for writing a `.eml` file.
    public func renderedData() throws -> Data {
        Data(try rendered())
    }

    /// Renders with the first boundary candidate that does not occur in the encoded parts.
    func rendered(boundaryCandidates: some Sequence<String>) throws -> [UInt8] {
        let body = try renderedBody(boundaryCandidates: boundaryCandidates)
        let fields = try headerFields() + body.headers
        let header = try fields.map { field in
            guard let folded = MIMEEncoding.foldedField(name: field.name, value: field.value) else {
                throw OutboundMessageError.lineTooLong(header: field.name)
            }
            return folded
        }.joined()
        return Array((header + MIMEEncoding.crlf + body.content).utf8)
    }

    // MARK: Header

    private func headerFields() throws -> [HeaderFields.Field] {
        guard !to.isEmpty else { throw OutboundMessageError.missingRecipient }
        var fields = [
            HeaderFields.Field(name: "Date", value: MailDate.format(date)),
            HeaderFields.Field(name: "From", value: try from.rendered(in: "From")),
            HeaderFields.Field(name: "To", value: try MailAddress.renderedList(to, in: "To")),
        ]
        if !replyTo.isEmpty {
            fields.append(HeaderFields.Field(name: "Reply-To", value: try MailAddress.renderedList(replyTo, in: "Reply-To")))
        }
        guard !subject.containsLineBreak else { throw OutboundMessageError.invalidHeaderValue(header: "Subject") }
        fields.append(HeaderFields.Field(name: "Subject", value: MIMEEncoding.encodeUnstructured(subject)))
        fields.append(HeaderFields.Field(name: "Message-ID", value: try Self.angleBracketed([messageID], in: "Message-ID", isValid: Self.isStrictMessageID)))
        if let inReplyTo {
            fields.append(HeaderFields.Field(name: "In-Reply-To", value: try Self.angleBracketed([inReplyTo], in: "In-Reply-To", isValid: Self.isReferenceableMessageID)))
        }
        if !references.isEmpty {
            fields.append(HeaderFields.Field(name: "References", value: try Self.angleBracketed(references, in: "References", isValid: Self.isReferenceableMessageID)))
        }
        fields.append(HeaderFields.Field(name: "MIME-Version", value: "1.0"))
        fields += extraHeaders.map { HeaderFields.Field(name: $0.name, value: $0.value) }
        return fields
    }

    /// `<id> <id> …`, after checking every id with `isValid`.
    private static func angleBracketed(_ ids: [String], in header: String, isValid: (String) -> Bool) throws -> String {
        for id in ids where !isValid(id) {
            throw OutboundMessageError.invalidMessageID(header: header, id: id)
        }
        return ids.map { "<\($0)>" }.joined(separator: " ")
    }

    /// The message's own id must be a strict `dot-atom@dot-atom` (RFC 5322 §3.6.4).
    private static func isStrictMessageID(_ id: String) -> Bool {
        let sides = id.split(separator: "@", omittingEmptySubsequences: false)
        return sides.count == 2 && sides.allSatisfy(isDotAtom)
    }

    private static func isDotAtom(_ text: Substring) -> Bool {
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in !atom.isEmpty && atom.utf8.allSatisfy(MailAddress.isAtext) }
    }

    /// Ids of other messages come from whatever client the candidate uses; they only need to survive the angle brackets.
    private static func isReferenceableMessageID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { MIMEEncoding.isPrintableASCII($0) && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }

    // MARK: Body

    private typealias RenderedBody = (headers: [HeaderFields.Field], content: String)

    private static let transferEncodingField = HeaderFields.Field(name: "Content-Transfer-Encoding", value: "quoted-printable")

    private func renderedBody(boundaryCandidates: some Sequence<String>) throws -> RenderedBody {
        let encodedText = MIMEEncoding.quotedPrintable(text)
        guard let html else {
            let headers = [HeaderFields.Field(name: "Content-Type", value: "text/plain; charset=utf-8"), Self.transferEncodingField]
            return (headers, encodedText + MIMEEncoding.crlf)
        }
        let parts = [(type: "text/plain", content: encodedText), (type: "text/html", content: MIMEEncoding.quotedPrintable(html))]
        let boundary = try Self.boundary(from: boundaryCandidates, avoiding: parts.map(\.content))
        return ([HeaderFields.Field(name: "Content-Type", value: "multipart/alternative; boundary=\"\(boundary)\"")],
                Self.multipart(parts, boundary: boundary))
    }

    private static func boundary(from candidates: some Sequence<String>, avoiding contents: [String]) throws -> String {
        var lastCandidate = ""
        for candidate in candidates {
            if !contents.contains(where: { $0.contains(candidate) }) { return candidate }
            lastCandidate = candidate
        }
        throw OutboundMessageError.boundaryInContent(lastCandidate)
    }

    /// RFC 2046 §5.1.1 body: each part opens with a delimiter line, and the CRLF before each delimiter belongs to it.
    private static func multipart(_ parts: [(type: String, content: String)], boundary: String) -> String {
        let crlf = MIMEEncoding.crlf
        let renderedParts = parts.map { part in
            "--\(boundary)\(crlf)"
                + "Content-Type: \(part.type); charset=utf-8\(crlf)"
                + "\(transferEncodingField.name): \(transferEncodingField.value)\(crlf)"
                + crlf
                + part.content + crlf
        }
        return renderedParts.joined() + "--\(boundary)--\(crlf)"
    }
}

extension MailAddress {
    /// RFC 5322 `atext`: the characters of an atom.
    static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    /// Whether `address` is a plain ASCII `local@domain` that can go between angle brackets unquoted.
    var isRenderableAddress: Bool {
        let specials = "()<>[]:;,\\\"".utf8
        let sides = address.split(separator: "@", omittingEmptySubsequences: false)
        return sides.count == 2 && sides.allSatisfy { !$0.isEmpty }
            && address.utf8.allSatisfy { MIMEEncoding.isPrintableASCII($0) && !specials.contains($0) }
    }

    /// The mailbox as it appears in an address header: `addr`, or `Display Name <addr>` with the name quoted or
    /// RFC 2047-encoded as needed.
    func rendered(in header: String) throws -> String {
        guard isRenderableAddress, !(name ?? "").containsLineBreak else {
            throw OutboundMessageError.invalidAddress(header: header, mailbox: description)
        }
        guard let name, !name.trimmingWhitespace().isEmpty else { return address }
        return "\(MIMEEncoding.encodePhrase(name)) <\(address)>"
    }

    static func renderedList(_ mailboxes: [MailAddress], in header: String) throws -> String {
        try mailboxes.map { try $0.rendered(in: header) }.joined(separator: ", ")
    }
}
