import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import Testing

@Suite("API: likely duplicates and merging")
struct CandidateMergeAPITests {
    /// Mere Tane held with a phone, and a second record of her under another address, created knowingly.
    static func twoRecords(_ api: APIHarness, _ client: APIClient) async throws -> (kept: Int, absorbed: Int) {
        let held = try await client.post("/api/v1/candidates", api.candidateJSON(extra: #", "phone": "+64 21 555 0199""#))
        let other = try await client.post("/api/v1/candidates?allowLikelyDuplicate=true",
                                          api.candidateJSON(email: "mere.t@elsewhere.example",
                                                            extra: #", "phone": "021 555 0199", "headline": "Site reliability engineer""#))
        #expect(held.status == .created && other.status == .created)
        return (try #require(held.json["id"] as? Int), try #require(other.json["id"] as? Int))
    }

    @Test("a record lists who it may be, and merging keeps one record with the fields chosen and the other's id answering merged")
    func merge() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let (kept, absorbed) = try await Self.twoRecords(api, client)
            let found = try await client.get("/api/v1/candidates/\(kept)/likely-duplicates")
            #expect(found.status == .ok)
            let items = try #require(found.json["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["id"] as? Int == absorbed && items.first?["reason"] as? String == "the same phone number")
            // MUT
            let merged = try await client.post("/api/v1/candidates/\(kept)/merge", """
                {"absorbedID": \(absorbed), "keptVersion": 1, "absorbedVersion": 1, "choices": {"email": "absorbed", "headline": "absorbed"}}
                """)
            // validate
            #expect(merged.status == .ok)
            #expect(merged.json["id"] as? Int == kept)
            #expect(merged.json["version"] as? Int == 2)
            #expect(merged.json["email"] as? String == "mere.t@elsewhere.example")
            #expect(merged.json["headline"] as? String == "Site reliability engineer")
            #expect(merged.json["name"] as? String == "Mere Tane")
            let gone = try await client.get("/api/v1/candidates/\(absorbed)")
            #expect(gone.status == .notFound && gone.errorCode == "merged")
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 1)
            let none = try await client.get("/api/v1/candidates/\(kept)/likely-duplicates")
            #expect(none.status == .ok && (none.json["items"] as? [Any])?.isEmpty == true)
            let fromMerged = try await client.get("/api/v1/candidates/\(absorbed)/likely-duplicates")
            #expect(fromMerged.status == .notFound && fromMerged.errorCode == "merged")
        }
    }

    @Test("a merge that is stale, of a record with itself, of someone unknown or with a wrong choice answers an error and changes nothing",
          arguments: [
              ("{\"absorbedID\": ABSORBED, \"keptVersion\": 2, \"absorbedVersion\": 1}", 409, "stale_version", "version"),
              ("{\"absorbedID\": ABSORBED, \"keptVersion\": 1, \"absorbedVersion\": 3}", 409, "stale_version", "version"),
              ("{\"absorbedID\": KEPT, \"keptVersion\": 1, \"absorbedVersion\": 1}", 422, "validation_failed", "absorbedID"),
              ("{\"absorbedID\": 99, \"keptVersion\": 1, \"absorbedVersion\": 1}", 422, "validation_failed", "absorbedID"),
              ("{\"absorbedID\": ABSORBED, \"absorbedVersion\": 1}", 422, "validation_failed", "keptVersion"),
              ("{\"absorbedID\": ABSORBED, \"keptVersion\": 1, \"absorbedVersion\": 1, \"choices\": {\"email\": \"theirs\"}}", 422,
               "validation_failed", "choices.email"),
              ("{\"absorbedID\": ABSORBED, \"keptVersion\": 1, \"absorbedVersion\": 1, \"choices\": {\"skills\": \"absorbed\"}}", 400,
               "unknown_field", "choices.skills"),
          ])
    func badMerge(body: String, status: Int, code: String, field: String) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let (kept, absorbed) = try await Self.twoRecords(api, client)
            let text = body.replacingOccurrences(of: "ABSORBED", with: "\(absorbed)").replacingOccurrences(of: "KEPT", with: "\(kept)")
            let refused = try await client.post("/api/v1/candidates/\(kept)/merge", text)
            #expect(refused.status.code == status)
            #expect(refused.errorCode == code)
            #expect(refused.errorField == field)
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 2)
            #expect(try await client.get("/api/v1/candidates/\(kept)").json["version"] as? Int == 1)
        }
    }

    @Test("merging into a record nobody holds answers 404")
    func unknownKept() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let (_, absorbed) = try await Self.twoRecords(api, client)
            let refused = try await client.post("/api/v1/candidates/99/merge", #"{"absorbedID": \#(absorbed), "keptVersion": 1, "absorbedVersion": 1}"#)
            #expect(refused.status == .notFound && refused.errorCode == "not_found")
            #expect(try await client.get("/api/v1/candidates/99/likely-duplicates").status == .notFound)
        }
    }

    @Test("a change giving someone another's phone answers 409 naming them unless told otherwise; an accepted resemblance is not asked again")
    func changeToLikelyDuplicate() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let held = try await client.post("/api/v1/candidates", api.candidateJSON(extra: #", "phone": "+64 21 555 0199""#))
            let heldID = try #require(held.json["id"] as? Int)
            let other = try await client.post("/api/v1/candidates", api.candidateJSON(email: "ana@example.com", extra: #", "name": "Ana Lima""#))
            let otherID = try #require(other.json["id"] as? Int)
            // MUT
            let refused = try await client.request(.patch, "/api/v1/candidates/\(otherID)", json: #"{"version": 1, "phone": "021 555 0199"}"#)
            // validate
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "likely_duplicate")
            let found = try #require((refused.json["error"] as? [String: Any])?["likelyDuplicates"] as? [[String: Any]])
            #expect(found.map { $0["id"] as? Int } == [heldID])
            #expect(try await client.get("/api/v1/candidates/\(otherID)").json["phone"] == nil)
            let replaced = try await client.request(.put, "/api/v1/candidates/\(otherID)",
                                                    json: api.candidateJSON(email: "ana@example.com",
                                                                            extra: #", "name": "Ana Lima", "phone": "021 555 0199", "version": 1"#))
            #expect(replaced.status == .conflict && replaced.errorCode == "likely_duplicate")
            // A stale change is answered as stale, whatever it resembles.
            let stale = try await client.request(.patch, "/api/v1/candidates/\(otherID)?allowLikelyDuplicate=false",
                                                 json: #"{"version": 7, "phone": "021 555 0199"}"#)
            #expect(stale.status == .conflict && stale.errorCode == "stale_version")
            let allowed = try await client.request(.patch, "/api/v1/candidates/\(otherID)?allowLikelyDuplicate=true",
                                                   json: #"{"version": 1, "phone": "021 555 0199"}"#)
            #expect(allowed.status == .ok)
            #expect(allowed.json["phone"] as? String == "021 555 0199")
            let later = try await client.request(.patch, "/api/v1/candidates/\(otherID)", json: #"{"version": 2, "headline": "Data engineer"}"#)
            #expect(later.status == .ok)
            let bad = try await client.request(.patch, "/api/v1/candidates/\(otherID)?allowLikelyDuplicate=maybe", json: #"{"version": 3}"#)
            #expect(bad.status == .unprocessableContent && bad.errorField == "allowLikelyDuplicate")
        }
    }
}
