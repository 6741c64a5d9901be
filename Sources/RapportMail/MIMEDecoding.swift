import Foundation

/// Byte-level decoders for MIME: transfer encodings, charsets, RFC 2047 encoded-words and header parameters.
enum MIMEDecoding {
    // MARK: Charsets

    /// Decodes `bytes` in the named charset. Never fails: an unknown charset or bytes that are invalid in the declared one
    /// fall back to UTF-8, then Windows-1252, because mislabelled mail is common and a best-effort reading beats dropping it.
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let name = (charset ?? "").trimmingWhitespace().lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        switch name {
        case "utf-8", "utf8":
            return String(validatingUTF8Bytes: bytes) ?? windows1252(bytes)
        case "us-ascii", "ascii", "":
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            return String(validatingUTF8Bytes: bytes) ?? windows1252(bytes)
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252":
            // The WHATWG Encoding Standard maps ISO-8859-1 labels to Windows-1252: senders that say Latin-1 routinely
            // put curly quotes and dashes in 0x80–0x9F, which are unused control codes in real Latin-1.
            return windows1252(bytes)
        case "iso-8859-15", "latin-9", "latin9":
            return latin9(bytes)
        case "utf-16", "utf-16le", "utf-16be":
            let encoding: String.Encoding = name == "utf-16le" ? .utf16LittleEndian : name == "utf-16be" ? .utf16BigEndian : .utf16
            if let text = String(data: Data(bytes), encoding: encoding) { return text }
            return windows1252(bytes)
        default:
            // Other legacy charsets go through Foundation where the platform supports them (availability differs on Linux).
            if let encoding = foundationEncodings[name], let text = String(data: Data(bytes), encoding: encoding) { return text }
            return String(validatingUTF8Bytes: bytes) ?? windows1252(bytes)
        }
    }

    private static let foundationEncodings: [String: String.Encoding] = [
        "iso-8859-2": .isoLatin2, "latin2": .isoLatin2, "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
        "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251, "shift_jis": .shiftJIS, "shift-jis": .shiftJIS,
        "iso-2022-jp": .iso2022JP, "euc-jp": .japaneseEUC,
    ]

    /// Windows-1252 differs from Latin-1 only in 0x80–0x9F; the five bytes it leaves undefined map through as Latin-1.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? cp1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    private static func latin9(_ bytes: [UInt8]) -> String {
        let overrides: [UInt8: UInt32] = [
            0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
        ]
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            scalars.append(Unicode.Scalar(overrides[byte] ?? UInt32(byte)) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    // MARK: Transfer encodings

    /// Decodes a body per its Content-Transfer-Encoding; 7bit, 8bit, binary and unknown encodings pass through untouched.
    static func decodeTransfer(_ bytes: [UInt8], encoding: String?) -> [UInt8] {
        switch (encoding ?? "").trimmingWhitespace().lowercased() {
        case "quoted-printable": return quotedPrintable(bytes)
        case "base64": return base64(bytes)
        default: return bytes
        }
    }

    /// RFC 2045 §6.7. Lines are already LF-terminated; trailing whitespace is transport padding and `=` at line end is a soft break.
    /// A malformed `=` sequence is kept literally, as most clients do, rather than rejected.
    static func quotedPrintable(_ bytes: [UInt8], underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if bytes.last == UInt8(ascii: "\n") { lines.removeLast() }
        for (index, rawLine) in lines.enumerated() {
            var line = Array(rawLine)
            while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D { line.removeLast() }
            var soft = false
            var i = 0
            while i < line.count {
                let byte = line[i]
                if byte == UInt8(ascii: "=") {
                    if i == line.count - 1 {
                        soft = true
                        i += 1
                        continue
                    }
                    if i + 2 < line.count, let high = hexValue(line[i + 1]), let low = hexValue(line[i + 2]) {
                        out.append(high << 4 | low)
                        i += 3
                        continue
                    }
                    out.append(byte)
                } else if underscoreIsSpace && byte == UInt8(ascii: "_") {
                    out.append(0x20)
                } else {
                    out.append(byte)
                }
                i += 1
            }
            let isLast = index == lines.count - 1
            if !soft && (!isLast || bytes.last == UInt8(ascii: "\n")) {
                out.append(UInt8(ascii: "\n"))
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// Base64 with line breaks and stray characters ignored; missing padding is restored so truncated bodies still decode.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var alphabet = bytes.filter { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            case UInt8(ascii: "+"), UInt8(ascii: "/"):
                return true
            default:
                return false
            }
        }
        // A single leftover character carries fewer than 8 bits and cannot be decoded; drop it instead of failing everything.
        if alphabet.count % 4 == 1 { alphabet.removeLast() }
        while alphabet.count % 4 != 0 { alphabet.append(UInt8(ascii: "=")) }
        return Data(base64Encoded: Data(alphabet)).map { Array($0) } ?? []
    }

    // MARK: RFC 2047 encoded-words

    /// Decodes `=?charset?B|Q?text?=` words in a header value. Whitespace between adjacent encoded-words is dropped (RFC 2047 §6.2),
    /// and adjacent words in the same charset are decoded together so a multi-byte character split across words survives.
    static func decodeEncodedWords(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        enum Segment {
            case word(charset: String, bytes: [UInt8])
            case text(String)

            var isWord: Bool {
                if case .word = self { return true }
                return false
            }
        }

        var segments: [Segment] = []
        var literal = ""
        var rest = Substring(value)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let word = parseEncodedWord(rest) {
                if !literal.isEmpty { segments.append(.text(literal)) }
                literal = ""
                segments.append(.word(charset: word.charset, bytes: word.bytes))
                rest = rest[word.end...]
            } else {
                literal.append(rest.removeFirst())
            }
        }
        if !literal.isEmpty { segments.append(.text(literal)) }

        var output = ""
        var pendingBytes: [UInt8] = []
        var pendingCharset: String?
        func flush() {
            if let charset = pendingCharset { output += decode(pendingBytes, charset: charset) }
            pendingBytes = []
            pendingCharset = nil
        }
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .word(let charset, let bytes):
                if let current = pendingCharset, current.lowercased() != charset.lowercased() { flush() }
                pendingCharset = charset
                pendingBytes += bytes
            case .text(let text):
                let betweenWords = index > 0 && index + 1 < segments.count && segments[index - 1].isWord && segments[index + 1].isWord
                if betweenWords && text.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
                flush()
                output += text
            }
        }
        flush()
        return output
    }

    private struct EncodedWord {
        let charset: String
        let bytes: [UInt8]
        let end: Substring.Index
    }

    private static func parseEncodedWord(_ text: Substring) -> EncodedWord? {
        let body = text.dropFirst(2)
        guard let q1 = body.firstIndex(of: "?") else { return nil }
        let afterCharset = body[body.index(after: q1)...]
        guard let q2 = afterCharset.firstIndex(of: "?") else { return nil }
        let encoding = afterCharset[..<q2].uppercased()
        let payloadStart = afterCharset.index(after: q2)
        guard let close = afterCharset[payloadStart...].range(of: "?=") else { return nil }
        let payload = Array(afterCharset[payloadStart..<close.lowerBound].utf8)
        // RFC 2231 §5 allows a language suffix: =?utf-8*en?Q?...?=
        let charset = body[..<q1].split(separator: "*", maxSplits: 1).first.map(String.init) ?? ""
        guard !charset.isEmpty, !payload.contains(UInt8(ascii: " ")) else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "B": bytes = base64(payload)
        case "Q": bytes = quotedPrintable(payload, underscoreIsSpace: true)
        default: return nil
        }
        return EncodedWord(charset: charset, bytes: bytes, end: close.upperBound)
    }
}

