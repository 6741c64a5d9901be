import Foundation
import HTTPTypes
import RapportSQLite
import RapportCore
import Testing

@Suite("API: a candidate's work history, education, certifications and languages")
struct CandidateBackgroundAPITests {
    static let background = #"""
        , "work": [{"employer": "Xero", "title": "Senior Engineer", "start": "2021-04", "highlights": ["Led payments"]},
                   {"employer": "Trade Me", "start": "2016", "end": "2021-03"}],
          "education": [{"institution": "Victoria University of Wellington", "studyType": "BSc", "area": "Computer Science", "end": "2015"}],
          "certifications": [{"name": "Certified Kubernetes Administrator", "issuer": "CNCF", "date": "2024-02"}],
          "languages": [{"language": "English", "fluency": "native"}, {"language": "Te reo Māori"}]
        """#

    @Test("they are written, read back as sent (left-out text empty), and replaced by PUT")
    func roundTrip() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let created = try await client.post("/api/v1/candidates", api.candidateJSON(extra: Self.background))
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.json["id"] as? Int)
            let read = try await client.get("/api/v1/candidates/\(id)").json
            let work = try #require(read["work"] as? [[String: Any]])
            #expect(work.map { $0["employer"] as? String } == ["Xero", "Trade Me"])
            #expect(work[0]["start"] as? String == "2021-04" && work[0]["end"] == nil)
            #expect(work[0]["highlights"] as? [String] == ["Led payments"])
            #expect(work[1]["title"] as? String == "" && work[1]["start"] as? String == "2016")
            let languages = try #require(read["languages"] as? [[String: Any]])
            #expect(languages.map { $0["fluency"] as? String } == ["native", nil])
            #expect((read["certifications"] as? [[String: Any]])?.first?["date"] as? String == "2024-02")
            #expect((read["education"] as? [[String: Any]])?.first?["end"] as? String == "2015")

            let replaced = try await client.request(.put, "/api/v1/candidates/\(id)", json: api.candidateJSON(extra: #", "version": 1"#))
            #expect(replaced.status == .ok, "\(replaced.text)")
            #expect(replaced.json["work"] as? [Any] == nil || (replaced.json["work"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("a month that is not YYYY-MM or YYYY, an end before its start, or a job without an employer is a 422 naming the field",
          arguments: [
              (#", "work": [{"employer": "Xero", "start": "April 2021"}]"#, "work[0].start"),
              (#", "work": [{"employer": "Xero", "start": "2021-13"}]"#, "work[0].start"),
              (#", "work": [{"employer": "Xero", "start": "2021-04", "end": "2020"}]"#, "work[0].end"),
              (#", "work": [{"title": "Engineer"}]"#, "work[0].employer"),
              (#", "languages": [{"language": "English", "fluency": "fluent"}]"#, "languages[0].fluency"),
          ])
    func refused(extra: String, field: String) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.post("/api/v1/candidates", api.candidateJSON(extra: extra))
            #expect(response.status == .unprocessableContent, "\(response.text)")
            #expect(response.errorField == field)
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 0)
        }
    }

    @Test("a person whose city is not known is created without one, reads back without one, and the page says only the country")
    func unknownCity() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let created = try await client.post("/api/v1/candidates", api.candidateJSON(extra: #", "location": {"country": "AU"}, "timeZone": "Australia/Melbourne""#))
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.json["id"] as? Int)
            let location = try #require(try await client.get("/api/v1/candidates/\(id)").json["location"] as? [String: Any])
            #expect(location["city"] == nil && location["country"] as? String == "AU")
            let blank = try await client.post("/api/v1/candidates", api.candidateJSON(email: "b@example.com", extra: #", "location": {"city": " ", "country": "AU"}"#))
            #expect(blank.status == .unprocessableContent)
            #expect(blank.errorField == "location.city")
        }
    }

    @Test("the candidate page lists the career in words; a person without one shows no empty section")
    func page() async throws {
        let firm = try await FirstHourFirm()
        let plain = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        let created = try await firm.candidate("Aroha Ngata", skills: [firm.kubernetes])
        var profile = created.profile
        profile.work = [
            WorkExperience(employer: "Xero", title: "Senior Engineer", location: "Wellington", start: CareerMonth("2021-04"),
                           summary: "Payments & billing.", highlights: ["Cut p99 latency by 40%"]),
            WorkExperience(employer: "Trade Me", title: "", start: CareerMonth("2016"), end: CareerMonth("2021-03")),
        ]
        profile.education = [Education(institution: "Victoria University of Wellington", studyType: "BSc", area: "Computer Science",
                                       end: CareerMonth("2015"))]
        profile.certifications = [Certification(name: "CKA", issuer: "CNCF", date: CareerMonth("2024-02"))]
        profile.languages = [SpokenLanguage(language: "English", fluency: .native), SpokenLanguage(language: "Te reo Māori")]
        let aroha = try await firm.records.updateCandidate(created.id, expectedVersion: created.version, profile)
        try await firm.run { web in
            let page = try await web.get("/candidates/\(aroha.id)")
            #expect(page.status == .ok)
            for text in [
                "<h3>Senior Engineer · Xero</h3>", "Apr 2021 – now · Wellington", "Payments &amp; billing.", "<li>Cut p99 latency by 40%</li>",
                "<h3>Role not given · Trade Me</h3>", "2016 – Mar 2021",
                "<li>BSc, Computer Science · Victoria University of Wellington · until 2015</li>", "<li>CKA · CNCF · Feb 2024</li>",
                "English (native), Te reo Māori",
            ] {
                #expect(page.text.contains(text), "\(text)")
            }
            let other = try await web.get("/candidates/\(plain.id)")
            #expect(other.status == .ok)
            #expect(!other.text.contains("id=\"career\""))
        }
    }
}
