import Foundation
import Hummingbird
import HummingbirdTesting
import RapportAPI
import RapportCore
import Testing

@Suite("API: bad input gets a clear answer and changes nothing")
struct BadInputTests {
    @Test("malformed JSON, an empty body or a non-object is a 400", arguments: [
        "{\"name\": ", "", "[]", "\"text\"", "null", "{\"name\": \"x\",}", "\u{FF}\u{FE}",
    ])
    func malformed(body: String) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.post("/api/v1/candidates", body)
            #expect([.badRequest, .unprocessableContent].contains(response.status), "\(body): \(response.status)")
            #expect(response.errorCode != nil)
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 0)
        }
    }

    @Test("an unknown field is a 400 that names it, at any depth", arguments: [
        (#", "nickname": "M""#, "nickname"),
        (#", "goals": {"salary": 1}"#, "goals.salary"),
        (#", "consents": [{"purpose": "data_processing", "recordedAt": "2026-01-01T00:00:00Z", "method": "form", "legalBasis": "consent", "via": 1}]"#, "consents[0].via"),
    ])
    func unknownField(extra: String, field: String) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.post("/api/v1/candidates", api.candidateJSON(extra: extra))
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "unknown_field")
            #expect(response.errorField == field)
        }
    }

    @Test("each rule broken is a 422 naming the field and what was expected", arguments: [
        (#", "email": "not-an-email""#, "email", "e-mail"),
        (#", "email": "a\u0000b@example.com""#, "email", "e-mail"),
        (#", "name": "Mere\u0000Tane""#, "name", "control characters"),
        (#", "region": "AU""#, "region", "US, UK, NZ, HK"),
        (#", "skills": [{"skillID": 1, "level": 6}]"#, "skills[0].level", "5"),
        (#", "skills": [{"skillID": 1, "level": 3, "years": -2}]"#, "skills[0].years", "0"),
        (#", "skills": [{"skillID": 1, "level": "expert"}]"#, "skills[0].level", "integer"),
        (#", "skills": [{"skillID": 424242, "level": 3}]"#, "skills[0].skillID", "does not exist"),
        (#", "goals": {"minimumPay": {"minorUnits": 100, "currency": "JPY", "unit": "day"}}"#, "goals.minimumPay.currency", "USD"),
        (#", "goals": {"earliestStart": "2027-02-30"}"#, "goals.earliestStart", "YYYY-MM-DD"),
        (#", "consents": [{"purpose": "data_processing", "recordedAt": "2024-01-01T12:99:00Z", "method": "form", "legalBasis": "consent"}]"#,
         "consents[0].recordedAt", "RFC 3339"),
        (#", "consents": [{"purpose": "data_processing", "recordedAt": "2026-02-30T10:00:00Z", "method": "form", "legalBasis": "consent"}]"#,
         "consents[0].recordedAt", "RFC 3339"),
        (#", "availability": {"status": "not_looking"}"#, "availability.until", "required"),
        (#", "timeZone": "Atlantis/Capital""#, "timeZone", "IANA"),
        (#", "headline": "\#(String(repeating: "h", count: 201))""#, "headline", "200"),
        (#", "ownerID": 99"#, "ownerID", "does not exist"),
        (#", "contactPreferences": {"quietHours": {"start": "7pm"}}"#, "contactPreferences.quietHours.start", "HH:MM"),
    ])
    func validation(extra: String, field: String, expected: String) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.post("/api/v1/candidates", api.candidateJSON(extra: extra))
            // A well-formed id of a record nobody holds is a 409 naming the field; every other broken rule a 422.
            let missing = expected == "does not exist"
            #expect(response.status == (missing ? .conflict : .unprocessableContent))
            #expect(response.errorCode == (missing ? "unknown_reference" : "validation_failed"))
            #expect(response.errorField == field)
            #expect((response.error["message"] as? String)?.contains(expected) == true, "\(response.text)")
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 0)
        }
    }

    @Test("a required field left out is named")
    func missingRequired() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.post("/api/v1/candidates", #"{"name": "No Email", "region": "US", "location": {"city": "Reno", "country": "US"}}"#)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorField == "email")
        }
    }

    @Test("a job's minimum pay above its maximum is a 422 on pay.minimum")
    func payRange() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let body = api.jobJSON().replacingOccurrences(of: "\"minorUnits\": 55000", with: "\"minorUnits\": 95000")
            let response = try await client.post("/api/v1/jobs", body)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorField == "pay.minimum")
        }
    }

    @Test("a body over 1 MiB is a 413")
    func tooLarge() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let body = api.candidateJSON(extra: #", "summary": "\#(String(repeating: "x", count: 1_100_000))""#)
            let response = try await client.post("/api/v1/candidates", body)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "body_too_large")
        }
    }

    @Test("deeply nested or huge numbers never produce a 500", arguments: [
        String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
        #"{"name": "x", "email": "a@example.com", "region": "US", "location": {"city": "a", "country": "US"}, "skills": [{"skillID": 1e400, "level": 3}]}"#,
        #"{"name": "x", "email": "a@example.com", "region": "US", "location": {"city": "a", "country": "US"}, "skills": [{"skillID": 99999999999999999999, "level": 3}]}"#,
        #"{"name": "x\u0000y", "email": "a@example.com", "region": "US", "location": {"city": "a", "country": "US"}}"#,
    ])
    func neverCrashes(body: String) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.post("/api/v1/candidates", body)
            #expect(response.status.code < 500, "\(response.status): \(response.text.prefix(200))")
            #expect(response.errorCode != nil)
        }
    }

    @Test("date-times are read only within RFC 3339's ranges: no minute 99, no 30 February, no offset past 23:59",
          arguments: [("2026-11-28T09:30:00Z", true), ("2026-11-28T09:30:00.123Z", true), ("2026-11-28T09:30:00+13:00", true),
                      ("2028-02-29T00:00:00Z", true), ("2027-02-29T00:00:00Z", false), ("2024-01-01T12:99:00Z", false),
                      ("2024-01-01T24:00:00Z", false), ("2026-11-28T09:30:00+24:00", false), ("2026-13-01T00:00:00Z", false),
                      ("2026-11-28", false)])
    func dateTimes(_ text: String, _ valid: Bool) {
        #expect((APIDates.parse(text) != nil) == valid)
    }
}
