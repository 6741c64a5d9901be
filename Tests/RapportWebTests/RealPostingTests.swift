import Foundation
import HTTPTypes
import RapportCore
import Testing

/// Jobs as real postings state them: pay the client would not disclose, pay by the month in a currency outside the
/// four regions.
@Suite("Real postings through the API and pages")
struct RealPostingTests {
    /// `json` without its top-level `key`.
    private static func removing(_ key: String, from json: String) -> String {
        var object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
        object[key] = nil
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test("a job without pay is created as 'not disclosed', reads back without pay, and a monthly EUR band is kept")
    func undisclosedAndMonthlyPay() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let created = try await client.post("/api/v1/jobs", Self.removing("pay", from: api.jobJSON()))
            #expect(created.status == .created, "\(created.text)")
            #expect(created.json["pay"] == nil)
            let id = try #require(created.json["id"] as? Int)
            #expect(try await client.get("/api/v1/jobs/\(id)").json["pay"] == nil)

            let monthly = try await client.post("/api/v1/jobs", api.jobJSON(extra: #"""
                , "pay": {"minimum": {"minorUnits": 650000, "currency": "EUR", "unit": "month"},
                          "maximum": {"minorUnits": 800000, "currency": "EUR", "unit": "month"}}
                """#))
            #expect(monthly.status == .created, "\(monthly.text)")
            let pay = try #require(monthly.json["pay"] as? [String: Any])
            let maximum = try #require(pay["maximum"] as? [String: Any])
            #expect(maximum["currency"] as? String == "EUR" && maximum["unit"] as? String == "month")
            #expect(maximum["minorUnits"] as? Int == 800_000)
        }
    }

    @Test("the job page says the pay is not disclosed, and a pitch says so instead of a band")
    func undisclosedOnPages() async throws {
        let firm = try await FirstHourFirm()
        var details = firm.platformJob.details
        details.title = "Quiet Pay Engineer"
        details.pay = nil
        let job = try await firm.records.observed(by: firm.matching).createJob(details)
        let person = try await firm.candidate("Ana Lima", skills: [firm.kubernetes])
        try await firm.run { web in
            let page = try await web.get("/jobs/\(job.id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Quiet Pay Engineer"))
            #expect(page.text.contains("pay not disclosed"))
            let preview = try await web.get("/candidates/\(person.id)/compose?job=\(job.id)&note=&overrideReason=")
            #expect(preview.status == .ok)
            #expect(preview.text.contains("pay not disclosed yet"), "\(preview.text)")
        }
    }

    @Test("a remote scope is written and read through the API, and a wrong one is a 422 naming the field")
    func remoteScopeThroughAPI() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let created = try await client.post("/api/v1/jobs", api.jobJSON(extra: #"""
                , "remotePolicy": "remote",
                  "remoteScope": {"area": "time_zones", "timeZones": ["Europe/London"], "overlapHours": 4, "contractorsAbroad": true}
                """#))
            #expect(created.status == .created, "\(created.text)")
            let scope = try #require(created.json["remoteScope"] as? [String: Any])
            #expect(scope["area"] as? String == "time_zones" && scope["overlapHours"] as? Int == 4)
            #expect(scope["timeZones"] as? [String] == ["Europe/London"] && scope["contractorsAbroad"] as? Bool == true)
            #expect(scope["countries"] == nil)

            let wrong = try await client.post("/api/v1/jobs", api.jobJSON(extra: #"""
                , "remotePolicy": "remote", "remoteScope": {"area": "countries", "countries": ["GB", "XX"]}
                """#))
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.errorField == "remoteScope.countries[1]")
            let onsite = try await client.post("/api/v1/jobs", api.jobJSON(extra: #", "remoteScope": {"area": "anywhere"}"#))
            #expect(onsite.status == .unprocessableContent)
            #expect(onsite.errorField == "remoteScope")
            #expect(try await client.get("/api/v1/jobs").json["total"] as? Int == 1)
        }
    }
}
