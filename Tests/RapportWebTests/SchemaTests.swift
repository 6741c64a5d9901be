import Foundation
@testable import RapportAPI
import RapportCore
import RapportFormats
import Testing
@testable import RapportWeb

@Suite("API schemas: what the document says is what the server checks")
struct SchemaTests {
    static let schema = Schema.object(nil, [
        required("name", .string(maxLength: 5).nonBlank),
        optional("note", .string(maxLength: 50)),
        optional("cursor", Cursor.schema),
    ])

    static func issues(_ json: String) throws -> [String] {
        let violations = schema.violations(of: try JSONValue.parse(Data(json.utf8)), components: [:])
        return violations.issues.map { "\($0.field) \($0.message)" }
    }

    @Test("free text refuses control characters but tabs and line breaks; required text refuses only white space", arguments: [
        (#"{"name": "Ana"}"#, [String]()),
        (#"{"name": "Ana", "note": "line one\nline two\ttab\r"}"#, []),
        (#"{"name": "A\u0007"}"#, ["name must not contain control characters"]),
        (#"{"name": "Ana", "note": "\u0085"}"#, ["note must not contain control characters"]),
        (#"{"name": " \u00a0\u200b\u3000"}"#, ["name must not be empty"]),
        (#"{"name": ""}"#, ["name must not be empty"]),
        (#"{"name": "Zoë"}"#, []),
    ])
    func textRules(json: String, expected: [String]) throws {
        #expect(try Self.issues(json) == expected)
    }

    @Test("a maximum length counts Unicode scalars, as JSON Schema does, not what a reader sees as one letter")
    func lengthInScalars() throws {
        // Five letters, each an e and a combining acute accent: five characters to a reader, ten scalars.
        let accented = String(repeating: "e\u{301}", count: 5)
        #expect(accented.count == 5)
        let json = String(data: try JSONEncoder().encode(["name": accented]), encoding: .utf8)!
        #expect(try Self.issues(json) == ["name must be at most 5 characters (got 10)"])
    }

    @Test("the published patterns are the rules checked: every scalar of the first planes either passes both or fails both")
    func patternsAgreeWithRules() throws {
        for rule in [TextRule.plain, .nonBlank] {
            let regex = try NSRegularExpression(pattern: rule.pattern, options: .useUnixLineSeparators)
            for value in 0..<0x3100 {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(Character(scalar))
                let matched = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(matched == (rule.problem(text) == nil), "U+\(String(value, radix: 16)) under \(rule)")
            }
        }
    }

    @Test("a merge patch may leave anything out, must carry its version, and may remove only what the document lets go")
    func mergePatchSchema() throws {
        let document = Schema.object(nil, [
            optional("version", .integer(minimum: 1)),
            required("name", .string().nonBlank),
            optional("note", .string()),
            required("place", .ref("Place")),
        ])
        let components = ["Place": Schema.object(nil, [required("country", .country), optional("city", .string())])]
        let patch = document.mergePatch(components: components)
        func issues(_ json: String) throws -> [String] {
            patch.violations(of: try JSONValue.parse(Data(json.utf8)), components: components).issues.map { "\($0.field) \($0.message)" }
        }
        #expect(try issues(#"{"version": 3}"#).isEmpty)
        #expect(try issues(#"{"version": 3, "note": null, "place": {"city": null}}"#).isEmpty)
        #expect(try issues(#"{"note": "x"}"#) == ["version is required"])
        #expect(try issues(#"{"version": 3, "name": null}"#) == ["name must not be null"])
        #expect(try issues(#"{"version": 3, "place": {"country": null}}"#) == ["place.country must not be null"])
        #expect(try issues(#"{"version": 3, "place": null}"#) == ["place must not be null"])
    }

    @Test("cursors are decimal ids, and the pattern says so")
    func cursors() throws {
        #expect(Cursor.decode(Cursor.encode(42)) == 42)
        for bad in ["", "abc", "-1", "1.5", "1234567890123456789", "١٢"] {
            #expect(Cursor.decode(bad) == nil, "\(bad)")
        }
        #expect(try Self.issues(#"{"name": "Ana", "cursor": "12"}"#).isEmpty)
        #expect(try Self.issues(#"{"name": "Ana", "cursor": "12a"}"#).count == 1)
    }

    @Test("integers the document leaves open are bounded by 64 bits, and a replacement must carry its version")
    func documentBounds() throws {
        guard case .object(let integer) = OpenAPIDocument.render(.integer(minimum: 1)) else { Issue.record("not an object"); return }
        #expect(integer["minimum"] == .integer(1))
        #expect(integer["maximum"] == .integer(Int64.max))
        guard case .object(let put) = OpenAPIDocument.replacement(OpenAPIDocument.schemaRef("Client")),
              case .array(let parts)? = put["allOf"], case .object(let version)? = parts.last else {
            Issue.record("no allOf")
            return
        }
        #expect(version["required"] == .array([.string("version")]))
    }
}
