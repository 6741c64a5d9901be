import Foundation
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch
import RapportSQLite
import Testing

/// An empty firm with the standard taxonomy, one recruiter and one client, and a jobs importer over it.
private struct JobFirm {
    static let now = Date(timeIntervalSince1970: 1_795_518_000)

    let store: SQLiteStore
    let records: FirmRecords
    let importer: JobImporter
    let taxonomy: Taxonomy
    let client: Client

    init() async throws {
        store = try SQLiteStore.inMemory()
        records = FirmRecords(store: store, now: { Self.now })
        _ = try await StandardTaxonomy.installIfEmpty(into: records)
        let practice = try await store.createPractice(PracticeDetails(name: "Software Engineering"))
        _ = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter, region: .us,
                                                   practiceIDs: [practice.id]))
        client = try await records.createClient(ClientDetails(name: "Harbour Bank", industry: "banking", region: .uk))
        taxonomy = try await Taxonomy.current(in: store)
        importer = JobImporter(records: records, taxonomy: taxonomy)
    }

    func run(_ name: String, _ text: String, format: JobFormat? = nil, _ options: ImportOptions = ImportOptions()) async throws -> ImportReport {
        try await importer.importJobs(ImportFile(name: name, data: Data(text.utf8)), format: format, options: options)
    }

    func job(_ report: ImportReport, _ index: Int = 0) async throws -> JobDetails {
        try await store.job(JobID(try #require(report.records[index].jobID))).details
    }

    func skills(_ details: JobDetails, _ importance: JobSkill.Importance) -> Set<String> {
        Set(details.requiredSkills.filter { $0.importance == importance }.map { taxonomy.name($0.skillID) })
    }

    func jobCount() async throws -> Int { try await store.jobs(JobQuery(), page: PageRequest()).total }
}

/// A careers page of a New Zealand company with its posting in JSON-LD, as such pages carry it.
/// Salary text, the job's country, and the pay it means.
private let payCases: [(String, String, PayRange?)] = [
    ("$150K–$180K a year", "US", PayRange(minimum: Money(major: 150_000, .usd, per: .year), maximum: Money(major: 180_000, .usd, per: .year))),
    ("60–100 USD/hr", "GB", PayRange(minimum: Money(major: 60, .usd, per: .hour), maximum: Money(major: 100, .usd, per: .hour))),
    ("£550/day", "GB", PayRange(minimum: Money(major: 550, .gbp, per: .day), maximum: Money(major: 550, .gbp, per: .day))),
    ("€70k", "DE", PayRange(minimum: Money(major: 70_000, .eur, per: .year), maximum: Money(major: 70_000, .eur, per: .year))),
    ("$3.5k–$4.9k/mo", "SG", PayRange(minimum: Money(major: 3_500, .sgd, per: .month), maximum: Money(major: 4_900, .sgd, per: .month))),
    ("$95 an hour", "NZ", PayRange(minimum: Money(major: 95, .nzd, per: .hour), maximum: Money(major: 95, .nzd, per: .hour))),
    ("Competitive", "US", nil),
    ("0 + equity", "US", nil),
    ("¥8,000,000 JPY", "US", nil),
]

private let careersPage = #"""
    <html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
      "title": "Senior Site Reliability Engineer", "identifier": {"@type": "PropertyValue", "name": "Kiwi Cloud", "value": "SRE-42"},
      "description": "<p>Run our Kubernetes fleet on AWS and keep it boring.</p><ul><li>On call one week in six</li><li>Some Python</li></ul>",
      "datePosted": "2026-11-20", "validThrough": "2027-01-31", "employmentType": "FULL_TIME",
      "hiringOrganization": {"@type": "Organization", "name": "Kiwi Cloud Ltd", "sameAs": "https://kiwicloud.example"},
      "industry": "Cloud hosting", "jobLocationType": "TELECOMMUTE",
      "applicantLocationRequirements": [{"@type": "Country", "name": "New Zealand"}, {"@type": "Country", "name": "Australia"}],
      "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Wellington", "addressCountry": "NZ"}},
      "baseSalary": {"@type": "MonetaryAmount", "currency": "NZD",
                     "value": {"@type": "QuantitativeValue", "minValue": 150000, "maxValue": 180000, "unitText": "YEAR"}},
      "skills": ["Kubernetes", "Terraform", "Frobnication"], "qualifications": "Five years running Linux in production",
      "totalJobOpenings": 2}</script></head><body>Jobs at Kiwi Cloud</body></html>
    """#

@Suite("Importing jobs from postings")
struct JobImportTests {
    @Test("a careers page's JobPosting becomes a job for a new client: place, desk, remote scope, pay, seniority, skills")
    func careersPageJob() async throws {
        let firm = try await JobFirm()
        let report = try await firm.run("kiwi-cloud.html", careersPage)
        #expect(report.format == "schema-org-job" && report.committed && report.count(.created) == 1, "\(report.text)")
        let details = try await firm.job(report)
        #expect(details.title == "Senior Site Reliability Engineer" && details.seniority == .senior)
        #expect(details.location == Location(city: "Wellington", country: "NZ") && details.region == .nz)
        #expect(details.remotePolicy == .remote && details.remoteScope == .countries(["NZ", "AU"]))
        #expect(details.employmentType == .permanent && details.openings == 2 && details.status == .open)
        #expect(details.pay == PayRange(minimum: Money(major: 150_000, .nzd, per: .year), maximum: Money(major: 180_000, .nzd, per: .year)))
        #expect(firm.skills(details, .must).isSuperset(of: ["Kubernetes", "Terraform", "Linux"]))
        #expect(firm.skills(details, .nice).isSuperset(of: ["AWS", "Python"]))
        #expect(details.description.hasPrefix("Run our Kubernetes fleet on AWS and keep it boring.\n\n• On call one week in six"))
        #expect(details.practiceID != nil)
        let client = try await firm.store.client(details.clientID)
        #expect(client.details == ClientDetails(name: "Kiwi Cloud Ltd", industry: "Cloud hosting", region: .nz,
                                                 website: "https://kiwicloud.example"))
        #expect(report.records[0].unresolvedSkills == ["Frobnication"] && report.records[0].client == "Kiwi Cloud Ltd")
        #expect(try await firm.store.unresolvedSkills(limit: 10).map(\.example) == ["Frobnication"])
        let history = try await firm.store.importHistory(job: JobID(report.records[0].jobID!))
        #expect(history.map(\.fileName) == ["kiwi-cloud.html"] && history.map(\.outcome) == [.created])
    }

    @Test("importing a posting again changes nothing; a changed posting updates its job and keeps what the firm decided")
    func reimport() async throws {
        let firm = try await JobFirm()
        let first = try await firm.run("kiwi-cloud.html", careersPage)
        let id = JobID(try #require(first.records[0].jobID))
        let again = try await firm.run("kiwi-cloud.html", careersPage)
        #expect(again.count(.unchanged) == 1 && again.records[0].jobID == id.rawValue, "\(again.text)")
        // The firm puts the job on hold; the client raises the pay band.
        let held = try await firm.store.job(id)
        var onHold = held.details
        onHold.status = .onHold
        _ = try await firm.records.updateJob(id, expectedVersion: held.version, onHold)
        let raised = try await firm.run("kiwi-cloud.html", careersPage.replacingOccurrences(of: "180000", with: "195000"))
        #expect(raised.count(.updated) == 1 && raised.records[0].jobID == id.rawValue, "\(raised.text)")
        let details = try await firm.store.job(id).details
        #expect(details.pay?.maximum == Money(major: 195_000, .nzd, per: .year) && details.status == .onHold)
        #expect(try await firm.jobCount() == 1)
        #expect(try await firm.store.importHistory(job: id).map(\.outcome) == [.created, .updated])
        #expect(!raised.text.contains("new to the firm"))
    }

    @Test("the JSON Resume schema's sample job: Berlin needs a desk; pay in euros, read per year; skills from the keywords")
    func jsonResumeSample() async throws {
        let firm = try await JobFirm()
        let sample = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../RapportFormatsTests/Fixtures/jsonresume/resume-schema/sample.job.json"), encoding: .utf8)
        let refused = try await firm.run("sample.job.json", sample)
        #expect(refused.count(.rejected) == 1 && !refused.committed && refused.stopped != nil)
        #expect(refused.records[0].issues.contains { $0.field == "/location" && $0.severity == "error" && $0.message.contains("Germany") })
        let report = try await firm.run("sample.job.json", sample, ImportOptions(region: .uk))
        #expect(report.format == "json-resume-job" && report.count(.created) == 1, "\(report.text)")
        let details = try await firm.job(report)
        #expect(details.location == Location(city: "Berlin", country: "DE") && details.region == .uk && details.remotePolicy == .hybrid)
        #expect(details.pay == PayRange(minimum: Money(major: 100_000, .eur, per: .year), maximum: Money(major: 100_000, .eur, per: .year)))
        #expect(details.seniority == .mid && details.employmentType == .permanent)
        #expect(firm.skills(details, .must).isSuperset(of: ["HTML", "CSS", "JavaScript", "React", "Node.js", "MongoDB"]))
        #expect(details.description.contains("Responsibilities:\n• Develop and maintain web applications"))
        let warnings = report.records[0].issues.map(\.message)
        #expect(warnings.contains { $0.contains("read as EUR") } && warnings.contains { $0.contains("per year from the amounts") })
        #expect(try await firm.run("sample.job.json", sample, ImportOptions(region: .uk)).count(.unchanged) == 1)
    }

    @Test("pay as postings write it, in the job's country: the currency of a bare $, a period, or not disclosed", arguments: payCases)
    func pay(text: String, country: String, expected: PayRange?) async throws {
        let firm = try await JobFirm()
        let posting = #"{"title": "Go Developer", "company": "Acme", "type": "Contract", "skills": ["Go"], "salary": "\#(text)", "location": {"countryCode": "\#(country)"}}"#
        let report = try await firm.run("pay.json", posting, ImportOptions(region: .us))
        #expect(report.count(.created) == 1, "\(report.text)")
        #expect(try await firm.job(report).pay == expected, "\(report.text)")
    }

    @Test("postings that cannot be jobs are refused with the field and the reason; --commit-valid keeps the rest")
    func refusals() async throws {
        let firm = try await JobFirm()
        let lines = [
            #"{"title": "Go Developer", "company": "Harbour Bank", "skills": ["Go"], "location": {"city": "London", "countryCode": "GB"}}"#,
            #"{"company": "Acme", "location": {"countryCode": "US"}, "skills": ["Go"]}"#,
            #"{"title": "Dreamer", "company": "Acme", "location": {"countryCode": "US"}, "skills": ["Frobnication"]}"#,
            #"{"title": "Go Developer", "company": "Acme", "skills": ["Go"], "location": {"countryCode": "Atlantis"}}"#,
            #"{"title": "Go Developer", "company": "Harbour Bank", "skills": ["Go"], "location": {"city": "London", "countryCode": "GB"}}"#,
            "not json",
        ].joined(separator: "\n")
        let report = try await firm.run("jobs.jsonl", lines, format: .jsonResumeJob)
        #expect(!report.committed && report.stopped?.contains("5 records were refused") == true, "\(report.text)")
        #expect(report.records.map(\.outcome) == [.created, .rejected, .rejected, .rejected, .rejected, .rejected])
        func errors(_ index: Int) -> [String] { report.records[index].issues.filter { $0.severity == "error" }.map { "\($0.field) \($0.message)" } }
        #expect(errors(1) == ["/title is missing; a job needs a title"])
        #expect(errors(2).first?.contains("/skills names no skill Rapport knows") == true && errors(2).first?.contains("Frobnication") == true)
        #expect(errors(3).first?.contains("\"Atlantis\"") == true)
        #expect(errors(4).first?.contains("same posting as record 1") == true)
        #expect(errors(5).first?.contains("not valid JSON") == true)
        #expect(try await firm.jobCount() == 0)

        let kept = try await firm.run("jobs.jsonl", lines, format: .jsonResumeJob, ImportOptions(commitValid: true))
        #expect(kept.committed && kept.count(.created) == 1)
        let details = try await firm.job(kept)
        #expect(details.clientID == firm.client.id && details.region == .uk && firm.skills(details, .must) == ["Go"])
        #expect(try await firm.store.clients(page: PageRequest()).total == 1)
    }

    @Test("a dry run stores nothing, not even the new client; an expired posting comes in closed")
    func dryRunAndExpired() async throws {
        let firm = try await JobFirm()
        let expired = careersPage.replacingOccurrences(of: "2027-01-31", with: "2026-10-31")
        let dry = try await firm.run("kiwi-cloud.html", expired, ImportOptions(dryRun: true))
        #expect(dry.dryRun && !dry.committed && dry.count(.created) == 1)
        #expect(try await firm.jobCount() == 0)
        #expect(try await firm.store.client(name: "Kiwi Cloud Ltd") == nil)
        let report = try await firm.run("kiwi-cloud.html", expired)
        #expect(try await firm.job(report).status == .closed)
        #expect(report.records[0].issues.contains { $0.field == "/validThrough" && $0.message.contains("closed on 2026-10-31") })
    }
}

@Suite("Exporting jobs: schema.org JobPosting that reads back as the same job")
struct JobExportTests {
    @Test("a job exported as JSON-LD imports in another firm with the same title, place, remote scope, terms, pay and skills")
    func roundTrip() async throws {
        let first = try await JobFirm()
        let report = try await first.run("kiwi-cloud.html", careersPage)
        let job = try await first.store.job(JobID(try #require(report.records.first?.jobID)))
        let export = JobPostingExport(taxonomy: first.taxonomy, firmName: "Rapport Talent", publicURL: "https://jobs.rapport.example")
        let document = export.posting(job, clientIndustry: "Cloud hosting")
        let text = String(decoding: try JobPostingExport.data(document), as: UTF8.self)
        #expect(!text.contains("Kiwi Cloud"), "the client is never named")
        for property in ["\"datePosted\"", "\"description\"", "\"hiringOrganization\"", "\"jobLocation\"", "\"title\"", "\"TELECOMMUTE\"",
                         "\"applicantLocationRequirements\"", "\"baseSalary\""] {
            #expect(text.contains(property), "\(property)")
        }
        let second = try await JobFirm()
        let again = try await second.run("feed.jsonld", text, ImportOptions())
        #expect(again.count(.created) == 1, "\(again.text)")
        let copy = try await second.job(again)
        #expect(copy.title == job.details.title && copy.location == job.details.location && copy.region == job.details.region)
        #expect(copy.remotePolicy == .remote && copy.remoteScope == job.details.remoteScope && copy.pay == job.details.pay)
        #expect(copy.employmentType == job.details.employmentType && copy.seniority == job.details.seniority && copy.openings == 2)
        #expect(second.skills(copy, .must) == first.skills(job.details, .must))
        #expect(try await second.store.client(copy.clientID).details.name == "Rapport Talent")
    }

    @Test("text that would end a script element is written so it cannot")
    func scriptSafe() throws {
        let text = String(decoding: try JobPostingExport.data(.object(["title": .string("</script><script>alert(1)</script>")])), as: UTF8.self)
        #expect(!text.contains("</script>") && text.contains("<\\/script>"))
        #expect(try JSONValue.parse(Data(text.utf8))["title"] == .string("</script><script>alert(1)</script>"))
    }
}
