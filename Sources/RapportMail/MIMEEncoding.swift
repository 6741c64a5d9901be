import Foundation

/// Encoders for outbound mail: quoted-printable bodies, RFC 2047 encoded-words, header phrases and header folding.
/// Everything produced here is 7-bit ASCII with CRLF line breaks.
enum MIMEEncoding {
    static let crlf = "\r\n"

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let equals = UInt8(ascii: "=")

    static func isPrintableASCII(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    // MARK: Quoted-printable

    /// RFC 2045 §6.7 rule 5: encoded lines are at most 76 characters, the `=` of a soft line break included.
    static let maxQuotedPrintableLine = 76

    private static let mboxFromLine = Array("From ".utf8)

    /// Encodes `text` as UTF-8 quoted-printable (RFC 2045 §6.7). CRLF, LF and lone CR all become CRLF hard line breaks;
    /// long lines get soft breaks. "From " at the start of a line is written `=46rom ` so mbox tools cannot mangle it.
    /// The result has no final line break.
    static func quotedPrintable(_ text: String) -> String {
        hardLines(of: Array(text.utf8)).map(quotedPrintableLine).joined(separator: crlf)
    }

    /// Splits bytes at CRLF, LF or a lone CR.
    private static func hardLines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == cr || bytes[index] == lf else {
                index += 1
                continue
            }
            lines.append(bytes[start..<index])
            let isCRLF = bytes[index] == cr && index + 1 < bytes.count && bytes[index + 1] == lf
            index += isCRLF ? 2 : 1
            start = index
        }
        lines.append(bytes[start...])
        return lines
    }

    /// Encodes one hard line, inserting soft line breaks (`=` CRLF) between whole characters or escapes.
    private static func quotedPrintableLine(_ line: ArraySlice<UInt8>) -> String {
        var physicalLines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = line.startIndex
        while index < line.endIndex {
            let piece = quotedPrintablePiece(line, at: index, startsPhysicalLine: current.isEmpty)
            // Only the very last piece may use the 76th column; any other line needs it for the soft-break "=".
            let isLastPiece = index == line.endIndex - 1
            let limit = isLastPiece ? maxQuotedPrintableLine : maxQuotedPrintableLine - 1
            if current.count + piece.count > limit {
                physicalLines.append(current + [equals])
                current = []
                continue // Re-encode the piece: at the start of a line, "From " needs escaping.
            }
            current += piece
            index += 1
        }
        physicalLines.append(current)
        return physicalLines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: crlf)
    }

    /// One byte of a line, literal or as an `=XX` escape.
    private static func quotedPrintablePiece(_ line: ArraySlice<UInt8>, at index: Int, startsPhysicalLine: Bool) -> [UInt8] {
        let byte = line[index]
        let mustEscape: Bool
        if isWhitespace(byte) {
            // Trailing whitespace is stripped by transports and decoders (rule 3), so the last one is escaped.
            mustEscape = index == line.endIndex - 1
        } else if isPrintableASCII(byte) {
            mustEscape = byte == equals || (startsPhysicalLine && line[index...].starts(with: mboxFromLine))
        } else {
            mustEscape = true
        }
        return mustEscape ? hexEscape(byte) : [byte]
    }

    private static func hexEscape(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [equals, digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }

    // MARK: RFC 2047 encoded-words

    /// Payload bytes per encoded-word: 42 bytes are 56 base64 characters, making a 68-character word — within RFC 2047's
    /// limit of 75 and short enough to share a line with a field name such as "Subject: ".
    static let maxEncodedWordBytes = 42

    /// Longest word left unencoded in a header: it must fit on a folded continuation line after the leading space.
    static let maxPlainWordLength = 77

    /// Encodes `text` as UTF-8 B encoded-words separated by single spaces (folding points that decoders drop, RFC 2047 §6.2).
    static func encodedWords(_ text: String) -> String {
        encodedWordPayloads(text)
            .map { "=?UTF-8?B?\(Data($0).base64EncodedString())?=" }
            .joined(separator: " ")
    }

    /// Packs `text` into payloads of at most `maxEncodedWordBytes`, splitting between characters so each word decodes on its
    /// own (RFC 2047 §5). A character too long for one word (e.g. a long emoji ZWJ sequence) is split between its scalars.
    private static func encodedWordPayloads(_ text: String) -> [[UInt8]] {
        let units = text.flatMap { character -> [[UInt8]] in
            let bytes = Array(character.utf8)
            return bytes.count <= maxEncodedWordBytes ? [bytes] : character.unicodeScalars.map { Array(String($0).utf8) }
        }
        var payloads: [[UInt8]] = []
        var current: [UInt8] = []
        for unit in units {
            if current.count + unit.count > maxEncodedWordBytes {
                payloads.append(current)
                current = []
            }
            current += unit
        }
        if !current.isEmpty { payloads.append(current) }
        return payloads
    }

    /// Whether a header word must be encoded: non-ASCII or control characters, something a decoder would mistake for an
    /// encoded-word, or too long to fold.
    private static func needsEncoding(_ word: some StringProtocol) -> Bool {
        word.contains("=?") || word.utf8.count > maxPlainWordLength || !word.utf8.allSatisfy(isPrintableASCII)
    }

    /// Encodes an unstructured value such as Subject (RFC 5322 §3.2.5). Plain ASCII words stay readable; each run of words
    /// that need encoding becomes encoded-words, with the whitespace inside the run encoded too because decoders drop
    /// whitespace between adjacent encoded-words.
    static func encodeUnstructured(_ text: String) -> String {
        var output = ""
        var pendingRun: String?
        var pendingWhitespace = ""
        for segment in whitespaceSegments(text) {
            guard !segment.isWhitespace else {
                pendingWhitespace += segment.text
                continue
            }
            if needsEncoding(segment.text) {
                if let run = pendingRun {
                    pendingRun = run + pendingWhitespace + segment.text
                } else {
                    output += pendingWhitespace
                    pendingRun = segment.text
                }
            } else {
                if let run = pendingRun { output += encodedWords(run) }
                pendingRun = nil
                output += pendingWhitespace + segment.text
            }
            pendingWhitespace = ""
        }
        if let run = pendingRun { output += encodedWords(run) }
        return output + pendingWhitespace
    }

    /// Alternating runs of spaces/tabs and of everything else.
    private static func whitespaceSegments(_ text: String) -> [(text: String, isWhitespace: Bool)] {
        var segments: [(text: String, isWhitespace: Bool)] = []
        for character in text {
            let isWhitespace = character == " " || character == "\t"
            if let last = segments.last, last.isWhitespace == isWhitespace {
                segments[segments.count - 1].text.append(character)
            } else {
                segments.append((String(character), isWhitespace))
            }
        }
        return segments
    }

    /// Encodes a display name (an RFC 5322 phrase): words of atoms as they are, other ASCII as a quoted-string, and anything
    /// with non-ASCII or control characters entirely as encoded-words (which may not appear inside a quoted-string).
    static func encodePhrase(_ name: String) -> String {
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        if words.contains(where: needsEncoding) {
            return encodedWords(name)
        }
        if words.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(MailAddress.isAtext) }) {
            return name
        }
        return quotedString(name)
    }

    private static func quotedString(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    // MARK: Header folding

    /// RFC 5322 §2.1.1: lines should not exceed 78 characters and must not exceed 998, CRLF excluded.
    static let preferredLineLength = 78
    static let maxLineLength = 998

    /// Renders `Name: value` as one header field ending in CRLF, folded (RFC 5322 §2.2.3) by inserting CRLF before
    /// whitespace so lines stay within 78 characters where possible. Unfolding restores the value exactly.
    /// Returns nil when an unbreakable run would exceed 998 characters.
    static func foldedField(name: String, value: String) -> String? {
        let line = Array((value.isEmpty ? "\(name):" : "\(name): \(value)").utf8)
        let breaks = foldingPoints(in: line)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while line.count - start > preferredLineLength {
            let candidates = breaks.drop { $0 <= start }
            guard let next = candidates.last(where: { $0 - start <= preferredLineLength }) ?? candidates.first else { break }
            lines.append(line[start..<next])
            start = next
        }
        lines.append(line[start...])
        guard lines.allSatisfy({ $0.count <= maxLineLength }) else { return nil }
        return lines.map { String(decoding: $0, as: UTF8.self) + crlf }.joined()
    }

    /// Indices where a fold may go: the start of a whitespace run that follows text and precedes more text, so no folded
    /// line is empty or whitespace-only.
    private static func foldingPoints(in line: [UInt8]) -> [Int] {
        guard let lastText = line.lastIndex(where: { !isWhitespace($0) }) else { return [] }
        return line.indices.filter { index in
            index > 0 && index < lastText && isWhitespace(line[index]) && !isWhitespace(line[index - 1])
        }
    }

    // MARK: Multipart boundaries

    /// RFC 2046 §5.1.1 `bchars`, minus space, which would need care at the end of a boundary.
    private static let boundaryCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?".utf8)

    /// Whether `boundary` is a syntactically valid multipart boundary: 1–70 `bchars`.
    static func isValidBoundary(_ boundary: String) -> Bool {
        (1...70).contains(boundary.utf8.count) && boundary.utf8.allSatisfy(boundaryCharacters.contains)
    }
}

extension StringProtocol {
    /// Whether the text contains CR or LF, which would end a header line early.
    var containsLineBreak: Bool {
        unicodeScalars.contains { $0 == "\r" || $0 == "\n" }
    }
}

/// An endless supply of random multipart boundaries. They start with "=_", which quoted-printable output never contains
/// (an encoded "=" is always followed by two hex digits or a line break), so they cannot collide with an encoded part;
/// rendering still checks every candidate.
struct RandomBoundaries: Sequence, IteratorProtocol {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    mutating func next() -> String? {
        let suffix = (0..<24).map { _ in Self.alphabet[Int.random(in: 0..<Self.alphabet.count)] }
        return "=_Rapport_" + String(suffix)
    }
}
