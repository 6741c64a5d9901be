import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import Testing

@Suite("API: candidates")
struct CandidateAPITests {
    @Test("a created candidate is answered with 201, defaults filled, and reads back the same")
    func createAndRead() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // MUT
            let created = try await client.post("/api/v1/candidates", api.candidateJSON())
            // validate
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? Int)
            #expect(created.json["version"] as? Int == 1)
            #expect(created.json["timeZone"] as? String == "Pacific/Auckland")
            #expect((created.json["availability"] as? [String: Any])?["status"] as? String == "passive")
            #expect(created.json["createdAt"] as? String == "2026-11-18T11:06:40.000Z")
            let read = try await client.get("/api/v1/candidates/\(id)")
            #expect(read.status == .ok)
            #expect(read.text == created.text)
        }
    }

    @Test("nested parts may be partial: what is left out takes its default, and the answer states every part in full")
    func partialParts() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // MUT
            let created = try await client.post("/api/v1/candidates", api.candidateJSON(extra: """
                , "skills": [{"skillID": \(api.kubernetes.id), "level": 3}], "goals": {"targetRoles": ["SRE"]},
                "interests": {"domains": ["Climate"]}, "contactPreferences": {"quietHours": {"start": "19:00"}},
                "consents": [{"purpose": "data_processing", "recordedAt": "2026-11-01T09:00:00Z", "method": "web form",
                              "legalBasis": "consent"}], "source": {"kind": "inbound"}
                """))
            // validate
            #expect(created.status == .created)
            let json = created.json
            #expect(json["location"] as? [String: String] == ["city": "Auckland", "country": "NZ"])
            let skill = try #require((json["skills"] as? [[String: Any]])?.first)
            #expect(skill["level"] as? Int == 3 && skill["years"] as? Double == 0 && skill["wantsToGrow"] as? Bool == false)
            #expect(!skill.keys.contains("lastUsed"))
            let goals = try #require(json["goals"] as? [String: Any])
            #expect(goals["targetRoles"] as? [String] == ["SRE"] && goals["employmentTypes"] as? [String] == [])
            #expect(Set(goals.keys) == ["targetRoles", "employmentTypes", "industriesWanted", "industriesAvoided", "clientsAvoided",
                                        "requiresDisclosedPay"])
            #expect(goals["requiresDisclosedPay"] as? Bool == false)
            #expect(json["interests"] as? [String: [String]] == ["skillsToLearn": [], "domains": ["Climate"]])
            let contact = try #require(json["contactPreferences"] as? [String: Any])
            #expect(contact["quietHours"] as? [String: String] == ["start": "19:00", "end": "08:00"])
            #expect(contact["channels"] as? [String] == ["email"] && contact["maxJobPitchesPer30Days"] as? Int == 4)
            #expect(contact["doNotContact"] as? Bool == false)
            let consent = try #require((json["consents"] as? [[String: Any]])?.first)
            #expect(consent["recordedAt"] as? String == "2026-11-01T09:00:00.000Z" && !consent.keys.contains("withdrawnAt"))
            #expect(json["source"] as? [String: String] == ["kind": "inbound"])
            #expect(try await client.get("/api/v1/candidates/\(try #require(json["id"] as? Int))").text == created.text)
        }
    }

    @Test("lists filter by skill name or alias, region, availability and name, and page with a cursor")
    func listing() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            for index in 0..<5 {
                let extra = index == 4 ? #", "availability": {"status": "not_looking", "until": "2027-02-01"}"# : ""
                #expect(try await client.post("/api/v1/candidates", api.candidateJSON(email: "p\(index)@example.com", extra: extra)).status == .created)
            }
            let first = try await client.get("/api/v1/candidates?limit=2&skill=k8s&region=NZ")
            #expect(first.status == .ok)
            #expect(first.json["total"] as? Int == 5)
            #expect((first.json["items"] as? [Any])?.count == 2)
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await client.get("/api/v1/candidates?limit=2&skill=Kubernetes&region=NZ&cursor=\(cursor)")
            #expect((second.json["items"] as? [[String: Any]])?.first?["id"] as? Int == 3)
            let last = try await client.get("/api/v1/candidates?limit=10&availability=active,passive")
            #expect(last.json["total"] as? Int == 4)
            #expect(last.json.keys.contains("nextCursor"))
            #expect(last.json["nextCursor"] is NSNull)
            #expect(try await client.get("/api/v1/candidates?name=MERE").json["total"] as? Int == 5)
            #expect(try await client.get("/api/v1/candidates?skill=terraform").json["total"] as? Int == 0)
        }
    }

    @Test("bad list parameters name the parameter", arguments: [
        ("limit=0", "limit"), ("limit=501", "limit"), ("limit=ten", "limit"), ("skill=", "skill"), ("skill=%20", "skill"),
        ("availability=active,%20passive", "availability"), ("availability=active,", "availability"), ("name=a%07", "name"),
        ("region=AU", "region"), ("availability=busy", "availability"), ("practice=x", "practice"), ("cursor=garbage!", "cursor"),
        // As the document states them: regions in capitals, ids and booleans as JSON writes them.
        ("region=nz", "region"), ("practice=%2B3", "practice"), ("practice=0", "practice"),
    ])
    func badParameters(query: String, field: String) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.get("/api/v1/candidates?\(query)")
            #expect([.badRequest, .unprocessableContent].contains(response.status))
            #expect(response.errorField == field)
        }
    }

    @Test("a skill filter no skill answers to is a 404 naming the parameter")
    func unknownSkill() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.get("/api/v1/candidates?skill=COBOL-2099")
            #expect(response.status == .notFound)
            #expect(response.errorCode == "not_found" && response.errorField == "skill")
        }
    }

    @Test("PUT with the current version replaces; with an old one answers 409 and changes nothing")
    func optimisticLocking() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            _ = try await client.post("/api/v1/candidates", api.candidateJSON())
            let updated = try await client.request(.put, "/api/v1/candidates/1",
                                                   json: api.candidateJSON(extra: #", "version": 1, "headline": "SRE""#))
            #expect(updated.status == .ok)
            #expect(updated.json["version"] as? Int == 2)
            let stale = try await client.request(.put, "/api/v1/candidates/1",
                                                 json: api.candidateJSON(extra: #", "version": 1, "headline": "Stale""#))
            #expect(stale.status == .conflict)
            #expect(stale.errorCode == "stale_version")
            #expect(try await client.get("/api/v1/candidates/1").json["headline"] as? String == "SRE")
            let missing = try await client.request(.put, "/api/v1/candidates/1", json: api.candidateJSON())
            #expect(missing.status == .unprocessableContent)
            #expect(missing.errorField == "version")
        }
    }

    @Test("feedback is shown and read-only: a PUT without it keeps what the pipeline recorded")
    func feedbackKept() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            #expect(try await client.post("/api/v1/candidates", api.candidateJSON()).status == .created)
            var held = try await api.records.store.candidate(CandidateID(1))
            held.profile.feedback = [FeedbackSignal(reason: .company, jobID: JobID(1), title: "Platform Engineer", clientID: api.client.id,
                                                    skills: [api.kubernetes.id], seniority: .senior, city: nil, payMaximum: nil,
                                                    on: LocalDate(year: 2026, month: 11, day: 2)!)]
            _ = try await api.records.updateCandidate(held.id, expectedVersion: held.version, held.profile)
            let put = try await client.request(.put, "/api/v1/candidates/1", json: api.candidateJSON(extra: #", "version": 2, "headline": "SRE""#))
            #expect(put.status == .ok)
            let feedback = try #require(put.json["feedback"] as? [[String: Any]])
            #expect(feedback.map { $0["reason"] as? String } == ["company"])
            #expect(feedback.first?["on"] as? String == "2026-11-02")
        }
    }

    @Test("PATCH merges only the fields sent and still checks the version")
    func mergePatch() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            _ = try await client.post("/api/v1/candidates", api.candidateJSON())
            let patched = try await client.request(.patch, "/api/v1/candidates/1",
                                                   json: #"{"version": 1, "headline": "Platform lead", "contactPreferences": {"doNotContact": true}}"#)
            #expect(patched.status == .ok)
            #expect(patched.json["headline"] as? String == "Platform lead")
            let preferences = try #require(patched.json["contactPreferences"] as? [String: Any])
            #expect(preferences["doNotContact"] as? Bool == true)
            #expect(preferences["maxJobPitchesPer30Days"] as? Int == 2)
            let unversioned = try await client.request(.patch, "/api/v1/candidates/1", json: #"{"headline": "x"}"#)
            #expect(unversioned.errorField == "version")
            let invalid = try await client.request(.patch, "/api/v1/candidates/1", json: #"{"version": 2, "skills": [{"skillID": 1, "level": 9}]}"#)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.errorField == "skills[0].level")
            // A member the record requires cannot be removed with null; an optional one can, nested ones too.
            let unnamed = try await client.request(.patch, "/api/v1/candidates/1", json: #"{"version": 2, "name": null}"#)
            #expect(unnamed.status == .unprocessableContent && unnamed.errorField == "name")
            let countryless = try await client.request(.patch, "/api/v1/candidates/1", json: #"{"version": 2, "location": {"country": null}}"#)
            #expect(countryless.status == .unprocessableContent && countryless.errorField == "location.country")
            let unknown = try await client.request(.patch, "/api/v1/candidates/1", json: #"{"version": 2, "location": {"planet": "Mars"}}"#)
            #expect(unknown.status == .badRequest && unknown.errorField == "location.planet")
            let cityless = try await client.request(.patch, "/api/v1/candidates/1", json: #"{"version": 2, "location": {"city": null}}"#)
            #expect(cityless.status == .ok)
            #expect((cityless.json["location"] as? [String: Any])?["city"] == nil)
            #expect((cityless.json["location"] as? [String: Any])?["country"] as? String == "NZ")
        }
    }

    @Test("a duplicate e-mail answers 409 and stores nothing")
    func duplicateEmail() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            _ = try await client.post("/api/v1/candidates", api.candidateJSON())
            let duplicate = try await client.post("/api/v1/candidates", api.candidateJSON(email: "MERE@example.com"))
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorCode == "duplicate")
            #expect(duplicate.errorField == "email")
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 1)
        }
    }

    @Test("someone with the phone, or the name and profile link, of a person held answers 409 naming them, unless the caller says it is someone else")
    func likelyDuplicate() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let held = try await client.post("/api/v1/candidates", api.candidateJSON(extra: #", "phone": "+64 21 555 0199""#))
            let heldID = try #require(held.json["id"] as? Int)
            // The same number written another way, under another address.
            let phone = api.candidateJSON(email: "mere.t@elsewhere.example", extra: #", "name": "Someone Else", "phone": "021 555 0199""#)
            let refused = try await client.post("/api/v1/candidates", phone)
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "likely_duplicate")
            let error = try #require(refused.json["error"] as? [String: Any])
            let found = try #require(error["likelyDuplicates"] as? [[String: Any]])
            #expect(found.count == 1 && found.first?["id"] as? Int == heldID && found.first?["reason"] as? String == "the same phone number")
            #expect((error["message"] as? String)?.contains("allowLikelyDuplicate=true") == true)
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 1)
            // The name folded for case and accents, with the same profile link.
            let linkHeld = try await client.post("/api/v1/candidates", api.candidateJSON(email: "zoe@example.com",
                                                                                          extra: #", "name": "Zoë Ng", "links": ["https://github.com/zoeng"]"#))
            #expect(linkHeld.status == .created)
            let link = try await client.post("/api/v1/candidates", api.candidateJSON(email: "zoe.ng@example.org",
                                                                                      extra: #", "name": "ZOE NG", "links": ["https://www.github.com/zoeng/"]"#))
            #expect(link.status == .conflict && link.errorCode == "likely_duplicate")
            // Told it is someone else, the API creates them.
            let allowed = try await client.post("/api/v1/candidates?allowLikelyDuplicate=true", phone)
            #expect(allowed.status == .created)
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 3)
            let bad = try await client.post("/api/v1/candidates?allowLikelyDuplicate=perhaps", phone)
            #expect(bad.status == .unprocessableContent && bad.errorField == "allowLikelyDuplicate")
            // Once merged, the record's old id says where the person is now.
            let absorbed = try await api.records.store.candidate(CandidateID(Int64(try #require(allowed.json["id"] as? Int))))
            let merge = CandidateMerge(kept: try await api.records.store.candidate(CandidateID(Int64(heldID))), absorbed: absorbed)
            _ = try await api.records.mergeCandidates(merge, by: nil)
            let old = try await client.get("/api/v1/candidates/\(absorbed.id)")
            #expect(old.status == .notFound && old.errorCode == "merged")
            #expect((old.json["error"] as? [String: Any])?["message"] as? String == "candidate \(absorbed.id) was merged into candidate \(heldID); read that one")
        }
    }

    @Test("DELETE answers 204, then the id is unknown")
    func delete() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            _ = try await client.post("/api/v1/candidates", api.candidateJSON())
            #expect(try await client.request(.delete, "/api/v1/candidates/1").status == .noContent)
            let gone = try await client.get("/api/v1/candidates/1")
            #expect(gone.status == .notFound)
            #expect(gone.errorCode == "not_found")
            #expect(try await client.request(.delete, "/api/v1/candidates/1").status == .notFound)
            #expect(try await client.get("/api/v1/candidates/abc").status == .notFound)
            #expect(try await client.get("/api/v1/candidates/1/relationship").status == .notFound, "schemathesis found it answered 200")
        }
    }
}
