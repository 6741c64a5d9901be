import Foundation
import HTTPTypes
import RapportCore
import Testing

/// Addresses that look the same must not become two people or a second admin.
@Suite("API: look-alike and differently encoded e-mail addresses")
struct LookAlikeAddressTests {
    @Test("an address with a Cyrillic letter among Latin ones is refused for a candidate and for a staff account")
    func mixedScripts() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            #expect(try await client.post("/api/v1/candidates", api.candidateJSON(email: "mere@example.com")).status == .created)
            // "mеre" with U+0435 CYRILLIC SMALL LETTER IE.
            let copy = try await client.post("/api/v1/candidates", api.candidateJSON(email: "m\u{0435}re@example.com"))
            #expect(copy.status == .unprocessableContent)
            #expect(copy.errorField == "email")
            #expect((copy.error["message"] as? String)?.contains("must not mix Latin, Cyrillic or Greek letters") == true)
            let domain = try await client.post("/api/v1/candidates", api.candidateJSON(email: "ana@ex\u{0430}mple.com"))
            #expect(domain.status == .unprocessableContent)
            // "аdmin" with U+0430 CYRILLIC SMALL LETTER A, as a second admin.
            let admin = try await client.post("/api/v1/users", #"{"email": "\#u{0430}dmin@rapport.test", "name": "Not Admin", "role": "admin", "region": "UK"}"#)
            #expect(admin.status == .unprocessableContent)
            #expect(admin.errorField == "email")
            // A name wholly in one script is a real address.
            #expect(try await client.post("/api/v1/candidates", api.candidateJSON(email: "мария@example.com")).status == .created)
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 2)
        }
    }

    @Test("one address written precomposed or decomposed is one person")
    func normalForms() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let composed = try await client.post("/api/v1/candidates", api.candidateJSON(email: "\u{00E9}lodie@example.com"))
            #expect(composed.status == .created)
            let decomposed = try await client.post("/api/v1/candidates", api.candidateJSON(email: "e\u{0301}lodie@example.com"))
            #expect(decomposed.status == .conflict)
            #expect(decomposed.errorField == "email")
            let stored = try #require(try await client.get("/api/v1/candidates").json["items"] as? [[String: Any]])
            #expect(stored.map { $0["email"] as? String } == ["\u{00E9}lodie@example.com"])
        }
    }
}
