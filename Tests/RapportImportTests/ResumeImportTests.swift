import Foundation
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch
import RapportSQLite
import Testing

/// An empty firm with the standard taxonomy and one recruiter, and an importer over it.
struct ImportFirm {
    static let now = Date(timeIntervalSince1970: 1_795_518_000)

    let store: SQLiteStore
    let records: FirmRecords
    let importer: CandidateImporter
    /// Every format, as the CLI and the API import.
    let any: FirmImporter

    init() async throws {
        store = try SQLiteStore.inMemory()
        records = FirmRecords(store: store, now: { Self.now })
        _ = try await StandardTaxonomy.installIfEmpty(into: records)
        let practice = try await store.createPractice(PracticeDetails(name: "Software Engineering"))
        _ = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter, region: .us,
                                                   practiceIDs: [practice.id]))
        importer = CandidateImporter(records: records, taxonomy: try await Taxonomy.current(in: store))
        any = FirmImporter(records: records, taxonomy: try await Taxonomy.current(in: store))
    }

    func run(_ name: String, _ text: String, _ options: ImportOptions = ImportOptions()) async throws -> ImportReport {
        try await importer.importResumes(ImportFile(name: name, data: Data(text.utf8)), options: options)
    }

    func count() async throws -> Int { try await store.candidates(after: nil, limit: 1_000).count }
}

