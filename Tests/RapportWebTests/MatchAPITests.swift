import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportMatch
import RapportSQLite
import Testing

/// A remote NZ contract job that the harness candidate (Auckland, Kubernetes level 4, NZD 950/day) is eligible for.
private func nzJob(_ api: APIHarness, extra: String = "") -> String {
    APIHarness.merge(api.jobJSON(), #", "region": "NZ", "location": {"city": "Wellington", "country": "NZ"}, "remotePolicy": "remote", "#
        + #""pay": {"minimum": {"minorUnits": 90000, "currency": "NZD", "unit": "day"}, "#
        + #""maximum": {"minorUnits": 120000, "currency": "NZD", "unit": "day"}}"# + extra)
}

private func items(_ response: APIResponse) -> [[String: Any]] {
    response.json["items"] as? [[String: Any]] ?? []
}

private func fit(_ item: [String: Any]) -> [String: Any] {
    item["fit"] as? [String: Any] ?? [:]
}

@Suite("API: matching")
struct MatchAPITests {
    @Test("a candidate saved through the API is matched to a job at once, with the score explained both ways")
    func matchesFollowWrites() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // setup
            let job = try await client.post("/api/v1/jobs", nzJob(api))
            #expect(job.status == .created)
            let jobID = try #require(job.json["id"] as? Int)
            #expect(items(try await client.get("/api/v1/jobs/\(jobID)/matches")).isEmpty)
            // MUT
            let created = try await client.post("/api/v1/candidates", api.candidateJSON())
            let candidateID = try #require(created.json["id"] as? Int)
            let matches = try await client.get("/api/v1/jobs/\(jobID)/matches?limit=5")
            // validate
            #expect(matches.status == .ok)
            let first = try #require(items(matches).first)
            #expect((first["candidate"] as? [String: Any])?["id"] as? Int == candidateID)
            let explained = fit(first)
            #expect(explained["eligible"] as? Bool == true)
            #expect((explained["score"] as? Int ?? 0) >= 60)
            let recruiter = (explained["explanation"] as? [String: Any])?["forRecruiter"] as? [String] ?? []
            #expect(recruiter.first == "Meets: Kubernetes (level 4, 5 yrs, used 2026).")
            let candidate = (explained["explanation"] as? [String: Any])?["forCandidate"] as? [String] ?? []
            #expect(candidate.first?.contains("it uses Kubernetes, which you want to grow") == true)
            let requirement = (explained["requirements"] as? [[String: Any]])?.first
            #expect(requirement?["status"] as? String == "met")
            #expect((explained["components"] as? [[String: Any]])?.map { $0["kind"] as? String } == [
                "must_have", "nice_to_have", "recency", "goals", "interests", "pay_headroom",
            ])

            // The reverse direction sees the same pair.
            let opportunities = try await client.get("/api/v1/candidates/\(candidateID)/opportunities")
            #expect(items(opportunities).map { ($0["job"] as? [String: Any])?["id"] as? Int } == [jobID])

            // A change of skills is visible to the next query.
            let read = try await client.get("/api/v1/candidates/\(candidateID)")
            let version = try #require(read.json["version"] as? Int)
            let patched = try await client.request(.patch, "/api/v1/candidates/\(candidateID)",
                                                   json: #"{"version": \#(version), "skills": [{"skillID": \#(api.terraform.id), "level": 3, "years": 2}]}"#)
            #expect(patched.status == .ok)
            #expect(items(try await client.get("/api/v1/jobs/\(jobID)/matches")).isEmpty)
            #expect(items(try await client.get("/api/v1/candidates/\(candidateID)/opportunities")).isEmpty)
        }
    }

    @Test("ineligible candidates are left out unless asked for, and then carry their reasons")
    func ineligible() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let jobID = try #require(try await client.post("/api/v1/jobs", nzJob(api)).json["id"] as? Int)
            let extra = #", "contactPreferences": {"doNotContact": true}, "goals": {"employmentTypes": ["permanent"]}"#
            #expect(try await client.post("/api/v1/candidates", api.candidateJSON(extra: extra)).status == .created)
            #expect(items(try await client.get("/api/v1/jobs/\(jobID)/matches")).isEmpty)
            let all = try await client.get("/api/v1/jobs/\(jobID)/matches?includeIneligible=true")
            let explained = fit(try #require(items(all).first))
            #expect(explained["eligible"] as? Bool == false)
            let reasons = explained["ineligibility"] as? [[String: Any]] ?? []
            #expect(reasons.map { $0["code"] as? String } == ["do_not_contact", "employment_type"])
            #expect(reasons.last?["forCandidate"] as? String == "You told us you want permanent work, and this role is contract.")
        }
    }

    @Test("a job without stated pay is matched to everyone but those who made undisclosed pay their own deal-breaker")
    func undisclosedPay() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let silent = try await client.post("/api/v1/jobs", nzJob(api, extra: #", "pay": null"#))
            #expect(silent.status == .created)
            let jobID = try #require(silent.json["id"] as? Int)
            let open = try #require(try await client.post("/api/v1/candidates", api.candidateJSON(email: "a@example.com")).json["id"] as? Int)
            let strict = try await client.post("/api/v1/candidates", api.candidateJSON(email: "b@example.com", extra:
                #", "goals": {"employmentTypes": ["contract"], "requiresDisclosedPay": true, "workingHours": "full_time"}"#))
            #expect(strict.status == .created)
            #expect((strict.json["goals"] as? [String: Any])?["requiresDisclosedPay"] as? Bool == true)
            #expect((strict.json["goals"] as? [String: Any])?["workingHours"] as? String == "full_time")
            let strictID = try #require(strict.json["id"] as? Int)
            let ids = { (response: APIResponse) in items(response).compactMap { ($0["candidate"] as? [String: Any])?["id"] as? Int } }
            #expect(ids(try await client.get("/api/v1/jobs/\(jobID)/matches")) == [open])
            let all = try await client.get("/api/v1/jobs/\(jobID)/matches?includeIneligible=true")
            let refused = try #require(items(all).first { ($0["candidate"] as? [String: Any])?["id"] as? Int == strictID })
            let reasons = fit(refused)["ineligibility"] as? [[String: Any]] ?? []
            #expect(reasons.map { $0["code"] as? String } == ["pay_not_disclosed"])
            #expect(reasons.first?["forCandidate"] as? String == "You asked only for roles that state their pay, and this one's pay is not disclosed.")
        }
    }

    @Test("a job of another profession is never offered, whatever skills it shares, and ranks below every eligible person")
    func otherProfession() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let marketing = try #require(try await client.post("/api/v1/jobs", nzJob(api, extra: #", "title": "Growth Marketing Manager""#))
                .json["id"] as? Int)
            let platform = try #require(try await client.post("/api/v1/jobs", nzJob(api, extra: #", "title": "Platform Engineer""#))
                .json["id"] as? Int)
            let engineer = try #require(try await client.post("/api/v1/candidates", api.candidateJSON(email: "a@example.com", extra:
                #", "headline": "Site reliability engineer", "goals": {"employmentTypes": ["contract"], "targetRoles": ["Platform Engineer"]}"#))
                .json["id"] as? Int)
            let marketer = try #require(try await client.post("/api/v1/candidates", api.candidateJSON(email: "b@example.com", extra:
                #", "headline": "Growth marketer", "skills": [{"skillID": \#(api.kubernetes.id), "level": 1}]"#)).json["id"] as? Int)
            let offered = items(try await client.get("/api/v1/candidates/\(engineer)/opportunities"))
            #expect(offered.map { ($0["job"] as? [String: Any])?["id"] as? Int } == [platform])

            let all = items(try await client.get("/api/v1/jobs/\(marketing)/matches?includeIneligible=true"))
            #expect(all.map { ($0["candidate"] as? [String: Any])?["id"] as? Int } == [marketer, engineer])
            let scores = all.map { fit($0)["score"] as? Int ?? 0 }
            #expect(scores[1] > scores[0], "the engineer scores higher on skills and still ranks below")
            let reasons = fit(all[1])["ineligibility"] as? [[String: Any]] ?? []
            #expect(reasons.map { $0["code"] as? String } == ["other_profession"])
            #expect(reasons.first?["forRecruiter"] as? String
                == "Works in infrastructure and cloud; the role is in marketing, another profession.")
        }
    }

    @Test("an on-site job leaves out people elsewhere unless they relocate or the job is remote")
    func placeRules() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let auth = #", "workAuthorisations": [{"region": "NZ", "status": "citizen"}]"#
            let onsite = try #require(try await client.post("/api/v1/jobs", nzJob(api, extra: #", "remotePolicy": "onsite""#))
                .json["id"] as? Int)
            let stays = try #require(try await client.post("/api/v1/candidates", api.candidateJSON(email: "a@example.com", extra: auth))
                .json["id"] as? Int)
            let moves = try #require(try await client.post("/api/v1/candidates", api.candidateJSON(
                email: "b@example.com", extra: auth + #", "openToRelocation": true"#)).json["id"] as? Int)
            let local = try #require(try await client.post("/api/v1/candidates", api.candidateJSON(
                email: "c@example.com", extra: auth + #", "location": {"city": "wellington", "country": "NZ"}"#)).json["id"] as? Int)
            let remoteOnly = try #require(try await client.post("/api/v1/candidates", api.candidateJSON(
                email: "d@example.com", extra: auth + #", "location": {"city": "Wellington", "country": "NZ"}, "remotePreference": "remote_only""#))
                .json["id"] as? Int)
            let ids = { (response: APIResponse) in Set(items(response).compactMap { ($0["candidate"] as? [String: Any])?["id"] as? Int }) }
            #expect(ids(try await client.get("/api/v1/jobs/\(onsite)/matches")) == [moves, local])
            #expect(ids(try await client.get("/api/v1/jobs/\(onsite)/matches?includeIneligible=true")) == [stays, moves, local, remoteOnly])
            let remote = try #require(try await client.post("/api/v1/jobs", nzJob(api)).json["id"] as? Int)
            #expect(ids(try await client.get("/api/v1/jobs/\(remote)/matches")) == [stays, moves, local, remoteOnly])
        }
    }

    @Test("one candidate × job fit is readable whether eligible or not")
    func singleFit() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let jobID = try #require(try await client.post("/api/v1/jobs", api.jobJSON()).json["id"] as? Int)
            let candidateID = try #require(try await client.post("/api/v1/candidates", api.candidateJSON()).json["id"] as? Int)
            let answer = try await client.get("/api/v1/jobs/\(jobID)/matches/\(candidateID)")
            #expect(answer.status == .ok)
            // Auckland, NZ rights only, no UK consent record, a London hybrid job: three reasons.
            #expect((answer.json["ineligibility"] as? [[String: Any]])?.map { $0["code"] as? String } == ["consent_missing", "location", "no_right_to_work"])
            #expect(try await client.get("/api/v1/jobs/\(jobID)/matches/999").status == .notFound)
        }
    }

    @Test("a related link an admin adds lets a neighbouring skill earn partial credit at once")
    func taxonomyChangeReindexes() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // A Terraform-only candidate has nothing the Kubernetes job asks for…
            let terraformOnly = #", "skills": [{"skillID": \#(api.terraform.id), "level": 4, "years": 5, "lastUsed": 2026}]"#
            let candidateID = try #require(try await client.post("/api/v1/candidates", api.candidateJSON(extra: terraformOnly))
                .json["id"] as? Int)
            let jobID = try #require(try await client.post("/api/v1/jobs", nzJob(api)).json["id"] as? Int)
            #expect(items(try await client.get("/api/v1/jobs/\(jobID)/matches")).isEmpty)
            // …until Terraform is related to Kubernetes.
            let linked = try await client.post("/api/v1/skills/\(api.terraform.id)/links", #"{"related": [\#(api.kubernetes.id)]}"#)
            #expect(linked.status == .ok)
            let first = try #require(items(try await client.get("/api/v1/jobs/\(jobID)/matches")).first)
            #expect((first["candidate"] as? [String: Any])?["id"] as? Int == candidateID)
            let requirement = (fit(first)["requirements"] as? [[String: Any]])?.first
            #expect(requirement?["status"] as? String == "partial")
            #expect((requirement?["through"] as? [String: Any])?["relation"] as? String == "related")
        }
    }

    @Test("bad matching parameters name the parameter", arguments: [
        ("/api/v1/jobs/JOB/matches?limit=0", 422, "limit"),
        ("/api/v1/jobs/JOB/matches?limit=201", 422, "limit"),
        ("/api/v1/jobs/JOB/matches?includeIneligible=maybe", 422, "includeIneligible"),
        ("/api/v1/candidates/999/opportunities", 404, nil),
        ("/api/v1/jobs/999/matches", 404, nil),
    ] as [(String, Int, String?)])
    func badParameters(path: String, status: Int, field: String?) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let jobID = try #require(try await client.post("/api/v1/jobs", api.jobJSON()).json["id"] as? Int)
            let answer = try await client.get(path.replacingOccurrences(of: "JOB", with: "\(jobID)"))
            #expect(answer.status.code == status)
            #expect(answer.errorField == field)
        }
    }
}