extension String {
    /// Strict UTF-8 decoding that returns nil on invalid input, so callers can choose a fallback charset.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: self = String(scalars); return
            case .error: return nil
            }
        }
    }
}

// MARK: Structured header values

extension MIMEDecoding {
    /// Splits `type/subtype; key=value; key="quoted; value"` into a lowercased media type and lowercased-key parameters.
    static func parseParameterized(_ value: String) -> (value: String, parameters: [String: String]) {
        let pieces = splitOutsideQuotes(value, separator: ";")
        let main = (pieces.first ?? "").trimmingWhitespace().lowercased()
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingWhitespace().lowercased()
            var raw = piece[piece.index(after: equals)...].trimmingWhitespace()
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") {
                raw = unescapeQuoted(String(raw.dropFirst().dropLast()))
            }
            // Keep the first occurrence: later duplicates are usually garbage appended by broken relays.
            if parameters[key] == nil { parameters[key] = raw }
        }
        return (main, parameters)
    }

    static func splitOutsideQuotes(_ value: String, separator: Character) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && inQuotes {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
                current.append(character)
            } else if character == separator && !inQuotes {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }

    static func unescapeQuoted(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Message ids from `Message-ID`, `In-Reply-To` or `References`, without angle brackets. Falls back to
    /// whitespace-separated tokens when a sloppy client omits the brackets.
    static func messageIDs(_ value: String?) -> [String] {
        guard let value else { return [] }
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: ">") else { break }
            let id = after[..<close].trimmingWhitespace()
            if !id.isEmpty { ids.append(id) }
            rest = after[after.index(after: close)...]
        }
        if ids.isEmpty {
            ids = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
                .map(String.init)
                .filter { $0.contains("@") }
        }
        return ids
    }
}