/// Résumés written for these tests, as JSON Lines.
private enum Lines {
    static let ana = #"""
        {"basics": {"name": "Ana Lima", "email": "ana@example.com", "label": "Backend Engineer", "phone": "+1 206 555 0142",
                    "location": {"city": "Seattle", "region": "Washington", "countryCode": "US"},
                    "profiles": [{"network": "GitHub", "url": "https://github.com/analima"}]},
         "work": [{"name": "Acme", "position": "Senior Engineer", "startDate": "2021-04", "endDate": "Present",
                   "highlights": ["Moved the billing service from Python to Go on Kubernetes"]},
                  {"name": "Initech", "position": "Engineer", "startDate": "2017-01", "endDate": "2021-03",
                   "highlights": ["Built reporting in Python and PostgreSQL"]}],
         "skills": [{"name": "Go", "level": "Expert"}, {"name": "Backend", "keywords": ["PostgreSQL", "Frobnicator 9000"]}],
         "languages": [{"language": "English", "fluency": "Native speaker"}, {"language": "Portuguese", "fluency": "Conversational"}]}
        """#.replacingOccurrences(of: "\n", with: " ")
    static let noEmail = #"{"basics": {"name": "Ben Ng", "location": {"countryCode": "US"}}}"#
    static let abroad = #"{"basics": {"name": "Priya Nair", "email": "priya@example.in", "location": {"city": "Bengaluru", "countryCode": "IN"}}}"#
}

@Suite("Importing people from JSON Resume")
struct ResumeImportTests {
    @Test("a résumé becomes a person: contact points, place and time zone, career, languages, and skills with years from the jobs")
    func created() async throws {
        let firm = try await ImportFirm()
        let report = try await firm.run("people.jsonl", Lines.ana)
        #expect(report.committed && report.count(.created) == 1, "\(report.text)")
        let id = try #require(report.records.first?.candidateID)
        let profile = try await firm.store.candidate(CandidateID(id)).profile
        #expect(profile.name == "Ana Lima" && profile.headline == "Backend Engineer" && profile.phone == "+1 206 555 0142")
        #expect(profile.location == Location(city: "Seattle", country: "US") && profile.region == .us)
        #expect(profile.timeZone == "America/Los_Angeles")
        #expect(profile.links == ["https://github.com/analima"])
        #expect(profile.work.map(\.employer) == ["Acme", "Initech"] && profile.work[0].end == nil)
        #expect(profile.languages == [SpokenLanguage(language: "English", fluency: .native),
                                      SpokenLanguage(language: "Portuguese", fluency: .limitedWorking)])
        let taxonomy = try await Taxonomy.current(in: firm.store)
        let skills = Dictionary(uniqueKeysWithValues: profile.skills.map { (taxonomy.name($0.skillID), $0) })
        #expect(skills["Go"]?.level == 5)
        // Python is only in the jobs: from January 2017 to March 2021 (51 months) and again since April 2021.
        let python = try #require(skills["Python"])
        #expect(python.lastUsed == 2026 && python.years >= 9)
        #expect(skills["Kubernetes"]?.lastUsed == 2026)
        #expect(skills["PostgreSQL"]?.years == 4.5 && skills["PostgreSQL"]?.lastUsed == 2021)
        #expect(profile.unresolvedSkills == ["Frobnicator 9000"])
        #expect(report.records[0].unresolvedSkills == ["Frobnicator 9000"])
        #expect(try await firm.store.unresolvedSkills(limit: 10).map(\.example) == ["Frobnicator 9000"])
    }

    @Test("importing the same file again changes nothing; an edited résumé updates the person and keeps what the firm recorded")
    func reimport() async throws {
        let firm = try await ImportFirm()
        let first = try await firm.run("people.jsonl", Lines.ana)
        let id = try #require(first.records.first?.candidateID)
        let again = try await firm.run("people.jsonl", Lines.ana)
        #expect(again.records.map(\.outcome) == [.unchanged] && again.records[0].candidateID == id)

        var held = try await firm.store.candidate(CandidateID(id))
        held.profile.goals.targetRoles = ["Staff Engineer"]
        held = try await firm.records.updateCandidate(held.id, expectedVersion: held.version, held.profile)
        let edited = Lines.ana.replacingOccurrences(of: "Backend Engineer", with: "Staff Backend Engineer")
            .replacingOccurrences(of: "ana@example.com", with: "ANA@example.com")
        let updated = try await firm.run("people.jsonl", edited)
        #expect(updated.records.map(\.outcome) == [.updated] && updated.records[0].candidateID == id)
        let profile = try await firm.store.candidate(CandidateID(id)).profile
        #expect(profile.headline == "Staff Backend Engineer")
        #expect(profile.goals.targetRoles == ["Staff Engineer"])
        #expect(try await firm.count() == 1)
    }

    @Test("JSON Lines numbers every line, ended by CRLF or LF or by the end of the file, and passes over blank ones")
    func lineNumbers() async throws {
        let firm = try await ImportFirm()
        let file = "\r\n" + Lines.ana + "\r\n \t \n\n" + Lines.noEmail + "\r\n" + "not json"
        let report = try await firm.run("mixed.jsonl", file, ImportOptions(dryRun: true))
        #expect(report.records.map(\.record) == [2, 5, 6])
        #expect(report.records.map(\.outcome) == [.created, .rejected, .rejected])
        let over = String(repeating: " ", count: ImportFile.maximumRecordBytes) + "{}"
        let refused = try await firm.run("long.jsonl", Lines.ana + "\n" + over, ImportOptions(dryRun: true))
        #expect(refused.records.count == 1 && refused.records[0].outcome == .rejected)
        #expect(refused.records[0].issues.first?.message == "has a line over 4 MiB; no record is that long")
    }

    @Test("one refused record stops its file whole; --commit-valid stores the rest; a dry run stores nothing")
    func allOrNothing() async throws {
        let firm = try await ImportFirm()
        let file = [Lines.ana, "", Lines.noEmail, "not json"].joined(separator: "\n")
        let stopped = try await firm.run("mixed.jsonl", file)
        #expect(!stopped.committed && stopped.stopped != nil)
        #expect(stopped.records.map(\.record) == [1, 3, 4])
        #expect(stopped.records.map(\.outcome) == [.created, .rejected, .rejected])
        #expect(stopped.records[1].issues.map(\.field) == ["/basics/email"])
        #expect(stopped.records[2].issues.first?.message.hasPrefix("is not valid JSON") == true)
        #expect(try await firm.count() == 0)

        let dry = try await firm.run("mixed.jsonl", file, ImportOptions(dryRun: true, commitValid: true))
        #expect(dry.dryRun && !dry.committed && dry.count(.created) == 1)
        #expect(try await firm.count() == 0)

        let valid = try await firm.run("mixed.jsonl", file, ImportOptions(commitValid: true))
        #expect(valid.committed && valid.count(.created) == 1 && valid.count(.rejected) == 2)
        #expect(try await firm.count() == 1)
    }

    @Test("a file written batch by batch is still one transaction: a refusal in the last batch stores nothing of the first")
    func batches() async throws {
        let firm = try await ImportFirm()
        let people = (1...7).map { #"{"basics": {"name": "Person \#($0)", "email": "p\#($0)@example.com", "phone": "+44 7700 90012\#($0)", "#
            + #""location": {"city": "Leeds", "countryCode": "GB"}}}"# }
        // The seventh repeats the second's phone: said as a record of this file, not as someone already held.
        let seventh = people[6].replacingOccurrences(of: "+44 7700 900127", with: "+44 7700 900122")
        let file = (people.prefix(6) + [seventh, Lines.noEmail]).joined(separator: "\n")
        let stopped = try await firm.run("people.jsonl", file, ImportOptions(batchSize: 2))
        #expect(!stopped.committed && stopped.stopped != nil)
        #expect(stopped.records.map(\.outcome) == [.created, .created, .created, .created, .created, .created, .created, .rejected])
        #expect(stopped.records.allSatisfy { $0.candidateID == nil }, "nothing was stored, so nobody has an id")
        #expect(try await firm.count() == 0)

        let stored = try await firm.run("people.jsonl", file, ImportOptions(commitValid: true, batchSize: 2))
        #expect(stored.committed && stored.count(.created) == 7)
        #expect(Set(stored.records.compactMap(\.candidateID)).count == 7)
        #expect(try await firm.count() == 7)
        let seventhIssues = stored.records[6].issues.map(\.message)
        #expect(seventhIssues.contains { $0.hasPrefix("may be the same person as record 2 of this file") })
        #expect(!seventhIssues.contains { $0.contains("as candidate") }, "the second was stored by this import, not held before")
        #expect(stored.records[6].likelyDuplicates.isEmpty)

        // Imported again in batches: everyone is found, in every batch.
        let again = try await firm.run("people.jsonl", file, ImportOptions(commitValid: true, batchSize: 3))
        #expect(again.count(.unchanged) == 7 && again.count(.created) == 0)
    }

    @Test("someone living outside the four regions needs a desk, and keeps their own country and time zone")
    func abroad() async throws {
        let firm = try await ImportFirm()
        let refused = try await firm.run("priya.json", Lines.abroad)
        #expect(refused.records.map(\.outcome) == [.rejected])
        #expect(refused.records[0].issues.map(\.field) == ["/basics/location/countryCode"])
        let placed = try await firm.run("priya.json", Lines.abroad, ImportOptions(region: .uk))
        let id = try #require(placed.records.first?.candidateID)
        let profile = try await firm.store.candidate(CandidateID(id)).profile
        #expect(profile.region == .uk && profile.location.country == "IN" && profile.timeZone == "Asia/Kolkata")
    }

    @Test("an erased person brought back by an import is do-not-contact")
    func erased() async throws {
        let firm = try await ImportFirm()
        let first = try await firm.run("people.jsonl", Lines.ana)
        try await firm.records.eraseCandidate(CandidateID(try #require(first.records.first?.candidateID)))
        let again = try await firm.run("people.jsonl", Lines.ana)
        #expect(again.records.map(\.outcome) == [.created])
        let id = try #require(again.records.first?.candidateID)
        #expect(try await firm.store.candidate(CandidateID(id)).profile.contactPreferences.doNotContact)
    }

    @Test("the same person twice in one file is refused, not duplicated; a list of résumés counts its entries")
    func twiceInAFile() async throws {
        let firm = try await ImportFirm()
        let report = try await firm.run("two.json", "[\(Lines.ana), \(Lines.ana.replacingOccurrences(of: "Ana Lima", with: "Ana L."))]",
                                         ImportOptions(commitValid: true))
        #expect(report.records.map(\.outcome) == [.created, .rejected])
        #expect(report.records[1].issues.last?.message == "is the e-mail address of record 1 in this file; merge them first")
        #expect(try await firm.count() == 1)
    }

    @Test("the schema's sample and example résumés import; the fresh test résumés each get a clear answer")
    func realFiles() async throws {
        let firm = try await ImportFirm()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RapportFormatsTests/Fixtures/jsonresume")
        for path in ["resume-schema/sample.resume.json", "monorepo-schema/examples/new-grad.resume.json",
                     "monorepo-schema/examples/career-changer.resume.json", "monorepo-schema/examples/senior-engineer.resume.json",
                     "fresh-test-resumes/jrs/jane-fullstacker.json", "fresh-test-resumes/jrs/john-doe.json"] {
            let data = try Data(contentsOf: root.appendingPathComponent(path))
            let report = try await firm.importer.importResumes(ImportFile(name: path, data: data), options: ImportOptions())
            #expect(report.committed && report.count(.rejected) == 0, "\(report.text)")
        }
        for (path, field) in [("fresh-test-resumes/jrs/empty.json", "/basics/name"), ("fresh-test-resumes/jrs/jane-incomplete.json", "/basics/email"),
                              ("fresh-test-resumes/fresh/johnny-trouble.broken.json", "")] {
            let data = try Data(contentsOf: root.appendingPathComponent(path))
            let report = try await firm.importer.importResumes(ImportFile(name: path, data: data), options: ImportOptions())
            #expect(report.records.map(\.outcome) == [.rejected], "\(path)")
            #expect(report.records.first?.issues.first?.field == field, "\(path)")
        }
        #expect(try await firm.count() == 6)
    }
}
