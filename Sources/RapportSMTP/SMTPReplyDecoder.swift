import NIOCore

/// Errors in what the server sent (as opposed to what it replied).
enum SMTPProtocolError: Error, CustomStringConvertible {
    case lineTooLong
    case tooManyLines
    case malformedLine(String)
    case unexpectedReply(SMTPReply)
    case unexpectedDataBeforeTLS

    var description: String {
        switch self {
        case .lineTooLong:
            "reply line longer than \(SMTPReplyDecoder.maximumLineLength) bytes"
        case .tooManyLines:
            "reply with more than \(SMTPReplyDecoder.maximumLinesPerReply) lines"
        case .malformedLine(let line):
            "malformed reply line \"\(line.prefix(80))\""
        case .unexpectedReply(let reply):
            "unexpected reply \(reply.code) \(reply.text)"
        case .unexpectedDataBeforeTLS:
            "server sent data after accepting STARTTLS, before the TLS handshake"
        }
    }
}

/// Splits the inbound byte stream into lines and assembles them into ``SMTPReply`` values.
///
/// Multi-line replies use `ddd-text` for all but the last line, which is `ddd text` (RFC 5321 §4.2.1).
/// Lines end in CRLF; a bare LF is tolerated.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    static let maximumLineLength = 4096
    static let maximumLinesPerReply = 1000

    private var pending: SMTPReply?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineLength { throw SMTPProtocolError.lineTooLong }
            return .needMoreData
        }
        let lineLength = newline - view.startIndex
        guard lineLength <= Self.maximumLineLength else { throw SMTPProtocolError.lineTooLong }

        var line = view[view.startIndex..<newline]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        let text = String(decoding: line, as: UTF8.self)
        buffer.moveReaderIndex(forwardBy: lineLength + 1)

        if let reply = try consume(line: text) {
            context.fireChannelRead(Self.wrapInboundOut(reply))
        }
        return .continue
    }

    mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        // Without EOF we are being removed for STARTTLS: anything left is plaintext injected before the handshake.
        if !seenEOF, buffer.readableBytes > 0 || pending != nil {
            throw SMTPProtocolError.unexpectedDataBeforeTLS
        }
        return .needMoreData
    }

    /// Adds one line to the reply being assembled; returns the reply once its last line arrived.
    private mutating func consume(line: String) throws -> SMTPReply? {
        let bytes = Array(line.utf8.prefix(4))
        guard bytes.count >= 3,
            bytes[0..<3].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)),
            (100..<600).contains(code)
        else { throw SMTPProtocolError.malformedLine(line) }

        let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw SMTPProtocolError.malformedLine(line)
        }
        let text = String(decoding: line.utf8.dropFirst(4), as: UTF8.self)

        var reply = pending ?? SMTPReply(code: code, lines: [])
        guard reply.code == code else { throw SMTPProtocolError.malformedLine(line) }
        guard reply.lines.count < Self.maximumLinesPerReply else { throw SMTPProtocolError.tooManyLines }
        reply.lines.append(text)

        if separator == UInt8(ascii: "-") {
            pending = reply
            return nil
        }
        pending = nil
        return reply
    }
}
