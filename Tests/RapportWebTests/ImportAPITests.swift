import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch
import RapportOutreach
import Testing

@Suite("API: importing people")
struct ImportAPITests {
    static let ana = #"{"basics": {"name": "Ana Lima", "email": "ana@example.com", "location": {"city": "Auckland", "countryCode": "NZ"}}, "skills": ["Kubernetes"]}"#
    static let ben = #"{"basics": {"name": "Ben Ng", "email": "ben@example.com", "location": {"countryCode": "AU"}}}"#

    @Test("JSON Lines are imported with a report; the people are found at once by the API's search")
    func lines() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let body = Self.ana + "\n" + Self.ben + "\n"
            let stopped = try await client.request(.post, "/api/v1/imports", json: body,
                                                   headers: [.contentType: "application/x-ndjson"])
            #expect(stopped.status == .ok, "\(stopped.text)")
            #expect(stopped.json["committed"] as? Bool == false)
            let records = try #require(stopped.json["records"] as? [[String: Any]])
            #expect(records.map { $0["outcome"] as? String } == ["created", "rejected"])
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 0)

            let stored = try await client.request(.post, "/api/v1/imports?region=NZ", json: body,
                                                  headers: [.contentType: "application/x-ndjson"])
            #expect(stored.json["committed"] as? Bool == true, "\(stored.text)")
            #expect((stored.json["records"] as? [[String: Any]])?.map { $0["outcome"] as? String } == ["created", "created"])
            let found = try await client.get("/api/v1/candidates?skill=k8s")
            #expect(found.json["total"] as? Int == 1)
        }
    }

    @Test("a careers page's JSON-LD posting becomes a job for a new client; an unknown format is refused")
    func jobs() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let page = #"""
                <html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
                  "title": "Platform Engineer", "description": "Kubernetes and Terraform, every day.", "datePosted": "2026-11-20",
                  "hiringOrganization": {"@type": "Organization", "name": "Tui Telecom"}, "employmentType": "CONTRACTOR",
                  "jobLocation": {"@type": "Place", "address": {"addressLocality": "Auckland", "addressCountry": "NZ"}},
                  "baseSalary": "NZ$900–1,100 per day"}</script></head></html>
                """#
            let bogus = try await client.request(.post, "/api/v1/imports?format=word", json: page, headers: [.contentType: "text/html"])
            #expect(bogus.status == .unprocessableContent)
            #expect(bogus.errorField == "format")
            let stored = try await client.request(.post, "/api/v1/imports", json: page, headers: [.contentType: "text/html"])
            #expect(stored.status == .ok, "\(stored.text)")
            #expect(stored.json["format"] as? String == "schema-org-job" && stored.json["committed"] as? Bool == true)
            let record = try #require((stored.json["records"] as? [[String: Any]])?.first)
            #expect(record["outcome"] as? String == "created" && record["client"] as? String == "Tui Telecom")
            let id = try #require(record["jobID"] as? Int)
            let job = try await client.get("/api/v1/jobs/\(id)")
            #expect(job.status == .ok)
            #expect(job.json["title"] as? String == "Platform Engineer" && job.json["employmentType"] as? String == "contract")
            let pay = try #require(job.json["pay"] as? [String: Any])
            #expect((pay["minimum"] as? [String: Any])?["currency"] as? String == "NZD")
        }
    }

    @Test("a CV is read into a draft; the corrected draft is imported with the CV kept; what is no CV, or no one person, is refused")
    func cvDraft() async throws {
        let api = try await APIHarness()
        let cv = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../RapportImportTests/Fixtures/cv/ana-lima.md").standardized, encoding: .utf8)
        try await api.run { client in
            // MUT: the draft, then the recruiter's correction imported with the file.
            let drafted = try await client.request(.post, "/api/v1/cv-drafts?name=ana-lima.md", json: cv,
                                                   headers: [.contentType: "application/octet-stream"])
            #expect(drafted.status == .created, "\(drafted.text)")
            #expect(drafted.json["kind"] as? String == "text" && drafted.json["fileName"] as? String == "ana-lima.md")
            let attachment = try #require(drafted.json["attachmentID"] as? Int)
            var draft = try #require(drafted.json["draft"] as? [String: Any])
            var basics = try #require(draft["basics"] as? [String: Any])
            #expect(basics["email"] as? String == "ana.lima@example.com")
            #expect((drafted.json["skills"] as? [[String: Any]])?.contains { $0["name"] as? String == "Kubernetes" } == true)
            basics["label"] = "Principal Platform Engineer"
            draft["basics"] = basics
            let body = String(decoding: try JSONSerialization.data(withJSONObject: draft), as: UTF8.self)
            let notOne = try await client.post("/api/v1/imports?attachment=\(attachment)", "[\(body), \(body)]")
            #expect(notOne.status == .unprocessableContent && notOne.errorField == "attachment")
            let stored = try await client.post("/api/v1/imports?attachment=\(attachment)", body)

            // validate
            #expect(stored.status == .ok, "\(stored.text)")
            let id = try #require((stored.json["records"] as? [[String: Any]])?.first?["candidateID"] as? Int)
            #expect(try await client.get("/api/v1/candidates/\(id)").json["headline"] as? String == "Principal Platform Engineer")
            let files = try await api.records.store.attachments(candidate: CandidateID(Int64(id)))
            #expect(files.map(\.id.rawValue) == [Int64(attachment)])
            let again = try await client.post("/api/v1/imports?attachment=\(attachment)", body)
            #expect(again.status == .conflict && again.errorField == "attachment")
            let unknown = try await client.post("/api/v1/imports?attachment=999", body)
            #expect(unknown.status == .conflict && unknown.errorCode == "unknown_reference")
            let oldWord = try await client.client.executeRequest(
                uri: "/api/v1/cv-drafts", method: .post,
                headers: [.authorization: "Bearer \(client.token)", .contentType: "application/octet-stream"],
                body: ByteBuffer(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            #expect(oldWord.status == .unprocessableContent && String(buffer: oldWord.body).contains(".docx or PDF"))
            let empty = try await client.request(.post, "/api/v1/cv-drafts", json: "", headers: [.contentType: "application/octet-stream"])
            #expect(empty.status == .badRequest)
        }
    }

    @Test("a CSV export is read as people, with the file's encoding, delimiter and columns in the report's notes")
    func csv() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let body = "Full Name\tEmail\tCountry\tSkills\nAna Lima\tana@example.com\tNew Zealand\tKubernetes; Go\n"
            let stored = try await client.request(.post, "/api/v1/imports?name=ana.tsv", json: body, headers: [.contentType: "text/csv"])
            #expect(stored.status == .ok, "\(stored.text)")
            #expect(stored.json["format"] as? String == "csv" && stored.json["committed"] as? Bool == true)
            #expect((stored.json["notes"] as? [String])?.first == "Read as UTF-8 text, fields separated by tabs.")
            #expect(try await client.get("/api/v1/candidates?skill=k8s").json["total"] as? Int == 1)
        }
    }

    @Test("?source= names the system a CSV's ids are of; a control character is refused, and a blank one is as if left out")
    func csvSource() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let body = "Cand_Ref,Name,Email,Country\nC-1,Ana Lima,ana@example.com,NZ\n"
            let control = try await client.request(.post, "/api/v1/imports?source=a%07", json: body, headers: [.contentType: "text/csv"])
            #expect(control.status == .unprocessableContent && control.errorField == "source")
            let stored = try await client.request(.post, "/api/v1/imports?source=bullhorn", json: body, headers: [.contentType: "text/csv"])
            #expect(stored.status == .ok, "\(stored.text)")
            let id = try #require(((stored.json["records"] as? [[String: Any]])?.first?["candidateID"] as? Int))
            #expect(try await api.records.store.externalIDs(candidate: CandidateID(Int64(id))) == [ExternalID(source: "bullhorn", value: "C-1")])
            let other = "Cand_Ref,Name,Email,Country\nC-2,Bo Chen,bo@example.com,NZ\n"
            let blank = try await client.request(.post, "/api/v1/imports?source=%20", json: other, headers: [.contentType: "text/csv"])
            #expect(blank.status == .ok, "\(blank.text)")
            let otherID = try #require(((blank.json["records"] as? [[String: Any]])?.first?["candidateID"] as? Int))
            let ids = try await api.records.store.externalIDs(candidate: CandidateID(Int64(otherID)))
            #expect(ids.map(\.value) == ["C-2"] && ids.first?.source.isEmpty == false)
        }
    }

    @Test("a person comes out as JSON Resume, and a filtered list as CSV that reads back as people")
    func exports() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let stored = try await client.request(.post, "/api/v1/imports?region=NZ", json: Self.ana + "\n" + Self.ben,
                                                  headers: [.contentType: "application/x-ndjson"])
            let id = try #require((stored.json["records"] as? [[String: Any]])?.first?["candidateID"] as? Int)
            let resume = try await client.get("/api/v1/candidates/\(id)/resume", token: .some(api.recruiterToken))
            #expect(resume.status == .ok)
            #expect(resume.headers[.contentDisposition] == "attachment; filename=\"ana-lima.resume.json\"")
            #expect((resume.json["basics"] as? [String: Any])?["email"] as? String == "ana@example.com")
            #expect((resume.json["skills"] as? [[String: Any]])?.first?["name"] as? String == "Kubernetes")
            #expect(try await client.get("/api/v1/candidates/999999/resume").status == .notFound)

            let csv = try await client.get("/api/v1/exports/candidates.csv?skill=k8s")
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.count == 2 && lines[0].hasPrefix("ID,Name,Email,Phone,City,Country") && lines[1].contains("Ana Lima,ana@example.com"))
            #expect(try await client.get("/api/v1/exports/candidates.csv?skill=nonsense").status == .notFound)
            #expect(try await client.get("/api/v1/exports/candidates.csv", token: .some(nil)).status == .unauthorized)
        }
    }

    @Test("a recruiter may not import; a wrong media type, region or empty body is refused and stores nothing")
    func refused() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let recruiter = try await client.request(.post, "/api/v1/imports", json: Self.ana, token: .some(api.recruiterToken))
            #expect(recruiter.status == .forbidden)
            let text = try await client.request(.post, "/api/v1/imports", json: Self.ana, headers: [.contentType: "text/plain"])
            #expect(text.status == .unsupportedMediaType)
            // A format named must be one the media type carries: résumés are not careers pages, JSON is not CSV.
            for (format, mediaType) in [("json-resume", "text/html"), ("csv", "application/json"), ("json-resume", "text/csv")] {
                let mismatch = try await client.request(.post, "/api/v1/imports?format=\(format)", json: Self.ana,
                                                        headers: [.contentType: mediaType])
                #expect(mismatch.status == .unsupportedMediaType, "\(format) as \(mediaType)")
                #expect(mismatch.errorCode == "unsupported_media_type")
            }
            for (query, field) in [("region=AU", "region"), ("region=nz", "region"), ("dryRun=1", "dryRun"), ("format=CSV", "format")] {
                let refused = try await client.request(.post, "/api/v1/imports?\(query)", json: Self.ana)
                #expect(refused.status == .unprocessableContent, "\(query)")
                #expect(refused.errorField == field, "\(query)")
            }
            let empty = try await client.request(.post, "/api/v1/imports", json: "")
            #expect(empty.status == .badRequest)
            #expect(try await client.get("/api/v1/candidates").json["total"] as? Int == 0)
        }
    }
}

@Suite("Pages: where an imported person or job came from")
struct ImportProvenancePageTests {
    @Test("the candidate page says which file and record created and updated the person, by whom")
    func provenance() async throws {
        let firm = try await FirstHourFirm()
        let importer = CandidateImporter(records: firm.records, taxonomy: try await Taxonomy.current(in: firm.store))
        let line = #"{"basics": {"name": "Ana Lima", "email": "ana@example.com", "location": {"city": "London", "countryCode": "GB"}}}"#
        let first = try await importer.importResumes(ImportFile(name: "old-ats.jsonl", data: Data(("\n" + line).utf8)),
                                                      options: ImportOptions(runBy: firm.recruiter.id))
        let id = try #require(first.records.first?.candidateID)
        _ = try await importer.importResumes(ImportFile(name: "update.json", data: Data(line.replacingOccurrences(of: "London", with: "Leeds").utf8)),
                                              options: ImportOptions())
        try await firm.run { web in
            let page = try await web.get("/candidates/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("<dt>Imported</dt><dd>created from old-ats.jsonl, record 2, by Rob Recruiter, "), "\(page.text)")
            #expect(page.text.contains("<dt>Imported</dt><dd>updated from update.json, record 1, "))
            #expect(!page.text.contains("Same person?"))
        }
    }

    @Test("notes from the old system stand on the person's timeline at their day, with their author, and in the API's timeline")
    func notes() async throws {
        let firm = try await FirstHourFirm()
        let importer = CandidateImporter(records: firm.records, taxonomy: try await Taxonomy.current(in: firm.store))
        let resume = #"{"basics": {"name": "Ana Lima", "email": "ana@example.com", "location": {"countryCode": "GB"}}, "#
            + #""notes": [{"date": "2023-04-02T14:05:00Z", "author": "Jane Smith", "text": "Called, not looking until March.\nPrefers e-mail."}, "Undated one"]}"#
        let report = try await importer.importResumes(ImportFile(name: "old.json", data: Data(resume.utf8)), options: ImportOptions())
        let id = try #require(report.records.first?.candidateID, "\(report.text)")
        let timeline = try await firm.outreach.timeline(for: CandidateID(id))
        #expect(timeline.map(\.kind) == [.note, .note])
        #expect(timeline.first?.summary == "Note by Jane Smith (from old.json): Called, not looking until March. Prefers e-mail.")
        #expect(timeline.first?.at == NoteText.date("2023-04-02T14:05:00Z"))
        #expect(timeline.last?.summary == "Note (from old.json, undated): Undated one")
        try await firm.run { web in
            let page = try await web.get("/candidates/\(id)")
            #expect(page.text.contains("Note by Jane Smith (from old.json): Called, not looking until March. Prefers e-mail."), "\(page.text)")
        }
    }

    @Test("the candidate page names others who may be the same person, with why")
    func duplicates() async throws {
        let firm = try await FirstHourFirm()
        let importer = CandidateImporter(records: firm.records, taxonomy: try await Taxonomy.current(in: firm.store))
        let lines = #"{"basics": {"name": "Ana Lima", "email": "ana@example.com", "location": {"countryCode": "GB"}, "profiles": [{"url": "https://github.com/ana"}]}}"#
            + "\n" + #"{"basics": {"name": "ANA LIMA", "email": "ana@elsewhere.example", "location": {"countryCode": "GB"}, "profiles": [{"url": "https://www.github.com/ana/"}]}}"#
        let report = try await importer.importResumes(ImportFile(name: "two.jsonl", data: Data(lines.utf8)), options: ImportOptions())
        let first = try #require(report.records.first?.candidateID)
        let second = try #require(report.records.last?.candidateID)
        try await firm.run { web in
            let page = try await web.get("/candidates/\(second)")
            #expect(page.text.contains("<dt>Same person?</dt><dd>Perhaps <a href=\"/candidates/\(first)\">Ana Lima</a>: the same name and profile link. "
                                   + "<a href=\"/candidates/\(second)/same/\(first)\">Compare and merge</a></dd>"),
                    "\(page.text)")
        }
    }

    @Test("the job page shows an imported job's description, skills, and the file it came from")
    func jobProvenance() async throws {
        let firm = try await FirstHourFirm()
        let importer = JobImporter(records: firm.records, taxonomy: try await Taxonomy.current(in: firm.store))
        let posting = #"{"title": "Data Engineer", "company": "Fjord Analytics", "type": "Full-time", "salary": "Competitive", "#
            + #""description": "Services in Spring Boot.\nOwn the Kubernetes cluster.", "skills": [{"name": "Java"}], "location": {"city": "Leeds", "countryCode": "GB"}}"#
        let report = try await importer.importJobs(ImportFile(name: "fjord.json", data: Data(posting.utf8)), options: ImportOptions(runBy: firm.recruiter.id))
        let id = try #require(report.records.first?.jobID, "\(report.text)")
        try await firm.run { web in
            let page = try await web.get("/jobs/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("pay not disclosed"))
            #expect(page.text.contains("Skills: Java, Spring Boot (nice to have), Kubernetes (nice to have)"), "\(page.text)")
            #expect(page.text.contains("<p class=\"text\">Services in Spring Boot.\nOwn the Kubernetes cluster.</p>"))
            #expect(page.text.contains("Imported: created from fjord.json, record 1, by Rob Recruiter, "))
        }
    }
}
