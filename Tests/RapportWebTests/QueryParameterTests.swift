import Foundation
import HTTPTypes
import RapportCore
import Testing

@Suite("API: query parameters are read as the document states them")
struct QueryParameterTests {
    @Test("a value the document does not allow answers 422 naming the parameter", arguments: [
        ("/api/v1/obligations?limit=0", "limit"), ("/api/v1/obligations/unanswered?limit=5001", "limit"),
        ("/api/v1/tasks?all=1", "all"), ("/api/v1/tasks?all=TRUE", "all"), ("/api/v1/tasks?withinDays=-1", "withinDays"),
        ("/api/v1/overlaps?days=3.5", "days"), ("/api/v1/overlaps?practiceID=0", "practiceID"),
        ("/api/v1/outreach", "candidateID"), ("/api/v1/outreach?candidateID=abc", "candidateID"),
        ("/api/v1/replies?candidateID=%2B1", "candidateID"), ("/api/v1/insights/market?months=25", "months"),
        ("/api/v1/skills/unresolved?limit=1001", "limit"), ("/api/v1/placements?endingWithinDays=%2B5", "endingWithinDays"),
        ("/api/v1/touches?withinDays=91", "withinDays"), ("/api/v1/submissions?jobID=99999999999999999999", "jobID"),
        ("/api/v1/jobs?status=OPEN", "status"), ("/api/v1/candidates?limit=%2050", "limit"),
    ])
    func refused(uri: String, field: String) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.get(uri)
            #expect(response.status == .unprocessableContent, "\(uri)")
            #expect(response.errorCode == "validation_failed", "\(uri)")
            #expect(response.errorField == field, "\(uri)")
        }
    }

    @Test("values the document allows are taken, and a parameter left out takes the default the document states")
    func taken() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            for uri in ["/api/v1/tasks?all=true&withinDays=366", "/api/v1/obligations?limit=1000", "/api/v1/overlaps?days=1",
                        "/api/v1/insights/market?months=24&skills=1", "/api/v1/jobs?status=open&region=HK"] {
                #expect(try await client.get(uri).status == .ok, "\(uri)")
            }
            let paths = try #require(try await client.get("/api/v1/openapi.json").json["paths"] as? [String: [String: Any]])
            func parameter(_ path: String, _ name: String) throws -> [String: Any] {
                let operation = try #require(paths[path]?["get"] as? [String: Any], "\(path)")
                let parameters = try #require(operation["parameters"] as? [[String: Any]], "\(path)")
                return try #require(parameters.first { $0["name"] as? String == name }, "\(path) \(name)")
            }
            let obligations = try #require(try parameter("/api/v1/obligations", "limit")["schema"] as? [String: Any])
            #expect(obligations["default"] as? Int == 200)
            #expect(obligations["maximum"] as? Int == 1000)
            let everyone = try #require(try parameter("/api/v1/tasks", "all")["schema"] as? [String: Any])
            #expect(everyone["default"] as? Bool == false)
            #expect(try parameter("/api/v1/outreach", "candidateID")["required"] as? Bool == true)
            let page = try #require(try parameter("/api/v1/candidates", "limit")["schema"] as? [String: Any])
            #expect(page["default"] as? Int == PageRequest.defaultLimit)
        }
    }
}
