import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportWeb
import Testing

/// The harness's clock reads Wednesday 18 November 2026, 11:06:40 UTC, so the current month is 2026-11.
@Suite("Insight API: scorecards and the market")
struct InsightAPITests {
    @Test("the scorecards of a month list each recruiter (never an admin), each practice and the firm, with the formula")
    func scorecards() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // MUT
            let response = try await client.get("/api/v1/scorecards?period=2026-11")

            // validate
            #expect(response.status == .ok, "\(response.text)")
            let json = response.json
            #expect(json["period"] as? String == "2026-11")
            #expect(json["asOf"] as? String != nil)
            let formula = json["formula"] as? String ?? ""
            #expect(formula.contains("at least 15 survey answers") && formula.contains("Activity (e-mails, calls, submissions) never counts"))
            // Ada is an admin: only Rob is a recruiter with a card.
            let recruiters = json["recruiters"] as? [[String: Any]] ?? []
            #expect(recruiters.count == 1)
            let rob = try #require(recruiters.first)
            #expect(rob["subject"] as? String == "recruiter" && rob["name"] as? String == "Rob Recruiter")
            #expect(rob["id"] as? Int == Int(api.recruiter.id.rawValue))
            #expect(rob["period"] as? String == "2026-11")
            // No survey was sent, so there is no score, and nothing to measure anywhere.
            let quality = rob["quality"] as? [String: Any] ?? [:]
            #expect(quality["status"] as? String == "not_enough_data")
            #expect(quality["score"] == nil)
            #expect(quality["responses"] as? Int == 0 && quality["needed"] as? Int == 15)
            #expect((quality["components"] as? [String: Any])?.isEmpty == true)
            let nps = rob["nps"] as? [String: Any] ?? [:]
            #expect(nps["responses"] as? Int == 0 && nps["sent"] as? Int == 0 && nps["score"] == nil && nps["responseRate"] == nil)
            let relevance = rob["relevance"] as? [String: Any] ?? [:]
            #expect(relevance["pitches"] as? Int == 0 && relevance["averageFit"] == nil)
            let activity = rob["activity"] as? [String: Any] ?? [:]
            #expect(activity["emailsSent"] as? Int == 0 && activity["contactsLogged"] as? Int == 0)
            #expect((activity["note"] as? String)?.contains("never part of the quality score") == true)

            let practices = json["practices"] as? [[String: Any]] ?? []
            #expect(practices.map { $0["name"] as? String } == ["Cloud & DevOps"])
            #expect(practices.first?["subject"] as? String == "practice" && practices.first?["id"] as? Int == Int(api.practice.id.rawValue))
            let firm = json["firm"] as? [String: Any] ?? [:]
            #expect(firm["subject"] as? String == "firm" && firm["name"] as? String == "Firm" && firm["id"] == nil)
            #expect((firm["quality"] as? [String: Any])?["status"] as? String == "not_enough_data")

            // Without a period: the current month. One practice asked for by id: the same recruiter.
            let current = try await client.get("/api/v1/scorecards")
            #expect(current.status == .ok && current.json["period"] as? String == "2026-11")
            let quarter = try await client.get("/api/v1/scorecards?period=2026-Q4&practiceID=\(api.practice.id)")
            #expect(quarter.status == .ok, "\(quarter.text)")
            #expect(quarter.json["period"] as? String == "2026-Q4")
            #expect((quarter.json["recruiters"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Rob Recruiter"])