@Suite("API: skill taxonomy")
struct TaxonomyAPITests {
    @Test("free text resolves to canonical skills; unknown text is kept and listed for curation")
    func normalize() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let answer = try await client.post("/api/v1/skills/normalize", #"{"texts": ["k8s", "TERRAFORM", "Blorp-Ware", "blorp ware"]}"#)
            #expect(answer.status == .ok)
            let results = answer.json["results"] as? [[String: Any]] ?? []
            #expect(results.map { ($0["skill"] as? [String: Any])?["name"] as? String } == ["Kubernetes", "Terraform", nil, nil])
            #expect(answer.json["unresolved"] as? Int == 2)
            let unresolved = try await client.get("/api/v1/skills/unresolved")
            let listed = unresolved.json["items"] as? [[String: Any]] ?? []
            #expect(listed.count == 1)
            #expect(listed.first?["occurrences"] as? Int == 2)
            #expect(listed.first?["example"] as? String == "Blorp-Ware")
        }
    }

    @Test("an alias an admin adds resolves at once and bumps the taxonomy version")
    func addAlias() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let before = try await client.get("/api/v1/taxonomy").json["version"] as? Int ?? -1
            let added = try await client.post("/api/v1/skills/\(api.terraform.id)/links", #"{"aliases": ["tf"], "related": [\#(api.kubernetes.id)]}"#)
            #expect(added.status == .ok)
            #expect(added.json["aliases"] as? [String] == ["tf"])
            #expect(added.json["related"] as? [Int] == [Int(api.kubernetes.id.rawValue)])
            #expect(try await client.get("/api/v1/taxonomy").json["version"] as? Int == before + 1)
            let answer = try await client.post("/api/v1/skills/normalize", #"{"texts": ["tf"]}"#)
            #expect(((answer.json["results"] as? [[String: Any]])?.first?["skill"] as? [String: Any])?["name"] as? String == "Terraform")
            let taken = try await client.post("/api/v1/skills/\(api.kubernetes.id)/links", #"{"aliases": ["TF"]}"#)
            #expect(taken.status == .conflict)
            #expect(taken.errorField == "aliases[0]")
            let recruiter = try await client.post("/api/v1/skills/\(api.kubernetes.id)/links", #"{"aliases": ["kube"]}"#,
                                                  token: api.recruiterToken)
            #expect(recruiter.status == .forbidden)
            // Nothing to add answers the skill as it is, and the taxonomy stays at its version.
            let nothing = try await client.post("/api/v1/skills/\(api.terraform.id)/links", #"{"aliases": [], "related": []}"#)
            #expect(nothing.status == .ok && nothing.json["aliases"] as? [String] == ["tf"])
            #expect(try await client.get("/api/v1/taxonomy").json["version"] as? Int == before + 1)
            let blank = try await client.post("/api/v1/skills/\(api.terraform.id)/links", #"{"aliases": ["  "]}"#)
            #expect(blank.status == .unprocessableContent && blank.errorField == "aliases[0]")
        }
    }

    @Test("skills are extracted from free text with their evidence spans")
    func extract() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let text = "You will maintain our k8s clusters with Terraform."
            let answer = try await client.post("/api/v1/skills/extract", #"{"text": "\#(text)"}"#)
            #expect(answer.status == .ok)
            let mentions = answer.json["mentions"] as? [[String: Any]] ?? []
            #expect(mentions.map { $0["skill"] as? String } == ["Kubernetes", "Terraform"])
            #expect(mentions.first?["text"] as? String == "k8s")
            #expect(mentions.first?["start"] as? Int == 22)
            #expect(mentions.first?["end"] as? Int == 25)
            let empty = try await client.post("/api/v1/skills/normalize", #"{"texts": ["  "]}"#)
            #expect(empty.status == .unprocessableContent)
            #expect(empty.errorField == "texts[0]")
        }
    }
}

@Suite("Standard taxonomy install")
struct StandardTaxonomyInstallTests {
    @Test("a new database gets the standard practices and every standard skill, once")
    func install() async throws {
        let store = try SQLiteStore.inMemory()
        let records = FirmRecords(store: store)
        _ = try await store.createPractice(PracticeDetails(name: "cloud & devops"))
        let installed = try await StandardTaxonomy.installIfEmpty(into: records)
        #expect(installed == StandardTaxonomy.entries.count)
        let practices = try await store.practices(page: PageRequest(limit: 50)).items
        #expect(practices.count == StandardPractice.allCases.count)
        let kubernetes = try #require(try await store.allSkills().first { $0.name == "Kubernetes" })
        #expect(kubernetes.practiceID == practices.first { $0.details.name == "cloud & devops" }?.id)
        #expect(try await store.taxonomyState().standardVersion == StandardTaxonomy.version)
        #expect(try await StandardTaxonomy.installIfEmpty(into: records) == nil)
    }
}
