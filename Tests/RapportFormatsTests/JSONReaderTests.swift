import Foundation
import RapportFormats
import RapportText
import Testing

@Suite("Reading JSON and trimming text")
struct JSONReaderTests {
    private func parse(_ text: String, maximumDepth: Int = 64) throws(FormatError) -> JSONValue {
        try JSONValue.parse(Data(text.utf8), maximumDepth: maximumDepth)
    }

    private func failure(_ text: String, maximumDepth: Int = 64) -> String? {
        do throws(FormatError) {
            _ = try parse(text, maximumDepth: maximumDepth)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("every kind of value reads as JSONDecoder read it, whole numbers as integers")
    func values() throws {
        let value = try parse(#" { "a": [1, -2, 3.5, 5.0, 1e3, -0, 1.5e19, 0.1e-2], "b": true, "c": false, "d": null, "e": {} , "f": []} "#)
        #expect(value["a"] == .array([.integer(1), .integer(-2), .number(3.5), .integer(5), .integer(1000), .integer(0),
                                      .number(1.5e19), .number(0.001)]))
        #expect(value["b"] == .bool(true))
        #expect(value["c"] == .bool(false))
        #expect(value["d"] == .null)
        #expect(value["e"] == .object([:]))
        #expect(value["f"] == .array([]))
        #expect(try parse("\"just text\"") == .string("just text"))
        #expect(try parse("42") == .integer(42))
    }

    @Test("escapes, surrogate pairs and non-ASCII text come out as the characters they stand for")
    func escapes() throws {
        let value = try parse(#"["Zoë \"Z\" O'Brien\\\/\b\f\n\r\t", "\u00e9\u4e2d\uD83D\uDE00", "Ærøskøbing 東京"]"#)
        #expect(value == .array([.string("Zoë \"Z\" O'Brien\\/\u{08}\u{0C}\n\r\t"), .string("é中😀"), .string("Ærøskøbing 東京")]))
    }

    @Test("a later field of the same name wins, as it did before")
    func duplicateKeys() throws {
        #expect(try parse(#"{"name": "first", "name": "second"}"#)["name"] == .string("second"))
    }

    @Test("a fault is named with its line and column", arguments: [
        ("{\"a\": 1,\n  \"b\" 2}", "expected a colon after the field name \"b\" (line 2, column 7)"),
        ("[1, 2", "expected a comma or the closing ] of a list (line 1, column 6)"),
        ("{\"a\": tru}", "expected a value (an object, a list, text, a number, true, false or null) (line 1, column 7)"),
        ("[01]", "expected a comma or the closing ] of a list (line 1, column 3)"),
        ("[1.]", "expected a digit after the decimal point (line 1, column 4)"),
        ("\"open", "the text ends inside a string (line 1, column 6)"),
        ("\"tab\there\"", "a control character must be escaped inside text (line 1, column 5)"),
        ("\"\\x\"", "unknown escape \\x (line 1, column 3)"),
        ("\"\\uD83D\"", "a \\u escape of a high surrogate must be followed by a low one (line 1, column 8)"),
        ("\"\\uDE00\"", "a \\u escape names a lone low surrogate (line 1, column 8)"),
        ("{} {}", "there is more after the end of the JSON value (line 1, column 4)"),
        ("", "the text ends where a value should be (line 1, column 1)"),
        ("{'a': 1}", "expected a field name in double quotes (line 1, column 2)"),
        ("[1e400]", "the number 1e400 is too large (line 1, column 7)"),
    ])
    func faults(text: String, expected: String) {
        #expect(failure(text) == "is not valid JSON: " + expected)
    }

    @Test("bytes that are not UTF-8 are said to be so, inside text or out")
    func notUTF8() {
        var inText = Data("[\"caf".utf8)
        inText.append(contentsOf: [0xE9, 0x22, 0x5D])
        var outside = Data("[1, ".utf8)
        outside.append(0xFF)
        for data in [inText, outside] {
            #expect(throws: FormatError("is not UTF-8 text; save it as UTF-8 and try again")) { try JSONValue.parse(data) }
        }
    }

    @Test("nesting past the limit is refused on the way down, at the first level too deep")
    func depth() throws {
        #expect(try parse("[[[1]]]", maximumDepth: 3) == .array([.array([.array([.integer(1)])])]))
        #expect(failure("[[[[1]]]]", maximumDepth: 3) == "is nested more than 3 levels deep; no résumé or posting needs that")
        // Far deeper than any stack would survive when built first and measured after.
        let deep = String(repeating: "[", count: 1_000_000)
        #expect(failure(deep) == "is nested more than 64 levels deep; no résumé or posting needs that")
    }

    @Test("trimming takes off what Foundation's sets take off, and nothing else")
    func trimming() {
        let samples = ["  plain  ", "\n\t text \r\n", "\u{00A0}\u{2003}wide\u{3000}", "\u{2028}para\u{2029}", "\u{85}next\u{0B}\u{0C}",
                       "   ", "", "é\u{301} ", " 中文 ", "keep\u{200B}", "a \n b"]
        for sample in samples {
            #expect(sample.trimmed == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)")
            #expect(sample.trimmedSpaces == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
            #expect(sample[...].trimmed == sample.trimmed)
        }
        // Every character of the Basic Multilingual Plane, at either end.
        let differing = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            let sample = "\(scalar)x\(scalar)"
            return sample.trimmed != sample.trimmingCharacters(in: .whitespacesAndNewlines)
                || sample.trimmedSpaces != sample.trimmingCharacters(in: .whitespaces)
        }
        #expect(differing.map { String($0.value, radix: 16) } == [])
        for (text, other, expected) in [("advanced", "advanced", true), ("very advanced user", "advanced", true), ("advance", "advanced", false),
                                        ("", "", true), ("abc", "", true), ("", "a", false), ("aab", "ab", true), ("größer", "öß", true),
                                        ("ba", "ab", false)] {
            #expect(text.containsBytes(of: other) == expected, "\(text) / \(other)")
            if !other.isEmpty { #expect(text.containsBytes(of: other) == text.contains(other)) }
        }
        #expect("\u{7F}\u{80}\u{9F}\u{1F}".unicodeScalars.allSatisfy { $0.isControl })
        #expect(!"\u{A0}a \u{20}\u{2028}".unicodeScalars.contains { $0.isControl })
    }
}