            // One recruiter's card.
            let one = try await client.get("/api/v1/scorecards/recruiters/\(api.recruiter.id)?period=2026-10")
            #expect(one.status == .ok, "\(one.text)")
            #expect(one.json["subject"] as? String == "recruiter" && one.json["name"] as? String == "Rob Recruiter")
            #expect(one.json["period"] as? String == "2026-10")
            #expect((one.json["quality"] as? [String: Any])?["status"] as? String == "not_enough_data")
        }
    }

    @Test("a bad period, an unknown practice and an unknown recruiter are refused, naming what is wrong")
    func badScorecardRequests() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            for period in ["2026-13", "2026-Q5", "2026-11-01", "November", "2026-+1", "1899-12", "", "2026-q4"] {
                let bad = try await client.get("/api/v1/scorecards?period=\(period)")
                #expect(bad.status == .unprocessableContent, "\(period): \(bad.text)")
                #expect(bad.errorCode == "validation_failed" && bad.errorField == "period", "\(period)")
            }
            let unknownPractice = try await client.get("/api/v1/scorecards?period=2026-11&practiceID=999")
            #expect(unknownPractice.status == .notFound, "\(unknownPractice.text)")
            #expect(unknownPractice.errorCode == "not_found")
            #expect((unknownPractice.error["message"] as? String)?.contains("999") == true)
            let notAnID = try await client.get("/api/v1/scorecards?period=2026-11&practiceID=cloud")
            #expect(notAnID.status == .unprocessableContent && notAnID.errorField == "practiceID")

            let unknownRecruiter = try await client.get("/api/v1/scorecards/recruiters/999?period=2026-11")
            #expect(unknownRecruiter.status == .notFound, "\(unknownRecruiter.text)")
            #expect(unknownRecruiter.errorCode == "not_found")
            let badPeriod = try await client.get("/api/v1/scorecards/recruiters/\(api.recruiter.id)?period=2026-13")
            #expect(badPeriod.status == .unprocessableContent && badPeriod.errorField == "period")
        }
    }

    @Test("the market shows a new job's pay in its skill, region and currency, and its demand against supply")
    func market() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // setup: a job paying £550–£700 a day for Kubernetes in the UK; one available person with Kubernetes at level 4.
            _ = try await client.createID("/api/v1/jobs", api.jobJSON())
            _ = try await client.createID("/api/v1/candidates", api.candidateJSON(extra: #", "availability": {"status": "active"}"#))

            // MUT
            let response = try await client.get("/api/v1/insights/market")

            // validate: six months back from November is 1 June.
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.json["since"] as? String == "2026-06-01")
            let pay = response.json["pay"] as? [[String: Any]] ?? []
            #expect(pay.count == 1)
            let band = try #require(pay.first)
            #expect(band["skillID"] as? Int == Int(api.kubernetes.id.rawValue) && band["skill"] as? String == "Kubernetes")
            #expect(band["region"] as? String == "UK" && band["currency"] as? String == "GBP" && band["unit"] as? String == "day")
            #expect(band["month"] as? String == "2026-11")
            #expect(band["count"] as? Int == 1)
            // One rate, the middle of the band: (55000 + 70000) / 2 = 62500 pence, every quartile.
            #expect(band["median"] as? Int == 62_500)
            #expect(band["lowerQuartile"] as? Int == 62_500 && band["upperQuartile"] as? Int == 62_500)

            let skills = response.json["skills"] as? [[String: Any]] ?? []
            #expect(skills.count == 1)
            let kubernetes = try #require(skills.first)
            #expect(kubernetes["skillID"] as? Int == Int(api.kubernetes.id.rawValue) && kubernetes["skill"] as? String == "Kubernetes")
            #expect(kubernetes["demand"] as? Int == 1 && kubernetes["supply"] as? Int == 1)
            #expect(kubernetes["demandPerPerson"] as? Double == 1)
            // The job asks for a Cloud & DevOps skill, so it is routed there; the person has one at level 3 or more.
            let practices = response.json["practices"] as? [[String: Any]] ?? []
            #expect(practices.count == 1)
            #expect(practices.first?["practice"] as? String == "Cloud & DevOps")
            #expect(practices.first?["demand"] as? Int == 1 && practices.first?["supply"] as? Int == 1)

            // One month back is this month's first day.
            let recent = try await client.get("/api/v1/insights/market?months=1&skills=1")
            #expect(recent.status == .ok && recent.json["since"] as? String == "2026-11-01")
            #expect((recent.json["skills"] as? [Any])?.count == 1)
        }
    }

    @Test("market parameters out of range are refused, naming the parameter")
    func badMarketRequests() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            for (query, field) in [("months=0", "months"), ("months=25", "months"), ("months=six", "months"), ("skills=0", "skills")] {
                let bad = try await client.get("/api/v1/insights/market?\(query)")
                #expect(bad.status == .unprocessableContent, "\(query): \(bad.text)")
                #expect(bad.errorField == field, "\(query)")
            }
            let edge = try await client.get("/api/v1/insights/market?months=24")
            #expect(edge.status == .ok && edge.json["since"] as? String == "2024-12-01")
        }
    }
}
