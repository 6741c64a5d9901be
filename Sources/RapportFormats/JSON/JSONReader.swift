import Foundation

/// Reads one JSON document (RFC 8259) from bytes straight into a `JSONValue`. Foundation's `JSONDecoder` took a
/// sixth of an import's time decoding `JSONValue` through `Decodable`, trying each type in turn; this reads each
/// byte once, stops at the first level past the depth limit instead of after building the whole tree, and says
/// where in the text it found the first fault.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private let maximumDepth: Int

    private init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// The value `data` holds, with nothing but white space around it.
    static func read(_ data: Data, maximumDepth: Int) throws(FormatError) -> JSONValue {
        let result: Result<JSONValue, FormatError> = data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self), maximumDepth: maximumDepth)
            do throws(FormatError) {
                reader.skipSpace()
                let value = try reader.value(depth: 0)
                reader.skipSpace()
                guard reader.index == reader.bytes.count else { throw reader.fault("there is more after the end of the JSON value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private mutating func value(depth: Int) throws(FormatError) -> JSONValue {
        guard index < bytes.count else { throw fault("the text ends where a value should be") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fault("expected a value (an object, a list, text, a number, true, false or null)")
        }
    }

    private mutating func object(depth: Int) throws(FormatError) -> JSONValue {
        guard depth <= maximumDepth else { throw FormatError.tooDeep(maximumDepth) }
        index += 1
        var fields: [String: JSONValue] = [:]
        skipSpace()
        if next(is: "}") { return .object(fields) }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fault("expected a field name in double quotes") }
            let key = try string()
            skipSpace()
            guard next(is: ":") else { throw fault("expected a colon after the field name \"\(key)\"") }
            skipSpace()
            fields[key] = try value(depth: depth)
            skipSpace()
            if next(is: ",") { skipSpace(); continue }
            if next(is: "}") { return .object(fields) }
            throw fault("expected a comma or the closing } of an object")
        }
    }

    private mutating func array(depth: Int) throws(FormatError) -> JSONValue {
        guard depth <= maximumDepth else { throw FormatError.tooDeep(maximumDepth) }
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if next(is: "]") { return .array(items) }
        while true {
            items.append(try value(depth: depth))
            skipSpace()
            if next(is: ",") { skipSpace(); continue }
            if next(is: "]") { return .array(items) }
            throw fault("expected a comma or the closing ] of a list")
        }
    }

    /// A string starting at its opening quote. Most have no escapes: those are decoded straight from the bytes.
    private mutating func string() throws(FormatError) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try Self.text(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw fault("a control character must be escaped inside text") }
            index += 1
        }
        throw fault("the text ends inside a string")
    }

    private mutating func escapedString(from start: Int) throws(FormatError) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: try Self.text(UnsafeBufferPointer(rebasing: bytes[start..<index])).unicodeScalars)
        var run = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                scalars.append(contentsOf: try Self.text(UnsafeBufferPointer(rebasing: bytes[run..<index])).unicodeScalars)
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(scalars)
                }
                scalars.append(try escape())
                run = index
                continue
            }
            if byte < 0x20 { throw fault("a control character must be escaped inside text") }
            index += 1
        }
        throw fault("the text ends inside a string")
    }

    /// The character an escape (`\n`, `\u00e9`, a surrogate pair) stands for; `index` is at its backslash.
    private mutating func escape() throws(FormatError) -> Unicode.Scalar {
        index += 1
        guard index < bytes.count else { throw fault("the text ends inside a string") }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexUnit()
            if (0xD800...0xDBFF).contains(unit) {
                guard next(is: "\\"), next(is: "u") else { throw fault("a \\u escape of a high surrogate must be followed by a low one") }
                let low = try hexUnit()
                guard (0xDC00...0xDFFF).contains(low) else { throw fault("a \\u escape of a high surrogate must be followed by a low one") }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(unit) else { throw fault("a \\u escape names a lone low surrogate") }
            return scalar
        default:
            index -= 1
            throw fault("unknown escape \\\(Unicode.Scalar(letter))")
        }
    }

    private mutating func hexUnit() throws(FormatError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fault("a \\u escape needs four hexadecimal digits") }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            let digit: UInt32 = switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(bytes[index] - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(bytes[index] - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(bytes[index] - UInt8(ascii: "A") + 10)
            default: throw fault("a \\u escape needs four hexadecimal digits")
            }
            unit = unit << 4 | digit
            index += 1
        }
        return unit
    }

    /// A number: an integer when it is written as one and fits, or is a whole number that fits (as `JSONDecoder`
    /// read `5.0` or `1e3` as an integer), otherwise a double.
    private mutating func number() throws(FormatError) -> JSONValue {
        let start = index
        var whole = true
        _ = next(is: "-")
        guard index < bytes.count, Self.isDigit(bytes[index]) else { throw fault("expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if next(is: ".") {
            whole = false
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw fault("expected a digit after the decimal point") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            whole = false
            index += 1
            if !next(is: "+") { _ = next(is: "-") }
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw fault("expected a digit in the exponent") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if whole, let integer = Int64(literal) { return .integer(integer) }
        guard let double = Double(literal), double.isFinite else { throw fault("the number \(literal) is too large") }
        if let integer = Int64(exactly: double) { return .integer(integer) }
        return .number(double)
    }

    private mutating func literal(_ word: StaticString) throws(FormatError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
              word.withUTF8Buffer({ expected in expected.elementsEqual(bytes[index..<index + count]) }) else {
            throw fault("expected a value (an object, a list, text, a number, true, false or null)")
        }
        index += count
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Steps over `character` when it comes next.
    private mutating func next(is character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func text(_ utf8: UnsafeBufferPointer<UInt8>) throws(FormatError) -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw FormatError.notUTF8 }
        return text
    }

    /// The fault at the current position, by line and column (counted in characters) as an editor shows them.
    private func fault(_ problem: String) -> FormatError {
        let before = UnsafeBufferPointer(rebasing: bytes[..<min(index, bytes.count)])
        guard String(validating: bytes, as: UTF8.self) != nil else { return .notUTF8 }
        let line = before.count(where: { $0 == 0x0A }) + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: UnsafeBufferPointer(rebasing: before[lineStart...]), as: UTF8.self).count + 1
        return FormatError("is not valid JSON: \(problem) (line \(line), column \(column))")
    }
}

extension FormatError {
    static let notUTF8 = FormatError("is not UTF-8 text; save it as UTF-8 and try again")

    static func tooDeep(_ levels: Int) -> FormatError {
        FormatError("is nested more than \(levels) levels deep; no résumé or posting needs that")
    }
}
